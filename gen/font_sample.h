/* font_sample.h: a picture of a font (pnc --font-sample), to look at its
 * glyphs: sample sentences, then every glyph in code point order. */
#ifndef PNC_FONT_SAMPLE_H
#define PNC_FONT_SAMPLE_H

#include "bdf.h"
#include "diag.h"

/* Writes the picture of `f` as a 1-bit PNG to `path`, each font pixel
 * `scale` (1 to 16) pixels square. Returns 0, or 2 after reporting. */
int font_sample_write(const bdf_font *f, const char *path, unsigned scale,
                      diag *d);

#endif
