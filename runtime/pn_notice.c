/* pn_notice.c: a notice's title and contact details. */
#include "pn.h"
#include "pn_format.h"
#include "pn_decode.h"
#include "pn_read.h"

pn_status pn_title(const pn_notice *notice, char *buf, size_t size,
                   size_t *len)
{
    pn__text title;
    pn_status st;

    if ((st = pn_read_out_begin(buf, size, len)) != PN_OK ||
        (st = pn_read_notice_text(notice, PN_NOT_TITLE, &title)) != PN_OK)
        return st;
    return pn_read_copy(title, buf, size, len);
}

pn_status pn_read_notice_text(const pn_notice *notice, unsigned field,
                              pn__text *text)
{
    pn__view v;
    const unsigned char *rec;
    pn_status st = pn_read_notice_of(&v, notice, &rec);

    if (st != PN_OK)
        return st;
    return pn_read_field_text(&v, rec, field, text);
}

static void contact_clear(pn_contact *out, const char *empty)
{
    out->name = empty;
    out->orgno = empty;
    out->address = empty;
    out->postcode = empty;
    out->city = empty;
    out->email = empty;
    out->phone = empty;
    out->web = empty;
    out->authority = empty;
}

/* Copies the facts one after another; when the buffer is full, the rest
 * point at its last byte, the NUL that ends the fact before them. */
static pn_status contact_copy(const pn__view *v, const unsigned char *rec,
                              char *buf, size_t size, pn_contact *out)
{
    /* In pn_fact order, which is the order of the members. */
    const char **const fact[PN_FACT_COUNT] = {
        &out->name, &out->orgno, &out->address, &out->postcode, &out->city,
        &out->email, &out->phone, &out->web, &out->authority
    };
    pn__text text;
    size_t pos = 0, n;
    unsigned i;
    int cut = 0;
    pn_status st;

    for (i = 0; i < PN_FACT_COUNT; i++) {
        st = pn_read_field_text(v, rec, PN_NOT_FACTS + 4 * i, &text);
        if (st != PN_OK)
            return st;
        if (pos == size) {
            *fact[i] = buf + size - 1;
            if (text.len > 0)
                cut = 1;
            continue;
        }
        *fact[i] = buf + pos;
        st = pn_dec_put(buf + pos, size - pos, &text, &n, &cut);
        if (st != PN_OK)
            return st;
        pos += n + 1;
    }
    return cut ? PN_ERR_TRUNCATED : PN_OK;
}

pn_status pn_contact_read(const pn_notice *notice, char *buf, size_t size,
                          pn_contact *out)
{
    pn__view v;
    const unsigned char *rec;
    pn_status st;

    if (!buf || size == 0 || !out)
        return PN_ERR_ARG;
    buf[0] = '\0';
    contact_clear(out, buf);
    if ((st = pn_read_notice_of(&v, notice, &rec)) == PN_OK)
        st = contact_copy(&v, rec, buf, size, out);
    if (st != PN_OK && st != PN_ERR_TRUNCATED) {
        buf[0] = '\0';
        contact_clear(out, buf);
    }
    return st;
}
