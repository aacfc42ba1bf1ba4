#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACT_KEY_NAME(id, member, key) key,
const char *const fact_key_names[FACT_COUNT] = {PN_FACTS(FACT_KEY_NAME)};

const char *const role_key_prefix[PN_ROLE_COUNT] = {
    "", "dpo", "representative", "joint",
};

int role_has_fact(pn_role role, fact_key fact)
{
    if (fact == FACT_AUTHORITY)
        return role == PN_ROLE_CONTROLLER;
    return !(role == PN_ROLE_DPO && fact == FACT_ORGNO);
}

void role_fact_key(pn_role role, fact_key fact, char *out, size_t size)
{
    if (role == PN_ROLE_CONTROLLER)
        snprintf(out, size, "%s", fact_key_names[fact]);
    else
        snprintf(out, size, "%s-%s", role_key_prefix[role],
                 fact == FACT_CONTROLLER ? "name" : fact_key_names[fact]);
}

const mstr *notice_contact_value(const mnotice *n, pn_role role,
                                 unsigned party, fact_key fact, size_t nth)
{
    size_t i;

    if (role == PN_ROLE_CONTROLLER) {
        if (!n->facts[fact].s)
            return NULL;
        if (nth == 0)
            return &n->facts[fact];
        nth--;
    }
    for (i = 0; i < n->contact_count; i++) {
        const mcontact *c = &n->contacts[i];
        if (c->role == role && c->party == party && c->fact == fact &&
            nth-- == 0)
            return &c->value;
    }
    return NULL;
}

unsigned notice_party_count(const mnotice *n, pn_role role)
{
    unsigned count = role == PN_ROLE_CONTROLLER;
    size_t i;

    for (i = 0; i < n->contact_count; i++)
        if (n->contacts[i].role == role && n->contacts[i].party >= count)
            count = n->contacts[i].party + 1;
    return count;
}

uint32_t notice_waived_mask(const mnotice *n)
{
    uint32_t mask = 0;
    size_t i;
    for (i = 0; i < n->waiver_count; i++)
        mask |= PN_TOPIC_BIT(n->waivers[i].topic);
    return mask;
}

const char *notice_web_as_written(const mnotice *n, size_t *len)
{
    const mstr *web = &n->facts[FACT_WEB];

    if (!web->s) {
        *len = 0;
        return NULL;
    }
    if (!n->src) {
        *len = strlen(web->s);
        return web->s;
    }
    *len = web->span;
    return (const char *)n->src->text + web->offset;
}

uint32_t notice_topic_mask(const mnotice *n)
{
    uint32_t mask = 0;
    size_t i;
    for (i = 0; i < n->section_count; i++)
        mask |= n->sections[i].topics;
    return mask;
}

static void free_section(msection *s)
{
    size_t i;
    free(s->id.s);
    free(s->number.s);
    free(s->title.s);
    for (i = 0; i < s->block_count; i++)
        free(s->blocks[i].text.s);
    free(s->blocks);
}

void notice_free(mnotice *n)
{
    size_t i;

    free(n->policy.s);
    free(n->lang.s);
    free(n->title.s);
    free(n->updated.s);
    for (i = 0; i < FACT_COUNT; i++)
        free(n->facts[i].s);
    for (i = 0; i < n->contact_count; i++) {
        free(n->contacts[i].key.s);
        free(n->contacts[i].value.s);
    }
    free(n->contacts);
    for (i = 0; i < n->waiver_count; i++)
        free(n->waivers[i].reason.s);
    free(n->waivers);
    for (i = 0; i < n->section_count; i++)
        free_section(&n->sections[i]);
    free(n->sections);
    free(n->shown);
    memset(n, 0, sizeof *n);
}
