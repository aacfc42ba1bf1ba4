/* check_header.c: the header's facts are the structured contact details
 * firmware shows and dials; each must be well formed. The policy id and
 * language are how firmware finds a notice, and each topic is waived at
 * most once. */
#include <string.h>

#include "../runtime/pn_format.h"
#include "check.h"
#include "parse.h"
#include "rules.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int starts_with_nocase(const char *s, size_t len, const char *word)
{
    size_t i, n = strlen(word);
    if (len < n)
        return 0;
    for (i = 0; i < n; i++)
        if (lower(s[i]) != word[i])
            return 0;
    return 1;
}

/* ---- Obfuscated e-mail addresses ----------------------------------------- */

size_t check_find_obfuscation(const char *s, size_t len, int loose,
                              size_t *mark_len)
{
    static const char *const marks[] = {
        "[email protected]", "[email\xc2\xa0protected]", "(at)", "[at]",
        "{at}", "<at>", "(dot)", "[dot]", "{dot}", "<dot>", "(@)", "[@]",
    };
    static const char *const loose_marks[] = {" at ", " dot "};
    size_t i, m;

    for (i = 0; i < len; i++) {
        for (m = 0; m < sizeof marks / sizeof marks[0]; m++) {
            if (starts_with_nocase(s + i, len - i, marks[m])) {
                *mark_len = strlen(marks[m]);
                return i;
            }
        }
        for (m = 0; loose && m < sizeof loose_marks / sizeof loose_marks[0];
             m++) {
            if (starts_with_nocase(s + i, len - i, loose_marks[m])) {
                *mark_len = strlen(loose_marks[m]);
                return i;
            }
        }
    }
    return len;
}

/* ---- Well-formed values --------------------------------------------------- */

