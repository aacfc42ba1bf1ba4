/* check_text.c: the text a person reads: no damaged characters, no
 * obfuscated e-mail addresses, nothing the display cannot show. */
#include <stdlib.h>

#include "buf.h"
#include "check.h"
#include "repeats.h"
#include "translit.h"
#include "rules.h"
#include "utf8.h"

/* U+FFFD anywhere in the file, comments too: it means the text went
 * through a conversion that lost characters. */
static void check_replacement_chars(const mnotice *n, diag *d)
{
    const source *src = n->src;
    size_t i;

    for (i = 0; i + 3 <= src->len; i++) {
        if (src->text[i] == 0xEF && src->text[i + 1] == 0xBF &&
            src->text[i + 2] == 0xBD)
            rule_report(d, RULE_REPLACEMENT_CHAR, src, i, 3,
                        "U+FFFD replacement character at byte offset %lu: "
                        "a conversion lost the character that was here",
                        (unsigned long)i);
    }
}

/* Body text may quote an address as a web page obfuscated it, but the
 * person cannot use it as written. The header's email: is checked by
 * header-email-obfuscated. */
static void check_obfuscated_emails(const mnotice *n, diag *d)
{
    size_t i;

    for (i = 0; i < n->shown_count; i++) {
        const mspan *t = &n->shown[i];
        const char *s = (const char *)n->src->text + t->offset;
        size_t at = 0, mark_len;

        if (t->offset < n->header_end)
            continue;
        while (at < t->len) {
            size_t found = check_find_obfuscation(s + at, t->len - at, 0,
                                                  &mark_len);
            if (found == t->len - at)
                break;
            rule_report(d, RULE_TEXT_EMAIL_OBFUSCATED, n->src,
                        t->offset + at + found, mark_len,
                        "obfuscated e-mail address ('%.*s'): a person "
                        "cannot write to it as shown; give the address",
                        (int)mark_len, s + at + found);
            at += found + mark_len;
        }
    }
}

/* ---- --charset ------------------------------------------------------------ */

typedef struct missing_char {
    uint32_t cp;
    size_t offset; /* where it is used */
    size_t count;  /* on its first use: how many uses it has */
} missing_char;

/* Characters that would be invisible or confusing between quotes. */
static int is_invisible(uint32_t cp)
{
    return cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202F) || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

/* What a check of the characters compares the text with: the display's
 * charset or a font. */
typedef struct text_set {
    const charset *cs;
    rule rule;             /* RULE_CHARSET or RULE_FONT_GLYPH */
    const char *what;      /* "the latin1 charset", "the font F.bdf" */
    int part;              /* which texts: TEXT_ALL, TEXT_BODY, TEXT_HEADINGS */
} text_set;

enum { TEXT_ALL, TEXT_BODY, TEXT_HEADINGS };

static void report_missing(const mnotice *n, const text_set *set,
                           const missing_char *m, diag *d)
{
    const charset *cs = set->cs;
    char as[5];
    int has_as = translit_char(m->cp, PN_ASCII, as);
    char glyph[16] = "";
    char more[64] = "";
    char hint[64] = "";

    if (!is_invisible(m->cp)) {
        size_t len = 1;
        while (len < 4 && (n->src->text[m->offset + len] & 0xC0u) == 0x80u)
            len++;
        snprintf(glyph, sizeof glyph, "'%.*s' ", (int)len,
                 (const char *)n->src->text + m->offset);
    }
    if (m->count > 1)
        snprintf(more, sizeof more, " (%lu times in this file)",
                 (unsigned long)m->count);
    if (has_as && charset_has_text(cs, as))
        snprintf(hint, sizeof hint,
                 "; --transliterate writes it as '%s'", as);
    rule_report(d, set->rule, n->src, m->offset, 1,
                "%s(U+%04lX) is not in %s%s%s", glyph,
                (unsigned long)m->cp, set->what, hint, more);
}

