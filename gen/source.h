/* source.h: a notice source file in memory, its lines and its encoding.
 * Offsets are byte offsets from the start of the file. */
#ifndef PNC_SOURCE_H
#define PNC_SOURCE_H

#include <stddef.h>

struct diag;

typedef struct source {
    char *path;           /* name used in diagnostics */
    unsigned char *text;  /* the file's bytes, followed by a NUL */
    size_t len;           /* byte count, without that NUL */
    size_t *line_starts;  /* offset where each line starts */
    size_t line_count;    /* lines (a final line without LF counts) */
    size_t *char_marks;   /* characters before every SOURCE_MARK_BYTES-th
                             byte, for source_count_chars() */
} source;

#define SOURCE_MARK_BYTES 256

/* Largest source file pnc reads. */
#define SOURCE_MAX_BYTES ((size_t)64 << 20)

/* Reads `path` into `src` (source_read.c, with the encoding check: the
 * parts that report). Returns 0, or 2 after reporting an I/O error
 * (missing file, unreadable, too large) through `d`. */
int source_load(source *src, const char *path, struct diag *d);

/* Makes a source of `len` bytes at `data` (copied), named `name`. */
void source_from_memory(source *src, const char *name, const void *data,
                        size_t len);

/* Reports every encoding problem: a byte order mark, invalid UTF-8, control
 * characters, a CR not followed by LF. Returns the number of errors. */
unsigned source_check_encoding(const source *src, struct diag *d);

/* Index (0-based) of the line holding byte `offset`. */
size_t source_line_index(const source *src, size_t offset);

/* How many characters the `len` bytes at `offset` hold, counted as
 * utf8_count() does, in a time that does not grow with `offset` or `len`:
 * a diagnostic far along a 1 MB line costs what one at its start does. */
size_t source_count_chars(const source *src, size_t offset, size_t len);

/* The bytes of line `index`, without its CR LF or LF. */
const unsigned char *source_line(const source *src, size_t index,
                                 size_t *len);

void source_free(source *src);

#endif
