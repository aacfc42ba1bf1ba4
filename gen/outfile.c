/* outfile.c: outputs written to unique temp files beside them, checked
 * before any is replaced, renamed into place together, and the temps
 * removed on every error and on SIGINT, SIGTERM, SIGHUP and SIGXFSZ. */
#define _XOPEN_SOURCE 700 /* SIGXFSZ, realpath */

#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temp files that exist now, in static storage so that the signal
 * handler can unlink them with nothing but async-signal-safe calls. A name
 * is live only while its flag is set; both change with the signals below
 * blocked. */
#define TEMP_NAME_MAX 4096
static char (*temp_names)[TEMP_NAME_MAX];
static volatile sig_atomic_t *temp_live;
static size_t temp_count;     /* entries of both, set before the handler */

/* SIGXFSZ too: a write past the file size limit ends pnc like a kill. */
static const int caught[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};
#define CAUGHT_COUNT (sizeof caught / sizeof caught[0])

/* Removes the temp files, then ends the process as the signal would have:
 * SA_RESETHAND restored the default action, and the signal raised here
 * is delivered when the handler returns. */
static void remove_temps_on_signal(int sig)
{
    size_t i;

    for (i = 0; i < temp_count; i++) {
        if (temp_live[i])
            unlink(temp_names[i]);
    }
    raise(sig);
}

/* Installs the handler for each caught signal that is not ignored (nohup
 * stays nohup); `old` receives what was there. */
static void catch_signals(struct sigaction old[CAUGHT_COUNT])
{
    struct sigaction sa;
    size_t i;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_temps_on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < CAUGHT_COUNT; i++)
        sigaddset(&sa.sa_mask, caught[i]);
    for (i = 0; i < CAUGHT_COUNT; i++) {
        sigaction(caught[i], NULL, &old[i]);
        if (old[i].sa_handler != SIG_IGN)
            sigaction(caught[i], &sa, NULL);
    }
}

static void restore_signals(const struct sigaction old[CAUGHT_COUNT])
{
    size_t i;

    for (i = 0; i < CAUGHT_COUNT; i++)
        sigaction(caught[i], &old[i], NULL);
}

