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

/* Replaces the NUL-terminated UTF-8 text at `*text` (if not NULL). */
static void translit_text(char **text, unsigned flags)
{
    const unsigned char *s = (const unsigned char *)*text;
    size_t len, at = 0;
    buf out = {0};

    if (!s)
        return;
    len = strlen(*text);
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
    free(*text);
    *text = (char *)out.data;
}

static void translit_string(mstr *m, unsigned flags)
{
    translit_text(&m->s, flags);
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

void translit_labels(languages *l, unsigned flags)
{
    size_t i, k;

    for (i = 0; i < l->count; i++)
        for (k = 0; k < PN_LABEL_COUNT; k++)
            translit_text(&l->items[i].label[k], flags);
}
