/* Pixel screens (PN_PIXELS) and pn_cursor_draw(): every bundled notice,
 * compiled with the repo's font and with DejaVu Sans 10 px (made at test
 * time with otf2bdf), at 128x64 and 320x240, its first layer and its
 * full text page by page:
 *
 *   - each page drawn into a canvas larger than the screen: no pixel
 *     changes outside the screen's rectangle (drawn on a clear canvas and
 *     on a set one), and the same pixels in both canvas orders;
 *   - the words of the page texts (pn_cursor_page()), in order, are the
 *     notice's as a wide character screen shows them (tests/support.c
 *     splits both), a word cut at a line's end being its parts;
 *   - pn_cursor_prev() from the last page gives back each page;
 *   - a second cursor paged with pn_cursor_draw_show() and
 *     pn_cursor_next() draws the same pixels, with the same results, and
 *     is the same cursor after each step (what it kept aside);
 *
 * and the QR page at the largest scale that fits (zbarimg reads it when
 * it is installed), a screen lower than a line, a catalog without a font,
 * and cursors, canvases and catalogs that disagree: an error, an empty
 * page text and nothing drawn. */
#define _POSIX_C_SOURCE 200809L

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "png.h"
#include "pn.h"
#include "pn_format.h"
#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/pixel-tmp"
#define SANS "fonts/pnc-sans-11.bdf"
#define BORDER 24 /* a multiple of 8 */
#define MAX_W 320
#define MAX_H 240
#define CANVAS_W (MAX_W + 2 * BORDER)
#define CANVAS_H (MAX_H + 2 * BORDER)
#define MAX_PAGES 4096

static unsigned char catalog[1 << 18];
static long catalog_size;
static pn_catalog cat;

static unsigned char rows_fb[CANVAS_H * ((CANVAS_W + 7) / 8)];
static unsigned char pages_fb[((CANVAS_H + 7) / 8) * CANVAS_W];
static unsigned char want_fb[sizeof rows_fb];
static char page_text[1 << 16];
static char wide_text[200 * (4 * PN_MAX_COLS + 1) + 1];
static uint32_t page_hash[MAX_PAGES];

static const unsigned screen_sizes[][2] = {{128, 64}, {320, 240}};

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

/* Compiles the bundled notices with the font at `font` into `catalog`. */
static void load(const char *font)
{
    char command[512];

    snprintf(command, sizeof command,
             PNC_PATH " --format bin -o " TMP "/pixel.pnc --font %s "
             "policies/*.pn",
             font);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), tail(err_text));
    catalog_size = slurp(TMP "/pixel.pnc", (char *)catalog, sizeof catalog);
    TEST_ASSERT_TRUE(catalog_size > 0);
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_open(&cat, catalog, (size_t)catalog_size));
}

static int pixel_of(const pn_canvas *c, unsigned x, unsigned y)
{
    if (c->flags == PN_CANVAS_PAGES)
        return c->pixels[(y / 8) * c->stride + x] >> (y % 8) & 1;
    return c->pixels[y * c->stride + x / 8] >> (7 - x % 8) & 1;
}

static int outside(unsigned x, unsigned y, unsigned w, unsigned h)
{
    return x < BORDER || y < BORDER || x >= BORDER + w || y >= BORDER + h;
}

static uint32_t hash_of(const char *s)
{
    uint32_t h = 2166136261u;

    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* Draws the cursor's page at (BORDER, BORDER) of both canvases, first
 * clear, then set: no pixel outside the screen changes, and the two
 * orders hold the same pixels. Returns the page's dark pixels. */
static unsigned draw_checked(const pn_cursor *cur, const char *where)
{
    pn_canvas rows, pages;
    unsigned w = cur->screen.cols, h = cur->screen.rows, x, y, ink = 0;
    int fill;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&rows, rows_fb, sizeof rows_fb,
                                                CANVAS_W, CANVAS_H,
                                                PN_CANVAS_ROWS));
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_canvas_init(&pages, pages_fb, sizeof pages_fb,
                                         CANVAS_W, CANVAS_H,
                                         PN_CANVAS_PAGES));
    for (fill = 0; fill <= 0xFF; fill += 0xFF) {
        memset(rows_fb, fill, sizeof rows_fb);
        memset(pages_fb, fill, sizeof pages_fb);
        TEST_ASSERT_EQUAL_INT_MESSAGE(
            PN_OK, pn_cursor_draw(cur, &rows, BORDER, BORDER), where);
        TEST_ASSERT_EQUAL_INT_MESSAGE(
            PN_OK, pn_cursor_draw(cur, &pages, BORDER, BORDER), where);
        for (y = 0; y < CANVAS_H; y++)
            for (x = 0; x < CANVAS_W; x++) {
                int p = pixel_of(&rows, x, y);
                TEST_ASSERT_EQUAL_INT_MESSAGE(p, pixel_of(&pages, x, y),
                                              where);
                if (outside(x, y, w, h))
                    TEST_ASSERT_EQUAL_INT_MESSAGE(fill & 1, p, where);
                else if (fill == 0)
                    ink += (unsigned)p;
            }
    }
    return ink;
}

