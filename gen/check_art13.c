/* check_art13.c: GDPR Art. 13 coverage, the information a notice must give
 * when personal data is collected from the person. */
#include "check_art13.h"

#include <string.h>

#include "check.h"

const art13_item art13_items[ART13_ITEM_COUNT] = {
    {PN_TOPIC_CONTROLLER, RULE_ART13_CONTROLLER, "13(1)(a)",
     "who the controller is and how to reach them", 1},
    {PN_TOPIC_DPO, RULE_ART13_DPO, "13(1)(b)",
     "the data protection officer's contact details", 0},
    {PN_TOPIC_PURPOSES, RULE_ART13_PURPOSES, "13(1)(c)",
     "what the data is processed for", 1},
    {PN_TOPIC_LEGAL_BASIS, RULE_ART13_LEGAL_BASIS, "13(1)(c)",
     "the legal basis of the processing", 1},
    {PN_TOPIC_LEGITIMATE_INTERESTS, RULE_ART13_LEGITIMATE_INTERESTS,
     "13(1)(d)", "the legitimate interests relied on", 0},
    {PN_TOPIC_RECIPIENTS, RULE_ART13_RECIPIENTS, "13(1)(e)",
     "who receives the data", 1},
    {PN_TOPIC_TRANSFERS, RULE_ART13_TRANSFERS, "13(1)(f)",
     "transfers outside the EU/EEA", 0},
    {PN_TOPIC_RETENTION, RULE_ART13_RETENTION, "13(2)(a)",
     "how long the data is kept", 1},
    {PN_TOPIC_RIGHTS, RULE_ART13_RIGHTS, "13(2)(b)",
     "the rights of access, rectification, erasure and the others", 1},
    {PN_TOPIC_CONSENT_WITHDRAWAL, RULE_ART13_CONSENT_WITHDRAWAL, "13(2)(c)",
     "the right to withdraw consent", 0},
    {PN_TOPIC_COMPLAINT, RULE_ART13_COMPLAINT, "13(2)(d)",
     "the right to complain to a supervisory authority", 1},
    {PN_TOPIC_AUTOMATED_DECISIONS, RULE_ART13_AUTOMATED_DECISIONS,
     "13(2)(f)", "automated decisions and profiling", 0},
};

int art13_section_has_text(const mnotice *n, size_t i)
{
    size_t j;

    for (j = i; j < n->section_count; j++) {
        if (j > i && n->sections[j].level <= n->sections[i].level)
            break;
        if (n->sections[j].block_count > 0)
            return 1;
    }
    return 0;
}

uint32_t art13_covered_mask(const mnotice *n)
{
    uint32_t mask = 0;
    size_t i;

    for (i = 0; i < n->section_count; i++)
        if (art13_section_has_text(n, i))
            mask |= n->sections[i].topics;
    return mask;
}

static const mwaiver *find_waiver(const mnotice *n, pn_topic topic)
{
    size_t i;
    for (i = 0; i < n->waiver_count; i++)
        if (n->waivers[i].topic == topic)
            return &n->waivers[i];
    return NULL;
}

/* The header's controller: names the controller, and a dpo-* line gives
 * the DPO's contact; the runtime shows them with the contact facts
 * (pn_contact_read()), so they give the item. */
const mstr *art13_header_fact(const mnotice *n, pn_topic topic, char *key,
                              size_t size)
{
    size_t i;

    if (topic == PN_TOPIC_CONTROLLER && n->facts[FACT_CONTROLLER].s) {
        role_fact_key(PN_ROLE_CONTROLLER, FACT_CONTROLLER, key, size);
        return &n->facts[FACT_CONTROLLER];
    }
    for (i = 0; topic == PN_TOPIC_DPO && i < n->contact_count; i++) {
        if (n->contacts[i].role == PN_ROLE_DPO) {
            role_fact_key(PN_ROLE_DPO, n->contacts[i].fact, key, size);
            return &n->contacts[i].value;
        }
    }
    return NULL;
}

art13_status art13_status_of(const mnotice *n, const art13_item *item,
                             const mwaiver **waiver)
{
    const mwaiver *w = find_waiver(n, item->topic);
    char key[48];

    *waiver = NULL;
    if (art13_covered_mask(n) & PN_TOPIC_BIT(item->topic))
        return ART13_COVERED;
    if (art13_header_fact(n, item->topic, key, sizeof key))
        return ART13_BY_HEADER;
    if (w && !item->always) {
        *waiver = w;
        return ART13_WAIVED;
    }
    return ART13_MISSING;
}

