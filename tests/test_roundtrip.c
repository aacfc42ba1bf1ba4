/* Round trip: each seed notice, read back from the bundled catalog through
 * libpn, must hold the seed's words in the seed's order. The words that
 * may differ are the documented corrections below, and nothing else:
 * no seed word lost, no word added.
 * The corpus notices (tests/fixtures/corpus, compiled into a catalog of
 * their own) are measured the same way against their Markdown originals:
 * at least 99% of the original's words in order, and exactly the counts
 * of missing and added words that tests/fixtures/corpus/CORRECTIONS.md
 * explains. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "corpus_catalog.h"
#include "support.h"
#include "pn.h"
#include "unity.h"

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

/* A corpus notice: the words its original may lose and the compiled notice
 * may add are counted, not listed (link targets that repeat their text,
 * front matter keys); CORRECTIONS.md lists them. */
typedef struct corpus_case {
    const char *policy;
    const char *lang;
    const char *path;
    size_t missing;
    size_t added;
} corpus_case;

#define ORIGINALS "tests/fixtures/corpus/originals/"
static const corpus_case corpus[] = {
    {"gov-uk-notify", "en", ORIGINALS "01_gov-uk-notify.md", 0, 0},
    {"nav-sosialhjelp", "nb", ORIGINALS "06_nav-sosialhjelp.md", 0, 0},
    {"nav-superrask-soknad", "nn", ORIGINALS "07_nav-superrask-soknad.md", 6, 0},
    {"altinn", "nb", ORIGINALS "08_altinn.md", 0, 2},
    {"grnet-argo-messaging", "en", ORIGINALS "04_grnet-argo-messaging.md", 7, 3},
    {"matrix-org", "en", ORIGINALS "02_matrix-org.md", 16, 5},
};

static pn_catalog cat, corpus_cat;
static char text[65536];

void setUp(void)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&corpus_cat, pn_corpus, PN_CORPUS_SIZE));
}

void tearDown(void)
{
}

/* ---- Words ----------------------------------------------------------------- */

static void read_seed(const char *path, word_list *w)
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

/* Cuts the `len` bytes at `at` out of the NUL-terminated text. */
static void cut(char *at, size_t len)
{
    memmove(at, at + len, strlen(at + len) + 1);
}

/* Whether a link's text is its target without a scheme (mailto:, tel:,
 * https://, http://) and a last '/'. */
static int says_target(const char *text, size_t len, const char *target,
                       size_t target_len)
{
    static const char *const schemes[] = {"mailto:", "tel:", "https://",
                                          "http://"};
    size_t i;

    if (target_len == len && memcmp(text, target, len) == 0)
        return 1;
    for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
        if (strncmp(target, schemes[i], strlen(schemes[i])) == 0) {
            target += strlen(schemes[i]);
            target_len -= strlen(schemes[i]);
            break;
        }
    if (target_len > 1 && target[target_len - 1] == '/')
        target_len--;
    return target_len == len && memcmp(text, target, len) == 0;
}

/* A Markdown original as its reader sees it rendered, which is what the
 * compiled notice must keep:
 * - front matter (`---` YAML or `+++` TOML) is the site's metadata, never
 *   shown; the facts the notice needs from it are in its .pn header;
 * - a heading's attribute block `{#id}` and an HTML tag (`<li>`) are
 *   markup;
 * - a link whose text already is its address, `[a@b.no](mailto:a@b.no)`,
 *   `[x.no](https://x.no/)`, shows the address once.
 * Every other link target stays and must be in the compiled notice (pnc
 * shows it after the link's text). */
static void read_original(const char *path, word_list *w)
{
    static char all[1 << 16];
    char *link, *from, *end;
    size_t n;
    FILE *f = fopen(path, "rb");

    TEST_ASSERT_NOT_NULL(f);
    n = fread(all, 1, sizeof all - 1, f);
    fclose(f);
    all[n] = '\0';
    if ((strncmp(all, "---\n", 4) == 0 || strncmp(all, "+++\n", 4) == 0) &&
        (end = strstr(all + 3, strncmp(all, "---", 3) == 0 ? "\n---\n"
                                                            : "\n+++\n")))
        cut(all, (size_t)(end + 5 - all));
    for (from = all; (link = strstr(from, " {#")) != NULL; from = link + 1) {
        char *close = strchr(link, '}'), *line = link;
        while (line > all && line[-1] != '\n')
            line--;
        if (*line == '#' && close && close[1] == '\n' &&
            !memchr(link, '\n', (size_t)(close - link)))
            cut(link, (size_t)(close + 1 - link));
    }
    for (from = all; (link = strchr(from, '<')) != NULL; from = link + 1) {
        char *name = link + 1 + (link[1] == '/'), *close = strchr(link, '>');
        char *after = name;
        while ((*after >= 'a' && *after <= 'z') || (*after >= 'A' && *after <= 'Z'))
            after++;
        if (after > name && close && (*after == '>' || *after == '/' ||
                                      *after == ' '))
            memset(link, ' ', (size_t)(close + 1 - link)); /* a separator */
    }
    for (from = all; (link = strstr(from, "](")) != NULL; from = link + 1) {
        char *open = link, *target = link + 2, *close = strchr(target, ')');
        size_t len;
        while (open > all && open[-1] != '[' && open[-1] != '\n')
            open--;
        if (open == all || open[-1] != '[' || close == NULL)
            continue;
        len = (size_t)(link - open);
        if (says_target(open, len, target, (size_t)(close - target)))
            cut(link + 1, (size_t)(close - link));
    }
    add_words(w, all);
}