/* The page of `shown` drawn with pn_cursor_draw_show() into a clear
 * canvas: the pixels and the result of pn_cursor_draw() on `plain`, a
 * cursor on the same page. */
static void draw_show_checked(const pn_cursor *plain, pn_cursor *shown,
                              const char *where)
{
    pn_canvas rows;
    pn_status want;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&rows, rows_fb, sizeof rows_fb,
                                                CANVAS_W, CANVAS_H,
                                                PN_CANVAS_ROWS));
    memset(rows_fb, 0, sizeof rows_fb);
    want = pn_cursor_draw(plain, &rows, BORDER, BORDER);
    memcpy(want_fb, rows_fb, sizeof rows_fb);
    memset(rows_fb, 0, sizeof rows_fb);
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        want, pn_cursor_draw_show(shown, &rows, BORDER, BORDER), where);
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(want_fb, rows_fb, sizeof rows_fb,
                                     where);
}

/* After pn_cursor_next() on both, with results `a` and `b`: the same
 * result and the same cursor, but for what pn_cursor_draw_show() kept,
 * which a move forgets and which stays where nothing moved. */
static void same_cursor(const pn_cursor *plain, const pn_cursor *shown,
                        pn_status a, pn_status b, const char *where)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(a, b, where);
    TEST_ASSERT_EQUAL_UINT_MESSAGE(plain->section, shown->section, where);
    TEST_ASSERT_EQUAL_UINT_MESSAGE(plain->page, shown->page, where);
    TEST_ASSERT_EQUAL_UINT_MESSAGE(plain->pages, shown->pages, where);
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(&plain->internal, &shown->internal,
                                     offsetof(pn__page_top, next), where);
    if (a == PN_OK)
        TEST_ASSERT_EQUAL_UINT_MESSAGE(0, shown->internal.next.state,
                                       where);
}

/* The words of `wide` (a character screen's pages) are those of `narrow`
 * (a pixel screen's), in order, a word of `wide` being one or more
 * consecutive words of `narrow` (a word cut at a line's end). */
static void same_words(const word_list *wide, const word_list *narrow,
                       const char *where)
{
    size_t i, j = 0;
    char message[1024];

    for (i = 0; i < wide->count; i++) {
        size_t want = strlen(wide->items[i]), have_len = 0;
        char joined[1024];
        joined[0] = '\0';
        while (have_len < want && j < narrow->count &&
               have_len + strlen(narrow->items[j]) < sizeof joined) {
            strcat(joined, narrow->items[j++]);
            have_len = strlen(joined);
        }
        snprintf(message, sizeof message,
                 "%s: word %lu '%.200s', pixel '%.200s'", where,
                 (unsigned long)i, wide->items[i], joined);
        TEST_ASSERT_EQUAL_STRING_MESSAGE(wide->items[i], joined, message);
    }
    snprintf(message, sizeof message, "%s: words left over", where);
    TEST_ASSERT_EQUAL_UINT_MESSAGE(narrow->count, j, message);
    TEST_ASSERT_TRUE(wide->count > 10);
}

static pn_status open_doc(pn_cursor *cur, const pn_notice *n,
                          const pn_screen *screen, int summary)
{
    return summary ? pn_cursor_open_summary(cur, n, screen)
                   : pn_cursor_open(cur, n, screen);
}

