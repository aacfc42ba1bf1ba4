/* pixels.c: the kiosk's pixel screen. */
#include "pixels.h"

#include <string.h>

static unsigned char framebuffer[PIXELS_MAX_W / 8 * PIXELS_MAX_H];

int pixels_is_valid_size(unsigned width, unsigned height)
{
    return width >= 8 && width <= PIXELS_MAX_W && height >= 8 &&
           height <= PIXELS_MAX_H;
}

void pixels_canvas(pn_canvas *c, unsigned width, unsigned height)
{
    memset(framebuffer, 0, sizeof framebuffer);
    pn_canvas_init(c, framebuffer, sizeof framebuffer, width, height,
                   PN_CANVAS_ROWS);
}

unsigned pixels_line_count(const pn_catalog *cat, unsigned height)
{
    unsigned h = 0;

    pn_line_metrics_get(cat, NULL, &h);
    return h && height / h ? height / h : 1;
}

void pixels_lines(const pn_catalog *cat, const pn_canvas *c,
                  const char *const *lines, unsigned count)
{
    unsigned ascent, h, i;

    pn_line_metrics_get(cat, &ascent, &h);
    memset(c->pixels, 0, c->size);
    for (i = 0; i < count; i++)
        pn_draw_text(cat, PN_FONT_TEXT, c, 0,
                     (int32_t)(i * h + (ascent ? ascent - 1 : 0)), lines[i],
                     strlen(lines[i]), NULL);
}

static int ink(const pn_canvas *c, unsigned x, unsigned y)
{
    if (y >= c->height)
        return 0;
    return c->pixels[(size_t)y * c->stride + x / 8] >> (7 - x % 8) & 1;
}

void pixels_rule(FILE *out, unsigned width)
{
    unsigned i;

    fputc('+', out);
    for (i = 0; i < width; i++)
        fputc('-', out);
    fputs("+\n", out);
}

void pixels_print(const pn_canvas *c, FILE *out)
{
    static const char *const cells[4] = {" ", "\xE2\x96\x80",
                                         "\xE2\x96\x84", "\xE2\x96\x88"};
    unsigned x, y;

    pixels_rule(out, c->width);
    for (y = 0; y < c->height; y += 2) {
        fputc('|', out);
        for (x = 0; x < c->width; x++)
            fputs(cells[ink(c, x, y) | ink(c, x, y + 1) << 1], out);
        fputs("|\n", out);
    }
    pixels_rule(out, c->width);
}
