/* html.h: pnc --html, the full notice as a static web page: one
 * self-contained HTML file per notice (policy and language), with the
 * contact details, every section (id="SECTION-ID") and links to the same
 * notice in its other languages. No JavaScript; a small embedded
 * stylesheet, and readable without it. */
#ifndef PNC_HTML_H
#define PNC_HTML_H

#include <stddef.h>

#include "buf.h"
#include "languages.h"
#include "model.h"

/* The page's file name: "POLICY.LANG.html" (ids and tags are checked
 * names, safe in a path). Free it. */
char *html_file_name(const mnotice *n);

/* Appends the page of notices[index]; the other notices of its policy
 * become its hreflang alternates (`notices` sorted, as pack_sort() does).
 * `langs` gives the labels of the contact details, or NULL. */
void html_page(buf *out, mnotice *const *notices, size_t count,
               size_t index, const languages *langs);

#endif
