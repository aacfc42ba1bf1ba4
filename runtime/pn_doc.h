/* pn_doc.h: internal to libpn. What the layout lays out: a document of
 * blocks, each a few pieces of text shown as one run (a heading is its
 * number, a space and its title). A section is a document; so is a
 * notice's first layer, built from its facts. */
#ifndef PN_DOC_H
#define PN_DOC_H

#include "pn.h"
#include "pn_read.h"

#define PN_DOC_HEADING 3       /* block kind beside PN_PARAGRAPH, PN_LIST_ITEM */
#define PN_DOC_PIECES 6

typedef struct pn__block {
    unsigned kind;             /* PN_DOC_HEADING, PN_PARAGRAPH, PN_LIST_ITEM */
    unsigned count;            /* pieces used */
    pn__text piece[PN_DOC_PIECES];
} pn__block;

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
