/* Damaged catalogs and damaged handles (issue 18): every change of one
 * byte of the bundled catalog is caught by pn_open() or pn_verify(); a
 * call that fails leaves its buffer ""; a control character in a text is
 * damage; every count and index of a handle is checked against the
 * catalog before it bounds a loop; and random corruptions never give a
 * text without its NUL, with a length that is not its strlen, or on a
 * failure. */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "plain_catalog.h"
#include "pn.h"
#include "pn_crc32.h"
#include "pn_read.h"
#include "support.h"
#include "unity.h"

/* Copies of the bundled catalog and of its plain twin, for damaging;
 * setUp() makes them whole again, so a failed test leaves no damage. */
static unsigned char packed[PN_BUNDLED_SIZE];
static unsigned char plain[PLAIN_CATALOG_SIZE];

void setUp(void)
{
    memcpy(packed, pn_bundled, sizeof packed);
    memcpy(plain, plain_catalog, sizeof plain);
}

void tearDown(void)
{
}

/* ---- 1. Every change of one byte is caught -------------------------------- */

/* Whether pn_open() or pn_verify() refuses the damaged copy; `*by_open`
 * counts the changes pn_open() refuses. */
static int refused(unsigned long *by_open)
{
    pn_catalog c;

    if (pn_open(&c, packed, sizeof packed) != PN_OK) {
        (*by_open)++;
        return 1;
    }
    return pn_verify(&c) != PN_OK;
}

/* Each of the 255 other values at offset `at`. */
static void every_value_at(size_t at, unsigned long *changes,
                           unsigned long *by_open)
{
    unsigned char was = packed[at];
    unsigned v;
    char msg[120];

    for (v = 0; v < 256; v++) {
        if (v == was)
            continue;
        packed[at] = (unsigned char)v;
        snprintf(msg, sizeof msg, "byte %lu changed from 0x%02x to 0x%02x "
                 "passes pn_open and pn_verify", (unsigned long)at, was, v);
        TEST_ASSERT_MESSAGE(refused(by_open), msg);
        (*changes)++;
    }
    packed[at] = was;
}

/* Through the real calls: every value at every header offset, and at
 * every BODY_STRIDE-th offset after it and the last one (a stride that
 * keeps the test within a second under ASan; the proof below covers the
 * rest). */
#define BODY_STRIDE 1021u

static void test_header_changes_are_caught(void)
{
    unsigned long changes = 0, by_open = 0;
    size_t at;
    char msg[160];

    for (at = 0; at < PN_HEADER_SIZE; at++)
        every_value_at(at, &changes, &by_open);
    for (at = PN_HEADER_SIZE; at < sizeof packed; at += BODY_STRIDE)
        every_value_at(at, &changes, &by_open);
    every_value_at(sizeof packed - 1, &changes, &by_open);
    snprintf(msg, sizeof msg, "%lu changes through pn_open and pn_verify: "
             "%lu refused by pn_open, the rest by pn_verify", changes,
             by_open);
    TEST_MESSAGE(msg);
}

/* Every other change, by the CRC's linearity. pn_verify() runs the CRC
 * register over every byte but the crc field. XOR-ing x (1-255) into the
 * byte at position j of those bytes changes the final register by
 * D(j, x) = Z^m(T(x)): T(x) is the register after the byte x from 0, Z
 * one step over a 0 byte, m the number of bytes after j; the register is
 * linear over GF(2), and the initial value and final XOR cancel out of a
 * difference. D(j, x) is never 0: as polynomials the change is
 * E(t) = X(t) t^(8m) with X of degree < 8 and not 0, and the CRC misses it
 * only if the generator G (degree 32) divides E; G's constant term is 1,
 * so G is coprime to t and would have to divide X, of degree < 8. A change
 * of the crc field changes the stored value and not the computed one.
 *
 * So: for every offset and every value, pn_open() is called on the changed
 * bytes; where it accepts them, D is computed (from pn__crc32() itself)
 * and must not be 0. That the model is pn_verify()'s own sum is checked
 * at every header offset and every MODEL_STRIDE-th offset after it, on
 * the first change pn_open() accepts there: with the crc field moved by
 * D, pn_verify() accepts the change, and without, refuses it. */
#define MODEL_STRIDE 257u

/* The register after one byte `b` from register `reg` (pn__crc32()
 * inverts on the way in and out). */
