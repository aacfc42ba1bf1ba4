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
    size_t text_bytes;    /* of its blocks' texts, as shown */
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

/* A contact detail beyond the controller's first ones: a fact of a data
 * protection officer, a representative or a joint controller, or an
 * e-mail address or phone number the controller gives after its first.
 * The catalog's contact records (runtime/pn_format.h) hold them. */
typedef struct mcontact {
    pn_role role;
    unsigned party;       /* which joint controller, from 0; else 0 */
    fact_key fact;        /* FACT_CONTROLLER is the party's name */
    mstr key;             /* the header key as written ("dpo-email") */
    mstr value;
} mcontact;

typedef struct mnotice {
    const source *src;    /* the file it was read from */
    mstr policy;
    mstr lang;
    mstr title;
    mstr updated;
    mstr facts[FACT_COUNT];
    mcontact *contacts;   /* in header order */
    size_t contact_count;
    size_t contact_cap;
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

/* The key prefix of each role's facts: "" for the controller's own
 * keys, "dpo", "representative", "joint". */
extern const char *const role_key_prefix[PN_ROLE_COUNT];

/* Whether a party of `role` can state `fact` (a DPO has no organisation
 * number; the authority is the notice's, not a party's). */
int role_has_fact(pn_role role, fact_key fact);

/* The header key of a role's fact, into `out`: "dpo-email", "joint-name",
 * or the controller's own key ("email"). */
void role_fact_key(pn_role role, fact_key fact, char *out, size_t size);

/* The value of `fact` of party `party` of `role`: its `nth` (0: first)
 * value, for the controller's the header's facts[] first; NULL if none. */
const mstr *notice_contact_value(const mnotice *n, pn_role role,
                                 unsigned party, fact_key fact, size_t nth);

/* The parties of `role` the notice names: 1 for the controller. */
unsigned notice_party_count(const mnotice *n, pn_role role);

uint32_t notice_waived_mask(const mnotice *n);
/* The web address as the source writes it, untouched by --transliterate
 * (its QR code must lead to the real address), and its length; NULL when
 * the notice has none. */
const char *notice_web_as_written(const mnotice *n, size_t *len);
/* The topics the notice's sections are tagged with, together. */
uint32_t notice_topic_mask(const mnotice *n);
void notice_free(mnotice *n);

#endif
