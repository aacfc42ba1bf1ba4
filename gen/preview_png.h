/* preview_png.h: pnc --preview WxH --png DIR, every page a pixel screen
 * of that size shows, drawn by libpn (pn_cursor_draw) from the catalog
 * pnc just built, each written as a PNG file. */
#ifndef PNC_PREVIEW_PNG_H
#define PNC_PREVIEW_PNG_H

#include <stddef.h>

#include "../runtime/pn.h"
#include "diag.h"

/* Writes, for every notice of the catalog, the pages of its first layer
 * (its QR page included) and of the full notice on the PN_PIXELS
 * `screen`, each a 1-bit PNG of screen->cols * scale x screen->rows *
 * scale pixels (black ink on white), into the existing directory `dir`:
 *
 *     DIR/POLICY.LANG.1-first-layer.pNNN.png
 *     DIR/POLICY.LANG.1-first-layer.pNNN-qr.png   (the QR page)
 *     DIR/POLICY.LANG.2-notice.pNNN.png
 *
 * NNN being the page's number in that document, zero-padded to three
 * digits or to the digits its page count needs, so that a sorted listing
 * is page order. Each notice's files are written together through
 * outfiles_write() (none half-written). Returns 0, or 2 after reporting
 * (`dir` is not a directory, a file cannot be written, or libpn refuses
 * the catalog). */
int preview_png_write(const unsigned char *catalog, size_t size,
                      const pn_screen *screen, unsigned scale,
                      const char *dir, diag *d);

#endif
