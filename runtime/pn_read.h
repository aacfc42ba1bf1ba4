/* pn_read.h: internal to libpn. Bounds-checked reading of catalog bytes.
 *
 * Every function here that follows an offset found in the catalog checks it
 * against the catalog or pool size first, so damaged or hostile bytes give
 * PN_ERR_FORMAT, never a read outside the array. Handles passed in by the
 * caller (pn_catalog, pn_notice, pn_section) are checked the same way.
 */
#ifndef PN_READ_H
#define PN_READ_H

#include "pn.h"

/* A catalog's header, read and checked again by every call, so a handle
 * needs no trust. */
typedef struct pn__view {
    const unsigned char *data;
    uint32_t size;
    uint32_t notice_count;
    uint32_t notices;           /* offset of the notice records */
    uint32_t section_count;
    uint32_t sections;          /* offset of the section records */
    const unsigned char *pool;
    uint32_t pool_size;
    const unsigned char *code; /* checked code tables, NULL: plain texts */
} pn__view;

/* A text in the pool, read through pn_decode.h: `len` bytes of UTF-8, not
 * NUL-terminated, stored as they are (`code` NULL, `size` == `len`) or as
 * `size` bytes of bits in the code whose tables are at `code`. */
typedef struct pn__text {
    const char *bytes;
    uint32_t len;
    uint32_t size;
    const unsigned char *code;
} pn__text;

uint16_t pn_read_u16(const unsigned char *p);
uint32_t pn_read_u32(const unsigned char *p);

/* Checks the header of `size` bytes at `data`. PN_OK, PN_ERR_FORMAT or
 * PN_ERR_VERSION. */
pn_status pn_read_header(pn__view *v, const unsigned char *data,
                         uint32_t size);

/* The view of an opened catalog. PN_OK, PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn_read_view(pn__view *v, const pn_catalog *cat);

/* The view and record of a notice handle. PN_OK, PN_ERR_ARG or
 * PN_ERR_FORMAT. */
pn_status pn_read_notice_of(pn__view *v, const pn_notice *notice,
                            const unsigned char **record);

/* Records by index; NULL when past the table. */
const unsigned char *pn_read_notice(const pn__view *v, uint32_t index);
const unsigned char *pn_read_section(const pn__view *v, uint32_t record);

/* A notice record's section records, checked to lie in the table. */
pn_status pn_read_notice_sections(const pn__view *v,
                                  const unsigned char *notice,
                                  uint32_t *first, uint32_t *count);

/* The name or text whose pool offset is the u32 at `record + field`. */
pn_status pn_read_field_name(const pn__view *v, const unsigned char *record,
                             unsigned field, const char **out);
pn_status pn_read_field_text(const pn__view *v, const unsigned char *record,
                             unsigned field, pn__text *out);

/* The text at pool offset `*pos`; moves `*pos` past it. */
pn_status pn_read_text_at(const pn__view *v, uint32_t *pos, pn__text *out);

/* Texts of the handles' records: a notice's title (PN_NOT_TITLE) or fact
 * (PN_NOT_FACTS + 4 * i), a section's title, a section's block `index`
 * and its kind (PN_ERR_RANGE past the last block). */
pn_status pn_read_notice_text(const pn_notice *notice, unsigned field,
                              pn__text *text);
pn_status pn_read_section_title(const pn_section *sec, pn__text *title);
pn_status pn_read_block(const pn_section *sec, uint32_t index,
                        unsigned *kind, pn__text *text);

size_t pn_read_strlen(const char *s);

/* Whether NUL-terminated `name` is exactly the `n` bytes at `s`. */
int pn_read_name_is(const char *name, const char *s, size_t n);

/* Checks `buf` and `size`, makes `buf` "" and `*len` 0. PN_OK or
 * PN_ERR_ARG. */
pn_status pn_read_out_begin(char *buf, size_t size, size_t *len);

/* Writes the `n` bytes at `src` and a NUL into `room` (>= 1) bytes at
 * `dst`, cut at a UTF-8 character boundary if they do not fit, which sets
 * `*cut`. Returns the bytes written without the NUL. */
size_t pn_read_put(char *dst, size_t room, const char *src, size_t n,
                   int *cut);

/* Copies a text into a checked buffer. PN_OK, PN_ERR_TRUNCATED or
 * PN_ERR_FORMAT. */
pn_status pn_read_copy(pn__text text, char *buf, size_t size, size_t *len);

#endif
