/* pn_doc.c: a section as a document for the layout. */
#include "pn_doc.h"

static void add_piece(pn__block *b, const char *bytes, uint32_t len)
{
    if (len == 0 || b->count >= PN_DOC_PIECES)
        return;
    b->piece[b->count].bytes = bytes;
    b->piece[b->count].len = len;
    b->count++;
}

/* Block 0 of a titled section is its heading; its blocks follow. */
static pn_status section_block(const pn_section *sec, uint32_t index,
                               pn__block *out)
{
    pn__text text;
    pn_status st;
    unsigned kind;

    out->count = 0;
    if (sec->level > 0) {
        if (index == 0) {
            uint32_t number_len = (uint32_t)pn_read_strlen(sec->number);
            st = pn_read_section_title(sec, &text);
            if (st != PN_OK)
                return st;
            out->kind = PN_DOC_HEADING;
            add_piece(out, sec->number, number_len);
            if (number_len > 0 && text.len > 0)
                add_piece(out, " ", 1);
            add_piece(out, text.bytes, text.len);
            return PN_OK;
        }
        index--;
    }
    st = pn_read_block(sec, index, &kind, &text);
    if (st != PN_OK)
        return st;
    out->kind = kind;
    add_piece(out, text.bytes, text.len);
    return PN_OK;
}

pn_status pn_doc_block(const pn_cursor *cur, uint32_t section,
                       uint32_t index, pn__block *out)
{
    pn_section sec;
    pn_status st;

    if (cur->summary)
        return section == 0 ? pn_doc_summary_block(&cur->notice, index, out)
                            : PN_ERR_RANGE;
    st = pn_section_at(&cur->notice, section, &sec);
    if (st != PN_OK)
        return st;
    return section_block(&sec, index, out);
}

uint32_t pn_doc_sections(const pn_cursor *cur)
{
    return cur->summary ? 1 : cur->notice.section_count;
}
