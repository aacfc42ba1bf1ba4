/* pn_page.c: the pages of a document: its lines (pn_wrap.c) gathered a
 * page at a time, a blank line never opening a page, and a label ("...:")
 * kept on the page of what it introduces. */
#include "pn_layout.h"

#ifndef PN_NO_LAYOUT

/* Keep-with-next: 1 when `l`, a label line, would be the last of its page
 * but for `left` blank rows, with what it introduces on the next page; the
 * page then ends before it. A label line ends in ':' ("Contact:"), or in
 * '.' with a number on the next line ("org.nr." / "937 323 566"). `after`
 * is where the line after `l` starts. */
static int label_goes_down(const pn_cursor *cur, const pn__wrap_pos *after,
                           pn__block_cache *cache, const pn__line *l,
                           uint32_t left)
{
    pn__wrap_pos peek = *after;
    pn__line next;
    uint32_t row;
    int down = 1;

    if (l->blank || (l->last != ':' && l->last != '.') ||
        (l->last == '.' && left != 0))
        return 0;
    for (row = 0; row <= left; row++) {
        if (pn__next_line(cur, &peek, cache, &next, NULL) != PN_OK) {
            down = 0;
        } else if (l->last == '.') {
            down = left == 0 && !next.blank && next.from.cp >= '0' &&
                   next.from.cp <= '9';
        } else if (!next.blank) {
            down = row == left;
        } else {
            continue;
        }
        break;
    }
    return down; /* the cache may now hold a later block (see page_lay) */
}

/* Whether a label block of `n` lines, whose last line is `l` (the line
 * after it starting at `after`), keeps its last line on a page it opens:
 * if not, the label is too long for a page and moving it down is no use. */
static int label_fits_a_page(const pn_cursor *cur, const pn__wrap_pos *after,
                             pn__block_cache *cache, const pn__line *l,
                             uint32_t n, uint32_t rows)
{
    return n <= rows && !label_goes_down(cur, after, cache, l, rows - n);
}

/* Whether the rest of a block, from `*r`, ends in ':' within `most`
 * characters other than spaces and line breaks (each takes a column or a
 * pixel of some line): reading characters is cheaper than wrapping them,
 * and most blocks that go on past a page are not labels. */
static int may_end_a_label(const pn__rd *r, uint32_t most)
{
    pn__rd t = *r;
    uint32_t last = 0, count = 0;

    while (!t.end) {
#ifndef __OPTIMIZE_SIZE__
        /* The ASCII bytes the reader holds, a character each, at once. */
        const unsigned char *s;
        unsigned n = pn__rd_ahead(&t, &s), i;
        for (i = 0; i < n && s[i] < 0x80u; i++) {
            if (s[i] == ' ' || s[i] == '\n')
                continue;
            if (++count > most)
                return 0;
            last = s[i];
        }
        if (i > 0) {
            pn__rd_skip(&t, i - 1u);
            continue;
        }
#endif
        if (t.cp != ' ' && t.cp != '\n') {
            if (++count > most)
                return 0;
            last = t.cp;
        }
        PN__STEP(&t);
    }
    return !t.err && last == ':';
}

/* Whether `a` and `b` are the same place of the document. */
static int same_place(const pn__wrap_pos *a, const pn__wrap_pos *b)
{
    return a->block == b->block && a->offset == b->offset &&
           a->gap_done == b->gap_done;
}

/* pn__page_step() once: `*redo` (if not NULL) set when lines were emitted
 * that the page no longer holds, a label block having gone down; with
 * `stop`, the page ends there. A label block (a block whose last line is
 * a label ending in ':') that started on the page below its first line
 * goes down whole, rather than leave a page on some of its lines. */
static pn_status page_lay(const pn_cursor *cur, pn__wrap_pos *pos,
                          pn__block_cache *cache, pn__emit_fn *emit,
                          void *ctx, const pn__wrap_pos *stop, int *redo)
{
    uint32_t row = 0, rows, block_row = 0, n, block = PN__NO_BLOCK;
    pn__wrap_pos block_at = *pos, peek;
    pn__line l, next;
    pn_status st = pn__page_lines(cur, &rows);

    if (st != PN_OK)
        return st;
    l.blank = 1;
    while (row < rows) {
        pn__wrap_pos at = *pos;
        if (stop && same_place(&at, stop))
            return PN_OK;
        st = pn__next_line(cur, pos, cache, &l, cache->o);
        if (st == PN_ERR_RANGE)
            return row > 0 ? PN_OK : PN_ERR_RANGE;
        if (st != PN_OK)
            return st;
        if (row == 0 && l.blank)
            continue;
        block = cache->index;
        if (!l.blank && at.offset == 0) {
            block_at = at;
            block_row = row;
        }
        if (row > 0 &&
            label_goes_down(cur, pos, cache, &l, rows - 1 - row)) {
            /* `l` ends its block when `*pos` is at a block's start. */
            if (l.last == ':' && pos->offset == 0 && block_row > 0 &&
                block_row < row &&
                label_fits_a_page(cur, pos, cache, &l, row - block_row + 1,
                                  rows)) {
                *pos = block_at;
                if (redo)
                    *redo = 1;
                return PN_OK;
            }
            *pos = at;
            return PN_OK;
        }
        if (emit) {
            /* `l` reads the cached block: put it back if a look ahead
             * replaced it. */
            if (cache->index != block &&
                (st = pn__fetch(cur, cache, block)) != PN_OK)
                return st;
            emit(cur, &l, ctx);
        }
        row++;
    }
    /* The page is full inside a block that began below its first line:
     * the block goes down if it ends, within a page, in a label. */
    if (l.blank || pos->offset == 0 || block_row == 0)
        return PN_OK;
    /* The cached reader is on the block's rest, or past some of it. */
    if (cache->index == block && cache->rd.off >= pos->offset &&
        !may_end_a_label(&cache->rd, block_row * cur->screen.cols))
        return PN_OK;
    peek = *pos;
    n = rows - block_row;
    do {
        if (pn__next_line(cur, &peek, cache, &next, NULL) != PN_OK)
            return PN_OK;
        n++;
    } while (peek.offset != 0 && n < rows);
    if (peek.offset == 0 && next.last == ':' &&
        label_fits_a_page(cur, &peek, cache, &next, n, rows)) {
        *pos = block_at;
        if (redo)
            *redo = 1;
    }
    return PN_OK;
}

