#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json_escape.h"
#include "utf8.h"

static const char *severity_name(diag_severity severity)
{
    switch (severity) {
    case DIAG_NOTE: return "note";
    case DIAG_WARNING: return "warning";
    default: return "error";
    }
}

static void count(diag *d, diag_severity severity)
{
    if (severity == DIAG_ERROR)
        d->errors++;
    else if (severity == DIAG_WARNING)
        d->warnings++;
}

void diag_init(diag *d, FILE *out)
{
    d->out = out;
    d->errors = 0;
    d->warnings = 0;
    d->format = DIAG_TEXT;
    d->rules = NULL;
    d->max_errors = 0;
    d->tally = NULL;
    d->tally_count = 0;
    d->tally_cap = 0;
    d->hiding = 0;
    d->line_order = 0;
    d->held_text = NULL;
    d->held = NULL;
    d->held_count = d->held_cap = 0;
    d->held_paths = NULL;
    d->held_path_count = d->held_path_cap = 0;
}

/* ---- Line order ---------------------------------------------------------- */

/* A diagnostic printed into held_text, waiting for diag_finish(). */
struct diag_held {
    size_t file;        /* index in held_paths; plain ones after them all */
    size_t offset;      /* in its file (a note: its diagnostic's) */
    size_t seq;         /* reported as the seq-th: keeps ties in order */
    long start, len;    /* its text in held_text */
    diag_severity severity;
};

static size_t held_file(diag *d, const char *path)
{
    size_t i;

    if (!path)
        return (size_t)-1;
    for (i = d->held_path_count; i-- > 0;)
        if (strcmp(d->held_paths[i], path) == 0)
            return i;
    d->held_paths = grow_array(d->held_paths, &d->held_path_cap,
                               d->held_path_count + 1, sizeof *d->held_paths);
    d->held_paths[d->held_path_count] = xstrndup(path, strlen(path));
    return d->held_path_count++;
}

/* Where the next diagnostic's text goes: d->out, or held_text with its
 * place in the order recorded (finished by end_held()). */
static FILE *begin(diag *d, diag_severity severity, const char *path,
                   size_t offset)
{
    struct diag_held *h;

    if (!d->line_order)
        return d->out;
    if (!d->held_text)
        d->held_text = tmpfile();
    if (!d->held_text) {
        d->line_order = 0; /* no scratch file: print as they come */
        return d->out;
    }
    d->held = grow_array(d->held, &d->held_cap, d->held_count + 1,
                         sizeof *d->held);
    h = &d->held[d->held_count];
    h->file = held_file(d, path);
    h->offset = offset;
    if (severity == DIAG_NOTE && d->held_count > 0) {
        h->file = d->held[d->held_count - 1].file;
        h->offset = d->held[d->held_count - 1].offset;
    }
    h->seq = d->held_count;
    h->severity = severity;
    h->start = ftell(d->held_text);
    d->held_count++;
    return d->held_text;
}

static void end_held(diag *d, FILE *out)
{
    if (out == d->held_text && d->held_count > 0)
        d->held[d->held_count - 1].len =
            ftell(d->held_text) - d->held[d->held_count - 1].start;
}

static int held_before(const void *a, const void *b)
{
    const struct diag_held *x = a, *y = b;

    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int over_cap(diag *d, diag_severity severity, const char *path);

/* Prints the held diagnostics in order; -fmax-errors counts them in that
 * order. */
static void print_held(diag *d)
{
    size_t i;
    char chunk[4096];

    if (!d->held_text)
        return;
    qsort(d->held, d->held_count, sizeof *d->held, held_before);
    for (i = 0; i < d->held_count; i++) {
        const struct diag_held *h = &d->held[i];
        long left = h->len;

        if (h->file != (size_t)-1 &&
            over_cap(d, h->severity, d->held_paths[h->file]))
            continue;
        fseek(d->held_text, h->start, SEEK_SET);
        while (left > 0) {
            size_t n = fread(chunk, 1,
                             left < (long)sizeof chunk ? (size_t)left
                                                       : sizeof chunk,
                             d->held_text);
            if (n == 0)
                break;
            fwrite(chunk, 1, n, d->out);
            left -= (long)n;
        }
    }
    fclose(d->held_text);
    d->held_text = NULL;
    for (i = 0; i < d->held_path_count; i++)
        free(d->held_paths[i]);
    free(d->held_paths);
    free(d->held);
    d->held_paths = NULL;
    d->held = NULL;
    d->held_count = d->held_cap = d->held_path_count = d->held_path_cap = 0;
}

/* ---- -fmax-errors ---------------------------------------------------------- */

struct diag_tally {
    char *path;      /* the file */
    unsigned shown;  /* its errors shown */
    unsigned hidden; /* and not shown */
};

/* The tally of `path`, made when it has none. Diagnostics come file by
 * file, so the last one used is tried first. */
static struct diag_tally *tally_of(diag *d, const char *path)
{
    size_t i;

    if (d->tally_count &&
        strcmp(d->tally[d->tally_count - 1].path, path) == 0)
        return &d->tally[d->tally_count - 1];
    for (i = 0; i < d->tally_count; i++) {
        if (strcmp(d->tally[i].path, path) == 0)
            return &d->tally[i];
    }
    d->tally = grow_array(d->tally, &d->tally_cap, d->tally_count + 1,
                          sizeof *d->tally);
    d->tally[d->tally_count].path = xstrndup(path, strlen(path));
    d->tally[d->tally_count].shown = 0;
    d->tally[d->tally_count].hidden = 0;
    return &d->tally[d->tally_count++];
}

/* Whether -fmax-errors hides this diagnostic: an error of a file that has
 * shown max_errors already, or a note that belongs to a hidden error. */
static int over_cap(diag *d, diag_severity severity, const char *path)
{
    struct diag_tally *t;

    if (d->max_errors == 0)
        return 0;
    if (severity == DIAG_NOTE)
        return d->hiding;
    d->hiding = 0;
    if (severity != DIAG_ERROR)
        return 0;
    t = tally_of(d, path);
    if (t->shown < d->max_errors) {
        t->shown++;
        return 0;
    }
    t->hidden++;
    d->hiding = 1;
    return 1;
}

/* Prints the line as text a terminal can show: bytes that are not valid
 * UTF-8 and control characters become '?', so the caret stays aligned. */
static void print_line(FILE *out, const unsigned char *line, size_t len)
{
    size_t i = 0;

    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(line + i, len - i, &cp);

        if (n == 0 || (cp < 0x20 && cp != '\t') || cp == 0x7F) {
            fputc('?', out);
            i += n ? n : 1;
            continue;
        }
        fwrite(line + i, 1, n, out);
        i += n;
    }
}

