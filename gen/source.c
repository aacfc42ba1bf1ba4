#include "source.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
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

void source_free(source *src)
{
    free(src->path);
    free(src->text);
    free(src->line_starts);
    free(src->char_marks);
    memset(src, 0, sizeof *src);
}
