/* Layout tests: word wrap edge cases on tests/fixtures/layout, paging back
 * and forth over every bundled notice at several screen sizes, the
 * transliteration table, and each bundled notice's first layer. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "layout_catalog.h"
#include "pn.h"
#include "support.h"
#include "unity.h"

static pn_catalog layout, bundled;
static pn_notice notice;
static pn_cursor cur;
static char page[65536];

void setUp(void)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&layout, layout_catalog, LAYOUT_CATALOG_SIZE));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&bundled, pn_bundled, PN_BUNDLED_SIZE));
}

void tearDown(void)
{
}

static pn_screen screen(unsigned cols, unsigned rows, unsigned flags)
{
    pn_screen s;
    s.cols = (uint16_t)cols;
    s.rows = (uint16_t)rows;
    s.flags = flags;
    return s;
}

/* Opens section `id` of layout fixture `policy` and returns its first
 * page. */
static const char *policy_page(const char *policy, const char *id,
                               unsigned cols, unsigned rows, unsigned flags)
{
    pn_screen s = screen(cols, rows, flags);
    pn_section sec;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&layout, policy, "en", &notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&notice, id, &sec));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &notice, &s));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, sec.index));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page, NULL));
    return page;
}

/* The pages of the cursor's section, counted by pn_cursor_pages(). */
static uint32_t section_pages(const pn_cursor *c)
{
    uint32_t pages = 0;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_pages(c, &pages));
    return pages;
}

static const char *section_page(const char *id, unsigned cols, unsigned rows,
                                unsigned flags)
{
    return policy_page("wrap", id, cols, rows, flags);
}

/* ---- Wrapping ------------------------------------------------------------ */

static void test_exact_fit(void)
{
    TEST_ASSERT_EQUAL_STRING("Exact\n\nabcd efgh\nijkl\n\n\n",
                             section_page("exact", 9, 6, 0));
}

static void test_long_word_is_broken(void)
{
    TEST_ASSERT_EQUAL_STRING("Long\n\nabcdefghij\nklmnopqrst\nuvwxyz\n",
                             section_page("long", 10, 5, 0));
}

static void test_multibyte_at_the_boundary(void)
{
    TEST_ASSERT_EQUAL_STRING("Mult\nibyt\ne\n\nææææ\nøøøø\n",
                             section_page("multi", 4, 6, 0));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
    TEST_ASSERT_EQUAL_STRING("åå å\n\n\n\n\n\n",
                             (pn_cursor_page(&cur, page, sizeof page, NULL), page));
    TEST_ASSERT_EQUAL_UINT32(2, section_pages(&cur));
}

static void test_hyphens_and_no_break_characters(void)
{
    TEST_ASSERT_EQUAL_STRING("Hyphens\n\nxx e-\npostadre\nsser\n"
                             "e\xe2\x80\x91post\na\xc2\xa0" "b\n",
                             section_page("hyphen", 8, 7, 0));
    TEST_ASSERT_EQUAL_STRING("Hyphens\n\nxx e-\npostadre\nsser\ne-post\na b\n",
                             section_page("hyphen", 8, 7, PN_ASCII));
}

static void test_list_items_hang(void)
{
    TEST_ASSERT_EQUAL_STRING("List\n\n- one two\n  three four\n- five\n\n"
                             "After the\nlist.\n",
                             section_page("list", 12, 8, 0));
    /* Too narrow for an indent: items read like paragraphs. */
    TEST_ASSERT_EQUAL_STRING("List\n\none two\nthree\nfour\nfive\n\nAfter\n",
                             section_page("list", 7, 8, 0));
}

/* An e-mail or web address breaks after '@', '.', '/' or '-', and only
 * when no line holds it whole. */
static void test_addresses_break_after_their_separators(void)
{
    TEST_ASSERT_EQUAL_STRING("Address\n\nMail: privacy@\nlong-company.\n"
                             "example.no\n\nWrite\na@my-co.no.\n",
                             section_page("address", 14, 8, 0));
}

/* A punctuation mark never makes a line alone: the word before goes down
 * with it, or a cut word keeps a letter with it. */
