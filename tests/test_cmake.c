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

#ifndef PNC_PATH
#define PNC_PATH "build/pnc"
#endif
#ifndef BUILD_DIR
#define BUILD_DIR "build"
#endif
#ifndef TEST_CC
#define TEST_CC "cc"
#endif

#define WORK BUILD_DIR "/tests/cmake-work"
#define BUILD_TREE BUILD_DIR "/tests/cmake-build"
#define FIXTURE "tests/fixtures/good/alpha.en.pn"
#define NOTICE WORK "/alpha.en.pn"
#define PNC_RAN "pnc: compiling 1 notice(s) into notices.c"

static char log_text[65536];
static char out_text[4096];
static char top[4096];

void setUp(void)
{
}

void tearDown(void)
{
}

static int have(const char *tool)
{
    char command[256];

    snprintf(command, sizeof command, "command -v %s >/dev/null 2>&1", tool);
    return system(command) == 0;
}

/* Runs a shell command with its output in `into`; returns its status. */
static int run(const char *command, char *into, size_t size)
{
    char line[16384 + 256];
    int status;

    snprintf(line, sizeof line, "%s >" WORK "/log 2>&1", command);
    status = system(line);
    slurp(WORK "/log", into, size);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The end of a long text, where a failed build says why. */
static const char *tail(const char *text)
{
    size_t len = strlen(text);
    return len > 300 ? text + len - 300 : text;
}

/* Builds the project, which must succeed; the log is in log_text. */
static void build(void)
{
    int status = run("cmake --build " BUILD_TREE, log_text, sizeof log_text);

    TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, tail(log_text));
}

static void check_title(const char *expected)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(BUILD_TREE "/show_title", out_text,
                                         sizeof out_text),
                                  "show_title failed");
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

/* `path` made absolute (the build tree is elsewhere) into `out`. */
static const char *absolute(const char *path, char *out, size_t size)
{
    if (path[0] == '/')
        snprintf(out, size, "%s", path);
    else
        snprintf(out, size, "%s/%s", top, path);
    return out;
}

static void test_cmake_module_builds_and_rebuilds(void)
{
    char command[16384], pnc[4200], notice[4200];
    int status;

    if (!have("cmake")) {
        TEST_IGNORE_MESSAGE("skipped: cmake not found");
        return;
    }
    TEST_ASSERT_NOT_NULL(getcwd(top, sizeof top));
    TEST_ASSERT_EQUAL_INT(0, system("rm -rf " WORK " " BUILD_TREE
                                    " && mkdir -p " WORK));
    write_notice("Privacy at Alpha");

    snprintf(command, sizeof command,
             "CC='%s' cmake -S tests/cmake -B " BUILD_TREE
             " -DPNC_EXECUTABLE='%s' -DPN_NOTICES='%s'", TEST_CC,
             absolute(PNC_PATH, pnc, sizeof pnc),
             absolute(NOTICE, notice, sizeof notice));
    status = run(command, log_text, sizeof log_text);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, tail(log_text));
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(log_text, PNC_RAN) != NULL,
                             "the first build did not run pnc");
    check_title("Privacy at Alpha\n");

    /* Nothing changed: nothing to do. */
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(log_text, PNC_RAN) == NULL,
                             "pnc ran again with nothing changed");

    /* Touched: pnc runs again (and leaves its unchanged output). */
    TEST_ASSERT_EQUAL_INT(0, utime(NOTICE, NULL));
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(log_text, PNC_RAN) != NULL,
                             "touching the .pn did not run pnc");
    check_title("Privacy at Alpha\n");
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(log_text, PNC_RAN) == NULL,
                             "pnc ran on every build after a touch");

    /* Edited: the program shows the new title. */
    write_notice("Privacy at Alpha, edited");
    build();
    TEST_ASSERT_TRUE_MESSAGE(strstr(log_text, PNC_RAN) != NULL,
                             "editing the .pn did not run pnc");
    check_title("Privacy at Alpha, edited\n");
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_cmake_module_builds_and_rebuilds);
    return UNITY_END();
}