static int on_qr(const pn_cursor *cur)
{
    return cur->qr == PN_QR_PAGE_SHOWN && cur->page + 1 == cur->pages;
}

/* The words of the document on a character screen of 1000 columns. */
static void wide_words(const pn_notice *n, int summary, unsigned flags,
                       word_list *w)
{
    pn_screen wide = {PN_MAX_COLS, 200, 0};
    pn_cursor cur;

    wide.flags = flags;
    TEST_ASSERT_EQUAL_INT(PN_OK, open_doc(&cur, n, &wide, summary));
    do {
        if (on_qr(&cur))
            continue;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, wide_text,
                                                    sizeof wide_text, NULL));
        add_words(w, wide_text);
    } while (pn_cursor_next(&cur) == PN_OK);
}

/* Each line of a page's text, measured in the text font (the catalog
 * has no heading font), fits `w` pixels (the page text leaves out a list
 * item's indent, so the line drawn is as wide or wider). */
static void lines_fit(const char *text, unsigned w, const char *where)
{
    const char *line = text;

    while (*line) {
        size_t len = strcspn(line, "\n");
        int32_t end;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT, NULL,
                                                  0, 0, line, len, &end));
        TEST_ASSERT_TRUE_MESSAGE(end <= (int32_t)w, where);
        line += len + (line[len] == '\n');
    }
}

/* Every page of one document of `n` on a `w` x `h` pixel screen, with
 * PN_PIXELS and `flags`. */
static void check_flagged(const pn_notice *n, unsigned w, unsigned h,
                          int summary, unsigned flags)
{
    pn_screen screen = {(uint16_t)w, (uint16_t)h, PN_PIXELS};
    pn_cursor cur, shown;
    word_list wide = {0}, narrow = {0};
    char where[128];
    uint32_t count = 0, i, page, pages;
    unsigned ink = 0;
    pn_status st;

    snprintf(where, sizeof where, "%s.%s %ux%u %s%s", n->policy, n->lang, w,
             h, summary ? "first layer" : "full",
             flags ? " transliterated" : "");
    screen.flags |= flags;
    TEST_ASSERT_EQUAL_INT_MESSAGE(PN_OK, open_doc(&cur, n, &screen, summary),
                                  where);
    shown = cur;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_position(&cur, &page, &pages));
    do {
        TEST_ASSERT_TRUE_MESSAGE(count < MAX_PAGES, where);
        TEST_ASSERT_EQUAL_INT_MESSAGE(
            PN_OK, pn_cursor_page(&cur, page_text, sizeof page_text, NULL),
            where);
        page_hash[count++] = hash_of(page_text);
        if (!on_qr(&cur))
            add_words(&narrow, page_text);
        for (i = 0; flags == PN_ASCII && page_text[i]; i++)
            TEST_ASSERT_TRUE_MESSAGE((unsigned char)page_text[i] < 0x80,
                                     where);
        if (flags)
            lines_fit(page_text, w, where);
        ink += draw_checked(&cur, where);
        draw_show_checked(&cur, &shown, where);
        st = pn_cursor_next(&cur);
        same_cursor(&cur, &shown, st, pn_cursor_next(&shown), where);
    } while (st == PN_OK);
    TEST_ASSERT_EQUAL_INT_MESSAGE(PN_ERR_RANGE, st, where);
    TEST_ASSERT_EQUAL_UINT_MESSAGE(pages, count, where);
    TEST_ASSERT_TRUE_MESSAGE(ink > 100 * count, where);
    /* Back from the last page: the same pages, in reverse. */
    for (i = count - 1; i > 0; i--) {
        TEST_ASSERT_EQUAL_INT_MESSAGE(PN_OK, pn_cursor_prev(&cur), where);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page_text,
                                                    sizeof page_text, NULL));
        TEST_ASSERT_EQUAL_UINT_MESSAGE(page_hash[i - 1], hash_of(page_text),
                                        where);
    }
    TEST_ASSERT_EQUAL_INT_MESSAGE(PN_ERR_RANGE, pn_cursor_prev(&cur), where);
    wide_words(n, summary, flags, &wide);
    same_words(&wide, &narrow, where);
    free_words(&wide);
    free_words(&narrow);
}

