/* pn_page_text.c: the cursor's page as text (pn_cursor_page(),
 * pn_cursor_show()): each line's prefix and characters as the screen
 * shows them, a line written from the bytes the wrap decoded for it (the
 * "tap") when it can be, and the first layer's QR page. */
#include "pn_layout.h"
#include "pn_summary.h"

#ifndef PN_NO_LAYOUT

typedef struct pn__out {
    char *buf;
    size_t size, len;
    int cut;
    uint32_t rows;             /* lines written */
    int tapped;                /* 1: `tap` has the bytes of the line to
                                  write next, from its prefix's end */
    size_t tap_at;             /* `len` when it started */
    unsigned tap_prefix;       /* the bytes of that line's prefix, written
                                  at `tap_at` */
    unsigned tap_cols;         /* the columns they take */
    pn__tap tap;
} out;

/* Writes a line's prefix, its indent (none on a pixel screen, where the
 * text is drawn) and its marker, at `o->len` without moving on; then, on
 * a screen that shows the line's bytes as they are (all of them with no
 * flags, else ASCII), tapped_line() only moves `o->len` past them. */
void pn__line_tap(const pn_cursor *cur, out *o, const pn__line *l, pn__rd *r)
{
    char mark[12];
    unsigned mark_len = l->mark ? pn__mark_text(l->mark, l->number, mark)
                                : 0u;
    unsigned indent = cur->screen.flags & PN_PIXELS ? 0u : l->indent, i;
    size_t prefix = indent + mark_len, room;

    o->tapped = 0;
    if (o->cut || o->len + prefix + 1u >= o->size)
        return;
    for (i = 0; i < indent; i++)
        o->buf[o->len + i] = ' ';
    for (i = 0; i < mark_len; i++)
        o->buf[o->len + indent + i] = mark[i];
    /* A line is at most 4 * PN_MAX_COLS bytes; the reader reads on a
     * word past it. */
    room = o->size - o->len - prefix - 1u;
    o->tapped = 1;
    o->tap_at = o->len;
    o->tap_prefix = (unsigned)prefix;
    o->tap_cols = l->indent + mark_len;
    o->tap.dst = (unsigned char *)o->buf + o->len + prefix;
    o->tap.room = room > 0xFFFFu ? 0xFFFFu : (uint32_t)room;
    o->tap.ascii = (cur->screen.flags & PN__SCREEN_FLAGS_KNOWN) != 0;
    pn__rd_tap(r, &o->tap);
}

/* Writes `l` from the bytes pn__line_tap() copied, if they are all there
 * and it would write them as they are, whole: then `o->len` moves past
 * its prefix and them. 0 if not. */
static int tapped_line(const pn_cursor *cur, const pn__line *l, out *o)
{
    size_t n, chars, i;

    if (!o->tapped || o->tap_at != o->len || o->tap.base != l->from.off ||
        l->end < l->from.off || o->cut)
        return 0;
    o->tapped = 0;
    n = l->end - l->from.off;
    if (n > o->tap.len || o->len + o->tap_prefix + n + 1u >= o->size)
        return 0;
    if (!(cur->screen.flags & PN_PIXELS) &&
        o->tap_cols + n > cur->screen.cols) {
        /* A character is 1 column on such a screen: none may be cut. */
        for (i = 0, chars = 0; i < n; i++)
            chars += (o->tap.dst[i] & 0xC0u) != 0x80u;
        if (o->tap_cols + chars > cur->screen.cols)
            return 0;
    }
    o->len += o->tap_prefix + n;
    return 1;
}

static void put(out *o, const char *bytes, size_t n)
{
    size_t i;
    if (o->cut || o->len + n >= o->size) {
        o->cut = 1;
        return;
    }
    for (i = 0; i < n; i++)
        o->buf[o->len++] = bytes[i];
}

