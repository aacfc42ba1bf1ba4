#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/pn_format.h"
#include "buf.h"
#include "hint.h"
#include "inline.h"
#include "rules.h"

/* ---- Small text helpers -------------------------------------------------- */

typedef struct span {
    const unsigned char *s; /* first byte, inside the source text */
    size_t len;
} span;

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static span trim(span t)
{
    while (t.len && is_blank(t.s[0])) {
        t.s++;
        t.len--;
    }
    while (t.len && is_blank(t.s[t.len - 1]))
        t.len--;
    return t;
}

static int span_is(span t, const char *word)
{
    size_t n = strlen(word);
    return t.len == n && memcmp(t.s, word, n) == 0;
}

static int starts_with(span t, const char *prefix)
{
    size_t n = strlen(prefix);
    return t.len >= n && memcmp(t.s, prefix, n) == 0;
}

/* Appends `t` to `b`, runs of blanks folded into one space, with one space
 * before it when `b` already holds text. */
static void append_words(buf *b, span t)
{
    size_t i;
    int pending_space = b->len > 0;

    t = trim(t);
    for (i = 0; i < t.len; i++) {
        if (is_blank(t.s[i])) {
            pending_space = 1;
            continue;
        }
        if (pending_space)
            buf_byte(b, ' ');
        pending_space = 0;
        buf_byte(b, t.s[i]);
    }
}

int parse_is_valid_id(const char *s, size_t len)
{
    size_t i;

    if (len == 0 || len > PN_MAX_NAME || s[0] == '-' || s[0] == '_')
        return 0;
    for (i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_'))
            return 0;
    }
    return 1;
}

