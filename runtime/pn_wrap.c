/* pn_wrap.c: the lines of a document (a section, or the first layer):
 * its blocks read in turn, their words wrapped to the cursor's screen,
 * a list item's marker and indent, the blank line between blocks. One
 * wrap for character and pixel screens, through char_width(). */
#include "pn_font.h"
#include "pn_layout.h"
#include "pn_summary.h"

#ifndef PN_NO_LAYOUT

/* A list item's marker and indent are kept only while this many digits'
 * width is left for its text. Each level of nesting indents an item by
 * the width of a bullet's marker ("- ": 2 columns). */
#define LIST_TEXT_MIN_COLS 6u

/* ---- Characters ---------------------------------------------------------- */

unsigned pn__char_cols(uint32_t cp, unsigned flags)
{
#ifdef PN_NO_TRANSLIT
    (void)cp;
    (void)flags;
    return 1;
#else
    char out[4];
    if (flags == 0 || cp < 0x80)
        return 1;
    /* Under PN_LATIN1 a kept character is 2 bytes but 1 column. */
    return cp <= 0xFF && !(flags & PN_ASCII)
               ? 1
               : (unsigned)pn_transliterate(cp, flags, out);
#endif
}

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
            n = pn__char_bytes(cp, m->flags, out);
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
    return pn__char_cols(cp, m->flags);
}

/* The measure of the cursor's screen for a block of kind `kind` (a
 * heading is measured in the headings' font). */
static pn_status measure_open(const pn_cursor *cur, pn_block_kind kind,
                              measure *m)
{
    m->flags = cur->screen.flags & PN__SCREEN_FLAGS_KNOWN;
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

#ifndef PN_NO_DRAW
pn_status pn__page_lines(const pn_cursor *cur, uint32_t *lines)
{
    *lines = cur->screen.rows;
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
    return PN_OK;
}
#endif

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
#ifndef __OPTIMIZE_SIZE__
/* A byte each: one load and test, fewer instructions than two ranges. */
static const unsigned char letter_table[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

static int is_letter(unsigned c)
{
    return c < 256u && letter_table[c];
}
#else
static int is_letter(unsigned c)
{
    return (c | 0x20u) - 'a' < 26u || c - '0' < 10u;
}
#endif

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
static int needs_gap(const pn__wrap_pos *pos, const pn__block *b)
{
    if (pos->prev_kind == 0)
        return 0;
    if (PN_BLOCK_IS_ITEM(pos->prev_kind) && PN_BLOCK_IS_ITEM(b->kind))
        return 0;
    return !(pos->prev_kind == PN_BLOCK_TABLE_CELL &&
             b->kind == PN_BLOCK_TABLE_CELL && b->level > pos->prev_level);
}

unsigned pn__mark_text(pn_block_kind mark, uint32_t number, char text[12])
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
    unsigned n = pn__mark_text(mark, number, text), i, width = 0;

    for (i = 0; i < n; i++)
        width += char_width((unsigned char)text[i], m);
    return width;
}

/* A list item's prefix on a line: `*indent` spaces (its level's, and its
 * marker's width on later lines), and on its first line the marker. On a
 * narrow screen the nesting goes first, then the marker's hanging indent,
 * then a bullet; a number is always shown when it fits. */
static void item_prefix(const pn__block *b, const measure *m,
                        unsigned cols, int first, pn__line *out)
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
static unsigned prefix_width(const measure *m, const pn__line *l)
{
    return l->indent + (l->mark ? mark_width(m, l->mark, l->number) : 0u);
}

/* ---- The document: a section of the notice, or its first layer --------- */

/* Block `index` of the cache's section. PN_OK, PN_ERR_RANGE past the
 * last block, or PN_ERR_FORMAT. The section's record is read once for
 * all the blocks a pass reads of it. */
static pn_status doc_block(const pn_cursor *cur, pn__block_cache *cache,
                           uint32_t index, pn__block *out)
{
    pn_status st;

#ifndef PN_NO_SUMMARY
    if (cur->summary)
        return cache->section == 0
                   ? pn__summary_block(&cur->notice, cur->internal.authored,
                                       index, out)
                   : PN_ERR_RANGE;
#endif
    if (!cache->sec_read) {
        st = pn_section_at(&cur->notice, cache->section, &cache->sec);
        if (st != PN_OK)
            return st;
        cache->sec_read = 1;
    }
    return pn__doc_section_block(&cache->sec, index, out);
}

pn_status pn__fetch(const pn_cursor *cur, pn__block_cache *cache,
                    uint32_t index)
{
    pn_status st;
    /* No block has the index that marks an empty cache (a place of a
     * damaged cursor may ask for it). */
    if (cache->index == index && index != PN__NO_BLOCK)
        return PN_OK;
    cache->index = PN__NO_BLOCK;
    st = doc_block(cur, cache, index, &cache->block);
    if (st == PN_OK) {
        cache->index = index;
        pn__rd_open(&cache->rd, &cache->block);
    }
    return st;
}

/* Puts the block's reader at `pos`: on from where it is when that is
 * not past `pos` and not before its mark, else from the mark. */
static pn_status seek(pn__rd *r, const pn__wrap_pos *pos)
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

pn_status pn__next_line(const pn_cursor *cur, pn__wrap_pos *pos,
                        pn__block_cache *cache, pn__line *out,
                        struct pn__out *o)
{
    const pn__block *b = &cache->block;
    pn__rd *r = &cache->rd;
    unsigned cols = cur->screen.cols, avail = cols;
    measure m;
    pn_status st = pn__fetch(cur, cache, pos->block);

    /* A table's headings show only before each cell of their column. */
    while (st == PN_OK && b->kind == PN_BLOCK_TABLE_HEAD) {
        pos->block++;
        pn__at_block_start(pos);
        st = pn__fetch(cur, cache, pos->block);
    }
    if (st != PN_OK)
        return st;
    pn__line_clear(out);
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
        pn__line_tap(cur, o, out, r);
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
        pn__at_block_start(pos);
    } else {
        pos->offset = r->off;
        pos->mark_off = r->mark_off;
        pos->mark_at = r->mark_at;
    }
    return PN_OK;
}

#ifdef __OPTIMIZE_SIZE__
void pn__line_step(pn__rd *r)
{
    pn__rd_step(r);
}
#endif

#else
typedef int pn__wrap_compiled_out; /* C99 wants a declaration */
#endif
