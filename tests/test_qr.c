/* QR code tests: gen/qr.c's module matrices, bit for bit, against
 * libqrcodegen's (a test oracle, built in with -DHAVE_QRCODEGEN when
 * mk/qr.mk finds it) over addresses of every length a version-10 code
 * holds at every level, forced masks and versions as well as its own
 * choices; the standard's capacities; and codes read back by zbarimg. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "pn.h"
#include "pn_format.h"
#include "pn_read.h"
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

/* policies/internia.nb.pn with the web address `web`, as WORK/web.pn. */
static void write_notice_with_web(const char *web)
{
    static char text[65536];
    const char *line, *end;
    FILE *f;

    TEST_ASSERT_TRUE(slurp("policies/internia.nb.pn", text, sizeof text) > 0);
    line = strstr(text, "\nweb: ");
    TEST_ASSERT_NOT_NULL(line);
    end = strchr(line + 1, '\n');
    f = fopen(WORK "/web.pn", "w");
    TEST_ASSERT_TRUE(f != NULL);
    fprintf(f, "%.*s\nweb: %s%s", (int)(line - text), text, web, end);
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

/* The code leads to the address as written, even where --transliterate
 * writes the address shown for an ASCII font; --qr-ecc sets its level. */
static void test_the_code_is_of_the_address_as_written(void)
{
    static const char web[] = "https://bl\xC3\xA5" "b\xC3\xA6" "r.no/personvern";
    static unsigned char catalog[65536];
    static qr_code code;
    char contact_buf[512];
    pn_catalog cat;
    pn_notice notice;
    pn_contact contact;
    unsigned size, x, y, level;
    long n;
    int dark;

    write_notice_with_web(web);
    for (level = 0; level < 4; level++) {
        char command[300];

        snprintf(command, sizeof command,
                 PNC_PATH " --format bin --transliterate ascii --qr-ecc %s "
                 "-o " WORK "/web.pnc " WORK "/web.pn",
                 qr_ecc_name((qr_ecc)level));
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), err_text);
        n = slurp(WORK "/web.pnc", (char *)catalog, sizeof catalog);
        TEST_ASSERT_TRUE(n > 0);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, catalog, (size_t)n));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, 0, &notice));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_contact(&notice, contact_buf,
                                                       sizeof contact_buf,
                                                       &contact));
        TEST_ASSERT_EQUAL_STRING("https://blaabaer.no/personvern",
                                 contact.web);
        TEST_ASSERT_EQUAL_INT(0, qr_encode(web, strlen(web), (qr_ecc)level,
                                           &code));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_size(&notice, &size));
        TEST_ASSERT_EQUAL_UINT(code.size, size);
        for (y = 0; y < size; y++) {
            for (x = 0; x < size; x++) {
                TEST_ASSERT_EQUAL_INT(PN_OK,
                                      pn_qr_module(&notice, x, y, &dark));
                TEST_ASSERT_EQUAL_INT(code.dark[y][x], dark);
            }
        }
    }
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

/* Modules as a reader sees them, quiet zone included: 1 dark. */
typedef struct picture {
    unsigned width, height;
    unsigned char dark[QR_MAX_SIZE + 16][QR_MAX_SIZE + 16];
} picture;

static void picture_of_code(const qr_code *code, picture *pic)
{
    unsigned r, c;

    memset(pic, 0, sizeof *pic);
    pic->width = pic->height = code->size + 8;
    for (r = 0; r < code->size; r++)
        for (c = 0; c < code->size; c++)
            pic->dark[r + 4][c + 4] = code->dark[r][c];
}

/* The picture at `scale` pixels a module, as a PBM. */
static void write_pbm(const picture *pic, unsigned scale, const char *path)
{
    unsigned x, y;
    FILE *f = fopen(path, "w");

    TEST_ASSERT_TRUE_MESSAGE(f != NULL, path);
    fprintf(f, "P1\n%u %u\n", pic->width * scale, pic->height * scale);
    for (y = 0; y < pic->height * scale; y++) {
        for (x = 0; x < pic->width * scale; x++) {
            fputs(pic->dark[y / scale][x / scale] ? "1" : "0", f);
            fputc(x + 1 == pic->width * scale || x % 32 == 31 ? '\n' : ' ',
                  f);
        }
    }
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

/* What zbarimg reads in the picture at `scale`, into out_text. */
static void zbar_read(const picture *pic, unsigned scale, const char *name)
{
    char path[256], command[400];

    snprintf(path, sizeof path, WORK "/%s-%u.pbm", name, scale);
    write_pbm(pic, scale, path);
    snprintf(command, sizeof command, "zbarimg -q --raw %s", path);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), path);
}

