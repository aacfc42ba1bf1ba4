/* pn_catalog.c: opening a catalog and finding its notices. */
#include "pn_crc32.h"
#include "pn_read.h"

pn_status pn_open(pn_catalog *cat, const void *data, size_t size)
{
    pn__view v;
    pn_status st;

    if (!cat)
        return PN_ERR_ARG;
    cat->data = NULL;
    cat->size = 0;
    cat->notice_count = 0;
    cat->catalog_version = 0;
    if (!data || size == 0)
        return PN_ERR_ARG;
    if ((size_t)(uint32_t)size != size)
        return PN_ERR_SIZE;
    st = pn__read_header(&v, (const unsigned char *)data, (uint32_t)size);
    /* Tables that do not hold together: damaged bytes, if the CRC says
     * so (as it does for any changed byte but the crc field's). */
    if (st == PN_ERR_FORMAT && size >= PN_HEADER_SIZE &&
        pn__crc32_catalog((const unsigned char *)data, (uint32_t)size) !=
            PN__HDR_U32((const unsigned char *)data, crc))
        return PN_ERR_CRC;
    if (st != PN_OK)
        return st;
    cat->data = v.data;
    cat->size = v.size;
    cat->notice_count = v.notice_count;
    cat->catalog_version = PN__HDR_U32(v.data, catalog_version);
    return PN_OK;
}

pn_status pn_catalog_size(const void *data, size_t available, uint32_t *size)
{
    const unsigned char *p = (const unsigned char *)data;
    uint32_t avail, stated;
    pn_status st;

    if (!size)
        return PN_ERR_ARG;
    *size = 0;
    if (!data || available == 0)
        return PN_ERR_ARG;
    avail = (size_t)(uint32_t)available == available ? (uint32_t)available
                                                     : 0xFFFFFFFFu;
    if ((st = pn__read_head(p, avail)) != PN_OK)
        return st;
    stated = PN__HDR_U32(p, size);
    if (stated < PN_HEADER_SIZE)
        return PN_ERR_SIZE;
    *size = stated;
    return stated > avail ? PN_ERR_SIZE : PN_OK;
}

pn_status pn_verify(const pn_catalog *cat)
{
    pn__view v;
    /* The handle's size is read only once the catalog's own header agrees
     * with it. */
    pn_status st = pn__read_view(&v, cat);

    if (st != PN_OK)
        return st;
    if (pn__crc32_catalog(v.data, v.size) != PN__HDR_U32(v.data, crc))
        return PN_ERR_CRC;
    return PN_OK;
}

static pn_status notice_fill(const pn__view *v, uint32_t index,
                             pn_notice *out)
{
    const unsigned char *rec = pn__read_notice(v, index);
    const char *policy, *lang, *updated;
    uint32_t first, count, at, waived;
    pn_status st;

    if (!rec)
        return PN_ERR_FORMAT;
    if ((st = pn__read_field_name(v, rec, PN_NOTICE_AT(policy, PN_OFFSET_SIZE),
                                  &policy)) != PN_OK ||
        (st = pn__read_field_name(v, rec, PN_NOTICE_AT(lang, PN_OFFSET_SIZE),
                                  &lang)) != PN_OK ||
        (st = pn__read_notice_facts(v, rec, PN_FACTS_WAIVED, &waived)) !=
            PN_OK ||
        (st = pn__read_notice_facts(v, rec, PN_FACTS_UPDATED, &at)) !=
            PN_OK ||
        (st = pn__read_name_at(v, at, &updated)) != PN_OK ||
        (st = pn__read_notice_sections(v, rec, &first, &count)) != PN_OK)
        return st;
    pn__read_ref(&out->internal, v, index);
    out->index = index;
    out->policy = policy;
    out->lang = lang;
    out->updated = updated;
    out->section_count = count;
    out->waived = waived;
    return PN_OK;
}

pn_status pn_notice_at(const pn_catalog *cat, uint32_t index, pn_notice *out)
{
    pn__view v;
    pn_status st;

    if (!out)
        return PN_ERR_ARG;
    st = pn__read_view(&v, cat);
    if (st != PN_OK)
        return st;
    if (index >= v.notice_count)
        return PN_ERR_RANGE;
    return notice_fill(&v, index, out);
}

/* The notices of `policy`: consecutive, since the table is sorted. */
static pn_status policy_run(const pn__view *v, const char *policy,
                            uint32_t *first, uint32_t *count)
{
    size_t n = pn__read_strlen(policy);
    const char *id;
    uint32_t i;
    pn_status st;

    *first = 0;
    *count = 0;
    for (i = 0; i < v->notice_count; i++) {
        st = pn__read_field_name(v, pn__read_notice(v, i),
                                 PN_NOTICE_AT(policy, PN_OFFSET_SIZE), &id);
        if (st != PN_OK)
            return st;
        if (pn__read_name_is(id, policy, n)) {
            if (*count == 0)
                *first = i;
            (*count)++;
        } else if (*count > 0) {
            break;
        }
    }
    return *count > 0 ? PN_OK : PN_ERR_NOT_FOUND;
}

