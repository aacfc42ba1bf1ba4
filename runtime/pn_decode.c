/* pn_decode.c: texts of the catalog, straight into the caller's buffer
 * (see pn_decode.h).
 *
 * A coded text is a string of canonical Huffman codes, each naming a byte
 * or a pair of symbols (pn_format.h). A code is read from a window of the
 * next 24 bits with one compare per code length against the limits the
 * tables hold; a pair is expanded left first, its right half waiting on a
 * stack of at most PN_CODE_MAX_DEPTH refs, each byte written as it comes
 * out. Nothing is built or stored beyond the pn__dec. Every table read is
 * bounded by the sizes pn__read_header() checked: a code's length by
 * max_len, a byte's index by `bytes`, a pair's id by `pairs`; every step
 * down a pair by the stack's depth and the room left in the read, so a
 * damaged table can neither loop nor write past it; every bit read by the
 * bytes left in the pool (a coded text stores no size: its length ends
 * it). */
#include "pn_decode.h"

void pn__text_plain(pn__text *text, const char *bytes, uint32_t len)
{
    text->bytes = bytes;
    text->len = len;
    text->size = len;
    text->code = NULL;
}

void pn__dec_open(pn__dec *d, const pn__text *text)
{
    d->code = text->code;
    d->p = (const unsigned char *)text->bytes;
    d->size = text->size;
    d->pos = 0;
    d->left = text->len;
    d->bits = 0;
    d->have = 0;
    d->depth = 0;
    d->err = 0;
}

static uint32_t u16_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t u32_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* pnc writes no control character (U+0000-U+001F, U+007F) into a text
 * but '\n', a hard line break (pn_format.h), so one is damage: a NUL
 * would cut the text short of its length. */
static int is_text_byte(unsigned c)
{
    return (c >= 0x20u && c != 0x7Fu) || c == '\n';
}

static uint32_t damaged(pn__dec *d, uint32_t n)
{
    d->err = 1;
    d->left = 0;
    return n;
}

/* Nonzero when one of the 4 bytes of `w` is below 0x20 or is 0x7F (then
 * a byte of w ^ 0x7F.. is 0): a byte b < c with its top bit clear sets
 * the top bit of b - c, and the lowest such byte does so whatever the
 * bytes below it borrow. A '\n' is one of them too; the bytes are then
 * looked at one by one. */
static uint32_t may_hold_control(uint32_t w)
{
    uint32_t x = w ^ 0x7F7F7F7Fu;

    return (((w - 0x20202020u) & ~w) | ((x - 0x01010101u) & ~x)) &
           0x80808080u;
}

/* Four bytes at a time while no control character may be among them.
 * The source and what the loop counts are kept in locals: stores through
 * `dst` (a char pointer) could otherwise change `d`, as far as the
 * compiler knows, and have it reload them each byte. */
static uint32_t plain_read(pn__dec *d, char *dst, uint32_t want)
{
    const unsigned char *src = d->p + d->pos;
    uint32_t n = 0;

    while (want - n >= 4) {
        uint32_t w = u32_at(src + n);
        if (may_hold_control(w))
            break;
        dst[n] = (char)(w & 0xFFu);
        dst[n + 1] = (char)(w >> 8 & 0xFFu);
        dst[n + 2] = (char)(w >> 16 & 0xFFu);
        dst[n + 3] = (char)(w >> 24);
        n += 4;
    }
    for (; n < want; n++) {
        unsigned c = src[n];
        if (!is_text_byte(c))
            return damaged(d, n);
        dst[n] = (char)c;
    }
    d->pos += n;
    d->left -= n;
    return n;
}

