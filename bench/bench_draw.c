/* bench_draw: draws every page of the bundled notices on a pixel screen,
 * for `make bench`'s instructions per drawn page.
 *
 *   bench_draw CATALOG.pnc WIDTH HEIGHT   prints the pages it drew
 *
 * CATALOG.pnc is a catalog file made with pnc --format bin --font. For
 * each notice, its first layer and its full text are paged through with
 * pn_cursor_next(), each page drawn with pn_cursor_draw_show() into a
 * 1-bit canvas (so the next after it lays nothing out). The work is done in bench_run(), so that callgrind counts it
 * alone (--toggle-collect=bench_run): opening, moving and drawing. */
#include <stdio.h>
#include <stdlib.h>

#include "pn.h"

#define MAX_SIDE 1024

static unsigned char data[1 << 20];
static unsigned char pixels[MAX_SIDE * MAX_SIDE / 8];

static unsigned long draw_document(const pn_notice *n, const pn_screen *s,
                                   const pn_canvas *c, int summary)
{
    pn_cursor cur;
    unsigned long pages = 0;
    pn_status st = summary ? pn_cursor_open_summary(&cur, n, s)
                           : pn_cursor_open(&cur, n, s);

    if (st != PN_OK)
        return 0;
    do {
        if (pn_cursor_draw_show(&cur, c, 0, 0) != PN_OK)
            return 0;
        pages++;
    } while (pn_cursor_next(&cur) == PN_OK);
    return pages;
}

unsigned long bench_run(const pn_catalog *cat, const pn_screen *s,
                        const pn_canvas *c);

unsigned long bench_run(const pn_catalog *cat, const pn_screen *s,
                        const pn_canvas *c)
{
    unsigned long pages = 0, doc;
    uint32_t i;
    int summary;

    for (i = 0; i < cat->notice_count; i++) {
        pn_notice n;
        if (pn_notice_at(cat, i, &n) != PN_OK)
            return 0;
        for (summary = 1; summary >= 0; summary--) {
            if ((doc = draw_document(&n, s, c, summary)) == 0)
                return 0;
            pages += doc;
        }
    }
    return pages;
}

int main(int argc, char **argv)
{
    pn_catalog cat;
    pn_canvas canvas;
    pn_screen screen;
    unsigned long pages;
    size_t size;
    FILE *f;
    int w, h;

    if (argc != 4 || (w = atoi(argv[2])) < 1 || w > MAX_SIDE ||
        (h = atoi(argv[3])) < 1 || h > MAX_SIDE) {
        fprintf(stderr, "usage: bench_draw CATALOG.pnc WIDTH HEIGHT\n");
        return 2;
    }
    if (!(f = fopen(argv[1], "rb"))) {
        perror(argv[1]);
        return 1;
    }
    size = fread(data, 1, sizeof data, f);
    fclose(f);
    screen.cols = (uint16_t)w;
    screen.rows = (uint16_t)h;
    screen.flags = PN_PIXELS;
    if (pn_open(&cat, data, size) != PN_OK ||
        pn_canvas_init(&canvas, pixels, sizeof pixels, (unsigned)w,
                       (unsigned)h, PN_CANVAS_ROWS) != PN_OK) {
        fprintf(stderr, "bench_draw: %s: not a catalog\n", argv[1]);
        return 1;
    }
    pages = bench_run(&cat, &screen, &canvas);
    if (pages == 0) {
        fprintf(stderr, "bench_draw: a page failed to draw\n");
        return 1;
    }
    printf("%lu\n", pages);
    return 0;
}
