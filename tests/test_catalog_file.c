/* Catalogs as files (pnc --format bin): the same bytes as the C array,
 * --catalog-version in the header, the kiosk showing a file's notices
 * exactly as the built-in ones, and every damaged, truncated, empty or
 * foreign file refused with its own one-line message; the example loader
 * (examples/loader) refuses a downgrade. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pn.h"
#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/catalog-file-tmp"
#define KIOSK BUILD_DIR "/kiosk"
#define BIN TMP "/notices.pnc"
#define BAD TMP "/bad.pnc"

static unsigned char bytes[1 << 20];
static char expected[RUN_TEXT_SIZE];

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

static void make_bin(const char *extra)
{
    char command[1024];

    snprintf(command, sizeof command,
             "%s --format bin %s -o " BIN " policies/*.pn", PNC_PATH, extra);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), tail(err_text));
}

static long read_file(const char *path, unsigned char *into, size_t size)
{
    FILE *f = fopen(path, "rb");
    long n;

    TEST_ASSERT_TRUE_MESSAGE((f) != NULL, path);
    n = (long)fread(into, 1, size, f);
    fclose(f);
    return n;
}

static void write_file(const char *path, const unsigned char *data,
                       size_t size)
{
    FILE *f = fopen(path, "wb");

    TEST_ASSERT_TRUE_MESSAGE((f) != NULL, path);
    TEST_ASSERT_EQUAL_INT(size, fwrite(data, 1, size, f));
    fclose(f);
}

static void test_bin_is_the_c_array(void)
{
    pn_catalog cat;
    long n;

    make_bin("");
    n = read_file(BIN, bytes, sizeof bytes);
    TEST_ASSERT_EQUAL_INT(PN_BUNDLED_SIZE, n);
    TEST_ASSERT_EQUAL_MEMORY(pn_bundled, bytes, PN_BUNDLED_SIZE);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, bytes, (size_t)n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_verify(&cat));
    TEST_ASSERT_EQUAL_UINT32(0, cat.catalog_version);
}

static void test_catalog_version(void)
{
    pn_catalog cat;
    long n;

    make_bin("--catalog-version 4000000000");
    n = read_file(BIN, bytes, sizeof bytes);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, bytes, (size_t)n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_verify(&cat));
    TEST_ASSERT_EQUAL_UINT32(4000000000u, cat.catalog_version);
    /* The C output carries it too. */
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --catalog-version=12 -o " TMP
                                 "/c.c policies/*.pn"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --catalog-version 4294967296 "
                                 "--format bin -o " BIN " policies/*.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--catalog-version takes"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --catalog-version -1 --format "
                                 "bin -o " BIN " policies/*.pn"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --format hex -o " BIN
                                 " policies/*.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--format takes c or bin"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --format bin policies/*.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--format bin needs -o"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --format bin --header x.h -o "
                                 BIN " policies/*.pn"));
}

/* For every bundled notice, in each of its languages: the kiosk's --dump
 * from the file is its --dump from the built-in catalog. */
static void test_kiosk_shows_the_file_as_the_built_in_catalog(void)
{
    pn_catalog cat;
    pn_notice notice;
    uint32_t i;
    char command[512];

    make_bin("");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE));
    TEST_ASSERT_TRUE(cat.notice_count >= 10);
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &notice));
        snprintf(command, sizeof command, KIOSK " --dump %s:%s",
                 notice.policy, notice.lang);
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), err_text);
        TEST_ASSERT_TRUE(strlen(out_text) > 1000);
        memcpy(expected, out_text, strlen(out_text) + 1);
        snprintf(command, sizeof command,
                 KIOSK " --catalog " BIN " --dump %s:%s", notice.policy,
                 notice.lang);
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), err_text);
        TEST_ASSERT_EQUAL_STRING_MESSAGE(expected, out_text, command);
    }
    /* And its list and screens work from the file, in any option order. */
    TEST_ASSERT_EQUAL_INT(0, run(KIOSK " --list"));
    memcpy(expected, out_text, strlen(out_text) + 1);
    TEST_ASSERT_EQUAL_INT(0, run(KIOSK " --list --catalog " BIN));
    TEST_ASSERT_EQUAL_STRING(expected, out_text);
    TEST_ASSERT_EQUAL_INT(0, run(KIOSK " --policy nitd --script nnm2q"));
    memcpy(expected, out_text, strlen(out_text) + 1);
    TEST_ASSERT_EQUAL_INT(0, run(KIOSK " --catalog " BIN
                                 " --policy nitd --script nnm2q"));
    TEST_ASSERT_EQUAL_STRING(expected, out_text);
}

/* The kiosk's one line about `path`: exit status 1, nothing on stdout,
 * a single line naming the file and holding `what`. */
