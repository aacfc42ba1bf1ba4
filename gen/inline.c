#include "inline.h"

#include <stdlib.h>
#include <string.h>

#include "rules.h"

/* A byte of the text being made: shown as is, or a possible emphasis
 * marker, which the matching below keeps or drops. */
typedef struct cell {
    unsigned char c;
    unsigned char delim;   /* 1: an unescaped '*' or '_' */
    unsigned char drop;    /* 1: a marker that matched */
} cell;

typedef struct cells {
    cell *v;
    size_t n, cap;
} cells;

/* A link or image whose text is being read: where its ']' is, and what
 * comes after it. */
typedef struct link {
    size_t text;           /* index of its text's first byte */
    size_t close;          /* index of its ']' */
    size_t url, url_len;   /* its destination */
    size_t end;            /* index after its ')' */
    int image;
} link;

#define MAX_LINK_DEPTH 8

typedef struct reader {
    const unsigned char *in;
    const size_t *offs;
    size_t n;
    diag *d;
    const source *src;
    cells out;
    link stack[MAX_LINK_DEPTH];
    unsigned depth;
    int in_cell; /* a table's cell: <br> and list tags break lines */
} reader;

static void push(reader *r, unsigned char c, int delim)
{
    cell *x;
    r->out.v = grow_array(r->out.v, &r->out.cap, r->out.n + 1, sizeof *x);
    x = &r->out.v[r->out.n++];
    x->c = c;
    x->delim = (unsigned char)delim;
    x->drop = 0;
}

static void push_bytes(reader *r, const unsigned char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        push(r, s[i], 0);
}

static int is_punct(unsigned c)
{
    return c < 0x80 && c > 0x20 && c != 0x7F &&
           !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
             (c >= 'A' && c <= 'Z'));
}

static int is_space(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

static int is_alpha(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int starts_nocase(const unsigned char *s, size_t n, const char *word)
{
    size_t i, len = strlen(word);
    if (n < len)
        return 0;
    for (i = 0; i < len; i++) {
        unsigned c = s[i];
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (c != (unsigned char)word[i])
            return 0;
    }
    return 1;
}

/* The part of a destination a reader needs: an address without mailto:,
 * a number without tel:. */
static void shown_url(const unsigned char **s, size_t *n)
{
    static const char *const schemes[] = {"mailto:", "tel:"};
    unsigned i;
    for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
        size_t len = strlen(schemes[i]);
        if (starts_nocase(*s, *n, schemes[i]) && *n > len) {
            *s += len;
            *n -= len;
            return;
        }
    }
}

/* Whether a link's text already says where it goes: it is the address
 * shown, or that address without http(s):// and a last '/'. */
static int text_says_url(const unsigned char *text, size_t text_len,
                         const unsigned char *url, size_t url_len)
{
    if (starts_nocase(url, url_len, "https://")) {
        if (text_len == url_len && memcmp(text, url, url_len) == 0)
            return 1;
        url += 8;
        url_len -= 8;
    } else if (starts_nocase(url, url_len, "http://")) {
        if (text_len == url_len && memcmp(text, url, url_len) == 0)
            return 1;
        url += 7;
        url_len -= 7;
    }
    if (url_len > 1 && url[url_len - 1] == '/' &&
        !(text_len == url_len && memcmp(text, url, url_len) == 0))
        url_len--;
    return text_len == url_len && memcmp(text, url, url_len) == 0;
}

/* Whether a destination names its scheme ("https:", "mailto:"...): a
 * reader can go there. One without ("#rights", "@/about.md", "../x")
 * points inside the site or the notice. */
static int has_scheme(const unsigned char *url, size_t n)
{
    size_t i;
    if (n == 0 || !is_alpha(url[0]))
        return 0;
    for (i = 1; i < n && (is_alpha(url[i]) || (url[i] >= '0' && url[i] <= '9') ||
                          url[i] == '+' || url[i] == '.' || url[i] == '-');
         i++)
        ;
    return i < n && url[i] == ':';
}

/* Whether a tel: link's text has the number's digits (and '+'). */
static int same_number(const unsigned char *a, size_t an,
                       const unsigned char *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && !(a[i] == '+' || (a[i] >= '0' && a[i] <= '9')))
            i++;
        while (j < bn && !(b[j] == '+' || (b[j] >= '0' && b[j] <= '9')))
            j++;
        if (i == an || j == bn)
            return i == an && j == bn;
        if (a[i++] != b[j++])
            return 0;
    }
}

