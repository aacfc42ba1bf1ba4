/* pn_section.c: a notice's sections and their blocks. */
#include "pn_read.h"

/* The view of a notice handle and the range of its section records. */
static pn_status notice_sections(pn__view *v, const pn_notice *notice,
                                 uint32_t *first, uint32_t *count)
{
    const unsigned char *rec;
    pn_status st = pn__read_notice_of(v, notice, &rec);

    if (st != PN_OK)
        return st;
    return pn__read_notice_sections(v, rec, first, count);
}

static pn_status section_fill(const pn__view *v, uint32_t record,
                              uint32_t index, pn_section *out)
{
    const unsigned char *rec = pn__read_section(v, record);
    const char *id, *number;
    pn_status st;

    if (!rec || PN__SECTION_U8(rec, level) > PN_MAX_LEVEL)
        return PN_ERR_FORMAT;
    if ((st = pn__read_field_name(v, rec, PN_SECTION_AT(id, 4), &id)) !=
            PN_OK ||
        (st = pn__read_field_name(v, rec, PN_SECTION_AT(number, 4),
                                  &number)) != PN_OK)
        return st;
    pn__read_ref(&out->internal, v, record);
    out->index = index;
    out->level = PN__SECTION_U8(rec, level);
    out->id = id;
    out->number = number;
    out->topics = PN__SECTION_U32(rec, topics);
    out->block_count = PN__SECTION_U16(rec, block_count);
    return PN_OK;
}

pn_status pn_section_at(const pn_notice *notice, uint32_t index,
                        pn_section *out)
{
    pn__view v;
    uint32_t first, count;
    pn_status st;

    if (!out)
        return PN_ERR_ARG;
    st = notice_sections(&v, notice, &first, &count);
    if (st != PN_OK)
        return st;
    if (index >= count)
        return PN_ERR_RANGE;
    return section_fill(&v, first + index, index, out);
}

pn_status pn_section_find(const pn_notice *notice, const char *id,
                          pn_section *out)
{
    pn__view v;
    uint32_t first, count, i;
    const char *sid;
    size_t n;
    pn_status st;

    if (!id || !out)
        return PN_ERR_ARG;
    st = notice_sections(&v, notice, &first, &count);
    if (st != PN_OK)
        return st;
    n = pn__read_strlen(id);
    for (i = 0; i < count; i++) {
        st = pn__read_field_name(&v, pn__read_section(&v, first + i),
                                 PN_SECTION_AT(id, 4), &sid);
        if (st != PN_OK)
            return st;
        if (pn__read_name_is(sid, id, n))
            return section_fill(&v, first + i, i, out);
    }
    return PN_ERR_NOT_FOUND;
}

pn_status pn_section_by_topic(const pn_notice *notice, pn_topic topic,
                              uint32_t from, pn_section *out)
{
    pn__view v;
    uint32_t first, count, i;
    pn_status st;

    if (!out)
        return PN_ERR_ARG;
    st = notice_sections(&v, notice, &first, &count);
    if (st != PN_OK)
        return st;
    if ((unsigned)topic >= (unsigned)PN_TOPIC_COUNT)
        return PN_ERR_NOT_FOUND;
    for (i = from; i < count; i++) {
        const unsigned char *rec = pn__read_section(&v, first + i);

        if (PN__SECTION_U32(rec, topics) & PN_TOPIC_BIT(topic))
            return section_fill(&v, first + i, i, out);
    }
    return PN_ERR_NOT_FOUND;
}

pn_status pn__read_section_title(const pn_section *sec, pn__text *title)
{
    pn__view v;
    const unsigned char *rec;
    pn_status st = pn__read_section_of(&v, sec, &rec);

    if (st != PN_OK)
        return st;
    return pn__read_field_text(&v, rec, PN_SECTION_AT(title, 4), title);
}

pn_status pn_section_title(const pn_section *sec, char *buf, size_t size,
                           size_t *len)
{
    pn__text title;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK ||
        (st = pn__read_section_title(sec, &title)) != PN_OK)
        return st;
    return pn__read_copy(title, buf, size, len);
}

