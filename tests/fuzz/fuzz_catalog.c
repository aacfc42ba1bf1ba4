/* libFuzzer harness: libpn on damaged catalog bytes. Whatever opens is
 * walked through every reader and the layout; nothing may read outside
 * the bytes, write outside a buffer, or hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pn.h"

/* Enough to reach every kind of record without making damaged counts
 * (up to 65535 sections) slow. */
#define MAX_WALK 48

static char text[4096];

static void walk_section(const pn_section *sec)
{
    uint32_t i;
    pn_section_title(sec, text, sizeof text, NULL);
    for (i = 0; i < sec->block_count && i < MAX_WALK; i++)
        pn_block_read(sec, i, NULL, text, sizeof text, NULL);
}

static void walk_layout(const pn_notice *notice)
{
    pn_screen screen = {20, 4, PN_ASCII};
    pn_cursor cur;
    uint32_t page, pages;
    int i;

    if (pn_cursor_open_summary(&cur, notice, &screen) == PN_OK)
        for (i = 0; i < MAX_WALK && pn_cursor_next(&cur) == PN_OK; i++)
            pn_cursor_page(&cur, text, sizeof text, NULL);
    if (pn_cursor_open(&cur, notice, &screen) == PN_OK) {
        for (i = 0; i < MAX_WALK && pn_cursor_next(&cur) == PN_OK; i++)
            pn_cursor_page(&cur, text, sizeof text, NULL);
        pn_cursor_prev(&cur);
        if (notice->section_count < MAX_WALK)
            pn_cursor_position(&cur, &page, &pages);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pn_catalog cat;
    pn_notice notice;
    pn_contact contact;
    uint32_t i, j;
    unsigned qr_size;
    int dark;

    if (pn_open(&cat, data, size) != PN_OK)
        return 0;
    pn_verify(&cat);
    for (i = 0; i < cat.notice_count && i < 4; i++) {
        if (pn_notice_at(&cat, i, &notice) != PN_OK)
            continue;
        pn_notice_title(&notice, text, sizeof text, NULL);
        pn_notice_contact(&notice, text, sizeof text, &contact);
        if (pn_qr_size(&notice, &qr_size) == PN_OK) {
            pn_qr_module(&notice, qr_size - 1, qr_size - 1, &dark);
            pn_qr_text(&notice, i % 2 ? PN_ASCII : 0, text, sizeof text,
                       NULL);
        }
        pn_langs(&cat, notice.policy, text, sizeof text, NULL);
        pn_find(&cat, notice.policy, "nn,en", &notice);
        for (j = 0; j < notice.section_count && j < MAX_WALK; j++) {
            pn_section sec;
            if (pn_section_at(&notice, j, &sec) == PN_OK)
                walk_section(&sec);
        }
        walk_layout(&notice);
    }
    return 0;
}