static void test_zbarimg_reads_the_address(void)
{
    static const char *const fixed[] = {
        "https://internia.no", "http://ittotal.no", "https://ntcprofil.no",
        "https://intech.no/about/personvern", "HTTPS://DEMO.NO/PERSONVERN",
        "https://www.demo.no:8443/personvern?lang=nb#rettigheter"};
    static char text[512], expected[520], name[32], first[600];
    static qr_code code;
    static picture pic;
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
        picture_of_code(&code, &pic);
        for (scale = 2; scale <= 4; scale++) {
            snprintf(name, sizeof name, "code%u", i);
            zbar_read(&pic, scale, name);
            snprintf(expected, sizeof expected, "%s\n", text);
            TEST_ASSERT_EQUAL_STRING_MESSAGE(expected, out_text, name);
            if (reads++ == 0)
                snprintf(first, sizeof first, WORK "/%s-%u.pbm: %.300s",
                         name, scale, out_text);
        }
    }
    printf("test_qr: zbarimg read %u codes; the first, %s", reads, first);
}

/* ---- In the catalog, read by libpn --------------------------------------- */

/* The bundled notice `index` and its web address ("" when none). */
static void bundled_notice(uint32_t index, pn_notice *notice, char *web,
                           size_t size)
{
    static char contact_buf[PN_BUNDLED_MAX_CONTACT];
    pn_catalog cat;
    pn_contact contact;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, index, notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_contact(notice, contact_buf,
                                                   sizeof contact_buf,
                                                   &contact));
    snprintf(web, size, "%s", contact.web);
}

/* Each bundled notice's code, module by module, is the one gen/qr.c
 * makes of its address at level M (the catalog's pnc --qr-ecc). */
static void test_libpn_reads_the_code_pnc_made(void)
{
    static qr_code code;
    char web[256];
    pn_notice notice;
    unsigned size, x, y, with = 0, without = 0;
    uint32_t i;
    int dark;

    for (i = 0; i < PN_BUNDLED_NOTICES; i++) {
        bundled_notice(i, &notice, web, sizeof web);
        if (!web[0]) {
            TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                                  pn_qr_size(&notice, &size));
            TEST_ASSERT_EQUAL_UINT(0, size);
            TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                                  pn_qr_module(&notice, 0, 0, &dark));
            without++;
            continue;
        }
        TEST_ASSERT_EQUAL_INT(0, qr_encode(web, strlen(web), QR_ECC_M,
                                           &code));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_size(&notice, &size));
        TEST_ASSERT_EQUAL_UINT(code.size, size);
        for (y = 0; y < size; y++) {
            for (x = 0; x < size; x++) {
                TEST_ASSERT_EQUAL_INT(PN_OK,
                                      pn_qr_module(&notice, x, y, &dark));
                TEST_ASSERT_EQUAL_INT_MESSAGE(code.dark[y][x], dark, web);
            }
        }
        TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE,
                              pn_qr_module(&notice, size, 0, &dark));
        TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE,
                              pn_qr_module(&notice, 0, size, &dark));
        TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_qr_module(&notice, 0, 0, NULL));
        with++;
    }
    TEST_ASSERT_TRUE(with > 0 && without > 0);
}

/* pn_qr_text()'s characters back as modules: half blocks two rows each,
 * or "##" one. */
