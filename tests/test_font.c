/* Fonts: the BDF reader (gen/bdf.c) on a good font and on the hostile
 * fonts of tests/fixtures/bdf/ (each an error at its line, never a
 * crash: the sanitized build runs this test too), the --font and
 * --font-heading checks [font-glyph], the project's own font, and real
 * fonts made at test time from Debian's packages: DejaVu Sans at 10 px
 * through otf2bdf and X11's misc-fixed through pcf2bdf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bdf.h"
#include "pack_font.h"
#include "pn_format.h"
#include "support.h"
#include "unity.h"

#define TMP BUILD_DIR "/tests/font-tmp"
#define FIXTURES "tests/fixtures/bdf"
#define OWN_FONT "fonts/pnc-sans-11.bdf"
#define MISC_FIXED "/usr/share/fonts/X11/misc/6x13.pcf.gz"
#define MISC_FIXED_LATIN1 "/usr/share/fonts/X11/misc/6x13-ISO8859-1.pcf.gz"

void setUp(void)
{
    fresh_dir(TMP);
}

void tearDown(void)
{
}

static int exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

static void write_text(const char *path, const char *content)
{
    FILE *f = fopen(path, "wb");
    TEST_ASSERT_NOT_NULL(f);
    fputs(content, f);
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

/* A font with a 3x5 block glyph for each character of the UTF-8 `chars`
 * (and a space), written to `path`. */
static void write_font(const char *path, const char *chars)
{
    FILE *f = fopen(path, "wb");
    const unsigned char *s = (const unsigned char *)chars;
    unsigned long cps[64];
    size_t count = 0, i;

    TEST_ASSERT_NOT_NULL(f);
    cps[count++] = ' ';
    while (*s) { /* two-byte UTF-8 at most in these tests */
        unsigned long cp = *s < 0x80 ? *s : (s[0] & 0x1Ful) << 6 |
                                                (s[1] & 0x3Ful);
        s += *s < 0x80 ? 1 : 2;
        cps[count++] = cp;
    }
    fprintf(f, "STARTFONT 2.1\nFONTBOUNDINGBOX 3 6 0 -1\nCHARS %lu\n",
            (unsigned long)count);
    for (i = 0; i < count; i++)
        fprintf(f, "STARTCHAR c%lu\nENCODING %lu\nDWIDTH 4 0\n"
                   "BBX 3 5 0 0\nBITMAP\nE0\nA0\nA0\nA0\nE0\nENDCHAR\n",
                (unsigned long)i, cps[i]);
    fputs("ENDFONT\n", f);
    TEST_ASSERT_EQUAL_INT(0, fclose(f));
}

static void test_good_font_read(void)
{
    static const unsigned char a_rows[6] = {0x60, 0x90, 0xF0,
                                            0x90, 0x90, 0x00};
    bdf_font f;
    diag d;
    const bdf_glyph *a;

    diag_init(&d, stderr);
    TEST_ASSERT_EQUAL_INT(0, bdf_load(&f, FIXTURES "/good.bdf", &d));
    TEST_ASSERT_EQUAL_INT(2, f.glyph_count);
    TEST_ASSERT_EQUAL_INT(5, f.ascent);
    TEST_ASSERT_EQUAL_INT(1, f.descent);
    TEST_ASSERT_EQUAL_INT(4, f.width);
    a = bdf_find(&f, 'A');
    TEST_ASSERT_NOT_NULL(a);
    TEST_ASSERT_EQUAL_INT(5, a->advance);
    TEST_ASSERT_EQUAL_INT(4, a->width);
    TEST_ASSERT_EQUAL_INT(6, a->height);
    TEST_ASSERT_EQUAL_INT(-1, a->y_off);
    TEST_ASSERT_EQUAL_MEMORY(a_rows, a->bits, 6);
    TEST_ASSERT_EQUAL_INT(1, bdf_pixel(a, 0, 1));
    TEST_ASSERT_EQUAL_INT(0, bdf_pixel(a, 0, 0));
    TEST_ASSERT_EQUAL_INT(0, bdf_pixel(a, 4, 1)); /* outside: 0 */
    TEST_ASSERT_NULL(bdf_find(&f, 'B'));
    TEST_ASSERT_NOT_NULL(bdf_find(&f, ' '));
    TEST_ASSERT_EQUAL_INT(0, d.errors);
    bdf_free(&f);
}

