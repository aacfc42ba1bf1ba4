/* hint.h: "did you mean" suggestions for misspelt names. */
#ifndef PNC_HINT_H
#define PNC_HINT_H

#include <stddef.h>

/* The name in `names` closest to the `len` bytes at `word` by edit
 * distance, if it is close enough to be a likely typo; otherwise NULL. */
const char *hint_closest(const char *word, size_t len,
                         const char *const *names, size_t count);

/* The edit distance between the `alen` bytes at `a` and the `blen` at `b`,
 * counting a swap of two neighbours as one edit (optimal string
 * alignment), so "titel" is one edit from "title"; (size_t)-1 when either
 * is longer than 64 bytes. */
size_t hint_distance(const char *a, size_t alen, const char *b, size_t blen);

/* How many edits `hint_closest` takes for a typo in a word of `len`
 * bytes. */
size_t hint_allowed(size_t len);

#endif
