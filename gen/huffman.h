/* huffman.h: code lengths of a Huffman code, for pnc's text compression
 * (gen/compress.c). The codes themselves are canonical: see
 * runtime/pn_format.h. */
#ifndef PNC_HUFFMAN_H
#define PNC_HUFFMAN_H

#include <stddef.h>
#include <stdint.h>

/* The longest code; runtime/pn_decode.c reads codes of up to this many
 * bits (PN_CODE_MAX_LEN). */
#define HUFF_MAX_LEN 20u

/* Sets `len[i]` to the code length of symbol i, for `count` symbols with
 * frequencies `freq`: 0 for a symbol of frequency 0, else 1..HUFF_MAX_LEN.
 * A lone used symbol gets length 1. Deterministic: ties go to the lower
 * index. */
void huff_lengths(const uint32_t *freq, size_t count, unsigned char *len);

#endif
