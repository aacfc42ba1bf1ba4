/* The PNG writer (gen/png.c): images encoded, then decoded back by a
 * reader of this test's own (chunks, CRC-32, stored deflate blocks,
 * Adler-32, rows) and compared pixel by pixel; pngcheck, when installed,
 * checks the files too. pnc --font-sample writes a PNG of the right size
 * with the font's pixels in it.
 *
 * pnc --preview WxH --png DIR: for every bundled notice, with the repo's
 * font and with DejaVu Sans 10 px (otf2bdf at test time), the files'
 * sorted names are the first layer's pages then the full notice's, one a
 * page libpn lays out; each is exactly W*scale x H*scale, passes pngcheck
 * and holds the pixels pn_cursor_draw() draws for that page, each
 * scale x scale; zbarimg reads each notice's web address from its QR page
 * at 128x64, scale 2, 3 and 4; a missing DIR and bad options are refused
 * with nothing written. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "png.h"
#include "pn.h"
#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/png-tmp"

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

/* ---- a small PNG reader, written from the specification --------------- */

/* Bit by bit: slow, and sharing nothing with pn_crc32.c. */
static uint32_t crc32_bitwise(const unsigned char *p, size_t len)
{
    uint32_t crc = 0xFFFFFFFFu;
    size_t i;
    int k;

    for (i = 0; i < len; i++) {
        crc ^= p[i];
        for (k = 0; k < 8; k++)
            crc = crc & 1 ? crc >> 1 ^ 0xEDB88320u : crc >> 1;
    }
    return ~crc;
}

static uint32_t adler32_plain(const unsigned char *p, size_t len)
{
    uint32_t a = 1, b = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        a = (a + p[i]) % 65521u;
        b = (b + a) % 65521u;
    }
    return b << 16 | a;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

typedef struct image {
    unsigned width, height, depth;
    unsigned char *grey; /* width x height, 0 or 255 for depth 1 */
} image;

/* Decodes what png_encode() writes; fails the test on anything else. */
static void decode(const unsigned char *png, size_t len, image *im)
{
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G',
                                               '\r', '\n', 0x1A, '\n'};
    unsigned char *z = NULL, *raw;
    size_t z_len = 0, at = 8, zi, raw_len = 0, row_bytes;
    int seen_end = 0;
    unsigned x, y;

    memset(im, 0, sizeof *im);
    TEST_ASSERT_TRUE(len > 8);
    TEST_ASSERT_EQUAL_MEMORY(signature, png, 8);
    while (!seen_end) {
        uint32_t n;
        const unsigned char *type;
        TEST_ASSERT_TRUE_MESSAGE(at + 12 <= len, "a chunk runs past the end");
        n = be32(png + at);
        type = png + at + 4;
        TEST_ASSERT_TRUE_MESSAGE(at + 12 + n <= len, "chunk length");
        TEST_ASSERT_EQUAL_HEX32(crc32_bitwise(type, 4 + n),
                                be32(png + at + 8 + n));
        if (memcmp(type, "IHDR", 4) == 0) {
            TEST_ASSERT_EQUAL_INT(13, n);
            im->width = be32(type + 4);
            im->height = be32(type + 8);
            im->depth = type[12];
            TEST_ASSERT_EQUAL_INT(0, type[13]); /* greyscale */
            TEST_ASSERT_EQUAL_INT(0, type[14]);
            TEST_ASSERT_EQUAL_INT(0, type[15]);
            TEST_ASSERT_EQUAL_INT(0, type[16]);
        } else if (memcmp(type, "IDAT", 4) == 0) {
            z = realloc(z, z_len + n + 1);
            TEST_ASSERT_NOT_NULL(z);
            memcpy(z + z_len, type + 4, n);
            z_len += n;
        } else {
            TEST_ASSERT_EQUAL_MEMORY("IEND", type, 4);
            TEST_ASSERT_EQUAL_INT(0, n);
            seen_end = 1;
        }
        at += 12 + n;
    }
    TEST_ASSERT_EQUAL_INT_MESSAGE(len, at, "bytes after IEND");
    TEST_ASSERT_TRUE(im->depth == 1 || im->depth == 8);
    TEST_ASSERT_TRUE(z_len >= 6);
    TEST_ASSERT_EQUAL_INT(8, z[0] & 15);                 /* deflate */
    TEST_ASSERT_EQUAL_INT(0, (z[0] << 8 | z[1]) % 31);    /* FCHECK */
    raw = malloc(z_len);
    TEST_ASSERT_NOT_NULL(raw);
    for (zi = 2;;) { /* stored blocks, each starting on a byte */
        unsigned final, n, not_n;
        TEST_ASSERT_TRUE(zi + 5 <= z_len);
        final = z[zi] & 1;
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, z[zi] >> 1 & 3, "not stored");
        n = z[zi + 1] | (unsigned)z[zi + 2] << 8;
        not_n = z[zi + 3] | (unsigned)z[zi + 4] << 8;
        TEST_ASSERT_EQUAL_INT(0xFFFF, n ^ not_n);
        zi += 5;
        TEST_ASSERT_TRUE(zi + n <= z_len);
        memcpy(raw + raw_len, z + zi, n);
        raw_len += n;
        zi += n;
        if (final)
            break;
    }
    TEST_ASSERT_EQUAL_INT(z_len, zi + 4);
    TEST_ASSERT_EQUAL_HEX32(adler32_plain(raw, raw_len), be32(z + zi));
    row_bytes = im->depth == 8 ? im->width : (im->width + 7) / 8;
    TEST_ASSERT_EQUAL_INT((row_bytes + 1) * im->height, raw_len);
    im->grey = malloc((size_t)im->width * im->height + 1);
    TEST_ASSERT_NOT_NULL(im->grey);
    for (y = 0; y < im->height; y++) {
        const unsigned char *row = raw + y * (row_bytes + 1);
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, row[0], "filter type");
        for (x = 0; x < im->width; x++)
            im->grey[y * im->width + x] =
                im->depth == 8 ? row[1 + x]
                : row[1 + x / 8] >> (7 - x % 8) & 1 ? 255 : 0;
    }
    free(raw);
    free(z);
}

