/* pn_translit.c: characters a display's font lacks, replaced by ones it
 * has. The table is documented in docs/LAYOUT.md. */
#include "pn_utf8.h"

#ifndef PN_NO_TRANSLIT

/* A character replaced, named by the low byte of its code point: the
 * Latin-1 ones (U+0080 .. U+00FF) by 0x80 .. 0xFF, the punctuation of
 * U+2000 .. U+207F by 0x00 .. 0x7F, so one byte names one character
 * (pn_transliterate() checks the rest of the code point). `ascii` is what
 * it becomes in ASCII: one character, or (below ' ') a multi[] entry. */
typedef struct replacement {
    unsigned char low;
    char ascii;
} replacement;

enum { AA = 1, AE, SMALL_AA, SMALL_AE, ELLIPSIS };
/* The replacements of more than one character, 3 bytes apart. */
static const char multi[] = "Aa\0Ae\0aa\0ae\0...";

/* Latin-1 letters are replaced only under PN_ASCII; the rest (U+0100 and
 * up, and the no-break space under PN_ASCII) under both flags. */
static const replacement table[] = {
    {0xA0, ' '},  {0xA7, 'S'},  {0xAB, '"'},  {0xBB, '"'},
    {0xC4, 'A'},  {0xC5, AA},   {0xC6, AE},   {0xC9, 'E'},
    {0xD6, 'O'},  {0xD8, 'O'},  {0xDC, 'U'},  {0xE0, 'a'},
    {0xE1, 'a'},  {0xE4, 'a'},  {0xE5, SMALL_AA}, {0xE6, SMALL_AE},
    {0xE8, 'e'},  {0xE9, 'e'},  {0xEA, 'e'},  {0xF3, 'o'},
    {0xF4, 'o'},  {0xF6, 'o'},  {0xF8, 'o'},  {0xFC, 'u'},
    {0x10, '-'},  {0x11, '-'},  {0x13, '-'},  {0x14, '-'},  /* U+2010 .. */
    {0x18, '\''}, {0x19, '\''}, {0x1C, '"'},  {0x1D, '"'},
    {0x1E, '"'},  {0x22, '*'},  {0x26, ELLIPSIS},
};

size_t pn_transliterate(uint32_t cp, unsigned flags, char out[4])
{
    unsigned low = cp & 0xFFu, i;
    const char *ascii;
    size_t n;

    if (cp < 0x80 || cp > 0x10FFFF ||
        (!(flags & PN_ASCII) && !(flags & PN_LATIN1)) ||
        (!(flags & PN_ASCII) && cp <= 0xFF))
        return pn__utf8_put(cp, out);
    out[0] = '?';
    if (cp >> 8 != (low < 0x80 ? 0x20u : 0u))
        return 1;
    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].low != low)
            continue;
        if (table[i].ascii >= ' ') {
            out[0] = table[i].ascii;
            return 1;
        }
        ascii = multi + 3 * (table[i].ascii - AA);
        for (n = 0; n < 3 && ascii[n] != '\0'; n++)
            out[n] = ascii[n];
        return n;
    }
    return 1;
}

#else
typedef int pn__translit_compiled_out; /* C99 wants a declaration */
#endif
