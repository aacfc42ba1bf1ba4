#include "qr.h"

#include <string.h>

#include "qr_rs.h"

/* ---- The standard's tables (ISO/IEC 18004), versions 1-10 ---------------- */

/* All codewords, data and error correction, of each version. */
#define MAX_CODEWORDS 346
static const unsigned short total_codewords[QR_MAX_VERSION + 1] = {
    0, 26, 44, 70, 100, 134, 172, 196, 242, 292, 346};

/* By level (L, M, Q, H) and version: error correction codewords in each
 * block, and the number of blocks. */
static const unsigned char ecc_per_block[4][QR_MAX_VERSION + 1] = {
    {0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18},
    {0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26},
    {0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24},
    {0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28}};
static const unsigned char block_count[4][QR_MAX_VERSION + 1] = {
    {0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4},
    {0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5},
    {0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8},
    {0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8}};

/* The rows (and columns) of the alignment patterns' centres; 0 ends. */
static const unsigned char alignment_at[QR_MAX_VERSION + 1][4] = {
    {0}, {0}, {6, 18}, {6, 22}, {6, 26}, {6, 30}, {6, 34},
    {6, 22, 38}, {6, 24, 42}, {6, 26, 46}, {6, 28, 50}};

/* The level's two bits in the format information. */
static const unsigned char ecc_format_bits[4] = {1, 0, 3, 2};

