/* pn_layout.c: word wrap and paging of a document (a section, or the first
 * layer) on a character screen, for the caller-kept pn_cursor.
 *
 * Nothing is stored between calls but the cursor: a page is laid out by
 * wrapping from the position of its first line, and going back re-wraps
 * the section from the cursor's anchor, an earlier page whose start it
 * keeps (see anchor_spacing()), rather than from the section's start.
 *
 * Widths are columns on a character screen and pixels on a PN_PIXELS one
 * (a glyph's advance in the catalog's font): one wrap for both, through
 * char_width(). */
#include "pn_doc.h"
#include "pn_font.h"
#include "pn_summary.h"
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
typedef struct wrap_pos {
    uint32_t block;            /* block of the document */
    uint32_t offset;           /* byte offset in that block */
    uint32_t prev_kind;        /* kind of the block before, 0 at the start */
    uint32_t prev_level;       /* its level (a table cell's column) */
    uint32_t gap_done;         /* the blank line before this block is out */
    uint32_t mark_off;         /* where the block's reader can start */
    uint32_t mark_at;          /* again for it (pn__rd_open_at()) */
} wrap_pos;

/* One laid-out line: from `from` (a reader on its first character) to
 * byte offset `end` of the block, after a prefix: `indent` of blank
 * width, then the list item's marker ("- " or "12. ") on its first line. */
typedef struct line {
    int blank;                 /* an empty line */
    unsigned indent;           /* blank width first (columns or pixels) */
    pn_block_kind mark;        /* the marker of this kind of item, or 0 */
    uint32_t number;           /* a numbered item's number */
    pn__rd from;
    uint32_t end;
    uint32_t last;             /* its last character, 0 if it ends inside
                                  a word */
} line;

struct out;

/* The block last fetched, so that a page does not fetch it per line, and
 * a reader where the last line left it. */
typedef struct block_cache {
    uint32_t section;
    uint32_t index;            /* NO_BLOCK when empty */
    pn__block block;
    pn__rd rd;
    pn_section sec;            /* the section's record, read once a pass */
    uint32_t sec_index;        /* its index, NO_BLOCK when none */
    struct out *o;             /* a page being written, or NULL */
} block_cache;

#define NO_BLOCK 0xFFFFFFFFu
/* A list item's marker and indent are kept only while this many digits'
 * width is left for its text. Each level of nesting indents an item by
 * the width of a bullet's marker ("- ": 2 columns). */
#define LIST_TEXT_MIN_COLS 6u

/* ---- Characters ---------------------------------------------------------- */

#ifdef PN_NO_TRANSLIT
/* Without transliteration a screen shows UTF-8 as written (flags 0). */
#define SCREEN_FLAGS_KNOWN 0u

static unsigned char_cols(uint32_t cp, unsigned flags)
{
    (void)cp;
    (void)flags;
    return 1;
}

static size_t char_bytes(uint32_t cp, unsigned flags, char out[4])
{
    (void)flags;
    return pn__utf8_put(cp, out);
}
#else
#define SCREEN_FLAGS_KNOWN (PN_ASCII | PN_LATIN1)

static unsigned char_cols(uint32_t cp, unsigned flags)
{
    char out[4];
    if (flags == 0 || cp < 0x80)
        return 1;
    /* Under PN_LATIN1 a kept character is 2 bytes but 1 column. */
    return cp <= 0xFF && !(flags & PN_ASCII)
               ? 1
               : (unsigned)pn_transliterate(cp, flags, out);
}

/* What the screen shows for `cp`; a damaged character is '?' on a screen
 * limited to a character set. */
static size_t char_bytes(uint32_t cp, unsigned flags, char out[4])
{
    return pn_transliterate(cp == 0xFFFD && flags ? '?' : cp, flags, out);
}
#endif

#ifndef PN_NO_DRAW
#define SCREEN_FLAGS_ALL (SCREEN_FLAGS_KNOWN | PN_PIXELS)
#else
#define SCREEN_FLAGS_ALL SCREEN_FLAGS_KNOWN
#endif

/* How wide text is on the cursor's screen, for the block being laid out. */
typedef struct measure {
    unsigned flags;            /* PN_ASCII, PN_LATIN1 or 0 */
    unsigned space;            /* a space's width */
    int pixels;                /* 1: widths are `font`'s advances */
    pn__font font;
} measure;

/* The width of `cp` (of what the screen shows for it): 1 column, or its
 * glyphs' advances, at least 1 pixel so a line holds a bounded count. */
static unsigned char_width(uint32_t cp, const measure *m)
{
#ifndef PN_NO_DRAW
    if (m->pixels) {
        char out[4];
        size_t n, at = 0;
        unsigned width = 0;
        if (!m->flags || cp < 0x80) {
            width = pn__font_advance(&m->font, cp);
        } else {
            n = char_bytes(cp, m->flags, out);
            while (at < n) {
                uint32_t shown;
                at += pn__utf8_get((const unsigned char *)out + at, n - at,
                                   &shown);
                width += pn__font_advance(&m->font, shown);
            }
        }
        return width ? width : 1u;
    }
#endif
    return char_cols(cp, m->flags);
}

/* The measure of the cursor's screen for a block of kind `kind` (a
 * heading is measured in the headings' font). */
static pn_status measure_open(const pn_cursor *cur, pn_block_kind kind,
                              measure *m)
{
    m->flags = cur->screen.flags & SCREEN_FLAGS_KNOWN;
    m->pixels = 0;
    m->space = 1;
#ifndef PN_NO_DRAW
    if (cur->screen.flags & PN_PIXELS) {
        pn__view v;
        const unsigned char *rec;
        pn_status st = pn__read_notice_of(&v, &cur->notice, &rec);
        if (st == PN_OK)
            st = pn__font_open(&v,
                               kind == PN_BLOCK_HEADING ? pn__font_heading(&v)
                                                        : PN_FONT_TEXT,
                               &m->font);
        if (st != PN_OK)
            return st;
        m->pixels = 1;
        m->space = char_width(' ', m);
    }
#else
    (void)kind;
#endif
    return PN_OK;
}