/* Blocks (`block` 1) or unblocks the caught signals. */
static void hold_signals(int block)
{
    sigset_t set;
    size_t i;

    sigemptyset(&set);
    for (i = 0; i < CAUGHT_COUNT; i++)
        sigaddset(&set, caught[i]);
    sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

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

/* Whether `path` can be replaced by a file: it does not exist yet, or it
 * is a regular file (or a link to one). A directory or a device is
 * refused before any output is touched. */
static int can_replace(const char *path, diag *d)
{
    struct stat st;

    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return 1;
    diag_plain(d, DIAG_ERROR, "cannot write '%s': %s", path,
               S_ISDIR(st.st_mode) ? strerror(EISDIR)
                                   : "it is not a regular file");
    return 0;
}

static int write_all(int fd, const buf *content)
{
    size_t done = 0;

    while (done < content->len) {
        ssize_t n = write(fd, content->data + done, content->len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        done += (size_t)n;
    }
    return 1;
}

/* Creates temp file `slot` as "PATH.tmp.XXXXXX" (mkstemp: a new file, a
 * name no other run has, never through a symlink), with the mode a new
 * file gets, and writes `content` into it. */
static int write_temp(size_t slot, const char *path, const buf *content,
                      mode_t mode, diag *d)
{
    static const char suffix[] = ".tmp.XXXXXX";
    size_t len = strlen(path);
    int fd, saved;

    if (len + sizeof suffix > TEMP_NAME_MAX) {
        diag_plain(d, DIAG_ERROR, "cannot create '%s': %s", path,
                   strerror(ENAMETOOLONG));
        return 0;
    }
    hold_signals(1);
    memcpy(temp_names[slot], path, len);
    memcpy(temp_names[slot] + len, suffix, sizeof suffix);
    fd = mkstemp(temp_names[slot]);
    temp_live[slot] = fd >= 0;
    saved = errno;
    hold_signals(0);
    if (fd < 0) {
        diag_plain(d, DIAG_ERROR, "cannot create '%s': %s", path,
                   strerror(saved));
        return 0;
    }
    if (fchmod(fd, mode) != 0 || !write_all(fd, content)) {
        saved = errno;
        close(fd);
        diag_plain(d, DIAG_ERROR, "cannot write '%s': %s", path,
                   strerror(saved));
        return 0;
    }
    if (close(fd) != 0) {
        diag_plain(d, DIAG_ERROR, "cannot write '%s': %s", path,
                   strerror(errno));
        return 0;
    }
    return 1;
}

static void remove_temp(size_t slot)
{
    hold_signals(1);
    if (temp_live[slot])
        unlink(temp_names[slot]);
    temp_live[slot] = 0;
    hold_signals(0);
}

/* Renames every temp file into place with the signals held, so that
 * SIGINT or SIGTERM cannot stop pnc between two renames. */
static int rename_all(const outfile *files, size_t count, diag *d)
{
    size_t i;
    int ok = 1;

    hold_signals(1);
    for (i = 0; i < count; i++) {
        if (!temp_live[i])
            continue;
        if (ok && rename(temp_names[i], files[i].path) != 0) {
            diag_plain(d, DIAG_ERROR, "cannot replace '%s': %s",
                       files[i].path, strerror(errno));
            ok = 0;
        }
        if (!ok)
            unlink(temp_names[i]);
        temp_live[i] = 0;
    }
    hold_signals(0);
    return ok;
}

int outfiles_write(const outfile *files, size_t count, diag *d)
{
    struct sigaction old[CAUGHT_COUNT];
    mode_t mask = umask(0);
    size_t i;
    int ok = 1;

    umask(mask);
    for (i = 0; i < count; i++)
        ok &= can_replace(files[i].path, d);
    if (!ok)
        return 2;
    temp_names = xmalloc((count ? count : 1) * sizeof *temp_names);
    temp_live = xmalloc((count ? count : 1) * sizeof *temp_live);
    for (i = 0; i < count; i++)
        temp_live[i] = 0;
    temp_count = count;
    catch_signals(old);
    for (i = 0; ok && i < count; i++) {
        if (!holds_exactly(files[i].path, files[i].content))
            ok = write_temp(i, files[i].path, files[i].content,
                            (mode_t)(0666 & ~mask), d);
    }
    if (ok)
        ok = rename_all(files, count, d);
    for (i = 0; i < count; i++)
        remove_temp(i);
    restore_signals(old);
    temp_count = 0;
    free((void *)temp_live);
    free(temp_names);
    temp_live = NULL;
    temp_names = NULL;
    return ok ? 0 : 2;
}

/* `path` with its directory made absolute and free of "..", "." and
 * symlinks (realpath), so that two spellings of one file that does not
 * exist yet compare equal; `path` itself when the directory cannot be
 * resolved. Free it. */
static char *normalised(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *dir = slash ? xstrndup(path, (size_t)(slash - path) + 1)
                      : xstrndup(".", 1);
    char *real = realpath(dir, NULL);
    char *result;
    size_t len;

    free(dir);
    if (!real)
        return xstrndup(path, strlen(path));
    len = strlen(real);
    result = xmalloc(len + strlen(base) + 2);
    memcpy(result, real, len);
    if (len == 0 || real[len - 1] != '/')
        result[len++] = '/';
    memcpy(result + len, base, strlen(base) + 1);
    free(real);
    return result;
}

int outfile_same(const char *a, const char *b)
{
    struct stat sa, sb;
    char *na, *nb;
    int same;

    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    na = normalised(a);
    nb = normalised(b);
    same = strcmp(na, nb) == 0;
    free(na);
    free(nb);
    return same;
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
