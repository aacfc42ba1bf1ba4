/* pn_summary.c: a notice's first layer, the short notice a person sees
 * first: the section its author tagged `summary`, or one built from its
 * structured facts and its section topics. */
#include "pn_summary.h"
#include "pn_font.h"

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
    w->out->limit = 0;
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
    st = pn__read_label(&w->view, w->language, label, &text);
    if (st == PN_OK)
        add_text(w, &text);
    return st;
}

static pn_status fact(const walk *w, enum pn__fact which, pn__text *text)
{
    return pn__read_notice_fact(&w->view, w->record, which, text);
}

/* The data protection officer, when the header names one: "label name,
 * e-mail" (the phone when there is no e-mail). */
static pn_status dpo_block(walk *w, int *found)
{
    pn__text name, reach;
    int named, reachable;
    pn_status st;

    *found = 0;
    if ((st = pn__read_party_fact(&w->view, w->record, PN_ROLE_DPO, 0,
                                  PN_FACT_CONTROLLER, &name, &named)) !=
            PN_OK ||
        (st = pn__read_party_fact(&w->view, w->record, PN_ROLE_DPO, 0,
                                  PN_FACT_EMAIL, &reach, &reachable)) !=
            PN_OK)
        return st;
    if (!reachable &&
        (st = pn__read_party_fact(&w->view, w->record, PN_ROLE_DPO, 0,
                                  PN_FACT_PHONE, &reach, &reachable)) !=
            PN_OK)
        return st;
    if (!(named || reachable) || !reached(w, PN_BLOCK_LIST_ITEM))
        return PN_OK;
    *found = 1;
    st = add_label(w, PN_LABEL_DPO);
    add(w, " ", 1);
    add_text(w, &name);
    if (named && reachable)
        add(w, ", ", 2);
    add_text(w, &reach);
    return st;
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
    return dpo_block(w, found);
}

/* ---- Purposes and rights ------------------------------------------------ */

#define LABEL_MAX 64u          /* bytes of a label compared with titles */
#define LABEL_MIN 4u           /* a shorter label is no evidence */

/* `b` in lower case, for ASCII and for the Latin-1 letters of UTF-8 (the
 * second byte of a 0xC3 pair, `prev` being the byte before). */
static unsigned fold(unsigned b, unsigned prev)
{
    if (b >= 'A' && b <= 'Z')
        return b + 32u;
    if (prev == 0xC3u && b >= 0x80u && b <= 0x9Eu && b != 0x97u)
        return b + 32u;
    return b;
}

/* Label `label`, folded, without the ':' and spaces that end it, into
 * `text`; `*n` gets its bytes, 0 if fewer than LABEL_MIN. */
static pn_status label_folded(const walk *w, enum pn__label label,
                              unsigned char text[LABEL_MAX], unsigned *n)
{
    pn__text t;
    char buf[LABEL_MAX];
    size_t len, i;
    int cut;
    pn_status st;

    *n = 0;
    if (!w->language)
        return PN_OK;
    if ((st = pn__read_label(&w->view, w->language, label, &t)) != PN_OK ||
        (st = pn__dec_put(buf, sizeof buf, &t, &len, &cut)) != PN_OK)
        return st;
    while (len > 0 && (buf[len - 1] == ':' || buf[len - 1] == ' '))
        len--;
    if (len < LABEL_MIN)
        return PN_OK;
    for (i = 0; i < len; i++)
        text[i] = (unsigned char)fold((unsigned char)buf[i],
                                      i ? (unsigned char)buf[i - 1] : 0u);
    *n = (unsigned)len;
    return PN_OK;
}

/* Whether `title` starts with the `n` folded bytes of its label, case
 * aside: it then says no more than the label ("Dine rettigheter" under
 * "Dine rettigheter:", "Formålet med behandlingen" under "Formål:"). */
static pn_status restates(const pn__text *title, const unsigned char *label,
                          unsigned n, int *yes)
{
    pn__dec d;
    unsigned i = 0, prev = 0;
    int b;

    *yes = 0;
    if (n == 0)
        return PN_OK;
    pn__dec_open(&d, title);
    while (i < n && (b = pn__dec_byte(&d)) >= 0 &&
           fold((unsigned)b, prev) == label[i]) {
        prev = (unsigned)b;
        i++;
    }
    *yes = i == n;
    return d.err ? PN_ERR_FORMAT : PN_OK;
}

/* The first sentence of the section's first block, if that is a
 * paragraph: the block's text into `*text`, and into `*len` its bytes up
 * to a '.', '!' or '?' before a space (all of it if none); `*len` 0 if
 * the block is no paragraph. */
