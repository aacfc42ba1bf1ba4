/* huffman.c: Huffman code lengths, limited to HUFF_MAX_LEN bits.
 *
 * The classic two-queue construction over the symbols sorted by frequency.
 * When the longest code is too long, the frequencies are halved (never to
 * 0) and the code built again: the lengths flatten towards a balanced
 * tree, which always fits since pnc has at most 4095 symbols. */
#include "huffman.h"

#include <stdlib.h>

#include "buf.h"

typedef struct node {
    uint64_t weight;
    size_t parent;             /* index in the node array, 0 for the root */
} node;

typedef struct leaf {
    uint32_t freq;
    size_t symbol;
} leaf;

static int compare_leaves(const void *a, const void *b)
{
    const leaf *x = a, *y = b;
    if (x->freq != y->freq)
        return x->freq < y->freq ? -1 : 1;
    return x->symbol < y->symbol ? -1 : x->symbol > y->symbol;
}

/* Builds the tree over `n` >= 2 sorted leaves; returns the longest code. */
static unsigned build(const leaf *leaves, size_t n, unsigned char *len)
{
    node *nodes = xmalloc((2 * n - 1) * sizeof *nodes);
    size_t next_leaf = 0, next_inner = n, made = n, i;
    unsigned longest = 0;

    for (i = 0; i < n; i++) {
        nodes[i].weight = leaves[i].freq;
        nodes[i].parent = 0;
    }
    /* Leaves are nodes [0, n), inner nodes are made in weight order. */
    while (made < 2 * n - 1) {
        size_t pick[2], k;
        for (k = 0; k < 2; k++) {
            if (next_leaf < n && (next_inner >= made ||
                                  nodes[next_leaf].weight <=
                                      nodes[next_inner].weight))
                pick[k] = next_leaf++;
            else
                pick[k] = next_inner++;
        }
        nodes[made].weight = nodes[pick[0]].weight + nodes[pick[1]].weight;
        nodes[made].parent = 0;
        nodes[pick[0]].parent = made;
        nodes[pick[1]].parent = made;
        made++;
    }
    /* Depths from the root down: a parent is made after its children. */
    {
        unsigned char *depth = xmalloc(2 * n - 1);
        depth[2 * n - 2] = 0;
        for (i = 2 * n - 2; i-- > 0;)
            depth[i] = (unsigned char)(depth[nodes[i].parent] + 1 > 255
                                           ? 255
                                           : depth[nodes[i].parent] + 1);
        for (i = 0; i < n; i++) {
            len[leaves[i].symbol] = depth[i];
            if (depth[i] > longest)
                longest = depth[i];
        }
        free(depth);
    }
    free(nodes);
    return longest;
}

void huff_lengths(const uint32_t *freq, size_t count, unsigned char *len)
{
    leaf *leaves = xmalloc((count ? count : 1) * sizeof *leaves);
    size_t n = 0, i;

    for (i = 0; i < count; i++) {
        len[i] = 0;
        if (freq[i] > 0) {
            leaves[n].freq = freq[i];
            leaves[n].symbol = i;
            n++;
        }
    }
    if (n == 1)
        len[leaves[0].symbol] = 1;
    while (n >= 2) {
        qsort(leaves, n, sizeof *leaves, compare_leaves);
        if (build(leaves, n, len) <= HUFF_MAX_LEN)
            break;
        for (i = 0; i < n; i++)
            leaves[i].freq = leaves[i].freq / 2 + 1;
    }
    free(leaves);
}
