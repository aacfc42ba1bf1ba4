/* html.c: pnc --html (see html.h). */
#include "html.h"

#include <stdlib.h>
#include <string.h>


char *html_file_name(const mnotice *n)
{
    size_t len = strlen(n->policy.s) + strlen(n->lang.s) + 7;
    char *name = xmalloc(len);

    memcpy(name, n->policy.s, strlen(n->policy.s) + 1);
    strcat(name, ".");
    strcat(name, n->lang.s);
    strcat(name, ".html");
    return name;
}

/* `len` bytes of text or an attribute value with &, <, >, " and '
 * escaped. */
static void put_escaped_n(buf *out, const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        switch (s[i]) {
        case '&': buf_printf(out, "&amp;"); break;
        case '<': buf_printf(out, "&lt;"); break;
        case '>': buf_printf(out, "&gt;"); break;
        case '"': buf_printf(out, "&quot;"); break;
        case '\'': buf_printf(out, "&#39;"); break;
        default: buf_byte(out, (unsigned char)s[i]);
        }
    }
}

static void put_escaped(buf *out, const char *s)
{
    if (s)
        put_escaped_n(out, s, strlen(s));
}

/* Where a web address starts in the `len` bytes at `s`, or NULL. */
static const char *find_url(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i + 7 <= len; i++) {
        if ((i + 8 <= len && memcmp(s + i, "https://", 8) == 0) ||
            memcmp(s + i, "http://", 7) == 0)
            return s + i;
    }
    return NULL;
}

/* The bytes of a web address at `s`: up to a space, a closing ')' (the
 * one around a link's address) or the end, without a final '.' or ','. */
static size_t url_length(const char *s, size_t len)
{
    size_t n = 0;

    while (n < len && s[n] != ' ' && s[n] != ')')
        n++;
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ','))
        n--;
    return n;
}

/* One line of a block's text, escaped, its web addresses as links (the
 * catalog keeps a link as its text and its address in parentheses). */
static void put_line(buf *out, const char *s, size_t len)
{
    const char *url;

    while ((url = find_url(s, len)) != NULL) {
        size_t n = url_length(url, len - (size_t)(url - s));

        put_escaped_n(out, s, (size_t)(url - s));
        buf_printf(out, "<a href=\"");
        put_escaped_n(out, url, n);
        buf_printf(out, "\">");
        put_escaped_n(out, url, n);
        buf_printf(out, "</a>");
        len -= (size_t)(url - s) + n;
        s = url + n;
    }
    put_escaped_n(out, s, len);
}

/* A block's text: a hard line break as <br>. */
static void put_text(buf *out, const char *s)
{
    const char *nl;

    if (!s)
        return;
    while ((nl = strchr(s, '\n')) != NULL) {
        put_line(out, s, (size_t)(nl - s));
        buf_printf(out, "<br>\n");
        s = nl + 1;
    }
    put_line(out, s, strlen(s));
}

/* The lists open around the block being written, one per level. */
typedef struct lists {
    unsigned depth;                       /* lists open */
    int numbered[PN_MAX_LIST_LEVEL + 1];  /* per level: <ol>, else <ul> */
} lists;

static void close_lists(buf *out, lists *l, unsigned depth)
{
    while (l->depth > depth) {
        buf_printf(out, "</li>\n%s\n", l->numbered[l->depth] ? "</ol>"
                                                             : "</ul>");
        l->depth--;
    }
}

/* Opens (or goes on with) the lists an item at `level` stands in. */
static void list_item(buf *out, lists *l, const mblock *b)
{
    unsigned level = b->level ? b->level : 1;
    int numbered = b->kind == PN_BLOCK_NUMBERED_ITEM;

    if (level > PN_MAX_LIST_LEVEL)
        level = PN_MAX_LIST_LEVEL;
    close_lists(out, l, level);
    if (l->depth == level && l->numbered[level] != numbered)
        close_lists(out, l, level - 1);
    if (l->depth == level)
        buf_printf(out, "</li>\n");
    while (l->depth < level) {
        l->depth++;
        l->numbered[l->depth] = l->depth == level ? numbered : 0;
        buf_printf(out, l->numbered[l->depth] ? "<ol>\n" : "<ul>\n");
        if (l->depth < level)
            buf_printf(out, "<li>");
    }
    if (numbered)
        buf_printf(out, "<li value=\"%lu\">", (unsigned long)b->number);
    else
        buf_printf(out, "<li>");
    put_text(out, b->text.s);
}

