/* json.c: pnc --json (see json.h). */
#include "json.h"

#include <string.h>

#include "check_art13.h"
#include "json_escape.h"

#define JSON_FORMAT_VERSION 1

void json_put_string(buf *out, const char *s)
{
    if (s)
        json_escape(out, s, strlen(s));
    else
        buf_printf(out, "null");
}

const char *json_block_kind_name(pn_block_kind kind)
{
    switch (kind) {
    case PN_BLOCK_PARAGRAPH: return "paragraph";
    case PN_BLOCK_LIST_ITEM: return "list_item";
    case PN_BLOCK_NUMBERED_ITEM: return "numbered_item";
    case PN_BLOCK_TABLE_HEAD: return "table_heading";
    case PN_BLOCK_TABLE_CELL: return "table_cell";
    default: return "other";
    }
}

static void indent(buf *out, unsigned depth)
{
    buf_printf(out, "\n%*s", (int)(2 * depth), "");
}

/* `"key": ` at `depth`, after a comma unless it is the first member. */
static void key(buf *out, unsigned depth, int *first, const char *name)
{
    buf_printf(out, "%s", *first ? "" : ",");
    *first = 0;
    indent(out, depth);
    json_put_string(out, name);
    buf_printf(out, ": ");
}

static void put_topics(buf *out, uint32_t bits)
{
    unsigned t;
    int first = 1;

    buf_byte(out, '[');
    for (t = 0; t < PN_TOPIC_COUNT; t++) {
        if (!(bits & PN_TOPIC_BIT(t)))
            continue;
        buf_printf(out, "%s", first ? "" : ", ");
        json_put_string(out, pn_topic_name((pn_topic)t));
        first = 0;
    }
    buf_byte(out, ']');
}

/* The facts by their header key; absent facts are left out. */
static void put_contact(buf *out, const mnotice *n, unsigned depth)
{
    int first = 1;
    unsigned f;

    buf_byte(out, '{');
    for (f = 0; f < FACT_COUNT; f++) {
        if (!n->facts[f].s)
            continue;
        key(out, depth + 1, &first, fact_key_names[f]);
        json_put_string(out, n->facts[f].s);
    }
    if (!first)
        indent(out, depth);
    buf_byte(out, '}');
}

static const char *const role_names[PN_ROLE_COUNT] = {
    "controller", "dpo", "representative", "joint",
};

/* The first value of a party's fact, or NULL. */
static const char *party_fact(const mnotice *n, pn_role role,
                              unsigned party, fact_key fact)
{
    const mstr *v = notice_contact_value(n, role, party, fact, 0);
    return v ? v->s : NULL;
}

/* One party: its role, then its facts by the suffix of their key, every
 * e-mail address and phone number in an array. */
static void put_party(buf *out, const mnotice *n, pn_role role,
                      unsigned party, unsigned depth)
{
    int first = 1;
    unsigned f;

    buf_byte(out, '{');
    key(out, depth + 1, &first, "role");
    json_put_string(out, role_names[role]);
    for (f = 0; f < FACT_COUNT; f++) {
        const mstr *v;
        size_t nth;
        if (f == FACT_AUTHORITY ||
            !(v = notice_contact_value(n, role, party, (fact_key)f, 0)))
            continue;
        key(out, depth + 1, &first,
            f == FACT_CONTROLLER ? "name" : fact_key_names[f]);
        if (f != FACT_EMAIL && f != FACT_PHONE) {
            json_put_string(out, v->s);
            continue;
        }
        buf_byte(out, '[');
        for (nth = 0; v; v = notice_contact_value(n, role, party,
                                                  (fact_key)f, ++nth)) {
            buf_printf(out, "%s", nth ? ", " : "");
            json_put_string(out, v->s);
        }
        buf_byte(out, ']');
    }
    indent(out, depth);
    buf_byte(out, '}');
}

/* Every party, the controller first, as pn_contact_read() reads them. */
static void put_parties(buf *out, const mnotice *n, unsigned depth)
{
    unsigned role, party;
    size_t count = 0;

    buf_byte(out, '[');
    for (role = 0; role < PN_ROLE_COUNT; role++) {
        unsigned parties = notice_party_count(n, (pn_role)role);
        for (party = 0; party < parties; party++) {
            buf_printf(out, "%s", count++ ? "," : "");
            indent(out, depth + 1);
            put_party(out, n, (pn_role)role, party, depth + 1);
        }
    }
    indent(out, depth);
    buf_byte(out, ']');
}

/* TILT's "controller" or "dataProtectionOfficer" object, from the facts
 * that correspond: name, address (street, postcode and city joined as
 * one line), email, phone. */
