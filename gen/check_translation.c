/* check_translation.c: the languages of one policy are one notice in
 * several languages. Firmware asks for a section by id or topic and shows
 * the facts whatever the language, so those must not differ. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "hash.h"
#include "repeats.h"
#include "rules.h"

#define NONE ((size_t)-1)

/* The sections of two notices matched by id. */
typedef struct id_match {
    size_t *in_ref;       /* for each section of n: the first section of
                             ref with its id, or NONE */
    unsigned char *in_n;  /* for each section of ref: whether n has a
                             section with its id */
} id_match;

/* Appends the headed sections of `n` to `list`, their indexes to `index`. */
static size_t list_sections(const mnotice *n, const msection **list,
                            size_t *index, size_t count)
{
    size_t i;

    for (i = 0; i < n->section_count; i++) {
        if (n->sections[i].level > 0) {
            list[count] = &n->sections[i];
            index[count++] = i;
        }
    }
    return count;
}

static void match_ids(const mnotice *ref, const mnotice *n, id_match *m)
{
    size_t total = ref->section_count + n->section_count;
    const msection **list = xmalloc(total * sizeof *list);
    size_t *index = xmalloc(total * sizeof *index); /* in its notice */
    size_t *first = xmalloc(total * sizeof *first);
    unsigned char *in_n = xmalloc(total); /* by the first of equal ids */
    size_t i, ref_count = list_sections(ref, list, index, 0);
    size_t count = list_sections(n, list, index, ref_count);

    /* The first of equal ids is ref's first section with it, if any. */
    check_match_ids(list, count, first);
    m->in_ref = xmalloc(n->section_count * sizeof *m->in_ref);
    m->in_n = xmalloc(ref->section_count);
    memset(in_n, 0, total);
    memset(m->in_n, 0, ref->section_count);
    for (i = 0; i < n->section_count; i++)
        m->in_ref[i] = NONE;
    for (i = ref_count; i < count; i++) {
        in_n[first[i]] = 1;
        if (first[i] < ref_count)
            m->in_ref[index[i]] = index[first[i]];
    }
    for (i = 0; i < ref_count; i++)
        m->in_n[index[i]] = in_n[first[i]];
    free(list);
    free(index);
    free(first);
    free(in_n);
}

