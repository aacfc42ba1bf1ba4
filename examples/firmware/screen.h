/* screen.h: what the demo shows on its (imagined) SSD1306: the first page
 * of a notice's first layer, 128x64 pixels, drawn by libpn into the
 * controller's page-ordered framebuffer. The host builds this same file
 * (tests/fw_screen_host.c) to check that the device draws the same bytes. */
#ifndef FIRMWARE_SCREEN_H
#define FIRMWARE_SCREEN_H

#include "pn.h"

#define SCREEN_W 128u
#define SCREEN_H 64u
#define SCREEN_BYTES (SCREEN_W * SCREEN_H / 8u) /* 8 pages of 128 bytes */

/* Draws the first layer's first page of `notice` at SCREEN_W x SCREEN_H
 * into `fb` (PN_CANVAS_PAGES: byte x of page p holds column x of rows 8p
 * .. 8p+7, the top row in bit 0). Returns PN_OK or the failed call's
 * status. */
pn_status screen_draw_first_page(const pn_notice *notice,
                                 unsigned char fb[SCREEN_BYTES]);

/* Writes the framebuffer as one line of text, "framebuffer 128x64 pages "
 * then two lowercase hex digits a byte and a newline, into `line`
 * (SCREEN_LINE bytes, NUL-terminated): how the device sends it over
 * semihosting. */
#define SCREEN_LINE (sizeof "framebuffer 128x64 pages \n" + 2u * SCREEN_BYTES)
void screen_hex_line(const unsigned char fb[SCREEN_BYTES],
                     char line[SCREEN_LINE]);

#endif
