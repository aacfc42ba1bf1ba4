/* qr_rs.h: the Reed-Solomon error correction codewords of a QR code block
 * (ISO/IEC 18004): arithmetic in GF(256) modulo x^8 + x^4 + x^3 + x^2 + 1,
 * a generator polynomial with roots 2^0 .. 2^(n-1). */
#ifndef PNC_QR_RS_H
#define PNC_QR_RS_H

#include <stddef.h>

/* The most error correction codewords a block of versions 1-10 has. */
#define QR_RS_MAX_ECC 30

/* Writes to `ecc` the `ecc_len` (1 to QR_RS_MAX_ECC) codewords that
 * protect the `len` data codewords at `data`: the remainder of the data,
 * read as a polynomial and multiplied by x^ecc_len, divided by the
 * generator polynomial of degree ecc_len. */
void qr_rs_ecc(const unsigned char *data, size_t len, unsigned char *ecc,
               unsigned ecc_len);

#endif