static void free_match(id_match *m)
{
    free(m->in_ref);
    free(m->in_n);
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

static void compare_sections(const mnotice *ref, const mnotice *n,
                             const id_match *m, diag *d)
{
    size_t i, j;
    int same_set = 1;

    for (i = 0; i < ref->section_count; i++) {
        const msection *r = &ref->sections[i];
        if (r->level == 0 || m->in_n[i])
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
        if (s->level == 0 || m->in_ref[i] != NONE)
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

static void compare_topics(const mnotice *ref, const mnotice *n,
                           const id_match *m, diag *d)
{
    uint32_t ref_waived = notice_waived_mask(ref);
    uint32_t waived = notice_waived_mask(n);
    char here[512], there[512];
    size_t i;

    for (i = 0; i < n->section_count; i++) {
        const msection *s = &n->sections[i];
        const msection *r =
            m->in_ref[i] != NONE ? &ref->sections[m->in_ref[i]] : NULL;
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

/* One value of the header's contact details in both notices: the `nth`
 * of a fact of a party (`key` names it, `which` says which joint
 * controller it is, or is ""). Returns whether either notice has it. */
static int compare_fact(const mnotice *ref, const mnotice *n, pn_role role,
                        unsigned party, fact_key fact, size_t nth, diag *d)
{
    const mstr *r = notice_contact_value(ref, role, party, fact, nth);
    const mstr *f = notice_contact_value(n, role, party, fact, nth);
    char key[48], which[48] = "";

    if (!r && !f)
        return 0;
    role_fact_key(role, fact, key, sizeof key);
    if (role == PN_ROLE_JOINT)
        snprintf(which, sizeof which, " (joint controller %u)", party + 1);
    if (r && !f)
        rule_report(d, RULE_TRANSLATION_FACTS, n->src, n->header_end, 3,
                    "no '%s:' here%s, but the %s notice gives '%s'", key,
                    which, ref->lang.s, r->s);
    else if (!r && f)
        rule_report(d, RULE_TRANSLATION_FACTS, n->src, f->offset, f->span,
                    "'%s:'%s is not in the %s notice", key, which,
                    ref->lang.s);
    else if (is_language_neutral(fact) && !same_value(r->s, f->s))
        rule_report(d, RULE_TRANSLATION_FACTS, n->src, f->offset, f->span,
                    "%s '%s'%s differs from the %s notice's '%s'", key, f->s,
                    which, ref->lang.s, r->s);
    return 1;
}

/* The controller's facts and every other party's, e-mails and phones
 * after the first included, value by value. */
static void compare_facts(const mnotice *ref, const mnotice *n, diag *d)
{
    unsigned role, party, k;

    for (role = 0; role < PN_ROLE_COUNT; role++) {
        unsigned parties = notice_party_count(ref, (pn_role)role);
        if (notice_party_count(n, (pn_role)role) > parties)
            parties = notice_party_count(n, (pn_role)role);
        for (party = 0; party < parties; party++) {
            for (k = 0; k < FACT_COUNT; k++) {
                size_t nth = 0;
                if (!role_has_fact((pn_role)role, (fact_key)k))
                    continue;
                while (compare_fact(ref, n, (pn_role)role, party,
                                    (fact_key)k, nth, d))
                    nth++;
            }
        }
    }
}

/* Notices by policy, and by policy and language. */
static unsigned long policy_hash(const void *items, size_t i)
{
    const char *policy = ((mnotice *const *)items)[i]->policy.s;
    return hash_more(HASH_START, policy, strlen(policy));
}

static int policy_order(const void *items, size_t a, size_t b)
{
    mnotice *const *n = items;
    return strcmp(n[a]->policy.s, n[b]->policy.s);
}

static unsigned long policy_lang_hash(const void *items, size_t i)
{
    const mnotice *n = ((mnotice *const *)items)[i];
    return hash_more(policy_hash(items, i), n->lang.s,
                        strlen(n->lang.s) + 1);
}

static int policy_lang_order(const void *items, size_t a, size_t b)
{
    mnotice *const *n = items;
    int order = policy_order(items, a, b);
    return order ? order : strcmp(n[a]->lang.s, n[b]->lang.s);
}

void check_translations(mnotice *const *notices, size_t count, diag *d)
{
    size_t *ref_of = xmalloc(count * sizeof *ref_of);
    size_t *same_of = xmalloc(count * sizeof *same_of);
    size_t i;

    /* A policy's first notice is the one its other languages follow. */
    repeats_find(notices, count, policy_hash, policy_order, ref_of);
    repeats_find(notices, count, policy_lang_hash, policy_lang_order,
                 same_of);
    for (i = 0; i < count; i++) {
        const mnotice *n = notices[i], *ref = notices[ref_of[i]];
        const mnotice *other = notices[same_of[i]];
        id_match m;

        if (same_of[i] != i) {
            if (rule_report(d, RULE_NOTICE_DUPLICATE, n->src, n->policy.offset,
                            n->policy.span,
                            "policy '%s' in language '%s' is defined twice",
                            n->policy.s, n->lang.s))
                diag_at(d, DIAG_NOTE, other->src, other->policy.offset,
                        other->policy.span, NULL, "also defined here");
            continue;
        }
        if (ref_of[i] == i)
            continue;
        match_ids(ref, n, &m);
        compare_sections(ref, n, &m, d);
        compare_topics(ref, n, &m, d);
        compare_facts(ref, n, d);
        free_match(&m);
    }
    free(ref_of);
    free(same_of);
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
