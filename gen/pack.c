#include "pack.h"

#include <stdlib.h>
#include <string.h>

#include "../runtime/pn_crc32.h"
#include "../runtime/pn_format.h"
#include "compress.h"
#include "hash.h"
#include "pack_font.h"

static int compare_notices(const void *a, const void *b)
{
    const mnotice *x = *(mnotice *const *)a;
    const mnotice *y = *(mnotice *const *)b;
    int by_policy = strcmp(x->policy.s, y->policy.s);
    return by_policy ? by_policy : strcmp(x->lang.s, y->lang.s);
}

void pack_sort(mnotice **notices, size_t count)
{
    qsort(notices, count, sizeof *notices, compare_notices);
}

/* A string stored in the pool, and where. */
typedef struct stored_text {
    const char *s;              /* NULL: an empty slot */
    uint32_t at;
} stored_text;

/* Where each string of one kind was stored: an open-addressing hash
 * table, doubled when half full so probes stay short. The strings are the
 * models' own, which outlive the packing. */
typedef struct stored_table {
    stored_text *slots;
    size_t mask;                /* slots - 1, a power of two less one */
    size_t count;
} stored_table;

static stored_text *probe(const stored_table *t, const char *s)
{
    size_t i = hash_bytes(s, strlen(s)) & t->mask;

    for (;; i = (i + 1) & t->mask) {
        stored_text *slot = &t->slots[i];
        if (!slot->s || strcmp(slot->s, s) == 0)
            return slot;
    }
}

/* The slot of `s`: where it was stored, or the empty slot that notes it
 * (stored_note()). */
static stored_text *stored_slot(stored_table *t, const char *s)
{
    size_t old_slots = t->slots ? t->mask + 1 : 0, i;
    stored_text *old = t->slots;
    size_t slots = old_slots ? 2 * old_slots : 64;

    if (2 * (t->count + 1) > old_slots) {
        t->slots = xmalloc(slots * sizeof *t->slots);
        memset(t->slots, 0, slots * sizeof *t->slots);
        t->mask = slots - 1;
        for (i = 0; i < old_slots; i++)
            if (old[i].s)
                *probe(t, old[i].s) = old[i];
        free(old);
    }
    return probe(t, s);
}

static void stored_note(stored_table *t, stored_text *slot, const char *s,
                        uint32_t at)
{
    slot->s = s;
    slot->at = at;
    t->count++;
}

/* The pool: each name is stored once; texts are coded by `code` unless it
 * is NULL, and each is stored whole once: a record's text given again is
 * the one stored before, a block's text given again refers to it
 * (compressed catalogs, where the reference is the shorter). */
typedef struct pool {
    buf bytes;
    stored_table names;
    stored_table texts;         /* the texts stored whole */
    const compressor *code;
    const char *last_web;       /* the last QR code's address, */
    size_t last_web_len;        /* its length */
    uint32_t last_qr;           /* and where the code is, 0: none yet */
    uint32_t last_facts;        /* the last facts record, 0: none yet, */
    uint32_t last_values[PN_FACTS_COUNT]; /* and what it names */
    size_t last_contacts_at;    /* the last notice's contact records, */
    size_t last_contacts_size;  /* their bytes, */
    uint32_t last_first_contact; /* and the index of the first */
} pool;

static uint32_t pool_name(pool *p, const char *name)
{
    size_t len = strlen(name);
    stored_text *slot;

    if (len == 0)
        return 0;
    slot = stored_slot(&p->names, name);
    if (!slot->s) {
        stored_note(&p->names, slot, name, (uint32_t)p->bytes.len);
        buf_put(&p->bytes, name, len + 1);
    }
    return slot->at;
}

/* A name and how many sections name it. */
typedef struct name_use {
    const char *s;
    size_t uses;
} name_use;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The most used first, then the shortest: the front of the pool takes
 * the names whose offsets are written most. */
static int compare_uses(const void *a, const void *b)
{
    const name_use *x = a, *y = b;
    size_t xl = strlen(x->s), yl = strlen(y->s);

    if (x->uses != y->uses)
        return x->uses > y->uses ? -1 : 1;
    if (xl != yl)
        return xl < yl ? -1 : 1;
    return strcmp(x->s, y->s);
}

/* Stores the sections' ids and numbers first in the pool, so that the
 * heads name them by short offsets (runtime/pn_format.h, "head"). */
