/* pnc --json and pnc --html on every bundled notice. JSON: valid against
 * docs/pnc-notices.schema.json (with python3's jsonschema, else ignored,
 * saying so), the same coverage as --report and the same facts as libpn
 * reads (--dump), and any text escaped right. HTML: every tag closed,
 * the lang attribute, every section id an element id, the hreflang
 * alternates, the contact links, text escaped, and every word of the
 * notice (as the kiosk's --dump shows it) in order in the page's text. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pn.h"
#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/export-tmp"
#define KIOSK BUILD_DIR "/kiosk"
#define CHECK "python3 tests/check_json.py"
#define MARKDOWN_FIXTURE "tests/fixtures/layout/markdown.en.pn"

static char page[RUN_TEXT_SIZE];
static char text[RUN_TEXT_SIZE];
static char words[RUN_TEXT_SIZE];

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

static void write_text(const char *path, const char *content)
{
    FILE *f = fopen(path, "wb");

    TEST_ASSERT_TRUE_MESSAGE(f != NULL, path);
    fputs(content, f);
    fclose(f);
}

/* ---- JSON ----------------------------------------------------------------- */

static void test_json_validates_against_the_schema(void)
{
    int status;

    if (!have("python3")) {
        TEST_IGNORE_MESSAGE("skipped: python3 not found");
        return;
    }
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(PNC_PATH " --json -o " TMP
                                         "/all.json policies/*.pn"),
                                  tail(err_text));
    status = run(CHECK " schema docs/pnc-notices.schema.json " TMP
                       "/all.json");
    if (status == 77) {
        TEST_IGNORE_MESSAGE("skipped: python3 has no jsonschema module "
                            "(apt-get install python3-jsonschema)");
        return;
    }
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, err_text);
    /* The same bytes on stdout, whatever the order of the files. */
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --json policies/n*.pn "
                                 "policies/i*.pn > " TMP "/stdout.json && "
                                 "cmp " TMP "/all.json " TMP "/stdout.json"));
}

/* A list item's level and number and a table cell's column, as written in
 * the Markdown fixture, and still valid against the schema. */
static void test_json_keeps_list_levels_and_table_columns(void)
{
    int status;

    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(PNC_PATH " --json -o " TMP
                                         "/md.json " MARKDOWN_FIXTURE),
                                  tail(err_text));
    TEST_ASSERT_EQUAL_INT(0, run("cat " TMP "/md.json"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "{\"kind\": \"numbered_item\", "
                                          "\"number\": 10, \"level\": 1, "
                                          "\"text\": \"Tenth\"}"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "{\"kind\": \"list_item\", "
                                          "\"level\": 2, \"text\": "
                                          "\"Inner one that wraps"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "{\"kind\": \"numbered_item\", "
                                          "\"number\": 1, \"level\": 3, "
                                          "\"text\": \"Deepest numbered\"}"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "{\"kind\": \"table_cell\", "
                                          "\"column\": 3, \"text\": "
                                          "\"5 years\"}"));
    if (!have("python3"))
        return;
    status = run(CHECK " schema docs/pnc-notices.schema.json " TMP "/md.json");
    if (status != 77)
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, err_text);
}

static void test_json_coverage_and_facts_are_those_of_report_and_libpn(void)
{
    if (!have("python3")) {
        TEST_IGNORE_MESSAGE("skipped: python3 not found");
        return;
    }
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --json -o " TMP "/all.json "
                                 "policies/*.pn"));
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --report policies/*.pn > " TMP
                                 "/report.txt"));
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --dump policies/*.pn > " TMP
                                 "/dump.txt"));
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(CHECK " report " TMP "/all.json "
                                         TMP "/report.txt " TMP "/dump.txt"),
                                  err_text);
}

/* Quotes, backslashes, markup, U+2028 and text outside the BMP read back
 * as they were written. */
