/* pnc: compiles privacy notices (.pn) into const C tables for libpn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/pn.h"
#include "bdf.h"
#include "buf.h"
#include "check.h"
#include "check_report.h"
#include "depfile.h"
#include "diag.h"
#include "dump.h"
#include "emit.h"
#include "font_sample.h"
#include "html.h"
#include "json.h"
#include "languages.h"
#include "languages_builtin.h"
#include "outfile.h"
#include "pack.h"
#include "parse.h"
#include "png.h"
#include "preview.h"
#include "preview_png.h"
#include "qr.h"
#include "rules.h"
#include "source.h"
#include "translit.h"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef struct options {
    const char *out_c;      /* -o */
    const char *out_h;      /* --header */
    const char *prefix;     /* --prefix */
    const char *dep_path;   /* -MF */
    const char *dep_target; /* -MT */
    int dep_default;        /* -MD */
    int check_only;         /* --check */
    int no_compress;        /* --no-compress */
    int report;             /* --report */
    int list_rules;         /* --list-rules */
    const char *charset;    /* --charset */
    const char *font;       /* --font */
    const char *font_heading; /* --font-heading */
    const char *font_sample;/* --font-sample */
    unsigned scale;         /* --scale */
    const char **language_files; /* --languages, in order */
    size_t language_file_count;
    unsigned transliterate; /* --transliterate: PN_ASCII, PN_LATIN1 or 0 */
    int preview;            /* --preview */
    int dump;               /* --dump */
    int bin;                /* --format bin */
    uint32_t catalog_version; /* --catalog-version */
    int json;               /* --json */
    const char *html_dir;   /* --html */
    const char *png_dir;    /* --png */
    qr_ecc qr_level;        /* --qr-ecc */
    pn_screen screen;       /* its size */
    diag_format format;     /* --diagnostics */
    unsigned max_errors;    /* -fmax-errors */
    rule_settings rules;    /* -W... */
    const char **files;
    size_t file_count;
} options;

/* In two parts: C99 compilers need only take string literals of 4095
 * bytes. */
