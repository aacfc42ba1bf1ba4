/* pn_summary.c: a notice's first layer, the short notice a person sees
 * first, built from its structured facts and its section topics. */
#include "pn_summary.h"

typedef struct labels {
    const char *lang;
    const char *orgno;         /* before the org number */
    const char *contact;       /* heads the contact details */
    const char *phone;         /* before the phone number */
    const char *purposes;      /* heads the purposes */
    const char *rights;        /* heads the sections on rights */
    const char *complaint;     /* before the authority's name */
    const char *full_text;     /* says the full notice follows */
    const char *web;           /* before the web address */
} labels;

/* The first entry is the fallback for languages not listed. */
static const labels all_labels[] = {
    {"en", "org. no.", "Contact:", "Phone", "Why we process personal data:",
     "Your rights:", "You can complain to ",
     "The full notice follows on the next pages.", "Web:"},
    {"nb", "org.nr.", "Kontakt:", "Tlf.", "Formål:", "Dine rettigheter:",
     "Du kan klage til ",
     "Hele personvernerklæringen følger på de neste sidene.", "Nett:"},
    {"nn", "org.nr.", "Kontakt:", "Tlf.", "Føremål:", "Rettane dine:",
     "Du kan klage til ",
     "Heile personvernerklæringa følgjer på dei neste sidene.", "Nett:"},
};

static const labels *labels_for(const char *lang)
{
    size_t i;
    for (i = 0; i < sizeof all_labels / sizeof all_labels[0]; i++)
        if (pn__read_name_is(lang, all_labels[i].lang,
                            pn__read_strlen(all_labels[i].lang)))
            return &all_labels[i];
    return &all_labels[0];
}

/* Walks the first layer's blocks in order, stopping at the wanted one. */
typedef struct walk {
    const pn_notice *notice;
    const labels *label;
    uint32_t want;             /* index of the block asked for */
    uint32_t at;               /* index of the next block produced */
    pn__block *out;
} walk;

static int reached(walk *w, pn_block_kind kind)
{
    if (w->at++ != w->want)
        return 0;
    w->out->kind = kind;
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

static void add_label(walk *w, const char *label)
{
    add(w, label, (uint32_t)pn__read_strlen(label));
}

static pn_status fact(const walk *w, enum pn__fact which, pn__text *text)
{
    return pn__read_notice_text(w->notice, PN_NOTICE_FACT_AT(which), text);
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
            add_label(w, w->label->orgno);
            add(w, " ", 1);
            add_text(w, &orgno);
        }
        return PN_OK;
    }
    if ((email.len || phone.len || address.len || city.len) &&
        reached(w, PN_BLOCK_PARAGRAPH)) {
        add_label(w, w->label->contact);
        return PN_OK;
    }
    if (email.len && reached(w, PN_BLOCK_LIST_ITEM)) {
        add_text(w, &email);
        return PN_OK;
    }
    if (phone.len && reached(w, PN_BLOCK_LIST_ITEM)) {
        add_label(w, w->label->phone);
        add(w, " ", 1);
        add_text(w, &phone);
        return PN_OK;
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

/* A heading line, then one list item per section tagged `topic`. */
static pn_status topic_blocks(walk *w, pn_topic topic, const char *label,
                              int *found)
{
    pn_section sec;
    pn__text title;
    uint32_t i;
    int any = 0;
    pn_status st;

    *found = 0;
    for (i = 0; i < w->notice->section_count; i++) {
        if ((st = pn_section_at(w->notice, i, &sec)) != PN_OK)
            return st;
        if (sec.level == 0 || !(sec.topics & PN_TOPIC_BIT(topic)))
            continue;
        if (!any && reached(w, PN_BLOCK_PARAGRAPH)) {
            add_label(w, label);
            *found = 1;
            return PN_OK;
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
        add_label(w, w->label->complaint);
        add_text(w, &authority);
        add(w, ".", 1);
        return PN_OK;
    }
    if (web.len && reached(w, PN_BLOCK_PARAGRAPH)) {
        add_label(w, w->label->web);
        add(w, " ", 1);
        add_text(w, &web);
        return PN_OK;
    }
    if (reached(w, PN_BLOCK_PARAGRAPH)) {
        add_label(w, w->label->full_text);
        return PN_OK;
    }
    *found = 0;
    return PN_OK;
}

pn_status pn__summary_block(const pn_notice *notice, uint32_t index,
                            pn__block *out)
{
    walk w;
    pn__text title;
    int found = 0;
    pn_status st;

    w.notice = notice;
    w.label = labels_for(notice->lang);
    w.want = index;
    w.at = 0;
    w.out = out;
    if (reached(&w, PN_BLOCK_HEADING)) {
        st = pn__read_notice_text(notice, PN_NOTICE_AT(title, 4), &title);
        if (st == PN_OK)
            add_text(&w, &title);
        return st;
    }
    if ((st = controller_blocks(&w, &found)) != PN_OK || found ||
        (st = topic_blocks(&w, PN_TOPIC_PURPOSES, w.label->purposes,
                           &found)) != PN_OK || found ||
        (st = topic_blocks(&w, PN_TOPIC_RIGHTS, w.label->rights,
                           &found)) != PN_OK || found ||
        (st = closing_blocks(&w, &found)) != PN_OK || found)
        return st;
    return PN_ERR_RANGE;
}