static void picture_of_text(const char *text, int ascii, picture *pic)
{
    unsigned row = 0, col = 0;
    const unsigned char *s = (const unsigned char *)text;

    memset(pic, 0, sizeof *pic);
    while (*s) {
        int top = 0, bottom = 0;

        if (*s == '\n') {
            pic->width = col;
            row += ascii ? 1 : 2;
            col = 0;
            s++;
            continue;
        }
        if (ascii) {
            TEST_ASSERT_TRUE(s[0] == s[1] && (s[0] == '#' || s[0] == ' '));
            top = s[0] == '#';
            s += 2;
        } else if (*s == ' ') {
            s++;
        } else {
            TEST_ASSERT_TRUE(s[0] == 0xE2 && s[1] == 0x96);
            TEST_ASSERT_TRUE(s[2] == 0x80 || s[2] == 0x84 || s[2] == 0x88);
            top = s[2] != 0x84;
            bottom = s[2] != 0x80;
            s += 3;
        }
        TEST_ASSERT_TRUE(row + 1 < QR_MAX_SIZE + 16 && col < QR_MAX_SIZE + 16);
        pic->dark[row][col] = (unsigned char)top;
        if (!ascii)
            pic->dark[row + 1][col] = (unsigned char)bottom;
        col++;
    }
    pic->height = pic->width; /* the odd last half row is quiet zone */
    TEST_ASSERT_EQUAL_UINT(0, col); /* the text ends with a line end */
}

/* The character-screen drawing, turned back into an image, reads as the
 * address; with PN_ASCII too. */
static void test_zbarimg_reads_the_text_drawing(void)
{
    static char text[PN_QR_TEXT_MAX], expected[300], name[32];
    static picture pic;
    char web[256];
    pn_notice notice;
    unsigned size, scale;
    size_t len;
    uint32_t i;
    int ascii, shown = 0;

    if (!have("zbarimg")) {
        TEST_IGNORE_MESSAGE("skipped: zbarimg not found");
        return;
    }
    for (i = 0; i < PN_BUNDLED_NOTICES; i++) {
        bundled_notice(i, &notice, web, sizeof web);
        if (!web[0])
            continue;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_size(&notice, &size));
        for (ascii = 0; ascii < 2; ascii++) {
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_text(&notice,
                                                    ascii ? PN_ASCII : 0,
                                                    text, sizeof text, &len));
            TEST_ASSERT_EQUAL_size_t(strlen(text), len);
            if (ascii)
                TEST_ASSERT_EQUAL_size_t((size + 8) * (2 * (size + 8) + 1),
                                         len);
            else /* spaces take one byte, half blocks three */
                TEST_ASSERT_TRUE(len < (size + 9) / 2 * (3 * (size + 8) + 1));
            picture_of_text(text, ascii, &pic);
            TEST_ASSERT_EQUAL_UINT(size + 8, pic.width);
            for (scale = 2; scale <= 3; scale++) {
                snprintf(name, sizeof name, "text%u-%d", (unsigned)i, ascii);
                zbar_read(&pic, scale, name);
                snprintf(expected, sizeof expected, "%s\n", web);
                TEST_ASSERT_EQUAL_STRING_MESSAGE(expected, out_text, name);
            }
            if (!ascii && !shown++)
                printf("test_qr: notice %u's code as text (%lu bytes):\n%s",
                       (unsigned)i, (unsigned long)len, text);
        }
    }
}

static void test_text_drawing_reports_what_it_cannot_do(void)
{
    static char text[PN_QR_TEXT_MAX];
    char web[256], small[100];
    pn_notice notice;
    size_t len = 1;
    unsigned size;
    uint32_t i;

    for (i = 0; i < PN_BUNDLED_NOTICES; i++) {
        bundled_notice(i, &notice, web, sizeof web);
        if (!web[0]) {
            TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                                  pn_qr_text(&notice, 0, text, sizeof text,
                                             &len));
            TEST_ASSERT_EQUAL_size_t(0, len);
            TEST_ASSERT_EQUAL_STRING("", text);
            continue;
        }
        TEST_ASSERT_EQUAL_INT(PN_TRUNCATED, pn_qr_text(&notice, 0, small,
                                                       sizeof small, &len));
        TEST_ASSERT_TRUE(len < sizeof small && strlen(small) == len);
        TEST_ASSERT_EQUAL_INT(PN_ERR_ARG,
                              pn_qr_text(&notice, 4, text, sizeof text, &len));
        TEST_ASSERT_EQUAL_INT(PN_ERR_ARG,
                              pn_qr_text(&notice, 0, NULL, 10, &len));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_text(&notice, PN_LATIN1, text,
                                                sizeof text, NULL));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_size(&notice, &size));
        /* the finder's corner, after 4 lines and 4 modules of quiet zone */
        TEST_ASSERT_EQUAL_INT(' ', text[4 * (2 * (size + 8) + 1) + 7]);
        TEST_ASSERT_EQUAL_INT('#', text[4 * (2 * (size + 8) + 1) + 8]);
    }
}

