/* parse.h: a .pn source (docs/FORMAT.md) into a notice model. */
#ifndef PNC_PARSE_H
#define PNC_PARSE_H

#include "diag.h"
#include "model.h"
#include "source.h"

/* Checks the encoding of `src`, then parses it into `*out`, reporting every
 * problem of syntax through `d`. Returns the number of errors; the model is
 * only complete when that is 0. It holds what the file says, repeated
 * section ids and waivers too, each with its place in the source:
 * check_model() reports those. Free it with notice_free() either way. */
unsigned parse_notice(const source *src, diag *d, mnotice *out);

/* Whether `len` bytes at `s` form a valid id: [a-z0-9][a-z0-9_-]*, at most
 * PN_MAX_NAME bytes. */
int parse_is_valid_id(const char *s, size_t len);

/* Whether `len` bytes at `s` form a language tag: 2 or 3 lower-case
 * letters (ISO 639). */
int parse_is_valid_lang(const char *s, size_t len);

#endif
