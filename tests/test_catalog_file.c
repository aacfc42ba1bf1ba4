/* Catalogs as files (pnc --format bin): the same bytes as the C array,
 * --catalog-version in the header; the example loader (examples/loader)
 * refuses a downgrade and a damaged or foreign file. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pn.h"
#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/catalog-file-tmp"
#define BIN TMP "/notices.pnc"

static unsigned char bytes[1 << 20];

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
    RUN_TEST(test_loader_refuses_a_downgrade);
    return UNITY_END();
}