/* ---- The first layer's QR page ------------------------------------------ */

/* The line under the code, in the notice's language (with PN_ASCII as
 * the screen shows it). */
static const char *qr_label(const pn_notice *notice, int ascii)
{
    if (strcmp(notice->lang, "nb") == 0)
        return ascii ? "Skann for hele erklaeringen"
                     : "Skann for hele erkl\xC3\xA6ringen";
    TEST_ASSERT_EQUAL_STRING("en", notice->lang);
    return "Scan for the full notice";
}

/* Moves `cur` to the first layer's last page; returns its page count. */
static uint32_t to_last_page(pn_cursor *cur)
{
    uint32_t n = 1, pages;
    pn_status st;

    while ((st = pn_cursor_next(cur)) == PN_OK)
        n++;
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, st);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_pages(cur, &pages));
    TEST_ASSERT_EQUAL_UINT32(pages, n);
    TEST_ASSERT_EQUAL_UINT32(n - 1, cur->page);
    return n;
}

/* The first layer's last page on `screen`, for a notice with web:, is
 * exactly pn_qr_text()'s drawing, the label's line and blank lines; the
 * drawing read back by zbarimg is the address. */
static void check_qr_page(const pn_notice *notice, const char *web,
                          const pn_screen *screen, unsigned index)
{
    static char page[100 * (4 * 120 + 1) + 1], code[PN_QR_TEXT_MAX],
        expected[600], name[40];
    static picture pic;
    int ascii = (screen->flags & PN_ASCII) != 0;
    uint32_t page_no, pages, row;
    size_t len, code_len;
    const char *line;
    pn_cursor cur;
    unsigned scale;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, notice, screen));
    TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SHOWN, cur.qr);
    TEST_ASSERT_TRUE(to_last_page(&cur) >= 2);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_position(&cur, &page_no, &pages));
    TEST_ASSERT_EQUAL_UINT32(cur.pages, page_no);
    TEST_ASSERT_EQUAL_UINT32(page_no, pages); /* the last of the layer */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page,
                                                &len));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_text(notice, screen->flags, code,
                                            sizeof code, &code_len));
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(code, page, code_len, web);
    line = page + code_len;
    snprintf(expected, sizeof expected, "%s\n", qr_label(notice, ascii));
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(expected, line, strlen(expected), web);
    line += strlen(expected);
    for (row = 0; *line; row++, line++)
        TEST_ASSERT_EQUAL_INT('\n', *line); /* the rest is blank */
    for (len = 0; len < code_len; len++)
        if (code[len] == '\n')
            row++;
    TEST_ASSERT_EQUAL_UINT32(screen->rows, row + 1);
    if (!have("zbarimg"))
        return;
    page[code_len] = '\0';
    picture_of_text(page, ascii, &pic);
    for (scale = 2; scale <= 3; scale++) {
        snprintf(name, sizeof name, "page%u-%ux%u", index,
                 (unsigned)screen->cols, (unsigned)screen->rows);
        zbar_read(&pic, scale, name);
        snprintf(expected, sizeof expected, "%s\n", web);
        TEST_ASSERT_EQUAL_STRING_MESSAGE(expected, out_text, name);
    }
}

/* Every bundled notice with web: ends its first layer with a QR page that
 * zbarimg reads as its address, with half blocks and with PN_ASCII; one
 * without has none. */
