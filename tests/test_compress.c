/* Compressed catalogs: the bundled notices compiled twice, compressed and
 * with --no-compress, must read the same through every libpn call, cut
 * at the same character boundaries in small buffers, and lay out the
 * same pages; damaged code tables and code bits must give PN_ERR_FORMAT.
 * The fixture catalog (compressed) is the one damaged here. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "fixture_catalog.h"
#include "plain_catalog.h"
#include "pn.h"
#include "pn_crc32.h"
#include "pn_decode.h"
#include "pn_format.h"
#include "pn_read.h"
#include "support.h"
#include "unity.h"

static pn_catalog packed, plain;
static char a[70000], b[70000];

void setUp(void)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&packed, pn_bundled, PN_BUNDLED_SIZE));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&plain, plain_catalog,
                                         PLAIN_CATALOG_SIZE));
}

void tearDown(void)
{
}

static uint32_t u32_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint16_t u16_at(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

/* ---- The same text either way ----------------------------------------------- */

static void test_the_catalogs_differ_in_form_only(void)
{
    TEST_ASSERT_EQUAL_HEX32(PN_FLAG_COMPRESSED,
                            u16_at(pn_bundled + PN_HDR_AT(flags, 2)));
    TEST_ASSERT_EQUAL_HEX32(0, u16_at(plain_catalog + PN_HDR_AT(flags, 2)));
    TEST_ASSERT_EQUAL_UINT32(0, u32_at(plain_catalog + PN_HDR_AT(code, 4)));
    TEST_ASSERT_TRUE(PN_BUNDLED_SIZE < PLAIN_CATALOG_SIZE / 2);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_verify(&packed));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_verify(&plain));
    TEST_ASSERT_EQUAL_UINT32(plain.notice_count, packed.notice_count);
}

/* The results of one call on each catalog, the lengths read after both
 * calls are made. */
static void same_call(pn_status sa, const size_t *la, pn_status sb,
                      const size_t *lb)
{
    TEST_ASSERT_EQUAL_INT(sb, sa);
    TEST_ASSERT_EQUAL_size_t(*lb, *la);
    TEST_ASSERT_EQUAL_STRING(b, a);
}

static void test_every_text_decodes_to_the_plain_text(void)
{
    uint32_t i, j, k, blocks = 0;

    for (i = 0; i < packed.notice_count; i++) {
        pn_notice np, nq;
        pn_contact ca, cb;
        size_t la, lb;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&packed, i, &np));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&plain, i, &nq));
        TEST_ASSERT_EQUAL_STRING(nq.policy, np.policy);
        TEST_ASSERT_EQUAL_STRING(nq.lang, np.lang);
        TEST_ASSERT_EQUAL_UINT32(nq.section_count, np.section_count);
        same_call(pn_notice_title(&np, a, sizeof a, &la), &la,
                  pn_notice_title(&nq, b, sizeof b, &lb), &lb);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_contact(&np, a, sizeof a, &ca));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_contact(&nq, b, sizeof b, &cb));
        TEST_ASSERT_EQUAL_STRING(cb.name, ca.name);
        TEST_ASSERT_EQUAL_STRING(cb.email, ca.email);
        TEST_ASSERT_EQUAL_STRING(cb.address, ca.address);
        TEST_ASSERT_EQUAL_STRING(cb.authority, ca.authority);
        for (j = 0; j < np.section_count; j++) {
            pn_section sp, sq;
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&np, j, &sp));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&nq, j, &sq));
            TEST_ASSERT_EQUAL_UINT32(sq.block_count, sp.block_count);
            same_call(pn_section_title(&sp, a, sizeof a, &la), &la,
                      pn_section_title(&sq, b, sizeof b, &lb), &lb);
            for (k = 0; k < sp.block_count; k++) {
                pn_block_kind ka, kb;
                same_call(pn_block_read(&sp, k, &ka, a, sizeof a, &la), &la,
                          pn_block_read(&sq, k, &kb, b, sizeof b, &lb), &lb);
                TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sp, k, &ka, a,
                                                           sizeof a, &la));
                TEST_ASSERT_EQUAL_INT(kb, ka);
                blocks++;
            }
        }
    }
    TEST_ASSERT_TRUE(blocks > 300);
}

