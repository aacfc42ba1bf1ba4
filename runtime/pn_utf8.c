/* pn_utf8.c: reading and writing a character as UTF-8 (see pn_utf8.h). */
#include "pn_utf8.h"

size_t pn__utf8_put(uint32_t cp, char out[4])
{
    size_t n, i;

    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (i = n - 1; i > 0; i--) {
        out[i] = (char)(0x80 | (cp & 0x3F));
        cp >>= 6;
    }
    /* The lead byte: n high bits set (0xC0, 0xE0, 0xF0), then the rest. */
    out[0] = (char)((0xF00u >> n) | cp);
    return n;
}

#ifndef PN_NO_DRAW /* only pn_draw_text() reads UTF-8 */
size_t pn__utf8_get(const unsigned char *s, size_t len, uint32_t *cp)
{
    uint32_t c;
    size_t n, i;

    *cp = 0xFFFD;
    if (len == 0)
        return 0;
    c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    /* The sequence's length from its lead byte; 0 for a byte no
     * well-formed sequence starts with. */
    n = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (n == 0 || len < n)
        return 1;
    c &= 0x7Fu >> n;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 1;
        c = c << 6 | (s[i] & 0x3Fu);
    }
    /* Not overlong (the least a 3- or 4-byte form holds is 1 << 11 or
     * 1 << 16; a 2-byte one's lead byte rules it out), a scalar value. */
    if (c < (uint32_t)1 << (5 * n - 4) || c > 0x10FFFF ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 1;
    *cp = c;
    return n;
}
#endif
