/* Work per call bounded by what the call shows (issue 18, item 5): libpn
 * opens and walks the pathological notices of bench/pathological.sh, and
 * the work each call does is counted, not timed: the link wraps the
 * internal calls that read a text of the pool (pn__read_text_at), a
 * section record (pn_section_at), the bytes the layout decodes
 * (pn__dec_read) and a
 * scan of the section records (pn_section_by_topic), and counts them
 * (mk/bounded.mk). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pn.h"
#include "pn_doc.h"
#include "pn_read.h"
#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/bounded-tmp"

/* ---- Counting ----------------------------------------------------------- */

static unsigned long texts_read, sections_read, bytes_decoded;

pn_status __real_pn__read_text_at(const pn__view *v, uint32_t pos,
                                  pn__text *out);
pn_status __wrap_pn__read_text_at(const pn__view *v, uint32_t pos,
                                  pn__text *out);
pn_status __wrap_pn__read_text_at(const pn__view *v, uint32_t pos,
                                  pn__text *out)
{
    texts_read++;
    return __real_pn__read_text_at(v, pos, out);
}

pn_status __real_pn_section_at(const pn_notice *notice, uint32_t index,
                               pn_section *out);
pn_status __wrap_pn_section_at(const pn_notice *notice, uint32_t index,
                               pn_section *out);
pn_status __wrap_pn_section_at(const pn_notice *notice, uint32_t index,
                               pn_section *out)
{
    sections_read++;
    return __real_pn_section_at(notice, index, out);
}

uint32_t __real_pn__dec_read(pn__dec *d, char *dst, uint32_t want);
uint32_t __wrap_pn__dec_read(pn__dec *d, char *dst, uint32_t want);
uint32_t __wrap_pn__dec_read(pn__dec *d, char *dst, uint32_t want)
{
    uint32_t n = __real_pn__dec_read(d, dst, want);
    bytes_decoded += n;
    return n;
}

/* pn_section_by_topic() from inside libpn: a scan of the notice's
 * section records (the first layer's search for one tagged summary). */
static unsigned long topic_scans;

pn_status __real_pn_section_by_topic(const pn_notice *notice, pn_topic topic,
                                     uint32_t from, pn_section *out);
pn_status __wrap_pn_section_by_topic(const pn_notice *notice, pn_topic topic,
                                     uint32_t from, pn_section *out);
pn_status __wrap_pn_section_by_topic(const pn_notice *notice, pn_topic topic,
                                     uint32_t from, pn_section *out)
{
    topic_scans++;
    return __real_pn_section_by_topic(notice, topic, from, out);
}

static void counts_reset(void)
{
    texts_read = sections_read = bytes_decoded = topic_scans = 0;
}

/* ---- The catalogs ---------------------------------------------------------- */

#define CATALOG_MAX (4u << 20)
static unsigned char items_bin[CATALOG_MAX], purposes_bin[CATALOG_MAX],
    word_bin[CATALOG_MAX], word_font_bin[CATALOG_MAX];
static long items_size, purposes_size, word_size, word_font_size;
static char page[1 << 16];

void setUp(void)
{
}

void tearDown(void)
{
}

/* Writes the pathological notices and compiles each into a catalog
 * file, once for all tests. */
static void make_catalogs(void)
{
    fresh_dir(TMP);
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0,
        run("sh bench/pathological.sh " TMP " && for f in items purposes "
            "word; do " PNC_PATH " --format bin -o " TMP "/$f.bin " TMP
            "/$f.pn || exit 1; done && " PNC_PATH " --format bin -o " TMP
            "/word.font.bin --font fonts/pnc-sans-11.bdf " TMP "/word.pn"),
        tail(err_text));
    items_size = slurp(TMP "/items.bin", (char *)items_bin, CATALOG_MAX);
    purposes_size =
        slurp(TMP "/purposes.bin", (char *)purposes_bin, CATALOG_MAX);
    word_size = slurp(TMP "/word.bin", (char *)word_bin, CATALOG_MAX);
    word_font_size =
        slurp(TMP "/word.font.bin", (char *)word_font_bin, CATALOG_MAX);
    TEST_ASSERT_TRUE(items_size > 0 && purposes_size > 0 && word_size > 0 &&
                     word_font_size > 0);
}