static void pool_section_names(pool *p, mnotice *const *notices,
                               size_t count)
{
    const char **all = NULL;
    name_use *uses;
    size_t cap = 0, n = 0, distinct = 0, i, j;

    for (i = 0; i < count; i++) {
        for (j = 0; j < notices[i]->section_count; j++) {
            const msection *s = &notices[i]->sections[j];
            all = grow_array(all, &cap, n + 2, sizeof *all);
            if (s->id.s && *s->id.s)
                all[n++] = s->id.s;
            if (s->number.s && *s->number.s)
                all[n++] = s->number.s;
        }
    }
    if (n == 0) {
        free(all);
        return;
    }
    qsort(all, n, sizeof *all, compare_names);
    uses = xmalloc(n * sizeof *uses);
    for (i = 0; i < n; i++) {
        if (distinct > 0 && strcmp(uses[distinct - 1].s, all[i]) == 0) {
            uses[distinct - 1].uses++;
            continue;
        }
        uses[distinct].s = all[i];
        uses[distinct++].uses = 1;
    }
    qsort(uses, distinct, sizeof *uses, compare_uses);
    for (i = 0; i < distinct; i++)
        pool_name(p, uses[i].s);
    free(uses);
    free(all);
}

/* A text whole; in a compressed catalog an empty one (a length of 0
 * there is a reference) refers to pool offset 0, the empty text. */
static void put_text(const pool *p, const char *text, buf *out)
{
    size_t len = strlen(text);
    if (p->code && len == 0) {
        buf_leb128(out, 0);
        buf_leb128(out, 0);
        return;
    }
    if (p->code) {
        compress_put_text(p->code, text, out);
        return;
    }
    buf_leb128(out, (uint32_t)len);
    buf_put(out, text, len);
}

/* Where `text` is stored whole, or NULL if it is not yet. */
static const stored_text *stored(pool *p, const char *text)
{
    const stored_text *slot = stored_slot(&p->texts, text);
    return slot->s ? slot : NULL;
}

/* Appends `text` whole, and notes where. */
static uint32_t store_text(pool *p, const char *text)
{
    uint32_t at = (uint32_t)p->bytes.len;
    stored_text *slot;

    put_text(p, text, &p->bytes);
    slot = stored_slot(&p->texts, text);
    if (!slot->s)
        stored_note(&p->texts, slot, text, at);
    return at;
}

static uint32_t pool_text(pool *p, const char *text)
{
    const stored_text *before;

    if (!text || !*text)
        return 0;
    before = stored(p, text);
    return before ? before->at : store_text(p, text);
}

static size_t leb128_size(uint32_t v)
{
    size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        n++;
    }
    return n;
}

/* A block's text: whole, or in a compressed catalog a reference to the
 * same text stored before when that is shorter (runtime/pn_format.h). */
static void pool_block_text(pool *p, const char *text)
{
    const stored_text *before = *text && p->code ? stored(p, text) : NULL;

    if (before) {
        buf whole = {0};
        size_t ref = 1 + leb128_size(before->at);
        put_text(p, text, &whole);
        if (ref < whole.len) {
            buf_byte(&p->bytes, 0);
            buf_leb128(&p->bytes, before->at);
            buf_free(&whole);
            return;
        }
        buf_free(&whole);
    }
    store_text(p, text);
}

/* The most bytes a text takes whole. */
static size_t text_bound(const pool *p, const char *text)
{
    buf whole = {0};
    size_t n;

    put_text(p, text ? text : "", &whole);
    n = whole.len;
    buf_free(&whole);
    return n;
}

/* Whether a block's level (a table column) needs a byte of its own, past
 * what its kind byte holds. */
static int level_byte(const mblock *b)
{
    return PN_BLOCK_HAS_LEVEL(b->kind) &&
           b->level > PN_BLOCK_INLINE_LEVEL_MAX;
}

/* A block's kind byte: its kind, and its level when that fits. */
static unsigned char kind_byte(const mblock *b)
{
    unsigned level = PN_BLOCK_HAS_LEVEL(b->kind) && !level_byte(b)
                         ? (unsigned)b->level
                         : 0u;
    return (unsigned char)((unsigned)b->kind | level << PN_BLOCK_LEVEL_SHIFT);
}

/* The most bytes a block can take in the stream but its kind byte: level,
 * number, and its text whole (a reference is only used when shorter). */
static size_t block_bound(const pool *p, const mblock *b)
{
    return (size_t)level_byte(b) +
           (PN_BLOCK_HAS_NUMBER(b->kind) ? leb128_size(b->number) : 0) +
           text_bound(p, b->text.s);
}

