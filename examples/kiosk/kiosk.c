/* kiosk: shows the bundled privacy notices through libpn as a device with a
 * small character screen would, in a terminal. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "catalog.h"
#include "catalog_font.h"
#include "dump.h"
#include "pixels.h"
#include "pn.h"
#include "ui.h"

static const char usage_text[] =
    "Usage: kiosk [OPTION]...\n"
    "       kiosk --list\n"
    "       kiosk --dump POLICY[:LANGS]\n"
    "Show the privacy notices compiled into this program, or those of a\n"
    "catalog file, as a device with a small character or pixel screen\n"
    "would.\n"
    "\n"
    "  --catalog FILE         show the notices of FILE, a catalog written by\n"
    "                         pnc --format bin, instead of the built-in ones\n"
    "  --size COLSxROWS       the device's screen (default 20x4; 1x1 to 200x100)\n"
    "  --pixels WxH           a pixel screen of W x H pixels instead (8x8 to\n"
    "                         480x320), e.g. 128x64: the notice laid out and\n"
    "                         drawn by libpn in the catalog's font, shown\n"
    "                         with half blocks, two pixel rows a line; the\n"
    "                         built-in notices then come with the repository's\n"
    "                         font (fonts/pnc-sans-11.bdf), a --catalog FILE\n"
    "                         needs one (pnc --font)\n"
    "  --policy ID            the service to show (default: the first)\n"
    "  --lang LANGS           language preference list, e.g. nn,nb,en\n"
    "  --ascii                a display with ASCII glyphs only\n"
    "  --latin1               a display with ISO 8859-1 glyphs only\n"
    "  --script KEYS          press KEYS one by one and print every screen\n"
    "  --list                 list the policies, their languages and titles\n"
    "  --dump POLICY[:LANGS]  print a whole notice, one heading, paragraph\n"
    "                         or list item per line\n"
    "  -h, --help             show this help\n"
    "\n"
    "Keys: n/space next page, p/b previous, m sections, t topics, 1-9 choose,\n"
    "l language, c contact, h first layer, v next service, ? keys, q quit.\n";

typedef struct options {
    pn_screen screen;
    const char *policy;
    const char *langs;
    const char *script;
} options;

static int usage_error(const char *message, const char *arg)
{
    fprintf(stderr, "kiosk: %s%s%s\nTry 'kiosk --help'.\n", message,
            arg ? " " : "", arg ? arg : "");
    return 2;
}

/* "COLSxROWS" (or, with `pixels`, "WxH" in pixels) into `screen`. */
static int parse_size(const char *text, int pixels, pn_screen *screen)
{
    unsigned cols, rows;
    char tail;
    if (sscanf(text, "%ux%u%c", &cols, &rows, &tail) != 2 ||
        !(pixels ? pixels_is_valid_size(cols, rows)
                 : ui_is_valid_size(cols, rows)))
        return 0;
    screen->cols = (uint16_t)cols;
    screen->rows = (uint16_t)rows;
    screen->flags = (screen->flags & ~PN_PIXELS) | (pixels ? PN_PIXELS : 0u);
    return 1;
}

/* Whether the last screen option is --pixels: the built-in catalog is
 * then the one with the font. */
static int wants_pixels(int argc, char **argv)
{
    int i, pixels = 0;

    for (i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--pixels") == 0 || strcmp(argv[i], "--size") == 0)
            pixels = strcmp(argv[i], "--pixels") == 0;
        if (strcmp(argv[i], "--script") == 0 ||
            strcmp(argv[i], "--pixels") == 0 ||
            strcmp(argv[i], "--size") == 0 ||
            strcmp(argv[i], "--catalog") == 0 ||
            strcmp(argv[i], "--policy") == 0 || strcmp(argv[i], "--lang") == 0)
            i++;
    }
    return pixels;
}

static int run_script(ui *u, const char *keys)
{
    ui_draw(u, stdout);
    for (; *keys && !u->done; keys++) {
        printf("\n> %c\n", *keys);
        ui_key(u, *keys);
        if (!u->done)
            ui_draw(u, stdout);
    }
    return 0;
}

/* Reads keys straight from the terminal, arrow keys included. */
static int read_key(void)
{
    unsigned char c, seq[2];
    if (read(STDIN_FILENO, &c, 1) != 1)
        return 'q';
    if (c != 27)
        return c;
    if (read(STDIN_FILENO, seq, 2) != 2 || seq[0] != '[')
        return 0;
    switch (seq[1]) {
    case 'C': case 'B': return 'n';
    case 'D': case 'A': return 'p';
    default: return 0;
    }
}

