/* pn_draw_text(): the glyphs a catalog carries (pnc --font) drawn into a
 * 1-bit canvas, compared pixel by pixel with the BDF font drawn straight
 * from the file (gen/bdf.c), in both byte orders; clipping that keeps
 * every pixel outside the clip rectangle and every byte outside the
 * buffer as it was, whatever the coordinates; bad canvases and damaged
 * fonts refused without a read or write out of bounds (the sanitized
 * build runs this test too). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bdf.h"
#include "buf.h"
#include "png.h"
#include "pn.h"
#include "pn_format.h"
#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/draw-tmp"
#define FONT "fonts/pnc-sans-11.bdf"
#define NOTICE "tests/fixtures/good/alpha.en.pn"
#define GUARD 64

static unsigned char catalog[1 << 17];
static long catalog_size;
static pn_catalog cat;
static bdf_font font;

void setUp(void)
{
    diag d;

    fresh_dir(TMP);
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(PNC_PATH " --format bin -o " TMP "/font.pnc --font " FONT
               " " NOTICE), err_text);
    catalog_size = slurp(TMP "/font.pnc", (char *)catalog, sizeof catalog);
    TEST_ASSERT_TRUE(catalog_size > 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, catalog, (size_t)catalog_size));
    diag_init(&d, stderr);
    TEST_ASSERT_EQUAL_INT(0, bdf_load(&font, FONT, &d));
}

void tearDown(void)
{
    bdf_free(&font);
}

/* The text drawn from the BDF file: set[y * w + x], the origin of the
 * first glyph at (x, baseline); characters the font lacks are skipped
 * (the tests draw ones it has). */
static void reference(const char *text, int x, int baseline,
                      unsigned char *set, int w, int h)
{
    const unsigned char *s = (const unsigned char *)text;
    int pen = x, gx, gy;

    memset(set, 0, (size_t)w * (size_t)h);
    while (*s) {
        uint32_t cp = *s < 0x80 ? *s : (uint32_t)(s[0] & 0x1F) << 6 |
                                           (s[1] & 0x3Fu);
        const bdf_glyph *g = bdf_find(&font, cp);
        s += *s < 0x80 ? 1 : 2;
        TEST_ASSERT_NOT_NULL(g);
        for (gy = 0; gy < g->height; gy++)
            for (gx = 0; gx < g->width; gx++) {
                int px = pen + g->x_off + gx;
                int py = baseline - g->y_off - g->height + 1 + gy;
                if (bdf_pixel(g, gx, gy) && px >= 0 && py >= 0 && px < w &&
                    py < h)
                    set[py * w + px] = 1;
            }
        pen += g->advance;
    }
}

static int pixel_of(const pn_canvas *c, int x, int y)
{
    if (c->flags == PN_CANVAS_PAGES)
        return c->pixels[(y / 8) * c->stride + x] >> (y % 8) & 1;
    return c->pixels[y * c->stride + x / 8] >> (7 - x % 8) & 1;
}

static void compare(const pn_canvas *c, const unsigned char *set,
                    const char *what)
{
    int x, y;
    char message[120];

    for (y = 0; y < c->height; y++)
        for (x = 0; x < c->width; x++) {
            snprintf(message, sizeof message, "%s: pixel %d,%d", what, x, y);
            TEST_ASSERT_EQUAL_INT_MESSAGE(set[y * c->width + x],
                                          pixel_of(c, x, y), message);
        }
}

