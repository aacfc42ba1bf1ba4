/* Hostile input to pnc: text that is C syntax compiles into C that
 * gcc -Werror accepts and reads back through libpn byte for byte; input
 * beyond the format's limits (a 1 MB line, 100,000 sections, headings
 * nested too deep) is refused with a clear error, and a long line does not
 * flood the terminal; a disk that fills up mid-write leaves the previous
 * outputs as they were. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/hostile-tmp"
#define C_TEXT "tests/fixtures/hostile/c-text.en.pn"
#define HEADER "---\npolicy: big\nlang: en\ntitle: T\n---\n\n"

static char expected[1 << 14];

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

/* Appends `line` and '\n' to `expected`, each run of spaces and tabs as
 * one space, and with `escapes` a backslash before ASCII punctuation
 * dropped (Markdown's escapes, in paragraphs and list items). */
static void append_collapsed(const char *line, int escapes)
{
    char *out = expected + strlen(expected);

    while (*line) {
        if (escapes && line[0] == '\\' && line[1] > ' ' &&
            line[1] < 0x7F && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
                                    line[1])) {
            *out++ = line[1];
            line += 2;
        } else if (*line == ' ' || *line == '\t') {
            line += strspn(line, " \t");
            *out++ = ' ';
        } else {
            *out++ = *line++;
        }
    }
    *out++ = '\n';
    *out = '\0';
}

/* What the kiosk's dump must print for the fixture, worked out from the
 * source lines: the title, then each heading as "NUMBER TITLE" (without
 * its attributes), paragraph and "- item" lines as written, Markdown's
 * escapes (a backslash before punctuation) undone, runs of spaces and tabs
 * made one space (docs/FORMAT.md). Every paragraph in the fixture is one line. */
static void expected_dump(void)
{
    static char source[1 << 14];
    char *line, *next;
    int dashes = 0;

    slurp(C_TEXT, source, sizeof source);
    expected[0] = '\0';
    for (line = source; *line; line = next) {
        char *end = strchr(line, '\n');
        next = end ? end + 1 : line + strlen(line);
        if (end)
            *end = '\0';
        if (dashes < 2) {
            dashes += strcmp(line, "---") == 0;
            if (strncmp(line, "title: ", 7) == 0)
                append_collapsed(line + 7, 0);
            continue;
        }
        if (line[0] == '\0')
            continue;
        if (line[0] == '#') {
            char *attributes = strstr(line, " {#"), *brace;
            *attributes = '\0';
            while ((brace = strstr(line, "\\{")) != NULL)
                memmove(brace, brace + 1, strlen(brace));
            line += strspn(line, "#") + 1;
            append_collapsed(line, 0);
            continue;
        }
        append_collapsed(line, 1);
    }
}

static void test_c_syntax_in_text_compiles_and_reads_back_exactly(void)
{
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " -o " TMP "/hostile.c --prefix "
                                 "hostile " C_TEXT));
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(TEST_CC " -std=c99 -Wall -Wextra -Wpedantic -Werror "
               "-Wtrigraphs -Wcomment -Iruntime -Iexamples/kiosk -I" TMP
               " -o " TMP "/dump tests/hostile_dump.c examples/kiosk/dump.c "
               TMP "/hostile.c runtime/*.c"),
        err_text);
    TEST_ASSERT_EQUAL_INT(0, run(TMP "/dump"));
    expected_dump();
    TEST_ASSERT_NOT_NULL(strstr(expected, "?\?/ ?\?'"));
    TEST_ASSERT_NOT_NULL(strstr(expected, "\n#include <stdio.h>\n"));
    TEST_ASSERT_EQUAL_STRING(expected, out_text);
}

/* The kiosk's --dump of the Markdown fixture: numbers, indents, a link's
 * address after its text, an address block on its lines, no markers. */
static void test_kiosk_dump_shows_markdown_as_text(void)
{
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " -o " TMP "/hostile.c --prefix "
                                 "hostile tests/fixtures/layout/"
                                 "markdown.en.pn"));
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(TEST_CC " -std=c99 -Wall -Wextra -Wpedantic -Werror "
               "-Iruntime -Iexamples/kiosk -I" TMP " -o " TMP "/dump "
               "tests/hostile_dump.c examples/kiosk/dump.c " TMP
               "/hostile.c runtime/*.c"),
        err_text);
    TEST_ASSERT_EQUAL_INT(0, run(TMP "/dump markdown:en"));
    TEST_ASSERT_EQUAL_STRING(
        "Markdown\n"
        "Numbered\n1. First step\n"
        "2. Second step, long enough to wrap on a small screen\n10. Tenth\n"
        "Nested\n- Outer one\n  - Inner one that wraps on a narrow screen\n"
        "    1. Deepest numbered\n- Outer two\n"
        "Emphasis\nWe never sell your data, ever, and code shows as text. "
        "A literal *asterisk*, a snake_case_name and 5 * 3 stay as written.\n"
        "Links\nRead our policy (https://demo.example/privacy) or "
        "https://demo.example. Write to us (privacy@demo.example) or call "
        "+47 22 00 00 00. See https://demo.example/.\n"
        "Address\nDemo Ltd\nStorgata 1\n0155 Oslo\n"
        "Table\nPurpose: Orders\nLegal basis: Contract\nRetention: 5 years\n"
        "Purpose: Support\nLegal basis: Consent | interest\n"
        "After the table.\n"
        "Unsupported\nA quoted line.\nA deep heading\n"
        "Text with <b>a tag</b> and a logo.\n",
        out_text);
}

