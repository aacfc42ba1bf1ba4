#include "model.h"

#include <stdlib.h>
#include <string.h>

#define FACT_KEY_NAME(id, member, key) key,
const char *const fact_key_names[FACT_COUNT] = {PN_FACTS(FACT_KEY_NAME)};

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
    for (i = 0; i < n->waiver_count; i++)
        free(n->waivers[i].reason.s);
    free(n->waivers);
    for (i = 0; i < n->section_count; i++)
        free_section(&n->sections[i]);
    free(n->sections);
    free(n->shown);
    memset(n, 0, sizeof *n);
}
