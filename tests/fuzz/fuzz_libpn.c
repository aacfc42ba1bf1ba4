/* libFuzzer harness: libpn's calls on the bundled catalog with fuzzed ids,
 * language lists, screen sizes, flags, buffer sizes (0 and 1 included) and
 * cursor moves. Buffers are allocated at their exact size, so ASan sees
 * any write past them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pn.h"

typedef struct input {
    const uint8_t *data;
    size_t size;
} input;

static unsigned take(input *in)
{
    unsigned v;
    if (in->size == 0)
        return 0;
    v = in->data[0];
    in->data++;
    in->size--;
    return v;
}

/* A NUL-terminated string of up to `max` bytes from the input. */
static char *take_string(input *in, size_t max)
{
    size_t n = take(in) % (max + 1), i;
    char *s = malloc(n + 1);
    for (i = 0; i < n; i++)
        s[i] = (char)take(in);
    s[n] = '\0';
    return s;
}

static void read_texts(const pn_notice *notice, input *in)
{
    size_t size = take(in) % 40;
    char *buf = size ? malloc(size) : NULL;
    pn_section sec;
    pn_contact contact;
    uint32_t i;

    pn_notice_title(notice, buf, size, NULL);
    pn_notice_contact(notice, buf, size, &contact);
    {
        int dark;
        unsigned x = take(in), y = take(in);
        pn_qr_module(notice, x % 64, y % 64, &dark);
        pn_qr_text(notice, take(in) % 4, buf, size, NULL);
    }
    if (pn_section_at(notice, take(in) % (notice->section_count + 1), &sec) ==
        PN_OK) {
        pn_section_title(&sec, buf, size, NULL);
        for (i = 0; i <= sec.block_count && i < 8; i++)
            pn_block_read(&sec, i, NULL, buf, size, NULL);
    }
    pn_section_by_topic(notice, (pn_topic)(take(in) % (PN_TOPIC_COUNT + 2)),
                        take(in), &sec);
    free(buf);
}

static void move_around(const pn_notice *notice, input *in)
{
    pn_screen screen;
    pn_cursor cur;
    size_t size;
    char *buf;
    unsigned steps;
    uint32_t page, pages;

    screen.cols = (uint16_t)(take(in) % 90);
    screen.rows = (uint16_t)(take(in) % 45);
    screen.flags = take(in) % 4;
    size = (size_t)take(in) * 16 % 4096;
    buf = size ? malloc(size) : NULL;
    if ((take(in) & 1 ? pn_cursor_open_summary(&cur, notice, &screen)
                      : pn_cursor_open(&cur, notice, &screen)) != PN_OK) {
        free(buf);
        return;
    }
    for (steps = 0; steps < 32 && in->size > 0; steps++) {
        switch (take(in) % 5) {
        case 0: pn_cursor_next(&cur); break;
        case 1: pn_cursor_prev(&cur); break;
        case 2: pn_cursor_goto(&cur, take(in) % 40); break;
        case 3: pn_cursor_position(&cur, &page, &pages); break;
        default: pn_cursor_page(&cur, buf, size, NULL); break;
        }
    }
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input in;
    pn_catalog cat;
    pn_notice notice;
    char *policy, *langs, ids[64];

    memset(&notice, 0, sizeof notice);
    in.data = data;
    in.size = size;
    if (pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE) != PN_OK)
        abort();
    policy = take_string(&in, 12);
    langs = take_string(&in, 16);
    pn_langs(&cat, policy, ids, take(&in) % sizeof ids, NULL);
    if (pn_find(&cat, policy, langs, &notice) != PN_OK)
        pn_notice_at(&cat, take(&in) % (cat.notice_count + 1), &notice);
    if (notice.internal.data != NULL) {
        read_texts(&notice, &in);
        move_around(&notice, &in);
    }
    free(policy);
    free(langs);
    return 0;
}
