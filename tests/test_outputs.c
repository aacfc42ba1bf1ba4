/* What pnc writes and refuses to write (issue 18, items 6 to 10): outputs
 * that name an input or each other, a .c and .h that disagree, temp files
 * (unique, never through a symlink, never left behind), the prefix and
 * the header name the C must hold, the dependency file's escapes, the
 * reason a file cannot be read, and the cap on errors per file. Runs the
 * built pnc. */
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
/* Lists what a run left in TMP besides run()'s own out and err. */
#define LEFT_IN_TMP "ls -A " TMP " | grep -v '^out$' | grep -v '^err$'"

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

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    TEST_ASSERT_NOT_NULL(f);
    fputs(text, f);
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

static void assert_holds(const char *path, const char *text)
{
    TEST_ASSERT_TRUE(slurp(path, file_text, sizeof file_text) >= 0);
    TEST_ASSERT_EQUAL_STRING(text, file_text);
}

/* No file in TMP but `expected` (a listing such as "a.c\na.h\n"). */
static void assert_left(const char *expected)
{
    TEST_ASSERT_EQUAL_INT(0, run("(" LEFT_IN_TMP " || true)"));
    TEST_ASSERT_EQUAL_STRING(expected, out_text);
}

/* ---- 6: an output that names an input or another output ----------------- */

static void test_output_naming_an_input_is_refused(void)
{
    static const char *const runs[] = {
        "-o " TMP "/src.pn " TMP "/src.pn",
        "-o " TMP "/x.c --header " TMP "/src.pn " TMP "/src.pn",
        "-o " TMP "/x.c -MF " TMP "/../outputs-tmp/src.pn " TMP "/src.pn",
        "--dump -o " TMP "/src.pn " TMP "/src.pn",
        "-o " TMP "/x.c --languages " TMP "/x.h " TMP "/src.pn",
    };
    size_t i;

    TEST_ASSERT_EQUAL_INT(0, run("cp " OTHER " " TMP "/src.pn && cp "
                                 "policies/languages.txt " TMP "/x.h"));
    slurp(OTHER, file_text, sizeof file_text);
    for (i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        TEST_ASSERT_EQUAL_INT_MESSAGE(2, run_pnc("%s", runs[i]), runs[i]);
        TEST_ASSERT_TRUE_MESSAGE(
            strstr(err_text, "are the same file; pnc would overwrite its "
                             "input") != NULL, err_text);
        TEST_ASSERT_EQUAL_INT(0, run("cmp " OTHER " " TMP "/src.pn && cmp "
                                     "policies/languages.txt " TMP "/x.h"));
        assert_left("src.pn\nx.h\n");
    }
}

static void test_two_outputs_naming_one_file_are_refused(void)
{
    /* The same name, spelled two ways, before the file exists; the
     * default header x.h as the dependency file; two hard links. */
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/x.c --header " TMP "/x.c "
                                     GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "-o '" TMP "/x.c' and --header '"
                                TMP "/x.c' are the same file; give each "
                                "output a name of its own"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/x.c --header " TMP
                                     "/./x.c " GOOD));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/x.c -MF " TMP "/x.h "
                                     GOOD));
    assert_left("");
    TEST_ASSERT_EQUAL_INT(0, run("echo old > " TMP "/a.h && ln " TMP
                                 "/a.h " TMP "/b.d"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/x.c --header " TMP
                                     "/a.h -MF " TMP "/b.d " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--header '" TMP "/a.h' and the "
                                "dependency file '" TMP "/b.d' are the "
                                "same file"));
    assert_holds(TMP "/a.h", "old\n");
    assert_left("a.h\nb.d\n");
}

/* ---- 7: every output checked first; a .c and .h that disagree ---------- */

static void test_header_directory_fails_before_the_c_is_touched(void)
{
    static char before[RUN_TEXT_SIZE];

    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/x.c --header " TMP
                                     "/x.h " OTHER));
    slurp(TMP "/x.c", before, sizeof before);
    TEST_ASSERT_EQUAL_INT(0, run("mkdir " TMP "/dir.h"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/x.c --header " TMP
                                     "/dir.h " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "cannot write '" TMP "/dir.h': "));
    assert_holds(TMP "/x.c", before);
    assert_left("dir.h\nx.c\nx.h\n");
}

static void test_c_with_another_catalogs_header_stops_with_error(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/a.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run("mkdir " TMP "/b"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/b/a.c " OTHER));
    TEST_ASSERT_EQUAL_INT(0, run("cp " TMP "/b/a.h " TMP "/a.h"));
    TEST_ASSERT_TRUE(run(TEST_CC " -std=c99 -c " TMP "/a.c -o " TMP
                         "/a.o") != 0);
    TEST_ASSERT_TRUE_MESSAGE(
        strstr(err_text, "a.h is not the header pnc wrote with this file: "
                         "its PN_CATALOG_CATALOG_ID is not 0x") != NULL,
        err_text);
    TEST_ASSERT_NULL(strstr(err_text, "excess elements"));
    /* The pair pnc wrote compiles, with the data-only include kept. */
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(TEST_CC " -std=c99 -Wall -Wextra -Wpedantic -Werror -c " TMP
               "/b/a.c -o " TMP "/b/a.o"), err_text);
}

/* ---- 8: temp files ------------------------------------------------------- */