static void test_a_mark_never_stands_alone(void)
{
    TEST_ASSERT_EQUAL_STRING("Marks\n\nabcd\nefgh ?\n\nabcdefghi\nj.\n",
                             section_page("marks", 10, 7, 0));
    TEST_ASSERT_EQUAL_STRING("Marks\n\nabcd\nefgh ?\n",
                             section_page("marks", 9, 4, 0));
}

/* Page `n` (from 1) of section `id` of the wrap fixture. */
static const char *nth_page(const char *id, unsigned cols, unsigned rows,
                            unsigned n)
{
    section_page(id, cols, rows, 0);
    while (--n > 0) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
        TEST_ASSERT_EQUAL_INT(PN_OK,
                              pn_cursor_page(&cur, page, sizeof page, NULL));
    }
    return page;
}

/* Keep-with-next: a label line does not end a page whose next one holds
 * what it introduces, even when a blank row would follow it. */
static void test_a_label_stays_with_its_content(void)
{
    TEST_ASSERT_EQUAL_STRING("Keep\n\nSome text.\n\n\n",
                             nth_page("keep", 12, 5, 1));
    TEST_ASSERT_EQUAL_STRING("Contact:\n\n- a@b.no\n\n\n",
                             nth_page("keep", 12, 5, 2));
    TEST_ASSERT_EQUAL_STRING("Keep\n\nSome text.\n\n\n\n",
                             nth_page("keep", 12, 6, 1));
    /* Room for the content: the label stays. */
    TEST_ASSERT_EQUAL_STRING("Keep\n\nSome text.\n\nContact:\n\n- a@b.no\n",
                             nth_page("keep", 12, 7, 1));
    /* "org.nr." goes down with its number. */
    TEST_ASSERT_EQUAL_STRING("Org\n\n\n", nth_page("org", 16, 3, 1));
    TEST_ASSERT_EQUAL_STRING("Firm AS, org.nr.\n937 323 565\n\n",
                             nth_page("org", 16, 3, 2));
    /* A label alone on its page stays there. */
    TEST_ASSERT_EQUAL_STRING("Contact:\n", nth_page("keep", 12, 1, 3));
}

/* A label that wraps goes down whole with what it introduces, whether
 * keep-with-next would move its last line or the page ends inside it;
 * one longer than a page still breaks. */
static void test_a_wrapped_label_goes_down_whole(void)
{
    TEST_ASSERT_EQUAL_STRING("Label\n\nSome text.\n\n\n\n",
                             nth_page("label", 16, 6, 1));
    TEST_ASSERT_EQUAL_STRING("Why we process\npersonal data:\n\n- one\n"
                             "- two\n\n",
                             nth_page("label", 16, 6, 2));
    TEST_ASSERT_EQUAL_STRING("Label\n\nSome text.\n\n\n",
                             nth_page("label", 16, 5, 1));
    TEST_ASSERT_EQUAL_STRING("Why we process\npersonal data:\n\n- one\n"
                             "- two\n",
                             nth_page("label", 16, 5, 2));
    /* Room for the label and a line of the list: it stays. */
    TEST_ASSERT_EQUAL_STRING("Label\n\nSome text.\n\nWhy we process\n"
                             "personal data:\n\n- one\n",
                             nth_page("label", 16, 8, 1));
    /* Too long for a page: it breaks as before. */
    TEST_ASSERT_EQUAL_STRING("Label\n\nSome\ntext.\n",
                             nth_page("label", 8, 4, 1));
    TEST_ASSERT_EQUAL_STRING("Why we\nprocess\npersonal\n\n",
                             nth_page("label", 8, 4, 2));
}

/* A number written in groups ("983 040 225") stays on one line when it
 * fits one; a longer one breaks at its spaces. */
