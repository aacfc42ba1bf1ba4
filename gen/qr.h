/* qr.h: a text as a QR code (ISO/IEC 18004, Model 2), versions 1 to 10:
 * the module matrix pnc stores for a notice's web address.
 *
 *   qr_code code;
 *   if (qr_encode(url, strlen(url), QR_ECC_M, &code) == 0)
 *       dark = code.dark[row][column];
 *
 * The text is one segment: alphanumeric mode when every character is in
 * that mode's set (0-9, A-Z, space, $ % * + - . / :), which always takes
 * fewer bits, else byte mode. The version is the smallest that holds it
 * at the level asked for; the mask the one with the lowest penalty by the
 * standard's four rules (the lowest number on a tie). */
#ifndef PNC_QR_H
#define PNC_QR_H

#include <stddef.h>

#define QR_MAX_VERSION 10
#define QR_SIZE(version) (17 + 4 * (version))
#define QR_MAX_SIZE QR_SIZE(QR_MAX_VERSION)

/* Error correction levels, in increasing strength. */
typedef enum qr_ecc {
    QR_ECC_L, /* about 7% of the codewords can be restored */
    QR_ECC_M, /* 15% */
    QR_ECC_Q, /* 25% */
    QR_ECC_H  /* 30% */
} qr_ecc;

typedef enum qr_mode {
    QR_MODE_ALPHANUMERIC,
    QR_MODE_BYTE
} qr_mode;

typedef struct qr_code {
    unsigned version;  /* 1 to QR_MAX_VERSION */
    unsigned size;     /* modules a side: QR_SIZE(version) */
    unsigned mask;     /* the mask pattern, 0 to 7 */
    qr_ecc ecc;        /* the level */
    qr_mode mode;      /* how the text is encoded */
    /* [row][column], 1 for a dark module; rows and columns from `size`
     * on are 0. No quiet zone: a reader needs 4 light modules around. */
    unsigned char dark[QR_MAX_SIZE][QR_MAX_SIZE];
} qr_code;

/* Encodes the `len` bytes at `text` at level `ecc` in the smallest version
 * that holds them. Returns 0, or -1 when not even version 10 does. */
int qr_encode(const char *text, size_t len, qr_ecc ecc, qr_code *out);

/* As qr_encode(), with the version (1-10; 0: the smallest that holds the
 * text) and the mask (0-7; -1: the one the penalty rules choose) given,
 * for tests. Returns -1 when the text does not fit that version. */
int qr_encode_as(const char *text, size_t len, qr_ecc ecc, unsigned version,
                 int mask, qr_code *out);

/* The mode qr_encode() uses for the `len` bytes at `text`. */
qr_mode qr_mode_for(const char *text, size_t len);

/* The most characters (bytes in byte mode) a code of `version` holds at
 * level `ecc` in `mode`. */
size_t qr_capacity(unsigned version, qr_ecc ecc, qr_mode mode);

/* "L", "M", "Q" or "H"; and back (in either case): 0, or -1 for another
 * name. */
const char *qr_ecc_name(qr_ecc ecc);
int qr_ecc_parse(const char *name, qr_ecc *out);

#endif
