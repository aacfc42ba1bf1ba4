/* repeats.h: which items of a list repeat an earlier one. The items are
 * sorted by a hash of their key, then by the key itself, so that equal
 * keys end up side by side: O(n log n) however many items, repeats and
 * hash collisions there are. The checks find repeated section ids,
 * titles, texts and characters with it, and match sections and notices
 * by name. */
#ifndef PNC_REPEATS_H
#define PNC_REPEATS_H

#include <stddef.h>

/* A hash of the key of item i of `items`: equal keys, equal hashes. */
typedef unsigned long (*repeats_hash_fn)(const void *items, size_t i);

/* Below, at or above 0 as item a's key sorts before, equals or sorts after
 * item b's. */
typedef int (*repeats_order_fn)(const void *items, size_t a, size_t b);

/* Sets first[i], for each of the `count` items, to the index of the first
 * item whose key equals item i's: i itself when no earlier item has it.
 * The caller numbers the items from 0; `items` is passed to `hash` and
 * `order` as it is. */
void repeats_find(const void *items, size_t count, repeats_hash_fn hash,
                  repeats_order_fn order, size_t *first);

#endif
