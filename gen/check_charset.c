#include "check_charset.h"

#include <stdlib.h>
#include <string.h>

#include "bdf.h"
#include "buf.h"
#include "source.h"
#include "utf8.h"

static void add_range(charset *cs, uint32_t first, uint32_t last)
{
    cs->ranges = grow_array(cs->ranges, &cs->range_cap,
                            2 * (cs->range_count + 1), sizeof *cs->ranges);
    cs->ranges[2 * cs->range_count] = first;
    cs->ranges[2 * cs->range_count + 1] = last;
    cs->range_count++;
}

/* Reads "U+XXXX" (4 to 6 hex digits) at `*s`, advancing it. */
static int read_code_point(const char **s, uint32_t *cp)
{
    const char *p = *s;
    uint32_t value = 0;
    int digits = 0;

    if (p[0] != 'U' || p[1] != '+')
        return 0;
    for (p += 2; digits < 7; p++, digits++) {
        char c = *p;
        unsigned v;
        if (c >= '0' && c <= '9')
            v = (unsigned)(c - '0');
        else if (c >= 'A' && c <= 'F')
            v = (unsigned)(c - 'A' + 10);
        else if (c >= 'a' && c <= 'f')
            v = (unsigned)(c - 'a' + 10);
        else
            break;
        value = value * 16 + v;
    }
    if (digits < 4 || digits > 6 || value > 0x10FFFFu)
        return 0;
    *s = p;
    *cp = value;
    return 1;
}

/* A line that is exactly "U+XXXX" or "U+XXXX..U+YYYY". */
static int parse_range_line(const char *line, uint32_t *first,
                            uint32_t *last)
{
    const char *p = line;

    if (!read_code_point(&p, first))
        return 0;
    *last = *first;
    if (p[0] == '.' && p[1] == '.') {
        p += 2;
        if (!read_code_point(&p, last))
            return 0;
    }
    return *p == '\0';
}

static unsigned parse_file(charset *cs, const source *src, diag *d)
{
    unsigned errors = 0;
    size_t i;

    for (i = 0; i < src->line_count; i++) {
        size_t len, at = 0;
        const unsigned char *line = source_line(src, i, &len);
        char *text = xstrndup((const char *)line, len);
        uint32_t first, last;

        while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
            text[--len] = '\0';
        if (len == 0 || text[0] == '#') {
            free(text);
            continue;
        }
        if (parse_range_line(text, &first, &last)) {
            if (first > last) {
                diag_at(d, DIAG_ERROR, src, src->line_starts[i], len, NULL,
                        "range ends before it starts");
                errors++;
            } else {
                add_range(cs, first, last);
            }
            free(text);
            continue;
        }
        while (at < len) {
            uint32_t cp;
            size_t n = utf8_decode(line + at, len - at, &cp);
            if (n == 0)
                n = 1; /* cannot happen: the encoding was checked */
            else if (cp != ' ' && cp != '\t')
                add_range(cs, cp, cp);
            at += n;
        }
        free(text);
    }
    return errors;
}

static int by_first(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* Sorts the ranges and joins those that overlap or touch, so that
 * charset_has() can search them: a file lists one glyph a line. */
static void sort_ranges(charset *cs)
{
    size_t i, count = 0;

    qsort(cs->ranges, cs->range_count, 2 * sizeof *cs->ranges, by_first);
    for (i = 0; i < cs->range_count; i++) {
        uint32_t first = cs->ranges[2 * i], last = cs->ranges[2 * i + 1];
        if (count > 0 && first <= cs->ranges[2 * count - 1] + 1) {
            if (last > cs->ranges[2 * count - 1])
                cs->ranges[2 * count - 1] = last;
            continue;
        }
        cs->ranges[2 * count] = first;
        cs->ranges[2 * count + 1] = last;
        count++;
    }
    cs->range_count = count;
}

int charset_load(charset *cs, const char *spec, diag *d)
{
    source src;
    int status = 0;

    memset(cs, 0, sizeof *cs);
    cs->name = xstrndup(spec, strlen(spec));
    add_range(cs, ' ', ' ');
    if (strcmp(spec, "ascii") == 0 || strcmp(spec, "latin1") == 0) {
        add_range(cs, 0x21, 0x7E);
        if (strcmp(spec, "latin1") == 0)
            add_range(cs, 0xA0, 0xFF);
        sort_ranges(cs);
        return 0;
    }
    if (source_load(&src, spec, d) != 0)
        return 2;
    if (source_check_encoding(&src, d) > 0 || parse_file(cs, &src, d) > 0)
        status = 2;
    source_free(&src);
    sort_ranges(cs);
    return status;
}

void charset_of_font(charset *cs, const bdf_font *f)
{
    size_t i;

    memset(cs, 0, sizeof *cs);
    cs->name = xstrndup(f->path, strlen(f->path));
    for (i = 0; i < f->glyph_count; i++)
        add_range(cs, f->glyphs[i].cp, f->glyphs[i].cp);
    sort_ranges(cs);
}

int charset_has(const charset *cs, uint32_t cp)
{
    size_t lo = 0, hi = cs->range_count;

    while (lo < hi) { /* the first range that ends at or after cp */
        size_t mid = lo + (hi - lo) / 2;
        if (cs->ranges[2 * mid + 1] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < cs->range_count && cs->ranges[2 * lo] <= cp;
}

int charset_has_text(const charset *cs, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), i = 0;

    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0 || !charset_has(cs, cp))
            return 0;
        i += n;
    }
    return 1;
}

void charset_free(charset *cs)
{
    free(cs->name);
    free(cs->ranges);
    memset(cs, 0, sizeof *cs);
}
