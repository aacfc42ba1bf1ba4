/* bench_worst: the slowest single libpn call of a kind, for `make bench`
 * (issue 18: work per call bounded by what the call shows).
 *
 *   bench_worst FILE OP COLSxROWS      runs every call of OP over the
 *                                      binary catalog FILE, timing each;
 *                                      prints "K N S": call K (from 0) of
 *                                      the N was the slowest, S seconds
 *   bench_worst FILE OP COLSxROWS K    makes the same calls, call K
 *                                      through measured_call(), then
 *                                      stops: for callgrind
 *                                      --toggle-collect=measured_call,
 *                                      or --instr-atstart=no
 *                                      --collect-atstart=no when
 *   bench_worst --instr                prints "yes": built with
 *                                      valgrind's header, it starts
 *                                      callgrind around call K itself
 *
 * OP is one of:
 *   block    pn_block_read() of every block of every section
 *   next     pn_cursor_next() from each section's first page, and from
 *            WALK pages before its end, WALK steps each
 *   prev     pn_cursor_prev() from each section's first page (into the
 *            section before) then WALK steps more
 *   goto     pn_cursor_goto() to every section
 *   summary  pn_cursor_open_summary() of every notice
 * over every notice of the catalog. WALK (1,024) steps take the cursor
 * past its anchor several times on any section bench/pathological.sh
 * writes, so the slowest step is among them; a walk of every page would
 * cost the square of a long section's pages in all. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pn.h"

/* With valgrind's header (mk/bench.mk defines PN_BENCH_CALLGRIND), the
 * calls before the measured one run without instrumentation, which costs
 * little more than running them. */
#ifdef PN_BENCH_CALLGRIND
#include <valgrind/callgrind.h>
#define COLLECT_BEGIN()                                                      \
    do {                                                                     \
        CALLGRIND_START_INSTRUMENTATION;                                     \
        CALLGRIND_TOGGLE_COLLECT;                                            \
    } while (0)
#define COLLECT_END() CALLGRIND_TOGGLE_COLLECT
#else
#define COLLECT_BEGIN() ((void)0)
#define COLLECT_END() ((void)0)
#endif

typedef struct call {
    const char *op;
    pn_cursor *cur;
    const pn_notice *notice;
    const pn_section *sec;
    const pn_screen *screen;
    uint32_t index;
} call;

static char text[70000];

/* The call, whatever it is. */
static pn_status make_call(const call *c)
{
    if (strcmp(c->op, "block") == 0)
        return pn_block_read(c->sec, c->index, NULL, text, sizeof text,
                             NULL);
    if (strcmp(c->op, "next") == 0)
        return pn_cursor_next(c->cur);
    if (strcmp(c->op, "prev") == 0)
        return pn_cursor_prev(c->cur);
    if (strcmp(c->op, "goto") == 0)
        return pn_cursor_goto(c->cur, c->index);
    return pn_cursor_open_summary(c->cur, c->notice, c->screen);
}

pn_status measured_call(const call *c);
pn_status measured_call(const call *c)
{
    return make_call(c);
}

static long want = -1;         /* the call to measure, -1: time them all */
static long calls;             /* calls made */
static long worst;             /* the slowest so far */
static double worst_time = -1;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Makes one call; returns its status. Exits after the measured one. */
static pn_status step(const call *c)
{
    pn_status st;
    double start;

    if (want >= 0) {
        if (calls++ == want) {
            COLLECT_BEGIN();
            st = measured_call(c);
            COLLECT_END();
            printf("%d\n", (int)st);
            exit(0);
        }
        return make_call(c);
    }
    start = now();
    st = make_call(c);
    start = now() - start;
    if (start > worst_time) {
        worst_time = start;
        worst = calls;
    }
    calls++;
    return st;
}

#define WALK 1024u

/* Makes up to `steps` calls, stopping at the end or after the call that
 * leaves the cursor's section. */
static int walk(const call *c, uint32_t steps)
{
    uint32_t section = c->cur->section;
    pn_status st = PN_OK;

    while (steps-- > 0 && (st = step(c)) == PN_OK &&
           c->cur->section == section)
        ;
    return st == PN_OK || st == PN_ERR_RANGE;
}

/* Moves `cur` back up to `pages` pages within its section (not
 * measured). */