/* Reads "[text](url)" or "[text](url "title")" at `at` (its '['). */
static int link_at(const reader *r, size_t at, link *out)
{
    const unsigned char *in = r->in;
    size_t i = at + 1, n = r->n;
    unsigned depth = 0;
    int parens = 0;

    for (; i < n; i++) {
        if (in[i] == '\\' && i + 1 < n) {
            i++;
        } else if (in[i] == '[') {
            depth++;
        } else if (in[i] == ']') {
            if (depth == 0)
                break;
            depth--;
        }
    }
    if (i + 1 >= n || in[i + 1] != '(')
        return 0;
    out->text = at + 1;
    out->close = i;
    i += 2;
    while (i < n && is_space(in[i]))
        i++;
    out->url = i;
    for (; i < n && !is_space(in[i]); i++) {
        if (in[i] == '(')
            parens++;
        else if (in[i] == ')' && parens-- == 0)
            break;
    }
    out->url_len = i - out->url;
    while (i < n && is_space(in[i]))
        i++;
    if (i < n && in[i] == '"') {
        for (i++; i < n && in[i] != '"'; i++)
            ;
        for (i++; i < n && is_space(in[i]); i++)
            ;
    }
    if (i >= n || in[i] != ')' || out->url_len == 0)
        return 0;
    out->end = i + 1;
    return 1;
}

/* "<scheme:...>" or "<name@domain>" at `at`: the index after '>', or 0. */
static size_t autolink_at(const reader *r, size_t at)
{
    const unsigned char *in = r->in;
    size_t i, scheme = 0;
    int at_sign = 0;

    for (i = at + 1; i < r->n && in[i] != '>'; i++) {
        if (is_space(in[i]) || in[i] == '<')
            return 0;
        if (in[i] == '@')
            at_sign = 1;
        if (in[i] == ':' && scheme == 0)
            scheme = i - at - 1;
    }
    if (i >= r->n || i == at + 1)
        return 0;
    if (scheme >= 2 && is_alpha(in[at + 1]))
        return i + 1;
    return at_sign ? i + 1 : 0;
}

static void warn(reader *r, size_t at, size_t len, const char *what)
{
    rule_report(r->d, RULE_MARKDOWN_UNSUPPORTED, r->src, r->offs[at], len,
                "%s", what);
}

/* The end of a code span opened by the `ticks` backticks at `at`, or 0. */
static size_t code_end(const reader *r, size_t at, size_t ticks)
{
    size_t i = at + ticks;
    while (i < r->n) {
        size_t run = 0;
        while (i + run < r->n && r->in[i + run] == '`')
            run++;
        if (run == ticks)
            return i;
        i += run ? run : 1;
    }
    return 0;
}

/* In a table cell, the tags GitHub's tables use for what a cell cannot
 * hold otherwise: <br> and <li> start a line, <ul>, <ol> and their end
 * tags and </li> vanish. Returns the tag's length at `at` (its '<') and
 * sets `*line_break`, or 0 for any other tag. */
static size_t cell_tag_at(const reader *r, size_t at, int *line_break)
{
    static const char *const names[] = {"br", "li", "ul", "ol"};
    const unsigned char *in = r->in;
    size_t i = at + 1, name, len;
    int closing = 0;
    unsigned k;

    if (i < r->n && in[i] == '/') {
        closing = 1;
        i++;
    }
    for (name = i; i < r->n && is_alpha(in[i]); i++)
        ;
    len = i - name;
    while (i < r->n && is_space(in[i]))
        i++;
    if (i < r->n && in[i] == '/' && !closing)
        i++;
    if (i >= r->n || in[i] != '>' || len != 2)
        return 0;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        if (!starts_nocase(in + name, len, names[k]))
            continue;
        if (closing && k == 0)
            return 0; /* </br> is not a tag HTML knows */
        *line_break = !closing && k < 2;
        return i + 1 - at;
    }
    return 0;
}

/* First pass: escapes, code spans, links and tags; markers kept as
 * delimiters for the second. */
static void scan(reader *r)
{
    const unsigned char *in = r->in;
    size_t i = 0;

    while (i < r->n) {
        unsigned c = in[i];
        link l;
        size_t end;
        int line_break;

        if (r->depth && i > r->stack[r->depth - 1].close) {
            r->depth--; /* its ']' was inside a code span: plain text */
            continue;
        }
        if (r->depth && i == r->stack[r->depth - 1].close) {
            const link *top = &r->stack[--r->depth];
            const unsigned char *url = in + top->url;
            size_t url_len = top->url_len;
            int tel = starts_nocase(url, url_len, "tel:");
            int relative = !has_scheme(url, url_len);
            shown_url(&url, &url_len);
            if (relative && url[0] != '#' && !top->image)
                warn(r, top->text - 1, top->end - top->text + 1,
                     "a link to a relative address: only its text is "
                     "shown; give the full address (https://...) to show it");
            if (!top->image && !relative &&
                !text_says_url(in + top->text, top->close - top->text, url,
                               url_len) &&
                !(tel && same_number(in + top->text, top->close - top->text,
                                     url, url_len))) {
                push_bytes(r, (const unsigned char *)" (", 2);
                push_bytes(r, url, url_len);
                push(r, ')', 0);
            }
            i = top->end;
            continue;
        }
        if (c == '\\' && i + 1 < r->n && is_punct(in[i + 1])) {
            push(r, in[i + 1], 0);
            i += 2;
        } else if (c == '`') {
            size_t ticks = 0;
            while (i + ticks < r->n && in[i + ticks] == '`')
                ticks++;
            end = code_end(r, i, ticks);
            if (end) {
                push_bytes(r, in + i + ticks, end - i - ticks);
                i = end + ticks;
            } else {
                push_bytes(r, in + i, ticks);
                i += ticks;
            }
        } else if ((c == '[' || (c == '!' && i + 1 < r->n &&
                                 in[i + 1] == '[')) &&
                   r->depth < MAX_LINK_DEPTH &&
                   link_at(r, c == '!' ? i + 1 : i, &l)) {
            l.image = c == '!';
            if (l.image)
                warn(r, i, l.end - i,
                     "an image: only its text is shown on the device");
            r->stack[r->depth++] = l;
            i += l.image ? 2 : 1;
        } else if (c == '<' && (end = autolink_at(r, i)) != 0) {
            const unsigned char *url = in + i + 1;
            size_t url_len = end - i - 2;
            shown_url(&url, &url_len);
            push_bytes(r, url, url_len);
            i = end;
        } else if (c == '<' && r->in_cell &&
                   (end = cell_tag_at(r, i, &line_break)) != 0) {
            if (line_break)
                push(r, '\n', 0);
            i += end;
        } else if (c == '<' && i + 1 < r->n &&
                   (is_alpha(in[i + 1]) || in[i + 1] == '/' ||
                    in[i + 1] == '!' || in[i + 1] == '?')) {
            warn(r, i, 1,
                 "an HTML tag: shown as written (write '\\<' for a literal "
                 "'<')");
            push(r, '<', 0);
            i++;
        } else {
            push(r, (unsigned char)c, c == '*' || c == '_');
            i++;
        }
    }
}