static uint32_t step(uint32_t reg, unsigned char b)
{
    return ~pn__crc32(~reg, &b, 1);
}

static void model_agrees_with_verify(size_t at, uint32_t d_of_x, unsigned x)
{
    unsigned char was = packed[at], crc_was[4];
    uint32_t crc = pn__read_u32(packed + PN_HDR_AT(crc, 4)) ^ d_of_x;
    pn_catalog c;
    unsigned i;

    memcpy(crc_was, packed + PN_HDR_AT(crc, 4), 4);
    packed[at] = (unsigned char)(was ^ x);
    for (i = 0; i < 4; i++)
        packed[PN_HDR_AT(crc, 4) + i] = (unsigned char)(crc >> 8 * i);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, packed, sizeof packed));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_verify(&c));
    memcpy(packed + PN_HDR_AT(crc, 4), crc_was, 4);
    TEST_ASSERT_EQUAL_INT(PN_ERR_CRC, pn_verify(&c));
    packed[at] = was;
}

static void test_every_byte_change_is_caught(void)
{
    const size_t crc_at = PN_HDR_AT(crc, 4);
    uint32_t basis[8], d[256];
    unsigned long by_open = 0, by_crc = 0, by_crc_field = 0;
    size_t at = sizeof packed;
    unsigned b, x;
    int last = 1, opens, checked;
    pn_catalog c;
    char msg[200];

    while (at-- > 0) {
        unsigned char was = packed[at];
        int in_crc = at >= crc_at && at < crc_at + 4;

        if (!in_crc) {
            /* From the last byte back: one more byte after this one. */
            for (b = 0; b < 8; b++)
                basis[b] = last ? step(0, (unsigned char)(1u << b))
                                : step(basis[b], 0);
            last = 0;
        }
        d[0] = 0;
        for (x = 1; x < 256; x++) {
            for (b = 0; !(x >> b & 1u); b++)
                ;
            d[x] = d[x & (x - 1)] ^ basis[b];
        }
        checked = at >= PN_HEADER_SIZE && at % MODEL_STRIDE != 0;
        for (x = 1; x < 256; x++) {
            packed[at] = (unsigned char)(was ^ x);
            opens = pn_open(&c, packed, sizeof packed) == PN_OK;
            packed[at] = was;
            if (!opens) {
                by_open++;
            } else if (in_crc) {
                by_crc_field++;
            } else {
                snprintf(msg, sizeof msg, "byte %lu ^ 0x%02x leaves the CRC",
                         (unsigned long)at, x);
                TEST_ASSERT_MESSAGE(d[x] != 0, msg);
                by_crc++;
                /* Once per header byte and per MODEL_STRIDE bytes. */
                if (!checked)
                    model_agrees_with_verify(at, d[x], x);
                checked = 1;
            }
        }
    }
    TEST_ASSERT_EQUAL_UINT32((unsigned long)sizeof packed * 255,
                             by_open + by_crc + by_crc_field);
    snprintf(msg, sizeof msg, "%lu of %lu single-byte changes caught "
             "(100%%): %lu by pn_open, %lu by the CRC of the other bytes, "
             "%lu in the crc field", by_open + by_crc + by_crc_field,
             (unsigned long)sizeof packed * 255, by_open, by_crc,
             by_crc_field);
    TEST_MESSAGE(msg);
}

/* pn_open() refuses flag bits it does not know and a size that is not the
 * header's (PN_ERR_SIZE), and a plain catalog that names code tables: a
 * layout that does not hold, and a CRC that says it is damage
 * (PN_ERR_CRC), or PN_ERR_FORMAT where the CRC was made right. */
static void test_open_refuses_unknown_flags_and_other_sizes(void)
{
    pn_catalog c;
    unsigned bit;

    /* Bit 0 too: the bundled catalog without PN_FLAG_COMPRESSED would be
     * a plain catalog with code tables. */
    for (bit = 0; bit < 16; bit++) {
        pn_status st;

        setUp();
        packed[PN_HDR_AT(flags, 2) + bit / 8] ^= (unsigned char)(1u << bit % 8);
        /* A layout that does not hold is damage the CRC also sees. */
        st = pn_open(&c, packed, sizeof packed);
        TEST_ASSERT_TRUE_MESSAGE(st == PN_ERR_FORMAT || st == PN_ERR_CRC,
                                 pn_strerror(st));
    }
    TEST_ASSERT_EQUAL_INT(PN_ERR_SIZE, pn_open(&c, pn_bundled,
                                               PN_BUNDLED_SIZE - 1));
    plain[PN_HDR_AT(code_size, 4)] = 1;
    TEST_ASSERT_EQUAL_INT(PN_ERR_CRC, pn_open(&c, plain, sizeof plain));
}