/* A section's topics as its head stores them, in PN_TOPIC_ORDER. */
static uint32_t stored_topics(uint32_t topics)
{
    static const unsigned char order[] = {PN_TOPIC_ORDER(PN_TOPIC_IN_ORDER)};
    uint32_t stored = 0;
    unsigned p;

    for (p = 0; p < sizeof order; p++)
        if (topics & PN_TOPIC_BIT(order[p]))
            stored |= (uint32_t)1u << p;
    return stored;
}

/* Entry `i` of a block index of `bits`-bit entries at `index`
 * (runtime/pn_format.h, PN_INDEX_BITS()). */
static void store_entry(unsigned char *index, unsigned bits, size_t i,
                        uint32_t value)
{
    unsigned char *e = index + i * bits / 8;

    if (bits != 12) {
        store_le(e, bits / 8, value);
    } else if (i % 2 == 0) {
        e[0] = (unsigned char)value;
        e[1] = (unsigned char)((e[1] & 0xF0u) | (value >> 8));
    } else {
        e[0] = (unsigned char)((e[0] & 0x0Fu) | (value & 0x0Fu) << 4);
        e[1] = (unsigned char)(value >> 4);
    }
}

/* A section's head: its shape, block count and block index, then its
 * body: topics, names, title and blocks (runtime/pn_format.h). The
 * entries' width comes from a bound on the body's size, so the body is
 * written in place, right after the index, and its texts keep the pool
 * offsets later references name. Returns the head's offset. */
static uint32_t pool_section(pool *p, const msection *s)
{
    uint32_t at, index, id_at = 0, number_at = 0;
    size_t i, bound, body_at;
    unsigned code, bits, shape = (unsigned)s->level;
    int paragraphs = s->block_count > 0, layout_leb;
    /* The preamble (level 0) has no id and no title: none is stored. */
    int named = s->level > 0;
    const char *number = s->number.s ? s->number.s : "";

    if (named)
        id_at = pool_name(p, s->id.s ? s->id.s : "");
    if (*number) {
        shape |= PN_HEAD_HAS_NUMBER;
        number_at = pool_name(p, number);
    }
    at = (uint32_t)p->bytes.len;
    bound = leb128_size(stored_topics(s->topics)) +
            (named ? leb128_size(id_at) + text_bound(p, s->title.s) : 0) +
            (*number ? leb128_size(number_at) : 0);
    for (i = 0; i < s->block_count; i++) {
        bound += block_bound(p, &s->blocks[i]);
        paragraphs = paragraphs && s->blocks[i].kind == PN_BLOCK_PARAGRAPH;
    }
    if (!paragraphs)
        bound += s->block_count;        /* their kind bytes */
    code = bound > 0xFFFFu ? 3u : bound > 0xFFFu ? 2u : bound > 0xFFu ? 1u : 0u;
    bits = PN_INDEX_BITS(code);
    if (paragraphs)
        shape |= PN_HEAD_PARAGRAPHS;
    layout_leb = code != 0 || s->block_count >= PN_HEAD_LAYOUT_LEB;
    shape |= (layout_leb ? PN_HEAD_LAYOUT_LEB + code
                         : (unsigned)s->block_count)
             << PN_HEAD_LAYOUT_SHIFT;
    buf_byte(&p->bytes, (unsigned char)shape);
    if (layout_leb)
        buf_leb128(&p->bytes, (uint32_t)s->block_count);
    index = (uint32_t)p->bytes.len;
    for (i = 0; i < (s->block_count * bits + 7) / 8; i++)
        buf_byte(&p->bytes, 0);
    body_at = p->bytes.len;
    buf_leb128(&p->bytes, stored_topics(s->topics));
    if (named)
        buf_leb128(&p->bytes, id_at);
    if (*number)
        buf_leb128(&p->bytes, number_at);
    if (named)
        pool_block_text(p, s->title.s ? s->title.s : "");
    for (i = 0; i < s->block_count; i++) {
        const mblock *b = &s->blocks[i];
        store_entry(p->bytes.data + index, bits, i,
                    (uint32_t)(p->bytes.len - body_at));
        if (!paragraphs)
            buf_byte(&p->bytes, kind_byte(b));
        if (level_byte(b))
            buf_byte(&p->bytes, (unsigned char)b->level);
        if (PN_BLOCK_HAS_NUMBER(b->kind))
            buf_leb128(&p->bytes, b->number);
        pool_block_text(p, b->text.s);
    }
    return at;
}

