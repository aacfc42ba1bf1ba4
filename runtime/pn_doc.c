/* pn_doc.c: a section as a document for the layout. */
#include "pn_doc.h"

#ifndef PN_NO_LAYOUT

void pn__doc_add(pn__block *b, const pn__text *text)
{
    if (text->len == 0 || b->count >= PN__DOC_PIECES)
        return;
    b->piece[b->count++] = *text;
}

void pn__doc_add_plain(pn__block *b, const char *bytes, uint32_t len)
{
    pn__text text;
    pn__text_plain(&text, bytes, len);
    pn__doc_add(b, &text);
}

/* Block 0 of a titled section is its heading; its blocks follow. */
pn_status pn__doc_section_block(const pn_section *sec, uint32_t index,
                                pn__block *out)
{
    pn__text text;
    pn_status st;
    unsigned kind;

    out->count = 0;
    out->limit = 0;
    out->level = 0;
    out->number = 0;
    if (sec->level > 0) {
        if (index == 0) {
            uint32_t number_len = (uint32_t)pn__read_strlen(sec->number);
            st = pn__read_section_title(sec, &text);
            if (st != PN_OK)
                return st;
            out->kind = PN_BLOCK_HEADING;
            pn__doc_add_plain(out, sec->number, number_len);
            if (number_len > 0 && text.len > 0)
                pn__doc_add_plain(out, " ", 1);
            pn__doc_add(out, &text);
            return PN_OK;
        }
        index--;
    }
    st = pn__read_block(sec, index, &kind, &out->level, &out->number, &text);
    if (st != PN_OK)
        return st;
    out->kind = (pn_block_kind)kind;
    if (kind == PN_BLOCK_TABLE_HEAD)
        return PN_OK; /* shown before each cell of its column instead */
    if (kind == PN_BLOCK_TABLE_CELL) {
        pn__text head;
        st = pn__read_table_head(sec, index, &head);
        if (st != PN_OK)
            return st;
        if (head.len > 0) {
            pn__doc_add(out, &head);
            pn__doc_add_plain(out, ": ", 2);
        }
    }
    pn__doc_add(out, &text);
    return PN_OK;
}

/* ---- Reading characters ------------------------------------------------- */

/* Gives `tap` the `n` bytes decoded at block offset `off`. */
static void tap_feed(pn__tap *tap, uint32_t off, const unsigned char *bytes,
                     uint32_t n)
{
    uint32_t end = tap->base + tap->len, i = 0, most;
    unsigned char *dst = tap->dst + tap->len;

    if (tap->stopped || off + n <= end)
        return;
    if (off > end) {
        tap->stopped = 1;
        return;
    }
    bytes += end - off; /* those before are in already */
    n -= end - off;
    most = n < tap->room - tap->len ? n : tap->room - tap->len;
    if (tap->ascii) {
        for (; i < most && bytes[i] < 0x80u; i++)
            dst[i] = bytes[i];
    } else {
#ifndef __OPTIMIZE_SIZE__
        for (; most - i >= 4; i += 4) { /* compilers copy a word */
            unsigned char b0 = bytes[i], b1 = bytes[i + 1],
                          b2 = bytes[i + 2], b3 = bytes[i + 3];
            dst[i] = b0;
            dst[i + 1] = b1;
            dst[i + 2] = b2;
            dst[i + 3] = b3;
        }
#endif
        for (; i < most; i++)
            dst[i] = bytes[i];
    }
    tap->len += i;
    tap->stopped = i < n;
}

/* A character that is not shown as its own bytes: the tap is no use. */
static void tap_spoil(pn__rd *r)
{
    if (r->tap) {
        r->tap->len = 0;
        r->tap->stopped = 1;
    }
}

void pn__rd_tap(pn__rd *r, pn__tap *tap)
{
    tap->base = r->off;
    tap->len = 0;
    tap->stopped = 0;
    r->tap = tap;
    if (!r->end)
        tap_feed(tap, r->off, r->next + r->head, r->ahead);
}

/* Makes next[] hold at least `want` bytes of the current piece from
 * `head`, as far as it has them; returns how many it holds. It decodes
 * as many as next[] has room for: a call into the decoder costs more
 * than a byte. Damaged bits show (`err`) once the bytes before them are
 * used up, as they would a byte at a time. */
