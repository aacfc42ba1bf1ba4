/* json.h: pnc --json, the notices as one JSON document (docs/JSON.md,
 * docs/pnc-notices.schema.json): facts, sections, blocks, the GDPR
 * Art. 13 coverage that --report prints, and the waivers. */
#ifndef PNC_JSON_H
#define PNC_JSON_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

/* Appends `s` as a JSON string (json_escape.h); NULL gives null. */
void json_put_string(buf *out, const char *s);

/* Appends the document for the sorted `notices`. */
void json_write(buf *out, mnotice *const *notices, size_t count);

/* The name of a block kind in --json and --html: "paragraph",
 * "list_item", or "other". */
const char *json_block_kind_name(pn_block_kind kind);

#endif