/* The notice as the device gets it: title, headings, blocks, in order. */
static void read_notice(const pn_catalog *from, const char *policy,
                        const char *lang, word_list *w)
{
    pn_notice notice;
    uint32_t i, j;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(from, policy, lang, &notice));
    TEST_ASSERT_EQUAL_STRING(lang, notice.lang);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_title(&notice, text, sizeof text, NULL));
    add_words(w, text);
    for (i = 0; i < notice.section_count; i++) {
        pn_section sec;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&notice, i, &sec));
        add_words(w, sec.number);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_title(&sec, text, sizeof text, NULL));
        add_words(w, text);
        for (j = 0; j < sec.block_count; j++) {
            uint32_t number;
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_item(&sec, j, NULL, &number));
            if (number) { /* the device shows it, as the original has it */
                snprintf(text, sizeof text, "%lu", (unsigned long)number);
                add_words(w, text);
            }
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, j, NULL, text,
                                                       sizeof text, NULL));
            add_words(w, text);
        }
    }
}

/* Longest common subsequence of the two word lists; marks the seed words
 * it keeps in `kept`. */
static size_t common_words(const word_list *seed, const word_list *out,
                           char *kept)
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
    word_list seed = {0}, out = {0};
    char *kept, report[1024];
    size_t matched, i, used;

    read_seed(c->path, &seed);
    read_notice(&cat, c->policy, "nb", &out);
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

/* The words of the original, those of the compiled notice, and how many of
 * the first are in the second in order; fails below 99%. */
static void check_corpus(const corpus_case *c)
{
    word_list original = {0}, out = {0};
    char *kept, report[4096];
    size_t matched, i, used;

    read_original(c->path, &original);
    read_notice(&corpus_cat, c->policy, c->lang, &out);
    TEST_ASSERT_TRUE(original.count > 300);
    kept = malloc(original.count);
    TEST_ASSERT_NOT_NULL(kept);
    matched = common_words(&original, &out, kept);
    used = (size_t)snprintf(report, sizeof report,
                            "%s: %lu of %lu words in order (%.2f%%), %lu "
                            "added; missing:",
                            c->policy, (unsigned long)matched,
                            (unsigned long)original.count,
                            100.0 * (double)matched / (double)original.count,
                            (unsigned long)(out.count - matched));
    for (i = 0; i < original.count && used < sizeof report; i++)
        if (!kept[i])
            used += (size_t)snprintf(report + used, sizeof report - used,
                                     " %s", original.items[i]);
    TEST_MESSAGE(report);
    TEST_ASSERT_TRUE_MESSAGE(100 * matched >= 99 * original.count, report);
    TEST_ASSERT_EQUAL_size_t(c->missing, original.count - matched);
    TEST_ASSERT_EQUAL_size_t(c->added, out.count - matched);
    free(kept);
    free_words(&original);
    free_words(&out);
}

static void test_gov_uk_notify(void) { check_corpus(&corpus[0]); }
static void test_nav_sosialhjelp(void) { check_corpus(&corpus[1]); }
static void test_nav_superrask_soknad(void) { check_corpus(&corpus[2]); }
static void test_altinn(void) { check_corpus(&corpus[3]); }
static void test_grnet_argo_messaging(void) { check_corpus(&corpus[4]); }
static void test_matrix_org(void) { check_corpus(&corpus[5]); }

static void test_internia(void) { check_seed(&cases[0]); }
static void test_intech(void) { check_seed(&cases[1]); }
static void test_ntc(void) { check_seed(&cases[2]); }
static void test_ittotal(void) { check_seed(&cases[3]); }
static void test_nitd(void) { check_seed(&cases[4]); }

static void test_word_splitting(void)
{
    word_list w = {0};
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
    RUN_TEST(test_gov_uk_notify);
    RUN_TEST(test_nav_sosialhjelp);
    RUN_TEST(test_nav_superrask_soknad);
    RUN_TEST(test_altinn);
    RUN_TEST(test_grnet_argo_messaging);
    RUN_TEST(test_matrix_org);
    return UNITY_END();
}
