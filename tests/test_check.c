/* Rule tests: a clean notice passes every rule; for every rule a small
 * change to it triggers that rule, and only that rule, at the expected
 * line and column; variants that must pass do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bdf.h"
#include "check.h"
#include "diag.h"
#include "parse.h"
#include "repeats.h"
#include "rules.h"
#include "source.h"
#include "unity.h"

/* Line numbers matter: the cases below point into this text. */
#define BASE                                                                  \
    "---\n"                                                          /*  1 */ \
    "policy: demo\n"                                                 /*  2 */ \
    "lang: nb\n"                                                     /*  3 */ \
    "title: Personvern\n"                                            /*  4 */ \
    "updated: 2024-02-29\n"                                          /*  5 */ \
    "controller: Demo AS\n"                                          /*  6 */ \
    "orgno: 913 480 295\n"                                           /*  7 */ \
    "address: Storgata 1\n"                                          /*  8 */ \
    "postcode: 0155\n"                                               /*  9 */ \
    "city: Oslo\n"                                                   /* 10 */ \
    "email: post@demo.no\n"                                          /* 11 */ \
    "phone: +47 22 00 00 00\n"                                       /* 12 */ \
    "web: https://demo.no/personvern\n"                              /* 13 */ \
    "authority: Datatilsynet\n"                                      /* 14 */ \
    "waive: dpo Demo has no data protection officer.\n"              /* 15 */ \
    "waive: transfers No data leaves the EU/EEA.\n"                  /* 16 */ \
    "waive: automated_decisions No automated decisions are made.\n"  /* 17 */ \
    "---\n"                                                          /* 18 */ \
    "\n"                                                                      \
    "Intro.\n"                                                       /* 20 */ \
    "\n"                                                                      \
    "# 1 Hvem vi er {#controller topic=controller,contact}\n"        /* 22 */ \
    "\n"                                                                      \
    "Demo AS.\n"                                                     /* 24 */ \
    "\n"                                                                      \
    "# 2 Formål {#purposes topic=purposes,legal_basis,legitimate_interests}\n" \
    "\n"                                                             /* 27 */ \
    "Vi leverer tjenesten.\n"                                        /* 28 */ \
    "\n"                                                                      \
    "## 2.1 Lagring {#retention topic=retention}\n"                  /* 30 */ \
    "\n"                                                                      \
    "Vi lagrer data i ett år.\n"                                     /* 32 */ \
    "\n"                                                                      \
    "# 3 Mottakere {#recipients topic=recipients}\n"                 /* 34 */ \
    "\n"                                                                      \
    "Ingen.\n"                                                       /* 36 */ \
    "\n"                                                                      \
    "# 4 Rettigheter {#rights topic=rights,complaint,consent_withdrawal}\n"   \
    "\n"                                                             /* 39 */ \
    "Du kan klage til Datatilsynet.\n"                               /* 40 */

/* A first layer that names all WP260 asks of one. */
#define SUMMARY                                                               \
    "Demo AS (post@demo.no) bruker telefonnummeret ditt til ett formål. Du "  \
    "har rett til innsyn og kan klage til Datatilsynet."

/* A change to BASE: up to two replacements of the first occurrence of a
 * text, and what it must give. */
typedef struct change {
    const char *find, *replace;
    const char *find2, *replace2;
} change;

typedef struct rule_case {
    const char *rule;   /* the only rule it may trigger */
    const char *where;  /* "LINE:COL" of its first diagnostic */
    change edit;
    int translation;    /* the change is to a second language of BASE,
                           "t2.pn"; BASE is "t.pn" */
    const char *charset;
} rule_case;

/* A path that makes https://demo.no/ the 213 bytes a version-10 QR code
 * holds at level M. */
#define PATH_10 "abcdefghij"
#define PATH_197                                                          \
    PATH_10 PATH_10 PATH_10 PATH_10 PATH_10 PATH_10 PATH_10 PATH_10 PATH_10  \
    PATH_10 PATH_10 PATH_10 PATH_10 PATH_10 PATH_10 PATH_10 PATH_10 PATH_10  \
    PATH_10 "abcdefg"

#define EN {"lang: nb", "lang: en", NULL, NULL}
#define WITH_EN(f, r) {"lang: nb", "lang: en", f, r}