static int is_leap_year(unsigned year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* YYYY-MM-DD, and a day that exists in that month of that year. */
static int is_real_date(const char *s)
{
    static const unsigned days[12] = {31, 28, 31, 30, 31, 30,
                                      31, 31, 30, 31, 30, 31};
    unsigned year, month, day, i;

    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return 0;
    year = (unsigned)((s[0] - '0') * 1000 + (s[1] - '0') * 100 +
                      (s[2] - '0') * 10 + (s[3] - '0'));
    month = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
    day = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
    if (month < 1 || month > 12 || day < 1)
        return 0;
    return day <= days[month - 1] + (month == 2 && is_leap_year(year));
}

/* A host name: dot-separated labels of letters, digits and '-' (or bytes
 * of non-ASCII letters, for internationalised names), neither starting nor
 * ending with '-', at most 63 bytes each; at least two labels, the last
 * holding a letter. Returns its length at `s`, or 0. */
static size_t host_length(const char *s)
{
    size_t i = 0, labels = 0;
    int has_letter = 0;

    for (;;) {
        size_t start = i;
        has_letter = 0;
        while (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '-' ||
               (unsigned char)s[i] >= 0x80) {
            if (!is_digit(s[i]) && s[i] != '-')
                has_letter = 1;
            i++;
        }
        if (i == start || i - start > 63 || s[start] == '-' ||
            s[i - 1] == '-')
            return 0;
        labels++;
        if (s[i] != '.')
            break;
        i++;
    }
    return labels >= 2 && has_letter ? i : 0;
}

const char *check_url_problem(const char *s)
{
    size_t host;

    if (starts_with_nocase(s, strlen(s), "https://"))
        s += 8;
    else if (starts_with_nocase(s, strlen(s), "http://"))
        s += 7;
    else
        return "it does not start with https:// or http://";
    host = host_length(s);
    if (host == 0)
        return "the host name is not well formed";
    s += host;
    if (*s == ':') {
        size_t digits = 0;
        while (is_digit(s[1 + digits]))
            digits++;
        if (digits == 0 || digits > 5)
            return "the port after ':' is not a number";
        s += 1 + digits;
    }
    if (*s != '\0' && *s != '/' && *s != '?' && *s != '#')
        return "the host name is followed by something other than a path";
    for (; *s; s++)
        if ((unsigned char)*s <= ' ' || strchr("\"<>\\^`{|}", *s))
            return "it contains a character a URL cannot hold, such as a "
                   "space or a quote";
    return NULL;
}

static int is_local_part_char(char c)
{
    return is_alpha(c) || is_digit(c) || strchr("!#$%&'*+/=?^_`{|}~.-", c);
}

const char *check_email_problem(const char *s)
{
    const char *at = strchr(s, '@');
    size_t i, local;

    if (starts_with_nocase(s, strlen(s), "mailto:"))
        return "write the address without 'mailto:'";
    if (!at)
        return "it has no '@'";
    if (strchr(at + 1, '@'))
        return "it has more than one '@'";
    local = (size_t)(at - s);
    if (local == 0 || local > 64)
        return "the part before '@' is empty or longer than 64 bytes";
    for (i = 0; i < local; i++)
        if (!is_local_part_char(s[i]))
            return "the part before '@' holds a character an address "
                   "cannot";
    if (s[0] == '.' || s[local - 1] == '.')
        return "a dot starts or ends the part before '@'";
    for (i = 0; i + 1 < local; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            return "two dots follow each other in the part before '@'";
    if (strstr(at + 1, "..") != NULL)
        return "two dots follow each other in the domain after '@'";
    if (host_length(at + 1) != strlen(at + 1))
        return "the domain after '@' is not well formed";
    return NULL;
}

/* Copies the digits of `s` into `digits` (at most `size` - 1); returns
 * their count, or `size` when `s` holds anything but digits and spaces. */
static size_t digits_of(const char *s, char *digits, size_t size)
{
    size_t count = 0;

    for (; *s; s++) {
        if (*s == ' ')
            continue;
        if (!is_digit(*s) || count + 1 >= size)
            return size;
        digits[count++] = *s;
    }
    digits[count] = '\0';
    return count;
}

int check_is_norwegian_phone(const char *s)
{
    char digits[16];

    if (strncmp(s, "+47", 3) == 0)
        s += 3;
    else if (strncmp(s, "0047", 4) == 0)
        s += 4;
    return digits_of(s, digits, sizeof digits) == 8;
}

/* A number with its country code, as E.164 writes it: '+', then 8 to 15
 * digits (spaces are allowed). */
static int is_international_phone(const char *s)
{
    char digits[16];
    size_t count;

    if (s[0] != '+')
        return 0;
    count = digits_of(s + 1, digits, sizeof digits);
    return count >= 8 && count <= 15;
}

/* A postcode of another country: 2 to 10 letters, digits, spaces and
 * '-', a digit among them ("D02 X285", "10115", "SW1A 1AA"). */
static int is_foreign_postcode(const char *s)
{
    size_t n = strlen(s), i;
    int digit = 0;

    if (n < 2 || n > 10)
        return 0;
    for (i = 0; i < n; i++) {
        if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != ' ' && s[i] != '-')
            return 0;
        digit |= is_digit(s[i]);
    }
    return digit;
}

/* ---- The rules every notice read must pass ------------------------------ */

static void check_value(const mnotice *n, const mstr *value, diag *d)
{
    if (value == &n->policy && !parse_is_valid_id(value->s, value->span))
        rule_report(d, RULE_HEADER_POLICY, n->src, value->offset,
                    value->span,
                    "invalid policy id: use a-z, 0-9, '-' and '_', starting "
                    "with a letter or digit, at most 32 bytes");
    else if (value == &n->lang && !parse_is_valid_lang(value->s, value->span))
        rule_report(d, RULE_HEADER_LANG, n->src, value->offset, value->span,
                    "invalid language tag: use 2 or 3 lower-case letters "
                    "(ISO 639), e.g. 'nb' or 'en'");
    else if (value->span > PN_MAX_TEXT)
        rule_report(d, RULE_LIMIT, n->src, value->offset, 1,
                    "value is longer than %u bytes", (unsigned)PN_MAX_TEXT);
}

/* The policy id, the language, and values too long for the catalog. */
void check_header_values(const mnotice *n, diag *d)
{
    const mstr *values[4 + FACT_COUNT];
    size_t i, count = 0;

    values[count++] = &n->policy;
    values[count++] = &n->lang;
    values[count++] = &n->title;
    values[count++] = &n->updated;
    for (i = 0; i < FACT_COUNT; i++)
        values[count++] = &n->facts[i];
    for (i = 0; i < count; i++)
        if (values[i]->s)
            check_value(n, values[i], d);
    for (i = 0; i < n->contact_count; i++)
        check_value(n, &n->contacts[i].value, d);
}

/* A topic's name indexes a bit set: no search, however many lines. */
void check_waivers_once(const mnotice *n, diag *d)
{
    uint32_t waived = 0;
    size_t i;

    for (i = 0; i < n->waiver_count; i++) {
        const mwaiver *w = &n->waivers[i];
        if (waived & PN_TOPIC_BIT(w->topic))
            rule_report(d, RULE_WAIVE_DUPLICATE, n->src, w->topic_offset,
                        strlen(pn_topic_name(w->topic)), "topic waived twice");
        waived |= PN_TOPIC_BIT(w->topic);
    }
}

/* ---- The rules ----------------------------------------------------------- */

static void check_date(const mnotice *n, diag *d)
{
    if (n->updated.s && !is_real_date(n->updated.s))
        rule_report(d, RULE_HEADER_DATE, n->src, n->updated.offset,
                    n->updated.span,
                    "updated '%s' is not a real date written YYYY-MM-DD",
                    n->updated.s);
}

/* Each check reads one value: a fact of the controller or of another
 * party (a DPO, a representative, a joint controller), with its role. A
 * representative in the EU may have a foreign address and phone. */
static void check_web(const mnotice *n, const mstr *web, diag *d)
{
    const char *problem = check_url_problem(web->s);

    if (problem)
        rule_report(d, RULE_HEADER_URL, n->src, web->offset, web->span,
                    "web address '%s' is not a well-formed URL: %s", web->s,
                    problem);
}

/* pnc stores a QR code of the web address; a device shows it. */
void check_web_qr(const mnotice *n, qr_ecc level, diag *d)
{
    const mstr *web = &n->facts[FACT_WEB];
    size_t len;
    const char *text = notice_web_as_written(n, &len);
    qr_mode mode = qr_mode_for(text, len);
    size_t most = qr_capacity(QR_MAX_VERSION, level, mode);
    size_t most_at_l = qr_capacity(QR_MAX_VERSION, QR_ECC_L, mode);

    if (!text || len <= most)
        return;
    rule_report(d, RULE_HEADER_URL_QR, n->src, web->offset, web->span,
                "web address is %lu %s long: a QR code of version %d at "
                "level %s holds at most %lu in %s mode; shorten it%s",
                (unsigned long)len,
                mode == QR_MODE_BYTE ? "bytes" : "characters", QR_MAX_VERSION,
                qr_ecc_name(level), (unsigned long)most,
                mode == QR_MODE_BYTE ? "byte" : "alphanumeric",
                len <= most_at_l ? " or lower the level with --qr-ecc L" : "");
}

static void check_email(const mnotice *n, const mstr *email, diag *d)
{
    size_t mark, mark_len;
    const char *problem;

    mark = check_find_obfuscation(email->s, strlen(email->s), 1, &mark_len);
    if (mark < strlen(email->s)) {
        rule_report(d, RULE_HEADER_EMAIL_OBFUSCATED, n->src,
                    email->offset + mark, mark_len,
                    "e-mail address '%s' is obfuscated ('%.*s'); the header "
                    "must give the address itself",
                    email->s, (int)mark_len, email->s + mark);
        return;
    }
    problem = check_email_problem(email->s);
    if (problem)
        rule_report(d, RULE_HEADER_EMAIL, n->src, email->offset, email->span,
                    "e-mail address '%s' is not well formed: %s", email->s,
                    problem);
}

static void check_phone(const mnotice *n, pn_role role, const mstr *phone,
                        diag *d)
{
    if (check_is_norwegian_phone(phone->s))
        return;
    if (role != PN_ROLE_REPRESENTATIVE)
        rule_report(d, RULE_HEADER_PHONE, n->src, phone->offset, phone->span,
                    "phone number '%s' is not a Norwegian number: expected 8 "
                    "digits, optionally after +47 (spaces are allowed)",
                    phone->s);
    else if (!is_international_phone(phone->s))
        rule_report(d, RULE_HEADER_PHONE, n->src, phone->offset, phone->span,
                    "phone number '%s' is neither a Norwegian number nor "
                    "one written with its country code: expected 8 digits, "
                    "or '+' and 8 to 15 digits (spaces are allowed)",
                    phone->s);
}

/* A UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A), an
 * optional space, inward code (9AA), in capitals: "EC4R 1AG". */
static int is_uk_postcode(const char *s)
{
    size_t i = 0, n = strlen(s);
    int upper0 = s[0] >= 'A' && s[0] <= 'Z';

    if (n < 5 || !upper0)
        return 0;
    i = (s[1] >= 'A' && s[1] <= 'Z') ? 2 : 1;
    if (!is_digit(s[i++]))
        return 0;
    if (is_digit(s[i]) || (s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] != '\0' &&
                           (is_digit(s[i + 1]) || s[i + 1] == ' ')))
        i++;
    if (s[i] == ' ')
        i++;
    return n - i == 3 && is_digit(s[i]) && s[i + 1] >= 'A' &&
           s[i + 1] <= 'Z' && s[i + 2] >= 'A' && s[i + 2] <= 'Z';
}

