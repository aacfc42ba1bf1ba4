/* check_translation.c: the languages of one policy are one notice in
 * several languages. Firmware asks for a section by id or topic and shows
 * the facts whatever the language, so those must not differ. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "rules.h"

static const msection *find_section(const mnotice *n, const char *id)
{
    size_t i;
    for (i = 0; i < n->section_count; i++)
        if (n->sections[i].level > 0 && strcmp(n->sections[i].id.s, id) == 0)
            return &n->sections[i];
    return NULL;
}

/* "topics purposes,legal_basis", or "no topics". */
static void format_topics(uint32_t topics, char *out, size_t size)
{
    const size_t start = 7; /* "topics " */
    size_t used = start;
    unsigned t;

    memcpy(out, "topics ", start + 1);
    for (t = 0; t < PN_TOPIC_COUNT; t++) {
        int w;
        if (!(topics & PN_TOPIC_BIT(t)))
            continue;
        w = snprintf(out + used, size - used, "%s%s",
                     used > start ? "," : "", pn_topic_name((pn_topic)t));
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
    if (used == start)
        snprintf(out, size, "no topics");
}

static void compare_sections(const mnotice *ref, const mnotice *n, diag *d)
{
    size_t i, j;
    int same_set = 1;

    for (i = 0; i < ref->section_count; i++) {
        const msection *r = &ref->sections[i];
        if (r->level == 0 || find_section(n, r->id.s))
            continue;
        same_set = 0;
        if (rule_report(d, RULE_TRANSLATION_SECTIONS, n->src, n->header_end,
                        3, "no section '%s' here, but the %s notice has one",
                        r->id.s, ref->lang.s))
            diag_at(d, DIAG_NOTE, ref->src, r->id.offset, r->id.span, NULL,
                    "the %s notice's section '%s' is here", ref->lang.s,
                    r->id.s);
    }
    for (i = 0; i < n->section_count; i++) {
        const msection *s = &n->sections[i];
        if (s->level == 0 || find_section(ref, s->id.s))
            continue;
        same_set = 0;
        rule_report(d, RULE_TRANSLATION_SECTIONS, n->src, s->id.offset,
                    s->id.span, "section '%s' is not in the %s notice (%s)",
                    s->id.s, ref->lang.s, ref->src->path);
    }
    if (!same_set)
        return;
    /* The same sections: then in the same order and at the same levels. */
    for (i = 0, j = 0; i < ref->section_count && j < n->section_count;) {
        const msection *r = &ref->sections[i], *s = &n->sections[j];
        if (r->level == 0) {
            i++;
        } else if (s->level == 0) {
            j++;
        } else if (strcmp(r->id.s, s->id.s) != 0) {
            rule_report(d, RULE_TRANSLATION_SECTIONS, n->src, s->id.offset,
                        s->id.span,
                        "section '%s' is where the %s notice has section "
                        "'%s': the sections are in a different order",
                        s->id.s, ref->lang.s, r->id.s);
            return;
        } else {
            if (r->level != s->level)
                rule_report(d, RULE_TRANSLATION_SECTIONS, n->src,
                            s->heading_offset, s->level,
                            "section '%s' is a level %u heading here but "
                            "level %u in the %s notice",
                            s->id.s, s->level, r->level, ref->lang.s);
            i++;
            j++;
        }
    }
}

static void compare_topics(const mnotice *ref, const mnotice *n, diag *d)
{
    uint32_t ref_waived = notice_waived_mask(ref);
    uint32_t waived = notice_waived_mask(n);
    char here[512], there[512];
    size_t i;

    for (i = 0; i < n->section_count; i++) {
        const msection *s = &n->sections[i];
        const msection *r = s->level > 0 ? find_section(ref, s->id.s) : NULL;
        if (!r || r->topics == s->topics)
            continue;
        format_topics(s->topics, here, sizeof here);
        format_topics(r->topics, there, sizeof there);
        rule_report(d, RULE_TRANSLATION_TOPICS, n->src, s->id.offset,
                    s->id.span,
                    "section '%s' has %s here but %s in the %s notice",
                    s->id.s, here, there, ref->lang.s);
    }
    for (i = 0; i < n->waiver_count; i++) {
        const mwaiver *w = &n->waivers[i];
        const char *name = pn_topic_name(w->topic);
        if (!(ref_waived & PN_TOPIC_BIT(w->topic)))
            rule_report(d, RULE_TRANSLATION_TOPICS, n->src, w->topic_offset,
                        strlen(name), "%s is waived here but not in the %s "
                        "notice", name, ref->lang.s);
    }
    for (i = 0; i < ref->waiver_count; i++) {
        const char *name = pn_topic_name(ref->waivers[i].topic);
        if (!(waived & PN_TOPIC_BIT(ref->waivers[i].topic)))
            rule_report(d, RULE_TRANSLATION_TOPICS, n->src, n->header_end, 3,
                        "the %s notice waives %s, this one does not",
                        ref->lang.s, name);
    }
}

/* Facts that do not change with the language; the others (names,
 * addresses, the web page) may be written differently. */
static int is_language_neutral(fact_key key)
{
    return key == FACT_ORGNO || key == FACT_POSTCODE ||
           key == FACT_EMAIL || key == FACT_PHONE;
}

/* Compares ignoring spaces and ASCII case: "913 480 295" is "913480295". */
static int same_value(const char *a, const char *b)
{
    for (;;) {
        char x, y;
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
        y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return 0;
        if (x == '\0')
            return 1;
        a++;
        b++;
    }
}

static void compare_facts(const mnotice *ref, const mnotice *n, diag *d)
{
    unsigned k;

    for (k = 0; k < FACT_COUNT; k++) {
        const mstr *r = &ref->facts[k], *f = &n->facts[k];
        const char *key = fact_key_names[k];

        if (r->s && !f->s)
            rule_report(d, RULE_TRANSLATION_FACTS, n->src, n->header_end, 3,
                        "no '%s:' here, but the %s notice gives '%s'", key,
                        ref->lang.s, r->s);
        else if (!r->s && f->s)
            rule_report(d, RULE_TRANSLATION_FACTS, n->src, f->offset,
                        f->span, "'%s:' is not in the %s notice", key,
                        ref->lang.s);
        else if (r->s && is_language_neutral((fact_key)k) &&
                 !same_value(r->s, f->s))
            rule_report(d, RULE_TRANSLATION_FACTS, n->src, f->offset,
                        f->span, "%s '%s' differs from the %s notice's '%s'",
                        key, f->s, ref->lang.s, r->s);
    }
}

/* The first notice given for `n`'s policy, or NULL if `n` is it. */
static const mnotice *reference_of(mnotice *const *notices, size_t index)
{
    size_t i;
    for (i = 0; i < index; i++)
        if (strcmp(notices[i]->policy.s, notices[index]->policy.s) == 0)
            return notices[i];
    return NULL;
}

void check_translations(mnotice *const *notices, size_t count, diag *d)
{
    size_t i, j;

    for (i = 0; i < count; i++) {
        const mnotice *n = notices[i], *ref = reference_of(notices, i);
        int twice = 0;

        for (j = 0; j < i && !twice; j++) {
            const mnotice *other = notices[j];
            if (strcmp(other->policy.s, n->policy.s) != 0 ||
                strcmp(other->lang.s, n->lang.s) != 0)
                continue;
            twice = 1;
            if (rule_report(d, RULE_NOTICE_DUPLICATE, n->src, n->policy.offset,
                            n->policy.span,
                            "policy '%s' in language '%s' is defined twice",
                            n->policy.s, n->lang.s))
                diag_at(d, DIAG_NOTE, other->src, other->policy.offset,
                        other->policy.span, NULL, "also defined here");
        }
        if (!ref || twice)
            continue;
        compare_sections(ref, n, d);
        compare_topics(ref, n, d);
        compare_facts(ref, n, d);
    }
}

void check_labels(const mnotice *n, const languages *l, diag *d)
{
    const language *own = languages_find(l, n->lang.s);
    const language *used = languages_labels_for(l, n->lang.s);

    if (own && own == used)
        return;
    if (used)
        rule_report(d, RULE_LABELS_MISSING, n->src, n->lang.offset,
                    n->lang.span,
                    "no first-layer labels for language '%s'; the first "
                    "layer shows those of '%s' (add a [%s] section to a "
                    "--languages file)", n->lang.s, used->tag, n->lang.s);
    else
        rule_report(d, RULE_LABELS_MISSING, n->src, n->lang.offset,
                    n->lang.span,
                    "no first-layer labels for language '%s', nor a "
                    "fallback or default language with any: the first "
                    "layer shows no labels (add a [%s] section to a "
                    "--languages file)", n->lang.s, n->lang.s);
}
