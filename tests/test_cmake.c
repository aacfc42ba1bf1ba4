/* The CMake module cmake/pnc.cmake, through the small project in
 * tests/cmake: it configures, builds and runs (printing a notice's title);
 * a second build runs nothing; touching the .pn runs pnc again; editing it
 * changes what the program prints. The project compiles a copy of a good
 * fixture, so the fixtures themselves are never touched. Ignored, saying
 * so, when cmake is not on the PATH. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "support.h"
#include "unity.h"

#define WORK BUILD_DIR "/tests/cmake-work"
#define BUILD_TREE BUILD_DIR "/tests/cmake-build"
#define FIXTURE "tests/fixtures/good/alpha.en.pn"
#define NOTICE WORK "/alpha.en.pn"
#define PNC_RAN "pnc: compiling 1 notice(s) into notices.c"

void setUp(void)
{
    fresh_dir(WORK);
}

void tearDown(void)
{
}

/* Builds the project, which must succeed; the log is in out_text. */
static void build(void)
{
    int status = run("cmake --build " BUILD_TREE " 2>&1");

    TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, tail(out_text));
}

static void check_title(const char *expected)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(BUILD_TREE "/show_title"),
                                  err_text);
    TEST_ASSERT_EQUAL_STRING(expected, out_text);
}

static void write_notice(const char *title)
{
    FILE *in = fopen(FIXTURE, "rb");
    FILE *out = fopen(NOTICE, "wb");
    char line[1024];

    TEST_ASSERT_NOT_NULL(in);
    TEST_ASSERT_NOT_NULL(out);
    while (fgets(line, sizeof line, in)) {
        if (strncmp(line, "title: ", 7) == 0)
            fprintf(out, "title: %s\n", title);
        else
            fputs(line, out);
    }
    fclose(in);
    TEST_ASSERT_EQUAL_INT(0, fclose(out));
}

static void test_cmake_module_builds_and_rebuilds(void)
{
    char command[16384], pnc[4200], notice[4200];
    int status;

    if (!have("cmake")) {
        TEST_IGNORE_MESSAGE("skipped: cmake not found");
        return;
    }
    TEST_ASSERT_EQUAL_INT(0, system("rm -rf " BUILD_TREE));
    write_notice("Privacy at Alpha");

    snprintf(command, sizeof command,
             "CC='%s' cmake -S tests/cmake -B " BUILD_TREE
             " -DPNC_EXECUTABLE='%s' -DPN_NOTICES='%s'", TEST_CC,
             absolute(PNC_PATH, pnc, sizeof pnc),
             absolute(NOTICE, notice, sizeof notice));
    status = run(command);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, tail(err_text));
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(out_text, PNC_RAN) != NULL,
                             "the first build did not run pnc");
    check_title("Privacy at Alpha\n");

    /* Nothing changed: nothing to do. */
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(out_text, PNC_RAN) == NULL,
                             "pnc ran again with nothing changed");

    /* Touched: pnc runs again (and leaves its unchanged output). */
    TEST_ASSERT_EQUAL_INT(0, utime(NOTICE, NULL));
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(out_text, PNC_RAN) != NULL,
                             "touching the .pn did not run pnc");
    check_title("Privacy at Alpha\n");
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(out_text, PNC_RAN) == NULL,
                             "pnc ran on every build after a touch");

    /* Edited: the program shows the new title. */
    write_notice("Privacy at Alpha, edited");
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(out_text, PNC_RAN) != NULL,
                             "editing the .pn did not run pnc");
    check_title("Privacy at Alpha, edited\n");
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_cmake_module_builds_and_rebuilds);
    return UNITY_END();
}
