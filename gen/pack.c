#include "pack.h"

#include <stdlib.h>
#include <string.h>

#include "../runtime/pn_crc32.h"
#include "../runtime/pn_format.h"
#include "compress.h"
#include "hash.h"

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

/* A text stored whole in the pool, and where. */
typedef struct stored_text {
    const char *s;              /* NULL: an empty slot */
    uint32_t at;
} stored_text;

/* The pool: names are stored once each, found again through a hash table
 * of their offsets; texts are coded by `code` unless it is NULL, and each
 * is stored whole once: a record's text given again is the one stored
 * before, a block's text given again refers to it (compressed catalogs,
 * where the reference is the shorter). */
typedef struct pool {
    buf bytes;
    uint32_t *name_slots;       /* pool offsets of names, 0: empty slot */
    size_t name_mask;           /* slots - 1, a power of two less one */
    size_t name_count;
    stored_text *text_slots;    /* the texts stored whole */
    size_t text_mask;
    size_t text_count;
    const compressor *code;
} pool;

static uint32_t *name_slot(const pool *p, const char *name, size_t len)
{
    size_t i = hash_bytes(name, len) & p->name_mask;

    for (;; i = (i + 1) & p->name_mask) {
        uint32_t *slot = &p->name_slots[i];
        if (*slot == 0 ||
            strcmp((const char *)p->bytes.data + *slot, name) == 0)
            return slot;
    }
}

/* Doubles the table when it is half full, so probes stay short. */
static void names_grow(pool *p)
{
    size_t old_slots = p->name_slots ? p->name_mask + 1 : 0, i;
    uint32_t *old = p->name_slots;
    size_t slots = old_slots ? 2 * old_slots : 64;

    if (2 * (p->name_count + 1) <= old_slots)
        return;
    p->name_slots = xmalloc(slots * sizeof *p->name_slots);
    memset(p->name_slots, 0, slots * sizeof *p->name_slots);
    p->name_mask = slots - 1;
    for (i = 0; i < old_slots; i++) {
        const char *name;
        if (old[i] == 0)
            continue;
        name = (const char *)p->bytes.data + old[i];
        *name_slot(p, name, strlen(name)) = old[i];
    }
    free(old);
}

static uint32_t pool_name(pool *p, const char *name)
{
    size_t len = strlen(name);
    uint32_t *slot;

    if (len == 0)
        return 0;
    names_grow(p);
    slot = name_slot(p, name, len);
    if (*slot == 0) {
        *slot = (uint32_t)p->bytes.len;
        buf_put(&p->bytes, name, len + 1);
        p->name_count++;
    }
    return *slot;
}

static void put_text(const pool *p, const char *text, buf *out)
{
    size_t len = strlen(text);
    if (p->code) {
        compress_put_text(p->code, text, out);
        return;
    }
    buf_leb128(out, (uint32_t)len);
    buf_put(out, text, len);
}

static stored_text *text_slot(const pool *p, const char *s)
{
    size_t i = hash_bytes(s, strlen(s)) & p->text_mask;

    for (;; i = (i + 1) & p->text_mask) {
        stored_text *slot = &p->text_slots[i];
        if (!slot->s || strcmp(slot->s, s) == 0)
            return slot;
    }
}

/* Doubles the table when it is half full, so probes stay short. */
static void texts_grow(pool *p)
{
    size_t old_slots = p->text_slots ? p->text_mask + 1 : 0, i;
    stored_text *old = p->text_slots;
    size_t slots = old_slots ? 2 * old_slots : 64;

    if (2 * (p->text_count + 1) <= old_slots)
        return;
    p->text_slots = xmalloc(slots * sizeof *p->text_slots);
    memset(p->text_slots, 0, slots * sizeof *p->text_slots);
    p->text_mask = slots - 1;
    for (i = 0; i < old_slots; i++)
        if (old[i].s)
            *text_slot(p, old[i].s) = old[i];
    free(old);
}

