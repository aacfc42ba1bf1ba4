/* emit.h: catalog bytes into C source text: data only, no code. */
#ifndef PNC_EMIT_H
#define PNC_EMIT_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

/* Why `name` cannot be the catalog's C identifier ("is a C keyword"),
 * or NULL when it can: it must be an identifier of at most 64 characters
 * that is not a C99 keyword, does not start with '_' (reserved at file
 * scope) and is not "main". */
const char *emit_prefix_problem(const char *name);

/* Why the header's file name `name` cannot be written in the .c's
 * #include "...", or NULL when it can. pnc refuses such names rather
 * than escape them: C has no escapes in a header name, and a '"', '\'
 * or '\'' in one is undefined (C99 6.4.7), a newline ends the line. */
const char *emit_header_name_problem(const char *name);

/* The .c file: a comment listing the notices, then
 *   const unsigned char PREFIX[PREFIX_SIZE] = { ... };
 * `header_name` is the header's file name, #included (as data only, with
 * PREFIX_DATA_ONLY, so the .c compiles without pn.h) for the size; the
 * .c stops with an #error when that header's PREFIX_CATALOG_ID is not
 * this catalog's (a .h left from another run). */
void emit_source(buf *out, const unsigned char *catalog, size_t size,
                 mnotice *const *notices, size_t count, const char *prefix,
                 const char *header_name);

/* The .h file for the catalog of `size` bytes packed from the sorted
 * `notices`: #include "pn.h" and an #error if that pn.h's
 * PN_CATALOG_FORMAT is not the catalog's (both skipped when
 * PREFIX_DATA_ONLY is defined), the sizes firmware needs at compile time
 * (PREFIX_SIZE, PREFIX_NOTICES, PREFIX_MAX_TEXT, ... measured on
 * `notices`), PREFIX_CATALOG_ID (a hash of the catalog's bytes, which
 * the .c checks) and the extern declaration of PREFIX. */
void emit_header(buf *out, const unsigned char *catalog, size_t size,
                 mnotice *const *notices, size_t count, const char *prefix);

#endif