static const char *const usage_text[] = {
    "Usage: pnc [OPTION]... FILE...\n"
    "Compile privacy notices (.pn files) into const C tables for libpn.\n"
    "\n"
    "  -o FILE          write the catalog's C source to FILE\n"
    "  --header FILE    write its C header to FILE\n"
    "                   (default: the -o name with .c replaced by .h)\n"
    "  --prefix NAME    C name of the catalog array (default: pn_catalog)\n"
    "  --format FORMAT  what -o holds: c (C source and a header, the\n"
    "                   default) or bin (the catalog's bytes, the same as\n"
    "                   the C array, for a flash partition or a file)\n"
    "  --catalog-version N\n"
    "                   store N (0 to 4294967295, default 0) in the\n"
    "                   catalog's header: pn_catalog.catalog_version, so a\n"
    "                   loader can refuse a downgrade\n"
    "  -MD              also write a make dependency file, named as the\n"
    "                   -o file with .c replaced by .d\n"
    "  -MF FILE         write the dependency file to FILE\n"
    "  -MT TARGET       name TARGET in it instead of the .c and .h outputs\n"
    "  --check          read and check the notices, write nothing\n"
    "  --no-compress    store the texts plain, not compressed (for debugging)\n"
    "  --languages FILE add the first-layer labels and language fallbacks\n"
    "                   of FILE to pnc's own (policies/languages.txt);\n"
    "                   may be given more than once\n"
    "  --report         print which GDPR Art. 13 items each notice covers,\n"
    "                   waives or lacks; write nothing (add --check to run\n"
    "                   the checks too)\n"
    "  --charset SET    report characters the display cannot show: SET is\n"
    "                   ascii, latin1 or a file listing the glyphs\n"
    ,
    "  --font FILE.bdf  report characters the BDF font FILE has no glyph for,\n"
    "                   and store the glyphs the texts use in the catalog\n"
    "                   for pn_draw_text()\n"
    "  --font-heading FILE.bdf\n"
    "                   the same for headings, which then use this font\n"
    "                   (and the rest --font)\n"
    "  --font-sample FILE.png\n"
    "                   write a picture of the --font (sample sentences,\n"
    "                   then every glyph) as PNG; no input files needed\n"
    "  --scale N        draw each pixel N x N pixels (1 to 16, default 1)\n"
    "                   in --font-sample and --preview --png\n"
    "  --transliterate SET\n"
    "                   write the text for a font limited to SET (ascii or\n"
    "                   latin1): å becomes aa, « becomes \", and so on (the\n"
    "                   table is in docs/LAYOUT.md); also checks --charset\n"
    "                   SET unless another --charset is given\n"
    "  --preview COLSxROWS\n"
    "                   print the pages a screen of that size shows, first\n"
    "                   layer then full notice; write nothing\n"
    "  --preview WIDTHxHEIGHT --png DIR\n"
    "                   draw those pages on a screen of WIDTH x HEIGHT\n"
    "                   pixels with the --font, each a PNG in DIR (which\n"
    "                   must exist): POLICY.LANG.1-first-layer.pNNN.png\n"
    "                   (the QR page pNNN-qr.png), then\n"
    "                   POLICY.LANG.2-notice.pNNN.png, NNN the page number\n"
    "                   (3 digits or more), so sorted names are page order\n"
    "  --dump           print the catalog as text instead of writing C: every\n"
    "                   field of every record by name, texts decoded, as\n"
    "                   libpn reads them, and a line a glyph of the fonts\n"
    "                   (to FILE with -o FILE)\n"
    "  --json           print the notices as JSON: facts, sections, blocks,\n"
    "                   Art. 13 coverage and waivers (docs/JSON.md; to FILE\n"
    "                   with -o FILE)\n"
    "  --html DIR       write each notice as a web page,\n"
    "                   DIR/POLICY.LANG.html (DIR must exist)\n"
    "  --qr-ecc LEVEL   error correction of the web address's QR code: L,\n"
    "                   M (the default), Q or H; an address too long for a\n"
    "                   version-10 code at that level is an error\n"
    "  -Werror          make warnings errors\n"
    "  -Werror=RULE     make RULE (or a group of rules) an error\n"
    "  -Wno-error=RULE  keep RULE a warning\n"
    "  -Wno-RULE        turn RULE off; -WRULE turns it back on\n"
    "  -fmax-errors=N   show at most N errors of each file (default 50), then\n"
    "                   how many more it has; 0 shows them all\n"
    "  --diagnostics=json\n"
    "                   diagnostics as JSON Lines instead of text\n"
    "  --list-rules     list the rules, their groups and severities\n"
    "  -h, --help       show this help and exit\n"
    "  --version        show the version and exit\n"
    "\n"
    "Diagnostics are printed as FILE:LINE:COLUMN: error: MESSAGE [RULE].\n"
    "Outputs are replaced atomically and left untouched when unchanged.\n"
    "Exit status: 0 success, 1 errors in the notices, 2 usage or I/O "
    "error.\n"
    "The source format is described in docs/FORMAT.md, the rules in\n"
    "docs/CHECKS.md.\n"};

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int usage_error(const char *message, const char *arg)
{
    fprintf(stderr, "pnc: error: %s%s%s\nTry 'pnc --help'.\n", message,
            arg ? " " : "", arg ? arg : "");
    return EXIT_USAGE;
}

/* Whether `arg` is the option `name`, alone or (for a long option) as
 * "--name=VALUE"; sets `*inline_value` to that VALUE or NULL. */
static int is_option(const char *arg, const char *name,
                     const char **inline_value)
{
    size_t len = strlen(name);

    *inline_value = NULL;
    if (strncmp(arg, name, len) != 0)
        return 0;
    if (arg[len] == '=' && name[1] == '-')
        *inline_value = arg + len + 1;
    return arg[len] == '\0' || *inline_value != NULL;
}

static int set_transliterate(options *o, const char *name)
{
    if (strcmp(name, "ascii") == 0)
        o->transliterate = PN_ASCII;
    else if (strcmp(name, "latin1") == 0)
        o->transliterate = PN_LATIN1;
    else
        return usage_error("--transliterate takes ascii or latin1, not",
                           name);
    if (!o->charset)
        o->charset = name;
    return -1;
}

