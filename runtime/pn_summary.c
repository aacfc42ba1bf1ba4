/* pn_summary.c: a notice's first layer, the short notice a person sees
 * first: the section its author tagged `summary`, or one built from its
 * structured facts and its section topics. */
#include "pn_summary.h"
#include "pn_font.h"

#ifndef PN_NO_SUMMARY

/* The texts the first layer's fact blocks show (step): the controller's
 * facts, then the data protection officer's name and way to reach them.
 * A walk keeps which are present, not the texts: the one block shown
 * reads its own again, so the walk's frame holds no text per slot. */
enum { SLOT_DPO_NAME = PN_FACT_COUNT, SLOT_DPO_REACH, SLOT_COUNT };
#define SLOT_BIT(slot) (1u << (slot))

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
    unsigned present;          /* SLOT_BIT()s of the slots it states */
    unsigned reach;            /* the DPO's fact in SLOT_DPO_REACH */
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
static pn_status add_label(walk *w, unsigned label)
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

/* The DPO's `fact` into `text`, `*found` 1 when the header names it. */
static pn_status dpo_fact(const walk *w, unsigned fact, pn__text *text,
                          int *found)
{
    return pn__read_party_fact(&w->view, w->record, PN_ROLE_DPO, 0, fact,
                               text, found);
}

/* The text of `slot`. */
static pn_status slot_text(const walk *w, unsigned slot, pn__text *text)
{
    int found;

    if (slot < PN_FACT_COUNT)
        return fact(w, (enum pn__fact)slot, text);
    return dpo_fact(w, slot == SLOT_DPO_NAME ? PN_FACT_CONTROLLER : w->reach,
                    text, &found);
}

/* Reads the notice's facts `from` .. `to` - 1: which are present. */
static pn_status read_facts(walk *w, unsigned from, unsigned to)
{
    pn__text text;
    pn_status st;

    for (; from < to; from++) {
        st = fact(w, (enum pn__fact)from, &text);
        if (st != PN_OK)
            return st;
        if (text.len)
            w->present |= SLOT_BIT(from);
    }
    return PN_OK;
}

/* Reads facts of the data protection officer: `pairs` (fact, slot)
 * pairs, each for its slot unless an earlier one made the slot present
 * (so the phone stands in for an e-mail address only when there is
 * none); a slot is present when the header names its fact. */
static pn_status read_dpo(walk *w, const uint8_t *pairs, unsigned n)
{
    pn__text text;
    int found;
    unsigned slot;
    pn_status st;

    for (; n > 0; n--, pairs += 2) {
        slot = pairs[1];
        if (w->present & SLOT_BIT(slot))
            continue;
        st = dpo_fact(w, pairs[0], &text, &found);
        if (st != PN_OK)
            return st;
        if (found)
            w->present |= SLOT_BIT(slot);
        if (slot == SLOT_DPO_REACH)
            w->reach = pairs[0];
    }
    return PN_OK;
}

/* A step of the first layer (summary_steps): a block built from facts,
 * or the reading of facts, or the blocks of a topic.
 *
 * A block (`kind` a pn_block_kind) is shown when any slot of `shown_if`
 * is present (always when 0), as its ops say in order: OP_FACT(slot) the
 * slot's text, if present; OP_LABEL(label) a label; OP_SPACE a space;
 * OP_COMMA and OP_BLANK a separator between two present facts (the first
 * of those between them); OP_ONLY(slot) ends the block unless the slot
 * is present. A separator waiting goes out before whatever is shown
 * next. */
#define OP_FACT(slot) (1u + (slot))
#define OP_LABEL(label) (0x10u + (label))
#define OP_SPACE 0x40u
#define OP_COMMA 0x41u
#define OP_BLANK 0x42u
#define OP_ONLY(slot) (0x80u + (slot))
#define STEP_OPS 6
/* The other steps' kinds and what their ops are. */
#define STEP_FACTS 0x10u /* read the notice's facts op[0] .. op[1] - 1 */
#define STEP_DPO 0x11u   /* read_dpo() of the 3 pairs in op */
#define STEP_TOPIC 0x12u /* topic_blocks() of topic op[0], label op[1] */

typedef struct step {
    uint16_t shown_if;
    uint8_t kind;
    uint8_t op[STEP_OPS];      /* ended by 0 when fewer */
} step;

PN_STATIC_ASSERT(SLOT_COUNT <= 15 && PN_LABEL_DPO < 0x30, fact_ops_fit);