/* Alphanumeric mode's characters, in the order of their values 0-44. */
static const char alphanumeric[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

#define FORMAT_POLY 0x537   /* BCH(15,5) generator */
#define FORMAT_MASK 0x5412  /* XORed so the format is never all light */
#define VERSION_POLY 0x1F25 /* BCH(18,6) generator */

/* Penalty weights of the mask rules. */
enum { PENALTY_RUN = 3, PENALTY_BLOCK = 3, PENALTY_FINDER = 40,
       PENALTY_BALANCE = 10 };

/* ---- Capacity ------------------------------------------------------------ */

static unsigned data_codewords(unsigned version, qr_ecc ecc)
{
    return total_codewords[version] -
           (unsigned)ecc_per_block[ecc][version] * block_count[ecc][version];
}

static unsigned count_bits(unsigned version, qr_mode mode)
{
    if (mode == QR_MODE_ALPHANUMERIC)
        return version < 10 ? 9 : 11;
    return version < 10 ? 8 : 16;
}

size_t qr_capacity(unsigned version, qr_ecc ecc, qr_mode mode)
{
    size_t room = 8 * (size_t)data_codewords(version, ecc) - 4 -
                  count_bits(version, mode);

    if (mode == QR_MODE_ALPHANUMERIC)
        return room / 11 * 2 + (room % 11 >= 6);
    return room / 8;
}

static int alphanumeric_value(unsigned char c)
{
    const char *at = c ? strchr(alphanumeric, c) : NULL;
    return at ? (int)(at - alphanumeric) : -1;
}

qr_mode qr_mode_for(const char *text, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (alphanumeric_value((unsigned char)text[i]) < 0)
            return QR_MODE_BYTE;
    return QR_MODE_ALPHANUMERIC;
}

const char *qr_ecc_name(qr_ecc ecc)
{
    return &"L\0M\0Q\0H"[2 * ecc];
}

int qr_ecc_parse(const char *name, qr_ecc *out)
{
    int i;

    for (i = 0; i < 4; i++) {
        if ((name[0] == qr_ecc_name((qr_ecc)i)[0] ||
             name[0] == qr_ecc_name((qr_ecc)i)[0] - 'A' + 'a') &&
            name[1] == '\0') {
            *out = (qr_ecc)i;
            return 0;
        }
    }
    return -1;
}

/* ---- Codewords ------------------------------------------------------------ */

typedef struct bit_writer {
    unsigned char *bytes; /* zeroed before the first bit */
    size_t count;         /* bits written */
} bit_writer;

static void put_bits(bit_writer *w, unsigned value, unsigned bits)
{
    while (bits--) {
        if ((value >> bits) & 1)
            w->bytes[w->count / 8] |= (unsigned char)(0x80 >> (w->count % 8));
        w->count++;
    }
}

/* The data codewords: mode, count, the text, terminator and padding. */
static void data_bits(const char *text, size_t len, qr_mode mode,
                      unsigned version, unsigned capacity,
                      unsigned char *out)
{
    bit_writer w;
    size_t i, byte;

    memset(out, 0, capacity);
    w.bytes = out;
    w.count = 0;
    put_bits(&w, mode == QR_MODE_ALPHANUMERIC ? 0x2 : 0x4, 4);
    put_bits(&w, (unsigned)len, count_bits(version, mode));
    for (i = 0; mode == QR_MODE_ALPHANUMERIC && i + 1 < len; i += 2)
        put_bits(&w, (unsigned)(45 * alphanumeric_value((unsigned char)text[i]) +
                                alphanumeric_value((unsigned char)text[i + 1])),
                 11);
    if (mode == QR_MODE_ALPHANUMERIC && i < len)
        put_bits(&w, (unsigned)alphanumeric_value((unsigned char)text[i]), 6);
    for (i = 0; mode == QR_MODE_BYTE && i < len; i++)
        put_bits(&w, (unsigned char)text[i], 8);
    /* The terminator (four zero bits, fewer where the capacity ends) and
     * the bits up to a whole byte are zeros already; then the pad
     * codewords 11101100 and 00010001 in turn. */
    w.count += 8 * capacity - w.count < 4 ? 8 * capacity - w.count : 4;
    for (byte = (w.count + 7) / 8; byte < capacity; byte++)
        out[byte] = (byte - (w.count + 7) / 8) % 2 ? 0x11 : 0xEC;
}

/* The final sequence: the data split into blocks (the shorter ones
 * first, the longer one codeword more), each block's error correction
 * codewords computed, then both interleaved block by block. */
static void interleave(const unsigned char *data, unsigned version,
                       qr_ecc ecc, unsigned char *out)
{
    unsigned blocks = block_count[ecc][version];
    unsigned ecc_len = ecc_per_block[ecc][version];
    unsigned total = total_codewords[version];
    unsigned short_len = total / blocks - ecc_len;
    unsigned short_blocks = blocks - total % blocks;
    unsigned char ecc_words[8][QR_RS_MAX_ECC];
    unsigned start[8], b, i, k = 0;

    for (b = 0, i = 0; b < blocks; b++) {
        start[b] = i;
        qr_rs_ecc(data + i, short_len + (b >= short_blocks), ecc_words[b],
                  ecc_len);
        i += short_len + (b >= short_blocks);
    }
    for (i = 0; i <= short_len; i++)
        for (b = 0; b < blocks; b++)
            if (i < short_len || b >= short_blocks)
                out[k++] = data[start[b] + i];
    for (i = 0; i < ecc_len; i++)
        for (b = 0; b < blocks; b++)
            out[k++] = ecc_words[b][i];
}

/* ---- The matrix ----------------------------------------------------------- */

/* Which modules are function patterns (finders, timing, alignment,
 * format and version information): data skips them, masks leave them. */
typedef unsigned char function_map[QR_MAX_SIZE][QR_MAX_SIZE];

static void set_function(qr_code *q, function_map fn, unsigned row,
                         unsigned col, int dark)
{
    q->dark[row][col] = (unsigned char)(dark != 0);
    fn[row][col] = 1;
}

/* A finder pattern (7x7) with its light separator, centred at row `r`,
 * column `c`: dark at Chebyshev distance 0, 1 and 3 from the centre. */
static void draw_finder(qr_code *q, function_map fn, int r, int c)
{
    int dr, dc;

    for (dr = -4; dr <= 4; dr++) {
        for (dc = -4; dc <= 4; dc++) {
            int dist = dr < 0 ? -dr : dr, dist_c = dc < 0 ? -dc : dc;
            if (dist_c > dist)
                dist = dist_c;
            if (r + dr >= 0 && r + dr < (int)q->size && c + dc >= 0 &&
                c + dc < (int)q->size)
                set_function(q, fn, (unsigned)(r + dr), (unsigned)(c + dc),
                             dist != 2 && dist != 4);
        }
    }
}

/* An alignment pattern (5x5): dark but for the ring at distance 1. */
static void draw_alignment(qr_code *q, function_map fn, unsigned r,
                           unsigned c)
{
    int dr, dc;

    for (dr = -2; dr <= 2; dr++) {
        for (dc = -2; dc <= 2; dc++) {
            int dist = dr < 0 ? -dr : dr, dist_c = dc < 0 ? -dc : dc;
            if (dist_c > dist)
                dist = dist_c;
            set_function(q, fn, (unsigned)((int)r + dr),
                         (unsigned)((int)c + dc), dist != 1);
        }
    }
}

/* The 15 format bits (bit 0 the least significant), twice: around the
 * top-left finder, and split between the other two. */
static void draw_format(qr_code *q, function_map fn, unsigned bits)
{
    unsigned n = q->size, i;

    for (i = 0; i < 15; i++) {
        int bit = (bits >> i) & 1;

        if (i < 6)
            set_function(q, fn, i, 8, bit);
        else if (i < 8)
            set_function(q, fn, i + 1, 8, bit);
        else if (i == 8)
            set_function(q, fn, 8, 7, bit);
        else
            set_function(q, fn, 8, 14 - i, bit);
        if (i < 8)
            set_function(q, fn, 8, n - 1 - i, bit);
        else
            set_function(q, fn, n - 15 + i, 8, bit);
    }
    set_function(q, fn, n - 8, 8, 1); /* the dark module */
}

static unsigned format_bits(qr_ecc ecc, unsigned mask)
{
    unsigned data = (unsigned)ecc_format_bits[ecc] << 3 | mask;
    unsigned rem = data << 10;
    int bit;

    for (bit = 14; bit >= 10; bit--)
        if (rem & (1u << bit))
            rem ^= (unsigned)FORMAT_POLY << (bit - 10);
    return ((data << 10) | rem) ^ FORMAT_MASK;
}

/* Versions 7 and up: 18 bits, a 6x3 block above the bottom-left finder
 * and its mirror left of the top-right one. */
static void draw_version(qr_code *q, function_map fn)
{
    unsigned long bits = (unsigned long)q->version << 12, rem = bits;
    unsigned i;
    int bit;

    for (bit = 17; bit >= 12; bit--)
        if (rem & (1ul << bit))
            rem ^= (unsigned long)VERSION_POLY << (bit - 12);
    bits |= rem;
    for (i = 0; i < 18; i++) {
        int dark = (int)((bits >> i) & 1);
        set_function(q, fn, q->size - 11 + i % 3, i / 3, dark);
        set_function(q, fn, i / 3, q->size - 11 + i % 3, dark);
    }
}

static void draw_function_patterns(qr_code *q, function_map fn)
{
    const unsigned char *at = alignment_at[q->version];
    unsigned n = q->size, i, j;

    for (i = 0; i < n; i++) {
        set_function(q, fn, 6, i, i % 2 == 0);
        set_function(q, fn, i, 6, i % 2 == 0);
    }
    draw_finder(q, fn, 3, 3);
    draw_finder(q, fn, 3, (int)n - 4);
    draw_finder(q, fn, (int)n - 4, 3);
    for (i = 0; at[i]; i++) {
        for (j = 0; at[j]; j++) {
            /* not over the finders */
            if ((at[i] == 6 && at[j] == 6) ||
                (at[i] == 6 && at[j + 1] == 0) ||
                (at[i + 1] == 0 && at[j] == 6))
                continue;
            draw_alignment(q, fn, at[i], at[j]);
        }
    }
    draw_format(q, fn, 0); /* reserved; drawn again once the mask is known */
    if (q->version >= 7)
        draw_version(q, fn);
}

/* The codewords' bits, most significant first, up and down two-module
 * columns from the bottom-right corner, skipping the vertical timing
 * pattern; the modules left over (remainder bits) stay light. */
static void place_data(qr_code *q, function_map fn,
                       const unsigned char *codewords, size_t count)
{
    size_t bit = 0;
    unsigned n = q->size, vert, k;
    int right;

    for (right = (int)n - 1; right >= 1; right -= 2) {
        if (right == 6)
            right = 5;
        for (vert = 0; vert < n; vert++) {
            int upward = ((right + 1) & 2) == 0;
            unsigned row = upward ? n - 1 - vert : vert;

            for (k = 0; k < 2; k++) {
                unsigned col = (unsigned)right - k;
                if (fn[row][col])
                    continue;
                if (bit < count * 8)
                    q->dark[row][col] =
                        (codewords[bit / 8] >> (7 - bit % 8)) & 1;
                bit++;
            }
        }
    }
}

static int mask_says_flip(unsigned mask, unsigned i, unsigned j)
{
    switch (mask) {
    case 0: return (i + j) % 2 == 0;
    case 1: return i % 2 == 0;
    case 2: return j % 3 == 0;
    case 3: return (i + j) % 3 == 0;
    case 4: return (i / 2 + j / 3) % 2 == 0;
    case 5: return (i * j) % 2 + (i * j) % 3 == 0;
    case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0;
    default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0;
    }
}

/* Flips the data modules the mask selects (row i, column j); applying
 * it twice undoes it. */
static void apply_mask(qr_code *q, function_map fn, unsigned mask)
{
    unsigned i, j;

    for (i = 0; i < q->size; i++)
        for (j = 0; j < q->size; j++)
            if (!fn[i][j] && mask_says_flip(mask, i, j))
                q->dark[i][j] ^= 1;
}

/* ---- Mask penalty --------------------------------------------------------- */

/* Rules 1 and 3 on one row or column (`size` modules `stride` apart):
 * runs of five or more of a colour, and the finder-like pattern dark,
 * light, dark, light, dark in the ratio 1:1:3:1:1 with light 4 units wide
 * on one side (and at least one unit on the other). The light beyond the
 * symbol's edge counts as light: the quiet zone. */
static unsigned long line_penalty(const unsigned char *cell, size_t stride,
                                  unsigned size)
{
    /* Run lengths, light first and last: even indices light. */
    unsigned runs[QR_MAX_SIZE + 3];
    unsigned count = 0, i, len;
    unsigned long penalty = 0;

    runs[count++] = size; /* the edge */
    for (i = 0; i < size; i += len) {
        int colour = cell[i * stride];
        for (len = 1; i + len < size && cell[(i + len) * stride] == colour;
             len++)
            ;
        if (len >= 5)
            penalty += PENALTY_RUN + (len - 5);
        if ((count % 2 == 1) == (colour != 0))
            runs[count++] = len;
        else
            runs[count - 1] += len; /* light after the edge */
    }
    if (count % 2 == 0)
        runs[count++] = size;
    else
        runs[count - 1] += size;
    for (i = 1; i + 5 < count; i += 2) {
        unsigned unit = runs[i], before = runs[i - 1], after = runs[i + 5];
        if (runs[i + 1] != unit || runs[i + 2] != 3 * unit ||
            runs[i + 3] != unit || runs[i + 4] != unit)
            continue;
        penalty += PENALTY_FINDER * ((before >= 4 * unit && after >= unit) +
                                     (after >= 4 * unit && before >= unit));
    }
    return penalty;
}

static unsigned long penalty(const qr_code *q)
{
    unsigned n = q->size, i, j;
    unsigned long total = 0, dark = 0, cells = (unsigned long)n * n, dev;

    for (i = 0; i < n; i++) {
        total += line_penalty(&q->dark[i][0], 1, n);
        total += line_penalty(&q->dark[0][i], QR_MAX_SIZE, n);
    }
    /* Rule 2: each 2x2 block of one colour. */
    for (i = 0; i + 1 < n; i++)
        for (j = 0; j + 1 < n; j++)
            if (q->dark[i][j] == q->dark[i][j + 1] &&
                q->dark[i][j] == q->dark[i + 1][j] &&
                q->dark[i][j] == q->dark[i + 1][j + 1])
                total += PENALTY_BLOCK;
    /* Rule 4: 10 points for each full 5% step the share of dark modules
     * lies away from 50% beyond the first (k steps when it lies within
     * 50 +- 5(k+1)%). The count is odd, so the share is never 50%. */
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            dark += q->dark[i][j];
    dev = dark * 20 > cells * 10 ? dark * 20 - cells * 10
                                 : cells * 10 - dark * 20;
    total += PENALTY_BALANCE * ((dev + cells - 1) / cells - 1);
    return total;
}

/* ---- Encoding -------------------------------------------------------------- */

static int fits(size_t len, qr_mode mode, unsigned version, qr_ecc ecc)
{
    return len <= qr_capacity(version, ecc, mode);
}

int qr_encode_as(const char *text, size_t len, qr_ecc ecc, unsigned version,
                 int mask, qr_code *out)
{
    unsigned char data[MAX_CODEWORDS], codewords[MAX_CODEWORDS];
    function_map fn;
    qr_mode mode = qr_mode_for(text, len);
    unsigned m;

    if (version == 0) {
        for (version = 1; version <= QR_MAX_VERSION; version++)
            if (fits(len, mode, version, ecc))
                break;
    }
    if (version < 1 || version > QR_MAX_VERSION || mask > 7 ||
        !fits(len, mode, version, ecc))
        return -1;
    memset(out, 0, sizeof *out);
    memset(fn, 0, sizeof fn);
    out->version = version;
    out->size = QR_SIZE(version);
    out->ecc = ecc;
    out->mode = mode;
    data_bits(text, len, mode, version, data_codewords(version, ecc), data);
    interleave(data, version, ecc, codewords);
    draw_function_patterns(out, fn);
    place_data(out, fn, codewords, total_codewords[version]);
    if (mask < 0) {
        unsigned long best = 0;
        for (m = 0; m < 8; m++) {
            unsigned long score;
            apply_mask(out, fn, m);
            draw_format(out, fn, format_bits(ecc, m));
            score = penalty(out);
            if (m == 0 || score < best) {
                best = score;
                mask = (int)m;
            }
            apply_mask(out, fn, m);
        }
    }
    out->mask = (unsigned)mask;
    apply_mask(out, fn, out->mask);
    draw_format(out, fn, format_bits(ecc, out->mask));
    return 0;
}

int qr_encode(const char *text, size_t len, qr_ecc ecc, qr_code *out)
{
    return qr_encode_as(text, len, ecc, 0, -1, out);
}