static int set_output_format(options *o, const char *name)
{
    if (strcmp(name, "c") == 0)
        o->bin = 0;
    else if (strcmp(name, "bin") == 0)
        o->bin = 1;
    else
        return usage_error("--format takes c or bin, not", name);
    return -1;
}

static int set_catalog_version(options *o, const char *text)
{
    unsigned long value = 0;
    const char *p = text;

    for (; *p >= '0' && *p <= '9' && value <= 0xFFFFFFFFul; p++)
        value = value * 10 + (unsigned long)(*p - '0');
    if (p == text || *p || value > 0xFFFFFFFFul)
        return usage_error("--catalog-version takes a number from 0 to "
                           "4294967295, not", text);
    o->catalog_version = (uint32_t)value;
    return -1;
}

static int set_qr_level(options *o, const char *name)
{
    if (qr_ecc_parse(name, &o->qr_level) != 0)
        return usage_error("--qr-ecc takes L, M, Q or H, not", name);
    return -1;
}

static int set_format(options *o, const char *name)
{
    if (strcmp(name, "text") == 0)
        o->format = DIAG_TEXT;
    else if (strcmp(name, "json") == 0)
        o->format = DIAG_JSON;
    else
        return usage_error("--diagnostics takes text or json, not", name);
    return -1;
}

static int set_max_errors(options *o, const char *number)
{
    char *end;
    unsigned long n = strtoul(number, &end, 10);

    if (number[0] < '0' || number[0] > '9' || *end || n > 1000000000ul)
        return usage_error("-fmax-errors takes a number (0: no limit), not",
                           number);
    o->max_errors = (unsigned)n;
    return -1;
}

/* The files a run writes: paths[0] the -o file, [1] the header, [2] the
 * dependency file (NULL when none); --dump writes only paths[0]. The
 * names made from -o are in owned[]: free them. */
static void output_paths(const options *o, const char *paths[3],
                         char *owned[2])
{
    int dep = !o->dump && (o->dep_default || o->dep_target || o->dep_path);

    owned[0] = o->out_h || o->dump || o->bin || o->json || o->html_dir
                   ? NULL : outfile_sibling(o->out_c, 'h');
    owned[1] = dep && !o->dep_path ? outfile_sibling(o->out_c, 'd') : NULL;
    paths[0] = o->out_c;
    paths[1] = o->out_h ? o->out_h : owned[0];
    paths[2] = o->dep_path ? o->dep_path : owned[1];
}

static int is_charset_file(const char *charset)
{
    return charset && strcmp(charset, "ascii") != 0 &&
           strcmp(charset, "latin1") != 0;
}

static int same_file_error(const char *what, const char *path,
                           const char *other_what, const char *other)
{
    int input = strcmp(other_what, "the input") == 0;

    fprintf(stderr, "pnc: error: %s '%s' and %s '%s' are the same file; %s"
                    "\nTry 'pnc --help'.\n",
            what, path, other_what, other,
            input ? "pnc would overwrite its input"
                  : "give each output a name of its own");
    return EXIT_USAGE;
}

/* The input file that `path` names, or NULL. */
static const char *input_named(const options *o, const char *path)
{
    size_t i;

    for (i = 0; i < o->file_count; i++) {
        if (outfile_same(path, o->files[i]))
            return o->files[i];
    }
    for (i = 0; i < o->language_file_count; i++) {
        if (outfile_same(path, o->language_files[i]))
            return o->language_files[i];
    }
    if (is_charset_file(o->charset) && outfile_same(path, o->charset))
        return o->charset;
    if (o->font && outfile_same(path, o->font))
        return o->font;
    if (o->font_heading && outfile_same(path, o->font_heading))
        return o->font_heading;
    return NULL;
}

/* Refuses, before anything is read or written, outputs that name an input
 * or each other, and a header that the .c cannot #include. */