/* The notice in the run whose language is the `n` bytes at `lang`. */
static pn_status lang_in_run(const pn__view *v, uint32_t first,
                             uint32_t count, const char *lang, size_t n,
                             uint32_t *index)
{
    const char *tag;
    uint32_t i;
    pn_status st;

    *index = first;
    for (i = first; i < first + count; i++) {
        st = pn__read_field_name(v, pn__read_notice(v, i),
                                 PN_NOTICE_AT(lang, PN_OFFSET_SIZE), &tag);
        if (st != PN_OK)
            return st;
        if (pn__read_name_is(tag, lang, n)) {
            *index = i;
            return PN_OK;
        }
    }
    return PN_ERR_NOT_FOUND;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Takes the next entry of a comma-separated list, without the blanks around
 * it; returns where the list goes on. */
static const char *next_entry(const char *p, const char **entry, size_t *n)
{
    const char *end;

    while (is_blank(*p))
        p++;
    for (end = p; *end != '\0' && *end != ','; end++)
        ;
    *entry = p;
    *n = (size_t)(end - p);
    while (*n > 0 && is_blank(p[*n - 1]))
        (*n)--;
    return *end == ',' ? end + 1 : end;
}

/* The primary subtag of a tag: "nb" of "nb-NO" or "nb_NO". */
static size_t primary_length(const char *entry, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (entry[i] == '-' || entry[i] == '_')
            return i;
    return n;
}

/* The languages the catalog says serve a reader of the `n` bytes at
 * `entry` (its language record's fallbacks), tried in order. */
static pn_status fallback_in_run(const pn__view *v, uint32_t first,
                                 uint32_t count, const char *entry, size_t n,
                                 uint32_t *index)
{
    const unsigned char *lang = pn__read_language(v, entry, n);
    const char *list, *tag;
    size_t tag_len;
    pn_status st;

    if (!lang)
        return PN_ERR_NOT_FOUND;
    st = pn__read_field_name(v, lang,
                             PN_LANGUAGE_AT(fallbacks, PN_OFFSET_SIZE), &list);
    if (st != PN_OK)
        return st;
    while (*list != '\0') {
        list = next_entry(list, &tag, &tag_len);
        st = lang_in_run(v, first, count, tag, tag_len, index);
        if (st != PN_ERR_NOT_FOUND)
            return st;
    }
    return PN_ERR_NOT_FOUND;
}

/* The notice of the run a reader of the preference list `langs` gets:
 * a pass over the list for exact tags, then one for the languages that
 * stand in for them (fallback_in_run()); "*" takes the first language,
 * and so does a list with no entry. */
static pn_status pick(const pn__view *v, uint32_t first, uint32_t count,
                      const char *langs, uint32_t *index)
{
    const char *p, *entry;
    size_t n;
    int fallback, any = 0;
    pn_status st;

    *index = first;
    for (fallback = 0; fallback < 2; fallback++) {
        for (p = langs; *p != '\0';) {
            p = next_entry(p, &entry, &n);
            if (n == 0)
                continue;
            any = 1;
            if (n == 1 && entry[0] == '*') {
                *index = first;
                return PN_OK;
            }
            n = primary_length(entry, n);
            st = fallback ? fallback_in_run(v, first, count, entry, n, index)
                          : lang_in_run(v, first, count, entry, n, index);
            if (st != PN_ERR_NOT_FOUND)
                return st;
        }
    }
    return any ? PN_ERR_NOT_FOUND : PN_OK;
}

pn_status pn_find(const pn_catalog *cat, const char *policy,
                  const char *langs, pn_notice *out)
{
    pn__view v;
    uint32_t first, count, index;
    pn_status st;

    if (!policy || !out)
        return PN_ERR_ARG;
    if ((st = pn__read_view(&v, cat)) != PN_OK ||
        (st = policy_run(&v, policy, &first, &count)) != PN_OK ||
        (st = pick(&v, first, count, langs ? langs : "", &index)) != PN_OK)
        return st;
    return notice_fill(&v, index, out);
}

pn_status pn_langs(const pn_catalog *cat, const char *policy,
                   char *buf, size_t size, size_t *len)
{
    pn__view v;
    uint32_t first, count, i;
    const char *tag;
    size_t pos = 0;
    int cut = 0;
    pn_status st;

    st = pn__read_out_begin(buf, size, len);
    if (st != PN_OK)
        return st;
    if (!policy)
        return PN_ERR_ARG;
    if ((st = pn__read_view(&v, cat)) != PN_OK ||
        (st = policy_run(&v, policy, &first, &count)) != PN_OK)
        return st;
    for (i = first; i < first + count && !cut; i++) {
        st = pn__read_field_name(&v, pn__read_notice(&v, i),
                                 PN_NOTICE_AT(lang, PN_OFFSET_SIZE), &tag);
        if (st != PN_OK) {
            buf[0] = '\0';
            return st;
        }
        if (i > first)
            pos += pn__read_put(buf + pos, size - pos, ",", 1, &cut);
        if (!cut)
            pos += pn__read_put(buf + pos, size - pos, tag,
                               pn__read_strlen(tag), &cut);
    }
    if (len)
        *len = pos;
    return cut ? PN_TRUNCATED : PN_OK;
}
