/* pn_font.c: a catalog's font, checked against the catalog, and its
 * glyphs found by code point. */
#include "pn_font.h"

#ifndef PN_NO_DRAW

static uint32_t font_offset(const pn__view *v, pn_font_id font)
{
    return font == PN_FONT_TEXT ? PN__HDR_U32(v->data, font)
                                : PN__HDR_U32(v->data, heading_font);
}

pn_status pn__font_open(const pn__view *v, pn_font_id font, pn__font *f)
{
    uint32_t at, room;
    const unsigned char *head;

    if (font != PN_FONT_TEXT && font != PN_FONT_HEADING)
        return PN_ERR_ARG;
    at = font_offset(v, font);
    if (at == 0)
        return PN_ERR_NOT_FOUND;
    if (at > v->size || v->size - at < PN_FONT_HEAD_SIZE)
        return PN_ERR_FORMAT;
    head = v->data + at;
    room = v->size - at - PN_FONT_HEAD_SIZE;
    f->glyph_count = pn__read_u16(head + PN_FONT_AT(glyph_count, 2));
    f->replacement = pn__read_u16(head + PN_FONT_AT(replacement, 2));
    f->bits_size = pn__read_u32(head + PN_FONT_AT(bits_size, 4));
    f->ascent = head[PN_FONT_AT(ascent, 1)];
    f->descent = head[PN_FONT_AT(descent, 1)];
    if (f->glyph_count == 0 || f->replacement >= f->glyph_count ||
        room / PN_GLYPH_SIZE < f->glyph_count ||
        room - f->glyph_count * PN_GLYPH_SIZE < f->bits_size)
        return PN_ERR_FORMAT;
    f->glyphs = head + PN_FONT_HEAD_SIZE;
    f->bits = f->glyphs + f->glyph_count * PN_GLYPH_SIZE;
    return PN_OK;
}

pn_font_id pn__font_heading(const pn__view *v)
{
    return font_offset(v, PN_FONT_HEADING) ? PN_FONT_HEADING : PN_FONT_TEXT;
}

pn_status pn__font_line(const pn__view *v, unsigned *ascent,
                        unsigned *height)
{
    pn__font text, heading;
    pn_status st;

    if ((st = pn__font_open(v, PN_FONT_TEXT, &text)) != PN_OK ||
        (st = pn__font_open(v, pn__font_heading(v), &heading)) != PN_OK)
        return st;
    *ascent = text.ascent > heading.ascent ? text.ascent : heading.ascent;
    *height = *ascent + PN_LINE_GAP +
              (text.descent > heading.descent ? text.descent
                                              : heading.descent);
    return PN_OK;
}

const unsigned char *pn__font_glyph(const pn__font *f, uint32_t cp)
{
    uint32_t lo = 0, hi = f->glyph_count;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t at = pn__read_u24(f->glyphs + mid * PN_GLYPH_SIZE +
                                   PN_GLYPH_AT(code_point, 3));
        if (at == cp)
            return f->glyphs + mid * PN_GLYPH_SIZE;
        if (at < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return f->glyphs + f->replacement * PN_GLYPH_SIZE;
}

unsigned pn__font_advance(const pn__font *f, uint32_t cp)
{
    return pn__font_glyph(f, cp)[PN_GLYPH_AT(advance, 1)];
}

#else
typedef int pn__font_compiled_out; /* ISO C wants something in a file */
#endif