static const rule_case failing[] = {
    /* encoding */
    {"utf8-bom", "1:1", {"---\npolicy", "\xEF\xBB\xBF---\npolicy", 0, 0}, 0, 0},
    {"utf8-invalid", "36:4", {"Ingen.", "Ing\xFF" "en.", 0, 0}, 0, 0},
    {"line-end-cr", "36:4", {"Ingen.", "Ing\ren.", 0, 0}, 0, 0},
    {"control-char", "36:4", {"Ingen.", "Ing\x1B" "en.", 0, 0}, 0, 0},
    /* header */
    {"header-syntax", "10:1", {"city: Oslo", "city Oslo", 0, 0}, 0, 0},
    {"header-syntax", "1:1", {"---\npolicy", "--\npolicy", 0, 0}, 0, 0},
    {"header-unknown-key", "10:1", {"city: Oslo", "town: Oslo", 0, 0}, 0, 0},
    {"header-duplicate-key", "11:1",
     {"city: Oslo\n", "city: Oslo\ncity: Drag\n", 0, 0}, 0, 0},
    {"header-required", "1:1", {"title: Personvern\n", "", 0, 0}, 0, 0},
    {"header-policy", "2:9", {"policy: demo", "policy: Demo", 0, 0}, 0, 0},
    {"header-lang", "3:7", {"lang: nb", "lang: norsk", 0, 0}, 0, 0},
    {"header-date", "5:10", {"2024-02-29", "2023-02-29", 0, 0}, 0, 0},
    {"header-date", "5:10", {"2024-02-29", "1900-02-29", 0, 0}, 0, 0},
    {"header-date", "5:10", {"2024-02-29", "2024-04-31", 0, 0}, 0, 0},
    {"header-date", "5:10", {"2024-02-29", "2024-13-01", 0, 0}, 0, 0},
    {"header-date", "5:10", {"2024-02-29", "29/02/2024", 0, 0}, 0, 0},
    {"header-url", "13:6", {"https://demo.no/personvern", "htps://demo.no", 0, 0}, 0, 0},
    {"header-url-qr", "13:6", {"https://demo.no/personvern", "https://demo.no/" PATH_197 "x", 0, 0}, 0, 0},
    {"header-url", "13:6", {"https://demo.no/personvern", "https://demo", 0, 0}, 0, 0},
    {"header-url", "13:6", {"https://demo.no/personvern", "https://demo.no/a b", 0, 0}, 0, 0},
    {"header-url", "13:6", {"https://demo.no/personvern", "https://-demo.no", 0, 0}, 0, 0},
    {"header-url", "13:6", {"https://demo.no/personvern", "https://demo.no:x", 0, 0}, 0, 0},
    {"header-email", "11:8", {"post@demo.no", "post.demo.no", 0, 0}, 0, 0},
    {"header-email", "11:8", {"post@demo.no", "post@@demo.no", 0, 0}, 0, 0},
    {"header-email", "11:8", {"post@demo.no", "post@demo", 0, 0}, 0, 0},
    {"header-email", "11:8", {"post@demo.no", "post..x@demo.no", 0, 0}, 0, 0},
    {"header-email", "11:8", {"post@demo.no", "mailto:post@demo.no", 0, 0}, 0, 0},
    {"header-email-obfuscated", "11:12", {"post@demo.no", "post(at)demo.no", 0, 0}, 0, 0},
    {"header-email-obfuscated", "11:13", {"post@demo.no", "post [at] demo.no", 0, 0}, 0, 0},
    {"header-email-obfuscated", "11:12", {"post@demo.no", "post at demo dot no", 0, 0}, 0, 0},
    {"header-email-obfuscated", "11:8",
     {"post@demo.no", "[email\xC2\xA0protected]", 0, 0}, 0, 0},
    {"header-email-missing", "17:1", {"email: post@demo.no\n", "", 0, 0}, 0, 0},
    {"header-phone", "12:8", {"+47 22 00 00 00", "22 00 00 0", 0, 0}, 0, 0},
    {"header-phone", "12:8", {"+47 22 00 00 00", "+46 22 00 00 00", 0, 0}, 0, 0},
    {"header-phone", "12:8", {"+47 22 00 00 00", "22-00-00-00", 0, 0}, 0, 0},
    {"header-postcode", "9:11", {"0155", "155", 0, 0}, 0, 0},
    {"header-postcode", "9:11", {"0155", "O155", 0, 0}, 0, 0},
    {"header-postcode", "9:11", {"0155", "EC4R1", 0, 0}, 0, 0},
    {"header-postcode", "9:11", {"0155", "ec4r 1ag", 0, 0}, 0, 0},
    {"header-orgno", "7:8", {"913 480 295", "913 480 29", 0, 0}, 0, 0},
    {"header-orgno", "7:8", {"913 480 295", "NO 913 480 295", 0, 0}, 0, 0},
    {"orgno-checksum", "7:8", {"913 480 295", "913 480 296", 0, 0}, 0, 0},
    {"orgno-checksum", "7:8", {"913 480 295", "913 480 210", 0, 0}, 0, 0},
    /* the other parties' facts, checked like the controller's */
#define ADD(keys) "authority: Datatilsynet\n", "authority: Datatilsynet\n" keys
#define NO_DPO_WAIVER "waive: dpo Demo has no data protection officer.\n", ""
    {"header-email", "15:12", {ADD("dpo-email: dpo@demo\n"), NO_DPO_WAIVER}, 0, 0},
    {"header-email", "15:12", {ADD("dpo-email: dpo@demo..no\n"), NO_DPO_WAIVER}, 0, 0},
    {"header-postcode", "15:15", {ADD("dpo-postcode: 12\n"), NO_DPO_WAIVER}, 0, 0},
    {"header-phone", "16:14",
     {ADD("joint-name: Annen AS\njoint-phone: 123\n"), 0, 0}, 0, 0},
    {"header-phone", "15:23", {ADD("representative-phone: 353 1 234\n"), 0, 0}, 0, 0},
    {"header-postcode", "15:26",
     {ADD("representative-postcode: D02 X285 DUBLIN\n"), 0, 0}, 0, 0},
    {"orgno-checksum", "15:23",
     {ADD("representative-orgno: 913 480 296\n"), 0, 0}, 0, 0},
    {"orgno-checksum", "16:14",
     {ADD("joint-name: Annen AS\njoint-orgno: 913 480 296\n"), 0, 0}, 0, 0},
    {"header-url", "16:12", {ADD("joint-name: A\njoint-web: ftp://a.no\n"), 0, 0}, 0, 0},
    {"header-email", "15:8", {ADD("email: support@demo\n"), 0, 0}, 0, 0},
    {"header-unknown-key", "15:1", {ADD("dpo-orgno: 913 480 295\n"), 0, 0}, 0, 0},
    {"header-unknown-key", "15:1", {ADD("E-post: post@demo.no\n"), 0, 0}, 0, 0},
    {"header-unknown-key", "15:1", {ADD("dpo-e-post: post@demo.no\n"), 0, 0}, 0, 0},
    {"header-syntax", "15:1", {ADD("joint-email: post@annen.no\n"), 0, 0}, 0, 0},
    {"header-duplicate-key", "16:1",
     {ADD("dpo-name: A\ndpo-name: B\n"), NO_DPO_WAIVER}, 0, 0},
    {"waive-covered", "16:8", {ADD("dpo-name: Dina Dahl\n"), 0, 0}, 0, 0},
    {"waive-syntax", "15:8", {"dpo Demo has no data protection officer.", "dpo", 0, 0}, 0, 0},
    {"waive-duplicate", "16:8",
     {"transfers No data leaves the EU/EEA.", "dpo Again.", 0, 0}, 0, 0},
    {"waive-required", "16:8",
     {"waive: transfers", "waive: retention", "topic=recipients}",
      "topic=recipients,transfers}"}, 0, 0},
    {"waive-covered", "16:8",
     {"topic=recipients}", "topic=recipients,transfers}", 0, 0}, 0, 0},
    /* structure */
    {"heading-syntax", "34:28",
     {"{#recipients topic", "{#recipients color=red topic", 0, 0}, 0, 0},
    {"heading-syntax", "34:1", {"# 3 Mottakere", "#3 Mottakere", 0, 0}, 0, 0},
    {"body-syntax", "37:1", {"Ingen.\n", "Ingen.\n---\n", 0, 0}, 0, 0},
    {"section-id-invalid", "34:16", {"{#recipients", "{#Recipients", 0, 0}, 0, 0},
    {"section-id-duplicate", "34:17", {"{#recipients", "{#purposes", 0, 0}, 0, 0},
    {"topic-unknown", "34:34", {"topic=recipients}", "topic=recipient}", 0, 0}, 0, 0},
    {"topic-unknown", "16:8", {"waive: transfers", "waive: transfer", 0, 0}, 0, 0},
    {"heading-number-sequence", "38:3", {"# 4 Rett", "# 5 Rett", 0, 0}, 0, 0},
    {"heading-number-sequence", "30:4", {"## 2.1", "## 2.2", 0, 0}, 0, 0},
    {"heading-number-sequence", "30:4", {"## 2.1", "## 3.1", 0, 0}, 0, 0},
    {"heading-number-sequence", "22:3", {"# 1 Hvem", "# 2 Hvem", "# 2 Form", "# 3 Form"}, 0, 0},
    {"section-empty", "22:5", {"Demo AS.\n", "", 0, 0}, 0, 0},
    {"section-duplicate", "34:5", {"# 3 Mottakere", "# 3 Formål", 0, 0}, 0, 0},
    {"section-duplicate", "34:5", {"Ingen.", "Vi lagrer data i ett år.", 0, 0}, 0, 0},
    {"markdown-unsupported", "36:1", {"Ingen.", "> Ingen.", 0, 0}, 0, 0},
    {"markdown-unsupported", "38:1", {"Ingen.\n", "Ingen.\n\n***\n", 0, 0}, 0, 0},
    {"markdown-unsupported", "36:1", {"Ingen.", "#### Ingen.", 0, 0}, 0, 0},
    {"markdown-unsupported", "36:7", {"Ingen.", "Ingen <br> her.", 0, 0}, 0, 0},
    {"markdown-unsupported", "36:7", {"Ingen.", "Ingen ![logo](l.png).", 0, 0}, 0, 0},
    {"markdown-unsupported", "36:7", {"Ingen.", "Ingen [her](@/om/a.md).", 0, 0}, 0, 0},
    /* GDPR Art. 13 */
    {"art13-controller", "17:1",
     {"controller: Demo AS\n", "", "topic=controller,contact}", "topic=contact}"}, 0, 0},
    {"art13-purposes", "18:1", {"topic=purposes,", "topic=", 0, 0}, 0, 0},
    {"art13-legal-basis", "18:1", {"legal_basis,legitimate", "legitimate", 0, 0}, 0, 0},
    {"art13-recipients", "18:1", {"{#recipients topic=recipients}", "{#recipients}", 0, 0}, 0, 0},
    {"art13-retention", "18:1", {"{#retention topic=retention}", "{#retention}", 0, 0}, 0, 0},
    {"art13-rights", "18:1", {"topic=rights,", "topic=", 0, 0}, 0, 0},
    {"art13-complaint", "18:1", {"rights,complaint,", "rights,", 0, 0}, 0, 0},
    {"art13-dpo", "17:1", {"waive: dpo Demo has no data protection officer.\n", "", 0, 0}, 0, 0},
    {"art13-legitimate-interests", "18:1", {",legitimate_interests}", "}", 0, 0}, 0, 0},
    {"art13-transfers", "17:1", {"waive: transfers No data leaves the EU/EEA.\n", "", 0, 0}, 0, 0},
    {"art13-consent-withdrawal", "18:1", {",consent_withdrawal}", "}", 0, 0}, 0, 0},
    {"art13-automated-decisions", "17:1",
     {"waive: automated_decisions No automated decisions are made.\n", "", 0, 0}, 0, 0},
    /* an authored first layer */
    {"summary-incomplete", "42:10",
     {"klage til Datatilsynet.\n", "klage til Datatilsynet.\n\n"
      "# Kort {#summary topic=summary}\n\nDemo AS leverer tjenesten. "
      "Vi bruker data til det. Les mer på demo.no.\n", 0, 0}, 0, 0},
    {"summary-duplicate", "46:12",
     {"klage til Datatilsynet.\n", "klage til Datatilsynet.\n\n"
      "# Kort {#summary topic=summary}\n\n" SUMMARY "\n\n"
      "# Kort 2 {#summary2 topic=summary}\n\n" SUMMARY " Ja.\n", 0, 0},
     0, 0},
    /* translations */
    {"notice-duplicate", "2:9", {"Intro.", "Intro.", 0, 0}, 1, 0},
    {"translation-sections", "18:1", WITH_EN("{#recipients", "{#receivers"), 1, 0},
    {"translation-sections", "30:1", WITH_EN("## 2.1 Lagring", "# 2.1 Lagring"), 1, 0},
    {"translation-topics", "34:17", WITH_EN("topic=recipients}", "topic=recipients,security}"), 1, 0},
    {"translation-topics", "15:8",
     WITH_EN("waive: dpo", "waive: children Not for children.\nwaive: dpo"), 1, 0},
    {"translation-facts", "11:8", WITH_EN("post@demo.no", "info@demo.no"), 1, 0},
    {"translation-facts", "17:1", WITH_EN("city: Oslo\n", ""), 1, 0},
    {"translation-facts", "15:8",
     WITH_EN("authority: Datatilsynet\n",
             "authority: Datatilsynet\nemail: support@demo.no\n"), 1, 0},
    {"translation-facts", "15:13",
     WITH_EN("authority: Datatilsynet\n",
             "authority: Datatilsynet\njoint-name: Annen AS\n"
             "joint-email: post@annen.no\n"), 1, 0},
    /* Swedish has no labels in policies/languages.txt */
    {"labels-missing", "3:7", {"lang: nb", "lang: sv", 0, 0}, 0, 0},
    /* text */
    {"replacement-char", "36:4", {"Ingen.", "Ing\xEF\xBF\xBD" "en.", 0, 0}, 0, 0},
    {"replacement-char", "2:3",
     {"---\npolicy", "---\n# \xEF\xBF\xBD\npolicy", 0, 0}, 0, 0},
    {"text-email-obfuscated", "36:15", {"Ingen.", "Skriv til post(at)demo.no.", 0, 0}, 0, 0},
    {"text-email-obfuscated", "36:1",
     {"Ingen.", "[email\xC2\xA0protected]", 0, 0}, 0, 0},
    {"orgno-checksum", "36:9", {"Ingen.", "org.nr. 937 323 566", 0, 0}, 0, 0},
    {"orgno-checksum", "36:29", {"Ingen.", "Ingen. Organisasjonsnummer: 937\xC2\xA0" "323\xC2\xA0" "566.", 0, 0}, 0, 0},
    {"text-orgno", "36:9", {"Ingen.", "Org.nr. 937 323 56.", 0, 0}, 0, 0},
    {"text-email", "36:11", {"Ingen.", "Skriv til post..x@demo.no.", 0, 0}, 0, 0},
    {"text-email", "36:11", {"Ingen.", "Skriv til post@demo.", 0, 0}, 0, 0},
    {"text-phone", "36:16", {"Ingen.", "Ring oss: tlf. 22 00 00 0.", 0, 0}, 0, 0},
    {"text-phone", "36:9", {"Ingen.", "Telefon +47 22 00 00 00 0.", 0, 0}, 0, 0},
    {"text-url", "36:4", {"Ingen.", "Se https://demo/x.", 0, 0}, 0, 0},
    {"text-url", "36:8", {"Ingen.", "Se [x](https://demo.no:x/).", 0, 0}, 0, 0},
    {"fact-contradicted", "36:11", {"Ingen.", "Skriv til posst@demo.no.", 0, 0}, 0, 0},
    {"fact-contradicted", "36:11", {"Ingen.", "Skriv til post@demo.mo.", 0, 0}, 0, 0},
    {"fact-contradicted", "36:16", {"Ingen.", "Sist oppdatert 28.02.2024.", 0, 0}, 0, 0},
    {"fact-contradicted", "36:14", {"Ingen.", "Last updated 1 March 2024", 0, 0}, 0, 0},
    {"charset", "26:9", {"Intro.", "Intro.", 0, 0}, 0, "ascii"},
    {"charset", "36:7", {"Ingen.", "Ingen \xE2\x80\x93 ingen.", 0, 0}, 0, "latin1"},
    {"charset", "10:7", {"city: Oslo", "city: \xC3\x98rje", 0, 0}, 0, "ascii"},
    /* "font:PATH": --font PATH */
    {"font-glyph", "36:7", {"Ingen.", "Ingen \xE2\x98\x83 ingen.", 0, 0}, 0,
     "font:fonts/pnc-sans-11.bdf"},
};