static void check_document(const pn_notice *n, unsigned w, unsigned h,
                           int summary)
{
    check_flagged(n, w, h, summary, 0);
}

static void check_every_notice(void)
{
    pn_notice n;
    uint32_t i;
    unsigned s;

    TEST_ASSERT_TRUE(cat.notice_count >= 10);
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &n));
        for (s = 0; s < sizeof screen_sizes / sizeof screen_sizes[0]; s++) {
            check_document(&n, screen_sizes[s][0], screen_sizes[s][1], 1);
            check_document(&n, screen_sizes[s][0], screen_sizes[s][1], 0);
        }
    }
}

static void test_every_page_in_the_repo_font(void)
{
    load(SANS);
    check_every_notice();
}

static void test_every_page_in_dejavu_sans(void)
{
    const char *skip =
        make_dejavu_bdf("DejaVuSans", 10, TMP "/dejavu-10.bdf");

    if (skip)
        TEST_IGNORE_MESSAGE(skip);
    load(TMP "/dejavu-10.bdf");
    check_every_notice();
}

/* PN_ASCII and PN_LATIN1 with PN_PIXELS: the text is transliterated
 * before it is measured and drawn (a Norwegian notice's å is "aa"). */
static void test_transliterated(void)
{
    pn_notice n;
    uint32_t i;

    load(SANS);
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &n));
        check_flagged(&n, 128, 64, 1, PN_ASCII);
        check_flagged(&n, 320, 240, 0, PN_ASCII);
        check_flagged(&n, 128, 64, 0, PN_LATIN1);
    }
}

/* Lines are wrapped by advance widths: on a pixel screen as wide as a
 * character screen's columns times the widest advance, no line is
 * longer (in characters) than that screen's, and a proportional font
 * fits more text on a line than its widest glyph would. */
static void test_lines_fit_the_width(void)
{
    pn_screen screen = {128, 64, PN_PIXELS};
    pn_canvas c;
    pn_notice n;
    pn_cursor cur;
    char *line, *save = NULL;
    int32_t end;
    unsigned longest = 0;

    load(SANS);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&cat, "intech", "nb", &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, rows_fb, sizeof rows_fb,
                                                CANVAS_W, CANVAS_H,
                                                PN_CANVAS_ROWS));
    do {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page_text,
                                                    sizeof page_text, NULL));
        for (line = strtok_r(page_text, "\n", &save); line;
             line = strtok_r(NULL, "\n", &save)) {
            size_t len = strlen(line);
            /* Its width in the text font (a heading's font is the same
             * here: the catalog has no --font-heading). */
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_draw_text(&cat, PN_FONT_TEXT,
                                                      NULL, 0, 0, line, len,
                                                      &end));
            TEST_ASSERT_TRUE_MESSAGE(end <= 128, line);
            if (columns_of(line, len) > longest)
                longest = columns_of(line, len);
        }
    } while (pn_cursor_next(&cur) == PN_OK);
    /* pnc-sans-11's widest glyphs are 9 pixels or more: a proportional
     * wrap puts more than 128 / 9 characters on some line. */
    TEST_ASSERT_TRUE(longest > 128 / 9 + 4);
}

/* A page holds rows / line height lines: the line height is the fonts'
 * ascent + descent + PN_LINE_GAP. */
static void test_lines_a_page(void)
{
    pn_font_metrics m;
    pn_notice n;
    pn_cursor cur;
    pn_screen screen = {128, 64, PN_PIXELS};
    unsigned height, lines = 0;
    const char *p;

    load(SANS);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_font_metrics_get(&cat, PN_FONT_TEXT, &m));
    height = m.ascent + m.descent + PN_LINE_GAP;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&cat, "ntc", "en", &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page_text,
                                                sizeof page_text, NULL));
    for (p = page_text; *p; p++)
        lines += *p == '\n';
    TEST_ASSERT_EQUAL_UINT(64 / height, lines);
    /* Lower than a line: no page. */
    screen.rows = (uint16_t)(height - 1);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_open(&cur, &n, &screen));
    screen.rows = (uint16_t)height;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    screen.rows = 64;
    screen.cols = PN_MAX_PIXELS + 1;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_open(&cur, &n, &screen));
}

