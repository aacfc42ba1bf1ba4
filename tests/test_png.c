/* The PNG writer (gen/png.c): images encoded, then decoded back by a
 * reader of this test's own (chunks, CRC-32, stored deflate blocks,
 * Adler-32, rows) and compared pixel by pixel; pngcheck, when installed,
 * checks the files too. pnc --font-sample writes a PNG of the right size
 * with the font's pixels in it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "png.h"
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
    return UNITY_END();
}
