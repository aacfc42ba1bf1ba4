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

unsigned pack_sort(mnotice **notices, size_t count, diag *d)
{
    unsigned errors = 0;
    size_t i;

    qsort(notices, count, sizeof *notices, compare_notices);
    for (i = 1; i < count; i++) {
        const mnotice *prev = notices[i - 1], *n = notices[i];
        if (compare_notices(&prev, &n) != 0)
            continue;
        diag_at(d, DIAG_ERROR, n->src, n->policy.offset, n->policy.span,
                NULL, "policy '%s' in language '%s' is defined twice",
                n->policy.s, n->lang.s);
        diag_at(d, DIAG_NOTE, prev->src, prev->policy.offset,
                prev->policy.span, NULL, "also defined here");
        errors++;
    }
    return errors;
}

/* The pool: names are stored once each, found again through a hash table
 * of their offsets; texts are stored as they come, coded by `code` unless
 * it is NULL. */
typedef struct pool {
    buf bytes;
    uint32_t *name_slots;       /* pool offsets of names, 0: empty slot */
    size_t name_mask;           /* slots - 1, a power of two less one */
    size_t name_count;
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

static void put_text(pool *p, const char *text)
{
    size_t len = strlen(text);
    if (p->code) {
        compress_put_text(p->code, text, &p->bytes);
        return;
    }
    buf_leb128(&p->bytes, (uint32_t)len);
    buf_put(&p->bytes, text, len);
}

static uint32_t pool_text(pool *p, const char *text)
{
    uint32_t at;
    if (!text || !*text)
        return 0;
    at = (uint32_t)p->bytes.len;
    put_text(p, text);
    return at;
}

static uint32_t pool_blocks(pool *p, const msection *s)
{
    uint32_t at = (uint32_t)p->bytes.len;
    size_t i;
    for (i = 0; i < s->block_count; i++) {
        buf_byte(&p->bytes, s->blocks[i].kind);
        put_text(p, s->blocks[i].text.s);
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
                         FIELD(pn__header_layout, code_size),
                 assemble_writes_every_header_field);

/* Header, notices, sections, code, pool: the order pn_format.h
 * describes. */
static void assemble(buf *out, size_t count, const buf *notices,
                     size_t section_count, const buf *sections,
                     const buf *code, const buf *pool_bytes)
{
    unsigned char head[PN_HEADER_SIZE] = {0};
    size_t start = out->len;
    uint32_t notices_at = PN_HEADER_SIZE;
    uint32_t sections_at = notices_at + (uint32_t)notices->len;
    uint32_t code_at = sections_at + (uint32_t)sections->len;
    uint32_t pool_at = code_at + (uint32_t)code->len;
    uint32_t size = pool_at + (uint32_t)pool_bytes->len;

    memcpy(head + PN_HDR_AT(magic, 4), PN_MAGIC, 4);
    SET(head, PN_HDR_AT, version, 2, PN_FORMAT_VERSION);
    SET(head, PN_HDR_AT, flags, 2, code->len ? PN_FLAG_COMPRESSED : 0);
    SET(head, PN_HDR_AT, size, 4, size);
    SET(head, PN_HDR_AT, crc, 4, 0); /* patched below */
    SET(head, PN_HDR_AT, notice_count, 4, count);
    SET(head, PN_HDR_AT, notices, 4, notices_at);
    SET(head, PN_HDR_AT, section_count, 4, section_count);
    SET(head, PN_HDR_AT, sections, 4, sections_at);
    SET(head, PN_HDR_AT, pool, 4, pool_at);
    SET(head, PN_HDR_AT, pool_size, 4, pool_bytes->len);
    SET(head, PN_HDR_AT, code, 4, code->len ? code_at : 0);
    SET(head, PN_HDR_AT, code_size, 4, code->len);
    buf_put(out, head, sizeof head);
    buf_put(out, notices->data, notices->len);
    buf_put(out, sections->data, sections->len);
    buf_put(out, code->data, code->len);
    buf_put(out, pool_bytes->data, pool_bytes->len);
    buf_patch_u32(out, start + PN_HDR_AT(crc, 4),
                  pn__crc32(0, out->data + start + PN_HDR_CRC_START,
                            size - PN_HDR_CRC_START));
}

/* Every text of the notices, in the order the pool stores them. */
static const char **all_texts(mnotice *const *notices, size_t count,
                              size_t *n)
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
    return texts;
}

unsigned pack_catalog(mnotice *const *notices, size_t count, unsigned flags,
                      diag *d, buf *out)
{
    buf notice_records = {0}, section_records = {0}, code = {0};
    compressor *trained = NULL;
    pool p;
    size_t i, j, section_count = 0;
    unsigned errors = 0;

    if (count > PN_MAX_NOTICES) {
        diag_plain(d, DIAG_ERROR, "%lu notices; a catalog holds at most %u",
                   (unsigned long)count, (unsigned)PN_MAX_NOTICES);
        return 1;
    }
    memset(&p, 0, sizeof p);
    if (!(flags & PACK_PLAIN)) {
        size_t n;
        const char **texts = all_texts(notices, count, &n);
        trained = compress_train(texts, n);
        free(texts);
        compress_write_tables(trained, &code);
        p.code = trained;
    }
    buf_byte(&p.bytes, 0); /* offset 0: the empty name and the empty text */
    for (i = 0; i < count; i++) {
        pack_notice(&p, notices[i], (uint32_t)section_count, &notice_records);
        for (j = 0; j < notices[i]->section_count; j++)
            pack_section(&p, &notices[i]->sections[j], &section_records);
        section_count += notices[i]->section_count;
    }
    if (PN_HEADER_SIZE + notice_records.len + section_records.len +
            code.len + p.bytes.len > 0xFFFFFFFFu) {
        diag_plain(d, DIAG_ERROR, "the catalog would exceed 4 GiB");
        errors++;
    } else {
        assemble(out, count, &notice_records, section_count, &section_records,
                 &code, &p.bytes);
    }
    compress_free(trained);
    buf_free(&code);
    buf_free(&notice_records);
    buf_free(&section_records);
    buf_free(&p.bytes);
    free(p.name_slots);
    return errors;
}