static void open_notice(const unsigned char *data, long size, pn_notice *n)
{
    pn_catalog cat;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, data, (size_t)size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, 0, n));
}

/* ---- Blocks ------------------------------------------------------------ */

/* A section whose block stream passes 64 KiB (30,000 one-letter items)
 * gets 4-byte index entries, which find its last block; the section
 * after it, whose head is past the pool's first 64 KiB, has a 3-byte
 * record (the pool is over 64 KiB), which finds it. */
static void test_long_stream_has_wide_index(void)
{
    static unsigned char bin[CATALOG_MAX];
    pn_catalog cat;
    pn_notice n;
    pn_section sec;
    long size;
    pn__view v;
    pn__head head;

    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0,
        run("{ sed -n '1,/^# 1 /{/^# 1 /!p}' " TMP "/items.pn && "
            "printf '# 1 Letters {#letters}\\n\\n' && "
            "awk 'BEGIN { for (i = 0; i < 30000; i++) print \"- a\" }' && "
            "printf '\\n# 2 After {#after}\\n\\nb\\n'; "
            "} >" TMP "/letters.pn && " PNC_PATH " --format bin -o " TMP
            "/letters.bin " TMP "/letters.pn"),
        tail(err_text));
    size = slurp(TMP "/letters.bin", (char *)bin, CATALOG_MAX);
    TEST_ASSERT_TRUE(size > 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, bin, (size_t)size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, 0, &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&n, "letters", &sec));
    TEST_ASSERT_EQUAL_UINT32(30000, sec.block_count);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_view(&v, &cat));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_section_head(
        &v, pn__read_section(&v, sec.internal.record), &head));
    TEST_ASSERT_EQUAL_UINT(32, head.bits);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 29999, NULL, page,
                                               sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING("a", page);
    TEST_ASSERT_EQUAL_UINT32(3, v.section_size);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&n, "after", &sec));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_section_head(
        &v, pn__read_section(&v, sec.internal.record), &head));
    TEST_ASSERT_TRUE(head.at > 0xFFFF);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 0, NULL, page,
                                               sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING("b", page);
}

/* Two languages whose headers name the same parties share their contact
 * records and their facts record: the catalog holds one notice's, and
 * both notices read every party from them. */
static void test_languages_share_contact_records(void)
{
    static unsigned char bin[CATALOG_MAX];
    pn_catalog cat;
    pn_notice en, nb;
    pn_contact a, b;
    char text_a[512], text_b[512];
    uint32_t first_en, count_en, first_nb, count_nb;
    const unsigned char *rec_en, *rec_nb;
    pn__view v;
    long size;

    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0,
        run("sed 's/^lang: en$/lang: nb/' tests/fixtures/good/gamma.en.pn >"
            TMP "/gamma.nb.pn && " PNC_PATH " --format bin -o " TMP
            "/gamma.bin tests/fixtures/good/gamma.en.pn " TMP
            "/gamma.nb.pn"),
        tail(err_text));
    size = slurp(TMP "/gamma.bin", (char *)bin, CATALOG_MAX);
    TEST_ASSERT_TRUE(size > 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, bin, (size_t)size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&cat, "gamma", "en", &en));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&cat, "gamma", "nb", &nb));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_notice_of(&v, &en, &rec_en));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_notice_of(&v, &nb, &rec_nb));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_notice_contacts(&v, rec_en,
                                                          &first_en,
                                                          &count_en));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_notice_contacts(&v, rec_nb,
                                                          &first_nb,
                                                          &count_nb));
    TEST_ASSERT_TRUE(count_en > 0);
    TEST_ASSERT_EQUAL_UINT32(first_en, first_nb);
    TEST_ASSERT_EQUAL_UINT32(count_en, count_nb);
    TEST_ASSERT_EQUAL_UINT32(count_en, v.contact_count);
    TEST_ASSERT_EQUAL_UINT32(
        pn__read_u24(rec_en + PN_NOTICE_AT(facts, PN_OFFSET_SIZE)),
        pn__read_u24(rec_nb + PN_NOTICE_AT(facts, PN_OFFSET_SIZE)));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_contact_read(&en, PN_ROLE_JOINT, 1,
                                                 text_a, sizeof text_a, &a));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_contact_read(&nb, PN_ROLE_JOINT, 1,
                                                 text_b, sizeof text_b, &b));
    TEST_ASSERT_TRUE(a.name[0] != '\0');
    TEST_ASSERT_EQUAL_STRING(a.name, b.name);
    TEST_ASSERT_EQUAL_STRING(a.city, b.city);
}

