/* buf.h: growable byte buffers and checked allocation for the generator.
 * pnc is a short-lived host tool: running out of memory ends it with exit
 * status 2 rather than threading an error through every caller. */
#ifndef PNC_BUF_H
#define PNC_BUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct buf {
    unsigned char *data; /* bytes written so far (NULL when empty) */
    size_t len;          /* their count */
    size_t cap;          /* allocated size */
} buf;

void *xmalloc(size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrndup(const char *s, size_t len);
/* Grows an array of `*cap` items of `item_size` so it holds `need` items. */
void *grow_array(void *items, size_t *cap, size_t need, size_t item_size);

void buf_put(buf *b, const void *data, size_t len);
void buf_byte(buf *b, unsigned value);
void buf_u16(buf *b, uint32_t value);
void buf_u32(buf *b, uint32_t value);
void buf_leb128(buf *b, uint32_t value);
void buf_printf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Writes the low `bytes` bytes of `value` at `at`, little-endian: a field
 * of a record being built (runtime/pn_format.h). */
void store_le(unsigned char *at, unsigned bytes, uint32_t value);
/* Overwrites 4 bytes at `at` with `value`, little-endian. */
void buf_patch_u32(buf *b, size_t at, uint32_t value);
void buf_free(buf *b);

#endif
