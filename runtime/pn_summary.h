/* pn_summary.h: internal to libpn. A notice's first layer as a document
 * for the layout: the short notice built from its facts. */
#ifndef PN_SUMMARY_H
#define PN_SUMMARY_H

#include "pn_doc.h"

/* Block `index` of the notice's first layer. PN_OK, PN_ERR_RANGE past the
 * last block, or PN_ERR_FORMAT. */
pn_status pn__summary_block(const pn_notice *notice, uint32_t index,
                            pn__block *out);

#endif