/* A table of 40 columns: a column up to 31 rides in its cell's kind
 * byte, a wider one takes a byte of its own; both read back, with the
 * heading of their column. */
static void test_wide_table_keeps_its_columns(void)
{
    static unsigned char bin[CATALOG_MAX];
    pn_catalog cat;
    pn_notice n;
    pn_section sec;
    pn__text head;
    pn__view v;
    pn__head sec_head;
    char want[16];
    unsigned level, c;
    uint32_t number;
    pn_block_kind kind;
    long size;

    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0,
        run("{ sed -n '1,/^# 1 /{/^# 1 /!p}' " TMP "/items.pn && "
            "printf '# 1 Wide {#wide}\\n\\n' && "
            "awk 'BEGIN { for (r = 0; r < 3; r++) { s = \"|\"; "
            "for (i = 1; i <= 40; i++) s = s (r == 1 ? \" - |\" : "
            "\" \" (r ? \"v\" : \"c\") i \" |\"); print s } }'; "
            "} >" TMP "/wide.pn && " PNC_PATH " --format bin -o " TMP
            "/wide.bin " TMP "/wide.pn"),
        tail(err_text));
    size = slurp(TMP "/wide.bin", (char *)bin, CATALOG_MAX);
    TEST_ASSERT_TRUE(size > 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, bin, (size_t)size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, 0, &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&n, "wide", &sec));
    TEST_ASSERT_EQUAL_UINT32(80, sec.block_count);
    /* Its blocks start within 4,096 bytes, past 256: 12-bit entries, which
     * every block below is found by, odd and even. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_view(&v, &cat));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_section_head(
        &v, pn__read_section(&v, sec.internal.record), &sec_head));
    TEST_ASSERT_EQUAL_UINT(12, sec_head.bits);
    for (c = 1; c <= 40; c++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_item(&sec, c - 1, &level,
                                                   &number));
        TEST_ASSERT_EQUAL_UINT(c, level);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_item(&sec, 39 + c, &level,
                                                   &number));
        TEST_ASSERT_EQUAL_UINT(c, level);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 39 + c, &kind, page,
                                                   sizeof page, NULL));
        TEST_ASSERT_EQUAL_INT(PN_BLOCK_TABLE_CELL, kind);
        snprintf(want, sizeof want, "v%u", c);
        TEST_ASSERT_EQUAL_STRING(want, page);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_table_head(&sec, 39 + c,
                                                         &head));
        snprintf(want, sizeof want, "c%u", c);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_copy(head, page, sizeof page,
                                                   NULL));
        TEST_ASSERT_EQUAL_STRING(want, page);
    }
}

/* Block i costs one block's read, whatever i: the block index. */
static void test_block_i_reads_one_block(void)
{
    pn_notice n;
    pn_section sec;
    char want[32];
    uint32_t i;

    open_notice(items_bin, items_size, &n);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&n, 0, &sec));
    TEST_ASSERT_EQUAL_UINT32(3000, sec.block_count);
    for (i = 0; i < sec.block_count; i += 997) {
        counts_reset();
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, i, NULL, page,
                                                   sizeof page, NULL));
        TEST_ASSERT_EQUAL_UINT32(1, texts_read);
        snprintf(want, sizeof want, "Item %u", (unsigned)i + 1);
        TEST_ASSERT_EQUAL_STRING(want, page);
    }
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 2999, NULL, page,
                                               sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING("Item 3000", page);
    TEST_ASSERT_EQUAL_UINT32(1, texts_read);
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_block_read(&sec, 3000, NULL,
                                                      page, sizeof page,
                                                      NULL));
}

