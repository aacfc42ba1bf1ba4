/* pn_layout.h: internal to libpn. The layout of a document (a section, or
 * the first layer) on a screen, for the caller-kept pn_cursor, in five
 * files of one job each:
 *
 *   pn_wrap.c       the document's lines: blocks read, words wrapped
 *   pn_page.c       its pages: lines gathered into pages, labels kept
 *                   with what they introduce
 *   pn_cursor.c     the cursor: opening, checking, moving, counting
 *   pn_page_text.c  a page written as text (pn_cursor_page/show)
 *   pn_page_draw.c  a page drawn on a canvas (pn_cursor_draw,
 *                   pn_cursor_draw_show)
 *
 * Nothing is stored between calls but the cursor: a page is laid out by
 * wrapping from the position of its first line, and going back re-wraps
 * the section from the cursor's anchor, an earlier page whose start it
 * keeps (pn_cursor.c), rather than from the section's start.
 *
 * Widths are columns on a character screen and pixels on a PN_PIXELS one
 * (a glyph's advance in the catalog's font): one wrap for both. */
#ifndef PN_LAYOUT_H
#define PN_LAYOUT_H

#include "pn_doc.h"
#include "pn_utf8.h"

/* A function whose frame must not be added to its caller's: inlined, the
 * QR page's locals and the text page's would take stack side by side,
 * though only one of them runs (make bench lists every frame). */
#if defined(__GNUC__)
#define PN__OWN_FRAME __attribute__((noinline))
#else
#define PN__OWN_FRAME
#endif

#ifndef PN_NO_LAYOUT

/* Where the next line starts. */
typedef struct pn__wrap_pos {
    uint32_t block;            /* block of the document */
    uint32_t offset;           /* byte offset in that block */
    uint32_t prev_level;       /* level of the block before (a table
                                  cell's column) */
    uint32_t mark_off;         /* where the block's reader can start */
    uint32_t mark_at;          /* again for it (pn__rd_open_at()) */
    uint8_t prev_kind;         /* its kind, 0 at the start */
    uint8_t gap_done;          /* the blank line before this block is out */
} pn__wrap_pos;

/* One laid-out line: from `from` (a reader on its first character) to
 * byte offset `end` of the block, after a prefix: `indent` of blank
 * width, then the list item's marker ("- " or "12. ") on its first line. */
typedef struct pn__line {
    int blank;                 /* an empty line */
    unsigned indent;           /* blank width first (columns or pixels) */
    pn_block_kind mark;        /* the marker of this kind of item, or 0 */
    uint32_t number;           /* a numbered item's number */
    pn__rd from;
    uint32_t end;
    uint32_t last;             /* its last character, 0 if it ends inside
                                  a word */
} pn__line;

/* A page being written as text (pn_page_text.c). */
struct pn__out;

/* A pass over section `section` of the cursor's document: the block
 * last fetched, so that a page does not fetch it per line, and a reader
 * where the last line left it. */
typedef struct pn__block_cache {
    uint32_t section;
    uint32_t index;            /* PN__NO_BLOCK when empty */
    pn__block block;
    pn__rd rd;
    pn_section sec;            /* the section's record, read once a pass */
    int sec_read;              /* 1: `sec` is read */
    struct pn__out *o;         /* a page being written, or NULL */
} pn__block_cache;

#define PN__NO_BLOCK 0xFFFFFFFFu

#ifdef PN_NO_TRANSLIT
/* Without transliteration a screen shows UTF-8 as written (flags 0). */
#define PN__SCREEN_FLAGS_KNOWN 0u
#else
#define PN__SCREEN_FLAGS_KNOWN (PN_ASCII | PN_LATIN1)
#endif

/* What a page's layout found of the next page, for the cursor to keep
 * (pn_cursor.c): `known` PN__NEXT_AT the section's next page starts at
 * `pos`, PN__NEXT_NONE the page is the section text's last, 0 nothing. */
#define PN__NEXT_AT 1u
#define PN__NEXT_NONE 2u

typedef struct pn__next {
    pn__wrap_pos pos;
    uint32_t known;
} pn__next;

/* ---- Lines (pn_wrap.c) ------------------------------------------------- */

/* What the screen shows for `cp`, into `out`: its bytes. A damaged
 * character is '?' on a screen limited to a character set. */
static inline size_t pn__char_bytes(uint32_t cp, unsigned flags,
                                    char out[4])
{
#ifdef PN_NO_TRANSLIT
    (void)flags;
    return pn__utf8_put(cp, out);
#else
    return pn_transliterate(cp == 0xFFFD && flags ? '?' : cp, flags, out);
#endif
}

/* The columns that takes on a character screen with `flags`. */
unsigned pn__char_cols(uint32_t cp, unsigned flags);

/* The marker of an item of kind `mark` into `text` (0: none): "- ", or
 * a numbered item's digits, '.' and a space. Returns its bytes. */
unsigned pn__mark_text(pn_block_kind mark, uint32_t number, char text[12]);

/* Lines a page holds: `rows` on a character screen; on a pixel screen as
 * many as fit, PN_ERR_ARG if none does. */
#ifndef PN_NO_DRAW
pn_status pn__page_lines(const pn_cursor *cur, uint32_t *lines);
#else
static inline pn_status pn__page_lines(const pn_cursor *cur,
                                       uint32_t *lines)
{
    *lines = cur->screen.rows;
    return PN_OK;
}
#endif