static unsigned fill(pn__rd *r, unsigned want)
{
    unsigned i;

    if (r->ahead >= want)
        return r->ahead;
    if (r->head > 0) {
        for (i = 0; i < r->ahead; i++)
            r->next[i] = r->next[r->head + i];
        r->head = 0;
    }
    /* With nothing ahead, the decoder is at the current character: a
     * place to come back to, if no pair is half expanded there. */
    if (r->ahead == 0 && pn__dec_mark(&r->dec, &r->mark_at))
        r->mark_off = r->off;
    i = pn__dec_read(&r->dec, (char *)r->next + r->ahead,
                     PN__RD_AHEAD - r->ahead);
    if (r->tap)
        tap_feed(r->tap, r->off + r->ahead, r->next + r->ahead, i);
    r->ahead = (uint8_t)(r->ahead + i);
    if (r->ahead < want && r->dec.err)
        r->err = 1;
    return r->ahead;
}

/* Decodes the character at the front of next[], moving on to the next
 * piece when this one is done. */
static void load(pn__rd *r)
{
    const unsigned char *s;
    uint32_t cp, need, i;

    while (fill(r, 1) == 0) {
        if (r->err || r->piece + 1u >= r->b->count) {
            r->end = 1;
            r->cp = 0xFFFD;
            r->size = 1;
            return;
        }
        r->piece++;
        pn__dec_open(&r->dec, &r->b->piece[r->piece]);
    }
    s = r->next + r->head;
    r->size = 1;
    r->cp = 0xFFFD;
    if (s[0] < 0x80) {         /* no control character but '\n' */
        r->cp = s[0];
        return;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        need = 2;
        cp = s[0] & 0x1Fu;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        need = 3;
        cp = s[0] & 0x0Fu;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        need = 4;
        cp = s[0] & 0x07u;
    } else {
        tap_spoil(r);
        return;
    }
    if (fill(r, need) < need) {
        tap_spoil(r);
        return;
    }
    s = r->next + r->head; /* fill() may have moved the bytes */
    for (i = 1; i < need; i++) {
        if ((s[i] & 0xC0u) != 0x80u) {
            tap_spoil(r);
            return;
        }
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    r->size = (uint8_t)need;
    r->cp = cp;
    /* Written again as UTF-8, it would not be these bytes. */
    if ((need == 3 && cp < 0x800u) || (need == 4 && cp < 0x10000u) ||
        cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu))
        tap_spoil(r);
}

void pn__rd_open(pn__rd *r, const pn__block *b)
{
    r->b = b;
    r->off = 0;
    r->piece = 0;
    r->head = 0;
    r->ahead = 0;
    r->end = 0;
    r->err = 0;
    r->mark_off = 0;
    r->mark_at = 0;
    r->tap = NULL;
    r->limited = b->limit != 0;
    if (b->count == 0) {
        r->end = 1;
        r->cp = 0xFFFD;
        r->size = 1;
        return;
    }
    pn__dec_open(&r->dec, &b->piece[0]);
    load(r);
}

/* A block cut at `limit` ends there (its text goes on, undecoded). */
static void stop_at_limit(pn__rd *r)
{
    if (r->b->limit && r->off >= r->b->limit && !r->end) {
        r->end = 1;
        r->cp = 0xFFFD;
        r->size = 1;
    }
}

void pn__rd_next(pn__rd *r)
{
    if (r->end)
        return;
    r->head = (uint8_t)(r->head + r->size);
    r->ahead = (uint8_t)(r->ahead - r->size);
    r->off += r->size;
    load(r);
    stop_at_limit(r);
}

pn_status pn__rd_open_at(pn__rd *r, const pn__block *b, uint32_t off,
                         uint32_t at)
{
    uint32_t start = 0;
    unsigned p;

    if (off == 0) {
        pn__rd_open(r, b);
        return at == 0 ? PN_OK : PN_ERR_ARG;
    }
    for (p = 0; p < b->count && off - start >= b->piece[p].len; p++)
        start += b->piece[p].len;
    if (p >= b->count)
        return PN_ERR_ARG;
    r->b = b;
    r->off = off;
    r->piece = (uint8_t)p;
    r->head = 0;
    r->ahead = 0;
    r->end = 0;
    r->err = 0;
    r->mark_off = off;
    r->mark_at = at;
    r->tap = NULL;
    r->limited = b->limit != 0;
    if (pn__dec_open_at(&r->dec, &b->piece[p], at, off - start) != PN_OK)
        return PN_ERR_ARG;
    load(r);
    stop_at_limit(r);
    return PN_OK;
}

void pn__rd_seek(pn__rd *r, uint32_t off)
{
    if (off < r->off)
        pn__rd_open(r, r->b);
    while (r->off < off && !r->end)
        pn__rd_step(r);
}

#else
typedef int pn__doc_compiled_out; /* C99 wants a declaration */
#endif
