/* pn_contact.c: the contact details of the controller and of the other
 * parties a notice names: its data protection officer, its representative,
 * joint controllers. The controller's first details are the notice's
 * facts record; everything else is a contact record (pn_format.h). */
#include "pn_read.h"

/* pn_contact is PN_FACT_COUNT string pointers and nothing else, in
 * PN_FACTS order: fact `i` is its pointer `i`. */
#define CONTACT_MEMBER_AT(id, member, key)                                   \
    PN_STATIC_ASSERT(offsetof(pn_contact, member) ==                         \
                         PN_FACT_##id * sizeof(const char *),                \
                     member_##member##_in_fact_order);
PN_FACTS(CONTACT_MEMBER_AT)
PN_STATIC_ASSERT(sizeof(pn_contact) == PN_FACT_COUNT * sizeof(const char *),
                 contact_has_one_member_per_fact);
PN_STATIC_ASSERT(PN_ROLE_COUNT <= 255, role_fits_a_byte);

static const char **contact_slot(pn_contact *out, unsigned fact)
{
    return (const char **)(void *)((char *)out +
                                   fact * sizeof(const char *));
}

static void contact_clear(pn_contact *out, const char *empty)
{
    unsigned i;

    for (i = 0; i < PN_FACT_COUNT; i++)
        *contact_slot(out, i) = empty;
}

/* A notice's record and its contact records. */
typedef struct contacts {
    const pn__view *view;
    const unsigned char *notice;
    uint32_t first;
    uint32_t count;
} contacts;

static pn_status contacts_of(contacts *c, const pn__view *v,
                             const unsigned char *notice)
{
    c->view = v;
    c->notice = notice;
    return pn__read_notice_contacts(v, notice, &c->first, &c->count);
}

static pn_status contacts_open(contacts *c, pn__view *v,
                               const pn_notice *notice)
{
    const unsigned char *rec;
    pn_status st = pn__read_notice_of(v, notice, &rec);

    if (st != PN_OK)
        return st;
    return contacts_of(c, v, rec);
}

/* Whether contact record `i` of the notice is `fact` of party `party` of
 * `role`; PN_ERR_FORMAT for a record the format does not allow. */
static pn_status record_is(const contacts *c, uint32_t i, unsigned role,
                           unsigned party, unsigned fact, int *match)
{
    const unsigned char *rec = PN__CONTACT(c->view, c->first + i);
    unsigned r = rec[PN_CONTACT_AT(role, 1)];
    unsigned p = rec[PN_CONTACT_AT(party, 1)];
    unsigned f = rec[PN_CONTACT_AT(fact, 1)];

    if (r >= PN_ROLE_COUNT || f >= PN_FACT_COUNT || f == PN_FACT_AUTHORITY ||
        (r == PN_ROLE_CONTROLLER &&
         (p != 0 || (f != PN_FACT_EMAIL && f != PN_FACT_PHONE))) ||
        (r == PN_ROLE_DPO && f == PN_FACT_ORGNO))
        return PN_ERR_FORMAT;
    *match = r == role && p == party && (f == fact || fact == PN_FACT_COUNT);
    return PN_OK;
}

/* The controller's first value of `fact` (< PN_FACT_COUNT), from the
 * notice's facts record, or `*found` 0, as party_fact() reads it;
 * `role`, `party` and `nth` are not read (the controller is party 0, and
 * this is its value 0), so it has party_fact()'s signature for
 * contact_copy(). */
static pn_status controller_fact(const contacts *c, unsigned role,
                                 unsigned party, unsigned fact, unsigned nth,
                                 pn__text *text, int *found)
{
    pn_status st = pn__read_notice_fact(c->view, c->notice, fact, text);

    (void)role;
    (void)party;
    (void)nth;
    *found = st == PN_OK && text->len > 0;
    return st;
}

/* Value `nth` (from 0) of `fact` of the party among the notice's
 * contact records; `fact` PN_FACT_COUNT asks whether the party has any
 * record. Sets `*found` and `text` only when it finds the value. */
static pn_status record_fact(const contacts *c, unsigned role,
                             unsigned party, unsigned fact, unsigned nth,
                             pn__text *text, int *found)
{
    uint32_t i;
    int match;
    pn_status st;

    for (i = 0; i < c->count; i++) {
        if ((st = record_is(c, i, role, party, fact, &match)) != PN_OK)
            return st;
        if (match && nth-- == 0) {
            *found = 1;
            if (fact == PN_FACT_COUNT)
                return PN_OK;
            return pn__read_field_text(
                c->view, PN__CONTACT(c->view, c->first + i),
                PN_CONTACT_AT(value, PN_OFFSET_SIZE), text);
        }
    }
    return PN_OK;
}

/* Value `nth` (from 0) of `fact` of the party, or `*found` 0; `fact`
 * PN_FACT_COUNT asks whether the party has any record. The controller's
 * first values are the notice's facts record's. */
static pn_status party_fact(const contacts *c, unsigned role, unsigned party,
                            unsigned fact, unsigned nth, pn__text *text,
                            int *found)
{
    pn_status st;

    *found = 0;
    pn__text_plain(text, "", 0);
    if (role == PN_ROLE_CONTROLLER && fact < PN_FACT_COUNT) {
        st = pn__read_notice_fact(c->view, c->notice, fact, text);
        if (st != PN_OK || text->len == 0 || nth == 0) {
            *found = st == PN_OK && text->len > 0;
            return st;
        }
        nth--;
    }
    return record_fact(c, role, party, fact, nth, text, found);
}

/* Whether the notice names party `party` of `role`. */
static pn_status party_exists(const contacts *c, unsigned role,
                              unsigned party)
{
    pn__text none;
    int found;
    pn_status st;

    if (role == PN_ROLE_CONTROLLER)
        return party == 0 ? PN_OK : PN_ERR_NOT_FOUND;
    st = party_fact(c, role, party, PN_FACT_COUNT, 0, &none, &found);
    if (st != PN_OK)
        return st;
    return found ? PN_OK : PN_ERR_NOT_FOUND;
}

/* How contact_copy() reads a party's fact: party_fact(), or
 * controller_fact() where only the controller is asked for. */
typedef pn_status fact_reader(const contacts *c, unsigned role,
                              unsigned party, unsigned fact, unsigned nth,
                              pn__text *text, int *found);

/* Copies the party's first value of each fact, as `read` gives it, one
 * after another; when the buffer is full, the rest point at its last
 * byte, the NUL that ends the fact before them. PN_ERR_NOT_FOUND when
 * the notice does not name the party. */
static pn_status contact_copy(const contacts *c, unsigned role,
                              unsigned party, char *buf, size_t size,
                              pn_contact *out, fact_reader *read)
{
    pn__text text;
    size_t pos = 0, n;
    unsigned i;
    int cut = 0, found, named = 0;
    pn_status st;

    /* The controller is party 0 only; another role's party is named by
     * its records, each of them a fact. */
    if (role == PN_ROLE_CONTROLLER && party != 0)
        return PN_ERR_NOT_FOUND;
    for (i = 0; i < PN_FACT_COUNT; i++) {
        const char **fact = contact_slot(out, i);

        st = read(c, role, party, i, 0, &text, &found);
        if (st != PN_OK)
            return st;
        named |= found;
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
    if (!named && role != PN_ROLE_CONTROLLER)
        return PN_ERR_NOT_FOUND;
    return cut ? PN_TRUNCATED : PN_OK;
}

pn_status pn__read_party_fact(const pn__view *v, const unsigned char *notice,
                              unsigned role, unsigned party, unsigned fact,
                              pn__text *text, int *found)
{
    contacts c;
    pn_status st = contacts_of(&c, v, notice);

    *found = 0;
    pn__text_plain(text, "", 0);
    if (st != PN_OK)
        return st;
    return record_fact(&c, role, party, fact, 0, text, found);
}

/* pn_contact_read(), each fact read by `read`. */
static pn_status contact_read(const pn_notice *notice, pn_role role,
                              unsigned index, char *buf, size_t size,
                              pn_contact *out, fact_reader *read)
{
    pn__view v;
    contacts c;
    pn_status st = PN_ERR_ARG;

    if (!buf || size == 0 || !out)
        return PN_ERR_ARG;
    if ((unsigned)role < PN_ROLE_COUNT &&
        (st = contacts_open(&c, &v, notice)) == PN_OK)
        st = contact_copy(&c, role, index, buf, size, out, read);
    if (st < 0) {
        buf[0] = '\0';
        contact_clear(out, buf);
    }
    return st;
}

pn_status pn_contact_read(const pn_notice *notice, pn_role role,
                          unsigned index, char *buf, size_t size,
                          pn_contact *out)
{
    return contact_read(notice, role, index, buf, size, out, party_fact);
}

/* The controller's own facts only: a firmware that shows no other party
 * links no walk of the contact records. */
pn_status pn_notice_contact(const pn_notice *notice, char *buf, size_t size,
                            pn_contact *out)
{
    return contact_read(notice, PN_ROLE_CONTROLLER, 0, buf, size, out,
                        controller_fact);
}

pn_status pn_contact_detail(const pn_notice *notice, pn_role role,
                            unsigned index, pn_detail detail, unsigned n,
                            char *buf, size_t size, size_t *len)
{
    pn__view v;
    contacts c;
    pn__text text;
    int found;
    pn_status st;

    if ((st = pn__read_out_begin(buf, size, len)) != PN_OK)
        return st;
    if ((unsigned)role >= PN_ROLE_COUNT ||
        (detail != PN_DETAIL_EMAIL && detail != PN_DETAIL_PHONE))
        return PN_ERR_ARG;
    if ((st = contacts_open(&c, &v, notice)) != PN_OK ||
        (st = party_exists(&c, role, index)) != PN_OK ||
        (st = party_fact(&c, role, index,
                         detail == PN_DETAIL_EMAIL ? PN_FACT_EMAIL
                                                   : PN_FACT_PHONE,
                         n, &text, &found)) != PN_OK)
        return st;
    if (!found)
        return PN_ERR_NOT_FOUND;
    return pn__read_copy(text, buf, size, len);
}