static void render_line(const pn_cursor *cur, const pn__line *l, out *o)
{
    unsigned flags = cur->screen.flags & PN__SCREEN_FLAGS_KNOWN;
    unsigned cols = cur->screen.cols, used;
    int pixels = (cur->screen.flags & PN_PIXELS) != 0;
    pn__rd r = l->from;
    char mark[12];
    unsigned mark_len = pn__mark_text(l->mark, l->number, mark);

    /* A pixel screen's text has no indent: it is drawn, not written. */
    for (used = 0; !pixels && used < l->indent; used++)
        put(o, " ", 1);
    put(o, mark, mark_len);
    used = l->indent + mark_len;
    while (!r.end && r.off < l->end) {
        char bytes[4];
        uint32_t cp = r.cp;
        size_t n;
        unsigned width;
        if (cp < 0x80 && !o->cut && o->len + 1u < o->size &&
            (pixels || used < cols)) {
            o->buf[o->len++] = (char)cp; /* shown as it is, 1 column */
            used++;
            PN__STEP(&r);
            continue;
        }
        n = pn__char_bytes(cp, flags, bytes);
        width = pn__char_cols(cp, flags);
        if (!pixels && used + width > cols) {
            n = cols - used; /* only a wide transliteration can get here */
            width = (unsigned)n;
        }
        put(o, bytes, n);
        used += width;
        PN__STEP(&r);
    }
}

static void emit_line(const pn_cursor *cur, const pn__line *l, void *ctx)
{
    out *o = ctx;
    if (!l) {
        o->len = 0; /* the page's text starts the buffer */
        o->cut = 0;
        o->rows = 0;
        return;
    }
    if (!l->blank && !tapped_line(cur, l, o))
        render_line(cur, l, o);
    put(o, "\n", 1);
    o->rows++;
}

#if !defined(PN_NO_SUMMARY) && !defined(PN_NO_QR)
/* The QR page: the code from the top left, the label's line below. */
PN__OWN_FRAME static pn_status qr_page(const pn_cursor *cur, out *o)
{
    unsigned flags = cur->screen.flags & (PN_ASCII | PN_LATIN1);
    pn__block label;
    pn__line l;
    size_t n;
    int qr;
    pn_status st = pn__summary_qr(&cur->notice, &cur->screen, &qr, &label);

    if (st != PN_OK)
        return st;
    /* On a pixel screen the code is drawn (pn_cursor_draw()), not text. */
    n = 0;
    if (!(cur->screen.flags & PN_PIXELS)) {
        st = pn_qr_text(&cur->notice, flags, o->buf + o->len,
                        o->size - o->len, &n);
        if (st != PN_OK && st != PN_TRUNCATED)
            return st;
    }
    o->len += n;
    o->cut = st == PN_TRUNCATED;
    for (; n > 0; n--)
        if (o->buf[o->len - n] == '\n')
            o->rows++;
    pn__label_line(&l, &label);
    emit_line(cur, &l, o);
    return PN_OK;
}
#endif

/* pn_cursor_page(), and with `next` what pn__lay_page() finds of the
 * next page. */
static pn_status page_write(const pn_cursor *cur, char *buf, size_t size,
                            size_t *len, pn__next *next)
{
    out o;
    uint32_t lines;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK ||
        (st = pn__cursor_check(cur)) != PN_OK ||
        (st = pn__page_lines(cur, &lines)) != PN_OK)
        return st;
    o.buf = buf;
    o.size = size;
    o.len = 0;
    o.cut = 0;
    o.rows = 0;
    o.tapped = 0;
#if !defined(PN_NO_SUMMARY) && !defined(PN_NO_QR)
    if (pn__on_qr_page(cur, cur->page))
        st = qr_page(cur, &o);
    else
#endif
        st = pn__lay_page(cur, emit_line, &o, &o, next);
    if (st != PN_OK && st != PN_ERR_RANGE) {
        buf[0] = '\0';        /* lines may be out already, with no NUL */
        return st;
    }
    while (o.rows < lines) {
        put(&o, "\n", 1);
        o.rows++;
    }
    o.buf[o.len] = '\0';
    if (len)
        *len = o.len;
    return o.cut ? PN_TRUNCATED : PN_OK;
}

pn_status pn_cursor_page(const pn_cursor *cur, char *buf, size_t size,
                         size_t *len)
{
    return page_write(cur, buf, size, len, NULL);
}

pn_status pn_cursor_show(pn_cursor *cur, char *buf, size_t size,
                         size_t *len)
{
    pn__next next;
    pn_status st;

    next.known = 0;
    st = page_write(cur, buf, size, len, &next);
    if (st == PN_OK || st == PN_TRUNCATED)
        pn__save_next(cur, &next);
    return st;
}

#else
typedef int pn__page_text_compiled_out; /* C99 wants a declaration */
#endif