static void test_padding_bits_dropped(void)
{
    static const char font[] =
        "STARTFONT 2.1\nFONTBOUNDINGBOX 3 1 0 0\nCHARS 1\n"
        "STARTCHAR x\nENCODING 120\nDWIDTH 4 0\nBBX 3 1 0 0\nBITMAP\n"
        "FFFF\nENDCHAR\nENDFONT\n";
    bdf_font f;
    diag d;

    diag_init(&d, stderr);
    TEST_ASSERT_EQUAL_INT(0, bdf_read(&f, "x.bdf", font, sizeof font - 1,
                                      &d));
    TEST_ASSERT_EQUAL_INT(1, f.glyph_count);
    TEST_ASSERT_EQUAL_HEX8(0xE0, f.glyphs[0].bits[0]);
    bdf_free(&f);
}

static uint32_t le(const unsigned char *p, unsigned bytes)
{
    uint32_t v = 0;
    while (bytes-- > 0)
        v = v << 8 | p[bytes];
    return v;
}

static void test_subset_with_a_box(void)
{
    /* A font with A and Z but neither U+FFFD nor '?': the texts use A
     * and B, so A is stored, then a box pnc draws as the replacement. */
    static const char bdf[] =
        "STARTFONT 2.1\nFONTBOUNDINGBOX 8 8 0 -1\nCHARS 2\n"
        "STARTCHAR A\nENCODING 65\nDWIDTH 5 0\nBBX 3 2 1 0\nBITMAP\n"
        "A0\n40\nENDCHAR\n"
        "STARTCHAR Z\nENCODING 90\nDWIDTH 5 0\nBBX 3 2 1 0\nBITMAP\n"
        "E0\nE0\nENDCHAR\nENDFONT\n";
    const char *texts[2] = {"AB", NULL};
    const unsigned char *g;
    bdf_font f;
    buf out = {0};
    diag d;

    diag_init(&d, stderr);
    TEST_ASSERT_EQUAL_INT(0, bdf_read(&f, "t.bdf", bdf, sizeof bdf - 1, &d));
    TEST_ASSERT_EQUAL_INT(0, pack_font(&f, texts, 2, &out));
    TEST_ASSERT_EQUAL_INT(2, le(out.data + PN_FONT_AT(glyph_count, 2), 2));
    TEST_ASSERT_EQUAL_INT(1, le(out.data + PN_FONT_AT(replacement, 2), 2));
    TEST_ASSERT_EQUAL_INT(7, out.data[PN_FONT_AT(ascent, 1)]);
    TEST_ASSERT_EQUAL_INT(1, out.data[PN_FONT_AT(descent, 1)]);
    g = out.data + PN_FONT_HEAD_SIZE;
    TEST_ASSERT_EQUAL_INT('A', le(g + PN_GLYPH_AT(code_point, 3), 3));
    TEST_ASSERT_EQUAL_INT(5, g[PN_GLYPH_AT(advance, 1)]);
    TEST_ASSERT_EQUAL_INT(3, g[PN_GLYPH_AT(width, 1)]);
    TEST_ASSERT_EQUAL_INT(1, g[PN_GLYPH_AT(x_off, 1)]);
    TEST_ASSERT_EQUAL_INT(0, le(g + PN_GLYPH_AT(bits, 3), 3));
    g += PN_GLYPH_SIZE;
    TEST_ASSERT_EQUAL_INT(0xFFFD, le(g + PN_GLYPH_AT(code_point, 3), 3));
    TEST_ASSERT_EQUAL_INT(1, le(g + PN_GLYPH_AT(bits, 3), 3));
    /* A's 3 x 2 bits, 101 010, packed: 1010 1000. */
    TEST_ASSERT_EQUAL_HEX8(0xA8, out.data[PN_FONT_HEAD_SIZE +
                                          2 * PN_GLYPH_SIZE]);
    TEST_ASSERT_EQUAL_INT(PN_FONT_HEAD_SIZE + 2 * PN_GLYPH_SIZE +
                              le(out.data + PN_FONT_AT(bits_size, 4), 4),
                          out.len);
    buf_free(&out);
    bdf_free(&f);
}