static void test_json_escapes_any_text(void)
{
    static const char tricky[] =
        "Say \"hi\" \\ back</script> & <b>x</b> \xe2\x80\xa8 line, "
        "\xf0\x9f\x98\x80, \xc3\xa6\xc3\xb8\xc3\xa5 %s %n ?\?= */";

    if (!have("python3")) {
        TEST_IGNORE_MESSAGE("skipped: python3 not found");
        return;
    }
    snprintf(page, sizeof page,
             "---\npolicy: t\nlang: en\ntitle: T \"q\"\n"
             "controller: A \\ B\n---\n\n# H {#h topic=purposes}\n\n%s\n",
             tricky);
    write_text(TMP "/t.en.pn", page);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(PNC_PATH " --json -o " TMP
                                         "/t.json " TMP "/t.en.pn"),
                                  err_text);
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0,
        run("python3 -c 'import json,sys; n=json.load(open(sys.argv[1], "
            "encoding=\"utf-8\"))[\"notices\"][0]; "
            "sys.stdout.buffer.write((n[\"sections\"][0][\"blocks\"][0]"
            "[\"text\"] + \"|\" + n[\"title\"] + \"|\" + "
            "n[\"contact\"][\"controller\"]).encode())' " TMP "/t.json"),
        err_text);
    snprintf(page, sizeof page, "%s|T \"q\"|A \\ B", tricky);
    TEST_ASSERT_EQUAL_STRING(page, out_text);
    slurp(TMP "/t.json", page, sizeof page);
    TEST_ASSERT_NOT_NULL(strstr(page, "\\u2028"));
    TEST_ASSERT_NOT_NULL(strstr(page, "Say \\\"hi\\\" \\\\ back"));
}

/* ---- HTML ----------------------------------------------------------------- */

static int is_void(const char *name, size_t len)
{
    return (len == 4 && strncmp(name, "meta", 4) == 0) ||
           (len == 4 && strncmp(name, "link", 4) == 0) ||
           (len == 2 && strncmp(name, "br", 2) == 0);
}

/* Checks that every element is closed, in order, and every '&' starts an
 * entity pnc (or Chromium, serializing the DOM) writes; leaves the page's text content, entities decoded, in
 * `text`, one space between the text of two elements. */
static void check_well_formed(const char *path, const char *html)
{
    const char *stack[64];
    size_t lens[64], depth = 0;
    const char *p = html;
    char *t = text;
    char message[256];

    if (strncmp(p, "<!DOCTYPE html>\n", 16) == 0)
        p += 16;
    while (*p) {
        if (*p == '<') {
            const char *name = p + 1 + (p[1] == '/');
            size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
            const char *end = strchr(p, '>');

            snprintf(message, sizeof message, "%s: at byte %ld", path,
                     (long)(p - html));
            TEST_ASSERT_TRUE_MESSAGE(end != NULL && len > 0, message);
            TEST_ASSERT_TRUE_MESSAGE(memchr(p + 1, '<', (size_t)(end - p - 1))
                                         == NULL, message);
            if (p[1] == '/') {
                TEST_ASSERT_TRUE_MESSAGE(depth > 0, message);
                depth--;
                TEST_ASSERT_TRUE_MESSAGE(lens[depth] == len &&
                                         strncmp(stack[depth], name, len)
                                             == 0, message);
            } else if (!is_void(name, len)) {
                TEST_ASSERT_TRUE_MESSAGE(depth < 64, message);
                stack[depth] = name;
                lens[depth++] = len;
            }
            if (strncmp(name, "style", 5) == 0 && p[1] != '/') {
                end = strstr(p, "</style>") - 1;   /* CSS is not text */
                TEST_ASSERT_TRUE_MESSAGE(end != NULL, message);
            }
            /* Links and spans sit inside words ("url." stays one). */
            if (!((len == 1 && name[0] == 'a') ||
                  (len == 4 && strncmp(name, "span", 4) == 0)))
                *t++ = ' ';
            p = end + 1;
        } else if (*p == '&') {
            static const char *const entities[][2] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                {"&quot;", "\""}, {"&#39;", "'"},
                {"&nbsp;", "\xc2\xa0"}}; /* Chromium's, for U+00A0 */
            size_t i;
            for (i = 0; i < 6; i++)
                if (strncmp(p, entities[i][0], strlen(entities[i][0])) == 0)
                    break;
            snprintf(message, sizeof message, "%s: bare & at byte %ld",
                     path, (long)(p - html));
            TEST_ASSERT_TRUE_MESSAGE(i < 6, message);
            memcpy(t, entities[i][1], strlen(entities[i][1]));
            t += strlen(entities[i][1]);
            p += strlen(entities[i][0]);
        } else {
            TEST_ASSERT_TRUE_MESSAGE(*p != '>', path);
            *t++ = *p++;
        }
    }
    *t = '\0';
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, depth, path);
}