/* Changes that every rule must accept: no diagnostic at all. */
static const rule_case passing[] = {
    {NULL, NULL, {"Intro.", "Intro.", 0, 0}, 0, 0},
    /* Markdown the format keeps, and escapes of what it does not */
    {NULL, NULL, {"Ingen.", "Ingen **mottakere**, se [lenken](https://demo.no) "
                  "eller <post@demo.no>.\n\n1. En\n   - To\n2. Tre  \nFire", 0, 0},
     0, 0},
    /* facts in the body that agree with the header, or are not checked */
    {NULL, NULL, {"Ingen.", "Org.nr. 913 480 295, org. no. 913\xC2\xA0" "480 295.", 0, 0}, 0, 0},
    {NULL, NULL, {"Ingen.", "Skriv til post@demo.no eller posst@demo.no.", 0, 0}, 0, 0},
    {NULL, NULL, {"Ingen.", "Skriv til [oss](mailto:post@demo.no) eller a.b@c.demo.no.", 0, 0}, 0, 0},
    {NULL, NULL, {"Ingen.", "Sist oppdatert 29.02.2024. Last updated: 29 February 2024.", 0, 0}, 0, 0},
    {NULL, NULL, {"Ingen.", "Oppdatert den 29. februar 2024, updated on February 29, 2024.", 0, 0}, 0, 0},
    {NULL, NULL, {"Ingen.", "Tlf. +46 8 123 456 78, ring 22 00 00 00, tel: 0047 22 00 00 00.", 0, 0}, 0, 0},
    {NULL, NULL, {"Ingen.", "Se @demo, https://demo.no/a_(b). og <https://demo.no/x>.", 0, 0}, 0, 0},
    {NULL, NULL, {"Ingen.", "I 2021 ble 123 456 789 kroner brukt; 22 00 00 0 er ikke et nummer.", 0, 0}, 0, 0},
    /* a link to a section of the notice itself shows its text alone */
    {NULL, NULL, {"Ingen.", "Se [rettene dine](#rights).", 0, 0}, 0, 0},
    {NULL, NULL, {"Ingen.", "\\> Ingen \\<br> \\![x](https://y.no) 5 * 3.", 0, 0}, 0, 0},
    {NULL, NULL, {"Intro.", "Intro.", 0, 0}, 0, "latin1"},
    {NULL, NULL, {"klage til Datatilsynet.\n", "klage til Datatilsynet.\n\n"
                  "# Kort {#summary topic=summary}\n\n" SUMMARY "\n", 0, 0},
     0, 0},
    {NULL, NULL, {"Ingen.", "Ingen \xE2\x80\x93 \xC2\xABingen\xC2\xBB.", 0, 0}, 0,
     "font:fonts/pnc-sans-11.bdf"},
    {NULL, NULL, {"2024-02-29", "2000-02-29", 0, 0}, 0, 0},
    /* every role, and a DPO in the header covers Art. 13(1)(b) */
    {NULL, NULL,
     {ADD("email: support@demo.no\nphone: 22 00 00 01\n"
          "dpo-name: Dina Dahl\ndpo-email: dpo@demo.no\n"
          "dpo-phone: 22 00 00 02\ndpo-postcode: 0155\n"
          "dpo-web: https://demo.no/dpo\n"
          "representative-name: Demo EU Ltd\n"
          "representative-orgno: IE 1234567 X\n"
          "representative-postcode: D02 X285\n"
          "representative-phone: +353 1 234 5678\n"
          "joint-name: Annen AS\njoint-orgno: 974 760 673\n"
          "joint-email: post@annen.no\njoint-email: dpo@annen.no\n"
          "joint-name: Tredje AS\njoint-city: Bergen\n"), NO_DPO_WAIVER},
     0, 0},
    {NULL, NULL, {"2024-02-29", "2023-12-31", 0, 0}, 0, 0},
    {NULL, NULL, {"updated: 2024-02-29\n", "", 0, 0}, 0, 0},
    {NULL, NULL, {"913 480 295", "913480295", 0, 0}, 0, 0},
    /* UK postcodes */
    {NULL, NULL, {"0155", "EC4R 1AG", 0, 0}, 0, 0},
    {NULL, NULL, {"0155", "SK9 5AF", 0, 0}, 0, 0},
    {NULL, NULL, {"0155", "M1 1AE", 0, 0}, 0, 0},
    {NULL, NULL, {"0155", "W1A0AX", 0, 0}, 0, 0},
    {NULL, NULL, {"913 480 295", "913 480 260", 0, 0}, 0, 0}, /* remainder 0 */
    {NULL, NULL, {"orgno: 913 480 295\n", "", 0, 0}, 0, 0},
    {NULL, NULL, {"+47 22 00 00 00", "22000000", 0, 0}, 0, 0},
    {NULL, NULL, {"+47 22 00 00 00", "+4722000000", 0, 0}, 0, 0},
    {NULL, NULL, {"+47 22 00 00 00", "0047 22 00 00 00", 0, 0}, 0, 0},
    {NULL, NULL, {"+47 22 00 00 00", "220 00 000", 0, 0}, 0, 0},
    {NULL, NULL, {"https://demo.no/personvern", "http://demo.no", 0, 0}, 0, 0},
    {NULL, NULL, {"https://demo.no/personvern", "https://www.demo.no:8443/a/b?c=d#e", 0, 0}, 0, 0},
    {NULL, NULL, {"https://demo.no/personvern", "https://blåbær.no/", 0, 0}, 0, 0},
    {NULL, NULL, {"https://demo.no/personvern", "https://demo.no/" PATH_197, 0, 0}, 0, 0},
    {NULL, NULL, {"post@demo.no", "first.last+tag@sub.demo.no", 0, 0}, 0, 0},
    {NULL, NULL, {"post@demo.no", "post@xn--blbr-roa.no", 0, 0}, 0, 0},
    /* the header's controller: names the controller */
    {NULL, NULL, {"topic=controller,contact}", "topic=contact}", 0, 0}, 0, 0},
    /* numbers: a trailing dot, unnumbered headings, a level deeper */
    {NULL, NULL, {"# 1 Hvem", "# 1. Hvem", "# 2 Form", "# 2. Form"}, 0, 0},
    {NULL, NULL, {"Intro.\n", "Intro.\n\n# Om oss {#about}\n\nTekst.\n", 0, 0}, 0, 0},
    {NULL, NULL, {"Vi lagrer data i ett år.\n",
                  "Vi lagrer data i ett år.\n\n### 2.1.1 Logger {#logs}\n\nTo uker.\n", 0, 0}, 0, 0},
    /* the same title under different parents */
    {NULL, NULL, {"Ingen.\n", "Ingen.\n\n## 3.1 Lagring {#r-store}\n\nTo år.\n", 0, 0}, 0, 0},
    /* body text that only looks like an address */
    {NULL, NULL, {"Ingen.", "Se GDPR art. 6(1)(a), at least at home.", 0, 0}, 0, 0},
    /* a translation with the same ids, topics and facts */
    {NULL, NULL, EN, 1, 0},
    {NULL, NULL, WITH_EN("913 480 295", "913480295"), 1, 0},
    {NULL, NULL, WITH_EN("city: Oslo", "city: Oslo (Norway)"), 1, 0},
};