/* ---- Texts ---------------------------------------------------------------- */

static size_t len;

/* What a call that writes a buffer of `size` bytes left in it: on a
 * failure "" and a length of 0, else a NUL within the buffer and the
 * length of the text before it. */
static void check_text(pn_status st, const char *buf, size_t size, size_t n,
                       const char *what)
{
    const char *nul = memchr(buf, '\0', size);
    char msg[160];

    if (!nul) {
        snprintf(msg, sizeof msg, "%s: status %d, len %lu, no NUL in %lu "
                 "bytes", what, (int)st, (unsigned long)n,
                 (unsigned long)size);
        TEST_FAIL_MESSAGE(msg);
    } else if ((size_t)(nul - buf) != n || (st < 0 && n != 0)) {
        snprintf(msg, sizeof msg, "%s: status %d, len %lu, strlen %lu", what,
                 (int)st, (unsigned long)n, (unsigned long)(nul - buf));
        TEST_FAIL_MESSAGE(msg);
    }
}

/* The record of notice 0 and the pool, in catalog `c`. */
static const unsigned char *notice0(const unsigned char *c)
{
    return c + pn__read_u32(c + PN_HDR_AT(notices, 4));
}

static uint32_t pool_of(const unsigned char *c)
{
    return pn__read_u32(c + PN_HDR_AT(pool, 4));
}

/* ---- 2. A call that fails leaves "" ---------------------------------------- */

/* A cursor opened on the whole catalog, then the bytes of the section it
 * shows damaged one at a time: a page that fails after some of its lines
 * were written must still leave "". */
#define SPAN 800u              /* bytes of a block stream damaged */

static void test_a_page_that_fails_is_empty(void)
{
    static char page[16 * (4 * 40 + 1) + 1];
    static const unsigned char values[] = {0x00, 0x7F, 0xFF};
    pn_screen screen = {40, 16, 0};
    pn_catalog c;
    pn_notice n;
    pn_cursor cur;
    uint32_t s, first, at, end, v, failed = 0, pages = 0;
    pn__view view;
    pn_status st;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, packed, sizeof packed));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&c, 0, &n));
    first = pn__read_u24(notice0(packed) + PN_NOTICE_AT(first_section, 3));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_view(&view, &c));
    for (s = 0; s < n.section_count; s++) {
        pn__head head;

        TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_section_head(
            &view, pn__read_section(&view, first + s), &head));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(&cur, s));
        at = pool_of(packed) + head.at;
        end = at + SPAN < sizeof packed ? at + SPAN : sizeof packed;
        for (; at < end; at++) {
            unsigned char was = packed[at];
            for (v = 0; v < sizeof values; v++) {
                packed[at] = values[v];
                memset(page, 'x', sizeof page);
                len = 12345;
                st = pn_cursor_page(&cur, page, sizeof page, &len);
                check_text(st, page, sizeof page, len, "pn_cursor_page");
                failed += st < 0;
                pages++;
            }
            packed[at] = was;
        }
    }
    /* The damage must have made pages fail, or the test tests nothing. */
    TEST_ASSERT_TRUE(failed > pages / 20);
}

/* ---- 3. A control character in a text is damage -------------------------- */

static char text[8192];

/* The byte offset of the first byte of the text at pool offset `off` of
 * the plain catalog, whose length must fit one LEB128 byte. */
static uint32_t plain_text_at(uint32_t off)
{
    uint32_t at = pool_of(plain) + off;

    TEST_ASSERT_TRUE(plain[at] > 0 && plain[at] < 0x80);
    return at + 1;
}

