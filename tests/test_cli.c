/* pnc's command line: exit statuses, diagnostics for every bad fixture,
 * outputs that are never half-written, untouched when unchanged, and the
 * same whatever the order of the inputs. Runs the built pnc. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/cli-tmp"
#define GOOD "tests/fixtures/good/alpha.en.pn tests/fixtures/good/alpha.nb.pn " \
             "tests/fixtures/good/beta.nn.pn"
#define GOOD_REVERSED "tests/fixtures/good/beta.nn.pn " \
                      "tests/fixtures/good/alpha.nb.pn tests/fixtures/good/alpha.en.pn"

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

static int run_pnc(const char *args)
{
    char command[4096];
    snprintf(command, sizeof command, "%s %s", PNC_PATH, args);
    return run(command);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int same_files(const char *a, const char *b)
{
    char command[1024];
    snprintf(command, sizeof command, "cmp -s %s %s", a, b);
    return system(command) == 0;
}

/* ---- Options and exit statuses ------------------------------------------ */

static void test_help_and_version(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--help"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "Usage: pnc [OPTION]... FILE..."));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "--check"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-h"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--version"));
    TEST_ASSERT_EQUAL_MEMORY("pnc 0.", out_text, 6);
}

static void test_usage_errors_exit_2(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc(""));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: error: no input files"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--frobnicate " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "unknown option --frobnicate"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc(GOOD " -o"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "missing value after -o"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc(GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "no output"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--prefix 9lives -o " TMP "/c.c " GOOD));
    TEST_ASSERT_FALSE(file_exists(TMP "/c.c"));
}

static void test_missing_input_exits_2(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check " TMP "/nowhere.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "cannot open '" TMP "/nowhere.pn'"));
}

static void test_unwritable_output_exits_2_and_leaves_nothing(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc("-o " TMP "/no/such/dir/c.c " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "cannot create"));
    TEST_ASSERT_EQUAL_INT(0, run("ls -A " TMP " | grep -v '^out$' | grep -v '^err$' | wc -l"));
    TEST_ASSERT_EQUAL_STRING("0\n", out_text);
}

static void test_check_writes_nothing(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check -o " TMP "/c.c " GOOD));
    TEST_ASSERT_NULL(strstr(err_text, "error"));
    TEST_ASSERT_FALSE(file_exists(TMP "/c.c"));
    TEST_ASSERT_FALSE(file_exists(TMP "/c.h"));
}

/* ---- Outputs -------------------------------------------------------------- */

static void test_writes_c_and_header(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c --prefix my_notices " GOOD));
    TEST_ASSERT_TRUE(file_exists(TMP "/cat.c"));
    TEST_ASSERT_TRUE(file_exists(TMP "/cat.h"));
    slurp(TMP "/cat.h", out_text, sizeof out_text);
    TEST_ASSERT_NOT_NULL(strstr(out_text, "#define MY_NOTICES_SIZE "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "extern const unsigned char my_notices[MY_NOTICES_SIZE];"));
    slurp(TMP "/cat.c", out_text, sizeof out_text);
    TEST_ASSERT_NOT_NULL(strstr(out_text, "#include \"cat.h\""));
    TEST_ASSERT_FALSE(file_exists(TMP "/cat.c.tmp"));
}

static void test_generated_c_compiles_cleanly(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c --header " TMP "/other.h " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run(TEST_CC " -std=c99 -Wall -Wextra -Wpedantic -Werror"
                                 " -c " TMP "/cat.c -o " TMP "/cat.o"));
}

/* Two programs using libpn through the generated header: one includes it
 * alone (it includes pn.h), one includes pn.h first. */
static void write_programs(void)
{
    static const char *const programs[][2] = {
        {TMP "/header_only.c", "#include \"cat.h\"\n"},
        {TMP "/pn_first.c", "#include \"pn.h\"\n#include \"cat.h\"\n"},
    };
    size_t i;

    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c --prefix my_notices "
                                     GOOD));
    for (i = 0; i < 2; i++) {
        FILE *f = fopen(programs[i][0], "w");
        TEST_ASSERT_NOT_NULL(f);
        fprintf(f, "%s\nstatic char text[MY_NOTICES_MAX_TEXT + 1];\n\n"
                   "int main(void)\n{\n    pn_catalog cat;\n\n"
                   "    return pn_open(&cat, my_notices, MY_NOTICES_SIZE) "
                   "!= PN_OK ||\n           text[0] != '\\0';\n}\n",
                programs[i][1]);
        TEST_ASSERT_EQUAL_INT(0, fclose(f));
    }
}

#define CC_STRICT TEST_CC " -std=c99 -Wall -Wextra -Wpedantic -Werror "

static void test_header_brings_pn_h_in_either_order(void)
{
    write_programs();
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(CC_STRICT "-Iruntime -o " TMP "/header_only " TMP
               "/header_only.c " TMP "/cat.c runtime/*.c"), err_text);
    TEST_ASSERT_EQUAL_INT(0, run(TMP "/header_only"));
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(CC_STRICT "-Iruntime -c " TMP "/pn_first.c -o " TMP
               "/pn_first.o"), err_text);
}

