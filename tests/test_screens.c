/* The kiosk as a device shows it: every bundled notice paged through from
 * its first layer to its end at 20x4 and 40x12, compared with golden
 * screens, each screen checked to fit its frame; and a session that uses
 * the menus and switches language mid-notice. pnc --preview must show
 * the very same screens, built from the .pn file without the kiosk.
 * PNC_UPDATE_GOLDEN=1 rewrites the golden files (review the diff). */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "support.h"
#include "unity.h"

#define KIOSK BUILD_DIR "/kiosk"
#define OUT BUILD_DIR "/tests/screens.out"

static char shown[1 << 20];
static char golden[1 << 20];

void setUp(void)
{
}

void tearDown(void)
{
}

static void run_tool(const char *tool, const char *args)
{
    char command[4096];
    int status;

    snprintf(command, sizeof command, "%s %s > " OUT " 2>/dev/null", tool,
             args);
    status = system(command);
    TEST_ASSERT_TRUE_MESSAGE(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                             command);
    slurp(OUT, shown, sizeof shown);
}

static void run_kiosk(const char *args)
{
    run_tool(KIOSK, args);
}

static void compare_with_golden(const char *name)
{
    char path[256], message[sizeof path + sizeof OUT + 16];

    snprintf(path, sizeof path, "tests/golden/screens/%s.txt", name);
    if (getenv("PNC_UPDATE_GOLDEN")) {
        FILE *f = fopen(path, "wb");
        TEST_ASSERT_NOT_NULL(f);
        fputs(shown, f);
        fclose(f);
    }
    slurp(path, golden, sizeof golden);
    snprintf(message, sizeof message, "%s differs from %s", OUT, path);
    TEST_ASSERT_EQUAL_size_t(strlen(golden), strlen(shown));
    TEST_ASSERT_EQUAL_STRING_MESSAGE(golden, shown, message);
}

/* Every frame is `cols` wide and `rows` high inside its border. Returns
 * how many screens there were. */
static unsigned check_frames(unsigned cols, unsigned rows)
{
    const char *line = shown;
    unsigned screens = 0, inside = 0, in_frame = 0;

    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (line[0] == '+') {
            TEST_ASSERT_EQUAL_size_t(cols + 2, len);
            if (in_frame) {
                TEST_ASSERT_EQUAL_UINT(rows, inside);
                screens++;
            }
            in_frame = !in_frame;
            inside = 0;
        } else if (in_frame) {
            TEST_ASSERT_EQUAL_INT('|', line[0]);
            TEST_ASSERT_EQUAL_INT('|', line[len - 1]);
            TEST_ASSERT_EQUAL_UINT(cols + 2, columns_of(line, len));
            inside++;
        }
        line = end ? end + 1 : line + len;
    }
    return screens;
}

/* Pages through a notice from its first layer to its last page. */
static void walk(const char *policy, unsigned cols, unsigned rows)
{
    char args[2048], name[64], keys[1200];
    const char *last;
    unsigned screens;

    memset(keys, 'n', sizeof keys - 1);
    keys[sizeof keys - 1] = '\0';
    snprintf(args, sizeof args, "--size %ux%u --policy %s --lang nb --script %s",
             cols, rows, policy, keys);
    run_kiosk(args);
    /* Stop at the first "end of notice": the rest repeats it. */
    last = strstr(shown, " - end of notice\n");
    TEST_ASSERT_TRUE_MESSAGE(last != NULL, "the walk never reached the end");
    shown[last - shown + strlen(" - end of notice\n")] = '\0';
    screens = check_frames(cols, rows);
    TEST_ASSERT_TRUE(screens > 5);
    snprintf(name, sizeof name, "%s-%ux%u", policy, cols, rows);
    compare_with_golden(name);
}

#define WALKS(policy)                                                        \
    static void test_##policy##_20x4(void) { walk(#policy, 20, 4); }          \
    static void test_##policy##_40x12(void) { walk(#policy, 40, 12); }

WALKS(internia)
WALKS(intech)
WALKS(ntc)
WALKS(ittotal)
WALKS(nitd)

/* At 40x24 the first layer ends with its QR page (intech's code is 29
 * modules: 37 columns, 19 lines and the label's). */
static void test_intech_40x24(void) { walk("intech", 40, 24); }

/* Keeps only the frame lines of `text`, in order. */
static void frames_only(char *text)
{
    char *in = text, *out = text;

    while (*in) {
        char *end = strchr(in, '\n');
        size_t len = end ? (size_t)(end - in) + 1 : strlen(in);
        if (in[0] == '+' || in[0] == '|') {
            memmove(out, in, len);
            out += len;
        }
        in += len;
    }
    *out = '\0';
}

/* Drops the last frame of frame lines, `rows` high: the kiosk shows the
 * last page once more when asked to go past it. */
static void drop_last_frame(char *frames, unsigned rows)
{
    size_t len = strlen(frames);
    unsigned lines = 0;

    while (len > 0 && lines <= rows + 2) {
        len--;
        if (frames[len] == '\n' && ++lines == rows + 3) {
            len++;
            break;
        }
    }
    frames[len] = '\0';
}

