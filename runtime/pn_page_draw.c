/* pn_page_draw.c: the cursor's page drawn on a pixel screen
 * (pn_cursor_draw(), pn_cursor_draw_show()): each line's marker and text
 * through pn_draw_text() after its indent, and the first layer's QR code
 * as dark rectangles. */
#include "pn_font.h"
#include "pn_layout.h"
#include "pn_summary.h"

#if !defined(PN_NO_LAYOUT) && !defined(PN_NO_DRAW)

/* A page being drawn: where its next line goes. */
typedef struct draw {
    pn_canvas canvas;          /* the caller's, clipped to the page */
    pn_catalog cat;            /* the cursor's catalog, for pn_draw_text() */
    pn_font_id heading;        /* the headings' font */
    long long left, top;       /* the page's left, the next line's top */
    long long page_top;        /* the page's top */
    unsigned height, ascent;   /* a line's */
    pn_status st;              /* the first failure */
} draw;

static void draw_run(draw *d, pn_font_id font, long long baseline,
                     const char *text, size_t len, int32_t *pen)
{
    if (d->st == PN_OK && len > 0)
        d->st = pn_draw_text(&d->cat, font, &d->canvas, *pen,
                             (int32_t)baseline, text, len, pen);
}

/* Draws `l` on the next line: its marker and its text, a run of a few
 * characters at a time through pn_draw_text(), after its indent. */
static void draw_line(const pn_cursor *cur, const pn__line *l, void *ctx)
{
    draw *d = ctx;
    unsigned flags = cur->screen.flags & PN__SCREEN_FLAGS_KNOWN;
    long long baseline = d->top + d->ascent - 1;
    int32_t pen;
    char run[32];
    size_t n;
    pn_font_id font;
    pn__rd r;

    if (!l) {
        /* The page cleared again (its rectangle within the clip). */
        if (d->st == PN_OK)
            d->st = pn__draw_fill(&d->canvas, d->canvas.clip_x,
                                  d->canvas.clip_y, d->canvas.clip_w,
                                  d->canvas.clip_h, 0);
        d->top = d->page_top;
        return;
    }
    pen = (int32_t)(d->left + l->indent);
    d->top += d->height;
    if (l->blank)
        return;
    r = l->from;
    font = r.b->kind == PN_BLOCK_HEADING ? d->heading : PN_FONT_TEXT;
    n = pn__mark_text(l->mark, l->number, run);
    while (!r.end && r.off < l->end) {
        if (n + 4 > sizeof run) {
            draw_run(d, font, baseline, run, n, &pen);
            n = 0;
        }
        n += pn__char_bytes(r.cp, flags, run + n);
        PN__STEP(&r);
    }
    draw_run(d, font, baseline, run, n, &pen);
}

#if !defined(PN_NO_SUMMARY) && !defined(PN_NO_QR)
/* The QR page: the code with its quiet zone from the page's top left, a
 * module `scale` pixels square, each row's dark runs filled at once; the
 * label's line under it. */
PN__OWN_FRAME static pn_status qr_draw(const pn_cursor *cur, draw *d)
{
    unsigned scale, side, line_height, size, mx, my, run;
    pn__block label;
    pn__line l;
    int qr, dark;
    pn_status st = pn__summary_qr_scale(&cur->notice, &cur->screen, &scale,
                                        &side, &line_height);

    if (st == PN_OK)
        st = pn__summary_qr(&cur->notice, &cur->screen, &qr, &label);
    if (st != PN_OK)
        return st;
    if (scale == 0 || qr != PN_QR_PAGE_SHOWN)
        return PN_ERR_ARG;
    size = side - 2u * PN_QR_QUIET_ZONE;
    for (my = 0; my < size; my++) {
        for (mx = 0, run = 0; mx <= size; mx++) {
            dark = 0;
            if (mx < size &&
                (st = pn_qr_module(&cur->notice, mx, my, &dark)) != PN_OK)
                return st;
            if (dark) {
                run++;
                continue;
            }
            if (run > 0) {
                long long left = PN_QR_QUIET_ZONE + mx - run;
                long long top = PN_QR_QUIET_ZONE + my;
                st = pn__draw_fill(&d->canvas, d->left + left * scale,
                                   d->top + top * scale,
                                   (long long)run * scale, scale, 1);
                if (st != PN_OK)
                    return st;
            }
            run = 0;
        }
    }
    pn__label_line(&l, &label);
    d->top += (long long)side * scale;
    draw_line(cur, &l, d);
    return d->st;
}
#endif