/* Writes `count` copies of `unit` (with "%d" for the copy's number) after
 * a header into TMP/name. */
static void generate(const char *name, const char *unit, long count)
{
    char path[256];
    FILE *f;
    long i;

    snprintf(path, sizeof path, TMP "/%s", name);
    f = fopen(path, "wb");
    TEST_ASSERT_NOT_NULL(f);
    fputs(HEADER, f);
    for (i = 0; i < count; i++)
        fprintf(f, unit, (int)i);
    fclose(f);
}

static void test_longest_block_fits_and_one_more_byte_does_not(void)
{
    generate("fits.pn", "x", 16384);
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --check -Wno-art13-required "
                                 "-Wno-art13-conditional -Wno-header "
                                 TMP "/fits.pn"));
    generate("over.pn", "x", 16385);
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check " TMP "/over.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/over.pn:7:1: error: this "
                                "block is 16385 bytes long; at most 16384 "
                                "fit [limit]\n"));
}

/* A section holds at most 32,768 bytes of text: two blocks of 16,384 fit,
 * a third is refused once, however many follow it. */
static void test_section_text_is_bounded(void)
{
    static char unit[16384 + 3];

    memset(unit, 'x', 16384);
    memcpy(unit + 16384, "\n\n", 3);
    generate("two.pn", unit, 2);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(PNC_PATH " --check "
                                         "-Wno-art13-required "
                                         "-Wno-art13-conditional -Wno-header "
                                         TMP "/two.pn"),
                                  err_text);
    generate("four.pn", unit, 4);
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check " TMP "/four.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/four.pn:11:1: error: this "
                                "block takes the section past 32768 bytes "
                                "of text: split it into subsections "
                                "[limit]\n"));
    TEST_ASSERT_NULL(strstr(err_text, TMP "/four.pn:13:1:"));
}

static void test_a_1_mb_line_is_refused_in_a_few_lines(void)
{
    generate("line.pn", "x", 1L << 20);
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " -o " TMP "/c.c " TMP "/line.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/line.pn:7:1: error: this "
                                "block is 1048576 bytes long; at most 16384 "
                                "fit [limit]\n"));
    TEST_ASSERT_TRUE(strlen(err_text) < 600);
    TEST_ASSERT_NOT_NULL(strstr(err_text, "xxx...\n"));
    TEST_ASSERT_EQUAL_INT(1, run("test -e " TMP "/c.c"));
}

static void test_100000_sections_are_refused(void)
{
    generate("sections.pn", "# S {#s%d}\n\nT.\n\n", 100000);
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check " TMP "/sections.pn"));
    /* Section 65,536 is the first too many; each takes 4 lines. */
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/sections.pn:262147:1: error: "
                                "more than 65535 sections in one notice "
                                "[limit]\n262147 | # S {#s65535}\n"
                                "       | ^\n"));
}

static void test_headings_nested_too_deep_are_refused(void)
{
    generate("deep.pn", "#### H {#h%d}\n\n", 3000);
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check " TMP "/deep.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/deep.pn:7:1: error: headings "
                                "have 1 to 3 '#' [heading-syntax]\n"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: 3000 errors\n"));
}

static void test_repeated_headings_are_warned_about(void)
{
    generate("same.pn", "# Same {#s%d}\n\nSame text.\n\n", 3000);
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --check -Wno-art13-required "
                                 "-Wno-art13-conditional -Wno-header "
                                 TMP "/same.pn 2>&1 | grep -c "
                                 "'section-duplicate]$'"));
    /* One warning for each of the 2999 repeats. */
    TEST_ASSERT_EQUAL_STRING("2999\n", out_text);
}

/* A disk that fills up (a file size limit, the same error to pnc) while
 * pnc writes: exit 2, the old outputs byte for byte, no temp files. */
static void test_full_disk_leaves_the_previous_outputs(void)
{
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " -o " TMP "/cat.c "
                                 "tests/fixtures/good/alpha.en.pn"));
    TEST_ASSERT_EQUAL_INT(0, run("cp " TMP "/cat.c " TMP "/cat.c.old && cp "
                                 TMP "/cat.h " TMP "/cat.h.old"));
    TEST_ASSERT_EQUAL_INT(2, run("trap '' XFSZ; ulimit -f 8; " PNC_PATH
                                 " -o " TMP "/cat.c policies/intech.nb.pn "
                                 "policies/intech.en.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: error: "));
    TEST_ASSERT_EQUAL_INT(0, run("cmp " TMP "/cat.c " TMP "/cat.c.old && cmp "
                                 TMP "/cat.h " TMP "/cat.h.old"));
    TEST_ASSERT_EQUAL_INT(0, run("ls " TMP " | grep -c tmp || true"));
    TEST_ASSERT_EQUAL_STRING("0\n", out_text);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_c_syntax_in_text_compiles_and_reads_back_exactly);
    RUN_TEST(test_kiosk_dump_shows_markdown_as_text);
    RUN_TEST(test_longest_block_fits_and_one_more_byte_does_not);
    RUN_TEST(test_section_text_is_bounded);
    RUN_TEST(test_a_1_mb_line_is_refused_in_a_few_lines);
    RUN_TEST(test_100000_sections_are_refused);
    RUN_TEST(test_headings_nested_too_deep_are_refused);
    RUN_TEST(test_repeated_headings_are_warned_about);
    RUN_TEST(test_full_disk_leaves_the_previous_outputs);
    return UNITY_END();
}
