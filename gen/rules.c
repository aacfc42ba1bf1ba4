#include "rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hint.h"

#define E DIAG_ERROR
#define W DIAG_WARNING

/* In enum rule order; docs/CHECKS.md has a section for every id. */
static const rule_info rules[RULE_COUNT] = {
    {"utf8-bom", "encoding", E, 1, "the file starts with a byte order mark"},
    {"utf8-invalid", "encoding", E, 1,
     "bytes that are not UTF-8, with their byte offset"},
    {"line-end-cr", "encoding", E, 1, "a carriage return without line feed"},
    {"control-char", "encoding", E, 1,
     "a control character other than TAB and the line end"},

    {"header-syntax", "header", E, 1,
     "the '---' header is missing, not closed or has a line that is not "
     "'key: value'"},
    {"header-unknown-key", "header", E, 1,
     "a header key pnc does not know, with a did-you-mean hint"},
    {"header-duplicate-key", "header", E, 1,
     "a header key other than waive given twice"},
    {"header-required", "header", E, 1,
     "the header lacks policy, lang or title"},
    {"header-policy", "header", E, 1, "the policy id is not a valid id"},
    {"header-lang", "header", E, 1,
     "the language is not 2 or 3 lower-case letters"},
    {"header-date", "header", E, 0,
     "updated is not a real date written YYYY-MM-DD"},
    {"header-url", "header", E, 0, "web is not a well-formed http(s) URL"},
    {"header-url-qr", "header", E, 1,
     "web is too long for a QR code of version 10 at the --qr-ecc level"},
    {"header-email", "header", E, 0, "email is not a well-formed address"},
    {"header-email-obfuscated", "header", E, 0,
     "email is written in an obfuscated form such as name(at)example.no"},
    {"header-email-missing", "header", W, 0,
     "the header gives no e-mail address for the controller"},
    {"header-phone", "header", E, 0,
     "phone is not a Norwegian number: 8 digits, optional +47"},
    {"header-postcode", "header", E, 0, "postcode is not 4 digits"},
    {"header-orgno", "header", E, 0, "orgno is not 9 digits"},
    {"orgno-checksum", "header", E, 0,
     "orgno fails the MOD11 check digit test"},
    {"waive-syntax", "header", E, 1,
     "a waive line without a topic and a reason"},
    {"waive-duplicate", "header", E, 1, "a topic waived twice"},
    {"waive-required", "header", W, 0,
     "a waiver for a topic GDPR Art. 13 always requires"},
    {"waive-covered", "header", W, 0,
     "a waiver for a topic a section covers"},

    {"heading-syntax", "structure", E, 1,
     "a heading without text or id, with a bad mark or attribute"},
    {"body-syntax", "structure", E, 1,
     "a '---' line, an empty list item or a broken comment in the body"},
    {"section-id-invalid", "structure", E, 1,
     "a section id that is not [a-z0-9][a-z0-9_-]*, 32 bytes at most"},
    {"section-id-duplicate", "structure", E, 1,
     "two sections of a notice with the same id"},
    {"topic-unknown", "structure", E, 1,
     "a topic name that is not in the vocabulary"},
    {"limit", "structure", E, 1,
     "a text, section count or block count beyond the format's limits"},
    {"notice-duplicate", "structure", E, 1,
     "the same policy and language given twice"},
    {"heading-number-sequence", "structure", W, 0,
     "heading numbers out of sequence, such as 4 followed by 6"},
    {"section-empty", "structure", W, 0,
     "a heading with no text and no subsections"},
    {"section-duplicate", "structure", W, 0,
     "two sections with the same title under one parent, or the same text"},
    {"markdown-unsupported", "structure", W, 0,
     "Markdown the format does not keep: block quote, rule, #### heading, "
     "HTML tag, image"},

    {"art13-controller", "art13-required", W, 0,
     "who the controller is: Art. 13(1)(a)"},
    {"art13-purposes", "art13-required", W, 0,
     "the purposes of the processing: Art. 13(1)(c)"},
    {"art13-legal-basis", "art13-required", W, 0,
     "the legal basis of the processing: Art. 13(1)(c)"},
    {"art13-recipients", "art13-required", W, 0,
     "the recipients of the data: Art. 13(1)(e)"},
    {"art13-retention", "art13-required", W, 0,
     "how long the data is kept: Art. 13(2)(a)"},
    {"art13-rights", "art13-required", W, 0,
     "the data subject's rights: Art. 13(2)(b)"},
    {"art13-complaint", "art13-required", W, 0,
     "the right to complain to the authority: Art. 13(2)(d)"},
    {"art13-dpo", "art13-conditional", W, 0,
     "the data protection officer, or a waiver: Art. 13(1)(b)"},
    {"art13-legitimate-interests", "art13-conditional", W, 0,
     "the legitimate interests relied on, or a waiver: Art. 13(1)(d)"},
    {"art13-transfers", "art13-conditional", W, 0,
     "transfers outside the EU/EEA, or a waiver: Art. 13(1)(f)"},
    {"art13-consent-withdrawal", "art13-conditional", W, 0,
     "withdrawing consent, or a waiver: Art. 13(2)(c)"},
    {"art13-automated-decisions", "art13-conditional", W, 0,
     "automated decisions and profiling, or a waiver: Art. 13(2)(f)"},

    {"summary-incomplete", "summary", W, 0,
     "the authored first layer does not name an item WP260 asks of it"},
    {"summary-duplicate", "summary", W, 0,
     "more than one section is tagged summary"},

    {"translation-sections", "translation", E, 0,
     "the languages of a policy have different sections or order"},
    {"translation-topics", "translation", E, 0,
     "the languages of a policy tag sections or waive topics differently"},
    {"translation-facts", "translation", E, 0,
     "the languages of a policy have different header facts"},
    {"labels-missing", "translation", W, 0,
     "no first-layer labels for the notice's language"},

    {"replacement-char", "text", W, 0,
     "U+FFFD, the mark of text damaged by a wrong conversion"},
    {"text-email-obfuscated", "text", W, 0,
     "body text with an obfuscated e-mail address"},
    {"text-orgno", "text", W, 0,
     "an org.nr. in the body that is not 9 digits"},
    {"text-email", "text", W, 0,
     "an e-mail address in the body that is not well formed"},
    {"text-phone", "text", W, 0,
     "a phone number in the body that is not a Norwegian number"},
    {"text-url", "text", W, 0,
     "an http(s) address in the body that is not well formed"},
    {"fact-contradicted", "text", W, 0,
     "a header fact the body contradicts: a near-miss e-mail address, "
     "another 'last updated' date"},
    {"charset", "text", E, 0,
     "a character outside the --charset the display can show"},
    {"font-glyph", "text", E, 0,
     "a character the --font (or --font-heading) has no glyph for"},

    {"bdf-syntax", "font", E, 1,
     "a --font file that is not well-formed BDF 2.1"},
};