/* The current page of a section's text, drawn; with `next`, what the
 * layout finds of the next page. */
static pn_status text_draw(const pn_cursor *cur, draw *d, pn__next *next)
{
    pn_status st = pn__lay_page(cur, draw_line, d, NULL, next);

    if (st == PN_ERR_RANGE)
        st = PN_OK;
    return st != PN_OK ? st : d->st;
}

static long long least(long long a, long long b)
{
    return a < b ? a : b;
}

static long long most(long long a, long long b)
{
    return a > b ? a : b;
}

/* pn_cursor_draw(), and with `next` what the layout finds of the next
 * page (nothing when none of the page is seen: it is not laid out). */
static pn_status page_draw(const pn_cursor *cur, const pn_canvas *canvas,
                           int32_t x, int32_t y, pn__next *next)
{
    draw d;
    pn__view v;
    const unsigned char *rec;
    long long x0, y0, x1, y1;
    pn_status st;

    if (!canvas)
        return PN_ERR_ARG;
    if ((st = pn__cursor_check(cur)) != PN_OK)
        return st;
    if (!(cur->screen.flags & PN_PIXELS))
        return PN_ERR_ARG;
    if ((st = pn__read_notice_of(&v, &cur->notice, &rec)) != PN_OK ||
        (st = pn__font_line(&v, &d.ascent, &d.height)) != PN_OK)
        return st;
    /* The page's rectangle within the clip and the canvas: drawing
     * changes nothing else. */
    d.canvas = *canvas;
    x0 = most(most(canvas->clip_x, 0), x);
    y0 = most(most(canvas->clip_y, 0), y);
    x1 = least(least((long long)canvas->clip_x + canvas->clip_w,
                     canvas->width),
               (long long)x + cur->screen.cols);
    y1 = least(least((long long)canvas->clip_y + canvas->clip_h,
                     canvas->height),
               (long long)y + cur->screen.rows);
    if (x1 <= x0 || y1 <= y0)
        x1 = x0 = y1 = y0 = 0;
    d.canvas.clip_x = (int32_t)x0;
    d.canvas.clip_y = (int32_t)y0;
    d.canvas.clip_w = (uint16_t)(x1 - x0);
    d.canvas.clip_h = (uint16_t)(y1 - y0);
    if ((st = pn__draw_fill(&d.canvas, x0, y0, x1 - x0, y1 - y0, 0)) !=
            PN_OK ||
        x1 == x0)
        return st; /* a bad canvas, or none of the page is seen */
    d.cat.data = v.data;
    d.cat.size = v.size;
    d.cat.notice_count = v.notice_count;
    d.cat.catalog_version = 0;
    d.heading = pn__font_heading(&v);
    d.left = x;
    d.top = d.page_top = y;
    d.st = PN_OK;
#if !defined(PN_NO_SUMMARY) && !defined(PN_NO_QR)
    if (pn__on_qr_page(cur, cur->page))
        return qr_draw(cur, &d);
#endif
    return text_draw(cur, &d, next);
}

pn_status pn_cursor_draw(const pn_cursor *cur, const pn_canvas *canvas,
                         int32_t x, int32_t y)
{
    return page_draw(cur, canvas, x, y, NULL);
}

pn_status pn_cursor_draw_show(pn_cursor *cur, const pn_canvas *canvas,
                              int32_t x, int32_t y)
{
    pn__next next;
    pn_status st;

    next.known = 0;
    st = page_draw(cur, canvas, x, y, &next);
    if (st == PN_OK)
        pn__save_next(cur, &next);
    return st;
}

#else
typedef int pn__page_draw_compiled_out; /* C99 wants a declaration */
#endif