/* Lines a page holds: `rows` on a character screen; on a pixel screen as
 * many as fit, PN_ERR_ARG if none does. */
static pn_status page_lines(const pn_cursor *cur, uint32_t *lines)
{
    *lines = cur->screen.rows;
#ifndef PN_NO_DRAW
    if (cur->screen.flags & PN_PIXELS) {
        pn__view v;
        const unsigned char *rec;
        unsigned ascent, height;
        pn_status st = pn__read_notice_of(&v, &cur->notice, &rec);
        if (st == PN_OK)
            st = pn__font_line(&v, &ascent, &height);
        if (st != PN_OK)
            return st;
        *lines = cur->screen.rows / height;
        if (*lines == 0)
            return PN_ERR_ARG;
    }
#endif
    return PN_OK;
}

static void skip_spaces(pn__rd *r)
{
    while (!r->end && r->cp == ' ')
        pn__rd_step(r);
}

/* ---- Wrapping ------------------------------------------------------------ */

/* A punctuation mark: a word of these alone never makes a line. */
static int is_mark(uint32_t cp)
{
    /* The ASCII marks, a bit each (a word is mostly ASCII). */
    static const uint32_t ascii[4] = {0x00000000u, 0xFC00FFFEu,
                                      0xF8000001u, 0x78000001u};
    if (cp < 0x80)
        return (int)(ascii[cp >> 5] >> (cp & 31u) & 1u);
    return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') ||
           (cp >= '[' && cp <= '`') || (cp >= '{' && cp <= '~') ||
           cp == 0xA1 || cp == 0xAB || cp == 0xB7 || cp == 0xBB ||
           cp == 0xBF || (cp >= 0x2010 && cp <= 0x2027);
}

/* A character after which a word too long for its line may break: a
 * hyphen, and what separates the parts of an e-mail or web address. */
static int is_break_after(uint32_t cp)
{
    return cp == '-' || cp == '@' || cp == '.' || cp == '/';
}

/* A word as the wrap sees it: offsets are bytes of the block. */
typedef struct word {
    uint32_t start;            /* its first character */
    unsigned cols;             /* its width */
    uint32_t fit;              /* end of the part that fits the room */
    uint32_t fit_less;         /* end of that part less its last character */
    uint32_t split;            /* end of the last break character that fits
                                  and has text on both sides, or 0 */
    uint32_t hyphen;           /* the same for a '-', or 0 */
    uint32_t ink;              /* end of its last character not a mark */
    uint32_t last;             /* its last character */
    int address;               /* an '@', a "//" or an inner '.': an
                                  e-mail or web address, broken only if
                                  longer than a line */
    uint32_t resume;           /* where the word ends, if the reader went
                                  past it (a space it read), else 0 */
} word;

static int is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* An ASCII letter or digit: in a word, one column, and nothing else to
 * note (most characters of a text are). */
static int is_letter(unsigned c)
{
    return (c | 0x20u) - 'a' < 26u || c - '0' < 10u;
}

/* The word as it was at a space between digits (scan_word()): the caller
 * keeps them, so that a word with none costs no copies. */
typedef struct word_marks {
    word group;                /* up to the last inner space that fits
                                  the room, else the first */
    word before_space;         /* before the space just read */
} word_marks;

/* Reads the word at `*r` (up to a space, a hard line break or the end),
 * `room` columns being left for it on a line of `avail`. A space between
 * two digits is inside the word (a number in groups, "983 040 225"),
 * unless the number is longer than a line: the word then ends at the last
 * such space that fits the room, or at the first. A word that ends
 * before a space it read past says so in `resume`, where the reader must
 * go back to. It stops early once the word is known to be longer than a
 * line, with a letter read past the room, so a long word costs each line
 * only about a line's reading (docs/LAYOUT.md, "Cost of a call"). */
static void scan_word(pn__rd *r, unsigned room, unsigned avail,
                      const measure *m, word *w, word_marks *k)
{
    uint32_t pending = 0, after = 0, group_off = 0, space_off = 0;
    int grouped = 0, on_space = 0;

    w->start = w->fit = w->fit_less = w->ink = r->off;
    w->cols = 0;
    w->split = w->hyphen = w->last = 0;
    w->address = 0;
    w->resume = 0;
    while (!r->end && r->cp != '\n') {
        uint32_t cp = r->cp, next = r->off + r->size;
        int mark;
        if (!after && !on_space && !m->pixels && is_letter(cp)) {
            /* A run of letters from the bytes the reader holds, each 1
             * column: up to the one that makes the word longer than a
             * line (past the room, so the scan stops there). */
            const unsigned char *s;
            unsigned n = pn__rd_ahead(r, &s), k = 1, fits;
            unsigned most = w->cols < avail ? avail + 1u - w->cols : 1u;
            if (most > n)
                most = n;
            while (k < most && is_letter(s[k]))
                k++;
            if (w->cols < room) {
                fits = room - w->cols < k ? room - w->cols : k;
                w->fit_less = fits > 1 ? r->off + fits - 1u : w->fit;
                w->fit = r->off + fits;
            }
            w->cols += k;
            w->ink = r->off + k;
            w->last = k > 1 ? s[k - 1] : cp;
            if (k > 1)
                pn__rd_skip(r, k - 1u);
            else
                pn__rd_step(r);
            if (w->cols > avail)
                break;
            continue;
        }
        if (on_space) {
            on_space = 0;
            if (!is_digit(cp)) {
                on_space = 1; /* not between digits: the word ended */
                break;
            }
        }
        if (cp == ' ') {
            if (!is_digit(w->last))
                break;
            if (!grouped || w->cols <= room) {
                grouped = 1;
                k->group = *w;
                group_off = r->off;
            }
            k->before_space = *w;
            space_off = r->off;
            on_space = 1;
        }
        mark = is_mark(cp);
        /* A break character counts once text follows it. */
        if (after && !mark) {
            w->address |= after == '.';
            if (pending) {
                w->split = pending;
                if (after == '-')
                    w->hyphen = pending;
            }
        }
        pending = after = 0;
        w->cols += cp == ' '                       ? m->space
                   : cp < 0x80 && !m->pixels         ? 1u
                                                     : char_width(cp, m);
        if (w->cols <= room) {
            w->fit_less = w->fit;
            w->fit = next;
        }
        if (mark && is_break_after(cp)) {
            after = cp;
            if (w->cols <= room && w->ink > w->start)
                pending = next;
        }
        w->address |= cp == '@' || (cp == '/' && w->last == '/');
        if (!mark)
            w->ink = next;
        w->last = cp;
        pn__rd_step(r);
        if (!on_space && w->cols > avail &&
            (w->ink > w->fit || w->cols > 2u * avail + 8u))
            break;
    }
    if (on_space) {
        *w = k->before_space;
        w->resume = space_off;
    }
    if (grouped && w->cols > avail) {
        /* A number longer than a line breaks at its spaces. */
        *w = k->group;
        w->resume = group_off;
    }
}

