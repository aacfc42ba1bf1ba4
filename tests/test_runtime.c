/* libpn tests over the catalog pnc makes from tests/fixtures/good: every
 * call, every status, truncation, language fallback, damaged catalogs. */
#include <string.h>

#include "fixture_catalog.h"
#include "pn.h"
#include "pn_format.h"
#include "pn_read.h"
#include "unity.h"

static pn_catalog cat;
static pn_notice notice;
static pn_section sec;
static char text[256];
static size_t len;

void setUp(void)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, fixture_catalog,
                                         FIXTURE_CATALOG_SIZE));
    memset(&notice, 0, sizeof notice);
    memset(&sec, 0, sizeof sec);
    memset(text, 'x', sizeof text);
    len = 12345;
}

void tearDown(void)
{
}

static void find(const char *policy, const char *langs)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&cat, policy, langs, &notice));
}

/* ---- Catalog -------------------------------------------------------------- */

static void test_open_and_verify(void)
{
    TEST_ASSERT_EQUAL_UINT32(4, cat.notice_count);
    TEST_ASSERT_EQUAL_UINT32(FIXTURE_CATALOG_SIZE, cat.size);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_verify(&cat));
}

static void test_open_rejects_bad_input(void)
{
    static unsigned char copy[FIXTURE_CATALOG_SIZE];
    pn_catalog c;

    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_open(NULL, fixture_catalog, 10));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_open(&c, NULL, 10));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_open(&c, fixture_catalog, 0));
    TEST_ASSERT_EQUAL_INT(PN_ERR_SIZE, pn_open(&c, fixture_catalog, PN_HEADER_SIZE - 1));
    TEST_ASSERT_EQUAL_INT(PN_ERR_SIZE, pn_open(&c, fixture_catalog, 2));
    TEST_ASSERT_EQUAL_INT(PN_ERR_SIZE,
                          pn_open(&c, fixture_catalog, FIXTURE_CATALOG_SIZE - 1));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_CATALOG, pn_open(&c, "not a catalog at all, "
                                                 "really not, no no no no", 46));
    TEST_ASSERT_EQUAL_INT(PN_ERR_SIZE, pn_open(&c, "PN", 2));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_CATALOG, pn_open(&c, "PX", 2));

    memcpy(copy, fixture_catalog, sizeof copy);
    copy[PN_HDR_AT(version, 2)] = PN_FORMAT_VERSION - 1; /* an older pnc's */
    TEST_ASSERT_EQUAL_INT(PN_ERR_VERSION, pn_open(&c, copy, sizeof copy));
    copy[PN_HDR_AT(version, 2)] = PN_FORMAT_VERSION + 1; /* a newer one's */
    TEST_ASSERT_EQUAL_INT(PN_ERR_VERSION, pn_open(&c, copy, sizeof copy));
    /* After a failed open the handle is unusable, not dangerous. */
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_find(&c, "alpha", "nb", &notice));
}

/* A catalog in a region larger than itself (a flash partition): its size
 * from its header; and one with bytes after it is refused by pn_open. */
static void test_catalog_size_in_a_larger_region(void)
{
    static unsigned char region[FIXTURE_CATALOG_SIZE + 100];
    uint32_t size = 1;
    pn_catalog c;

    memset(region, 0xFF, sizeof region);
    memcpy(region, fixture_catalog, FIXTURE_CATALOG_SIZE);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_catalog_size(region, sizeof region, &size));
    TEST_ASSERT_EQUAL_UINT32(FIXTURE_CATALOG_SIZE, size);
    TEST_ASSERT_EQUAL_INT(PN_ERR_SIZE, pn_open(&c, region, sizeof region));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, region, size));
    TEST_ASSERT_EQUAL_UINT32(0, c.catalog_version);
    TEST_ASSERT_EQUAL_INT(PN_ERR_SIZE, pn_catalog_size(region, 100, &size));
    TEST_ASSERT_EQUAL_UINT32(FIXTURE_CATALOG_SIZE, size);
    TEST_ASSERT_EQUAL_INT(PN_ERR_SIZE, pn_catalog_size(region, 3, &size));
    TEST_ASSERT_EQUAL_UINT32(0, size);
    memset(region, 0xFF, sizeof region);   /* erased flash */
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_CATALOG,
                          pn_catalog_size(region, sizeof region, &size));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_catalog_size(region, 0, &size));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_catalog_size(region, 10, NULL));
}

static void test_verify_sees_every_flipped_byte(void)
{
    static unsigned char copy[FIXTURE_CATALOG_SIZE];
    size_t i;

    memcpy(copy, fixture_catalog, sizeof copy);
    for (i = 0; i < sizeof copy; i++) {
        pn_catalog c;
        copy[i] ^= 0x01;
        /* A flip may also break the layout; if it opens, verify must fail. */
        if (pn_open(&c, copy, sizeof copy) == PN_OK)
            TEST_ASSERT_EQUAL_INT(PN_ERR_CRC, pn_verify(&c));
        copy[i] ^= 0x01;
    }
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_verify(NULL));
}

