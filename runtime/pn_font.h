/* pn_font.h: internal to libpn. A catalog's font (pnc --font), checked
 * once and then looked up glyph by glyph, for the drawing (pn_draw.c) and
 * for the pixel layout's widths (pn_wrap.c): one lookup for both. */
#ifndef PN_FONT_H
#define PN_FONT_H

#include "pn_read.h"

/* The checked head of a font block. */
typedef struct pn__font {
    const unsigned char *glyphs; /* glyph_count records */
    const unsigned char *bits;   /* bits_size bytes */
    uint32_t glyph_count;
    uint32_t bits_size;
    uint32_t replacement;
    unsigned ascent, descent;
} pn__font;

#ifndef PN_NO_DRAW
/* Font `font` of the catalog `v` views. PN_OK, PN_ERR_ARG (no such font
 * id), PN_ERR_NOT_FOUND (the catalog has none) or PN_ERR_FORMAT. */
pn_status pn__font_open(const pn__view *v, pn_font_id font, pn__font *f);

/* The font of the headings: PN_FONT_HEADING when the catalog has one,
 * else PN_FONT_TEXT. */
pn_font_id pn__font_heading(const pn__view *v);

/* The glyph record of `cp`, or the replacement's. Records are sorted;
 * in a damaged font the search may miss, never read outside. */
const unsigned char *pn__font_glyph(const pn__font *f, uint32_t cp);

/* The pixels the pen moves for `cp`. */
unsigned pn__font_advance(const pn__font *f, uint32_t cp);

/* A pixel screen's line: the largest ascent of the text and heading
 * fonts into `*ascent`, and that plus the largest descent plus
 * PN_LINE_GAP into `*height`. Results as pn__font_open(). */
pn_status pn__font_line(const pn__view *v, unsigned *ascent,
                        unsigned *height);

/* Sets (`ink` 1) or clears (0) the pixels of the rectangle `w` x `h` at
 * `x`, `y` that lie in the canvas's clip (pn_draw.c). PN_OK, or
 * PN_ERR_ARG for a NULL canvas or one whose fields do not hold together. */
pn_status pn__draw_fill(const pn_canvas *c, long long x, long long y,
                        long long w, long long h, int ink);
#endif

#endif
