/* pn_utf8.h: internal to libpn. Writing a character as UTF-8. */
#ifndef PN_UTF8_H
#define PN_UTF8_H

#include "pn.h"

/* Writes `cp` as UTF-8 into `out` and returns its length, 1-4; a surrogate
 * or a value past U+10FFFF is written as U+FFFD. */
size_t pn__utf8_put(uint32_t cp, char out[4]);

#endif