static void test_notice_at_in_sorted_order(void)
{
    static const char *const expected[4][2] = {
        {"alpha", "en"}, {"alpha", "nb"}, {"beta", "nn"}, {"gamma", "en"}};
    uint32_t i;

    for (i = 0; i < 4; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &notice));
        TEST_ASSERT_EQUAL_STRING(expected[i][0], notice.policy);
        TEST_ASSERT_EQUAL_STRING(expected[i][1], notice.lang);
        TEST_ASSERT_EQUAL_UINT32(i, notice.index);
    }
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_notice_at(&cat, 4, &notice));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_notice_at(&cat, 0, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_notice_at(NULL, 0, &notice));
}

static void test_find_with_preference_list(void)
{
    find("alpha", "nn,nb,en");
    TEST_ASSERT_EQUAL_STRING("nb", notice.lang);
    find("alpha", "sv, en ,nb");
    TEST_ASSERT_EQUAL_STRING("en", notice.lang);
    find("alpha", "en");
    TEST_ASSERT_EQUAL_STRING("en", notice.lang);
    find("beta", "nb,*");
    TEST_ASSERT_EQUAL_STRING("nn", notice.lang);
    find("alpha", NULL);
    TEST_ASSERT_EQUAL_STRING("en", notice.lang);
    find("alpha", "");
    TEST_ASSERT_EQUAL_STRING("en", notice.lang);
}

static void test_find_falls_back(void)
{
    find("alpha", "nn");
    TEST_ASSERT_EQUAL_STRING("nb", notice.lang);
    find("alpha", "no");
    TEST_ASSERT_EQUAL_STRING("nb", notice.lang);
    find("beta", "nb");
    TEST_ASSERT_EQUAL_STRING("nn", notice.lang);
    find("alpha", "nb-NO");
    TEST_ASSERT_EQUAL_STRING("nb", notice.lang);
    find("alpha", "en_GB");
    TEST_ASSERT_EQUAL_STRING("en", notice.lang);
    /* Languages the reader listed come before fallbacks. */
    find("alpha", "nn,en");
    TEST_ASSERT_EQUAL_STRING("en", notice.lang);
    find("alpha", "sv,en");
    TEST_ASSERT_EQUAL_STRING("en", notice.lang);
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_find(&cat, "beta", "en,sv", &notice));
}

static void test_find_failures(void)
{
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_find(&cat, "alpha", "sv,de", &notice));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_find(&cat, "delta", "*", &notice));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_find(&cat, "alph", "en", &notice));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_find(&cat, "alpha", "e", &notice));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_find(&cat, NULL, "en", &notice));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_find(&cat, "alpha", "en", NULL));
}

static void test_langs(void)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_langs(&cat, "alpha", text, sizeof text, &len));
    TEST_ASSERT_EQUAL_STRING("en,nb", text);
    TEST_ASSERT_EQUAL_size_t(5, len);
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED, pn_langs(&cat, "alpha", text, 4, &len));
    TEST_ASSERT_EQUAL_STRING("en,", text);
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_langs(&cat, "zeta", text, sizeof text, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_langs(&cat, "alpha", text, 0, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_langs(&cat, "alpha", NULL, 8, NULL));
}

/* ---- Notice --------------------------------------------------------------- */

static void test_title_and_date(void)
{
    find("alpha", "nb");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_title(&notice, text, sizeof text, &len));
    TEST_ASSERT_EQUAL_STRING("Personvern for Alfa", text);
    TEST_ASSERT_EQUAL_size_t(19, len);
    TEST_ASSERT_EQUAL_STRING("2024-02-29", notice.updated);
    find("beta", "nn");
    TEST_ASSERT_EQUAL_STRING("", notice.updated);
}

static void test_truncation_keeps_whole_characters(void)
{
    /* "Tekst med «anførsel»...": « is 2 bytes at offsets 10-11. */
    pn_block_kind kind;
    find("alpha", "nb");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&notice, "purposes", &sec));
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED,
                          pn_block_read(&sec, 3, &kind, text, 12, &len));
    TEST_ASSERT_EQUAL_STRING("Tekst med ", text);
    TEST_ASSERT_EQUAL_size_t(10, len);
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED,
                          pn_block_read(&sec, 3, &kind, text, 13, &len));
    TEST_ASSERT_EQUAL_STRING("Tekst med «", text);
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED,
                          pn_block_read(&sec, 3, &kind, text, 1, &len));
    TEST_ASSERT_EQUAL_STRING("", text);
    TEST_ASSERT_EQUAL_size_t(0, len);
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED, pn_notice_title(&notice, text, 5, NULL));
    TEST_ASSERT_EQUAL_STRING("Pers", text);
}

