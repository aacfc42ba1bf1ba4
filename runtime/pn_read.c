/* pn_read.c: bounds-checked reading of catalog bytes (see pn_read.h). */
#include "pn_read.h"
#include "pn_decode.h"
#include "pn_format.h"

uint16_t pn_read_u16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

uint32_t pn_read_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* Whether `count` records of `record_size` bytes at `off` fit in `size`;
 * written so that nothing can overflow. */
static int table_fits(uint32_t size, uint32_t off, uint32_t count,
                      uint32_t record_size)
{
    return off <= size && count <= (size - off) / record_size;
}

static int magic_ok(const unsigned char *data)
{
    return data[PN_HDR_MAGIC] == PN_MAGIC0 &&
           data[PN_HDR_MAGIC + 1] == PN_MAGIC1 &&
           data[PN_HDR_MAGIC + 2] == PN_MAGIC2 &&
           data[PN_HDR_MAGIC + 3] == PN_MAGIC3;
}

/* Checks the code tables, so the decoder may trust their shape: the
 * counts and the symbol entries lie inside them, and every code names a
 * symbol that has an entry. */
static pn_status code_check(pn__view *v, uint32_t off, uint32_t size)
{
    const unsigned char *c;
    uint32_t max_len, coded, symbols, sum = 0, i;

    if (!table_fits(v->size, off, size, 1) || size < PN_CODE_HEAD)
        return PN_ERR_FORMAT;
    c = v->data + off;
    max_len = c[0];
    coded = pn_read_u16(c + 2);
    symbols = pn_read_u16(c + 4);
    if (max_len < 1 || max_len > PN_CODE_MAX_LEN || coded > symbols ||
        symbols > PN_CODE_MAX_SYMBOLS ||
        PN_CODE_HEAD + 2 * max_len + PN_CODE_ENTRY * symbols > size)
        return PN_ERR_FORMAT;
    for (i = 0; i < max_len; i++)
        sum += pn_read_u16(c + PN_CODE_HEAD + 2 * i);
    if (sum != coded)
        return PN_ERR_FORMAT;
    v->code = c;
    return PN_OK;
}

pn_status pn_read_header(pn__view *v, const unsigned char *data,
                         uint32_t size)
{
    uint32_t pool;

    if (size < PN_HEADER_SIZE || !magic_ok(data))
        return PN_ERR_FORMAT;
    if (pn_read_u16(data + PN_HDR_VERSION) != PN_FORMAT_VERSION)
        return PN_ERR_VERSION;
    if (pn_read_u32(data + PN_HDR_SIZE) != size ||
        (pn_read_u16(data + PN_HDR_FLAGS) & ~PN_FLAG_COMPRESSED) != 0)
        return PN_ERR_FORMAT;

    v->data = data;
    v->size = size;
    v->notice_count = pn_read_u32(data + PN_HDR_NOTICE_COUNT);
    v->notices = pn_read_u32(data + PN_HDR_NOTICES);
    v->section_count = pn_read_u32(data + PN_HDR_SECTION_COUNT);
    v->sections = pn_read_u32(data + PN_HDR_SECTIONS);
    pool = pn_read_u32(data + PN_HDR_POOL);
    v->pool_size = pn_read_u32(data + PN_HDR_POOL_SIZE);

    if (!table_fits(size, v->notices, v->notice_count, PN_NOTICE_SIZE) ||
        !table_fits(size, v->sections, v->section_count, PN_SECTION_SIZE) ||
        !table_fits(size, pool, v->pool_size, 1) || v->pool_size < 1)
        return PN_ERR_FORMAT;
    v->pool = data + pool;
    if (v->pool[0] != 0)
        return PN_ERR_FORMAT;
    v->code = NULL;
    if (pn_read_u16(data + PN_HDR_FLAGS) & PN_FLAG_COMPRESSED)
        return code_check(v, pn_read_u32(data + PN_HDR_CODE),
                          pn_read_u32(data + PN_HDR_CODE_SIZE));
    return PN_OK;
}

pn_status pn_read_view(pn__view *v, const pn_catalog *cat)
{
    pn_status st;

    if (!cat || !cat->data || cat->size == 0)
        return PN_ERR_ARG;
    st = pn_read_header(v, cat->data, cat->size);
    if (st != PN_OK)
        return PN_ERR_FORMAT;   /* pn_open reports PN_ERR_VERSION */
    if (cat->notice_count != v->notice_count)
        return PN_ERR_FORMAT;
    return PN_OK;
}

pn_status pn_read_notice_of(pn__view *v, const pn_notice *notice,
                            const unsigned char **record)
{
    pn_status st;

    if (!notice)
        return PN_ERR_ARG;
    st = pn_read_view(v, notice->catalog);
    if (st != PN_OK)
        return st;
    *record = pn_read_notice(v, notice->index);
    return *record ? PN_OK : PN_ERR_FORMAT;
}

