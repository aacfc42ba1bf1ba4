/* check_structure.c: the shape of a notice: ids unique, heading numbers in
 * sequence, no empty sections, no section given twice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "hash.h"
#include "repeats.h"
#include "rules.h"

/* ---- Section ids --------------------------------------------------------- */

static unsigned long id_hash(const void *items, size_t i)
{
    const char *id = ((const msection *const *)items)[i]->id.s;
    return hash_more(HASH_START, id, strlen(id));
}

static int id_order(const void *items, size_t a, size_t b)
{
    const msection *const *s = items;
    return strcmp(s[a]->id.s, s[b]->id.s);
}

void check_match_ids(const msection *const *sections, size_t count,
                     size_t *first)
{
    repeats_find(sections, count, id_hash, id_order, first);
}

/* A heading without an id, or with an empty one, has already been
 * reported (heading-syntax, section-id-invalid); it has no id to repeat. */
void check_section_ids(const mnotice *n, diag *d)
{
    const msection **with_id = xmalloc(n->section_count * sizeof *with_id);
    size_t *first = xmalloc(n->section_count * sizeof *first);
    size_t i, count = 0;

    for (i = 0; i < n->section_count; i++) {
        const msection *s = &n->sections[i];
        if (s->level > 0 && s->id.s && s->id.s[0])
            with_id[count++] = s;
    }
    check_match_ids(with_id, count, first);
    for (i = 0; i < count; i++) {
        const msection *s = with_id[i], *other = with_id[first[i]];
        if (first[i] == i)
            continue;
        rule_report(d, RULE_SECTION_ID_DUPLICATE, n->src, s->id.offset,
                    s->id.span, "section id '%s' is already used", s->id.s);
        diag_at(d, DIAG_NOTE, n->src, other->id.offset, other->id.span, NULL,
                "first used here");
    }
    free(with_id);
    free(first);
}

/* ---- Heading numbers -------------------------------------------------------- */

#define MAX_NUMBER_PARTS 8

typedef struct number {
    unsigned long part[MAX_NUMBER_PARTS];
    size_t count;
} number;

/* "2", "2.1" or "6." (a trailing dot is a style, not a level). */
static int parse_number(const char *s, number *out)
{
    out->count = 0;
    while (*s) {
        unsigned long value = 0;
        size_t digits = 0;
        while (*s >= '0' && *s <= '9' && digits < 6) {
            value = value * 10 + (unsigned long)(*s - '0');
            s++;
            digits++;
        }
        if (digits == 0 || out->count == MAX_NUMBER_PARTS ||
            (*s != '.' && *s != '\0'))
            return 0;
        out->part[out->count++] = value;
        if (*s == '.')
            s++;
    }
    return out->count > 0;
}