/* Reads the block at pool offset `*pos` and moves `*pos` past it. */
static pn_status block_next(const pn__view *v, uint32_t *pos, unsigned *kind,
                            unsigned *level, uint32_t *number,
                            pn__text *text)
{
    pn_status st;

    if (*pos >= v->pool_size)
        return PN_ERR_FORMAT;
    *kind = v->pool[(*pos)++];
    *level = 0;
    *number = 0;
    if (!PN_BLOCK_IS_STORED(*kind))
        return PN_ERR_FORMAT;
    if (PN_BLOCK_HAS_LEVEL(*kind)) {
        if (*pos >= v->pool_size)
            return PN_ERR_FORMAT;
        *level = v->pool[(*pos)++];
        if (*level < 1 || *level > PN_BLOCK_MAX_LEVEL(*kind))
            return PN_ERR_FORMAT;
    }
    if (PN_BLOCK_HAS_NUMBER(*kind)) {
        st = pn__read_leb128_at(v, pos, number);
        if (st != PN_OK)
            return st;
        if (*number > PN_MAX_ITEM_NUMBER)
            return PN_ERR_FORMAT;
    }
    return pn__read_text_at(v, pos, text);
}

/* Walks the block stream from its start to block `index`, checking each
 * block on the way. With `head`, it also finds the last table heading of
 * column `*level` before that block (an empty text if none). */
static pn_status block_at(const pn__view *v, const unsigned char *rec,
                          uint32_t index, unsigned *kind, unsigned *level,
                          uint32_t *number, pn__text *text, pn__text *head)
{
    uint32_t pos = PN__SECTION_U32(rec, blocks);
    uint32_t i;
    pn_status st;

    if (head) {
        head->bytes = "";
        head->len = head->size = 0;
        head->code = NULL;
    }
    for (i = 0; i <= index; i++) {
        st = block_next(v, &pos, kind, level, number, text);
        if (st != PN_OK)
            return st;
    }
    if (head && *kind == PN_BLOCK_TABLE_CELL) {
        unsigned k, l, column = *level;
        uint32_t n;
        pn__text t;
        pos = PN__SECTION_U32(rec, blocks);
        for (i = 0; i < index; i++) {
            st = block_next(v, &pos, &k, &l, &n, &t);
            if (st != PN_OK)
                return st;
            if (k == PN_BLOCK_TABLE_HEAD && l == column)
                *head = t;
        }
    }
    return PN_OK;
}

/* Block `index` of a section's stream, with the table heading of its
 * column if `head` is not NULL. */
static pn_status read_block(const pn_section *sec, uint32_t index,
                            unsigned *kind, unsigned *level, uint32_t *number,
                            pn__text *text, pn__text *head)
{
    pn__view v;
    const unsigned char *rec;
    pn_status st = pn__read_section_of(&v, sec, &rec);

    if (st != PN_OK)
        return st;
    if (index >= PN__SECTION_U16(rec, block_count))
        return PN_ERR_RANGE;
    return block_at(&v, rec, index, kind, level, number, text, head);
}

pn_status pn__read_block(const pn_section *sec, uint32_t index,
                         unsigned *kind, unsigned *level, uint32_t *number,
                         pn__text *text)
{
    return read_block(sec, index, kind, level, number, text, NULL);
}

pn_status pn__read_table_head(const pn_section *sec, uint32_t index,
                              pn__text *head)
{
    pn__text text;
    unsigned kind, level;
    uint32_t number;

    return read_block(sec, index, &kind, &level, &number, &text, head);
}

pn_status pn_block_read(const pn_section *sec, uint32_t index,
                        pn_block_kind *kind, char *buf, size_t size,
                        size_t *len)
{
    pn__text text;
    unsigned k, level;
    uint32_t number;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK ||
        (st = pn__read_block(sec, index, &k, &level, &number, &text)) !=
            PN_OK)
        return st;
    if (kind)
        *kind = (pn_block_kind)k;
    return pn__read_copy(text, buf, size, len);
}

pn_status pn_block_item(const pn_section *sec, uint32_t index,
                        unsigned *level, uint32_t *number)
{
    pn__text text;
    unsigned k, l;
    uint32_t n;
    pn_status st;

    if (level)
        *level = 0;
    if (number)
        *number = 0;
    if (!sec)
        return PN_ERR_ARG;
    st = pn__read_block(sec, index, &k, &l, &n, &text);
    if (st != PN_OK)
        return st;
    if (level)
        *level = l;
    if (number)
        *number = n;
    return PN_OK;
}