static int check_outputs(const options *o)
{
    static const char *const what[3] = {"-o", "--header",
                                        "the dependency file"};
    const char *paths[3], *input, *problem;
    char *owned[2];
    size_t i, j;
    int status = -1;

    if (o->check_only || o->report || o->preview || !o->out_c)
        return -1;
    output_paths(o, paths, owned);
    for (i = 0; i < 3 && status < 0; i++) {
        if (paths[i] && (input = input_named(o, paths[i])) != NULL)
            status = same_file_error(what[i], paths[i], "the input", input);
        for (j = i + 1; paths[i] && j < 3 && status < 0; j++) {
            if (paths[j] && outfile_same(paths[i], paths[j]))
                status = same_file_error(what[i], paths[i], what[j],
                                         paths[j]);
        }
    }
    if (status < 0 && paths[1] &&
        (problem = emit_header_name_problem(base_name(paths[1]))) != NULL) {
        fprintf(stderr, "pnc: error: the header's name '%s' %s; give "
                        "--header another name\nTry 'pnc --help'.\n",
                base_name(paths[1]), problem);
        status = EXIT_USAGE;
    }
    free(owned[0]);
    free(owned[1]);
    return status;
}

/* Returns -1 to go on, or the exit status to end with. */
static int parse_options(int argc, char **argv, options *o)
{
    const char *format = NULL, *transliterate = NULL, *preview = NULL;
    const char *problem;
    const char *out_format = NULL, *catalog_version = NULL, *qr = NULL;
    const char *scale = NULL;
    char why[256];
    int i, only_files = 0;
    size_t j;

    memset(o, 0, sizeof *o);
    o->prefix = "pn_catalog";
    o->format = DIAG_TEXT;
    o->max_errors = 50;
    o->qr_level = QR_ECC_M;
    rule_settings_init(&o->rules);
    o->files = xmalloc((size_t)argc * sizeof *o->files);
    o->language_files = xmalloc((size_t)argc * sizeof *o->language_files);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **value = NULL;
        const char *inline_value;

        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->file_count++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            for (j = 0; j < sizeof usage_text / sizeof usage_text[0]; j++)
                fputs(usage_text[j], stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("pnc %s\n", PN_VERSION);
            return 0;
        } else if (strcmp(a, "--list-rules") == 0) {
            rule_print_table(stdout);
            return 0;
        } else if (strcmp(a, "--check") == 0) {
            o->check_only = 1;
        } else if (strcmp(a, "--no-compress") == 0) {
            o->no_compress = 1;
        } else if (strcmp(a, "--report") == 0) {
            o->report = 1;
        } else if (strcmp(a, "--dump") == 0) {
            o->dump = 1;
        } else if (strcmp(a, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(a, "-MD") == 0) {
            o->dep_default = 1;
        } else if (strcmp(a, "-MF") == 0 || strcmp(a, "-MT") == 0) {
            value = a[2] == 'F' ? &o->dep_path : &o->dep_target;
            inline_value = NULL;
        } else if (strncmp(a, "-fmax-errors=", 13) == 0) {
            if (set_max_errors(o, a + 13) >= 0)
                return EXIT_USAGE;
        } else if (strncmp(a, "-W", 2) == 0) {
            if (rule_settings_apply(&o->rules, a, why, sizeof why) != 0)
                return usage_error(why, NULL);
        } else if (is_option(a, "-o", &inline_value)) {
            value = &o->out_c;
        } else if (is_option(a, "--header", &inline_value)) {
            value = &o->out_h;
        } else if (is_option(a, "--prefix", &inline_value)) {
            value = &o->prefix;
        } else if (is_option(a, "--languages", &inline_value)) {
            value = &o->language_files[o->language_file_count++];
        } else if (is_option(a, "--charset", &inline_value)) {
            value = &o->charset;
        } else if (is_option(a, "--font", &inline_value)) {
            value = &o->font;
        } else if (is_option(a, "--font-heading", &inline_value)) {
            value = &o->font_heading;
        } else if (is_option(a, "--font-sample", &inline_value)) {
            value = &o->font_sample;
        } else if (is_option(a, "--scale", &inline_value)) {
            value = &scale;
        } else if (is_option(a, "--diagnostics", &inline_value)) {
            value = &format;
        } else if (is_option(a, "--transliterate", &inline_value)) {
            value = &transliterate;
        } else if (is_option(a, "--preview", &inline_value)) {
            value = &preview;
        } else if (is_option(a, "--format", &inline_value)) {
            value = &out_format;
        } else if (is_option(a, "--catalog-version", &inline_value)) {
            value = &catalog_version;
        } else if (is_option(a, "--html", &inline_value)) {
            value = &o->html_dir;
        } else if (is_option(a, "--png", &inline_value)) {
            value = &o->png_dir;
        } else if (is_option(a, "--qr-ecc", &inline_value)) {
            value = &qr;
        } else {
            return usage_error("unknown option", a);
        }
        if (value && inline_value) {
            *value = inline_value;
        } else if (value) {
            if (++i >= argc)
                return usage_error("missing value after", a);
            *value = argv[i];
        }
    }
    if (format && set_format(o, format) >= 0)
        return EXIT_USAGE;
    if (transliterate && set_transliterate(o, transliterate) >= 0)
        return EXIT_USAGE;
    if (out_format && set_output_format(o, out_format) >= 0)
        return EXIT_USAGE;
    if (catalog_version && set_catalog_version(o, catalog_version) >= 0)
        return EXIT_USAGE;
    if (qr && set_qr_level(o, qr) >= 0)
        return EXIT_USAGE;
    /* The transliteration is for libpn's own labels too. */
    if (preview && preview_parse_size(preview, o->transliterate |
                                      (o->png_dir ? PN_PIXELS : 0u),
                                      &o->screen) != 0)
        return usage_error(o->png_dir ? "--preview with --png takes "
                                        "WIDTHxHEIGHT in pixels such as "
                                        "128x64, not"
                                      : "--preview takes COLSxROWS such as "
                                        "40x12, not",
                           preview);
    o->preview = preview != NULL;
    o->scale = 1;
    if (scale && (strlen(scale) > 2 || (o->scale = (unsigned)atoi(scale)) < 1 ||
                  o->scale > 16 || strspn(scale, "0123456789") != strlen(scale)))
        return usage_error("--scale takes 1 to 16, not", scale);
    if (o->png_dir && (!o->preview || !o->font))
        return usage_error("--png DIR draws the --preview's pages with the "
                           "--font; give both", NULL);
    if (o->png_dir && o->out_c)
        return usage_error("--png writes into its DIR; it does not go "
                           "with -o", NULL);
    if (o->png_dir &&
        ((unsigned long)o->screen.cols * o->scale > PNG_MAX_SIDE ||
         (unsigned long)o->screen.rows * o->scale > PNG_MAX_SIDE))
        return usage_error("--preview --png: width and height times --scale "
                           "must be at most 16384, not", preview);
    if (o->font_sample && !o->font)
        return usage_error("--font-sample draws the --font; give one", NULL);
    if (o->font_sample && o->file_count == 0)
        return -1; /* only the picture */
    if (o->file_count == 0)
        return usage_error("no input files", NULL);
    if (o->dump && (o->preview || o->out_h || o->dep_default ||
                    o->dep_path || o->dep_target))
        return usage_error("--dump writes one file; it does not go with "
                           "--preview, --header, -MD, -MF or -MT", NULL);
    if (o->dump + o->json + (o->html_dir != NULL) + o->preview + o->bin > 1)
        return usage_error("give one of --dump, --json, --html, --preview "
                           "and --format bin", NULL);
    if ((o->json || o->html_dir) &&
        (o->out_h || o->dep_default || o->dep_path || o->dep_target))
        return usage_error("--json and --html do not go with --header, "
                           "-MD, -MF or -MT", NULL);
    if (o->html_dir && o->out_c)
        return usage_error("--html writes into its DIR; it does not go "
                           "with -o", NULL);
    if (o->bin && o->out_h)
        return usage_error("--format bin writes one file; it does not go "
                           "with --header", NULL);
    if (o->bin && !o->out_c && !o->check_only && !o->report)
        return usage_error("--format bin needs -o FILE", NULL);
    if (!o->check_only && !o->report && !o->preview && !o->dump &&
        !o->json && !o->html_dir && !o->out_c)
        return usage_error("no output: give -o FILE.c (or --check)", NULL);
    if ((problem = emit_prefix_problem(o->prefix)) != NULL) {
        fprintf(stderr, "pnc: error: --prefix '%s' %s\nTry 'pnc --help'.\n",
                o->prefix, problem);
        return EXIT_USAGE;
    }
    return check_outputs(o);
}

