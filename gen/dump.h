/* dump.h: pnc --dump, a catalog as text a reviewer can read and diff.
 *
 * It reads the catalog's bytes, not the notices they were made from, with
 * libpn's own reader and decoder, so it shows what a device reads: every
 * field of the header, the code tables, each notice record and each of its
 * section records by its name in runtime/pn_format.h; names and texts as
 * quoted text, facts by their header key, topics by name, each section's
 * blocks by kind. The fields come from pn_format.h's field lists, so a
 * field added there shows up here (as a number) without a change here.
 */
#ifndef PNC_DUMP_H
#define PNC_DUMP_H

#include <stddef.h>

#include "../runtime/pn.h"
#include "buf.h"

/* Appends the dump of the `size` bytes at `catalog` to `out`. Returns
 * PN_OK, or why libpn refused the catalog (the dump then ends with a line
 * saying so). */
pn_status dump_catalog(buf *out, const unsigned char *catalog, size_t size);

#endif
