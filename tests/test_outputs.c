/* What pnc writes and how it reports (issue 18, item 10): the dependency
 * file's escapes, the reason a file cannot be read, and the cap on errors
 * per file. Runs the built pnc. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/outputs-tmp"
#define GOOD "tests/fixtures/good/alpha.en.pn tests/fixtures/good/alpha.nb.pn " \
             "tests/fixtures/good/beta.nn.pn"
#define OTHER "tests/fixtures/good/alpha.en.pn"

static char file_text[RUN_TEXT_SIZE];

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

/* Runs pnc with the arguments `fmt` formats. */
static int run_pnc(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static int run_pnc(const char *fmt, ...)
{
    char command[4096];
    va_list ap;
    int n = snprintf(command, sizeof command, "%s ", PNC_PATH);

    va_start(ap, fmt);
    vsnprintf(command + n, sizeof command - (size_t)n, fmt, ap);
    va_end(ap);
    return run(command);
}

/* ---- 10: dependency file escapes, read errors, the error cap ------------- */

static void test_dependency_file_escapes_what_make_reads(void)
{
    struct utimbuf later;
    char cwd[1024];
    FILE *mk;

    TEST_ASSERT_NOT_NULL(getcwd(cwd, sizeof cwd));
    TEST_ASSERT_EQUAL_INT(0, run("cp " OTHER " '" TMP "/a:b c#d$e.pn'"));
    mk = fopen(TMP "/Makefile", "w");
    TEST_ASSERT_NOT_NULL(mk);
    fprintf(mk, "cat.c: ; %s%s -MD -o $@ 'a:b c#d$$e.pn'\n-include cat.d\n",
            PNC_PATH[0] == '/' ? "" : strcat(cwd, "/"), PNC_PATH);
    fclose(mk);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run("make -s -C " TMP), err_text);
    slurp(TMP "/cat.d", file_text, sizeof file_text);
    TEST_ASSERT_TRUE_MESSAGE(strstr(file_text, "a\\:b\\ c\\#d$$e.pn") != NULL,
                             file_text);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run("make -q -C " TMP), err_text);
    later.actime = later.modtime = time(NULL) + 60;
    TEST_ASSERT_EQUAL_INT(0, utime(TMP "/a:b c#d$e.pn", &later));
    TEST_ASSERT_EQUAL_INT(1, run("make -q -C " TMP));
}

static void test_cannot_read_gives_the_reason(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check " TMP));
    TEST_ASSERT_TRUE_MESSAGE(
        strstr(err_text, "cannot read '" TMP "': Is a directory") != NULL,
        err_text);
}

static int count_of(const char *text, const char *what)
{
    int n = 0;
    for (; (text = strstr(text, what)) != NULL; text++)
        n++;
    return n;
}

static void test_errors_are_capped_per_file(void)
{
    FILE *f = fopen(TMP "/many.pn", "w");
    int i;

    TEST_ASSERT_NOT_NULL(f);
    fputs("---\npolicy: many\n", f);
    for (i = 0; i < 3000; i++)
        fprintf(f, "key%d: value\n", i);
    fputs("---\n", f);
    fclose(f);
    TEST_ASSERT_EQUAL_INT(0, run("cp " TMP "/many.pn " TMP "/more.pn"));

    TEST_ASSERT_EQUAL_INT(1, run_pnc("-fmax-errors=0 --check " TMP
                                     "/many.pn"));
    TEST_ASSERT_TRUE(count_of(err_text, ": error: ") > 3000);
    TEST_ASSERT_NULL(strstr(err_text, "not shown"));

    /* 50 a file by default, then one line each with the rest. */
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check " TMP "/many.pn " TMP
                                     "/more.pn"));
    TEST_ASSERT_EQUAL_INT(100, count_of(err_text, ": error: "));
    TEST_ASSERT_EQUAL_INT(1, count_of(err_text, TMP "/many.pn: note: "));
    TEST_ASSERT_EQUAL_INT(1, count_of(err_text, TMP "/more.pn: note: "));
    TEST_ASSERT_NOT_NULL(strstr(err_text, " more errors not shown "
                                          "(-fmax-errors=50)"));
    TEST_ASSERT_TRUE(strlen(err_text) < 40000);

    TEST_ASSERT_EQUAL_INT(1, run_pnc("-fmax-errors=3 --check " TMP
                                     "/many.pn"));
    TEST_ASSERT_EQUAL_INT(3, count_of(err_text, ": error: "));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-fmax-errors=x --check " TMP
                                     "/many.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "-fmax-errors takes a number"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_dependency_file_escapes_what_make_reads);
    RUN_TEST(test_cannot_read_gives_the_reason);
    RUN_TEST(test_errors_are_capped_per_file);
    return UNITY_END();
}
