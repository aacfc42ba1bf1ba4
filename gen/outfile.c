#include "outfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int holds_exactly(const char *path, const buf *content)
{
    FILE *f = fopen(path, "rb");
    unsigned char chunk[8192];
    size_t seen = 0, n;
    int same = 1;

    if (!f)
        return 0;
    while (same && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (seen + n > content->len ||
            memcmp(chunk, content->data + seen, n) != 0)
            same = 0;
        seen += n;
    }
    if (ferror(f))
        same = 0;
    fclose(f);
    return same && seen == content->len;
}

static char *temp_path(const char *path)
{
    size_t len = strlen(path);
    char *tmp = xmalloc(len + 5);
    memcpy(tmp, path, len);
    memcpy(tmp + len, ".tmp", 5);
    return tmp;
}

static int write_file(const char *path, const buf *content, diag *d)
{
    FILE *f = fopen(path, "wb");
    int failed;

    if (!f) {
        diag_plain(d, DIAG_ERROR, "cannot create '%s': %s", path,
                   strerror(errno));
        return 0;
    }
    failed = content->len &&
             fwrite(content->data, 1, content->len, f) != content->len;
    failed |= fflush(f) != 0;
    failed |= ferror(f) != 0;
    if (fclose(f) != 0)
        failed = 1;
    if (failed) {
        diag_plain(d, DIAG_ERROR, "cannot write '%s': %s", path,
                   strerror(errno));
        remove(path);
        return 0;
    }
    return 1;
}

int outfiles_write(const outfile *files, size_t count, diag *d)
{
    char **temps = xmalloc(count * sizeof *temps);
    size_t i;
    int ok = 1;

    for (i = 0; i < count; i++) {
        temps[i] = NULL;
        if (!ok || holds_exactly(files[i].path, files[i].content))
            continue;
        temps[i] = temp_path(files[i].path);
        if (!write_file(temps[i], files[i].content, d)) {
            free(temps[i]);
            temps[i] = NULL;
            ok = 0;
        }
    }
    for (i = 0; i < count; i++) {
        if (!temps[i])
            continue;
        if (!ok) {
            remove(temps[i]);
        } else if (rename(temps[i], files[i].path) != 0) {
            diag_plain(d, DIAG_ERROR, "cannot replace '%s': %s",
                       files[i].path, strerror(errno));
            remove(temps[i]);
            ok = 0;
        }
        free(temps[i]);
    }
    free(temps);
    return ok ? 0 : 2;
}

char *outfile_sibling(const char *c_path, char ext)
{
    size_t len = strlen(c_path);
    char *path = xmalloc(len + 3);

    memcpy(path, c_path, len + 1);
    if (len >= 2 && strcmp(path + len - 2, ".c") == 0) {
        path[len - 1] = ext;
    } else {
        path[len] = '.';
        path[len + 1] = ext;
        path[len + 2] = '\0';
    }
    return path;
}