static int run_interactive(ui *u)
{
    struct termios saved, raw;
    int is_tty = isatty(STDIN_FILENO);

    if (is_tty) {
        tcgetattr(STDIN_FILENO, &saved);
        raw = saved;
        raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
    }
    while (!u->done) {
        fputs("\033[H\033[2J", stdout);
        ui_draw(u, stdout);
        fputs("n next  p back  m sections  l language  ? keys  q quit\n",
              stdout);
        fflush(stdout);
        ui_key(u, read_key());
    }
    if (is_tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return 0;
}

/* Reads the file at `path` into `*data` (malloc'd, the kiosk being a
 * host program) and opens and verifies it as a catalog. On failure prints
 * one line naming the problem and returns 1. */
static int load_catalog(const char *path, unsigned char **data,
                        pn_catalog *cat)
{
    FILE *f = fopen(path, "rb");
    size_t size = 0, cap = 0, n;
    unsigned char *bytes = NULL;
    pn_status st;
    uint32_t stated;

    if (!f) {
        fprintf(stderr, "kiosk: %s: cannot open: %s\n", path, strerror(errno));
        return 1;
    }
    do {
        if (size == cap) {
            unsigned char *grown;
            cap = cap ? 2 * cap : 65536;
            if (!(grown = realloc(bytes, cap))) {
                fprintf(stderr, "kiosk: %s: out of memory\n", path);
                free(bytes);
                fclose(f);
                return 1;
            }
            bytes = grown;
        }
        n = fread(bytes + size, 1, cap - size, f);
        size += n;
    } while (n > 0);
    if (ferror(f)) {
        fprintf(stderr, "kiosk: %s: cannot read: %s\n", path, strerror(errno));
        free(bytes);
        fclose(f);
        return 1;
    }
    fclose(f);
    *data = bytes;
    if (size == 0) {
        fprintf(stderr, "kiosk: %s: the file is empty, not a catalog\n", path);
        return 1;
    }
    st = pn_open(cat, bytes, size);
    if (st == PN_OK)
        st = pn_verify(cat);
    if (st == PN_OK)
        return 0;
    fprintf(stderr, "kiosk: %s: %s", path, pn_strerror(st));
    if (st == PN_ERR_NOT_CATALOG && size >= 8 &&
        memcmp(bytes, "\x89PNG\r\n\x1a\n", 8) == 0)
        fputs(": it is a PNG image", stderr);
    else if (st == PN_ERR_SIZE &&
             pn_catalog_size(bytes, size, &stated) == PN_ERR_SIZE &&
             stated > 0)
        fprintf(stderr, ": the header says %lu bytes, the file has %lu",
                (unsigned long)stated, (unsigned long)size);
    else if (st == PN_ERR_SIZE)
        fprintf(stderr, ": %lu bytes, %s", (unsigned long)size,
                pn_catalog_size(bytes, size, &stated) == PN_OK
                    ? "more than the header says"
                    : "shorter than a catalog's header");
    else if (st == PN_ERR_CRC)
        fputs(": the file is damaged", stderr);
    else if (st == PN_ERR_VERSION)
        fprintf(stderr, ": this kiosk reads format %d; rebuild it or the "
                        "catalog with the same pnc", PN_CATALOG_FORMAT);
    fputc('\n', stderr);
    return 1;
}

static int run_kiosk(const pn_catalog *catalog, int argc, char **argv);

int main(int argc, char **argv)
{
    pn_catalog cat;
    unsigned char *loaded = NULL;
    pn_status st;
    int i, status;

    /* --catalog first: the other options read the catalog. */
    for (i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--catalog") != 0)
            continue;
        status = load_catalog(argv[i + 1], &loaded, &cat);
        if (status != 0) {
            free(loaded);
            return status;
        }
        break;
    }
    if (!loaded && wants_pixels(argc, argv))
        st = pn_open(&cat, pn_bundled_font, PN_BUNDLED_FONT_SIZE);
    else if (!loaded)
        st = pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE);
    else
        st = PN_OK;
    if (st != PN_OK) {
        fprintf(stderr, "kiosk: the bundled catalog: %s\n", pn_strerror(st));
        return 1;
    }
    status = run_kiosk(&cat, argc, argv);
    free(loaded);
    return status;
}

static int run_kiosk(const pn_catalog *catalog, int argc, char **argv)
{
    pn_catalog cat = *catalog;
    pn_font_metrics font;
    options o;
    ui u;
    pn_status st;
    int i;

    memset(&o, 0, sizeof o);
    o.screen.cols = 20;
    o.screen.rows = 4;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        } else if (strcmp(a, "--list") == 0) {
            return dump_list(&cat, stdout);
        } else if (strcmp(a, "--ascii") == 0) {
            o.screen.flags = (o.screen.flags & PN_PIXELS) | PN_ASCII;
            continue;
        } else if (strcmp(a, "--latin1") == 0) {
            o.screen.flags = (o.screen.flags & PN_PIXELS) | PN_LATIN1;
            continue;
        }
        if (!value)
            return usage_error(a[0] == '-' ? "missing value after" : "unexpected", a);
        if (strcmp(a, "--dump") == 0)
            return dump_notice(&cat, value, stdout);
        else if (strcmp(a, "--size") == 0 && !parse_size(value, 0, &o.screen))
            return usage_error("--size wants COLSxROWS from 1x1 to 200x100, got", value);
        else if (strcmp(a, "--pixels") == 0 &&
                 !parse_size(value, 1, &o.screen))
            return usage_error("--pixels wants WxH from 8x8 to 480x320, got",
                               value);
        else if (strcmp(a, "--policy") == 0)
            o.policy = value;
        else if (strcmp(a, "--lang") == 0)
            o.langs = value;
        else if (strcmp(a, "--script") == 0)
            o.script = value;
        else if (strcmp(a, "--size") != 0 && strcmp(a, "--pixels") != 0 &&
                 strcmp(a, "--catalog") != 0)
            return usage_error("unknown option", a);
        i++;
    }
    if ((o.screen.flags & PN_PIXELS) &&
        pn_font_metrics_get(&cat, PN_FONT_TEXT, &font) == PN_ERR_NOT_FOUND)
        return usage_error("--pixels needs a catalog with a font (pnc --font "
                           "FILE.bdf); this one has none", NULL);
    st = ui_open(&u, &cat, o.policy, o.langs, &o.screen);
    if (st != PN_OK) {
        fprintf(stderr, "kiosk: %s: %s\n", o.policy ? o.policy : "notice",
                pn_strerror(st));
        return 1;
    }
    return o.script ? run_script(&u, o.script) : run_interactive(&u);
}
