/* check.h: the rules that read parsed notices (docs/CHECKS.md): header
 * facts, structure, GDPR Art. 13 coverage, text and translations. The
 * parser has already applied the rules that decide whether a file can be
 * read at all (encoding, syntax); check_model() adds those a model it
 * read can break (unique ids, ...), and the others run on notices that
 * passed both without errors. */
#ifndef PNC_CHECK_H
#define PNC_CHECK_H

#include <stddef.h>

#include "check_charset.h"
#include "diag.h"
#include "languages.h"
#include "model.h"
#include "rules.h"
#include "qr.h"

typedef struct check_options {
    const charset *charset; /* --charset, or NULL for no check */
    const charset *font;    /* the glyphs of --font, or NULL */
    const charset *heading_font; /* of --font-heading, or NULL: headings
                                    are checked against `font` then */
    unsigned transliterate; /* --transliterate: PN_ASCII, PN_LATIN1 or 0 */
    const languages *languages; /* labels and fallbacks, or NULL: no check */
    qr_ecc qr_level;        /* --qr-ecc: the web address's QR code level */
} check_options;

/* The rules that decide, with the parser's, whether a notice can be
 * checked further and packed: a valid policy id and language, header
 * values within the format's limits, each topic waived once, section ids
 * unique. They run on every notice parse_notice() returned, whether it
 * reported errors or not: the parser keeps whatever it read, repeats too.
 * Returns the number of errors reported. */
unsigned check_model(const mnotice *n, diag *d);

/* Runs every rule on each notice, then compares the languages of each
 * policy. The first file given for a policy is the one its other
 * languages are compared with; the differences are reported on them. */
void check_notices(mnotice *const *notices, size_t count,
                   const check_options *o, diag *d);

/* The rules of each area, for one notice (check_*.c). */
void check_header_values(const mnotice *n, diag *d);
void check_waivers_once(const mnotice *n, diag *d);
void check_section_ids(const mnotice *n, diag *d);
void check_header(const mnotice *n, diag *d);
void check_web_qr(const mnotice *n, qr_ecc level, diag *d);
void check_structure(const mnotice *n, diag *d);
void check_art13(const mnotice *n, diag *d);
void check_summary(const mnotice *n, diag *d);
void check_text(const mnotice *n, const check_options *o, diag *d);
void check_translations(mnotice *const *notices, size_t count, diag *d);
void check_labels(const mnotice *n, const languages *l, diag *d);

/* Sets first[i], for each of the `count` sections, to the index of the
 * first of them with the same id (i itself when none before it has it). */
void check_match_ids(const msection *const *sections, size_t count,
                     size_t *first);

/* The header's checks of a value, shared with the body's (check_body.c):
 * why `s` is not an http(s) URL / an e-mail address, or NULL when it is
 * one; whether `s` is a Norwegian phone number (8 digits, optionally after
 * +47 or 0047, spaces allowed). */
const char *check_url_problem(const char *s);
const char *check_email_problem(const char *s);
int check_is_norwegian_phone(const char *s);

/* Checks the organisation number `value`, written at `offset` (`span`
 * bytes) in n's source: 9 digits (else `not_nine` is reported) with a
 * valid MOD11 check digit (else orgno-checksum). */
void check_orgno_at(const mnotice *n, const char *value, size_t offset,
                    size_t span, rule not_nine, diag *d);

/* The facts the body states: org numbers, e-mail addresses, phone
 * numbers and URLs well formed, and none contradicting the header
 * (check_body.c). */
void check_body(const mnotice *n, diag *d);

/* Finds the first obfuscated e-mail mark in `len` bytes at `s`: "(at)",
 * "[at]", "(dot)", Cloudflare's "[email protected]" and the like, in any
 * case. With `loose`, also " at " and " dot " between words (for a header
 * value, which has no other reason to hold them). Returns the mark's
 * offset and sets `*mark_len`, or returns `len` when there is none. */
size_t check_find_obfuscation(const char *s, size_t len, int loose,
                              size_t *mark_len);

#endif