/* Each record is written field by field through the offsets of
 * runtime/pn_format.h, at the width each field is declared with (the
 * build fails otherwise), and the fields written must add up to the
 * record: a field added to the format and not written here fails too. */
#define FIELD(layout, field) PN_FIELD_SIZE(layout, field)
#define SET(rec, AT, field, bytes, value) \
    store_le((rec) + AT(field, bytes), bytes, (uint32_t)(value))

PN_STATIC_ASSERT(PN_SECTION_SIZE == FIELD(pn__section_layout, head),
                 pack_section_writes_every_field);

/* Appends the section's head to the pool, and its offset to `heads`;
 * the records are written once the pool's size, which gives their size,
 * is known (section_records()). */
static void pack_section(pool *p, const msection *s, buf *heads)
{
    unsigned char at[4];

    store_le(at, 4, pool_section(p, s));
    buf_put(heads, at, sizeof at);
}

/* The section records of the heads at the offsets in `heads`. */
static void section_records(const buf *heads, uint32_t pool_size,
                            buf *records)
{
    uint32_t size = PN_SECTION_SIZE_OF(pool_size);
    size_t i;

    for (i = 0; i + 4 <= heads->len; i += 4) {
        unsigned char rec[PN_SECTION_SIZE] = {0};
        uint32_t at = (uint32_t)heads->data[i] |
                      (uint32_t)heads->data[i + 1] << 8 |
                      (uint32_t)heads->data[i + 2] << 16;
        SET(rec, PN_SECTION_AT, head, PN_OFFSET_SIZE, at);
        buf_put(records, rec, size);
    }
}

PN_STATIC_ASSERT(PN_NOTICE_SIZE ==
                     FIELD(pn__notice_layout, policy) +
                         FIELD(pn__notice_layout, lang) +
                         FIELD(pn__notice_layout, title) +
                         FIELD(pn__notice_layout, facts) +
                         FIELD(pn__notice_layout, first_section) +
                         FIELD(pn__notice_layout, section_count),
                 pack_notice_writes_every_field);

/* The QR code of the notice's web address (pn_format.h, "qr"), shared
 * with the notice before when that has the same address (the other
 * languages of a policy); 0 when the notice has none. Sets `*failed`
 * when the address does not fit a code. */
static uint32_t pool_qr(pool *p, const mnotice *n, qr_ecc level,
                        int *failed)
{
    static qr_code code;
    size_t len, bit;
    const char *web = notice_web_as_written(n, &len);
    uint32_t at = (uint32_t)p->bytes.len;
    unsigned char byte = 0;

    if (!web)
        return 0;
    if (p->last_qr && len == p->last_web_len &&
        memcmp(web, p->last_web, len) == 0)
        return p->last_qr;
    if (qr_encode(web, len, level, &code) != 0) {
        *failed = 1;
        return 0;
    }
    buf_byte(&p->bytes, code.version);
    for (bit = 0; bit < (size_t)code.size * code.size; bit++) {
        if (code.dark[bit / code.size][bit % code.size])
            byte |= (unsigned char)(0x80u >> (bit % 8));
        if (bit % 8 == 7) {
            buf_byte(&p->bytes, byte);
            byte = 0;
        }
    }
    if (bit % 8)
        buf_byte(&p->bytes, byte);
    p->last_web = web;
    p->last_web_len = len;
    p->last_qr = at;
    return at;
}

/* The notice's facts record (runtime/pn_format.h): the one before when
 * it names the same (the notices are sorted, so a policy's languages
 * come one after another), else a new one. Returns its pool offset. */
static uint32_t pool_facts(pool *p, const mnotice *n, uint32_t first_contact,
                           qr_ecc level, int *qr_failed)
{
    uint32_t values[PN_FACTS_COUNT], at;
    unsigned i;

    values[PN_FACTS_WAIVED] = notice_waived_mask(n);
    values[PN_FACTS_FIRST_CONTACT] = first_contact;
    values[PN_FACTS_CONTACT_COUNT] = (uint32_t)n->contact_count;
    values[PN_FACTS_UPDATED] = pool_name(p, n->updated.s ? n->updated.s : "");
    values[PN_FACTS_QR] = pool_qr(p, n, level, qr_failed);
    for (i = 0; i < FACT_COUNT; i++)
        values[PN_FACTS_VALUE(i)] = pool_text(p, n->facts[i].s);
    if (p->last_facts &&
        memcmp(p->last_values, values, sizeof values) == 0)
        return p->last_facts;
    at = (uint32_t)p->bytes.len;
    for (i = 0; i < PN_FACTS_UPDATED; i++)
        buf_leb128(&p->bytes, values[i]);
    for (; i < PN_FACTS_COUNT; i++)
        buf_leb128(&p->bytes, values[i] ? at - values[i] : 0);
    memcpy(p->last_values, values, sizeof values);
    p->last_facts = at;
    return at;
}