static inline void pn__cache_init(pn__block_cache *cache, uint32_t section)
{
    cache->section = section;
    cache->index = PN__NO_BLOCK;
    cache->sec_read = 0;
    cache->o = NULL;
}

/* Block `index` of the cache's section into the cache, with its reader
 * at its start if it was not there. PN_OK, PN_ERR_RANGE past the last
 * block, or PN_ERR_FORMAT. */
pn_status pn__fetch(const pn_cursor *cur, pn__block_cache *cache,
                    uint32_t index);

static inline void pn__at_block_start(pn__wrap_pos *pos)
{
    pos->offset = 0;
    pos->gap_done = 0;
    pos->mark_off = 0;
    pos->mark_at = 0;
}

static inline void pn__start_of_section(pn__wrap_pos *pos)
{
    pos->block = 0;
    pos->prev_kind = 0;
    pos->prev_level = 0;
    pn__at_block_start(pos);
}

/* A line with no prefix, no text and no end yet. */
static inline void pn__line_clear(pn__line *l)
{
    l->blank = 0;
    l->indent = 0;
    l->mark = (pn_block_kind)0;
    l->number = 0;
    l->end = 0;
    l->last = 0;
}

#if !defined(PN_NO_SUMMARY) && !defined(PN_NO_QR)
/* The QR page's last line: the whole of its label, unwrapped. */
static inline void pn__label_line(pn__line *l, const pn__block *label)
{
    pn__line_clear(l);
    pn__rd_open(&l->from, label);
    l->end = 0xFFFFFFFFu;
}
#endif

/* Lays out the line at `*pos` and moves `*pos` past it. PN_ERR_RANGE when
 * the section has no more lines. With `o`, the page being written, the
 * line's bytes go into it as they are decoded (pn__line_tap()). */
pn_status pn__next_line(const pn_cursor *cur, pn__wrap_pos *pos,
                        pn__block_cache *cache, pn__line *out,
                        struct pn__out *o);

/* pn__rd_step() (pn_doc.h) for the layout's files but the wrap: out of
 * line in a build for size, so that the code keeps one copy of it (in
 * pn_wrap.c, whose loops have it inline); inline in a build for speed. */
#ifdef __OPTIMIZE_SIZE__
void pn__line_step(pn__rd *r);
#define PN__STEP pn__line_step
#else
#define PN__STEP pn__rd_step
#endif

/* ---- Pages (pn_page.c) ------------------------------------------------- */

/* Called with each line of a page as it is laid out, and with no line
 * to forget the lines it was given. */
typedef void pn__emit_fn(const pn_cursor *cur, const pn__line *l, void *ctx);

/* Lays out the page at `*pos` and moves `*pos` to the next one, calling
 * `emit` (if not NULL) for each of its lines. A blank line that would open
 * a page is dropped. PN_ERR_RANGE when no line is left for the page. */
pn_status pn__page_step(const pn_cursor *cur, pn__wrap_pos *pos,
                        pn__block_cache *cache, pn__emit_fn *emit,
                        void *ctx);

/* Moves `*pos` on by up to `pages` pages; `*moved` gets how many. */
pn_status pn__skip_pages(const pn_cursor *cur, uint32_t section,
                         pn__wrap_pos *pos, uint32_t pages, uint32_t *moved);

/* Moves `*pos` on by exactly `pages` pages, to the start of a page:
 * PN_ERR_ARG if the section has fewer. */
pn_status pn__skip_exactly(const pn_cursor *cur, uint32_t section,
                           pn__wrap_pos *pos, uint32_t pages);

/* Whether a page starts at `*pos`, laying out its first line. */
pn_status pn__page_exists(const pn_cursor *cur, const pn__wrap_pos *pos,
                          pn__block_cache *cache, int *exists);

/* Lays out the cursor's page from its top, calling `emit` with `ctx` for
 * each of its lines; with `o`, the page being written as text, their
 * bytes go into it as they are decoded. With `next`, also what
 * pn_cursor_next() would find of the next page into it. PN_ERR_RANGE
 * when the section has no line left for the page. */
pn_status pn__lay_page(const pn_cursor *cur, pn__emit_fn *emit, void *ctx,
                       struct pn__out *o, pn__next *next);

/* ---- The cursor (pn_cursor.c) ------------------------------------------ */

/* Checks a cursor the caller kept (pn.h, "Trust"). */
pn_status pn__cursor_check(const pn_cursor *cur);

/* 1 on the QR page: the last page of a first layer that shows it. */
int pn__on_qr_page(const pn_cursor *cur, uint32_t page);

/* A place the cursor keeps, as a position of the wrap. */
void pn__pos_load(pn__wrap_pos *pos, const pn__place *p);

/* The start of the cursor's page. */
static inline void pn__load_top(const pn_cursor *cur, pn__wrap_pos *pos)
{
    pn__pos_load(pos, &cur->internal.top);
}

/* Keeps in the cursor what its page's layout found of the next page, if
 * it found something. */
void pn__save_next(pn_cursor *cur, const pn__next *next);

/* ---- A page as text (pn_page_text.c) ----------------------------------- */

/* Has the reader `r`, on the first character of line `l`, copy the bytes
 * it decodes into the page `o` after the line's prefix. */
void pn__line_tap(const pn_cursor *cur, struct pn__out *o, const pn__line *l,
                  pn__rd *r);

#endif /* PN_NO_LAYOUT */

#endif
