/* libFuzzer harness: libpn on damaged catalog bytes, walked to the end
 * (issue 18, item 5). fuzz_catalog caps its walks at 48 steps, which hid
 * calls whose cost grows with the catalog; this one caps no walk: it reads
 * every block of every section, pages through every notice forward and
 * back and through its first layer on two screens, and goes to every
 * section. What it bounds is time: each call gets CALL_SECONDS of CPU
 * time, or the input fails (abort(), saved by libFuzzer); a whole input
 * gets WALK_SECONDS, after which it stops walking, so that a catalog whose
 * texts are merely long (each call quick, the walk long) is no failure;
 * and libFuzzer's -timeout (tests/fuzz/run.sh) catches a call that never
 * returns. */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pn.h"

#define CALL_SECONDS 0.5
#define WALK_SECONDS 1.5

static char text[70000];
static double walk_start;

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Whether the input's time is not yet spent. */
static int time_left(void)
{
    return cpu_now() - walk_start < WALK_SECONDS;
}

static double call_start;

static void call_begin(void)
{
    call_start = cpu_now();
}

/* Fails the input when the call begun last took too long. */
static pn_status call_end(pn_status st, const char *what)
{
    double spent = cpu_now() - call_start;
    if (spent > CALL_SECONDS) {
        fprintf(stderr, "fuzz_walk: %s took %.2f s of CPU time\n", what,
                spent);
        abort();
    }
    return st;
}

#define TIMED(call) (call_begin(), call_end((call), #call))

static void walk_blocks(const pn_notice *notice)
{
    uint32_t i, j;

    for (i = 0; i < notice->section_count && time_left(); i++) {
        pn_section sec;
        if (TIMED(pn_section_at(notice, i, &sec)) != PN_OK)
            continue;
        TIMED(pn_section_title(&sec, text, sizeof text, NULL));
        for (j = 0; j < sec.block_count && time_left(); j++)
            TIMED(pn_block_read(&sec, j, NULL, text, sizeof text, NULL));
    }
}

/* Forward to the end as a kiosk pages (pn_cursor_show() then next),
 * then back to the start, showing each page. */
static void walk_pages(pn_cursor *cur)
{
    pn_status st;

    do
        TIMED(pn_cursor_show(cur, text, sizeof text, NULL));
    while (time_left() && (st = TIMED(pn_cursor_next(cur))) == PN_OK);
    if (!time_left() || st != PN_ERR_RANGE)
        return;
    do
        TIMED(pn_cursor_page(cur, text, sizeof text, NULL));
    while (time_left() && TIMED(pn_cursor_prev(cur)) == PN_OK);
}

static void walk_screen(const pn_notice *notice, const pn_screen *screen)
{
    pn_cursor cur;
    uint32_t i, page, pages;

    if (TIMED(pn_cursor_open_summary(&cur, notice, screen)) == PN_OK)
        walk_pages(&cur);
    if (TIMED(pn_cursor_open(&cur, notice, screen)) != PN_OK)
        return;
    walk_pages(&cur);
    TIMED(pn_cursor_position(&cur, &page, &pages));
    for (i = 0; i < notice->section_count && time_left(); i++)
        if (TIMED(pn_cursor_goto(&cur, i)) != PN_OK)
            break;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const pn_screen screens[] = {{20, 4, 0}, {8, 2, PN_ASCII}};
    pn_catalog cat;
    pn_notice notice;
    uint32_t i;
    size_t s;

    walk_start = cpu_now();
    if (TIMED(pn_open(&cat, data, size)) != PN_OK)
        return 0;
    TIMED(pn_verify(&cat));
    for (i = 0; i < cat.notice_count && time_left(); i++) {
        if (TIMED(pn_notice_at(&cat, i, &notice)) != PN_OK)
            continue;
        walk_blocks(&notice);
        for (s = 0; s < sizeof screens / sizeof screens[0]; s++)
            walk_screen(&notice, &screens[s]);
    }
    return 0;
}