/* An index entry that points outside the pool, or an index width that is
 * not 1, 2 or 4, is damage. */
static void test_damaged_index_is_format_error(void)
{
    static unsigned char copy[CATALOG_MAX];
    pn_catalog cat;
    pn_notice n;
    pn_section sec;
    pn__view v;
    pn__head head;
    uint32_t rec, pool, at;

    memcpy(copy, items_bin, (size_t)items_size);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, copy, (size_t)items_size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, 0, &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&n, 0, &sec));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_view(&v, &cat));
    pool = pn__read_u32(copy + PN_HDR_AT(pool, 4));
    rec = (uint32_t)(pn__read_section(&v, sec.internal.record) - copy);
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn__read_section_head(&v, copy + rec, &head));
    at = pool + head.at;
    /* 3,000 items' stream: over 4,095 bytes, under 65,536 */
    TEST_ASSERT_EQUAL_UINT(16, head.bits);

    /* 32-bit entries: past the pool */
    copy[at] |= (PN_HEAD_LAYOUT_LEB + 3u) << PN_HEAD_LAYOUT_SHIFT;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_block_read(&sec, 2999, NULL, page,
                                                       sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING("", page);
    copy[at] = items_bin[at];
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 5, NULL, page,
                                               sizeof page, NULL));
    /* Entry 5 is block 5's start. */
    memset(copy + pool + head.index + 5 * 2, 0xFF, 2);
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_block_read(&sec, 5, NULL, page,
                                                       sizeof page, NULL));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 6, NULL, page,
                                               sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING("Item 7", page);
    /* A head outside the pool (a pool under 64 KiB: 2-byte records). */
    memcpy(copy, items_bin, (size_t)items_size);
    TEST_ASSERT_EQUAL_UINT32(2, v.section_size);
    TEST_ASSERT_TRUE(v.pool_size <= 0xFFFF);
    memset(copy + rec, 0xFF, 2);
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_block_read(&sec, 0, NULL, page,
                                                       sizeof page, NULL));
    /* A block count whose index does not fit the pool: the count's
     * second byte (the count follows the shape) made large. */
    memcpy(copy, items_bin, (size_t)items_size);
    TEST_ASSERT_TRUE(copy[at + 1] & 0x80);
    copy[at + 2] = 0x7F;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_block_read(&sec, 0, NULL, page,
                                                       sizeof page, NULL));
}

static unsigned first_item(const pn_cursor *cur);

/* ---- Moving ------------------------------------------------------------ */

/* Opening, going to a section and the next page lay out what the page
 * shows, not the section: no call counts the section's pages but
 * pn_cursor_pages() and going back into a section, which lays the
 * section out once (it was twice: to count, then to reach the page). */
