/* languages.h: the languages file (docs/FORMAT.md, "Languages"): the first
 * layer's labels of each language and the languages that stand in for
 * another. pnc starts from its built-in copy of policies/languages.txt;
 * files given with --languages add languages or replace keys. */
#ifndef PNC_LANGUAGES_H
#define PNC_LANGUAGES_H

#include <stddef.h>

#include "../runtime/pn_format.h"
#include "diag.h"
#include "source.h"

typedef struct language {
    char *tag;                    /* "nb" */
    char *fallbacks;              /* "nb,nn", or NULL */
    char *label[PN_LABEL_COUNT];  /* in PN_LABELS order; all NULL or none */
} language;

typedef struct languages {
    language *items;              /* sorted by tag */
    size_t count;
    size_t cap;
    char *default_tag;            /* whose labels serve a language without
                                     any, or NULL */
} languages;

void languages_init(languages *l);
void languages_free(languages *l);

/* Reads a languages file into `l`; a language it names is added, and each
 * key it gives replaces the one `l` holds. Reports problems through `d`
 * and returns the number of errors. */
unsigned languages_read(languages *l, const source *src, diag *d);

/* The language `tag`, or NULL. */
const language *languages_find(const languages *l, const char *tag);

/* The language whose labels a notice in `tag` shows: `tag` itself if it
 * has labels, else the first of its fallbacks that has them, else the
 * default language; NULL if none has labels. */
const language *languages_labels_for(const languages *l, const char *tag);

/* The text of label `k` (an enum pn__label) that a notice in `lang`'s
 * labels shows: its own, or for a label the file may leave out (a word
 * or a topic name) the default language's; NULL when there is none. */
const char *languages_label(const languages *l, const language *lang,
                            unsigned k);

#endif