/* Where a word longer than the room is cut when no break character helps:
 * at the room's end, but never leaving only marks for the next line. */
static uint32_t cut_at(const word *w)
{
    return w->ink <= w->fit && w->fit_less > w->start ? w->fit_less : w->fit;
}

/* Moves `*r` from the start of a line to its end, at most `avail` columns
 * on, and returns the line's last character (0 if it ends inside a word).
 * Whole words; a punctuation mark that does not fit takes the line's last
 * word down with it; a word longer than a line breaks after its last '-',
 * '@', '.' or '/' that fits, else is cut at the line's end; a shorter word
 * breaks after a '-' that fits, unless it is an address. */
static uint32_t line_end(pn__rd *r, unsigned avail, const measure *m)
{
    pn__rd end = *r;
    unsigned used = 0, last_cols = 0;
    uint32_t last = 0, before_last = 0, before_last_cp = 0;
    int ink = 0;                /* the line holds more than marks */
    static const word_marks none = {{0}, {0}};
    word_marks marks = none;   /* set before use; quiets gcc */

    while (!r->end) {
        unsigned sep = used ? m->space : 0u;
        unsigned room = avail > used + sep ? avail - used - sep : 0u;
        word w;

        scan_word(r, room, avail, m, &w, &marks);
        if (w.resume) {
            *r = end; /* back to the space the word ends at */
            pn__rd_seek(r, w.resume);
        }
        if (w.cols <= room) {
            before_last = used ? end.off : 0;
            before_last_cp = last;
            used += sep + w.cols;
            last_cols = w.cols;
            last = w.last;
            ink |= w.ink > w.start;
            end = *r;
            if (!r->end && r->cp == '\n')
                break; /* a hard line break ends the line */
            skip_spaces(r);
            continue;
        }
        /* Back to the last word's end (the line's start if none), then
         * to where this line breaks. */
        *r = end;
        if (w.ink == w.start && before_last &&
            last_cols + m->space + w.cols <= avail) {
            pn__rd_seek(r, before_last);
            return before_last_cp;
        }
        if (w.cols > avail || !ink) {
            /* No line holds the word, or this one would hold only marks. */
            if (w.split) {
                pn__rd_seek(r, w.split);
            } else if (!ink && w.fit > w.start) {
                pn__rd_seek(r, cut_at(&w));
            } else if (used == 0) {
                pn__rd_seek(r, w.start);
                pn__rd_step(r); /* not even one character fits: show it */
            } else {
                return last;
            }
            return 0;
        }
        if (w.hyphen && !w.address) {
            pn__rd_seek(r, w.hyphen);
            return 0;
        }
        return last;
    }
    *r = end;
    return last;
}

/* A blank line goes between blocks, but not between list items, nor
 * between the cells of a table's row. */
static int needs_gap(const wrap_pos *pos, const pn__block *b)
{
    if (pos->prev_kind == 0)
        return 0;
    if (PN_BLOCK_IS_ITEM(pos->prev_kind) && PN_BLOCK_IS_ITEM(b->kind))
        return 0;
    return !(pos->prev_kind == PN_BLOCK_TABLE_CELL &&
             b->kind == PN_BLOCK_TABLE_CELL && b->level > pos->prev_level);
}

/* The marker of an item of kind `mark` into `text` (0: none): "- ", or
 * a numbered item's digits, '.' and a space. Returns its bytes. */
static unsigned mark_text(pn_block_kind mark, uint32_t number,
                          char text[12])
{
    char digits[10];
    unsigned n = 0, len = 0;

    if (mark != PN_BLOCK_NUMBERED_ITEM) {
        text[0] = '-';
        text[1] = ' ';
        return mark ? 2u : 0u;
    }
    do {
        digits[n++] = (char)('0' + number % 10u);
        number /= 10u;
    } while (number > 0 && n < sizeof digits);
    while (n > 0)
        text[len++] = digits[--n];
    text[len++] = '.';
    text[len++] = ' ';
    return len;
}

/* The width of that marker. */
static unsigned mark_width(const measure *m, pn_block_kind mark,
                           uint32_t number)
{
    char text[12];
    unsigned n = mark_text(mark, number, text), i, width = 0;

    for (i = 0; i < n; i++)
        width += char_width((unsigned char)text[i], m);
    return width;
}

/* A list item's prefix on a line: `*indent` spaces (its level's, and its
 * marker's width on later lines), and on its first line the marker. On a
 * narrow screen the nesting goes first, then the marker's hanging indent,
 * then a bullet; a number is always shown when it fits. */