int parse_is_valid_lang(const char *s, size_t len)
{
    size_t i;

    if (len < 2 || len > 3)
        return 0;
    for (i = 0; i < len; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return 1;
}

static int topic_from_name(span t, pn_topic *out)
{
    unsigned i;
    for (i = 0; i < PN_TOPIC_COUNT; i++) {
        if (span_is(t, pn_topic_name((pn_topic)i))) {
            *out = (pn_topic)i;
            return 1;
        }
    }
    return 0;
}

static const char *topic_hint(span t)
{
    const char *names[PN_TOPIC_COUNT];
    unsigned i;
    for (i = 0; i < PN_TOPIC_COUNT; i++)
        names[i] = pn_topic_name((pn_topic)i);
    return hint_closest((const char *)t.s, t.len, names, PN_TOPIC_COUNT);
}

/* ---- Parser state ---------------------------------------------------------- */

typedef struct parser {
    const source *src;
    diag *d;
    mnotice *n;
    size_t line;            /* index of the line being read */
    msection *section;      /* section receiving blocks, NULL before any */
    int block_open;         /* a paragraph or list item is being built */
    pn_block_kind block_kind;
    size_t block_offset;    /* where the open block starts */
    buf text;               /* the open block's text so far */
    size_t *offs;           /* the source offset of each byte of text */
    size_t offs_cap;
    int hard_break;         /* the open block's last line ends in one */
    unsigned block_level;   /* the open list item's level */
    uint32_t block_number;  /* the open numbered item's number */
    unsigned list_depth;    /* levels of the list being read, 0 if none */
    size_t list_col[PN_MAX_LIST_LEVEL + 1]; /* indent of each level's marks */
    int in_quote;           /* the last line was a block quote's */
    size_t table_columns;   /* columns of the table being read, 0 if none */
    int too_many_sections;  /* already reported */
    unsigned joint_parties; /* joint-name lines read */
} parser;

static size_t offset_of(const parser *p, const unsigned char *at)
{
    return (size_t)(at - p->src->text);
}

static void error_at(parser *p, rule r, const unsigned char *at, size_t len,
                     const char *message)
{
    rule_report(p->d, r, p->src, offset_of(p, at), len, "%s", message);
}

/* Remembers that the device shows the text of `t` (for the text rules). */
static void shown(parser *p, span t)
{
    mnotice *n = p->n;

    t = trim(t);
    if (t.len == 0)
        return;
    n->shown = grow_array(n->shown, &n->shown_cap, n->shown_count + 1,
                          sizeof *n->shown);
    n->shown[n->shown_count].offset = offset_of(p, t.s);
    n->shown[n->shown_count].len = t.len;
    n->shown_count++;
}

static mstr make_mstr(const parser *p, span t)
{
    mstr m;
    m.s = xstrndup((const char *)t.s, t.len);
    m.offset = offset_of(p, t.s);
    m.span = t.len;
    return m;
}

static mstr empty_mstr(size_t offset)
{
    mstr m;
    m.s = xstrndup("", 0);
    m.offset = offset;
    m.span = 0;
    return m;
}

static span line_span(const parser *p, size_t index)
{
    span t;
    t.s = source_line(p->src, index, &t.len);
    while (t.len && is_blank(t.s[t.len - 1]))
        t.len--;
    return t;
}

/* ---- Header ---------------------------------------------------------------- */

enum { KEY_POLICY = FACT_COUNT, KEY_LANG, KEY_TITLE, KEY_UPDATED, KEY_WAIVE,
       KEY_COUNT };

#define KEY_NAME(id, member, key) key,
static const char *const key_names[KEY_COUNT] = {
    PN_FACTS(KEY_NAME) "policy", "lang", "title", "updated", "waive",
};

static mstr *key_slot(mnotice *n, int key)
{
    switch (key) {
    case KEY_POLICY: return &n->policy;
    case KEY_LANG: return &n->lang;
    case KEY_TITLE: return &n->title;
    case KEY_UPDATED: return &n->updated;
    default: return &n->facts[key];
    }
}

static void add_waiver(parser *p, span value)
{
    span topic = value, reason;
    pn_topic t;

    topic.len = 0;
    while (topic.len < value.len && !is_blank(value.s[topic.len]))
        topic.len++;
    reason.s = value.s + topic.len;
    reason.len = value.len - topic.len;
    reason = trim(reason);

    if (!topic_from_name(topic, &t)) {
        const char *hint = topic_hint(topic);
        rule_report(p->d, RULE_TOPIC_UNKNOWN, p->src, offset_of(p, topic.s),
                    topic.len, "unknown topic '%.*s' in waive%s%s%s",
                    (int)topic.len, (const char *)topic.s,
                    hint ? "; did you mean '" : "", hint ? hint : "",
                    hint ? "'?" : "");
        return;
    }
    if (reason.len == 0) {
        error_at(p, RULE_WAIVE_SYNTAX, topic.s, topic.len,
                 "waive needs a reason after the topic: waive: TOPIC REASON");
        return;
    }
    p->n->waivers = grow_array(p->n->waivers, &p->n->waiver_cap,
                               p->n->waiver_count + 1, sizeof *p->n->waivers);
    p->n->waivers[p->n->waiver_count].topic = t;
    p->n->waivers[p->n->waiver_count].topic_offset = offset_of(p, topic.s);
    p->n->waivers[p->n->waiver_count].reason = make_mstr(p, reason);
    p->n->waiver_count++;
}

/* Other spellings and languages of header keys, for hints: notices say
 * "E-post:" and "Telefon:". */
static const char *const key_aliases[][2] = {
    {"e-mail", "email"},      {"mail", "email"},     {"e-post", "email"},
    {"epost", "email"},       {"telefon", "phone"},  {"tlf", "phone"},
    {"tel", "phone"},         {"telephone", "phone"}, {"adresse", "address"},
    {"postnummer", "postcode"}, {"postnr", "postcode"}, {"zip", "postcode"},
    {"poststed", "city"},     {"sted", "city"},      {"orgnr", "orgno"},
    {"org-nr", "orgno"},      {"url", "web"},        {"website", "web"},
    {"nettside", "web"},
};

#define KEY_HINT_MAX 48 /* bytes of a key a hint is sought for */

/* The known key closest to `key` (in any case, another spelling of one,
 * a role's key with such a suffix) into `out`; 0 when none is close. */
static int key_hint(span key, char *out, size_t size)
{
    char names[KEY_COUNT + PN_ROLE_COUNT * FACT_COUNT][KEY_HINT_MAX];
    const char *list[KEY_COUNT + PN_ROLE_COUNT * FACT_COUNT];
    char word[KEY_HINT_MAX];
    size_t i, count = 0, suffix = 0;
    const char *hint;
    unsigned r, f;

    if (key.len >= sizeof word)
        return 0;
    for (i = 0; i < key.len; i++)
        word[i] = (char)(key.s[i] >= 'A' && key.s[i] <= 'Z'
                             ? key.s[i] - 'A' + 'a' : key.s[i]);
    word[key.len] = '\0';
    for (r = 1; r < PN_ROLE_COUNT; r++) {
        size_t n = strlen(role_key_prefix[r]);
        if (strncmp(word, role_key_prefix[r], n) == 0 && word[n] == '-')
            suffix = n + 1;
    }
    for (i = 0; i < sizeof key_aliases / sizeof key_aliases[0]; i++)
        if (strcmp(word + suffix, key_aliases[i][0]) == 0)
            snprintf(word + suffix, sizeof word - suffix, "%s",
                     key_aliases[i][1]);
    for (i = 0; i < KEY_COUNT; i++)
        list[count++] = key_names[i];
    for (r = 1; r < PN_ROLE_COUNT; r++) {
        for (f = 0; f < FACT_COUNT; f++) {
            if (!role_has_fact((pn_role)r, (fact_key)f))
                continue;
            role_fact_key((pn_role)r, (fact_key)f, names[count],
                          sizeof names[count]);
            list[count] = names[count];
            count++;
        }
    }
    hint = hint_closest(word, strlen(word), list, count);
    if (!hint)
        return 0;
    snprintf(out, size, "%s", hint);
    return 1;
}

/* A role's key ("dpo-email") in `key`: its role and fact. */
static int role_key(span key, pn_role *role, fact_key *fact)
{
    unsigned r, f;

    for (r = 1; r < PN_ROLE_COUNT; r++) {
        char name[KEY_HINT_MAX];
        for (f = 0; f < FACT_COUNT; f++) {
            if (!role_has_fact((pn_role)r, (fact_key)f))
                continue;
            role_fact_key((pn_role)r, (fact_key)f, name, sizeof name);
            if (span_is(key, name)) {
                *role = (pn_role)r;
                *fact = (fact_key)f;
                return 1;
            }
        }
    }
    return 0;
}

static int is_repeatable(fact_key fact)
{
    return fact == FACT_EMAIL || fact == FACT_PHONE;
}

/* A fact of a role's party, or the controller's second e-mail or phone. */
static void add_contact(parser *p, pn_role role, fact_key fact, span key,
                        span value)
{
    mnotice *n = p->n;
    unsigned party = 0;
    const mstr *before;
    mcontact *c;

    if (role == PN_ROLE_JOINT) {
        if (fact == FACT_CONTROLLER && p->joint_parties >= PN_MAX_PARTIES) {
            rule_report(p->d, RULE_LIMIT, p->src, offset_of(p, key.s),
                        key.len, "more than %u joint controllers",
                        (unsigned)PN_MAX_PARTIES);
            return;
        }
        if (fact == FACT_CONTROLLER)
            p->joint_parties++;
        if (p->joint_parties == 0) {
            rule_report(p->d, RULE_HEADER_SYNTAX, p->src,
                        offset_of(p, key.s), key.len,
                        "'%.*s' before any 'joint-name': each joint "
                        "controller starts with its joint-name line",
                        (int)key.len, (const char *)key.s);
            return;
        }
        party = p->joint_parties - 1;
    }
    before = notice_contact_value(n, role, party, fact, 0);
    if (before && !is_repeatable(fact)) {
        rule_report(p->d, RULE_HEADER_DUPLICATE_KEY, p->src,
                    offset_of(p, key.s), key.len,
                    "header key '%.*s' given twice%s", (int)key.len,
                    (const char *)key.s,
                    role == PN_ROLE_JOINT ? " for one joint controller" : "");
        diag_at(p->d, DIAG_NOTE, p->src, before->offset, before->span, NULL,
                "first given here");
        return;
    }
    if (n->contact_count >= PN_MAX_CONTACTS) {
        rule_report(p->d, RULE_LIMIT, p->src, offset_of(p, key.s), key.len,
                    "more than %u contact details in one header",
                    (unsigned)PN_MAX_CONTACTS);
        return;
    }
    n->contacts = grow_array(n->contacts, &n->contact_cap,
                             n->contact_count + 1, sizeof *n->contacts);
    c = &n->contacts[n->contact_count++];
    c->role = role;
    c->party = party;
    c->fact = fact;
    c->key = make_mstr(p, key);
    c->value = make_mstr(p, value);
    shown(p, value);
}

static void parse_header_line(parser *p, span line)
{
    span key = line, value;
    char hint[KEY_HINT_MAX];
    mstr *slot;
    pn_role role;
    fact_key fact;
    int k;

    key.len = 0;
    while (key.len < line.len &&
           ((line.s[key.len] >= 'a' && line.s[key.len] <= 'z') ||
            (line.s[key.len] >= 'A' && line.s[key.len] <= 'Z') ||
            (line.s[key.len] >= '0' && line.s[key.len] <= '9') ||
            line.s[key.len] == '_' || line.s[key.len] == '-'))
        key.len++;
    if (key.len == 0 || key.len >= line.len || line.s[key.len] != ':' ||
        (key.len + 1 < line.len && !is_blank(line.s[key.len + 1]))) {
        error_at(p, RULE_HEADER_SYNTAX, line.s, line.len,
                 "expected 'key: value' in the header (or '---' to end it)");
        return;
    }
    value.s = line.s + key.len + 1;
    value.len = line.len - key.len - 1;
    value = trim(value);

    for (k = 0; k < KEY_COUNT; k++)
        if (span_is(key, key_names[k]))
            break;
    if (k == KEY_COUNT && span_is(key, "dpo-orgno")) {
        rule_report(p->d, RULE_HEADER_UNKNOWN_KEY, p->src,
                    offset_of(p, key.s), key.len,
                    "unknown header key 'dpo-orgno': the DPO's keys are "
                    "dpo-name, -address, -postcode, -city, -email, -phone "
                    "and -web");
        return;
    }
    if (k == KEY_COUNT && !role_key(key, &role, &fact)) {
        int hinted = key_hint(key, hint, sizeof hint);
        rule_report(p->d, RULE_HEADER_UNKNOWN_KEY, p->src,
                    offset_of(p, key.s), key.len,
                    "unknown header key '%.*s'%s%s%s", (int)key.len,
                    (const char *)key.s, hinted ? "; did you mean '" : "",
                    hinted ? hint : "", hinted ? "'?" : "");
        return;
    }
    if (value.len == 0) {
        rule_report(p->d, RULE_HEADER_SYNTAX, p->src, offset_of(p, key.s),
                    key.len, "header key '%.*s' has no value", (int)key.len,
                    (const char *)key.s);
        return;
    }
    if (k == KEY_COUNT) {
        add_contact(p, role, fact, key, value);
        return;
    }
    if (k == KEY_WAIVE) {
        add_waiver(p, value);
        return;
    }
    slot = key_slot(p->n, k);
    if (slot->s && k < FACT_COUNT && is_repeatable((fact_key)k)) {
        add_contact(p, PN_ROLE_CONTROLLER, (fact_key)k, key, value);
        return;
    }
    if (slot->s) {
        rule_report(p->d, RULE_HEADER_DUPLICATE_KEY, p->src,
                    offset_of(p, key.s), key.len,
                    "header key '%s' given twice", key_names[k]);
        diag_at(p->d, DIAG_NOTE, p->src, slot->offset, slot->span, NULL,
                "first given here");
        return;
    }
    *slot = make_mstr(p, value);
    if (k < FACT_COUNT || k == KEY_TITLE)
        shown(p, value);
}

/* Reads the header; returns 0 when the body cannot be read. */
static int parse_header(parser *p)
{
    static const int required[] = {KEY_POLICY, KEY_LANG, KEY_TITLE};
    span first = line_span(p, 0);
    unsigned i;

    if (p->src->len == 0) {
        error_at(p, RULE_HEADER_SYNTAX, p->src->text, 0,
                 "empty file: a notice starts with a '---' header");
        return 0;
    }
    if (!span_is(first, "---")) {
        error_at(p, RULE_HEADER_SYNTAX, first.s, first.len,
                 "expected '---': a notice starts with its header");
        return 0;
    }
    for (p->line = 1; p->line < p->src->line_count; p->line++) {
        span line = line_span(p, p->line);
        if (span_is(line, "---"))
            break;
        if (line.len == 0 || line.s[0] == '#')
            continue;
        parse_header_line(p, line);
    }
    if (p->line >= p->src->line_count) {
        error_at(p, RULE_HEADER_SYNTAX, first.s, first.len,
                 "header is not closed: no '---' line after it");
        return 0;
    }
    for (i = 0; i < sizeof required / sizeof required[0]; i++)
        if (!key_slot(p->n, required[i])->s)
            rule_report(p->d, RULE_HEADER_REQUIRED, p->src, 0, 3,
                        "header has no '%s' key", key_names[required[i]]);
    p->n->header_end = p->src->line_starts[p->line];
    p->line++;
    return 1;
}

/* ---- Body ------------------------------------------------------------------ */

static msection *add_section(parser *p, size_t offset)
{
    msection *s;

    if (p->n->section_count >= PN_MAX_SECTIONS) {
        if (!p->too_many_sections)
            rule_report(p->d, RULE_LIMIT, p->src, offset, 1,
                        "more than %u sections in one notice",
                        (unsigned)PN_MAX_SECTIONS);
        p->too_many_sections = 1;
        return NULL;
    }
    p->n->sections = grow_array(p->n->sections, &p->n->section_cap,
                                p->n->section_count + 1,
                                sizeof *p->n->sections);
    s = &p->n->sections[p->n->section_count++];
    memset(s, 0, sizeof *s);
    s->heading_offset = offset;
    return s;
}

static void close_block(parser *p)
{
    msection *s = p->section;
    mblock *b;

    if (!p->block_open)
        return;
    p->block_open = 0;
    if (p->text.len > PN_MAX_TEXT) {
        rule_report(p->d, RULE_LIMIT, p->src, p->block_offset, 1,
                    "this block is %lu bytes long; at most %u fit",
                    (unsigned long)p->text.len, (unsigned)PN_MAX_TEXT);
    } else if (s && s->block_count >= PN_MAX_BLOCKS) {
        rule_report(p->d, RULE_LIMIT, p->src, p->block_offset, 1,
                    "more than %u blocks in one section",
                    (unsigned)PN_MAX_BLOCKS);
    } else if (s) {
        buf shown_text = {0};
        inline_text(p->text.data, p->offs, p->text.len,
                    p->block_kind == PN_BLOCK_TABLE_CELL ||
                        p->block_kind == PN_BLOCK_TABLE_HEAD,
                    p->d, p->src, &shown_text);
        if (s->text_bytes + shown_text.len > PN_MAX_SECTION_TEXT) {
            /* Once a section: the blocks after it are past it too. */
            if (s->text_bytes <= PN_MAX_SECTION_TEXT)
                rule_report(p->d, RULE_LIMIT, p->src, p->block_offset, 1,
                            "this block takes the section past %u bytes "
                            "of text: split it into subsections",
                            (unsigned)PN_MAX_SECTION_TEXT);
            s->text_bytes = PN_MAX_SECTION_TEXT + 1u;
        } else if (shown_text.len > 0) {
            s->text_bytes += shown_text.len;
            s->blocks = grow_array(s->blocks, &s->block_cap,
                                   s->block_count + 1, sizeof *s->blocks);
            b = &s->blocks[s->block_count++];
            b->kind = p->block_kind;
            b->level = PN_BLOCK_HAS_LEVEL(p->block_kind) ? p->block_level
                                                         : 0;
            b->number = PN_BLOCK_HAS_NUMBER(p->block_kind) ? p->block_number
                                                          : 0;
            b->text.s = xstrndup((const char *)shown_text.data,
                                 shown_text.len);
            b->text.offset = p->block_offset;
            b->text.span = 1;
        }
        buf_free(&shown_text);
    }
    p->text.len = 0;
    p->hard_break = 0;
}

static void text_byte(parser *p, unsigned char c, size_t offset)
{
    p->offs = grow_array(p->offs, &p->offs_cap, p->text.len + 1,
                         sizeof *p->offs);
    p->offs[p->text.len] = offset;
    buf_byte(&p->text, c);
}

/* Whether the current line ends in a hard line break: 1 for two spaces,
 * 2 for a backslash (which the text keeps unless a line follows). */
static int ends_in_break(const parser *p, span t)
{
    size_t raw_len, n = 0;
    const unsigned char *raw = source_line(p->src, p->line, &raw_len);

    if (t.len == 0)
        return 0;
    if (raw_len >= 2 && raw[raw_len - 1] == ' ' && raw[raw_len - 2] == ' ')
        return 1;
    while (n < t.len && t.s[t.len - 1 - n] == '\\')
        n++;
    return n % 2 == 1 ? 2 : 0;
}

/* Appends a line of the open block: blanks folded, joined to the line
 * before by a space, or by '\n' after a hard line break. */
static void add_line(parser *p, span t)
{
    size_t i;
    int pending = 1;

    t = trim(t);
    if (t.len == 0)
        return;
    if (p->hard_break == 2)
        p->text.len--; /* the backslash that made the break */
    for (i = 0; i < t.len; i++) {
        if (is_blank(t.s[i])) {
            pending = 1;
            continue;
        }
        if (pending && p->text.len > 0)
            text_byte(p, p->hard_break ? '\n' : ' ', offset_of(p, t.s + i));
        pending = 0;
        p->hard_break = 0;
        text_byte(p, t.s[i], offset_of(p, t.s + i));
    }
    p->hard_break = ends_in_break(p, t);
}

static void open_block(parser *p, pn_block_kind kind, span content)
{
    close_block(p);
    if (!p->section) {
        p->section = add_section(p, offset_of(p, content.s));
        if (p->section) {
            p->section->id = empty_mstr(0);
            p->section->number = empty_mstr(0);
            p->section->title = empty_mstr(0);
        }
    }
    p->block_open = 1;
    p->block_kind = kind;
    p->block_offset = offset_of(p, content.s);
    add_line(p, content);
    shown(p, content);
}

static void text_line(parser *p, span content)
{
    if (p->block_open && p->block_kind == PN_BLOCK_PARAGRAPH) {
        add_line(p, content);
        shown(p, content);
    } else {
        p->list_depth = 0;
        open_block(p, PN_BLOCK_PARAGRAPH, content);
    }
}

static void parse_topics(parser *p, msection *s, span list)
{
    size_t i = 0;

    while (i <= list.len) {
        span name;
        pn_topic t;
        name.s = list.s + i;
        name.len = 0;
        while (i + name.len < list.len && list.s[i + name.len] != ',')
            name.len++;
        if (name.len == 0) {
            error_at(p, RULE_HEADING_SYNTAX, name.s, 1,
                     "empty topic name in topic=");
        } else if (topic_from_name(name, &t)) {
            s->topics |= PN_TOPIC_BIT(t);
        } else {
            const char *hint = topic_hint(name);
            rule_report(p->d, RULE_TOPIC_UNKNOWN, p->src,
                        offset_of(p, name.s), name.len,
                        "unknown topic '%.*s'%s%s%s", (int)name.len,
                        (const char *)name.s, hint ? "; did you mean '" : "",
                        hint ? hint : "", hint ? "'?" : "");
        }
        i += name.len + 1;
    }
}

/* Reads "{#id topic=a,b}" (without the braces) into the section. */
static void parse_attributes(parser *p, msection *s, span attrs,
                             const unsigned char *brace)
{
    size_t i = 0;
    int have_id = 0;

    while (i < attrs.len) {
        span token;
        while (i < attrs.len && is_blank(attrs.s[i]))
            i++;
        if (i >= attrs.len)
            break;
        token.s = attrs.s + i;
        token.len = 0;
        while (i + token.len < attrs.len && !is_blank(attrs.s[i + token.len]))
            token.len++;
        i += token.len;

        if (token.s[0] == '#' && !have_id) {
            span id;
            id.s = token.s + 1;
            id.len = token.len - 1;
            have_id = 1;
            if (!parse_is_valid_id((const char *)id.s, id.len))
                error_at(p, RULE_SECTION_ID_INVALID, token.s, token.len,
                         "invalid section id: use a-z, 0-9, '-' and '_', "
                         "starting with a letter or digit, at most 32 bytes");
            s->id = make_mstr(p, id);
        } else if (token.s[0] == '#') {
            error_at(p, RULE_HEADING_SYNTAX, token.s, token.len,
                     "a heading has only one id");
        } else if (starts_with(token, "topic=")) {
            span list;
            list.s = token.s + 6;
            list.len = token.len - 6;
            parse_topics(p, s, list);
        } else {
            error_at(p, RULE_HEADING_SYNTAX, token.s, token.len,
                     "unknown heading attribute: expected #id or topic=...");
        }
    }
    if (!have_id) {
        error_at(p, RULE_HEADING_SYNTAX, brace, 1,
                 "heading has no id: add #id inside the braces");
        s->id = empty_mstr(offset_of(p, brace));
    }
}

/* Splits a leading "2.1 " off the title. Returns the title that is left. */
static span take_number(parser *p, msection *s, span title)
{
    span number = title;

    if (title.len && title.s[0] == '\\') {
        title.s++;
        title.len--;
        s->number = empty_mstr(offset_of(p, title.s));
        return title;
    }
    number.len = 0;
    if (title.len && title.s[0] >= '0' && title.s[0] <= '9') {
        while (number.len < title.len &&
               ((title.s[number.len] >= '0' && title.s[number.len] <= '9') ||
                title.s[number.len] == '.'))
            number.len++;
        if (number.len < title.len && !is_blank(title.s[number.len]))
            number.len = 0; /* "3D-skanning": a word, not a number */
    }
    s->number = make_mstr(p, number);
    title.s += number.len;
    title.len -= number.len;
    return trim(title);
}

/* The title's text with "\{" turned into "{" and blanks folded. */
static char *unescape_title(span title)
{
    buf raw = {0}, folded = {0};
    span all;
    size_t i;

    for (i = 0; i < title.len; i++) {
        if (title.s[i] == '\\' && i + 1 < title.len && title.s[i + 1] == '{')
            continue;
        buf_byte(&raw, title.s[i]);
    }
    all.s = raw.data;
    all.len = raw.len;
    append_words(&folded, all);
    buf_byte(&folded, 0);
    buf_free(&raw);
    return (char *)folded.data;
}

/* The title as the device shows it: unescaped as above, then without
 * Markdown's markers (gen/inline.h). Warnings point at the title. */
static char *markdown_title(parser *p, span title)
{
    char *raw = unescape_title(title);
    size_t n = strlen(raw), i, *offs = xmalloc((n ? n : 1) * sizeof *offs);
    buf out = {0};

    for (i = 0; i < n; i++)
        offs[i] = offset_of(p, title.s) + (i < title.len ? i : title.len - 1);
    inline_text((const unsigned char *)raw, offs, n, 0, p->d, p->src, &out);
    buf_byte(&out, 0);
    free(offs);
    free(raw);
    return (char *)out.data;
}

/* Where the attribute block's '{' is: the last '{' not escaped by '\'. */
static const unsigned char *find_attribute_brace(span content)
{
    size_t i = content.len;
    while (i > 0) {
        i--;
        if (content.s[i] == '{' && (i == 0 || content.s[i - 1] != '\\'))
            return content.s + i;
    }
    return NULL;
}

static void parse_heading(parser *p, span line)
{
    unsigned level = 0;
    span content, attrs, title, number;
    const unsigned char *brace;
    msection *s;

    while (level < line.len && line.s[level] == '#')
        level++;
    if (level < line.len && !is_blank(line.s[level])) {
        error_at(p, RULE_HEADING_SYNTAX, line.s, level + 1,
                 "'#' starts a heading and needs a space after it; write "
                 "'\\#' for a literal '#'");
        return;
    }
    content.s = line.s + level;
    content.len = line.len - level;
    content = trim(content);
    brace = find_attribute_brace(content);
    if (level > PN_MAX_LEVEL && content.len > 0 &&
        (!brace || content.s[content.len - 1] != '}')) {
        /* Markdown's "#### Heading": kept as a paragraph of its own. */
        error_at(p, RULE_MARKDOWN_UNSUPPORTED, line.s, level,
                 "headings have 1 to 3 '#': this one is shown as a "
                 "paragraph");
        close_block(p);
        open_block(p, PN_BLOCK_PARAGRAPH, content);
        close_block(p);
        return;
    }
    if (level > PN_MAX_LEVEL) {
        error_at(p, RULE_HEADING_SYNTAX, line.s, level,
                 "headings have 1 to 3 '#'");
        return;
    }
    if (content.len == 0 || brace == content.s) {
        error_at(p, RULE_HEADING_SYNTAX, line.s, line.len,
                 "heading has no text");
        return;
    }
    if (!brace || content.s[content.len - 1] != '}') {
        error_at(p, RULE_HEADING_SYNTAX, content.s + content.len - 1, 1,
                 "heading has no id: end the line with {#id}");
        return;
    }
    close_block(p);
    s = add_section(p, offset_of(p, line.s));
    if (!s)
        return;
    p->section = s;
    s->level = level;
    attrs.s = brace + 1;
    attrs.len = (size_t)(content.s + content.len - 1 - attrs.s);
    parse_attributes(p, s, attrs, brace);

    title.s = content.s;
    title.len = (size_t)(brace - content.s);
    title = take_number(p, s, trim(title));
    number.s = p->src->text + s->number.offset;
    number.len = s->number.span;
    shown(p, number);
    shown(p, title);
    s->title.s = markdown_title(p, title);
    s->title.offset = offset_of(p, title.s);
    s->title.span = title.len;
    if (s->title.s[0] == '\0')
        error_at(p, RULE_HEADING_SYNTAX, line.s, line.len,
                 s->number.s[0] ? "heading has a number but no title"
                                : "heading has no text");
    else if (strlen(s->title.s) > PN_MAX_TEXT)
        rule_report(p->d, RULE_LIMIT, p->src, offset_of(p, title.s), 1,
                    "heading is longer than %u bytes", (unsigned)PN_MAX_TEXT);
}

/* Skips a <!-- --> comment starting on the current line. */
static void skip_comment(parser *p, span line)
{
    const unsigned char *open = line.s;
    size_t index = p->line;
    span rest;

    rest.s = line.s + 4;
    rest.len = line.len - 4;
    for (;;) {
        size_t i;
        for (i = 0; i + 3 <= rest.len; i++) {
            if (memcmp(rest.s + i, "-->", 3) == 0) {
                span after;
                after.s = rest.s + i + 3;
                after.len = rest.len - i - 3;
                after = trim(after);
                if (after.len)
                    error_at(p, RULE_BODY_SYNTAX, after.s, after.len,
                             "text after '-->' on the same line");
                p->line = index;
                return;
            }
        }
        if (++index >= p->src->line_count)
            break;
        rest = line_span(p, index);
    }
    error_at(p, RULE_BODY_SYNTAX, open, 4,
             "comment is not closed: no '-->' after it");
    p->line = index;
}

static int is_ascii_punct(unsigned char c)
{
    return c > 0x20 && c < 0x7F &&
           !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
             (c >= 'A' && c <= 'Z'));
}