/* Spaces up to the column (tabs kept, so the caret lines up), then ^~~~. */
static void print_caret(FILE *out, const unsigned char *line, size_t len,
                        size_t col_bytes, size_t span_chars)
{
    size_t i;

    for (i = 0; i < col_bytes && i < len; i++) {
        if ((line[i] & 0xC0u) == 0x80u)
            continue;
        fputc(line[i] == '\t' ? '\t' : ' ', out);
    }
    fputc('^', out);
    for (i = 1; i < span_chars; i++)
        fputc('~', out);
    fputc('\n', out);
}

/* A window of at most DIAG_SHOWN_CHARS characters of a long line, around
 * the column, so a 1 MB line does not flood the terminal. */
#define DIAG_SHOWN_CHARS 100u
#define DIAG_CONTEXT_CHARS 40u

typedef struct excerpt {
    size_t start, end;      /* bytes of the line shown */
    int cut_before, cut_after;
} excerpt;

/* Byte offset of the character `chars` characters after `from`. */
static size_t skip_chars(const unsigned char *line, size_t len, size_t from,
                         size_t chars)
{
    while (from < len && chars > 0) {
        from++;
        while (from < len && (line[from] & 0xC0u) == 0x80u)
            from++;
        chars--;
    }
    return from;
}

/* skip_chars(line, len, 0, chars) for a place before `col_bytes`, which
 * `before` characters precede, found by walking back from there: a
 * diagnostic far along a long line costs no more than one near its start.
 * Each step of skip_chars() lands on the next byte utf8_count() counts,
 * except the first when the line starts with a continuation byte. */
static size_t chars_back(const unsigned char *line, size_t col_bytes,
                         size_t before, size_t chars)
{
    size_t i = col_bytes;

    if (chars > 0 && (line[0] & 0xC0u) == 0x80u)
        chars--;
    while (i > 0 && before > chars) {
        i--;
        if ((line[i] & 0xC0u) != 0x80u)
            before--;
    }
    return i;
}

/* `before`: the characters before `col_bytes`; `line_chars`: the line's. */
static excerpt excerpt_of(const unsigned char *line, size_t len,
                          size_t col_bytes, size_t before, size_t line_chars)
{
    excerpt e;

    e.start = 0;
    if (before > DIAG_CONTEXT_CHARS && line_chars > DIAG_SHOWN_CHARS)
        e.start = chars_back(line, col_bytes, before,
                             before - DIAG_CONTEXT_CHARS);
    e.end = skip_chars(line, len, e.start, DIAG_SHOWN_CHARS);
    e.cut_before = e.start > 0;
    e.cut_after = e.end < len;
    return e;
}

typedef struct place {
    unsigned long line, column, byte_offset, length;
} place;