static void test_hostile_fonts(void)
{
    FILE *manifest = fopen(FIXTURES "/EXPECTED", "r");
    char line[300];
    unsigned cases = 0;

    TEST_ASSERT_NOT_NULL(manifest);
    write_text(TMP "/a.en.pn", "---\npolicy: a\nlang: en\ntitle: A\n---\n");
    while (fgets(line, sizeof line, manifest)) {
        char name[100], command[400], where[200], message[300];
        unsigned at;
        int used = 0;
        const char *fragment;

        if (line[0] == '#')
            continue;
        line[strcspn(line, "\n")] = '\0';
        TEST_ASSERT_EQUAL_INT_MESSAGE(2, sscanf(line, "%99s %u %n", name, &at,
                                                &used) == 2 && used > 0
                                             ? 2 : 0, line);
        fragment = line + used;
        snprintf(command, sizeof command,
                 PNC_PATH " --check --font " FIXTURES "/%s " TMP "/a.en.pn",
                 name);
        snprintf(message, sizeof message, "%s: %s", name, tail(err_text));
        TEST_ASSERT_EQUAL_INT_MESSAGE(2, run(command), line);
        snprintf(message, sizeof message, "%s: %s", name, tail(err_text));
        snprintf(where, sizeof where, FIXTURES "/%s:%u:", name, at);
        TEST_ASSERT_TRUE_MESSAGE(strncmp(err_text, where, strlen(where)) == 0,
                                 message);
        TEST_ASSERT_TRUE_MESSAGE(strstr(err_text, fragment) != NULL, message);
        TEST_ASSERT_TRUE_MESSAGE(strstr(err_text, "[bdf-syntax]") != NULL,
                                 message);
        cases++;
    }
    fclose(manifest);
    TEST_ASSERT_TRUE(cases >= 40);
}

static void test_missing_font_file(void)
{
    write_text(TMP "/a.en.pn", "---\npolicy: a\nlang: en\ntitle: A\n---\n");
    TEST_ASSERT_EQUAL_INT(2, run(PNC_PATH " --check --font " TMP
                                 "/none.bdf " TMP "/a.en.pn"));
    TEST_ASSERT_TRUE(strstr(err_text, "cannot open") != NULL);
}

/* A notice whose title, heading and paragraph use different letters. */
#define NOTICE                                                               \
    "---\npolicy: a\nlang: en\ntitle: AB\n---\n\n"                          \
    "# HA {#h}\n\nAB PA\xC3\x85.\n"

static void test_missing_glyph_located(void)
{
    write_text(TMP "/a.en.pn", NOTICE);
    write_font(TMP "/f.bdf", "ABH.a");
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check -Wno-art13 --font "
                                 TMP "/f.bdf " TMP "/a.en.pn"));
    /* P: once, at its first use; Å: with the hint, as A and a are there. */
    TEST_ASSERT_TRUE_MESSAGE(
        strstr(err_text, TMP "/a.en.pn:9:4: error: 'P' (U+0050) is not in "
               "the font " TMP "/f.bdf [font-glyph]") != NULL,
        err_text);
    TEST_ASSERT_TRUE_MESSAGE(
        strstr(err_text, TMP "/a.en.pn:9:6: error: '\xC3\x85' (U+00C5) is "
               "not in the font " TMP "/f.bdf; --transliterate writes it as "
               "'Aa' [font-glyph]") != NULL,
        err_text);
    TEST_ASSERT_TRUE(strstr(err_text, "pnc: 2 errors") != NULL);
    /* With the letters, and Å written as Aa, nothing is missing. */
    write_font(TMP "/g.bdf", "ABHP.a");
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, run(PNC_PATH " --check -Wno-art13 "
                                         "--transliterate ascii --font " TMP
                                         "/g.bdf " TMP "/a.en.pn"),
                                  err_text);
}

static void test_heading_font(void)
{
    write_text(TMP "/a.en.pn", NOTICE);
    /* Headings only need the heading font: H is not in the body font. */
    write_font(TMP "/body.bdf", "ABP.\xC3\x85");
    write_font(TMP "/head.bdf", "A");
    TEST_ASSERT_EQUAL_INT(1, run(PNC_PATH " --check -Wno-art13 --font " TMP
                                 "/body.bdf --font-heading " TMP "/head.bdf "
                                 TMP "/a.en.pn"));
    TEST_ASSERT_TRUE_MESSAGE(
        strstr(err_text, TMP "/a.en.pn:7:3: error: 'H' (U+0048) is not in "
               "the heading font " TMP "/head.bdf [font-glyph]") != NULL,
        err_text);
    TEST_ASSERT_TRUE(strstr(err_text, "pnc: 1 error") != NULL);
    write_font(TMP "/head.bdf", "AH");
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run(PNC_PATH " --check -Wno-art13 --font " TMP "/body.bdf "
               "--font-heading " TMP "/head.bdf " TMP "/a.en.pn"), err_text);
}

/* Runs pnc --check on the bundled notices with `font`; returns its
 * status, the diagnostics in err_text. */
static int check_notices(const char *font)
{
    char command[400];

    snprintf(command, sizeof command,
             PNC_PATH " --check --font '%s' policies/*.pn", font);
    return run(command);
}