static void pack_notice(pool *p, const mnotice *n, uint32_t first_section,
                        uint32_t first_contact, qr_ecc level,
                        int *qr_failed, buf *records)
{
    unsigned char rec[PN_NOTICE_SIZE] = {0};

    SET(rec, PN_NOTICE_AT, policy, PN_OFFSET_SIZE, pool_name(p, n->policy.s));
    SET(rec, PN_NOTICE_AT, lang, PN_OFFSET_SIZE, pool_name(p, n->lang.s));
    SET(rec, PN_NOTICE_AT, title, PN_OFFSET_SIZE, pool_text(p, n->title.s));
    SET(rec, PN_NOTICE_AT, facts, PN_OFFSET_SIZE,
        pool_facts(p, n, first_contact, level, qr_failed));
    SET(rec, PN_NOTICE_AT, first_section, 3, first_section);
    SET(rec, PN_NOTICE_AT, section_count, 2, n->section_count);
    buf_put(records, rec, sizeof rec);
}

PN_STATIC_ASSERT(PN_CONTACT_SIZE ==
                     FIELD(pn__contact_layout, role) +
                         FIELD(pn__contact_layout, party) +
                         FIELD(pn__contact_layout, fact) +
                         FIELD(pn__contact_layout, value),
                 pack_contact_writes_every_field);

/* The notice's contact records, sorted by role then party (the parser
 * numbers a role's parties in header order), appended to the `*count`
 * records of `records`; the index of its first. When they are the same
 * as the notice before's (a policy's languages, mostly), that notice's
 * are its own and none is appended. */
static uint32_t pack_contacts(pool *p, const mnotice *n, buf *records,
                              size_t *count)
{
    size_t start = records->len, size = n->contact_count * PN_CONTACT_SIZE;
    uint32_t first = (uint32_t)*count;
    unsigned role;
    size_t i;

    for (role = 0; role < PN_ROLE_COUNT; role++) {
        for (i = 0; i < n->contact_count; i++) {
            const mcontact *c = &n->contacts[i];
            unsigned char rec[PN_CONTACT_SIZE] = {0};
            if (c->role != (pn_role)role)
                continue;
            SET(rec, PN_CONTACT_AT, role, 1, c->role);
            SET(rec, PN_CONTACT_AT, party, 1, c->party);
            SET(rec, PN_CONTACT_AT, fact, 1, c->fact);
            SET(rec, PN_CONTACT_AT, value, PN_OFFSET_SIZE,
                pool_text(p, c->value.s));
            buf_put(records, rec, sizeof rec);
        }
    }
    if (size > 0 && size == p->last_contacts_size &&
        memcmp(records->data + p->last_contacts_at, records->data + start,
               size) == 0) {
        records->len = start;
        return p->last_first_contact;
    }
    p->last_contacts_at = start;
    p->last_contacts_size = size;
    p->last_first_contact = first;
    *count += n->contact_count;
    return first;
}

PN_STATIC_ASSERT(PN_LANGUAGE_SIZE ==
                     FIELD(pn__language_layout, tag) +
                         FIELD(pn__language_layout, fallbacks) +
                         FIELD(pn__language_layout, labels),
                 pack_language_writes_every_field);

/* A language the catalog holds: one its notices are written in, or one
 * with fallbacks. */
typedef struct catalog_language {
    const char *tag;
    const char *fallbacks;      /* or NULL */
    const language *labels;     /* whose labels it shows, or NULL */
    const languages *set;       /* the languages `labels` is one of */
} catalog_language;

/* The text of label `k` a catalog language holds, or NULL. */
static const char *catalog_label(const catalog_language *l, unsigned k)
{
    return l->labels ? languages_label(l->set, l->labels, k) : NULL;
}

