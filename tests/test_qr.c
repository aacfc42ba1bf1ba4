/* QR code tests: gen/qr.c's module matrices, bit for bit, against
 * libqrcodegen's (a test oracle, built in with -DHAVE_QRCODEGEN when
 * mk/qr.mk finds it) over addresses of every length a version-10 code
 * holds at every level, forced masks and versions as well as its own
 * choices; the standard's capacities; and codes read back by zbarimg. */
#include <stdio.h>
#include <string.h>

#include "qr.h"
#include "support.h"
#include "unity.h"

#ifdef HAVE_QRCODEGEN
#include <qrcodegen.h>
#endif

#define WORK BUILD_DIR "/tests/qr-work"

void setUp(void)
{
    fresh_dir(WORK);
}

void tearDown(void)
{
}

/* ---- Addresses ------------------------------------------------------------ */

static unsigned long rng_state = 20240229ul;

static unsigned next_random(unsigned below)
{
    rng_state = (rng_state * 1103515245ul + 12345ul) & 0x7FFFFFFFul;
    return (unsigned)((rng_state >> 8) % below);
}

/* An address `len` bytes long: a web address cut there, with a path of
 * characters an address may hold; in capitals, digits and the
 * alphanumeric mode's punctuation when `alnum`. */
static void make_address(char *out, size_t len, int alnum)
{
    static const char byte_chars[] =
        "abcdefghijklmnopqrstuvwxyz0123456789-._~/?=&%#ABCXYZ";
    static const char alnum_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-./:$%*+";
    const char *start = alnum ? "HTTPS://PERSONVERN.EXAMPLE.NO/"
                              : "https://personvern.example.no/";
    size_t i;

    for (i = 0; i < len; i++) {
        if (start[i] == '\0')
            break;
        out[i] = start[i];
    }
    for (; i < len; i++)
        out[i] = alnum ? alnum_chars[next_random(sizeof alnum_chars - 1)]
                       : byte_chars[next_random(sizeof byte_chars - 1)];
    out[len] = '\0';
}

/* ---- Without the oracle ------------------------------------------------- */

/* Capacities from the standard's table of data capacity (ISO/IEC 18004,
 * table 7): characters of versions 1 and 10 at each level. */
static void test_capacities_are_the_standards(void)
{
    static const unsigned v1_alnum[4] = {25, 20, 16, 10};
    static const unsigned v1_byte[4] = {17, 14, 11, 7};
    static const unsigned v10_alnum[4] = {395, 311, 221, 174};
    static const unsigned v10_byte[4] = {271, 213, 151, 119};
    int ecc;

    for (ecc = 0; ecc < 4; ecc++) {
        TEST_ASSERT_EQUAL_UINT(v1_alnum[ecc],
                               qr_capacity(1, (qr_ecc)ecc, QR_MODE_ALPHANUMERIC));
        TEST_ASSERT_EQUAL_UINT(v1_byte[ecc],
                               qr_capacity(1, (qr_ecc)ecc, QR_MODE_BYTE));
        TEST_ASSERT_EQUAL_UINT(v10_alnum[ecc],
                               qr_capacity(10, (qr_ecc)ecc, QR_MODE_ALPHANUMERIC));
        TEST_ASSERT_EQUAL_UINT(v10_byte[ecc],
                               qr_capacity(10, (qr_ecc)ecc, QR_MODE_BYTE));
    }
}

/* The smallest version, and an error past version 10. */
static void test_version_is_the_smallest_that_holds_the_text(void)
{
    static char text[512];
    static qr_code code;
    int ecc;
    unsigned v;

    for (ecc = 0; ecc < 4; ecc++) {
        for (v = 1; v <= QR_MAX_VERSION; v++) {
            size_t cap = qr_capacity(v, (qr_ecc)ecc, QR_MODE_BYTE);
            make_address(text, cap, 0);
            TEST_ASSERT_EQUAL_INT(0, qr_encode(text, cap, (qr_ecc)ecc, &code));
            TEST_ASSERT_EQUAL_UINT(v, code.version);
            TEST_ASSERT_EQUAL_UINT(QR_SIZE(v), code.size);
            make_address(text, cap + 1, 0);
            TEST_ASSERT_EQUAL_INT(v == QR_MAX_VERSION ? -1 : 0,
                                  qr_encode(text, cap + 1, (qr_ecc)ecc, &code));
            if (v < QR_MAX_VERSION)
                TEST_ASSERT_EQUAL_UINT(v + 1, code.version);
        }
    }
}