/* The first section with text tagged with each topic, or NULL: one pass,
 * however many waivers ask. */
static void first_tagged(const mnotice *n,
                         const msection *tagged[PN_TOPIC_COUNT])
{
    size_t i;
    unsigned t;

    for (t = 0; t < PN_TOPIC_COUNT; t++)
        tagged[t] = NULL;
    for (i = n->section_count; i-- > 0;)
        for (t = 0; t < PN_TOPIC_COUNT; t++)
            if ((n->sections[i].topics & PN_TOPIC_BIT(t)) &&
                art13_section_has_text(n, i))
                tagged[t] = &n->sections[i];
}

/* A waiver that cannot apply: the topic is always required, or a section
 * covers it after all. */
static void check_waivers(const mnotice *n, diag *d)
{
    const msection *tagged[PN_TOPIC_COUNT];
    char key[48];
    size_t i, k;

    first_tagged(n, tagged);
    for (i = 0; i < n->waiver_count; i++) {
        const mwaiver *w = &n->waivers[i];
        const char *name = pn_topic_name(w->topic);
        const msection *s = tagged[w->topic];

        for (k = 0; k < ART13_ITEM_COUNT; k++) {
            if (art13_items[k].topic == w->topic && art13_items[k].always)
                break;
        }
        if (k < ART13_ITEM_COUNT) {
            rule_report(d, RULE_WAIVE_REQUIRED, n->src, w->topic_offset,
                        strlen(name),
                        "%s cannot be waived: GDPR Art. %s requires it in "
                        "every notice",
                        name, art13_items[k].article);
        } else if (!s && art13_header_fact(n, w->topic, key, sizeof key)) {
            rule_report(d, RULE_WAIVE_COVERED, n->src, w->topic_offset,
                        strlen(name),
                        "%s is waived, but the header's '%s:' gives it; "
                        "remove the waiver or the key", name, key);
        } else if (s && rule_report(d, RULE_WAIVE_COVERED, n->src,
                                    w->topic_offset, strlen(name),
                                    "%s is waived, but section '%s' covers "
                                    "it; remove the waiver or the topic",
                                    name, s->id.s)) {
            diag_at(d, DIAG_NOTE, n->src, s->id.offset, s->id.span, NULL,
                    "section '%s' is tagged with %s", s->id.s, name);
        }
    }
}

/* A note on each section tagged with `topic` that holds no text, so the
 * author sees why its tag does not count. */
static void note_empty_sections(const mnotice *n, pn_topic topic, diag *d)
{
    size_t i;

    for (i = 0; i < n->section_count; i++)
        if ((n->sections[i].topics & PN_TOPIC_BIT(topic)) &&
            !art13_section_has_text(n, i))
            diag_at(d, DIAG_NOTE, n->src, n->sections[i].id.offset,
                    n->sections[i].id.span, NULL,
                    "section '%s' is tagged with %s, but it has no text, so "
                    "it does not cover it",
                    n->sections[i].id.s, pn_topic_name(topic));
}

void check_art13(const mnotice *n, diag *d)
{
    size_t i;

    check_waivers(n, d);
    for (i = 0; i < ART13_ITEM_COUNT; i++) {
        const art13_item *item = &art13_items[i];
        const char *name = pn_topic_name(item->topic);
        const mwaiver *w;
        int shown;

        if (art13_status_of(n, item, &w) != ART13_MISSING)
            continue;
        if (item->always)
            shown = rule_report(d, item->rule, n->src, n->header_end, 3,
                                "no section covers %s, %s (GDPR Art. %s); "
                                "tag one with topic=%s",
                                name, item->what, item->article, name);
        else
            shown = rule_report(d, item->rule, n->src, n->header_end, 3,
                                "no section covers %s, %s (GDPR Art. %s); "
                                "tag one with topic=%s, or add 'waive: %s "
                                "REASON' to the header if it does not apply",
                                name, item->what, item->article, name, name);
        if (shown)
            note_empty_sections(n, item->topic, d);
    }
}