static int is_table(const mblock *b)
{
    return b->kind == PN_BLOCK_TABLE_HEAD || b->kind == PN_BLOCK_TABLE_CELL;
}

/* The table that starts at block `*i`, its row of headings then its rows;
 * a row starts where the column stops growing. Moves `*i` past it. */
static void table(buf *out, const msection *s, size_t *i)
{
    unsigned column = 0;
    int head = 1;

    buf_printf(out, "<table>\n<thead><tr>");
    for (; *i < s->block_count && is_table(&s->blocks[*i]); (*i)++) {
        const mblock *b = &s->blocks[*i];
        int is_head = b->kind == PN_BLOCK_TABLE_HEAD;

        if (head && !is_head) {
            buf_printf(out, "</tr></thead>\n<tbody>\n<tr>");
            head = 0;
            column = 0;
        } else if (b->level <= column) {
            buf_printf(out, "</tr>\n<tr>");
            column = 0;
        }
        while (++column < b->level)
            buf_printf(out, is_head ? "<th></th>" : "<td></td>");
        buf_printf(out, is_head ? "<th>" : "<td>");
        put_text(out, b->text.s);
        buf_printf(out, is_head ? "</th>" : "</td>");
    }
    buf_printf(out, head ? "</tr></thead>\n</table>\n"
                         : "</tr>\n</tbody>\n</table>\n");
}

/* A section's blocks: paragraphs, nested bullet and numbered lists,
 * tables. */
static void html_blocks(buf *out, const msection *s)
{
    lists l;
    size_t i = 0;

    l.depth = 0;
    while (i < s->block_count) {
        const mblock *b = &s->blocks[i];

        if (b->kind == PN_BLOCK_LIST_ITEM ||
            b->kind == PN_BLOCK_NUMBERED_ITEM) {
            list_item(out, &l, b);
            i++;
            continue;
        }
        close_lists(out, &l, 0);
        if (is_table(b)) {
            table(out, s, &i);
            continue;
        }
        buf_printf(out, "<p>");
        put_text(out, b->text.s);
        buf_printf(out, "</p>\n");
        i++;
    }
    close_lists(out, &l, 0);
}

static const char stylesheet[] =
    "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42em;"
    "margin:0 auto;padding:1em;color:#222;background:#fff}"
    "h1{font-size:1.6em;margin-bottom:.2em}"
    "h2{font-size:1.3em;margin-top:1.6em}h3{font-size:1.1em}"
    "h4{font-size:1em}"
    "table{border-collapse:collapse}th,td{border:1px solid #ccc;"
    "padding:.2em .5em;text-align:left;vertical-align:top}"
    ".meta{color:#555;margin-top:0}"
    "nav.languages>*{margin-right:.8em}"
    ".contact{border:1px solid #ccc;border-radius:4px;padding:.6em 1em}"
    ".contact h2{margin-top:.2em}"
    ".contact dl{display:grid;grid-template-columns:max-content 1fr;"
    "gap:.2em 1em;margin:0}"
    ".contact dt{font-weight:bold}.contact dd{margin:0}"
    "a{color:#0645ad}";

/* A label of the languages file without a trailing ':', or NULL. */
static char *label_of(const language *l, unsigned label)
{
    const char *text = l ? l->label[label] : NULL;
    size_t len;

    if (!text || !*text)
        return NULL;
    len = strlen(text);
    if (text[len - 1] == ':')
        len--;
    return xstrndup(text, len);
}

/* The dt of a fact: the languages file's label where it has one, else the
 * English name, marked as English. */
static void put_term(buf *out, const language *l, int label,
                     const char *english)
{
    char *own = label >= 0 ? label_of(l, (unsigned)label) : NULL;

    if (own) {
        buf_printf(out, "<dt>");
        put_escaped(out, own);
    } else {
        buf_printf(out, "<dt lang=\"en\">%s", english);
    }
    buf_printf(out, "</dt>");
    free(own);
}

/* A phone number as a tel: URI: its digits and a leading '+'. */
static void put_tel(buf *out, const char *phone)
{
    const char *p;

    buf_printf(out, "tel:");
    for (p = phone; *p; p++)
        if ((*p >= '0' && *p <= '9') || (*p == '+' && p == phone))
            buf_byte(out, (unsigned char)*p);
}

