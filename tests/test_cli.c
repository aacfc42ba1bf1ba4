/* pnc's command line: exit statuses, diagnostics for every bad fixture,
 * outputs that are never half-written, untouched when unchanged, and the
 * same whatever the order of the inputs. Runs the built pnc. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <utime.h>

#include "unity.h"

#ifndef PNC_PATH
#define PNC_PATH "build/pnc"
#endif
#ifndef BUILD_DIR
#define BUILD_DIR "build"
#endif
#ifndef TEST_CC
#define TEST_CC "cc"
#endif

#define TMP BUILD_DIR "/tests/cli-tmp"
#define GOOD "tests/fixtures/good/alpha.en.pn tests/fixtures/good/alpha.nb.pn " \
             "tests/fixtures/good/beta.nn.pn"
#define GOOD_REVERSED "tests/fixtures/good/beta.nn.pn " \
                      "tests/fixtures/good/alpha.nb.pn tests/fixtures/good/alpha.en.pn"

static char out_text[65536];
static char err_text[65536];

void setUp(void)
{
    TEST_ASSERT_EQUAL_INT(0, system("rm -rf " TMP " && mkdir -p " TMP));
}

void tearDown(void)
{
}

static void slurp(const char *path, char *into, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;
    if (f) {
        n = fread(into, 1, size - 1, f);
        fclose(f);
    }
    into[n] = '\0';
}

/* Runs a shell command, keeping its stdout and stderr; returns its exit
 * status. */
static int run(const char *command)
{
    char line[4096];
    int status;

    snprintf(line, sizeof line, "%s >" TMP "/out 2>" TMP "/err", command);
    status = system(line);
    slurp(TMP "/out", out_text, sizeof out_text);
    slurp(TMP "/err", err_text, sizeof err_text);
    TEST_ASSERT_TRUE_MESSAGE(WIFEXITED(status), command);
    return WEXITSTATUS(status);
}

static int run_pnc(const char *args)
{
    char command[4096];
    snprintf(command, sizeof command, "%s %s", PNC_PATH, args);
    return run(command);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int same_files(const char *a, const char *b)
{
    char command[1024];
    snprintf(command, sizeof command, "cmp -s %s %s", a, b);
    return system(command) == 0;
}

/* ---- Options and exit statuses ------------------------------------------ */

static void test_help_and_version(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--help"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "Usage: pnc [OPTION]... FILE..."));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "--check"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-h"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--version"));
    TEST_ASSERT_EQUAL_MEMORY("pnc 0.", out_text, 6);
}

static void test_usage_errors_exit_2(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc(""));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: error: no input files"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--frobnicate " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "unknown option --frobnicate"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc(GOOD " -o"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "missing value after -o"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc(GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "no output"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--prefix 9lives -o " TMP "/c.c " GOOD));
    TEST_ASSERT_FALSE(file_exists(TMP "/c.c"));
}

static void test_missing_input_exits_2(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check " TMP "/nowhere.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "cannot open '" TMP "/nowhere.pn'"));
}

static void test_unwritable_output_exits_2_and_leaves_nothing(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/no/such/dir/c.c " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "cannot create"));
    TEST_ASSERT_EQUAL_INT(0, run("ls -A " TMP " | grep -v '^out$' | grep -v '^err$' | wc -l"));
    TEST_ASSERT_EQUAL_STRING("0\n", out_text);
}

static void test_check_writes_nothing(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check -o " TMP "/c.c " GOOD));
    TEST_ASSERT_EQUAL_STRING("", err_text);
    TEST_ASSERT_FALSE(file_exists(TMP "/c.c"));
    TEST_ASSERT_FALSE(file_exists(TMP "/c.h"));
}

/* ---- Outputs -------------------------------------------------------------- */

static void test_writes_c_and_header(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c --prefix my_notices " GOOD));
    TEST_ASSERT_TRUE(file_exists(TMP "/cat.c"));
    TEST_ASSERT_TRUE(file_exists(TMP "/cat.h"));
    slurp(TMP "/cat.h", out_text, sizeof out_text);
    TEST_ASSERT_NOT_NULL(strstr(out_text, "#define MY_NOTICES_SIZE "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "extern const unsigned char my_notices[MY_NOTICES_SIZE];"));
    slurp(TMP "/cat.c", out_text, sizeof out_text);
    TEST_ASSERT_NOT_NULL(strstr(out_text, "#include \"cat.h\""));
    TEST_ASSERT_FALSE(file_exists(TMP "/cat.c.tmp"));
}

static void test_generated_c_compiles_cleanly(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c --header " TMP "/other.h " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run(TEST_CC " -std=c99 -Wall -Wextra -Wpedantic -Werror"
                                 " -c " TMP "/cat.c -o " TMP "/cat.o"));
}

