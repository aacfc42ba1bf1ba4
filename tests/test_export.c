/* pnc --json on every bundled notice: valid against
 * docs/pnc-notices.schema.json (with python3's jsonschema, else ignored,
 * saying so), the same coverage as --report and the same facts as libpn
 * reads (--dump), and any text escaped right. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/export-tmp"
#define CHECK "python3 tests/check_json.py"

static char page[RUN_TEXT_SIZE];

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

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_json_validates_against_the_schema);
    RUN_TEST(test_json_coverage_and_facts_are_those_of_report_and_libpn);
    RUN_TEST(test_json_escapes_any_text);
    return UNITY_END();
}