static void read_ok(const char *path, size_t min_glyphs)
{
    bdf_font f;
    diag d;

    diag_init(&d, stderr);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, bdf_load(&f, path, &d), path);
    TEST_ASSERT_TRUE_MESSAGE(f.glyph_count >= min_glyphs, path);
    TEST_ASSERT_NOT_NULL(bdf_find(&f, 'A'));
    TEST_ASSERT_NOT_NULL(bdf_find(&f, 0xE5));
    bdf_free(&f);
}

static void test_own_font(void)
{
    bdf_font f;
    diag d;
    uint32_t cp;

    diag_init(&d, stderr);
    TEST_ASSERT_EQUAL_INT(0, bdf_load(&f, OWN_FONT, &d));
    for (cp = 0x20; cp <= 0xFF; cp++) {
        char message[40];
        if (cp >= 0x7F && cp < 0xA0)
            continue;
        snprintf(message, sizeof message, "U+%04lX", (unsigned long)cp);
        TEST_ASSERT_TRUE_MESSAGE(bdf_find(&f, cp) != NULL, message);
    }
    bdf_free(&f);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, check_notices(OWN_FONT),
                                  tail(err_text));
    TEST_ASSERT_NULL(strstr(err_text, "[font-glyph]"));
}

static void test_own_font_made_from_its_source(void)
{
    if (!have("python3"))
        TEST_IGNORE_MESSAGE("skipped: python3 not found");
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, run("python3 fonts/mkfont.py fonts/pnc-sans-11.txt | cmp - "
               OWN_FONT), "fonts/pnc-sans-11.bdf is not what fonts/mkfont.py "
               "makes of fonts/pnc-sans-11.txt");
}

static void test_dejavu_sans(void)
{
    const char *skip =
        make_dejavu_bdf("DejaVuSans", 10, TMP "/dejavu-10.bdf");

    if (skip)
        TEST_IGNORE_MESSAGE(skip);
    read_ok(TMP "/dejavu-10.bdf", 1000);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, check_notices(TMP "/dejavu-10.bdf"),
                                  tail(err_text));
    TEST_ASSERT_NULL(strstr(err_text, "[font-glyph]"));
}

static int make_misc_fixed(const char *pcf_gz, const char *bdf)
{
    char command[400];

    if (!have("pcf2bdf"))
        TEST_IGNORE_MESSAGE("skipped: pcf2bdf not found");
    if (!exists(pcf_gz))
        TEST_IGNORE_MESSAGE("skipped: X11 misc-fixed fonts not found "
                            "(xfonts-base)");
    snprintf(command, sizeof command,
             "gunzip -c '%s' >" TMP "/f.pcf && pcf2bdf -o '%s' " TMP "/f.pcf",
             pcf_gz, bdf);
    return run(command);
}

static void test_misc_fixed(void)
{
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, make_misc_fixed(MISC_FIXED,
                                                     TMP "/6x13.bdf"),
                                  err_text);
    read_ok(TMP "/6x13.bdf", 1000);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, check_notices(TMP "/6x13.bdf"),
                                  tail(err_text));
    TEST_ASSERT_NULL(strstr(err_text, "[font-glyph]"));
}

static void test_latin1_font_lacks_dashes(void)
{
    /* misc-fixed in ISO 8859-1 has no en dash: the notices use one, and
     * the diagnostic names what --transliterate writes instead. */
    TEST_ASSERT_EQUAL_INT_MESSAGE(
        0, make_misc_fixed(MISC_FIXED_LATIN1, TMP "/6x13-latin1.bdf"),
        err_text);
    read_ok(TMP "/6x13-latin1.bdf", 190);
    TEST_ASSERT_EQUAL_INT(1, check_notices(TMP "/6x13-latin1.bdf"));
    TEST_ASSERT_TRUE_MESSAGE(
        strstr(err_text, "'\xE2\x80\x93' (U+2013) is not in the font " TMP
               "/6x13-latin1.bdf; --transliterate writes it as '-'") != NULL,
        tail(err_text));
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_good_font_read);
    RUN_TEST(test_padding_bits_dropped);
    RUN_TEST(test_subset_with_a_box);
    RUN_TEST(test_hostile_fonts);
    RUN_TEST(test_missing_font_file);
    RUN_TEST(test_missing_glyph_located);
    RUN_TEST(test_heading_font);
    RUN_TEST(test_own_font);
    RUN_TEST(test_own_font_made_from_its_source);
    RUN_TEST(test_dejavu_sans);
    RUN_TEST(test_misc_fixed);
    RUN_TEST(test_latin1_font_lacks_dashes);
    return UNITY_END();
}
