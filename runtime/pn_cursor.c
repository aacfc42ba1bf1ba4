/* pn_cursor.c: the caller-kept pn_cursor: opened on a document, checked
 * at each call (pn.h, "Trust"), moved a page or a section at a time, and
 * its pages counted. Where its page starts is kept in it (a place), and
 * an earlier page's start, the anchor (anchor_spacing()), so that going
 * back re-wraps the section from there rather than from its start. */
#include "pn_layout.h"
#include "pn_summary.h"

#ifndef PN_NO_LAYOUT

#ifndef PN_NO_DRAW
#define SCREEN_FLAGS_ALL (PN__SCREEN_FLAGS_KNOWN | PN_PIXELS)
#else
#define SCREEN_FLAGS_ALL PN__SCREEN_FLAGS_KNOWN
#endif

/* Sections in the cursor's document (the first layer is one). */
static uint32_t doc_sections(const pn_cursor *cur)
{
    return cur->summary ? 1 : cur->notice.section_count;
}

/* A check of a kept place, in the top byte of its state: a place the
 * layout did not write (a damaged cursor) most likely fails it. */
static uint32_t place_check(const pn__place *p)
{
    uint32_t h = p->block * 0x9E3779B1u ^ p->offset;
    h = h * 0x85EBCA77u ^ p->mark_off;
    h = h * 0xC2B2AE3Du ^ p->mark_at;
    h = h * 0x27D4EB2Fu ^ (p->state & 0xFFFFFFu);
    return (h * 0x9E3779B1u) >> 24;
}

/* A position as the cursor keeps it. */
static void pos_save(const pn__wrap_pos *pos, pn__place *p)
{
    p->block = pos->block;
    p->offset = pos->offset;
    p->mark_off = pos->mark_off;
    p->mark_at = pos->mark_at;
    p->state = pos->prev_kind | pos->gap_done << 8 |
               (pos->prev_level & 0xFFu) << 16;
    p->state |= place_check(p) << 24;
}

void pn__pos_load(pn__wrap_pos *pos, const pn__place *p)
{
    pos->block = p->block;
    pos->offset = p->offset;
    pos->mark_off = p->mark_off;
    pos->mark_at = p->mark_at;
    pos->prev_kind = p->state & 0xFFu;
    pos->gap_done = (p->state >> 8) & 0xFFu;
    pos->prev_level = (p->state >> 16) & 0xFFu;
}

/* Whether `p` is a place pos_save() can write. */
static int place_ok(const pn__place *p)
{
    return (p->state & 0xFFu) <= PN_BLOCK_STORED_LAST &&
           ((p->state >> 8) & 0xFFu) <= 1u && p->mark_off <= p->offset &&
           p->state >> 24 == place_check(p);
}

/* What the cursor's `next` place says of the next page, in its state's
 * second byte above gap_done: 0 (state 0) nothing, or PN__NEXT_AT or
 * PN__NEXT_NONE (pn_layout.h). Its check also covers the top's, whose
 * page it follows. */
static uint32_t next_check(const pn_cursor *cur)
{
    return place_check(&cur->internal.next) ^ cur->internal.top.state >> 24;
}

void pn__save_next(pn_cursor *cur, const pn__next *next)
{
    pn__place *p = &cur->internal.next;

    if (next->known == 0)
        return;
    pos_save(&next->pos, p);
    p->state = (p->state & 0xFFFFFFu) | next->known << 9;
    p->state |= next_check(cur) << 24;
}

/* 0, or PN__NEXT_AT with the next page's start in `*pos`, or
 * PN__NEXT_NONE. */
static uint32_t load_next(const pn_cursor *cur, pn__wrap_pos *pos)
{
    const pn__place *p = &cur->internal.next;
    uint32_t known = (p->state >> 9) & 3u;

    if (known == PN__NEXT_AT) {
        pn__pos_load(pos, p);
        pos->gap_done &= 1u;
    }
    return known;
}

static int next_ok(const pn_cursor *cur)
{
    const pn__place *p = &cur->internal.next;
    uint32_t known = (p->state >> 9) & 0x7Fu;

    return p->state == 0 ||
           ((p->state & 0xFFu) <= PN_BLOCK_STORED_LAST &&
            (known == PN__NEXT_AT || known == PN__NEXT_NONE) &&
            p->mark_off <= p->offset && p->state >> 24 == next_check(cur));
}