/* Whether the `n` bytes at `s` end on a whole UTF-8 character. */
static int ends_whole(const char *s, size_t n)
{
    size_t start = n, need;
    unsigned char c;

    if (n == 0)
        return 1;
    while (start > 0 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
        start--;
    if (start == 0)
        return 0;
    c = (unsigned char)s[start - 1];
    need = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return n - (start - 1) == need;
}

static void test_small_buffers_cut_at_characters(void)
{
    uint32_t i, j, k, cuts = 0;

    for (i = 0; i < packed.notice_count; i++) {
        pn_notice np, nq;
        pn_notice_at(&packed, i, &np);
        pn_notice_at(&plain, i, &nq);
        for (j = 0; j < np.section_count; j++) {
            pn_section sp, sq;
            pn_section_at(&np, j, &sp);
            pn_section_at(&nq, j, &sq);
            for (k = 0; k < sp.block_count; k++) {
                size_t full, size, la, lb;
                TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sq, k, NULL, b,
                                                           sizeof b, &full));
                for (size = 1; size <= full + 1; size += size < 80 ? 1 : 37) {
                    pn_status sa = pn_block_read(&sp, k, NULL, a, size, &la);
                    pn_status sb = pn_block_read(&sq, k, NULL, b, size, &lb);
                    same_call(sa, &la, sb, &lb);
                    TEST_ASSERT_TRUE(ends_whole(a, la));
                    TEST_ASSERT_TRUE(la < size);
                    if (size <= full) {
                        TEST_ASSERT_EQUAL_INT(PN_TRUNCATED, sa);
                        TEST_ASSERT_TRUE(la + 4 > size - 1);
                        cuts++;
                    }
                }
            }
        }
    }
    TEST_ASSERT_TRUE(cuts > 10000);
}

/* Block `k` of `sec` read with the decoder `chunk` bytes a call, or a
 * byte a call with pn__dec_byte() if `chunk` is 0, into `out` (with a
 * NUL): PN_OK, or PN_ERR_FORMAT if the decoder says the text is damaged
 * (`out` then holds what came before). */
static pn_status read_in_chunks(const pn_section *sec, uint32_t k,
                                uint32_t chunk, char *out, size_t *len)
{
    pn__text text;
    pn__dec d;
    unsigned kind, level;
    uint32_t number, n = 0, got;
    pn_status st = pn__read_block(sec, k, &kind, &level, &number, &text);

    if (st != PN_OK)
        return st;
    pn__dec_open(&d, &text);
    do {
        if (chunk == 0) {
            int c = pn__dec_byte(&d);
            got = c >= 0;
            if (got)
                out[n] = (char)c;
        } else {
            got = pn__dec_read(&d, out + n, chunk);
        }
        n += got;
    } while (got > 0 && !d.err);
    out[n] = '\0';
    *len = n;
    return d.err || n != text.len ? PN_ERR_FORMAT : PN_OK;
}

/* The decoder expands a symbol on a fast path when the room left in the
 * read may hold it and on a careful one when it may not, so reads of
 * every size must give the same bytes. */
static const uint32_t chunks[] = {0, 1, 2, 3, 5, 16, 63, 64, 65, 1000};

/* Calls `check` on every block of every section of the compressed
 * catalog; returns the sum of what the calls return. */
typedef uint32_t block_check(const pn_section *sec, uint32_t k);

static uint32_t each_packed_block(block_check *check)
{
    uint32_t i, j, k, sum = 0;

    for (i = 0; i < packed.notice_count; i++) {
        pn_notice np;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&packed, i, &np));
        for (j = 0; j < np.section_count; j++) {
            pn_section sp;
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&np, j, &sp));
            for (k = 0; k < sp.block_count; k++)
                sum += check(&sp, k);
        }
    }
    return sum;
}