/* Against a pn.h that reads another catalog format, or one older than
 * PN_CATALOG_FORMAT, the header stops the build and says what to do. */
static void test_header_refuses_another_format(void)
{
    static const char *const dirs[] = {TMP "/newer", TMP "/older"};
    static const char *const programs[] = {"header_only.c", "pn_first.c"};
    char command[1024];
    size_t i, j;

    write_programs();
    TEST_ASSERT_EQUAL_INT(0, run(
        "mkdir " TMP "/newer " TMP "/older && "
        "sed 's/^#define PN_CATALOG_FORMAT .*/#define PN_CATALOG_FORMAT 999/'"
        " runtime/pn.h >" TMP "/newer/pn.h && "
        "grep -q '^#define PN_CATALOG_FORMAT 999$' " TMP "/newer/pn.h && "
        "sed '/^#define PN_CATALOG_FORMAT /d' runtime/pn.h >" TMP
        "/older/pn.h && ! grep -q PN_CATALOG_FORMAT " TMP "/older/pn.h"));
    for (i = 0; i < 2; i++) {
        for (j = 0; j < 2; j++) {
            snprintf(command, sizeof command,
                     CC_STRICT "-I%s -c " TMP "/%s -o " TMP "/refused.o",
                     dirs[i], programs[j]);
            TEST_ASSERT_TRUE_MESSAGE(run(command) != 0, command);
            TEST_ASSERT_MESSAGE(
                strstr(err_text, "my_notices was made by pnc ") != NULL,
                err_text);
            TEST_ASSERT_MESSAGE(
                strstr(err_text, "regenerate it with the pnc of your "
                                 "libpn") != NULL, err_text);
        }
    }
}

static void test_same_output_whatever_the_input_order(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/a.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/b.c --header " TMP "/a2.h " GOOD_REVERSED));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/b.c --header " TMP "/a.h " GOOD_REVERSED));
    TEST_ASSERT_TRUE(same_files(TMP "/a.c", TMP "/b.c"));
}

static void test_unchanged_output_is_not_rewritten(void)
{
    struct utimbuf old = {1000000000, 1000000000};
    struct stat st;

    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, utime(TMP "/cat.c", &old));
    TEST_ASSERT_EQUAL_INT(0, utime(TMP "/cat.h", &old));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, stat(TMP "/cat.c", &st));
    TEST_ASSERT_EQUAL_INT(1000000000, (long)st.st_mtime);
    TEST_ASSERT_EQUAL_INT(0, stat(TMP "/cat.h", &st));
    TEST_ASSERT_EQUAL_INT(1000000000, (long)st.st_mtime);

    /* A change of the input rewrites them. */
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c tests/fixtures/good/beta.nn.pn"));
    TEST_ASSERT_EQUAL_INT(0, stat(TMP "/cat.c", &st));
    TEST_ASSERT_TRUE(st.st_mtime != 1000000000);
}

/* ---- Bad input: every fixture in tests/fixtures/bad ----------------------- */

/* Each NAME.pn has NAME.err holding the first line pnc must print. The
 * previous outputs must survive byte for byte. */
static void check_bad_fixture(const char *name)
{
    char args[1024], expected[1024], message[1200];
    size_t len;

    snprintf(args, sizeof args, "tests/fixtures/bad/%s.err", name);
    slurp(args, expected, sizeof expected);
    len = strcspn(expected, "\n");
    expected[len] = '\0';
    TEST_ASSERT_TRUE_MESSAGE(len > 0, "missing .err file");

    snprintf(args, sizeof args, "-o " TMP "/cat.c tests/fixtures/good/beta.nn.pn"
             " tests/fixtures/bad/%s.pn", name);
    TEST_ASSERT_EQUAL_INT_MESSAGE(1, run_pnc(args), name);
    snprintf(message, sizeof message, "%.100s: pnc printed:\n%.1000s", name,
             err_text);
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(expected, err_text, len, message);
    TEST_ASSERT_EQUAL_INT_MESSAGE('\n', err_text[len], message);
    TEST_ASSERT_TRUE_MESSAGE(same_files(TMP "/cat.c", TMP "/saved.c"), name);
    TEST_ASSERT_TRUE_MESSAGE(same_files(TMP "/cat.h", TMP "/saved.h"), name);
    TEST_ASSERT_FALSE(file_exists(TMP "/cat.c.tmp"));
}

/* In name order, so that a failure reads the same on every machine. */
static void test_every_bad_fixture_is_refused(void)
{
    struct dirent **entries;
    int count = scandir("tests/fixtures/bad", &entries, NULL, alphasort);
    int i;
    unsigned checked = 0;

    TEST_ASSERT_TRUE(count >= 0);
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run("cp " TMP "/cat.c " TMP "/saved.c && cp "
                                 TMP "/cat.h " TMP "/saved.h"));
    for (i = 0; i < count; i++) {
        char name[256];
        size_t len = strlen(entries[i]->d_name);
        if (len < 4 || len >= sizeof name ||
            strcmp(entries[i]->d_name + len - 3, ".pn") != 0)
            continue;
        memcpy(name, entries[i]->d_name, len - 3);
        name[len - 3] = '\0';
        check_bad_fixture(name);
        checked++;
    }
    for (i = 0; i < count; i++)
        free(entries[i]);
    free(entries);
    TEST_ASSERT_GREATER_OR_EQUAL(10, checked);
}