static void print_source(FILE *out, const place *at,
                         const unsigned char *line, size_t len,
                         size_t col_bytes, size_t line_chars)
{
    excerpt e = excerpt_of(line, len, col_bytes, at->column - 1, line_chars);
    size_t shown_span = utf8_count(line + col_bytes, e.end - col_bytes);
    size_t span_chars = at->length;
    unsigned long line_number = at->line, n;
    int width = 5;

    for (n = line_number; n >= 100000; n /= 10)
        width++;
    fprintf(out, "%*lu | %s", width, line_number, e.cut_before ? "..." : "");
    print_line(out, line + e.start, e.end - e.start);
    fputs(e.cut_after ? "...\n" : "\n", out);
    fprintf(out, "%*s | %s", width, "", e.cut_before ? "   " : "");
    if (span_chars > shown_span && shown_span > 0)
        span_chars = shown_span;
    print_caret(out, line + e.start, e.end - e.start, col_bytes - e.start,
                span_chars);
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_string(FILE *out, const char *text, size_t len)
{
    buf literal = {0};

    json_escape(&literal, text, len);
    fwrite(literal.data, 1, literal.len, out);
    buf_free(&literal);
}

static void json_field(FILE *out, const char *name, const char *value)
{
    fprintf(out, ",\"%s\":", name);
    if (value)
        json_string(out, value, strlen(value));
    else
        fputs("null", out);
}

/* The message as one string; vsnprintf measures it first. */
static char *format_message(const char *fmt, va_list ap)
{
    va_list again;
    char *text;
    int n;

    va_copy(again, ap);
    n = vsnprintf(NULL, 0, fmt, again);
    va_end(again);
    if (n < 0)
        n = 0;
    text = xmalloc((size_t)n + 1);
    if (n > 0)
        vsnprintf(text, (size_t)n + 1, fmt, ap);
    text[n] = '\0';
    return text;
}

static void print_json(FILE *out, diag_severity severity, const char *path,
                       const place *at, const char *rule,
                       const char *message)
{
    fputs("{\"file\":", out);
    if (path)
        json_string(out, path, strlen(path));
    else
        fputs("null", out);
    if (at)
        fprintf(out, ",\"line\":%lu,\"column\":%lu,\"byte_offset\":%lu,"
                     "\"length\":%lu",
                at->line, at->column, at->byte_offset, at->length);
    else
        fputs(",\"line\":null,\"column\":null,\"byte_offset\":null,"
              "\"length\":null",
              out);
    json_field(out, "severity", severity_name(severity));
    json_field(out, "rule", rule);
    json_field(out, "message", message);
    fputs("}\n", out);
}

/* ---- Reporting ----------------------------------------------------------- */

void diag_vat(diag *d, diag_severity severity, const source *src,
              size_t offset, size_t span, const char *rule, const char *fmt,
              va_list ap)
{
    size_t index = source_line_index(src, offset);
    size_t start = src->line_starts[index];
    size_t line_len, col_bytes, span_chars;
    const unsigned char *line = source_line(src, index, &line_len);
    char *message;
    place at;
    FILE *out;

    if (!d->line_order && over_cap(d, severity, src->path)) {
        count(d, severity);
        return;
    }
    message = format_message(fmt, ap);

    col_bytes = offset - start;
    if (col_bytes > line_len)
        col_bytes = line_len;
    if (span > line_len - col_bytes)
        span = line_len - col_bytes;
    span_chars = source_count_chars(src, start + col_bytes, span);
    if (span_chars == 0)
        span_chars = 1;
    at.line = (unsigned long)index + 1;
    at.column = (unsigned long)source_count_chars(src, start, col_bytes) + 1;
    at.byte_offset = (unsigned long)(start + col_bytes);
    at.length = (unsigned long)span_chars;

    count(d, severity);
    out = begin(d, severity, src->path, offset);
    if (d->format == DIAG_JSON) {
        print_json(out, severity, src->path, &at, rule, message);
    } else {
        fprintf(out, "%s:%lu:%lu: %s: %s", src->path, at.line, at.column,
                severity_name(severity), message);
        if (rule)
            fprintf(out, " [%s]", rule);
        fputc('\n', out);
        print_source(out, &at, line, line_len, col_bytes,
                     source_count_chars(src, start, line_len));
    }
    free(message);
    end_held(d, out);
}

void diag_at(diag *d, diag_severity severity, const source *src,
             size_t offset, size_t span, const char *rule, const char *fmt,
             ...)
{
    va_list ap;

    va_start(ap, fmt);
    diag_vat(d, severity, src, offset, span, rule, fmt, ap);
    va_end(ap);
}

void diag_plain(diag *d, diag_severity severity, const char *fmt, ...)
{
    va_list ap;
    char *message;
    FILE *out;

    va_start(ap, fmt);
    message = format_message(fmt, ap);
    va_end(ap);
    count(d, severity);
    out = begin(d, severity, NULL, 0);
    if (d->format == DIAG_JSON)
        print_json(out, severity, NULL, NULL, NULL, message);
    else
        fprintf(out, "pnc: %s: %s\n", severity_name(severity), message);
    free(message);
    end_held(d, out);
}

void diag_finish(diag *d)
{
    size_t i;
    char message[96];

    print_held(d);
    for (i = 0; i < d->tally_count; i++) {
        const struct diag_tally *t = &d->tally[i];

        if (t->hidden) {
            snprintf(message, sizeof message,
                     "%u more error%s not shown (-fmax-errors=%u)",
                     t->hidden, t->hidden == 1 ? "" : "s", d->max_errors);
            if (d->format == DIAG_JSON)
                print_json(d->out, DIAG_NOTE, t->path, NULL, NULL, message);
            else
                fprintf(d->out, "%s: note: %s\n", t->path, message);
        }
        free(t->path);
    }
    free(d->tally);
    d->tally = NULL;
    d->tally_count = d->tally_cap = 0;
}