static void test_digit_groups_stay_together(void)
{
    TEST_ASSERT_EQUAL_STRING("Digits\n\nIntech AS, org. no.\n"
                             "983 040 225, phone\n22 33 44 55.\n",
                             section_page("digits", 24, 5, 0));
    TEST_ASSERT_EQUAL_STRING("Digits\n\nIntech\nAS, org.\nno. 983\n"
                             "040 225,\nphone 22\n33 44\n55.\n",
                             section_page("digits", 8, 9, 0));
    /* The same on a screen limited to ASCII. */
    TEST_ASSERT_EQUAL_STRING("Digits\n\nIntech AS, org. no.\n"
                             "983 040 225, phone\n22 33 44 55.\n",
                             section_page("digits", 24, 5, PN_ASCII));
}

/* ---- Markdown: tests/fixtures/layout/markdown.en.pn ----------------- */

/* A section of the Markdown fixture on a screen, and its first page. */
typedef struct md_page {
    const char *id;
    unsigned cols, rows;
    const char *page;
} md_page;

static const md_page list_pages[] = {
    {"numbered", 20, 7,
     "Numbered\n\n1. First step\n2. Second step, long\n   enough to wrap on\n"
     "   a small screen\n10. Tenth\n"},
    /* Too narrow to hang the text: the number still starts the item. */
    {"numbered", 8, 6, "Numbered\n\n1. First\nstep\n2. Secon\nd step,\n"},
    {"nested", 20, 9,
     "Nested\n\n- Outer one\n  - Inner one that\n    wraps on a\n"
     "    narrow screen\n    1. Deepest\n       numbered\n- Outer two\n"},
    /* No room for the nesting: items hang at the left edge. */
    {"nested", 8, 6, "Nested\n\n- Outer\n  one\n- Inner\n  one\n"},
};

static void test_list_items_show_numbers_and_nesting(void)
{
    size_t i;
    for (i = 0; i < sizeof list_pages / sizeof list_pages[0]; i++)
        TEST_ASSERT_EQUAL_STRING(list_pages[i].page,
                                 policy_page("markdown", list_pages[i].id,
                                             list_pages[i].cols,
                                             list_pages[i].rows, 0));
}

static void test_markers_never_reach_the_screen(void)
{
    const char *p = policy_page("markdown", "emphasis", 40, 8, 0);
    TEST_ASSERT_EQUAL_STRING("Emphasis\n\nWe never sell your data, ever, and code\n"
                             "shows as text. A literal *asterisk*, a\n"
                             "snake_case_name and 5 * 3 stay as\n"
                             "written.\n\n\n", p);
    p = policy_page("markdown", "links", 40, 8, 0);
    TEST_ASSERT_EQUAL_STRING("Links\n\nRead our policy\n"
                             "(https://demo.example/privacy) or\n"
                             "https://demo.example. Write to us\n"
                             "(privacy@demo.example) or call\n"
                             "+47 22 00 00 00. See\n"
                             "https://demo.example/.\n", p);
}

static void test_hard_breaks_keep_an_address_on_its_lines(void)
{
    TEST_ASSERT_EQUAL_STRING("Address\n\nDemo Ltd\nStorgata 1\n0155 Oslo\n\n",
                             policy_page("markdown", "address", 20, 6, 0));
    /* A line that wraps before the break still breaks there. */
    TEST_ASSERT_EQUAL_STRING("Address\n\nDemo\nLtd\nStorgat\na 1\n0155\n",
                             policy_page("markdown", "address", 7, 7, 0));
}

