/* The options of pn.h: libpn built with each (mk/options.mk) keeps what it
 * should, leaves out what it should, and a program using what is kept
 * works. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "unity.h"

#ifndef BUILD_DIR
#define BUILD_DIR "build"
#endif
#define OPTIONS BUILD_DIR "/options"

static char out[4096];

void setUp(void)
{
}

void tearDown(void)
{
}

/* Runs `command` with its output in `out`; returns its exit status. */
static int capture(const char *command)
{
    char line[1024];
    int status;

    snprintf(line, sizeof line, "%s >" OPTIONS "/out.txt 2>&1", command);
    status = system(line);
    slurp(OPTIONS "/out.txt", out, sizeof out);
    return status;
}

static void probe(const char *variant)
{
    char command[256];

    snprintf(command, sizeof command, OPTIONS "/%s/options_probe", variant);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, capture(command), out);
}

/* Whether libpn.a of `variant` defines `symbol`. */
static int defines(const char *variant, const char *symbol)
{
    char command[256];

    snprintf(command, sizeof command,
             "nm -g --defined-only " OPTIONS "/%s/libpn.a | "
             "grep -q ' T %s$'", variant, symbol);
    return system(command) == 0;
}

static const char lookup_line[] = "lookup: 0 Vi lagrer data i 1 år.\n";

static void test_full(void)
{
    probe("full");
    TEST_ASSERT_NOT_NULL(strstr(out, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out, "cursor: 0\n"));
    TEST_ASSERT_NOT_NULL(strstr(out, "ascii screen: 0\n"));
    TEST_ASSERT_NOT_NULL(strstr(out, "summary: 0 Kontakt:"));
    TEST_ASSERT_NOT_NULL(strstr(out, "translit: aa\n"));
    TEST_ASSERT_TRUE(defines("full", "pn_cursor_open"));
    TEST_ASSERT_TRUE(defines("full", "pn_cursor_open_summary"));
    TEST_ASSERT_TRUE(defines("full", "pn_transliterate"));
}

static void test_no_layout(void)
{
    probe("no-layout");
    TEST_ASSERT_NOT_NULL(strstr(out, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out, "cursor: absent\n"));
    TEST_ASSERT_NOT_NULL(strstr(out, "summary: absent\n"));
    TEST_ASSERT_NOT_NULL(strstr(out, "translit: aa\n"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn_cursor_open"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn_cursor_page"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn__summary_block"));
    TEST_ASSERT_FALSE(defines("no-layout", "pn__doc_section_block"));
    TEST_ASSERT_TRUE(defines("no-layout", "pn_find"));
}

static void test_no_summary(void)
{
    probe("no-summary");
    TEST_ASSERT_NOT_NULL(strstr(out, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out, "cursor: 0\n"));
    TEST_ASSERT_NOT_NULL(strstr(out, "summary: absent\n"));
    TEST_ASSERT_FALSE(defines("no-summary", "pn_cursor_open_summary"));
    TEST_ASSERT_FALSE(defines("no-summary", "pn__summary_block"));
    TEST_ASSERT_TRUE(defines("no-summary", "pn_cursor_open"));
}

static void test_no_translit(void)
{
    probe("no-translit");
    TEST_ASSERT_NOT_NULL(strstr(out, lookup_line));
    TEST_ASSERT_NOT_NULL(strstr(out, "cursor: 0\n"));
    /* A screen that needs transliteration is refused, not shown wrong. */
    TEST_ASSERT_NOT_NULL(strstr(out, "ascii screen: -1\n"));
    TEST_ASSERT_NOT_NULL(strstr(out, "summary: 0 Kontakt:"));
    TEST_ASSERT_NOT_NULL(strstr(out, "translit: absent\n"));
    TEST_ASSERT_FALSE(defines("no-translit", "pn_transliterate"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_full);
    RUN_TEST(test_no_layout);
    RUN_TEST(test_no_summary);
    RUN_TEST(test_no_translit);
    return UNITY_END();
}