static void put_tilt_party(buf *out, const mnotice *n, pn_role role,
                           unsigned depth)
{
    const char *street = party_fact(n, role, 0, FACT_ADDRESS);
    const char *postcode = party_fact(n, role, 0, FACT_POSTCODE);
    const char *city = party_fact(n, role, 0, FACT_CITY);
    const char *name = party_fact(n, role, 0, FACT_CONTROLLER);
    const char *email = party_fact(n, role, 0, FACT_EMAIL);
    const char *phone = party_fact(n, role, 0, FACT_PHONE);
    int first = 1;

    buf_byte(out, '{');
    if (name) {
        key(out, depth + 1, &first, "name");
        json_put_string(out, name);
    }
    if (street || postcode || city) {
        buf address = {0};
        if (street)
            buf_printf(&address, "%s", street);
        if (postcode || city)
            buf_printf(&address, "%s%s%s%s", street ? ", " : "",
                       postcode ? postcode : "",
                       postcode && city ? " " : "", city ? city : "");
        buf_byte(&address, 0);
        key(out, depth + 1, &first, "address");
        json_put_string(out, (const char *)address.data);
        buf_free(&address);
    }
    if (email) {
        key(out, depth + 1, &first, "email");
        json_put_string(out, email);
    }
    if (phone) {
        key(out, depth + 1, &first, "phone");
        json_put_string(out, phone);
    }
    indent(out, depth);
    buf_byte(out, '}');
}

/* An entry of an array of two-member objects, one per line:
 * {"K1": "V1", "K2": "V2"}, after a comma unless it is the first. */
static void put_pair(buf *out, unsigned depth, size_t i, const char *k1,
                     const char *v1, const char *k2, const char *v2)
{
    buf_printf(out, "%s", i ? "," : "");
    indent(out, depth);
    buf_printf(out, "{\"%s\": ", k1);
    json_put_string(out, v1);
    buf_printf(out, ", \"%s\": ", k2);
    json_put_string(out, v2);
    buf_byte(out, '}');
}

/* Ends an array of `count` entries opened at `depth`. */
static void end_array(buf *out, size_t count, unsigned depth)
{
    if (count)
        indent(out, depth);
    buf_byte(out, ']');
}

static void put_blocks(buf *out, const msection *s, unsigned depth)
{
    size_t i;

    buf_byte(out, '[');
    for (i = 0; i < s->block_count; i++) {
        const mblock *b = &s->blocks[i];

        buf_printf(out, "%s", i ? "," : "");
        indent(out, depth + 1);
        buf_printf(out, "{\"kind\": ");
        json_put_string(out, json_block_kind_name(b->kind));
        switch (b->kind) {
        case PN_BLOCK_NUMBERED_ITEM:
            buf_printf(out, ", \"number\": %lu", (unsigned long)b->number);
            /* fall through */
        case PN_BLOCK_LIST_ITEM:
            buf_printf(out, ", \"level\": %u", b->level);
            break;
        case PN_BLOCK_TABLE_HEAD:
        case PN_BLOCK_TABLE_CELL:
            buf_printf(out, ", \"column\": %u", b->level);
            break;
        default:
            break;
        }
        buf_printf(out, ", \"text\": ");
        json_put_string(out, b->text.s ? b->text.s : "");
        buf_byte(out, '}');
    }
    end_array(out, s->block_count, depth);
}

static void put_section(buf *out, const msection *s, unsigned depth)
{
    int first = 1;

    buf_byte(out, '{');
    key(out, depth + 1, &first, "id");
    json_put_string(out, s->id.s ? s->id.s : "");
    key(out, depth + 1, &first, "number");
    json_put_string(out, s->number.s ? s->number.s : "");
    key(out, depth + 1, &first, "level");
    buf_printf(out, "%u", s->level);
    key(out, depth + 1, &first, "title");
    json_put_string(out, s->title.s ? s->title.s : "");
    key(out, depth + 1, &first, "topics");
    put_topics(out, s->topics);
    key(out, depth + 1, &first, "blocks");
    put_blocks(out, s, depth + 1);
    indent(out, depth);
    buf_byte(out, '}');
}

static const char *status_name(art13_status status)
{
    switch (status) {
    case ART13_COVERED: return "covered";
    case ART13_BY_HEADER: return "covered";
    case ART13_WAIVED: return "waived";
    default: return "missing";
    }
}