static void test_table_rows_read_heading_colon_cell(void)
{
    TEST_ASSERT_EQUAL_STRING("Table\n\nPurpose: Orders\nLegal basis: Contract\n"
                             "Retention: 5 years\n\nPurpose: Support\n"
                             "Legal basis: Consent | interest\n\n"
                             "After the table.\n",
                             policy_page("markdown", "table", 40, 10, 0));
    /* The next page starts where the last left off, between two rows. */
    policy_page("markdown", "table", 40, 6, 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING("Purpose: Support\nLegal basis: Consent | "
                             "interest\n\nAfter the table.\n\n\n", page);
}

static void test_block_item_reads_level_and_number(void)
{
    pn_section sec;
    unsigned level = 9;
    uint32_t number = 9;
    char text[64];

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&layout, "markdown", "en", &notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&notice, "nested", &sec));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_item(&sec, 2, &level, &number));
    TEST_ASSERT_EQUAL_UINT(3, level);
    TEST_ASSERT_EQUAL_UINT32(1, number);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_item(&sec, 1, &level, NULL));
    TEST_ASSERT_EQUAL_UINT(2, level);
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_block_item(&sec, 4, &level, &number));
    TEST_ASSERT_EQUAL_UINT(0, level);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_block_item(NULL, 0, &level, &number));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&notice, "numbered", &sec));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_item(&sec, 2, &level, &number));
    TEST_ASSERT_EQUAL_UINT32(10, number);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&notice, "address", &sec));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_item(&sec, 0, &level, &number));
    TEST_ASSERT_EQUAL_UINT(0, level);
    TEST_ASSERT_EQUAL_UINT32(0, number);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 0, NULL, text, sizeof text,
                                               NULL));
    TEST_ASSERT_EQUAL_STRING("Demo Ltd\nStorgata 1\n0155 Oslo", text);
}

static void test_empty_section_is_one_page(void)
{
    TEST_ASSERT_EQUAL_STRING("Empty\n\n\n", section_page("empty", 20, 3, 0));
    TEST_ASSERT_EQUAL_UINT32(1, section_pages(&cur));
}

static void test_width_one(void)
{
    const char *p = section_page("long", 1, 40, 0);
    TEST_ASSERT_EQUAL_MEMORY("L\no\nn\ng\n\na\nb\nc\n", p, 15);
    TEST_ASSERT_NOT_NULL(strstr(p, "\nx\ny\nz\n\n"));
}

static void test_blank_line_never_opens_a_page(void)
{
    /* "Exact" fills row 1 of page 1; its blank line is dropped at the top
     * of page 2. */
    section_page("exact", 9, 1, 0);
    TEST_ASSERT_EQUAL_STRING("Exact\n", page);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&cur));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING("abcd efgh\n", page);
    TEST_ASSERT_EQUAL_UINT32(3, section_pages(&cur));
}

static void test_bad_arguments(void)
{
    pn_screen s = screen(0, 4, 0);
    size_t len = 7;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&layout, "wrap", "en", &notice));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_open(&cur, &notice, &s));
    s = screen(PN_MAX_COLS + 1, 4, 0);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_open(&cur, &notice, &s));
    s = screen(20, 0, 0);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_open(&cur, &notice, &s));
    s = screen(20, 4, 0);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_open(NULL, &notice, &s));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_open(&cur, NULL, &s));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &notice, &s));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_page(&cur, page, 0, &len));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_page(NULL, page, 10, &len));
    TEST_ASSERT_EQUAL_size_t(0, len);
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED, pn_cursor_page(&cur, page, 8, &len));
    TEST_ASSERT_EQUAL_STRING("Exact\n\n", page);
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_cursor_prev(&cur));
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_cursor_goto(&cur, notice.section_count));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_next(NULL));
}

/* ---- Paging over the bundled notices -------------------------------------- */

/* Every page has exactly `rows` lines of at most `cols` characters. */
static void check_shape(const char *p, const pn_screen *s)
{
    unsigned rows = 0;
    while (*p) {
        const char *end = strchr(p, '\n');
        TEST_ASSERT_NOT_NULL(end);
        TEST_ASSERT_LESS_OR_EQUAL(s->cols, columns_of(p, (size_t)(end - p)));
        if (s->flags & PN_ASCII)
            for (; p < end; p++)
                TEST_ASSERT_TRUE((unsigned char)*p < 0x80);
        p = end + 1;
        rows++;
    }
    TEST_ASSERT_EQUAL_UINT(s->rows, rows);
}

#define MAX_PAGES 1000
#define PAGE_BYTES 8192

/* Pages forward to the end, then back to the start: the same pages, in
 * reverse, and positions counting 1..n. */
