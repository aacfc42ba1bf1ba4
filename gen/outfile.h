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

/* Writes `count` files so that a reader sees the old
 * files or the new ones, never a part: it first checks that each path is
 * a regular file or does not exist (a directory is refused before any
 * file is touched), then writes each to a temp file of a unique name in
 * its directory ("PATH.tmp.XXXXXX", made with mkstemp: never through a
 * symlink, never shared with another run), then renames them all into
 * place with SIGINT, SIGTERM, SIGHUP and SIGXFSZ held. The temp files
 * are removed on every error and when one of those signals ends pnc while
 * they are written. A file that already holds exactly `content` is left alone
 * (its mtime too, so make rebuilds nothing). Returns 2 after reporting
 * when any file cannot be written, with no output changed; otherwise 0. */
int outfiles_write(const outfile *files, size_t count, diag *d);

/* Whether paths `a` and `b` name one file: the same device and inode
 * when both exist, else the same path once their directories are
 * resolved (realpath), so "-o x.c --header ./x.c" is caught before x.c
 * exists. */
int outfile_same(const char *a, const char *b);

/* The name of an output that goes with the C file `c_path`: its name with
 * the ".c" replaced by '.' and `ext` ("foo.c" -> "foo.h"), or with '.' and
 * `ext` appended when it has no ".c". Free it. */
char *outfile_sibling(const char *c_path, char ext);

#endif
