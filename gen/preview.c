/* preview.c: pnc --preview. */
#include "preview.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

#define PREVIEW_MAX_ROWS 1000u

static int parse_number(const char **s, unsigned long max, unsigned long *out)
{
    unsigned long n = 0;
    const char *p = *s;

    if (*p < '0' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++) {
        n = n * 10 + (unsigned long)(*p - '0');
        if (n > max)
            return -1;
    }
    *s = p;
    *out = n;
    return 0;
}

int preview_parse_size(const char *text, unsigned flags, pn_screen *screen)
{
    int pixels = (flags & PN_PIXELS) != 0;
    unsigned long cols, rows;
    const char *p = text;

    if (parse_number(&p, pixels ? PN_MAX_PIXELS : PN_MAX_COLS, &cols) != 0 ||
        *p++ != 'x' ||
        parse_number(&p, pixels ? PN_MAX_PIXELS : PREVIEW_MAX_ROWS,
                     &rows) != 0 || *p != '\0' ||
        cols == 0 || rows == 0)
        return -1;
    memset(screen, 0, sizeof *screen);
    screen->cols = (uint16_t)cols;
    screen->rows = (uint16_t)rows;
    screen->flags = flags;
    return 0;
}

static void print_rule(FILE *out, unsigned cols)
{
    unsigned i;

    fputc('+', out);
    for (i = 0; i < cols; i++)
        fputc('-', out);
    fputs("+\n", out);
}

/* The page's lines between '|' marks, each padded to the screen's width. */
static void print_framed(FILE *out, const char *page, unsigned cols)
{
    const char *line = page;

    print_rule(out, cols);
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        size_t used = utf8_count((const unsigned char *)line, len);

        fprintf(out, "|%.*s%*s|\n", (int)len, line,
                (int)(used < cols ? cols - used : 0), "");
        line += len + (end ? 1 : 0);
    }
    print_rule(out, cols);
}

/* "2.1 Title" of the cursor's section, or "" for an untitled preamble. */
static void section_label(const pn_cursor *cur, char *label, size_t size)
{
    pn_section sec;
    char title[160];

    label[0] = '\0';
    if (pn_section_at(&cur->notice, cur->section, &sec) != PN_OK)
        return;
    pn_section_title(&sec, title, sizeof title, NULL);
    snprintf(label, size, "%s%s%s", sec.number, sec.number[0] ? " " : "",
             title);
}

pn_status preview_pages_left(pn_cursor cur, uint32_t *pages)
{
    pn_status status;

    *pages = 1;
    while ((status = pn_cursor_next(&cur)) == PN_OK)
        ++*pages;
    return status == PN_ERR_RANGE ? PN_OK : status;
}

/* Prints every page from the cursor's on; `part` names the layer. */
static pn_status print_pages(FILE *out, pn_cursor *cur, const char *part,
                             char *page, size_t page_size)
{
    uint32_t pages, number = 1;
    pn_status status = preview_pages_left(*cur, &pages);
    char label[200];

    for (; status == PN_OK; number++) {
        status = pn_cursor_show(cur, page, page_size, NULL);
        if (status != PN_OK)
            break;
        section_label(cur, label, sizeof label);
        if (cur->qr == PN_QR_PAGE_SHOWN && number == pages)
            snprintf(label, sizeof label, "QR code");
        else if (cur->summary)
            label[0] = '\0';
        fprintf(out, "\n%s, page %lu of %lu%s%s\n", part,
                (unsigned long)number, (unsigned long)pages,
                label[0] ? ": " : "", label);
        print_framed(out, page, cur->screen.cols);
        status = pn_cursor_next(cur);
    }
    return status == PN_ERR_RANGE ? PN_OK : status;
}

static pn_status preview_notice(FILE *out, const pn_notice *notice,
                                const pn_screen *screen, char *page,
                                size_t page_size)
{
    char title[256];
    pn_cursor cur;
    pn_status status;

    pn_notice_title(notice, title, sizeof title, NULL);
    fprintf(out, "== %s (%s): %s, on a %ux%u screen ==\n", notice->policy,
            notice->lang, title, (unsigned)screen->cols,
            (unsigned)screen->rows);
    status = pn_cursor_open_summary(&cur, notice, screen);
    if (status == PN_OK && cur.qr == PN_QR_PAGE_SKIPPED)
        fprintf(out, "\nfirst layer: no QR page, the screen is too small "
                     "for the code\n");
    if (status == PN_OK)
        status = print_pages(out, &cur, "first layer", page, page_size);
    if (status == PN_OK)
        status = pn_cursor_open(&cur, notice, screen);
    if (status == PN_OK)
        status = print_pages(out, &cur, "full notice", page, page_size);
    fputc('\n', out);
    return status;
}

int preview_print(FILE *out, const unsigned char *catalog, size_t size,
                  const pn_screen *screen)
{
    size_t page_size = (size_t)screen->rows * (4u * screen->cols + 1u) + 1u;
    char *page = xmalloc(page_size);
    pn_catalog cat;
    pn_notice notice;
    pn_status status = pn_open(&cat, catalog, size);
    uint32_t i;

    for (i = 0; status == PN_OK && i < cat.notice_count; i++) {
        status = pn_notice_at(&cat, i, &notice);
        if (status == PN_OK)
            status = preview_notice(out, &notice, screen, page, page_size);
    }
    free(page);
    if (status != PN_OK) {
        fprintf(stderr, "pnc: error: libpn cannot lay out the catalog: %s\n",
                pn_strerror(status));
        return 1;
    }
    return 0;
}