static void page_through(const pn_notice *n, const pn_screen *s, int summary)
{
    static char pages[MAX_PAGES][PAGE_BYTES];
    uint32_t count = 0, at, total, i;

    TEST_ASSERT_EQUAL_INT(PN_OK, summary ? pn_cursor_open_summary(&cur, n, s)
                                         : pn_cursor_open(&cur, n, s));
    do {
        TEST_ASSERT_TRUE(count < MAX_PAGES);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, pages[count], PAGE_BYTES, NULL));
        check_shape(pages[count], s);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_position(&cur, &at, &total));
        TEST_ASSERT_EQUAL_UINT32(count + 1, at);
        count++;
    } while (pn_cursor_next(&cur) == PN_OK);
    TEST_ASSERT_EQUAL_UINT32(count, total);
    for (i = count - 1; i > 0; i--) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cur));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page, NULL));
        TEST_ASSERT_EQUAL_STRING(pages[i - 1], page);
    }
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_cursor_prev(&cur));
}

static void test_paging_back_and_forth_gives_the_same_pages(void)
{
    static const unsigned sizes[][3] = {
        {16, 2, 0}, {20, 4, 0}, {20, 4, PN_ASCII}, {40, 12, 0},
        {40, 12, PN_LATIN1}, {80, 40, 0},
    };
    uint32_t i;
    size_t k;

    for (i = 0; i < bundled.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&bundled, i, &notice));
        for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            pn_screen s = screen(sizes[k][0], sizes[k][1], sizes[k][2]);
            page_through(&notice, &s, 0);
            page_through(&notice, &s, 1);
        }
    }
}

/* Pages forward with pn_cursor_show() and pn_cursor_next(), beside a
 * cursor paged with pn_cursor_page() and pn_cursor_next(): the same pages
 * and the same cursor after each step. */
static void show_through(const pn_notice *n, const pn_screen *s, int summary)
{
    static char shown[PAGE_BYTES];
    pn_cursor plain;
    size_t len, shown_len;
    pn_status a, b;
    uint32_t steps = 0;

    TEST_ASSERT_EQUAL_INT(PN_OK, summary ? pn_cursor_open_summary(&cur, n, s)
                                         : pn_cursor_open(&cur, n, s));
    plain = cur;
    do {
        TEST_ASSERT_TRUE(steps++ < MAX_PAGES);
        a = pn_cursor_page(&plain, page, PAGE_BYTES, &len);
        b = pn_cursor_show(&cur, shown, PAGE_BYTES, &shown_len);
        TEST_ASSERT_EQUAL_INT(a, b);
        TEST_ASSERT_EQUAL_size_t(len, shown_len);
        TEST_ASSERT_EQUAL_STRING(page, shown);
        a = pn_cursor_next(&plain);
        b = pn_cursor_next(&cur);
        TEST_ASSERT_EQUAL_INT(a, b);
        TEST_ASSERT_EQUAL_UINT32(plain.section, cur.section);
        TEST_ASSERT_EQUAL_UINT32(plain.page, cur.page);
        TEST_ASSERT_EQUAL_UINT32(plain.pages, cur.pages);
        /* What the show kept stays on the last page (nothing moved). */
        TEST_ASSERT_EQUAL_MEMORY(&plain.internal, &cur.internal,
                                 offsetof(pn__page_top, next));
        if (a == PN_OK)
            TEST_ASSERT_EQUAL_UINT32(0, cur.internal.next.state);
    } while (a == PN_OK);
}

static void test_show_then_next_pages_as_page_then_next(void)
{
    static const unsigned sizes[][3] = {
        {16, 2, 0}, {20, 4, PN_ASCII}, {40, 12, 0}, {80, 40, PN_LATIN1},
    };
    const pn_catalog *cats[2];
    uint32_t c, i;
    size_t k;

    cats[0] = &bundled;
    cats[1] = &layout;
    for (c = 0; c < 2; c++)
        for (i = 0; i < cats[c]->notice_count; i++) {
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(cats[c], i, &notice));
            for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
                pn_screen s = screen(sizes[k][0], sizes[k][1], sizes[k][2]);
                show_through(&notice, &s, 0);
                show_through(&notice, &s, 1);
            }
        }
}

