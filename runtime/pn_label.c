/* pn_label.c: words in a notice's language, from the labels pnc copied
 * into the catalog's language records. */
#include "pn_read.h"

/* Copies label `label` of the notice's language into `buf`. */
static pn_status label_read(const pn_notice *notice, unsigned label,
                            char *buf, size_t size, size_t *len)
{
    pn__view v;
    const unsigned char *rec, *language;
    const char *lang;
    pn__text text;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK)
        return st;
    if (label >= PN_LABEL_COUNT)
        return PN_ERR_ARG;
    /* The record's language, not the handle's (see Trust in pn.h). */
    if ((st = pn__read_notice_of(&v, notice, &rec)) != PN_OK ||
        (st = pn__read_field_name(&v, rec, PN_NOTICE_AT(lang, PN_OFFSET_SIZE),
                                  &lang)) != PN_OK)
        return st;
    language = pn__read_language(&v, lang, pn__read_strlen(lang));
    if (!language)
        return PN_ERR_NOT_FOUND;
    st = pn__read_label(&v, language, label, &text);
    if (st != PN_OK)
        return st;
    if (text.len == 0)
        return PN_ERR_NOT_FOUND;
    return pn__read_copy(text, buf, size, len);
}

/* An out-of-range topic or word maps past the labels: PN_ERR_ARG. */
pn_status pn_topic_label(const pn_notice *notice, pn_topic topic, char *buf,
                         size_t size, size_t *len)
{
    return label_read(notice,
                      (unsigned)topic < PN_TOPIC_COUNT
                          ? PN_LABEL_OF_TOPIC(topic)
                          : PN_LABEL_COUNT,
                      buf, size, len);
}

pn_status pn_word_read(const pn_notice *notice, pn_word word, char *buf,
                       size_t size, size_t *len)
{
    return label_read(notice,
                      (unsigned)word < PN_WORD_COUNT ? PN_LABEL_OF_WORD(word)
                                                     : PN_LABEL_COUNT,
                      buf, size, len);
}
