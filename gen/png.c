/* png.c: a PNG file is a signature and chunks (length, type, data, CRC of
 * type and data): IHDR, IDAT holding a zlib stream of the filtered rows
 * (filter type 0 on every row), IEND. The zlib stream is a 2-byte header,
 * deflate blocks of type 0 (stored, at most 65535 bytes each) and the
 * Adler-32 of the uncompressed bytes. */
#include "png.h"

#include <string.h>

#include "../runtime/pn_crc32.h"

#define STORED_MAX 65535u

uint32_t png_adler32(uint32_t adler, const unsigned char *data, size_t len)
{
    uint32_t a = adler & 0xFFFFu, b = adler >> 16;

    while (len > 0) {
        size_t n = len < 5552 ? len : 5552; /* no overflow before % */
        len -= n;
        while (n-- > 0) {
            a += *data++;
            b += a;
        }
        a %= 65521u;
        b %= 65521u;
    }
    return b << 16 | a;
}

static void be32(unsigned char *at, uint32_t v)
{
    at[0] = (unsigned char)(v >> 24);
    at[1] = (unsigned char)(v >> 16);
    at[2] = (unsigned char)(v >> 8);
    at[3] = (unsigned char)v;
}

static void put_u32_be(buf *out, uint32_t v)
{
    unsigned char b[4];
    be32(b, v);
    buf_put(out, b, 4);
}

static void put_chunk(buf *out, const char type[4], const unsigned char *data,
                      size_t len)
{
    uint32_t crc;

    put_u32_be(out, (uint32_t)len);
    buf_put(out, type, 4);
    if (len)
        buf_put(out, data, len);
    crc = pn__crc32(0, type, 4);
    crc = pn__crc32(crc, data, len);
    put_u32_be(out, crc);
}

/* The rows as PNG filters them: a 0 (no filter) before each. */
static void filtered_rows(buf *raw, const unsigned char *grey,
                          unsigned width, unsigned height, unsigned depth)
{
    size_t row_bytes = depth == 8 ? width : (width + 7u) / 8u;
    unsigned x, y;

    for (y = 0; y < height; y++) {
        const unsigned char *row = grey + (size_t)y * width;
        buf_byte(raw, 0);
        if (depth == 8) {
            buf_put(raw, row, row_bytes);
            continue;
        }
        for (x = 0; x < width; x += 8) {
            unsigned bits = 0, i;
            for (i = 0; i < 8; i++)
                bits = bits << 1 |
                       (x + i < width && row[x + i] >= 128 ? 1u : 0u);
            buf_byte(raw, bits);
        }
    }
}

static void zlib_stored(buf *z, const buf *raw)
{
    size_t at = 0;

    buf_byte(z, 0x78); /* deflate, 32 KiB window */
    buf_byte(z, 0x01); /* no dictionary, fastest; 0x7801 % 31 == 0 */
    do {
        size_t n = raw->len - at < STORED_MAX ? raw->len - at : STORED_MAX;
        buf_byte(z, at + n == raw->len ? 1 : 0); /* BFINAL, BTYPE 00 */
        buf_byte(z, (unsigned)(n & 0xFF));
        buf_byte(z, (unsigned)(n >> 8));
        buf_byte(z, (unsigned)(~n & 0xFF));
        buf_byte(z, (unsigned)(~n >> 8 & 0xFF));
        if (n)
            buf_put(z, raw->data + at, n);
        at += n;
    } while (at < raw->len);
    put_u32_be(z, png_adler32(1, raw->data, raw->len));
}

int png_encode(buf *out, const unsigned char *grey, unsigned width,
               unsigned height, unsigned depth)
{
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G',
                                               '\r', '\n', 0x1A, '\n'};
    unsigned char ihdr[13];
    buf raw = {0}, z = {0};

    if (width < 1 || height < 1 || width > PNG_MAX_SIDE ||
        height > PNG_MAX_SIDE || (depth != 1 && depth != 8))
        return -1;
    be32(ihdr, width);
    be32(ihdr + 4, height);
    ihdr[8] = (unsigned char)depth;
    ihdr[9] = 0;  /* greyscale */
    ihdr[10] = 0; /* deflate */
    ihdr[11] = 0; /* filter method 0 */
    ihdr[12] = 0; /* not interlaced */
    filtered_rows(&raw, grey, width, height, depth);
    zlib_stored(&z, &raw);
    buf_put(out, signature, sizeof signature);
    put_chunk(out, "IHDR", ihdr, sizeof ihdr);
    put_chunk(out, "IDAT", z.data, z.len);
    put_chunk(out, "IEND", NULL, 0);
    buf_free(&raw);
    buf_free(&z);
    return 0;
}
