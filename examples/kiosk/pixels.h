/* pixels.h: the kiosk's pixel screen: a 1-bit framebuffer that libpn
 * draws into, shown in a terminal with half-block characters. */
#ifndef KIOSK_PIXELS_H
#define KIOSK_PIXELS_H

#include <stdio.h>

#include "pn.h"

#define PIXELS_MAX_W 480u
#define PIXELS_MAX_H 320u

/* Whether the kiosk can show a pixel screen of this size. */
int pixels_is_valid_size(unsigned width, unsigned height);

/* Sets up `c` on the kiosk's one framebuffer at `width` x `height`
 * (pixels_is_valid_size), cleared. */
void pixels_canvas(pn_canvas *c, unsigned width, unsigned height);

/* Clears `c` and draws the `count` lines of text at `lines` one under the
 * other, the font's line height apart: the kiosk's menus on a pixel
 * screen. */
void pixels_lines(const pn_catalog *cat, const pn_canvas *c,
                  const char *const *lines, unsigned count);

/* The text lines a page of `height` pixels holds in the catalog's font
 * (at least 1). */
unsigned pixels_line_count(const pn_catalog *cat, unsigned height);

/* Prints a frame's top or bottom edge, `width` cells inside: "+---+".
 * The text screen's frame (ui.c) is drawn with it too. */
void pixels_rule(FILE *out, unsigned width);

/* Prints the canvas framed, two pixel rows a character line: a pixel
 * with ink is lit (U+2580 upper half, U+2584 lower half, U+2588 both). */
void pixels_print(const pn_canvas *c, FILE *out);

#endif