/* One entry per Art. 13 item, as pnc --report shows it. */
static void put_coverage(buf *out, const mnotice *n, unsigned depth)
{
    size_t i, j;

    buf_byte(out, '[');
    for (i = 0; i < ART13_ITEM_COUNT; i++) {
        const art13_item *item = &art13_items[i];
        const mwaiver *w;
        art13_status status = art13_status_of(n, item, &w);
        int first = 1, any = 0;

        buf_printf(out, "%s", i ? "," : "");
        indent(out, depth + 1);
        buf_byte(out, '{');
        key(out, depth + 2, &first, "item");
        json_put_string(out, pn_topic_name(item->topic));
        key(out, depth + 2, &first, "article");
        json_put_string(out, item->article);
        key(out, depth + 2, &first, "required");
        buf_printf(out, "%s", item->always ? "true" : "false");
        key(out, depth + 2, &first, "status");
        json_put_string(out, status_name(status));
        key(out, depth + 2, &first, "sections");
        buf_byte(out, '[');
        for (j = 0; status == ART13_COVERED && j < n->section_count; j++) {
            if (!(n->sections[j].topics & PN_TOPIC_BIT(item->topic)))
                continue;
            buf_printf(out, "%s", any ? ", " : "");
            json_put_string(out, n->sections[j].id.s ? n->sections[j].id.s
                                                      : "");
            any = 1;
        }
        buf_byte(out, ']');
        if (status == ART13_BY_HEADER) {
            char fact_key[48];
            art13_header_fact(n, item->topic, fact_key, sizeof fact_key);
            key(out, depth + 2, &first, "byHeader");
            json_put_string(out, fact_key);
        }
        if (status == ART13_WAIVED) {
            key(out, depth + 2, &first, "reason");
            json_put_string(out, w->reason.s);
        }
        indent(out, depth + 1);
        buf_byte(out, '}');
    }
    end_array(out, ART13_ITEM_COUNT, depth);
}

static void put_waivers(buf *out, const mnotice *n, unsigned depth)
{
    size_t i;

    buf_byte(out, '[');
    for (i = 0; i < n->waiver_count; i++)
        put_pair(out, depth + 1, i, "topic",
                 pn_topic_name(n->waivers[i].topic),
                 "reason", n->waivers[i].reason.s);
    end_array(out, n->waiver_count, depth);
}

static void put_notice(buf *out, const mnotice *n, unsigned depth)
{
    int first = 1, meta_first = 1;
    size_t i;

    buf_byte(out, '{');
    key(out, depth + 1, &first, "policy");
    json_put_string(out, n->policy.s);
    key(out, depth + 1, &first, "lang");
    json_put_string(out, n->lang.s);
    key(out, depth + 1, &first, "title");
    json_put_string(out, n->title.s);
    key(out, depth + 1, &first, "updated");
    json_put_string(out, n->updated.s);
    /* TILT's meta: the notice's name, language, last change and URL. */
    key(out, depth + 1, &first, "meta");
    buf_byte(out, '{');
    key(out, depth + 2, &meta_first, "name");
    json_put_string(out, n->title.s);
    key(out, depth + 2, &meta_first, "language");
    json_put_string(out, n->lang.s);
    if (n->updated.s) {
        key(out, depth + 2, &meta_first, "modified");
        json_put_string(out, n->updated.s);
    }
    if (n->facts[FACT_WEB].s) {
        key(out, depth + 2, &meta_first, "url");
        json_put_string(out, n->facts[FACT_WEB].s);
    }
    indent(out, depth + 1);
    buf_byte(out, '}');
    key(out, depth + 1, &first, "contact");
    put_contact(out, n, depth + 1);
    key(out, depth + 1, &first, "parties");
    put_parties(out, n, depth + 1);
    if (n->facts[FACT_CONTROLLER].s) {
        key(out, depth + 1, &first, "controller");
        put_tilt_party(out, n, PN_ROLE_CONTROLLER, depth + 1);
    }
    if (notice_party_count(n, PN_ROLE_DPO) > 0) {
        key(out, depth + 1, &first, "dataProtectionOfficer");
        put_tilt_party(out, n, PN_ROLE_DPO, depth + 1);
    }
    if (n->facts[FACT_AUTHORITY].s) {
        key(out, depth + 1, &first, "rightToComplain");
        buf_printf(out, "{\"supervisoryAuthority\": {\"name\": ");
        json_put_string(out, n->facts[FACT_AUTHORITY].s);
        buf_printf(out, "}}");
    }
    key(out, depth + 1, &first, "sections");
    buf_byte(out, '[');
    for (i = 0; i < n->section_count; i++) {
        buf_printf(out, "%s", i ? "," : "");
        indent(out, depth + 2);
        put_section(out, &n->sections[i], depth + 2);
    }
    end_array(out, n->section_count, depth + 1);
    key(out, depth + 1, &first, "coverage");
    put_coverage(out, n, depth + 1);
    key(out, depth + 1, &first, "waivers");
    put_waivers(out, n, depth + 1);
    indent(out, depth);
    buf_byte(out, '}');
}

void json_write(buf *out, mnotice *const *notices, size_t count)
{
    size_t i;

    buf_printf(out, "{\n  \"format\": \"pnc-notices\",\n"
                    "  \"version\": %d,\n  \"generator\": \"pnc %s\",\n"
                    "  \"notices\": [",
               JSON_FORMAT_VERSION, PN_VERSION);
    for (i = 0; i < count; i++) {
        buf_printf(out, "%s", i ? "," : "");
        indent(out, 2);
        put_notice(out, notices[i], 2);
    }
    buf_printf(out, "%s]\n}\n", count ? "\n  " : "");
}
