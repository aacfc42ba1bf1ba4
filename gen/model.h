/* model.h: a parsed notice, as the parser builds it and pack reads it.
 * Every string is NUL-terminated UTF-8 owned by the model, and remembers
 * where in the source it came from, for diagnostics. */
#ifndef PNC_MODEL_H
#define PNC_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "../runtime/pn_format.h"
#include "source.h"

/* A string and the span of source it was read from. */
typedef struct mstr {
    char *s;        /* the text, or NULL when absent */
    size_t offset;  /* byte offset of its first byte in the source */
    size_t span;    /* bytes of source it covers */
} mstr;

/* The controller's facts, in the catalog's order (PN_FACTS in
 * runtime/pn_format.h): FACT_CONTROLLER, FACT_ORGNO, ... */
#define MODEL_FACT_KEY(id, member, key) FACT_##id = PN_FACT_##id,
typedef enum fact_key {
    PN_FACTS(MODEL_FACT_KEY)
    FACT_COUNT = PN_FACT_COUNT
} fact_key;

/* A paragraph or list item. Its text is what the device shows: Markdown's
 * markers are gone, a link's address follows its text, a hard line break
 * is '\n' (runtime/pn_format.h). */
typedef struct mblock {
    pn_block_kind kind;
    unsigned level;       /* list items: 1 .. PN_MAX_LIST_LEVEL; table
                             headings and cells: the column, 1 ..; else 0 */
    uint32_t number;      /* PN_BLOCK_NUMBERED_ITEM: its number; else 0 */
    mstr text;
} mblock;

typedef struct msection {
    unsigned level;       /* 1-3, or 0 for the preamble */
    mstr id;              /* "" for the preamble */
    mstr number;          /* "" when the heading has none */
    mstr title;           /* "" for the preamble */
    uint32_t topics;      /* PN_TOPIC_BIT()s */
    size_t heading_offset;/* where its heading line starts */
    mblock *blocks;
    size_t block_count;
    size_t block_cap;
} msection;

/* A run of source bytes the device shows as text: a header value it
 * displays, a heading's number and title, a line of a paragraph or list
 * item. The text rules (--charset, obfuscated e-mail) read these. */
typedef struct mspan {
    size_t offset;
    size_t len;
} mspan;

typedef struct mwaiver {
    pn_topic topic;
    size_t topic_offset;  /* where the topic's name is in the source */
    mstr reason;
} mwaiver;

typedef struct mnotice {
    const source *src;    /* the file it was read from */
    mstr policy;
    mstr lang;
    mstr title;
    mstr updated;
    mstr facts[FACT_COUNT];
    mwaiver *waivers;
    size_t waiver_count;
    size_t waiver_cap;
    msection *sections;
    size_t section_count;
    size_t section_cap;
    size_t header_end;    /* where the header's closing '---' line starts */
    mspan *shown;         /* in source order */
    size_t shown_count;
    size_t shown_cap;
} mnotice;

/* The header key of each fact, in fact_key order ("controller", ...). */
extern const char *const fact_key_names[FACT_COUNT];

uint32_t notice_waived_mask(const mnotice *n);
/* The web address as the source writes it, untouched by --transliterate
 * (its QR code must lead to the real address), and its length; NULL when
 * the notice has none. */
const char *notice_web_as_written(const mnotice *n, size_t *len);
/* The topics the notice's sections are tagged with, together. */
uint32_t notice_topic_mask(const mnotice *n);
void notice_free(mnotice *n);

#endif