/* Writes the canvas's screen rectangle, each pixel `scale` square, as a
 * PNG with a white margin, and asks zbarimg what it reads. */
static void zbar_reads(const pn_canvas *c, unsigned w, unsigned h,
                       unsigned scale, const char *want)
{
    unsigned pw = (w + 16) * scale, ph = (h + 16) * scale, x, y;
    unsigned char *grey = malloc((size_t)pw * ph);
    buf png = {0};
    FILE *f;

    TEST_ASSERT_NOT_NULL(grey);
    for (y = 0; y < ph; y++)
        for (x = 0; x < pw; x++) {
            unsigned sx = x / scale, sy = y / scale;
            int dark = sx >= 8 && sy >= 8 && sx < w + 8 && sy < h + 8 &&
                       pixel_of(c, BORDER + sx - 8, BORDER + sy - 8);
            grey[y * pw + x] = dark ? 0 : 255;
        }
    TEST_ASSERT_EQUAL_INT(0, png_encode(&png, grey, pw, ph, 8));
    f = fopen(TMP "/qr.png", "wb");
    TEST_ASSERT_NOT_NULL(f);
    TEST_ASSERT_EQUAL_size_t(png.len, fwrite(png.data, 1, png.len, f));
    fclose(f);
    free(png.data);
    free(grey);
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run("zbarimg -q --raw " TMP "/qr.png 2>/dev/null"), want);
    TEST_ASSERT_EQUAL_STRING(want, strtok(out_text, "\n"));
}

/* The QR page: the code at the largest whole scale that fits with its
 * quiet zone and the line under it, from the page's top left. */
static void test_qr_page(void)
{
    static const unsigned sizes[][2] = {{128, 64}, {320, 240}, {96, 60}};
    pn_font_metrics m;
    pn_canvas c;
    pn_notice n;
    pn_contact contact;
    pn_cursor cur;
    char details[2048];
    unsigned s, modules, side, height, scale;
    uint32_t i;
    int dark, shown = 0, zbar = have("zbarimg");

    load(SANS);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_font_metrics_get(&cat, PN_FONT_TEXT, &m));
    height = m.ascent + m.descent + PN_LINE_GAP;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, rows_fb, sizeof rows_fb,
                                                CANVAS_W, CANVAS_H,
                                                PN_CANVAS_ROWS));
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &n));
        if (pn_qr_size(&n, &modules) != PN_OK)
            continue;
        TEST_ASSERT_TRUE(pn_notice_contact(&n, details, sizeof details,
                                           &contact) >= 0);
        side = modules + 2 * PN_QR_QUIET_ZONE;
        for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            pn_screen screen = {(uint16_t)sizes[s][0], (uint16_t)sizes[s][1],
                                PN_PIXELS};
            unsigned across = sizes[s][0] / side;
            unsigned down = (sizes[s][1] - height) / side;
            scale = across < down ? across : down;
            TEST_ASSERT_EQUAL_INT(PN_OK,
                                  pn_cursor_open_summary(&cur, &n, &screen));
            if (scale == 0) {
                TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SKIPPED, cur.qr);
                continue;
            }
            TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SHOWN, cur.qr);
            while (!on_qr(&cur))
                TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
            memset(rows_fb, 0, sizeof rows_fb);
            TEST_ASSERT_EQUAL_INT(PN_OK,
                                  pn_cursor_draw(&cur, &c, BORDER, BORDER));
            /* The top left module is dark (a finder pattern), all of its
             * scale x scale pixels; the quiet zone before it light. */
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_module(&n, 0, 0, &dark));
            TEST_ASSERT_EQUAL_INT(1, dark);
            TEST_ASSERT_EQUAL_INT(1, pixel_of(&c, BORDER + 4 * scale,
                                              BORDER + 4 * scale));
            TEST_ASSERT_EQUAL_INT(1, pixel_of(&c, BORDER + 5 * scale - 1,
                                              BORDER + 5 * scale - 1));
            TEST_ASSERT_EQUAL_INT(0, pixel_of(&c, BORDER + 4 * scale - 1,
                                              BORDER + 4 * scale));
            /* Past the code's right edge, a module more would be light:
             * the scale is the largest that fits. */
            TEST_ASSERT_TRUE((side * (scale + 1) > sizes[s][0]) ||
                             side * (scale + 1) + height > sizes[s][1]);
            if (zbar)
                zbar_reads(&c, sizes[s][0], sizes[s][1], 2, contact.web);
            shown++;
        }
    }
    TEST_ASSERT_TRUE(shown >= 10);
    if (!zbar)
        TEST_IGNORE_MESSAGE("skipped: zbarimg not found (zbar-tools); the "
                            "scale and modules were checked");
}