static void title_fails(const unsigned char *bytes, size_t size)
{
    pn_catalog c;
    pn_notice n;
    pn_cursor cur;
    pn_screen screen = {30, 5, 0};
    pn_status st;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, bytes, size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&c, 0, &n));
    memset(text, 'x', sizeof text);
    len = 12345;
    st = pn_notice_title(&n, text, sizeof text, &len);
    check_text(st, text, sizeof text, len, "pn_notice_title");
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, st);
    /* The layout reads the title too, as the first layer's heading
     * (opening lays nothing out: the page shows it). */
    st = pn_cursor_open_summary(&cur, &n, &screen);
    if (st == PN_OK)
        st = pn_cursor_page(&cur, text, sizeof text, &len);
    check_text(st, text, sizeof text, len, "pn_cursor_page");
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, st);
}

static void test_a_control_character_in_a_text_is_damage(void)
{
    /* Not 0x0A: '\n' is a hard line break (pn_format.h). */
    static const unsigned char controls[] = {0x00, 0x01, 0x09, 0x1F, 0x7F};
    const unsigned char *code;
    uint32_t at, i, bytes, count, pairs, changed;
    unsigned char first, bits;
    pn_catalog c;
    pn_notice n;
    pn_section sec;
    pn_cursor cur;
    pn_screen screen = {30, 5, 0};
    pn__view v;
    pn__head head;
    pn_status st;

    /* The plain catalog: a control character in the title... */
    at = plain_text_at(pn__read_u24(notice0(plain) +
                                   PN_NOTICE_AT(title, PN_OFFSET_SIZE)));
    first = plain[at];
    for (i = 0; i < sizeof controls; i++) {
        plain[at] = controls[i];
        title_fails(plain, sizeof plain);
    }
    plain[at] = first;

    /* ...and in a block, read whole and laid out. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, plain, sizeof plain));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&c, 0, &n));
    for (i = 0; i < n.section_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&n, i, &sec));
        if (sec.block_count > 0)
            break;
    }
    TEST_ASSERT_TRUE(i < n.section_count);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_view(&v, &c));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_section_head(
        &v, pn__read_section(&v, sec.internal.record), &head));
    TEST_ASSERT_EQUAL_UINT(8, head.bits);
    at = pool_of(plain) + head.body + plain[pool_of(plain) + head.index] +
         1;                     /* past the kind byte */
    TEST_ASSERT_TRUE(plain[at] > 0 && plain[at] < 0x80);
    plain[at + 1] = 0x00;
    memset(text, 'x', sizeof text);
    st = pn_block_read(&sec, 0, NULL, text, sizeof text, &len);
    check_text(st, text, sizeof text, len, "pn_block_read");
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, st);
    st = pn_cursor_open(&cur, &n, &screen);
    if (st == PN_OK)
        st = pn_cursor_goto(&cur, i);
    /* Moving to a section lays nothing out: its pages show the damage. */
    while (st == PN_OK &&
           (st = pn_cursor_page(&cur, text, sizeof text, &len)) == PN_OK)
        st = pn_cursor_next(&cur);
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, st);

    /* The compressed catalog: the title's first byte made 0x01 wherever
     * the code tables name it, in the list of bytes with a code and in
     * the pairs. */
    code = packed + pn__read_u32(packed + PN_HDR_AT(code, 4));
    bytes = (uint32_t)(code - packed) + PN_CODE_HEAD_SIZE +
            PN_CODE_LENGTHS_SIZE(code[PN_CODE_AT(max_len, 1)] -
                                 code[PN_CODE_AT(min_len, 1)] + 1u) +
            (1u << code[PN_CODE_AT(start_bits, 1)]);
    count = pn__read_u16(code + PN_CODE_AT(bytes, 2));
    pairs = pn__read_u16(code + PN_CODE_AT(pairs, 2));
    changed = 0;
    for (i = 0; i < count; i++) {
        if (packed[bytes + i] == first) {
            packed[bytes + i] = 0x01;
            changed++;
        }
    }
    /* The left refs, then the right ones: 2 * pairs refs in a row. */
    bits = code[PN_CODE_AT(ref_bits, 1)];
    for (i = 0; i < 2 * pairs; i++) {
        unsigned char *refs = packed + bytes + count +
                              (i < pairs ? 0 : PN_CODE_REFS_SIZE(bits, pairs));
        uint32_t k = i < pairs ? i : i - pairs;
        if (code_ref(refs, bits, k) == PN_CODE_BYTE_TO_REF(bits, first)) {
            set_code_ref(refs, bits, k, PN_CODE_BYTE_TO_REF(bits, 0x01));
            changed++;
        }
    }
    TEST_ASSERT_TRUE(changed > 0);
    title_fails(packed, sizeof packed);
}

