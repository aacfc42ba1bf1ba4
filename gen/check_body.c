/* check_body.c: the facts a notice's text states, checked like the
 * header's (check_header.c has the checks): an org.nr. with its MOD11
 * digit, e-mail addresses, phone numbers and web addresses well formed;
 * and a header fact the text contradicts (an e-mail address one typo away,
 * another "last updated" date) is worth a look. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "hint.h"
#include "rules.h"

/* A run of body text the device shows, as written in the source. */
typedef struct text_run {
    const char *s;
    size_t len;
    size_t offset; /* of s[0] in the source */
} text_run;

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether `word` (lower case) is at `at` in the run, in any case, and not
 * glued to a letter, digit or dot before it nor a letter after it. */
static int word_at(const text_run *t, size_t at, const char *word)
{
    size_t i, n = strlen(word);

    if (at + n > t->len)
        return 0;
    if (at > 0 && (is_letter((unsigned char)t->s[at - 1]) ||
                   is_digit((unsigned char)t->s[at - 1]) ||
                   t->s[at - 1] == '.'))
        return 0;
    for (i = 0; i < n; i++)
        if (lower(t->s[at + i]) != word[i])
            return 0;
    return at + n == t->len || !is_letter((unsigned char)t->s[at + n]);
}

/* Whether `prefix` (lower case) starts at `at`, in any case, after
 * something other than a letter or digit. */
static int prefix_at(const text_run *t, size_t at, const char *prefix)
{
    size_t i, n = strlen(prefix);

    if (at + n > t->len || (at > 0 && (is_letter((unsigned char)t->s[at - 1]) ||
                                       is_digit((unsigned char)t->s[at - 1]))))
        return 0;
    for (i = 0; i < n; i++)
        if (lower(t->s[at + i]) != prefix[i])
            return 0;
    return 1;
}

/* After a label: skips ':' '.' and spaces; returns the new index. */
static size_t skip_label_end(const text_run *t, size_t i)
{
    while (i < t->len && (t->s[i] == ':' || t->s[i] == '.' || t->s[i] == ' '))
        i++;
    return i;
}

/* The bytes of a space between digit groups at `i`: a space or a
 * no-break space (U+00A0), followed by a digit; else 0. */
static size_t group_space(const text_run *t, size_t i)
{
    size_t n = 0;

    if (i < t->len && t->s[i] == ' ')
        n = 1;
    else if (i + 1 < t->len && (unsigned char)t->s[i] == 0xC2 &&
             (unsigned char)t->s[i + 1] == 0xA0)
        n = 2;
    return n && i + n < t->len && is_digit((unsigned char)t->s[i + n]) ? n
                                                                       : 0;
}

/* The `len` bytes at `s` as a string, a no-break space made a space (the
 * header's checks allow spaces between digits). */
static char *copy_of(const char *s, size_t len)
{
    buf b = {0};
    size_t i;

    for (i = 0; i < len; i++) {
        if ((unsigned char)s[i] == 0xC2 && i + 1 < len &&
            (unsigned char)s[i + 1] == 0xA0) {
            buf_byte(&b, ' ');
            i++;
        } else {
            buf_byte(&b, (unsigned char)s[i]);
        }
    }
    buf_byte(&b, 0);
    return (char *)b.data;
}

/* ---- Organisation numbers ----------------------------------------------- */

/* "org.nr. 937 323 566": digit groups after the label, up to 9 digits;
 * a group that would pass 9 is taken whole (and then not 9 digits). */
static void check_orgnos(const mnotice *n, const text_run *t, diag *d)
{
    static const char *const labels[] = {
        "org.nr", "org. nr", "orgnr", "org.nummer", "organisasjonsnummer",
        "organisasjonsnr", "org. no", "org.no",
    };
    size_t i, k;

    for (i = 0; i < t->len; i++) {
        for (k = 0; k < sizeof labels / sizeof labels[0]; k++)
            if (word_at(t, i, labels[k]))
                break;
        if (k == sizeof labels / sizeof labels[0])
            continue;
        {
            size_t start = skip_label_end(t, i + strlen(labels[k]));
            size_t end = start, digits = 0;
            char *value;

            while (end < t->len && is_digit((unsigned char)t->s[end])) {
                size_t group = end;
                while (end < t->len && is_digit((unsigned char)t->s[end]))
                    end++;
                digits += end - group;
                if (digits >= 9 || group_space(t, end) == 0)
                    break;
                end += group_space(t, end);
            }
            if (digits == 0)
                continue;
            value = copy_of(t->s + start, end - start);
            check_orgno_at(n, value, t->offset + start, end - start,
                           RULE_TEXT_ORGNO, d);
            free(value);
            i = end;
        }
    }
}

