/* pack_font.h: the subset of a BDF font a catalog carries (pnc --font):
 * the glyphs its texts use, in the layout of runtime/pn_format.h. */
#ifndef PNC_PACK_FONT_H
#define PNC_PACK_FONT_H

#include <stddef.h>

#include "bdf.h"
#include "buf.h"

/* Appends to `out` the font block of `f` with the glyphs of the `count`
 * UTF-8 texts (NULL entries skipped), of what libpn writes itself (digits,
 * space, '.', '-', '?') and the replacement glyph: U+FFFD, else '?', else
 * a hollow box. Characters the font lacks are left out (the font-glyph
 * check reports them). Returns 0, or -1 (nothing appended) when the
 * subset is past the format's limits: PN_MAX_GLYPHS glyphs, 16 MiB of
 * bitmaps. */
int pack_font(const bdf_font *f, const char *const *texts, size_t count,
              buf *out);

#endif