/* Norwegian (4 digits) or UK postcodes: the countries of the notices so
 * far. A postcode of another country is better left out than wrong. */
static void check_postcode(const mnotice *n, pn_role role, const mstr *code,
                           diag *d)
{
    const char *s = code->s;

    if ((strlen(s) == 4 && is_digit(s[0]) && is_digit(s[1]) &&
         is_digit(s[2]) && is_digit(s[3])) || is_uk_postcode(s))
        return;
    if (role != PN_ROLE_REPRESENTATIVE)
        rule_report(d, RULE_HEADER_POSTCODE, n->src, code->offset,
                    code->span,
                    "postcode '%s' is neither Norwegian (4 digits) nor a UK "
                    "postcode (such as 'EC4R 1AG')", s);
    else if (!is_foreign_postcode(s))
        rule_report(d, RULE_HEADER_POSTCODE, n->src, code->offset,
                    code->span,
                    "postcode '%s' is neither Norwegian, nor a UK postcode, "
                    "nor another country's (2 to 10 letters, digits, spaces "
                    "and '-')",
                    s);
}

/* Norwegian organisation numbers end in a MOD11 check digit: weigh the
 * first eight digits by 3 2 7 6 5 4 3 2; the check digit is 11 minus the
 * sum's remainder by 11, 0 when that remainder is 0, and no number has
 * remainder 1. */