static void test_contact_details(void)
{
    pn_contact c;
    find("alpha", "nb");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_contact(&notice, text, sizeof text, &c));
    TEST_ASSERT_EQUAL_STRING("Alfa Kiosk AS", c.name);
    TEST_ASSERT_EQUAL_STRING("913 480 295", c.orgno);
    TEST_ASSERT_EQUAL_STRING("Storgata 1", c.address);
    TEST_ASSERT_EQUAL_STRING("0155", c.postcode);
    TEST_ASSERT_EQUAL_STRING("Oslo", c.city);
    TEST_ASSERT_EQUAL_STRING("personvern@alfa.example", c.email);
    TEST_ASSERT_EQUAL_STRING("+47 22 00 00 00", c.phone);
    TEST_ASSERT_EQUAL_STRING("https://alfa.example/personvern", c.web);
    TEST_ASSERT_EQUAL_STRING("Datatilsynet", c.authority);
    TEST_ASSERT_EQUAL_HEX32(PN_TOPIC_BIT(PN_TOPIC_DPO), notice.waived);

    find("beta", "nn");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_contact(&notice, text, sizeof text, &c));
    TEST_ASSERT_EQUAL_STRING("", c.name);
    TEST_ASSERT_EQUAL_STRING("", c.authority);
}

static void test_contact_details_truncated(void)
{
    pn_contact c;
    find("alpha", "nb");
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED, pn_notice_contact(&notice, text, 20, &c));
    TEST_ASSERT_EQUAL_STRING("Alfa Kiosk AS", c.name);
    TEST_ASSERT_NOT_NULL(c.authority);
    TEST_ASSERT_EQUAL_STRING("", c.authority);
    TEST_ASSERT_TRUE(strlen(c.orgno) < 11);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_notice_contact(&notice, text, 0, &c));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_notice_contact(&notice, text, 8, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_notice_contact(NULL, text, 8, &c));
}

/* gamma.en.pn names every role: a DPO, a representative, two joint
 * controllers, and a second e-mail and phone for the controller. */
static void test_contact_roles(void)
{
    pn_contact c;

    find("gamma", "en");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_contact_read(&notice, PN_ROLE_CONTROLLER,
                                                 0, text, sizeof text, &c));
    TEST_ASSERT_EQUAL_STRING("Gamma Terminal AS", c.name);
    TEST_ASSERT_EQUAL_STRING("privacy@gamma.example", c.email);
    TEST_ASSERT_EQUAL_STRING("Datatilsynet", c.authority);
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_contact_read(&notice, PN_ROLE_CONTROLLER, 1,
                                          text, sizeof text, &c));

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_contact_read(&notice, PN_ROLE_DPO, 0,
                                                 text, sizeof text, &c));
    TEST_ASSERT_EQUAL_STRING("Dina Dahl", c.name);
    TEST_ASSERT_EQUAL_STRING("dpo@gamma.example", c.email);
    TEST_ASSERT_EQUAL_STRING("+47 73 00 00 01", c.phone);
    TEST_ASSERT_EQUAL_STRING("Postboks 10", c.address);
    TEST_ASSERT_EQUAL_STRING("7001", c.postcode);
    TEST_ASSERT_EQUAL_STRING("Trondheim", c.city);
    TEST_ASSERT_EQUAL_STRING("https://gamma.example/dpo", c.web);
    TEST_ASSERT_EQUAL_STRING("", c.orgno);
    TEST_ASSERT_EQUAL_STRING("", c.authority);
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_contact_read(&notice, PN_ROLE_DPO, 1, text,
                                          sizeof text, &c));

    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_contact_read(&notice, PN_ROLE_REPRESENTATIVE, 0,
                                          text, sizeof text, &c));
    TEST_ASSERT_EQUAL_STRING("Gamma EU Rep Ltd", c.name);
    TEST_ASSERT_EQUAL_STRING("IE 1234567 X", c.orgno);
    TEST_ASSERT_EQUAL_STRING("D02 X285", c.postcode);
    TEST_ASSERT_EQUAL_STRING("+353 1 234 5678", c.phone);

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_contact_read(&notice, PN_ROLE_JOINT, 0,
                                                 text, sizeof text, &c));
    TEST_ASSERT_EQUAL_STRING("Delta Parkering AS", c.name);
    TEST_ASSERT_EQUAL_STRING("974 760 673", c.orgno);
    TEST_ASSERT_EQUAL_STRING("personvern@delta.example", c.email);
    TEST_ASSERT_EQUAL_STRING("", c.city);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_contact_read(&notice, PN_ROLE_JOINT, 1,
                                                 text, sizeof text, &c));
    TEST_ASSERT_EQUAL_STRING("Epsilon Betaling AS", c.name);
    TEST_ASSERT_EQUAL_STRING("privacy@epsilon.example", c.email);
    TEST_ASSERT_EQUAL_STRING("Bergen", c.city);
    TEST_ASSERT_EQUAL_STRING("", c.phone);
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_contact_read(&notice, PN_ROLE_JOINT, 2, text,
                                          sizeof text, &c));
    TEST_ASSERT_EQUAL_STRING("", c.name);

    /* A notice without roles has only its controller. */
    find("alpha", "en");
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_contact_read(&notice, PN_ROLE_DPO, 0, text,
                                          sizeof text, &c));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG,
                          pn_contact_read(&notice, PN_ROLE_COUNT, 0, text,
                                          sizeof text, &c));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG,
                          pn_contact_read(&notice, PN_ROLE_DPO, 0, text, 0,
                                          &c));
}