/* The rule for the dependency file: the outputs depend on every input
 * file and on a --charset file. */
static void write_depfile(const options *o, const char *h_path, buf *out)
{
    const char *targets[2];
    const char **inputs = xmalloc((o->file_count + 3 +
                                   o->language_file_count) * sizeof *inputs);
    size_t count = o->file_count;
    int charset_file = is_charset_file(o->charset);
    const char *const fonts[2] = {o->font, o->font_heading};
    size_t i;

    targets[0] = o->dep_target ? o->dep_target : o->out_c;
    targets[1] = h_path; /* NULL for --format bin: no header */
    memcpy(inputs, o->files, count * sizeof *inputs);
    if (charset_file)
        inputs[count++] = o->charset;
    for (i = 0; i < 2; i++)
        if (fonts[i])
            inputs[count++] = fonts[i];
    memcpy(inputs + count, o->language_files,
           o->language_file_count * sizeof *inputs);
    count += o->language_file_count;
    depfile_write(out, targets, o->dep_target || !h_path ? 1 : 2, inputs,
                  count);
    free(inputs);
}

static int write_outputs(const options *o, const buf *catalog,
                         mnotice *const *notices, size_t count, diag *d)
{
    const char *paths[3], *h_path, *dep_path;
    char *owned[2];
    buf c_text = {0}, h_text = {0}, dep_text = {0};
    outfile files[3];
    size_t n = 0;
    int status;

    output_paths(o, paths, owned);
    h_path = paths[1];
    dep_path = paths[2];
    if (o->bin) {
        files[n].path = o->out_c;
        files[n++].content = catalog;
    } else {
        emit_source(&c_text, catalog->data, catalog->len, notices, count,
                    o->prefix, base_name(h_path));
        emit_header(&h_text, catalog->data, catalog->len, notices, count,
                    o->prefix);
        files[n].path = o->out_c;
        files[n++].content = &c_text;
        files[n].path = h_path;
        files[n++].content = &h_text;
    }
    if (dep_path) {
        write_depfile(o, h_path, &dep_text);
        files[n].path = dep_path;
        files[n++].content = &dep_text;
    }
    status = outfiles_write(files, n, d);
    buf_free(&c_text);
    buf_free(&h_text);
    buf_free(&dep_text);
    free(owned[0]);
    free(owned[1]);
    return status;
}

