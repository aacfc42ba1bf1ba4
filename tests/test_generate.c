/* Generator tests: golden output for the small fixtures, the same bytes
 * whatever the order of the inputs, and the catalog layout itself.
 * Run with PNC_UPDATE_GOLDEN=1 to rewrite the golden files after an
 * intended change of the output (then review the diff). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "emit.h"
#include "pack.h"
#include "parse.h"
#include "pn.h"
#include "pn_format.h"
#include "unity.h"

#define FIXTURE_COUNT 3
static const char *const fixture_paths[FIXTURE_COUNT] = {
    "tests/fixtures/good/alpha.en.pn",
    "tests/fixtures/good/alpha.nb.pn",
    "tests/fixtures/good/beta.nn.pn",
};
#define GOLDEN_C "tests/golden/fixture_catalog.c"
#define GOLDEN_H "tests/golden/fixture_catalog.h"

static source sources[FIXTURE_COUNT];
static mnotice models[FIXTURE_COUNT];
static diag quiet;

void setUp(void)
{
    size_t i;
    diag_init(&quiet, stderr);
    for (i = 0; i < FIXTURE_COUNT; i++) {
        TEST_ASSERT_EQUAL_INT(0, source_load(&sources[i], fixture_paths[i],
                                             &quiet));
        TEST_ASSERT_EQUAL_INT(0, parse_notice(&sources[i], &quiet, &models[i]));
    }
}

void tearDown(void)
{
    size_t i;
    for (i = 0; i < FIXTURE_COUNT; i++) {
        notice_free(&models[i]);
        source_free(&sources[i]);
    }
}

/* Packs the fixtures, taken in the order `order` gives. */
static void pack_in_order(const int *order, buf *catalog)
{
    mnotice *list[FIXTURE_COUNT];
    size_t i;

    for (i = 0; i < FIXTURE_COUNT; i++)
        list[i] = &models[order[i]];
    pack_sort(list, FIXTURE_COUNT);
    TEST_ASSERT_EQUAL_INT(0, pack_catalog(list, FIXTURE_COUNT, NULL, 0, &quiet, catalog));
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    buf b = {0};
    char chunk[4096];
    size_t n;

    if (!f)
        return NULL;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    fclose(f);
    buf_byte(&b, 0);
    *len = b.len - 1;
    return (char *)b.data;
}

static void compare_with_golden(const char *path, const buf *made)
{
    size_t len = 0;
    char *golden;

    if (getenv("PNC_UPDATE_GOLDEN")) {
        FILE *f = fopen(path, "wb");
        TEST_ASSERT_NOT_NULL(f);
        fwrite(made->data, 1, made->len, f);
        fclose(f);
    }
    golden = read_file(path, &len);
    TEST_ASSERT_MESSAGE(golden != NULL, path);
    TEST_ASSERT_EQUAL_size_t(len, made->len);
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(golden, made->data, len, path);
    free(golden);
}

static void test_golden_output(void)
{
    static const int order[FIXTURE_COUNT] = {0, 1, 2};
    buf catalog = {0}, c_text = {0}, h_text = {0};
    mnotice *list[FIXTURE_COUNT];
    size_t i;

    pack_in_order(order, &catalog);
    for (i = 0; i < FIXTURE_COUNT; i++)
        list[i] = &models[i];
    pack_sort(list, FIXTURE_COUNT);
    emit_source(&c_text, catalog.data, catalog.len, list, FIXTURE_COUNT,
                "fixture_catalog", "fixture_catalog.h");
    emit_header(&h_text, catalog.len, "fixture_catalog");
    compare_with_golden(GOLDEN_C, &c_text);
    compare_with_golden(GOLDEN_H, &h_text);
    buf_free(&catalog);
    buf_free(&c_text);
    buf_free(&h_text);
}

static void test_same_bytes_whatever_the_input_order(void)
{
    static const int orders[][FIXTURE_COUNT] = {
        {0, 1, 2}, {2, 1, 0}, {1, 2, 0}, {2, 0, 1},
    };
    buf first = {0};
    size_t i;

    pack_in_order(orders[0], &first);
    for (i = 1; i < sizeof orders / sizeof orders[0]; i++) {
        buf other = {0};
        pack_in_order(orders[i], &other);
        TEST_ASSERT_EQUAL_size_t(first.len, other.len);
        TEST_ASSERT_EQUAL_MEMORY(first.data, other.data, first.len);
        buf_free(&other);
    }
    buf_free(&first);
}

static uint32_t u32_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static void test_catalog_layout(void)
{
    static const int order[FIXTURE_COUNT] = {0, 1, 2};
    buf catalog = {0};
    const unsigned char *d;
    uint32_t pool;

    pack_in_order(order, &catalog);
    d = catalog.data;
    TEST_ASSERT_EQUAL_MEMORY("PNC1", d, 4);
    TEST_ASSERT_EQUAL_UINT32(catalog.len, u32_at(d + PN_HDR_AT(size, 4)));
    TEST_ASSERT_EQUAL_UINT32(3, u32_at(d + PN_HDR_AT(notice_count, 4)));
    TEST_ASSERT_EQUAL_UINT32(PN_HEADER_SIZE, u32_at(d + PN_HDR_AT(notices, 4)));
    pool = u32_at(d + PN_HDR_AT(pool, 4));
    TEST_ASSERT_EQUAL_HEX8(0, d[pool]); /* the empty string at offset 0 */
    /* Sorted by policy, then language: alpha:en, alpha:nb, beta:nn. */
    TEST_ASSERT_EQUAL_STRING("alpha", (const char *)d + pool +
                                          u32_at(d + PN_HEADER_SIZE));
    TEST_ASSERT_EQUAL_STRING("en", (const char *)d + pool +
                                       u32_at(d + PN_HEADER_SIZE + PN_NOTICE_AT(lang, 4)));
    TEST_ASSERT_EQUAL_STRING("beta",
                             (const char *)d + pool +
                                 u32_at(d + PN_HEADER_SIZE + 2 * PN_NOTICE_SIZE));
    buf_free(&catalog);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_golden_output);
    RUN_TEST(test_same_bytes_whatever_the_input_order);
    RUN_TEST(test_catalog_layout);
    return UNITY_END();
}
