/* pn_summary.h: internal to libpn. A notice's first layer as a document
 * for the layout: the short notice built from its facts. */
#ifndef PN_SUMMARY_H
#define PN_SUMMARY_H

#include "pn_doc.h"

/* The first layer the author wrote: 1 + the index of the notice's
 * section tagged `summary` into `*authored`, 0 if it has none (the
 * first layer is then built). A scan of the section records, done once
 * when a cursor opens. PN_OK or PN_ERR_FORMAT. */
pn_status pn__summary_find(const pn_notice *notice, uint32_t *authored);

/* Block `index` of the notice's first layer, `authored` as
 * pn__summary_find() gave it. PN_OK, PN_ERR_RANGE past the last block,
 * PN_ERR_ARG (`authored` is not a section tagged summary) or
 * PN_ERR_FORMAT. */
pn_status pn__summary_block(const pn_notice *notice, uint32_t authored,
                            uint32_t index, pn__block *out);

#if !defined(PN_NO_SUMMARY) && !defined(PN_NO_QR)
/* Whether the notice's first layer ends with its QR page on `screen`:
 * PN_QR_PAGE_* into `*qr`; and, if `label` is not NULL and the page is
 * shown, the line under the code into `label`. PN_OK or PN_ERR_FORMAT. */
pn_status pn__summary_qr(const pn_notice *notice, const pn_screen *screen,
                         int *qr, pn__block *label);

#ifndef PN_NO_DRAW
/* On a PN_PIXELS screen: the pixels a module of the notice's QR code
 * takes (0: the page is skipped), the code's side in modules with its
 * quiet zone, and the screen's line height. PN_OK, PN_ERR_NOT_FOUND (no
 * code, or no font) or PN_ERR_FORMAT. */
pn_status pn__summary_qr_scale(const pn_notice *notice,
                               const pn_screen *screen, unsigned *scale,
                               unsigned *side, unsigned *line_height);
#endif
#endif

#endif
