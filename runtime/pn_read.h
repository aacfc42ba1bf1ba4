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
#include "pn_decode.h"
#include "pn_format.h"

/* A catalog's header, read and checked again by every call, so a handle
 * needs no trust. Each table's offset is followed by its count, as
 * pn__read_header() fills them. */
typedef struct pn__view {
    const unsigned char *data;
    uint32_t size;
    uint32_t pool_at;           /* offset of the pool */
    uint32_t pool_size;
    uint32_t notices;           /* offset of the notice records */
    uint32_t notice_count;
    uint32_t sections;          /* offset of the section records */
    uint32_t section_count;
    uint32_t contacts;          /* offset of the contact records */
    uint32_t contact_count;
    uint32_t languages;         /* offset of the language records */
    uint32_t language_count;
    uint32_t section_size;      /* a section record's size:
                                   PN_SECTION_SIZE_OF() */
    const unsigned char *pool;
    const unsigned char *code; /* checked code tables, NULL: plain texts */
} pn__view;

uint16_t pn__read_u16(const unsigned char *p);
uint32_t pn__read_u24(const unsigned char *p);
uint32_t pn__read_u32(const unsigned char *p);

/* Field `field` of a record, by the width pn_format.h declares for it
 * (the build fails if that is not the width named here). */
#define PN__HDR_U16(p, field) pn__read_u16((p) + PN_HDR_AT(field, 2))
#define PN__HDR_U32(p, field) pn__read_u32((p) + PN_HDR_AT(field, 4))
#define PN__NOTICE_U16(p, field) pn__read_u16((p) + PN_NOTICE_AT(field, 2))
#define PN__NOTICE_U24(p, field) pn__read_u24((p) + PN_NOTICE_AT(field, 3))
#define PN__SECTION_U24(p, field) pn__read_u24((p) + PN_SECTION_AT(field, 3))

/* Checks the header of `size` bytes at `data`. PN_OK, PN_ERR_FORMAT or
 * PN_ERR_VERSION. */
/* Checks the start of a catalog in `available` bytes: PN_OK when they
 * hold a whole header of this format, else PN_ERR_NOT_CATALOG (no magic),
 * PN_ERR_SIZE (fewer bytes than a header) or PN_ERR_VERSION. */
pn_status pn__read_head(const unsigned char *data, uint32_t available);

pn_status pn__read_header(pn__view *v, const unsigned char *data,
                          uint32_t size);

/* The view of an opened catalog. PN_OK, PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn__read_view(pn__view *v, const pn_catalog *cat);

/* The view of the catalog a handle points into, and the handle's record
 * in the notice or section table. PN_OK, PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn__read_notice_of(pn__view *v, const pn_notice *notice,
                             const unsigned char **record);
pn_status pn__read_section_of(pn__view *v, const pn_section *sec,
                              const unsigned char **record);

/* A handle's reference to record `record` of the catalog of `v`. */
void pn__read_ref(pn__ref *ref, const pn__view *v, uint32_t record);

/* A section's head (pn_format.h, "head"), read from the pool and checked:
 * its names' pool offsets are not yet (pn__read_field_name() does), its
 * index fits the pool, its title and blocks are checked as they are
 * read. */
typedef struct pn__head {
    uint32_t at;                /* its pool offset */
    uint32_t topics;            /* its topics in PN_TOPIC_ORDER (checked
                                   below PN_TOPIC_BIT(PN_TOPIC_COUNT)) */
    unsigned level;
    unsigned bits;              /* of an index entry: 8, 12, 16 or 32 */
    int paragraphs;             /* PN_HEAD_PARAGRAPHS: no kind bytes */
    uint32_t block_count;
    uint32_t id;                /* pool offsets of its names, 0: "" */
    uint32_t number;
    uint32_t index;             /* pool offset of its block index */
    uint32_t body;              /* of its body, which the entries count
                                   from: topics, names, title, blocks */
    uint32_t title;             /* of its title */
} pn__head;

/* The head of section record `rec`. PN_OK or PN_ERR_FORMAT. */
pn_status pn__read_section_head(const pn__view *v, const unsigned char *rec,
                                pn__head *head);

/* The PN_TOPIC_BIT()s of a head's topics, `stored` in PN_TOPIC_ORDER
 * (below PN_TOPIC_BIT(PN_TOPIC_COUNT)). */
uint32_t pn__read_topics(uint32_t stored);

/* Records by index; NULL when past the table. */
const unsigned char *pn__read_notice(const pn__view *v, uint32_t index);
const unsigned char *pn__read_section(const pn__view *v, uint32_t record);

/* The record of language `n` bytes at `tag`; NULL when the catalog has
 * none or it is damaged. */
