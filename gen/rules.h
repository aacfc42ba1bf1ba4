/* rules.h: every check pnc makes is a rule with a stable id, a group, a
 * default severity and a one-line summary (docs/CHECKS.md says why each
 * exists and how to fix or waive it). The command line changes severities
 * with -Werror, -Wno-RULE, -Werror=RULE and friends; rule_report() applies
 * them and prints through diag. */
#ifndef PNC_RULES_H
#define PNC_RULES_H

#include <stddef.h>

#include "diag.h"
#include "source.h"

typedef enum rule {
    /* encoding */
    RULE_UTF8_BOM,
    RULE_UTF8_INVALID,
    RULE_LINE_END_CR,
    RULE_CONTROL_CHAR,
    /* header */
    RULE_HEADER_SYNTAX,
    RULE_HEADER_UNKNOWN_KEY,
    RULE_HEADER_DUPLICATE_KEY,
    RULE_HEADER_REQUIRED,
    RULE_HEADER_POLICY,
    RULE_HEADER_LANG,
    RULE_HEADER_DATE,
    RULE_HEADER_URL,
    RULE_HEADER_URL_QR,
    RULE_HEADER_EMAIL,
    RULE_HEADER_EMAIL_OBFUSCATED,
    RULE_HEADER_EMAIL_MISSING,
    RULE_HEADER_PHONE,
    RULE_HEADER_POSTCODE,
    RULE_HEADER_ORGNO,
    RULE_ORGNO_CHECKSUM,
    RULE_WAIVE_SYNTAX,
    RULE_WAIVE_DUPLICATE,
    RULE_WAIVE_REQUIRED,
    RULE_WAIVE_COVERED,
    /* structure */
    RULE_HEADING_SYNTAX,
    RULE_BODY_SYNTAX,
    RULE_SECTION_ID_INVALID,
    RULE_SECTION_ID_DUPLICATE,
    RULE_TOPIC_UNKNOWN,
    RULE_LIMIT,
    RULE_NOTICE_DUPLICATE,
    RULE_HEADING_NUMBER_SEQUENCE,
    RULE_SECTION_EMPTY,
    RULE_SECTION_DUPLICATE,
    RULE_MARKDOWN_UNSUPPORTED,
    /* GDPR Art. 13: always required */
    RULE_ART13_CONTROLLER,
    RULE_ART13_PURPOSES,
    RULE_ART13_LEGAL_BASIS,
    RULE_ART13_RECIPIENTS,
    RULE_ART13_RETENTION,
    RULE_ART13_RIGHTS,
    RULE_ART13_COMPLAINT,
    /* GDPR Art. 13: required where they apply */
    RULE_ART13_DPO,
    RULE_ART13_LEGITIMATE_INTERESTS,
    RULE_ART13_TRANSFERS,
    RULE_ART13_CONSENT_WITHDRAWAL,
    RULE_ART13_AUTOMATED_DECISIONS,
    /* an authored first layer */
    RULE_SUMMARY_INCOMPLETE,
    RULE_SUMMARY_DUPLICATE,
    /* translations */
    RULE_TRANSLATION_SECTIONS,
    RULE_TRANSLATION_TOPICS,
    RULE_TRANSLATION_FACTS,
    RULE_LABELS_MISSING,
    /* text */
    RULE_REPLACEMENT_CHAR,
    RULE_TEXT_EMAIL_OBFUSCATED,
    RULE_TEXT_ORGNO,
    RULE_TEXT_EMAIL,
    RULE_TEXT_PHONE,
    RULE_TEXT_URL,
    RULE_FACT_CONTRADICTED,
    RULE_CHARSET,
    RULE_FONT_GLYPH,
    /* fonts */
    RULE_BDF_SYNTAX,
    RULE_COUNT
} rule;

typedef struct rule_info {
    const char *id;          /* "orgno-checksum" */
    const char *group;       /* "header", "art13-required", ... */
    diag_severity severity;  /* by default */
    int fatal;               /* the input cannot be read or packed without
                                it: always an error, cannot be turned off */
    const char *summary;     /* what it checks, one line */
} rule_info;

const rule_info *rule_get(rule r);

/* Looks a rule up by its id; returns RULE_COUNT if there is none. */
rule rule_by_id(const char *id);

/* What the command line made of each rule. */
typedef enum rule_level {
    RULE_AS_DEFAULT,
    RULE_OFF,
    RULE_AS_WARNING,
    RULE_AS_ERROR
} rule_level;

typedef struct rule_settings {
    unsigned char level[RULE_COUNT]; /* rule_level */
    int warnings_are_errors;         /* -Werror */
} rule_settings;

void rule_settings_init(rule_settings *s);

/* Applies one option: -Werror, -Wno-error, -WNAME, -Wno-NAME,
 * -Werror=NAME or -Wno-error=NAME, where NAME is a rule id or a group
 * (a group also names the groups that start with it and '-': "art13").
 * Returns 0, or -1 with the reason in `why`. */
int rule_settings_apply(rule_settings *s, const char *option, char *why,
                        size_t why_size);

/* The severity `r` is reported with; 0 when it is turned off. */
int rule_effective(const rule_settings *s, rule r, diag_severity *out);

/* Reports rule `r` at byte `offset` of `src`, as diag_at() does, with the
 * severity the settings in `d` give it and its id in brackets. Returns 1
 * if it was reported, 0 if the rule is off (skip its notes then). */
int rule_report(diag *d, rule r, const source *src, size_t offset,
                size_t span, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Prints the rule table: id, default severity, group, summary. */
void rule_print_table(FILE *out);

#endif
