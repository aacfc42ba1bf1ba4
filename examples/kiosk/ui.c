/* ui.c: the kiosk's screens, on top of libpn's cursor. */
#include "ui.h"

#include <string.h>

#include "pixels.h"

#define MAX_ROWS 100
#define MAX_COLS 200

/* A page of text as pn_cursor_show() writes it; room for any size the
 * kiosk accepts. */
static char page[MAX_ROWS * (4 * MAX_COLS + 1) + 1];

static const char *const help_lines[] = {
    "n space  next page",
    "p b      previous page",
    "m        sections",
    "t        topics",
    "1-9      choose in a menu",
    "l        next language",
    "c        contact",
    "h        first layer",
    "v        next service",
    "?        these keys",
    "q        quit",
};
#define HELP_COUNT (sizeof help_lines / sizeof help_lines[0])

static void locate(ui *u);

static void note(ui *u, const char *what, pn_status st)
{
    snprintf(u->message, sizeof u->message, "%s: %s", what, pn_strerror(st));
}

pn_status ui_open(ui *u, const pn_catalog *cat, const char *policy,
                  const char *langs, const pn_screen *screen)
{
    pn_notice first;
    pn_status st;

    memset(u, 0, sizeof *u);
    u->catalog = cat;
    u->screen = *screen;
    snprintf(u->langs, sizeof u->langs, "%s", langs ? langs : "nb,*");
    if (!policy) {
        st = pn_notice_at(cat, 0, &first);
        if (st != PN_OK)
            return st;
        policy = first.policy;
    }
    st = pn_find(cat, policy, u->langs, &u->notice);
    if (st != PN_OK)
        return st;
    st = pn_cursor_open_summary(&u->cursor, &u->notice, &u->screen);
    if (st == PN_OK)
        locate(u);
    return st;
}

/* ---- Menus --------------------------------------------------------------- */

/* Item `index` of the menu: a titled section, or a topic some section has.
 * Writes its text and returns the section it leads to, or -1 past the end. */
static long menu_item(const ui *u, unsigned index, char *text, size_t size)
{
    pn_section sec;
    uint32_t i;
    unsigned seen = 0;

    if (u->menu_topics) {
        for (i = 0; i < PN_TOPIC_COUNT; i++) {
            if (pn_section_by_topic(&u->notice, (pn_topic)i, 0, &sec) != PN_OK)
                continue;
            if (seen++ == index) {
                char *c;
                /* The catalog's name in the notice's language, else the
                 * source format's, "legal_basis" shown as "legal basis". */
                if (pn_topic_label(&u->notice, (pn_topic)i, text, size,
                                   NULL) >= 0)
                    return (long)sec.index;
                snprintf(text, size, "%s", pn_topic_name((pn_topic)i));
                for (c = text; *c; c++)
                    if (*c == '_')
                        *c = ' ';
                return (long)sec.index;
            }
        }
        return -1;
    }
    for (i = 0; i < u->notice.section_count; i++) {
        char title[256];
        if (pn_section_at(&u->notice, i, &sec) != PN_OK || sec.level == 0)
            continue;
        if (seen++ == index) {
            pn_section_title(&sec, title, sizeof title, NULL);
            snprintf(text, size, "%s%s%s", sec.number,
                     sec.number[0] ? " " : "", title);
            return (long)sec.index;
        }
    }
    return -1;
}

static unsigned menu_count(const ui *u)
{
    char text[8];
    unsigned n = 0;
    while (menu_item(u, n, text, sizeof text) >= 0)
        n++;
    return n;
}

static int is_pixels(const ui *u)
{
    return (u->screen.flags & PN_PIXELS) != 0;
}

/* The lines of text a screen shows: its rows, or as many lines of the
 * catalog's font as fit on a pixel screen. */
static unsigned screen_lines(const ui *u)
{
    return is_pixels(u) ? pixels_line_count(u->catalog, u->screen.rows)
                        : u->screen.rows;
}

/* Menu lines are numbered 1-9 on each page, so a page holds at most 9. */
static unsigned menu_per_page(const ui *u)
{
    return screen_lines(u) < 9 ? screen_lines(u) : 9;
}