static void test_errors_in_several_files_all_reported(void)
{
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check tests/fixtures/bad/unknown-key.pn "
                                     "tests/fixtures/bad/unknown-topic.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "unknown-key.pn:5:1: error"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "unknown-topic.pn:6:17: error"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: 2 errors"));
}

static void test_same_notice_twice_is_an_error(void)
{
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check tests/fixtures/good/beta.nn.pn "
                                     "tests/fixtures/good/beta.nn.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "policy 'beta' in language 'nn' is defined twice"));
}

/* ---- Checks (docs/CHECKS.md) ----------------------------------------------- */

#define CHECK_DIR "tests/fixtures/check/"
#define WARN_ONLY CHECK_DIR "empty-section.nb.pn"

/* The bundled notices pass the gate, and the warnings are true statements
 * about the seeds: seed 000's numbering gap and missing e-mail address,
 * seed 004's obfuscated address. */
static void test_bundled_notices_pass_with_true_warnings(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check policies/*.pn"));
    TEST_ASSERT_NULL(strstr(err_text, ": error: "));
    TEST_ASSERT_NOT_NULL(strstr(err_text,
        "policies/internia.nb.pn:78:3: warning: section number 6 follows 4; "
        "expected 5 [heading-number-sequence]\n"));
    TEST_ASSERT_NOT_NULL(strstr(err_text,
        "policies/internia.nb.pn:18:1: warning: no e-mail address for the "
        "controller"));
    TEST_ASSERT_NOT_NULL(strstr(err_text,
        "policies/nitd.nb.pn:93:9: warning: obfuscated e-mail address "
        "('(at)')"));
    TEST_ASSERT_NOT_NULL(strstr(err_text,
        "policies/ittotal.nb.pn:27:1: warning: no section covers complaint"));
}

static void test_werror_and_wno(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check " WARN_ONLY));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "empty-section.nb.pn:34:5: warning: "
                                          "section 'recipients' is empty"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: 1 warning\n"));

    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check -Werror " WARN_ONLY));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "34:5: error: section 'recipients' "
                                          "is empty: it has no text and no "
                                          "subsections [section-empty]\n"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: 1 error\n"));

    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check -Wno-section-empty " WARN_ONLY));
    TEST_ASSERT_EQUAL_STRING("", err_text);
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check -Werror=section-empty " WARN_ONLY));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check -Werror=structure " WARN_ONLY));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check -Werror=art13 " WARN_ONLY));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check -Werror -Wno-error=section-empty "
                                     WARN_ONLY));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "warning: section 'recipients'"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check -Wno-section-empty -Wsection-empty "
                                     "-Wno-error " WARN_ONLY));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "warning: section 'recipients'"));

    /* Writing a catalog applies the same rules. */
    TEST_ASSERT_EQUAL_INT(1, run_pnc("-Werror -o " TMP "/c.c " WARN_ONLY));
    TEST_ASSERT_FALSE(file_exists(TMP "/c.c"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/c.c " WARN_ONLY));
    TEST_ASSERT_TRUE(file_exists(TMP "/c.c"));
}

/* The parser finds a horizontal rule at line 12 before the Art. 13 check
 * finds what the header (line 6) lacks: pnc still prints them by line. */
static void test_diagnostics_come_in_line_order(void)
{
    const char *line;
    unsigned long last = 0, count = 0;

    TEST_ASSERT_EQUAL_INT(0, run("(printf -- '---\\npolicy: a\\nlang: en\\n"
                                 "title: T\\ncontroller: C\\n---\\n\\n"
                                 "# A {#a topic=purposes}\\n\\nText.\\n\\n"
                                 "***\\n' >" TMP "/order.pn)"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check " TMP "/order.pn"));
    for (line = err_text; (line = strstr(line, TMP "/order.pn:")) != NULL;
         line++) {
        unsigned long n = strtoul(line + strlen(TMP "/order.pn:"), NULL, 10);
        TEST_ASSERT_TRUE_MESSAGE(n >= last, err_text);
        last = n;
        count++;
    }
    TEST_ASSERT_EQUAL_UINT(12, last);
    TEST_ASSERT_TRUE(count > 2);
}

/* The body's facts: a wrong MOD11 digit is an error at its line and
 * column; a header e-mail address one typo from the body's, a date other
 * than updated:, a phone number a digit short and a broken URL warn. */
static void test_facts_in_the_body_are_checked(void)
{
    const char *order[] = {":20:16: warning: the text dates the notice "
                           "28.02.2024 (2024-02-28), the header's updated: "
                           "2024-02-29; which is right? [fact-contradicted]\n",
                           ":5:10: note: the header's updated: is here\n",
                           ":24:18: error: organisation number 937 323 566 "
                           "fails the MOD11 check: its check digit should be "
                           "5, not 6 [orgno-checksum]\n",
                           ":25:1: warning: the text gives 'support@demo.no', "
                           "the header's email: 'suport@demo.no'; is one of "
                           "them a typo? [fact-contradicted]\n",
                           ":11:8: note: the header's email: is here\n",
                           ":25:33: warning: phone number '22 00 00 0' is not "
                           "a Norwegian number",
                           ":29:26: warning: web address "
                           "'https://demo/tjenesten' is not a well-formed URL"};
    const char *at = err_text;
    size_t i;

    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check " CHECK_DIR "body-facts.nb.pn"));
    for (i = 0; i < sizeof order / sizeof order[0]; i++) {
        char want[512];
        snprintf(want, sizeof want, CHECK_DIR "body-facts.nb.pn%s", order[i]);
        at = strstr(at, want);
        TEST_ASSERT_TRUE_MESSAGE(at != NULL, want);
    }
    TEST_ASSERT_NOT_NULL(strstr(err_text, "pnc: 1 error, 4 warnings\n"));
}

static void test_bad_w_options_exit_2(void)
{
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check -Wno-utf8-invalid " WARN_ONLY));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "rule 'utf8-invalid' reports input "
                                          "pnc cannot compile; it is always "
                                          "an error"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check -Werror=sektion-empty " WARN_ONLY));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "no rule or group 'sektion-empty'; "
                                          "did you mean 'section-empty'?"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check --diagnostics=xml " WARN_ONLY));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--diagnostics takes text or json"));
}

/* The done-when, on copies of the bundled notices. */
static void test_one_wrong_digit_missing_retention_stray_byte(void)
{
    TEST_ASSERT_EQUAL_INT(0, run("(sed 's/^orgno: 983 040 225$/orgno: 983 040 226/'"
                                 " policies/intech.nb.pn >" TMP "/intech.pn)"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check " TMP "/intech.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text,
        TMP "/intech.pn:7:8: error: organisation number 983 040 226 fails the "
        "MOD11 check: its check digit should be 5, not 6 [orgno-checksum]\n"
        "    7 | orgno: 983 040 226\n"
        "      |        ^~~~~~~~~~~\n"));

    TEST_ASSERT_EQUAL_INT(0, run("(sed '/^# Hvor lang tid/,/^# Kontaktinformasjon/"
                                 "{/^# Kontaktinformasjon/!d;}' "
                                 "policies/nitd.nb.pn >" TMP "/nitd.pn)"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check " TMP "/nitd.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text,
        TMP "/nitd.pn:23:1: warning: no section covers retention, how long the "
        "data is kept (GDPR Art. 13(2)(a)); tag one with topic=retention "
        "[art13-retention]\n"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check -Werror=art13-required "
                                     TMP "/nitd.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "23:1: error: no section covers "
                                          "retention"));

    TEST_ASSERT_EQUAL_INT(0, run("(printf -- '---\\npolicy: a\\nlang: nb\\n"
                                 "title: T\\n---\\nab\\377\\n' >" TMP "/ff.pn)"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check " TMP "/ff.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text,
        TMP "/ff.pn:6:3: error: invalid UTF-8: byte 0xFF at byte offset 38 "
        "[utf8-invalid]\n    6 | ab?\n      |   ^\n"));
}

/* ---- Dependency files ---------------------------------------------------- */

static void test_dependency_file(void)
{
    static char dep[4096];

    TEST_ASSERT_EQUAL_INT(0, run_pnc("-MD -o " TMP "/dep.c " GOOD));
    slurp(TMP "/dep.d", dep, sizeof dep);
    TEST_ASSERT_EQUAL_STRING(
        TMP "/dep.c " TMP "/dep.h: \\\n"
        "  tests/fixtures/good/alpha.en.pn \\\n"
        "  tests/fixtures/good/alpha.nb.pn \\\n"
        "  tests/fixtures/good/beta.nn.pn\n"
        "\ntests/fixtures/good/alpha.en.pn:\n"
        "\ntests/fixtures/good/alpha.nb.pn:\n"
        "\ntests/fixtures/good/beta.nn.pn:\n", dep);

    /* -MF names the file, -MT the target; a --charset file is an input;
     * a space in a path is escaped for make. */
    TEST_ASSERT_EQUAL_INT(0, run("cp " CHECK_DIR "clean.en.pn '" TMP
                                 "/a b.pn'"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-MF " TMP "/x.d -MT out.stamp --charset "
                                     CHECK_DIR "font.txt -o " TMP "/x.c '"
                                     TMP "/a b.pn'"));
    slurp(TMP "/x.d", dep, sizeof dep);
    TEST_ASSERT_EQUAL_STRING("out.stamp: \\\n  " TMP "/a\\ b.pn \\\n  "
                             CHECK_DIR "font.txt\n\n" TMP "/a\\ b.pn:\n\n"
                             CHECK_DIR "font.txt:\n", dep);

    /* Nothing is written on errors or with --check. */
    TEST_ASSERT_EQUAL_INT(1, run_pnc("-MD -o " TMP "/bad.c "
                                     "tests/fixtures/bad/duplicate-id.pn"));
    TEST_ASSERT_FALSE(file_exists(TMP "/bad.d"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check -MD -o " TMP "/chk.c " GOOD));
    TEST_ASSERT_FALSE(file_exists(TMP "/chk.d"));
}

/* make, reading the dependency file, rebuilds when a notice changes and
 * only then, and does not stop when a notice is deleted. */
static void test_make_rebuilds_when_a_notice_changes(void)
{
    char cwd[1024];
    FILE *mk;

    TEST_ASSERT_NOT_NULL(getcwd(cwd, sizeof cwd));
    TEST_ASSERT_EQUAL_INT(0, run("cp tests/fixtures/good/alpha.en.pn "
                                 "tests/fixtures/good/alpha.nb.pn " TMP));
    mk = fopen(TMP "/Makefile", "w");
    TEST_ASSERT_NOT_NULL(mk);
    fprintf(mk, "cat.c: ; %s%s -MD -o $@ $(wildcard *.pn)\n-include cat.d\n",
            PNC_PATH[0] == '/' ? "" : strcat(cwd, "/"), PNC_PATH);
    fclose(mk);
    TEST_ASSERT_EQUAL_INT(0, run("make -s -C " TMP));
    TEST_ASSERT_TRUE(file_exists(TMP "/cat.d"));
    TEST_ASSERT_EQUAL_INT(0, run("make -q -C " TMP));
    TEST_ASSERT_EQUAL_INT(0, run("sleep 1 && touch " TMP "/alpha.nb.pn"));
    TEST_ASSERT_EQUAL_INT(1, run("make -q -C " TMP));
    TEST_ASSERT_EQUAL_INT(0, run("make -s -C " TMP " && rm " TMP
                                 "/alpha.en.pn && make -s -C " TMP));
    TEST_ASSERT_EQUAL_INT(0, run("(grep -c alpha.en.pn " TMP "/cat.d || "
                                 "true)"));
    TEST_ASSERT_EQUAL_STRING("0\n", out_text);
}

/* ---- A small JSON checker: whether a line is one valid JSON value. ------- */

static const char *json_value(const char *s);

static const char *json_space(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

static const char *json_string(const char *s)
{
    if (*s++ != '"')
        return NULL;
    while (*s != '"') {
        if ((unsigned char)*s < 0x20)
            return NULL;
        if (*s == '\\') {
            s++;
            if (*s == 'u') {
                int i;
                for (i = 1; i <= 4; i++)
                    if (!strchr("0123456789abcdefABCDEF", s[i]) || !s[i])
                        return NULL;
                s += 4;
            } else if (!*s || !strchr("\"\\/bfnrt", *s)) {
                return NULL;
            }
        }
        s++;
    }
    return s + 1;
}

static const char *json_members(const char *s, char close, int keyed)
{
    s = json_space(s + 1);
    if (*s == close)
        return s + 1;
    for (;;) {
        if (keyed) {
            s = json_string(json_space(s));
            if (!s)
                return NULL;
            s = json_space(s);
            if (*s++ != ':')
                return NULL;
        }
        s = json_value(s);
        if (!s)
            return NULL;
        s = json_space(s);
        if (*s == close)
            return s + 1;
        if (*s++ != ',')
            return NULL;
    }
}

static const char *json_value(const char *s)
{
    s = json_space(s);
    if (*s == '{')
        return json_members(s, '}', 1);
    if (*s == '[')
        return json_members(s, ']', 0);
    if (*s == '"')
        return json_string(s);
    if (strncmp(s, "null", 4) == 0 || strncmp(s, "true", 4) == 0)
        return s + 4;
    if (strncmp(s, "false", 5) == 0)
        return s + 5;
    if (*s == '-' || (*s >= '0' && *s <= '9')) {
        s++;
        while ((*s >= '0' && *s <= '9') || *s == '.' || *s == 'e' ||
               *s == 'E' || *s == '+' || *s == '-')
            s++;
        return s;
    }
    return NULL;
}

/* Every line of `text` is one JSON object; returns how many. */
static unsigned check_json_lines(const char *text)
{
    unsigned lines = 0;
    char line[4096];

    while (*text) {
        size_t len = strcspn(text, "\n");
        const char *end;
        TEST_ASSERT_TRUE(len < sizeof line);
        memcpy(line, text, len);
        line[len] = '\0';
        TEST_ASSERT_EQUAL_INT_MESSAGE('{', line[0], line);
        end = json_value(line);
        TEST_ASSERT_TRUE_MESSAGE(end && *json_space(end) == '\0', line);
        lines++;
        text += len + (text[len] == '\n');
    }
    return lines;
}

static void test_json_diagnostics(void)
{
    TEST_ASSERT_EQUAL_INT(0, run("cp " WARN_ONLY " '" TMP "/we\"ird\\name.pn'"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check -Werror --diagnostics=json '"
                                     TMP "/we\"ird\\name.pn'"));
    TEST_ASSERT_EQUAL_INT(1, check_json_lines(err_text));
    TEST_ASSERT_EQUAL_STRING(
        "{\"file\":\"" TMP "/we\\\"ird\\\\name.pn\",\"line\":34,\"column\":5,"
        "\"byte_offset\":662,\"length\":9,\"severity\":\"error\","
        "\"rule\":\"section-empty\",\"message\":\"section 'recipients' is "
        "empty: it has no text and no subsections\"}\n",
        err_text);

    /* Notes, errors without a place, and every line still valid JSON. */
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check --diagnostics json "
                                     "tests/fixtures/bad/duplicate-id.pn "
                                     TMP "/nowhere.pn"));
    TEST_ASSERT_EQUAL_INT(3, check_json_lines(err_text));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "\"severity\":\"note\",\"rule\":null"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "{\"file\":null,\"line\":null,"));

    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check --diagnostics=json policies/*.pn"));
    TEST_ASSERT_GREATER_OR_EQUAL(5, check_json_lines(err_text));

    /* A file name is any bytes: one that is not UTF-8 becomes U+FFFD, and
     * U+2028 is escaped for JavaScript, as in pnc --json. */
#define ODD_NAME TMP "/x\377\342\200\250.pn"
    TEST_ASSERT_EQUAL_INT(0, run("cp " WARN_ONLY " '" ODD_NAME "'"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check -Werror --diagnostics=json '"
                                     ODD_NAME "'"));
#undef ODD_NAME
    TEST_ASSERT_EQUAL_INT(1, check_json_lines(err_text));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "/x\\ufffd\\u2028.pn\","));
}

