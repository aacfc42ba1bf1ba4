#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "rules.h"
#include "utf8.h"

static void index_lines(source *src)
{
    size_t cap = 0, i;

    src->line_starts = NULL;
    src->line_count = 0;
    for (i = 0; i <= src->len; i++) {
        if (i == 0 || src->text[i - 1] == '\n') {
            if (i == src->len && i != 0)
                break; /* a final LF does not start another line */
            src->line_starts = grow_array(src->line_starts, &cap,
                                          src->line_count + 1,
                                          sizeof *src->line_starts);
            src->line_starts[src->line_count++] = i;
        }
    }
}

static void mark_chars(source *src)
{
    size_t marks = src->len / SOURCE_MARK_BYTES + 1, i, count = 0;

    src->char_marks = xmalloc(marks * sizeof *src->char_marks);
    for (i = 0; i < marks; i++) {
        size_t start = i * SOURCE_MARK_BYTES;
        size_t end = start + SOURCE_MARK_BYTES;
        src->char_marks[i] = count;
        if (end > src->len)
            end = src->len;
        if (start < end)
            count += utf8_count(src->text + start, end - start);
    }
}

static void adopt(source *src, const char *name, unsigned char *text,
                  size_t len)
{
    src->path = xstrndup(name, strlen(name));
    src->text = text;
    src->len = len;
    src->text[len] = '\0';
    index_lines(src);
    mark_chars(src);
}

/* The characters before byte `offset` of the file. */
static size_t chars_before(const source *src, size_t offset)
{
    size_t mark = offset / SOURCE_MARK_BYTES;
    size_t from = mark * SOURCE_MARK_BYTES;

    return src->char_marks[mark] +
           utf8_count(src->text + from, offset - from);
}

size_t source_count_chars(const source *src, size_t offset, size_t len)
{
    return chars_before(src, offset + len) - chars_before(src, offset);
}

void source_from_memory(source *src, const char *name, const void *data,
                        size_t len)
{
    unsigned char *text = xmalloc(len + 1);
    if (len)
        memcpy(text, data, len);
    adopt(src, name, text, len);
}

int source_load(source *src, const char *path, struct diag *d)
{
    FILE *f = fopen(path, "rb");
    buf content = {0};
    unsigned char chunk[8192];
    size_t n;
    int failed;

    memset(src, 0, sizeof *src);
    if (!f) {
        diag_plain(d, DIAG_ERROR, "cannot open '%s': %s", path,
                   strerror(errno));
        return 2;
    }
    /* errno is cleared before each read, so a failed one leaves its own
     * reason (EISDIR for a directory) for the message below. */
    while ((errno = 0, n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (content.len + n > SOURCE_MAX_BYTES) {
            diag_plain(d, DIAG_ERROR, "'%s' is larger than %u MiB", path,
                       (unsigned)(SOURCE_MAX_BYTES >> 20));
            fclose(f);
            buf_free(&content);
            return 2;
        }
        buf_put(&content, chunk, n);
    }
    failed = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (failed) {
        diag_plain(d, DIAG_ERROR, "cannot read '%s': %s", path,
                   strerror(failed));
        buf_free(&content);
        return 2;
    }
    buf_byte(&content, 0); /* room for the terminating NUL */
    adopt(src, path, content.data, content.len - 1);
    return 0;
}

size_t source_line_index(const source *src, size_t offset)
{
    size_t lo = 0, hi = src->line_count;

    /* The last line whose start is <= offset. */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

const unsigned char *source_line(const source *src, size_t index,
                                 size_t *len)
{
    size_t start, end;

    if (index >= src->line_count) {
        *len = 0;
        return src->text + src->len;
    }
    start = src->line_starts[index];
    /* Where the next line starts, or the end of the file: no scan, so a
     * diagnostic on a long line costs no more than one on a short one. */
    end = index + 1 < src->line_count ? src->line_starts[index + 1]
                                      : src->len;
    if (end > start && src->text[end - 1] == '\n')
        end--;
    if (end > start && src->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return src->text + start;
}

/* Stop a hopeless file (a binary, say) from flooding the terminal. */
#define MAX_ENCODING_ERRORS 20

unsigned source_check_encoding(const source *src, struct diag *d)
{
    const unsigned char *t = src->text;
    unsigned errors = 0;
    size_t i = 0;

    if (src->len >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF) {
        rule_report(d, RULE_UTF8_BOM, src, 0, 3,
                    "UTF-8 byte order mark; save the file as UTF-8 without BOM");
        errors++;
        i = 3;
    }
    while (i < src->len && errors < MAX_ENCODING_ERRORS) {
        uint32_t cp;
        size_t n = utf8_decode(t + i, src->len - i, &cp);

        if (n == 0) {
            rule_report(d, RULE_UTF8_INVALID, src, i, 1,
                        "invalid UTF-8: byte 0x%02X at byte offset %lu",
                        t[i], (unsigned long)i);
            errors++;
            i++;
            continue;
        }
        if (cp == '\r' && (i + 1 >= src->len || t[i + 1] != '\n')) {
            rule_report(d, RULE_LINE_END_CR, src, i, 1,
                        "carriage return without line feed at byte offset "
                        "%lu; use LF or CRLF line ends",
                        (unsigned long)i);
            errors++;
        } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
                   cp == 0x7F) {
            rule_report(d, RULE_CONTROL_CHAR, src, i, 1,
                        "control character U+%04lX at byte offset %lu",
                        (unsigned long)cp, (unsigned long)i);
            errors++;
        }
        i += n;
    }
    if (errors >= MAX_ENCODING_ERRORS && i < src->len)
        diag_at(d, DIAG_NOTE, src, i, 1, NULL,
                "too many encoding errors; stopped checking this file");
    return errors;
}

void source_free(source *src)
{
    free(src->path);
    free(src->text);
    free(src->line_starts);
    free(src->char_marks);
    memset(src, 0, sizeof *src);
}