static void write_file(const char *path, const buf *b)
{
    FILE *f = fopen(path, "wb");
    TEST_ASSERT_NOT_NULL(f);
    TEST_ASSERT_EQUAL_INT(b->len, fwrite(b->data, 1, b->len, f));
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

/* pngcheck's verdict on `path`, or an ignored test when it is missing. */
static void pngcheck(const char *path)
{
    char command[300];

    if (!have("pngcheck"))
        TEST_IGNORE_MESSAGE("skipped: pngcheck not found");
    snprintf(command, sizeof command, "pngcheck '%s'", path);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), out_text);
    TEST_ASSERT_TRUE(strstr(out_text, "OK:") != NULL);
}

/* A pattern that differs in every row and column. */
static unsigned char *pattern(unsigned width, unsigned height)
{
    unsigned char *grey = malloc((size_t)width * height);
    unsigned x, y;

    TEST_ASSERT_NOT_NULL(grey);
    for (y = 0; y < height; y++)
        for (x = 0; x < width; x++)
            grey[y * width + x] = (unsigned char)(x * 7 + y * 13 + x * y);
    return grey;
}

static void round_trip(unsigned width, unsigned height, unsigned depth,
                       const char *name)
{
    unsigned char *grey = pattern(width, height);
    char path[200];
    buf png = {0};
    image im;
    size_t i;

    TEST_ASSERT_EQUAL_INT(0, png_encode(&png, grey, width, height, depth));
    decode(png.data, png.len, &im);
    TEST_ASSERT_EQUAL_INT(width, im.width);
    TEST_ASSERT_EQUAL_INT(height, im.height);
    TEST_ASSERT_EQUAL_INT(depth, im.depth);
    for (i = 0; i < (size_t)width * height; i++) {
        unsigned want = depth == 8 ? grey[i] : grey[i] >= 128 ? 255 : 0;
        TEST_ASSERT_EQUAL_INT_MESSAGE(want, im.grey[i], name);
    }
    snprintf(path, sizeof path, "%s/%s.png", TMP, name);
    write_file(path, &png);
    free(im.grey);
    free(grey);
    buf_free(&png);
    pngcheck(path);
}