static void test_report(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--report policies/*.pn"));
    TEST_ASSERT_EQUAL_STRING("", err_text);
    TEST_ASSERT_NOT_NULL(strstr(out_text, "nitd (nb): policies/nitd.nb.pn\n"
        "  GDPR item             Art.      status   sections, or why\n"
        "  controller            13(1)(a)  covered  #intro\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text,
        "  legal_basis           13(1)(c)  MISSING  required in every notice\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "  5 covered, 4 waived, 3 missing\n"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "internia (nb): "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "intech (nb): "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "ittotal (nb): "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "ntc (nb): "));

    TEST_ASSERT_EQUAL_INT(0, run_pnc("--report " CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_EQUAL_STRING(
        "demo (nb): " CHECK_DIR "clean.nb.pn\n"
        "  GDPR item             Art.      status   sections, or why\n"
        "  controller            13(1)(a)  covered  #controller\n"
        "  dpo                   13(1)(b)  waived   Demo has no data protection officer.\n"
        "  purposes              13(1)(c)  covered  #purposes\n"
        "  legal_basis           13(1)(c)  covered  #purposes\n"
        "  legitimate_interests  13(1)(d)  covered  #purposes\n"
        "  recipients            13(1)(e)  covered  #recipients\n"
        "  transfers             13(1)(f)  waived   No data leaves the EU/EEA.\n"
        "  retention             13(2)(a)  covered  #retention\n"
        "  rights                13(2)(b)  covered  #rights\n"
        "  consent_withdrawal    13(2)(c)  covered  #rights\n"
        "  complaint             13(2)(d)  covered  #rights\n"
        "  automated_decisions   13(2)(f)  waived   No automated decisions are made.\n"
        "  9 covered, 3 waived, 0 missing\n",
        out_text);

    /* --report with --check runs the rules too. */
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--report --check " WARN_ONLY));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "[section-empty]"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "empty (nb): "));

    /* A notice with a fatal error is left out, and the status says so. */
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--report " CHECK_DIR "clean.nb.pn "
                                     "tests/fixtures/bad/duplicate-waiver.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "[waive-duplicate]"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "demo (nb): "));
    TEST_ASSERT_NULL(strstr(out_text, "duplicate-waiver"));
}