static void test_contact_details_repeated(void)
{
    size_t len;

    find("gamma", "en");
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_contact_detail(&notice, PN_ROLE_CONTROLLER, 0,
                                            PN_DETAIL_EMAIL, 0, text,
                                            sizeof text, &len));
    TEST_ASSERT_EQUAL_STRING("privacy@gamma.example", text);
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_contact_detail(&notice, PN_ROLE_CONTROLLER, 0,
                                            PN_DETAIL_EMAIL, 1, text,
                                            sizeof text, &len));
    TEST_ASSERT_EQUAL_STRING("support@gamma.example", text);
    TEST_ASSERT_EQUAL_size_t(strlen("support@gamma.example"), len);
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_contact_detail(&notice, PN_ROLE_CONTROLLER, 0,
                                            PN_DETAIL_EMAIL, 2, text,
                                            sizeof text, &len));
    TEST_ASSERT_EQUAL_STRING("", text);
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_contact_detail(&notice, PN_ROLE_CONTROLLER, 0,
                                            PN_DETAIL_PHONE, 1, text,
                                            sizeof text, NULL));
    TEST_ASSERT_EQUAL_STRING("815 00 000", text);
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_contact_detail(&notice, PN_ROLE_JOINT, 1,
                                            PN_DETAIL_EMAIL, 1, text,
                                            sizeof text, NULL));
    TEST_ASSERT_EQUAL_STRING("dpo@epsilon.example", text);
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED,
                          pn_contact_detail(&notice, PN_ROLE_JOINT, 1,
                                            PN_DETAIL_EMAIL, 1, text, 4,
                                            &len));
    TEST_ASSERT_EQUAL_STRING("dpo", text);
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_contact_detail(&notice, PN_ROLE_JOINT, 2,
                                            PN_DETAIL_EMAIL, 0, text,
                                            sizeof text, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG,
                          pn_contact_detail(&notice, PN_ROLE_JOINT, 0,
                                            (pn_detail)7, 0, text,
                                            sizeof text, NULL));
}

/* A contact record the format does not allow is damage, whichever party
 * is asked for; a notice whose contact range leaves the table too. */
static void test_contact_records_are_checked(void)
{
    static unsigned char copy[FIXTURE_CATALOG_SIZE];
    pn__view v;
    pn_catalog c;
    pn_notice n;
    pn_contact ct;
    const unsigned char *rec;
    unsigned char *facts;
    uint32_t first, count;

    memcpy(copy, fixture_catalog, sizeof copy);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, copy, sizeof copy));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&c, "gamma", "en", &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_notice_of(&v, &n, &rec));
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn__read_notice_contacts(&v, rec, &first, &count));
    TEST_ASSERT_TRUE(count > 2);
    copy[v.contacts + first * PN_CONTACT_SIZE + PN_CONTACT_AT(role, 1)] = 9;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                          pn_contact_read(&n, PN_ROLE_JOINT, 0, text,
                                          sizeof text, &ct));
    TEST_ASSERT_EQUAL_STRING("", ct.name);
    copy[v.contacts + first * PN_CONTACT_SIZE + PN_CONTACT_AT(role, 1)] = 0;
    copy[v.contacts + first * PN_CONTACT_SIZE + PN_CONTACT_AT(fact, 1)] =
        PN_FACT_AUTHORITY;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                          pn_contact_detail(&n, PN_ROLE_CONTROLLER, 0,
                                            PN_DETAIL_EMAIL, 1, text,
                                            sizeof text, NULL));
    /* A contact count past the table's end. */
    memcpy(copy, fixture_catalog, sizeof copy);
    facts = copy + (v.pool - copy) +
            pn__read_u24(rec + PN_NOTICE_AT(facts, PN_OFFSET_SIZE));
    while (*facts++ & 0x80)     /* past the waived topics */
        ;
    while (*facts++ & 0x80)     /* past the first contact */
        ;
    TEST_ASSERT_EQUAL_UINT(count, *facts);
    *facts = 0x7F;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                          pn_contact_read(&n, PN_ROLE_DPO, 0, text,
                                          sizeof text, &ct));
    /* A facts record that does not fit the pool: its controller's
     * details, its QR code, the notice itself are damage. */
    memcpy(copy, fixture_catalog, sizeof copy);
    copy[(size_t)(rec - copy) + PN_NOTICE_AT(facts, PN_OFFSET_SIZE) + 2] =
        0x7F;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                          pn_contact_read(&n, PN_ROLE_CONTROLLER, 0, text,
                                          sizeof text, &ct));
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_notice_contact(&n, text,
                                                           sizeof text, &ct));
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT, pn_find(&c, "gamma", "en", &n));
}

