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

/* The unsigned LEB128 at pool offset `*pos`, read in place when it is
 * one byte (the common case: counts, topics, the front names); moves
 * `*pos` past it. */
static pn_status leb_at(const pn__view *v, uint32_t *pos, uint32_t *value)
{
    if (*pos < v->pool_size && v->pool[*pos] < 0x80u) {
        *value = v->pool[(*pos)++];
        return PN_OK;
    }
    return pn__read_leb128_at(v, pos, value);
}

/* What finding a block needs of the head of section record `rec`: its
 * shape, block count and index, checked to fit the pool. */
static pn_status head_index(const pn__view *v, const unsigned char *rec,
                            pn__head *head, unsigned *shape)
{
    uint32_t at = v->section_size == 2u ? pn__read_u16(rec)
                                        : PN__SECTION_U24(rec, head);
    pn_status st;

    head->at = at;
    if (at >= v->pool_size)
        return PN_ERR_FORMAT;
    *shape = v->pool[at++];
    head->level = *shape & PN_HEAD_LEVEL_MASK;
    head->paragraphs = (*shape & PN_HEAD_PARAGRAPHS) != 0;
    head->block_count = PN_HEAD_LAYOUT(*shape);
    head->bits = 8u;
    if (head->block_count >= PN_HEAD_LAYOUT_LEB) {
        head->bits = PN_INDEX_BITS(head->block_count - PN_HEAD_LAYOUT_LEB);
        if ((st = leb_at(v, &at, &head->block_count)) != PN_OK)
            return st;
    }
    if (head->level > PN_MAX_LEVEL || head->block_count > PN_MAX_BLOCKS ||
        (head->block_count * head->bits + 7u) / 8u > v->pool_size - at)
        return PN_ERR_FORMAT;
    head->index = at;
    head->body = at + (head->block_count * head->bits + 7u) / 8u;
    return PN_OK;
}

static const unsigned char topic_order[] = {
    PN_TOPIC_ORDER(PN_TOPIC_IN_ORDER)};

uint32_t pn__read_topics(uint32_t stored)
{
    uint32_t topics = 0;
    unsigned p;

    for (p = 0; stored != 0; p++, stored >>= 1)
        if (stored & 1u)
            topics |= PN_TOPIC_BIT(topic_order[p]);
    return topics;
}

/* The bit of `topic` in a head's topics as stored (PN_TOPIC_ORDER). */
static uint32_t stored_topic_bit(pn_topic topic)
{
    unsigned p;

    for (p = 0; topic_order[p] != (unsigned)topic; p++)
        ;
    return 1u << p;
}

/* The head of section record `rec` up to its topics (its shape into
 * `*shape`, and `*at` past the topics): what a search by topic needs of
 * each section, without the names after them. */
static pn_status head_topics(const pn__view *v, const unsigned char *rec,
                             pn__head *head, unsigned *shape, uint32_t *at)
{
    pn_status st = head_index(v, rec, head, shape);

    if (st != PN_OK)
        return st;
    *at = head->body;
    if ((st = leb_at(v, at, &head->topics)) != PN_OK)
        return st;
    return head->topics < PN_TOPIC_BIT(PN_TOPIC_COUNT) ? PN_OK
                                                        : PN_ERR_FORMAT;
}

/* An optional name of a head: its pool offset, if `present`. */
static pn_status head_name(const pn__view *v, int present, uint32_t *pos,
                           uint32_t *name)
{
    *name = 0;
    return present ? leb_at(v, pos, name) : PN_OK;
}

pn_status pn__read_section_head(const pn__view *v, const unsigned char *rec,
                                pn__head *head)
{
    unsigned shape;
    uint32_t at;
    pn_status st = head_topics(v, rec, head, &shape, &at);

    if (st != PN_OK ||
        (st = head_name(v, head->level > 0, &at, &head->id)) != PN_OK ||
        (st = head_name(v, (shape & PN_HEAD_HAS_NUMBER) != 0, &at,
                        &head->number)) != PN_OK)
        return st;
    /* The preamble has no title: offset 0 is the empty text. */
    head->title = head->level > 0 ? at : 0;
    return PN_OK;
}

