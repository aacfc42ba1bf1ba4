/* support.h: what the tests share: the paths the Makefile passes, running
 * shell commands, scratch directories and file helpers. */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/* The Makefile passes these (TEST_CFLAGS); the defaults are its own. */
#ifndef BUILD_DIR
#define BUILD_DIR "build"
#endif
#ifndef PNC_PATH
#define PNC_PATH BUILD_DIR "/pnc"
#endif
#ifndef TEST_CC
#define TEST_CC "cc"
#endif
#ifndef MAKE_CMD
#define MAKE_CMD "make"
#endif

/* What the last run() printed on its standard output and error. */
#define RUN_TEXT_SIZE (1 << 20)
extern char out_text[RUN_TEXT_SIZE];
extern char err_text[RUN_TEXT_SIZE];

/* Removes the directory `dir` with whatever an earlier run left in it,
 * creates it empty, and makes it where run() keeps the output it reads
 * back. For setUp(); fails the test if it cannot. */
void fresh_dir(const char *dir);

/* Runs `command` with the shell, in a subshell of its own, its standard
 * output and error read back into out_text and err_text (each cut at
 * RUN_TEXT_SIZE - 1 bytes). Returns its exit status; fails the test if it
 * did not exit (a signal ended it) or fresh_dir() was not called. */
int run(const char *command);

/* Whether `tool` is a command on the PATH. */
int have(const char *tool);

/* Makes the DejaVu face `face` ("DejaVuSans", "DejaVuSans-Bold") at `px`
 * pixels into the BDF file `bdf` with otf2bdf (packages otf2bdf and
 * fonts-dejavu-core); NULL, or "skipped: ..." saying what is missing. */
const char *make_dejavu_bdf(const char *face, unsigned px, const char *bdf);

/* Ref `k` of the code tables' refs at `refs`, `bits` bits each, least
 * significant bit first (runtime/pn_format.h); and the same made `ref`,
 * for tests that damage or rebuild a catalog's pairs. */
uint32_t code_ref(const unsigned char *refs, unsigned bits, uint32_t k);
void set_code_ref(unsigned char *refs, unsigned bits, uint32_t k,
                  uint32_t ref);

/* The end of a long text (its last 300 bytes), where a failed command
 * says why. */
const char *tail(const char *text);

/* `path` made absolute against the current directory into `out` (`size`
 * bytes); returns `out`. Fails the test if it does not fit. */
const char *absolute(const char *path, char *out, size_t size);

/* The characters in the `len` bytes of UTF-8 at `s`: the columns they
 * take on a character display. */
unsigned columns_of(const char *s, size_t len);

/* Reads the file at `path` into `into` (`size` >= 1 bytes), NUL-terminated;
 * "" when it cannot be opened. Returns the bytes read, or -1 when the file
 * cannot be opened or does not fit (`into` then holds what fitted). */
long slurp(const char *path, char *into, size_t size);

/* A text's words, as the round trips compare them (test_roundtrip.c,
 * test_pixel.c): runs of characters between separators. */
typedef struct word_list {
    char **items;
    size_t count, cap;
} word_list;

/* The bytes of the separator at `s` (ASCII punctuation or space, or one
 * of no-break space, « » – — ‑ ’ “ ” „ • §), or 0 inside a word. */
size_t word_separator(const unsigned char *s);

/* Appends the words of the NUL-terminated `line` to `w` (which starts
 * zeroed); free_words() releases them. */
void add_words(word_list *w, const char *line);
void free_words(word_list *w);

#endif