/* ---- 4. Handles are checked against the catalog ---------------------------- */

static void test_verify_checks_the_handle_size(void)
{
    /* It read the handle's size of bytes: past the array (an ASan
     * overflow), or past the end of memory. */
    static const uint32_t sizes[] = {PN_BUNDLED_SIZE + 1, PN_BUNDLED_SIZE - 1,
                                     PN_HEADER_SIZE, 0xAAAAAAAAu};
    pn_catalog c, bad;
    unsigned i;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, packed, sizeof packed));
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        bad = c;
        bad.size = sizes[i];
        TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_verify(&bad));
    }
    bad.size = 0;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_verify(&bad));
    bad = c;
    bad.notice_count++;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_verify(&bad));
    bad.data = NULL;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_verify(&bad));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_verify(&c));
}

/* Every cursor call on `cur`, which disagrees with the catalog: each must
 * give `want`. */
static void cursor_refused(const pn_cursor *cur, pn_status want)
{
    static char page[4 * (4 * 20 + 1) + 1];
    pn_cursor moved;
    uint32_t p, ps;
    pn_status st;

    TEST_ASSERT_EQUAL_INT(want, pn_cursor_position(cur, &p, &ps));
    TEST_ASSERT_EQUAL_INT(want, pn_cursor_pages(cur, &ps));
    moved = *cur;
    TEST_ASSERT_EQUAL_INT(want, pn_cursor_next(&moved));
    moved = *cur;
    TEST_ASSERT_EQUAL_INT(want, pn_cursor_prev(&moved));
    moved = *cur;
    TEST_ASSERT_EQUAL_INT(want, pn_cursor_goto(&moved, 0));
    memset(page, 'x', sizeof page);
    st = pn_cursor_page(cur, page, sizeof page, &len);
    check_text(st, page, sizeof page, len, "pn_cursor_page");
    TEST_ASSERT_EQUAL_INT(want, st);
}

static void open_at(pn_cursor *cur, pn_notice *n, const pn_screen *screen)
{
    pn_catalog c;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, pn_bundled, PN_BUNDLED_SIZE));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&c, 0, n));
    TEST_ASSERT_TRUE(n->section_count > 2);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(cur, n, screen));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(cur, 1));
    TEST_ASSERT_EQUAL_UINT32(0, cur->pages); /* not counted yet */
    /* Back into section 1 from section 2 counts its pages; then to its
     * first page. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_goto(cur, 2));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(cur));
    TEST_ASSERT_EQUAL_UINT32(1, cur->section);
    TEST_ASSERT_TRUE(cur->pages > 1);
    while (cur->page > 0)
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(cur));
}

static void test_cursor_counts_are_checked(void)
{
    pn_screen screen = {20, 4, 0};
    pn_notice n;
    pn_cursor cur, bad;
    uint32_t p, ps;

    open_at(&cur, &n, &screen);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_position(&cur, &p, &ps));

    bad = cur;                 /* ran past 20 s */
    bad.notice.section_count = 0xAAAAAAAAu;
    cursor_refused(&bad, PN_ERR_ARG);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_open(&bad, &bad.notice,
                                                     &screen));
    bad = cur;                 /* a section past the last */
    bad.section = n.section_count;
    bad.page = 0;
    cursor_refused(&bad, PN_ERR_ARG);
    bad.section = 0xAAAAAAAAu;
    cursor_refused(&bad, PN_ERR_ARG);
    bad = cur;                 /* a page past the section's pages */
    bad.page = cur.pages;
    cursor_refused(&bad, PN_ERR_ARG);
    bad.pages = bad.page = 0xAAAAAAAAu;
    cursor_refused(&bad, PN_ERR_ARG);
    bad = cur;                 /* pages the section does not have */
    bad.pages = 0xAAAAAAAAu;
    bad.page = cur.pages + 1;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_prev(&bad));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_position(&bad, &p, &ps));
    bad = cur;                 /* on its last page, it claims more */
    while (bad.page + 1 < bad.pages)
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&bad));
    bad.pages = 0xAAAAAAAAu;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_next(&bad));
    bad = cur;                 /* pages not counted, a page past them */
    bad.pages = 0;
    bad.page = cur.pages + 1;
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_prev(&bad));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_position(&bad, &p, &ps));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_cursor_pages(&bad, &ps));
    TEST_ASSERT_EQUAL_UINT32(0, ps);
    bad.page = 0xFFFFFFFFu;
    cursor_refused(&bad, PN_ERR_ARG);
    bad = cur;                 /* a full notice with an authored layer */
    bad.internal.authored = 1;
    cursor_refused(&bad, PN_ERR_ARG);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open_summary(&bad, &n, &screen));
    TEST_ASSERT_EQUAL_UINT32(0, bad.internal.authored); /* built */
    bad.internal.authored = 1; /* a section not tagged summary */
    cursor_refused(&bad, PN_ERR_ARG);
    bad.internal.authored = n.section_count + 1u;
    cursor_refused(&bad, PN_ERR_ARG);
    bad.internal.authored = 0xAAAAAAAAu;
    cursor_refused(&bad, PN_ERR_ARG);
    bad = cur;                 /* unknown screen flags, no such screen */
    bad.screen.flags = 8u;
    cursor_refused(&bad, PN_ERR_ARG);
    bad.screen.flags = PN_PIXELS; /* a pixel screen, with no font */
    cursor_refused(&bad, PN_ERR_NOT_FOUND);
    bad.screen.flags = 0x80000000u;
    cursor_refused(&bad, PN_ERR_ARG);
    bad = cur;
    bad.screen.cols = PN_MAX_COLS + 1;
    cursor_refused(&bad, PN_ERR_ARG);
    bad = cur;
    bad.summary = 2;
    cursor_refused(&bad, PN_ERR_ARG);
    bad = cur;
    memset(&bad.internal, 0xAA, sizeof bad.internal);
    cursor_refused(&bad, PN_ERR_ARG);
    bad = cur;
    bad.notice.internal.record = 0xAAAAAAAAu;
    cursor_refused(&bad, PN_ERR_FORMAT);
    bad = cur;
    bad.notice.internal.size = 0xAAAAAAAAu;
    cursor_refused(&bad, PN_ERR_FORMAT);
}

