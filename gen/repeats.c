#include "repeats.h"

#include <stdlib.h>

#include "buf.h"

typedef struct list {
    const void *items;
    repeats_order_fn order;
} list;

typedef struct entry {
    unsigned long hash;
    size_t item;
    const list *of;
} entry;

/* By hash, then key, then position, so the first of equal keys leads. */
static int by_hash_key_item(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int order;

    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    order = x->of->order(x->of->items, x->item, y->item);
    if (order)
        return order;
    return x->item < y->item ? -1 : x->item > y->item;
}

void repeats_find(const void *items, size_t count, repeats_hash_fn hash,
                  repeats_order_fn order, size_t *first)
{
    entry *e = xmalloc(count * sizeof *e);
    size_t i, lead = 0;
    list of;

    of.items = items;
    of.order = order;
    for (i = 0; i < count; i++) {
        e[i].hash = hash(items, i);
        e[i].item = i;
        e[i].of = &of;
    }
    qsort(e, count, sizeof *e, by_hash_key_item);
    for (i = 0; i < count; i++) {
        if (e[i].hash != e[lead].hash ||
            order(items, e[lead].item, e[i].item) != 0)
            lead = i;
        first[e[i].item] = e[lead].item;
    }
    free(e);
}