static void test_charset(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check " CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_EQUAL_STRING("", err_text);
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check --charset latin1 "
                                     CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_EQUAL_STRING("", err_text);
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check --charset ascii "
                                     CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "clean.nb.pn:26:9: error: 'å' "
                                          "(U+00E5) is not in the ascii "
                                          "charset; --transliterate writes it as 'aa' "
                                          "(2 times in this file) [charset]\n"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check --charset=" CHECK_DIR "font.txt "
                                     CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "26:9: error: 'å' (U+00E5) is not "
                                          "in the " CHECK_DIR "font.txt "
                                          "charset; --transliterate writes it "
                                          "as 'aa'"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check --charset " CHECK_DIR "font.txt "
                                     CHECK_DIR "clean.en.pn"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check --charset " TMP "/none.txt "
                                     CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "cannot open '" TMP "/none.txt'"));

}

/* --transliterate writes the text for a smaller font and checks that
 * font's charset: what it can write passes, what it cannot is an error. */
static void test_transliterate(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check --transliterate ascii "
                                     CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_EQUAL_STRING("", err_text);
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--transliterate latin1 -o " TMP
                                     "/tl.c " CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--transliterate ascii -o " TMP
                                     "/ta.c " CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_FALSE(same_files(TMP "/tl.c", TMP "/ta.c"));
    TEST_ASSERT_EQUAL_INT(0, run("(printf -- '---\\npolicy: a\\nlang: nb\\n"
                                 "title: T\\n---\\n\\nPris: 5 \\342\\202\\254, "
                                 "\\303\\245r.\\n' >" TMP "/euro.pn)"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check --transliterate ascii "
                                     TMP "/euro.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/euro.pn:7:9: error: '\xE2\x82\xAC' "
                                          "(U+20AC) is not in the ascii "
                                          "charset [charset]\n"));
    TEST_ASSERT_NULL(strstr(err_text, "U+00E5"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check --transliterate utf8 "
                                     CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--transliterate takes ascii or "
                                          "latin1, not utf8"));
}