#undef E
#undef W

const rule_info *rule_get(rule r)
{
    return &rules[r];
}

rule rule_by_id(const char *id)
{
    unsigned i;
    for (i = 0; i < RULE_COUNT; i++)
        if (strcmp(rules[i].id, id) == 0)
            return (rule)i;
    return RULE_COUNT;
}

void rule_settings_init(rule_settings *s)
{
    memset(s, 0, sizeof *s);
}

/* Whether `name` selects rule `r`: its id, its group, or a family of
 * groups ("art13" for "art13-required" and "art13-conditional"). */
static int selects(const char *name, rule r)
{
    const char *group = rules[r].group;
    size_t len = strlen(name);

    return strcmp(name, rules[r].id) == 0 || strcmp(name, group) == 0 ||
           (strncmp(name, group, len) == 0 && group[len] == '-');
}

static const char *closest_name(const char *name)
{
    const char *names[2 * RULE_COUNT];
    size_t count = 0;
    unsigned i;

    for (i = 0; i < RULE_COUNT; i++) {
        names[count++] = rules[i].id;
        names[count++] = rules[i].group;
    }
    return hint_closest(name, strlen(name), names, count);
}

static int set_level(rule_settings *s, const char *name, rule_level level,
                     char *why, size_t why_size)
{
    unsigned i, matched = 0, fatal = 0;
    rule exact = rule_by_id(name);

    for (i = 0; i < RULE_COUNT; i++) {
        if (!selects(name, (rule)i))
            continue;
        matched++;
        /* A group turns off what can be turned off and leaves the rest. */
        if (rules[i].fatal && level != RULE_AS_ERROR &&
            level != RULE_AS_DEFAULT) {
            fatal++;
            continue;
        }
        s->level[i] = (unsigned char)level;
    }
    if (matched == 0) {
        const char *hint = closest_name(name);
        snprintf(why, why_size, "no rule or group '%s'%s%s%s", name,
                 hint ? "; did you mean '" : "", hint ? hint : "",
                 hint ? "'?" : "");
        return -1;
    }
    if (fatal == matched) {
        snprintf(why, why_size,
                 "%s '%s' reports input pnc cannot compile; it is always an "
                 "error",
                 exact != RULE_COUNT ? "rule" : "group", name);
        return -1;
    }
    return 0;
}