/* A horizontal rule: three or more '*', '-' or '_', spaces between. */
static int is_rule_line(span t)
{
    size_t i, marks = 0;

    for (i = 0; i < t.len; i++) {
        if (t.s[i] == t.s[0])
            marks++;
        else if (!is_blank(t.s[i]))
            return 0;
    }
    return marks >= 3 && (t.s[0] == '*' || t.s[0] == '-' || t.s[0] == '_');
}

/* The length of a list marker at the start of `t` ("- ", "12. ", "3) ")
 * without its space, 0 if there is none. `*number` gets a number's
 * value, 0 for a bullet. */
static size_t list_marker(span t, uint32_t *number)
{
    size_t n = 0;

    *number = 0;
    if (t.len && (t.s[0] == '-' || t.s[0] == '*' || t.s[0] == '+'))
        n = 1;
    else {
        while (n < t.len && n < 9 && t.s[n] >= '0' && t.s[n] <= '9')
            *number = *number * 10u + (uint32_t)(t.s[n++] - '0');
        if (n == 0 || n >= t.len || (t.s[n] != '.' && t.s[n] != ')'))
            return 0;
        n++;
    }
    return n == t.len || is_blank(t.s[n]) ? n : 0;
}

/* Opens a list item whose marker is `indent` columns in: its level is
 * one deeper than the item before when it is indented past that item's
 * marker, else the level whose marker it lines up with. */
