/* translit.c: pnc --transliterate. */
#include "translit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

int translit_char(uint32_t cp, unsigned flags, char out[5])
{
    size_t n = pn_transliterate(cp, flags, out);

    out[n] = '\0';
    return !(n == 1 && out[0] == '?' && cp != '?');
}

static void translit_string(mstr *m, unsigned flags)
{
    const unsigned char *s = (const unsigned char *)m->s;
    size_t len, at = 0;
    buf out = {0};

    if (!s)
        return;
    len = strlen(m->s);
    while (at < len) {
        char as[5];
        uint32_t cp;
        size_t step = utf8_decode(s + at, len - at, &cp);

        if (step == 0) { /* cannot happen: the parser checked the encoding */
            buf_byte(&out, s[at++]);
            continue;
        }
        translit_char(cp, flags, as);
        buf_put(&out, as, strlen(as));
        at += step;
    }
    buf_byte(&out, 0);
    free(m->s);
    m->s = (char *)out.data;
}

void translit_notice(mnotice *n, unsigned flags)
{
    size_t i, k;

    translit_string(&n->title, flags);
    for (i = 0; i < FACT_COUNT; i++)
        translit_string(&n->facts[i], flags);
    for (i = 0; i < n->section_count; i++) {
        msection *sec = &n->sections[i];
        translit_string(&sec->number, flags);
        translit_string(&sec->title, flags);
        for (k = 0; k < sec->block_count; k++)
            translit_string(&sec->blocks[k].text, flags);
    }
}