static source sources[2];
static mnotice notices[2];
static char messages[16384];

void setUp(void)
{
    memset(sources, 0, sizeof sources);
    memset(notices, 0, sizeof notices);
    messages[0] = '\0';
}

void tearDown(void)
{
    size_t i;
    for (i = 0; i < 2; i++) {
        notice_free(&notices[i]);
        source_free(&sources[i]);
    }
}

/* BASE with the first occurrence of `find` replaced, into `out`. */
static void replace(char *text, size_t size, const char *find,
                    const char *with)
{
    char *at;
    char rest[4096];

    if (!find)
        return;
    at = strstr(text, find);
    TEST_ASSERT_TRUE_MESSAGE(at != NULL, find);
    snprintf(rest, sizeof rest, "%s", at + strlen(find));
    TEST_ASSERT_TRUE(strlen(text) - strlen(find) + strlen(with) < size);
    strcpy(at, with);
    strcat(at, rest);
}

/* Parses and checks `count` texts named t.pn and t2.pn with the rule
 * settings `rules`, keeping the diagnostics in `messages`. */
static unsigned check_texts(const char *const *texts, size_t count,
                            const char *charset_name,
                            const rule_settings *rules)
{
    FILE *out = tmpfile();
    static const char *const names[2] = {"t.pn", "t2.pn"};
    mnotice *readable[2];
    size_t i, readable_count = 0, n;
    check_options options;
    charset cs;
    languages langs;
    source langs_src;
    diag d;

    TEST_ASSERT_NOT_NULL(out);
    diag_init(&d, out);
    d.rules = rules;
    languages_init(&langs);
    TEST_ASSERT_EQUAL_INT(0, source_load(&langs_src, "policies/languages.txt",
                                         &d));
    TEST_ASSERT_EQUAL_INT(0, languages_read(&langs, &langs_src, &d));
    source_free(&langs_src);
    for (i = 0; i < count; i++) {
        source_from_memory(&sources[i], names[i], texts[i], strlen(texts[i]));
        unsigned errors = parse_notice(&sources[i], &d, &notices[i]);
        errors += check_model(&notices[i], &d);
        if (errors == 0)
            readable[readable_count++] = &notices[i];
    }
    memset(&options, 0, sizeof options);
    options.languages = &langs;
    options.qr_level = QR_ECC_M;
    if (charset_name && strncmp(charset_name, "font:", 5) == 0) {
        bdf_font font;
        TEST_ASSERT_EQUAL_INT(0, bdf_load(&font, charset_name + 5, &d));
        charset_of_font(&cs, &font);
        bdf_free(&font);
        options.font = &cs;
    } else if (charset_name) {
        TEST_ASSERT_EQUAL_INT(0, charset_load(&cs, charset_name, &d));
        options.charset = &cs;
    }
    if (readable_count == count)
        check_notices(readable, readable_count, &options, &d);
    if (charset_name)
        charset_free(&cs);
    languages_free(&langs);
    rewind(out);
    n = fread(messages, 1, sizeof messages - 1, out);
    messages[n] = '\0';
    fclose(out);
    return d.errors + d.warnings;
}

