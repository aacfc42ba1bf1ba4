/* pn_read.c: bounds-checked reading of catalog bytes (see pn_read.h). */
#include "pn_read.h"

uint16_t pn__read_u16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

uint32_t pn__read_u24(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
}

uint32_t pn__read_u32(const unsigned char *p)
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

/* Whether the first `size` bytes (at most the magic's) are the magic's. */
PN_STATIC_ASSERT(PN_HDR_AT(magic, 4) == 0, magic_comes_first);
static int magic_ok(const unsigned char *data, uint32_t size)
{
    unsigned i;

    if (size >= 4)              /* the common case, at once */
        return pn__read_u32(data) ==
               ((uint32_t)PN_MAGIC[0] | (uint32_t)PN_MAGIC[1] << 8 |
                (uint32_t)PN_MAGIC[2] << 16 | (uint32_t)PN_MAGIC[3] << 24);
    for (i = 0; i < sizeof PN_MAGIC - 1 && i < size; i++)
        if (data[i] != (unsigned char)PN_MAGIC[i])
            return 0;
    return 1;
}

pn_status pn__read_head(const unsigned char *data, uint32_t available)
{
    if (!magic_ok(data, available))
        return PN_ERR_NOT_CATALOG;
    if (available < PN_HEADER_SIZE)
        return PN_ERR_SIZE;
    if (PN__HDR_U16(data, version) != PN_FORMAT_VERSION)
        return PN_ERR_VERSION;
    return PN_OK;
}

/* Checks the code tables' shape, so the decoder may trust it: the
 * lengths, the start table, the bytes and the pairs' refs fill them
 * exactly, and PN_CODE_TAIL bytes of the catalog follow them (the
 * decoder reads a ref as the 4 bytes from its first). What they hold
 * is checked as it is used
 * (pn_decode.c). */
static pn_status code_check(pn__view *v, uint32_t off, uint32_t size)
{
    const unsigned char *c;
    uint32_t min_len, max_len, start_bits, ref_bits, bytes, pairs;

    if (!table_fits(v->size, off, size, 1) || size < PN_CODE_HEAD_SIZE ||
        v->size - off - size < PN_CODE_TAIL)
        return PN_ERR_FORMAT;
    c = v->data + off;
    min_len = c[PN_CODE_AT(min_len, 1)];
    max_len = c[PN_CODE_AT(max_len, 1)];
    start_bits = c[PN_CODE_AT(start_bits, 1)];
    ref_bits = c[PN_CODE_AT(ref_bits, 1)];
    bytes = pn__read_u16(c + PN_CODE_AT(bytes, 2));
    pairs = pn__read_u16(c + PN_CODE_AT(pairs, 2));
    if (min_len < 1 || min_len > max_len || max_len > PN_CODE_MAX_LEN ||
        start_bits > max_len || ref_bits < PN_CODE_MIN_REF_BITS ||
        ref_bits > PN_CODE_MAX_REF_BITS ||
        pairs > PN_CODE_BYTE_REF(ref_bits) ||
        PN_CODE_HEAD_SIZE + PN_CODE_LENGTHS_SIZE(max_len - min_len + 1) +
                (1u << start_bits) + bytes +
                2u * PN_CODE_REFS_SIZE(ref_bits, pairs) != size)
        return PN_ERR_FORMAT;
    v->code = c;
    return PN_OK;
}

/* The header's tables: where each one's offset and count are, its
 * records' size (the pool's counts its bytes; 0: the section records',
 * which the pool's size gives) and where the view keeps the offset, the
 * count right after it. */
