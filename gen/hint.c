#include "hint.h"

#include <string.h>

#define HINT_MAX_LEN 64

size_t hint_distance(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t rows[3][HINT_MAX_LEN + 1];
    size_t *before = rows[0], *prev = rows[1], *cur = rows[2];
    size_t i, j;

    if (alen > HINT_MAX_LEN || blen > HINT_MAX_LEN)
        return (size_t)-1;
    for (j = 0; j <= blen; j++)
        prev[j] = j;
    for (i = 1; i <= alen; i++) {
        size_t *spare = before;
        cur[0] = i;
        for (j = 1; j <= blen; j++) {
            size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && before[j - 2] + 1 < best)
                best = before[j - 2] + 1;
            cur[j] = best;
        }
        before = prev;
        prev = cur;
        cur = spare;
    }
    return prev[blen];
}

size_t hint_allowed(size_t len)
{
    return len < 6 ? 1 : 2;
}

const char *hint_closest(const char *word, size_t len,
                         const char *const *names, size_t count)
{
    const char *best = NULL;
    size_t best_distance = (size_t)-1, i;
    size_t allowed = hint_allowed(len);

    if (len == 0 || len > HINT_MAX_LEN)
        return NULL;
    for (i = 0; i < count; i++) {
        size_t name_len = strlen(names[i]);
        size_t distance;
        if (name_len > HINT_MAX_LEN)
            continue;
        distance = hint_distance(word, len, names[i], name_len);
        if (distance < best_distance) {
            best_distance = distance;
            best = names[i];
        }
    }
    return best_distance <= allowed ? best : NULL;
}
