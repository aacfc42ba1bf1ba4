/* outfile.h: writing outputs so that nothing is ever half-written. */
#ifndef PNC_OUTFILE_H
#define PNC_OUTFILE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

typedef struct outfile {
    const char *path;   /* where it goes */
    const buf *content; /* what it holds */
} outfile;

/* Writes each file to "PATH.tmp", then renames them all into place, so a
 * reader sees the old file or the new one, never a part. A file that
 * already holds exactly `content` is left alone (its mtime too, so make
 * rebuilds nothing). If any write fails, the temp files are removed, no
 * output is changed, and it returns 2 after reporting; otherwise 0. */
int outfiles_write(const outfile *files, size_t count, diag *d);

/* The name of an output that goes with the C file `c_path`: its name with
 * the ".c" replaced by '.' and `ext` ("foo.c" -> "foo.h"), or with '.' and
 * `ext` appended when it has no ".c". Free it. */
char *outfile_sibling(const char *c_path, char ext);

#endif