static void test_known_sums(void)
{
    /* The check values of the standards: CRC-32 and Adler-32. */
    TEST_ASSERT_EQUAL_HEX32(0xCBF43926u,
                            crc32_bitwise((const unsigned char *)"123456789",
                                          9));
    TEST_ASSERT_EQUAL_HEX32(0x11E60398u,
                            png_adler32(1, (const unsigned char *)"Wikipedia",
                                        9));
}

static void test_adler32_over_many_bytes(void)
{
    /* Past the 5552 bytes after which the sums must be reduced. */
    size_t len = 100000, i;
    unsigned char *data = malloc(len);

    TEST_ASSERT_NOT_NULL(data);
    for (i = 0; i < len; i++)
        data[i] = 0xFF;
    TEST_ASSERT_EQUAL_HEX32(adler32_plain(data, len),
                            png_adler32(1, data, len));
    free(data);
}

static void test_one_bit_odd_width(void)
{
    round_trip(13, 7, 1, "odd-1bit");
}

static void test_one_pixel(void)
{
    round_trip(1, 1, 1, "one-1bit");
    round_trip(1, 1, 8, "one-8bit");
}

static void test_eight_bit(void)
{
    round_trip(37, 19, 8, "grey-8bit");
}

static void test_more_than_one_stored_block(void)
{
    /* 300 x 301 bytes of rows: two blocks of at most 65535 bytes. */
    round_trip(300, 300, 8, "big-8bit");
}

static void test_bad_sizes_refused(void)
{
    unsigned char grey[4] = {0};
    buf png = {0};

    TEST_ASSERT_EQUAL_INT(-1, png_encode(&png, grey, 0, 1, 1));
    TEST_ASSERT_EQUAL_INT(-1, png_encode(&png, grey, 1, 0, 8));
    TEST_ASSERT_EQUAL_INT(-1, png_encode(&png, grey, PNG_MAX_SIDE + 1, 1, 1));
    TEST_ASSERT_EQUAL_INT(-1, png_encode(&png, grey, 2, 2, 4));
    TEST_ASSERT_EQUAL_INT(0, png.len);
}

static void test_font_sample(void)
{
    char path[200], *bytes;
    long len;
    image im;
    size_t i, black = 0;

    snprintf(path, sizeof path, "%s/sample.png", TMP);
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(PNC_PATH " --font tests/fixtures/bdf/good.bdf --font-sample "
               TMP "/sample.png --scale 2"), err_text);
    bytes = malloc(1 << 22);
    TEST_ASSERT_NOT_NULL(bytes);
    len = slurp(path, bytes, 1 << 22);
    TEST_ASSERT_TRUE(len > 0);
    decode((const unsigned char *)bytes, (size_t)len, &im);
    TEST_ASSERT_EQUAL_INT(1, im.depth);
    TEST_ASSERT_EQUAL_INT(800, im.width); /* 400 font pixels, scale 2 */
    TEST_ASSERT_EQUAL_INT(0, im.height % 2);
    for (i = 0; i < (size_t)im.width * im.height; i++)
        black += im.grey[i] == 0;
    /* Each font pixel is 2 x 2 pixels. */
    TEST_ASSERT_TRUE(black > 0);
    TEST_ASSERT_EQUAL_INT(0, black % 4);
    free(im.grey);
    free(bytes);
    pngcheck(path);
}

static void test_font_sample_needs_a_font(void)
{
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --font-sample " TMP "/x.png"));
    TEST_ASSERT_TRUE(strstr(err_text, "--font") != NULL);
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --font tests/fixtures/bdf/good.bdf"
                                 " --font-sample " TMP "/x.png --scale 17"));
    TEST_ASSERT_TRUE(strstr(err_text, "--scale takes 1 to 16") != NULL);
}

/* ---- pnc --preview WxH --png DIR -------------------------------------- */

#define SANS "fonts/pnc-sans-11.bdf"
#define MAX_FILES 4096