static pn_status first_sentence(const pn_section *sec, pn__text *text,
                                uint32_t *len)
{
    pn__dec d;
    unsigned kind, level;
    uint32_t number;
    int b, end = 0;
    pn_status st = pn__read_block(sec, 0, &kind, &level, &number, text);

    *len = 0;
    if (st == PN_ERR_RANGE || (st == PN_OK && kind != PN_BLOCK_PARAGRAPH))
        return PN_OK;
    if (st != PN_OK)
        return st;
    pn__dec_open(&d, text);
    while ((b = pn__dec_byte(&d)) >= 0) {
        if (end && (b == ' ' || b == '\n'))
            break;
        ++*len;
        end = b == '.' || b == '!' || b == '?';
    }
    if (d.err) {
        *len = 0;
        return PN_ERR_FORMAT;
    }
    return PN_OK;
}

/* The first layer's bounds (docs/LAYOUT.md): it looks for the sections of
 * a topic among the notice's first SUMMARY_SCAN_SECTIONS sections and
 * lists at most SUMMARY_MAX_ITEMS of them, so that a block of it costs
 * the same however many sections the notice has. */
#define SUMMARY_SCAN_SECTIONS 256u
#define SUMMARY_MAX_ITEMS 8u

/* The sections tagged with one topic, as the first layer lists them. */
typedef struct topic_list {
    unsigned char label[LABEL_MAX]; /* the label, folded */
    unsigned label_len;
    uint32_t titles;           /* titles listed */
    uint32_t seen;             /* titles met in this pass */
    uint32_t first_generic;    /* the first section left out, or sections */
    int emit;                  /* 0: count the titles; 1: produce them */
} topic_list;

/* Section `index`, tagged with the topic and heading no other section
 * tagged with it: its title is listed unless it restates the label. Sets
 * `*found` when it produced the block asked for. */
static pn_status list_title(walk *w, topic_list *l, uint32_t index,
                            int *found)
{
    pn_section sec;
    pn__text title;
    int generic;
    pn_status st;

    if ((st = pn_section_at(w->notice, index, &sec)) != PN_OK ||
        (st = pn__read_section_title(&sec, &title)) != PN_OK ||
        (st = restates(&title, l->label, l->label_len, &generic)) != PN_OK)
        return st;
    if (generic) {
        if (l->first_generic == w->sections)
            l->first_generic = index;
    } else if (l->seen++ >= SUMMARY_MAX_ITEMS) {
        /* past the bound: not listed */
    } else if (!l->emit) {
        l->titles++;
    } else if (reached(w, PN_BLOCK_LIST_ITEM)) {
        add_text(w, &title);
        *found = 1;
    }
    return PN_OK;
}

/* Goes through the sections tagged `topic`, leaving out each that heads
 * another (a section of a deeper level in its part of the notice, tagged
 * too): that one's title says more. */
static pn_status list_titles(walk *w, topic_list *l, pn_topic topic,
                             int *found)
{
    pn_section sec;
    uint32_t scanned = w->sections < SUMMARY_SCAN_SECTIONS
                           ? w->sections
                           : SUMMARY_SCAN_SECTIONS;
    uint32_t i, pending = scanned;
    unsigned pending_level = 0, least_since = 0;
    pn_status st;

    l->seen = 0;
    /* Counting only asks whether any title is left; producing stops at
     * the block asked for or at the bound. */
    for (i = 0; i <= scanned && !*found &&
                (l->emit ? l->seen < SUMMARY_MAX_ITEMS : l->titles == 0);
         i++) {
        int tagged = 0;
        if (i < scanned) {
            if ((st = pn_section_at(w->notice, i, &sec)) != PN_OK)
                return st;
            tagged = sec.level > 0 && (sec.topics & PN_TOPIC_BIT(topic));
            if (!tagged) {
                if (sec.level < least_since)
                    least_since = sec.level;
                continue;
            }
        }
        if (pending < scanned &&
            !(i < scanned && sec.level > pending_level &&
              least_since > pending_level) &&
            (st = list_title(w, l, pending, found)) != PN_OK)
            return st;
        pending = i;
        pending_level = i < scanned ? sec.level : 0;
        least_since = ~0u;
    }
    return PN_OK;
}

/* The label of `topic`, then the titles of the sections tagged with it
 * (list_titles(), list_title()). If no title is left, the first sentence
 * of the first section left out stands in for them; if there is none
 * either, the label goes too (docs/LAYOUT.md, "The first layer"). */
static pn_status topic_blocks(walk *w, pn_topic topic,
                              enum pn__label label, int *found)
{
    topic_list l;
    pn_section sec;
    pn__text sentence;
    uint32_t sentence_len = 0;
    pn_status st;

