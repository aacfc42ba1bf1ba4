/* pn_translit.c: characters a display's font lacks, replaced by ones it
 * has. The table is documented in docs/LAYOUT.md. */
#include "pn_utf8.h"

#ifndef PN_NO_TRANSLIT

typedef struct replacement {
    uint16_t cp;          /* the character */
    char ascii[3];        /* what it becomes in ASCII (NUL-padded) */
} replacement;

/* Sorted by code point. Latin-1 letters are replaced only under PN_ASCII;
 * the rest (U+0100 and up, and the no-break space under PN_ASCII) under
 * both flags. */
static const replacement table[] = {
    {0x00A0, " "},  {0x00A7, "S"},  {0x00AB, "\""}, {0x00BB, "\""},
    {0x00C4, "A"},  {0x00C5, "Aa"}, {0x00C6, "Ae"}, {0x00C9, "E"},
    {0x00D6, "O"},  {0x00D8, "O"},  {0x00DC, "U"},  {0x00E0, "a"},
    {0x00E1, "a"},  {0x00E4, "a"},  {0x00E5, "aa"}, {0x00E6, "ae"},
    {0x00E8, "e"},  {0x00E9, "e"},  {0x00EA, "e"},  {0x00F3, "o"},
    {0x00F4, "o"},  {0x00F6, "o"},  {0x00F8, "o"},  {0x00FC, "u"},
    {0x2010, "-"},  {0x2011, "-"},  {0x2013, "-"},  {0x2014, "-"},
    {0x2018, "'"},  {0x2019, "'"},  {0x201C, "\""}, {0x201D, "\""},
    {0x201E, "\""}, {0x2022, "*"},  {0x2026, "..."},
};

static const char *ascii_for(uint32_t cp)
{
    size_t lo = 0, hi = sizeof table / sizeof table[0];

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (table[mid].cp == cp)
            return table[mid].ascii;
        if (table[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return "?";
}

size_t pn_transliterate(uint32_t cp, unsigned flags, char out[4])
{
    const char *ascii;
    size_t n;

    if (cp < 0x80 || cp > 0x10FFFF ||
        (!(flags & PN_ASCII) && !(flags & PN_LATIN1)) ||
        (!(flags & PN_ASCII) && cp <= 0xFF))
        return pn__utf8_put(cp, out);
    ascii = ascii_for(cp);
    for (n = 0; n < 3 && ascii[n] != '\0'; n++)
        out[n] = ascii[n];
    return n;
}

#else
typedef int pn__translit_compiled_out; /* C99 wants a declaration */
#endif