static unsigned char catalog[1 << 18];
static pn_catalog cat;
static char *names[MAX_FILES];
static size_t name_count;

/* DejaVu Sans at 10 px into TMP/dejavu-10.bdf, or why it cannot be made. */
/* The bundled notices compiled with `font`, opened into `cat`: what the
 * pictures are compared with. */
static void load_catalog(const char *font)
{
    char command[512];
    long size;

    snprintf(command, sizeof command,
             PNC_PATH " --format bin -o " TMP "/preview.pnc --font %s "
             "policies/*.pn", font);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), tail(err_text));
    size = slurp(TMP "/preview.pnc", (char *)catalog, sizeof catalog);
    TEST_ASSERT_TRUE(size > 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, catalog, (size_t)size));
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(void)
{
    while (name_count > 0)
        free(names[--name_count]);
}

/* The names in `dir`, sorted as `ls` sorts them in the C locale. */
static void list_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    TEST_ASSERT_NOT_NULL(d);
    free_names();
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        TEST_ASSERT_TRUE(name_count < MAX_FILES);
        names[name_count] = malloc(strlen(e->d_name) + 1);
        TEST_ASSERT_NOT_NULL(names[name_count]);
        strcpy(names[name_count++], e->d_name);
    }
    closedir(d);
    qsort(names, name_count, sizeof names[0], by_name);
}

/* Runs pnc --preview WxH --png `dir` --scale `scale` with `font` on the
 * bundled notices, into a fresh `dir`; lists what it wrote. */
static void preview_png(const char *font, unsigned w, unsigned h,
                        unsigned scale, const char *dir)
{
    char command[600];

    snprintf(command, sizeof command, "rm -rf %s && mkdir %s", dir, dir);
    TEST_ASSERT_EQUAL_INT(0, run(command));
    snprintf(command, sizeof command,
             PNC_PATH " --preview %ux%u --font %s --png %s --scale %u "
             "policies/*.pn", w, h, font, dir, scale);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), tail(err_text));
    list_dir(dir);
}

static unsigned char file_bytes[1 << 22];
static unsigned char fb[4096 / 8 * 4096];

/* The PNG `dir`/`name` is the cursor's page drawn by libpn, each pixel
 * scale x scale, black ink on white, and nothing else. */
static void check_picture(const char *dir, const char *name,
                          const pn_cursor *cur, unsigned scale)
{
    unsigned w = cur->screen.cols, h = cur->screen.rows, x, y;
    char path[600];
    long len;
    image im;
    pn_canvas c;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    len = slurp(path, (char *)file_bytes, sizeof file_bytes);
    TEST_ASSERT_TRUE_MESSAGE(len > 0, path);
    decode(file_bytes, (size_t)len, &im);
    TEST_ASSERT_EQUAL_INT_MESSAGE(1, im.depth, path);
    TEST_ASSERT_EQUAL_INT_MESSAGE(w * scale, im.width, path);
    TEST_ASSERT_EQUAL_INT_MESSAGE(h * scale, im.height, path);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_canvas_init(&c, fb, sizeof fb, w, h,
                                                PN_CANVAS_ROWS));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_draw(cur, &c, 0, 0));
    for (y = 0; y < im.height; y++)
        for (x = 0; x < im.width; x++) {
            unsigned fx = x / scale, fy = y / scale;
            int ink = fb[fy * c.stride + fx / 8] >> (7 - fx % 8) & 1;
            if (im.grey[(size_t)y * im.width + x] != (ink ? 0 : 255)) {
                char why[700];
                snprintf(why, sizeof why, "%s: pixel %u,%u", path, x, y);
                TEST_FAIL_MESSAGE(why);
            }
        }
    free(im.grey);
}

/* The names from `*at` on that start with `prefix` are the pages of
 * the cursor's document, in order: pNNN (NNN its number, at least 3
 * digits), -qr on the first layer's QR page. */
