#include "unity.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

static struct {
    const char *file;
    const char *test;
    unsigned tests, failures, ignored;
    int current_failed, current_ignored;
    jmp_buf abort_test;
} state;

void UnityBegin(const char *file)
{
    memset(&state, 0, sizeof state);
    state.file = file;
}

int UnityEnd(void)
{
    printf("\n-----------------------\n%u Tests %u Failures %u Ignored\n%s\n",
           state.tests, state.failures, state.ignored,
           state.failures ? "FAIL" : "OK");
    return (int)state.failures;
}

void UnityDefaultTestRun(void (*test)(void), const char *name, int line)
{
    state.test = name;
    state.current_failed = 0;
    state.current_ignored = 0;
    state.tests++;
    if (setjmp(state.abort_test) == 0) {
        setUp();
        test();
    }
    if (setjmp(state.abort_test) == 0)
        tearDown();
    if (state.current_failed)
        state.failures++;
    else if (state.current_ignored)
        state.ignored++;
    else
        printf("%s:%d:%s:PASS\n", state.file, line, name);
    fflush(stdout);
}

static void end_test(const char *verdict, const char *message, int line)
{
    printf("%s:%d:%s:%s%s%s\n", state.file, line, state.test, verdict,
           message ? ": " : "", message ? message : "");
    longjmp(state.abort_test, 1);
}

void UnityFail(const char *message, int line)
{
    state.current_failed = 1;
    end_test("FAIL", message, line);
}

void UnityIgnore(const char *message, int line)
{
    state.current_ignored = 1;
    end_test("IGNORE", message, line);
}

void UnityMessage(const char *message, int line)
{
    printf("%s:%d:%s:INFO: %s\n", state.file, line,
           state.test ? state.test : "-", message);
}

static void fail_with(char *text, const char *message, int line)
{
    if (message) {
        size_t used = strlen(text);
        snprintf(text + used, 512 - used, " Message: %s", message);
    }
    UnityFail(text, line);
}

void UnityAssertEqualNumber(long long expected, long long actual,
                            const char *message, int line)
{
    char text[512];
    if (expected == actual)
        return;
    snprintf(text, sizeof text, "Expected %lld Was %lld", expected, actual);
    fail_with(text, message, line);
}

void UnityAssertCompare(long long threshold, long long actual, int greater,
                        const char *message, int line)
{
    char text[512];
    if (greater ? actual >= threshold : actual <= threshold)
        return;
    snprintf(text, sizeof text, "Expected %s %lld Was %lld",
             greater ? "greater than or equal to" : "less than or equal to",
             threshold, actual);
    fail_with(text, message, line);
}

void UnityAssertEqualString(const char *expected, const char *actual,
                            const char *message, int line)
{
    char text[512];
    if (expected && actual && strcmp(expected, actual) == 0)
        return;
    if (!expected && !actual)
        return;
    snprintf(text, sizeof text, "Expected \"%.200s\" Was \"%.200s\"",
             expected ? expected : "(null)", actual ? actual : "(null)");
    fail_with(text, message, line);
}

void UnityAssertEqualMemory(const void *expected, const void *actual,
                            size_t len, const char *message, int line)
{
    const unsigned char *e = expected, *a = actual;
    char text[512];
    size_t i;

    if (!expected || !actual) {
        snprintf(text, sizeof text, "Expected Non-NULL memory");
        fail_with(text, message, line);
    }
    for (i = 0; i < len; i++) {
        if (e[i] != a[i]) {
            snprintf(text, sizeof text,
                     "Memory Mismatch at byte %lu: Expected 0x%02X Was 0x%02X",
                     (unsigned long)i, e[i], a[i]);
            fail_with(text, message, line);
        }
    }
}