/* Block `k` read in every size of chunks: the reads made. */
static uint32_t reads_alike(const pn_section *sec, uint32_t k)
{
    size_t full, la;
    uint32_t c;

    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_block_read(sec, k, NULL, b, sizeof b, &full));
    for (c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, read_in_chunks(sec, k, chunks[c], a, &la));
        TEST_ASSERT_EQUAL_size_t(full, la);
        TEST_ASSERT_EQUAL_STRING(b, a);
    }
    return c;
}

static void test_any_read_size_gives_the_same_text(void)
{
    TEST_ASSERT_TRUE(each_packed_block(reads_alike) > 3000);
}

/* Block `k` opened again at every mark its decoder gives: the marks. */
static uint32_t marks_read_the_rest(const pn_section *sec, uint32_t k)
{
    pn__text text;
    pn__dec d, e;
    unsigned kind, level;
    uint32_t number, done = 0, at, marks = 0;
    size_t full;

    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_block_read(sec, k, NULL, b, sizeof b, &full));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_block(sec, k, &kind, &level,
                                                &number, &text));
    pn__dec_open(&d, &text);
    while (done < text.len) {
        if (pn__dec_mark(&d, &at)) {
            uint32_t rest = text.len - done;
            TEST_ASSERT_EQUAL_INT(PN_OK, pn__dec_open_at(&e, &text, at, done));
            TEST_ASSERT_EQUAL_UINT32(rest, pn__dec_read(&e, a, rest));
            TEST_ASSERT_FALSE(e.err);
            TEST_ASSERT_EQUAL_MEMORY(b + done, a, rest);
            marks++;
        }
        done += pn__dec_read(&d, a, 7);
        TEST_ASSERT_FALSE(d.err);
    }
    return marks;
}

/* A place pn__dec_mark() gives, opened again with pn__dec_open_at(),
 * reads the rest of the text. */
static void test_a_marked_place_reads_the_rest(void)
{
    TEST_ASSERT_TRUE(each_packed_block(marks_read_the_rest) > 1000);
}

static void test_pages_are_the_same(void)
{
    static const pn_screen screens[] = {
        {20, 4, PN_ASCII}, {40, 12, 0}, {7, 3, PN_LATIN1}, {1, 1, 0},
    };
    uint32_t i, s;

    for (s = 0; s < sizeof screens / sizeof screens[0]; s++) {
        for (i = 0; i < packed.notice_count; i++) {
            pn_notice np, nq;
            pn_cursor cp, cq;
            uint32_t pa, na, pb, nb, steps = 0;
            pn_status st;

            pn_notice_at(&packed, i, &np);
            pn_notice_at(&plain, i, &nq);
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cp, &np, &screens[s]));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cq, &nq, &screens[s]));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_position(&cp, &pa, &na));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_position(&cq, &pb, &nb));
            TEST_ASSERT_EQUAL_UINT32(nb, na);
            do {
                size_t la, lb;
                same_call(pn_cursor_page(&cp, a, sizeof a, &la), &la,
                          pn_cursor_page(&cq, b, sizeof b, &lb), &lb);
                st = pn_cursor_next(&cp);
                TEST_ASSERT_EQUAL_INT(pn_cursor_next(&cq), st);
                steps++;
            } while (st == PN_OK && steps < 100000);
            TEST_ASSERT_EQUAL_UINT32(nb, steps);
            /* And back: going back re-decodes from a block's start. */
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cp));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_prev(&cq));
            {
                size_t la, lb;
                same_call(pn_cursor_page(&cp, a, sizeof a, &la), &la,
                          pn_cursor_page(&cq, b, sizeof b, &lb), &lb);
            }
        }
    }
}