/* The preview of the .pn file shows exactly the kiosk's golden screens. */
static void preview(const char *policy, unsigned cols, unsigned rows)
{
    char args[256], path[256];

    snprintf(args, sizeof args, "--preview %ux%u policies/%s.nb.pn", cols,
             rows, policy);
    run_tool(PNC_PATH, args);
    TEST_ASSERT_TRUE(check_frames(cols, rows) > 5);
    frames_only(shown);
    snprintf(path, sizeof path, "tests/golden/screens/%s-%ux%u.txt", policy,
             cols, rows);
    slurp(path, golden, sizeof golden);
    frames_only(golden);
    drop_last_frame(golden, rows);
    TEST_ASSERT_EQUAL_STRING_MESSAGE(golden, shown, path);
}

#define PREVIEWS(policy)                                                     \
    static void test_##policy##_preview(void)                                \
    {                                                                         \
        preview(#policy, 20, 4);                                              \
        preview(#policy, 40, 12);                                             \
    }

PREVIEWS(internia)
PREVIEWS(intech)
PREVIEWS(ntc)
PREVIEWS(ittotal)
PREVIEWS(nitd)

static void test_qr_page_preview(void)
{
    preview("intech", 40, 24);
    TEST_ASSERT_NOT_NULL(strstr(shown, "|Skann for hele erkl\xC3\xA6ringen"));
}

/* With --transliterate ascii every byte of every screen is ASCII, and the
 * screens are those the kiosk shows with --ascii. */
static void test_transliterated_preview(void)
{
    char keys[400], args[600];
    const unsigned char *p;
    const char *end;

    run_tool(PNC_PATH, "--preview 20x4 --transliterate ascii "
                       "policies/ntc.nb.pn");
    check_frames(20, 4);
    for (p = (const unsigned char *)shown; *p; p++)
        TEST_ASSERT_TRUE_MESSAGE(*p < 0x80, "a byte beyond ASCII");
    TEST_ASSERT_NOT_NULL(strstr(shown, "aa"));
    frames_only(shown);
    memcpy(golden, shown, strlen(shown) + 1);
    memset(keys, 'n', sizeof keys - 1);
    keys[sizeof keys - 1] = '\0';
    snprintf(args, sizeof args, "--ascii --size 20x4 --policy ntc --lang nb "
             "--script %s", keys);
    run_tool(KIOSK, args);
    end = strstr(shown, " - end of notice\n");
    TEST_ASSERT_NOT_NULL(end);
    shown[end - shown] = '\0';
    frames_only(shown);
    drop_last_frame(shown, 4);
    TEST_ASSERT_EQUAL_STRING(golden, shown);
}

static void test_menus_and_language_switch(void)
{
    const char *after;

    /* Sections menu, fourth item, a page on, English, back, topics menu,
     * first topic, contact, first layer, keys, quit. */
    run_kiosk("--size 40x12 --policy intech --lang nb --script m4nlpt1ch?q");
    check_frames(40, 12);
    compare_with_golden("intech-session-40x12");
    /* After 'l' the reader is in the same section, now in English. */
    after = strstr(shown, "\n> l\n");
    TEST_ASSERT_NOT_NULL(after);
    TEST_ASSERT_NOT_NULL(strstr(after, "intech:en page"));
    TEST_ASSERT_NOT_NULL(strstr(after, "|Our website "));
    TEST_ASSERT_NOT_NULL(strstr(strstr(shown, "\n> 4\n"), "|Vår nettside "));
}

/* The kiosk shows the QR page as the first layer's last page; 'h' and
 * 'q' leave it as from any page. */
static void test_qr_page_in_the_kiosk(void)
{
    const char *after_h;

    run_kiosk("--size 40x24 --policy intech --lang nb --script nnhnnq");
    check_frames(40, 24);
    compare_with_golden("intech-qr-session-40x24");
    after_h = strstr(shown, "\n> h\n");
    TEST_ASSERT_NOT_NULL(after_h);
    TEST_ASSERT_NOT_NULL(strstr(shown, "intech:nb kortversjon 3/3\n\n> h"));
    TEST_ASSERT_NOT_NULL(strstr(after_h, "intech:nb kortversjon 1/3\n"));
    TEST_ASSERT_NOT_NULL(strstr(after_h, "|Skann for hele erkl\xC3\xA6ringen"));
    TEST_ASSERT_NOT_NULL(strstr(shown, "intech:nb kortversjon 3/3\n\n> q"));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_internia_20x4);
    RUN_TEST(test_internia_40x12);
    RUN_TEST(test_intech_20x4);
    RUN_TEST(test_intech_40x12);
    RUN_TEST(test_ntc_20x4);
    RUN_TEST(test_ntc_40x12);
    RUN_TEST(test_ittotal_20x4);
    RUN_TEST(test_ittotal_40x12);
    RUN_TEST(test_nitd_20x4);
    RUN_TEST(test_nitd_40x12);
    RUN_TEST(test_intech_40x24);
    RUN_TEST(test_qr_page_in_the_kiosk);
    RUN_TEST(test_qr_page_preview);
    RUN_TEST(test_menus_and_language_switch);
    RUN_TEST(test_internia_preview);
    RUN_TEST(test_intech_preview);
    RUN_TEST(test_ntc_preview);
    RUN_TEST(test_ittotal_preview);
    RUN_TEST(test_nitd_preview);
    RUN_TEST(test_transliterated_preview);
    return UNITY_END();
}
