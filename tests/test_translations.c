/* Translations: each bundled policy has a Norwegian (nb) notice and an
 * English (en) one, and the English one must have exactly the structure and
 * facts of the Norwegian: the same sections (id, level, number, topics), the
 * same blocks in each section (count, and paragraph or list item block by
 * block), the same contact details, waived topics and update date. It must
 * also really be a translation: its title differs, and most of its blocks
 * and headings differ from the Norwegian text. Everything is read back from
 * the bundled catalog through libpn, as a device would. */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "pn.h"
#include "unity.h"

static const char *const policies[] = {"internia", "intech", "ntc", "ittotal",
                                       "nitd"};

static pn_catalog cat;
static char msg[512];
static char nb_text[65536], en_text[65536];
static char nb_facts[512], en_facts[512];

void setUp(void)
{
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE));
}

void tearDown(void)
{
}

/* Finds `policy` in exactly `lang` (no fallback to another language). */
static void find_exact(const char *policy, const char *lang, pn_notice *out)
{
    pn_status st = pn_find(&cat, policy, lang, out);

    snprintf(msg, sizeof msg, "%s: no '%s' notice (%s)", policy, lang,
             pn_strerror(st));
    TEST_ASSERT_EQUAL_INT_MESSAGE(PN_OK, st, msg);
    snprintf(msg, sizeof msg, "%s: asked for '%s', got '%s'", policy, lang,
             out->lang);
    TEST_ASSERT_EQUAL_STRING_MESSAGE(lang, out->lang, msg);
}

/* The nine contact details of a pn_contact, in a fixed order. */
static void contact_fields(const pn_contact *c, const char *out[9])
{
    out[0] = c->name;
    out[1] = c->orgno;
    out[2] = c->address;
    out[3] = c->postcode;
    out[4] = c->city;
    out[5] = c->email;
    out[6] = c->phone;
    out[7] = c->web;
    out[8] = c->authority;
}

static void check_contact(const char *policy, const pn_notice *nb,
                          const pn_notice *en)
{
    static const char *const names[9] = {"controller", "orgno", "address",
                                         "postcode", "city", "email",
                                         "phone", "web", "authority"};
    pn_contact a, b;
    const char *fa[9], *fb[9];
    size_t i;

    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_notice_contact(nb, nb_facts, sizeof nb_facts, &a));
    TEST_ASSERT_EQUAL_INT(PN_OK,
                          pn_notice_contact(en, en_facts, sizeof en_facts, &b));
    contact_fields(&a, fa);
    contact_fields(&b, fb);
    for (i = 0; i < 9; i++) {
        snprintf(msg, sizeof msg, "%s: en's %s differs from nb's", policy,
                 names[i]);
        TEST_ASSERT_EQUAL_STRING_MESSAGE(fa[i], fb[i], msg);
    }
}

