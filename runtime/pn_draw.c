/* pn_draw.c: drawing a line of text with a catalog's font into a 1-bit
 * canvas. Every offset of the font is checked against the catalog before
 * it is followed, and every pixel against the clip before it is set:
 * the clip is the canvas's clip rectangle intersected with the canvas,
 * worked out in 64 bits so no coordinate can wrap. */
#include "pn_font.h"
#include "pn_utf8.h"

#ifndef PN_NO_DRAW

/* The pixels drawing may change: [x0, x1) x [y0, y1). */
typedef struct clip_box {
    long long x0, y0, x1, y1;
} clip_box;

static int signed_byte(unsigned char b)
{
    return b < 128 ? (int)b : (int)b - 256;
}

/* Not inlined: the view it reads would stay in pn_draw_text()'s frame
 * while the glyphs are drawn. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static pn_status font_open(const pn_catalog *cat, pn_font_id font,
                           pn__font *f)
{
    pn__view v;
    pn_status st = pn__read_view(&v, cat);

    return st != PN_OK ? st : pn__font_open(&v, font, f);
}

static void set_pixel(const pn_canvas *c, unsigned x, unsigned y)
{
    if (c->flags == PN_CANVAS_PAGES)
        c->pixels[(size_t)(y / 8u) * c->stride + x] |=
            (unsigned char)(1u << (y % 8u));
    else
        c->pixels[(size_t)y * c->stride + x / 8u] |=
            (unsigned char)(0x80u >> (x % 8u));
}

static long long max_ll(long long a, long long b)
{
    return a > b ? a : b;
}

static long long min_ll(long long a, long long b)
{
    return a < b ? a : b;
}

/* Draws glyph record `g` with its origin at (pen, baseline). */
static pn_status draw_glyph(const pn__font *f, const unsigned char *g,
                            const pn_canvas *c, const clip_box *clip,
                            long long pen, long long baseline)
{
    unsigned w = g[PN_GLYPH_AT(width, 1)], h = g[PN_GLYPH_AT(height, 1)];
    uint32_t bits = pn__read_u24(g + PN_GLYPH_AT(bits, 3));
    uint32_t need = ((uint32_t)w * h + 7u) / 8u;
    long long left = pen + signed_byte(g[PN_GLYPH_AT(x_off, 1)]);
    long long top = baseline - signed_byte(g[PN_GLYPH_AT(y_off, 1)]) -
                    (long long)h + 1;
    long long gx0, gx1, gy0, gy1;
    unsigned gx, gy;

    if (bits > f->bits_size || need > f->bits_size - bits)
        return PN_ERR_FORMAT;
    gx0 = max_ll(0, clip->x0 - left);
    gx1 = min_ll(w, clip->x1 - left);
    gy0 = max_ll(0, clip->y0 - top);
    gy1 = min_ll(h, clip->y1 - top);
    if (gx0 >= gx1 || gy0 >= gy1)
        return PN_OK; /* and now 0 <= g?0 < g?1 <= 255 */
    for (gy = (unsigned)gy0; gy < (unsigned)gy1; gy++) {
        for (gx = (unsigned)gx0; gx < (unsigned)gx1; gx++) {
            uint32_t i = gy * w + gx;
            if (f->bits[bits + i / 8u] >> (7u - i % 8u) & 1u)
                set_pixel(c, (unsigned)(left + gx), (unsigned)(top + gy));
        }
    }
    return PN_OK;
}

/* Whether the canvas's fields hold together. */
static int canvas_ok(const pn_canvas *c)
{
    size_t rows;

    if (!c->pixels || c->width == 0 || c->height == 0)
        return 0;
    if (c->flags == PN_CANVAS_ROWS) {
        if (c->stride < (c->width + 7u) / 8u)
            return 0;
        rows = c->height;
    } else if (c->flags == PN_CANVAS_PAGES) {
        if (c->stride < c->width)
            return 0;
        rows = (c->height + 7u) / 8u;
    } else {
        return 0;
    }
    return c->size / c->stride >= rows;
}

/* The canvas's clip rectangle within the canvas. */
static void clip_of(const pn_canvas *c, clip_box *clip)
{
    clip->x0 = max_ll(c->clip_x, 0);
    clip->y0 = max_ll(c->clip_y, 0);
    clip->x1 = min_ll((long long)c->clip_x + c->clip_w, c->width);
    clip->y1 = min_ll((long long)c->clip_y + c->clip_h, c->height);
}

/* Sets or clears the bits of `mask` in byte `b`. */
static void paint(unsigned char *b, unsigned mask, int ink)
{
    if (ink)
        *b |= (unsigned char)mask;
    else
        *b &= (unsigned char)~mask;
}

/* Whole bytes at once where the rectangle covers them: a page's clearing
 * is about its bytes' worth of work, not its pixels'. */