#define VIEW_AT(member) ((unsigned char)offsetof(pn__view, member))
static const unsigned char header_tables[][4] = {
    {PN_HDR_AT(pool, 4), PN_HDR_AT(pool_size, 4), 1, VIEW_AT(pool_at)},
    {PN_HDR_AT(notices, 4), PN_HDR_AT(notice_count, 4), PN_NOTICE_SIZE,
     VIEW_AT(notices)},
    {PN_HDR_AT(sections, 4), PN_HDR_AT(section_count, 4), 0,
     VIEW_AT(sections)},
    {PN_HDR_AT(contacts, 4), PN_HDR_AT(contact_count, 4), PN_CONTACT_SIZE,
     VIEW_AT(contacts)},
    {PN_HDR_AT(languages, 4), PN_HDR_AT(language_count, 4),
     PN_LANGUAGE_SIZE, VIEW_AT(languages)},
};
#define COUNT_AFTER(off, count)                                              \
    PN_STATIC_ASSERT(offsetof(pn__view, count) ==                            \
                         offsetof(pn__view, off) + sizeof(uint32_t),         \
                     count_after_##off);
COUNT_AFTER(pool_at, pool_size)
COUNT_AFTER(notices, notice_count)
COUNT_AFTER(sections, section_count)
COUNT_AFTER(contacts, contact_count)
COUNT_AFTER(languages, language_count)
PN_STATIC_ASSERT(PN_NOTICE_SIZE <= 255 && PN_SECTION_SIZE <= 255 &&
                     PN_CONTACT_SIZE <= 255 && PN_LANGUAGE_SIZE <= 255,
                 record_sizes_fit_a_byte);
PN_STATIC_ASSERT(sizeof(pn__view) <= 255, view_offsets_fit_a_byte);

pn_status pn__read_header(pn__view *v, const unsigned char *data,
                          uint32_t size)
{
    unsigned i, flags;
    pn_status st = pn__read_head(data, size);

    if (st != PN_OK)
        return st;
    if (PN__HDR_U32(data, size) != size)
        return PN_ERR_SIZE;
    flags = PN__HDR_U16(data, flags);
    if ((flags & ~PN_FLAGS_KNOWN) != 0)
        return PN_ERR_FORMAT;
    v->data = data;
    v->size = size;
    v->section_size = PN_SECTION_SIZE_OF(PN__HDR_U32(data, pool_size));
    for (i = 0; i < sizeof header_tables / sizeof header_tables[0]; i++) {
        const unsigned char *t = header_tables[i];
        /* Both members are reached from the view's first byte: a step
         * from one member to the next is not one C allows. */
        unsigned char *at = (unsigned char *)v + t[3];
        uint32_t *off = (uint32_t *)(void *)at;
        uint32_t *count = (uint32_t *)(void *)(at + sizeof(uint32_t));
        *off = pn__read_u32(data + t[0]);
        *count = pn__read_u32(data + t[1]);
        if (!table_fits(size, *off, *count, t[2] ? t[2] : v->section_size))
            return PN_ERR_FORMAT;
    }
    v->pool = data + v->pool_at;
    if (v->pool_size < 1 || v->pool[0] != 0)
        return PN_ERR_FORMAT;
    v->code = NULL;
    if (flags & PN_FLAG_COMPRESSED)
        return code_check(v, PN__HDR_U32(data, code),
                          PN__HDR_U32(data, code_size));
    /* A plain catalog has no code tables (pn_format.h). */
    if (PN__HDR_U32(data, code) != 0 || PN__HDR_U32(data, code_size) != 0)
        return PN_ERR_FORMAT;
    return PN_OK;
}

static pn_status view_of(pn__view *v, const unsigned char *data,
                         uint32_t size)
{
    if (!data || size == 0)
        return PN_ERR_ARG;
    /* pn_open reports PN_ERR_VERSION; a handle from it cannot have one. */
    return pn__read_header(v, data, size) == PN_OK ? PN_OK : PN_ERR_FORMAT;
}

pn_status pn__read_view(pn__view *v, const pn_catalog *cat)
{
    pn_status st;

    if (!cat)
        return PN_ERR_ARG;
    st = view_of(v, cat->data, cat->size);
    if (st == PN_OK && cat->notice_count != v->notice_count)
        return PN_ERR_FORMAT;
    return st;
}

void pn__read_ref(pn__ref *ref, const pn__view *v, uint32_t record)
{
    ref->data = v->data;
    ref->size = v->size;
    ref->record = record;
}

/* The view of the catalog `ref` points into, and its record `record`
 * of the table that `lookup` reads. */
static pn_status ref_record(pn__view *v, const pn__ref *ref,
                            const unsigned char *(*lookup)(const pn__view *,
                                                           uint32_t),
                            const unsigned char **record)
{
    pn_status st = view_of(v, ref->data, ref->size);

    if (st != PN_OK)
        return st;
    *record = lookup(v, ref->record);
    return *record ? PN_OK : PN_ERR_FORMAT;
}

pn_status pn__read_notice_of(pn__view *v, const pn_notice *notice,
                             const unsigned char **record)
{
    if (!notice)
        return PN_ERR_ARG;
    return ref_record(v, &notice->internal, pn__read_notice, record);
}

pn_status pn__read_section_of(pn__view *v, const pn_section *sec,
                              const unsigned char **record)
{
    if (!sec)
        return PN_ERR_ARG;
    return ref_record(v, &sec->internal, pn__read_section, record);
}

const unsigned char *pn__read_notice(const pn__view *v, uint32_t index)
{
    if (index >= v->notice_count)
        return NULL;
    return v->data + v->notices + index * PN_NOTICE_SIZE;
}

const unsigned char *pn__read_section(const pn__view *v, uint32_t record)
{
    if (record >= v->section_count)
        return NULL;
    return v->data + v->sections + record * v->section_size;
}

const unsigned char *pn__read_language(const pn__view *v, const char *tag,
                                       size_t n)
{
    uint32_t i;

    for (i = 0; i < v->language_count; i++) {
        const unsigned char *rec = v->data + v->languages +
                                   i * PN_LANGUAGE_SIZE;
        const char *name;

        if (pn__read_field_name(v, rec, PN_LANGUAGE_AT(tag, PN_OFFSET_SIZE),
                                &name) != PN_OK)
            return NULL;
        if (pn__read_name_is(name, tag, n))
            return rec;
    }
    return NULL;
}

/* Whether records first .. first + count - 1 are among `total`. */
static pn_status run_in(uint32_t first, uint32_t count, uint32_t total)
{
    return first > total || count > total - first ? PN_ERR_FORMAT : PN_OK;
}

/* The LEB128 number `n` (from 0) of the list at pool offset `at`. */
static pn_status nth_leb128(const pn__view *v, uint32_t at, unsigned n,
                            uint32_t *value)
{
    unsigned k;

    for (k = 0; k <= n; k++) {
        pn_status st = pn__read_leb128_at(v, &at, value);
        if (st != PN_OK)
            return st;
    }
    return PN_OK;
}

/* The pool offset `back` bytes before `at`; a distance of 0 is offset 0,
 * the empty text. */
static pn_status back_from(uint32_t at, uint32_t back, uint32_t *off)
{
    if (back > at)
        return PN_ERR_FORMAT;
    *off = back ? at - back : 0;
    return PN_OK;
}

pn_status pn__read_notice_facts(const pn__view *v, const unsigned char *notice,
                                unsigned which, uint32_t *value)
{
    uint32_t at = PN__NOTICE_U24(notice, facts);
    pn_status st = nth_leb128(v, at, which, value);

    if (st != PN_OK)
        return st;
    if (which == PN_FACTS_WAIVED)
        return *value < PN_TOPIC_BIT(PN_TOPIC_COUNT) ? PN_OK : PN_ERR_FORMAT;
    if (which < PN_FACTS_UPDATED)       /* contacts: run_in() checks them */
        return PN_OK;
    return back_from(at, *value, value);
}

pn_status pn__read_notice_fact(const pn__view *v, const unsigned char *notice,
                               unsigned fact, pn__text *text)
{
    uint32_t at;
    pn_status st = pn__read_notice_facts(v, notice, PN_FACTS_VALUE(fact), &at);

    if (st != PN_OK)
        return st;
    return pn__read_text_at(v, at, text);
}

pn_status pn__read_notice_sections(const pn__view *v,
                                  const unsigned char *notice,
                                  uint32_t *first, uint32_t *count)
{
    *first = PN__NOTICE_U24(notice, first_section);
    *count = PN__NOTICE_U16(notice, section_count);
    return run_in(*first, *count, v->section_count);
}

pn_status pn__read_notice_contacts(const pn__view *v,
                                  const unsigned char *notice,
                                  uint32_t *first, uint32_t *count)
{
    pn_status st;

    if ((st = pn__read_notice_facts(v, notice, PN_FACTS_FIRST_CONTACT,
                                    first)) != PN_OK ||
        (st = pn__read_notice_facts(v, notice, PN_FACTS_CONTACT_COUNT,
                                    count)) != PN_OK)
        return st;
    return run_in(*first, *count, v->contact_count);
}

pn_status pn__read_name_at(const pn__view *v, uint32_t off, const char **out)
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

pn_status pn__read_field_name(const pn__view *v, const unsigned char *record,
                              size_t offset, const char **out)
{
    return pn__read_name_at(v, pn__read_u24(record + offset), out);
}

pn_status pn__read_field_text(const pn__view *v, const unsigned char *record,
                              size_t offset, pn__text *out)
{
    return pn__read_text_at(v, pn__read_u24(record + offset), out);
}

pn_status pn__read_label(const pn__view *v, const unsigned char *language,
                         unsigned label, pn__text *out)
{
    uint32_t at =
        pn__read_u24(language + PN_LANGUAGE_AT(labels, PN_OFFSET_SIZE));
    uint32_t back = 0, off;
    pn_status st;

    /* A language without labels (at 0) gives the empty text. */
    if ((at != 0 && (st = nth_leb128(v, at, label, &back)) != PN_OK) ||
        (st = back_from(at, back, &off)) != PN_OK)
        return st;
    return pn__read_text_at(v, off, out);
}

pn_status pn__read_leb128_at(const pn__view *v, uint32_t *pos,
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

/* In a compressed catalog a length of 0 anywhere but at pool offset 0
 * (the empty text) is a reference: the pool offset `*at` of the same text
 * stored whole before `start` (or 0, the empty text), read at `*at`,
 * which it moves to that text's length; `*len` gets that length. */
static pn_status referenced(const pn__view *v, uint32_t start, uint32_t *at,
                            uint32_t *len)
{
    uint32_t ref;
    pn_status st = pn__read_leb128_at(v, at, &ref);

    if (st != PN_OK)
        return st;
    if (ref >= start)
        return PN_ERR_FORMAT;
    *at = ref;
    if ((st = pn__read_leb128_at(v, at, len)) != PN_OK)
        return st;
    /* Not a reference itself; and offset 0 is the empty text. */
    return (*len == 0) == (ref == 0) ? PN_OK : PN_ERR_FORMAT;
}

pn_status pn__read_text_at(const pn__view *v, uint32_t pos, pn__text *out)
{
    uint32_t at = pos, len, size;
    pn_status st = pn__read_leb128_at(v, &at, &len);

    if (st != PN_OK)
        return st;
    if (v->code && len == 0 && pos != 0 &&
        (st = referenced(v, pos, &at, &len)) != PN_OK)
        return st;
    /* A coded text holds no size: its length ends it, and its bits may
     * take at most the rest of the pool. */
    size = v->code && len > 0 ? v->pool_size - at : len;
    if (len > PN_MAX_TEXT || size > v->pool_size - at)
        return PN_ERR_FORMAT;
    /* Each code is a bit or more and stands for at most
     * PN_CODE_MAX_PHRASE bytes. */
    if (v->code && len > 8 * PN_CODE_MAX_PHRASE * size)
        return PN_ERR_FORMAT;
    out->bytes = (const char *)v->pool + at;
    out->len = len;
    out->size = size;
    out->code = len > 0 ? v->code : NULL;
    return PN_OK;
}

size_t pn__read_strlen(const char *s)
{
    size_t n = 0;

    while (s[n] != '\0')
        n++;
    return n;
}

int pn__read_name_is(const char *name, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (name[i] != s[i])
            return 0;
    }
    return name[n] == '\0';
}

pn_status pn__read_out_begin(char *buf, size_t size, size_t *len)
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

size_t pn__read_put(char *dst, size_t room, const char *src, size_t n,
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

pn_status pn__read_copy(pn__text text, char *buf, size_t size, size_t *len)
{
    int cut = 0;
    size_t n;
    pn_status st = pn__dec_put(buf, size, &text, &n, &cut);

    if (len)
        *len = n;
    if (st != PN_OK)
        return st;
    return cut ? PN_TRUNCATED : PN_OK;
}
