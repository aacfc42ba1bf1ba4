/* languages.c: reading the languages file (see languages.h).
 *
 *   # comment
 *   default: en
 *   [nb]
 *   fallback: nn
 *   purposes: Formål:
 *   complaint: Du kan klage til {authority}.
 */
#include "languages.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hint.h"
#include "parse.h"

#define AUTHORITY "{authority}"

/* The file's keys: the labels that have one, then these. */
enum { KEY_FALLBACK = PN_LABEL_COUNT, KEY_DEFAULT, KEY_COUNT };

#define LABEL_KEY(id, name, in_file) (in_file) ? name : NULL,
static const char *const label_keys[PN_LABEL_COUNT] = {PN_LABELS(LABEL_KEY)};
#define LABEL_IN_FILE(id, name, in_file) in_file,
static const unsigned char label_in_file[PN_LABEL_COUNT] = {
    PN_LABELS(LABEL_IN_FILE)
};

/* ---- The set --------------------------------------------------------------- */

void languages_init(languages *l)
{
    memset(l, 0, sizeof *l);
}

static void language_free(language *lang)
{
    unsigned k;

    free(lang->tag);
    free(lang->fallbacks);
    for (k = 0; k < PN_LABEL_COUNT; k++)
        free(lang->label[k]);
}

void languages_free(languages *l)
{
    size_t i;

    for (i = 0; i < l->count; i++)
        language_free(&l->items[i]);
    free(l->items);
    free(l->default_tag);
    memset(l, 0, sizeof *l);
}

