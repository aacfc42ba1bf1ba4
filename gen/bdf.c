/* bdf.c: reads a BDF 2.1 font (Adobe's Glyph Bitmap Distribution Format)
 * line by line: the header up to CHARS, then each STARTCHAR .. ENDCHAR,
 * then ENDFONT. Every count, size and bitmap row is checked against what
 * the file declared before it is used. */
#include "bdf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rules.h"
#include "source.h"

/* Numbers beyond this are an error whatever the field. */
#define BDF_MAX_NUMBER 1000000L

typedef struct reader {
    const source *src;
    diag *d;
    size_t line;                 /* index of the current line */
    const unsigned char *at;     /* next byte of the current line */
    const unsigned char *end;    /* end of the current line */
    const unsigned char *keyword;/* the line's first word */
    size_t keyword_len;
} reader;

static int fail(reader *r, const unsigned char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Reports at `where` on the current line (its start when NULL); returns
 * 2 so that callers can `return fail(...)`. */
static int fail(reader *r, const unsigned char *where, const char *fmt, ...)
{
    char message[200];
    va_list ap;
    size_t at = r->line < r->src->line_count
                    ? r->src->line_starts[r->line]
                    : r->src->len;

    if (where)
        at = (size_t)(where - r->src->text);
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    rule_report(r->d, RULE_BDF_SYNTAX, r->src, at, 1, "%s", message);
    return 2;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static void skip_spaces(reader *r)
{
    while (r->at < r->end && is_space(*r->at))
        r->at++;
}

/* Moves to the next line with a keyword (blank lines aside); returns 0
 * at the end of the file. */
static int next_line(reader *r, int first)
{
    for (;;) {
        size_t len;
        const unsigned char *s;

        if (!first)
            r->line++;
        first = 0;
        if (r->line >= r->src->line_count)
            return 0;
        s = source_line(r->src, r->line, &len);
        r->at = s;
        r->end = s + len;
        skip_spaces(r);
        if (r->at == r->end)
            continue;
        r->keyword = r->at;
        while (r->at < r->end && !is_space(*r->at))
            r->at++;
        r->keyword_len = (size_t)(r->at - r->keyword);
        return 1;
    }
}

static int is(const reader *r, const char *keyword)
{
    size_t len = strlen(keyword);
    return r->keyword_len == len && memcmp(r->keyword, keyword, len) == 0;
}

/* Reads one integer of the current line into `*out`, checking it lies in
 * [min, max]; `what` names it in the error. */
static int number(reader *r, const char *what, long min, long max, int *out)
{
    const unsigned char *start;
    long value = 0;
    int negative = 0;

    skip_spaces(r);
    start = r->at;
    if (r->at < r->end && (*r->at == '-' || *r->at == '+'))
        negative = *r->at++ == '-';
    if (r->at == r->end || *r->at < '0' || *r->at > '9')
        return fail(r, start, "%.*s: expected a number for %s",
                    (int)r->keyword_len, (const char *)r->keyword, what);
    while (r->at < r->end && *r->at >= '0' && *r->at <= '9') {
        if (value <= BDF_MAX_NUMBER)
            value = value * 10 + (*r->at - '0');
        r->at++;
    }
    if (r->at < r->end && !is_space(*r->at))
        return fail(r, start, "%.*s: '%.*s' is not a number (%s)",
                    (int)r->keyword_len, (const char *)r->keyword,
                    (int)(r->end - start), (const char *)start, what);
    if (negative)
        value = -value;
    if (value < min || value > max)
        return fail(r, start, "%.*s: %s %.*s is out of range (%ld to %ld)",
                    (int)r->keyword_len, (const char *)r->keyword, what,
                    (int)(r->at - start), (const char *)start, min, max);
    *out = (int)value;
    return 0;
}

/* Nothing but spaces may follow the numbers of a line. */
static int line_end(reader *r)
{
    skip_spaces(r);
    if (r->at != r->end)
        return fail(r, r->at, "%.*s: unexpected '%.*s' at the end of the "
                    "line", (int)r->keyword_len, (const char *)r->keyword,
                    (int)(r->end - r->at), (const char *)r->at);
    return 0;
}

/* A property line: NAME then an integer or a "quoted string" in which
 * "" stands for one quote. FONT_ASCENT and FONT_DESCENT are kept. */
static int property(reader *r, bdf_font *f)
{
    int *keep = is(r, "FONT_ASCENT")    ? &f->ascent
                : is(r, "FONT_DESCENT") ? &f->descent
                                        : NULL;

    skip_spaces(r);
    if (keep)
        return number(r, "the property", 0, BDF_MAX_BOX, keep) ||
               line_end(r);
    if (r->at < r->end && *r->at == '"') {
        const unsigned char *open = r->at++;
        for (;;) {
            if (r->at == r->end)
                return fail(r, open, "property %.*s: the string is not "
                            "closed", (int)r->keyword_len,
                            (const char *)r->keyword);
            if (*r->at++ != '"')
                continue;
            if (r->at < r->end && *r->at == '"')
                r->at++;
            else
                break;
        }
        return line_end(r);
    }
    return 0; /* a number or a bare word: not used */
}

static int properties(reader *r, bdf_font *f)
{
    int declared, seen = 0;

    if (number(r, "the property count", 0, BDF_MAX_NUMBER, &declared) ||
        line_end(r))
        return 2;
    for (;;) {
        if (!next_line(r, 0))
            return fail(r, NULL, "the file ends before ENDPROPERTIES");
        if (is(r, "ENDPROPERTIES"))
            break;
        if (property(r, f))
            return 2;
        seen++;
    }
    if (seen != declared)
        return fail(r, r->keyword, "STARTPROPERTIES said %d properties, "
                    "%d are given", declared, seen);
    return 0;
}

/* STARTFONT up to CHARS: returns the glyph count CHARS declares. */
static int header(reader *r, bdf_font *f, int *chars, int *advance)
{
    int have_box = 0;

    if (!next_line(r, 1))
        return fail(r, NULL, "empty file: a BDF font starts with STARTFONT");
    while (is(r, "COMMENT"))
        if (!next_line(r, 0))
            return fail(r, NULL, "the file ends before STARTFONT");
    if (!is(r, "STARTFONT"))
        return fail(r, r->keyword, "expected STARTFONT, not '%.*s'",
                    (int)r->keyword_len, (const char *)r->keyword);
    skip_spaces(r);
    if (r->end - r->at != 3 || memcmp(r->at, "2.", 2) != 0 ||
        (r->at[2] != '1' && r->at[2] != '2'))
        return fail(r, r->at, "STARTFONT: pnc reads BDF 2.1 (and 2.2), "
                    "not '%.*s'", (int)(r->end - r->at),
                    (const char *)r->at);
    f->ascent = f->descent = -1;
    *advance = -1;
    for (;;) {
        if (!next_line(r, 0))
            return fail(r, NULL, "the file ends before CHARS");
        if (is(r, "FONTBOUNDINGBOX")) {
            if (number(r, "the width", 1, BDF_MAX_BOX, &f->width) ||
                number(r, "the height", 1, BDF_MAX_BOX, &f->height) ||
                number(r, "the x offset", BDF_MIN_OFFSET, BDF_MAX_OFFSET,
                       &f->x_off) ||
                number(r, "the y offset", BDF_MIN_OFFSET, BDF_MAX_OFFSET,
                       &f->y_off) ||
                line_end(r))
                return 2;
            have_box = 1;
        } else if (is(r, "DWIDTH")) {
            int dy;
            if (number(r, "the advance", 0, BDF_MAX_BOX, advance) ||
                number(r, "the y advance", -BDF_MAX_BOX, BDF_MAX_BOX, &dy) ||
                line_end(r))
                return 2;
        } else if (is(r, "STARTPROPERTIES")) {
            if (properties(r, f))
                return 2;
        } else if (is(r, "CHARS")) {
            break;
        } else if (is(r, "STARTCHAR") || is(r, "ENDFONT")) {
            return fail(r, r->keyword, "%.*s before CHARS",
                        (int)r->keyword_len, (const char *)r->keyword);
        } else if (is(r, "ENDPROPERTIES")) {
            return fail(r, r->keyword, "ENDPROPERTIES without "
                        "STARTPROPERTIES");
        }
        /* FONT, SIZE, COMMENT, SWIDTH, METRICSSET...: not used */
    }
    if (!have_box)
        return fail(r, r->keyword, "CHARS before FONTBOUNDINGBOX");
    if (number(r, "the glyph count", 0, BDF_MAX_NUMBER, chars) ||
        line_end(r))
        return 2;
    if (f->ascent < 0)
        f->ascent = f->height + f->y_off > 0 ? f->height + f->y_off : 0;
    if (f->descent < 0)
        f->descent = f->y_off < 0 ? -f->y_off : 0;
    return 0;
}

static int hex_digit(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* One BITMAP row into `row` (bdf_row_bytes(width) bytes): at least that
 * many bytes of hex; more (padding) is allowed and dropped. */
static int bitmap_row(reader *r, int width, unsigned char *row)
{
    size_t need = bdf_row_bytes(width), len = r->keyword_len;
    size_t i;

    skip_spaces(r);
    if (r->at != r->end)
        return fail(r, r->at, "a bitmap row is one word of hex digits");
    for (i = 0; i < len; i++)
        if (hex_digit(r->keyword[i]) < 0)
            return fail(r, r->keyword + i, "'%c' is not a hex digit in a "
                        "bitmap row", r->keyword[i]);
    if (len % 2 != 0 || len < 2 * need)
        return fail(r, r->keyword, "a bitmap row of %lu hex digits; the "
                    "glyph is %d pixels wide, so %lu are needed",
                    (unsigned long)len, width, (unsigned long)(2 * need));
    for (i = 0; i < need; i++)
        row[i] = (unsigned char)(hex_digit(r->keyword[2 * i]) << 4 |
                                 hex_digit(r->keyword[2 * i + 1]));
    if (need > 0 && width % 8 != 0)
        row[need - 1] &= (unsigned char)(0xFF << (8 - width % 8));
    return 0;
}

/* STARTCHAR .. ENDCHAR, the STARTCHAR line being current. `*g` gets the
 * glyph; g->bits is NULL for an ENCODING -1 glyph, which is dropped. */
static int glyph(reader *r, const bdf_font *f, int font_advance,
                 bdf_glyph *g)
{
    size_t start = r->line;
    int encoding = -2, have_box = 0, rows = 0, i;

    memset(g, 0, sizeof *g);
    g->advance = font_advance;
    g->line = start + 1;
    for (;;) {
        if (!next_line(r, 0))
            return fail(r, NULL, "the file ends inside the glyph started "
                        "at line %lu", (unsigned long)(start + 1));
        if (is(r, "ENCODING")) {
            if (number(r, "the code point", -1, 0x10FFFF, &encoding))
                return 2;
            if (encoding == -1) { /* a second number may follow */
                skip_spaces(r);
                r->at = r->end;
            }
            if (line_end(r))
                return 2;
        } else if (is(r, "DWIDTH")) {
            int dy;
            if (number(r, "the advance", 0, BDF_MAX_BOX, &g->advance) ||
                number(r, "the y advance", -BDF_MAX_BOX, BDF_MAX_BOX, &dy) ||
                line_end(r))
                return 2;
        } else if (is(r, "BBX")) {
            if (number(r, "the width", 0, BDF_MAX_BOX, &g->width) ||
                number(r, "the height", 0, BDF_MAX_BOX, &g->height) ||
                number(r, "the x offset", BDF_MIN_OFFSET, BDF_MAX_OFFSET,
                       &g->x_off) ||
                number(r, "the y offset", BDF_MIN_OFFSET, BDF_MAX_OFFSET,
                       &g->y_off) ||
                line_end(r))
                return 2;
            if (g->width > 0 && g->height > 0 &&
                (g->x_off < f->x_off || g->y_off < f->y_off ||
                 g->x_off + g->width > f->x_off + f->width ||
                 g->y_off + g->height > f->y_off + f->height))
                return fail(r, r->keyword, "BBX %d %d %d %d lies outside "
                            "the FONTBOUNDINGBOX %d %d %d %d", g->width,
                            g->height, g->x_off, g->y_off, f->width,
                            f->height, f->x_off, f->y_off);
            have_box = 1;
        } else if (is(r, "BITMAP")) {
            break;
        } else if (is(r, "ENDCHAR") || is(r, "STARTCHAR") ||
                   is(r, "ENDFONT")) {
            return fail(r, r->keyword, "%.*s before the glyph's BITMAP",
                        (int)r->keyword_len, (const char *)r->keyword);
        }
        /* SWIDTH, SWIDTH1, DWIDTH1, VVECTOR: not used */
    }
    if (encoding == -2)
        return fail(r, r->keyword, "a glyph without ENCODING");
    if (!have_box)
        return fail(r, r->keyword, "a glyph without BBX");
    if (g->advance < 0)
        return fail(r, r->keyword, "a glyph without DWIDTH (and no DWIDTH "
                    "for the font)");
    if (line_end(r))
        return 2;
    g->cp = encoding < 0 ? 0 : (uint32_t)encoding;
    g->bits = xmalloc(bdf_row_bytes(g->width) * (size_t)g->height + 1);
    for (;;) {
        if (!next_line(r, 0)) {
            free(g->bits);
            g->bits = NULL;
            return fail(r, NULL, "the file ends inside the bitmap of the "
                        "glyph started at line %lu",
                        (unsigned long)(start + 1));
        }
        if (is(r, "ENDCHAR"))
            break;
        i = rows < g->height
                ? bitmap_row(r, g->width,
                             g->bits + bdf_row_bytes(g->width) * (size_t)rows)
                : fail(r, r->keyword, "the bitmap has more rows than the "
                       "BBX height %d", g->height);
        if (i) {
            free(g->bits);
            g->bits = NULL;
            return 2;
        }
        rows++;
    }
    if (rows < g->height || line_end(r)) {
        free(g->bits);
        g->bits = NULL;
        return rows < g->height
                   ? fail(r, r->keyword, "the bitmap has %d rows; BBX says "
                          "%d", rows, g->height)
                   : 2;
    }
    if (encoding < 0) {
        free(g->bits);
        g->bits = NULL;
    }
    return 0;
}

static int by_code_point(const void *a, const void *b)
{
    const bdf_glyph *x = a, *y = b;
    if (x->cp != y->cp)
        return x->cp < y->cp ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Sorts the glyphs; a code point given twice is an error at the second. */
static int sort_glyphs(reader *r, bdf_font *f)
{
    size_t i;

    if (f->glyph_count > 0)
        qsort(f->glyphs, f->glyph_count, sizeof *f->glyphs, by_code_point);
    for (i = 1; i < f->glyph_count; i++) {
        if (f->glyphs[i].cp != f->glyphs[i - 1].cp)
            continue;
        r->line = f->glyphs[i].line - 1;
        return fail(r, NULL, "a second glyph for U+%04lX (the first is at "
                    "line %lu)", (unsigned long)f->glyphs[i].cp,
                    (unsigned long)f->glyphs[i - 1].line);
    }
    return 0;
}

static int read_font(reader *r, bdf_font *f)
{
    int chars, advance, seen = 0;

    if (header(r, f, &chars, &advance))
        return 2;
    for (;;) {
        bdf_glyph g;

        if (!next_line(r, 0))
            return fail(r, NULL, "the file ends before ENDFONT");
        if (is(r, "ENDFONT"))
            break;
        if (!is(r, "STARTCHAR"))
            return fail(r, r->keyword, "expected STARTCHAR or ENDFONT, not "
                        "'%.*s'", (int)r->keyword_len,
                        (const char *)r->keyword);
        if (seen == chars)
            return fail(r, r->keyword, "more glyphs than CHARS %d", chars);
        if (glyph(r, f, advance, &g))
            return 2;
        seen++;
        if (!g.bits)
            continue;
        f->glyphs = grow_array(f->glyphs, &f->glyph_cap, f->glyph_count + 1,
                               sizeof *f->glyphs);
        f->glyphs[f->glyph_count++] = g;
    }
    if (seen != chars)
        return fail(r, r->keyword, "CHARS said %d glyphs, %d are given",
                    chars, seen);
    if (line_end(r) || sort_glyphs(r, f))
        return 2;
    while (next_line(r, 0))
        if (!is(r, "COMMENT"))
            return fail(r, r->keyword, "'%.*s' after ENDFONT",
                        (int)r->keyword_len, (const char *)r->keyword);
    return 0;
}

int bdf_read(bdf_font *f, const char *name, const void *data, size_t len,
             diag *d)
{
    source src;
    reader r;
    int status;

    memset(f, 0, sizeof *f);
    f->path = xstrndup(name, strlen(name));
    source_from_memory(&src, name, data, len);
    memset(&r, 0, sizeof r);
    r.src = &src;
    r.d = d;
    status = read_font(&r, f);
    source_free(&src);
    if (status) {
        char *path = f->path;
        f->path = NULL;
        bdf_free(f);
        f->path = path;
    }
    return status;
}

int bdf_load(bdf_font *f, const char *path, diag *d)
{
    source src;
    int status;

    memset(f, 0, sizeof *f);
    if (source_load(&src, path, d) != 0)
        return 2;
    status = bdf_read(f, path, src.text, src.len, d);
    source_free(&src);
    return status;
}

const bdf_glyph *bdf_find(const bdf_font *f, uint32_t cp)
{
    size_t lo = 0, hi = f->glyph_count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->glyphs[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < f->glyph_count && f->glyphs[lo].cp == cp ? &f->glyphs[lo]
                                                         : NULL;
}

size_t bdf_row_bytes(int width)
{
    return width > 0 ? ((size_t)width + 7) / 8 : 0;
}

int bdf_pixel(const bdf_glyph *g, int x, int y)
{
    if (x < 0 || y < 0 || x >= g->width || y >= g->height)
        return 0;
    return g->bits[bdf_row_bytes(g->width) * (size_t)y + (size_t)x / 8] >>
               (7 - x % 8) & 1;
}

void bdf_free(bdf_font *f)
{
    size_t i;

    for (i = 0; i < f->glyph_count; i++)
        free(f->glyphs[i].bits);
    free(f->glyphs);
    free(f->path);
    memset(f, 0, sizeof *f);
}
