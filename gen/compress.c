/* compress.c: training the catalog's text code and encoding texts with it.
 *
 * The scheme: a pair grammar (byte-pair encoding) plus a canonical Huffman
 * code over its symbols, both trained at build time on all the texts of
 * the catalog, then applied to each text on its own.
 *
 * 1. Symbols. Every byte that occurs is a terminal symbol. Training
 *    repeatedly takes the most frequent pairs of adjacent symbols and
 *    gives each a new symbol that stands for the pair, so frequent words
 *    and phrases ("personopplysninger ", " the ") end up as one symbol.
 *    A pair costs two refs in the catalog, each of the fewest bits that
 *    name every pair and byte (11 bits up to 1,824 pairs), so training
 *    stops where the estimated size (the entropy of the symbol stream
 *    plus the pairs) stops falling. A symbol is at most
 *    PN_CODE_MAX_DEPTH pairs deep (the decoder's stack) and stands for
 *    at most PHRASE_MAX bytes.
 * 2. Parse. Each text is then cut into symbols by dynamic programming:
 *    the cut with the fewest bits under the current code lengths, found
 *    with a trie of what each symbol stands for. Two passes: one with
 *    lengths from training, one with the lengths the first pass gives.
 * 3. Code. A Huffman code over the symbols the final parse uses, written
 *    canonically: per code length, where its codes end and where its
 *    bytes and pairs start, so the decoder reads a code with a compare per
 *    length and needs no table built at run time. Bytes have no entry: a
 *    pair names a byte by a ref of its own (PN_CODE_BYTE_REF), and a byte
 *    with a code is one byte of a list. Pairs are numbered in code order;
 *    those no text uses directly but that others are made of come last,
 *    without a code.
 *
 * The decoder (runtime/pn_decode.c) reads one code, then expands the
 * symbol depth first with a stack of at most PN_CODE_MAX_DEPTH refs: any
 * text decodes alone, straight into the caller's buffer.
 *
 * Training reads at most SAMPLE_MAX bytes of distinct text, so huge
 * catalogs still train fast; the parse covers every text. */
#include "compress.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/pn_format.h"
#include "hash.h"
#include "huffman.h"

#define SAMPLE_MAX (256u * 1024u)
#define PHRASE_MAX 48u
#define NO_SYM 0xFFFFu          /* also the separator between texts */
#define COST_NONE 0x3FFFFFFFu   /* a symbol that has no code */
#define MIN_PAIRS 3             /* a pair seen less often is not worth it */
#define LOOKUP_SIZE 16384u      /* > 2 x the pairs of one round */
#define MAX_SYMS (256u + PN_CODE_MAX_PAIRS) /* bytes and pairs */
#define START_BITS 6u           /* the decoder's start table: 64 bytes */

typedef struct sym {
    uint16_t left, right;       /* the pair; left NO_SYM: a byte, in right */
    uint8_t depth;              /* 0 for a byte */
    uint8_t len;                /* bytes it stands for */
} sym;

typedef struct text {
    const char *s;
    size_t len;
    uint16_t *seq;              /* its symbols, after the final parse */
    size_t n;
} text;

struct compressor {
    sym *syms;
    size_t nsyms, cap;
    text *texts;                /* distinct non-empty texts, first seen first */
    size_t ntexts, texts_cap;
    size_t *slots;              /* hash of texts: index + 1, 0 empty */
    size_t slot_mask;
    uint32_t *train_freq;       /* symbol counts at the best training round */
    unsigned char *len;         /* final code length of each symbol, 0: none */
    uint32_t *code;             /* its canonical code */
    uint16_t *new_id;           /* a pair's id in the catalog, NO_SYM if
                                   dropped or a byte */
    uint16_t *order;            /* the coded symbols, in code order */
    uint16_t *pair_order;       /* pair id in the catalog -> symbol */
    size_t coded, pairs, terminals;
    unsigned min_len, max_len;
    unsigned ref_bits;          /* bits of a ref (pn_format.h) */
};

static void *xcalloc(size_t count, size_t size)
{
    void *p = xmalloc(count * size);
    memset(p, 0, count * size);
    return p;
}

/* ---- Distinct texts --------------------------------------------------------- */

