/* preview.h: pnc --preview WxH, the pages a device of that size shows,
 * laid out by libpn itself from the catalog pnc just built in memory, so
 * a legal reviewer sees what the device will show without any firmware. */
#ifndef PNC_PREVIEW_H
#define PNC_PREVIEW_H

#include <stdio.h>

#include "../runtime/pn.h"

/* Parses "COLSxROWS" into `*screen` with `flags`. Returns 0, or -1 when
 * the text is not two numbers joined by 'x' or the screen is outside 1x1
 * to PN_MAX_COLS x 1000 (PN_MAX_PIXELS x PN_MAX_PIXELS with PN_PIXELS in
 * `flags`: "WIDTHxHEIGHT" in pixels). */
int preview_parse_size(const char *text, unsigned flags, pn_screen *screen);

/* The pages from `cur`'s page to the end of its document (its first
 * layer, or the full notice), counting that page, into `*pages`: the
 * number a preview gives its last page. Returns PN_OK or libpn's error. */
pn_status preview_pages_left(pn_cursor cur, uint32_t *pages);

/* Prints, for every notice of the catalog, its first layer and then the
 * full notice, page by page, each page framed at the screen's size under
 * a line saying where it is. Returns 0, or 1 when libpn refuses the
 * catalog (which would be a bug in pnc; the reason is printed). */
int preview_print(FILE *out, const unsigned char *catalog, size_t size,
                  const pn_screen *screen);

#endif