/* How a fact's value is linked. */
typedef enum link_kind { LINK_NONE, LINK_MAILTO, LINK_TEL, LINK_WEB } link_kind;

/* One fact of the contact details: its term (a label of the languages
 * file, or `english`) and its value, linked as `link` says. */
static void put_fact(buf *out, const language *l, int label,
                     const char *english, const char *value, link_kind link)
{
    if (!value)
        return;
    if (link == LINK_WEB && strncmp(value, "https://", 8) != 0 &&
        strncmp(value, "http://", 7) != 0)
        link = LINK_NONE;
    put_term(out, l, label, english);
    buf_printf(out, "<dd>");
    if (link != LINK_NONE) {
        buf_printf(out, "<a href=\"%s", link == LINK_MAILTO ? "mailto:" : "");
        if (link == LINK_TEL)
            put_tel(out, value);
        else
            put_escaped(out, value);
        buf_printf(out, "\">");
    }
    put_escaped(out, value);
    buf_printf(out, "%s</dd>\n", link != LINK_NONE ? "</a>" : "");
}

/* The English term of each role's heading, when the languages file has
 * no label for it (the controller's is the name of its topic). */
static const char *const role_english[PN_ROLE_COUNT] = {
    "Controller", "Data protection officer", "EU representative",
    "Joint controller",
};
static const int role_label[PN_ROLE_COUNT] = {
    PN_LABEL_TOPIC_CONTROLLER, PN_LABEL_DPO, PN_LABEL_REPRESENTATIVE,
    PN_LABEL_JOINT,
};

static const char *party_value(const mnotice *n, pn_role role,
                               unsigned party, fact_key fact)
{
    const mstr *v = notice_contact_value(n, role, party, fact, 0);
    return v ? v->s : NULL;
}

/* A party's facts as dt/dd pairs: its name under its role, then its
 * org. no., address, every e-mail and phone, and web address. */
static void put_party(buf *out, const mnotice *n, const language *l,
                      pn_role role, unsigned party)
{
    const char *street = party_value(n, role, party, FACT_ADDRESS);
    const char *postcode = party_value(n, role, party, FACT_POSTCODE);
    const char *city = party_value(n, role, party, FACT_CITY);
    const mstr *v;
    size_t nth;

    put_fact(out, l, role_label[role], role_english[role],
             party_value(n, role, party, FACT_CONTROLLER), LINK_NONE);
    put_fact(out, l, PN_LABEL_ORGNO, "Org. no.",
             party_value(n, role, party, FACT_ORGNO), LINK_NONE);
    if (street || postcode || city) {
        put_term(out, l, -1, "Address");
        buf_printf(out, "<dd>");
        put_escaped(out, street);
        if (street && (postcode || city))
            buf_printf(out, "<br>");
        put_escaped(out, postcode);
        buf_printf(out, "%s", postcode && city ? " " : "");
        put_escaped(out, city);
        buf_printf(out, "</dd>\n");
    }
    for (nth = 0; (v = notice_contact_value(n, role, party, FACT_EMAIL,
                                            nth)) != NULL; nth++)
        put_fact(out, l, -1, "E-mail", v->s, LINK_MAILTO);
    for (nth = 0; (v = notice_contact_value(n, role, party, FACT_PHONE,
                                            nth)) != NULL; nth++)
        put_fact(out, l, PN_LABEL_PHONE, "Phone", v->s, LINK_TEL);
    put_fact(out, l, PN_LABEL_WEB, "Web",
             party_value(n, role, party, FACT_WEB), LINK_WEB);
}

static void put_contact(buf *out, const mnotice *n, const language *l)
{
    char *heading = label_of(l, PN_LABEL_CONTACT);
    unsigned k, role, party;
    int any = n->contact_count > 0;

    for (k = 0; k < FACT_COUNT; k++)
        any |= n->facts[k].s != NULL;
    if (!any) {
        free(heading);
        return;
    }
    buf_printf(out, "<section class=\"contact\">\n");
    if (heading) {
        buf_printf(out, "<h2>");
        put_escaped(out, heading);
        buf_printf(out, "</h2>\n");
    } else {
        buf_printf(out, "<h2 lang=\"en\">Contact</h2>\n");
    }
    buf_printf(out, "<dl>\n");
    put_party(out, n, l, PN_ROLE_CONTROLLER, 0);
    put_fact(out, l, PN_LABEL_TOPIC_COMPLAINT, "Complaints",
             n->facts[FACT_AUTHORITY].s, LINK_NONE);
    buf_printf(out, "</dl>\n");
    for (role = 1; role < PN_ROLE_COUNT; role++) {
        unsigned parties = notice_party_count(n, (pn_role)role);
        for (party = 0; party < parties; party++) {
            buf_printf(out, "<dl>\n");
            put_party(out, n, l, (pn_role)role, party);
            buf_printf(out, "</dl>\n");
        }
    }
    buf_printf(out, "</section>\n");
    free(heading);
}

