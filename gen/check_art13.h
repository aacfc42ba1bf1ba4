/* check_art13.h: the items GDPR Art. 13 requires a notice to give, and
 * whether a notice gives each: a section tagged with its topic covers it,
 * a waive: line says why it does not apply, or it is missing. */
#ifndef PNC_CHECK_ART13_H
#define PNC_CHECK_ART13_H

#include <stddef.h>

#include "model.h"
#include "rules.h"

typedef struct art13_item {
    pn_topic topic;
    rule rule;            /* reported when the item is missing */
    const char *article;  /* "13(2)(a)" */
    const char *what;     /* "how long the data is kept" */
    int always;           /* required in every notice; others may be
                             waived where they do not apply */
} art13_item;

#define ART13_ITEM_COUNT 12

/* In the article's order. */
extern const art13_item art13_items[ART13_ITEM_COUNT];

typedef enum art13_status {
    ART13_COVERED,        /* a section with text is tagged with the
                             topic */
    ART13_BY_HEADER,      /* a header fact: controller: covers the
                             controller, a dpo-* key the DPO */
    ART13_WAIVED,         /* a waive: line (items that are not always
                             required) */
    ART13_MISSING
} art13_status;

/* Whether section `i` of `n` has text: blocks of its own or in one of its
 * subsections. A tagged section without text covers nothing. */
int art13_section_has_text(const mnotice *n, size_t i);

/* The topics of the sections that have text, together. */
uint32_t art13_covered_mask(const mnotice *n);

/* The item's status in `n`; the waiver when it is ART13_WAIVED. */
art13_status art13_status_of(const mnotice *n, const art13_item *item,
                             const mwaiver **waiver);

/* The header fact that covers `topic` (the first dpo-* line for the
 * DPO), its key into `key`; NULL when no header fact covers it. */
const mstr *art13_header_fact(const mnotice *n, pn_topic topic, char *key,
                              size_t size);

#endif
