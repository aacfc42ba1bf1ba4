/* pn_notice.c: a notice's title (pn_contact.c reads its contacts). */
#include "pn_read.h"

pn_status pn_notice_title(const pn_notice *notice, char *buf, size_t size,
                          size_t *len)
{
    pn__text title;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK ||
        (st = pn__read_notice_text(notice, PN_NOTICE_AT(title, PN_OFFSET_SIZE),
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