pn_status pn__page_step(const pn_cursor *cur, pn__wrap_pos *pos,
                        pn__block_cache *cache, pn__emit_fn *emit,
                        void *ctx)
{
    pn__wrap_pos start = *pos, end;
    int redo = 0;
    pn_status st =
        page_lay(cur, pos, cache, emit, ctx, NULL, emit ? &redo : NULL);

    if (st != PN_OK || !redo)
        return st;
    /* Lines of the block that went down were emitted: the page again,
     * up to its new end. */
    emit(cur, NULL, ctx);
    end = *pos;
    *pos = start;
    st = page_lay(cur, pos, cache, emit, ctx, &end, NULL);
    *pos = end;
    return st;
}

pn_status pn__skip_pages(const pn_cursor *cur, uint32_t section,
                         pn__wrap_pos *pos, uint32_t pages, uint32_t *moved)
{
    pn__block_cache cache;
    pn_status st = PN_OK;

    pn__cache_init(&cache, section);
    for (*moved = 0; *moved < pages; (*moved)++) {
        pn__wrap_pos before = *pos;
        st = pn__page_step(cur, pos, &cache, NULL, NULL);
        if (st != PN_OK) {
            *pos = before;
            break;
        }
    }
    return st == PN_ERR_RANGE ? PN_OK : st;
}

/* The cursor asking for more pages than the section has disagrees with
 * the catalog. A page starts with a block. */
pn_status pn__skip_exactly(const pn_cursor *cur, uint32_t section,
                           pn__wrap_pos *pos, uint32_t pages)
{
    pn__block_cache cache;
    uint32_t moved;
    pn_status st = pn__skip_pages(cur, section, pos, pages, &moved);

    if (st != PN_OK || pages == 0)
        return st;
    pn__cache_init(&cache, section);
    st = moved == pages ? pn__fetch(cur, &cache, pos->block)
                        : PN_ERR_RANGE;
    return st == PN_ERR_RANGE ? PN_ERR_ARG : st;
}

/* Whether a page starts at `*pos`: a line that is not blank is left in
 * the section (a blank line never opens a page). Lays out one line. */
pn_status pn__page_exists(const pn_cursor *cur, const pn__wrap_pos *pos,
                          pn__block_cache *cache, int *exists)
{
    pn__wrap_pos peek = *pos;
    pn__line l;
    pn_status st;

    do
        st = pn__next_line(cur, &peek, cache, &l, NULL);
    while (st == PN_OK && l.blank);
    *exists = st == PN_OK;
    return st == PN_ERR_RANGE ? PN_OK : st;
}

/* Whether a page starts at `*pos`, without laying a line out: a place
 * inside a block has a character left (a line ends where its block's
 * characters end), and a block shows at least one line unless it is a
 * table's heading. */
static pn_status page_follows(const pn_cursor *cur, const pn__wrap_pos *pos,
                              pn__block_cache *cache, int *exists)
{
    uint32_t block = pos->block;
    pn_status st;

    *exists = pos->offset > 0;
    while (!*exists &&
           (st = pn__fetch(cur, cache, block++)) != PN_ERR_RANGE) {
        if (st != PN_OK)
            return st;
        *exists = cache->block.kind != PN_BLOCK_TABLE_HEAD;
    }
    return PN_OK;
}

pn_status pn__lay_page(const pn_cursor *cur, pn__emit_fn *emit, void *ctx,
                       struct pn__out *o, pn__next *next)
{
    pn__block_cache cache;
    pn__wrap_pos end, *pos = next ? &next->pos : &end;
    int exists;
    pn_status st;

    pn__cache_init(&cache, cur->section);
    cache.o = o;
    pn__load_top(cur, pos);
    st = pn__page_step(cur, pos, &cache, emit, ctx);
    if (!next)
        return st;
    next->known = 0;
    if (st == PN_ERR_RANGE && cur->page == 0)
        next->known = PN__NEXT_NONE; /* an empty section's one page */
    else if (st == PN_OK &&
             page_follows(cur, pos, &cache, &exists) == PN_OK)
        next->known = exists ? PN__NEXT_AT : PN__NEXT_NONE;
    return st;
}

#else
typedef int pn__page_compiled_out; /* C99 wants a declaration */
#endif
