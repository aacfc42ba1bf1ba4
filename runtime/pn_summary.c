/* pn_summary.c: a notice's first layer, the short notice a person sees
 * first, built from its structured facts and its section topics. */
#include "pn_summary.h"

#ifndef PN_NO_SUMMARY

/* Walks the first layer's blocks in order, stopping at the wanted one. */
typedef struct walk {
    const pn_notice *notice;
    pn__view view;             /* of the notice's catalog */
    const unsigned char *record;   /* the notice's record */
    const unsigned char *language; /* its language's record, or NULL */
    uint32_t sections;         /* its sections, as its record says */
    uint32_t want;             /* index of the block asked for */
    uint32_t at;               /* index of the next block produced */
    pn__block *out;
} walk;

static int reached(walk *w, pn_block_kind kind)
{
    if (w->at++ != w->want)
        return 0;
    w->out->kind = kind;
    w->out->level = kind == PN_BLOCK_LIST_ITEM ? 1u : 0u;
    w->out->number = 0;
    w->out->count = 0;
    return 1;
}

static void add(walk *w, const char *bytes, uint32_t len)
{
    pn__doc_add_plain(w->out, bytes, len);
}

static void add_text(walk *w, const pn__text *text)
{
    pn__doc_add(w->out, text);
}

/* The catalog's label `label` in the notice's language ("" if it has
 * none). */
static pn_status add_label(walk *w, enum pn__label label)
{
    pn__text text;
    pn_status st;

    if (!w->language)
        return PN_OK;
    st = pn__read_field_text(&w->view, w->language,
                             PN_LANGUAGE_LABEL_AT(label), &text);
    if (st == PN_OK)
        add_text(w, &text);
    return st;
}

static pn_status fact(const walk *w, enum pn__fact which, pn__text *text)
{
    return pn__read_field_text(&w->view, w->record, PN_NOTICE_FACT_AT(which),
                               text);
}

static pn_status controller_blocks(walk *w, int *found)
{
    pn__text name, orgno, email, phone, address, postcode, city;
    pn_status st;

    if ((st = fact(w, PN_FACT_CONTROLLER, &name)) != PN_OK ||
        (st = fact(w, PN_FACT_ORGNO, &orgno)) != PN_OK ||
        (st = fact(w, PN_FACT_EMAIL, &email)) != PN_OK ||
        (st = fact(w, PN_FACT_PHONE, &phone)) != PN_OK ||
        (st = fact(w, PN_FACT_ADDRESS, &address)) != PN_OK ||
        (st = fact(w, PN_FACT_POSTCODE, &postcode)) != PN_OK ||
        (st = fact(w, PN_FACT_CITY, &city)) != PN_OK)
        return st;
    *found = 1;
    if ((name.len || orgno.len) && reached(w, PN_BLOCK_PARAGRAPH)) {
        add_text(w, &name);
        if (name.len && orgno.len)
            add(w, ", ", 2);
        if (orgno.len) {
            st = add_label(w, PN_LABEL_ORGNO);
            add(w, " ", 1);
            add_text(w, &orgno);
        }
        return st;
    }
    if ((email.len || phone.len || address.len || city.len) &&
        reached(w, PN_BLOCK_PARAGRAPH))
        return add_label(w, PN_LABEL_CONTACT);
    if (email.len && reached(w, PN_BLOCK_LIST_ITEM)) {
        add_text(w, &email);
        return PN_OK;
    }
    if (phone.len && reached(w, PN_BLOCK_LIST_ITEM)) {
        st = add_label(w, PN_LABEL_PHONE);
        add(w, " ", 1);
        add_text(w, &phone);
        return st;
    }
    if ((address.len || postcode.len || city.len) &&
        reached(w, PN_BLOCK_LIST_ITEM)) {
        add_text(w, &address);
        if (address.len && (postcode.len || city.len))
            add(w, ", ", 2);
        add_text(w, &postcode);
        if (postcode.len && city.len)
            add(w, " ", 1);
        add_text(w, &city);
        return PN_OK;
    }
    *found = 0;
    return PN_OK;
}