static unsigned run_case(const rule_case *c)
{
    static char edited[4096];
    const char *texts[2];

    snprintf(edited, sizeof edited, "%s", BASE);
    replace(edited, sizeof edited, c->edit.find, c->edit.replace);
    replace(edited, sizeof edited, c->edit.find2, c->edit.replace2);
    texts[0] = c->translation ? BASE : edited;
    texts[1] = edited;
    return check_texts(texts, c->translation ? 2 : 1, c->charset, NULL);
}

/* Each error or warning line must name `rule`; the first must be at
 * `where` in the file the case changed. */
static void expect_only(const rule_case *c)
{
    char first[64], tag[64], context[sizeof messages + 256];
    const char *line = messages;
    unsigned seen = 0;

    snprintf(first, sizeof first, "%s:%s: ", c->translation ? "t2.pn" : "t.pn",
             c->where);
    snprintf(tag, sizeof tag, " [%s]\n", c->rule);
    snprintf(context, sizeof context, "case %s at %s printed:\n%s", c->rule,
             c->where, messages);
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) + 1 : strlen(line);
        char text[1024];

        snprintf(text, sizeof text, "%.*s", (int)len, line);
        line += len;
        if (strncmp(text, "t", 1) != 0 ||
            (!strstr(text, ": error: ") && !strstr(text, ": warning: ")))
            continue; /* a source line, a caret or a note */
        TEST_ASSERT_TRUE_MESSAGE(strlen(text) >= strlen(tag) &&
                                     strcmp(text + strlen(text) - strlen(tag),
                                            tag) == 0,
                                 context);
        if (seen == 0)
            TEST_ASSERT_EQUAL_MEMORY_MESSAGE(first, text, strlen(first),
                                             context);
        seen++;
    }
    TEST_ASSERT_TRUE_MESSAGE(seen > 0, context);
}