/* ---- Damage ---------------------------------------------------------------------- */

#define COPY_MAX (PN_BUNDLED_SIZE > FIXTURE_CATALOG_SIZE ? PN_BUNDLED_SIZE \
                                                      : FIXTURE_CATALOG_SIZE)
static unsigned char copy[COPY_MAX];
/* The catalog `copy` is a copy of: the fixture catalog, or the bundled
 * one, whose code has far more pairs. */
static const unsigned char *original = fixture_catalog;
static uint32_t copy_size = FIXTURE_CATALOG_SIZE;

/* `copy` as the original again. */
static void reset(void)
{
    memcpy(copy, original, copy_size);
}

static unsigned char *code_tables(void)
{
    return copy + u32_at(copy + PN_HDR_AT(code, 4));
}

/* The bytes with a code (pn_format.h). */
static unsigned char *code_bytes(void)
{
    unsigned char *c = code_tables();
    return c + PN_CODE_HEAD_SIZE +
           PN_CODE_LENGTHS_SIZE(c[PN_CODE_AT(max_len, 1)] -
                                c[PN_CODE_AT(min_len, 1)] + 1u) +
           (1u << c[PN_CODE_AT(start_bits, 1)]);
}

/* The pairs' refs: the left ones, then the right ones. */
static unsigned char *entries(void)
{
    return code_bytes() + u16_at(code_tables() + PN_CODE_AT(bytes, 2));
}

/* The pool bytes of the title of notice 0: its length, then its bits. */
static unsigned char *first_title(void)
{
    return copy + u32_at(copy + PN_HDR_AT(pool, 4)) +
           (u32_at(copy + u32_at(copy + PN_HDR_AT(notices, 4)) +
                   PN_NOTICE_AT(title, PN_OFFSET_SIZE)) & 0xFFFFFFu);
}

/* One read of the damaged copy and the same read of the fixture catalog:
 * no read may give anything but PN_OK or PN_ERR_FORMAT. Counts the texts
 * that are not empty and the reads that gave PN_ERR_FORMAT. */
static void tally(pn_status st, pn_status orig, size_t orig_len,
                  unsigned *texts, unsigned *bad)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, orig);
    TEST_ASSERT_TRUE(st == PN_OK || st == PN_ERR_FORMAT);
    *texts += orig_len > 0;
    *bad += st == PN_ERR_FORMAT;
}

/* Block `k` of `sec` read in chunks of every size in chunks[] gives what
 * reading it whole gave (`st`, and `whole` if PN_OK): damage is damage
 * however the text is read. */
static void same_in_chunks(const pn_section *sec, uint32_t k, pn_status st,
                           const char *whole)
{
    static char part[sizeof a];
    size_t c, n;

    for (c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        TEST_ASSERT_EQUAL_INT(st, read_in_chunks(sec, k, chunks[c], part, &n));
        if (st == PN_OK)
            TEST_ASSERT_EQUAL_STRING(whole, part);
    }
}

/* Reads every title and block of the damaged copy, and opens a cursor on
 * every notice; `*texts` gets the texts that are not empty, and the
 * result is the reads that gave PN_ERR_FORMAT. */
static unsigned read_all(unsigned *texts)
{
    pn_catalog c, o;
    unsigned bad = 0;
    uint32_t i, j, k;
    size_t n;
    pn_status st, orig;

    *texts = 0;
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, copy, copy_size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&o, original, copy_size));
    for (i = 0; i < c.notice_count; i++) {
        pn_notice nc, no;
        pn_cursor cur;
        pn_screen screen = {20, 4, 0};
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&c, i, &nc));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&o, i, &no));
        st = pn_notice_title(&nc, a, sizeof a, NULL);
        orig = pn_notice_title(&no, b, sizeof b, &n);
        tally(st, orig, n, texts, &bad);
        for (j = 0; j < nc.section_count; j++) {
            pn_section sc, so;
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&nc, j, &sc));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&no, j, &so));
            for (k = 0; k < sc.block_count; k++) {
                st = pn_block_read(&sc, k, NULL, a, sizeof a, NULL);
                same_in_chunks(&sc, k, st, a);
                orig = pn_block_read(&so, k, NULL, b, sizeof b, &n);
                tally(st, orig, n, texts, &bad);
            }
        }
        /* Opening lays nothing out: the first page reads the text. */
        st = pn_cursor_open(&cur, &nc, &screen);
        if (st == PN_OK)
            st = pn_cursor_page(&cur, a, sizeof a, NULL);
        tally(st, PN_OK, 1, texts, &bad);
    }
    return bad;
}