/* Topic names and screen words come from the catalog, in the notice's
 * language (policies/languages.txt). */
static void test_labels_in_the_notices_language(void)
{
    size_t len;

    find("alpha", "nb");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_topic_label(&notice, PN_TOPIC_PURPOSES,
                                                text, sizeof text, &len));
    TEST_ASSERT_EQUAL_STRING("Formål", text);
    TEST_ASSERT_EQUAL_size_t(strlen("Formål"), len);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_word_read(&notice, PN_WORD_PAGE, text,
                                              sizeof text, NULL));
    TEST_ASSERT_EQUAL_STRING("side", text);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_word_read(&notice, PN_WORD_DPO, text,
                                              sizeof text, NULL));
    TEST_ASSERT_EQUAL_STRING("Personvernombud:", text);
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED,
                          pn_topic_label(&notice, PN_TOPIC_PURPOSES, text, 5,
                                         &len));
    TEST_ASSERT_EQUAL_STRING("Form", text);
    find("beta", "nn");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_topic_label(&notice, PN_TOPIC_PURPOSES,
                                                text, sizeof text, NULL));
    TEST_ASSERT_EQUAL_STRING("Føremål", text);
    find("alpha", "en");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_topic_label(&notice, PN_TOPIC_CONTACT,
                                                text, sizeof text, NULL));
    TEST_ASSERT_EQUAL_STRING("Contact", text);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_word_read(&notice, PN_WORD_SECTIONS,
                                              text, sizeof text, NULL));
    TEST_ASSERT_EQUAL_STRING("sections", text);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_topic_label(&notice, PN_TOPIC_COUNT,
                                                     text, sizeof text,
                                                     &len));
    TEST_ASSERT_EQUAL_STRING("", text);
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_word_read(&notice, PN_WORD_COUNT,
                                                   text, sizeof text, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_word_read(&notice, PN_WORD_PAGE,
                                                   text, 0, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_word_read(NULL, PN_WORD_PAGE, text,
                                                   sizeof text, NULL));
}

/* A label the catalog leaves empty is not found: the caller shows its
 * own word (pn_topic_name()). */
static void test_label_missing_is_not_found(void)
{
    static unsigned char copy[FIXTURE_CATALOG_SIZE];
    unsigned char *at;
    unsigned k;
    pn__view v;
    pn_catalog c;
    pn_notice n;
    const unsigned char *language;

    memcpy(copy, fixture_catalog, sizeof copy);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, copy, sizeof copy));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&c, "alpha", "en", &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_view(&v, &c));
    language = pn__read_language(&v, "en", 2);
    TEST_ASSERT_NOT_NULL(language);
    /* The label's number made 0, in as many bytes as it had. */
    at = copy + (v.pool - copy) +
         pn__read_u24(language + PN_LANGUAGE_AT(labels, PN_OFFSET_SIZE));
    for (k = 0; k < PN_LABEL_OF_TOPIC(PN_TOPIC_RIGHTS); k++)
        while (*at++ & 0x80)
            ;
    for (; *at & 0x80; at++)
        *at = 0x80;
    *at = 0;
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_topic_label(&n, PN_TOPIC_RIGHTS, text,
                                         sizeof text, NULL));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_topic_label(&n, PN_TOPIC_RETENTION, text,
                                                sizeof text, NULL));
}