const unsigned char *pn_read_notice(const pn__view *v, uint32_t index)
{
    if (index >= v->notice_count)
        return NULL;
    return v->data + v->notices + index * PN_NOTICE_SIZE;
}

const unsigned char *pn_read_section(const pn__view *v, uint32_t record)
{
    if (record >= v->section_count)
        return NULL;
    return v->data + v->sections + record * PN_SECTION_SIZE;
}

pn_status pn_read_notice_sections(const pn__view *v,
                                  const unsigned char *notice,
                                  uint32_t *first, uint32_t *count)
{
    *first = pn_read_u32(notice + PN_NOT_FIRST_SECTION);
    *count = pn_read_u32(notice + PN_NOT_SECTION_COUNT);
    if (*first > v->section_count || *count > v->section_count - *first)
        return PN_ERR_FORMAT;
    return PN_OK;
}

static pn_status name_at(const pn__view *v, uint32_t off, const char **out)
{
    uint32_t end;

    for (end = off; end < v->pool_size; end++) {
        if (v->pool[end] == 0) {
            *out = (const char *)v->pool + off;
            return PN_OK;
        }
    }
    return PN_ERR_FORMAT;
}

pn_status pn_read_field_name(const pn__view *v, const unsigned char *record,
                             unsigned field, const char **out)
{
    return name_at(v, pn_read_u32(record + field), out);
}

pn_status pn_read_field_text(const pn__view *v, const unsigned char *record,
                             unsigned field, pn__text *out)
{
    uint32_t pos = pn_read_u32(record + field);

    return pn_read_text_at(v, &pos, out);
}

/* An unsigned LEB128 value of at most 32 bits. */
static pn_status leb128_at(const pn__view *v, uint32_t *pos,
                           uint32_t *value)
{
    uint32_t x = 0;
    unsigned shift = 0;
    unsigned char b;

    for (;;) {
        if (*pos >= v->pool_size)
            return PN_ERR_FORMAT;
        b = v->pool[*pos];
        (*pos)++;
        if (shift == 28 && b > 0x0F)    /* more than 32 bits */
            return PN_ERR_FORMAT;
        x |= (uint32_t)(b & 0x7F) << shift;
        if (!(b & 0x80))
            break;
        shift += 7;
    }
    *value = x;
    return PN_OK;
}

pn_status pn_read_text_at(const pn__view *v, uint32_t *pos, pn__text *out)
{
    uint32_t len, size;
    pn_status st = leb128_at(v, pos, &len);

    if (st != PN_OK)
        return st;
    size = len;
    if (v->code && len > 0) {
        st = leb128_at(v, pos, &size);
        if (st != PN_OK)
            return st;
        /* Each code is a bit or more and stands for at most
         * PN_CODE_MAX_PHRASE bytes. */
        if (len > PN_MAX_TEXT || size > 4 * PN_MAX_TEXT ||
            len > 8 * PN_CODE_MAX_PHRASE * size)
            return PN_ERR_FORMAT;
    }
    if (size > v->pool_size - *pos)
        return PN_ERR_FORMAT;
    out->bytes = (const char *)v->pool + *pos;
    out->len = len;
    out->size = size;
    out->code = len > 0 ? v->code : NULL;
    *pos += size;
    return PN_OK;
}

size_t pn_read_strlen(const char *s)
{
    size_t n = 0;

    while (s[n] != '\0')
        n++;
    return n;
}

int pn_read_name_is(const char *name, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (name[i] != s[i])
            return 0;
    }
    return name[n] == '\0';
}

pn_status pn_read_out_begin(char *buf, size_t size, size_t *len)
{
    if (len)
        *len = 0;
    if (!buf || size == 0)
        return PN_ERR_ARG;
    buf[0] = '\0';
    return PN_OK;
}

static int is_continuation(char c)
{
    return ((unsigned char)c & 0xC0u) == 0x80u;
}

size_t pn_read_put(char *dst, size_t room, const char *src, size_t n,
                   int *cut)
{
    size_t i;

    if (n >= room) {
        /* Keep room for the NUL; drop a character whose bytes would not
         * all fit, by stepping back to the byte that starts it. */
        n = room - 1;
        while (n > 0 && is_continuation(src[n]))
            n--;
        *cut = 1;
    }
    for (i = 0; i < n; i++)
        dst[i] = src[i];
    dst[n] = '\0';
    return n;
}

pn_status pn_read_copy(pn__text text, char *buf, size_t size, size_t *len)
{
    int cut = 0;
    size_t n;
    pn_status st = pn_dec_put(buf, size, &text, &n, &cut);

    if (len)
        *len = n;
    if (st != PN_OK)
        return st;
    return cut ? PN_ERR_TRUNCATED : PN_OK;
}
