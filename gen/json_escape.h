/* json_escape.h: JSON string literals, shared by pnc --json and the JSON
 * diagnostics (--diagnostics-format json). */
#ifndef PNC_JSON_ESCAPE_H
#define PNC_JSON_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* Appends `len` bytes of `text` as a JSON string, quotes included. Quotes,
 * backslashes and control characters are escaped, and so are U+2028 and
 * U+2029 (valid JSON, but not inside JavaScript strings). Bytes that are
 * not UTF-8 (a file name can hold any) become U+FFFD, so the output is
 * always valid JSON. */
void json_escape(buf *out, const char *text, size_t len);

#endif