/* The pages a menu (or the key list) takes on the screen. */
static unsigned list_pages(const ui *u)
{
    unsigned count = u->mode == UI_HELP ? HELP_COUNT : menu_count(u);
    unsigned per = u->mode == UI_HELP ? screen_lines(u) : menu_per_page(u);
    return count ? (count - 1) / per + 1 : 1;
}

static void choose(ui *u, unsigned number)
{
    char text[8];
    long section;
    pn_status st;

    if (number == 0 || number > menu_per_page(u))
        return;
    section = menu_item(u, u->menu_page * menu_per_page(u) + number - 1,
                        text, sizeof text);
    if (section < 0)
        return;
    st = pn_cursor_open(&u->cursor, &u->notice, &u->screen);
    if (st == PN_OK)
        st = pn_cursor_goto(&u->cursor, (uint32_t)section);
    if (st != PN_OK)
        note(u, "section", st);
    u->mode = UI_READ;
}

/* ---- Keys ------------------------------------------------------------------ */

/* The next language of the policy after the one shown, keeping the
 * reader's place: the same section, or the first layer. */
static void next_language(ui *u)
{
    char langs[64], *p, *next;
    pn_notice other;
    pn_section sec;
    pn_status st;
    size_t n = strlen(u->notice.lang);

    if (pn_langs(u->catalog, u->notice.policy, langs, sizeof langs, NULL) !=
        PN_OK)
        return;
    for (p = langs; *p; p = *next ? next + 1 : next) {
        next = strchr(p, ',');
        if (!next)
            next = p + strlen(p);
        if ((size_t)(next - p) == n && strncmp(p, u->notice.lang, n) == 0)
            break;
    }
    next = *p && *next ? next + 1 : langs;
    p = strchr(next, ',');
    if (p)
        *p = '\0';
    if (pn_find(u->catalog, u->notice.policy, next, &other) != PN_OK)
        return;
    snprintf(u->langs, sizeof u->langs, "%s", other.lang);
    if (u->cursor.summary) {
        u->notice = other;
        st = pn_cursor_open_summary(&u->cursor, &u->notice, &u->screen);
    } else {
        const char *id = "";
        if (pn_section_at(&u->notice, u->cursor.section, &sec) == PN_OK)
            id = sec.id;
        /* `id` points into the catalog, so it outlives the old notice. */
        u->notice = other;
        st = pn_cursor_open(&u->cursor, &u->notice, &u->screen);
        if (st == PN_OK && id[0] && pn_section_find(&u->notice, id, &sec) == PN_OK)
            st = pn_cursor_goto(&u->cursor, sec.index);
    }
    if (st != PN_OK)
        note(u, "language", st);
    snprintf(u->message, sizeof u->message, "language: %s", u->notice.lang);
}

static void next_service(ui *u)
{
    pn_notice n;
    uint32_t i = u->notice.index;
    pn_status st;

    do {
        i = (i + 1) % u->catalog->notice_count;
        if (pn_notice_at(u->catalog, i, &n) != PN_OK)
            return;
    } while (strcmp(n.policy, u->notice.policy) == 0 && i != u->notice.index);
    st = pn_find(u->catalog, n.policy, u->langs, &u->notice);
    if (st != PN_OK)
        st = pn_find(u->catalog, n.policy, "*", &u->notice);
    if (st == PN_OK)
        st = pn_cursor_open_summary(&u->cursor, &u->notice, &u->screen);
    if (st != PN_OK)
        note(u, n.policy, st);
}

static void show_contact(ui *u)
{
    pn_section sec;
    pn_status st = pn_section_by_topic(&u->notice, PN_TOPIC_CONTACT, 0, &sec);

    if (st == PN_OK) {
        st = pn_cursor_open(&u->cursor, &u->notice, &u->screen);
        if (st == PN_OK)
            st = pn_cursor_goto(&u->cursor, sec.index);
    } else {
        st = pn_cursor_open_summary(&u->cursor, &u->notice, &u->screen);
    }
    if (st != PN_OK)
        note(u, "contact", st);
}

