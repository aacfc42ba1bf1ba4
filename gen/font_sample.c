/* font_sample.c: draws text with a BDF font into a grey image, one font
 * pixel a pixel, then scales it and writes it as PNG. A character the
 * font lacks is drawn as a hollow box. */
#include "font_sample.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "outfile.h"
#include "png.h"
#include "utf8.h"

#define WIDTH 400  /* font pixels */
#define MARGIN 4

static const char *const samples[] = {
    "The quick brown fox jumps over the lazy dog. 0123456789",
    "V\xC3\xA5r s\xC3\xA6re Zulu fra bade\xC3\xB8ya spilte jo whist og "
    "quickstep i min taxi.",
    "PERSONVERN: \xC2\xAB" "Behandling\xC2\xBB \xE2\x80\x93 "
    "\xE2\x80\x9Cr\xC3\xA9sum\xC3\xA9\xE2\x80\x9D, na\xC3\xAFve, "
    "\xC3\x85S, \xC3\x86\xC3\x98, \xC2\xA7 13 (2) \xE2\x80\xA6",
};

typedef struct canvas {
    unsigned char *grey; /* WIDTH x height, 255 white */
    int height;
    int line_height;
    int x, baseline;     /* the pen */
} canvas;

static void set_pixel(canvas *c, int x, int y)
{
    if (x >= 0 && y >= 0 && x < WIDTH && y < c->height)
        c->grey[(size_t)y * WIDTH + (size_t)x] = 0;
}

static void new_line(canvas *c)
{
    c->x = MARGIN;
    c->baseline += c->line_height;
}

static void draw_char(canvas *c, const bdf_font *f, uint32_t cp)
{
    const bdf_glyph *g = bdf_find(f, cp);
    int advance = g ? g->advance : f->width / 2 + 1, x, y;

    if (c->x + advance > WIDTH - MARGIN)
        new_line(c);
    if (!g) { /* a hollow box, the height of a capital */
        int top = c->baseline - f->ascent + 1;
        for (x = 0; x < advance - 1; x++) {
            set_pixel(c, c->x + x, top);
            set_pixel(c, c->x + x, c->baseline - 1);
        }
        for (y = top; y < c->baseline; y++) {
            set_pixel(c, c->x, y);
            set_pixel(c, c->x + advance - 2, y);
        }
    }
    for (y = 0; g && y < g->height; y++)
        for (x = 0; x < g->width; x++)
            if (bdf_pixel(g, x, y))
                set_pixel(c, c->x + g->x_off + x,
                          c->baseline - g->y_off - g->height + y);
    c->x += advance;
}

static void draw_text(canvas *c, const bdf_font *f, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), at = 0;

    while (at < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + at, len - at, &cp);
        if (n == 0)
            break; /* the samples are UTF-8 */
        draw_char(c, f, cp);
        at += n;
    }
    new_line(c);
}

/* Draws everything; with `grey` NULL only measures the height. */
static void draw_all(canvas *c, const bdf_font *f)
{
    size_t i;

    c->x = MARGIN;
    c->baseline = MARGIN + f->ascent;
    for (i = 0; i < sizeof samples / sizeof *samples; i++)
        draw_text(c, f, samples[i]);
    new_line(c);
    for (i = 0; i < f->glyph_count; i++)
        draw_char(c, f, f->glyphs[i].cp);
    new_line(c);
}

int font_sample_write(const bdf_font *f, const char *path, unsigned scale,
                      diag *d)
{
    canvas c;
    unsigned char *big;
    buf png = {0};
    outfile file;
    size_t x, y, w, h;
    int status;

    memset(&c, 0, sizeof c);
    c.line_height = f->ascent + f->descent + 2;
    draw_all(&c, f); /* measures: nothing is drawn with height 0 */
    c.height = c.baseline - c.line_height + f->descent + MARGIN;
    if (c.height < 1)
        c.height = 1;
    c.grey = xmalloc((size_t)WIDTH * (size_t)c.height);
    memset(c.grey, 255, (size_t)WIDTH * (size_t)c.height);
    draw_all(&c, f);
    w = (size_t)WIDTH * scale;
    h = (size_t)c.height * scale;
    big = xmalloc(w * h);
    for (y = 0; y < h; y++)
        for (x = 0; x < w; x++)
            big[y * w + x] = c.grey[(y / scale) * WIDTH + x / scale];
    if (png_encode(&png, big, (unsigned)w, (unsigned)h, 1) != 0) {
        diag_plain(d, DIAG_ERROR, "--font-sample: the picture of '%s' "
                   "would be %lux%lu pixels, more than a PNG of pnc's may "
                   "be", f->path, (unsigned long)w, (unsigned long)h);
        status = 2;
    } else {
        file.path = path;
        file.content = &png;
        status = outfiles_write(&file, 1, d);
    }
    buf_free(&png);
    free(big);
    free(c.grey);
    return status;
}
