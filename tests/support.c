/* support.c: what the tests share (support.h). */
#define _POSIX_C_SOURCE 200809L

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unity.h"

char out_text[RUN_TEXT_SIZE];
char err_text[RUN_TEXT_SIZE];

/* The directory fresh_dir() made last, where run() keeps its output. */
static char run_dir[4096];

/* Runs `format` (one %s, given `arg` quoted for the shell's single quotes,
 * which no path here contains) with system(); returns what it returns. */
static int shell(const char *format, const char *arg)
{
    size_t size = strlen(format) + strlen(arg) + 1;
    char *command = malloc(size);
    int status;

    TEST_ASSERT_NOT_NULL(command);
    snprintf(command, size, format, arg);
    status = system(command);
    free(command);
    return status;
}

void fresh_dir(const char *dir)
{
    size_t len = strlen(dir);

    TEST_ASSERT_TRUE_MESSAGE(len > 0 && len < sizeof run_dir &&
                                 strchr(dir, '\'') == NULL,
                             dir);
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, shell("d='%s' && rm -rf \"$d\" && mkdir -p \"$d\"", dir), dir);
    memcpy(run_dir, dir, len + 1);
}

int run(const char *command)
{
    size_t size = strlen(command) + 2 * strlen(run_dir) + 32;
    char *line, path[sizeof run_dir + 8];
    int status;

    TEST_ASSERT_TRUE_MESSAGE(run_dir[0] != '\0', "run() before fresh_dir()");
    line = malloc(size);
    TEST_ASSERT_NOT_NULL(line);
    snprintf(line, size, "(%s) >'%s/out' 2>'%s/err'", command, run_dir,
             run_dir);
    fflush(stdout);
    status = system(line);
    free(line);
    snprintf(path, sizeof path, "%s/out", run_dir);
    slurp(path, out_text, sizeof out_text);
    snprintf(path, sizeof path, "%s/err", run_dir);
    slurp(path, err_text, sizeof err_text);
    TEST_ASSERT_TRUE_MESSAGE(status != -1 && WIFEXITED(status), command);
    return WEXITSTATUS(status);
}

int have(const char *tool)
{
    return shell("command -v '%s' >/dev/null 2>&1", tool) == 0;
}

const char *tail(const char *text)
{
    size_t len = strlen(text);
    return len > 300 ? text + len - 300 : text;
}

const char *absolute(const char *path, char *out, size_t size)
{
    char cwd[4096];
    int n;

    if (path[0] == '/') {
        n = snprintf(out, size, "%s", path);
    } else {
        TEST_ASSERT_NOT_NULL(getcwd(cwd, sizeof cwd));
        n = snprintf(out, size, "%s/%s", cwd, path);
    }
    TEST_ASSERT_TRUE_MESSAGE(n >= 0 && (size_t)n < size, path);
    return out;
}

unsigned columns_of(const char *s, size_t len)
{
    unsigned n = 0;
    size_t i;

    for (i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0u) != 0x80u)
            n++;
    return n;
}

long slurp(const char *path, char *into, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n;
    int too_long;

    into[0] = '\0';
    if (!f)
        return -1;
    n = fread(into, 1, size - 1, f);
    into[n] = '\0';
    too_long = fgetc(f) != EOF;
    fclose(f);
    return too_long ? -1 : (long)n;
}

/* ---- Words --------------------------------------------------------------- */

/* Separators beyond ASCII punctuation and space: no-break space, « » – —
 * ‑ ’ “ ” „ • §. Everything else non-ASCII is part of a word. */
size_t word_separator(const unsigned char *s)
{
    static const char *const marks[] = {
        "\xc2\xa0", "\xc2\xab", "\xc2\xbb", "\xc2\xa7", "\xe2\x80\x93",
        "\xe2\x80\x94", "\xe2\x80\x91", "\xe2\x80\x99", "\xe2\x80\x9c",
        "\xe2\x80\x9d", "\xe2\x80\x9e", "\xe2\x80\xa2",
    };
    size_t i;

    if (s[0] < 0x80)
        return (s[0] >= '0' && s[0] <= '9') || (s[0] >= 'a' && s[0] <= 'z') ||
                       (s[0] >= 'A' && s[0] <= 'Z')
                   ? 0
                   : 1;
    for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strncmp((const char *)s, marks[i], strlen(marks[i])) == 0)
            return strlen(marks[i]);
    return 0;
}

void add_words(word_list *w, const char *line)
{
    const unsigned char *s = (const unsigned char *)line;

    while (*s) {
        const unsigned char *start;
        size_t sep = word_separator(s);
        if (sep) {
            s += sep;
            continue;
        }
        start = s;
        while (*s && word_separator(s) == 0)
            s++;
        if (w->count == w->cap) {
            w->cap = w->cap ? 2 * w->cap : 256;
            w->items = realloc(w->items, w->cap * sizeof *w->items);
            TEST_ASSERT_NOT_NULL(w->items);
        }
        w->items[w->count] = malloc((size_t)(s - start) + 1);
        memcpy(w->items[w->count], start, (size_t)(s - start));
        w->items[w->count][s - start] = '\0';
        w->count++;
    }
}

void free_words(word_list *w)
{
    size_t i;
    for (i = 0; i < w->count; i++)
        free(w->items[i]);
    free(w->items);
}

const char *make_dejavu_bdf(const char *face, unsigned px, const char *bdf)
{
    static char reason[300];
    char ttf[200], command[600];
    FILE *f;

    if (!have("otf2bdf"))
        return "skipped: otf2bdf not found (package otf2bdf)";
    snprintf(ttf, sizeof ttf, "/usr/share/fonts/truetype/dejavu/%s.ttf",
             face);
    f = fopen(ttf, "rb");
    if (!f) {
        snprintf(reason, sizeof reason,
                 "skipped: %s not found (fonts-dejavu-core)", ttf);
        return reason;
    }
    fclose(f);
    /* otf2bdf's exit status is not reliable; its output is checked. */
    snprintf(command, sizeof command, "otf2bdf -p %u -r 72 -o %s %s", px,
             bdf, ttf);
    run(command);
    f = fopen(bdf, "rb");
    TEST_ASSERT_TRUE_MESSAGE(f != NULL, "otf2bdf wrote no font");
    TEST_ASSERT_EQUAL_INT(0, fseek(f, 0, SEEK_END));
    TEST_ASSERT_TRUE_MESSAGE(ftell(f) > 1000, "otf2bdf wrote a stub font");
    fclose(f);
    return NULL;
}

uint32_t code_ref(const unsigned char *refs, unsigned bits, uint32_t k)
{
    uint32_t ref = 0, at = bits * k, j;

    for (j = 0; j < bits; j++, at++)
        ref |= (uint32_t)(refs[at / 8u] >> (at % 8u) & 1u) << j;
    return ref;
}

void set_code_ref(unsigned char *refs, unsigned bits, uint32_t k,
                  uint32_t ref)
{
    uint32_t at = bits * k, j;

    for (j = 0; j < bits; j++, at++) {
        unsigned char bit = (unsigned char)(1u << (at % 8u));
        if (ref >> j & 1u)
            refs[at / 8u] |= bit;
        else
            refs[at / 8u] &= (unsigned char)~bit;
    }
}