/* Checks one policy; returns through the assertions on any mismatch. */
static void check_policy(const char *policy)
{
    pn_notice nb, en;
    uint32_t i, j, blocks = 0, same_blocks = 0, headings = 0, same_headings = 0;

    find_exact(policy, "nb", &nb);
    find_exact(policy, "en", &en);

    /* Header facts. */
    snprintf(msg, sizeof msg, "%s: en's update date differs", policy);
    TEST_ASSERT_EQUAL_STRING_MESSAGE(nb.updated, en.updated, msg);
    snprintf(msg, sizeof msg, "%s: en waives other topics than nb", policy);
    TEST_ASSERT_EQUAL_INT_MESSAGE(nb.waived, en.waived, msg);
    check_contact(policy, &nb, &en);

    /* The title is translated. */
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_title(&nb, nb_text, sizeof nb_text, NULL));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_title(&en, en_text, sizeof en_text, NULL));
    snprintf(msg, sizeof msg, "%s: en's title is the Norwegian one", policy);
    TEST_ASSERT_FALSE_MESSAGE(strcmp(nb_text, en_text) == 0, msg);
    TEST_ASSERT_TRUE(en_text[0] != '\0');

    /* Sections: same structure, block by block. */
    snprintf(msg, sizeof msg, "%s: en has %lu sections, nb %lu", policy,
             (unsigned long)en.section_count, (unsigned long)nb.section_count);
    TEST_ASSERT_EQUAL_INT_MESSAGE(nb.section_count, en.section_count, msg);
    for (i = 0; i < nb.section_count; i++) {
        pn_section a, b;

        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&nb, i, &a));
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(&en, i, &b));
        snprintf(msg, sizeof msg, "%s: section %lu: en has id '%s', nb '%s'",
                 policy, (unsigned long)i, b.id, a.id);
        TEST_ASSERT_EQUAL_STRING_MESSAGE(a.id, b.id, msg);
        snprintf(msg, sizeof msg, "%s: section '%s': heading level differs",
                 policy, a.id);
        TEST_ASSERT_EQUAL_INT_MESSAGE(a.level, b.level, msg);
        snprintf(msg, sizeof msg, "%s: section '%s': heading number differs",
                 policy, a.id);
        TEST_ASSERT_EQUAL_STRING_MESSAGE(a.number, b.number, msg);
        snprintf(msg, sizeof msg, "%s: section '%s': topics differ", policy,
                 a.id);
        TEST_ASSERT_EQUAL_INT_MESSAGE(a.topics, b.topics, msg);
        snprintf(msg, sizeof msg, "%s: section '%s': en has %lu blocks, nb %lu",
                 policy, a.id, (unsigned long)b.block_count,
                 (unsigned long)a.block_count);
        TEST_ASSERT_EQUAL_INT_MESSAGE(a.block_count, b.block_count, msg);

        if (a.level > 0) {
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_title(&a, nb_text,
                                                          sizeof nb_text, NULL));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_title(&b, en_text,
                                                          sizeof en_text, NULL));
            snprintf(msg, sizeof msg, "%s: section '%s': empty heading",
                     policy, a.id);
            TEST_ASSERT_TRUE_MESSAGE(en_text[0] != '\0', msg);
            headings++;
            same_headings += strcmp(nb_text, en_text) == 0;
        }

        for (j = 0; j < a.block_count; j++) {
            pn_block_kind ka, kb;

            TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&a, j, &ka, nb_text,
                                                       sizeof nb_text, NULL));
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_block_read(&b, j, &kb, en_text,
                                                       sizeof en_text, NULL));
            snprintf(msg, sizeof msg,
                     "%s: section '%s', block %lu: en has a %s, nb a %s",
                     policy, a.id, (unsigned long)j,
                     kb == PN_BLOCK_LIST_ITEM ? "list item" : "paragraph",
                     ka == PN_BLOCK_LIST_ITEM ? "list item" : "paragraph");
            TEST_ASSERT_EQUAL_INT_MESSAGE(ka, kb, msg);
            snprintf(msg, sizeof msg, "%s: section '%s', block %lu is empty",
                     policy, a.id, (unsigned long)j);
            TEST_ASSERT_TRUE_MESSAGE(en_text[0] != '\0', msg);
            blocks++;
            same_blocks += strcmp(nb_text, en_text) == 0;
        }
    }

    /* Really translated: names, addresses, chrome and the like may stay as
     * they are, but at least three blocks in four, and most headings, must
     * differ from the Norwegian. */
    snprintf(msg, sizeof msg,
             "%s: %lu of %lu blocks and %lu of %lu headings the same as nb",
             policy, (unsigned long)same_blocks, (unsigned long)blocks,
             (unsigned long)same_headings, (unsigned long)headings);
    TEST_MESSAGE(msg);
    TEST_ASSERT_TRUE_MESSAGE(blocks > 0, msg);
    TEST_ASSERT_TRUE_MESSAGE(4 * same_blocks <= blocks, msg);
    TEST_ASSERT_TRUE_MESSAGE(2 * same_headings < headings || headings == 0,
                             msg);
}

static void test_internia(void) { check_policy(policies[0]); }
static void test_intech(void) { check_policy(policies[1]); }
static void test_ntc(void) { check_policy(policies[2]); }
static void test_ittotal(void) { check_policy(policies[3]); }
static void test_nitd(void) { check_policy(policies[4]); }

/* Any other policy in the catalog that has both languages gets the same
 * check, so a notice added later is covered too. */
static void test_every_english_notice(void)
{
    uint32_t i;
    unsigned checked = 0;

    for (i = 0; i < cat.notice_count; i++) {
        pn_notice n, nb;
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &n));
        if (strcmp(n.lang, "en") != 0)
            continue;
        if (pn_find(&cat, n.policy, "nb", &nb) != PN_OK ||
            strcmp(nb.lang, "nb") != 0)
            continue;
        check_policy(n.policy);
        checked++;
    }
    TEST_ASSERT_GREATER_OR_EQUAL(sizeof policies / sizeof policies[0],
                                 checked);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_internia);
    RUN_TEST(test_intech);
    RUN_TEST(test_ntc);
    RUN_TEST(test_ittotal);
    RUN_TEST(test_nitd);
    RUN_TEST(test_every_english_notice);
    return UNITY_END();
}