static void open_item(parser *p, pn_block_kind kind, size_t indent,
                      uint32_t number, span marker, span content)
{
    unsigned level;

    if (trim(content).len == 0) {
        error_at(p, RULE_BODY_SYNTAX, marker.s, marker.len,
                 "empty list item");
        return;
    }
    if (p->list_depth == 0) {
        level = 1;
        p->list_col[1] = indent;
    } else if (indent >= p->list_col[p->list_depth] + 2) {
        level = p->list_depth + 1;
        if (level > PN_MAX_LIST_LEVEL) {
            rule_report(p->d, RULE_MARKDOWN_UNSUPPORTED, p->src,
                        offset_of(p, marker.s), marker.len,
                        "lists nest at most %u levels: shown at level %u",
                        (unsigned)PN_MAX_LIST_LEVEL,
                        (unsigned)PN_MAX_LIST_LEVEL);
            level = PN_MAX_LIST_LEVEL;
        } else {
            p->list_col[level] = indent;
        }
    } else {
        level = p->list_depth;
        while (level > 1 && indent + 1 < p->list_col[level])
            level--;
    }
    p->list_depth = level;
    open_block(p, kind, content);
    p->block_level = level;
    p->block_number = number;
}

/* ---- Tables (GitHub's pipe tables) ------------------------------------ */