static void put_section(buf *out, const msection *s)
{
    if (s->level > 0) {
        buf_printf(out, "<section id=\"");
        put_escaped(out, s->id.s);
        buf_printf(out, "\">\n<h%u>", s->level + 1);
        if (s->number.s && *s->number.s) {
            buf_printf(out, "<span class=\"number\">");
            put_escaped(out, s->number.s);
            buf_printf(out, "</span> ");
        }
        put_escaped(out, s->title.s);
        buf_printf(out, "</h%u>\n", s->level + 1);
    } else {
        buf_printf(out, "<section class=\"preamble\">\n");
    }
    html_blocks(out, s);
    buf_printf(out, "</section>\n");
}

/* The notices of the policy of notices[index]: [*first, *end). */
static void policy_run(mnotice *const *notices, size_t count, size_t index,
                       size_t *first, size_t *end)
{
    const char *policy = notices[index]->policy.s;

    *first = index;
    while (*first > 0 && strcmp(notices[*first - 1]->policy.s, policy) == 0)
        (*first)--;
    *end = index + 1;
    while (*end < count && strcmp(notices[*end]->policy.s, policy) == 0)
        (*end)++;
}

void html_page(buf *out, mnotice *const *notices, size_t count,
               size_t index, const languages *langs)
{
    const mnotice *n = notices[index];
    const language *l = langs ? languages_find(langs, n->lang.s) : NULL;
    size_t first, end, i;

    if (l && !l->label[0])
        l = NULL;
    policy_run(notices, count, index, &first, &end);
    buf_printf(out, "<!DOCTYPE html>\n<html lang=\"");
    put_escaped(out, n->lang.s);
    buf_printf(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"pnc %s\">\n<title>",
               PN_VERSION);
    put_escaped(out, n->title.s);
    buf_printf(out, "</title>\n");
    for (i = first; i < end; i++) {
        char *name = html_file_name(notices[i]);
        buf_printf(out, "<link rel=\"alternate\" hreflang=\"");
        put_escaped(out, notices[i]->lang.s);
        buf_printf(out, "\" href=\"");
        put_escaped(out, name);
        buf_printf(out, "\">\n");
        free(name);
    }
    buf_printf(out, "<style>%s</style>\n</head>\n<body>\n<main>\n<h1>",
               stylesheet);
    put_escaped(out, n->title.s);
    buf_printf(out, "</h1>\n");
    if (n->updated.s) {
        buf_printf(out, "<p class=\"meta\"><time datetime=\"");
        put_escaped(out, n->updated.s);
        buf_printf(out, "\">");
        put_escaped(out, n->updated.s);
        buf_printf(out, "</time></p>\n");
    }
    if (end - first > 1) {
        buf_printf(out, "<nav class=\"languages\">\n");
        for (i = first; i < end; i++) {
            char *name = html_file_name(notices[i]);
            if (i == index) {
                buf_printf(out, "<strong lang=\"");
                put_escaped(out, notices[i]->lang.s);
                buf_printf(out, "\">");
                put_escaped(out, notices[i]->title.s);
                buf_printf(out, "</strong>\n");
            } else {
                buf_printf(out, "<a href=\"");
                put_escaped(out, name);
                buf_printf(out, "\" hreflang=\"");
                put_escaped(out, notices[i]->lang.s);
                buf_printf(out, "\" lang=\"");
                put_escaped(out, notices[i]->lang.s);
                buf_printf(out, "\">");
                put_escaped(out, notices[i]->title.s);
                buf_printf(out, "</a>\n");
            }
            free(name);
        }
        buf_printf(out, "</nav>\n");
    }
    put_contact(out, n, l);
    for (i = 0; i < n->section_count; i++)
        put_section(out, &n->sections[i]);
    buf_printf(out, "</main>\n</body>\n</html>\n");
}