static void pack_language(pool *p, const catalog_language *l, buf *records)
{
    unsigned char rec[PN_LANGUAGE_SIZE] = {0};
    unsigned k;

    SET(rec, PN_LANGUAGE_AT, tag, PN_OFFSET_SIZE, pool_name(p, l->tag));
    SET(rec, PN_LANGUAGE_AT, fallbacks, PN_OFFSET_SIZE,
        pool_name(p, l->fallbacks ? l->fallbacks : ""));
    if (l->labels) {
        uint32_t texts[PN_LABEL_COUNT], at;
        for (k = 0; k < PN_LABEL_COUNT; k++)
            texts[k] = pool_text(p, catalog_label(l, k));
        at = (uint32_t)p->bytes.len;
        SET(rec, PN_LANGUAGE_AT, labels, PN_OFFSET_SIZE, at);
        for (k = 0; k < PN_LABEL_COUNT; k++)
            buf_leb128(&p->bytes, texts[k] ? at - texts[k] : 0);
    }
    buf_put(records, rec, sizeof rec);
}

static int compare_tags(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The languages of the notices and the languages with fallbacks, sorted
 * by tag, each once. */
static catalog_language *catalog_languages(mnotice *const *notices,
                                           size_t count,
                                           const languages *langs,
                                           size_t *n)
{
    size_t known = langs ? langs->count : 0, i, tags_count = 0;
    const char **tags = xmalloc((count + known + 1) * sizeof *tags);
    catalog_language *out = xmalloc((count + known + 1) * sizeof *out);

    for (i = 0; i < count; i++)
        tags[tags_count++] = notices[i]->lang.s;
    for (i = 0; i < known; i++)
        if (langs->items[i].fallbacks)
            tags[tags_count++] = langs->items[i].tag;
    qsort(tags, tags_count, sizeof *tags, compare_tags);
    *n = 0;
    for (i = 0; i < tags_count; i++) {
        const language *own = langs ? languages_find(langs, tags[i]) : NULL;
        size_t j;
        int in_notices = 0;

        if (*n > 0 && strcmp(out[*n - 1].tag, tags[i]) == 0)
            continue;
        for (j = 0; j < count && !in_notices; j++)
            in_notices = strcmp(notices[j]->lang.s, tags[i]) == 0;
        out[*n].tag = tags[i];
        out[*n].fallbacks = own ? own->fallbacks : NULL;
        out[*n].labels = in_notices && langs
                             ? languages_labels_for(langs, tags[i])
                             : NULL;
        out[*n].set = langs;
        (*n)++;
    }
    free(tags);
    return out;
}

PN_STATIC_ASSERT(PN_HEADER_SIZE ==
                     FIELD(pn__header_layout, magic) +
                         FIELD(pn__header_layout, version) +
                         FIELD(pn__header_layout, flags) +
                         FIELD(pn__header_layout, size) +
                         FIELD(pn__header_layout, crc) +
                         FIELD(pn__header_layout, notice_count) +
                         FIELD(pn__header_layout, notices) +
                         FIELD(pn__header_layout, section_count) +
                         FIELD(pn__header_layout, sections) +
                         FIELD(pn__header_layout, pool) +
                         FIELD(pn__header_layout, pool_size) +
                         FIELD(pn__header_layout, code) +
                         FIELD(pn__header_layout, code_size) +
                         FIELD(pn__header_layout, language_count) +
                         FIELD(pn__header_layout, languages) +
                         FIELD(pn__header_layout, catalog_version) +
                         FIELD(pn__header_layout, contact_count) +
                         FIELD(pn__header_layout, contacts) +
                         FIELD(pn__header_layout, font) +
                         FIELD(pn__header_layout, heading_font),
                 assemble_writes_every_header_field);

/* The tables of a catalog, before the header joins them. */
typedef struct tables {
    buf notices, sections, contacts, languages, code;
    buf heads;              /* the sections' head offsets, 4 bytes each */
    size_t notice_count, section_count, contact_count, language_count;
    uint32_t catalog_version;
    pool pool;
    buf fonts[2];          /* the font blocks, or empty */
} tables;

/* Header, notices, sections, contacts, languages, code, pool, fonts: the
 * order pn_format.h describes. */
static void assemble(buf *out, const tables *t)
{
    unsigned char head[PN_HEADER_SIZE] = {0};
    size_t start = out->len;
    uint32_t notices_at = PN_HEADER_SIZE;
    uint32_t sections_at = notices_at + (uint32_t)t->notices.len;
    uint32_t contacts_at = sections_at + (uint32_t)t->sections.len;
    uint32_t languages_at = contacts_at + (uint32_t)t->contacts.len;
    uint32_t code_at = languages_at + (uint32_t)t->languages.len;
    uint32_t pool_at = code_at + (uint32_t)t->code.len;
    uint32_t font_at = pool_at + (uint32_t)t->pool.bytes.len;
    uint32_t heading_font_at = font_at + (uint32_t)t->fonts[0].len;
    uint32_t size = heading_font_at + (uint32_t)t->fonts[1].len;

    memcpy(head + PN_HDR_AT(magic, 4), PN_MAGIC, 4);
    SET(head, PN_HDR_AT, version, 2, PN_FORMAT_VERSION);
    SET(head, PN_HDR_AT, flags, 2, t->code.len ? PN_FLAG_COMPRESSED : 0);
    SET(head, PN_HDR_AT, size, 4, size);
    SET(head, PN_HDR_AT, crc, 4, 0); /* patched below */
    SET(head, PN_HDR_AT, notice_count, 4, t->notice_count);
    SET(head, PN_HDR_AT, notices, 4, notices_at);
    SET(head, PN_HDR_AT, section_count, 4, t->section_count);
    SET(head, PN_HDR_AT, sections, 4, sections_at);
    SET(head, PN_HDR_AT, pool, 4, pool_at);
    SET(head, PN_HDR_AT, pool_size, 4, t->pool.bytes.len);
    SET(head, PN_HDR_AT, code, 4, t->code.len ? code_at : 0);
    SET(head, PN_HDR_AT, code_size, 4, t->code.len);
    SET(head, PN_HDR_AT, language_count, 4, t->language_count);
    SET(head, PN_HDR_AT, languages, 4, languages_at);
    SET(head, PN_HDR_AT, catalog_version, 4, t->catalog_version);
    SET(head, PN_HDR_AT, contact_count, 4, t->contact_count);
    SET(head, PN_HDR_AT, contacts, 4, contacts_at);
    SET(head, PN_HDR_AT, font, 4, t->fonts[0].len ? font_at : 0);
    SET(head, PN_HDR_AT, heading_font, 4,
        t->fonts[1].len ? heading_font_at : 0);
    buf_put(out, head, sizeof head);
    buf_put(out, t->notices.data, t->notices.len);
    buf_put(out, t->sections.data, t->sections.len);
    buf_put(out, t->contacts.data, t->contacts.len);
    buf_put(out, t->languages.data, t->languages.len);
    buf_put(out, t->code.data, t->code.len);
    buf_put(out, t->pool.bytes.data, t->pool.bytes.len);
    buf_put(out, t->fonts[0].data, t->fonts[0].len);
    buf_put(out, t->fonts[1].data, t->fonts[1].len);
    buf_patch_u32(out, start + PN_HDR_AT(crc, 4),
                  pn__crc32_catalog(out->data + start, size));
}

static const char **all_texts(mnotice *const *notices, size_t count,
                              const catalog_language *langs,
                              size_t lang_count, size_t *n);

/* Every text of the notices and of the languages' labels, in the order
 * the pool stores them. */
static const char **all_texts(mnotice *const *notices, size_t count,
                              const catalog_language *langs,
                              size_t lang_count, size_t *n)
{
    const char **texts = NULL;
    size_t cap = 0, i, j, k;
    unsigned f;

    *n = 0;
    for (i = 0; i < count; i++) {
        const mnotice *m = notices[i];
        texts = grow_array(texts, &cap, *n + 1 + FACT_COUNT, sizeof *texts);
        texts[(*n)++] = m->title.s;
        for (f = 0; f < FACT_COUNT; f++)
            texts[(*n)++] = m->facts[f].s;
        texts = grow_array(texts, &cap, *n + m->contact_count,
                           sizeof *texts);
        for (j = 0; j < m->contact_count; j++)
            texts[(*n)++] = m->contacts[j].value.s;
        for (j = 0; j < m->section_count; j++) {
            const msection *s = &m->sections[j];
            texts = grow_array(texts, &cap, *n + 1 + s->block_count,
                               sizeof *texts);
            texts[(*n)++] = s->title.s;
            for (k = 0; k < s->block_count; k++)
                texts[(*n)++] = s->blocks[k].text.s;
        }
    }
    for (i = 0; i < lang_count; i++) {
        texts = grow_array(texts, &cap, *n + PN_LABEL_COUNT, sizeof *texts);
        for (k = 0; langs[i].labels && k < PN_LABEL_COUNT; k++)
            texts[(*n)++] = catalog_label(&langs[i], k);
    }
    return texts;
}

/* The font blocks of the fonts given (pnc --font, --font-heading), with
 * the glyphs the texts use. Returns the number of errors. */
static unsigned pack_fonts(tables *t, const bdf_font *const *fonts,
                           mnotice *const *notices, size_t count,
                           const catalog_language *langs, diag *d)
{
    const char **texts;
    size_t n;
    unsigned i, errors = 0;

    if (!fonts || (!fonts[0] && !fonts[1]))
        return 0;
    texts = all_texts(notices, count, langs, t->language_count, &n);
    for (i = 0; i < 2; i++) {
        if (fonts[i] && pack_font(fonts[i], texts, n, &t->fonts[i]) != 0) {
            diag_plain(d, DIAG_ERROR, "the glyphs of '%s' the notices use "
                       "are more than a catalog holds (%u glyphs, 16 MiB "
                       "of bitmaps)", fonts[i]->path,
                       (unsigned)PN_MAX_GLYPHS);
            errors++;
        }
    }
    free(texts);
    return errors;
}

unsigned pack_catalog(mnotice *const *notices, size_t count,
                      const languages *langs, const bdf_font *const *fonts,
                      unsigned flags, uint32_t catalog_version, diag *d,
                      buf *out)
{
    compressor *trained = NULL;
    catalog_language *cat_langs;
    tables t;
    size_t i, j;
    unsigned errors = 0;
    int qr_failed = 0;

    if (count > PN_MAX_NOTICES) {
        diag_plain(d, DIAG_ERROR, "%lu notices; a catalog holds at most %u",
                   (unsigned long)count, (unsigned)PN_MAX_NOTICES);
        return 1;
    }
    memset(&t, 0, sizeof t);
    t.catalog_version = catalog_version;
    cat_langs = catalog_languages(notices, count, langs, &t.language_count);
    if (!(flags & PACK_PLAIN)) {
        size_t n;
        const char **texts = all_texts(notices, count, cat_langs,
                                       t.language_count, &n);
        trained = compress_train(texts, n);
        free(texts);
        compress_write_tables(trained, &t.code);
        t.pool.code = trained;
    }
    buf_byte(&t.pool.bytes, 0); /* offset 0: the empty name and text */
    pool_section_names(&t.pool, notices, count);
    for (i = 0; i < count; i++) {
        uint32_t first_contact = pack_contacts(&t.pool, notices[i],
                                               &t.contacts, &t.contact_count);
        pack_notice(&t.pool, notices[i], (uint32_t)t.section_count,
                    first_contact, PACK_QR_ECC_OF(flags), &qr_failed,
                    &t.notices);
        if (qr_failed) {
            diag_plain(d, DIAG_ERROR, "%s: web address too long for a QR "
                       "code [header-url-qr]", notices[i]->src ?
                       notices[i]->src->path : notices[i]->policy.s);
            errors++;
            qr_failed = 0;
        }
        for (j = 0; j < notices[i]->section_count; j++)
            pack_section(&t.pool, &notices[i]->sections[j], &t.heads);
        t.section_count += notices[i]->section_count;
    }
    t.notice_count = count;
    for (i = 0; i < t.language_count; i++)
        pack_language(&t.pool, &cat_langs[i], &t.languages);
    section_records(&t.heads, (uint32_t)t.pool.bytes.len, &t.sections);
    errors += pack_fonts(&t, fonts, notices, count, cat_langs, d);
    if (errors) {
        /* nothing is written */
    } else if (t.pool.bytes.len > PN_MAX_POOL ||
               t.section_count > PN_MAX_CATALOG_RECORDS ||
               t.contact_count > PN_MAX_CATALOG_RECORDS) {
        diag_plain(d, DIAG_ERROR, "the catalog's texts would exceed %lu "
                   "bytes, or its sections or contacts %lu",
                   (unsigned long)PN_MAX_POOL,
                   (unsigned long)PN_MAX_CATALOG_RECORDS);
        errors++;
    } else if (PN_HEADER_SIZE + t.notices.len + t.sections.len +
                   t.contacts.len + t.languages.len + t.code.len +
                   t.pool.bytes.len + t.fonts[0].len + t.fonts[1].len >
               0xFFFFFFFFu) {
        diag_plain(d, DIAG_ERROR, "the catalog would exceed 4 GiB");
        errors++;
    } else {
        assemble(out, &t);
    }
    compress_free(trained);
    free(cat_langs);
    buf_free(&t.code);
    buf_free(&t.notices);
    buf_free(&t.sections);
    buf_free(&t.heads);
    buf_free(&t.contacts);
    buf_free(&t.languages);
    buf_free(&t.pool.bytes);
    buf_free(&t.fonts[0]);
    buf_free(&t.fonts[1]);
    free(t.pool.names.slots);
    free(t.pool.texts.slots);
    return errors;
}
