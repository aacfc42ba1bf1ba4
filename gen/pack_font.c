/* pack_font.c: marks the code points the texts use, then writes the font
 * head, a glyph record for each used glyph the font has (in code point
 * order, as bdf_font keeps them) and their bitmaps, packed. */
#include "pack_font.h"

#include <stdlib.h>
#include <string.h>

#include "../runtime/pn_format.h"
#include "utf8.h"

#define SET(rec, AT, field, bytes, value) \
    store_le((rec) + AT(field, bytes), bytes, (uint32_t)(value))

/* What libpn writes besides the texts: item and page numbers. */
static const char own_text[] = "0123456789 .-?";

static void mark_text(const bdf_font *f, const char *text,
                      unsigned char *used)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), at = 0;

    while (at < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + at, len - at, &cp);
        const bdf_glyph *g;
        if (n == 0)
            n = 1; /* cannot happen: texts were checked */
        else if ((g = bdf_find(f, cp)) != NULL)
            used[g - f->glyphs] = 1;
        at += n;
    }
}

/* Packs `width * height` pixels, `pixel(x, y)` each, MSB first. */
static void put_bits(buf *bits, const bdf_glyph *g)
{
    unsigned acc = 0, n = 0;
    int x, y;

    for (y = 0; y < g->height; y++)
        for (x = 0; x < g->width; x++) {
            acc = acc << 1 | (unsigned)bdf_pixel(g, x, y);
            if (++n == 8) {
                buf_byte(bits, acc);
                acc = n = 0;
            }
        }
    if (n)
        buf_byte(bits, acc << (8 - n));
}

static void put_glyph(buf *records, buf *bits, const bdf_glyph *g)
{
    unsigned char rec[PN_GLYPH_SIZE];

    SET(rec, PN_GLYPH_AT, code_point, 3, g->cp);
    SET(rec, PN_GLYPH_AT, advance, 1, g->advance);
    SET(rec, PN_GLYPH_AT, width, 1, g->width);
    SET(rec, PN_GLYPH_AT, height, 1, g->height);
    SET(rec, PN_GLYPH_AT, x_off, 1, (unsigned)g->x_off & 0xFFu);
    SET(rec, PN_GLYPH_AT, y_off, 1, (unsigned)g->y_off & 0xFFu);
    SET(rec, PN_GLYPH_AT, bits, 3, bits->len);
    buf_put(records, rec, sizeof rec);
    put_bits(bits, g);
}

/* A hollow box the height of the ascent, for a font with neither U+FFFD
 * nor '?'. Its bits are made here. */
static void box_glyph(const bdf_font *f, bdf_glyph *g)
{
    int w = f->width / 2 > 3 ? f->width / 2 : 3;
    int h = f->ascent > 3 ? f->ascent - 1 : 3, x, y;
    size_t row = bdf_row_bytes(w);

    memset(g, 0, sizeof *g);
    g->cp = 0xFFFD;
    g->advance = w + 1 > PN_MAX_GLYPH_SIDE ? PN_MAX_GLYPH_SIDE : w + 1;
    g->width = w;
    g->height = h;
    g->bits = xmalloc(row * (size_t)h);
    memset(g->bits, 0, row * (size_t)h);
    for (y = 0; y < h; y++)
        for (x = 0; x < w; x++)
            if (y == 0 || y == h - 1 || x == 0 || x == w - 1)
                g->bits[row * (size_t)y + (size_t)x / 8] |=
                    (unsigned char)(0x80u >> (x % 8));
}

int pack_font(const bdf_font *f, const char *const *texts, size_t count,
              buf *out)
{
    unsigned char head[PN_FONT_HEAD_SIZE] = {0};
    unsigned char *used = xmalloc(f->glyph_count + 1);
    const bdf_glyph *replacement = bdf_find(f, 0xFFFD);
    bdf_glyph box;
    buf records = {0}, bits = {0};
    size_t i, stored = 0, replacement_index = 0;
    int box_due = 0, status = 0;

    memset(used, 0, f->glyph_count + 1);
    for (i = 0; i < count; i++)
        if (texts[i])
            mark_text(f, texts[i], used);
    mark_text(f, own_text, used);
    if (!replacement)
        replacement = bdf_find(f, '?');
    if (replacement) {
        used[replacement - f->glyphs] = 1;
    } else {
        box_glyph(f, &box);
        box_due = 1;
    }
    for (i = 0; i <= f->glyph_count && status == 0; i++) {
        const bdf_glyph *g = i < f->glyph_count ? &f->glyphs[i] : NULL;
        /* The box, as U+FFFD, in code point order. */
        if (box_due && (!g || g->cp > 0xFFFD)) {
            replacement_index = stored++;
            put_glyph(&records, &bits, &box);
            box_due = 0;
        }
        if (!g || !used[i])
            continue;
        if (stored == PN_MAX_GLYPHS || bits.len > 0xFFFFFFu)
            status = -1;
        if (g == replacement)
            replacement_index = stored;
        put_glyph(&records, &bits, g);
        stored++;
    }
    if (stored > PN_MAX_GLYPHS || bits.len > 0xFFFFFFu)
        status = -1;
    SET(head, PN_FONT_AT, glyph_count, 2, stored);
    SET(head, PN_FONT_AT, replacement, 2, replacement_index);
    SET(head, PN_FONT_AT, ascent, 1, f->ascent);
    SET(head, PN_FONT_AT, descent, 1, f->descent);
    SET(head, PN_FONT_AT, bits_size, 4, bits.len);
    if (status == 0) {
        buf_put(out, head, sizeof head);
        buf_put(out, records.data, records.len);
        buf_put(out, bits.data, bits.len);
    }
    if (!replacement)
        free(box.bits);
    buf_free(&records);
    buf_free(&bits);
    free(used);
    return status;
}
