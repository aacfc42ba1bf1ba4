/* check_charset.h: the characters a display can show (--charset), and the
 * characters it lacks. */
#ifndef PNC_CHECK_CHARSET_H
#define PNC_CHECK_CHARSET_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

typedef struct charset {
    char *name;         /* "ascii", "latin1" or the file's path */
    uint32_t *ranges;   /* pairs: first, last code point, inclusive;
                           sorted and apart once loaded */
    size_t range_count;
    size_t range_cap;
} charset;

/* Makes `cs` from `spec`: "ascii" (U+0020-U+007E), "latin1" (ascii and
 * U+00A0-U+00FF) or the path of a charset file (docs/CHECKS.md: UTF-8
 * lines listing the glyphs, "U+XXXX" or "U+XXXX..U+YYYY" lines for code
 * points and ranges, '#' comment lines). A space is always in the set.
 * Returns 0, or 2 after reporting through `d`; free it either way. */
int charset_load(charset *cs, const char *spec, diag *d);

struct bdf_font;

/* Makes `cs` the characters font `f` has glyphs for (pnc --font), named
 * as its file. No space is added: a font must have one. */
void charset_of_font(charset *cs, const struct bdf_font *f);

int charset_has(const charset *cs, uint32_t cp);

/* Whether every character of the UTF-8 string `text` is in `cs`. */
int charset_has_text(const charset *cs, const char *text);

void charset_free(charset *cs);

#endif