void check_orgno_at(const mnotice *n, const char *value, size_t offset,
                    size_t span, rule not_nine, diag *d)
{
    static const int weights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    char digits[16];
    int sum = 0, remainder, i;

    if (digits_of(value, digits, sizeof digits) != 9) {
        rule_report(d, not_nine, n->src, offset, span,
                    "organisation number '%s' is not 9 digits (spaces "
                    "between them are allowed)",
                    value);
        return;
    }
    for (i = 0; i < 8; i++)
        sum += (digits[i] - '0') * weights[i];
    remainder = sum % 11;
    if (remainder == 1)
        rule_report(d, RULE_ORGNO_CHECKSUM, n->src, offset, span,
                    "organisation number %s cannot be valid: its first eight "
                    "digits leave remainder 1 in the MOD11 check",
                    value);
    else if (digits[8] - '0' != (remainder == 0 ? 0 : 11 - remainder))
        rule_report(d, RULE_ORGNO_CHECKSUM, n->src, offset, span,
                    "organisation number %s fails the MOD11 check: its check "
                    "digit should be %d, not %c",
                    value, remainder == 0 ? 0 : 11 - remainder, digits[8]);
}

static void check_orgno(const mnotice *n, pn_role role, const mstr *orgno,
                        diag *d)
{
    char digits[16];

    /* A representative abroad has another country's number. */
    if (role == PN_ROLE_REPRESENTATIVE &&
        digits_of(orgno->s, digits, sizeof digits) != 9)
        return;
    check_orgno_at(n, orgno->s, orgno->offset, orgno->span, RULE_HEADER_ORGNO,
                   d);
}

static void check_fact(const mnotice *n, pn_role role, fact_key fact,
                       const mstr *value, diag *d)
{
    switch (fact) {
    case FACT_ORGNO: check_orgno(n, role, value, d); break;
    case FACT_POSTCODE: check_postcode(n, role, value, d); break;
    case FACT_EMAIL: check_email(n, value, d); break;
    case FACT_PHONE: check_phone(n, role, value, d); break;
    case FACT_WEB: check_web(n, value, d); break;
    default: break;
    }
}

void check_header(const mnotice *n, diag *d)
{
    static const fact_key order[] = {FACT_ORGNO, FACT_POSTCODE, FACT_EMAIL,
                                     FACT_PHONE, FACT_WEB};
    size_t i;

    check_date(n, d);
    for (i = 0; i < sizeof order / sizeof order[0]; i++)
        if (n->facts[order[i]].s)
            check_fact(n, PN_ROLE_CONTROLLER, order[i], &n->facts[order[i]],
                       d);
    for (i = 0; i < n->contact_count; i++) {
        const mcontact *c = &n->contacts[i];
        check_fact(n, c->role, c->fact, &c->value, d);
    }
    if (!n->facts[FACT_EMAIL].s)
        rule_report(d, RULE_HEADER_EMAIL_MISSING, n->src, n->header_end, 3,
                    "no e-mail address for the controller: add 'email:' to "
                    "the header (contact details, GDPR Art. 13(1)(a))");
}
