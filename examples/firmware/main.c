/* A bare-metal libpn demo for QEMU's mps2-an385 board (Cortex-M3).
 *
 * It opens the bundled catalog in flash, checks its CRC-32, finds one
 * notice and prints it on UART0 exactly as `kiosk --dump nitd:nb` prints it
 * on the host: the title, then per section its heading ("NUMBER TITLE") and
 * each block on a line of its own, list items after "- " or their number,
 * indented by their level. Then it draws the first page of the notice's
 * first layer on a 128x64 pixel screen into an SSD1306-style framebuffer
 * (screen.c) and sends the framebuffer's bytes, as hex, to the host's
 * debug console over semihosting, where `make firmware-test` compares
 * them with what the host draws. It exits with
 * status 0, or 1 if any libpn call failed (including a cut text).
 *
 * All the text passes through one static buffer; the printing is
 * print_notice() alone, so another way of showing the notice (screens of
 * a 20x4 display, say) replaces that one function. */
#include <stddef.h>

#include "board.h"
#include "catalog_font.h"
#include "pn.h"
#include "screen.h"

#define POLICY "nitd"
#define LANGS "nb"

/* Holds any one text of the catalog: pnc measured the longest
 * (catalog_font.h). Were it too small, the run would fail with
 * PN_TRUNCATED rather than cut a text silently. */
static char text[PN_BUNDLED_FONT_MAX_TEXT + 1],
    head[PN_BUNDLED_FONT_MAX_TEXT + 1];

/* The display's framebuffer, as an SSD1306 takes it, and the line that
 * carries it to the host. */
static unsigned char framebuffer[SCREEN_BYTES];
static char framebuffer_line[SCREEN_LINE];

static pn_status print_section(const pn_section *sec)
{
    uint32_t i;
    pn_status st;

    if (sec->level > 0) {
        st = pn_section_title(sec, text, sizeof text, NULL);
        if (st != PN_OK)
            return st;
        board_puts(sec->number);
        board_puts(sec->number[0] ? " " : "");
        board_puts(text);
        board_puts("\n");
    }
    for (i = 0; i < sec->block_count; i++) {
        pn_block_kind kind;
        unsigned level, k, hang = 0;
        uint32_t number;
        char mark[16], *p = mark + sizeof mark - 1, *c;

        st = pn_block_read(sec, i, &kind, text, sizeof text, NULL);
        if (st == PN_OK)
            st = pn_block_item(sec, i, &level, &number);
        if (st != PN_OK)
            return st;
        /* As the kiosk: two spaces a level of nesting, "- " or "3. ",
         * the lines after a hard line break under the item's text. */
        *p = '\0';
        if (kind == PN_BLOCK_NUMBERED_ITEM) {
            *--p = ' ';
            *--p = '.';
            do {
                *--p = (char)('0' + number % 10u);
                number /= 10u;
            } while (number > 0);
        } else if (kind == PN_BLOCK_LIST_ITEM) {
            *--p = ' ';
            *--p = '-';
        }
        if (kind == PN_BLOCK_TABLE_HEAD)
            continue; /* the kiosk shows it before each cell instead */
        if (kind == PN_BLOCK_TABLE_CELL) {
            /* As the kiosk: "HEADING: " from the column's last heading. */
            uint32_t j = i;
            pn_block_kind hk;
            unsigned hl;
            while (j-- > 0) {
                if ((st = pn_block_item(sec, j, &hl, NULL)) != PN_OK)
                    return st;
                if (hl != level)
                    continue;
                if ((st = pn_block_read(sec, j, &hk, head, sizeof head,
                                        NULL)) != PN_OK)
                    return st;
                if (hk == PN_BLOCK_TABLE_HEAD) {
                    board_puts(head);
                    board_puts(": ");
                    break;
                }
            }
            level = 0;
        }
        for (k = 1; k < level; k++)
            board_puts("  ");
        board_puts(p);
        for (c = p; *c; c++)
            hang++;
        for (c = text; *c; c++) {
            char one[2] = {0, 0};
            one[0] = *c;
            board_puts(one);
            if (*c == '\n')
                for (k = 0; k < 2 * (level ? level - 1 : 0) + hang; k++)
                    board_puts(" ");
        }
        board_puts("\n");
    }
    return PN_OK;
}

/* Prints the whole notice: its title, then every section in order. */
static pn_status print_notice(const pn_notice *notice)
{
    uint32_t i;
    pn_status st = pn_notice_title(notice, text, sizeof text, NULL);

    if (st != PN_OK)
        return st;
    board_puts(text);
    board_puts("\n");
    for (i = 0; i < notice->section_count; i++) {
        pn_section sec;

        st = pn_section_at(notice, i, &sec);
        if (st == PN_OK)
            st = print_section(&sec);
        if (st != PN_OK)
            return st;
    }
    return PN_OK;
}

/* Reports a failed call on the debug console; returns the exit status. */
static int fail(const char *what, pn_status st)
{
    board_debug("firmware: ");
    board_debug(what);
    board_debug(": ");
    board_debug(pn_strerror(st));
    board_debug("\n");
    return 1;
}

/* Writes `v` in decimal at `p`, NUL-terminated. */
static void format_size(char *p, size_t v)
{
    char digits[20];
    size_t n = 0;

    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = digits[--n];
    *p = '\0';
}

/* Writes "firmware: stack used N of M bytes" on the debug console. */
static void report_stack(void)
{
    char number[24];

    board_debug("firmware: stack used ");
    format_size(number, board_stack_used());
    board_debug(number);
    board_debug(" of ");
    format_size(number, board_stack_size());
    board_debug(number);
    board_debug(" bytes\n");
}

int main(void)
{
    pn_catalog cat;
    pn_notice notice;
    pn_status st;

    board_init();
    st = pn_open(&cat, pn_bundled_font, PN_BUNDLED_FONT_SIZE);
    if (st != PN_OK)
        return fail("pn_open", st);
    st = pn_verify(&cat);
    if (st != PN_OK)
        return fail("pn_verify", st);
    st = pn_find(&cat, POLICY, LANGS, &notice);
    if (st != PN_OK)
        return fail("pn_find " POLICY ":" LANGS, st);
    st = print_notice(&notice);
    if (st != PN_OK)
        return fail("print_notice", st);
    st = screen_draw_first_page(&notice, framebuffer);
    if (st != PN_OK)
        return fail("screen_draw_first_page", st);
    screen_hex_line(framebuffer, framebuffer_line);
    board_debug(framebuffer_line);
    report_stack();
    return 0;
}
