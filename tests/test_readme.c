/* README.md's Make snippet works as written: the ```make block is taken
 * from README.md as it stands and becomes the Makefile of a small
 * firmware-style project (tests/readme/main.c, two good fixtures in
 * notices/, a copy of libpn's sources and of pnc in third_party/pnc, the
 * snippet's defaults). make builds it with warnings fatal, and the program
 * prints the notice's title through libpn; a second make does nothing; an
 * edited notice makes pnc run again and the program print the new
 * title. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utime.h>

#include "support.h"
#include "unity.h"

#define WORK BUILD_DIR "/tests/readme-work"
#define NOTICE "notices/alpha.en.pn"
/* make in the project as its owner would run it: not as a part of the
 * make that runs the tests, whose options and variables stay out. */
#define MAKE_IN_WORK "cd " WORK " && unset MAKEFLAGS MFLAGS MAKELEVEL && " \
    MAKE_CMD " CC='" TEST_CC "' CFLAGS='-std=c99 -Wall -Wextra -Wpedantic -Werror'"
#define PNC_RAN "--prefix notices"

static char readme[1 << 17];

void setUp(void)
{
    fresh_dir(WORK);
}

void tearDown(void)
{
}

/* Writes the lines of README.md's ```make block to WORK/Makefile. */
static void write_snippet(void)
{
    const char *start, *end;
    FILE *f;

    TEST_ASSERT_TRUE_MESSAGE(slurp("README.md", readme, sizeof readme) > 0,
                             "README.md cannot be read");
    start = strstr(readme, "\n```make\n");
    TEST_ASSERT_TRUE_MESSAGE(start != NULL, "README.md has no ```make block");
    TEST_ASSERT_TRUE_MESSAGE(strstr(start + 1, "\n```make\n") == NULL,
                             "README.md has more than one ```make block");
    start += strlen("\n```make\n");
    end = strstr(start - 1, "\n```\n");
    TEST_ASSERT_TRUE_MESSAGE(end != NULL,
                             "README.md's ```make block is not closed");
    f = fopen(WORK "/Makefile", "wb");
    TEST_ASSERT_NOT_NULL(f);
    fwrite(start, 1, (size_t)(end + 1 - start), f);
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

/* Runs make in the project, which must succeed and run pnc or not as
 * `runs_pnc` says; `why` is the message if it does not. */
static void make(int runs_pnc, const char *why)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(MAKE_IN_WORK), tail(err_text));
    TEST_ASSERT_TRUE_MESSAGE((strstr(out_text, PNC_RAN) != NULL) == runs_pnc,
                             why);
}

static void check_title(const char *expected)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(WORK "/build/firmware"), err_text);
    TEST_ASSERT_EQUAL_STRING(expected, out_text);
}

static void test_readme_make_snippet_builds_and_rebuilds(void)
{
    struct utimbuf long_ago;

    long_ago.actime = long_ago.modtime = 1000000000;
    write_snippet();
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run("mkdir -p " WORK "/notices " WORK "/third_party/pnc/build && "
               "cp -R runtime " WORK "/third_party/pnc/ && "
               "cp " PNC_PATH " " WORK "/third_party/pnc/build/pnc && "
               "cp tests/readme/main.c " WORK " && "
               "cp tests/fixtures/good/alpha.en.pn "
               "tests/fixtures/good/alpha.nb.pn " WORK "/notices/"),
        err_text);

    make(1, "the first make did not run pnc");
    check_title("Privacy at Alpha\n");

    /* Nothing changed: no command runs. */
    make(0, "pnc ran again with nothing changed");
    TEST_ASSERT_TRUE_MESSAGE(strstr(out_text, " -c ") == NULL,
                             "make compiled again with nothing changed");

    /* An edited notice, newer than the last run of pnc whatever the
     * clock's resolution: pnc runs and the new title shows. */
    TEST_ASSERT_EQUAL_INT(0, utime(WORK "/build/notices.stamp", &long_ago));
    TEST_ASSERT_EQUAL_INT(0, run("sed 's/^title: .*/title: Privacy at Alpha, "
                                 "edited/' tests/fixtures/good/alpha.en.pn >"
                                 WORK "/" NOTICE));
    make(1, "editing a notice did not run pnc");
    check_title("Privacy at Alpha, edited\n");
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_readme_make_snippet_builds_and_rebuilds);
    return UNITY_END();
}
