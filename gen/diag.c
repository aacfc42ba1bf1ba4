#include "diag.h"

#include <stdarg.h>

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
    fputc('\n', out);
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

void diag_at(diag *d, diag_severity severity, const source *src,
             size_t offset, size_t span, const char *rule, const char *fmt,
             ...)
{
    size_t index = source_line_index(src, offset);
    size_t line_len, col_bytes, span_chars;
    const unsigned char *line = source_line(src, index, &line_len);
    va_list ap;

    col_bytes = offset - src->line_starts[index];
    if (col_bytes > line_len)
        col_bytes = line_len;
    if (span > line_len - col_bytes)
        span = line_len - col_bytes;
    span_chars = utf8_count(line + col_bytes, span);
    if (span_chars == 0)
        span_chars = 1;

    count(d, severity);
    fprintf(d->out, "%s:%lu:%lu: %s: ", src->path, (unsigned long)index + 1,
            (unsigned long)utf8_count(line, col_bytes) + 1,
            severity_name(severity));
    va_start(ap, fmt);
    vfprintf(d->out, fmt, ap);
    va_end(ap);
    if (rule)
        fprintf(d->out, " [%s]", rule);
    fputc('\n', d->out);

    fprintf(d->out, "%5lu | ", (unsigned long)index + 1);
    print_line(d->out, line, line_len);
    fputs("      | ", d->out);
    print_caret(d->out, line, line_len, col_bytes, span_chars);
}

void diag_plain(diag *d, diag_severity severity, const char *fmt, ...)
{
    va_list ap;

    count(d, severity);
    fprintf(d->out, "pnc: %s: ", severity_name(severity));
    va_start(ap, fmt);
    vfprintf(d->out, fmt, ap);
    va_end(ap);
    fputc('\n', d->out);
}
