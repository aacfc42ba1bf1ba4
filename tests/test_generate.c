/* Generator tests: the catalog of the small fixtures against a golden
 * dump of it (pnc --dump: every field by name, texts decoded, so a change
 * of the output reads as a diff), the same bytes whatever the order of
 * the inputs, the catalog layout itself, and what the generated .c and .h
 * hold. Run with PNC_UPDATE_GOLDEN=1 to rewrite the golden file after an
 * intended change of the output (then review the diff). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "dump.h"
#include "emit.h"
#include "languages.h"
#include "pack.h"
#include "parse.h"
#include "pn.h"
#include "pn_format.h"
#include "unity.h"

#define FIXTURE_COUNT 4
static const char *const fixture_paths[FIXTURE_COUNT] = {
    "tests/fixtures/good/alpha.en.pn",
    "tests/fixtures/good/alpha.nb.pn",
    "tests/fixtures/good/beta.nn.pn",
    "tests/fixtures/good/gamma.en.pn",
};
#define GOLDEN_DUMP "tests/golden/fixture_catalog.dump"

static source sources[FIXTURE_COUNT];
static mnotice models[FIXTURE_COUNT];
static diag quiet;
static languages langs;    /* policies/languages.txt */

void setUp(void)
{
    source langs_src;
    size_t i;

    diag_init(&quiet, stderr);
    languages_init(&langs);
    TEST_ASSERT_EQUAL_INT(0, source_load(&langs_src, "policies/languages.txt",
                                         &quiet));
    TEST_ASSERT_EQUAL_INT(0, languages_read(&langs, &langs_src, &quiet));
    source_free(&langs_src);
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
    languages_free(&langs);
}

/* Packs the fixtures, taken in the order `order` gives, with pack_catalog()
 * `flags`; `list` gets them sorted. */
static void pack_listed(const int *order, unsigned flags, buf *catalog,
                        mnotice **list)
{
    size_t i;

    for (i = 0; i < FIXTURE_COUNT; i++)
        list[i] = &models[order[i]];
    pack_sort(list, FIXTURE_COUNT);
    TEST_ASSERT_EQUAL_INT(0, pack_catalog(list, FIXTURE_COUNT, &langs, NULL,
                                          flags, 0, &quiet, catalog));
}

static void pack_in_order(const int *order, buf *catalog)
{
    mnotice *list[FIXTURE_COUNT];
    pack_listed(order, 0, catalog, list);
}

static const int file_order[FIXTURE_COUNT] = {0, 1, 2, 3};

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

static void test_dump_matches_golden(void)
{
    buf catalog = {0}, text = {0};

    pack_in_order(file_order, &catalog);
    TEST_ASSERT_EQUAL_INT(PN_OK, dump_catalog(&text, catalog.data,
                                              catalog.len));
    compare_with_golden(GOLDEN_DUMP, &text);
    buf_free(&catalog);
    buf_free(&text);
}

/* Every field of pn_format.h's records is in the dump under its name:
 * the dump follows the field lists, whatever they hold. */
#define TOP_FIELD(f, bytes) "\n  " #f ":",
#define SECTION_FIELD(f, bytes) "\n    " #f ":",
static void test_dump_names_every_field(void)
{
    static const char *const lines[] = {
        PN_HEADER_FIELDS(TOP_FIELD) PN_CODE_HEAD_FIELDS(TOP_FIELD)
        PN_NOTICE_FIELDS(TOP_FIELD) PN_SECTION_FIELDS(SECTION_FIELD)
        PN_LANGUAGE_FIELDS(TOP_FIELD)
    };
    buf catalog = {0}, text = {0};
    size_t i;

    pack_in_order(file_order, &catalog);
    dump_catalog(&text, catalog.data, catalog.len);
    buf_byte(&text, 0);
    for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
        TEST_ASSERT_MESSAGE(strstr((const char *)text.data, lines[i]),
                            lines[i]);
    buf_free(&catalog);
    buf_free(&text);
}

/* The part of a dump after the header and code tables. */
static const char *dump_records(const buf *text)
{
    const char *at = strstr((const char *)text->data, "\nnotice 0:\n");
    TEST_ASSERT_NOT_NULL(at);
    return at;
}

/* libpn reads the same records and texts from a --no-compress catalog. */
static void test_dump_of_plain_catalog_reads_the_same(void)
{
    buf packed = {0}, plain = {0}, packed_text = {0}, plain_text = {0};
    mnotice *list[FIXTURE_COUNT];

    pack_listed(file_order, 0, &packed, list);
    pack_listed(file_order, PACK_PLAIN, &plain, list);
    TEST_ASSERT_EQUAL_INT(PN_OK, dump_catalog(&packed_text, packed.data,
                                              packed.len));
    TEST_ASSERT_EQUAL_INT(PN_OK, dump_catalog(&plain_text, plain.data,
                                              plain.len));
    buf_byte(&packed_text, 0);
    buf_byte(&plain_text, 0);
    TEST_ASSERT_NOT_NULL(strstr((const char *)plain_text.data,
                                "\n  flags: none\n"));
    TEST_ASSERT_NOT_NULL(strstr((const char *)plain_text.data,
                                "\ncode tables: none\n"));
    TEST_ASSERT_EQUAL_STRING(dump_records(&packed_text),
                             dump_records(&plain_text));
    buf_free(&packed);
    buf_free(&plain);
    buf_free(&packed_text);
    buf_free(&plain_text);
}