/* --preview prints framed pages and writes nothing; a bad size is a usage
 * error. (test_screens compares the pages with the kiosk's.) */
static void test_preview_options(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--preview 16x2 " CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "== demo (nb): "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "\nfirst layer, page 1 of "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "\nfull notice, page 1 of "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "\n+----------------+\n|"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--preview 0x4 " CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--preview 20x " CHECK_DIR "clean.nb.pn"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--preview 1001x4 " CHECK_DIR
                                     "clean.nb.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--preview takes COLSxROWS"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--preview 20x4 tests/fixtures/bad/"
                                     "duplicate-id.pn"));
    TEST_ASSERT_EQUAL_STRING("", out_text);
}

/* --dump prints the catalog as text (to the -o file if given), the same
 * whatever the order of the inputs, as test_generate's golden dump. */
#define GAMMA " tests/fixtures/good/gamma.en.pn" /* every contact role */
static void test_dump(void)
{
    static char golden[65536];

    TEST_ASSERT_TRUE(slurp("tests/golden/fixture_catalog.dump", golden,
                           sizeof golden) > 0);
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--dump" GAMMA " " GOOD_REVERSED));
    TEST_ASSERT_EQUAL_STRING(golden, out_text);
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--dump -o " TMP "/cat.dump " GOOD
                                     GAMMA));
    TEST_ASSERT_EQUAL_STRING("", out_text);
    TEST_ASSERT_TRUE(same_files(TMP "/cat.dump",
                                "tests/golden/fixture_catalog.dump"));
    TEST_ASSERT_FALSE(file_exists(TMP "/cat.h"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--dump --no-compress " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "\ncode tables: none\n"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--dump --report " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "\nheader:\n  magic: \"PNC1\"\n"));
    /* The fonts: the head's fields, then a line a glyph. */
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--dump --font fonts/pnc-sans-11.bdf "
                                     "--font-heading fonts/pnc-sans-11.bdf "
                                     GOOD));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "\nfont:\n  glyph_count: "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "\nheading font:\n  glyph_count: "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, ": code_point U+0041 \"A\", "
                                          "advance "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, ": code_point U+00E5 \"å\", "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, ", y_off -2, bits "));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--dump --preview 20x4 " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "--dump writes one file"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--dump -o " TMP "/a --header " TMP
                                     "/b " GOOD));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--dump tests/fixtures/bad/"
                                     "duplicate-id.pn"));
    TEST_ASSERT_EQUAL_STRING("", out_text);
}

