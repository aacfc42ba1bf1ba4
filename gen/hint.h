/* hint.h: "did you mean" suggestions for misspelt names. */
#ifndef PNC_HINT_H
#define PNC_HINT_H

#include <stddef.h>

/* The name in `names` closest to the `len` bytes at `word` by edit
 * distance, if it is close enough to be a likely typo; otherwise NULL. */
const char *hint_closest(const char *word, size_t len,
                         const char *const *names, size_t count);

#endif
