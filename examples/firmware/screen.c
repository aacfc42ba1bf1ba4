/* screen.c: the demo's 128x64 pixel screen. */
#include "screen.h"

pn_status screen_draw_first_page(const pn_notice *notice,
                                 unsigned char fb[SCREEN_BYTES])
{
    pn_screen screen;
    pn_cursor cur;
    pn_canvas canvas;
    pn_status st;

    screen.cols = SCREEN_W;
    screen.rows = SCREEN_H;
    screen.flags = PN_PIXELS;
    st = pn_canvas_init(&canvas, fb, SCREEN_BYTES, SCREEN_W, SCREEN_H,
                        PN_CANVAS_PAGES);
    if (st == PN_OK)
        st = pn_cursor_open_summary(&cur, notice, &screen);
    if (st == PN_OK)
        st = pn_cursor_draw(&cur, &canvas, 0, 0);
    return st;
}

void screen_hex_line(const unsigned char fb[SCREEN_BYTES],
                     char line[SCREEN_LINE])
{
    static const char prefix[] = "framebuffer 128x64 pages ";
    static const char digits[] = "0123456789abcdef";
    char *p = line;
    unsigned i;

    for (i = 0; prefix[i]; i++)
        *p++ = prefix[i];
    for (i = 0; i < SCREEN_BYTES; i++) {
        *p++ = digits[fb[i] >> 4];
        *p++ = digits[fb[i] & 15u];
    }
    *p++ = '\n';
    *p = '\0';
}