static void check_document(const char *dir, size_t *at, const char *prefix,
                           pn_cursor *cur, unsigned scale)
{
    uint32_t number = 1, pages = 1;
    pn_cursor count = *cur;
    pn_status status;
    unsigned width = 3;

    while (pn_cursor_next(&count) == PN_OK)
        pages++;
    if (pages >= 1000)
        width = pages >= 10000 ? 5 : 4;
    do {
        int qr = cur->qr == PN_QR_PAGE_SHOWN && number == pages;
        char want[300];

        snprintf(want, sizeof want, "%s.p%0*lu%s.png", prefix, (int)width,
                 (unsigned long)number, qr ? "-qr" : "");
        TEST_ASSERT_TRUE_MESSAGE(*at < name_count, want);
        TEST_ASSERT_EQUAL_STRING(want, names[*at]);
        check_picture(dir, names[*at], cur, scale);
        ++*at;
        number++;
    } while ((status = pn_cursor_next(cur)) == PN_OK);
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, status);
    TEST_ASSERT_EQUAL_INT(pages, number - 1);
}

/* Every file in `dir` is a page, in sorted order: each notice's first
 * layer then its full text, the notices in the catalog's order. */
static void check_every_page(const char *dir, unsigned w, unsigned h,
                             unsigned scale)
{
    pn_screen screen;
    pn_cursor cur;
    pn_notice n;
    size_t at = 0;
    uint32_t i;
    char prefix[200], command[700];

    screen.cols = (uint16_t)w;
    screen.rows = (uint16_t)h;
    screen.flags = PN_PIXELS;
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &n));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, &n,
                                                            &screen));
        snprintf(prefix, sizeof prefix, "%s.%s.1-first-layer", n.policy,
                 n.lang);
        check_document(dir, &at, prefix, &cur, scale);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
        snprintf(prefix, sizeof prefix, "%s.%s.2-notice", n.policy, n.lang);
        check_document(dir, &at, prefix, &cur, scale);
    }
    TEST_ASSERT_EQUAL_INT_MESSAGE(name_count, at, "files that are no page");
    if (!have("pngcheck"))
        TEST_IGNORE_MESSAGE("skipped: pngcheck not found; the pictures "
                            "passed this test's own reader");
    snprintf(command, sizeof command, "pngcheck -q %s/*.png", dir);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), tail(out_text));
}

static void test_preview_pages_in_the_repo_font(void)
{
    load_catalog(SANS);
    preview_png(SANS, 128, 64, 2, TMP "/sans-128x64");
    check_every_page(TMP "/sans-128x64", 128, 64, 2);
    preview_png(SANS, 320, 240, 1, TMP "/sans-320x240");
    check_every_page(TMP "/sans-320x240", 320, 240, 1);
    free_names();
}

static void test_preview_pages_in_dejavu_sans(void)
{
    const char *skip =
        make_dejavu_bdf("DejaVuSans", 10, TMP "/dejavu-10.bdf");

    if (skip)
        TEST_IGNORE_MESSAGE(skip);
    load_catalog(TMP "/dejavu-10.bdf");
    preview_png(TMP "/dejavu-10.bdf", 128, 64, 1, TMP "/dejavu-128x64");
    check_every_page(TMP "/dejavu-128x64", 128, 64, 1);
    preview_png(TMP "/dejavu-10.bdf", 320, 240, 3, TMP "/dejavu-320x240");
    check_every_page(TMP "/dejavu-320x240", 320, 240, 3);
    free_names();
}