/* Every byte of a handle but its catalog address, set to each of a few
 * values: every call on it must end, with a status libpn documents and
 * its buffer whole. The test's time is the bound. */
typedef union handle {
    pn_notice notice;
    pn_section section;
    pn_cursor cursor;
} handle;

static void status_known(pn_status st)
{
    TEST_ASSERT_TRUE(st >= PN_ERR_CRC && st <= PN_TRUNCATED);
}

/* Calls `calls` on copies of the handle `good` (`size` bytes, its catalog
 * address at `data_at`), each with one other byte changed. */
static void each_damaged(const handle *good, size_t size, size_t data_at,
                         void (*calls)(handle *bad))
{
    static const unsigned char fills[] = {0x00, 0x01, 0x55, 0xAA, 0xFF};
    handle bad;
    size_t at, f;

    for (at = 0; at < size; at++) {
        if (at >= data_at && at < data_at + sizeof(const unsigned char *))
            continue;
        for (f = 0; f < sizeof fills; f++) {
            bad = *good;
            ((unsigned char *)&bad)[at] = fills[f];
            calls(&bad);
        }
    }
}

static void cursor_calls(handle *bad)
{
    static char page[4 * (4 * 20 + 1) + 1];
    pn_cursor moved;
    uint32_t p, ps;
    pn_status st = pn_cursor_position(&bad->cursor, &p, &ps);

    status_known(st);
    TEST_ASSERT_TRUE(st != PN_OK || (p >= 1 && p <= ps));
    st = pn_cursor_pages(&bad->cursor, &ps);
    status_known(st);
    TEST_ASSERT_TRUE(st != PN_OK || bad->cursor.page < ps);
    moved = bad->cursor;
    status_known(pn_cursor_next(&moved));
    moved = bad->cursor;
    status_known(pn_cursor_prev(&moved));
    moved = bad->cursor;
    status_known(pn_cursor_goto(&moved, 2));
    memset(page, 'x', sizeof page);
    st = pn_cursor_page(&bad->cursor, page, sizeof page, &len);
    status_known(st);
    check_text(st, page, sizeof page, len, "pn_cursor_page");
}