/* pn_open() on `copy` with its CRC made right again, so that the damage
 * is seen as a bad layout (PN_ERR_FORMAT), not as bytes the CRC catches
 * (PN_ERR_CRC). */
static pn_status open_resealed(pn_catalog *c)
{
    uint32_t crc = pn__crc32_catalog(copy, copy_size);
    unsigned i;

    for (i = 0; i < 4; i++)
        copy[PN_HDR_AT(crc, 4) + i] = (unsigned char)(crc >> 8 * i);
    return pn_open(c, copy, copy_size);
}

static void test_damaged_code_tables(void)
{
    pn_catalog c;
    unsigned char *t;

    reset();
    t = code_tables();
    t[PN_CODE_AT(bytes, 2)] ^= 1; /* the parts no longer fill the tables */
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));

    reset();
    code_tables()[PN_CODE_AT(max_len, 1)] = PN_CODE_MAX_LEN + 1;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));

    reset();
    t = code_tables();
    t[PN_CODE_AT(min_len, 1)] = (unsigned char)(t[PN_CODE_AT(max_len, 1)] + 1);
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));

    reset();
    t = code_tables();
    t[PN_CODE_AT(start_bits, 1)] = (unsigned char)(t[PN_CODE_AT(max_len, 1)] + 1);
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));

    reset();
    t = code_tables();
    t[PN_CODE_AT(pairs, 2)] = 0xFF; /* more pairs than the tables hold */
    t[PN_CODE_AT(pairs, 2) + 1] = 0x0F;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));

    reset();
    code_tables()[PN_CODE_AT(ref_bits, 1)] = PN_CODE_MIN_REF_BITS - 1;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));

    reset();
    code_tables()[PN_CODE_AT(ref_bits, 1)] = PN_CODE_MAX_REF_BITS + 1;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));

    reset();
    copy[PN_HDR_AT(code_size, 4)] = 3;
    copy[PN_HDR_AT(code_size, 4) + 1] = 0;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));

    reset();
    copy[PN_HDR_AT(flags, 2)] |= 2; /* a flag this libpn does not know */
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, open_resealed(&c));
}

/* The code's ref_bits (pn_format.h). */
static unsigned ref_bits(void)
{
    return code_tables()[PN_CODE_AT(ref_bits, 1)];
}

/* The ref of byte `b` in the code of `copy`. */
static uint32_t byte_ref(unsigned char b)
{
    return PN_CODE_BYTE_TO_REF(ref_bits(), b);
}

/* Pair `i` made (left, right): its left ref, then its right one after
 * all the left refs. */
static void set_entry(uint32_t i, uint32_t left, uint32_t right)
{
    unsigned bits = ref_bits();
    uint32_t pairs = u16_at(code_tables() + PN_CODE_AT(pairs, 2));

    set_code_ref(entries(), bits, i, left);
    set_code_ref(entries() + PN_CODE_REFS_SIZE(bits, pairs), bits, i, right);
}

/* Every byte with a code made `byte`, which is not one a text may hold
 * unless it is 0x20 or more. */
static void set_code_bytes(unsigned char byte)
{
    uint32_t n = u16_at(code_tables() + PN_CODE_AT(bytes, 2)), i;
    for (i = 0; i < n; i++)
        code_bytes()[i] = byte;
}