static void test_mode_and_level_names(void)
{
    qr_ecc ecc = QR_ECC_L;

    TEST_ASSERT_EQUAL_INT(QR_MODE_ALPHANUMERIC,
                          qr_mode_for("HTTPS://EXAMPLE.NO/A B$%*+-", 27));
    TEST_ASSERT_EQUAL_INT(QR_MODE_BYTE, qr_mode_for("https://example.no", 18));
    TEST_ASSERT_EQUAL_INT(QR_MODE_BYTE, qr_mode_for("AB\0", 3));
    TEST_ASSERT_EQUAL_INT(0, qr_ecc_parse("H", &ecc));
    TEST_ASSERT_EQUAL_INT(QR_ECC_H, ecc);
    TEST_ASSERT_EQUAL_STRING("Q", qr_ecc_name(QR_ECC_Q));
    TEST_ASSERT_EQUAL_INT(0, qr_ecc_parse("m", &ecc));
    TEST_ASSERT_EQUAL_INT(QR_ECC_M, ecc);
    TEST_ASSERT_EQUAL_INT(-1, qr_ecc_parse("MM", &ecc));
    TEST_ASSERT_EQUAL_INT(-1, qr_ecc_parse("X", &ecc));
    TEST_ASSERT_EQUAL_INT(-1, qr_ecc_parse("", &ecc));
}

/* ---- Against libqrcodegen -------------------------------------------------- */

#ifdef HAVE_QRCODEGEN
static const enum qrcodegen_Ecc oracle_ecc[4] = {
    qrcodegen_Ecc_LOW, qrcodegen_Ecc_MEDIUM, qrcodegen_Ecc_QUARTILE,
    qrcodegen_Ecc_HIGH};

/* The oracle's code of `text` as one segment of the mode pnc chose, at
 * versions `min`-`max` and `mask` (-1: its own choice). */
static int oracle(const char *text, size_t len, qr_mode mode, qr_ecc ecc,
                  int min, int max, int mask, uint8_t *qrcode)
{
    static uint8_t segment_buf[qrcodegen_BUFFER_LEN_MAX];
    static uint8_t temp[qrcodegen_BUFFER_LEN_MAX];
    struct qrcodegen_Segment seg;

    if (mode == QR_MODE_ALPHANUMERIC)
        seg = qrcodegen_makeAlphanumeric(text, segment_buf);
    else
        seg = qrcodegen_makeBytes((const uint8_t *)text, len, segment_buf);
    return qrcodegen_encodeSegmentsAdvanced(&seg, 1, oracle_ecc[ecc], min,
                                            max, (enum qrcodegen_Mask)mask,
                                            0, temp, qrcode);
}

/* Fails with `what` at the first module that differs. */
static void expect_same(const qr_code *code, const uint8_t *qrcode,
                        const char *what)
{
    char message[800];
    unsigned x, y;

    TEST_ASSERT_EQUAL_INT_MESSAGE(qrcodegen_getSize(qrcode), (int)code->size,
                                  what);
    for (y = 0; y < code->size; y++) {
        for (x = 0; x < code->size; x++) {
            if (qrcodegen_getModule(qrcode, (int)x, (int)y) ==
                (code->dark[y][x] != 0))
                continue;
            snprintf(message, sizeof message, "%s: module x=%u y=%u differs",
                     what, x, y);
            TEST_FAIL_MESSAGE(message);
        }
    }
}

/* Every level, lengths 1 to the version-10 limit (every version's limit
 * and one past it among them), byte and alphanumeric addresses: pnc's
 * own choice against the oracle's, and each forced mask at that
 * version and at the next. */
