/* pn_decode.h: internal to libpn. Reading a text of the catalog byte by
 * byte, whether it is stored plain or coded (runtime/pn_format.h), with
 * no memory but the small decoder value below, which may be copied to
 * come back to a position. */
#ifndef PN_DECODE_H
#define PN_DECODE_H

#include "pn_format.h"

/* A text in the pool: `len` bytes of UTF-8, not NUL-terminated, stored as
 * they are (`code` NULL, `size` == `len`) or as bits in the code whose
 * tables are at `code`, which the `size` bytes at `bytes` (up to the
 * pool's end) bound. */
typedef struct pn__text {
    const char *bytes;
    uint32_t len;
    uint32_t size;
    const unsigned char *code;
} pn__text;

typedef struct pn__dec {
    const unsigned char *code; /* the code tables, NULL for a plain text */
    const unsigned char *p;    /* the text's bytes or code bits */
    uint32_t size;             /* bytes at p that may be read */
    uint32_t pos;              /* plain: next byte; coded: next byte of p
                                  to shift into `bits` (past the end:
                                  zeros) */
    uint32_t left;             /* bytes still to come */
    uint32_t bits;             /* coded: the next bits, from the top */
    uint8_t have;              /* bits held in `bits` */
    uint8_t depth;             /* refs on the stack */
    uint8_t err;               /* 1: the bits are damaged; reads end */
    /* Right halves of pairs to come: at most PN_CODE_MAX_DEPTH pairs
     * nest, and a read that ends after a left half keeps the right one
     * here too. */
    uint16_t stack[PN_CODE_MAX_DEPTH + 1];
} pn__dec;

/* Starts reading `text` from its first byte. */
void pn__dec_open(pn__dec *d, const pn__text *text);

/* Writes the next `want` bytes of the text (fewer at its end) to `dst`,
 * each 0x20-0xFF but 0x7F, or '\n'; returns how many. Damaged bits, or a
 * control character, end the text and set d->err. */
uint32_t pn__dec_read(pn__dec *d, char *dst, uint32_t want);

/* The next byte, as pn__dec_read() gives it; -1 at the end of the text,
 * or when the bits are damaged, which also sets d->err. */
int pn__dec_byte(pn__dec *d);

/* Decodes `text` into the `room` (>= 1) bytes at `dst` with a NUL, cut
 * at a UTF-8 character boundary if it does not fit, which sets `*cut`.
 * `*n` gets the bytes written without the NUL. PN_OK or PN_ERR_FORMAT
 * (then `dst` is "" and `*n` 0). */
pn_status pn__dec_put(char *dst, size_t room, const pn__text *text,
                     size_t *n, int *cut);

/* A place to open the text at again (pn__dec_open_at()): into `*at`,
 * where the next symbol's bits start (a plain text: the next byte).
 * 0 when there is none: a pair is half expanded, or the text is done. */
int pn__dec_mark(const pn__dec *d, uint32_t *at);

/* Starts reading `text` at `at`, as pn__dec_mark() gave it, `done` of
 * its bytes being already out. PN_ERR_ARG when `at` or `done` lie past
 * the text (a damaged caller-kept value: nothing past the text is read;
 * a wrong place inside it decodes other bytes of the pool). */
pn_status pn__dec_open_at(pn__dec *d, const pn__text *text, uint32_t at,
                          uint32_t done);

/* A plain text for `len` bytes at `bytes`. */
void pn__text_plain(pn__text *text, const char *bytes, uint32_t len);

#endif
