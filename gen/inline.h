/* inline.h: the Markdown inside a paragraph, list item or title, made into
 * the text a device shows (docs/FORMAT.md, "Inside a block"):
 * - a backslash before ASCII punctuation keeps that character as text;
 * - emphasis markers (*, **, _, __) and code spans' backticks are dropped,
 *   their text kept;
 * - a link [text](url) becomes "text (url)", <url> becomes "url";
 *   mailto: and tel: are dropped from the address shown, and the address
 *   is not repeated when the text already says it; a link inside the
 *   notice ("#id") shows its text alone, and so does one to a relative
 *   address ("@/a.md", "../b"), with a warning;
 * - an image ![alt](src) becomes its alt text, with a warning;
 * - an HTML tag is kept as written, with a warning; but in a table's cell
 *   <br> and <li> break the line and <ul>, <ol>, </li>... vanish.
 * Spaces are folded; '\n' (a hard line break) stays, without spaces
 * around it. */
#ifndef PNC_INLINE_H
#define PNC_INLINE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "source.h"

/* Appends the shown text of the `n` bytes at `in` to `out`. `offs[i]` is
 * the source offset of byte i, for the warnings; `in_cell` says the text
 * is a table's cell or column heading. */
void inline_text(const unsigned char *in, const size_t *offs, size_t n,
                 int in_cell, diag *d, const source *src, buf *out);

#endif
