/* compress.h: the static text compression of pnc's catalogs.
 *
 * A code is trained once over every text of the catalog, then each text
 * is encoded alone, so that libpn can decode any one of them without the
 * others (see gen/compress.c for the scheme, runtime/pn_format.h for the
 * bytes and runtime/pn_decode.c for the decoder). */
#ifndef PNC_COMPRESS_H
#define PNC_COMPRESS_H

#include <stddef.h>

#include "buf.h"

typedef struct compressor compressor;

/* Trains a code on `count` NUL-terminated texts (NULL and "" are allowed
 * and skipped). The texts must stay unchanged until compress_free().
 * Deterministic: the same texts in the same order give the same code. */
compressor *compress_train(const char *const *texts, size_t count);

/* Appends the code tables ("code" in runtime/pn_format.h) to `out`. */
void compress_write_tables(const compressor *c, buf *out);

/* Appends `text`, one of the texts the code was trained on and not
 * empty, as a compressed text: its length, then its bits (no size: the
 * length ends it). */
void compress_put_text(const compressor *c, const char *text, buf *out);

void compress_free(compressor *c);

#endif