static void expect_refused(const char *path, const char *what)
{
    char command[512], *newline;

    snprintf(command, sizeof command, KIOSK " --catalog %s --list", path);
    TEST_ASSERT_EQUAL_INT_MESSAGE(1, run(command), err_text);
    TEST_ASSERT_EQUAL_STRING("", out_text);
    newline = strchr(err_text, '\n');
    TEST_ASSERT_TRUE_MESSAGE((newline) != NULL, err_text);
    TEST_ASSERT_EQUAL_STRING_MESSAGE("", newline + 1, err_text);
    TEST_ASSERT_TRUE_MESSAGE((strstr(err_text, path)) != NULL, err_text);
    TEST_ASSERT_TRUE_MESSAGE((strstr(err_text, what)) != NULL, err_text);
}

/* A byte changed anywhere the CRC covers (every 97th, and the last)
 * gives the CRC error; a byte changed in the header before it gives the
 * header's own error (magic, format, size) or a damaged layout. */
static void test_changed_byte_is_refused(void)
{
    long n, at;
    char message[64];

    make_bin("");
    n = read_file(BIN, bytes, sizeof bytes);
    for (at = 0; at < n; at = at < 64 ? at + 1 : at + 97) {
        bytes[at] ^= 0xFF;
        write_file(BAD, bytes, (size_t)n);
        bytes[at] ^= 0xFF;
        snprintf(message, sizeof message, "byte %ld", at);
        if (at >= 12) {
            expect_refused(BAD, "checksum mismatch");
        } else {
            TEST_ASSERT_EQUAL_INT_MESSAGE(1, run(KIOSK " --catalog " BAD
                                                 " --list"), message);
            TEST_ASSERT_TRUE_MESSAGE((strstr(err_text, BAD)) != NULL, message);
        }
    }
    bytes[n - 1] ^= 0x01;
    write_file(BAD, bytes, (size_t)n);
    expect_refused(BAD, "catalog checksum mismatch: the file is damaged");
}

static void test_truncated_empty_and_foreign_files_are_refused(void)
{
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n',
                                        0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
                                        'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1};
    char says[64];
    long n;

    make_bin("");
    n = read_file(BIN, bytes, sizeof bytes);
    write_file(BAD, bytes, (size_t)n / 2);
    snprintf(says, sizeof says, "the header says %ld bytes, the file has %ld",
             n, n / 2);
    expect_refused(BAD, says);
    write_file(BAD, bytes, 10);
    expect_refused(BAD, "10 bytes, shorter than a catalog's header");
    write_file(BAD, bytes, 0);
    expect_refused(BAD, "the file is empty");
    write_file(BAD, png, sizeof png);
    expect_refused(BAD, "not a catalog (no PNC1 magic): it is a PNG image");
    write_file(BAD, (const unsigned char *)"hello, world\n", 13);
    expect_refused(BAD, "not a catalog (no PNC1 magic)");
    memset(bytes + n, 0, 16);
    write_file(BAD, bytes, (size_t)n + 16);
    expect_refused(BAD, "more than the header says");
    expect_refused(TMP "/missing.pnc", "cannot open");
}

/* examples/loader, built with libpn's sources as docs/CATALOG-FILES.md
 * says, with a minimum catalog version of 5. */
static void test_loader_refuses_a_downgrade(void)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0,
        run(TEST_CC " -std=c99 -Wall -Wextra -Wpedantic -Werror "
                    "-DMIN_CATALOG_VERSION=5 -Iruntime "
                    "examples/loader/loader.c runtime/*.c -o " TMP
                    "/loader"),
        err_text);
    make_bin("--catalog-version 5");
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(TMP "/loader " BIN), out_text);
    TEST_ASSERT_EQUAL_STRING("loaded: 10 notices, catalog version 5\n",
                             out_text);
    make_bin("--catalog-version 4");
    TEST_ASSERT_EQUAL_INT(1, run(TMP "/loader " BIN));
    TEST_ASSERT_EQUAL_STRING("refused: catalog version 4 is older than this "
                             "firmware's minimum, 5\n",
                             out_text);
    make_bin("--catalog-version 6");
    read_file(BIN, bytes, sizeof bytes);
    bytes[300] ^= 0x40;
    write_file(BIN, bytes, PN_BUNDLED_SIZE);
    TEST_ASSERT_EQUAL_INT(1, run(TMP "/loader " BIN));
    TEST_ASSERT_EQUAL_STRING("refused: catalog checksum mismatch\n",
                             out_text);
    write_file(BIN, (const unsigned char *)"GIF89a", 6);
    TEST_ASSERT_EQUAL_INT(1, run(TMP "/loader " BIN));
    TEST_ASSERT_EQUAL_STRING("refused: not a catalog (no PNC1 magic)\n",
                             out_text);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_bin_is_the_c_array);
    RUN_TEST(test_catalog_version);
    RUN_TEST(test_kiosk_shows_the_file_as_the_built_in_catalog);
    RUN_TEST(test_changed_byte_is_refused);
    RUN_TEST(test_truncated_empty_and_foreign_files_are_refused);
    RUN_TEST(test_loader_refuses_a_downgrade);
    return UNITY_END();
}
