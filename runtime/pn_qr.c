/* pn_qr.c: the QR code pnc stored for a notice's web address. */
#include "pn_read.h"

#ifndef PN_NO_QR

/* The notice's code: its modules' bytes in the pool and its size,
 * checked to lie in the pool. */
static pn_status qr_of(const pn_notice *notice, const unsigned char **bits,
                       unsigned *size)
{
    pn__view v;
    const unsigned char *rec;
    uint32_t at;
    unsigned version;
    pn_status st = pn__read_notice_of(&v, notice, &rec);

    *size = 0;
    if (st == PN_OK)
        st = pn__read_notice_facts(&v, rec, PN_FACTS_QR, &at);
    if (st != PN_OK)
        return st;
    if (at >= v.pool_size)
        return PN_ERR_FORMAT;
    version = v.pool[at];
    if (version == 0)
        return PN_ERR_NOT_FOUND;
    if (version > PN_QR_MAX_VERSION ||
        v.pool_size - at - 1 < PN_QR_BYTES(version))
        return PN_ERR_FORMAT;
    *bits = v.pool + at + 1;
    *size = PN_QR_SIZE(version);
    return PN_OK;
}

static int module_at(const unsigned char *bits, unsigned size, unsigned x,
                     unsigned y)
{
    uint32_t i = (uint32_t)y * size + x;
    return (bits[i / 8] >> (7 - i % 8)) & 1;
}

pn_status pn_qr_size(const pn_notice *notice, unsigned *size)
{
    const unsigned char *bits;

    if (!size)
        return PN_ERR_ARG;
    return qr_of(notice, &bits, size);
}

pn_status pn_qr_module(const pn_notice *notice, unsigned x, unsigned y,
                       int *dark)
{
    const unsigned char *bits;
    unsigned size;
    pn_status st;

    if (!dark)
        return PN_ERR_ARG;
    *dark = 0;
    st = qr_of(notice, &bits, &size);
    if (st != PN_OK)
        return st;
    if (x >= size || y >= size)
        return PN_ERR_RANGE;
    *dark = module_at(bits, size, x, y);
    return PN_OK;
}

/* A module of the code with its quiet zone around it: row and column
 * count from the zone's top left. */
static int drawn_at(const unsigned char *bits, unsigned size, unsigned x,
                    unsigned y)
{
    if (x < PN_QR_QUIET_ZONE || y < PN_QR_QUIET_ZONE || x >= size + PN_QR_QUIET_ZONE ||
        y >= size + PN_QR_QUIET_ZONE)
        return 0;
    return module_at(bits, size, x - PN_QR_QUIET_ZONE, y - PN_QR_QUIET_ZONE);
}

pn_status pn_qr_text(const pn_notice *notice, unsigned flags, char *buf,
                     size_t size, size_t *len)
{
    /* What a cell of the text shows, NUL-padded: indexed by top + 2 *
     * bottom module (space, U+2580, U+2584, U+2588), or in ASCII by
     * 4 + the module. */
    static const char cells[6][4] = {" ", "\xE2\x96\x80", "\xE2\x96\x84",
                                     "\xE2\x96\x88", "  ", "##"};
    const unsigned char *bits;
    unsigned modules, side, x, y, cell;
    int ascii = (flags & (PN_ASCII | PN_LATIN1)) != 0, cut = 0;
    size_t pos = 0;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK)
        return st;
    if (flags & ~(PN_ASCII | PN_LATIN1))
        return PN_ERR_ARG;
    if ((st = qr_of(notice, &bits, &modules)) != PN_OK)
        return st;
    side = modules + 2 * PN_QR_QUIET_ZONE;
    for (y = 0; y < side && !cut; y += ascii ? 1 : 2) {
        for (x = 0; x <= side && !cut; x++) {
            const char *s = "\n";
            if (x < side) {
                cell = (unsigned)drawn_at(bits, modules, x, y);
                cell += ascii ? 4u
                              : 2u * (unsigned)drawn_at(bits, modules, x,
                                                        y + 1);
                s = cells[cell];
            }
            pos += pn__read_put(buf + pos, size - pos, s,
                                pn__read_strlen(s), &cut);
        }
    }
    if (len)
        *len = pos;
    return cut ? PN_TRUNCATED : PN_OK;
}

#else
typedef int pn__qr_compiled_out; /* C99 wants a declaration */
#endif