static int back(pn_cursor *cur, uint32_t pages)
{
    pn_status st = PN_OK;

    while (pages-- > 0 && cur->page > 0 && (st = pn_cursor_prev(cur)) == PN_OK)
        ;
    return st == PN_OK;
}

static int run_notice(const char *op, const pn_notice *n,
                      const pn_screen *screen)
{
    pn_cursor cur;
    call c;
    uint32_t i, k;

    memset(&c, 0, sizeof c);
    c.op = op;
    c.cur = &cur;
    c.notice = n;
    c.screen = screen;
    if (strcmp(op, "summary") == 0)
        return step(&c) == PN_OK;
    if (strcmp(op, "block") == 0) {
        for (i = 0; i < n->section_count; i++) {
            pn_section sec;
            if (pn_section_at(n, i, &sec) != PN_OK)
                return 0;
            c.sec = &sec;
            for (k = 0; k < sec.block_count; k++) {
                c.index = k;
                if (step(&c) < 0)
                    return 0;
            }
        }
        return 1;
    }
    if (pn_cursor_open(&cur, n, screen) != PN_OK)
        return 0;
    for (i = 0; i < n->section_count; i++) {
        if (strcmp(op, "goto") == 0) {
            c.index = i;
            if (step(&c) != PN_OK)
                return 0;
        } else if (strcmp(op, "next") == 0) {
            if (pn_cursor_goto(&cur, i) != PN_OK || !walk(&c, WALK))
                return 0;
            if (i + 1 < n->section_count &&
                (pn_cursor_goto(&cur, i + 1) != PN_OK ||
                 pn_cursor_prev(&cur) != PN_OK || !back(&cur, WALK) ||
                 !walk(&c, WALK + 1)))
                return 0;
        } else if (i > 0) {
            /* Into section i - 1, then back through it. */
            if (pn_cursor_goto(&cur, i) != PN_OK || step(&c) != PN_OK ||
                !walk(&c, WALK))
                return 0;
        }
    }
    return 1;
}

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n)) != NULL &&
        fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *size = data ? (size_t)n : 0;
    return data;
}

int main(int argc, char **argv)
{
    static const char *const ops[] = {"block", "next", "prev", "goto",
                                      "summary"};
    pn_catalog cat;
    pn_screen screen = {0, 0, 0};
    unsigned cols, rows;
    char unit[3] = "";
    unsigned char *data;
    size_t size, o;
    uint32_t i;
    int known = 0;

    if (argc == 2 && strcmp(argv[1], "--instr") == 0) {
#ifdef PN_BENCH_CALLGRIND
        puts("yes");
#else
        puts("no");
#endif
        return 0;
    }
    if (argc == 5)
        want = atol(argv[4]);
    for (o = 0; argc >= 3 && o < sizeof ops / sizeof ops[0]; o++)
        known |= strcmp(argv[2], ops[o]) == 0;
    if ((argc != 4 && argc != 5) || !known ||
        sscanf(argv[3], "%ux%u%2s", &cols, &rows, unit) < 2 ||
        (unit[0] && strcmp(unit, "px") != 0)) {
        fprintf(stderr, "usage: bench_worst FILE block|next|prev|goto|"
                        "summary COLSxROWS[px] [K]\n");
        return 2;
    }
    screen.cols = (uint16_t)cols;
    screen.rows = (uint16_t)rows;
    screen.flags = unit[0] ? PN_PIXELS : 0u; /* "128x64px": pixels */
    if (!(data = slurp(argv[1], &size)) || pn_open(&cat, data, size) != PN_OK) {
        fprintf(stderr, "bench_worst: cannot open %s\n", argv[1]);
        return 1;
    }
    for (i = 0; i < cat.notice_count; i++) {
        pn_notice n;
        if (pn_notice_at(&cat, i, &n) != PN_OK ||
            !run_notice(argv[2], &n, &screen)) {
            fprintf(stderr, "bench_worst: %s failed on notice %u\n",
                    argv[2], (unsigned)i);
            return 1;
        }
    }
    if (want >= 0) {
        fprintf(stderr, "bench_worst: no call %ld\n", want);
        return 1;
    }
    printf("%ld %ld %.6f\n", worst, calls, worst_time);
    free(data);
    return 0;
}
