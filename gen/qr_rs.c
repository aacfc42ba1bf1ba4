#include "qr_rs.h"

#include <string.h>

/* x^8 + x^4 + x^3 + x^2 + 1, the field's reducing polynomial. */
#define FIELD_POLY 0x11D

static unsigned gf_mul(unsigned a, unsigned b)
{
    unsigned product = 0;

    while (b) {
        if (b & 1)
            product ^= a;
        b >>= 1;
        a <<= 1;
        if (a & 0x100)
            a ^= FIELD_POLY;
    }
    return product;
}

/* gen[0..n] = (x - 2^0)(x - 2^1)...(x - 2^(n-1)), highest power first
 * (gen[0] = 1). Subtraction is addition in GF(2^8). */
static void generator(unsigned n, unsigned char *gen)
{
    unsigned root = 1, i, j;

    gen[0] = 1;
    for (i = 1; i <= n; i++) {
        gen[i] = 0;
        for (j = i; j >= 1; j--)
            gen[j] = (unsigned char)(gen[j] ^ gf_mul(gen[j - 1], root));
        root = gf_mul(root, 2);
    }
}

void qr_rs_ecc(const unsigned char *data, size_t len, unsigned char *ecc,
               unsigned ecc_len)
{
    unsigned char gen[QR_RS_MAX_ECC + 1];
    size_t i;
    unsigned j, factor;

    generator(ecc_len, gen);
    memset(ecc, 0, ecc_len);
    /* Long division, the remainder kept in ecc (highest power first). */
    for (i = 0; i < len; i++) {
        factor = data[i] ^ ecc[0];
        memmove(ecc, ecc + 1, ecc_len - 1);
        ecc[ecc_len - 1] = 0;
        for (j = 0; j < ecc_len; j++)
            ecc[j] = (unsigned char)(ecc[j] ^ gf_mul(gen[j + 1], factor));
    }
}
