/* depfile.h: the make dependency file pnc writes with -MD or -MF, so a
 * build rebuilds the catalog when a .pn file (or a --charset file)
 * changes, and does not fail when one is deleted. */
#ifndef PNC_DEPFILE_H
#define PNC_DEPFILE_H

#include <stddef.h>

#include "buf.h"

/* Appends to `out` a make rule with `targets` (the outputs) depending on
 * `inputs`, then an empty rule for each input, as gcc -MP writes them.
 * Spaces, tabs, '#' and '$' in paths are escaped for make as gcc escapes
 * them, and ':' too (make would read it as the end of the targets). */
void depfile_write(buf *out, const char *const *targets, size_t target_count,
                   const char *const *inputs, size_t input_count);

#endif