/* ---- E-mail addresses ----------------------------------------------------- */

static int is_local_char(unsigned char c)
{
    return is_digit(c) || (c < 0x80 && is_letter(c)) ||
           (c && strchr("!#$%&'+=?^_{|}~.-", c) != NULL);
}

static int is_domain_char(unsigned char c)
{
    return is_digit(c) || is_letter(c) || c == '.' || c == '-';
}

typedef struct found_email {
    char *address;
    size_t offset, span;
} found_email;

/* Every "local@domain" in the run, checked; the well-formed ones are
 * added to `found`. An '@' with nothing before it ("@handle", Zola's
 * "@/page.md") is not an address. */
static void check_emails(const mnotice *n, const text_run *t,
                         found_email **found, size_t *count, size_t *cap,
                         diag *d)
{
    size_t i;

    for (i = 0; i < t->len; i++) {
        size_t left = i, right = i + 1;
        const char *problem;
        char *address;

        if (t->s[i] != '@')
            continue;
        while (left > 0 && is_local_char((unsigned char)t->s[left - 1]))
            left--;
        while (right < t->len && is_domain_char((unsigned char)t->s[right]))
            right++;
        while (right > i + 1 && (t->s[right - 1] == '.' ||
                                 t->s[right - 1] == '-'))
            right--; /* the sentence's full stop */
        if (left == i || right == i + 1)
            continue;
        address = copy_of(t->s + left, right - left);
        problem = check_email_problem(address);
        if (problem) {
            rule_report(d, RULE_TEXT_EMAIL, n->src, t->offset + left,
                        right - left,
                        "e-mail address '%s' is not well formed: %s",
                        address, problem);
            free(address);
        } else {
            *found = grow_array(*found, cap, *count + 1, sizeof **found);
            (*found)[*count].address = address;
            (*found)[*count].offset = t->offset + left;
            (*found)[*count].span = right - left;
            (*count)++;
        }
        i = right;
    }
}

static int same_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i;
    if (alen != blen)
        return 0;
    for (i = 0; i < alen; i++)
        if (lower(a[i]) != lower(b[i]))
            return 0;
    return 1;
}

/* One part the same, the other a typo away: "suport@x.no" beside
 * "support@x.no", or "post@demo.mo" beside "post@demo.no". */
static int near_miss(const char *a, const char *b)
{
    const char *at_a = strchr(a, '@'), *at_b = strchr(b, '@');
    size_t la = (size_t)(at_a - a), lb = (size_t)(at_b - b), distance;

    if (same_nocase(at_a, strlen(at_a), at_b, strlen(at_b))) {
        distance = hint_distance(a, la, b, lb);
        return distance > 0 && distance <= hint_allowed(la);
    }
    if (same_nocase(a, la, b, lb)) {
        distance = hint_distance(at_a + 1, strlen(at_a + 1), at_b + 1,
                                 strlen(at_b + 1));
        return distance > 0 && distance <= hint_allowed(strlen(at_a + 1));
    }
    return 0;
}

/* The header's email: is contradicted when the body never gives it but
 * gives an address a typo away from it. */
static void compare_emails(const mnotice *n, const found_email *found,
                           size_t count, diag *d)
{
    const mstr *email = &n->facts[FACT_EMAIL];
    size_t i;

    if (!email->s || check_email_problem(email->s))
        return;
    for (i = 0; i < count; i++)
        if (same_nocase(found[i].address, strlen(found[i].address),
                        email->s, strlen(email->s)))
            return;
    for (i = 0; i < count; i++) {
        if (!near_miss(found[i].address, email->s))
            continue;
        if (rule_report(d, RULE_FACT_CONTRADICTED, n->src, found[i].offset,
                        found[i].span,
                        "the text gives '%s', the header's email: '%s'; "
                        "is one of them a typo?",
                        found[i].address, email->s))
            diag_at(d, DIAG_NOTE, n->src, email->offset, email->span, NULL,
                    "the header's email: is here");
        return;
    }
}

/* ---- Phone numbers -------------------------------------------------------- */

/* "tlf: 75 00 60 00", "ringje 55 55 33 33": a number after a label. One
 * with a country code other than +47 is foreign and not checked; one
 * without is checked in a Norwegian notice only. */
