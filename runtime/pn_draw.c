/* pn_draw.c: drawing a line of text with a catalog's font into a 1-bit
 * canvas. Every offset of the font is checked against the catalog before
 * it is followed, and every pixel against the clip before it is set:
 * the clip is the canvas's clip rectangle intersected with the canvas,
 * worked out in 64 bits so no coordinate can wrap. */
#include "pn_read.h"
#include "pn_utf8.h"

#ifndef PN_NO_DRAW

/* The checked head of a font block. */
typedef struct font_view {
    const unsigned char *glyphs; /* glyph_count records */
    const unsigned char *bits;   /* bits_size bytes */
    uint32_t glyph_count;
    uint32_t bits_size;
    uint32_t replacement;
    unsigned ascent, descent;
} font_view;

/* The pixels drawing may change: [x0, x1) x [y0, y1). */
typedef struct clip_box {
    long long x0, y0, x1, y1;
} clip_box;

static uint32_t read_u24(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
}

static int signed_byte(unsigned char b)
{
    return b < 128 ? (int)b : (int)b - 256;
}

static pn_status font_open(const pn_catalog *cat, pn_font_id font,
                           font_view *f)
{
    pn__view v;
    uint32_t at, room;
    const unsigned char *head;
    pn_status st;

    if (font != PN_FONT_TEXT && font != PN_FONT_HEADING)
        return PN_ERR_ARG;
    if ((st = pn__read_view(&v, cat)) != PN_OK)
        return st;
    at = font == PN_FONT_TEXT ? PN__HDR_U32(v.data, font)
                              : PN__HDR_U32(v.data, heading_font);
    if (at == 0)
        return PN_ERR_NOT_FOUND;
    if (at > v.size || v.size - at < PN_FONT_HEAD_SIZE)
        return PN_ERR_FORMAT;
    head = v.data + at;
    room = v.size - at - PN_FONT_HEAD_SIZE;
    f->glyph_count = pn__read_u16(head + PN_FONT_AT(glyph_count, 2));
    f->replacement = pn__read_u16(head + PN_FONT_AT(replacement, 2));
    f->bits_size = pn__read_u32(head + PN_FONT_AT(bits_size, 4));
    f->ascent = head[PN_FONT_AT(ascent, 1)];
    f->descent = head[PN_FONT_AT(descent, 1)];
    if (f->glyph_count == 0 || f->replacement >= f->glyph_count ||
        room / PN_GLYPH_SIZE < f->glyph_count ||
        room - f->glyph_count * PN_GLYPH_SIZE < f->bits_size)
        return PN_ERR_FORMAT;
    f->glyphs = head + PN_FONT_HEAD_SIZE;
    f->bits = f->glyphs + f->glyph_count * PN_GLYPH_SIZE;
    return PN_OK;
}

/* The glyph record of `cp`, or the replacement's. Records are sorted;
 * in a damaged font the search may miss, never read outside. */
static const unsigned char *glyph_of(const font_view *f, uint32_t cp)
{
    uint32_t lo = 0, hi = f->glyph_count;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t at = read_u24(f->glyphs + mid * PN_GLYPH_SIZE +
                               PN_GLYPH_AT(code_point, 3));
        if (at == cp)
            return f->glyphs + mid * PN_GLYPH_SIZE;
        if (at < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return f->glyphs + f->replacement * PN_GLYPH_SIZE;
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
static pn_status draw_glyph(const font_view *f, const unsigned char *g,
                            const pn_canvas *c, const clip_box *clip,
                            long long pen, long long baseline)
{
    unsigned w = g[PN_GLYPH_AT(width, 1)], h = g[PN_GLYPH_AT(height, 1)];
    uint32_t bits = read_u24(g + PN_GLYPH_AT(bits, 3));
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
    font_view f;
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

pn_status pn_draw_text(const pn_catalog *cat, pn_font_id font,
                       const pn_canvas *c, int32_t x, int32_t baseline,
                       const char *text, size_t len, int32_t *end_x)
{
    const unsigned char *s = (const unsigned char *)text;
    long long pen = x;
    clip_box clip;
    font_view f;
    size_t at = 0;
    pn_status st;

    if (end_x)
        *end_x = x;
    if (!text || (c && !canvas_ok(c)))
        return PN_ERR_ARG;
    if ((st = font_open(cat, font, &f)) != PN_OK)
        return st;
    clip.x0 = clip.y0 = clip.x1 = clip.y1 = 0; /* nothing, without a canvas */
    if (c) {
        clip.x0 = max_ll(c->clip_x, 0);
        clip.y0 = max_ll(c->clip_y, 0);
        clip.x1 = min_ll((long long)c->clip_x + c->clip_w, c->width);
        clip.y1 = min_ll((long long)c->clip_y + c->clip_h, c->height);
    }
    while (at < len && s[at] != '\n' && s[at] != '\0') {
        uint32_t cp;
        const unsigned char *g;

        at += pn__utf8_get(s + at, len - at, &cp);
        g = glyph_of(&f, cp);
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