static void notice_calls(handle *bad)
{
    pn_contact contact;
    pn_section found;
    pn_status st;

    memset(text, 'x', sizeof text);
    st = pn_notice_title(&bad->notice, text, sizeof text, &len);
    check_text(st, text, sizeof text, len, "pn_notice_title");
    st = pn_notice_contact(&bad->notice, text, 40, &contact);
    status_known(st);
    TEST_ASSERT_TRUE(st >= 0 ||
                     (text[0] == '\0' && contact.authority == text));
    status_known(pn_section_at(&bad->notice, 3, &found));
    status_known(pn_section_find(&bad->notice, "none", &found));
    status_known(pn_section_by_topic(&bad->notice, PN_TOPIC_RIGHTS, 0,
                                     &found));
}

static void section_calls(handle *bad)
{
    pn_status st;

    memset(text, 'x', sizeof text);
    st = pn_section_title(&bad->section, text, sizeof text, &len);
    check_text(st, text, sizeof text, len, "pn_section_title");
    memset(text, 'x', sizeof text);
    st = pn_block_read(&bad->section, 0, NULL, text, sizeof text, &len);
    check_text(st, text, sizeof text, len, "pn_block_read");
}

static void test_damaged_handles_are_bounded(void)
{
    pn_screen screen = {20, 4, 0};
    pn_notice n;
    handle good;

    open_at(&good.cursor, &n, &screen);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_next(&good.cursor));
    each_damaged(&good, sizeof good.cursor,
                 offsetof(pn_cursor, notice) + offsetof(pn_notice, internal) +
                     offsetof(pn__ref, data),
                 cursor_calls);
    good.notice = n;
    each_damaged(&good, sizeof good.notice,
                 offsetof(pn_notice, internal) + offsetof(pn__ref, data),
                 notice_calls);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&n, 1, &good.section));
    each_damaged(&good, sizeof good.section,
                 offsetof(pn_section, internal) + offsetof(pn__ref, data),
                 section_calls);
}

/* ---- Random corruptions --------------------------------------------------- */

static uint32_t seed = 0x9E3779B9u;

/* xorshift32: the same numbers on every run. */
static uint32_t rnd(uint32_t below)
{
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed % below;
}

/* A buffer size: mostly large enough, sometimes small enough to cut. */
static size_t some_size(size_t max)
{
    return rnd(4) == 0 ? 1 + rnd(48) : max;
}

static void read_text(pn_status st, size_t size, const char *what)
{
    check_text(st, text, size, len, what);
}

static void contact_whole(const pn_notice *n)
{
    pn_contact ct;
    size_t size = some_size(sizeof text);
    pn_status st;

    memset(text, 'x', sizeof text);
    st = pn_notice_contact(n, text, size, &ct);
    if (st < 0) {
        TEST_ASSERT_EQUAL_INT(0, text[0]);
        TEST_ASSERT_TRUE(ct.name == text && ct.authority == text);
    } else {
        TEST_ASSERT_NOT_NULL(memchr(text, '\0', size));
        TEST_ASSERT_NOT_NULL(memchr(ct.authority, '\0',
                                    size - (size_t)(ct.authority - text)));
    }
}

/* The text calls on a notice and one of its sections. */
static void read_notice(const pn_notice *n, const pn_section *sec)
{
    size_t size = some_size(sizeof text);

    memset(text, 'x', sizeof text);
    len = 12345;
    read_text(pn_notice_title(n, text, size, &len), size, "title");
    contact_whole(n);
    size = some_size(sizeof text);
    memset(text, 'x', sizeof text);
    read_text(pn_section_title(sec, text, size, &len), size,
              "section title");
    size = some_size(sizeof text);
    memset(text, 'x', sizeof text);
    read_text(pn_block_read(sec, rnd(sec->block_count + 1u), NULL, text,
                            size, &len), size, "block");
}

static void read_page(pn_cursor *cur)
{
    size_t size = some_size(cur->screen.rows * (4u * cur->screen.cols + 1) +
                            1);

    memset(text, 'x', sizeof text);
    len = 12345;
    read_text(pn_cursor_page(cur, text, size, &len), size, "page");
}

/* A random screen, a cursor on it, moved a few pages on. */
static pn_status cursor_on(pn_cursor *cur, const pn_notice *n)
{
    pn_screen screen;
    unsigned moves = rnd(3);
    pn_status st;

    screen.cols = (uint16_t)(1 + rnd(60));
    screen.rows = (uint16_t)(1 + rnd(10));
    screen.flags = rnd(3);
    st = rnd(3) == 0 ? pn_cursor_open_summary(cur, n, &screen)
                     : pn_cursor_open(cur, n, &screen);
    while (st == PN_OK && moves-- > 0)
        status_known(pn_cursor_next(cur));
    return st;
}