/* What pn_cursor_show() keeps is checked like the rest of the cursor, and
 * forgotten when the cursor moves another way. */
static void test_what_show_keeps_is_checked_and_forgotten(void)
{
    pn_screen s = screen(40, 4, 0);
    pn_cursor kept, moved;
    char first[PAGE_BYTES];

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&bundled, 0, &notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &notice, &s));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, first, sizeof first, NULL));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_show(&cur, page, sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING(first, page);
    kept = cur;
    kept.internal.next.offset++;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_next(&kept));
    kept = cur;
    kept.internal.next.state ^= 1u << 9;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_page(&kept, page, sizeof page, NULL));
    /* Kept for page 0: after next and prev, page 0 again and nothing kept. */
    moved = cur;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&moved));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_show(&moved, page, sizeof page, NULL));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&moved));
    TEST_ASSERT_EQUAL_UINT32(0, moved.internal.next.state);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_show(&moved, page, sizeof page, NULL));
    TEST_ASSERT_EQUAL_STRING(first, page);
    TEST_ASSERT_EQUAL_UINT32(0, moved.section);
    TEST_ASSERT_EQUAL_UINT32(0, moved.page);
    TEST_ASSERT_EQUAL_MEMORY(&cur.internal.top, &moved.internal.top,
                             sizeof cur.internal.top);
    TEST_ASSERT_EQUAL_MEMORY(&cur.internal.next, &moved.internal.next,
                             sizeof cur.internal.next);
}

/* Appends the characters of `text` that are not spaces. */
static size_t ink(const char *text, char *to, size_t at)
{
    for (; *text; text++)
        if (*text != ' ' && *text != '\n')
            to[at++] = *text;
    return at;
}

/* What the pages show is the notice's text, nothing lost or added: the
 * same characters as its headings and blocks, spaces aside. */
static void test_pages_hold_the_whole_text(void)
{
    static char expected[200000], shown[200000], text[65536];
    pn_screen s = screen(20, 4, 0);
    uint32_t i, j, k;

    for (i = 0; i < bundled.notice_count; i++) {
        size_t e = 0, g = 0;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&bundled, i, &notice));
        for (j = 0; j < notice.section_count; j++) {
            pn_section sec;
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&notice, j, &sec));
            e = ink(sec.number, expected, e);
            pn_section_title(&sec, text, sizeof text, NULL);
            e = ink(text, expected, e);
            for (k = 0; k < sec.block_count; k++) {
                pn_block_kind kind;
                pn_block_read(&sec, k, &kind, text, sizeof text, NULL);
                if (kind == PN_BLOCK_LIST_ITEM)
                    expected[e++] = '-';
                e = ink(text, expected, e);
            }
        }
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &notice, &s));
        do {
            pn_cursor_page(&cur, page, sizeof page, NULL);
            g = ink(page, shown, g);
        } while (pn_cursor_next(&cur) == PN_OK);
        TEST_ASSERT_EQUAL_size_t(e, g);
        TEST_ASSERT_EQUAL_MEMORY(expected, shown, e);
    }
}

/* ---- Transliteration ------------------------------------------------------- */

static void expect_translit(uint32_t cp, unsigned flags, const char *want)
{
    char out[5];
    size_t n = pn_transliterate(cp, flags, out);
    out[n] = '\0';
    TEST_ASSERT_EQUAL_STRING(want, out);
}