static void test_symlink_at_the_old_temp_name_is_not_followed(void)
{
    put_file(TMP "/victim", "keep\n");
    TEST_ASSERT_EQUAL_INT(0, run("ln -s victim " TMP "/x.c.tmp && ln -s "
                                 "victim " TMP "/x.h.tmp"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/x.c " GOOD));
    assert_holds(TMP "/victim", "keep\n");
    assert_left("victim\nx.c\nx.c.tmp\nx.h\nx.h.tmp\n");
}

static void test_no_temp_file_is_left_after_an_error_or_a_signal(void)
{
    /* An output that cannot be replaced, after the others were written. */
    TEST_ASSERT_EQUAL_INT(0, run("mkdir " TMP "/x.d"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-MD -o " TMP "/x.c " GOOD));
    assert_left("x.d\n");
    /* A signal while the .c is written: a file size limit below it makes
     * the write raise SIGXFSZ, which ends pnc as SIGTERM would. */
    TEST_ASSERT_EQUAL_INT(0, run("(ulimit -f 2; exec " PNC_PATH " -o " TMP
                                 "/y.c " GOOD "); true"));
    assert_left("x.d\n");
}

/* Two runs at once on the same outputs, many times: each file is whole
 * from one run, no temp file is left, and a .c beside the other run's .h
 * stops the build with the #error of item 7. Best effort: whether the
 * runs overlap is up to the scheduler. */
static void test_concurrent_runs_do_not_mix_files(void)
{
    int i;

    TEST_ASSERT_EQUAL_INT(0, run("mkdir " TMP "/a " TMP "/b " TMP "/o"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/a/x.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/b/x.c " OTHER));
    for (i = 0; i < 20; i++) {
        TEST_ASSERT_EQUAL_INT_MESSAGE(
            0, run("rm -f " TMP "/o/*; "
                   "for r in 1 2 3 4; do " PNC_PATH " -o " TMP "/o/x.c "
                   GOOD " 2>/dev/null & " PNC_PATH " -o " TMP "/o/x.c "
                   OTHER " 2>/dev/null & done; wait"),
            err_text);
        TEST_ASSERT_EQUAL_INT_MESSAGE(
            0, run("cd " TMP " && ls o && "
                   "{ cmp -s a/x.c o/x.c || cmp -s b/x.c o/x.c; } && "
                   "{ cmp -s a/x.h o/x.h || cmp -s b/x.h o/x.h; }"),
            out_text);
        TEST_ASSERT_EQUAL_STRING("x.c\nx.h\n", out_text);
        if (run("cd " TMP " && { cmp -s a/x.c o/x.c && cmp -s a/x.h "
                "o/x.h; } || { cmp -s b/x.c o/x.c && cmp -s b/x.h "
                "o/x.h; }") != 0) {
            TEST_ASSERT_TRUE(run(TEST_CC " -std=c99 -c " TMP "/o/x.c -o "
                                 TMP "/o.o") != 0);
            TEST_ASSERT_NOT_NULL(strstr(err_text, "is not the header pnc "
                                        "wrote with this file"));
        }
    }
}

/* ---- 9: a prefix and a header name the C can hold ----------------------- */

static void test_prefix_keywords_reserved_names_and_main_are_refused(void)
{
    static const char *const refused[][2] = {
        {"int", "'int' is a C keyword"},
        {"for", "'for' is a C keyword"},
        {"_Bool", "'_Bool' is a C keyword"},
        {"_Catalog", "is reserved"},
        {"__cat", "is reserved"},
        {"_cat", "is reserved"},
        {"main", "clashes with the program's main function"},
        {"9lives", "is not a C identifier"},
        {"a-b", "is not a C identifier"},
    };
    size_t i;

    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        TEST_ASSERT_EQUAL_INT_MESSAGE(
            2, run_pnc("--prefix %s -o " TMP "/x.c " GOOD, refused[i][0]),
            refused[i][0]);
        TEST_ASSERT_TRUE_MESSAGE(strstr(err_text, refused[i][1]) != NULL,
                                 err_text);
    }
    assert_left("");
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--prefix main_notices -o " TMP
                                     "/x.c " GOOD));
}

static void test_header_names_include_cannot_hold_are_refused(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/x.c --header '" TMP
                                     "/we\"ird.h' " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "the header's name 'we\"ird.h' "
                                          "holds a '\"'"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/x.c --header '" TMP
                                     "/back\\slash.h' " GOOD));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/x.c --header '" TMP
                                     "/new\nline.h' " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "control character"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o '" TMP "/we\"ird.c' " GOOD));
    assert_left("");
    /* A space is fine: the pair compiles. */
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o '" TMP "/my cat.c' " GOOD));
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(TEST_CC " -std=c99 -Wall -Wextra -Wpedantic -Werror -c '"
               TMP "/my cat.c' -o " TMP "/cat.o"), err_text);
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
    RUN_TEST(test_output_naming_an_input_is_refused);
    RUN_TEST(test_two_outputs_naming_one_file_are_refused);
    RUN_TEST(test_header_directory_fails_before_the_c_is_touched);
    RUN_TEST(test_c_with_another_catalogs_header_stops_with_error);
    RUN_TEST(test_symlink_at_the_old_temp_name_is_not_followed);
    RUN_TEST(test_no_temp_file_is_left_after_an_error_or_a_signal);
    RUN_TEST(test_concurrent_runs_do_not_mix_files);
    RUN_TEST(test_prefix_keywords_reserved_names_and_main_are_refused);
    RUN_TEST(test_header_names_include_cannot_hold_are_refused);
    RUN_TEST(test_dependency_file_escapes_what_make_reads);
    RUN_TEST(test_cannot_read_gives_the_reason);
    RUN_TEST(test_errors_are_capped_per_file);
    return UNITY_END();
}