static void test_text_as_in_the_font(void)
{
    static const char text[] = "Privacy at Alfa: 0155 Oslo";
    static unsigned char rows[64 / 8 * 20], pages[64 * 3], set[160 * 20];
    static unsigned char wide[160 / 8 * 20];
    pn_canvas c;
    int32_t end;
    unsigned f;

    for (f = 0; f < 2; f++) {
        unsigned char *fb = f ? pages : rows;
        size_t size = f ? sizeof pages : sizeof rows;
        memset(fb, 0, size);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, fb, size, 64, 20,
                                                    f ? PN_CANVAS_PAGES
                                                      : PN_CANVAS_ROWS));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT, &c, 2,
                                                  12, text, strlen(text),
                                                  &end));
        reference(text, 2, 12, set, 64, 20);
        compare(&c, set, f ? "pages" : "rows");
    }
    /* The whole line, wider than the canvas above, and its width. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, wide, sizeof wide, 160,
                                                20, PN_CANVAS_ROWS));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT, &c, 0, 12,
                                              text, strlen(text), &end));
    reference(text, 0, 12, set, 160, 20);
    compare(&c, set, "wide");
    TEST_ASSERT_TRUE(end > 64 && end < 160);
    {
        int32_t width;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT, NULL,
                                                  0, 0, text, strlen(text),
                                                  &width));
        TEST_ASSERT_EQUAL_INT(end, width);
    }
}

static void test_only_used_glyphs_and_a_replacement(void)
{
    pn_font_metrics m;
    int32_t a, q, z;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_font_metrics_get(&cat, PN_FONT_TEXT, &m));
    TEST_ASSERT_EQUAL_INT(9, m.ascent);
    TEST_ASSERT_EQUAL_INT(2, m.descent);
    TEST_ASSERT_TRUE(m.glyph_count > 30 && m.glyph_count < font.glyph_count);
    /* 'Q' is in the font but not in the notice: the replacement (the
     * font's U+FFFD) is drawn; so for U+2603, which the font lacks. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT, NULL, 0, 0,
                                              "a", 1, &a));
    TEST_ASSERT_EQUAL_INT(bdf_find(&font, 'a')->advance, a);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT, NULL, 0, 0,
                                              "Q", 1, &q));
    TEST_ASSERT_EQUAL_INT(bdf_find(&font, 0xFFFD)->advance, q);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT, NULL, 0, 0,
                                              "\xE2\x98\x83\xFF", 4, &z));
    TEST_ASSERT_EQUAL_INT(2 * q, z);
    /* A line ends at '\n'. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT, NULL, 0, 0,
                                              "a\naaa", 5, &z));
    TEST_ASSERT_EQUAL_INT(a, z);
}

/* Draws `text` at (x, baseline) into a 40 x 20 canvas in a larger buffer
 * whose bytes are all 0x5A, clipped to (cx, cy, cw, ch); checks that no
 * byte outside the canvas changed, that outside the clip every pixel is
 * as before, and inside it each is the unclipped drawing's. */
static void clipped(unsigned flags, int32_t x, int32_t baseline, int32_t cx,
                    int32_t cy, unsigned cw, unsigned ch)
{
    static unsigned char buffer[GUARD + 40 * 20 + GUARD];
    static unsigned char set[40 * 20];
    const char *text = "Alfa Oslo 22";
    unsigned char *fb = buffer + GUARD;
    size_t size = flags == PN_CANVAS_PAGES ? 40 * 3 : 5 * 20, i;
    pn_canvas c;
    int px, py;
    char message[160];

    memset(buffer, 0x5A, sizeof buffer);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, fb, size, 40, 20, flags));
    c.clip_x = cx;
    c.clip_y = cy;
    c.clip_w = (uint16_t)cw;
    c.clip_h = (uint16_t)ch;
    snprintf(message, sizeof message, "flags %u at %ld,%ld clip %ld,%ld %ux%u",
             flags, (long)x, (long)baseline, (long)cx, (long)cy, cw, ch);
    TEST_ASSERT_EQUAL_INT_MESSAGE(PN_OK,
                                  pn_draw_text(&cat, PN_FONT_TEXT, &c, x,
                                               baseline, text, strlen(text),
                                               NULL),
                                  message);
    for (i = 0; i < GUARD; i++) {
        TEST_ASSERT_EQUAL_INT_MESSAGE(0x5A, buffer[i], message);
        TEST_ASSERT_EQUAL_INT_MESSAGE(0x5A, fb[size + i], message);
    }
    if (x > -1000 && x < 1000 && baseline > -1000 && baseline < 1000)
        reference(text, (int)x, (int)baseline, set, 40, 20);
    else
        memset(set, 0, sizeof set);
    for (py = 0; py < 20; py++)
        for (px = 0; px < 40; px++) {
            int inside = px >= cx && py >= cy &&
                         (long long)px < (long long)cx + cw &&
                         (long long)py < (long long)cy + ch;
            /* The bits of 0x5A are the background. */
            int before = flags == PN_CANVAS_PAGES ? 0x5A >> (py % 8) & 1
                                                  : 0x5A >> (7 - px % 8) & 1;
            TEST_ASSERT_EQUAL_INT_MESSAGE(inside && set[py * 40 + px]
                                              ? 1 : before,
                                          pixel_of(&c, px, py), message);
        }
}