static void test_zbarimg_reads_the_first_layers_qr_page(void)
{
    pn_screen half = {40, 30, 0}, ascii = {80, 40, PN_ASCII};
    char web[256];
    pn_notice notice;
    pn_cursor cur;
    uint32_t i;
    unsigned with = 0;

    for (i = 0; i < PN_BUNDLED_NOTICES; i++) {
        bundled_notice(i, &notice, web, sizeof web);
        if (!web[0]) {
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, &notice,
                                                                &half));
            TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_NONE, cur.qr);
            continue;
        }
        check_qr_page(&notice, web, &half, (unsigned)i);
        check_qr_page(&notice, web, &ascii, (unsigned)i);
        with++;
    }
    TEST_ASSERT_TRUE(with > 0);
    if (!have("zbarimg"))
        TEST_IGNORE_MESSAGE("skipped: zbarimg not found (the pages were "
                            "checked against pn_qr_text)");
}

static int qr_of_screen(const pn_notice *notice, unsigned cols,
                        unsigned rows, unsigned flags)
{
    pn_screen screen;
    pn_cursor cur;

    screen.cols = (uint16_t)cols;
    screen.rows = (uint16_t)rows;
    screen.flags = flags;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, notice,
                                                        &screen));
    if (cur.qr == PN_QR_PAGE_SKIPPED) /* the last page is text */
        TEST_ASSERT_TRUE(to_last_page(&cur) >= 1);
    return cur.qr;
}

/* The page needs the code with its quiet zone and the label's line: one
 * column or row less skips it, and the cursor says so. */
static void test_a_screen_too_small_skips_the_qr_page(void)
{
    char web[256];
    pn_notice notice;
    unsigned size, side;
    uint32_t i;

    for (i = 0; i < PN_BUNDLED_NOTICES; i++) {
        bundled_notice(i, &notice, web, sizeof web);
        if (!web[0])
            continue;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_size(&notice, &size));
        side = size + 2 * PN_QR_QUIET_ZONE;
        TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SHOWN,
                              qr_of_screen(&notice, side, (side + 1) / 2 + 1,
                                           0));
        TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SKIPPED,
                              qr_of_screen(&notice, side - 1,
                                           (side + 1) / 2 + 1, 0));
        TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SKIPPED,
                              qr_of_screen(&notice, side, (side + 1) / 2,
                                           0));
        TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SHOWN,
                              qr_of_screen(&notice, 2 * side, side + 1,
                                           PN_ASCII));
        TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SKIPPED,
                              qr_of_screen(&notice, 2 * side - 1, side + 1,
                                           PN_LATIN1));
        TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SKIPPED,
                              qr_of_screen(&notice, 2 * side, side,
                                           PN_ASCII));
        TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_SKIPPED,
                              qr_of_screen(&notice, 20, 4, 0));
    }
}

/* Paging onto the QR page and back gives the same pages; a cursor whose
 * qr field disagrees with the notice and screen is refused. */
static void test_paging_around_the_qr_page(void)
{
    static char before[30 * (4 * 40 + 1) + 1], again[sizeof before];
    pn_screen screen = {40, 30, 0};
    char web[256];
    pn_notice notice;
    pn_cursor cur, forged;
    uint32_t i;

    for (i = 0; i < PN_BUNDLED_NOTICES; i++) {
        bundled_notice(i, &notice, web, sizeof web);
        if (!web[0])
            continue;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, &notice,
                                                            &screen));
        to_last_page(&cur);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
        TEST_ASSERT_EQUAL_UINT32(cur.pages - 2, cur.page);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, before,
                                                    sizeof before, NULL));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, again,
                                                    sizeof again, NULL));
        TEST_ASSERT_EQUAL_STRING(before, again);
        TEST_ASSERT_TRUE(strstr(before, qr_label(&notice, 0)) == NULL);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
        forged = cur;
        forged.qr = PN_QR_PAGE_NONE;
        TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_page(&forged, again,
                                                         sizeof again, NULL));
        forged.qr = PN_QR_PAGE_SKIPPED;
        TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_next(&forged));
        /* the full notice has no QR page */
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &notice, &screen));
        TEST_ASSERT_EQUAL_INT(PN_QR_PAGE_NONE, cur.qr);
        /* a buffer too small for the page cuts it, NUL-terminated */
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, &notice,
                                                            &screen));
        to_last_page(&cur);
        TEST_ASSERT_EQUAL_INT(PN_TRUNCATED, pn_cursor_page(&cur, again, 100,
                                                           NULL));
        TEST_ASSERT_TRUE(strlen(again) < 100);
    }
}

