/* The options of pn.h: libpn built with each (mk/options.mk) keeps what it
 * should, leaves out what it should, and a program using what is kept
 * works. */
#include <stdio.h>
#include <string.h>

#include "support.h"
#include "unity.h"

#define OPTIONS BUILD_DIR "/options"

void setUp(void)
{
    fresh_dir(OPTIONS "/run");
}

void tearDown(void)
{
}

static void probe(const char *variant)
{
    char command[256];

    snprintf(command, sizeof command, OPTIONS "/%s/options_probe", variant);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), err_text);
}

/* Whether libpn.a of `variant` defines `symbol`. */
static int defines(const char *variant, const char *symbol)
{
    char command[256];

    snprintf(command, sizeof command,
             "nm -g --defined-only " OPTIONS "/%s/libpn.a | "
             "grep -q ' T %s$'", variant, symbol);
    return run(command) == 0;
}

static const char lookup_line[] = "lookup: 0 Vi lagrer data i 1 år.\n";

static void test_full(void)
{
    probe("full");
    TEST_ASSERT_NOT_NULL(strstr(out_text, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "cursor: 0\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "ascii screen: 0\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "summary: 0 Kontakt:"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "translit: aa\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "draw: -2\n")); /* no font */
    TEST_ASSERT_NOT_NULL(strstr(out_text, "pixel screen: -2\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "qr: 0 29\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "qr page: 0 1\n")); /* shown */
    TEST_ASSERT_TRUE(defines("full", "pn_cursor_draw"));
    TEST_ASSERT_TRUE(defines("full", "pn_cursor_draw_show"));
    TEST_ASSERT_TRUE(defines("full", "pn_cursor_open"));
    TEST_ASSERT_TRUE(defines("full", "pn_cursor_open_summary"));
    TEST_ASSERT_TRUE(defines("full", "pn_transliterate"));
    TEST_ASSERT_TRUE(defines("full", "pn_draw_text"));
    TEST_ASSERT_TRUE(defines("full", "pn_qr_text"));
}

static void test_no_layout(void)
{
    probe("no-layout");
    TEST_ASSERT_NOT_NULL(strstr(out_text, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "cursor: absent\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "summary: absent\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "translit: aa\n"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn_cursor_open"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn_cursor_page"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn_cursor_draw_show"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn__next_line"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn__lay_page"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn__summary_block"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn__doc_section_block"));
    TEST_ASSERT_TRUE(defines("no-layout", "pn_find"));
}

static void test_no_summary(void)
{
    probe("no-summary");
    TEST_ASSERT_NOT_NULL(strstr(out_text, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "cursor: 0\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "summary: absent\n"));
    TEST_ASSERT_FALSE(defines("no-summary", "pn_cursor_open_summary"));
    TEST_ASSERT_FALSE(defines("no-summary", "pn__summary_block"));
    TEST_ASSERT_TRUE(defines("no-summary", "pn_cursor_open"));
}

static void test_no_translit(void)
{
    probe("no-translit");
    TEST_ASSERT_NOT_NULL(strstr(out_text, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "cursor: 0\n"));
    /* A screen that needs transliteration is refused, not shown wrong. */
    TEST_ASSERT_NOT_NULL(strstr(out_text, "ascii screen: -1\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "summary: 0 Kontakt:"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "translit: absent\n"));
    TEST_ASSERT_FALSE(defines("no-translit", "pn_transliterate"));
}

static void test_no_draw(void)
{
    probe("no-draw");
    TEST_ASSERT_NOT_NULL(strstr(out_text, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "cursor: 0\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "draw: absent\n"));
    /* PN_PIXELS is an unknown flag without drawing. */
    TEST_ASSERT_NOT_NULL(strstr(out_text, "pixel screen: -1\n"));
    TEST_ASSERT_FALSE(defines("no-draw", "pn_cursor_draw"));
    TEST_ASSERT_FALSE(defines("no-draw", "pn_cursor_draw_show"));
    TEST_ASSERT_FALSE(defines("no-draw", "pn__font_open"));
    TEST_ASSERT_FALSE(defines("no-draw", "pn_draw_text"));
    TEST_ASSERT_FALSE(defines("no-draw", "pn_canvas_init"));
    TEST_ASSERT_TRUE(defines("no-draw", "pn_find"));
}

static void test_no_qr(void)
{
    probe("no-qr");
    TEST_ASSERT_NOT_NULL(strstr(out_text, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "cursor: 0\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "summary: 0 Kontakt:"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "qr: absent\n"));
    /* The same notice, the same screen: no QR page. */
    TEST_ASSERT_NOT_NULL(strstr(out_text, "qr page: 0 0\n"));
    TEST_ASSERT_FALSE(defines("no-qr", "pn_qr_size"));
    TEST_ASSERT_FALSE(defines("no-qr", "pn_qr_module"));
    TEST_ASSERT_FALSE(defines("no-qr", "pn_qr_text"));
    TEST_ASSERT_FALSE(defines("no-qr", "pn__summary_qr"));
    TEST_ASSERT_TRUE(defines("no-qr", "pn_cursor_open_summary"));
    TEST_ASSERT_TRUE(defines("no-qr", "pn_cursor_draw"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_full);
    RUN_TEST(test_no_layout);
    RUN_TEST(test_no_summary);
    RUN_TEST(test_no_translit);
    RUN_TEST(test_no_draw);
    RUN_TEST(test_no_qr);
    return UNITY_END();
}
