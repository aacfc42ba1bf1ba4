/* pn_utf8.h: internal to libpn. Reading and writing a character as
 * UTF-8. */
#ifndef PN_UTF8_H
#define PN_UTF8_H

#include "pn.h"

/* Writes `cp` as UTF-8 into `out` and returns its length, 1-4; a surrogate
 * or a value past U+10FFFF is written as U+FFFD. */
size_t pn__utf8_put(uint32_t cp, char out[4]);

/* Reads the character at `s` (at most `len` bytes) into `*cp` and returns
 * its length, 1-4; 0 when `len` is 0. Bytes that are not well-formed UTF-8
 * (a stray or missing continuation byte, an overlong form, a surrogate,
 * past U+10FFFF) give U+FFFD and a length of 1. */
size_t pn__utf8_get(const unsigned char *s, size_t len, uint32_t *cp);

#endif