    *found = 0;
    l.titles = 0;
    l.first_generic = w->sections;
    l.emit = 0;
    if ((st = label_folded(w, label, l.label, &l.label_len)) != PN_OK ||
        (st = list_titles(w, &l, topic, found)) != PN_OK)
        return st;
    if (l.titles == 0 && l.first_generic < w->sections &&
        ((st = pn_section_at(w->notice, l.first_generic, &sec)) != PN_OK ||
         (st = first_sentence(&sec, &sentence, &sentence_len)) != PN_OK))
        return st;
    if (l.titles == 0 && sentence_len == 0)
        return PN_OK;
    if (reached(w, PN_BLOCK_PARAGRAPH)) {
        *found = 1;
        return add_label(w, label);
    }
    if (l.titles == 0) {
        if (reached(w, PN_BLOCK_LIST_ITEM)) {
            *found = 1;
            add_text(w, &sentence);
            w->out->limit = sentence_len;
        }
        return PN_OK;
    }
    l.emit = 1;
    return list_titles(w, &l, topic, found);
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

pn_status pn__summary_find(const pn_notice *notice, uint32_t *authored)
{
    pn_section summary;
    pn_status st = pn_section_by_topic(notice, PN_TOPIC_SUMMARY, 0, &summary);

    *authored = st == PN_OK ? summary.index + 1u : 0u;
    return st == PN_ERR_NOT_FOUND ? PN_OK : st;
}

pn_status pn__summary_block(const pn_notice *notice, uint32_t authored,
                            uint32_t index, pn__block *out)
{
    walk w;
    pn_section summary;
    pn__text title;
    const unsigned char *rec;
    const char *lang;
    uint32_t first;
    int found = 0;
    pn_status st;

    /* A first layer the author wrote comes before the one built here. */
    if (authored > 0) {
        st = pn_section_at(notice, authored - 1u, &summary);
        if (st == PN_ERR_RANGE ||
            (st == PN_OK &&
             !(summary.topics & PN_TOPIC_BIT(PN_TOPIC_SUMMARY))))
            return PN_ERR_ARG;
        if (st != PN_OK)
            return st;
        return pn__doc_section_block(&summary, index, out);
    }
    /* The handle's own lang and section_count are the caller's: the
     * record's are used instead. */
    if ((st = pn__read_notice_of(&w.view, notice, &rec)) != PN_OK ||
        (st = pn__read_field_name(&w.view, rec,
                                  PN_NOTICE_AT(lang, PN_OFFSET_SIZE),
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
        st = pn__read_field_text(&w.view, rec,
                                 PN_NOTICE_AT(title, PN_OFFSET_SIZE), &title);
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

#ifndef PN_NO_QR
#ifndef PN_NO_DRAW
pn_status pn__summary_qr_scale(const pn_notice *notice,
                               const pn_screen *screen, unsigned *scale,
                               unsigned *side, unsigned *line_height)
{
    pn__view v;
    const unsigned char *rec;
    unsigned size, ascent, across, down;
    pn_status st;

    *scale = 0;
    if ((st = pn_qr_size(notice, &size)) != PN_OK ||
        (st = pn__read_notice_of(&v, notice, &rec)) != PN_OK ||
        (st = pn__font_line(&v, &ascent, line_height)) != PN_OK)
        return st;
    *side = size + 2u * PN_QR_QUIET_ZONE;
    across = screen->cols / *side;
    down = screen->rows > *line_height
               ? (screen->rows - *line_height) / *side
               : 0u;
    *scale = across < down ? across : down;
    return PN_OK;
}
#endif

pn_status pn__summary_qr(const pn_notice *notice, const pn_screen *screen,
                         int *qr, pn__block *label)
{
    int ascii = (screen->flags & (PN_ASCII | PN_LATIN1)) != 0, fits;
    unsigned size, side;
    walk w;
    const unsigned char *rec;
    const char *lang;
    pn_status st = pn_qr_size(notice, &size);

    *qr = PN_QR_PAGE_NONE;
    if (st == PN_ERR_NOT_FOUND)
        return PN_OK;
    if (st != PN_OK)
        return st;
    side = size + 2u * PN_QR_QUIET_ZONE;
    /* The code's lines and the label's. */
    fits = screen->cols >= (ascii ? 2u * side : side) &&
           screen->rows >= (ascii ? side : (side + 1u) / 2u) + 1u;
#ifndef PN_NO_DRAW
    if (screen->flags & PN_PIXELS) {
        unsigned scale, line_height;
        if ((st = pn__summary_qr_scale(notice, screen, &scale, &side,
                                       &line_height)) != PN_OK)
            return st;
        fits = scale > 0;
    }
#endif
    if (!fits) {
        *qr = PN_QR_PAGE_SKIPPED;
        return PN_OK;
    }
    *qr = PN_QR_PAGE_SHOWN;
    if (!label)
        return PN_OK;
    if ((st = pn__read_notice_of(&w.view, notice, &rec)) != PN_OK ||
        (st = pn__read_field_name(&w.view, rec,
                                  PN_NOTICE_AT(lang, PN_OFFSET_SIZE),
                                  &lang)) != PN_OK)
        return st;
    w.language = pn__read_language(&w.view, lang, pn__read_strlen(lang));
    w.want = 0;
    w.at = 0;
    w.out = label;
    reached(&w, PN_BLOCK_PARAGRAPH);
    return add_label(&w, PN_LABEL_QR);
}
#endif /* PN_NO_QR */

#else
typedef int pn__summary_compiled_out; /* C99 wants a declaration */
#endif
