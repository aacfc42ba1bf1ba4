/* diag.h: diagnostics in GCC's format,
 *
 *   policies/x.pn:3:1: error: unknown header key 'titel'; did you mean 'title'? [header-unknown-key]
 *       3 | titel: Foo
 *         | ^~~~~
 *
 * or, for tools, as JSON Lines: one JSON object per diagnostic and line.
 * Lines and columns start at 1; a column counts characters, not bytes. */
#ifndef PNC_DIAG_H
#define PNC_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "source.h"

typedef enum diag_severity {
    DIAG_NOTE,
    DIAG_WARNING,
    DIAG_ERROR
} diag_severity;

struct rule_settings;

typedef enum diag_format {
    DIAG_TEXT,        /* GCC's format, with the source line and a caret */
    DIAG_JSON         /* one JSON object a line (docs/CHECKS.md) */
} diag_format;

struct diag_tally;
struct diag_held;

typedef struct diag {
    FILE *out;        /* where diagnostics go (stderr in pnc) */
    unsigned errors;  /* errors reported so far, shown or not */
    unsigned warnings;/* warnings reported so far */
    diag_format format;
    const struct rule_settings *rules; /* -W options, or NULL: defaults */
    unsigned max_errors; /* errors shown per file (-fmax-errors), 0: all */
    struct diag_tally *tally; /* errors per file, when max_errors > 0 */
    size_t tally_count, tally_cap;
    int hiding;       /* the last error was not shown, nor are its notes */
    int line_order;   /* hold every diagnostic until diag_finish(), which
                         prints each file's in line order (its notes stay
                         after it), files in the order they first had one */
    FILE *held_text;  /* the held diagnostics as printed, or NULL */
    struct diag_held *held;
    size_t held_count, held_cap;
    char **held_paths;
    size_t held_path_count, held_path_cap;
} diag;

/* Text format, default rule settings, every error shown, each diagnostic
 * printed as it is reported (set `line_order` to sort them). */
void diag_init(diag *d, FILE *out);

/* With `line_order`, prints the held diagnostics, sorted. Then, for each
 * file that had more than `max_errors` errors, prints one note saying how
 * many were not shown; then frees what the count used. Call it once,
 * after the last diagnostic. */
void diag_finish(diag *d);

/* Reports a problem at byte `offset` of `src`, underlining `span` bytes
 * (at least one character). `rule` is a rule id printed as "[rule]", or
 * NULL. */
void diag_at(diag *d, diag_severity severity, const source *src,
             size_t offset, size_t span, const char *rule, const char *fmt,
             ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

void diag_vat(diag *d, diag_severity severity, const source *src,
              size_t offset, size_t span, const char *rule, const char *fmt,
              va_list ap);

/* Reports a problem that has no place in a source: "pnc: error: ...". */
void diag_plain(diag *d, diag_severity severity, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
