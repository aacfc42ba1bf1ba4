/* check_summary.c: a first layer the author wrote, the section tagged
 * `summary` (docs/FORMAT.md, "The first layer"). WP260, the EDPB's
 * transparency guidelines, asks a layered notice's first layer to name the
 * controller and how to reach it, the purposes, the person's rights, and
 * where to complain or read the rest. Each that the summary's text does
 * not name is a warning.
 *
 * "Names" is read from the text, so it is a plain, documented heuristic:
 * a header fact written in the summary (the controller's name, an e-mail
 * address...), or one of a few words in English, Bokmål or Nynorsk,
 * compared case-insensitively anywhere in the title and the blocks. */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "rules.h"

typedef struct summary_item {
    const char *what;          /* what the first layer must name */
    fact_key facts[5];         /* header facts that name it, FACT_COUNT
                                  ends the list */
    const char *words[15];     /* lower-case words that name it, NULL ends */
} summary_item;

static const summary_item items[] = {
    {"the controller and how to reach it",
     {FACT_CONTROLLER, FACT_ORGNO, FACT_EMAIL, FACT_PHONE, FACT_WEB},
     {"controller", "behandlingsansvarlig", "behandlingsansvarleg",
      "contact", "kontakt", NULL}},
    {"the purposes of the processing",
     {FACT_COUNT},
     {"purpose", "formål", "føremål", "why we", "used for", "use your",
      "we use", "hvorfor", "kvifor", "brukes til", "vi bruker",
      "vi brukar", "blir brukt", "vert brukt", NULL}},
    {"the person's rights (access, erasure and the others)",
     {FACT_COUNT},
     {"right", "rett", "innsyn", "access to", NULL}},
    {"where to complain or read the full notice",
     {FACT_AUTHORITY, FACT_WEB, FACT_COUNT},
     {"complain", "klage", "supervisory", "tilsyn", "read more", "les mer",
      "les meir", "full notice", "full text", "personvernerklæring",
      "http", "www.", NULL}},
};

#define ITEM_COUNT (sizeof items / sizeof items[0])

/* `len` bytes at `s`, lower case (ASCII, and the Latin-1 capitals of
 * UTF-8, the second byte of a 0xC3 pair), appended to `out`. */
static void put_folded(buf *out, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 &&
                 c <= 0x9E && c != 0x97)
            c = (unsigned char)(c + 32);
        buf_byte(out, c);
    }
}

static int contains(const buf *text, const char *s, size_t len)
{
    size_t i;
    if (len == 0 || len > text->len)
        return 0;
    for (i = 0; i + len <= text->len; i++)
        if (memcmp(text->data + i, s, len) == 0)
            return 1;
    return 0;
}

static int names_item(const mnotice *n, const summary_item *item,
                      const buf *text)
{
    size_t k;

    for (k = 0; k < sizeof item->facts / sizeof item->facts[0] &&
                item->facts[k] != FACT_COUNT;
         k++) {
        const char *fact = n->facts[item->facts[k]].s;
        buf folded = {NULL, 0, 0};
        int found;
        if (!fact || !*fact)
            continue;
        put_folded(&folded, fact, strlen(fact));
        found = contains(text, (const char *)folded.data, folded.len);
        buf_free(&folded);
        if (found)
            return 1;
    }
    for (k = 0; item->words[k]; k++)
        if (contains(text, item->words[k], strlen(item->words[k])))
            return 1;
    return 0;
}

void check_summary(const mnotice *n, diag *d)
{
    const msection *summary = NULL;
    buf text = {NULL, 0, 0};
    size_t i;

    for (i = 0; i < n->section_count; i++) {
        const msection *s = &n->sections[i];
        if (!(s->topics & PN_TOPIC_BIT(PN_TOPIC_SUMMARY)))
            continue;
        if (!summary) {
            summary = s;
        } else if (rule_report(d, RULE_SUMMARY_DUPLICATE, n->src,
                               s->id.offset, s->id.span,
                               "a second section tagged summary: the "
                               "device shows the first, '%s'",
                               summary->id.s)) {
            diag_at(d, DIAG_NOTE, n->src, summary->id.offset,
                    summary->id.span, NULL, "the first layer is here");
        }
    }
    if (!summary)
        return;
    if (summary->title.s)
        put_folded(&text, summary->title.s, strlen(summary->title.s));
    for (i = 0; i < summary->block_count; i++) {
        const mstr *t = &summary->blocks[i].text;
        buf_byte(&text, '\n');
        if (t->s)
            put_folded(&text, t->s, strlen(t->s));
    }
    for (i = 0; i < ITEM_COUNT; i++)
        if (!names_item(n, &items[i], &text))
            rule_report(d, RULE_SUMMARY_INCOMPLETE, n->src,
                        summary->id.offset, summary->id.span,
                        "the first layer '%s' does not name %s, which a "
                        "first layer must give (WP260)",
                        summary->id.s, items[i].what);
    buf_free(&text);
}
