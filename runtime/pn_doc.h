/* pn_doc.h: internal to libpn. What the layout lays out: a document of
 * blocks, each a few pieces of text shown as one run (a heading is its
 * number, a space and its title). A section is a document; so is a
 * notice's first layer, built from its facts. */
#ifndef PN_DOC_H
#define PN_DOC_H

#include "pn.h"
#include "pn_decode.h"
#include "pn_read.h"

#define PN_DOC_HEADING 3       /* block kind beside PN_PARAGRAPH, PN_LIST_ITEM */
#define PN_DOC_PIECES 6

typedef struct pn__block {
    unsigned kind;             /* PN_DOC_HEADING, PN_PARAGRAPH, PN_LIST_ITEM */
    unsigned count;            /* pieces used */
    pn__text piece[PN_DOC_PIECES];
} pn__block;

/* Reads a block's characters in order. A plain value: a copy comes back
 * to the same place, and going back means reading again from the start.
 * Damaged UTF-8 and control characters come out as one byte of U+FFFD,
 * so layout always moves on; damaged code bits end the block early and
 * set `err`. A character never spans two pieces. */
typedef struct pn__rd {
    const pn__block *b;        /* the block read */
    uint32_t off;              /* byte offset of the current character */
    uint32_t cp;               /* the current character, if not at the end */
    uint8_t size;              /* its bytes, 1-4 */
    uint8_t piece;             /* the piece it is in */
    uint8_t ahead;             /* bytes of that piece read into next[] */
    uint8_t end;               /* 1: past the block's last character */
    uint8_t err;               /* 1: a piece's bits are damaged */
    unsigned char next[4];     /* the current character's bytes and more */
    pn__dec dec;               /* the rest of the piece */
} pn__rd;

/* Puts `r` on the first character of `b`. */
void pn_rd_open(pn__rd *r, const pn__block *b);

/* Moves `r` to the next character. */
void pn_rd_next(pn__rd *r);

/* Moves `r` to byte offset `off` (a character start it has been on). */
void pn_rd_seek(pn__rd *r, uint32_t off);

/* Appends a piece to `b`, unless it is empty or `b` is full. */
void pn_doc_add(pn__block *b, const pn__text *text);
void pn_doc_add_plain(pn__block *b, const char *bytes, uint32_t len);

/* Block `index` of section `section` of the cursor's document (the first
 * layer has one section). PN_OK, PN_ERR_RANGE past the last block, or
 * PN_ERR_FORMAT. */
pn_status pn_doc_block(const pn_cursor *cur, uint32_t section,
                       uint32_t index, pn__block *out);

/* Sections in the cursor's document. */
uint32_t pn_doc_sections(const pn_cursor *cur);

/* Block `index` of the notice's first layer. */
pn_status pn_doc_summary_block(const pn_notice *notice, uint32_t index,
                               pn__block *out);

#endif