/* Where `tag` is, or where it would go to keep the set sorted. */
static size_t position(const languages *l, const char *tag, size_t len,
                       int *found)
{
    size_t lo = 0, hi = l->count;

    *found = 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(l->items[mid].tag, tag, len);
        if (c == 0 && l->items[mid].tag[len] != '\0')
            c = 1;
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const language *languages_find(const languages *l, const char *tag)
{
    int found;
    size_t at = position(l, tag, strlen(tag), &found);

    return found ? &l->items[at] : NULL;
}

static language *language_get(languages *l, const char *tag, size_t len)
{
    int found;
    size_t at = position(l, tag, len, &found);

    if (found)
        return &l->items[at];
    l->items = grow_array(l->items, &l->cap, l->count + 1, sizeof *l->items);
    memmove(&l->items[at + 1], &l->items[at],
            (l->count - at) * sizeof *l->items);
    memset(&l->items[at], 0, sizeof l->items[at]);
    l->items[at].tag = xstrndup(tag, len);
    l->count++;
    return &l->items[at];
}

static int has_labels(const language *lang)
{
    return lang && lang->label[0] != NULL;
}

/* Whether the languages file may leave label `k` out (see PN_LABELS). */
static int is_optional(unsigned k)
{
    return label_in_file[k] == 2;
}

const char *languages_label(const languages *l, const language *lang,
                            unsigned k)
{
    const language *fallback;

    if (!lang || k >= PN_LABEL_COUNT)
        return NULL;
    if (lang->label[k] || !is_optional(k) || !l->default_tag)
        return lang->label[k];
    fallback = languages_find(l, l->default_tag);
    return fallback ? fallback->label[k] : NULL;
}

const language *languages_labels_for(const languages *l, const char *tag)
{
    const language *lang = languages_find(l, tag);
    const char *p;

    if (has_labels(lang))
        return lang;
    for (p = lang ? lang->fallbacks : NULL; p && *p;) {
        size_t n = strcspn(p, ",");
        char one[PN_MAX_NAME + 1];
        const language *other;

        if (n <= PN_MAX_NAME) {
            memcpy(one, p, n);
            one[n] = '\0';
            other = languages_find(l, one);
            if (has_labels(other))
                return other;
        }
        p += n + (p[n] == ',');
    }
    lang = l->default_tag ? languages_find(l, l->default_tag) : NULL;
    return has_labels(lang) ? lang : NULL;
}

/* ---- Reading a file -------------------------------------------------------- */

typedef struct reader {
    languages *l;
    const source *src;
    diag *d;
    language *lang;           /* the section being read, or NULL */
    size_t lang_offset;       /* where its [tag] is */
    unsigned char given[KEY_COUNT]; /* the keys its section gave */
    unsigned errors;
} reader;

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static int is_tag(const unsigned char *s, size_t len)
{
    return parse_is_valid_lang((const char *)s, len);
}

static void error_at(reader *r, const unsigned char *at, size_t len,
                     const char *message, const char *detail)
{
    diag_at(r->d, DIAG_ERROR, r->src, (size_t)(at - r->src->text),
            len ? len : 1, NULL, "%s%s", message, detail ? detail : "");
    r->errors++;
}

/* Ends the section being read: a language shows all labels or none. */
static void end_section(reader *r)
{
    language *lang = r->lang;
    unsigned k, have = 0, required = 0;

    if (!lang)
        return;
    for (k = 0; k < PN_LABEL_COUNT; k++)
        if (!is_optional(k)) {
            have += lang->label[k] != NULL;
            required++;
        }
    if (have > 0 && have < required) {
        for (k = 0; k < PN_LABEL_COUNT; k++)
            if (label_keys[k] && !is_optional(k) && !lang->label[k])
                break;
        diag_at(r->d, DIAG_ERROR, r->src, r->lang_offset,
                strlen(lang->tag) + 2, NULL,
                "language '%s' has labels but no '%s:'; give every label "
                "of the first layer", lang->tag, label_keys[k]);
        r->errors++;
    }
    r->lang = NULL;
}

static void start_section(reader *r, const unsigned char *line, size_t len)
{
    size_t tag_len = len >= 2 ? len - 2 : 0;

    end_section(r);
    if (line[len - 1] != ']' || !is_tag(line + 1, tag_len)) {
        error_at(r, line, len,
                 "expected '[TAG]' with a language tag of 2 or 3 lower-case "
                 "letters, e.g. '[nb]'", NULL);
        return;
    }
    r->lang = language_get(r->l, (const char *)line + 1, tag_len);
    r->lang_offset = (size_t)(line - r->src->text);
    memset(r->given, 0, sizeof r->given);
}

/* "nb, nn" into "nb,nn", each a tag. Returns NULL after an error. */
static char *read_fallbacks(reader *r, const unsigned char *v, size_t len)
{
    buf out = {0};
    size_t i = 0, count = 0;

    while (i < len) {
        size_t start, end;
        while (i < len && is_blank(v[i]))
            i++;
        start = i;
        while (i < len && v[i] != ',')
            i++;
        end = i;
        while (end > start && is_blank(v[end - 1]))
            end--;
        if (!is_tag(v + start, end - start) || ++count > PN_MAX_FALLBACKS) {
            error_at(r, v + start, end - start,
                     count > PN_MAX_FALLBACKS
                         ? "too many fallbacks: at most 8"
                         : "expected a language tag of 2 or 3 lower-case "
                           "letters",
                     NULL);
            buf_free(&out);
            return NULL;
        }
        if (out.len)
            buf_byte(&out, ',');
        buf_put(&out, v + start, end - start);
        i++;
    }
    buf_byte(&out, 0);
    return (char *)out.data;
}

static void set_label(reader *r, unsigned key, const unsigned char *v,
                      size_t len)
{
    language *lang = r->lang;
    const char *at = NULL;
    size_t i;

    for (i = 0; i + sizeof AUTHORITY - 1 <= len; i++)
        if (memcmp(v + i, AUTHORITY, sizeof AUTHORITY - 1) == 0) {
            at = (const char *)v + i;
            break;
        }
    if ((key == PN_LABEL_COMPLAINT) != (at != NULL)) {
        error_at(r, v, len,
                 key == PN_LABEL_COMPLAINT
                     ? "'complaint:' needs " AUTHORITY
                       " where the authority's name goes"
                     : AUTHORITY " belongs in 'complaint:' only",
                 NULL);
        return;
    }
    free(lang->label[key]);
    if (key != PN_LABEL_COMPLAINT) {
        lang->label[key] = xstrndup((const char *)v, len);
        return;
    }
    lang->label[key] = xstrndup((const char *)v, (size_t)(at - (const char *)v));
    at += sizeof AUTHORITY - 1;
    free(lang->label[PN_LABEL_COMPLAINT_END]);
    lang->label[PN_LABEL_COMPLAINT_END] =
        xstrndup(at, (size_t)((const char *)v + len - at));
}

static unsigned find_key(const unsigned char *key, size_t len)
{
    unsigned k;

    for (k = 0; k < PN_LABEL_COUNT; k++)
        if (label_keys[k] && strlen(label_keys[k]) == len &&
            memcmp(label_keys[k], key, len) == 0)
            return k;
    if (len == 8 && memcmp(key, "fallback", 8) == 0)
        return KEY_FALLBACK;
    if (len == 7 && memcmp(key, "default", 7) == 0)
        return KEY_DEFAULT;
    return KEY_COUNT;
}

static void unknown_key(reader *r, const unsigned char *key, size_t len)
{
    const char *names[KEY_COUNT];
    const char *hint;
    size_t n = 0;
    unsigned k;

    for (k = 0; k < PN_LABEL_COUNT; k++)
        if (label_keys[k])
            names[n++] = label_keys[k];
    names[n++] = "fallback";
    names[n++] = "default";
    hint = hint_closest((const char *)key, len, names, n);
    diag_at(r->d, DIAG_ERROR, r->src, (size_t)(key - r->src->text), len,
            NULL, "unknown key '%.*s'%s%s%s", (int)len, (const char *)key,
            hint ? "; did you mean '" : "", hint ? hint : "",
            hint ? "'?" : "");
    r->errors++;
}

static void key_line(reader *r, const unsigned char *line, size_t len)
{
    size_t key_len = 0, at;
    const unsigned char *value;
    size_t value_len;
    unsigned key;

    while (key_len < len && ((line[key_len] >= 'a' && line[key_len] <= 'z') ||
                             line[key_len] == '_'))
        key_len++;
    if (key_len == 0 || key_len >= len || line[key_len] != ':') {
        error_at(r, line, len,
                 "expected 'key: value', '[TAG]' or a '#' comment", NULL);
        return;
    }
    for (at = key_len + 1; at < len && is_blank(line[at]); at++)
        ;
    value = line + at;
    value_len = len - at;
    key = find_key(line, key_len);
    if (key == KEY_COUNT) {
        unknown_key(r, line, key_len);
        return;
    }
    if (value_len == 0) {
        error_at(r, line, key_len, "no value after the key", NULL);
        return;
    }
    if (key == KEY_DEFAULT) {
        if (r->lang || !is_tag(value, value_len)) {
            error_at(r, line, len,
                     r->lang ? "'default:' goes before the first [TAG]"
                             : "'default:' takes a language tag", NULL);
            return;
        }
        free(r->l->default_tag);
        r->l->default_tag = xstrndup((const char *)value, value_len);
        return;
    }
    if (!r->lang) {
        error_at(r, line, key_len, "a key before the first [TAG]", NULL);
        return;
    }
    if (r->given[key]) {
        error_at(r, line, key_len, "key given twice for this language",
                 NULL);
        return;
    }
    r->given[key] = 1;
    if (key == KEY_FALLBACK) {
        char *list = read_fallbacks(r, value, value_len);
        if (list) {
            free(r->lang->fallbacks);
            r->lang->fallbacks = list;
        }
        return;
    }
    if (value_len > PN_MAX_TEXT) {
        error_at(r, value, 1,
                 "label is too long (docs/FORMAT.md, Limits)", NULL);
        return;
    }
    set_label(r, key, value, value_len);
}

unsigned languages_read(languages *l, const source *src, diag *d)
{
    reader r;
    size_t i;

    memset(&r, 0, sizeof r);
    r.l = l;
    r.src = src;
    r.d = d;
    if (source_check_encoding(src, d) > 0)
        return 1;
    for (i = 0; i < src->line_count; i++) {
        size_t len;
        const unsigned char *line = source_line(src, i, &len);

        while (len && is_blank(line[len - 1]))
            len--;
        if (len == 0 || line[0] == '#')
            continue;
        if (line[0] == '[')
            start_section(&r, line, len);
        else
            key_line(&r, line, len);
    }
    end_section(&r);
    return r.errors;
}