static void page_key(ui *u, int forward)
{
    if (u->mode == UI_READ) {
        pn_status st = forward ? pn_cursor_next(&u->cursor)
                               : pn_cursor_prev(&u->cursor);
        if (st == PN_ERR_RANGE && forward && u->cursor.summary) {
            st = pn_cursor_open(&u->cursor, &u->notice, &u->screen);
        } else if (st == PN_ERR_RANGE) {
            snprintf(u->message, sizeof u->message, "%s",
                     forward ? "end of notice" : "start of notice");
            return;
        }
        if (st != PN_OK)
            note(u, "page", st);
        return;
    }
    if (forward && u->menu_page + 1 < list_pages(u))
        u->menu_page++;
    else if (!forward && u->menu_page > 0)
        u->menu_page--;
}

/* Keeps the status line's "page k/n" for the cursor's section: counted
 * again only when the notice, the layer or the section changed. */
static void locate(ui *u)
{
    const pn_cursor *c = &u->cursor;
    uint32_t page_no;

    if (u->located && u->where_notice == c->notice.index &&
        u->where_summary == c->summary && u->where_section == c->section)
        return;
    u->located = pn_cursor_position(c, &page_no, &u->pages) == PN_OK;
    u->where_notice = c->notice.index;
    u->where_summary = c->summary;
    u->where_section = c->section;
    u->first = page_no - c->page;
}

static void handle_key(ui *u, int key);

void ui_key(ui *u, int key)
{
    handle_key(u, key);
    if (u->mode == UI_READ)
        locate(u);
}

static void handle_key(ui *u, int key)
{
    u->message[0] = '\0';
    switch (key) {
    case 'n': case ' ': case 'j':
        page_key(u, 1);
        break;
    case 'p': case 'b': case 'k':
        page_key(u, 0);
        break;
    case 'm': case 't':
        u->mode = UI_MENU;
        u->menu_topics = key == 't';
        u->menu_page = 0;
        break;
    case '?':
        u->mode = UI_HELP;
        u->menu_page = 0;
        break;
    case 'l':
        next_language(u);
        break;
    case 'c':
        u->mode = UI_READ;
        show_contact(u);
        break;
    case 'h':
        u->mode = UI_READ;
        pn_cursor_open_summary(&u->cursor, &u->notice, &u->screen);
        break;
    case 'v':
        u->mode = UI_READ;
        next_service(u);
        break;
    case 'q':
        u->done = 1;
        break;
    default:
        if (key >= '1' && key <= '9' && u->mode == UI_MENU)
            choose(u, (unsigned)(key - '0'));
        break;
    }
}

/* ---- Drawing -------------------------------------------------------------- */

/* Characters (not bytes) in `len` bytes of UTF-8. */
static unsigned width_of(const char *s, size_t len)
{
    unsigned n = 0;
    size_t i;
    for (i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0u) != 0x80u)
            n++;
    return n;
}

/* One framed row: at most `cols` characters of `text`, padded. */
static void draw_row(FILE *out, const char *text, size_t len, unsigned cols)
{
    size_t end = 0;
    unsigned used = 0;

    while (end < len && used < cols) {
        end++;
        while (end < len && ((unsigned char)text[end] & 0xC0u) == 0x80u)
            end++;
        used++;
    }
    fputc('|', out);
    fwrite(text, 1, end, out);
    for (used = width_of(text, end); used < cols; used++)
        fputc(' ', out);
    fputs("|\n", out);
}

/* The page is written with pn_cursor_show(), or drawn with
 * pn_cursor_draw_show(), which keep in the cursor where the next page
 * starts: the next key then lays nothing out. */
static void draw_page(ui *u, FILE *out)
{
    const char *line = page;
    unsigned row;
    pn_status st;

    if (is_pixels(u)) {
        pn_canvas c;
        pixels_canvas(&c, u->screen.cols, u->screen.rows);
        pn_cursor_draw_show(&u->cursor, &c, 0, 0);
        pixels_print(&c, out);
        return;
    }
    st = pn_cursor_show(&u->cursor, page, sizeof page, NULL);
    if (st < 0)
        page[0] = '\0';
    pixels_rule(out, u->screen.cols);
    for (row = 0; row < u->screen.rows; row++) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        draw_row(out, line, len, u->screen.cols);
        line = end ? end + 1 : line + len;
    }
    pixels_rule(out, u->screen.cols);
}

