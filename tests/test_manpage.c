/* The man page docs/pnc.1: groff (and man, where installed) render it
 * with every warning on and print none; it names every option `pnc --help`
 * lists and pnc's version, and has the sections a man page needs. Ignored,
 * saying so, when groff is not on the PATH. */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "support.h"
#include "unity.h"

#define PAGE "docs/pnc.1"
#define TMP BUILD_DIR "/tests/manpage-tmp"

static char page_text[RUN_TEXT_SIZE];
static char help_text[RUN_TEXT_SIZE];

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

/* The page as plain ASCII text (with no warnings either) on lines too
 * long to break, so that no option is hyphenated. */
static void render_plain(void)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run("GROFF_NO_SGR=1 groff -man -Tascii -ww -rLL=1000n -P-b "
               "-P-o -P-u " PAGE),
        err_text);
    TEST_ASSERT_EQUAL_STRING("", err_text);
    memcpy(page_text, out_text, strlen(out_text) + 1);
}

static void test_groff_renders_the_page_without_warnings(void)
{
    if (!have("groff")) {
        TEST_IGNORE_MESSAGE("skipped: groff not found (apt-get install groff)");
        return;
    }
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run("groff -man -Tutf8 -ww -z " PAGE),
                                  err_text);
    TEST_ASSERT_EQUAL_STRING("", err_text);
}

static void test_man_renders_the_page_without_warnings(void)
{
    if (!have("man")) {
        TEST_IGNORE_MESSAGE("skipped: man not found (apt-get install man-db)");
        return;
    }
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run("MANWIDTH=80 MANPAGER=cat man --warnings -l " PAGE), err_text);
    TEST_ASSERT_EQUAL_STRING("", err_text);
    TEST_ASSERT_TRUE(strstr(out_text, "pnc") != NULL);
}

/* Whether `option` occurs in `text` as a word of its own, ignoring case
 * (the page writes "-Wno-rule" where the help says "-Wno-RULE"). */
static int names_option(const char *text, const char *option)
{
    size_t len = strlen(option);
    const char *p;

    for (p = text; *p; p++) {
        size_t i;

        if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))
            continue;
        for (i = 0; i < len; i++) {
            if (tolower((unsigned char)p[i]) !=
                tolower((unsigned char)option[i]))
                break;
        }
        if (i == len && !isalnum((unsigned char)p[len]) && p[len] != '-')
            return 1;
    }
    return 0;
}

/* Every option in the first column of `pnc --help` ("  -o FILE", "  -h,
 * --help", "  --diagnostics=json" ...) is named in the page. */
static void test_page_names_every_option_of_pnc_help(void)
{
    const char *line;
    unsigned checked = 0;

    if (!have("groff")) {
        TEST_IGNORE_MESSAGE("skipped: groff not found (apt-get install groff)");
        return;
    }
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --help"));
    memcpy(help_text, out_text, strlen(out_text) + 1);
    render_plain();
    for (line = help_text; *line; line = strchr(line, '\n') + 1) {
        const char *p = line, *end = strchr(line, '\n');

        if (!end)
            break;
        while (*p == ' ')
            p++;
        if (p == line || *p != '-')
            continue;
        /* The option column ends at two spaces or the line's end. */
        while (p < end && !(p[0] == ' ' && p[1] == ' ')) {
            char option[64];
            size_t n = 0;

            if (*p != '-' || (p > line && p[-1] != ' ' && p[-1] != ',')) {
                p++;
                continue;
            }
            while (p < end && n < sizeof option - 1 &&
                   (isalnum((unsigned char)*p) || *p == '-'))
                option[n++] = *p++;
            option[n] = '\0';
            if (n < 2)
                continue;
            checked++;
            if (!names_option(page_text, option)) {
                char message[128];
                snprintf(message, sizeof message,
                         "pnc --help lists %s; " PAGE " does not", option);
                TEST_FAIL_MESSAGE(message);
            }
        }
    }
    TEST_ASSERT_TRUE_MESSAGE(checked >= 6, "found too few options in "
                                           "pnc --help");
}

static void test_page_has_the_usual_sections_and_pnc_version(void)
{
    static const char *const sections[] = {
        "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "DIAGNOSTICS",
        "EXIT STATUS", "FILES", "EXAMPLES", "SEE ALSO"};
    char version[64];
    size_t i;

    if (!have("groff")) {
        TEST_IGNORE_MESSAGE("skipped: groff not found (apt-get install groff)");
        return;
    }
    render_plain();
    for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        char heading[64];
        snprintf(heading, sizeof heading, "\n%s\n", sections[i]);
        TEST_ASSERT_TRUE_MESSAGE(strstr(page_text, heading) != NULL,
                                 sections[i]);
    }
    /* The footer names the version pnc --version prints ("pnc 0.2.0"). */
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --version"));
    snprintf(version, sizeof version, "%.*s", (int)strcspn(out_text, "\n"),
             out_text);
    TEST_ASSERT_TRUE_MESSAGE(strstr(page_text, version) != NULL, version);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_groff_renders_the_page_without_warnings);
    RUN_TEST(test_man_renders_the_page_without_warnings);
    RUN_TEST(test_page_names_every_option_of_pnc_help);
    RUN_TEST(test_page_has_the_usual_sections_and_pnc_version);
    return UNITY_END();
}