static void test_clipping(void)
{
    static const int32_t xs[] = {-30, -5, 0, 3, 37, 39, 40, 1000,
                                 INT32_MIN, INT32_MAX};
    static const int32_t ys[] = {-12, -1, 0, 8, 19, 21, 30, INT32_MIN,
                                 INT32_MAX};
    static const int32_t clips[][4] = {
        {0, 0, 40, 20}, {5, 3, 20, 10}, {-10, -10, 15, 15},
        {30, 15, 100, 100}, {0, 0, 0, 0}, {39, 19, 1, 1},
        {INT32_MIN, INT32_MIN, 65535, 65535},
        {INT32_MAX, INT32_MAX, 65535, 65535}, {-65535, 0, 65535, 20}};
    size_t i, j, k;
    unsigned f;

    for (f = 0; f < 2; f++)
        for (i = 0; i < sizeof xs / sizeof *xs; i++)
            for (j = 0; j < sizeof ys / sizeof *ys; j++)
                for (k = 0; k < sizeof clips / sizeof *clips; k++)
                    clipped(f, xs[i], ys[j], clips[k][0], clips[k][1],
                            (unsigned)clips[k][2], (unsigned)clips[k][3]);
}

static void test_bad_canvas_refused(void)
{
    static unsigned char fb[8 * 16 + GUARD];
    pn_canvas c;
    int32_t end;

    memset(fb, 0, sizeof fb);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_canvas_init(&c, fb, 15, 8, 16,
                                                     PN_CANVAS_PAGES));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_canvas_init(&c, NULL, 16, 8, 16,
                                                     PN_CANVAS_ROWS));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_canvas_init(&c, fb, 16, 0, 16,
                                                     PN_CANVAS_ROWS));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_canvas_init(&c, fb, 16, 8, 16, 7));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, fb, 16, 8, 16,
                                                PN_CANVAS_ROWS));
    c.stride = 0;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_draw_text(&cat, PN_FONT_TEXT, &c, 0,
                                                   10, "A", 1, &end));
    c.stride = 1;
    c.height = 17; /* more rows than the buffer holds */
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_draw_text(&cat, PN_FONT_TEXT, &c, 0,
                                                   10, "A", 1, &end));
    c.height = 16;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_draw_text(&cat, PN_FONT_TEXT, &c, 0,
                                                   10, NULL, 1, &end));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_draw_text(&cat, PN_FONT_HEADING, &c, 0, 10, "A",
                                       1, &end));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_draw_text(&cat, (pn_font_id)2, &c,
                                                   0, 10, "A", 1, &end));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_draw_text(NULL, PN_FONT_TEXT, &c, 0,
                                                   10, "A", 1, &end));
}

static void test_catalog_without_font(void)
{
    static unsigned char plain[1 << 16];
    pn_catalog no_font;
    pn_font_metrics m;
    long n;

    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --format bin -o " TMP
                                 "/plain.pnc " NOTICE));
    n = slurp(TMP "/plain.pnc", (char *)plain, sizeof plain);
    TEST_ASSERT_TRUE(n > 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&no_font, plain, (size_t)n));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_font_metrics_get(&no_font, PN_FONT_TEXT, &m));
    TEST_ASSERT_TRUE(catalog_size > n); /* the font is in the other */
}

static void test_heading_font(void)
{
    static unsigned char both[1 << 17];
    pn_catalog two;
    pn_font_metrics text_m, heading_m;
    int32_t text_w, heading_w;
    long n;

    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(PNC_PATH " --format bin -o " TMP "/both.pnc --font "
               FONT " --font-heading " FONT " " NOTICE),
        err_text);
    n = slurp(TMP "/both.pnc", (char *)both, sizeof both);
    TEST_ASSERT_TRUE(n > catalog_size);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&two, both, (size_t)n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_font_metrics_get(&two, PN_FONT_TEXT,
                                                     &text_m));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_font_metrics_get(&two, PN_FONT_HEADING,
                                                     &heading_m));
    /* The same font, the same texts: the same glyphs. */
    TEST_ASSERT_EQUAL_INT(text_m.glyph_count, heading_m.glyph_count);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&two, PN_FONT_TEXT, NULL, 0, 0,
                                              "Who we are", 10, &text_w));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&two, PN_FONT_HEADING, NULL, 0,
                                              0, "Who we are", 10,
                                              &heading_w));
    TEST_ASSERT_EQUAL_INT(text_w, heading_w);
    TEST_ASSERT_TRUE(text_w > 20);
}

/* A 128 x 64 OLED's frame (SSD1306 pages) with the notice's first
 * lines, written as a PNG scaled 4 times for a person to look at:
 * build/tests/draw-tmp/oled-128x64.png. */
