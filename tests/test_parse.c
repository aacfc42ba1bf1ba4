/* Parser tests: good inputs give the right model; each bad input gives its
 * error at the right line and column. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "parse.h"
#include "source.h"
#include "unity.h"

static source src;
static mnotice notice;
static char messages[8192];
static unsigned errors;

#define HEADER "---\npolicy: demo\nlang: nb\ntitle: Demo\n---\n"

void setUp(void)
{
    memset(&src, 0, sizeof src);
    memset(&notice, 0, sizeof notice);
    messages[0] = '\0';
    errors = 0;
}

void tearDown(void)
{
    notice_free(&notice);
    source_free(&src);
}

/* Parses `len` bytes, then applies the rules a parsed model can break as
 * pnc does, keeping the diagnostics text in `messages`. */
static void parse_bytes(const char *text, size_t len)
{
    FILE *out = tmpfile();
    diag d;
    size_t n;

    TEST_ASSERT_NOT_NULL(out);
    diag_init(&d, out);
    source_from_memory(&src, "t.pn", text, len);
    errors = parse_notice(&src, &d, &notice);
    errors += check_model(&notice, &d);
    rewind(out);
    n = fread(messages, 1, sizeof messages - 1, out);
    messages[n] = '\0';
    fclose(out);
}

static void parse_text(const char *text)
{
    parse_bytes(text, strlen(text));
}

/* The first diagnostic must start with "t.pn:LINE:COL: error: MESSAGE". */
static void expect_error(const char *where, const char *message)
{
    char expected[512];

    snprintf(expected, sizeof expected, "t.pn:%s: error: %s", where, message);
    TEST_ASSERT_TRUE_MESSAGE(errors > 0, "expected an error");
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(expected, messages, strlen(expected),
                                     messages);
}

static const mblock *block(size_t section, size_t index)
{
    TEST_ASSERT_TRUE(section < notice.section_count);
    TEST_ASSERT_TRUE(index < notice.sections[section].block_count);
    return &notice.sections[section].blocks[index];
}

/* ---- Good input ---------------------------------------------------------- */

