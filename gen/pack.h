/* pack.h: parsed notices into the catalog bytes of runtime/pn_format.h. */
#ifndef PNC_PACK_H
#define PNC_PACK_H

#include <stddef.h>

#include "bdf.h"
#include "buf.h"
#include "diag.h"
#include "languages.h"
#include "model.h"
#include "qr.h"

/* Sorts `notices` by policy id, then language (byte order), so the output
 * does not depend on the order of the files. A policy given twice in one
 * language is the checks' to report (rule notice-duplicate, always an
 * error), before anything is packed. */
void pack_sort(mnotice **notices, size_t count);

/* `flags` of pack_catalog(). */
#define PACK_PLAIN 1u  /* store texts as they are (pnc --no-compress) */
/* The error correction level of the web addresses' QR codes (pnc
 * --qr-ecc), kept so that flags without it give M, pnc's default. */
#define PACK_QR_ECC(level) (((unsigned)(level) ^ QR_ECC_M) << 1)
#define PACK_QR_ECC_OF(flags) ((qr_ecc)(((flags) >> 1 & 3u) ^ QR_ECC_M))

/* Appends the catalog for the sorted `notices` to `out`, CRC included,
 * with the languages of `langs` they need (their first-layer labels, and
 * every language's fallbacks; NULL: none): texts compressed with a code
 * trained on them all (gen/compress.c), unless `flags` has PACK_PLAIN,
 * each web address's QR code at the level PACK_QR_ECC() puts in `flags`,
 * and `catalog_version` (pnc --catalog-version) in its header. `fonts`
 * (NULL, or two entries: --font and --font-heading, each NULL when not
 * given) adds the glyphs the texts use of each font (gen/pack_font.c).
 * Returns the number of errors (a catalog past the format's limits, an
 * address too long for a QR code: rule header-url-qr, checked before). */
unsigned pack_catalog(mnotice *const *notices, size_t count,
                      const languages *langs, const bdf_font *const *fonts,
                      unsigned flags, uint32_t catalog_version, diag *d,
                      buf *out);

#endif
