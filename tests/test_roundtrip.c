/* Round trip: each seed notice, read back from the bundled catalog through
 * libpn, must hold the seed's words in the seed's order. The words that
 * may differ are the documented corrections below, and nothing else:
 * no seed word lost, no word added. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pn.h"
#include "unity.h"

typedef struct words {
    char **items;
    size_t count, cap;
} words;

typedef struct seed_case {
    const char *policy;
    const char *path;
    size_t missing;            /* seed words documented as not in order */
    size_t added;              /* output words documented as extra */
    const char *const *may_miss; /* the only words allowed to be missing */
    const char *why;
} seed_case;

static const char *const internia_miss[] = {"Internia", "Personvernsvilkår",
                                            "Gå", "til", "toppen", NULL};
static const char *const intech_miss[] = {"Personvern", "Personvernerklæring",
                                          NULL};
static const char *const ittotal_miss[] = {"Personvernerklæring", NULL};
static const char *const none[] = {NULL};

static const seed_case cases[] = {
    {"internia", "tests/fixtures/seeds/000_41aa4475015aa5b4.txt", 4, 1,
     internia_miss,
     "title shown before the site name 'Internia'; the web link "
     "'Gå til toppen' left out"},
    {"intech", "tests/fixtures/seeds/001_e22a9e14bd6dcfc6.txt", 1, 1,
     intech_miss, "title shown before the breadcrumb 'Personvern'"},
    {"ntc", "tests/fixtures/seeds/002_a9cd914781764143.txt", 0, 0, none,
     "none"},
    {"ittotal", "tests/fixtures/seeds/003_568b9288482808ac.txt", 1, 1,
     ittotal_miss, "title shown before the site's top bar (phone, e-mail)"},
    {"nitd", "tests/fixtures/seeds/004_b4dd8f8372d23087.txt", 0, 0, none,
     "none"},
};

static pn_catalog cat;
static char text[65536];

void setUp(void)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE));
}

void tearDown(void)
{
}

/* ---- Words ----------------------------------------------------------------- */

/* Separators beyond ASCII punctuation and space: no-break space, « » – —
 * ‑ ’ “ ” „ • §. Everything else non-ASCII is part of a word. */
static size_t separator_length(const unsigned char *s)
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

static void add_words(words *w, const char *line)
{
    const unsigned char *s = (const unsigned char *)line;

    while (*s) {
        const unsigned char *start;
        size_t sep = separator_length(s);
        if (sep) {
            s += sep;
            continue;
        }
        start = s;
        while (*s && separator_length(s) == 0)
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

static void free_words(words *w)
{
    size_t i;
    for (i = 0; i < w->count; i++)
        free(w->items[i]);
    free(w->items);
}

static void read_seed(const char *path, words *w)
{
    FILE *f = fopen(path, "rb");
    static char all[1 << 16];
    size_t n;

    TEST_ASSERT_NOT_NULL(f);
    n = fread(all, 1, sizeof all - 1, f);
    fclose(f);
    all[n] = '\0';
    add_words(w, all);
}

/* The notice as the device gets it: title, headings, blocks, in order. */
static void read_notice(const char *policy, words *w)
{
    pn_notice notice;
    uint32_t i, j;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&cat, policy, "nb", &notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_title(&notice, text, sizeof text, NULL));
    add_words(w, text);
    for (i = 0; i < notice.section_count; i++) {
        pn_section sec;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&notice, i, &sec));
        add_words(w, sec.number);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_title(&sec, text, sizeof text, NULL));
        add_words(w, text);
        for (j = 0; j < sec.block_count; j++) {
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, j, NULL, text,
                                                       sizeof text, NULL));
            add_words(w, text);
        }
    }
}

/* Longest common subsequence of the two word lists; marks the seed words
 * it keeps in `kept`. */
static size_t common_words(const words *seed, const words *out, char *kept)
{
    size_t rows = seed->count + 1, cols = out->count + 1, i, j, total;
    unsigned short *table = calloc(rows * cols, sizeof *table);

    TEST_ASSERT_NOT_NULL(table);
    for (i = seed->count; i-- > 0;)
        for (j = out->count; j-- > 0;)
            table[i * cols + j] =
                strcmp(seed->items[i], out->items[j]) == 0
                    ? (unsigned short)(table[(i + 1) * cols + j + 1] + 1)
                    : table[(i + 1) * cols + j] > table[i * cols + j + 1]
                          ? table[(i + 1) * cols + j]
                          : table[i * cols + j + 1];
    total = table[0];
    memset(kept, 0, seed->count);
    for (i = 0, j = 0; i < seed->count && j < out->count;) {
        if (strcmp(seed->items[i], out->items[j]) == 0) {
            kept[i++] = 1;
            j++;
        } else if (table[(i + 1) * cols + j] >= table[i * cols + j + 1]) {
            i++;
        } else {
            j++;
        }
    }
    free(table);
    return total;
}

static int allowed(const char *word, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(word, *list) == 0)
            return 1;
    return 0;
}

static void check_seed(const seed_case *c)
{
    words seed = {0}, out = {0};
    char *kept, report[1024];
    size_t matched, i, used;

    read_seed(c->path, &seed);
    read_notice(c->policy, &out);
    TEST_ASSERT_TRUE(seed.count > 300);
    kept = malloc(seed.count);
    TEST_ASSERT_NOT_NULL(kept);
    matched = common_words(&seed, &out, kept);

    used = (size_t)snprintf(report, sizeof report,
                            "%s: %lu of %lu seed words in order (%.2f%%); "
                            "corrections: %s; missing:",
                            c->policy, (unsigned long)matched,
                            (unsigned long)seed.count,
                            100.0 * (double)matched / (double)seed.count, c->why);
    for (i = 0; i < seed.count; i++) {
        if (kept[i])
            continue;
        if (used < sizeof report)
            used += (size_t)snprintf(report + used, sizeof report - used,
                                     " %s", seed.items[i]);
        TEST_ASSERT_TRUE_MESSAGE(allowed(seed.items[i], c->may_miss), report);
    }
    TEST_MESSAGE(report);
    TEST_ASSERT_EQUAL_size_t(c->missing, seed.count - matched);
    TEST_ASSERT_EQUAL_size_t(c->added, out.count - matched);
    free(kept);
    free_words(&seed);
    free_words(&out);
}

static void test_internia(void) { check_seed(&cases[0]); }
static void test_intech(void) { check_seed(&cases[1]); }
static void test_ntc(void) { check_seed(&cases[2]); }
static void test_ittotal(void) { check_seed(&cases[3]); }
static void test_nitd(void) { check_seed(&cases[4]); }

static void test_word_splitting(void)
{
    words w = {0};
    add_words(&w, "«Hei» – på\xc2\xa0" "deg, e\xe2\x80\x91" "post: a@b.no!");
    TEST_ASSERT_EQUAL_size_t(8, w.count);
    TEST_ASSERT_EQUAL_STRING("Hei", w.items[0]);
    TEST_ASSERT_EQUAL_STRING("på", w.items[1]);
    TEST_ASSERT_EQUAL_STRING("deg", w.items[2]);
    TEST_ASSERT_EQUAL_STRING("e", w.items[3]);
    TEST_ASSERT_EQUAL_STRING("post", w.items[4]);
    TEST_ASSERT_EQUAL_STRING("no", w.items[7]);
    free_words(&w);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_word_splitting);
    RUN_TEST(test_internia);
    RUN_TEST(test_intech);
    RUN_TEST(test_ntc);
    RUN_TEST(test_ittotal);
    RUN_TEST(test_nitd);
    return UNITY_END();
}