/* A language's labels that do not lie in the pool are damage. */
static void test_labels_outside_the_pool_are_damage(void)
{
    static unsigned char copy[FIXTURE_CATALOG_SIZE];
    const unsigned char *labels;
    unsigned char *at;
    pn__view v;
    pn_catalog c;
    pn_notice n;

    memcpy(copy, fixture_catalog, sizeof copy);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&c, copy, sizeof copy));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&c, "alpha", "en", &n));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn__read_view(&v, &c));
    at = copy + (pn__read_language(&v, "en", 2) - copy) +
         PN_LANGUAGE_AT(labels, PN_OFFSET_SIZE);
    labels = v.pool + pn__read_u24(at);
    /* Labels that start at the pool's end. */
    at[0] = (unsigned char)v.pool_size;
    at[1] = (unsigned char)(v.pool_size >> 8);
    at[2] = 0;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                          pn_topic_label(&n, PN_TOPIC_RIGHTS, text,
                                         sizeof text, NULL));
    at[2] = 0xFF;
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                          pn_topic_label(&n, PN_TOPIC_RIGHTS, text,
                                         sizeof text, NULL));
    /* A label whose text would be before the pool's start: the labels
     * before it made empty (one 0 byte each), its number made large. */
    memcpy(copy, fixture_catalog, sizeof copy);
    memset(copy + (labels - copy), 0, PN_LABEL_OF_TOPIC(PN_TOPIC_RIGHTS));
    memcpy(copy + (labels - copy) + PN_LABEL_OF_TOPIC(PN_TOPIC_RIGHTS),
           "\xFF\xFF\x7F", 3);
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_topic_label(&n, PN_TOPIC_RETENTION, text,
                                         sizeof text, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_FORMAT,
                          pn_topic_label(&n, PN_TOPIC_RIGHTS, text,
                                         sizeof text, NULL));
}

/* ---- Sections and blocks ------------------------------------------------- */

static void test_sections_in_order(void)
{
    static const struct {
        unsigned level;
        const char *id, *number, *title;
    } expected[] = {
        {0, "", "", ""},
        {1, "controller", "1", "Hvem vi er"},
        {2, "purposes", "1.1", "Formål"},
        {2, "retention", "1.2", "Oppbevaring"},
        {1, "rights", "2", "Dine rettigheter {og plikter}"},
        {1, "three", "", "3 ting å vite"},
    };
    uint32_t i;

    find("alpha", "nb");
    TEST_ASSERT_EQUAL_UINT32(6, notice.section_count);
    for (i = 0; i < notice.section_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&notice, i, &sec));
        TEST_ASSERT_EQUAL_UINT32(i, sec.index);
        TEST_ASSERT_EQUAL_UINT(expected[i].level, sec.level);
        TEST_ASSERT_EQUAL_STRING(expected[i].id, sec.id);
        TEST_ASSERT_EQUAL_STRING(expected[i].number, sec.number);
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_title(&sec, text, sizeof text, &len));
        TEST_ASSERT_EQUAL_STRING(expected[i].title, text);
    }
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_section_at(&notice, 6, &sec));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_section_at(&notice, 0, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_section_at(NULL, 0, &sec));
}

static void test_section_find_by_id(void)
{
    find("alpha", "en");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&notice, "retention", &sec));
    TEST_ASSERT_EQUAL_STRING("1.2", sec.number);
    TEST_ASSERT_EQUAL_UINT32(2, sec.index); /* alpha:en has no preamble */
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_section_find(&notice, "retentio", &sec));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND, pn_section_find(&notice, "", &sec));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_section_find(&notice, NULL, &sec));
}

static void test_section_by_topic(void)
{
    find("alpha", "nb");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_by_topic(&notice, PN_TOPIC_CONTACT, 0, &sec));
    TEST_ASSERT_EQUAL_STRING("controller", sec.id);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_by_topic(&notice, PN_TOPIC_COMPLAINT, 0, &sec));
    TEST_ASSERT_EQUAL_STRING("rights", sec.id);
    TEST_ASSERT_TRUE(sec.topics & PN_TOPIC_BIT(PN_TOPIC_CONSENT_WITHDRAWAL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_section_by_topic(&notice, PN_TOPIC_COMPLAINT, sec.index + 1, &sec));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_section_by_topic(&notice, PN_TOPIC_COOKIES, 0, &sec));
    TEST_ASSERT_EQUAL_INT(PN_ERR_NOT_FOUND,
                          pn_section_by_topic(&notice, PN_TOPIC_COUNT, 0, &sec));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG,
                          pn_section_by_topic(&notice, PN_TOPIC_RIGHTS, 0, NULL));
}