/* zbarimg reads from each notice's QR page PNG exactly its web address. */
static void test_qr_pages_read_by_zbarimg(void)
{
    unsigned scale, codes = 0;
    uint32_t i;
    size_t k;

    if (!have("zbarimg"))
        TEST_IGNORE_MESSAGE("skipped: zbarimg not found (zbar-tools)");
    load_catalog(SANS);
    for (scale = 2; scale <= 4; scale++) {
        preview_png(SANS, 128, 64, scale, TMP "/qr");
        for (i = 0; i < cat.notice_count; i++) {
            char buf[1024], prefix[200], command[700], want[600];
            const char *qr_file = NULL;
            pn_contact contact;
            pn_notice n;

            TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &n));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_contact(&n, buf,
                                                           sizeof buf,
                                                           &contact));
            snprintf(prefix, sizeof prefix, "%s.%s.1-first-layer.", n.policy,
                     n.lang);
            for (k = 0; k < name_count; k++)
                if (strncmp(names[k], prefix, strlen(prefix)) == 0 &&
                    strstr(names[k], "-qr.png"))
                    qr_file = names[k];
            if (contact.web[0] == '\0') {
                TEST_ASSERT_TRUE_MESSAGE(qr_file == NULL, prefix);
                continue;
            }
            TEST_ASSERT_TRUE_MESSAGE(qr_file != NULL, prefix);
            snprintf(command, sizeof command,
                     "zbarimg -q --raw %s/qr/%s 2>/dev/null", TMP, qr_file);
            snprintf(want, sizeof want, "%s\n", contact.web);
            TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), qr_file);
            TEST_ASSERT_EQUAL_STRING_MESSAGE(want, out_text, qr_file);
            codes++;
        }
    }
    TEST_ASSERT_TRUE(codes >= 3);
    free_names();
}

static void test_preview_png_refusals(void)
{
#define OUT TMP "/refused"
    const char *files = " policies/nitd.nb.pn";
    char command[600];

    /* DIR missing, or a file: an I/O error, nothing written. */
    snprintf(command, sizeof command, PNC_PATH " --preview 128x64 --font "
             SANS " --png " OUT "/missing%s", files);
    TEST_ASSERT_EQUAL_INT(2, run(command));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "not a directory"));
    TEST_ASSERT_EQUAL_INT(-1, slurp(OUT "/missing", (char *)file_bytes, 16));
    TEST_ASSERT_EQUAL_INT(0, run("mkdir " OUT " && echo x > " OUT "/file"));
    snprintf(command, sizeof command, PNC_PATH " --preview 128x64 --font "
             SANS " --png " OUT "/file%s", files);
    TEST_ASSERT_EQUAL_INT(2, run(command));
    TEST_ASSERT_EQUAL_INT(0, run("ls " OUT));
    TEST_ASSERT_EQUAL_STRING("file\n", out_text);
    /* Options that do not go together, or sizes out of range. */
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --preview 128x64 --png " TMP
                                 " policies/nitd.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--font"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --font " SANS " --png " OUT
                                 " policies/nitd.nb.pn"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --preview 4097x64 --font " SANS
                                 " --png " OUT " policies/nitd.nb.pn"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --preview 4096x64 --font " SANS
                                 " --png " OUT " --scale 5"
                                 " policies/nitd.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "16384"));
    /* A screen lower than a line of the font: said so, nothing written. */
    TEST_ASSERT_EQUAL_INT(0, run("mkdir " OUT "/low"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --preview 128x5 --font " SANS
                                 " --png " OUT "/low policies/nitd.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "a line of the font is 12 pixels "
                                          "high"));
    TEST_ASSERT_EQUAL_INT(0, run("ls " OUT "/low"));
    TEST_ASSERT_EQUAL_STRING("", out_text);
    TEST_ASSERT_EQUAL_INT(0, run("ls " OUT));
    TEST_ASSERT_EQUAL_STRING("file\nlow\n", out_text);
    /* Without --png the size is still columns and lines. */
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --preview 1001x4"
                                 " policies/nitd.nb.pn"));
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --preview 20x4"
                                 " policies/nitd.nb.pn"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_known_sums);
    RUN_TEST(test_adler32_over_many_bytes);
    RUN_TEST(test_one_bit_odd_width);
    RUN_TEST(test_one_pixel);
    RUN_TEST(test_eight_bit);
    RUN_TEST(test_more_than_one_stored_block);
    RUN_TEST(test_bad_sizes_refused);
    RUN_TEST(test_font_sample);
    RUN_TEST(test_font_sample_needs_a_font);
    RUN_TEST(test_preview_pages_in_the_repo_font);
    RUN_TEST(test_preview_pages_in_dejavu_sans);
    RUN_TEST(test_qr_pages_read_by_zbarimg);
    RUN_TEST(test_preview_png_refusals);
    return UNITY_END();
}