/* Every word of `dump` (the kiosk's --dump: a block per line, list items
 * after "- "), in order, in `content`. */
static void check_words_in_order(const char *path, const char *dump,
                                 const char *content)
{
    const char *at = content;
    char *line, *word, *save_line = NULL, *save_word = NULL;
    char message[512];
    unsigned count = 0;

    memcpy(words, dump, strlen(dump) + 1);
    for (line = strtok_r(words, "\n", &save_line); line;
         line = strtok_r(NULL, "\n", &save_line)) {
        if (strncmp(line, "- ", 2) == 0)
            line += 2;
        for (word = strtok_r(line, " ", &save_word); word;
             word = strtok_r(NULL, " ", &save_word)) {
            const char *found = strstr(at, word);
            snprintf(message, sizeof message, "%s: word %u, '%.200s', "
                     "not found in order", path, count, word);
            TEST_ASSERT_TRUE_MESSAGE(found != NULL, message);
            at = found + strlen(word);
            count++;
        }
    }
    TEST_ASSERT_TRUE(count > 100);
}

/* Every word of `notice` as the kiosk's --dump shows it, in order, in the
 * text check_well_formed() left. */
static void check_notice_words(const pn_notice *notice, const char *path)
{
    static char dump[RUN_TEXT_SIZE];
    char command[256];

    snprintf(command, sizeof command, KIOSK " --dump %s:%s", notice->policy,
             notice->lang);
    TEST_ASSERT_EQUAL_INT(0, run(command));
    memcpy(dump, out_text, strlen(out_text) + 1);
    check_words_in_order(path, dump, text);
}

/* Each section id of `notice` is an element's id in `html`, as
 * `format` ("<section id=\"%s\">") writes it; once, if `once`. */
static void check_section_ids(const pn_notice *notice, const char *html,
                              const char *format, int once)
{
    pn_section sec;
    char needle[256];
    const char *hit;
    uint32_t j;

    for (j = 0; j < notice->section_count; j++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_section_at(notice, j, &sec));
        if (sec.level == 0)
            continue;
        snprintf(needle, sizeof needle, format, sec.id);
        hit = strstr(html, needle);
        TEST_ASSERT_TRUE_MESSAGE(hit != NULL, needle);
        TEST_ASSERT_TRUE_MESSAGE(!once || strstr(hit + 1, needle) == NULL,
                                 needle);
    }
}