static void format_number(const number *n, char *out, size_t size)
{
    size_t i, used = 0;

    out[0] = '\0';
    for (i = 0; i < n->count && used < size; i++) {
        int w = snprintf(out + used, size - used, "%s%lu", i ? "." : "",
                         n->part[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* The number expected after `prev` at the depth of `next`: the next one at
 * that depth, or the first one a level deeper. */
static number expected_after(const number *prev, const number *next)
{
    number e = *prev;

    if (next->count > prev->count) {
        e.part[e.count++] = 1;
    } else {
        e.count = next->count;
        e.part[e.count - 1]++;
    }
    return e;
}

static int same_number(const number *a, const number *b)
{
    return a->count == b->count &&
           memcmp(a->part, b->part, a->count * sizeof a->part[0]) == 0;
}

static void check_numbers(const mnotice *n, diag *d)
{
    number prev, cur, want;
    int have_prev = 0;
    size_t i;

    for (i = 0; i < n->section_count; i++) {
        const mstr *text = &n->sections[i].number;
        char expected[64], before[64], got[64];

        if (!text->s || text->s[0] == '\0')
            continue;
        if (!parse_number(text->s, &cur)) {
            rule_report(d, RULE_HEADING_NUMBER_SEQUENCE, n->src, text->offset,
                        text->span,
                        "section number '%s' is not of the form 2 or 2.1",
                        text->s);
            continue;
        }
        if (have_prev) {
            want = expected_after(&prev, &cur);
        } else {
            want.count = 1;
            want.part[0] = 1;
            if (cur.count > 1)
                want = expected_after(&want, &cur);
        }
        if (!same_number(&cur, &want)) {
            format_number(&want, expected, sizeof expected);
            format_number(&cur, got, sizeof got);
            if (have_prev) {
                format_number(&prev, before, sizeof before);
                rule_report(d, RULE_HEADING_NUMBER_SEQUENCE, n->src,
                            text->offset, text->span,
                            "section number %s follows %s; expected %s",
                            got, before, expected);
            } else {
                rule_report(d, RULE_HEADING_NUMBER_SEQUENCE, n->src,
                            text->offset, text->span,
                            "the first section number is %s; expected %s",
                            got, expected);
            }
        }
        prev = cur;
        have_prev = 1;
    }
}

/* ---- Empty sections ----------------------------------------------------- */

static void check_empty(const mnotice *n, diag *d)
{
    size_t i;

    for (i = 0; i < n->section_count; i++) {
        const msection *s = &n->sections[i];
        int has_subsection = i + 1 < n->section_count &&
                             n->sections[i + 1].level > s->level;

        if (s->level > 0 && s->block_count == 0 && !has_subsection)
            rule_report(d, RULE_SECTION_EMPTY, n->src, s->title.offset,
                        s->title.span,
                        "section '%s' is empty: it has no text and no "
                        "subsections",
                        s->id.s);
    }
}

/* ---- Duplicate sections ----------------------------------------------------- */

typedef struct section_key {
    size_t index;   /* in the notice */
    size_t parent;  /* index of the enclosing section, or (size_t)-1 */
    const msection *s;
} section_key;

static char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static int compare_titles(const char *a, const char *b)
{
    for (;; a++, b++) {
        char x = lower(*a), y = lower(*b);
        if (x != y || x == '\0')
            return (unsigned char)x - (unsigned char)y;
    }
}

/* Titles match under the same parent, whatever their ASCII case. */
static unsigned long title_hash(const void *items, size_t i)
{
    const section_key *k = (const section_key *)items + i;
    unsigned long h;
    const char *t;

    h = hash_more(HASH_START, &k->parent, sizeof k->parent);
    for (t = k->s->title.s; *t; t++) {
        char c = lower(*t);
        h = hash_more(h, &c, 1);
    }
    return h;
}

static int title_order(const void *items, size_t a, size_t b)
{
    const section_key *x = (const section_key *)items + a;
    const section_key *y = (const section_key *)items + b;

    if (x->parent != y->parent)
        return x->parent < y->parent ? -1 : 1;
    return compare_titles(x->s->title.s, y->s->title.s);
}

/* Texts match when their blocks have the same kinds and text. */
static unsigned long content_hash(const void *items, size_t i)
{
    const msection *s = ((const section_key *)items)[i].s;
    unsigned long h = HASH_START;
    size_t b;

    for (b = 0; b < s->block_count; b++) {
        unsigned char kind = (unsigned char)s->blocks[b].kind;
        h = hash_more(h, &kind, 1);
        h = hash_more(h, s->blocks[b].text.s,
                         strlen(s->blocks[b].text.s));
    }
    return h;
}

static int content_order(const void *items, size_t a, size_t b)
{
    const msection *x = ((const section_key *)items)[a].s;
    const msection *y = ((const section_key *)items)[b].s;
    size_t i;

    if (x->block_count != y->block_count)
        return x->block_count < y->block_count ? -1 : 1;
    for (i = 0; i < x->block_count; i++) {
        int order;
        if (x->blocks[i].kind != y->blocks[i].kind)
            return x->blocks[i].kind < y->blocks[i].kind ? -1 : 1;
        order = strcmp(x->blocks[i].text.s, y->blocks[i].text.s);
        if (order)
            return order;
    }
    return 0;
}

/* Sets `repeats_of[keys[i].index]` to the first section whose key, by
 * `hash` and `order`, is that of section keys[i].index, when that is an
 * earlier one. */
static void find_repeats(const section_key *keys, size_t count,
                         repeats_hash_fn hash, repeats_order_fn order,
                         size_t *repeats_of)
{
    size_t *first = xmalloc(count * sizeof *first);
    size_t i;

    repeats_find(keys, count, hash, order, first);
    for (i = 0; i < count; i++)
        if (first[i] != i)
            repeats_of[keys[i].index] = keys[first[i]].index;
    free(first);
}

static void check_duplicates(const mnotice *n, diag *d)
{
    section_key *keys = xmalloc(n->section_count * sizeof *keys);
    section_key *texts = xmalloc(n->section_count * sizeof *texts);
    size_t *title_of = xmalloc(n->section_count * sizeof *title_of);
    size_t *text_of = xmalloc(n->section_count * sizeof *text_of);
    size_t open[4]; /* the latest section at each level, 0-3 */
    size_t i, count = 0, text_count = 0;

    for (i = 0; i < 4; i++)
        open[i] = (size_t)-1;
    for (i = 0; i < n->section_count; i++) {
        const msection *s = &n->sections[i];
        unsigned level;

        title_of[i] = text_of[i] = (size_t)-1;
        open[s->level] = i;
        for (level = s->level + 1; level < 4; level++)
            open[level] = (size_t)-1;
        if (s->level == 0)
            continue;
        keys[count].index = i;
        keys[count].parent = (size_t)-1;
        for (level = s->level; level-- > 0;) {
            if (open[level] != (size_t)-1) {
                keys[count].parent = open[level];
                break;
            }
        }
        keys[count].s = s;
        if (s->block_count > 0) /* no text is no repeated text */
            texts[text_count++] = keys[count];
        count++;
    }
    find_repeats(keys, count, title_hash, title_order, title_of);
    find_repeats(texts, text_count, content_hash, content_order, text_of);

    for (i = 0; i < n->section_count; i++) {
        const msection *s = &n->sections[i];
        const msection *first;

        if (title_of[i] != (size_t)-1) {
            first = &n->sections[title_of[i]];
            if (rule_report(d, RULE_SECTION_DUPLICATE, n->src, s->title.offset,
                            s->title.span,
                            "a section titled '%s' is already under the "
                            "same heading",
                            s->title.s))
                diag_at(d, DIAG_NOTE, n->src, first->title.offset,
                        first->title.span, NULL, "first given here");
        } else if (text_of[i] != (size_t)-1) {
            first = &n->sections[text_of[i]];
            if (rule_report(d, RULE_SECTION_DUPLICATE, n->src, s->title.offset,
                            s->title.span,
                            "section '%s' has the same text as section '%s'",
                            s->id.s, first->id.s))
                diag_at(d, DIAG_NOTE, n->src, first->title.offset,
                        first->title.span, NULL, "section '%s' is here",
                        first->id.s);
        }
    }
    free(keys);
    free(texts);
    free(title_of);
    free(text_of);
}

void check_structure(const mnotice *n, diag *d)
{
    check_numbers(n, d);
    check_empty(n, d);
    check_duplicates(n, d);
}