static pn_status section_fill(const pn__view *v, uint32_t record,
                              uint32_t index, pn_section *out)
{
    const unsigned char *rec = pn__read_section(v, record);
    const char *id, *number;
    pn__head head;
    pn_status st;

    if (!rec)
        return PN_ERR_FORMAT;
    if ((st = pn__read_section_head(v, rec, &head)) != PN_OK ||
        (st = pn__read_name_at(v, head.id, &id)) != PN_OK ||
        (st = pn__read_name_at(v, head.number, &number)) != PN_OK)
        return st;
    pn__read_ref(&out->internal, v, record);
    out->index = index;
    out->level = head.level;
    out->id = id;
    out->number = number;
    out->topics = pn__read_topics(head.topics);
    out->block_count = head.block_count;
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
        pn__head head;
        st = pn__read_section_head(&v, pn__read_section(&v, first + i),
                                   &head);
        if (st == PN_OK)
            st = pn__read_name_at(&v, head.id, &sid);
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
    uint32_t first, count, i, want;
    pn_status st;

    if (!out)
        return PN_ERR_ARG;
    st = notice_sections(&v, notice, &first, &count);
    if (st != PN_OK)
        return st;
    if ((unsigned)topic >= (unsigned)PN_TOPIC_COUNT)
        return PN_ERR_NOT_FOUND;
    want = stored_topic_bit(topic);
    for (i = from; i < count; i++) {
        pn__head head;
        unsigned shape;
        uint32_t at;
        st = head_topics(&v, pn__read_section(&v, first + i), &head, &shape,
                         &at);
        if (st != PN_OK)
            return st;
        if (head.topics & want)
            return section_fill(&v, first + i, i, out);
    }
    return PN_ERR_NOT_FOUND;
}