static void test_transliteration_table(void)
{
    expect_translit(0xE5, PN_ASCII, "aa");      /* å */
    expect_translit(0xC5, PN_ASCII, "Aa");      /* Å */
    expect_translit(0xE6, PN_ASCII, "ae");      /* æ */
    expect_translit(0xC6, PN_ASCII, "Ae");      /* Æ */
    expect_translit(0xF8, PN_ASCII, "o");       /* ø */
    expect_translit(0xD8, PN_ASCII, "O");       /* Ø */
    expect_translit(0xAB, PN_ASCII, "\"");      /* « */
    expect_translit(0xBB, PN_ASCII, "\"");      /* » */
    expect_translit(0x201C, PN_ASCII, "\"");    /* “ */
    expect_translit(0x201D, PN_ASCII, "\"");    /* ” */
    expect_translit(0x201E, PN_ASCII, "\"");    /* „ */
    expect_translit(0x2019, PN_ASCII, "'");     /* ’ */
    expect_translit(0x2013, PN_ASCII, "-");     /* – */
    expect_translit(0x2014, PN_ASCII, "-");     /* — */
    expect_translit(0x2011, PN_ASCII, "-");     /* no-break hyphen */
    expect_translit(0xA0, PN_ASCII, " ");       /* no-break space */
    expect_translit(0x2022, PN_ASCII, "*");     /* • */
    expect_translit(0xA7, PN_ASCII, "S");       /* § */
    expect_translit(0x4E2D, PN_ASCII, "?");     /* not in the table */
    expect_translit('a', PN_ASCII, "a");
    /* Latin-1 keeps its own characters and replaces the rest. */
    expect_translit(0xE5, PN_LATIN1, "å");
    expect_translit(0xA7, PN_LATIN1, "§");
    expect_translit(0xAB, PN_LATIN1, "«");
    expect_translit(0x2013, PN_LATIN1, "-");
    expect_translit(0x201C, PN_LATIN1, "\"");
    /* Without flags, UTF-8 as it is. */
    expect_translit(0x2013, 0, "–");
    expect_translit(0x1F600, 0, "\xf0\x9f\x98\x80");
}

/* ---- First layer ----------------------------------------------------------- */

static const char *first_layer(const char *policy)
{
    pn_screen s = screen(80, 40, 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&bundled, policy, "nb", &notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, &notice, &s));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page, NULL));
    /* The text takes one page; a notice with web: has its QR page. */
    TEST_ASSERT_EQUAL_UINT32(cur.qr == PN_QR_PAGE_SHOWN ? 2 : 1,
                             section_pages(&cur));
    return page;
}

static void expect_in(const char *text, const char *needle)
{
    char message[200];
    snprintf(message, sizeof message, "missing: %s", needle);
    TEST_ASSERT_TRUE_MESSAGE(strstr(text, needle) != NULL, message);
}

static void test_first_layer_of_each_seed(void)
{
    const char *p = first_layer("internia");
    expect_in(p, "Personvernsvilkår\n\nNtec Media AS, org.nr. 913 480 295\n");
    expect_in(p, "Kontakt:\n\n- Hellandsveien 173, 8270 Drag\n");
    /* The purposes section heads tagged subsections: theirs are listed. */
    expect_in(p, "Formål:\n\n- Behandling av personopplysninger for å kunne "
                 "levere Ntec Media AS sine\n  tjenester\n");
    TEST_ASSERT_NULL(strstr(p, "- Formålet med behandlingen"));
    /* "Dine rettigheter" restates its label: its first sentence instead. */
    expect_in(p, "Dine rettigheter:\n\n- Ved å henvende deg til oss (se "
                 "kontaktinformasjon under) kan du kreve innsyn\n");
    TEST_ASSERT_NULL(strstr(p, "- Dine rettigheter\n"));
    expect_in(p, "Du kan klage til Datatilsynet.\n\nNett: https://internia.no\n");
    expect_in(p, "Hele personvernerklæringen følger på de neste sidene.\n");

    p = first_layer("intech");
    expect_in(p, "Intech AS, org.nr. 983 040 225\n");
    expect_in(p, "- intech@intech.no\n- Tlf. 66 98 33 00\n- Postboks 246, 1301 Sandvika\n");
    expect_in(p, "Du kan klage til Datatilsynet.");
    /* Other titles are left: "Dine rettigheter" goes. */
    expect_in(p, "Dine rettigheter:\n\n- Formål og grunnlag for behandlingen\n"
                 "- Behandlingstid\n- Kontakt oss\n\n");

    p = first_layer("ntc");
    expect_in(p, "Ntc Gave Og Profilering AS\n");
    expect_in(p, "- post@ntcprofil.no\n");
    expect_in(p, "Nett: https://ntcprofil.no\n");

    p = first_layer("ittotal");
    expect_in(p, "IT total AS, org.nr. 928 775 305\n");
    expect_in(p, "- Hunsøya, 4700 Vennesla\n");
    TEST_ASSERT_NULL(strstr(p, "klage til")); /* the notice names no authority */

    p = first_layer("nitd");
    expect_in(p, "Norsk IT Drift AS\n");
    expect_in(p, "- helpdesk@nitd.no\n- Tlf. 69 81 10 00\n- Tvillinggata 1, 1870 Ørje\n");
}