/* A new current page: what was known of the next one is forgotten. */
static void save_top(pn_cursor *cur, const pn__wrap_pos *pos)
{
    pn__place *next = &cur->internal.next;

    pos_save(pos, &cur->internal.top);
    next->block = next->offset = next->state = 0;
    next->mark_off = next->mark_at = 0;
}

static void save_anchor(pn_cursor *cur, uint32_t page, const pn__wrap_pos *pos)
{
    cur->internal.anchor_page = page;
    pos_save(pos, &cur->internal.anchor);
}

static void load_anchor(const pn_cursor *cur, pn__wrap_pos *pos)
{
    pn__pos_load(pos, &cur->internal.anchor);
}

static uint32_t isqrt(uint32_t n)
{
    uint32_t root = 0, bit = 1ul << 30;

    while (bit > n)
        bit >>= 2;
    for (; bit > 0; bit >>= 2) {
        if (n >= root + bit) {
            n -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
    }
    return root;
}

/* How many pages the anchor may lie behind page `page`: about its square
 * root (at least ANCHOR_MIN_SPACING). Going back from the anchor costs up
 * to that many pages; going back past it lays the section out from its
 * start to page `page` once, and sets the anchor that far behind again,
 * so that paging back through a section of n pages costs about sqrt(n)
 * pages a step, and never n a step. */
#define ANCHOR_MIN_SPACING 8u

static uint32_t anchor_spacing(uint32_t page)
{
    uint32_t root = isqrt(page);
    return root > ANCHOR_MIN_SPACING ? root : ANCHOR_MIN_SPACING;
}

/* ---- The first layer's QR page ------------------------------------------ */

/* What the cursor's document does with the notice's QR code: the first
 * layer may end with a page showing it (pn__summary_qr()). */
static pn_status qr_state(const pn_notice *notice, const pn_screen *screen,
                          int summary, int *qr)
{
    *qr = PN_QR_PAGE_NONE;
#if !defined(PN_NO_SUMMARY) && !defined(PN_NO_QR)
    if (summary)
        return pn__summary_qr(notice, screen, qr, NULL);
#else
    (void)notice;
    (void)screen;
    (void)summary;
#endif
    return PN_OK;
}

/* The QR page keeps the top of the text's last page as its own. A cursor
 * knows its section's pages (`pages` not 0) once it has reached the last
 * one. */
int pn__on_qr_page(const pn_cursor *cur, uint32_t page)
{
    return cur->qr == PN_QR_PAGE_SHOWN && cur->pages != 0 &&
           page + 1u == cur->pages;
}

/* The pages of section `section`: its text's (at least 1), and the QR
 * page. */
static pn_status doc_pages(const pn_cursor *cur, uint32_t section,
                           uint32_t *pages)
{
    pn__wrap_pos pos;
    pn_status st;

    pn__start_of_section(&pos);
    st = pn__skip_pages(cur, section, &pos, 0xFFFFFFFFu, pages);
    if (st == PN_OK && *pages == 0)
        *pages = 1;
    if (st == PN_OK && cur->qr == PN_QR_PAGE_SHOWN)
        ++*pages;
    return st;
}

/* Lays section `section` out from its start to page `page` (which it
 * has), setting the anchor on the way, and puts the cursor there. */
static pn_status lay_to(pn_cursor *cur, uint32_t section, uint32_t page)
{
    uint32_t text_page = pn__on_qr_page(cur, page) ? page - 1u : page;
    uint32_t spacing = anchor_spacing(text_page);
    uint32_t anchor = text_page >= spacing ? text_page - (spacing - 1u) : 0u;
    pn__wrap_pos pos;
    pn_status st;

    pn__start_of_section(&pos);
    if ((st = pn__skip_exactly(cur, section, &pos, anchor)) != PN_OK)
        return st;
    save_anchor(cur, anchor, &pos);
    if ((st = pn__skip_exactly(cur, section, &pos, text_page - anchor)) !=
        PN_OK)
        return st;
    cur->section = section;
    cur->page = page;
    save_top(cur, &pos);
    return PN_OK;
}

/* Shows the first page of section `section`: its start, no layout (the
 * section's pages are counted only where asked: pn_cursor_pages()). */
static pn_status show_first(pn_cursor *cur, uint32_t section)
{
    pn__block_cache cache;
    pn__wrap_pos pos;
    pn_status st;

    pn__cache_init(&cache, section);
    st = pn__fetch(cur, &cache, 0);
    if (st != PN_OK && st != PN_ERR_RANGE)
        return st;
    pn__start_of_section(&pos);
    cur->section = section;
    cur->page = 0;
    cur->pages = 0;
    save_top(cur, &pos);
    save_anchor(cur, 0, &pos);
    return PN_OK;
}

/* Shows the last page of section `section`, in one pass over it that
 * counts its pages and sets the anchor on the way (as pn_cursor_next()
 * would have, walking the section). */
static pn_status show_last(pn_cursor *cur, uint32_t section)
{
    pn__block_cache cache;
    pn__wrap_pos pos, top, before_top, anchor;
    uint32_t steps = 0, anchor_page = 0;
    pn_status st;

    pn__cache_init(&cache, section);
    pn__start_of_section(&pos);
    top = before_top = anchor = pos;
    for (;;) {
        pn__wrap_pos at = pos;
        st = pn__page_step(cur, &pos, &cache, NULL, NULL);
        if (st == PN_ERR_RANGE)
            break;
        if (st != PN_OK)
            return st;
        if (steps > 0) {
            /* Page `steps` starts at `at`. */
            before_top = top;
            top = at;
            if (steps - anchor_page > anchor_spacing(steps)) {
                anchor = before_top;
                anchor_page = steps - 1u;
            }
        }
        steps++;
    }
    cur->section = section;
    cur->page = steps > 0 ? steps - 1u : 0u;
    if (cur->qr == PN_QR_PAGE_SHOWN)
        cur->page++;
    cur->pages = cur->page + 1u;
    save_top(cur, &top);
    save_anchor(cur, anchor_page, &anchor);
    return PN_OK;
}

/* A page number no section reaches (a page holds at least a line). */
#define LAST_PAGE 0xFFFFFFFFu

static int screen_ok(const pn_screen *screen)
{
    unsigned most = screen->flags & PN_PIXELS ? PN_MAX_PIXELS : PN_MAX_COLS;

    return screen->cols > 0 && screen->cols <= most && screen->rows > 0 &&
           (screen->flags & PN_PIXELS ? screen->rows <= PN_MAX_PIXELS : 1) &&
           (screen->flags & ~SCREEN_FLAGS_ALL) == 0;
}

/* The trust model of pn.h: a notice handle's section_count bounds the
 * layout's loops, so it must be its record's. */
static pn_status notice_check(const pn_notice *notice)
{
    pn__view v;
    const unsigned char *rec;
    uint32_t first, count;
    pn_status st = pn__read_notice_of(&v, notice, &rec);

    if (st == PN_OK)
        st = pn__read_notice_sections(&v, rec, &first, &count);
    if (st == PN_OK && notice->section_count != count)
        return PN_ERR_ARG;
    return st;
}

static pn_status open_cursor(pn_cursor *cur, const pn_notice *notice,
                             const pn_screen *screen, int summary)
{
    uint32_t lines;
    pn_status st;

    if (!cur || !notice || !screen || !screen_ok(screen))
        return PN_ERR_ARG;
    if ((st = notice_check(notice)) != PN_OK)
        return st;
    cur->notice = *notice;
    cur->screen = *screen;
    cur->summary = summary;
    cur->internal.authored = 0;
    /* Nothing is laid out until asked, so a pixel screen's font and
     * height are checked here: a catalog without a font, or a screen lower
     * than a line, is refused at once. */
    if ((st = pn__page_lines(cur, &lines)) != PN_OK)
        return st;
    if ((st = qr_state(notice, screen, summary, &cur->qr)) != PN_OK)
        return st;
#ifndef PN_NO_SUMMARY
    if (summary &&
        (st = pn__summary_find(notice, &cur->internal.authored)) != PN_OK)
        return st;
#endif
    return show_first(cur, 0);
}

pn_status pn_cursor_open(pn_cursor *cur, const pn_notice *notice,
                         const pn_screen *screen)
{
    return open_cursor(cur, notice, screen, 0);
}

#ifndef PN_NO_SUMMARY
pn_status pn_cursor_open_summary(pn_cursor *cur, const pn_notice *notice,
                                 const pn_screen *screen)
{
    return open_cursor(cur, notice, screen, 1);
}
#endif

#ifdef PN_NO_SUMMARY
#define SUMMARY_MAX 0
#else
#define SUMMARY_MAX 1
#endif

/* Checks a cursor the caller kept, every count and index in it against
 * the catalog, before any of them bounds a loop (pn.h, "Trust"). A page
 * number is checked against the section's pages where a call lays the
 * section out: pn_cursor_prev() (which fails on a page the section does
 * not have), pn_cursor_next(), pn_cursor_pages() and
 * pn_cursor_position(). */
pn_status pn__cursor_check(const pn_cursor *cur)
{
    uint32_t lines;
    pn_status st;
    int qr;

    if (!cur || !screen_ok(&cur->screen) || cur->summary < 0 ||
        cur->summary > SUMMARY_MAX)
        return PN_ERR_ARG;
    if ((st = notice_check(&cur->notice)) != PN_OK ||
        (st = qr_state(&cur->notice, &cur->screen, cur->summary, &qr)) !=
            PN_OK)
        return st;
    if (cur->qr != qr)
        return PN_ERR_ARG;
    /* A pixel screen needs the catalog's font and a line's height. */
    if ((st = pn__page_lines(cur, &lines)) != PN_OK)
        return st;
    /* The authored first layer's section, tagged summary (a cursor that
     * says "built" where the author wrote one shows the built one). */
    if (cur->internal.authored != 0) {
        pn_section sec;
        if (!cur->summary ||
            cur->internal.authored > cur->notice.section_count)
            return PN_ERR_ARG;
        st = pn_section_at(&cur->notice, cur->internal.authored - 1u, &sec);
        if (st != PN_OK)
            return st;
        if (!(sec.topics & PN_TOPIC_BIT(PN_TOPIC_SUMMARY)))
            return PN_ERR_ARG;
    }
    /* A notice without sections shows one empty page of section 0. */
    if ((cur->section > 0 && cur->section >= doc_sections(cur)) ||
        (cur->pages != 0 && cur->page >= cur->pages) ||
        cur->page == LAST_PAGE || !place_ok(&cur->internal.top) ||
        cur->internal.anchor_page > cur->page ||
        !place_ok(&cur->internal.anchor) || !next_ok(cur))
        return PN_ERR_ARG;
    return PN_OK;
}

/* The cursor moves on to page `page` + 1 of its section, which starts at
 * `*pos`. */
static void step_on(pn_cursor *cur, const pn__wrap_pos *pos)
{
    /* The page left becomes the anchor when the anchor falls too far
     * behind, so that going back stays cheap. */
    if (cur->page + 1 - cur->internal.anchor_page >
        anchor_spacing(cur->page + 1)) {
        pn__wrap_pos left;
        pn__load_top(cur, &left);
        save_anchor(cur, cur->page, &left);
    }
    cur->page++;
    save_top(cur, pos);
}

/* Next within the section: lays the current page out to find where the
 * next one starts, and one line more to know that it has a line, unless
 * pn_cursor_show() kept that. `*moved` is 0 on the section's last page. */
static pn_status next_in_section(pn_cursor *cur, int *moved)
{
    pn__block_cache cache;
    pn__wrap_pos pos;
    int exists = 0;
    uint32_t known;
    pn_status st = PN_OK;

    *moved = 0;
    pn__load_top(cur, &pos);
    if (pn__on_qr_page(cur, cur->page))
        return PN_OK;
    if (pn__on_qr_page(cur, cur->page + 1u)) {
        step_on(cur, &pos); /* the QR page keeps the text's last top */
        *moved = 1;
        return PN_OK;
    }
    known = load_next(cur, &pos);
    exists = known == PN__NEXT_AT;
    if (known == 0) {
        pn__cache_init(&cache, cur->section);
        st = pn__page_step(cur, &pos, &cache, NULL, NULL);
        if (st == PN_OK)
            st = pn__page_exists(cur, &pos, &cache, &exists);
        else if (st == PN_ERR_RANGE && cur->page == 0)
            st = PN_OK; /* an empty section's one page */
        else if (st == PN_ERR_RANGE)
            return PN_ERR_ARG; /* a page the section does not have */
        if (st != PN_OK)
            return st;
    }
    if (exists) {
        if (cur->pages != 0 && cur->page + 1u >= cur->pages)
            return PN_ERR_ARG;
        step_on(cur, &pos);
        *moved = 1;
        return PN_OK;
    }
    if (cur->pages != 0 &&
        cur->page + (cur->qr == PN_QR_PAGE_SHOWN ? 2u : 1u) != cur->pages)
        return PN_ERR_ARG;
    if (cur->qr == PN_QR_PAGE_SHOWN) {
        /* The text's last page: the QR page follows. */
        pn__load_top(cur, &pos);
        step_on(cur, &pos);
        cur->pages = cur->page + 1u;
        *moved = 1;
    }
    return PN_OK;
}

pn_status pn_cursor_next(pn_cursor *cur)
{
    int moved;
    pn_status st;

    if ((st = pn__cursor_check(cur)) != PN_OK ||
        (st = next_in_section(cur, &moved)) != PN_OK || moved)
        return st;
    if (cur->section + 1 >= doc_sections(cur))
        return PN_ERR_RANGE;
    return show_first(cur, cur->section + 1);
}

pn_status pn_cursor_prev(pn_cursor *cur)
{
    pn_status st = pn__cursor_check(cur);

    if (st != PN_OK)
        return st;
    if (cur->page > 0 && cur->internal.anchor_page < cur->page) {
        /* From the anchor, which is on an earlier page of the section. */
        uint32_t page = cur->page - 1;
        pn__wrap_pos pos;
        load_anchor(cur, &pos);
        st = pn__skip_exactly(cur, cur->section, &pos,
                              page - cur->internal.anchor_page);
        if (st != PN_OK)
            return st;
        cur->page = page;
        save_top(cur, &pos);
        return PN_OK;
    }
    if (cur->page > 0)
        return lay_to(cur, cur->section, cur->page - 1);
    if (cur->section == 0)
        return PN_ERR_RANGE;
    return show_last(cur, cur->section - 1);
}

pn_status pn_cursor_goto(pn_cursor *cur, uint32_t index)
{
    pn_status st = pn__cursor_check(cur);

    if (st != PN_OK)
        return st;
    if (index >= doc_sections(cur))
        return PN_ERR_RANGE;
    return show_first(cur, index);
}

/* The section's pages, checked against the cursor's page and pages. */
static pn_status section_pages(const pn_cursor *cur, uint32_t section,
                               uint32_t *pages)
{
    pn_status st = doc_pages(cur, section, pages);

    if (st == PN_OK && section == cur->section &&
        ((cur->pages != 0 && cur->pages != *pages) || cur->page >= *pages))
        return PN_ERR_ARG;
    return st;
}

pn_status pn_cursor_pages(const pn_cursor *cur, uint32_t *pages)
{
    pn_status st;

    if (!pages)
        return PN_ERR_ARG;
    *pages = 0;
    if ((st = pn__cursor_check(cur)) != PN_OK)
        return st;
    if (cur->pages != 0) {
        *pages = cur->pages;
        return PN_OK;
    }
    st = section_pages(cur, cur->section, pages);
    if (st != PN_OK)
        *pages = 0;
    return st;
}

pn_status pn_cursor_position(const pn_cursor *cur, uint32_t *page,
                             uint32_t *pages)
{
    uint32_t i, n, total = 0, sections;
    pn_status st;

    if (!page || !pages)
        return PN_ERR_ARG;
    if ((st = pn__cursor_check(cur)) != PN_OK)
        return st;
    sections = doc_sections(cur);
    *page = cur->page + 1;
    for (i = 0; i < sections; i++) {
        if ((st = section_pages(cur, i, &n)) != PN_OK)
            return st;
        if (i == cur->section)
            *page += total;
        total += n;
    }
    *pages = total ? total : 1;
    return PN_OK;
}

#else
typedef int pn__cursor_compiled_out; /* C99 wants a declaration */
#endif