/* pnc --dump: the catalog as text, on stdout or in the -o file. */
static int write_dump(const options *o, const buf *catalog, diag *d)
{
    buf text = {0};
    outfile file;
    pn_status st = dump_catalog(&text, catalog->data, catalog->len);
    int status = 0;

    if (st != PN_OK) {
        fprintf(stderr, "pnc: error: libpn cannot read the catalog: %s\n",
                pn_strerror(st));
        status = EXIT_USAGE;
    } else if (o->out_c) {
        file.path = o->out_c;
        file.content = &text;
        status = outfiles_write(&file, 1, d);
    } else if (text.len && fwrite(text.data, 1, text.len, stdout) != text.len) {
        fprintf(stderr, "pnc: error: cannot write the dump\n");
        status = EXIT_USAGE;
    }
    buf_free(&text);
    return status;
}

/* pnc --json: the notices as JSON, on stdout or in the -o file. */
static int write_json(const options *o, mnotice *const *notices,
                      size_t count, diag *d)
{
    buf text = {0};
    outfile file;
    int status = 0;

    json_write(&text, notices, count);
    if (o->out_c) {
        file.path = o->out_c;
        file.content = &text;
        status = outfiles_write(&file, 1, d);
    } else if (fwrite(text.data, 1, text.len, stdout) != text.len ||
               fflush(stdout) != 0) {
        fprintf(stderr, "pnc: error: cannot write the JSON\n");
        status = EXIT_USAGE;
    }
    buf_free(&text);
    return status;
}