static void test_blocks(void)
{
    static const struct {
        pn_block_kind kind;
        const char *text;
    } expected[] = {
        {PN_BLOCK_LIST_ITEM, "Å levere tjenesten"},
        {PN_BLOCK_LIST_ITEM, "Å sende kvittering, over to linjer"},
        {PN_BLOCK_LIST_ITEM, "Stjerne virker også"},
        {PN_BLOCK_PARAGRAPH, "Tekst med «anførsel», \"sitat\", */ og \\ og ?\?= og %n: trygt."},
        {PN_BLOCK_PARAGRAPH, "# Ikke en overskrift"},
    };
    pn_block_kind kind;
    uint32_t i;

    find("alpha", "nb");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&notice, "purposes", &sec));
    TEST_ASSERT_EQUAL_UINT32(5, sec.block_count);
    for (i = 0; i < sec.block_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, i, &kind, text, sizeof text, &len));
        TEST_ASSERT_EQUAL_INT(expected[i].kind, kind);
        TEST_ASSERT_EQUAL_STRING(expected[i].text, text);
        TEST_ASSERT_EQUAL_size_t(strlen(expected[i].text), len);
    }
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_block_read(&sec, 5, &kind, text, sizeof text, &len));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 0, NULL, text, sizeof text, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_block_read(&sec, 0, &kind, NULL, 8, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_block_read(&sec, 0, &kind, text, 0, NULL));
    TEST_ASSERT_EQUAL_INT(PN_ERR_ARG, pn_block_read(NULL, 0, &kind, text, 8, NULL));
}

static void test_preamble_and_empty_section(void)
{
    find("alpha", "nb");
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&notice, 0, &sec));
    TEST_ASSERT_EQUAL_UINT32(1, sec.block_count);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&sec, 0, NULL, text, sizeof text, NULL));
    TEST_ASSERT_EQUAL_STRING("Sist oppdatert 29. februar 2024.", text);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(&notice, "three", &sec));
    TEST_ASSERT_EQUAL_UINT32(0, sec.block_count);
    TEST_ASSERT_EQUAL_INT(PN_ERR_RANGE, pn_block_read(&sec, 0, NULL, text, sizeof text, NULL));
}

/* ---- The sizes pnc wrote into fixture_catalog.h ------------------------------ */

/* The largest of each size, as libpn reads them. */
typedef struct measured {
    uint32_t sections, blocks;
    size_t text, contact, langs;
} measured;

static void at_least(size_t *max, size_t value)
{
    if (value > *max)
        *max = value;
}

/* Each text is read whole into a buffer larger than any. */
static char big[4096];
static size_t big_len;

static void measure_text(measured *m, pn_status st)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, st);
    at_least(&m->text, big_len);
}

#define CONTACT_FACT(id, member, key)                                        \
    at_least(&m->text, strlen(contact.member));                              \
    bytes += strlen(contact.member) + 1;

static void measure_contact(measured *m, const pn_notice *n)
{
    static char facts[4096], exact[FIXTURE_CATALOG_MAX_CONTACT];
    pn_contact contact;
    unsigned role, index, k;

    for (role = 0; role < PN_ROLE_COUNT; role++) {
        for (index = 0;
             pn_contact_read(n, (pn_role)role, index, facts, sizeof facts,
                             &contact) == PN_OK;
             index++) {
            size_t bytes = 0;
            PN_FACTS(CONTACT_FACT)
            at_least(&m->contact, bytes);
            TEST_ASSERT_EQUAL_INT(PN_OK,
                                  pn_contact_read(n, (pn_role)role, index,
                                                  exact, sizeof exact,
                                                  &contact));
            for (k = 0; pn_contact_detail(n, (pn_role)role, index,
                                          PN_DETAIL_EMAIL, k, big,
                                          sizeof big, &big_len) == PN_OK;
                 k++)
                at_least(&m->text, big_len);
            for (k = 0; pn_contact_detail(n, (pn_role)role, index,
                                          PN_DETAIL_PHONE, k, big,
                                          sizeof big, &big_len) == PN_OK;
                 k++)
                at_least(&m->text, big_len);
        }
    }
}

static void measure_notice(measured *m, const pn_notice *n)
{
    uint32_t i, j;

    measure_text(m, pn_notice_title(n, big, sizeof big, &big_len));
    measure_contact(m, n);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_langs(&cat, n->policy, big, sizeof big,
                                          &big_len));
    at_least(&m->langs, big_len + 1);
    if (n->section_count > m->sections)
        m->sections = n->section_count;
    for (i = 0; i < n->section_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(n, i, &sec));
        measure_text(m, pn_section_title(&sec, big, sizeof big, &big_len));
        if (sec.block_count > m->blocks)
            m->blocks = sec.block_count;
        for (j = 0; j < sec.block_count; j++)
            measure_text(m, pn_block_read(&sec, j, NULL, big, sizeof big,
                                          &big_len));
    }
}