static void test_html_pages_of_every_notice(void)
{
    pn_catalog cat;
    pn_notice notice, other;
    pn_contact contact;
    char path[256], needle[256], facts[4096];
    uint32_t i, j;

    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(PNC_PATH " --html " TMP
                                         " policies/*.pn"),
                                  tail(err_text));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE));
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &notice));
        snprintf(path, sizeof path, TMP "/%s.%s.html", notice.policy,
                 notice.lang);
        TEST_ASSERT_TRUE_MESSAGE(slurp(path, page, sizeof page) > 0, path);
        check_well_formed(path, page);
        snprintf(needle, sizeof needle, "<html lang=\"%s\">", notice.lang);
        TEST_ASSERT_TRUE_MESSAGE(strstr(page, needle) != NULL, path);
        TEST_ASSERT_TRUE_MESSAGE(strstr(page, "<script") == NULL, path);
        check_section_ids(&notice, page, "<section id=\"%s\">", 1);
        /* The alternates: every language of the policy. */
        for (j = 0; j < cat.notice_count; j++) {
            TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, j, &other));
            if (strcmp(other.policy, notice.policy) != 0)
                continue;
            snprintf(needle, sizeof needle,
                     "<link rel=\"alternate\" hreflang=\"%s\" "
                     "href=\"%s.%s.html\">",
                     other.lang, other.policy, other.lang);
            TEST_ASSERT_TRUE_MESSAGE(strstr(page, needle) != NULL, needle);
        }
        /* The contact links. */
        TEST_ASSERT_TRUE(pn_notice_contact(&notice, facts, sizeof facts,
                                           &contact) >= 0);
        if (contact.email[0]) {
            snprintf(needle, sizeof needle, "<a href=\"mailto:%s\">",
                     contact.email);
            TEST_ASSERT_TRUE_MESSAGE(strstr(page, needle) != NULL, needle);
        }
        if (contact.phone[0])
            TEST_ASSERT_TRUE_MESSAGE(strstr(page, "<a href=\"tel:") != NULL,
                                     path);
        /* The controller's term in the page's language, as libpn names
         * the topic. */
        if (contact.name[0]) {
            char term[64];
            TEST_ASSERT_EQUAL_INT(PN_OK,
                                  pn_topic_label(&notice, PN_TOPIC_CONTROLLER,
                                                 term, sizeof term, NULL));
            snprintf(needle, sizeof needle, "<dt>%s</dt><dd>%s</dd>", term,
                     contact.name);
            TEST_ASSERT_TRUE_MESSAGE(strstr(page, needle) != NULL, needle);
        }
        check_notice_words(&notice, path);
    }
}

static void test_html_escapes_text(void)
{
    write_text(TMP "/t.en.pn",
               "---\npolicy: t\nlang: en\ntitle: <T> & \"q\"\n"
               "email: a@b.no\nphone: +47 22 33 44 55\n---\n\n"
               "# H {#h-1 topic=purposes}\n\n"
               "<b>bold</b> & <script>alert('x')</script>\n\n"
               "- one\n- two\n\nafter\n");
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(PNC_PATH " --html " TMP " " TMP
                                         "/t.en.pn"),
                                  err_text);
    TEST_ASSERT_TRUE(slurp(TMP "/t.en.html", page, sizeof page) > 0);
    check_well_formed("t.en.html", page);
    TEST_ASSERT_NOT_NULL(strstr(page, "<title>&lt;T&gt; &amp; &quot;q&quot;"
                                      "</title>"));
    TEST_ASSERT_NOT_NULL(strstr(page, "<p>&lt;b&gt;bold&lt;/b&gt; &amp; "
                                      "&lt;script&gt;alert(&#39;x&#39;)"
                                      "&lt;/script&gt;</p>"));
    TEST_ASSERT_NOT_NULL(strstr(page, "<ul>\n<li>one</li>\n<li>two</li>\n"
                                      "</ul>\n<p>after</p>"));
    TEST_ASSERT_NOT_NULL(strstr(page, "<a href=\"tel:+4722334455\">"));
    TEST_ASSERT_NOT_NULL(strstr(page, "<a href=\"mailto:a@b.no\">"));
    TEST_ASSERT_NULL(strstr(page, "<script"));
    /* DIR must exist; nothing is written when it does not. */
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --html " TMP "/none " TMP
                                 "/t.en.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/none/t.en.html"));
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --html " TMP " -o x " TMP
                                 "/t.en.pn"));
}

/* The Markdown of a notice as HTML: nested bullet and numbered lists,
 * the table, hard line breaks, web addresses as links. */