static void test_moving_costs_a_page(void)
{
    pn_screen screen = {20, 4, 0};
    pn_notice n;
    pn_cursor cur;
    uint32_t pages, step;

    open_notice(items_bin, items_size, &n);
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_TRUE_MESSAGE(texts_read <= 4, "open lays the section out");
    for (step = 0; step < 100; step++) {
        counts_reset();
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
        TEST_ASSERT_TRUE_MESSAGE(texts_read <= 16,
                                 "next lays out more than a page");
    }
    TEST_ASSERT_EQUAL_UINT(4 * 100 - 1, first_item(&cur));
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, 0));
    TEST_ASSERT_TRUE_MESSAGE(texts_read <= 4, "goto lays the section out");
    TEST_ASSERT_EQUAL_UINT32(0, cur.pages);
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_pages(&cur, &pages));
    TEST_ASSERT_TRUE(pages > 740 && texts_read < 3100);
    TEST_ASSERT_EQUAL_UINT32(0, cur.pages);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, 1));
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    TEST_ASSERT_TRUE_MESSAGE(texts_read < 3100,
                             "back into a section lays it out twice");
    TEST_ASSERT_EQUAL_UINT32(pages, cur.pages);
    TEST_ASSERT_EQUAL_UINT32(pages - 1, cur.page);
    snprintf(page, sizeof page, "%lu texts read going back into 3,000 "
             "items", texts_read);
    TEST_MESSAGE(page);
}

/* ---- Paging back --------------------------------------------------------- */

/* The number of the first item a page of the items section shows. */
static unsigned first_item(const pn_cursor *cur)
{
    const char *at;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(cur, page, sizeof page,
                                                NULL));
    at = strstr(page, "Item ");
    TEST_ASSERT_TRUE_MESSAGE(at != NULL, page);
    return (unsigned)strtoul(at + 5, NULL, 10);
}

/* Going back page by page through a section of 750 pages reads about
 * sqrt(pages) pages a step, not the section: a step that laid the
 * section out from its start would read up to 3,000 blocks. */
static void test_prev_does_not_relay_the_section(void)
{
    pn_screen screen = {20, 4, 0};
    pn_notice n;
    pn_cursor cur;
    unsigned item, steps, most = 0;

    open_notice(items_bin, items_size, &n);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, 1));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    TEST_ASSERT_EQUAL_UINT32(0, cur.section);
    TEST_ASSERT_EQUAL_UINT32(cur.pages - 1, cur.page);
    TEST_ASSERT_TRUE(cur.pages > 740);
    item = first_item(&cur);
    TEST_ASSERT_TRUE(item > 2990);
    for (steps = 0; steps < 700; steps++) {
        uint32_t was = cur.page;
        unsigned now;
        counts_reset();
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
        if (texts_read > most)
            most = (unsigned)texts_read;
        TEST_ASSERT_EQUAL_UINT32(was - 1, cur.page);
        now = first_item(&cur);
        if (steps > 0)
            TEST_ASSERT_EQUAL_UINT(item - 4, now);
        item = now;
    }
    /* The worst step lays the section out once, from its start to the
     * page (it does not count the section's pages again). */
    TEST_ASSERT_TRUE_MESSAGE(most < 3500, "a step read the section twice");
    TEST_ASSERT_TRUE(most > 0);
    /* Forward again from the anchor's side. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
    TEST_ASSERT_EQUAL_UINT(item + 4, first_item(&cur));
}

/* The average step back, over a long walk, reads far less than the
 * section (it relays the section from its start only once every
 * sqrt(pages) steps). */
static void test_prev_average_is_small(void)
{
    pn_screen screen = {20, 4, 0};
    pn_notice n;
    pn_cursor cur;
    unsigned steps;

    open_notice(items_bin, items_size, &n);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, 1));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    counts_reset();
    for (steps = 0; steps < 600; steps++)
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    TEST_ASSERT_TRUE_MESSAGE(texts_read / steps < 1000,
                             "each step relays the section");
    snprintf(page, sizeof page, "%lu blocks read a step back, on average",
             texts_read / steps);
    TEST_MESSAGE(page);
}

/* ---- The first layer ----------------------------------------------------- */

/* 20,000 sections tagged purposes (after one that is not): the first layer lists eight of them
 * and reads a bounded number of section records. */