#define MAX_CELLS PN_MAX_TABLE_COLUMNS

/* Splits a table row at the '|'s that are not escaped, without the ones
 * at its ends; returns the number of cells (at most `max`). */
static size_t split_row(span row, span *cells, size_t max)
{
    size_t i, n = 0;
    span cell;

    row = trim(row);
    if (row.len && row.s[0] == '|') {
        row.s++;
        row.len--;
    }
    if (row.len && row.s[row.len - 1] == '|' &&
        (row.len < 2 || row.s[row.len - 2] != '\\'))
        row.len--;
    cell.s = row.s;
    for (i = 0; i <= row.len && n < max; i++) {
        if (i == row.len ||
            (row.s[i] == '|' && (i == 0 || row.s[i - 1] != '\\'))) {
            cell.len = (size_t)(row.s + i - cell.s);
            cells[n++] = trim(cell);
            cell.s = row.s + i + 1;
        }
    }
    return n;
}

static int has_pipe(span t)
{
    return memchr(t.s, '|', t.len) != NULL;
}

/* A delimiter row, "|---|:--:|", with `columns` cells. */
static int is_delimiter_row(span t, size_t columns)
{
    span cells[MAX_CELLS + 1];
    size_t n, i, j;

    if (!has_pipe(t))
        return 0;
    n = split_row(t, cells, MAX_CELLS + 1);
    if (n != columns)
        return 0;
    for (i = 0; i < n; i++) {
        span c = cells[i];
        size_t dashes = 0;
        for (j = 0; j < c.len; j++) {
            if (c.s[j] == '-')
                dashes++;
            else if (c.s[j] != ':' || (j != 0 && j != c.len - 1))
                return 0;
        }
        if (dashes == 0)
            return 0;
    }
    return 1;
}