static void move_and_read(pn_cursor *cur)
{
    uint32_t p, ps;

    read_page(cur);
    if (rnd(2))
        status_known(pn_cursor_next(cur));
    if (rnd(4) == 0)
        status_known(pn_cursor_prev(cur));
    read_page(cur);
    if (rnd(16) == 0)
        status_known(pn_cursor_position(cur, &p, &ps));
}

/* Handles made on the whole catalog and used once it is damaged, as a
 * device holds them when its flash goes bad. */
typedef struct held {
    pn_notice notice;
    pn_section section;
    pn_cursor cursor;
} held;

static void hold(const unsigned char *bytes, size_t size, held *h)
{
    pn_catalog c;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, bytes, size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&c, rnd(c.notice_count),
                                              &h->notice));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&h->notice,
                                               rnd(h->notice.section_count),
                                               &h->section));
    TEST_ASSERT_EQUAL_INT(PN_OK, cursor_on(&h->cursor, &h->notice));
}

/* The text calls on the damaged catalog: through the handles held, and
 * through new ones if it still opens. */
static void read_damaged(const unsigned char *bytes, size_t size, held *h)
{
    pn_catalog c;
    pn_notice n;
    pn_section sec;
    pn_cursor cur;
    size_t buf_size;

    read_notice(&h->notice, &h->section);
    move_and_read(&h->cursor);
    if (pn_open(&c, bytes, size) != PN_OK || c.notice_count == 0 ||
        pn_notice_at(&c, rnd(c.notice_count), &n) != PN_OK)
        return;
    buf_size = some_size(sizeof text);
    memset(text, 'x', sizeof text);
    read_text(pn_langs(&c, n.policy, text, buf_size, &len), buf_size,
              "langs");
    if (pn_section_at(&n, rnd(n.section_count + 1u), &sec) == PN_OK)
        read_notice(&n, &sec);
    if (rnd(4) == 0 && cursor_on(&cur, &n) == PN_OK)
        move_and_read(&cur);
}

/* `n` times: damages 1-4 random bytes of the catalog, then reads it.
 * In a plain catalog every other damage is a control character. */
static void corrupt_and_read(unsigned char *bytes, size_t size, unsigned n,
                             int controls)
{
    uint32_t at[4];
    unsigned char was[4];
    unsigned i, k, count;
    held h;

    for (k = 0; k < n; k++) {
        if (k % 8 == 0)        /* the bytes are whole again after each */
            hold(bytes, size, &h);
        count = 1 + rnd(4);
        for (i = 0; i < count; i++) {
            at[i] = rnd((uint32_t)size);
            was[i] = bytes[at[i]];
            bytes[at[i]] = (unsigned char)(controls && rnd(2) ? rnd(32)
                                                              : rnd(256));
        }
        read_damaged(bytes, size, &h);
        while (i-- > 0)
            bytes[at[i]] = was[i];
    }
}

#define CORRUPTIONS 100000u
#define PLAIN_CORRUPTIONS 10000u

static void test_random_corruptions_give_whole_texts_or_none(void)
{
    char msg[100];

    corrupt_and_read(packed, sizeof packed, CORRUPTIONS, 0);
    corrupt_and_read(plain, sizeof plain, PLAIN_CORRUPTIONS, 1);
    snprintf(msg, sizeof msg, "%u random corruptions of the bundled "
             "catalog and %u of its plain twin", CORRUPTIONS,
             PLAIN_CORRUPTIONS);
    TEST_MESSAGE(msg);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_header_changes_are_caught);
    RUN_TEST(test_every_byte_change_is_caught);
    RUN_TEST(test_open_refuses_unknown_flags_and_other_sizes);
    RUN_TEST(test_a_page_that_fails_is_empty);
    RUN_TEST(test_a_control_character_in_a_text_is_damage);
    RUN_TEST(test_verify_checks_the_handle_size);
    RUN_TEST(test_cursor_counts_are_checked);
    RUN_TEST(test_damaged_handles_are_bounded);
    RUN_TEST(test_random_corruptions_give_whole_texts_or_none);
    return UNITY_END();
}
