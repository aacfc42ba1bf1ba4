/* bdf.h: a BDF 2.1 bitmap font read into memory (pnc --font).
 *
 *   bdf_font f;
 *   if (bdf_load(&f, "fonts/pnc-sans-10.bdf", &d) == 0)
 *       glyph = bdf_find(&f, 0xE5);
 *   bdf_free(&f);
 *
 * Only glyphs whose ENCODING is a Unicode code point are kept (ENCODING -1
 * glyphs are read and dropped). Anything malformed is an error at the
 * font file's line [bdf-syntax]: the reader stops at the first one. */
#ifndef PNC_BDF_H
#define PNC_BDF_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* The largest glyph box, font box and advance the reader takes, and the
 * range of their offsets, in pixels: what a catalog's font can hold
 * (runtime/pn_format.h). */
#define BDF_MAX_BOX 255
#define BDF_MIN_OFFSET (-128)
#define BDF_MAX_OFFSET 127

typedef struct bdf_glyph {
    uint32_t cp;          /* its ENCODING: a Unicode code point */
    int advance;          /* DWIDTH's x: where the next glyph starts */
    int width, height;    /* BBX: the bitmap's size */
    int x_off, y_off;     /* BBX: its lower left corner from the origin
                             (y up, the baseline at 0) */
    unsigned char *bits;  /* `height` rows, top first, of
                             bdf_row_bytes(width) bytes, most significant
                             bit leftmost; bits past `width` are 0 */
    size_t line;          /* its STARTCHAR line (1-based) */
} bdf_glyph;

typedef struct bdf_font {
    char *path;           /* as given, for diagnostics */
    int width, height;    /* FONTBOUNDINGBOX */
    int x_off, y_off;
    int ascent, descent;  /* FONT_ASCENT / FONT_DESCENT, or from the box */
    bdf_glyph *glyphs;    /* sorted by code point, each once */
    size_t glyph_count;
    size_t glyph_cap;
} bdf_font;

/* Reads the BDF file at `path` into `f`. Returns 0, or 2 after reporting
 * the first problem (an unreadable file, malformed BDF) through `d`. `f`
 * is empty after a failure; free it either way. */
int bdf_load(bdf_font *f, const char *path, diag *d);

/* The same for `len` bytes at `data`, named `name` in diagnostics. */
int bdf_read(bdf_font *f, const char *name, const void *data, size_t len,
             diag *d);

/* The glyph for `cp`, or NULL when the font has none. */
const bdf_glyph *bdf_find(const bdf_font *f, uint32_t cp);

/* Bytes in one bitmap row of a glyph `width` pixels wide. */
size_t bdf_row_bytes(int width);

/* Whether pixel (x, y) of `g` is set: x from the left, y from the top. */
int bdf_pixel(const bdf_glyph *g, int x, int y);

void bdf_free(bdf_font *f);

#endif