static void check_phones(const mnotice *n, const text_run *t, diag *d)
{
    static const char *const labels[] = {"tlf", "telefon", "phone", "tel",
                                         "ring", "ringe", "ringje"};
    int norwegian = n->lang.s && (strcmp(n->lang.s, "nb") == 0 ||
                                  strcmp(n->lang.s, "nn") == 0 ||
                                  strcmp(n->lang.s, "no") == 0);
    size_t i, k;

    for (i = 0; i < t->len; i++) {
        size_t start, end;
        char *number;
        int plus;

        for (k = 0; k < sizeof labels / sizeof labels[0]; k++)
            if (word_at(t, i, labels[k]))
                break;
        if (k == sizeof labels / sizeof labels[0])
            continue;
        start = skip_label_end(t, i + strlen(labels[k]));
        end = start;
        plus = end < t->len && t->s[end] == '+';
        if (plus)
            end++;
        if (end >= t->len || !is_digit((unsigned char)t->s[end]))
            continue;
        while (end < t->len) {
            if (is_digit((unsigned char)t->s[end]))
                end++;
            else if (group_space(t, end))
                end += group_space(t, end);
            else
                break;
        }
        number = copy_of(t->s + start, end - start);
        if (plus ? strncmp(number, "+47", 3) == 0
                 : (norwegian || strncmp(number, "0047", 4) == 0)) {
            if (!check_is_norwegian_phone(number))
                rule_report(d, RULE_TEXT_PHONE, n->src, t->offset + start,
                            end - start,
                            "phone number '%s' is not a Norwegian number: "
                            "expected 8 digits, optionally after +47",
                            number);
        }
        free(number);
        i = end;
    }
}

/* ---- Web addresses -------------------------------------------------------- */

static void check_urls(const mnotice *n, const text_run *t, diag *d)
{
    size_t i;

    for (i = 0; i < t->len; i++) {
        size_t end = i;
        const char *problem;
        char *url;

        if (!(prefix_at(t, i, "http://") || prefix_at(t, i, "https://")))
            continue;
        while (end < t->len && (unsigned char)t->s[end] > ' ' &&
               !strchr("<>\"`]", t->s[end]))
            end++;
        /* Markdown's and the sentence's closing marks are not the URL's. */
        while (end > i && strchr(".,;:!?*_')", t->s[end - 1])) {
            if (t->s[end - 1] == ')') {
                size_t open = 0, close = 0, j;
                for (j = i; j < end; j++) {
                    open += t->s[j] == '(';
                    close += t->s[j] == ')';
                }
                if (close <= open)
                    break;
            }
            end--;
        }
        url = copy_of(t->s + i, end - i);
        problem = check_url_problem(url);
        if (problem)
            rule_report(d, RULE_TEXT_URL, n->src, t->offset + i, end - i,
                        "web address '%s' is not a well-formed URL: %s", url,
                        problem);
        free(url);
        i = end;
    }
}

/* ---- "Last updated" -------------------------------------------------------- */

static const char *const months[] = {
    "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt",
    "nov", "des",
};
static const char *const months_en[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
    "nov", "dec",
};

/* A month's name (nb, nn, en, full or cut to 3 letters) at `s`: 1-12,
 * and `*len` its length; 0 if none. */
static unsigned month_at(const char *s, size_t left, size_t *len)
{
    size_t n = 0;
    unsigned m;

    while (n < left && is_letter((unsigned char)s[n]))
        n++;
    if (n < 3)
        return 0;
    for (m = 0; m < 12; m++) {
        if ((lower(s[0]) == months[m][0] && lower(s[1]) == months[m][1] &&
             lower(s[2]) == months[m][2]) ||
            (lower(s[0]) == months_en[m][0] && lower(s[1]) == months_en[m][1] &&
             lower(s[2]) == months_en[m][2])) {
            *len = n;
            return m + 1;
        }
    }
    return 0;
}

/* "YYYY-MM-DD" of numbers already bounded by their digit counts. */
static void put_iso(char iso[11], unsigned long y, unsigned long m,
                    unsigned long d)
{
    iso[0] = (char)('0' + y / 1000 % 10);
    iso[1] = (char)('0' + y / 100 % 10);
    iso[2] = (char)('0' + y / 10 % 10);
    iso[3] = (char)('0' + y % 10);
    iso[4] = '-';
    iso[5] = (char)('0' + m / 10 % 10);
    iso[6] = (char)('0' + m % 10);
    iso[7] = '-';
    iso[8] = (char)('0' + d / 10 % 10);
    iso[9] = (char)('0' + d % 10);
    iso[10] = '\0';
}

static size_t number_at(const char *s, size_t left, unsigned long *value)
{
    size_t n = 0;
    *value = 0;
    while (n < left && n < 5 && is_digit((unsigned char)s[n]))
        *value = *value * 10 + (unsigned long)(s[n++] - '0');
    return n;
}

/* A year of 4 digits at `s + j`, after spaces and commas ("June 2, 2025"):
 * writes it into `*year` and returns where it ends, or 0. */
static size_t year_at(const char *s, size_t left, size_t j,
                      unsigned long *year)
{
    while (j < left && (s[j] == ' ' || s[j] == ','))
        j++;
    return number_at(s + j, left - j, year) == 4 ? j + 4 : 0;
}