/* The bytes with a code made control characters, the pairs left as
 * they are: a text that has such a code fails (PN_ERR_FORMAT), which is
 * nearly every text of the fixture, whose code is nearly all bytes. */
static void test_damaged_byte_list(void)
{
    unsigned texts;

    reset();
    set_code_bytes(0x01);
    TEST_ASSERT_TRUE(read_all(&texts) > texts - texts / 10);
    reset();
    set_code_bytes(0x1F);
    TEST_ASSERT_TRUE(read_all(&texts) > texts - texts / 10);
}

static void test_damaged_symbols(void)
{
    uint32_t pairs, i;
    unsigned texts, bad;

    original = pn_bundled;
    copy_size = PN_BUNDLED_SIZE;

    /* Every pair a pair of itself: expanding never reaches a byte; and
     * no byte with a code is one. */
    reset();
    pairs = u16_at(code_tables() + PN_CODE_AT(pairs, 2));
    TEST_ASSERT_TRUE(pairs > 100);
    for (i = 0; i < pairs; i++)
        set_entry(i, i, i);
    set_code_bytes(0x1F);
    bad = read_all(&texts);
    TEST_ASSERT_TRUE(texts > 20);
    TEST_ASSERT_EQUAL_UINT(texts, bad);

    /* The same pairs alone: every text that holds a pair fails. */
    reset();
    for (i = 0; i < pairs; i++)
        set_entry(i, i, i);
    TEST_ASSERT_TRUE(read_all(&texts) > texts - texts / 10);

    /* A child past the table, with the bytes' list broken too. */
    reset();
    for (i = 0; i < pairs; i++)
        set_entry(i, pairs, 0);
    set_code_bytes(0x00);
    TEST_ASSERT_EQUAL_UINT(texts, read_all(&texts));

    /* A ref that is neither a pair nor a byte a text may hold: the
     * control character 0x01. */
    reset();
    for (i = 0; i < pairs; i++)
        set_entry(i, byte_ref(0x01), byte_ref(0x01));
    set_code_bytes(0x01);
    TEST_ASSERT_EQUAL_UINT(texts, read_all(&texts));

    /* Each pair the next pair, then itself: deeper at each step; and
     * pair 0 an 'x', then itself again: a symbol that never ends (the
     * text's length stops it, with bits to spare). */
    reset();
    for (i = 0; i < pairs; i++)
        set_entry(i, (i + 1) % pairs, i);
    set_entry(0, byte_ref('x'), 0);
    TEST_ASSERT_TRUE(read_all(&texts) > texts / 2);

    /* Chains of pairs, each the next one and an 'x', ending in "xx":
     * a symbol at a chain's start nests one pair deeper than the stack
     * holds, the others fit. read_all() checks that reads of every size
     * tell them apart alike. */
    reset();
    for (i = 0; i < pairs; i++)
        if (i % (PN_CODE_MAX_DEPTH + 2) == PN_CODE_MAX_DEPTH + 1 ||
            i + 1 == pairs)
            set_entry(i, byte_ref('x'), byte_ref('x'));
        else
            set_entry(i, i + 1, byte_ref('x'));
    bad = read_all(&texts);
    TEST_ASSERT_TRUE(bad > 0 && bad < texts);
    original = fixture_catalog;
    copy_size = FIXTURE_CATALOG_SIZE;
}