/* A pattern in both canvases, to see that nothing was drawn. */
static void fill_pattern(void)
{
    size_t i;

    for (i = 0; i < sizeof rows_fb; i++)
        rows_fb[i] = (unsigned char)(i * 7u + 3u);
}

static void nothing_drawn(void)
{
    size_t i;

    for (i = 0; i < sizeof rows_fb; i++)
        TEST_ASSERT_EQUAL_HEX8((unsigned char)(i * 7u + 3u), rows_fb[i]);
}

/* `cur` is refused with `want`: pn_cursor_draw() and
 * pn_cursor_draw_show() draw nothing, the latter keeps nothing, and
 * pn_cursor_page() leaves "". */
static void refused(const pn_cursor *cur, const pn_canvas *c, pn_status want)
{
    size_t len = 99;
    pn_cursor kept = *cur;

    fill_pattern();
    TEST_ASSERT_EQUAL_INT(want, pn_cursor_draw(cur, c, BORDER, BORDER));
    nothing_drawn();
    TEST_ASSERT_EQUAL_INT(want,
                          pn_cursor_draw_show(&kept, c, BORDER, BORDER));
    nothing_drawn();
    TEST_ASSERT_EQUAL_MEMORY(cur, &kept, sizeof kept);
    memset(page_text, 'x', sizeof page_text);
    TEST_ASSERT_EQUAL_INT(want, pn_cursor_page(cur, page_text,
                                               sizeof page_text, &len));
    TEST_ASSERT_EQUAL_STRING("", page_text);
    TEST_ASSERT_EQUAL_size_t(0, len);
}

static void test_misuse_draws_nothing(void)
{
    pn_screen screen = {128, 64, PN_PIXELS}, chars = {20, 4, 0};
    pn_canvas c, bad;
    pn_notice n;
    pn_cursor cur, other, kept;
    uint32_t at;

    load(SANS);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&cat, "intech", "nb", &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, rows_fb, sizeof rows_fb,
                                                CANVAS_W, CANVAS_H,
                                                PN_CANVAS_ROWS));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));

    other = cur;               /* a page past the section's */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_pages(&cur, &other.pages));
    other.page = other.pages;
    refused(&other, &c, PN_ERR_ARG);
    other = cur;
    memset(&other.internal, 0xAA, sizeof other.internal);
    refused(&other, &c, PN_ERR_ARG);
    other = cur;               /* too wide a screen */
    other.screen.cols = PN_MAX_PIXELS + 1;
    refused(&other, &c, PN_ERR_ARG);
    other = cur;
    other.notice.internal.record = 0xAAAAAAAAu;
    refused(&other, &c, PN_ERR_FORMAT);

    /* A character screen's cursor has no pixels. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&other, &n, &chars));
    fill_pattern();
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_draw(&other, &c, 0, 0));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_draw_show(&other, &c, 0, 0));
    nothing_drawn();
    TEST_ASSERT_EQUAL_UINT32(0, other.internal.next.state);
    /* No canvas, or one whose stride does not hold a row. */
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_draw(&cur, NULL, 0, 0));
    kept = cur;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_draw_show(&kept, NULL, 0, 0));
    TEST_ASSERT_EQUAL_MEMORY(&cur, &kept, sizeof kept);
    bad = c;
    bad.stride = 1;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_draw(&cur, &bad, 0, 0));
    nothing_drawn();
    bad = c;
    bad.flags = 7;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_draw(&cur, &bad, 0, 0));
    nothing_drawn();
    /* Anywhere off the canvas: nothing drawn, no failure, and nothing
     * laid out, so nothing kept. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_draw(&cur, &c, INT32_MAX, 0));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_draw(&cur, &c, INT32_MIN,
                                                INT32_MIN));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_draw(&cur, &c, -128, 0));
    other = cur;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_draw_show(&other, &c, -128, 0));
    nothing_drawn();
    TEST_ASSERT_EQUAL_MEMORY(&cur, &other, sizeof other);

    /* What pn_cursor_draw_show() keeps is checked like the rest of the
     * cursor, and a move forgets it. */
    other = cur;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_draw_show(&other, &c, 0, 0));
    TEST_ASSERT_TRUE(other.internal.next.state != 0);
    kept = other;
    kept.internal.next.offset++;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_next(&kept));
    kept = other;
    kept.internal.next.state ^= 1u << 9;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_draw(&kept, &c, 0, 0));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&other));
    TEST_ASSERT_EQUAL_UINT32(0, other.internal.next.state);

    /* The font damaged after the cursor opened: its glyph count past
     * its bytes. */
    at = (uint32_t)catalog[PN_HDR_AT(font, 4)] |
         (uint32_t)catalog[PN_HDR_AT(font, 4) + 1] << 8 |
         (uint32_t)catalog[PN_HDR_AT(font, 4) + 2] << 16 |
         (uint32_t)catalog[PN_HDR_AT(font, 4) + 3] << 24;
    TEST_ASSERT_TRUE(at > 0 && at < (uint32_t)catalog_size);
    catalog[at + PN_FONT_AT(glyph_count, 2)] = 0xFF;
    catalog[at + PN_FONT_AT(glyph_count, 2) + 1] = 0xFF;
    refused(&cur, &c, PN_ERR_FORMAT);
}