static void test_first_layer_labels_follow_the_language(void)
{
    pn_screen s = screen(80, 40, 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&layout, "wrap", "en", &notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, &notice, &s));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page, NULL));
    expect_in(page, "Wrap\n\nThe full notice follows on the next pages.\n");
}

/* The first layer of layout fixture `policy` on a 40x12 screen. */
static const char *fixture_first_layer(const char *policy)
{
    pn_screen s = screen(40, 12, 0);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&layout, policy, "en", &notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&cur, &notice, &s));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page, NULL));
    return page;
}

/* A section tagged summary is the first layer, in place of the built one. */
static void test_an_authored_first_layer_is_shown(void)
{
    TEST_ASSERT_EQUAL_STRING(
        "In short\n\nDemo Ltd (post@demo.no) uses your phone\n"
        "number for one purpose: to send you your\nticket.\n\n"
        "You have the right to see and erase your\n"
        "data, and to complain to Datatilsynet.\n\n\n\n\n",
        fixture_first_layer("authored"));
    TEST_ASSERT_EQUAL_UINT32(1, section_pages(&cur));
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_cursor_next(&cur));
}

/* The built first layer leaves out a title that restates its label, shows
 * the section's first sentence if no title is left, and drops the label
 * when there is no sentence either (the rights section opens with a
 * list). */
static void test_titles_that_say_nothing_are_left_out(void)
{
    TEST_ASSERT_EQUAL_STRING(
        "Generic\n\nDemo Ltd\n\nWhy we process personal data:\n\n"
        "- We process it to sell tickets.\n\n"
        "The full notice follows on the next\npages.\n\n\n",
        fixture_first_layer("generic"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_exact_fit);
    RUN_TEST(test_long_word_is_broken);
    RUN_TEST(test_multibyte_at_the_boundary);
    RUN_TEST(test_hyphens_and_no_break_characters);
    RUN_TEST(test_list_items_hang);
    RUN_TEST(test_addresses_break_after_their_separators);
    RUN_TEST(test_a_mark_never_stands_alone);
    RUN_TEST(test_a_label_stays_with_its_content);
    RUN_TEST(test_a_wrapped_label_goes_down_whole);
    RUN_TEST(test_digit_groups_stay_together);
    RUN_TEST(test_list_items_show_numbers_and_nesting);
    RUN_TEST(test_markers_never_reach_the_screen);
    RUN_TEST(test_hard_breaks_keep_an_address_on_its_lines);
    RUN_TEST(test_block_item_reads_level_and_number);
    RUN_TEST(test_table_rows_read_heading_colon_cell);
    RUN_TEST(test_empty_section_is_one_page);
    RUN_TEST(test_width_one);
    RUN_TEST(test_blank_line_never_opens_a_page);
    RUN_TEST(test_bad_arguments);
    RUN_TEST(test_paging_back_and_forth_gives_the_same_pages);
    RUN_TEST(test_show_then_next_pages_as_page_then_next);
    RUN_TEST(test_what_show_keeps_is_checked_and_forgotten);
    RUN_TEST(test_pages_hold_the_whole_text);
    RUN_TEST(test_transliteration_table);
    RUN_TEST(test_first_layer_of_each_seed);
    RUN_TEST(test_first_layer_labels_follow_the_language);
    RUN_TEST(test_an_authored_first_layer_is_shown);
    RUN_TEST(test_titles_that_say_nothing_are_left_out);
    return UNITY_END();
}