/* pnc --html DIR: a page per notice, all written or none. */
static int write_html(const options *o, mnotice *const *notices,
                      size_t count, const languages *langs, diag *d)
{
    buf *pages = xmalloc((count + 1) * sizeof *pages);
    outfile *files = xmalloc((count + 1) * sizeof *files);
    char **paths = xmalloc((count + 1) * sizeof *paths);
    size_t dir_len = strlen(o->html_dir), i;
    int status;

    for (i = 0; i < count; i++) {
        char *name = html_file_name(notices[i]);
        size_t len = dir_len + 1 + strlen(name) + 1;

        paths[i] = xmalloc(len);
        snprintf(paths[i], len, "%s%s%s", o->html_dir,
                 dir_len && o->html_dir[dir_len - 1] == '/' ? "" : "/",
                 name);
        free(name);
        memset(&pages[i], 0, sizeof pages[i]);
        html_page(&pages[i], notices, count, i, langs);
        files[i].path = paths[i];
        files[i].content = &pages[i];
    }
    status = outfiles_write(files, count, d);
    for (i = 0; i < count; i++) {
        buf_free(&pages[i]);
        free(paths[i]);
    }
    free(pages);
    free(files);
    free(paths);
    return status;
}

/* pnc's own languages, then those of each --languages file. Returns 0,
 * EXIT_INPUT after errors in a file, or EXIT_USAGE if one cannot be read. */
static int load_languages(const options *o, languages *l, diag *d)
{
    source src;
    size_t i;
    unsigned errors;

    languages_init(l);
    source_from_memory(&src, "policies/languages.txt (built into pnc)",
                       languages_builtin, languages_builtin_size);
    errors = languages_read(l, &src, d);
    source_free(&src);
    for (i = 0; i < o->language_file_count; i++) {
        if (source_load(&src, o->language_files[i], d) != 0)
            return EXIT_USAGE;
        errors += languages_read(l, &src, d);
        source_free(&src);
    }
    if (errors == 0 && o->transliterate)
        translit_labels(l, o->transliterate);
    return errors ? EXIT_INPUT : 0;
}

/* Reads every file, checks the notices read without errors, then prints
 * the report or writes the outputs the options ask for. */
static int compile(const options *o, const charset *const sets[3],
                   const bdf_font *const fonts[2], const languages *langs,
                   diag *d)
{
    source *sources = xmalloc(o->file_count * sizeof *sources);
    mnotice *models = xmalloc(o->file_count * sizeof *models);
    mnotice **sorted = xmalloc(o->file_count * sizeof *sorted);
    mnotice **readable = xmalloc(o->file_count * sizeof *readable);
    int run_checks = o->check_only || o->preview || o->dump || !o->report;
    check_options checks;
    buf catalog = {0};
    size_t i, loaded = 0, readable_count = 0;
    unsigned errors;
    int io_failed = 0, status;

    for (i = 0; i < o->file_count; i++) {
        if (source_load(&sources[loaded], o->files[i], d) != 0) {
            io_failed = 1;
            continue;
        }
        /* The rules a model can break run after syntax errors too, so
         * that every error of a file is reported; they too leave the
         * notice unread by the other rules and by pack. */
        errors = parse_notice(&sources[loaded], d, &models[loaded]);
        errors += check_model(&models[loaded], d);
        if (errors == 0)
            readable[readable_count++] = &models[loaded];
        sorted[loaded] = &models[loaded];
        loaded++;
    }
    checks.charset = sets[0];
    checks.font = sets[1];
    checks.heading_font = sets[2];
    checks.transliterate = o->transliterate;
    checks.languages = langs;
    checks.qr_level = o->qr_level;
    if (run_checks)
        check_notices(readable, readable_count, &checks, d);
    if (o->report)
        report_print(stdout, readable, readable_count);
    if (run_checks && !io_failed && d->errors == 0)
        pack_sort(sorted, loaded);
    for (i = 0; o->transliterate && i < readable_count; i++)
        translit_notice(readable[i], o->transliterate);
    if (run_checks && !io_failed && d->errors == 0)
        pack_catalog(sorted, loaded, langs, fonts,
                     (o->no_compress ? PACK_PLAIN : 0) |
                         PACK_QR_ECC(o->qr_level),
                     o->catalog_version, d, &catalog);

    if (io_failed)
        status = EXIT_USAGE;
    else if (d->errors)
        status = EXIT_INPUT;
    else if (o->preview && o->png_dir)
        status = preview_png_write(catalog.data, catalog.len, &o->screen,
                                   o->scale, o->png_dir, d);
    else if (o->preview)
        status = preview_print(stdout, catalog.data, catalog.len, &o->screen)
                     ? EXIT_USAGE : 0;
    else if (o->dump)
        status = write_dump(o, &catalog, d);
    else if (o->json)
        status = write_json(o, sorted, loaded, d);
    else if (o->html_dir)
        status = write_html(o, sorted, loaded, langs, d);
    else if (o->check_only || o->report)
        status = 0;
    else
        status = write_outputs(o, &catalog, sorted, loaded, d);

    for (i = 0; i < loaded; i++) {
        notice_free(&models[i]);
        source_free(&sources[i]);
    }
    buf_free(&catalog);
    free(sources);
    free(models);
    free(sorted);
    free(readable);
    return status;
}