/* Where `text` is stored whole, or NULL if it is not yet. */
static const stored_text *stored(pool *p, const char *text)
{
    texts_grow(p);
    return text_slot(p, text)->s ? text_slot(p, text) : NULL;
}

/* Appends `text` whole, and notes where. */
static uint32_t store_text(pool *p, const char *text)
{
    uint32_t at = (uint32_t)p->bytes.len;
    stored_text *slot;

    put_text(p, text, &p->bytes);
    texts_grow(p);
    slot = text_slot(p, text);
    if (!slot->s) {
        slot->s = text;
        slot->at = at;
        p->text_count++;
    }
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
    uint32_t len = (uint32_t)strlen(text);

    if (before) {
        buf whole = {0};
        size_t ref = leb128_size(len) + 1 + leb128_size(before->at);
        put_text(p, text, &whole);
        if (ref < whole.len) {
            buf_leb128(&p->bytes, len);
            buf_byte(&p->bytes, 0);
            buf_leb128(&p->bytes, before->at);
            buf_free(&whole);
            return;
        }
        buf_free(&whole);
    }
    store_text(p, text);
}

static uint32_t pool_blocks(pool *p, const msection *s)
{
    uint32_t at = (uint32_t)p->bytes.len;
    size_t i;
    for (i = 0; i < s->block_count; i++) {
        const mblock *b = &s->blocks[i];
        buf_byte(&p->bytes, b->kind);
        if (PN_BLOCK_HAS_LEVEL(b->kind))
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

PN_STATIC_ASSERT(PN_SECTION_SIZE ==
                     FIELD(pn__section_layout, id) +
                         FIELD(pn__section_layout, number) +
                         FIELD(pn__section_layout, title) +
                         FIELD(pn__section_layout, topics) +
                         FIELD(pn__section_layout, blocks) +
                         FIELD(pn__section_layout, block_count) +
                         FIELD(pn__section_layout, level) +
                         FIELD(pn__section_layout, reserved),
                 pack_section_writes_every_field);

static void pack_section(pool *p, const msection *s, buf *records)
{
    unsigned char rec[PN_SECTION_SIZE] = {0};

    SET(rec, PN_SECTION_AT, id, 4, pool_name(p, s->id.s));
    SET(rec, PN_SECTION_AT, number, 4, pool_name(p, s->number.s));
    SET(rec, PN_SECTION_AT, title, 4, pool_text(p, s->title.s));
    SET(rec, PN_SECTION_AT, topics, 4, s->topics);
    SET(rec, PN_SECTION_AT, blocks, 4, pool_blocks(p, s));
    SET(rec, PN_SECTION_AT, block_count, 2, s->block_count);
    SET(rec, PN_SECTION_AT, level, 1, s->level);
    SET(rec, PN_SECTION_AT, reserved, 1, 0);
    buf_put(records, rec, sizeof rec);
}

PN_STATIC_ASSERT(PN_NOTICE_SIZE ==
                     FIELD(pn__notice_layout, policy) +
                         FIELD(pn__notice_layout, lang) +
                         FIELD(pn__notice_layout, updated) +
                         FIELD(pn__notice_layout, title) +
                         FIELD(pn__notice_layout, facts) +
                         FIELD(pn__notice_layout, waived) +
                         FIELD(pn__notice_layout, first_section) +
                         FIELD(pn__notice_layout, section_count),
                 pack_notice_writes_every_field);

static void pack_notice(pool *p, const mnotice *n, uint32_t first_section,
                        buf *records)
{
    unsigned char rec[PN_NOTICE_SIZE] = {0};
    unsigned i;

    SET(rec, PN_NOTICE_AT, policy, 4, pool_name(p, n->policy.s));
    SET(rec, PN_NOTICE_AT, lang, 4, pool_name(p, n->lang.s));
    SET(rec, PN_NOTICE_AT, updated, 4,
        pool_name(p, n->updated.s ? n->updated.s : ""));
    SET(rec, PN_NOTICE_AT, title, 4, pool_text(p, n->title.s));
    for (i = 0; i < FACT_COUNT; i++)
        store_le(rec + PN_NOTICE_FACT_AT(i), 4, pool_text(p, n->facts[i].s));
    SET(rec, PN_NOTICE_AT, waived, 4, notice_waived_mask(n));
    SET(rec, PN_NOTICE_AT, first_section, 4, first_section);
    SET(rec, PN_NOTICE_AT, section_count, 4, n->section_count);
    buf_put(records, rec, sizeof rec);
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
} catalog_language;

static void pack_language(pool *p, const catalog_language *l, buf *records)
{
    unsigned char rec[PN_LANGUAGE_SIZE] = {0};
    unsigned k;

    SET(rec, PN_LANGUAGE_AT, tag, 4, pool_name(p, l->tag));
    SET(rec, PN_LANGUAGE_AT, fallbacks, 4,
        pool_name(p, l->fallbacks ? l->fallbacks : ""));
    for (k = 0; l->labels && k < PN_LABEL_COUNT; k++)
        store_le(rec + PN_LANGUAGE_LABEL_AT(k), 4,
                 pool_text(p, l->labels->label[k]));
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
                         FIELD(pn__header_layout, catalog_version),
                 assemble_writes_every_header_field);

/* The tables of a catalog, before the header joins them. */
typedef struct tables {
    buf notices, sections, languages, code;
    size_t notice_count, section_count, language_count;
    uint32_t catalog_version;
    pool pool;
} tables;

/* Header, notices, sections, languages, code, pool: the order pn_format.h
 * describes. */
static void assemble(buf *out, const tables *t)
{
    unsigned char head[PN_HEADER_SIZE] = {0};
    size_t start = out->len;
    uint32_t notices_at = PN_HEADER_SIZE;
    uint32_t sections_at = notices_at + (uint32_t)t->notices.len;
    uint32_t languages_at = sections_at + (uint32_t)t->sections.len;
    uint32_t code_at = languages_at + (uint32_t)t->languages.len;
    uint32_t pool_at = code_at + (uint32_t)t->code.len;
    uint32_t size = pool_at + (uint32_t)t->pool.bytes.len;

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
    buf_put(out, head, sizeof head);
    buf_put(out, t->notices.data, t->notices.len);
    buf_put(out, t->sections.data, t->sections.len);
    buf_put(out, t->languages.data, t->languages.len);
    buf_put(out, t->code.data, t->code.len);
    buf_put(out, t->pool.bytes.data, t->pool.bytes.len);
    buf_patch_u32(out, start + PN_HDR_AT(crc, 4),
                  pn__crc32_catalog(out->data + start, size));
}

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
            texts[(*n)++] = langs[i].labels->label[k];
    }
    return texts;
}

unsigned pack_catalog(mnotice *const *notices, size_t count,
                      const languages *langs, unsigned flags,
                      uint32_t catalog_version, diag *d, buf *out)
{
    compressor *trained = NULL;
    catalog_language *cat_langs;
    tables t;
    size_t i, j;
    unsigned errors = 0;

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
    for (i = 0; i < count; i++) {
        pack_notice(&t.pool, notices[i], (uint32_t)t.section_count,
                    &t.notices);
        for (j = 0; j < notices[i]->section_count; j++)
            pack_section(&t.pool, &notices[i]->sections[j], &t.sections);
        t.section_count += notices[i]->section_count;
    }
    t.notice_count = count;
    for (i = 0; i < t.language_count; i++)
        pack_language(&t.pool, &cat_langs[i], &t.languages);
    if (PN_HEADER_SIZE + t.notices.len + t.sections.len + t.languages.len +
            t.code.len + t.pool.bytes.len > 0xFFFFFFFFu) {
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
    buf_free(&t.languages);
    buf_free(&t.pool.bytes);
    free(t.pool.name_slots);
    free(t.pool.text_slots);
    return errors;
}