static size_t *text_slot(const compressor *c, const char *s, size_t n)
{
    size_t i = hash_bytes(s, n) & c->slot_mask;
    for (;; i = (i + 1) & c->slot_mask) {
        size_t *slot = &c->slots[i];
        const text *t;
        if (*slot == 0)
            return slot;
        t = &c->texts[*slot - 1];
        if (t->len == n && memcmp(t->s, s, n) == 0)
            return slot;
    }
}

static void collect_texts(compressor *c, const char *const *texts,
                          size_t count)
{
    size_t i, slots = 16;

    while (slots < 2 * count + 2)
        slots *= 2;
    c->slots = xcalloc(slots, sizeof *c->slots);
    c->slot_mask = slots - 1;
    for (i = 0; i < count; i++) {
        size_t n, *slot;
        if (!texts[i] || !texts[i][0])
            continue;
        n = strlen(texts[i]);
        slot = text_slot(c, texts[i], n);
        if (*slot)
            continue;
        c->texts = grow_array(c->texts, &c->texts_cap, c->ntexts + 1,
                              sizeof *c->texts);
        c->texts[c->ntexts].s = texts[i];
        c->texts[c->ntexts].len = n;
        c->texts[c->ntexts].seq = NULL;
        c->texts[c->ntexts].n = 0;
        *slot = ++c->ntexts;
    }
}

/* ---- Symbols ------------------------------------------------------------------ */

static uint16_t add_sym(compressor *c, uint16_t left, uint16_t right)
{
    sym *s;
    c->syms = grow_array(c->syms, &c->cap, c->nsyms + 1, sizeof *c->syms);
    s = &c->syms[c->nsyms];
    s->left = left;
    s->right = right;
    if (left == NO_SYM) {
        s->depth = 0;
        s->len = 1;
    } else {
        const sym *a = &c->syms[left], *b = &c->syms[right];
        s->depth = (uint8_t)(1 + (a->depth > b->depth ? a->depth : b->depth));
        s->len = (uint8_t)(a->len + b->len);
    }
    return (uint16_t)c->nsyms++;
}

/* Writes what symbol `s` stands for into `out` (PHRASE_MAX bytes). */
static size_t expand(const compressor *c, uint16_t s, unsigned char *out)
{
    const sym *x = &c->syms[s];
    size_t n;
    if (x->left == NO_SYM) {
        out[0] = (unsigned char)x->right;
        return 1;
    }
    n = expand(c, x->left, out);
    return n + expand(c, x->right, out + n);
}

/* ---- Training ------------------------------------------------------------------ */

/* log2(x) for x >= 1 in 16.16 fixed point, with integers only, so every
 * machine makes the same choices. */
static uint64_t log2_fx(uint64_t x)
{
    unsigned whole = 0, i;
    uint64_t m, frac = 0;

    while ((x >> whole) > 1)
        whole++;
    m = whole >= 30 ? x >> (whole - 30) : x << (30 - whole);
    for (i = 0; i < 16; i++) {
        m = (m * m) >> 30;
        frac <<= 1;
        if (m >= (uint64_t)1 << 31) {
            m >>= 1;
            frac |= 1;
        }
    }
    return (uint64_t)whole << 16 | frac;
}

/* The fewest bits of a ref that name `pairs` pairs and every byte. */
static unsigned ref_bits_for(size_t pairs)
{
    unsigned bits = PN_CODE_MIN_REF_BITS;

    while (pairs > PN_CODE_BYTE_REF(bits))
        bits++;
    return bits;
}

/* The estimated catalog bits (16.16) of stream `seq` and the pairs. */
static uint64_t estimate(const compressor *c, const uint16_t *seq, size_t n,
                         uint32_t *freq, size_t terminals)
{
    uint64_t total = 0, bits = 0;
    size_t i;

    memset(freq, 0, c->nsyms * sizeof *freq);
    for (i = 0; i < n; i++)
        if (seq[i] != NO_SYM)
            freq[seq[i]]++;
    for (i = 0; i < c->nsyms; i++)
        total += freq[i];
    if (total == 0)
        return 0;
    bits = total * log2_fx(total);
    for (i = 0; i < c->nsyms; i++)
        if (freq[i])
            bits -= freq[i] * log2_fx(freq[i]);
    return bits + ((uint64_t)(c->nsyms - terminals) *
                       (2u * ref_bits_for(c->nsyms - terminals))
                   << 16);
}

