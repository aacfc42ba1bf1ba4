/* The kiosk in a real terminal: started in a detached tmux session, driven
 * with send-keys, read back with capture-pane. Each step waits (up to five
 * seconds) for the screen it expects, so a slow machine does not make it
 * flaky. Ignored when tmux is not installed. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "support.h"
#include "unity.h"

/* A tmux server of this build directory's own, so that test runs in other
 * checkouts at the same time do not share the session. */
#define TMUX "tmux -S " BUILD_DIR "/tests/tmux.socket"
#define SESSION "pnc-kiosk-test"
#define PANE BUILD_DIR "/tests/pane.txt"

static char pane[65536];

static int sh(const char *command)
{
    return system(command);
}

void setUp(void)
{
    if (!have("tmux"))
        TEST_IGNORE_MESSAGE("tmux not found: apt-get install tmux");
    sh(TMUX " kill-session -t " SESSION " 2>/dev/null");
}

void tearDown(void)
{
    sh(TMUX " kill-session -t " SESSION " 2>/dev/null");
}

static void capture(void)
{
    FILE *f;
    size_t n = 0;

    sh(TMUX " capture-pane -p -t " SESSION " > " PANE " 2>/dev/null");
    f = fopen(PANE, "rb");
    if (f) {
        n = fread(pane, 1, sizeof pane - 1, f);
        fclose(f);
    }
    pane[n] = '\0';
}

/* Polls the pane until it shows `text`. */
static void wait_for(const char *text)
{
    struct timespec pause = {0, 50 * 1000 * 1000};
    char message[300];
    int tries;

    for (tries = 0; tries < 100; tries++) {
        capture();
        if (strstr(pane, text))
            return;
        nanosleep(&pause, NULL);
    }
    snprintf(message, sizeof message, "the screen never showed \"%s\"", text);
    TEST_FAIL_MESSAGE(message);
}

static void keys(const char *k)
{
    char command[256];
    snprintf(command, sizeof command, TMUX " send-keys -t " SESSION " %s", k);
    TEST_ASSERT_EQUAL_INT(0, sh(command));
}

static void test_pages_menus_language_and_quit(void)
{
    TEST_ASSERT_EQUAL_INT(0, sh(TMUX " new-session -d -s " SESSION
                                " -x 80 -y 24 '" BUILD_DIR "/kiosk --size 40x12"
                                " --policy intech --lang nb'"));
    /* The status line's words and the topic names are the catalog's, in
     * the notice's language. */
    wait_for("intech:nb kortversjon 1/3");
    wait_for("|Intech AS, org.nr. 983 040 225");
    keys("n");
    wait_for("intech:nb kortversjon 2/3");
    keys("Left");
    wait_for("intech:nb kortversjon 1/3");
    keys("t");
    wait_for("intech:nb tema 1/2");
    wait_for("|2 Formål ");
    keys("m");
    wait_for("intech:nb innhold 1/2");
    keys("6");
    wait_for("|Data fra tredjepart ");
    keys("l");
    wait_for("intech:en page");
    wait_for("|Data from third parties");
    keys("q");
    {
        struct timespec pause = {0, 100 * 1000 * 1000};
        int tries;
        for (tries = 0; tries < 50; tries++) {
            if (sh(TMUX " has-session -t " SESSION " 2>/dev/null") != 0)
                return; /* the kiosk quit, and its session with it */
            nanosleep(&pause, NULL);
        }
        TEST_FAIL_MESSAGE("the kiosk did not quit on 'q'");
    }
}

static void wait_for_quit(void)
{
    struct timespec pause = {0, 100 * 1000 * 1000};
    int tries;

    for (tries = 0; tries < 50; tries++) {
        if (sh(TMUX " has-session -t " SESSION " 2>/dev/null") != 0)
            return;
        nanosleep(&pause, NULL);
    }
    TEST_FAIL_MESSAGE("the kiosk did not quit on 'q'");
}

/* The top row of a finder pattern, as half blocks: seven dark modules
 * with light above them (one module a pixel, the row above in the quiet
 * zone). */
#define FINDER "\xE2\x96\x88\xE2\x96\x80\xE2\x96\x80\xE2\x96\x80" \
               "\xE2\x96\x80\xE2\x96\x80\xE2\x96\x88"

/* Pages forward until the QR page shows; fails after `limit` pages. */
static void page_to_qr(int limit)
{
    struct timespec pause = {0, 100 * 1000 * 1000};
    int pages, tries;

    for (pages = 0; pages < limit; pages++) {
        keys("n");
        for (tries = 0; tries < 10; tries++) {
            nanosleep(&pause, NULL);
            capture();
            if (strstr(pane, FINDER))
                return;
        }
    }
    TEST_FAIL_MESSAGE("the QR page never showed");
}

static void test_pixel_screen(void)
{
    TEST_ASSERT_EQUAL_INT(0, sh(TMUX " new-session -d -s " SESSION
                                " -x 140 -y 40 '" BUILD_DIR "/kiosk "
                                "--pixels 128x64 --policy intech --lang en'"));
    /* The framebuffer in half blocks, 128 wide, in a frame. */
    wait_for("intech:en first layer 1/");
    wait_for("+--------------------------------------------------------------"
             "------------------------------------------------------------------"
             "+");
    TEST_ASSERT_NULL(strstr(pane, FINDER));
    page_to_qr(40);
    wait_for("intech:en first layer");
    keys("h");
    wait_for("intech:en first layer 1/");
    TEST_ASSERT_NULL(strstr(pane, FINDER));
    page_to_qr(40);
    keys("m");
    wait_for("intech:en sections 1/");
    keys("q");
    wait_for_quit();
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_pages_menus_language_and_quit);
    RUN_TEST(test_pixel_screen);
    return UNITY_END();
}