/* One row of a table: a block per cell that has text. */
static void table_row(parser *p, span line, pn_block_kind kind)
{
    span cells[MAX_CELLS + 1];
    size_t n = split_row(line, cells, MAX_CELLS + 1), i;

    close_block(p);
    if (n > MAX_CELLS) {
        rule_report(p->d, RULE_LIMIT, p->src, offset_of(p, cells[MAX_CELLS].s),
                    1, "a table row of more than %u cells",
                    (unsigned)MAX_CELLS);
        n = MAX_CELLS;
    }
    for (i = 0; i < n; i++) {
        if (cells[i].len == 0)
            continue;
        open_block(p, kind, cells[i]);
        p->block_level = (unsigned)(i + 1);
        close_block(p);
    }
}

/* Starts a table when `line` is its heading row and the next line its
 * delimiter row. */
static int table_start(parser *p, span line)
{
    span cells[MAX_CELLS + 1];
    size_t n;

    if (!has_pipe(line) || p->line + 1 >= p->src->line_count)
        return 0;
    n = split_row(line, cells, MAX_CELLS + 1);
    if (!is_delimiter_row(line_span(p, p->line + 1), n))
        return 0;
    p->list_depth = 0;
    table_row(p, line, PN_BLOCK_TABLE_HEAD);
    p->table_columns = n;
    p->line++;
    return 1;
}