static void test_base_notice_is_clean(void)
{
    const char *text = BASE;
    TEST_ASSERT_EQUAL_INT(0, check_texts(&text, 1, NULL, NULL));
    TEST_ASSERT_EQUAL_STRING("", messages);
}

static void test_every_failing_case(void)
{
    size_t i;
    for (i = 0; i < sizeof failing / sizeof failing[0]; i++) {
        run_case(&failing[i]);
        expect_only(&failing[i]);
        tearDown();
        setUp();
    }
}

/* BASE with `find` replaced, checked; the messages are in `messages`. */
static unsigned check_edit(const char *find, const char *with)
{
    static char edited[4096];
    const char *text = edited;

    snprintf(edited, sizeof edited, "%s", BASE);
    replace(edited, sizeof edited, find, with);
    return check_texts(&text, 1, NULL, NULL);
}

/* A tagged section covers its Art. 13 items only if it says something:
 * text of its own or in a subsection. */
static void test_empty_section_covers_nothing(void)
{
    static const char *const empty[] = {"", "## 3.1 Tom {#tom}\n"};
    size_t i;

    for (i = 0; i < 2; i++) {
        check_edit("Ingen.\n", empty[i]);
        TEST_ASSERT_TRUE_MESSAGE(
            strstr(messages, "t.pn:18:1: warning: no section covers "
                             "recipients") != NULL,
            messages);
        TEST_ASSERT_TRUE_MESSAGE(
            strstr(messages, "t.pn:34:17: note: section 'recipients' is "
                             "tagged with recipients, but it has no text") !=
                NULL,
            messages);
        tearDown();
        setUp();
    }
    check_edit("Ingen.\n", "## 3.1 Ingen {#none}\n\nIngen.\n");
    TEST_ASSERT_TRUE_MESSAGE(strstr(messages, "[art13-recipients]") == NULL,
                             messages);
}