typedef struct pair {
    uint32_t key;               /* left << 16 | right; UINT32_MAX empty */
    uint32_t count;
} pair;

static int compare_pairs(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static uint32_t hash_key(uint32_t key)
{
    key ^= key >> 16;
    key *= 0x45d9f3bu;
    key ^= key >> 16;
    return key;
}

/* Counts the adjacent pairs of `seq` into `table`; returns the pairs seen
 * at least MIN_PAIRS times, moved to the table's front. */
static size_t count_pairs(const uint16_t *seq, size_t n, pair *table,
                          size_t mask)
{
    size_t i, found = 0;

    for (i = 0; i <= mask; i++)
        table[i].key = UINT32_MAX;
    for (i = 0; i + 1 < n; i++) {
        uint32_t key, h;
        if (seq[i] == NO_SYM || seq[i + 1] == NO_SYM)
            continue;
        key = (uint32_t)seq[i] << 16 | seq[i + 1];
        for (h = hash_key(key) & mask; table[h].key != key;
             h = (h + 1) & mask) {
            if (table[h].key == UINT32_MAX) {
                table[h].key = key;
                table[h].count = 0;
                break;
            }
        }
        table[h].count++;
    }
    for (i = 0; i <= mask; i++)
        if (table[i].key != UINT32_MAX && table[i].count >= MIN_PAIRS)
            table[found++] = table[i];
    return found;
}

/* Replaces the pairs `chosen` by their new symbols `ids` in one pass, left
 * to right; `lookup` (mask + 1 entries) is scratch for finding them. */
static size_t replace_pairs(uint16_t *seq, size_t n, const pair *chosen,
                            const uint16_t *ids, size_t nchosen, pair *lookup,
                            size_t mask)
{
    size_t r = 0, w = 0, k;
    uint32_t h;

    for (k = 0; k <= mask; k++)
        lookup[k].key = UINT32_MAX;
    for (k = 0; k < nchosen; k++) {
        for (h = hash_key(chosen[k].key) & mask; lookup[h].key != UINT32_MAX;
             h = (h + 1) & mask)
            ;
        lookup[h].key = chosen[k].key;
        lookup[h].count = ids[k];
    }
    while (r < n) {
        if (r + 1 < n && seq[r] != NO_SYM && seq[r + 1] != NO_SYM) {
            uint32_t key = (uint32_t)seq[r] << 16 | seq[r + 1];
            for (h = hash_key(key) & mask;
                 lookup[h].key != key && lookup[h].key != UINT32_MAX;
                 h = (h + 1) & mask)
                ;
            if (lookup[h].key == key) {
                seq[w++] = (uint16_t)lookup[h].count;
                r += 2;
                continue;
            }
        }
        seq[w++] = seq[r++];
    }
    return w;
}

/* Picks this round's pairs: the most frequent, each symbol in at most one
 * of them, within the depth, length and symbol limits. */
static size_t choose_pairs(compressor *c, pair *cand, size_t ncand,
                           unsigned char *busy, size_t batch)
{
    size_t i, chosen = 0;

    qsort(cand, ncand, sizeof *cand, compare_pairs);
    memset(busy, 0, c->nsyms);
    for (i = 0; i < ncand && chosen < batch; i++) {
        uint16_t a = (uint16_t)(cand[i].key >> 16), b = (uint16_t)cand[i].key;
        const sym *x = &c->syms[a], *y = &c->syms[b];
        if (c->nsyms - c->terminals + chosen >= PN_CODE_MAX_PAIRS)
            break;
        if (busy[a] || busy[b] || x->len + y->len > PHRASE_MAX ||
            x->depth >= PN_CODE_MAX_DEPTH || y->depth >= PN_CODE_MAX_DEPTH)
            continue;
        busy[a] = busy[b] = 1;
        cand[chosen++] = cand[i];
    }
    return chosen;
}

static void train(compressor *c, uint16_t *seq, size_t n, size_t terminals)
{
    size_t mask = 15, best_nsyms = c->nsyms;
    pair *table;
    uint16_t ids[MAX_SYMS];
    unsigned char *busy = xmalloc(MAX_SYMS);
    pair *lookup = xmalloc(LOOKUP_SIZE * sizeof *lookup);
    uint32_t *freq = xmalloc(MAX_SYMS * sizeof *freq);
    uint64_t best;

    while (mask + 1 < 2 * n)
        mask = mask * 2 + 1;
    table = xmalloc((mask + 1) * sizeof *table);
    best = estimate(c, seq, n, c->train_freq, terminals);
    for (;;) {
        size_t ncand = count_pairs(seq, n, table, mask), k, chosen;
        size_t batch = 1 + (c->nsyms - terminals) / 16;
        uint64_t bits;

        chosen = choose_pairs(c, table, ncand, busy, batch);
        if (chosen == 0)
            break;
        for (k = 0; k < chosen; k++)
            ids[k] = add_sym(c, (uint16_t)(table[k].key >> 16),
                             (uint16_t)table[k].key);
        n = replace_pairs(seq, n, table, ids, chosen, lookup,
                          LOOKUP_SIZE - 1);
        bits = estimate(c, seq, n, freq, terminals);
        if (bits < best) {
            best = bits;
            best_nsyms = c->nsyms;
            memcpy(c->train_freq, freq, c->nsyms * sizeof *freq);
        }
    }
    c->nsyms = best_nsyms;
    free(table);
    free(busy);
    free(lookup);
    free(freq);
}

/* ---- Parse ------------------------------------------------------------------------- */

typedef struct edge {
    uint32_t key;               /* node << 8 | byte; UINT32_MAX empty */
    uint32_t child;
} edge;

/* What every symbol stands for, as a trie: node 0 is the root. */
typedef struct trie {
    uint16_t *sym;              /* the symbol a node spells, NO_SYM if none */
    size_t nodes, cap;
    edge *edges;
    size_t mask;
} trie;

static uint32_t trie_child(const trie *t, uint32_t node, unsigned char byte)
{
    uint32_t key = node << 8 | byte, h;
    for (h = hash_key(key) & t->mask;; h = (h + 1) & t->mask) {
        if (t->edges[h].key == key)
            return t->edges[h].child;
        if (t->edges[h].key == UINT32_MAX)
            return 0;
    }
}

static void trie_build(trie *t, const compressor *c)
{
    unsigned char phrase[PHRASE_MAX];
    size_t total = 1, s, i;

    for (s = 0; s < c->nsyms; s++)
        total += c->syms[s].len;
    t->mask = 15;
    while (t->mask + 1 < 2 * total)
        t->mask = t->mask * 2 + 1;
    t->edges = xmalloc((t->mask + 1) * sizeof *t->edges);
    for (i = 0; i <= t->mask; i++)
        t->edges[i].key = UINT32_MAX;
    t->sym = xmalloc(total * sizeof *t->sym);
    t->sym[0] = NO_SYM;
    t->nodes = 1;
    for (s = 0; s < c->nsyms; s++) {
        size_t n = expand(c, (uint16_t)s, phrase);
        uint32_t node = 0;
        for (i = 0; i < n; i++) {
            uint32_t next = trie_child(t, node, phrase[i]);
            if (next == 0) {
                uint32_t key = node << 8 | phrase[i], h;
                next = (uint32_t)t->nodes++;
                t->sym[next] = NO_SYM;
                for (h = hash_key(key) & t->mask; t->edges[h].key != UINT32_MAX;
                     h = (h + 1) & t->mask)
                    ;
                t->edges[h].key = key;
                t->edges[h].child = next;
            }
            node = next;
        }
        if (t->sym[node] == NO_SYM)
            t->sym[node] = (uint16_t)s;
    }
}

typedef struct parse_space {
    uint32_t *best;             /* bits from a position to the end */
    uint16_t *choice;           /* the symbol taken there */
    size_t cap;
} parse_space;

/* Cuts `t` into the symbols that cost the fewest bits under `cost`, into
 * t->seq, and counts them in `freq`. */
static void parse_text(const compressor *c, const trie *tr,
                       const uint32_t *cost, parse_space *ps, text *t,
                       uint32_t *freq)
{
    const unsigned char *p = (const unsigned char *)t->s;
    size_t L = t->len, i, n = 0;

    if (ps->cap < L + 1) {
        ps->cap = 2 * (L + 1);
        free(ps->best);
        free(ps->choice);
        ps->best = xmalloc(ps->cap * sizeof *ps->best);
        ps->choice = xmalloc(ps->cap * sizeof *ps->choice);
    }
    ps->best[L] = 0;
    for (i = L; i-- > 0;) {
        uint32_t node = 0, best = UINT32_MAX;
        uint16_t pick = NO_SYM;
        size_t k;
        for (k = i; k < L && k - i < PHRASE_MAX; k++) {
            uint16_t s;
            node = trie_child(tr, node, p[k]);
            if (node == 0)
                break;
            s = tr->sym[node];
            if (s != NO_SYM && cost[s] != COST_NONE &&
                ps->best[k + 1] != UINT32_MAX &&
                cost[s] + ps->best[k + 1] <= best) {
                best = cost[s] + ps->best[k + 1];
                pick = s;
            }
        }
        ps->best[i] = best;
        ps->choice[i] = pick;
    }
    if (ps->best[0] == UINT32_MAX)
        abort(); /* every byte that occurs has a symbol */
    free(t->seq);
    t->seq = xmalloc((L ? L : 1) * sizeof *t->seq);
    for (i = 0; i < L; i += c->syms[ps->choice[i]].len) {
        t->seq[n++] = ps->choice[i];
        freq[ps->choice[i]]++;
    }
    t->n = n;
}

/* Code lengths for `freq`; a symbol without a code costs COST_NONE, or
 * HUFF_MAX_LEN + 4 bits if `allow_uncoded`. Both passes allow them: a
 * text outside the training sample may need a byte the sample lacks, and
 * the final code is made from the counts of the pass that used them. */
static void lengths_to_cost(const compressor *c, const uint32_t *freq,
                            int allow_uncoded, uint32_t *cost)
{
    size_t s;
    huff_lengths(freq, c->nsyms, c->len);
    for (s = 0; s < c->nsyms; s++)
        cost[s] = c->len[s] ? c->len[s]
                  : allow_uncoded ? HUFF_MAX_LEN + 4 : COST_NONE;
}

/* Two passes: the training sample with training's counts, then every text
 * with the counts of the first pass. */
static void parse_all(compressor *c, size_t sample_texts)
{
    trie tr;
    parse_space ps = {NULL, NULL, 0};
    uint32_t *cost = xmalloc((c->nsyms + 1) * sizeof *cost);
    uint32_t *freq = xcalloc(c->nsyms + 1, sizeof *freq);
    size_t i;

    trie_build(&tr, c);
    lengths_to_cost(c, c->train_freq, 1, cost);
    for (i = 0; i < sample_texts; i++)
        parse_text(c, &tr, cost, &ps, &c->texts[i], freq);
    lengths_to_cost(c, freq, 1, cost);
    memset(freq, 0, c->nsyms * sizeof *freq);
    for (i = 0; i < c->ntexts; i++)
        parse_text(c, &tr, cost, &ps, &c->texts[i], freq);
    huff_lengths(freq, c->nsyms, c->len);
    free(ps.best);
    free(ps.choice);
    free(tr.sym);
    free(tr.edges);
    free(cost);
    free(freq);
}

/* ---- The code -------------------------------------------------------------------- */

static void keep(compressor *c, uint16_t s, unsigned char *reached)
{
    while (!reached[s]) {
        reached[s] = 1;
        if (c->syms[s].left == NO_SYM)
            return;
        keep(c, c->syms[s].left, reached);
        s = c->syms[s].right;
    }
}

static int is_byte(const compressor *c, size_t s)
{
    return c->syms[s].left == NO_SYM;
}

/* Gives out the codes in canonical order (by length; within a length the
 * bytes, then the pairs, each in symbol order) and numbers the pairs:
 * those with a code in code order, then those without one that others
 * need. */
static void assign_codes(compressor *c)
{
    unsigned char *reached = xcalloc(c->nsyms + 1, 1);
    size_t s;
    unsigned l, pass;
    uint32_t next = 0;

    c->new_id = xmalloc((c->nsyms + 1) * sizeof *c->new_id);
    c->order = xmalloc((c->nsyms + 1) * sizeof *c->order);
    c->pair_order = xmalloc((c->nsyms + 1) * sizeof *c->pair_order);
    c->code = xmalloc((c->nsyms + 1) * sizeof *c->code);
    c->min_len = 0;
    c->max_len = 1;
    for (s = 0; s < c->nsyms; s++) {
        c->new_id[s] = NO_SYM;
        if (c->len[s])
            keep(c, (uint16_t)s, reached);
        if (c->len[s] > c->max_len)
            c->max_len = c->len[s];
        if (c->len[s] && (c->min_len == 0 || c->len[s] < c->min_len))
            c->min_len = c->len[s];
    }
    if (c->min_len == 0)
        c->min_len = 1;
    for (l = 1; l <= c->max_len; l++) {
        for (pass = 0; pass < 2; pass++) {
            for (s = 0; s < c->nsyms; s++) {
                if (c->len[s] != l || is_byte(c, s) != (pass == 0))
                    continue;
                c->code[s] = next++;
                c->order[c->coded++] = (uint16_t)s;
                if (!is_byte(c, s)) {
                    c->new_id[s] = (uint16_t)c->pairs;
                    c->pair_order[c->pairs++] = (uint16_t)s;
                }
            }
        }
        next <<= 1;
    }
    for (s = 0; s < c->nsyms; s++) {
        if (reached[s] && !c->len[s] && !is_byte(c, s)) {
            c->new_id[s] = (uint16_t)c->pairs;
            c->pair_order[c->pairs++] = (uint16_t)s;
        }
    }
    c->ref_bits = ref_bits_for(c->pairs);
    free(reached);
}

compressor *compress_train(const char *const *texts, size_t count)
{
    compressor *c = xmalloc(sizeof *c);
    unsigned char present[256];
    uint16_t terminal[256];
    uint16_t *seq;
    size_t i, j, n = 0, sample_bytes = 0, sample_texts = 0, terminals;

    memset(c, 0, sizeof *c);
    collect_texts(c, texts, count);
    memset(present, 0, sizeof present);
    for (i = 0; i < c->ntexts; i++)
        for (j = 0; j < c->texts[i].len; j++)
            present[(unsigned char)c->texts[i].s[j]] = 1;
    for (i = 0; i < 256; i++)
        terminal[i] = present[i] ? add_sym(c, NO_SYM, (uint16_t)i) : NO_SYM;
    terminals = c->terminals = c->nsyms;

    while (sample_texts < c->ntexts &&
           (sample_bytes == 0 || sample_bytes < SAMPLE_MAX))
        sample_bytes += c->texts[sample_texts++].len + 1;
    seq = xmalloc((sample_bytes + 1) * sizeof *seq);
    for (i = 0; i < sample_texts; i++) {
        for (j = 0; j < c->texts[i].len; j++)
            seq[n++] = terminal[(unsigned char)c->texts[i].s[j]];
        seq[n++] = NO_SYM;
    }
    c->train_freq = xmalloc(MAX_SYMS * sizeof *c->train_freq);
    c->len = xmalloc(MAX_SYMS);
    train(c, seq, n, terminals);
    free(seq);
    parse_all(c, sample_texts);
    assign_codes(c);
    return c;
}

/* The ref a pair entry names symbol `s` by (pn_format.h). */
static uint32_t ref_of(const compressor *c, uint16_t s)
{
    return is_byte(c, s) ? PN_CODE_BYTE_TO_REF(c->ref_bits, c->syms[s].right)
                         : c->new_id[s];
}

void compress_write_tables(const compressor *c, buf *out)
{
    unsigned char head[PN_CODE_HEAD_SIZE] = {0};
    unsigned char rec[PN_CODE_LENGTH_SIZE];
    uint32_t first = 0, bytes = 0, pairs = 0, acc = 0;
    unsigned held = 0, k;
    uint32_t limits[PN_CODE_MAX_LEN + 1];
    unsigned l, start_bits = c->max_len < START_BITS ? c->max_len : START_BITS;
    size_t i, at = 0;

    for (i = 0; i < c->coded; i++)
        bytes += is_byte(c, c->order[i]);
    head[PN_CODE_AT(min_len, 1)] = (unsigned char)c->min_len;
    head[PN_CODE_AT(max_len, 1)] = (unsigned char)c->max_len;
    head[PN_CODE_AT(start_bits, 1)] = (unsigned char)start_bits;
    head[PN_CODE_AT(ref_bits, 1)] = (unsigned char)c->ref_bits;
    store_le(head + PN_CODE_AT(bytes, 2), 2, bytes);
    store_le(head + PN_CODE_AT(pairs, 2), 2, (uint32_t)c->pairs);
    buf_put(out, head, sizeof head);
    for (i = 0; i < PN_CODE_LIMIT_SIZE; i++)
        buf_byte(out, 0); /* the limit before min_len */
    bytes = 0;
    for (l = 1; l <= c->max_len; l++) {
        uint32_t count = 0, in_bytes = 0;
        for (; at < c->coded && c->len[c->order[at]] == l; at++) {
            count++;
            in_bytes += is_byte(c, c->order[at]);
        }
        limits[l] = (first + count) << (PN_CODE_WINDOW - l);
        if (l >= c->min_len) {
            store_le(rec + PN_CODE_LENGTH_AT(limit, 4), 4, limits[l]);
            store_le(rec + PN_CODE_LENGTH_AT(pair_base, 2), 2, pairs);
            rec[PN_CODE_LENGTH_AT(byte_base, 1)] = (unsigned char)bytes;
            rec[PN_CODE_LENGTH_AT(byte_count, 1)] = (unsigned char)in_bytes;
            buf_put(out, rec, sizeof rec);
        }
        bytes += in_bytes;
        pairs += count - in_bytes;
        first = (first + count) << 1;
    }
    for (i = 0; i < (size_t)1 << start_bits; i++) {
        uint32_t v = (uint32_t)i << (PN_CODE_WINDOW - start_bits);
        for (l = c->min_len; l < c->max_len && limits[l] <= v; l++)
            ;
        buf_byte(out, l - c->min_len);
    }
    for (i = 0; i < c->coded; i++)
        if (is_byte(c, c->order[i]))
            buf_byte(out, PN_CODE_BYTE_TO_REF(c->ref_bits,
                                              c->syms[c->order[i]].right) &
                              0xFFu);
    /* The left refs, then the right ones, least significant bit first. */
    for (k = 0; k < 2; k++) {
        for (i = 0; i < c->pairs; i++) {
            const sym *s = &c->syms[c->pair_order[i]];
            acc |= ref_of(c, k ? s->right : s->left) << held;
            for (held += c->ref_bits; held >= 8; held -= 8) {
                buf_byte(out, acc & 0xFFu);
                acc >>= 8;
            }
        }
        if (held > 0)
            buf_byte(out, acc);
        acc = 0;
        held = 0;
    }
}

void compress_put_text(const compressor *c, const char *s, buf *out)
{
    size_t n = s ? strlen(s) : 0, i, *slot;
    const text *t;
    buf bits = {0};
    uint32_t acc = 0;
    unsigned used = 0;

    if (n == 0)
        abort(); /* a length of 0 is a reference (pn_format.h) */
    buf_leb128(out, (uint32_t)n);
    slot = text_slot(c, s, n);
    if (*slot == 0)
        abort(); /* not a text the code was trained on */
    t = &c->texts[*slot - 1];
    for (i = 0; i < t->n; i++) {
        uint16_t x = t->seq[i];
        unsigned l = c->len[x];
        uint32_t code = c->code[x];
        while (l > 0) {
            acc = acc << 1 | ((code >> (l - 1)) & 1u);
            l--;
            if (++used == 8) {
                buf_byte(&bits, acc);
                acc = 0;
                used = 0;
            }
        }
    }
    if (used > 0)
        buf_byte(&bits, acc << (8 - used));
    buf_put(out, bits.data, bits.len);
    buf_free(&bits);
}

void compress_free(compressor *c)
{
    size_t i;
    if (!c)
        return;
    for (i = 0; i < c->ntexts; i++)
        free(c->texts[i].seq);
    free(c->texts);
    free(c->slots);
    free(c->syms);
    free(c->train_freq);
    free(c->len);
    free(c->code);
    free(c->new_id);
    free(c->order);
    free(c->pair_order);
    free(c);
}
