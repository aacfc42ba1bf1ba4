/* unity.h: the project's own small harness offering the subset of the
 * Unity test API (ThrowTheSwitch.org) that pnc's tests use, with the same
 * names and meaning. Build with UNITY_DIR=/path/to/Unity/src to run the
 * same tests against the real Unity instead.
 *
 * A failed assertion ends the running test (as in Unity). UNITY_END()
 * prints Unity's summary line, "N Tests F Failures I Ignored", and returns
 * the number of failures. */
#ifndef UNITY_H
#define UNITY_H

#include <stddef.h>

void setUp(void);
void tearDown(void);

void UnityBegin(const char *file);
int UnityEnd(void);
void UnityDefaultTestRun(void (*test)(void), const char *name, int line);
void UnityFail(const char *message, int line);
void UnityIgnore(const char *message, int line);
void UnityMessage(const char *message, int line);
void UnityAssertEqualNumber(long long expected, long long actual,
                            const char *message, int line);
void UnityAssertEqualString(const char *expected, const char *actual,
                            const char *message, int line);
void UnityAssertEqualMemory(const void *expected, const void *actual,
                            size_t len, const char *message, int line);
void UnityAssertCompare(long long threshold, long long actual, int greater,
                        const char *message, int line);

#define UNITY_BEGIN() UnityBegin(__FILE__)
#define UNITY_END() UnityEnd()
#define RUN_TEST(func) UnityDefaultTestRun(func, #func, __LINE__)

#define TEST_FAIL_MESSAGE(message) UnityFail((message), __LINE__)
#define TEST_FAIL() UnityFail(NULL, __LINE__)
#define TEST_IGNORE_MESSAGE(message) UnityIgnore((message), __LINE__)
#define TEST_MESSAGE(message) UnityMessage((message), __LINE__)

#define TEST_ASSERT_MESSAGE(condition, message)                               \
    do {                                                                      \
        if (!(condition))                                                     \
            UnityFail((message), __LINE__);                                   \
    } while (0)
#define TEST_ASSERT(condition) TEST_ASSERT_MESSAGE(condition, "Expression Evaluated To FALSE")
#define TEST_ASSERT_TRUE(condition) TEST_ASSERT_MESSAGE(condition, "Expected TRUE Was FALSE")
#define TEST_ASSERT_FALSE(condition) TEST_ASSERT_MESSAGE(!(condition), "Expected FALSE Was TRUE")
#define TEST_ASSERT_TRUE_MESSAGE(condition, message) TEST_ASSERT_MESSAGE(condition, message)
#define TEST_ASSERT_FALSE_MESSAGE(condition, message) TEST_ASSERT_MESSAGE(!(condition), message)
#define TEST_ASSERT_NULL(pointer) TEST_ASSERT_MESSAGE((pointer) == NULL, "Expected NULL")
#define TEST_ASSERT_NOT_NULL(pointer) TEST_ASSERT_MESSAGE((pointer) != NULL, "Expected Non-NULL")

#define TEST_ASSERT_EQUAL_INT_MESSAGE(expected, actual, message)              \
    UnityAssertEqualNumber((long long)(expected), (long long)(actual),        \
                           (message), __LINE__)
#define TEST_ASSERT_EQUAL_INT(expected, actual) TEST_ASSERT_EQUAL_INT_MESSAGE(expected, actual, NULL)
#define TEST_ASSERT_EQUAL(expected, actual) TEST_ASSERT_EQUAL_INT(expected, actual)
#define TEST_ASSERT_EQUAL_UINT(expected, actual) TEST_ASSERT_EQUAL_INT(expected, actual)
#define TEST_ASSERT_EQUAL_UINT32(expected, actual) TEST_ASSERT_EQUAL_INT(expected, actual)
#define TEST_ASSERT_EQUAL_size_t(expected, actual) TEST_ASSERT_EQUAL_INT(expected, actual)
#define TEST_ASSERT_EQUAL_HEX8(expected, actual) TEST_ASSERT_EQUAL_INT(expected, actual)
#define TEST_ASSERT_EQUAL_HEX32(expected, actual) TEST_ASSERT_EQUAL_INT(expected, actual)
#define TEST_ASSERT_EQUAL_UINT_MESSAGE(expected, actual, message) TEST_ASSERT_EQUAL_INT_MESSAGE(expected, actual, message)

#define TEST_ASSERT_GREATER_OR_EQUAL(threshold, actual)                       \
    UnityAssertCompare((long long)(threshold), (long long)(actual), 1, NULL,  \
                       __LINE__)
#define TEST_ASSERT_LESS_OR_EQUAL(threshold, actual)                          \
    UnityAssertCompare((long long)(threshold), (long long)(actual), 0, NULL,  \
                       __LINE__)

#define TEST_ASSERT_EQUAL_STRING_MESSAGE(expected, actual, message)           \
    UnityAssertEqualString((expected), (actual), (message), __LINE__)
#define TEST_ASSERT_EQUAL_STRING(expected, actual) TEST_ASSERT_EQUAL_STRING_MESSAGE(expected, actual, NULL)
#define TEST_ASSERT_EQUAL_MEMORY_MESSAGE(expected, actual, len, message)      \
    UnityAssertEqualMemory((expected), (actual), (len), (message), __LINE__)
#define TEST_ASSERT_EQUAL_MEMORY(expected, actual, len) TEST_ASSERT_EQUAL_MEMORY_MESSAGE(expected, actual, len, NULL)

#endif
