/* pn_doc.h: internal to libpn. What the layout lays out: a document of
 * blocks, each a few pieces of text shown as one run (a heading is its
 * number, a space and its title). A section is a document; so is a
 * notice's first layer, built from its facts. */
#ifndef PN_DOC_H
#define PN_DOC_H

#include "pn_read.h"

#define PN__DOC_PIECES 6

typedef struct pn__block {
    pn_block_kind kind;
    unsigned level;            /* a list item's level, 1 ..; else 0 */
    uint32_t number;           /* a numbered item's number; else 0 */
    unsigned count;            /* pieces used */
    uint32_t limit;            /* bytes shown from its start; 0: all (a
                                  text's first sentence) */
    pn__text piece[PN__DOC_PIECES];
} pn__block;

/* Reads a block's characters in order. A plain value: a copy comes back
 * to the same place, and going back means reading again from the start.
 * '\n' (a hard line break) comes out as itself; damaged UTF-8 comes out
 * as one byte of U+FFFD, so layout always moves on; damaged code bits and
 * other control characters (pn__dec_byte()) end the block early and set
 * `err`. A character never spans two pieces. */
#define PN__RD_AHEAD 32u        /* bytes decoded at a time */

/* A copy of a block's bytes as a reader decodes them, from byte offset
 * `base` on, for a caller that shows them as they are (a line of a page
 * written straight into the caller's buffer, not decoded a second time).
 * It takes each byte once, in order, whichever copy of the reader
 * decodes it, and stops at a gap, at a full `room`, at a byte over 0x7F
 * when `ascii` is set, and for good (`len` 0) at a character that would
 * not be shown as its bytes (damaged or not the shortest UTF-8). */
typedef struct pn__tap {
    unsigned char *dst;        /* where the byte at `base` goes */
    uint32_t base;
    uint32_t len;              /* bytes copied */
    uint32_t room;             /* bytes `dst` takes */
    uint8_t ascii;             /* 1: only ASCII is shown as it is */
    uint8_t stopped;           /* 1: takes no more */
} pn__tap;

typedef struct pn__rd {
    const pn__block *b;        /* the block read */
    uint32_t off;              /* byte offset of the current character */
    uint32_t cp;               /* the current character, if not at the end */
    uint8_t size;              /* its bytes, 1-4 */
    uint8_t piece;             /* the piece it is in */
    uint8_t head;              /* its first byte in next[] */
    uint8_t ahead;             /* bytes of that piece in next[] from head */
    uint8_t end;               /* 1: past the block's last character */
    uint8_t err;               /* 1: a piece's bits are damaged */
    uint8_t limited;           /* 1: the block is cut at its `limit` */
    unsigned char next[PN__RD_AHEAD]; /* the current character's bytes and
                                  those after it, decoded a run at a time
                                  rather than a byte at a time */
    uint32_t mark_off;         /* a character at or before the current
                                  one where the decoder can start again
                                  (pn__rd_open_at()), and the place in */
    uint32_t mark_at;          /* its piece (pn__dec_mark()) */
    pn__tap *tap;              /* gets the bytes decoded, or NULL */
    pn__dec dec;               /* the rest of the piece */
} pn__rd;

/* Puts `r` on the first character of `b`, with no tap. */
void pn__rd_open(pn__rd *r, const pn__block *b);

/* Puts `r` on the character at `off` of `b`, starting the decoder at
 * `at`: a mark (mark_off, mark_at) that a reader of `b` left, so that a
 * place deep in a long text is reached without decoding it from its
 * start. PN_ERR_ARG when the mark cannot be one of `b`'s (a damaged
 * caller-kept value). */
pn_status pn__rd_open_at(pn__rd *r, const pn__block *b, uint32_t off,
                         uint32_t at);

/* Moves `r` to the next character. */
void pn__rd_next(pn__rd *r);

/* The same, done here when the next character is an ASCII byte already
 * decoded in the current piece (most are): the layout's inner loops call
 * it for each character. */
static inline void pn__rd_step(pn__rd *r)
{
    /* At the end nothing is ahead, but in a block cut at its limit. */
    if (r->size < r->ahead && !r->limited &&
        r->next[r->head + r->size] < 0x80u) {
        r->head = (uint8_t)(r->head + r->size);
        r->ahead = (uint8_t)(r->ahead - r->size);
        r->off += r->size;
        r->cp = r->next[r->head];
        r->size = 1;
        return;
    }
    pn__rd_next(r);
}

/* The bytes already decoded from the current character on, in its piece,
 * into `*bytes`: how many (0 at the end, and in a block cut at `limit`,
 * where each step must be checked). For a caller that takes a run of
 * ASCII bytes at once, then moves over it with pn__rd_skip(). */
static inline unsigned pn__rd_ahead(const pn__rd *r,
                                    const unsigned char **bytes)
{
    *bytes = r->next + r->head;
    return r->limited ? 0u : r->ahead;
}

/* Moves `r` on by `n` bytes of those, each an ASCII character, the
 * current one and the ones after it (n less than pn__rd_ahead() gave),
 * then to the next character. */
static inline void pn__rd_skip(pn__rd *r, unsigned n)
{
    r->head = (uint8_t)(r->head + n);
    r->ahead = (uint8_t)(r->ahead - n);
    r->off += n;
    r->cp = r->next[r->head];
    pn__rd_step(r);
}

/* Starts `tap` at the current character of `r`, with the bytes `r`
 * already holds, and has `r` and its copies feed it. */
void pn__rd_tap(pn__rd *r, pn__tap *tap);

/* Moves `r` to byte offset `off` (a character start it has been on). */
void pn__rd_seek(pn__rd *r, uint32_t off);

/* Appends a piece to `b`, unless it is empty or `b` is full. */
void pn__doc_add(pn__block *b, const pn__text *text);
void pn__doc_add_plain(pn__block *b, const char *bytes, uint32_t len);

/* Block `index` of a section seen as a document: its heading (if it has
 * one), then its blocks. PN_OK, PN_ERR_RANGE past the last block, or
 * PN_ERR_FORMAT. */
pn_status pn__doc_section_block(const pn_section *sec, uint32_t index,
                                pn__block *out);

#endif