static void test_same_output_whatever_the_input_order(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/a.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/b.c --header " TMP "/a2.h " GOOD_REVERSED));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/b.c --header " TMP "/a.h " GOOD_REVERSED));
    TEST_ASSERT_TRUE(same_files(TMP "/a.c", TMP "/b.c"));
}

static void test_unchanged_output_is_not_rewritten(void)
{
    struct utimbuf old = {1000000000, 1000000000};
    struct stat st;

    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, utime(TMP "/cat.c", &old));
    TEST_ASSERT_EQUAL_INT(0, utime(TMP "/cat.h", &old));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, stat(TMP "/cat.c", &st));
    TEST_ASSERT_EQUAL_INT(1000000000, (long)st.st_mtime);
    TEST_ASSERT_EQUAL_INT(0, stat(TMP "/cat.h", &st));
    TEST_ASSERT_EQUAL_INT(1000000000, (long)st.st_mtime);

    /* A change of the input rewrites them. */
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c tests/fixtures/good/beta.nn.pn"));
    TEST_ASSERT_EQUAL_INT(0, stat(TMP "/cat.c", &st));
    TEST_ASSERT_TRUE(st.st_mtime != 1000000000);
}

/* ---- Bad input: every fixture in tests/fixtures/bad ----------------------- */

/* Each NAME.pn has NAME.err holding the first line pnc must print. The
 * previous outputs must survive byte for byte. */
static void check_bad_fixture(const char *name)
{
    char args[1024], expected[1024], message[1200];
    size_t len;

    snprintf(args, sizeof args, "tests/fixtures/bad/%s.err", name);
    slurp(args, expected, sizeof expected);
    len = strcspn(expected, "\n");
    expected[len] = '\0';
    TEST_ASSERT_TRUE_MESSAGE(len > 0, "missing .err file");

    snprintf(args, sizeof args, "-o " TMP "/cat.c tests/fixtures/good/beta.nn.pn"
             " tests/fixtures/bad/%s.pn", name);
    TEST_ASSERT_EQUAL_INT_MESSAGE(1, run_pnc(args), name);
    snprintf(message, sizeof message, "%.100s: pnc printed:\n%.1000s", name,
             err_text);
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(expected, err_text, len, message);
    TEST_ASSERT_EQUAL_INT_MESSAGE('\n', err_text[len], message);
    TEST_ASSERT_TRUE_MESSAGE(same_files(TMP "/cat.c", TMP "/saved.c"), name);
    TEST_ASSERT_TRUE_MESSAGE(same_files(TMP "/cat.h", TMP "/saved.h"), name);
    TEST_ASSERT_FALSE(file_exists(TMP "/cat.c.tmp"));
}

static void test_every_bad_fixture_is_refused(void)
{
    DIR *dir = opendir("tests/fixtures/bad");
    struct dirent *entry;
    unsigned checked = 0;

    TEST_ASSERT_NOT_NULL(dir);
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run("cp " TMP "/cat.c " TMP "/saved.c && cp "
                                 TMP "/cat.h " TMP "/saved.h"));
    while ((entry = readdir(dir)) != NULL) {
        char name[256];
        size_t len = strlen(entry->d_name);
        if (len < 4 || len >= sizeof name ||
            strcmp(entry->d_name + len - 3, ".pn") != 0)
            continue;
        memcpy(name, entry->d_name, len - 3);
        name[len - 3] = '\0';
        check_bad_fixture(name);
        checked++;
    }
    closedir(dir);
    TEST_ASSERT_GREATER_OR_EQUAL(10, checked);
}

static void test_errors_in_several_files_all_reported(void)
{
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check tests/fixtures/bad/unknown-key.pn "
                                     "tests/fixtures/bad/unknown-topic.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "unknown-key.pn:5:1: error"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "unknown-topic.pn:6:17: error"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: 2 errors"));
}

static void test_same_notice_twice_is_an_error(void)
{
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check tests/fixtures/good/beta.nn.pn "
                                     "tests/fixtures/good/beta.nn.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "policy 'beta' in language 'nn' is defined twice"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_help_and_version);
    RUN_TEST(test_usage_errors_exit_2);
    RUN_TEST(test_missing_input_exits_2);
    RUN_TEST(test_unwritable_output_exits_2_and_leaves_nothing);
    RUN_TEST(test_check_writes_nothing);
    RUN_TEST(test_writes_c_and_header);
    RUN_TEST(test_generated_c_compiles_cleanly);
    RUN_TEST(test_same_output_whatever_the_input_order);
    RUN_TEST(test_unchanged_output_is_not_rewritten);
    RUN_TEST(test_every_bad_fixture_is_refused);
    RUN_TEST(test_errors_in_several_files_all_reported);
    RUN_TEST(test_same_notice_twice_is_an_error);
    return UNITY_END();
}