static void test_oled_picture(void)
{
    static const char *const lines[] = {
        "Privacy at Alfa", "Alfa Kiosk AS", "Storgata 1  0155 Oslo",
        "personvern@alfa.example", "+47 22 00 00 00"};
    static unsigned char fb[128 * 64 / 8], grey[128 * 4 * 64 * 4];
    pn_canvas c;
    buf png = {0};
    size_t i, x, y;
    FILE *f;

    memset(fb, 0, sizeof fb);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, fb, sizeof fb, 128, 64,
                                                PN_CANVAS_PAGES));
    for (i = 0; i < sizeof lines / sizeof *lines; i++)
        TEST_ASSERT_EQUAL_INT(PN_OK,
                              pn_draw_text(&cat, PN_FONT_TEXT, &c, 1,
                                           (int32_t)(9 + 12 * i), lines[i],
                                           strlen(lines[i]), NULL));
    for (y = 0; y < 64 * 4; y++)
        for (x = 0; x < 128 * 4; x++)
            grey[y * 128 * 4 + x] =
                pixel_of(&c, (int)(x / 4), (int)(y / 4)) ? 0 : 255;
    TEST_ASSERT_EQUAL_INT(0, png_encode(&png, grey, 128 * 4, 64 * 4, 1));
    f = fopen(TMP "/oled-128x64.png", "wb");
    TEST_ASSERT_NOT_NULL(f);
    TEST_ASSERT_EQUAL_INT(png.len, fwrite(png.data, 1, png.len, f));
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
    buf_free(&png);
    if (!have("pngcheck"))
        TEST_IGNORE_MESSAGE("skipped: pngcheck not found");
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run("pngcheck " TMP "/oled-128x64.png"),
                                  out_text);
}

static void test_damaged_font(void)
{
    /* Every byte of the font block set to values a damaged flash or a
     * hostile file may hold: drawing gives PN_OK or PN_ERR_FORMAT, and
     * writes nothing outside the canvas (ASan sees any read outside). */
    static unsigned char copy[1 << 17];
    static unsigned char buffer[GUARD + 16 * 16 + GUARD];
    static const unsigned char values[] = {0x00, 0x01, 0x7F, 0x80, 0xFF};
    uint32_t at = catalog[PN_HDR_AT(font, 4)] |
                  (uint32_t)catalog[PN_HDR_AT(font, 4) + 1] << 8 |
                  (uint32_t)catalog[PN_HDR_AT(font, 4) + 2] << 16 |
                  (uint32_t)catalog[PN_HDR_AT(font, 4) + 3] << 24;
    uint32_t i;
    size_t v, g;

    TEST_ASSERT_TRUE(at > 0 && at < (uint32_t)catalog_size);
    for (i = at; i < (uint32_t)catalog_size; i++)
        for (v = 0; v < sizeof values; v++) {
            pn_catalog damaged;
            pn_canvas c;
            pn_status st;
            memcpy(copy, catalog, (size_t)catalog_size);
            copy[i] = values[v];
            memset(buffer, 0x33, sizeof buffer);
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&damaged, copy,
                                                 (size_t)catalog_size));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, buffer + GUARD,
                                                        16 * 2, 16, 16,
                                                        PN_CANVAS_ROWS));
            st = pn_draw_text(&damaged, PN_FONT_TEXT, &c, -3, 9,
                              "Alfa \xE2\x98\x83", 8, NULL);
            TEST_ASSERT_TRUE(st == PN_OK || st == PN_ERR_FORMAT);
            for (g = 0; g < GUARD; g++) {
                TEST_ASSERT_EQUAL_INT(0x33, buffer[g]);
                TEST_ASSERT_EQUAL_INT(0x33, buffer[GUARD + 32 + g]);
            }
        }
    /* A font offset past the end. */
    memcpy(copy, catalog, (size_t)catalog_size);
    copy[PN_HDR_AT(font, 4) + 3] = 0x7F;
    {
        pn_catalog damaged;
        pn_font_metrics m;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&damaged, copy,
                                             (size_t)catalog_size));
        TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                              pn_font_metrics_get(&damaged, PN_FONT_TEXT,
                                                  &m));
    }
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_text_as_in_the_font);
    RUN_TEST(test_only_used_glyphs_and_a_replacement);
    RUN_TEST(test_clipping);
    RUN_TEST(test_bad_canvas_refused);
    RUN_TEST(test_catalog_without_font);
    RUN_TEST(test_heading_font);
    RUN_TEST(test_damaged_font);
    RUN_TEST(test_oled_picture); /* last: its picture stays */
    return UNITY_END();
}
