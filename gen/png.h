/* png.h: PNG images without a library: greyscale, 1 or 8 bits a pixel,
 * the image data in stored (uncompressed) deflate blocks, so the writer
 * needs only the CRC-32 (runtime/pn_crc32.c) and Adler-32 sums. */
#ifndef PNC_PNG_H
#define PNC_PNG_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The largest width or height png_encode() takes. */
#define PNG_MAX_SIDE 16384u

/* Appends to `out` the PNG of a `width` x `height` image (each 1 to
 * PNG_MAX_SIDE) whose pixels are the bytes at `grey`, row by row, 0 black
 * to 255 white. With `depth` 1 a pixel is white when its byte is 128 or
 * more; with `depth` 8 the bytes are kept. Returns 0, or -1 (nothing
 * appended) for a size or depth out of range. */
int png_encode(buf *out, const unsigned char *grey, unsigned width,
               unsigned height, unsigned depth);

/* The Adler-32 of `len` bytes at `data`, continuing from `adler` (1 to
 * start): the check a zlib stream ends with. */
uint32_t png_adler32(uint32_t adler, const unsigned char *data, size_t len);

#endif