static void item_prefix(const pn__block *b, const measure *m,
                        unsigned cols, int first, line *out)
{
    unsigned mark, lead = 0, text_min;

    if (!PN_BLOCK_IS_ITEM(b->kind))
        return;
    mark = mark_width(m, b->kind, b->number);
    text_min = LIST_TEXT_MIN_COLS * char_width('0', m);
    if (b->level > 1)
        lead = mark_width(m, PN_BLOCK_LIST_ITEM, 0) *
               (b->level > PN_MAX_LIST_LEVEL ? PN_MAX_LIST_LEVEL - 1u
                                             : b->level - 1u);
    if (lead + mark + text_min > cols)
        lead = 0;
    if (mark + text_min > cols) {
        /* No room to hang the text: a number only starts the item. */
        if (first && b->kind == PN_BLOCK_NUMBERED_ITEM && mark < cols) {
            out->mark = b->kind;
            out->number = b->number;
        }
        return;
    }
    out->indent = lead + (first ? 0u : mark);
    if (first) {
        out->mark = b->kind;
        out->number = b->number;
    }
}

/* The width the prefix of `l` takes. */
static unsigned prefix_width(const measure *m, const line *l)
{
    return l->indent + mark_width(m, l->mark, l->number);
}

/* ---- The document: a section of the notice, or its first layer --------- */

/* Sections in the cursor's document (the first layer is one). */
static uint32_t doc_sections(const pn_cursor *cur)
{
    return cur->summary ? 1 : cur->notice.section_count;
}

static void cache_init(block_cache *cache)
{
    cache->index = NO_BLOCK;
    cache->sec_index = NO_BLOCK;
    cache->o = NULL;
}

/* Block `index` of section `section` of the cursor's document. PN_OK,
 * PN_ERR_RANGE past the last block, or PN_ERR_FORMAT. The section's
 * record is read once for all the blocks a pass reads of it. */
static pn_status doc_block(const pn_cursor *cur, block_cache *cache,
                           uint32_t section, uint32_t index, pn__block *out)
{
    pn_status st;

#ifndef PN_NO_SUMMARY
    if (cur->summary)
        return section == 0 ? pn__summary_block(&cur->notice,
                                                cur->internal.authored,
                                                index, out)
                            : PN_ERR_RANGE;
#endif
    if (cache->sec_index != section) {
        cache->sec_index = NO_BLOCK;
        st = pn_section_at(&cur->notice, section, &cache->sec);
        if (st != PN_OK)
            return st;
        cache->sec_index = section;
    }
    return pn__doc_section_block(&cache->sec, index, out);
}

static pn_status fetch(const pn_cursor *cur, block_cache *cache,
                       uint32_t section, uint32_t index)
{
    pn_status st;
    if (cache->index == index && cache->section == section)
        return PN_OK;
    cache->index = NO_BLOCK;
    st = doc_block(cur, cache, section, index, &cache->block);
    if (st == PN_OK) {
        cache->index = index;
        cache->section = section;
        pn__rd_open(&cache->rd, &cache->block);
    }
    return st;
}

static void at_block_start(wrap_pos *pos)
{
    pos->offset = 0;
    pos->gap_done = 0;
    pos->mark_off = 0;
    pos->mark_at = 0;
}

/* Puts the block's reader at `pos`: on from where it is when that is
 * not past `pos` and not before its mark, else from the mark. */
static pn_status seek(pn__rd *r, const wrap_pos *pos)
{
    if (pos->mark_off > pos->offset)
        return PN_ERR_ARG;
    if ((r->off > pos->offset || r->off < pos->mark_off) &&
        pos->mark_off > 0 &&
        pn__rd_open_at(r, r->b, pos->mark_off, pos->mark_at) != PN_OK)
        return PN_ERR_ARG;
    pn__rd_seek(r, pos->offset);
    return PN_OK;
}

/* A line with no prefix, no text and no end yet. */
static void line_clear(line *l)
{
    l->blank = 0;
    l->indent = 0;
    l->mark = (pn_block_kind)0;
    l->number = 0;
    l->end = 0;
    l->last = 0;
}

static void line_tap(const pn_cursor *cur, struct out *o, const line *l,
                     pn__rd *r);

/* Lays out the line at `*pos` and moves `*pos` past it. PN_ERR_RANGE when
 * the section has no more lines. With `o`, the page being written, the
 * line's bytes go into it as they are decoded (line_tap()). */
static pn_status next_line(const pn_cursor *cur, uint32_t section,
                           wrap_pos *pos, block_cache *cache, line *out,
                           struct out *o)
{
    const pn__block *b = &cache->block;
    pn__rd *r = &cache->rd;
    unsigned cols = cur->screen.cols, avail = cols;
    measure m;
    pn_status st = fetch(cur, cache, section, pos->block);

    /* A table's headings show only before each cell of their column. */
    while (st == PN_OK && b->kind == PN_BLOCK_TABLE_HEAD) {
        pos->block++;
        at_block_start(pos);
        st = fetch(cur, cache, section, pos->block);
    }
    if (st != PN_OK)
        return st;
    line_clear(out);
    if (pos->offset == 0 && !pos->gap_done && needs_gap(pos, b)) {
        pos->gap_done = 1;
        out->blank = 1;
        return PN_OK;
    }
    if ((st = measure_open(cur, b->kind, &m)) != PN_OK)
        return st;
    item_prefix(b, &m, cols, pos->offset == 0, out);
    avail -= prefix_width(&m, out);
    if ((st = seek(r, pos)) != PN_OK)
        return st;
    skip_spaces(r);
    out->from = *r;
    if (o)
        line_tap(cur, o, out, r);
    out->last = line_end(r, avail, &m);
    r->tap = NULL;
    out->end = r->off;
    skip_spaces(r);
    if (!r->end && r->cp == '\n') {
        pn__rd_step(r); /* the hard line break is this line's end */
        skip_spaces(r);
    }
    if (r->err)
        return PN_ERR_FORMAT;
    if (r->end) {
        pos->prev_kind = b->kind;
        pos->prev_level = b->level;
        pos->block++;
        at_block_start(pos);
    } else {
        pos->offset = r->off;
        pos->mark_off = r->mark_off;
        pos->mark_at = r->mark_at;
    }
    return PN_OK;
}