static void test_matrices_match_libqrcodegen(void)
{
    static uint8_t qrcode[qrcodegen_BUFFER_LEN_MAX];
    static char text[512], what[700];
    static qr_code code;
    unsigned long addresses = 0, matrices = 0;
    int ecc, alnum, mask;

    for (ecc = 0; ecc < 4; ecc++) {
        for (alnum = 0; alnum < 2; alnum++) {
            qr_mode mode = alnum ? QR_MODE_ALPHANUMERIC : QR_MODE_BYTE;
            size_t limit = qr_capacity(QR_MAX_VERSION, (qr_ecc)ecc, mode);
            size_t len, step = limit / 90 + 1;
            unsigned v = 1;

            for (len = 1; len <= limit + 1; len += next_random((unsigned)step) + 1) {
                /* the limits of the versions, and one past */
                while (v <= QR_MAX_VERSION &&
                       qr_capacity(v, (qr_ecc)ecc, mode) < len)
                    len = qr_capacity(v++, (qr_ecc)ecc, mode) + (len & 1);
                make_address(text, len, alnum);
                TEST_ASSERT_EQUAL_INT(mode, qr_mode_for(text, len));
                TEST_ASSERT_EQUAL_INT(alnum, qrcodegen_isAlphanumeric(text));
                snprintf(what, sizeof what, "level %s, %lu bytes '%s'",
                         qr_ecc_name((qr_ecc)ecc), (unsigned long)len, text);
                if (len > limit) {
                    TEST_ASSERT_EQUAL_INT_MESSAGE(-1,
                        qr_encode(text, len, (qr_ecc)ecc, &code), what);
                    TEST_ASSERT_FALSE_MESSAGE(oracle(text, len, mode,
                        (qr_ecc)ecc, 1, QR_MAX_VERSION, -1, qrcode), what);
                    continue;
                }
                addresses++;
                TEST_ASSERT_EQUAL_INT_MESSAGE(0,
                    qr_encode(text, len, (qr_ecc)ecc, &code), what);
                TEST_ASSERT_TRUE_MESSAGE(oracle(text, len, mode, (qr_ecc)ecc,
                    1, QR_MAX_VERSION, -1, qrcode), what);
                expect_same(&code, qrcode, what);
                matrices++;
                for (mask = 0; mask < 8; mask++) {
                    unsigned version = code.version + (unsigned)(mask % 2);
                    static qr_code forced;

                    if (version > QR_MAX_VERSION)
                        version = code.version;
                    snprintf(what, sizeof what,
                             "level %s, version %u, mask %d, '%s'",
                             qr_ecc_name((qr_ecc)ecc), version, mask, text);
                    TEST_ASSERT_EQUAL_INT_MESSAGE(0, qr_encode_as(text, len,
                        (qr_ecc)ecc, version, mask, &forced), what);
                    TEST_ASSERT_EQUAL_UINT((unsigned)mask, forced.mask);
                    TEST_ASSERT_TRUE_MESSAGE(oracle(text, len, mode,
                        (qr_ecc)ecc, (int)version, (int)version, mask,
                        qrcode), what);
                    expect_same(&forced, qrcode, what);
                    matrices++;
                }
            }
        }
    }
    printf("test_qr: %lu addresses, %lu matrices the same as "
           "libqrcodegen's\n", addresses, matrices);
    TEST_ASSERT_TRUE(addresses >= 200 * 4);
}
#else
static void test_matrices_match_libqrcodegen(void)
{
    TEST_IGNORE_MESSAGE("skipped: libqrcodegen not found");
}
#endif

/* ---- pnc --qr-ecc ------------------------------------------------------- */

/* policies/internia.nb.pn with a web address `len` bytes long, as
 * WORK/long.pn. */