pn_status pn__draw_fill(const pn_canvas *c, long long x, long long y,
                        long long w, long long h, int ink)
{
    clip_box clip;
    long long x0, x1, y0, y1, px, py;

    if (!c || !canvas_ok(c))
        return PN_ERR_ARG;
    clip_of(c, &clip);
    x0 = max_ll(x, clip.x0);
    y0 = max_ll(y, clip.y0);
    x1 = min_ll(x + w, clip.x1);
    y1 = min_ll(y + h, clip.y1);
    if (x0 >= x1 || y0 >= y1)
        return PN_OK;
    if (c->flags == PN_CANVAS_PAGES) {
        for (py = y0 - y0 % 8; py < y1; py += 8) {
            long long top = max_ll(py, y0), end = min_ll(py + 8, y1);
            unsigned mask = (0xFFu << (unsigned)(top - py)) &
                            (0xFFu >> (unsigned)(py + 8 - end));
            unsigned char *page = c->pixels + (size_t)(py / 8) * c->stride;
            for (px = x0; px < x1; px++)
                paint(page + px, mask, ink);
        }
        return PN_OK;
    }
    for (py = y0; py < y1; py++) {
        unsigned char *row = c->pixels + (size_t)py * c->stride;
        size_t first = (size_t)(x0 / 8), last = (size_t)((x1 - 1) / 8), b;
        unsigned head = 0xFFu >> (unsigned)(x0 % 8);
        unsigned tail = 0xFFu << (unsigned)(7 - (x1 - 1) % 8);
        if (first == last) {
            paint(row + first, head & tail, ink);
            continue;
        }
        paint(row + first, head, ink);
        for (b = first + 1; b < last; b++)
            row[b] = ink ? 0xFFu : 0u;
        paint(row + last, tail, ink);
    }
    return PN_OK;
}

pn_status pn_canvas_init(pn_canvas *c, unsigned char *pixels, size_t size,
                         unsigned width, unsigned height, unsigned flags)
{
    if (!c)
        return PN_ERR_ARG;
    c->pixels = pixels;
    c->size = size;
    c->width = (uint16_t)width;
    c->height = (uint16_t)height;
    c->stride = (uint16_t)(flags == PN_CANVAS_PAGES ? width
                                                    : (width + 7u) / 8u);
    c->flags = (uint16_t)flags;
    c->clip_x = 0;
    c->clip_y = 0;
    c->clip_w = (uint16_t)width;
    c->clip_h = (uint16_t)height;
    if (width > 0xFFFFu || height > 0xFFFFu || !canvas_ok(c))
        return PN_ERR_ARG;
    return PN_OK;
}

pn_status pn_font_metrics_get(const pn_catalog *cat, pn_font_id font,
                              pn_font_metrics *out)
{
    pn__font f;
    pn_status st;

    if (!out)
        return PN_ERR_ARG;
    out->ascent = out->descent = out->glyph_count = 0;
    if ((st = font_open(cat, font, &f)) != PN_OK)
        return st;
    out->ascent = f.ascent;
    out->descent = f.descent;
    out->glyph_count = f.glyph_count;
    return PN_OK;
}

pn_status pn_line_metrics_get(const pn_catalog *cat, unsigned *ascent,
                              unsigned *height)
{
    unsigned up = 0, line = 0;
    pn__view v;
    pn_status st = pn__read_view(&v, cat);

    if (st == PN_OK && (st = pn__font_line(&v, &up, &line)) != PN_OK)
        up = line = 0;
    if (ascent)
        *ascent = up;
    if (height)
        *height = line;
    return st;
}

pn_status pn_draw_text(const pn_catalog *cat, pn_font_id font,
                       const pn_canvas *c, int32_t x, int32_t baseline,
                       const char *text, size_t len, int32_t *end_x)
{
    const unsigned char *s = (const unsigned char *)text;
    long long pen = x;
    clip_box clip;
    pn__font f;
    size_t at = 0;
    pn_status st;

    if (end_x)
        *end_x = x;
    if (!text || (c && !canvas_ok(c)))
        return PN_ERR_ARG;
    if ((st = font_open(cat, font, &f)) != PN_OK)
        return st;
    clip.x0 = clip.y0 = clip.x1 = clip.y1 = 0; /* nothing, without a canvas */
    if (c)
        clip_of(c, &clip);
    while (at < len && s[at] != '\n' && s[at] != '\0') {
        uint32_t cp;
        const unsigned char *g;

        at += pn__utf8_get(s + at, len - at, &cp);
        g = pn__font_glyph(&f, cp);
        /* A glyph reaches at most 128 pixels left of its pen. */
        if (c && pen - 128 < clip.x1 && clip.x0 < clip.x1 &&
            clip.y0 < clip.y1 &&
            (st = draw_glyph(&f, g, c, &clip, pen, baseline)) != PN_OK)
            return st;
        pen += g[PN_GLYPH_AT(advance, 1)];
    }
    if (end_x)
        *end_x = pen > INT32_MAX ? INT32_MAX : (int32_t)pen;
    return PN_OK;
}

#else
typedef int pn__draw_compiled_out; /* ISO C wants something in a file */
#endif