static void test_summary_reads_few_sections(void)
{
    pn_screen screen = {40, 12, 0};
    pn_notice n;
    pn_cursor cur;
    static char all[1 << 16];
    size_t used = 0, len;

    open_notice(purposes_bin, purposes_size, &n);
    TEST_ASSERT_EQUAL_UINT32(20001, n.section_count);
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, &n, &screen));
    TEST_ASSERT_TRUE_MESSAGE(sections_read < 50000,
                             "the first layer scans every section");
    /* It looks for an authored first layer once, when it opens. */
    TEST_ASSERT_TRUE(topic_scans <= 1);
    counts_reset();
    do {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page,
                                                    &len));
        TEST_ASSERT_TRUE(used + len < sizeof all);
        memcpy(all + used, page, len + 1);
        used += len;
    } while (pn_cursor_next(&cur) == PN_OK);
    TEST_ASSERT_EQUAL_UINT_MESSAGE(0, topic_scans,
                                     "each block scans every section");
    TEST_ASSERT_NOT_NULL(strstr(all, "Purpose 2\n"));
    TEST_ASSERT_NOT_NULL(strstr(all, "Purpose 9\n"));
    TEST_ASSERT_NULL(strstr(all, "Purpose 10\n"));
}

/* ---- A long word --------------------------------------------------------- */

/* A 16,384-byte word (the longest text) on a 1x1 screen: counting its
 * pages reads each byte a few times, not the rest of the word for every
 * line; a page inside it decodes at most the word. A 60,000-byte word is
 * refused by pnc. */
static void test_long_word_is_linear(void)
{
    pn_screen screen = {1, 1, 0};
    pn_notice n;
    pn_cursor cur;

    uint32_t pages;

    open_notice(word_bin, word_size, &n);
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_TRUE_MESSAGE(bytes_decoded <= 16, "open lays pages out");
    TEST_ASSERT_EQUAL_UINT32(0, cur.pages);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_pages(&cur, &pages));
    TEST_ASSERT_TRUE(pages >= 16384);
    TEST_ASSERT_TRUE_MESSAGE(bytes_decoded < 10ul * 16384,
                             "each line reads the rest of the word");
    /* The heading's characters, then the word's, one a page. */
    do {
        TEST_ASSERT_TRUE(cur.page < 10);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page,
                                                    NULL));
    } while (strcmp(page, "a\n") != 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page,
                                                NULL));
    TEST_ASSERT_EQUAL_STRING("b\n", page);
    /* Near the end, a page decodes no more than the word. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, 1));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page,
                                                NULL));
    TEST_ASSERT_TRUE(bytes_decoded <= 3ul * 16384);
    TEST_ASSERT_EQUAL_INT(0, run("awk 'BEGIN { print \"---\"; print "
                                 "\"policy: w\"; print \"lang: en\"; print "
                                 "\"title: W\"; print \"---\"; print \"\"; "
                                 "for (i = 0; i < 60000; i++) printf \"x\"; "
                                 "print \"\" }' >" TMP "/long.pn"));
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check " TMP "/long.pn"));
    /* The same on a pixel screen one line high and a glyph or two wide:
     * a line still costs about a line's reading. */
    {
        pn_screen pixels = {8, 12, PN_PIXELS};
        open_notice(word_font_bin, word_font_size, &n);
        counts_reset();
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &pixels));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_pages(&cur, &pages));
        TEST_ASSERT_TRUE(pages >= 16384 / 2);
        TEST_ASSERT_TRUE_MESSAGE(bytes_decoded < 10ul * 16384,
                                 "each pixel line reads the rest of the word");
    }
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/long.pn:7:1: error: this "
                                "block is 60000 bytes long; at most 16384 "
                                "fit [limit]"));
}

/* ---- Coming back into a long text ---------------------------------------- */

/* A page deep in the 16,384-byte word starts the decoder at a mark the
 * cursor keeps near the page, not at the word's start: drawing a page
 * there, or going back one page from the anchor, decodes a few hundred
 * bytes, not the word. */