/* The first layer's bounds (docs/LAYOUT.md): it looks for the sections of
 * a topic among the notice's first SUMMARY_SCAN_SECTIONS sections and
 * lists at most SUMMARY_MAX_ITEMS of them, so that a block of it costs
 * the same however many sections the notice has. */
#define SUMMARY_SCAN_SECTIONS 256u
#define SUMMARY_MAX_ITEMS 8u

/* A heading line, then one list item per section tagged `topic`. */
static pn_status topic_blocks(walk *w, pn_topic topic,
                              enum pn__label label, int *found)
{
    pn_section sec;
    pn__text title;
    uint32_t i, listed = 0;
    int any = 0;
    pn_status st;

    *found = 0;
    for (i = 0; i < w->sections && i < SUMMARY_SCAN_SECTIONS &&
                listed < SUMMARY_MAX_ITEMS;
         i++) {
        if ((st = pn_section_at(w->notice, i, &sec)) != PN_OK)
            return st;
        if (sec.level == 0 || !(sec.topics & PN_TOPIC_BIT(topic)))
            continue;
        listed++;
        if (!any && reached(w, PN_BLOCK_PARAGRAPH)) {
            *found = 1;
            return add_label(w, label);
        }
        any = 1;
        if (reached(w, PN_BLOCK_LIST_ITEM)) {
            if ((st = pn__read_section_title(&sec, &title)) != PN_OK)
                return st;
            add_text(w, &title);
            *found = 1;
            return PN_OK;
        }
    }
    return PN_OK;
}

static pn_status closing_blocks(walk *w, int *found)
{
    pn__text authority, web;
    pn_status st;

    if ((st = fact(w, PN_FACT_AUTHORITY, &authority)) != PN_OK ||
        (st = fact(w, PN_FACT_WEB, &web)) != PN_OK)
        return st;
    *found = 1;
    if (authority.len && reached(w, PN_BLOCK_PARAGRAPH)) {
        if ((st = add_label(w, PN_LABEL_COMPLAINT)) != PN_OK)
            return st;
        add_text(w, &authority);
        return add_label(w, PN_LABEL_COMPLAINT_END);
    }
    if (web.len && reached(w, PN_BLOCK_PARAGRAPH)) {
        st = add_label(w, PN_LABEL_WEB);
        add(w, " ", 1);
        add_text(w, &web);
        return st;
    }
    if (reached(w, PN_BLOCK_PARAGRAPH))
        return add_label(w, PN_LABEL_FULL_TEXT);
    *found = 0;
    return PN_OK;
}

pn_status pn__summary_block(const pn_notice *notice, uint32_t index,
                            pn__block *out)
{
    walk w;
    pn__text title;
    const unsigned char *rec;
    const char *lang;
    uint32_t first;
    int found = 0;
    pn_status st;

    /* The handle's own lang and section_count are the caller's: the
     * record's are used instead. */
    if ((st = pn__read_notice_of(&w.view, notice, &rec)) != PN_OK ||
        (st = pn__read_field_name(&w.view, rec, PN_NOTICE_AT(lang, 4),
                                  &lang)) != PN_OK ||
        (st = pn__read_notice_sections(&w.view, rec, &first,
                                       &w.sections)) != PN_OK)
        return st;
    w.notice = notice;
    w.record = rec;
    w.language = pn__read_language(&w.view, lang, pn__read_strlen(lang));
    w.want = index;
    w.at = 0;
    w.out = out;
    if (reached(&w, PN_BLOCK_HEADING)) {
        st = pn__read_field_text(&w.view, rec, PN_NOTICE_AT(title, 4),
                                 &title);
        if (st == PN_OK)
            add_text(&w, &title);
        return st;
    }
    if ((st = controller_blocks(&w, &found)) != PN_OK || found ||
        (st = topic_blocks(&w, PN_TOPIC_PURPOSES, PN_LABEL_PURPOSES,
                           &found)) != PN_OK || found ||
        (st = topic_blocks(&w, PN_TOPIC_RIGHTS, PN_LABEL_RIGHTS,
                           &found)) != PN_OK || found ||
        (st = closing_blocks(&w, &found)) != PN_OK || found)
        return st;
    return PN_ERR_RANGE;
}

#else
typedef int pn__summary_compiled_out; /* C99 wants a declaration */
#endif
