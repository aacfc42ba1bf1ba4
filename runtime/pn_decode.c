/* pn_decode.c: texts of the catalog, byte by byte (see pn_decode.h).
 *
 * A coded text is a string of canonical Huffman codes, each naming a
 * symbol that is a byte or a pair of symbols (pn_format.h). A code is read
 * by comparing the next bits, one length at a time, with the range of
 * codes of that length, which the counts per length give; a pair is
 * expanded left first, its right half waiting on a stack of at most
 * PN_CODE_MAX_DEPTH ids. Nothing is built or stored beyond the pn__dec, so
 * a text decodes straight into the caller's buffer. Every table read is
 * bounded by the checks pn__read_header() made on the tables, every bit
 * read by the text's size. */
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
    d->depth = 0;
    d->run = 0;
    d->err = 0;
}

static uint32_t u16_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static unsigned byte_at(const pn__dec *d, uint32_t i)
{
    return i < d->size ? d->p[i] : 0u;
}

/* The next 25 or more bits, from the top bit down; zeros past the end. */
static uint32_t peek_bits(const pn__dec *d)
{
    uint32_t i = d->pos >> 3;
    uint32_t v = (uint32_t)byte_at(d, i) << 24 |
                 (uint32_t)byte_at(d, i + 1) << 16 |
                 (uint32_t)byte_at(d, i + 2) << 8 | byte_at(d, i + 3);
    return v << (d->pos & 7u);
}

/* Reads one code; returns its symbol, or -1 if the bits are not a code. */
static int next_code(pn__dec *d)
{
    const unsigned char *counts = d->code + PN_CODE_HEAD_SIZE;
    unsigned max_len = d->code[PN_CODE_AT(max_len, 1)], len;
    uint32_t v = peek_bits(d), first = 0, index = 0;

    for (len = 1; len <= max_len; len++) {
        uint32_t count = u16_at(counts + PN_CODE_COUNT_SIZE * (len - 1));
        uint32_t x = v >> (32 - len);
        if (x - first < count) {
            d->pos += len;
            if (d->pos > d->size * 8u)
                return -1;     /* the code runs past the bits */
            return (int)(index + (x - first));
        }
        index += count;
        first = (first + count) << 1;
    }
    return -1;
}

static int damaged(pn__dec *d)
{
    d->err = 1;
    d->left = 0;
    return -1;
}

/* pnc writes no control character (U+0000-U+001F, U+007F) into a text
 * but '\n', a hard line break (pn_format.h), so one is damage: a NUL
 * would cut the text short of its length. */
static int text_byte(pn__dec *d, unsigned c)
{
    return (c < 0x20u && c != '\n') || c == 0x7Fu ? damaged(d) : (int)c;
}

int pn__dec_byte(pn__dec *d)
{
    const unsigned char *entries;
    uint32_t symbols, e, sym;
    int s;

    if (d->left == 0)
        return -1;
    if (!d->code) {
        d->left--;
        return text_byte(d, d->p[d->pos++]);
    }
    entries = d->code + PN_CODE_HEAD_SIZE +
              PN_CODE_COUNT_SIZE * d->code[PN_CODE_AT(max_len, 1)];
    symbols = u16_at(d->code + PN_CODE_AT(symbols, 2));
    if (d->depth > 0) {
        sym = d->stack[--d->depth];
    } else {
        if ((s = next_code(d)) < 0)
            return damaged(d);
        sym = (uint32_t)s;
        d->run = 0;
    }
    for (;;) {
        const unsigned char *p = entries + PN_CODE_ENTRY_SIZE * sym;
        e = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
        if (PN_CODE_LEFT(e) == PN_CODE_BYTE)
            break;
        if (d->depth >= PN_CODE_MAX_DEPTH || PN_CODE_LEFT(e) >= symbols ||
            PN_CODE_RIGHT(e) >= symbols)
            return damaged(d);
        d->stack[d->depth++] = (uint16_t)PN_CODE_RIGHT(e);
        sym = PN_CODE_LEFT(e);
    }
    if (PN_CODE_RIGHT(e) > 0xFFu || ++d->run > PN_CODE_MAX_PHRASE)
        return damaged(d);
    if (--d->left == 0 && (d->depth > 0 || d->size * 8u - d->pos >= 8u))
        return damaged(d);     /* ends inside a symbol, or bytes to spare */
    return text_byte(d, PN_CODE_RIGHT(e));
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
    int c = 0;

    if (want >= room) {
        want = room - 1;
        *cut = 1;
    }
    pn__dec_open(&d, text);
    for (i = 0; i < want; i++) {
        if ((c = pn__dec_byte(&d)) < 0)
            break;
        dst[i] = (char)c;
    }
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