/* Writes `value` as an unsigned LEB128 at `p`; returns its bytes. */
static unsigned put_leb128(unsigned char *p, uint32_t value)
{
    unsigned n = 0;

    while (value >= 0x80) {
        p[n++] = (unsigned char)(value | 0x80);
        value >>= 7;
    }
    p[n++] = (unsigned char)value;
    return n;
}

/* A facts record written at pool offset `at` (over what was there),
 * naming nothing but a QR code `back` bytes before it; the notice record
 * `rec` points at it. */
static void put_facts_with_qr(unsigned char *copy, uint32_t pool,
                              unsigned char *rec, uint32_t at, uint32_t back)
{
    unsigned char *p = copy + pool + at;
    unsigned k;

    store_le(rec + PN_NOTICE_AT(facts, PN_OFFSET_SIZE), PN_OFFSET_SIZE, at);
    *p++ = 0;                           /* waived */
    *p++ = 0;                           /* first contact */
    *p++ = 0;                           /* contact count */
    *p++ = 0;                           /* updated */
    p += put_leb128(p, back);
    for (k = 0; k < PN_FACT_COUNT; k++)
        *p++ = 0;
}

/* A code the pool does not hold is damage, not a read past the catalog. */
static void test_a_damaged_code_is_a_format_error(void)
{
    static unsigned char copy[PN_BUNDLED_SIZE];
    char web[256];
    pn_catalog cat;
    pn_notice notice;
    pn__view v;
    unsigned size;
    uint32_t i, pool, pool_size, notices, at, end;

    memcpy(copy, pn_bundled, sizeof copy);
    pool = pn__read_u32(copy + PN_HDR_AT(pool, 4));
    pool_size = pn__read_u32(copy + PN_HDR_AT(pool_size, 4));
    notices = pn__read_u32(copy + PN_HDR_AT(notices, 4));
    /* room for a facts record at the pool's end */
    end = pool_size - (PN_FACTS_COUNT + 4);
    for (i = 0; i < PN_BUNDLED_NOTICES; i++) {
        unsigned char *rec = copy + notices + i * PN_NOTICE_SIZE;

        bundled_notice(i, &notice, web, sizeof web);
        if (!web[0])
            continue;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, copy, sizeof copy));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &notice));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_view(&v, &cat));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_notice_facts(&v, rec,
                                                           PN_FACTS_QR, &at));
        TEST_ASSERT_TRUE(at > 0 && at < pool_size);
        copy[pool + at] = PN_QR_MAX_VERSION + 1;
        TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_qr_size(&notice, &size));
        copy[pool + at] = pn_bundled[pool + at];
        /* a code before the pool's start */
        put_facts_with_qr(copy, pool, rec, end, end + 1);
        TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_qr_size(&notice, &size));
        /* a code that would end past the pool */
        put_facts_with_qr(copy, pool, rec, end, 5);
        copy[pool + end - 5] = 1;
        TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_qr_size(&notice, &size));
        /* the same record, pointing at the real code, reads it */
        put_facts_with_qr(copy, pool, rec, end, end - at);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_size(&notice, &size));
        memcpy(copy, pn_bundled, sizeof copy);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_qr_size(&notice, &size));
    }
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_capacities_are_the_standards);
    RUN_TEST(test_version_is_the_smallest_that_holds_the_text);
    RUN_TEST(test_mode_and_level_names);
    RUN_TEST(test_matrices_match_libqrcodegen);
    RUN_TEST(test_pnc_reports_an_address_too_long_at_its_level);
    RUN_TEST(test_the_code_is_of_the_address_as_written);
    RUN_TEST(test_zbarimg_reads_the_address);
    RUN_TEST(test_libpn_reads_the_code_pnc_made);
    RUN_TEST(test_zbarimg_reads_the_text_drawing);
    RUN_TEST(test_text_drawing_reports_what_it_cannot_do);
    RUN_TEST(test_a_damaged_code_is_a_format_error);
    RUN_TEST(test_zbarimg_reads_the_first_layers_qr_page);
    RUN_TEST(test_a_screen_too_small_skips_the_qr_page);
    RUN_TEST(test_paging_around_the_qr_page);
    return UNITY_END();
}
