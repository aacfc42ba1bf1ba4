#include "pack.h"

#include <stdlib.h>
#include <string.h>

#include "../runtime/pn_crc32.h"
#include "../runtime/pn_format.h"
#include "compress.h"

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

/* The pool: names are stored once each; texts are stored as they come,
 * coded by `code` unless it is NULL. */
typedef struct pool {
    buf bytes;
    uint32_t *name_offsets;
    size_t name_count;
    size_t name_cap;
    const compressor *code;
} pool;

static uint32_t pool_name(pool *p, const char *name)
{
    size_t len = strlen(name), i;
    uint32_t at;

    if (len == 0)
        return 0;
    for (i = 0; i < p->name_count; i++)
        if (strcmp((const char *)p->bytes.data + p->name_offsets[i], name) == 0)
            return p->name_offsets[i];
    at = (uint32_t)p->bytes.len;
    buf_put(&p->bytes, name, len + 1);
    p->name_offsets = grow_array(p->name_offsets, &p->name_cap,
                                 p->name_count + 1, sizeof *p->name_offsets);
    p->name_offsets[p->name_count++] = at;
    return at;
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
        buf_byte(&p->bytes, s->blocks[i].kind == PN_LIST_ITEM
                                ? PN_BLOCK_LIST_ITEM
                                : PN_BLOCK_PARAGRAPH);
        put_text(p, s->blocks[i].text.s);
    }
    return at;
}

static void pack_section(pool *p, const msection *s, buf *records)
{
    buf_u32(records, pool_name(p, s->id.s));
    buf_u32(records, pool_name(p, s->number.s));
    buf_u32(records, pool_text(p, s->title.s));
    buf_u32(records, s->topics);
    buf_u32(records, pool_blocks(p, s));
    buf_u16(records, (uint32_t)s->block_count);
    buf_byte(records, s->level);
    buf_byte(records, 0);
}

static void pack_notice(pool *p, const mnotice *n, uint32_t first_section,
                        buf *records)
{
    unsigned i;

    buf_u32(records, pool_name(p, n->policy.s));
    buf_u32(records, pool_name(p, n->lang.s));
    buf_u32(records, pool_name(p, n->updated.s ? n->updated.s : ""));
    buf_u32(records, pool_text(p, n->title.s));
    for (i = 0; i < FACT_COUNT; i++)
        buf_u32(records, pool_text(p, n->facts[i].s));
    buf_u32(records, notice_waived_mask(n));
    buf_u32(records, first_section);
    buf_u32(records, (uint32_t)n->section_count);
}

/* Header, notices, sections, code, pool: the order pn_format.h
 * describes. */
static void assemble(buf *out, size_t count, const buf *notices,
                     size_t section_count, const buf *sections,
                     const buf *code, const buf *pool_bytes)
{
    size_t start = out->len;
    uint32_t notices_at = PN_HEADER_SIZE;
    uint32_t sections_at = notices_at + (uint32_t)notices->len;
    uint32_t code_at = sections_at + (uint32_t)sections->len;
    uint32_t pool_at = code_at + (uint32_t)code->len;
    uint32_t size = pool_at + (uint32_t)pool_bytes->len;

    buf_put(out, "PNC1", 4);
    buf_u16(out, PN_FORMAT_VERSION);
    buf_u16(out, code->len ? PN_FLAG_COMPRESSED : 0);
    buf_u32(out, size);
    buf_u32(out, 0); /* CRC, patched below */
    buf_u32(out, (uint32_t)count);
    buf_u32(out, notices_at);
    buf_u32(out, (uint32_t)section_count);
    buf_u32(out, sections_at);
    buf_u32(out, pool_at);
    buf_u32(out, (uint32_t)pool_bytes->len);
    buf_u32(out, code->len ? code_at : 0);
    buf_u32(out, (uint32_t)code->len);
    buf_put(out, notices->data, notices->len);
    buf_put(out, sections->data, sections->len);
    buf_put(out, code->data, code->len);
    buf_put(out, pool_bytes->data, pool_bytes->len);
    buf_patch_u32(out, start + PN_HDR_CRC,
                  pn_crc32(0, out->data + start + PN_HDR_CRC_START,
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
    free(p.name_offsets);
    return errors;
}