/* ---- Pages --------------------------------------------------------------- */

static void start_of_section(wrap_pos *pos)
{
    pos->block = 0;
    pos->prev_kind = 0;
    pos->prev_level = 0;
    at_block_start(pos);
}

/* Keep-with-next: 1 when `l`, a label line, would be the last of its page
 * but for `left` blank rows, with what it introduces on the next page; the
 * page then ends before it. A label line ends in ':' ("Contact:"), or in
 * '.' with a number on the next line ("org.nr." / "937 323 566"). `after`
 * is where the line after `l` starts. */
static int label_goes_down(const pn_cursor *cur, uint32_t section,
                           const wrap_pos *after, block_cache *cache,
                           const line *l, uint32_t left)
{
    wrap_pos peek = *after;
    line next;
    uint32_t row;
    int down = 1;

    if (l->blank || (l->last != ':' && l->last != '.') ||
        (l->last == '.' && left != 0))
        return 0;
    for (row = 0; row <= left; row++) {
        if (next_line(cur, section, &peek, cache, &next, NULL) != PN_OK) {
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
static int label_fits_a_page(const pn_cursor *cur, uint32_t section,
                             const wrap_pos *after, block_cache *cache,
                             const line *l, uint32_t n, uint32_t rows)
{
    return n <= rows &&
           !label_goes_down(cur, section, after, cache, l, rows - n);
}

/* Whether the rest of a block, from `*r`, ends in ':' within `most`
 * characters other than spaces and line breaks (each takes a column or a
 * pixel of some line): reading characters is cheaper than wrapping them,
 * and most blocks that go on past a page are not labels. */
static int may_end_a_label(const pn__rd *r, uint32_t most)
{
    pn__rd t = *r;
    uint32_t last = 0, count = 0;

    for (; !t.end; pn__rd_step(&t)) {
        if (t.cp == ' ' || t.cp == '\n')
            continue;
        if (++count > most)
            return 0;
        last = t.cp;
    }
    return !t.err && last == ':';
}

/* Whether `a` and `b` are the same place of the document. */
static int same_place(const wrap_pos *a, const wrap_pos *b)
{
    return a->block == b->block && a->offset == b->offset &&
           a->gap_done == b->gap_done;
}

/* Lays out the page at `*pos` and moves `*pos` to the next one, calling
 * `emit` (if not NULL) for each of its lines. A blank line that would open
 * a page is dropped. PN_ERR_RANGE when no line is left for the page.
 * `emit` with no line forgets the lines it was given. */
typedef void emit_fn(const pn_cursor *cur, const line *l, void *ctx);

/* page_step() once: `*redo` (if not NULL) set when lines were emitted
 * that the page no longer holds, a label block having gone down; with
 * `stop`, the page ends there. A label block (a block whose last line is
 * a label ending in ':') that started on the page below its first line
 * goes down whole, rather than leave a page on some of its lines. */
static pn_status page_lay(const pn_cursor *cur, uint32_t section,
                          wrap_pos *pos, block_cache *cache, emit_fn *emit,
                          void *ctx, const wrap_pos *stop, int *redo)
{
    uint32_t row = 0, rows, block_row = 0, n, block = NO_BLOCK;
    wrap_pos block_at = *pos, peek;
    line l, next;
    pn_status st = page_lines(cur, &rows);

    if (st != PN_OK)
        return st;
    l.blank = 1;
    while (row < rows) {
        wrap_pos at = *pos;
        if (stop && same_place(&at, stop))
            return PN_OK;
        st = next_line(cur, section, pos, cache, &l, cache->o);
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
        if (row > 0 && label_goes_down(cur, section, pos, cache, &l,
                                       rows - 1 - row)) {
            /* `l` ends its block when `*pos` is at a block's start. */
            if (l.last == ':' && pos->offset == 0 && block_row > 0 &&
                block_row < row &&
                label_fits_a_page(cur, section, pos, cache, &l,
                                  row - block_row + 1, rows)) {
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
                (st = fetch(cur, cache, section, block)) != PN_OK)
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
        if (next_line(cur, section, &peek, cache, &next, NULL) != PN_OK)
            return PN_OK;
        n++;
    } while (peek.offset != 0 && n < rows);
    if (peek.offset == 0 && next.last == ':' &&
        label_fits_a_page(cur, section, &peek, cache, &next, n, rows)) {
        *pos = block_at;
        if (redo)
            *redo = 1;
    }
    return PN_OK;
}

static pn_status page_step(const pn_cursor *cur, uint32_t section,
                           wrap_pos *pos, block_cache *cache, emit_fn *emit,
                           void *ctx)
{
    wrap_pos start = *pos, end;
    int redo = 0;
    pn_status st = page_lay(cur, section, pos, cache, emit, ctx, NULL,
                            emit ? &redo : NULL);

    if (st != PN_OK || !redo)
        return st;
    /* Lines of the block that went down were emitted: the page again,
     * up to its new end. */
    emit(cur, NULL, ctx);
    end = *pos;
    *pos = start;
    st = page_lay(cur, section, pos, cache, emit, ctx, &end, NULL);
    *pos = end;
    return st;
}

/* Moves `*pos` on by up to `pages` pages; `*moved` gets how many. */
static pn_status skip_pages(const pn_cursor *cur, uint32_t section,
                            wrap_pos *pos, uint32_t pages, uint32_t *moved)
{
    block_cache cache;
    pn_status st = PN_OK;

    cache_init(&cache);
    for (*moved = 0; *moved < pages; (*moved)++) {
        wrap_pos before = *pos;
        st = page_step(cur, section, pos, &cache, NULL, NULL);
        if (st != PN_OK) {
            *pos = before;
            break;
        }
    }
    return st == PN_ERR_RANGE ? PN_OK : st;
}

static pn_status count_pages(const pn_cursor *cur, uint32_t section,
                             uint32_t *pages)
{
    wrap_pos pos;
    pn_status st;

    start_of_section(&pos);
    st = skip_pages(cur, section, &pos, 0xFFFFFFFFu, pages);
    if (st == PN_OK && *pages == 0)
        *pages = 1;
    return st;
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
static void pos_save(const wrap_pos *pos, pn__place *p)
{
    p->block = pos->block;
    p->offset = pos->offset;
    p->mark_off = pos->mark_off;
    p->mark_at = pos->mark_at;
    p->state = pos->prev_kind | pos->gap_done << 8 |
               (pos->prev_level & 0xFFu) << 16;
    p->state |= place_check(p) << 24;
}

static void pos_load(wrap_pos *pos, const pn__place *p)
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
 * second byte above gap_done: 0 (state 0) nothing, NEXT_AT the section's
 * next page starts there, NEXT_NONE the current page is the section
 * text's last. Its check also covers the top's, whose page it follows. */
#define NEXT_AT 1u
#define NEXT_NONE 2u

static uint32_t next_check(const pn_cursor *cur)
{
    return place_check(&cur->internal.next) ^ cur->internal.top.state >> 24;
}

static void save_next(pn_cursor *cur, const wrap_pos *pos, uint32_t known)
{
    pn__place *p = &cur->internal.next;

    pos_save(pos, p);
    p->state = (p->state & 0xFFFFFFu) | known << 9;
    p->state |= next_check(cur) << 24;
}

/* 0, or NEXT_AT with the next page's start in `*pos`, or NEXT_NONE. */
static uint32_t load_next(const pn_cursor *cur, wrap_pos *pos)
{
    const pn__place *p = &cur->internal.next;
    uint32_t known = (p->state >> 9) & 3u;

    if (known == NEXT_AT) {
        pos_load(pos, p);
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
            (known == NEXT_AT || known == NEXT_NONE) &&
            p->mark_off <= p->offset && p->state >> 24 == next_check(cur));
}

/* A new current page: what was known of the next one is forgotten. */
static void save_top(pn_cursor *cur, const wrap_pos *pos)
{
    pn__place *next = &cur->internal.next;

    pos_save(pos, &cur->internal.top);
    next->block = next->offset = next->state = 0;
    next->mark_off = next->mark_at = 0;
}

static void load_top(const pn_cursor *cur, wrap_pos *pos)
{
    pos_load(pos, &cur->internal.top);
}

static void save_anchor(pn_cursor *cur, uint32_t page, const wrap_pos *pos)
{
    cur->internal.anchor_page = page;
    pos_save(pos, &cur->internal.anchor);
}

static void load_anchor(const pn_cursor *cur, wrap_pos *pos)
{
    pos_load(pos, &cur->internal.anchor);
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

/* Moves `*pos` on by exactly `pages` pages, to the start of a page:
 * PN_ERR_ARG if the section has fewer (the cursor asking disagrees with
 * the catalog). A page starts with a block. */
static pn_status skip_exactly(const pn_cursor *cur, uint32_t section,
                              wrap_pos *pos, uint32_t pages)
{
    block_cache cache;
    uint32_t moved;
    pn_status st = skip_pages(cur, section, pos, pages, &moved);

    if (st != PN_OK || pages == 0)
        return st;
    cache_init(&cache);
    st = moved == pages ? fetch(cur, &cache, section, pos->block)
                        : PN_ERR_RANGE;
    return st == PN_ERR_RANGE ? PN_ERR_ARG : st;
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

/* 1 on the QR page: the last page of a first layer that shows it. It
 * keeps the top of the text's last page as its own. A cursor knows its
 * section's pages (`pages` not 0) once it has reached the last one. */
static int on_qr_page(const pn_cursor *cur, uint32_t page)
{
    return cur->qr == PN_QR_PAGE_SHOWN && cur->pages != 0 &&
           page + 1u == cur->pages;
}

/* The pages of section `section`: its text's, and the QR page. */
static pn_status doc_pages(const pn_cursor *cur, uint32_t section,
                           uint32_t *pages)
{
    pn_status st = count_pages(cur, section, pages);

    if (st == PN_OK && cur->qr == PN_QR_PAGE_SHOWN)
        ++*pages;
    return st;
}

/* Lays section `section` out from its start to page `page` (which it
 * has), setting the anchor on the way, and puts the cursor there. */
static pn_status lay_to(pn_cursor *cur, uint32_t section, uint32_t page)
{
    uint32_t text_page = on_qr_page(cur, page) ? page - 1u : page;
    uint32_t spacing = anchor_spacing(text_page);
    uint32_t anchor = text_page >= spacing ? text_page - (spacing - 1u) : 0u;
    wrap_pos pos;
    pn_status st;

    start_of_section(&pos);
    if ((st = skip_exactly(cur, section, &pos, anchor)) != PN_OK)
        return st;
    save_anchor(cur, anchor, &pos);
    if ((st = skip_exactly(cur, section, &pos, text_page - anchor)) !=
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
    block_cache cache;
    wrap_pos pos;
    pn_status st;

    cache_init(&cache);
    st = fetch(cur, &cache, section, 0);
    if (st != PN_OK && st != PN_ERR_RANGE)
        return st;
    start_of_section(&pos);
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
    block_cache cache;
    wrap_pos pos, top, before_top, anchor;
    uint32_t steps = 0, anchor_page = 0;
    pn_status st;

    cache_init(&cache);
    start_of_section(&pos);
    top = before_top = anchor = pos;
    for (;;) {
        wrap_pos at = pos;
        st = page_step(cur, section, &pos, &cache, NULL, NULL);
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
    if ((st = page_lines(cur, &lines)) != PN_OK)
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
static pn_status cursor_check(const pn_cursor *cur)
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
    if ((st = page_lines(cur, &lines)) != PN_OK)
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

/* Whether a page starts at `*pos`: a line that is not blank is left in
 * the section (a blank line never opens a page). Lays out one line. */
PN__OWN_FRAME static pn_status page_exists(const pn_cursor *cur,
                                          uint32_t section,
                                          const wrap_pos *pos,
                                          block_cache *cache, int *exists)
{
    wrap_pos peek = *pos;
    line l;
    pn_status st;

    do
        st = next_line(cur, section, &peek, cache, &l, NULL);
    while (st == PN_OK && l.blank);
    *exists = st == PN_OK;
    return st == PN_ERR_RANGE ? PN_OK : st;
}

/* The same, without laying a line out: a place inside a block has a
 * character left (a line ends where its block's characters end), and a
 * block shows at least one line unless it is a table's heading. */
static pn_status page_follows(const pn_cursor *cur, uint32_t section,
                              const wrap_pos *pos, block_cache *cache,
                              int *exists)
{
    uint32_t block = pos->block;
    pn_status st;

    *exists = pos->offset > 0;
    while (!*exists &&
           (st = fetch(cur, cache, section, block++)) != PN_ERR_RANGE) {
        if (st != PN_OK)
            return st;
        *exists = cache->block.kind != PN_BLOCK_TABLE_HEAD;
    }
    return PN_OK;
}

/* The cursor moves on to page `page` + 1 of its section, which starts at
 * `*pos`. */
static void step_on(pn_cursor *cur, const wrap_pos *pos)
{
    /* The page left becomes the anchor when the anchor falls too far
     * behind, so that going back stays cheap. */
    if (cur->page + 1 - cur->internal.anchor_page >
        anchor_spacing(cur->page + 1)) {
        wrap_pos left;
        load_top(cur, &left);
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
    block_cache cache;
    wrap_pos pos;
    int exists = 0;
    uint32_t known;
    pn_status st = PN_OK;

    *moved = 0;
    load_top(cur, &pos);
    if (on_qr_page(cur, cur->page))
        return PN_OK;
    if (on_qr_page(cur, cur->page + 1u)) {
        step_on(cur, &pos); /* the QR page keeps the text's last top */
        *moved = 1;
        return PN_OK;
    }
    known = load_next(cur, &pos);
    exists = known == NEXT_AT;
    if (known == 0) {
        cache_init(&cache);
        st = page_step(cur, cur->section, &pos, &cache, NULL, NULL);
        if (st == PN_OK)
            st = page_exists(cur, cur->section, &pos, &cache, &exists);
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
        load_top(cur, &pos);
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

    if ((st = cursor_check(cur)) != PN_OK ||
        (st = next_in_section(cur, &moved)) != PN_OK || moved)
        return st;
    if (cur->section + 1 >= doc_sections(cur))
        return PN_ERR_RANGE;
    return show_first(cur, cur->section + 1);
}

pn_status pn_cursor_prev(pn_cursor *cur)
{
    pn_status st = cursor_check(cur);

    if (st != PN_OK)
        return st;
    if (cur->page > 0 && cur->internal.anchor_page < cur->page) {
        /* From the anchor, which is on an earlier page of the section. */
        uint32_t page = cur->page - 1;
        wrap_pos pos;
        load_anchor(cur, &pos);
        st = skip_exactly(cur, cur->section, &pos,
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
    pn_status st = cursor_check(cur);

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
    if ((st = cursor_check(cur)) != PN_OK)
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
    if ((st = cursor_check(cur)) != PN_OK)
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

/* ---- Rendering ----------------------------------------------------------- */

typedef struct out {
    char *buf;
    size_t size, len;
    int cut;
    uint32_t rows;             /* lines written */
    int tapped;                /* 1: `tap` has the bytes of the line to
                                  write next, from its prefix's end */
    size_t tap_at;             /* `len` when it started */
    pn__tap tap;
} out;

/* The bytes a line's prefix takes: its indent (none on a pixel screen,
 * where the text is drawn) and its marker, into `mark`. */
static size_t prefix_bytes(const pn_cursor *cur, const line *l,
                           char mark[12], unsigned *mark_len)
{
    *mark_len = mark_text(l->mark, l->number, mark);
    return (cur->screen.flags & PN_PIXELS ? 0u : l->indent) + *mark_len;
}

/* Has the reader `r`, on the first character of line `l`, copy the bytes
 * it decodes into `o` after the line's prefix: on a screen that shows
 * them as they are (all of them with no flags, else ASCII), render_line()
 * then only writes the prefix. */
static void line_tap(const pn_cursor *cur, out *o, const line *l, pn__rd *r)
{
    char mark[12];
    unsigned mark_len;
    size_t prefix = prefix_bytes(cur, l, mark, &mark_len), room;

    o->tapped = 0;
    if (o->cut || o->len + prefix + 1u >= o->size)
        return;
    /* A line is at most 4 * PN_MAX_COLS bytes; the reader reads on a
     * word past it. */
    room = o->size - o->len - prefix - 1u;
    o->tapped = 1;
    o->tap_at = o->len;
    o->tap.dst = (unsigned char *)o->buf + o->len + prefix;
    o->tap.room = room > 0xFFFFu ? 0xFFFFu : (uint32_t)room;
    o->tap.ascii = (cur->screen.flags & SCREEN_FLAGS_KNOWN) != 0;
    pn__rd_tap(r, &o->tap);
}

/* Writes `l` from the bytes line_tap() copied, if they are all there and
 * it would write them as they are, whole: then only its prefix is
 * written. 0 if not. */
static int tapped_line(const pn_cursor *cur, const line *l, out *o)
{
    char mark[12];
    unsigned mark_len, i;
    size_t prefix, n, chars;

    if (!o->tapped || o->tap_at != o->len || o->tap.base != l->from.off ||
        l->end < l->from.off || o->cut)
        return 0;
    o->tapped = 0;
    n = l->end - l->from.off;
    prefix = prefix_bytes(cur, l, mark, &mark_len);
    if (n > o->tap.len || o->len + prefix + n + 1u >= o->size)
        return 0;
    if (!(cur->screen.flags & PN_PIXELS) &&
        l->indent + mark_len + n > cur->screen.cols) {
        /* A character is 1 column on such a screen: none may be cut. */
        for (i = 0, chars = 0; i < n; i++)
            chars += (o->tap.dst[i] & 0xC0u) != 0x80u;
        if (l->indent + mark_len + chars > cur->screen.cols)
            return 0;
    }
    for (i = mark_len; i < prefix; i++)
        o->buf[o->len++] = ' ';
    for (i = 0; i < mark_len; i++)
        o->buf[o->len++] = mark[i];
    o->len += n;
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

static void render_line(const pn_cursor *cur, const line *l, out *o)
{
    unsigned flags = cur->screen.flags & SCREEN_FLAGS_KNOWN;
    unsigned cols = cur->screen.cols, used;
    int pixels = (cur->screen.flags & PN_PIXELS) != 0;
    pn__rd r = l->from;
    char mark[12];
    unsigned mark_len = mark_text(l->mark, l->number, mark);

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
            pn__rd_step(&r);
            continue;
        }
        n = char_bytes(cp, flags, bytes);
        width = char_cols(cp, flags);
        if (!pixels && used + width > cols) {
            n = cols - used; /* only a wide transliteration can get here */
            width = (unsigned)n;
        }
        put(o, bytes, n);
        used += width;
        pn__rd_step(&r);
    }
}

static void emit_line(const pn_cursor *cur, const line *l, void *ctx)
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
/* The QR page's last line: the whole of its label, unwrapped. */
static void label_line(line *l, const pn__block *label)
{
    line_clear(l);
    pn__rd_open(&l->from, label);
    l->end = 0xFFFFFFFFu;
}

/* The QR page: the code from the top left, the label's line below. */
PN__OWN_FRAME static pn_status qr_page(const pn_cursor *cur, out *o)
{
    unsigned flags = cur->screen.flags & (PN_ASCII | PN_LATIN1);
    pn__block label;
    line l;
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
    label_line(&l, &label);
    emit_line(cur, &l, o);
    return PN_OK;
}
#endif

/* The current page of a section's text into `o`. With `known`, also
 * where the next page starts into `*next` and what is known of it
 * (NEXT_AT, NEXT_NONE, or 0 when the layout failed), as
 * next_in_section() would find it. */
PN__OWN_FRAME static pn_status text_page(const pn_cursor *cur, out *o,
                                         wrap_pos *next, uint32_t *known)
{
    block_cache cache;
    int exists;
    pn_status st;

    cache_init(&cache);
    cache.o = o;
    load_top(cur, next);
    st = page_step(cur, cur->section, next, &cache, emit_line, o);
    if (!known)
        return st;
    if (st == PN_ERR_RANGE && cur->page == 0)
        *known = NEXT_NONE; /* an empty section's one page */
    else if (st == PN_OK &&
             page_follows(cur, cur->section, next, &cache, &exists) == PN_OK)
        *known = exists ? NEXT_AT : NEXT_NONE;
    return st;
}

/* pn_cursor_page(), and with `known` what text_page() gives. */
static pn_status page_write(const pn_cursor *cur, char *buf, size_t size,
                            size_t *len, wrap_pos *next, uint32_t *known)
{
    out o;
    uint32_t lines;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK ||
        (st = cursor_check(cur)) != PN_OK ||
        (st = page_lines(cur, &lines)) != PN_OK)
        return st;
    o.buf = buf;
    o.size = size;
    o.len = 0;
    o.cut = 0;
    o.rows = 0;
    o.tapped = 0;
#if !defined(PN_NO_SUMMARY) && !defined(PN_NO_QR)
    if (on_qr_page(cur, cur->page))
        st = qr_page(cur, &o);
    else
#endif
        st = text_page(cur, &o, next, known);
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
    wrap_pos next;

    return page_write(cur, buf, size, len, &next, NULL);
}

pn_status pn_cursor_show(pn_cursor *cur, char *buf, size_t size,
                         size_t *len)
{
    wrap_pos next;
    uint32_t known = 0;
    pn_status st = page_write(cur, buf, size, len, &next, &known);

    if ((st == PN_OK || st == PN_TRUNCATED) && known != 0)
        save_next(cur, &next, known);
    return st;
}

#ifndef PN_NO_DRAW
/* ---- Drawing (pixel screens) -------------------------------------------- */

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
static void draw_line(const pn_cursor *cur, const line *l, void *ctx)
{
    draw *d = ctx;
    unsigned flags = cur->screen.flags & SCREEN_FLAGS_KNOWN;
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
    n = mark_text(l->mark, l->number, run);
    while (!r.end && r.off < l->end) {
        if (n + 4 > sizeof run) {
            draw_run(d, font, baseline, run, n, &pen);
            n = 0;
        }
        n += char_bytes(r.cp, flags, run + n);
        pn__rd_step(&r);
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
    line l;
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
    label_line(&l, &label);
    d->top += (long long)side * scale;
    draw_line(cur, &l, d);
    return d->st;
}
#endif

/* The current page of a section's text, drawn. */
PN__OWN_FRAME static pn_status text_draw(const pn_cursor *cur, draw *d)
{
    block_cache cache;
    wrap_pos pos;
    pn_status st;

    cache_init(&cache);
    load_top(cur, &pos);
    st = page_step(cur, cur->section, &pos, &cache, draw_line, d);
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

pn_status pn_cursor_draw(const pn_cursor *cur, const pn_canvas *canvas,
                         int32_t x, int32_t y)
{
    draw d;
    pn__view v;
    const unsigned char *rec;
    long long x0, y0, x1, y1;
    pn_status st;

    if (!canvas)
        return PN_ERR_ARG;
    if ((st = cursor_check(cur)) != PN_OK)
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
    if (on_qr_page(cur, cur->page))
        return qr_draw(cur, &d);
#endif
    return text_draw(cur, &d);
}
#endif

#else
typedef int pn__layout_compiled_out; /* C99 wants a declaration */
#endif