static void test_header_sizes_are_what_libpn_reads(void)
{
    measured m;
    uint32_t i;

    memset(&m, 0, sizeof m);
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &notice));
        measure_notice(&m, &notice);
    }
    TEST_ASSERT_EQUAL_INT(PN_CATALOG_FORMAT, FIXTURE_CATALOG_FORMAT);
    TEST_ASSERT_EQUAL_UINT32(cat.notice_count, FIXTURE_CATALOG_NOTICES);
    TEST_ASSERT_EQUAL_UINT32(m.sections, FIXTURE_CATALOG_MAX_SECTIONS);
    TEST_ASSERT_EQUAL_UINT32(m.blocks, FIXTURE_CATALOG_MAX_BLOCKS);
    TEST_ASSERT_EQUAL_size_t(m.text, FIXTURE_CATALOG_MAX_TEXT);
    TEST_ASSERT_EQUAL_size_t(m.contact, FIXTURE_CATALOG_MAX_CONTACT);
    TEST_ASSERT_EQUAL_size_t(m.langs, FIXTURE_CATALOG_MAX_LANGS);
}

/* ---- Strings ------------------------------------------------------------------ */

static void test_strerror_and_topic_names(void)
{
    int s;
    for (s = PN_ERR_SIZE; s <= PN_OK; s++) {
        TEST_ASSERT_NOT_NULL(pn_strerror((pn_status)s));
        TEST_ASSERT_TRUE(strlen(pn_strerror((pn_status)s)) > 0);
    }
    TEST_ASSERT_NOT_NULL(pn_strerror((pn_status)42));
    TEST_ASSERT_EQUAL_STRING("controller", pn_topic_name(PN_TOPIC_CONTROLLER));
    TEST_ASSERT_EQUAL_STRING("legal_basis", pn_topic_name(PN_TOPIC_LEGAL_BASIS));
    TEST_ASSERT_EQUAL_STRING("contact", pn_topic_name(PN_TOPIC_CONTACT));
    TEST_ASSERT_NULL(pn_topic_name(PN_TOPIC_COUNT));
}

/* Handles carry the catalog's address and size, not the pn_catalog: a
 * notice and a section outlive the pn_catalog they came from. */
static pn_section section_of_a_catalog_gone(pn_notice *out)
{
    pn_catalog local;
    pn_section s;

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&local, fixture_catalog,
                                         FIXTURE_CATALOG_SIZE));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_find(&local, "alpha", "en", out));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_find(out, "retention", &s));
    memset(&local, 0xAA, sizeof local);  /* as a reused stack would */
    return s;
}

static void test_handles_outlive_their_catalog(void)
{
    pn_notice n;
    pn_section s = section_of_a_catalog_gone(&n);
    pn_cursor cur;
    pn_screen screen = {40, 4, 0};
    char page[4 * (4 * 40 + 1) + 1];

    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_title(&n, text, sizeof text, &len));
    TEST_ASSERT_EQUAL_STRING("Privacy at Alpha", text);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&s, 0, NULL, text, sizeof text,
                                               NULL));
    TEST_ASSERT_EQUAL_STRING("We keep data for 1 year.", text);
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_open(&cur, &n, &screen));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_cursor_page(&cur, page, sizeof page, NULL));
}

/* A cut text is a result, not a failure: positive, with the text usable. */
static void test_truncated_is_positive(void)
{
    find("alpha", "en");
    TEST_ASSERT_TRUE(PN_TRUNCATED > 0);
    TEST_ASSERT_EQUAL_INT(PN_TRUNCATED, pn_notice_title(&notice, text, 8, &len));
    TEST_ASSERT_EQUAL_STRING("Privacy", text);
    TEST_ASSERT_EQUAL_size_t(7, len);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_handles_outlive_their_catalog);
    RUN_TEST(test_truncated_is_positive);
    RUN_TEST(test_open_and_verify);
    RUN_TEST(test_open_rejects_bad_input);
    RUN_TEST(test_verify_sees_every_flipped_byte);
    RUN_TEST(test_notice_at_in_sorted_order);
    RUN_TEST(test_find_with_preference_list);
    RUN_TEST(test_find_falls_back);
    RUN_TEST(test_find_failures);
    RUN_TEST(test_langs);
    RUN_TEST(test_title_and_date);
    RUN_TEST(test_truncation_keeps_whole_characters);
    RUN_TEST(test_contact_details);
    RUN_TEST(test_contact_details_truncated);
    RUN_TEST(test_contact_roles);
    RUN_TEST(test_contact_details_repeated);
    RUN_TEST(test_contact_records_are_checked);
    RUN_TEST(test_labels_in_the_notices_language);
    RUN_TEST(test_label_missing_is_not_found);
    RUN_TEST(test_labels_outside_the_pool_are_damage);
    RUN_TEST(test_sections_in_order);
    RUN_TEST(test_section_find_by_id);
    RUN_TEST(test_section_by_topic);
    RUN_TEST(test_blocks);
    RUN_TEST(test_preamble_and_empty_section);
    RUN_TEST(test_header_sizes_are_what_libpn_reads);
    RUN_TEST(test_strerror_and_topic_names);
    RUN_TEST(test_catalog_size_in_a_larger_region);
    return UNITY_END();
}
