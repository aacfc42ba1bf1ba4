/* bench_pn: drives libpn over the bundled notices for `make bench`.
 *
 *   bench_pn decode|layout packed|plain   one pass, for callgrind: prints
 *                                         the bytes it produced
 *   bench_pn speed packed|plain           decode throughput in MB/s
 *
 * "decode" reads every title and block with pn_block_read(); "layout"
 * pages through every notice on a 40x12 screen with pn_cursor_show()
 * and pn_cursor_next(), as a kiosk does: each page decoded and wrapped
 * once. The work is done in
 * bench_run(), so that callgrind can count it alone
 * (--toggle-collect=bench_run). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "plain_catalog.h"
#include "pn.h"

static char text[70000];

static unsigned long decode_all(const pn_catalog *cat)
{
    unsigned long bytes = 0;
    uint32_t i, j, k;
    size_t len;

    for (i = 0; i < cat->notice_count; i++) {
        pn_notice n;
        if (pn_notice_at(cat, i, &n) != PN_OK)
            return 0;
        if (pn_notice_title(&n, text, sizeof text, &len) == PN_OK)
            bytes += len;
        for (j = 0; j < n.section_count; j++) {
            pn_section sec;
            if (pn_section_at(&n, j, &sec) != PN_OK)
                return 0;
            if (pn_section_title(&sec, text, sizeof text, &len) == PN_OK)
                bytes += len;
            for (k = 0; k < sec.block_count; k++)
                if (pn_block_read(&sec, k, NULL, text, sizeof text, &len) ==
                    PN_OK)
                    bytes += len;
        }
    }
    return bytes;
}

static unsigned long layout_all(const pn_catalog *cat)
{
    pn_screen screen = {40, 12, 0};
    unsigned long bytes = 0;
    uint32_t i;
    size_t len;

    for (i = 0; i < cat->notice_count; i++) {
        pn_notice n;
        pn_cursor cur;
        if (pn_notice_at(cat, i, &n) != PN_OK ||
            pn_cursor_open(&cur, &n, &screen) != PN_OK)
            return 0;
        do {
            if (pn_cursor_show(&cur, text, sizeof text, &len) == PN_OK)
                bytes += len;
        } while (pn_cursor_next(&cur) == PN_OK);
    }
    return bytes;
}

unsigned long bench_run(const pn_catalog *cat, int layout);
unsigned long bench_run(const pn_catalog *cat, int layout)
{
    return layout ? layout_all(cat) : decode_all(cat);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    pn_catalog cat;
    int plain;

    if (argc != 3 || (strcmp(argv[2], "packed") && strcmp(argv[2], "plain"))) {
        fprintf(stderr, "usage: bench_pn decode|layout|speed packed|plain\n");
        return 2;
    }
    plain = strcmp(argv[2], "plain") == 0;
    if ((plain ? pn_open(&cat, plain_catalog, PLAIN_CATALOG_SIZE)
               : pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE)) != PN_OK)
        return 1;
    if (strcmp(argv[1], "speed") == 0) {
        unsigned long bytes = 0, rounds = 0;
        double start = now(), spent;
        do {
            bytes += bench_run(&cat, 0);
            rounds++;
        } while ((spent = now() - start) < 0.5);
        printf("%.1f\n", (double)bytes / spent / 1e6);
        return 0;
    }
    printf("%lu\n", bench_run(&cat, strcmp(argv[1], "layout") == 0));
    return 0;
}
