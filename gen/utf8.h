/* utf8.h: strict UTF-8 decoding (RFC 3629). */
#ifndef PNC_UTF8_H
#define PNC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the character at the start of `s` (at most `len` bytes) into
 * `*cp` and returns its length in bytes, 1 to 4. Returns 0 for anything
 * that is not well-formed UTF-8: a stray continuation byte, 0xC0, 0xC1 or
 * 0xF5-0xFF, an overlong form, a surrogate, a code point above U+10FFFF,
 * or a sequence cut short. */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Number of characters in `len` bytes of text (continuation bytes do not
 * count), which is also the display column width pnc reports. */
size_t utf8_count(const unsigned char *s, size_t len);

#endif
