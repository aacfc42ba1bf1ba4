/* emit.h: catalog bytes into C source text: data only, no code. */
#ifndef PNC_EMIT_H
#define PNC_EMIT_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

/* Whether `name` can be the catalog's C identifier. */
int emit_is_valid_prefix(const char *name);

/* The .c file: a comment listing the notices, then
 *   const unsigned char PREFIX[PREFIX_SIZE] = { ... };
 * `header_name` is the header's file name, #included for the size. */
void emit_source(buf *out, const unsigned char *catalog, size_t size,
                 mnotice *const *notices, size_t count, const char *prefix,
                 const char *header_name);

/* The .h file: PREFIX_SIZE and the extern declaration of PREFIX. */
void emit_header(buf *out, size_t size, const char *prefix);

#endif