static void test_a_page_deep_in_a_text_resumes_there(void)
{
    pn_screen screen = {1, 1, 0};
    pn_notice n;
    pn_cursor cur, bad;
    uint32_t p, ps;

    open_notice(word_bin, word_size, &n);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, 1));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    TEST_ASSERT_TRUE(cur.internal.top.offset > 16000);
    TEST_ASSERT_TRUE(cur.internal.top.mark_off > 0);
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page,
                                                NULL));
    TEST_ASSERT_EQUAL_STRING("c\n", page); /* 16,382 % 26 is 2 */
    TEST_ASSERT_TRUE_MESSAGE(bytes_decoded < 2000,
                             "a page decodes its text from the start");
    counts_reset();
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
    TEST_ASSERT_TRUE_MESSAGE(bytes_decoded < 2000,
                             "a step back decodes the text from the start");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page,
                                                NULL));
    TEST_ASSERT_EQUAL_STRING("b\n", page);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_position(&cur, &p, &ps));

    /* A damaged mark: refused, never read past the text. */
    bad = cur;
    bad.internal.top.mark_at ^= 1u;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_page(&bad, page, sizeof page,
                                                     NULL));
    TEST_ASSERT_EQUAL_STRING("", page);
    bad = cur;
    bad.internal.top.mark_off = bad.internal.top.offset + 1u;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_next(&bad));
    bad = cur;
    bad.internal.anchor.mark_at = 0xFFFFFFFFu;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_prev(&bad));
}

/* The reader's way back into a text checks the mark against the block:
 * a place past a piece's bits, or a byte count past its text. */
static void test_a_mark_past_the_text_is_refused(void)
{
    pn_notice n;
    pn_section sec;
    pn__block b;
    pn__rd r;
    uint32_t off, at;

    open_notice(word_bin, word_size, &n);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&n, 0, &sec));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__doc_section_block(&sec, 1, &b));
    TEST_ASSERT_EQUAL_UINT(1, b.count);
    TEST_ASSERT_NOT_NULL(b.piece[0].code); /* the word is coded */
    /* A mark the reader leaves, deep in the word, takes it back there. */
    pn__rd_open(&r, &b);
    while (r.off < 10000)
        pn__rd_next(&r);
    off = r.mark_off;
    at = r.mark_at;
    TEST_ASSERT_TRUE(off > 5000 && off <= 10000);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__rd_open_at(&r, &b, off, at));
    TEST_ASSERT_EQUAL_UINT32(off, r.off);
    TEST_ASSERT_EQUAL_UINT32('a' + off % 26, r.cp);
    TEST_ASSERT_FALSE(r.err);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn__rd_open_at(&r, &b, 16384, at));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn__rd_open_at(&r, &b, 0xFFFFFFFFu,
                                                     at));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG,
                          pn__rd_open_at(&r, &b, off,
                                         b.piece[0].size * 8u));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn__rd_open_at(&r, &b, off,
                                                     0xFFFFFFFFu));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn__rd_open_at(&r, &b, 0, 8));
    /* A plain piece: the place is the byte count. */
    pn__doc_add_plain(&b, "plain", 5);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__rd_open_at(&r, &b, 16386, 2));
    TEST_ASSERT_EQUAL_UINT32('a', r.cp);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn__rd_open_at(&r, &b, 16386, 3));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(make_catalogs);
    RUN_TEST(test_block_i_reads_one_block);
    RUN_TEST(test_damaged_index_is_format_error);
    RUN_TEST(test_moving_costs_a_page);
    RUN_TEST(test_long_stream_has_wide_index);
    RUN_TEST(test_wide_table_keeps_its_columns);
    RUN_TEST(test_languages_share_contact_records);
    RUN_TEST(test_prev_does_not_relay_the_section);
    RUN_TEST(test_prev_average_is_small);
    RUN_TEST(test_summary_reads_few_sections);
    RUN_TEST(test_long_word_is_linear);
    RUN_TEST(test_a_page_deep_in_a_text_resumes_there);
    RUN_TEST(test_a_mark_past_the_text_is_refused);
    return UNITY_END();
}