static void print_summary(const diag *d)
{
    if (d->format != DIAG_TEXT || (d->errors == 0 && d->warnings == 0))
        return;
    fputs("pnc: ", stderr);
    if (d->errors)
        fprintf(stderr, "%u error%s%s", d->errors, d->errors == 1 ? "" : "s",
                d->warnings ? ", " : "");
    if (d->warnings)
        fprintf(stderr, "%u warning%s", d->warnings,
                d->warnings == 1 ? "" : "s");
    fputc('\n', stderr);
}

/* Reads the --font and --font-heading files into `fonts` (NULL when not
 * given) and the sets of characters they have into sets[1] and sets[2];
 * writes the --font-sample. Returns 0 or the exit status. */
static int load_fonts(const options *o, bdf_font storage[2],
                      const bdf_font *fonts[2], charset *sets[3],
                      charset set_storage[2], diag *d)
{
    const char *const paths[2] = {o->font, o->font_heading};
    int i, status = 0;

    for (i = 0; i < 2 && status == 0; i++) {
        if (!paths[i])
            continue;
        if (bdf_load(&storage[i], paths[i], d) != 0) {
            bdf_free(&storage[i]);
            return EXIT_USAGE; /* as for a --charset file */
        }
        fonts[i] = &storage[i];
        charset_of_font(&set_storage[i], &storage[i]);
        sets[i + 1] = &set_storage[i];
        if (i == 0 && o->font_sample)
            status = font_sample_write(&storage[i], o->font_sample,
                                       o->scale, d);
    }
    return status;
}

int main(int argc, char **argv)
{
    options o;
    charset cs, font_sets[2];
    charset *sets[3] = {NULL, NULL, NULL};
    bdf_font font_storage[2];
    const bdf_font *fonts[2] = {NULL, NULL};
    languages langs;
    diag d;
    int i, status = parse_options(argc, argv, &o);

    if (status < 0) {
        diag_init(&d, stderr);
        d.format = o.format;
        d.rules = &o.rules;
        d.max_errors = o.max_errors;
        d.line_order = 1;
        status = load_languages(&o, &langs, &d);
        if (status == 0 && o.charset) {
            status = charset_load(&cs, o.charset, &d);
            sets[0] = &cs;
        }
        if (status == 0)
            status = load_fonts(&o, font_storage, fonts, sets, font_sets,
                                &d);
        if (status == 0 && o.file_count > 0)
            status = compile(&o, (const charset *const *)sets, fonts, &langs,
                             &d);
        diag_finish(&d);
        print_summary(&d);
        for (i = 0; i < 3; i++)
            if (sets[i])
                charset_free(sets[i]);
        for (i = 0; i < 2; i++)
            if (fonts[i])
                bdf_free(&font_storage[i]);
        languages_free(&langs);
    }
    free(o.files);
    free(o.language_files);
    return status;
}