static pn_status show_ops(walk *w, const uint8_t *op)
{
    unsigned i, sep = 0; /* the separator waiting: its bytes of ", " */
    int shown = 0;
    pn__text text;
    pn_status st = PN_OK, op_st;

    for (i = 0; i < STEP_OPS && op[i] != 0; i++) {
        unsigned o = op[i];
        if (o >= OP_ONLY(0)) {
            if (!(w->present & SLOT_BIT(o - OP_ONLY(0))))
                break;
            continue;
        }
        if (o == OP_COMMA || o == OP_BLANK) {
            if (shown && sep == 0)
                sep = o == OP_COMMA ? 2u : 1u;
            continue;
        }
        if (o < OP_LABEL(0) && !(w->present & SLOT_BIT(o - OP_FACT(0))))
            continue;
        add(w, &", "[2 - sep], sep);
        sep = 0;
        op_st = PN_OK;
        if (o < OP_LABEL(0)) {
            if ((op_st = slot_text(w, o - OP_FACT(0), &text)) == PN_OK)
                add_text(w, &text);
            shown = 1;
        } else if (o == OP_SPACE) {
            add(w, " ", 1);
        } else {
            op_st = add_label(w, o - OP_LABEL(0));
        }
        if (st == PN_OK)
            st = op_st;
    }
    return st;
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
static pn_status label_folded(const walk *w, unsigned label,
                              unsigned char text[LABEL_MAX], unsigned *n)
{
    pn__text t;
    size_t len, i;
    unsigned b, prev = 0;
    int cut;
    pn_status st;

    *n = 0;
    if (!w->language)
        return PN_OK;
    if ((st = pn__read_label(&w->view, w->language, label, &t)) != PN_OK ||
        (st = pn__dec_put((char *)text, LABEL_MAX, &t, &len, &cut)) != PN_OK)
        return st;
    while (len > 0 && (text[len - 1] == ':' || text[len - 1] == ' '))
        len--;
    if (len < LABEL_MIN)
        return PN_OK;
    for (i = 0; i < len; i++) {
        b = text[i];
        text[i] = (unsigned char)fold(b, prev);
        prev = b;
    }
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
static pn_status topic_blocks(walk *w, pn_topic topic, unsigned label,
                              int *found)
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

#define BIT SLOT_BIT
/* The first layer after its heading (docs/LAYOUT.md): the controller,
 * its contact details and DPO, the purposes and the rights, where to
 * complain, the full notice. Facts are read as late as the blocks that
 * show them, so damage elsewhere does not stop the blocks before. */
static const step summary_steps[] = {
    {0, STEP_FACTS, {PN_FACT_CONTROLLER, PN_FACT_WEB}},
    {BIT(PN_FACT_CONTROLLER) | BIT(PN_FACT_ORGNO), PN_BLOCK_PARAGRAPH,
     {OP_FACT(PN_FACT_CONTROLLER), OP_COMMA, OP_ONLY(PN_FACT_ORGNO),
      OP_LABEL(PN_LABEL_ORGNO), OP_SPACE, OP_FACT(PN_FACT_ORGNO)}},
    {BIT(PN_FACT_EMAIL) | BIT(PN_FACT_PHONE) | BIT(PN_FACT_ADDRESS) |
         BIT(PN_FACT_CITY),
     PN_BLOCK_PARAGRAPH, {OP_LABEL(PN_LABEL_CONTACT)}},
    {BIT(PN_FACT_EMAIL), PN_BLOCK_LIST_ITEM, {OP_FACT(PN_FACT_EMAIL)}},
    {BIT(PN_FACT_PHONE), PN_BLOCK_LIST_ITEM,
     {OP_LABEL(PN_LABEL_PHONE), OP_SPACE, OP_FACT(PN_FACT_PHONE)}},
    {BIT(PN_FACT_ADDRESS) | BIT(PN_FACT_POSTCODE) | BIT(PN_FACT_CITY),
     PN_BLOCK_LIST_ITEM,
     {OP_FACT(PN_FACT_ADDRESS), OP_COMMA, OP_FACT(PN_FACT_POSTCODE),
      OP_BLANK, OP_FACT(PN_FACT_CITY)}},
    {0, STEP_DPO,
     {PN_FACT_CONTROLLER, SLOT_DPO_NAME, PN_FACT_EMAIL, SLOT_DPO_REACH,
      PN_FACT_PHONE, SLOT_DPO_REACH}},
    {BIT(SLOT_DPO_NAME) | BIT(SLOT_DPO_REACH), PN_BLOCK_LIST_ITEM,
     {OP_LABEL(PN_LABEL_DPO), OP_SPACE, OP_FACT(SLOT_DPO_NAME), OP_COMMA,
      OP_FACT(SLOT_DPO_REACH)}},
    {0, STEP_TOPIC, {PN_TOPIC_PURPOSES, PN_LABEL_PURPOSES}},
    {0, STEP_TOPIC, {PN_TOPIC_RIGHTS, PN_LABEL_RIGHTS}},
    {0, STEP_FACTS, {PN_FACT_WEB, PN_FACT_COUNT}},
    {BIT(PN_FACT_AUTHORITY), PN_BLOCK_PARAGRAPH,
     {OP_LABEL(PN_LABEL_COMPLAINT), OP_FACT(PN_FACT_AUTHORITY),
      OP_LABEL(PN_LABEL_COMPLAINT_END)}},
    {BIT(PN_FACT_WEB), PN_BLOCK_PARAGRAPH,
     {OP_LABEL(PN_LABEL_WEB), OP_SPACE, OP_FACT(PN_FACT_WEB)}},
    {0, PN_BLOCK_PARAGRAPH, {OP_LABEL(PN_LABEL_FULL_TEXT)}},
};
#undef BIT

pn_status pn__summary_find(const pn_notice *notice, uint32_t *authored)
{
    pn_section summary;
    pn_status st = pn_section_by_topic(notice, PN_TOPIC_SUMMARY, 0, &summary);

    *authored = st == PN_OK ? summary.index + 1u : 0u;
    return st == PN_ERR_NOT_FOUND ? PN_OK : st;
}

/* Starts a walk of the notice's first layer to block `want`, into
 * `out`. */
static pn_status walk_open(walk *w, const pn_notice *notice, uint32_t want,
                           pn__block *out)
{
    const char *lang;
    /* The handle's own lang is the caller's: the record's is used. */
    pn_status st = pn__read_notice_of(&w->view, notice, &w->record);

    if (st == PN_OK)
        st = pn__read_field_name(&w->view, w->record,
                                 PN_NOTICE_AT(lang, PN_OFFSET_SIZE), &lang);
    if (st != PN_OK)
        return st;
    w->notice = notice;
    w->language = pn__read_language(&w->view, lang, pn__read_strlen(lang));
    w->want = want;
    w->at = 0;
    w->out = out;
    w->present = 0;
    return PN_OK;
}

pn_status pn__summary_block(const pn_notice *notice, uint32_t authored,
                            uint32_t index, pn__block *out)
{
    walk w;
    pn_section summary;
    pn__text title;
    uint32_t first;
    unsigned i;
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
    /* The record's section count, not the handle's. */
    if ((st = walk_open(&w, notice, index, out)) != PN_OK ||
        (st = pn__read_notice_sections(&w.view, w.record, &first,
                                       &w.sections)) != PN_OK)
        return st;
    if (reached(&w, PN_BLOCK_HEADING)) {
        st = pn__read_field_text(&w.view, w.record,
                                 PN_NOTICE_AT(title, PN_OFFSET_SIZE), &title);
        if (st == PN_OK)
            add_text(&w, &title);
        return st;
    }
    for (i = 0; i < sizeof summary_steps / sizeof summary_steps[0] &&
                st == PN_OK && !found;
         i++) {
        const step *p = &summary_steps[i];
        if (p->kind == STEP_FACTS)
            st = read_facts(&w, p->op[0], p->op[1]);
        else if (p->kind == STEP_DPO)
            st = read_dpo(&w, p->op, 3);
        else if (p->kind == STEP_TOPIC)
            st = topic_blocks(&w, (pn_topic)p->op[0], p->op[1], &found);
        else if ((p->shown_if == 0 || (w.present & p->shown_if)) &&
                 reached(&w, (pn_block_kind)p->kind)) {
            found = 1;
            st = show_ops(&w, p->op);
        }
    }
    if (st != PN_OK || found)
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
    if ((st = walk_open(&w, notice, 0, label)) != PN_OK)
        return st;
    reached(&w, PN_BLOCK_PARAGRAPH);
    return add_label(&w, PN_LABEL_QR);
}
#endif /* PN_NO_QR */

#else
typedef int pn__summary_compiled_out; /* C99 wants a declaration */
#endif