pn_status pn__read_section_title(const pn_section *sec, pn__text *title)
{
    pn__view v;
    const unsigned char *rec;
    pn__head head;
    pn_status st = pn__read_section_of(&v, sec, &rec);

    if (st == PN_OK)
        st = pn__read_section_head(&v, rec, &head);
    if (st != PN_OK)
        return st;
    return pn__read_text_at(&v, head.title, title);
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

/* Reads the block at pool offset `pos` of the section of `head`. */
static pn_status block_fields(const pn__view *v, const pn__head *head,
                              uint32_t pos, unsigned *kind, unsigned *level,
                              uint32_t *number, pn__text *text)
{
    pn_status st;

    *level = 0;
    *number = 0;
    if (head->paragraphs) {
        *kind = PN_BLOCK_PARAGRAPH;
        return pn__read_text_at(v, pos, text);
    }
    if (pos >= v->pool_size)
        return PN_ERR_FORMAT;
    *kind = v->pool[pos] & PN_BLOCK_KIND_MASK;
    *level = PN_BLOCK_KIND_LEVEL(v->pool[pos++]);
    if (!PN_BLOCK_IS_STORED(*kind) ||
        (*level != 0 && !PN_BLOCK_HAS_LEVEL(*kind)))
        return PN_ERR_FORMAT;
    if (PN_BLOCK_HAS_LEVEL(*kind)) {
        if (*level == 0) {      /* a column byte follows */
            if (pos >= v->pool_size)
                return PN_ERR_FORMAT;
            *level = v->pool[pos++];
        }
        if (*level < 1 || *level > PN_BLOCK_MAX_LEVEL(*kind))
            return PN_ERR_FORMAT;
    }
    if (PN_BLOCK_HAS_NUMBER(*kind)) {
        st = pn__read_leb128_at(v, &pos, number);
        if (st != PN_OK)
            return st;
        if (*number > PN_MAX_ITEM_NUMBER)
            return PN_ERR_FORMAT;
    }
    return pn__read_text_at(v, pos, text);
}

/* The pool offset where block `index` (< block_count) of the section of
 * `head` starts, read from its block index (runtime/pn_format.h): the one
 * place that knows how a block is found. PN_ERR_FORMAT for an entry that
 * points outside the pool. */
static pn_status block_pos(const pn__view *v, const pn__head *head,
                           uint32_t index, uint32_t *pos)
{
    const unsigned char *e =
        v->pool + head->index + index * head->bits / 8u;
    uint32_t off = head->bits == 8u    ? e[0]
                   : head->bits == 16u ? pn__read_u16(e)
                   : head->bits == 32u ? pn__read_u32(e)
                   : index % 2u == 0u
                       ? (uint32_t)e[0] | (uint32_t)(e[1] & 0x0Fu) << 8
                       : (uint32_t)e[0] >> 4 | (uint32_t)e[1] << 4;

    if (off >= v->pool_size - head->body)
        return PN_ERR_FORMAT;
    *pos = head->body + off;
    return PN_OK;
}

/* Block `index`, checked, found through the block index. */
static pn_status block_at(const pn__view *v, const pn__head *head,
                          uint32_t index, unsigned *kind, unsigned *level,
                          uint32_t *number, pn__text *text)
{
    uint32_t pos;
    pn_status st = block_pos(v, head, index, &pos);

    if (st != PN_OK)
        return st;
    return block_fields(v, head, pos, kind, level, number, text);
}

/* The heading of column `column` of the table whose cell is block
 * `index`: its table's headings stand before its first cell, so the walk
 * goes back over the cells before this one, then over the headings, and
 * stops at the first block of neither kind. An empty text if there is
 * none. The cost grows with the cells of the table before this one. */
static pn_status table_head_of(const pn__view *v, const pn__head *sec_head,
                               uint32_t index, unsigned column,
                               pn__text *head)
{
    int in_heads = 0;
    pn_status st;

    head->bytes = "";
    head->len = head->size = 0;
    head->code = NULL;
    while (index-- > 0) {
        unsigned k, l;
        uint32_t n;
        pn__text t;
        if ((st = block_at(v, sec_head, index, &k, &l, &n, &t)) != PN_OK)
            return st;
        if (k == PN_BLOCK_TABLE_HEAD) {
            in_heads = 1;
            if (l == column) {
                *head = t;
                return PN_OK;
            }
        } else if (k != PN_BLOCK_TABLE_CELL || in_heads) {
            return PN_OK;
        }
    }
    return PN_OK;
}

/* Block `index` of a section's stream, with the view and the head of
 * its section, which the walk back to its table heading needs. */
static pn_status read_block(const pn_section *sec, uint32_t index,
                            pn__view *v, pn__head *head, unsigned *kind,
                            unsigned *level, uint32_t *number,
                            pn__text *text)
{
    const unsigned char *rec;
    unsigned shape;
    pn_status st = pn__read_section_of(v, sec, &rec);

    if (st == PN_OK)
        st = head_index(v, rec, head, &shape);
    if (st != PN_OK)
        return st;
    if (index >= head->block_count)
        return PN_ERR_RANGE;
    return block_at(v, head, index, kind, level, number, text);
}

pn_status pn__read_block(const pn_section *sec, uint32_t index,
                         unsigned *kind, unsigned *level, uint32_t *number,
                         pn__text *text)
{
    pn__view v;
    pn__head head;

    return read_block(sec, index, &v, &head, kind, level, number, text);
}

pn_status pn__read_table_head(const pn_section *sec, uint32_t index,
                              pn__text *head)
{
    pn__view v;
    pn__head sec_head;
    pn__text text;
    unsigned kind, level;
    uint32_t number;
    pn_status st = read_block(sec, index, &v, &sec_head, &kind, &level,
                              &number, &text);

    if (st != PN_OK)
        return st;
    /* A block that is no cell walks back over nothing: no heading. */
    return table_head_of(&v, &sec_head,
                         kind == PN_BLOCK_TABLE_CELL ? index : 0u, level,
                         head);
}

pn_status pn_block_read(const pn_section *sec, uint32_t index,
                        pn_block_kind *kind, char *buf, size_t size,
                        size_t *len)
{
    pn__view v;
    pn__head head;
    pn__text text;
    unsigned k, level;
    uint32_t number;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK ||
        (st = read_block(sec, index, &v, &head, &k, &level, &number,
                         &text)) != PN_OK)
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
