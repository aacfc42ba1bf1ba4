/* translit.h: build-time transliteration (pnc --transliterate), with the
 * same table libpn applies at run time (pn_transliterate, docs/LAYOUT.md),
 * so a catalog for a font without å or « needs no work on the device. */
#ifndef PNC_TRANSLIT_H
#define PNC_TRANSLIT_H

#include "languages.h"
#include "model.h"

/* Writes what `cp` becomes under `flags` (PN_ASCII or PN_LATIN1) into
 * `out` as a NUL-terminated UTF-8 string. Returns 0 when the table has no
 * replacement for it (libpn would show '?'), else 1; a character the flags
 * keep as it is counts as its own replacement. */
int translit_char(uint32_t cp, unsigned flags, char out[5]);

/* Replaces every text of `n` a device shows (title, facts, headings,
 * blocks) by its transliteration. Ids, languages and dates are ASCII
 * already. Source positions stay as they were, for diagnostics. */
void translit_notice(mnotice *n, unsigned flags);

/* The same for the first layer's labels of every language. */
void translit_labels(languages *l, unsigned flags);

#endif