/* With a heading font (DejaVu Sans Bold 14 px, larger than the text
 * font), headings are wrapped by its widths: each heading line of a
 * section's first page fits the screen in that font; lines are the
 * taller font's height apart; every page still draws inside the screen
 * and keeps the words. */
static void test_heading_font(void)
{
    pn_screen screen = {128, 64, PN_PIXELS};
    pn_font_metrics text, heading;
    pn_notice n;
    pn_cursor cur;
    unsigned height, ascent, descent, lines, heading_lines = 0;
    uint32_t i, j;
    char *line, *save;
    int32_t end;

    const char *skip =
        make_dejavu_bdf("DejaVuSans", 10, TMP "/dejavu-10.bdf");

    if (skip)
        TEST_IGNORE_MESSAGE(skip);
    skip = make_dejavu_bdf("DejaVuSans-Bold", 14,
                           TMP "/dejavu-bold-14.bdf");
    if (skip)
        TEST_IGNORE_MESSAGE(skip);
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(PNC_PATH " --format bin -o " TMP "/pixel.pnc --font " SANS
               " --font-heading " TMP "/dejavu-bold-14.bdf policies/*.pn"),
        tail(err_text));
    catalog_size = slurp(TMP "/pixel.pnc", (char *)catalog, sizeof catalog);
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_open(&cat, catalog, (size_t)catalog_size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_font_metrics_get(&cat, PN_FONT_TEXT,
                                                     &text));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_font_metrics_get(&cat, PN_FONT_HEADING,
                                                     &heading));
    ascent = text.ascent > heading.ascent ? text.ascent : heading.ascent;
    descent = text.descent > heading.descent ? text.descent
                                             : heading.descent;
    height = ascent + descent + PN_LINE_GAP;
    TEST_ASSERT_TRUE(heading.ascent > text.ascent);
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &n));
        check_document(&n, 128, 64, 0);
        check_document(&n, 320, 240, 1);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
        for (j = 0; j < n.section_count; j++) {
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, j));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page_text,
                                                        sizeof page_text,
                                                        NULL));
            lines = 0;
            for (line = page_text; *line; line++)
                lines += *line == '\n';
            TEST_ASSERT_EQUAL_UINT(64 / height, lines);
            /* The heading's lines: up to the blank line after it (a
             * preamble has no heading, and starts with its text). */
            save = NULL;
            if (page_text[0] == '\n')
                continue;
            for (line = strtok_r(page_text, "\n", &save);
                 line && cur.page == 0; line = strtok_r(NULL, "\n", &save)) {
                TEST_ASSERT_EQUAL_INT(
                    PN_OK, pn_draw_text(&cat, PN_FONT_HEADING, NULL, 0, 0,
                                        line, strlen(line), &end));
                if (j > 0) {
                    TEST_ASSERT_TRUE_MESSAGE(end <= 128, line);
                    heading_lines++;
                }
                if (save && *save == '\n')
                    break;
            }
        }
    }
    TEST_ASSERT_TRUE(heading_lines > 20);
}