static void test_every_passing_case(void)
{
    size_t i;
    for (i = 0; i < sizeof passing / sizeof passing[0]; i++) {
        char context[sizeof messages + 128];
        unsigned reported = run_case(&passing[i]);
        snprintf(context, sizeof context, "passing case %lu printed:\n%s",
                 (unsigned long)i, messages);
        TEST_ASSERT_EQUAL_INT_MESSAGE(0, reported, context);
        tearDown();
        setUp();
    }
}

/* Every rule has a failing case above and a section in docs/CHECKS.md. */
static void test_every_rule_is_tested_and_documented(void)
{
    static char doc[65536];
    FILE *f = fopen("docs/CHECKS.md", "rb");
    size_t n, i, k;

    TEST_ASSERT_NOT_NULL(f);
    n = fread(doc, 1, sizeof doc - 1, f);
    doc[n] = '\0';
    fclose(f);
    for (i = 0; i < RULE_COUNT; i++) {
        const char *id = rule_get((rule)i)->id;
        char heading[64];

        /* bdf-syntax: tests/test_font.c runs the hostile fonts. */
        if (strcmp(id, "limit") != 0 && strcmp(id, "bdf-syntax") != 0) {
            for (k = 0; k < sizeof failing / sizeof failing[0]; k++)
                if (strcmp(failing[k].rule, id) == 0)
                    break;
            TEST_ASSERT_TRUE_MESSAGE(k < sizeof failing / sizeof failing[0],
                                     id);
        }
        snprintf(heading, sizeof heading, "### `%s`", id);
        TEST_ASSERT_TRUE_MESSAGE(strstr(doc, heading) != NULL, id);
        TEST_ASSERT_EQUAL_INT(i, rule_by_id(id));
    }
}

/* limit needs more text than the table above holds. */
static void test_limit(void)
{
    static char text[70000 + sizeof BASE];
    const char *texts[1];
    rule_case c = {"limit", "36:1", {0, 0, 0, 0}, 0, 0};
    char *at;

    snprintf(text, sizeof text, "%s", BASE);
    at = strstr(text, "Ingen.");
    memset(at, 'x', 66000);
    strcpy(at + 66000, "\n");
    texts[0] = text;
    check_texts(texts, 1, NULL, NULL);
    expect_only(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "this block is 66000 bytes long"));
}

/* The helper behind the rules on repeats: right even when every hash
 * collides. */
static unsigned long same_hash(const void *items, size_t i)
{
    (void)items;
    (void)i;
    return 7;
}

static int by_value(const void *items, size_t a, size_t b)
{
    const int *v = items;
    return (v[a] > v[b]) - (v[a] < v[b]);
}

static void test_repeats_find_the_first_of_equal_keys(void)
{
    static const int values[] = {3, 1, 3, 2, 1, 3, 4};
    static const size_t want[] = {0, 1, 0, 3, 1, 0, 6};
    size_t first[7], i;

    repeats_find(values, 7, same_hash, by_value, first);
    for (i = 0; i < 7; i++)
        TEST_ASSERT_EQUAL_INT(want[i], first[i]);
    repeats_find(values, 0, same_hash, by_value, first);
}