int rule_settings_apply(rule_settings *s, const char *option, char *why,
                        size_t why_size)
{
    const char *name;

    if (strncmp(option, "-W", 2) != 0 || option[2] == '\0') {
        snprintf(why, why_size, "not a -W option: %s", option);
        return -1;
    }
    name = option + 2;
    if (strcmp(name, "error") == 0) {
        s->warnings_are_errors = 1;
        return 0;
    }
    if (strcmp(name, "no-error") == 0) {
        s->warnings_are_errors = 0;
        return 0;
    }
    if (strncmp(name, "error=", 6) == 0)
        return set_level(s, name + 6, RULE_AS_ERROR, why, why_size);
    if (strncmp(name, "no-error=", 9) == 0)
        return set_level(s, name + 9, RULE_AS_WARNING, why, why_size);
    if (strncmp(name, "no-", 3) == 0)
        return set_level(s, name + 3, RULE_OFF, why, why_size);
    return set_level(s, name, RULE_AS_DEFAULT, why, why_size);
}

int rule_effective(const rule_settings *s, rule r, diag_severity *out)
{
    diag_severity severity = rules[r].severity;
    rule_level level = s ? (rule_level)s->level[r] : RULE_AS_DEFAULT;

    switch (level) {
    case RULE_OFF:
        return 0;
    case RULE_AS_WARNING:
        severity = DIAG_WARNING;
        break;
    case RULE_AS_ERROR:
        severity = DIAG_ERROR;
        break;
    case RULE_AS_DEFAULT:
        if (severity == DIAG_WARNING && s && s->warnings_are_errors)
            severity = DIAG_ERROR;
        break;
    }
    *out = severity;
    return 1;
}

int rule_report(diag *d, rule r, const source *src, size_t offset,
                size_t span, const char *fmt, ...)
{
    diag_severity severity;
    va_list ap;

    if (!rule_effective(d->rules, r, &severity))
        return 0;
    va_start(ap, fmt);
    diag_vat(d, severity, src, offset, span, rules[r].id, fmt, ap);
    va_end(ap);
    return 1;
}

void rule_print_table(FILE *out)
{
    unsigned i;

    fprintf(out, "%-27s %-8s %-18s %s\n", "RULE", "DEFAULT", "GROUP",
            "CHECKS");
    for (i = 0; i < RULE_COUNT; i++)
        fprintf(out, "%-27s %-8s %-18s %s%s\n", rules[i].id,
                rules[i].severity == DIAG_ERROR ? "error" : "warning",
                rules[i].group, rules[i].summary,
                rules[i].fatal ? " (always an error)" : "");
}