/* One diagnostic for each character the display lacks, at its first use:
 * a Norwegian notice on an ASCII display would otherwise give hundreds. */
/* Whether the display shows `cp`, as it is or as pnc --transliterate
 * (`flags`) writes it. */
static int display_has(const charset *cs, unsigned flags, uint32_t cp)
{
    char as[5];

    if (charset_has(cs, cp))
        return 1;
    return flags && translit_char(cp, flags, as) && charset_has_text(cs, as);
}

static unsigned long cp_hash(const void *items, size_t i)
{
    return ((const missing_char *)items)[i].cp;
}

static int cp_order(const void *items, size_t a, size_t b)
{
    const missing_char *m = items;
    return m[a].cp < m[b].cp ? -1 : m[a].cp > m[b].cp;
}

/* Whether the shown text at `offset` is on a heading's line. */
static int in_heading(const mnotice *n, size_t offset)
{
    size_t line = source_line_index(n->src, offset), lo = 0,
           hi = n->section_count;

    while (lo < hi) { /* sections are in source order */
        size_t mid = lo + (hi - lo) / 2;
        const msection *s = &n->sections[mid];
        size_t heading = s->level ? source_line_index(n->src,
                                                      s->heading_offset)
                                  : 0;
        if (s->level && heading == line)
            return 1;
        if (!s->level || heading < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static void check_charset(const mnotice *n, const text_set *set,
                          unsigned translit, diag *d)
{
    const charset *cs = set->cs;
    missing_char *missing = NULL; /* every use, in order */
    size_t count = 0, cap = 0, i, *first;

    for (i = 0; i < n->shown_count; i++) {
        const unsigned char *s = n->src->text + n->shown[i].offset;
        size_t len = n->shown[i].len, at = 0;

        if (set->part != TEXT_ALL &&
            in_heading(n, n->shown[i].offset) != (set->part == TEXT_HEADINGS))
            continue;
        while (at < len) {
            uint32_t cp;
            size_t step = utf8_decode(s + at, len - at, &cp);

            if (step == 0)
                step = 1; /* cannot happen: the encoding was checked */
            else if (cp != '\t' && !display_has(cs, translit, cp)) {
                missing = grow_array(missing, &cap, count + 1,
                                     sizeof *missing);
                missing[count].cp = cp;
                missing[count].offset = n->shown[i].offset + at;
                missing[count].count = 0;
                count++;
            }
            at += step;
        }
    }
    first = xmalloc(count * sizeof *first);
    repeats_find(missing, count, cp_hash, cp_order, first);
    for (i = 0; i < count; i++)
        missing[first[i]].count++;
    for (i = 0; i < count; i++)
        if (first[i] == i)
            report_missing(n, set, &missing[i], d);
    free(first);
    free(missing);
}

void check_text(const mnotice *n, const check_options *o, diag *d)
{
    char what[300];
    text_set set;

    check_replacement_chars(n, d);
    check_obfuscated_emails(n, d);
    if (!o)
        return;
    if (o->charset) {
        snprintf(what, sizeof what, "the %s charset", o->charset->name);
        set.cs = o->charset;
        set.rule = RULE_CHARSET;
        set.what = what;
        set.part = TEXT_ALL;
        check_charset(n, &set, o->transliterate, d);
    }
    set.rule = RULE_FONT_GLYPH;
    set.what = what;
    if (o->font) {
        snprintf(what, sizeof what, "the font %s", o->font->name);
        set.cs = o->font;
        set.part = o->heading_font ? TEXT_BODY : TEXT_ALL;
        check_charset(n, &set, o->transliterate, d);
    }
    if (o->heading_font) {
        snprintf(what, sizeof what, "the heading font %s",
                 o->heading_font->name);
        set.cs = o->heading_font;
        set.part = TEXT_HEADINGS;
        check_charset(n, &set, o->transliterate, d);
    }
}