static void test_messages(void)
{
    rule_case c;

    memset(&c, 0, sizeof c);
    c.edit.find = "Ingen.";
    c.edit.replace = "Ing\xFF" "en.";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:36:4: error: invalid UTF-8: "
                                          "byte 0xFF at byte offset 695 "
                                          "[utf8-invalid]\n"));
    tearDown();
    c.edit.find = "913 480 295";
    c.edit.replace = "913 480 296";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages,
                                "t.pn:7:8: error: organisation number 913 480 "
                                "296 fails the MOD11 check: its check digit "
                                "should be 5, not 6 [orgno-checksum]\n"
                                "    7 | orgno: 913 480 296\n"
                                "      |        ^~~~~~~~~~~\n"));
    tearDown();
    c.edit.find = "post@demo.no";
    c.edit.replace = "post@demo..no";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "two dots follow each other in the "
                                          "domain after '@' [header-email]"));
    tearDown();
    c.edit.find = "authority: Datatilsynet\n";
    c.edit.replace = "authority: Datatilsynet\ne-mail: post@demo.no\n";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:15:1: error: unknown header "
                                          "key 'e-mail'; did you mean "
                                          "'email'? [header-unknown-key]"));
    tearDown();
    c.edit.replace = "authority: Datatilsynet\nEmail: post@demo.no\n";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "'Email'; did you mean 'email'?"));
    tearDown();
    c.edit.replace = "authority: Datatilsynet\nE-post: post@demo.no\n";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "'E-post'; did you mean 'email'?"));
    tearDown();
    c.edit.replace = "authority: Datatilsynet\ndpo-epost: dpo@demo.no\n";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "did you mean 'dpo-email'?"));
    tearDown();
    c.edit.replace = "authority: Datatilsynet\njoint-name: Annen AS\n";
    c.translation = 1;
    c.edit.find2 = "lang: nb";
    c.edit.replace2 = "lang: en";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "t2.pn:15:13: error: 'joint-name:' "
                                          "(joint controller 1) is not in "
                                          "the nb notice [translation-facts]"));
    tearDown();
    c.translation = 0;
    c.edit.find2 = NULL;
    c.edit.replace2 = NULL;
    c.edit.find = "{#retention topic=retention}";
    c.edit.replace = "{#retention}";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:18:1: warning: no section "
                                          "covers retention, how long the "
                                          "data is kept (GDPR Art. 13(2)(a))"));
    tearDown();
    c.edit.find = "# 4 Rett";
    c.edit.replace = "# 6 Rett";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "section number 6 follows 3; "
                                          "expected 4 [heading-number-sequence]"));
    tearDown();
    c.edit.find = "Intro.";
    c.edit.replace = "Intro.";
    c.charset = "ascii";
    run_case(&c);
    TEST_ASSERT_NOT_NULL(strstr(messages, "t.pn:26:9: error: 'å' (U+00E5) is "
                                          "not in the ascii charset; "
                                          "--transliterate writes it as 'aa' "
                                          "(2 times in "
                                          "this file) [charset]\n"));
}

static void test_settings_change_severities(void)
{
    rule_settings rules;
    char why[256];
    const char *text = BASE;
    static char edited[4096];

    snprintf(edited, sizeof edited, "%s", BASE);
    replace(edited, sizeof edited, "Demo AS.\n", "");
    text = edited;

    rule_settings_init(&rules);
    TEST_ASSERT_EQUAL_INT(0, rule_settings_apply(&rules, "-Werror", why, sizeof why));
    check_texts(&text, 1, NULL, &rules);
    TEST_ASSERT_NOT_NULL(strstr(messages, "error: section 'controller' is empty"));
    tearDown();

    rule_settings_init(&rules);
    TEST_ASSERT_EQUAL_INT(0, rule_settings_apply(&rules, "-Wno-section-empty", why, sizeof why));
    TEST_ASSERT_EQUAL_INT(0, check_texts(&text, 1, NULL, &rules));
    tearDown();

    rule_settings_init(&rules);
    TEST_ASSERT_EQUAL_INT(0, rule_settings_apply(&rules, "-Wno-structure", why, sizeof why));
    TEST_ASSERT_EQUAL_INT(0, check_texts(&text, 1, NULL, &rules));
    tearDown();

    rule_settings_init(&rules);
    TEST_ASSERT_EQUAL_INT(0, rule_settings_apply(&rules, "-Werror", why, sizeof why));
    TEST_ASSERT_EQUAL_INT(0, rule_settings_apply(&rules, "-Wno-error=section-empty", why, sizeof why));
    check_texts(&text, 1, NULL, &rules);
    TEST_ASSERT_NOT_NULL(strstr(messages, "warning: section 'controller' is empty"));

    rule_settings_init(&rules);
    TEST_ASSERT_EQUAL_INT(-1, rule_settings_apply(&rules, "-Wno-utf8-invalid", why, sizeof why));
    TEST_ASSERT_NOT_NULL(strstr(why, "always an error"));
    TEST_ASSERT_EQUAL_INT(-1, rule_settings_apply(&rules, "-Werror=section-emty", why, sizeof why));
    TEST_ASSERT_EQUAL_STRING("no rule or group 'section-emty'; did you mean 'section-empty'?", why);
    TEST_ASSERT_EQUAL_INT(0, rule_settings_apply(&rules, "-Werror=art13", why, sizeof why));
    TEST_ASSERT_EQUAL_INT(RULE_AS_ERROR, rules.level[RULE_ART13_DPO]);
    TEST_ASSERT_EQUAL_INT(RULE_AS_ERROR, rules.level[RULE_ART13_RETENTION]);
    TEST_ASSERT_EQUAL_INT(RULE_AS_DEFAULT, rules.level[RULE_SECTION_EMPTY]);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_base_notice_is_clean);
    RUN_TEST(test_every_failing_case);
    RUN_TEST(test_every_passing_case);
    RUN_TEST(test_empty_section_covers_nothing);
    RUN_TEST(test_every_rule_is_tested_and_documented);
    RUN_TEST(test_limit);
    RUN_TEST(test_repeats_find_the_first_of_equal_keys);
    RUN_TEST(test_messages);
    RUN_TEST(test_settings_change_severities);
    return UNITY_END();
}