/* Every byte of the font block set to values a damaged flash or a
 * hostile file may hold: opening, drawing and the page text end with a
 * status libpn documents, and nothing is drawn outside the screen. */
static void test_damaged_font_draws_inside(void)
{
    static const unsigned char values[] = {0x00, 0xFF};
    static unsigned char good[sizeof catalog];
    pn_screen screen = {128, 64, PN_PIXELS};
    pn_canvas c;
    pn_catalog damaged;
    pn_notice n;
    pn_cursor cur;
    uint32_t at, end, i, x, y;
    size_t v;
    pn_status st;

    load(SANS);
    memcpy(good, catalog, (size_t)catalog_size);
    at = (uint32_t)catalog[PN_HDR_AT(font, 4)] |
         (uint32_t)catalog[PN_HDR_AT(font, 4) + 1] << 8 |
         (uint32_t)catalog[PN_HDR_AT(font, 4) + 2] << 16 |
         (uint32_t)catalog[PN_HDR_AT(font, 4) + 3] << 24;
    /* The head and the glyph records; the bitmaps after them are only
     * pixels. */
    end = at + PN_FONT_HEAD_SIZE +
          (uint32_t)(catalog[at] | catalog[at + 1] << 8) * PN_GLYPH_SIZE;
    TEST_ASSERT_TRUE(end <= (uint32_t)catalog_size);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, rows_fb, sizeof rows_fb,
                                                CANVAS_W, CANVAS_H,
                                                PN_CANVAS_ROWS));
    for (i = at; i < end; i++) {
        for (v = 0; v < sizeof values; v++) {
            catalog[i] = values[v];
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&damaged, catalog,
                                                 (size_t)catalog_size));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&damaged, 1, &n));
            st = pn_cursor_open_summary(&cur, &n, &screen);
            TEST_ASSERT_TRUE(st >= PN_ERR_FORMAT && st <= PN_OK);
            if (st != PN_OK)
                continue;
            memset(rows_fb, 0, sizeof rows_fb);
            st = pn_cursor_draw(&cur, &c, BORDER, BORDER);
            TEST_ASSERT_TRUE(st == PN_OK || st == PN_ERR_FORMAT);
            /* Byte by byte: the screen's edges fall on byte edges. */
            for (y = 0; y < CANVAS_H; y++)
                for (x = 0; x < c.stride; x++)
                    if (outside(x * 8, y, 128, 64))
                        TEST_ASSERT_EQUAL_HEX8(0, rows_fb[y * c.stride + x]);
            st = pn_cursor_page(&cur, page_text, sizeof page_text, NULL);
            TEST_ASSERT_TRUE(st == PN_OK || st == PN_ERR_FORMAT);
            st = pn_cursor_next(&cur);
            TEST_ASSERT_TRUE(st >= PN_ERR_FORMAT && st <= PN_OK);
        }
        catalog[i] = good[i];
    }
}

/* A catalog without a font has no pixel screens. */
static void test_no_font(void)
{
    pn_screen screen = {128, 64, PN_PIXELS};
    pn_notice n;
    pn_cursor cur;

    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(PNC_PATH " --format bin -o " TMP "/plain.pnc policies/*.pn"),
        tail(err_text));
    catalog_size = slurp(TMP "/plain.pnc", (char *)catalog, sizeof catalog);
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_open(&cat, catalog, (size_t)catalog_size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, 0, &n));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_cursor_open_summary(&cur, &n, &screen));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_every_page_in_the_repo_font);
    RUN_TEST(test_every_page_in_dejavu_sans);
    RUN_TEST(test_transliterated);
    RUN_TEST(test_lines_fit_the_width);
    RUN_TEST(test_lines_a_page);
    RUN_TEST(test_qr_page);
    RUN_TEST(test_misuse_draws_nothing);
    RUN_TEST(test_heading_font);
    RUN_TEST(test_damaged_font_draws_inside);
    RUN_TEST(test_no_font);
    return UNITY_END();
}