/* Damaged bytes give a status and a dump that says where, not a crash. */
static void test_dump_of_damaged_catalog_says_so(void)
{
    buf catalog = {0}, text = {0};

    pack_in_order(file_order, &catalog);
    catalog.data[catalog.len - 1] ^= 0xFF;     /* the CRC no longer matches */
    TEST_ASSERT_EQUAL_INT(PN_ERR_CRC, dump_catalog(&text, catalog.data,
                                                   catalog.len));
    buf_byte(&text, 0);
    TEST_ASSERT_NOT_NULL(strstr((const char *)text.data, "<unreadable: "));
    text.len = 0;
    catalog.data[PN_HDR_AT(version, 2)]++;
    TEST_ASSERT_EQUAL_INT(PN_ERR_VERSION, dump_catalog(&text, catalog.data,
                                                       catalog.len));
    buf_free(&catalog);
    buf_free(&text);
}

/* The header pnc writes includes pn.h behind its format check and names
 * the sizes; the .c includes it as data only. (test_cli compiles them;
 * test_runtime checks the sizes against what libpn reads.) */
static void test_emitted_header_and_source(void)
{
    buf catalog = {0}, c_text = {0}, h_text = {0};
    mnotice *list[FIXTURE_COUNT];
    char guard[128];
    static const char *const wanted[] = {
        "\n#ifndef FIXTURE_CATALOG_DATA_ONLY\n#include \"pn.h\"\n",
        "\n#error \"fixture_catalog was made by pnc " PN_VERSION,
        "\n#define FIXTURE_CATALOG_NOTICES 4u ",
        "\n#define FIXTURE_CATALOG_MAX_SECTIONS ",
        "\n#define FIXTURE_CATALOG_MAX_BLOCKS ",
        "\n#define FIXTURE_CATALOG_MAX_TEXT ",
        "\n#define FIXTURE_CATALOG_MAX_CONTACT ",
        "\n#define FIXTURE_CATALOG_MAX_LANGS ",
        "\nextern const unsigned char "
        "fixture_catalog[FIXTURE_CATALOG_SIZE];\n",
    };
    size_t i;

    pack_listed(file_order, 0, &catalog, list);
    emit_source(&c_text, catalog.data, catalog.len, list, FIXTURE_COUNT,
                "fixture_catalog", "fixture_catalog.h");
    emit_header(&h_text, catalog.data, catalog.len, list, FIXTURE_COUNT,
                "fixture_catalog");
    buf_byte(&c_text, 0);
    buf_byte(&h_text, 0);
    snprintf(guard, sizeof guard, "\n#if !defined(PN_CATALOG_FORMAT) || "
             "PN_CATALOG_FORMAT != %u\n#error ", (unsigned)PN_FORMAT_VERSION);
    TEST_ASSERT_NOT_NULL(strstr((const char *)h_text.data, guard));
    for (i = 0; i < sizeof wanted / sizeof wanted[0]; i++)
        TEST_ASSERT_MESSAGE(strstr((const char *)h_text.data, wanted[i]),
                            wanted[i]);
    snprintf(guard, sizeof guard, "\n#define FIXTURE_CATALOG_SIZE %luu ",
             (unsigned long)catalog.len);
    TEST_ASSERT_NOT_NULL(strstr((const char *)h_text.data, guard));
    TEST_ASSERT_NOT_NULL(strstr((const char *)c_text.data,
                                "\n#define FIXTURE_CATALOG_DATA_ONLY "));
    TEST_ASSERT_NOT_NULL(strstr((const char *)c_text.data,
                                "\n#include \"fixture_catalog.h\"\n"));
    buf_free(&catalog);
    buf_free(&c_text);
    buf_free(&h_text);
}

static void test_same_bytes_whatever_the_input_order(void)
{
    static const int orders[][FIXTURE_COUNT] = {
        {0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 2, 0}, {2, 0, 3, 1},
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

static uint32_t u24_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
}

static uint32_t u32_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static void test_catalog_layout(void)
{
    buf catalog = {0};
    const unsigned char *d;
    uint32_t pool;

    pack_in_order(file_order, &catalog);
    d = catalog.data;
    TEST_ASSERT_EQUAL_MEMORY("PNC1", d, 4);
    TEST_ASSERT_EQUAL_UINT32(catalog.len, u32_at(d + PN_HDR_AT(size, 4)));
    TEST_ASSERT_EQUAL_UINT32(4, u32_at(d + PN_HDR_AT(notice_count, 4)));
    TEST_ASSERT_EQUAL_UINT32(PN_HEADER_SIZE, u32_at(d + PN_HDR_AT(notices, 4)));
    pool = u32_at(d + PN_HDR_AT(pool, 4));
    TEST_ASSERT_EQUAL_HEX8(0, d[pool]); /* the empty string at offset 0 */
    /* Sorted by policy, then language: alpha:en, alpha:nb, beta:nn. */
    TEST_ASSERT_EQUAL_STRING("alpha", (const char *)d + pool +
                                          u24_at(d + PN_HEADER_SIZE));
    TEST_ASSERT_EQUAL_STRING("en", (const char *)d + pool +
                                       u24_at(d + PN_HEADER_SIZE +
                                              PN_NOTICE_AT(lang, PN_OFFSET_SIZE)));
    TEST_ASSERT_EQUAL_STRING("beta",
                             (const char *)d + pool +
                                 u24_at(d + PN_HEADER_SIZE + 2 * PN_NOTICE_SIZE));
    buf_free(&catalog);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_dump_matches_golden);
    RUN_TEST(test_dump_names_every_field);
    RUN_TEST(test_dump_of_plain_catalog_reads_the_same);
    RUN_TEST(test_dump_of_damaged_catalog_says_so);
    RUN_TEST(test_emitted_header_and_source);
    RUN_TEST(test_same_bytes_whatever_the_input_order);
    RUN_TEST(test_catalog_layout);
    return UNITY_END();
}