/* The 4 bytes at `p` as a big-endian number: the next 32 bits. */
static uint32_t u32_be(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

/* The same near the end of the `size` bytes at `p`: zeros past it. */
static uint32_t tail_be(const unsigned char *p, uint32_t size, uint32_t pos)
{
    uint32_t w = 0;
    unsigned i;

    for (i = 0; i < 4; i++)
        w = w << 8 | (pos + i < size ? p[pos + i] : 0u);
    return w;
}

/* The code tables, as coded_read() walks them. */
typedef struct tables {
    const unsigned char *lengths;   /* the limit before min_len, then
                                       PN_CODE_LENGTH_FIELDS from min_len */
    const unsigned char *start;     /* the start table */
    const unsigned char *bytes;     /* the bytes with a code */
    const unsigned char *lefts;     /* the pairs' left refs */
    const unsigned char *rights;    /* and their right refs */
    unsigned min_len, max_len, start_shift, ref_bits;
    uint32_t byte_count, pairs;
    uint32_t byte_ref;              /* the first ref of a byte */
    uint32_t refs;                  /* refs: 2^ref_bits */
} tables;

static void tables_of(tables *t, const unsigned char *c)
{
    unsigned start_bits = c[PN_CODE_AT(start_bits, 1)];

    t->min_len = c[PN_CODE_AT(min_len, 1)];
    t->max_len = c[PN_CODE_AT(max_len, 1)];
    t->ref_bits = c[PN_CODE_AT(ref_bits, 1)];
    t->byte_count = u16_at(c + PN_CODE_AT(bytes, 2));
    t->pairs = u16_at(c + PN_CODE_AT(pairs, 2));
    t->byte_ref = PN_CODE_BYTE_REF(t->ref_bits);
    t->refs = 1u << t->ref_bits;
    t->start_shift = PN_CODE_WINDOW - start_bits;
    t->lengths = c + PN_CODE_HEAD_SIZE;
    t->start = t->lengths + PN_CODE_LENGTHS_SIZE(t->max_len - t->min_len + 1u);
    t->bytes = t->start + (1u << start_bits);
    t->lefts = t->bytes + t->byte_count;
    t->rights = t->lefts + PN_CODE_REFS_SIZE(t->ref_bits, t->pairs);
}

/* The ref of the code at the top of the 24-bit window `v`, and its
 * length in `*len`; t->refs or more if it is not a code. `rec` is the
 * record of the length tried, which the limit of the length before
 * (`first`, where its codes start) precedes. */
static uint32_t code_ref(const tables *t, uint32_t v, unsigned *len)
{
    uint32_t i = t->start[v >> t->start_shift], first, limit, k;
    const unsigned char *rec = t->lengths + PN_CODE_LENGTH_SIZE * i;
    unsigned l = t->min_len + i;

    if (l > t->max_len)
        return t->refs;
    first = u32_at(rec);
    rec += PN_CODE_LIMIT_SIZE;
    while (v >= (limit = u32_at(rec + PN_CODE_LENGTH_AT(limit, 4)))) {
        if (++l > t->max_len)
            return t->refs;
        first = limit;
        rec += PN_CODE_LENGTH_SIZE;
    }
    *len = l;
    k = (v - first) >> (PN_CODE_WINDOW - l);
    if (k < rec[PN_CODE_LENGTH_AT(byte_count, 1)]) {
        k += rec[PN_CODE_LENGTH_AT(byte_base, 1)];
        /* A listed byte is its ref's low byte: below 0x20 is no ref. */
        return k < t->byte_count && t->bytes[k] >= 0x20u
                   ? (t->refs - 0x100u) | t->bytes[k]
                   : t->refs;
    }
    return u16_at(rec + PN_CODE_LENGTH_AT(pair_base, 2)) + k -
           rec[PN_CODE_LENGTH_AT(byte_count, 1)];
}

/* The refs of the pair `ref` (< pairs) into `*left` and `*right`, at
 * the same place in `lefts` and `rights`. A ref is read as the 4 bytes
 * from its first, which compilers make one load: the right refs and
 * PN_CODE_TAIL bytes follow the left ones (pn__read_header()). */
static inline void pair_at(const unsigned char *lefts,
                           const unsigned char *rights, unsigned ref_bits,
                           uint32_t ref, uint32_t *left, uint32_t *right)
{
    uint32_t at = ref * ref_bits, mask = (1u << ref_bits) - 1u;

    *left = u32_at(lefts + (at >> 3)) >> (at & 7u) & mask;
    *right = u32_at(rights + (at >> 3)) >> (at & 7u) & mask;
}

/* Expands `ref` into dst[*n] on (*n < want), down to its first byte
 * that is not a left half, at most up to `want`: a left half that is a
 * byte is written at once, a right half that is not waits on the stack,
 * so that what is left when `want` is reached waits there too. 0, or 1
 * when the pairs are damaged. */
static int expand_careful(const tables *t, uint32_t ref, char *dst,
                          uint32_t *n, uint32_t want, uint16_t *stack,
                          unsigned *depth)
{
    uint32_t left, right;

    while (ref < t->byte_ref) {
        if (ref >= t->pairs)
            return 1;
        pair_at(t->lefts, t->rights, t->ref_bits, ref, &left, &right);
        ref = right;
        if (left < t->byte_ref) {
            if (*depth >= PN_CODE_MAX_DEPTH)
                return 1;
            stack[(*depth)++] = (uint16_t)right;
            ref = left;
            continue;
        }
        dst[(*n)++] = (char)PN_CODE_REF_BYTE(left);
        if (*n == want) {
            /* The stack's spare place, if need be (pn_decode.h). */
            stack[(*depth)++] = (uint16_t)right;
            return 0;
        }
    }
    dst[(*n)++] = (char)PN_CODE_REF_BYTE(ref);
    return 0;
}

/* Where coded_read() is in the bits. */
typedef struct reader {
    const unsigned char *p;
    uint32_t size, pos, bits;
    unsigned have;
} reader;

enum { RUN_DONE, RUN_CAREFUL, RUN_DAMAGED };

/* Decodes symbols into dst[*n] on until `want` bytes are out (RUN_DONE),
 * the bits or the pairs are damaged (RUN_DAMAGED), or a pair may not fit
 * in the room left (RUN_CAREFUL): then expand_careful() is to go on from
 * the pair `*ref`, then from the `*depth` refs left in `refs`.
 *
 * A symbol that stands for L bytes is L - 1 pairs, and the bytes out
 * never outnumber the pairs expanded by more than one (the halves are
 * taken in preorder), so allowing `room` - 1 pairs for the room left
 * keeps every write inside it and ends even a loop of pairs that damage
 * made, without a test per byte. What it reads of `r` and `t` is kept in
 * locals: stores through `dst` (a char pointer) could otherwise change
 * them, as far as the compiler knows. */
static int run_fast(const tables *t, reader *r, char *dst, uint32_t *n,
                    uint32_t want, uint16_t *refs, unsigned *depth,
                    uint32_t *ref)
{
    uint16_t stack[PN_CODE_MAX_DEPTH];
    const unsigned char *p = r->p, *lefts = t->lefts, *rights = t->rights;
    uint32_t bits = r->bits, pos = r->pos, size = r->size, pairs = t->pairs;
    uint32_t byte_ref = t->byte_ref, room = want - *n, at = 0, left;
    char *o = dst + *n;
    unsigned have = r->have, max_len = t->max_len, ref_bits = t->ref_bits;
    unsigned len = 0, k = 0;
    int status = RUN_DONE;

    while (room > 0) {
        if (have < max_len) {
            /* Whole bytes, up to 32 bits held: a code of max_len bits
             * at most is found from them (the bits past `have` are 0). */
            uint32_t w = pos + 4u <= size ? u32_be(p + pos)
                                          : tail_be(p, size, pos);
            bits |= w >> have;
            pos += (31u - have) >> 3;
            have |= 24u;
        }
        at = code_ref(t, bits >> (32 - PN_CODE_WINDOW), &len);
        if (at >= t->refs) {
            status = RUN_DAMAGED;
            break;
        }
        bits <<= len;
        have -= len;
        for (;;) {
            if (at < pairs) {
                if (--room == 0) {
                    status = RUN_CAREFUL;
                    break;
                }
                pair_at(lefts, rights, ref_bits, at, &left, &at);
                if (left >= byte_ref) {
                    *o++ = (char)PN_CODE_REF_BYTE(left);
                    if (at < byte_ref)
                        continue;
                    /* Two bytes: the commonest pair. */
                    *o++ = (char)PN_CODE_REF_BYTE(at);
                    if (k == 0)
                        break;
                    at = stack[--k];
                    continue;
                }
                if (k == PN_CODE_MAX_DEPTH) {
                    status = RUN_DAMAGED;
                    break;
                }
                stack[k++] = (uint16_t)at;
                at = left;
                continue;
            }
            if (at < byte_ref) {
                status = RUN_DAMAGED;
                break;
            }
            *o++ = (char)PN_CODE_REF_BYTE(at);
            if (k == 0)
                break;
            at = stack[--k];
        }
        if (status != RUN_DONE)
            break;
        room--;
    }
    r->bits = bits;
    r->pos = pos;
    r->have = have;
    *n = (uint32_t)(o - dst);
    *depth = k;
    *ref = at;
    while (k-- > 0)
        refs[k] = stack[k];
    return status;
}

/* Every byte ref is a byte a text may hold (pn_format.h), so what comes
 * out needs no check of its own. */
static uint32_t coded_read(pn__dec *d, char *dst, uint32_t want)
{
    tables t;
    reader r;
    uint32_t n = 0, ref;
    unsigned depth = d->depth;
    int status;

    tables_of(&t, d->code);
    r.p = d->p;
    r.size = d->size;
    r.pos = d->pos;
    r.bits = d->bits;
    r.have = d->have;
    for (;;) {
        /* The refs on the stack first, then new symbols. */
        if (depth > 0 && n < want) {
            ref = d->stack[--depth];
        } else if (n == want) {
            break;
        } else {
            status = run_fast(&t, &r, dst, &n, want, d->stack, &depth, &ref);
            if (status == RUN_DONE)
                break;
            if (status == RUN_DAMAGED)
                return damaged(d, n);
        }
        if (expand_careful(&t, ref, dst, &n, want, d->stack, &depth))
            return damaged(d, n);
    }
    d->bits = r.bits;
    d->pos = r.pos;
    d->have = (uint8_t)r.have;
    d->depth = (uint8_t)depth;
    d->left -= n;
    if (d->left == 0) {
        /* The bits taken must lie before the pool's end (past it the
         * window read zeros); a symbol must not go on past the text's
         * end. */
        uint32_t taken = r.pos * 8u - r.have;
        if (depth > 0 || taken > r.size * 8u)
            return damaged(d, n);
    }
    return n;
}

uint32_t pn__dec_read(pn__dec *d, char *dst, uint32_t want)
{
    if (want > d->left)
        want = d->left;
    if (want == 0)
        return 0;
    return d->code ? coded_read(d, dst, want) : plain_read(d, dst, want);
}

int pn__dec_byte(pn__dec *d)
{
    char c;

    /* The next byte waiting on the stack, if it is not the text's last
     * (whose read checks the end). */
    if (d->depth > 0 && d->left > 1 &&
        d->stack[d->depth - 1] >=
            PN_CODE_BYTE_REF(d->code[PN_CODE_AT(ref_bits, 1)])) {
        unsigned ref = d->stack[--d->depth];
        d->left--;
        return (int)PN_CODE_REF_BYTE(ref);
    }
    if (pn__dec_read(d, &c, 1) != 1 || d->err)
        return -1;
    return (unsigned char)c;
}

static int is_continuation(int c)
{
    return (c & 0xC0) == 0x80;
}

pn_status pn__dec_put(char *dst, size_t room, const pn__text *text,
                     size_t *n, int *cut)
{
    pn__dec d;
    size_t want = text->len, i;
    int c;

    if (want >= room) {
        want = room - 1;
        *cut = 1;
    }
    pn__dec_open(&d, text);
    i = pn__dec_read(&d, dst, (uint32_t)want);
    if (i == want && want < text->len) {
        /* Drop a character whose bytes would not all fit, by stepping
         * back to the byte that starts it. */
        c = pn__dec_byte(&d);
        while (i > 0 && is_continuation(c))
            c = (unsigned char)dst[--i];
    }
    if (d.err) {
        dst[0] = '\0';
        *n = 0;
        return PN_ERR_FORMAT;
    }
    dst[i] = '\0';
    *n = i;
    return PN_OK;
}

/* ---- Coming back to a place in a text --------------------------------- */

/* A coded text's bits are consumed up to pos * 8 - have: `bits` holds
 * the `have` bits after that, from its top. */
int pn__dec_mark(const pn__dec *d, uint32_t *at)
{
    if (d->left == 0 || d->depth > 0 || d->err)
        return 0;
    *at = d->code ? d->pos * 8u - d->have : d->pos;
    return 1;
}

pn_status pn__dec_open_at(pn__dec *d, const pn__text *text, uint32_t at,
                          uint32_t done)
{
    pn__dec_open(d, text);
    if (done >= text->len)
        return PN_ERR_ARG;
    d->left = text->len - done;
    if (!text->code) {
        if (at != done)
            return PN_ERR_ARG;
        d->pos = at;
        return PN_OK;
    }
    if (at >= text->size * 8u)
        return PN_ERR_ARG;
    d->pos = at >> 3;
    if (at & 7u) {
        /* The rest of the byte `at` is in, from the top of `bits`. */
        d->bits = (uint32_t)d->p[d->pos] << (24u + (at & 7u));
        d->have = (uint8_t)(8u - (at & 7u));
        d->pos++;
    }
    return PN_OK;
}