static void test_damaged_bits(void)
{
    pn_catalog c;
    pn_notice n;
    unsigned char *t;
    uint32_t len;
    char title[100];

    reset();
    t = first_title();
    len = t[0];
    TEST_ASSERT_TRUE(len > 1 && len < 100);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, copy, copy_size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&c, 0, &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_title(&n, a, sizeof a, NULL));
    TEST_ASSERT_EQUAL_size_t(len, strlen(a));
    memcpy(title, a, len + 1);

    /* No size is stored, so a shorter length reads a text that ends
     * early: a symbol cut, or the title's first bytes. */
    t[0] = (unsigned char)(len / 2);
    if (pn_notice_title(&n, a, sizeof a, NULL) == PN_OK) {
        TEST_ASSERT_EQUAL_size_t(len / 2, strlen(a));
        TEST_ASSERT_EQUAL_MEMORY(title, a, len / 2);
    } else {
        TEST_ASSERT_EQUAL_STRING("", a);
    }
    /* A length of 0 is a reference, here to an offset that is not below
     * the text's own (the next byte is its bits'). */
    t[0] = 0;
    t[1] = 0x7F;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_notice_title(&n, a, sizeof a, NULL));

    /* Every bit flipped in turn: never a wild read, and most flips seen. */
    {
        uint32_t bit, seen = 0;
        reset();
        for (bit = 0; bit < 8 * (len / 4); bit++) {
            pn_status st;
            t[1 + bit / 8] ^= (unsigned char)(0x80u >> bit % 8);
            st = pn_notice_title(&n, a, sizeof a, NULL);
            TEST_ASSERT_TRUE(st == PN_OK || st == PN_ERR_FORMAT);
            seen += st == PN_ERR_FORMAT || strcmp(a, title) != 0;
            t[1 + bit / 8] ^= (unsigned char)(0x80u >> bit % 8);
        }
        TEST_ASSERT_TRUE(seen > 0);
    }
}

/* A text whose length is damaged is decoded up to the pool's end and not
 * past it (the catalog is copied to a block of its own size here, for
 * ASan and valgrind to see a read past it). The fixture's pool ends the
 * catalog; its last two bytes are made a text of a length and one byte of
 * bits, and notice 0's title points there. */
static void test_a_long_length_stops_at_the_pool_end(void)
{
    unsigned char *cat = malloc(copy_size);
    uint32_t pool, end;
    pn_catalog c;
    pn_notice n;
    static const uint32_t lengths[] = {100, 300, 500, PN_MAX_TEXT};
    size_t i;

    TEST_ASSERT_NOT_NULL(cat);
    memcpy(cat, original, copy_size);
    pool = u32_at(cat + PN_HDR_AT(pool, 4));
    end = pool + u32_at(cat + PN_HDR_AT(pool_size, 4));
    TEST_ASSERT_EQUAL_UINT32(copy_size, end);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, cat, copy_size));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&c, 0, &n));
    {
        unsigned char *title = cat + u32_at(cat + PN_HDR_AT(notices, 4)) +
                               PN_NOTICE_AT(title, PN_OFFSET_SIZE);
        uint32_t at = end - 3 - pool;
        for (i = 0; i < PN_OFFSET_SIZE; i++)
            title[i] = (unsigned char)(at >> 8 * i);
    }
    for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        /* The length (two LEB128 bytes), then one byte of bits. */
        cat[end - 3] = (unsigned char)(0x80u | (lengths[i] & 0x7Fu));
        cat[end - 2] = (unsigned char)(lengths[i] >> 7);
        cat[end - 1] = 0x00;
        TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                              pn_notice_title(&n, a, sizeof a, NULL));
        TEST_ASSERT_EQUAL_STRING("", a);
    }
    free(cat);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_the_catalogs_differ_in_form_only);
    RUN_TEST(test_every_text_decodes_to_the_plain_text);
    RUN_TEST(test_small_buffers_cut_at_characters);
    RUN_TEST(test_any_read_size_gives_the_same_text);
    RUN_TEST(test_a_marked_place_reads_the_rest);
    RUN_TEST(test_pages_are_the_same);
    RUN_TEST(test_damaged_code_tables);
    RUN_TEST(test_damaged_byte_list);
    RUN_TEST(test_damaged_symbols);
    RUN_TEST(test_damaged_bits);
    RUN_TEST(test_a_long_length_stops_at_the_pool_end);
    return UNITY_END();
}