static void test_translations_and_rule_list(void)
{
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--check " CHECK_DIR "clean.nb.pn "
                                     CHECK_DIR "clean.en.pn"));
    TEST_ASSERT_EQUAL_STRING("", err_text);
    TEST_ASSERT_EQUAL_INT(0, run("(sed 's/^email: .*/email: info@demo.no/' "
                                 CHECK_DIR "clean.en.pn >" TMP "/en.pn)"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check " CHECK_DIR "clean.nb.pn "
                                     TMP "/en.pn"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/en.pn:11:8: error: email "
                                          "'info@demo.no' differs from the "
                                          "nb notice's 'post@demo.no' "
                                          "[translation-facts]\n"));

    TEST_ASSERT_EQUAL_INT(0, run_pnc("--list-rules"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "orgno-checksum "));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "art13-retention "));
}

/* ---- Languages: the first layer's labels and fallbacks -------------- */

#define SWEDISH_LABELS \
    "orgno: org.nr\\ncontact: Kontakt:\\nphone: Tel.\\n" \
    "purposes: Varför vi behandlar personuppgifter:\\n" \
    "rights: Dina rättigheter:\\n" \
    "complaint: Du kan klaga hos {authority}.\\nweb: Webb:\\n" \
    "full_text: Hela integritetspolicyn följer.\\n"

static void test_languages_file_adds_labels_and_fallbacks(void)
{
    TEST_ASSERT_EQUAL_INT(0, run("(sed 's/^lang: en/lang: sv/' "
                                 "tests/fixtures/good/alpha.en.pn >" TMP
                                 "/alpha.sv.pn && printf '# Swedish\\n[sv]\\n"
                                 "fallback: nb\\n" SWEDISH_LABELS "' >" TMP
                                 "/sv.txt)"));
    /* Without the file: English labels, and a warning that says so. */
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--preview 40x40 " TMP "/alpha.sv.pn"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "Contact:"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "alpha.sv.pn:3:7: warning: no "
                                          "first-layer labels for language "
                                          "'sv'; the first layer shows those "
                                          "of 'en'"));
    /* With it: Swedish labels, no warning. */
    TEST_ASSERT_EQUAL_INT(0, run_pnc("--preview 40x40 --languages " TMP
                                     "/sv.txt " TMP "/alpha.sv.pn"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "Kontakt:"));
    TEST_ASSERT_NOT_NULL(strstr(out_text, "Dina rättigheter:"));
    TEST_ASSERT_NULL(strstr(out_text, "Contact:"));
    TEST_ASSERT_NULL(strstr(err_text, "labels-missing"));
}