static void write_notice_with_address(size_t len)
{
    static char text[65536], address[512];
    const char *web, *end;
    FILE *f;
    long n = slurp("policies/internia.nb.pn", text, sizeof text);

    TEST_ASSERT_TRUE(n > 0);
    web = strstr(text, "\nweb: ");
    TEST_ASSERT_NOT_NULL(web);
    end = strchr(web + 1, '\n');
    make_address(address, len, 0);
    f = fopen(WORK "/long.pn", "w");
    TEST_ASSERT_TRUE(f != NULL);
    fprintf(f, "%.*s\nweb: %s%s", (int)(web - text), text, address, end);
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

static void test_pnc_reports_an_address_too_long_at_its_level(void)
{
    write_notice_with_address(220);
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check " WORK "/long.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, ":14:6: error: web address is 220 "
                                          "bytes long: a QR code of version "
                                          "10 at level M holds at most 213"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "[header-url-qr]"));
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --check --qr-ecc L " WORK
                                 "/long.pn"));
    TEST_ASSERT_NULL(strstr(err_text, "header-url-qr"));
    write_notice_with_address(120);
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --check --qr-ecc=Q " WORK
                                 "/long.pn"));
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check --qr-ecc=h " WORK
                                 "/long.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "at level H holds at most 119"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --check --qr-ecc X " WORK
                                 "/long.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--qr-ecc takes L, M, Q or H"));
}

/* ---- Read back by zbarimg --------------------------------------------- */

/* The code as a PBM at `scale` pixels a module with its 4-module quiet
 * zone. */
static void write_pbm(const qr_code *code, unsigned scale, const char *path)
{
    unsigned side = (code->size + 8) * scale, x, y;
    FILE *f = fopen(path, "w");

    TEST_ASSERT_TRUE_MESSAGE(f != NULL, path);
    fprintf(f, "P1\n%u %u\n", side, side);
    for (y = 0; y < side; y++) {
        for (x = 0; x < side; x++) {
            int row = (int)(y / scale) - 4, col = (int)(x / scale) - 4;
            int dark = row >= 0 && col >= 0 && row < (int)code->size &&
                       col < (int)code->size && code->dark[row][col];
            fputs(dark ? "1" : "0", f);
            fputc(x + 1 == side || x % 32 == 31 ? '\n' : ' ', f);
        }
    }
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

static void test_zbarimg_reads_the_address(void)
{
    static const char *const fixed[] = {
        "https://internia.no", "http://ittotal.no", "https://ntcprofil.no",
        "https://intech.no/about/personvern", "HTTPS://DEMO.NO/PERSONVERN",
        "https://www.demo.no:8443/personvern?lang=nb#rettigheter"};
    static char text[512], path[256], expected[520], command[400];
    static char first[520];
    static qr_code code;
    unsigned scale, i, reads = 0;

    if (!have("zbarimg")) {
        TEST_IGNORE_MESSAGE("skipped: zbarimg not found");
        return;
    }
    for (i = 0; i < 6 + 4; i++) {
        qr_ecc ecc = i < 6 ? (qr_ecc)(i % 4) : (qr_ecc)(i - 6);
        size_t len;

        if (i < 6) {
            snprintf(text, sizeof text, "%s", fixed[i]);
            len = strlen(text);
        } else { /* the longest a version-10 code holds */
            len = qr_capacity(QR_MAX_VERSION, ecc, QR_MODE_BYTE);
            make_address(text, len, 0);
        }
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, qr_encode(text, len, ecc, &code),
                                      text);
        for (scale = 2; scale <= 4; scale++) {
            snprintf(path, sizeof path, WORK "/code%u-%u.pbm", i, scale);
            write_pbm(&code, scale, path);
            snprintf(command, sizeof command, "zbarimg -q --raw %s", path);
            TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), path);
            snprintf(expected, sizeof expected, "%s\n", text);
            TEST_ASSERT_EQUAL_STRING_MESSAGE(expected, out_text, path);
            if (reads++ == 0)
                snprintf(first, sizeof first, "%.200s: %.300s", path, out_text);
        }
    }
    printf("test_qr: zbarimg read %u codes; the first, %s", reads, first);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_capacities_are_the_standards);
    RUN_TEST(test_version_is_the_smallest_that_holds_the_text);
    RUN_TEST(test_mode_and_level_names);
    RUN_TEST(test_matrices_match_libqrcodegen);
    RUN_TEST(test_pnc_reports_an_address_too_long_at_its_level);
    RUN_TEST(test_zbarimg_reads_the_address);
    return UNITY_END();
}