static void test_header_facts_and_waivers(void)
{
    parse_text("---\npolicy: shop-1\nlang: nn\ntitle:  Personvern  i  butikk\n"
               "# a comment\n\nupdated: 2021-05-31\ncontroller: Ntec Media AS\n"
               "orgno: 913 480 295\nemail: a@b.no\n"
               "waive: dpo No officer is named.\n---\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_EQUAL_STRING("shop-1", notice.policy.s);
    TEST_ASSERT_EQUAL_STRING("nn", notice.lang.s);
    TEST_ASSERT_EQUAL_STRING("Personvern  i  butikk", notice.title.s);
    TEST_ASSERT_EQUAL_STRING("2021-05-31", notice.updated.s);
    TEST_ASSERT_EQUAL_STRING("Ntec Media AS", notice.facts[FACT_CONTROLLER].s);
    TEST_ASSERT_EQUAL_STRING("913 480 295", notice.facts[FACT_ORGNO].s);
    TEST_ASSERT_EQUAL_STRING("a@b.no", notice.facts[FACT_EMAIL].s);
    TEST_ASSERT_NULL(notice.facts[FACT_PHONE].s);
    TEST_ASSERT_EQUAL_INT(1, notice.waiver_count);
    TEST_ASSERT_EQUAL_INT(PN_TOPIC_DPO, notice.waivers[0].topic);
    TEST_ASSERT_EQUAL_STRING("No officer is named.",
                             notice.waivers[0].reason.s);
    TEST_ASSERT_EQUAL_INT(0, notice.section_count);
}

/* The other parties' keys: each joint-name starts a new joint
 * controller, e-mails and phones may repeat, the controller's first ones
 * stay its facts. */
static void test_contact_roles(void)
{
    const mcontact *c;

    parse_text("---\npolicy: p\nlang: en\ntitle: T\nemail: a@x.no\n"
               "email: b@x.no\ndpo-name: Dina\ndpo-email: d@x.no\n"
               "joint-name: J1\njoint-email: j1@x.no\njoint-name: J2\n"
               "joint-email: j2@x.no\njoint-email: j2b@x.no\n"
               "representative-orgno: IE 1\n---\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_EQUAL_STRING("a@x.no", notice.facts[FACT_EMAIL].s);
    TEST_ASSERT_EQUAL_size_t(9, notice.contact_count);
    c = &notice.contacts[0];
    TEST_ASSERT_EQUAL_INT(PN_ROLE_CONTROLLER, c->role);
    TEST_ASSERT_EQUAL_INT(FACT_EMAIL, c->fact);
    TEST_ASSERT_EQUAL_STRING("b@x.no", c->value.s);
    TEST_ASSERT_EQUAL_size_t(46 + 7, c->value.offset); /* line 6 */
    c = &notice.contacts[1];
    TEST_ASSERT_EQUAL_INT(PN_ROLE_DPO, c->role);
    TEST_ASSERT_EQUAL_INT(FACT_CONTROLLER, c->fact);
    TEST_ASSERT_EQUAL_STRING("dpo-name", c->key.s);
    c = &notice.contacts[6];
    TEST_ASSERT_EQUAL_INT(PN_ROLE_JOINT, c->role);
    TEST_ASSERT_EQUAL_UINT(1, c->party);
    TEST_ASSERT_EQUAL_STRING("j2@x.no", c->value.s);
    TEST_ASSERT_EQUAL_UINT(2, notice_party_count(&notice, PN_ROLE_JOINT));
    TEST_ASSERT_EQUAL_UINT(1, notice_party_count(&notice, PN_ROLE_DPO));
    TEST_ASSERT_EQUAL_UINT(1, notice_party_count(&notice,
                                                 PN_ROLE_REPRESENTATIVE));
    TEST_ASSERT_EQUAL_STRING(
        "j2b@x.no",
        notice_contact_value(&notice, PN_ROLE_JOINT, 1, FACT_EMAIL, 1)->s);
    TEST_ASSERT_EQUAL_STRING(
        "b@x.no", notice_contact_value(&notice, PN_ROLE_CONTROLLER, 0,
                                       FACT_EMAIL, 1)->s);
    TEST_ASSERT_NULL(notice_contact_value(&notice, PN_ROLE_JOINT, 0,
                                          FACT_EMAIL, 1));
}

static void test_contact_role_errors(void)
{
    parse_text("---\npolicy: p\nlang: en\ntitle: T\njoint-city: Oslo\n"
               "---\n");
    expect_error("5:1", "'joint-city' before any 'joint-name'");
    tearDown();
    setUp();
    parse_text("---\npolicy: p\nlang: en\ntitle: T\njoint-name: A\n"
               "joint-city: Oslo\njoint-city: Bergen\n---\n");
    expect_error("7:1", "header key 'joint-city' given twice for one joint "
                        "controller");
    tearDown();
    setUp();
    parse_text("---\npolicy: p\nlang: en\ntitle: T\njoint-name: A\n"
               "joint-city: Oslo\njoint-name: B\njoint-city: Bergen\n---\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    tearDown();
    setUp();
    parse_text("---\npolicy: p\nlang: en\ntitle: T\ndpo-mail: a@b.no\n"
               "---\n");
    expect_error("5:1", "unknown header key 'dpo-mail'; did you mean "
                        "'dpo-email'?");
    tearDown();
    setUp();
    parse_text("---\npolicy: p\nlang: en\ntitle: T\ndpo-orgno: 1\n---\n");
    expect_error("5:1", "unknown header key 'dpo-orgno': the DPO's keys are "
                        "dpo-name, -address");
    tearDown();
    setUp();
    parse_text("---\npolicy: p\nlang: en\ntitle: T\ndpo-email:\n---\n");
    expect_error("5:1", "header key 'dpo-email' has no value");
}

static void test_preamble_headings_and_blocks(void)
{
    parse_text(HEADER "Intro line one\n  and two.\n\n"
               "# 1 First {#first topic=purposes,retention}\n"
               "## 1.1 Second {#second}\n"
               "Para.\n- item one\n  continued\n* item two\nAfter list.\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_EQUAL_INT(3, notice.section_count);

    TEST_ASSERT_EQUAL_INT(0, notice.sections[0].level);
    TEST_ASSERT_EQUAL_STRING("", notice.sections[0].id.s);
    TEST_ASSERT_EQUAL_STRING("Intro line one and two.", block(0, 0)->text.s);

    TEST_ASSERT_EQUAL_INT(1, notice.sections[1].level);
    TEST_ASSERT_EQUAL_STRING("first", notice.sections[1].id.s);
    TEST_ASSERT_EQUAL_STRING("1", notice.sections[1].number.s);
    TEST_ASSERT_EQUAL_STRING("First", notice.sections[1].title.s);
    TEST_ASSERT_EQUAL_HEX32(PN_TOPIC_BIT(PN_TOPIC_PURPOSES) |
                                PN_TOPIC_BIT(PN_TOPIC_RETENTION),
                            notice.sections[1].topics);
    TEST_ASSERT_EQUAL_INT(0, notice.sections[1].block_count);

    TEST_ASSERT_EQUAL_INT(2, notice.sections[2].level);
    TEST_ASSERT_EQUAL_STRING("1.1", notice.sections[2].number.s);
    TEST_ASSERT_EQUAL_INT(4, notice.sections[2].block_count);
    TEST_ASSERT_EQUAL_INT(PN_BLOCK_PARAGRAPH, block(2, 0)->kind);
    TEST_ASSERT_EQUAL_INT(PN_BLOCK_LIST_ITEM, block(2, 1)->kind);
    TEST_ASSERT_EQUAL_STRING("item one continued", block(2, 1)->text.s);
    TEST_ASSERT_EQUAL_STRING("item two", block(2, 2)->text.s);
    TEST_ASSERT_EQUAL_INT(PN_BLOCK_PARAGRAPH, block(2, 3)->kind);
    TEST_ASSERT_EQUAL_STRING("After list.", block(2, 3)->text.s);
}

static void test_comments_and_escapes(void)
{
    parse_text(HEADER "# Title \\{x} {#t}\n<!-- one line -->\n"
               "\\# not a heading\n\n<!--\nmany\nlines\n-->\n\\- not an item\n"
               "\\---\n# \\2 ting {#two}\n## 6. Six {#six}\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_EQUAL_INT(3, notice.section_count);
    TEST_ASSERT_EQUAL_STRING("Title {x}", notice.sections[0].title.s);
    TEST_ASSERT_EQUAL_STRING("# not a heading", block(0, 0)->text.s);
    TEST_ASSERT_EQUAL_STRING("- not an item ---", block(0, 1)->text.s);
    TEST_ASSERT_EQUAL_STRING("", notice.sections[1].number.s);
    TEST_ASSERT_EQUAL_STRING("2 ting", notice.sections[1].title.s);
    TEST_ASSERT_EQUAL_STRING("6.", notice.sections[2].number.s);
    TEST_ASSERT_EQUAL_STRING("Six", notice.sections[2].title.s);
}

static void test_crlf_tabs_and_blanks(void)
{
    parse_text("---\r\npolicy: p\r\nlang: en\r\ntitle: T\r\n---\r\n"
               "# H {#h}  \r\nA\tB   C  \r\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_EQUAL_STRING("A B C", block(0, 0)->text.s);
}

static void test_hostile_text_kept_as_is(void)
{
    parse_text(HEADER "*/ \"q\" \\ ?\?= %n #include <x> «å»\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_EQUAL_STRING("*/ \"q\" \\ ?\?= %n #include <x> «å»",
                             block(0, 0)->text.s);
}

/* A block as the parser must make it. */
typedef struct want_block {
    pn_block_kind kind;
    unsigned level;
    uint32_t number;
    const char *text;
} want_block;

/* Section 0 has exactly the `n` blocks of `want`. */
static void expect_blocks(const want_block *want, size_t n)
{
    size_t i;

    TEST_ASSERT_TRUE(notice.section_count > 0);
    TEST_ASSERT_EQUAL_UINT(n, notice.sections[0].block_count);
    for (i = 0; i < n; i++) {
        const mblock *b = block(0, i);
        TEST_ASSERT_EQUAL_INT(want[i].kind, b->kind);
        TEST_ASSERT_EQUAL_UINT(want[i].level, b->level);
        TEST_ASSERT_EQUAL_UINT32(want[i].number, b->number);
        TEST_ASSERT_EQUAL_STRING(want[i].text, b->text.s);
    }
}

#define EXPECT_BLOCKS(want) expect_blocks(want, sizeof want / sizeof *want)
#define P PN_BLOCK_PARAGRAPH
#define LI PN_BLOCK_LIST_ITEM
#define NI PN_BLOCK_NUMBERED_ITEM
#define TH PN_BLOCK_TABLE_HEAD
#define TC PN_BLOCK_TABLE_CELL

static const want_block numbered_and_nested_lists_blocks[] = {
    {NI, 1, 1, "One"}, {NI, 1, 2, "Two continued"}, {NI, 1, 10, "Ten"},
    {LI, 2, 0, "Sub"}, {NI, 3, 1, "Subsub"}, {LI, 4, 0, "Fourth"},
    {LI, 4, 0, "Fifth"}, {LI, 2, 0, "Back"}, {LI, 1, 0, "Top"},
    {P, 0, 0, "In 2021 the law 2021. was new."},
    {NI, 1, 3, "Starts at three"},
};

static void test_numbered_and_nested_lists(void)
{
    parse_text(HEADER "1. One\n2) Two\n   continued\n10. Ten\n"
               "   - Sub\n     1. Subsub\n       - Fourth\n"
               "         - Fifth\n   - Back\n- Top\n\n"
               "In 2021 the law\n2021. was new.\n\n3. Starts at three\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:13:10: warning: lists nest "
                                          "at most 4 levels"));
    EXPECT_BLOCKS(numbered_and_nested_lists_blocks);
}

static const want_block inline_markdown_is_shown_as_text_blocks[] = {
    {P, 0, 0, "We never sell your data, ever, really; a*b and *x* and "
              "_y_ and \\."},
    {P, 0, 0, "snake_case_name, 5 * 3, a * alone, **unclosed."},
    {P, 0, 0, "See the policy (https://x.no/p) or x.no, "
              "https://x.no/a_b and post@x.no."},
    {P, 0, 0, "Mail us (post@x.no) or post@x.no; call +47 22 00 00 00 "
              "or us (22000000)."},
    {P, 0, 0, "Read your rights first."},
};

static void test_inline_markdown_is_shown_as_text(void)
{
    parse_text(HEADER "We **never** sell *your* data, __ever__, _really_; "
               "`a*b` and \\*x\\* and \\_y\\_ and \\\\.\n\n"
               "snake_case_name, 5 * 3, a * alone, **unclosed.\n\n"
               "See [the policy](https://x.no/p) or [x.no](https://x.no/), "
               "<https://x.no/a_b> and <post@x.no>.\n\n"
               "Mail [us](mailto:post@x.no) or [post@x.no](MAILTO:post@x.no); "
               "call [+47 22 00 00 00](tel:+4722000000) or [us](tel:22000000).\n\n"
               "Read [your rights](#rights) first.\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_EQUAL_STRING("", messages);
    EXPECT_BLOCKS(inline_markdown_is_shown_as_text_blocks);
}

static void test_heading_titles_lose_their_markers(void)
{
    parse_text(HEADER "## 2.1 **Your** `rights` \\* \\{x} [here](https://x.no) "
               "{#h}\n\nText.\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_EQUAL_STRING("2.1", notice.sections[0].number.s);
    TEST_ASSERT_EQUAL_STRING("Your rights * {x} here (https://x.no)",
                             notice.sections[0].title.s);
}

static const want_block hard_line_breaks_blocks[] = {
    {P, 0, 0, "Demo AS\nStorgata 1\n0155 Oslo\\"},
    {LI, 1, 0, "Item\nsecond line"},
    {P, 0, 0, "A \\ not a break"},
};

static void test_hard_line_breaks(void)
{
    parse_text(HEADER "Demo AS  \nStorgata 1\\\n0155   Oslo\\\n\n"
               "- Item  \n  second line\n\nA \\\\\nnot a break\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    EXPECT_BLOCKS(hard_line_breaks_blocks);
}

static const want_block pipe_tables_are_rows_of_cells_blocks[] = {
    {P, 0, 0, "Before | not a table"}, {TH, 1, 0, "Purpose"},
    {TH, 2, 0, "Legal basis"}, {TC, 1, 0, "Orders"},
    {TC, 2, 0, "Contract"}, {TC, 2, 0, "a | b"}, {TC, 3, 0, "extra"},
    {P, 0, 0, "After."}, {TH, 1, 0, "x"}, {TH, 2, 0, "y"},
    {TC, 1, 0, "1"}, {TC, 2, 0, "2"},
};

static void test_pipe_tables_are_rows_of_cells(void)
{
    parse_text(HEADER "Before | not a table\n\n"
               "| Purpose | Legal *basis* |\n| --- | :---: |\n"
               "| Orders | Contract |\n|  | a \\| b | extra |\n"
               "After.\n\nx | y\n-|-\n1 | 2\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    EXPECT_BLOCKS(pipe_tables_are_rows_of_cells_blocks);
}

static const want_block html_lists_in_table_cells_are_lines_blocks[] = {
    {TH, 1, 0, "Data"}, {TH, 2, 0, "Kept"},
    {TC, 1, 0, "IP address\nCookies"}, {TC, 2, 0, "18 months\nthen deleted"},
    {P, 0, 0, "Out of a table <br> stays."},
};

/* GitHub's tables hold lists and breaks as HTML: a cell's <ul><li> and
 * <br> become lines; elsewhere a tag is shown as written, with a warning. */
static void test_html_lists_in_table_cells_are_lines(void)
{
    parse_text(HEADER "| Data | Kept |\n| --- | --- |\n"
               "| <ul><li>IP address</li><LI>Cookies</li></ul> | "
               "18 months<br/>then deleted |\n\nOut of a table <br> stays.\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:10:16: warning: an HTML tag"));
    TEST_ASSERT_NULL(strstr(messages, "t.pn:8:"));
    EXPECT_BLOCKS(html_lists_in_table_cells_are_lines_blocks);
}

static const want_block unsupported_markdown_is_warned_about_blocks[] = {
    {P, 0, 0, "Quoted on two lines"}, {P, 0, 0, "Deep"},
    {P, 0, 0, "A <b>tag</b> and logo here."},
};

static void test_table_of_too_many_columns_is_refused(void)
{
    static char text[4096];
    size_t len = strlen(HEADER);
    int i;

    memcpy(text, HEADER, len);
    for (i = 0; i < 2 * 256; i++)
        len += (size_t)sprintf(text + len, i == 256 ? "\n|-" : "|%s",
                               i < 256 ? "h" : "-");
    len += (size_t)sprintf(text + len, "|\n");
    parse_text(text);
    expect_error("6:512", "a table row of more than 255 cells");
}

static void test_unsupported_markdown_is_warned_about(void)
{
    parse_text(HEADER "> Quoted\n> on two lines\n\n- - -\n\n"
               "#### Deep\n\nA <b>tag</b> and ![logo](l.png) here.\n");
    TEST_ASSERT_EQUAL_INT(0, errors);
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:6:1: warning: a block quote"));
    TEST_ASSERT_NULL(strstr(messages, "t.pn:7:1: warning"));
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:9:1: warning: a horizontal "
                                          "rule"));
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:11:1: warning: headings have "
                                          "1 to 3 '#'"));
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:13:3: warning: an HTML tag"));
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:13:9: warning: an HTML tag"));
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:13:18: warning: an image"));
    EXPECT_BLOCKS(unsupported_markdown_is_warned_about_blocks);
}

/* ---- Bad input: each error where it belongs ------------------------------ */

static void test_empty_file(void)
{
    parse_text("");
    expect_error("1:1", "empty file");
}

static void test_missing_header(void)
{
    parse_text("# Hei {#a}\n");
    expect_error("1:1", "expected '---'");
}

static void test_unclosed_header(void)
{
    parse_text("---\npolicy: a\nlang: nb\n");
    expect_error("1:1", "header is not closed");
}

static void test_unknown_key_with_hint(void)
{
    parse_text("---\npolicy: a\nlang: nb\ntitel: T\n---\n");
    expect_error("4:1", "unknown header key 'titel'; did you mean 'title'?");
}

static void test_duplicate_key(void)
{
    parse_text("---\npolicy: a\nlang: nb\ntitle: T\nlang: en\n---\n");
    expect_error("5:1", "header key 'lang' given twice");
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:3:7: note: first given here"));
}

static void test_missing_required_key(void)
{
    parse_text("---\npolicy: a\nlang: nb\n---\n");
    expect_error("1:1", "header has no 'title' key");
}

static void test_bad_header_values(void)
{
    parse_text("---\npolicy: A b\nlang: nb\ntitle: T\n---\n");
    expect_error("2:9", "invalid policy id");
    tearDown();
    parse_text("---\npolicy: a\nlang: norsk\ntitle: T\n---\n");
    expect_error("3:7", "invalid language tag");
    tearDown();
    parse_text("---\npolicy: a\nlang: nb\ntitle:\n---\n");
    expect_error("4:1", "header key 'title' has no value");
    tearDown();
    parse_text("---\npolicy: a\nnot a key\n---\n");
    expect_error("3:1", "expected 'key: value'");
}

static void test_bad_waivers(void)
{
    parse_text("---\npolicy: a\nlang: nb\ntitle: T\nwaive: dpoo none\n---\n");
    expect_error("5:8", "unknown topic 'dpoo' in waive; did you mean 'dpo'?");
    tearDown();
    parse_text("---\npolicy: a\nlang: nb\ntitle: T\nwaive: dpo\n---\n");
    expect_error("5:8", "waive needs a reason");
    tearDown();
    /* The model keeps every waiver; check_model() reports each repeat. */
    parse_text("---\npolicy: a\nlang: nb\ntitle: T\nwaive: dpo a\n"
               "waive: transfers b\nwaive: dpo c\nwaive: dpo d\n---\n");
    expect_error("7:8", "topic waived twice");
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:8:8: error: topic waived twice"));
    TEST_ASSERT_EQUAL_INT(2, errors);
    TEST_ASSERT_EQUAL_INT(4, notice.waiver_count);
}

/* The rules of the model still run when the syntax has errors, as they
 * did when the parser applied them: every error of a file is reported. */
static void test_model_rules_after_syntax_errors(void)
{
    parse_text(HEADER "#bad\n# A {#a}\n\n# B {#a}\n");
    expect_error("6:1", "'#' starts a heading");
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:9:7: error: section id 'a' "
                                          "is already used"));
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:7:7: note: first used here"));
    TEST_ASSERT_EQUAL_INT(2, errors);
    tearDown();
    parse_text("---\npolicy: A b\nlang: NB\ntitel: T\n");
    expect_error("4:1", "unknown header key 'titel'");
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:2:9: error: invalid policy id"));
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:3:7: error: invalid language"));
}

static void test_heading_without_text(void)
{
    parse_text(HEADER "# {#a}\n");
    expect_error("6:1", "heading has no text");
    tearDown();
    parse_text(HEADER "#\n");
    expect_error("6:1", "heading has no text");
    tearDown();
    parse_text(HEADER "## 2.1 {#a}\n");
    expect_error("6:1", "heading has a number but no title");
}

static void test_heading_without_id(void)
{
    parse_text(HEADER "\n# Hei\n");
    expect_error("7:5", "heading has no id");
    tearDown();
    parse_text(HEADER "# Hei {topic=dpo}\n");
    expect_error("6:7", "heading has no id: add #id");
}

static void test_bad_heading_attributes(void)
{
    parse_text(HEADER "# Hei {#Stor}\n");
    expect_error("6:8", "invalid section id");
    tearDown();
    parse_text(HEADER "# Hei {#a topic=purposes,retension}\n");
    expect_error("6:26", "unknown topic 'retension'; did you mean 'retention'?");
    tearDown();
    parse_text(HEADER "# Hei {#a lang=nb}\n");
    expect_error("6:11", "unknown heading attribute");
    tearDown();
    parse_text(HEADER "# Hå {#a}\n# Hei {#a}\n");
    expect_error("7:9", "section id 'a' is already used");
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:6:8: note: first used here"));
}

static void test_bad_heading_marks(void)
{
    parse_text(HEADER "#hashtag\n");
    expect_error("6:1", "'#' starts a heading and needs a space");
    tearDown();
    parse_text(HEADER "#### Deep {#d}\n");
    expect_error("6:1", "headings have 1 to 3 '#'");
}

static void test_bad_body_lines(void)
{
    parse_text(HEADER "text\n---\n");
    expect_error("7:1", "'---' in the body");
    tearDown();
    parse_text(HEADER "-\n");
    expect_error("6:1", "empty list item");
    tearDown();
    parse_text(HEADER "<!-- never closed\ntext\n");
    expect_error("6:1", "comment is not closed");
    tearDown();
    parse_text(HEADER "<!-- c --> text\n");
    expect_error("6:12", "text after '-->'");
}

static void test_invalid_utf8(void)
{
    static const struct {
        const char *bytes;
        const char *where;
    } cases[] = {
        {HEADER "ab\xff\n", "6:3"},            /* 0xFF is never UTF-8 */
        {HEADER "\xc3\n", "6:1"},              /* truncated sequence */
        {HEADER "\xc0\xaf\n", "6:1"},          /* overlong '/' */
        {HEADER "\xed\xa0\x80\n", "6:1"},      /* surrogate U+D800 */
        {HEADER "\xf4\x90\x80\x80\n", "6:1"},  /* above U+10FFFF */
        {HEADER "å\x80\n", "6:2"},             /* stray continuation */
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parse_text(cases[i].bytes);
        expect_error(cases[i].where, "invalid UTF-8");
        tearDown();
    }
    parse_text(HEADER "ab\xff\n");
    TEST_ASSERT_NOT_NULL(strstr(messages, "byte 0xFF at byte offset 44"));
}

static void test_encoding_errors(void)
{
    parse_text("\xef\xbb\xbf" HEADER);
    expect_error("1:1", "UTF-8 byte order mark");
    tearDown();
    parse_text(HEADER "a\rb\n");
    expect_error("6:2", "carriage return without line feed");
    tearDown();
    parse_bytes(HEADER "a\0b\n", sizeof HEADER + 3);
    expect_error("6:2", "control character U+0000");
    tearDown();
    parse_text(HEADER "a\x1b[31m\n");
    expect_error("6:2", "control character U+001B");
}

static void test_overlong_block(void)
{
    static char text[70000 + sizeof HEADER];
    size_t len = strlen(HEADER);

    memcpy(text, HEADER, len);
    memset(text + len, 'x', 66000);
    text[len + 66000] = '\n';
    text[len + 66001] = '\0';
    parse_text(text);
    expect_error("6:1", "this block is 66000 bytes long; at most 16384 fit");
    tearDown();
    /* A header value as long: the model keeps it, check_model() refuses it. */
    strcpy(text, "---\ncity: ");
    memset(text + 10, 'x', 66000);
    strcpy(text + 66010, "\npolicy: demo\nlang: nb\ntitle: Demo\n---\n");
    parse_text(text);
    expect_error("2:7", "value is longer than 16384 bytes");
}

static void test_columns_count_characters(void)
{
    parse_text(HEADER "# Æøå {#Æ}\n");
    expect_error("6:8", "invalid section id");
    TEST_ASSERT_NOT_NULL(strstr(messages, "    6 | # Æøå {#Æ}\n      |        ^~\n"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_header_facts_and_waivers);
    RUN_TEST(test_contact_roles);
    RUN_TEST(test_contact_role_errors);
    RUN_TEST(test_preamble_headings_and_blocks);
    RUN_TEST(test_comments_and_escapes);
    RUN_TEST(test_crlf_tabs_and_blanks);
    RUN_TEST(test_hostile_text_kept_as_is);
    RUN_TEST(test_empty_file);
    RUN_TEST(test_missing_header);
    RUN_TEST(test_unclosed_header);
    RUN_TEST(test_unknown_key_with_hint);
    RUN_TEST(test_duplicate_key);
    RUN_TEST(test_missing_required_key);
    RUN_TEST(test_bad_header_values);
    RUN_TEST(test_bad_waivers);
    RUN_TEST(test_model_rules_after_syntax_errors);
    RUN_TEST(test_heading_without_text);
    RUN_TEST(test_heading_without_id);
    RUN_TEST(test_bad_heading_attributes);
    RUN_TEST(test_bad_heading_marks);
    RUN_TEST(test_numbered_and_nested_lists);
    RUN_TEST(test_inline_markdown_is_shown_as_text);
    RUN_TEST(test_heading_titles_lose_their_markers);
    RUN_TEST(test_hard_line_breaks);
    RUN_TEST(test_pipe_tables_are_rows_of_cells);
    RUN_TEST(test_table_of_too_many_columns_is_refused);
    RUN_TEST(test_html_lists_in_table_cells_are_lines);
    RUN_TEST(test_unsupported_markdown_is_warned_about);
    RUN_TEST(test_bad_body_lines);
    RUN_TEST(test_invalid_utf8);
    RUN_TEST(test_encoding_errors);
    RUN_TEST(test_overlong_block);
    RUN_TEST(test_columns_count_characters);
    return UNITY_END();
}
