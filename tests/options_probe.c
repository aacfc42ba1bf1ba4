/* options_probe.c: a small firmware-style program built against a libpn
 * compiled with one of pn.h's options (tests/test_options.c runs it). It
 * prints one line per part of libpn: what the part returned, or "absent"
 * when the option left it out. */
#include <stdio.h>

#include "fixture_catalog.h"
#include "pn.h"

static void probe_lookup(pn_notice *notice)
{
    pn_catalog cat;
    pn_section sec;
    char text[64];
    pn_status st = pn_open(&cat, fixture_catalog, FIXTURE_CATALOG_SIZE);

    if (st == PN_OK)
        st = pn_find(&cat, "alpha", "nb", notice);
    if (st == PN_OK)
        st = pn_section_by_topic(notice, PN_TOPIC_RETENTION, 0, &sec);
    if (st == PN_OK)
        st = pn_block_read(&sec, 0, NULL, text, sizeof text, NULL);
    printf("lookup: %d %s\n", (int)st, st >= 0 ? text : "");
}

static void probe_layout(const pn_notice *notice)
{
#ifdef PN_NO_LAYOUT
    (void)notice;
    puts("cursor: absent");
#else
    pn_screen plain = {20, 4, 0}, ascii = {20, 4, PN_ASCII};
    pn_screen pixels = {128, 64, PN_PIXELS};
    pn_cursor cur;
    char page[4 * (4 * 20 + 1) + 1];
    pn_status st = pn_cursor_open(&cur, notice, &plain);

    if (st == PN_OK)
        st = pn_cursor_page(&cur, page, sizeof page, NULL);
    printf("cursor: %d\n", (int)st);
    printf("ascii screen: %d\n", (int)pn_cursor_open(&cur, notice, &ascii));
    /* Without PN_NO_DRAW a pixel screen needs a font, which the
     * fixtures' catalog lacks; with it, a pixel screen is refused. */
    printf("pixel screen: %d\n", (int)pn_cursor_open(&cur, notice, &pixels));
#endif
}

static void probe_summary(const pn_notice *notice)
{
#ifdef PN_NO_SUMMARY
    (void)notice;
    puts("summary: absent");
#else
    pn_screen screen = {40, 4, 0};
    pn_cursor cur;
    char page[4 * (4 * 40 + 1) + 1];
    pn_status st = pn_cursor_open_summary(&cur, notice, &screen);

    if (st == PN_OK)
        st = pn_cursor_next(&cur);
    if (st == PN_OK)
        st = pn_cursor_page(&cur, page, sizeof page, NULL);
    printf("summary: %d %.8s\n", (int)st, st >= 0 ? page : "");
#endif
}

static void probe_translit(void)
{
#ifdef PN_NO_TRANSLIT
    puts("translit: absent");
#else
    char out[4];
    size_t n = pn_transliterate(0xE5, PN_ASCII, out); /* å */

    printf("translit: %.*s\n", (int)n, out);
#endif
}

static void probe_draw(void)
{
#ifdef PN_NO_DRAW
    puts("draw: absent");
#else
    pn_catalog cat;
    int32_t width = 0;
    pn_status st = pn_open(&cat, fixture_catalog, FIXTURE_CATALOG_SIZE);

    if (st == PN_OK) /* the fixtures' catalog has no font */
        st = pn_draw_text(&cat, PN_FONT_TEXT, NULL, 0, 0, "A", 1, &width);
    printf("draw: %d\n", (int)st);
#endif
}

/* The fixtures' "alpha" has a web address, so it has a QR code, and its
 * first layer on a screen large enough ends with the QR page. */
static void probe_qr(const pn_notice *notice)
{
#ifdef PN_NO_QR
    puts("qr: absent");
#else
    unsigned size = 0;
    pn_status st = pn_qr_size(notice, &size);

    printf("qr: %d %u\n", (int)st, size);
#endif
#ifndef PN_NO_SUMMARY
    {
        pn_screen big = {80, 40, 0};
        pn_cursor cur;
        pn_status st = pn_cursor_open_summary(&cur, notice, &big);

        printf("qr page: %d %d\n", (int)st, cur.qr);
    }
#else
    (void)notice;
#endif
}

int main(void)
{
    pn_notice notice;

    probe_lookup(&notice);
    probe_layout(&notice);
    probe_summary(&notice);
    probe_translit();
    probe_draw();
    probe_qr(&notice);
    return 0;
}