const unsigned char *pn__read_language(const pn__view *v, const char *tag,
                                       size_t n);

/* Number `which` (PN_FACTS_*) of the facts record of notice record
 * `notice`: the topics waived (checked), the first contact record or
 * their count (not checked), or the pool offset of the date, QR code or
 * fact (0: none), checked to be in the pool. PN_OK or PN_ERR_FORMAT. */
pn_status pn__read_notice_facts(const pn__view *v, const unsigned char *notice,
                                unsigned which, uint32_t *value);

/* The text of `fact` (an enum pn__fact) of notice record `notice`. */
pn_status pn__read_notice_fact(const pn__view *v, const unsigned char *notice,
                               unsigned fact, pn__text *text);

/* A notice record's section records, checked to lie in the table. */
pn_status pn__read_notice_sections(const pn__view *v,
                                   const unsigned char *notice,
                                   uint32_t *first, uint32_t *count);

/* A notice record's contact records, checked to lie in the table; the
 * record `i` of the table (i < v->contact_count). */
pn_status pn__read_notice_contacts(const pn__view *v,
                                   const unsigned char *notice,
                                   uint32_t *first, uint32_t *count);
/* The first value of `fact` (an enum pn__fact) of party `party` of
 * `role`, a role other than the controller (whose facts
 * pn__read_notice_fact() reads), in the notice record `notice`'s contact
 * records; `*found` is 0 and the text empty when it has none. PN_OK or
 * PN_ERR_FORMAT. */
pn_status pn__read_party_fact(const pn__view *v, const unsigned char *notice,
                              unsigned role, unsigned party, unsigned fact,
                              pn__text *text, int *found);
#define PN__CONTACT(v, i) \
    ((v)->data + (v)->contacts + (uint32_t)(i) * PN_CONTACT_SIZE)

/* The name at pool offset `off`, checked to end in the pool. */
pn_status pn__read_name_at(const pn__view *v, uint32_t off, const char **out);

/* The name or text whose pool offset (PN_OFFSET_SIZE bytes) is at
 * `record + offset`. */
pn_status pn__read_field_name(const pn__view *v, const unsigned char *record,
                              size_t offset, const char **out);
pn_status pn__read_field_text(const pn__view *v, const unsigned char *record,
                              size_t offset, pn__text *out);

/* Label `label` (an enum pn__label, < PN_LABEL_COUNT) of the language
 * record `language`: an empty text when it has no labels. */
pn_status pn__read_label(const pn__view *v, const unsigned char *language,
                         unsigned label, pn__text *out);

/* The unsigned LEB128 value (at most 32 bits) at pool offset `*pos`;
 * moves `*pos` past it. */
pn_status pn__read_leb128_at(const pn__view *v, uint32_t *pos,
                             uint32_t *value);

/* The text at pool offset `pos` (a coded text is not read to its end
 * here, so what follows it is not known: pn_format.h). */
pn_status pn__read_text_at(const pn__view *v, uint32_t pos, pn__text *out);

/* Texts of the handles' records: a notice's text field at `offset`
 * (its title), a section's title, a
 * section's block `index` with its kind, list level and number (0 when
 * it has none; PN_ERR_RANGE past the last block). */
pn_status pn__read_notice_text(const pn_notice *notice, size_t offset,
                               pn__text *text);
pn_status pn__read_section_title(const pn_section *sec, pn__text *title);
pn_status pn__read_block(const pn_section *sec, uint32_t index,
                         unsigned *kind, unsigned *level, uint32_t *number,
                         pn__text *text);

/* For block `index`, a table cell: the heading of its column in its
 * table, or an empty text if there is none (or it is no cell). */
pn_status pn__read_table_head(const pn_section *sec, uint32_t index,
                              pn__text *head);

size_t pn__read_strlen(const char *s);

/* Whether NUL-terminated `name` is exactly the `n` bytes at `s`. */
int pn__read_name_is(const char *name, const char *s, size_t n);

/* Checks `buf` and `size`, makes `buf` "" and `*len` 0. PN_OK or
 * PN_ERR_ARG. */
pn_status pn__read_out_begin(char *buf, size_t size, size_t *len);

/* Writes the `n` bytes at `src` and a NUL into `room` (>= 1) bytes at
 * `dst`, cut at a UTF-8 character boundary if they do not fit, which sets
 * `*cut`. Returns the bytes written without the NUL. */
size_t pn__read_put(char *dst, size_t room, const char *src, size_t n,
                    int *cut);

/* Copies a text into a checked buffer. PN_OK, PN_TRUNCATED or
 * PN_ERR_FORMAT. */
pn_status pn__read_copy(pn__text text, char *buf, size_t size, size_t *len);

#endif