/* The fallback sv -> nb is in the catalog: libpn serves a Swedish reader
 * the Bokmål notice with no change to libpn. */
static void test_languages_fallback_reaches_libpn(void)
{
    static const char program[] =
        "#include <stdio.h>\n#include \"pn.h\"\n#include \"cat.h\"\n"
        "int main(void) {\n"
        "    pn_catalog cat; pn_notice n; pn_status st;\n"
        "    if (pn_open(&cat, cat_data, CAT_DATA_SIZE) != PN_OK) return 2;\n"
        "    st = pn_find(&cat, \"alpha\", \"sv-SE\", &n);\n"
        "    printf(\"%d %s\\n\", (int)st, st == PN_OK ? n.lang : \"-\");\n"
        "    return 0;\n}\n";
    FILE *f = fopen(TMP "/find.c", "w");

    TEST_ASSERT_NOT_NULL(f);
    fputs(program, f);
    fclose(f);
    TEST_ASSERT_EQUAL_INT(0, run("(printf '[sv]\\nfallback: nb\\n' >" TMP
                                 "/sv.txt)"));
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c --prefix cat_data "
                                     "--languages " TMP "/sv.txt " GOOD));
    TEST_ASSERT_EQUAL_INT(0, run(TEST_CC " -std=c99 -Iruntime -I" TMP " "
                                 TMP "/find.c " TMP "/cat.c runtime/*.c "
                                 "-o " TMP "/find && " TMP "/find"));
    TEST_ASSERT_EQUAL_STRING("0 nb\n", out_text);
    /* Without the file there is no fallback for sv. */
    TEST_ASSERT_EQUAL_INT(0, run_pnc("-o " TMP "/cat.c --prefix cat_data "
                                     GOOD));
    TEST_ASSERT_EQUAL_INT(0, run(TEST_CC " -std=c99 -Iruntime -I" TMP " "
                                 TMP "/find.c " TMP "/cat.c runtime/*.c "
                                 "-o " TMP "/find && " TMP "/find"));
    TEST_ASSERT_EQUAL_STRING("-2 -\n", out_text);
}

static void test_languages_file_errors(void)
{
    TEST_ASSERT_EQUAL_INT(0, run("(printf '[sv]\\norgno: x\\npurpose: y\\n"
                                 "[SV]\\ncomplaint: no authority\\n' >" TMP
                                 "/bad.txt)"));
    TEST_ASSERT_EQUAL_INT(1, run_pnc("--check --languages " TMP "/bad.txt "
                                     GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/bad.txt:3:1: error: unknown "
                                          "key 'purpose'; did you mean "
                                          "'purposes'?"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/bad.txt:1:1: error: language "
                                          "'sv' has labels but no "
                                          "'contact:'"));
    TEST_ASSERT_NOT_NULL(strstr(err_text, TMP "/bad.txt:4:1: error: expected "
                                          "'[TAG]'"));
    TEST_ASSERT_EQUAL_INT(2, run_pnc("--check --languages " TMP
                                     "/nowhere.txt " GOOD));
    TEST_ASSERT_NOT_NULL(strstr(err_text, "cannot open '" TMP "/nowhere.txt'"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_help_and_version);
    RUN_TEST(test_usage_errors_exit_2);
    RUN_TEST(test_missing_input_exits_2);
    RUN_TEST(test_unwritable_output_exits_2_and_leaves_nothing);
    RUN_TEST(test_check_writes_nothing);
    RUN_TEST(test_writes_c_and_header);
    RUN_TEST(test_generated_c_compiles_cleanly);
    RUN_TEST(test_header_brings_pn_h_in_either_order);
    RUN_TEST(test_header_refuses_another_format);
    RUN_TEST(test_same_output_whatever_the_input_order);
    RUN_TEST(test_unchanged_output_is_not_rewritten);
    RUN_TEST(test_every_bad_fixture_is_refused);
    RUN_TEST(test_errors_in_several_files_all_reported);
    RUN_TEST(test_same_notice_twice_is_an_error);
    RUN_TEST(test_bundled_notices_pass_with_true_warnings);
    RUN_TEST(test_werror_and_wno);
    RUN_TEST(test_diagnostics_come_in_line_order);
    RUN_TEST(test_facts_in_the_body_are_checked);
    RUN_TEST(test_bad_w_options_exit_2);
    RUN_TEST(test_one_wrong_digit_missing_retention_stray_byte);
    RUN_TEST(test_json_diagnostics);
    RUN_TEST(test_report);
    RUN_TEST(test_charset);
    RUN_TEST(test_dependency_file);
    RUN_TEST(test_make_rebuilds_when_a_notice_changes);
    RUN_TEST(test_transliterate);
    RUN_TEST(test_preview_options);
    RUN_TEST(test_dump);
    RUN_TEST(test_translations_and_rule_list);
    RUN_TEST(test_languages_file_adds_labels_and_fallbacks);
    RUN_TEST(test_languages_fallback_reaches_libpn);
    RUN_TEST(test_languages_file_errors);
    return UNITY_END();
}