/* A date at `s`: 2023-01-16, 16.01.2023, 16/1/2023, 16. januar 2023,
 * 02 June 2025, June 2, 2025. Writes "YYYY-MM-DD" into `iso` and returns
 * the length read, or 0. */
static size_t date_at(const char *s, size_t left, char iso[11])
{
    unsigned long a, b, c;
    size_t i = number_at(s, left, &a), n, mlen;
    unsigned month;

    if (i == 4 && i < left && s[i] == '-') {
        n = number_at(s + i + 1, left - i - 1, &b);
        if (n == 2 && i + 1 + n < left && s[i + 1 + n] == '-' &&
            number_at(s + i + 2 + n, left - i - 2 - n, &c) == 2) {
            put_iso(iso, a, b, c);
            return i + 2 + n + 2;
        }
        return 0;
    }
    if (i >= 1 && i <= 2 && i < left && (s[i] == '.' || s[i] == '/')) {
        char sep = s[i];
        n = number_at(s + i + 1, left - i - 1, &b);
        if (n >= 1 && n <= 2 && i + 1 + n < left && s[i + 1 + n] == sep &&
            number_at(s + i + 2 + n, left - i - 2 - n, &c) == 4 && b >= 1 &&
            b <= 12) {
            put_iso(iso, c, b, a);
            return i + 2 + n + 4;
        }
    }
    if (i >= 1 && i <= 2) { /* 16. januar 2023, 02 June 2025 */
        size_t j = i;
        if (j < left && s[j] == '.')
            j++;
        while (j < left && s[j] == ' ')
            j++;
        month = month_at(s + j, left - j, &mlen);
        if (month && (n = year_at(s, left, j + mlen, &c)) != 0) {
            put_iso(iso, c, month, a);
            return n;
        }
        return 0;
    }
    month = month_at(s, left, &mlen); /* June 2, 2025 */
    if (month) {
        size_t j = mlen;
        while (j < left && s[j] == ' ')
            j++;
        n = number_at(s + j, left - j, &b);
        if (n >= 1 && n <= 2 && (n = year_at(s, left, j + n, &c)) != 0) {
            put_iso(iso, c, month, b);
            return n;
        }
    }
    return 0;
}

/* "Sist oppdatert 31/05/2021", "Last updated: 02 June 2025": a date the
 * text gives for the notice, against the header's updated:. */
static void check_updated(const mnotice *n, const text_run *t, diag *d)
{
    static const char *const labels[] = {
        "sist oppdatert", "sist endret", "sist endra", "sist revidert",
        "oppdatert", "last updated", "last modified", "last changed",
        "last revised", "updated", "effective date of", "effective date",
        "effective from", "gjeldende fra", "gjeld frå",
    };
    size_t i, k;

    if (!n->updated.s)
        return;
    for (i = 0; i < t->len; i++) {
        size_t start, len;
        char iso[11];

        for (k = 0; k < sizeof labels / sizeof labels[0]; k++)
            if (word_at(t, i, labels[k]))
                break;
        if (k == sizeof labels / sizeof labels[0])
            continue;
        start = skip_label_end(t, i + strlen(labels[k]));
        if (start + 3 <= t->len && word_at(t, start, "on"))
            start = skip_label_end(t, start + 2);
        if (start + 4 <= t->len && word_at(t, start, "den"))
            start = skip_label_end(t, start + 3);
        len = date_at(t->s + start, t->len - start, iso);
        if (len == 0)
            continue;
        if (strcmp(iso, n->updated.s) != 0 &&
            rule_report(d, RULE_FACT_CONTRADICTED, n->src, t->offset + start,
                        len,
                        "the text dates the notice %.*s (%s), the header's "
                        "updated: %s; which is right?",
                        (int)len, t->s + start, iso, n->updated.s))
            diag_at(d, DIAG_NOTE, n->src, n->updated.offset, n->updated.span,
                    NULL, "the header's updated: is here");
        i = start + len;
    }
}

void check_body(const mnotice *n, diag *d)
{
    found_email *found = NULL;
    size_t count = 0, cap = 0, i;

    for (i = 0; i < n->shown_count; i++) {
        text_run t;

        if (n->shown[i].offset < n->header_end)
            continue; /* a header value: check_header's */
        t.s = (const char *)n->src->text + n->shown[i].offset;
        t.len = n->shown[i].len;
        t.offset = n->shown[i].offset;
        check_orgnos(n, &t, d);
        check_emails(n, &t, &found, &count, &cap, d);
        check_phones(n, &t, d);
        check_urls(n, &t, d);
        check_updated(n, &t, d);
    }
    compare_emails(n, found, count, d);
    for (i = 0; i < count; i++)
        free(found[i].address);
    free(found);
}
