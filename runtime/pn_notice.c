/* pn_notice.c: a notice's title and contact details. */
#include "pn_read.h"

pn_status pn_notice_title(const pn_notice *notice, char *buf, size_t size,
                          size_t *len)
{
    pn__text title;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK ||
        (st = pn__read_notice_text(notice, PN_NOTICE_AT(title, 4),
                                   &title)) != PN_OK)
        return st;
    return pn__read_copy(title, buf, size, len);
}

pn_status pn__read_notice_text(const pn_notice *notice, size_t offset,
                               pn__text *text)
{
    pn__view v;
    const unsigned char *rec;
    pn_status st = pn__read_notice_of(&v, notice, &rec);

    if (st != PN_OK)
        return st;
    return pn__read_field_text(&v, rec, offset, text);
}

/* Where each fact goes in a pn_contact, in PN_FACTS order. */
#define CONTACT_MEMBER(id, member, key) offsetof(pn_contact, member),
static const unsigned short contact_member[PN_FACT_COUNT] = {
    PN_FACTS(CONTACT_MEMBER)
};

/* pn_contact is PN_FACT_COUNT string pointers and nothing else. */
PN_STATIC_ASSERT(sizeof(pn_contact) == PN_FACT_COUNT * sizeof(const char *),
                 contact_has_one_member_per_fact);

static const char **contact_slot(pn_contact *out, unsigned fact)
{
    return (const char **)(void *)((char *)out + contact_member[fact]);
}

static void contact_clear(pn_contact *out, const char *empty)
{
    unsigned i;

    for (i = 0; i < PN_FACT_COUNT; i++)
        *contact_slot(out, i) = empty;
}

/* Copies the facts one after another; when the buffer is full, the rest
 * point at its last byte, the NUL that ends the fact before them. */
static pn_status contact_copy(const pn__view *v, const unsigned char *rec,
                              char *buf, size_t size, pn_contact *out)
{
    pn__text text;
    size_t pos = 0, n;
    unsigned i;
    int cut = 0;
    pn_status st;

    for (i = 0; i < PN_FACT_COUNT; i++) {
        const char **fact = contact_slot(out, i);

        st = pn__read_field_text(v, rec, PN_NOTICE_FACT_AT(i), &text);
        if (st != PN_OK)
            return st;
        if (pos == size) {
            *fact = buf + size - 1;
            if (text.len > 0)
                cut = 1;
            continue;
        }
        *fact = buf + pos;
        st = pn__dec_put(buf + pos, size - pos, &text, &n, &cut);
        if (st != PN_OK)
            return st;
        pos += n + 1;
    }
    return cut ? PN_TRUNCATED : PN_OK;
}

pn_status pn_notice_contact(const pn_notice *notice, char *buf, size_t size,
                            pn_contact *out)
{
    pn__view v;
    const unsigned char *rec;
    pn_status st;

    if (!buf || size == 0 || !out)
        return PN_ERR_ARG;
    buf[0] = '\0';
    contact_clear(out, buf);
    if ((st = pn__read_notice_of(&v, notice, &rec)) == PN_OK)
        st = contact_copy(&v, rec, buf, size, out);
    if (st < 0) {
        buf[0] = '\0';
        contact_clear(out, buf);
    }
    return st;
}