/* Line `row` of the menu or key list shown, into `text`. */
static void list_line(const ui *u, unsigned row, char *text, size_t size)
{
    unsigned per = u->mode == UI_HELP ? screen_lines(u) : menu_per_page(u);
    unsigned index = u->menu_page * per + row;
    char item[280];

    text[0] = '\0';
    if (row < per && u->mode == UI_HELP && index < HELP_COUNT)
        snprintf(text, size, "%s", help_lines[index]);
    else if (row < per && u->mode == UI_MENU &&
             menu_item(u, index, item, sizeof item) >= 0)
        snprintf(text, size, "%u %s", row + 1, item);
}

static void draw_list(const ui *u, FILE *out)
{
    static char texts[MAX_ROWS][300];
    const char *lines[MAX_ROWS];
    unsigned row, count = screen_lines(u);

    if (count > MAX_ROWS)
        count = MAX_ROWS;
    for (row = 0; row < count; row++) {
        list_line(u, row, texts[row], sizeof texts[row]);
        lines[row] = texts[row];
    }
    if (is_pixels(u)) {
        pn_canvas c;
        pixels_canvas(&c, u->screen.cols, u->screen.rows);
        pixels_lines(u->catalog, &c, lines, count);
        pixels_print(&c, out);
        return;
    }
    pixels_rule(out, u->screen.cols);
    for (row = 0; row < count; row++)
        draw_row(out, texts[row], strlen(texts[row]), u->screen.cols);
    pixels_rule(out, u->screen.cols);
}

/* Whether the cursor is on the first layer's last page and the QR page
 * that would follow it was left out, the screen being too small. */
static int qr_page_skipped_here(const ui *u)
{
    pn_cursor next = u->cursor;

    return u->cursor.summary && u->cursor.qr == PN_QR_PAGE_SKIPPED &&
           pn_cursor_next(&next) == PN_ERR_RANGE;
}

/* A word of the status line in the notice's language (from the
 * catalog), or `english` when the catalog has none. */
static const char *word(const ui *u, pn_word w, const char *english,
                        char *buf, size_t size)
{
    return pn_word_read(&u->notice, w, buf, size, NULL) >= 0 ? buf
                                                             : english;
}

void ui_draw(ui *u, FILE *out)
{
    char text[64];

    if (u->mode == UI_READ)
        draw_page(u, out);
    else
        draw_list(u, out);

    fprintf(out, "%s:%s ", u->notice.policy, u->notice.lang);
    if (u->mode == UI_READ && u->located)
        fprintf(out, "%s %u/%u",
                u->cursor.summary
                    ? word(u, PN_WORD_FIRST_LAYER, "first layer", text,
                           sizeof text)
                    : word(u, PN_WORD_PAGE, "page", text, sizeof text),
                (unsigned)(u->first + u->cursor.page), (unsigned)u->pages);
    else if (u->mode == UI_MENU)
        fprintf(out, "%s",
                u->menu_topics
                    ? word(u, PN_WORD_TOPICS, "topics", text, sizeof text)
                    : word(u, PN_WORD_SECTIONS, "sections", text,
                           sizeof text));
    else if (u->mode == UI_HELP)
        fprintf(out, "keys");
    /* A list longer than the screen says which page of it is shown. */
    if (u->mode != UI_READ && list_pages(u) > 1)
        fprintf(out, " %u/%u", u->menu_page + 1, list_pages(u));
    if (u->message[0])
        fprintf(out, " - %s", u->message);
    else if (u->mode == UI_READ && qr_page_skipped_here(u))
        fputs(" - no QR page: screen too small", out);
    fputc('\n', out);
}

int ui_is_valid_size(unsigned cols, unsigned rows)
{
    return cols >= 1 && cols <= MAX_COLS && rows >= 1 && rows <= MAX_ROWS;
}