static void parse_body_line(parser *p, span line)
{
    span content, rest;
    size_t indent = 0, marker_len;
    uint32_t number;
    int quote = 0;

    while (indent < line.len && is_blank(line.s[indent]))
        indent++;
    rest.s = line.s + indent;
    rest.len = line.len - indent;
    marker_len = list_marker(rest, &number);
    content.s = rest.s + marker_len;
    content.len = rest.len - marker_len;

    if (p->table_columns && (line.len == 0 || !has_pipe(line)))
        p->table_columns = 0;
    if (p->table_columns) {
        table_row(p, line, PN_BLOCK_TABLE_CELL);
    } else if (line.len == 0) {
        close_block(p);
    } else if (starts_with(line, "<!--")) {
        close_block(p);
        skip_comment(p, line);
    } else if (line.s[0] == '\\') {
        /* "\#", "\-", "\<" are escapes the text keeps; before anything
         * else the backslash only stops a heading or list item. */
        if (line.len < 2 || !is_ascii_punct(line.s[1])) {
            line.s++;
            line.len--;
        }
        text_line(p, line);
    } else if (line.s[0] == '#') {
        p->list_depth = 0;
        parse_heading(p, line);
    } else if (indent <= 3 && table_start(p, line)) {
        /* read as a table */
    } else if (span_is(line, "---")) {
        error_at(p, RULE_BODY_SYNTAX, line.s, 3,
                 "'---' in the body; write '\\---' for literal text");
    } else if (indent <= 3 && is_rule_line(rest)) {
        close_block(p);
        p->list_depth = 0;
        error_at(p, RULE_MARKDOWN_UNSUPPORTED, rest.s, rest.len,
                 "a horizontal rule: not shown on the device");
    } else if (indent <= 3 && rest.s[0] == '>') {
        content.s = rest.s + 1;
        content.len = rest.len - 1;
        if (!p->in_quote) {
            close_block(p);
            error_at(p, RULE_MARKDOWN_UNSUPPORTED, rest.s, 1,
                     "a block quote: its text is shown as a paragraph");
        }
        quote = 1;
        if (trim(content).len == 0)
            close_block(p);
        else
            text_line(p, content);
    } else if (marker_len && rest.s[0] >= '0' && rest.s[0] <= '9' &&
               (p->list_depth > 0 || number == 1 || !p->block_open ||
                p->block_kind != PN_BLOCK_PARAGRAPH)) {
        span marker = rest;
        marker.len = marker_len;
        open_item(p, PN_BLOCK_NUMBERED_ITEM, indent, number, marker,
                  content);
    } else if (marker_len && (rest.s[0] < '0' || rest.s[0] > '9')) {
        span marker = rest;
        marker.len = marker_len;
        open_item(p, PN_BLOCK_LIST_ITEM, indent, 0, marker, content);
    } else if (p->block_open && PN_BLOCK_IS_ITEM(p->block_kind) &&
               indent >= 2) {
        add_line(p, line);
        shown(p, line);
    } else {
        text_line(p, line);
    }
    p->in_quote = quote;
}

unsigned parse_notice(const source *src, diag *d, mnotice *out)
{
    unsigned errors_before = d->errors;
    parser p;

    memset(out, 0, sizeof *out);
    out->src = src;
    if (source_check_encoding(src, d) > 0)
        return d->errors - errors_before;

    memset(&p, 0, sizeof p);
    p.src = src;
    p.d = d;
    p.n = out;
    if (parse_header(&p)) {
        for (; p.line < src->line_count; p.line++)
            parse_body_line(&p, line_span(&p, p.line));
        close_block(&p);
    }
    buf_free(&p.text);
    free(p.offs);
    return d->errors - errors_before;
}