static void test_html_markdown_constructs(void)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(PNC_PATH " --html " TMP " "
                                         MARKDOWN_FIXTURE),
                                  err_text);
    TEST_ASSERT_TRUE(slurp(TMP "/markdown.en.html", page, sizeof page) > 0);
    check_well_formed("markdown.en.html", page);
    TEST_ASSERT_NOT_NULL(strstr(page, "<ol>\n<li value=\"1\">First step"
                                      "</li>\n<li value=\"2\">"));
    TEST_ASSERT_NOT_NULL(strstr(page, "<li value=\"10\">Tenth</li>\n"
                                      "</ol>"));
    TEST_ASSERT_NOT_NULL(strstr(page, "<li>Outer one<ul>\n<li>Inner one"));
    TEST_ASSERT_NOT_NULL(strstr(page, "<thead><tr><th>Purpose</th>"
                                      "<th>Legal basis</th>"));
    TEST_ASSERT_NOT_NULL(strstr(page, "<tr><td>Orders</td><td>Contract</td>"
                                      "<td>5 years</td></tr>"));
    TEST_ASSERT_NOT_NULL(strstr(page, "Demo Ltd<br>\nStorgata 1<br>\n"));
    TEST_ASSERT_NOT_NULL(strstr(page, "(<a href=\"https://demo.example/"
                                      "privacy\">https://demo.example/"
                                      "privacy</a>)"));
}

/* Chromium (headless) opens every page: the DOM it dumps is well formed,
 * holds each section id as an element id and every word of the notice in
 * order; and it screenshots one page per language, for the README
 * (build/tests/export-tmp/intech.nb.png, intech.en.png). */
static void test_chromium_opens_every_page(void)
{
    static char dom[RUN_TEXT_SIZE];
    pn_catalog cat;
    pn_notice notice;
    char command[2048], path[256], url[1024];
    uint32_t i;

    if (!have("chromium")) {
        TEST_IGNORE_MESSAGE("skipped: chromium not found (apt-get install "
                            "chromium); the C checks above cover the pages");
        return;
    }
    TEST_ASSERT_EQUAL_INT(0, run(PNC_PATH " --html " TMP " policies/*.pn"));
    TEST_ASSERT_EQUAL_INT(PN_OK, pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE));
    for (i = 0; i < cat.notice_count; i++) {
        TEST_ASSERT_EQUAL_INT(PN_OK, pn_notice_at(&cat, i, &notice));
        snprintf(path, sizeof path, TMP "/%s.%s.html", notice.policy,
                 notice.lang);
        absolute(path, url, sizeof url);
        snprintf(command, sizeof command,
                 "chromium --headless --no-sandbox --disable-gpu "
                 "--dump-dom 'file://%s' 2>/dev/null", url);
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), command);
        memcpy(dom, out_text, strlen(out_text) + 1);
        check_well_formed(command, dom);
        check_section_ids(&notice, dom, " id=\"%s\"", 0);
        check_notice_words(&notice, path);
        if (strcmp(notice.policy, "intech") != 0)
            continue;
        snprintf(command, sizeof command,
                 "chromium --headless --no-sandbox --disable-gpu "
                 "--hide-scrollbars --window-size=800,1000 "
                 "--screenshot=" TMP "/%s.%s.png 'file://%s' "
                 ">/dev/null 2>&1 && test -s " TMP "/%s.%s.png",
                 notice.policy, notice.lang, url, notice.policy, notice.lang);
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(command), command);
    }
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_json_validates_against_the_schema);
    RUN_TEST(test_json_coverage_and_facts_are_those_of_report_and_libpn);
    RUN_TEST(test_json_keeps_list_levels_and_table_columns);
    RUN_TEST(test_json_escapes_any_text);
    RUN_TEST(test_html_pages_of_every_notice);
    RUN_TEST(test_html_escapes_text);
    RUN_TEST(test_html_markdown_constructs);
    RUN_TEST(test_chromium_opens_every_page);
    return UNITY_END();
}