/* ---- Emphasis: CommonMark's flanking rules, markers matched in pairs -- */

typedef struct run {
    size_t start, len, left; /* its cells; cells not yet matched */
    unsigned char c;
    int can_open, can_close;
} run;

static unsigned cell_at(const cells *cs, size_t i, int before)
{
    if (before)
        return i == 0 ? ' ' : cs->v[i - 1].c;
    return i >= cs->n ? ' ' : cs->v[i].c;
}

static void match_emphasis(cells *cs)
{
    run *runs = NULL, *stack[64];
    size_t count = 0, cap = 0, i, depth = 0;

    for (i = 0; i < cs->n;) {
        size_t len = 0;
        unsigned before, after;
        int left, right;
        run *x;

        if (!cs->v[i].delim) {
            i++;
            continue;
        }
        while (i + len < cs->n && cs->v[i + len].delim &&
               cs->v[i + len].c == cs->v[i].c)
            len++;
        before = cell_at(cs, i, 1);
        after = cell_at(cs, i + len, 0);
        left = !is_space(after) &&
               (!is_punct(after) || is_space(before) || is_punct(before));
        right = !is_space(before) &&
                (!is_punct(before) || is_space(after) || is_punct(after));
        runs = grow_array(runs, &cap, count + 1, sizeof *runs);
        x = &runs[count++];
        x->start = i;
        x->len = x->left = len;
        x->c = cs->v[i].c;
        if (x->c == '*') {
            x->can_open = left;
            x->can_close = right;
        } else {
            x->can_open = left && (!right || is_punct(before));
            x->can_close = right && (!left || is_punct(after));
        }
        i += len;
    }
    for (i = 0; i < count; i++) {
        run *x = &runs[i];
        if (x->can_close) {
            size_t k = depth;
            while (k > 0 && stack[k - 1]->c != x->c)
                k--;
            if (k > 0) {
                run *o = stack[k - 1];
                size_t m = o->left < x->left ? o->left : x->left, j;
                for (j = 0; j < m; j++) {
                    cs->v[o->start + o->left - 1 - j].drop = 1;
                    cs->v[x->start + x->len - x->left + j].drop = 1;
                }
                o->left -= m;
                x->left -= m;
                depth = o->left ? k : k - 1;
            }
        }
        if (x->left && x->can_open && depth < sizeof stack / sizeof *stack)
            stack[depth++] = x;
    }
    free(runs);
}

/* Appends the kept cells, spaces folded and none around a '\n'. */
static void put_cells(const cells *cs, buf *out)
{
    size_t i, start = out->len;
    int space = 0, newline = 0;

    for (i = 0; i < cs->n; i++) {
        unsigned c = cs->v[i].c;
        if (cs->v[i].drop)
            continue;
        if (c == ' ' || c == '\t') {
            space = 1;
            continue;
        }
        if (c == '\n') {
            newline = 1;
            continue;
        }
        if (out->len > start && (space || newline))
            buf_byte(out, newline ? '\n' : ' ');
        space = newline = 0;
        buf_byte(out, c);
    }
}

void inline_text(const unsigned char *in, const size_t *offs, size_t n,
                 int in_cell, diag *d, const source *src, buf *out)
{
    reader r;

    memset(&r, 0, sizeof r);
    r.in_cell = in_cell;
    r.in = in;
    r.offs = offs;
    r.n = n;
    r.d = d;
    r.src = src;
    scan(&r);
    match_emphasis(&r.out);
    put_cells(&r.out, out);
    free(r.out.v);
}
