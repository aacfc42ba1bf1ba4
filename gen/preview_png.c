/* preview_png.c: pnc --preview WxH --png DIR. */
#include "preview_png.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "outfile.h"
#include "png.h"
#include "preview.h"

/* One notice's pages, collected before they are written. */
typedef struct page_files {
    outfile *files;
    buf *pngs;
    char **paths;
    size_t count, cap;
} page_files;

static void page_files_add(page_files *p, char *path, const buf *png)
{
    if (p->count == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 16;
        p->files = xrealloc(p->files, p->cap * sizeof *p->files);
        p->pngs = xrealloc(p->pngs, p->cap * sizeof *p->pngs);
        p->paths = xrealloc(p->paths, p->cap * sizeof *p->paths);
    }
    p->pngs[p->count] = *png;
    p->paths[p->count] = path;
    p->count++;
}

static void page_files_free(page_files *p)
{
    size_t i;

    for (i = 0; i < p->count; i++) {
        buf_free(&p->pngs[i]);
        free(p->paths[i]);
    }
    free(p->files);
    free(p->pngs);
    free(p->paths);
    memset(p, 0, sizeof *p);
}

/* The outfiles point into the arrays only once they have stopped
 * growing. */
static int page_files_write(page_files *p, diag *d)
{
    size_t i;

    for (i = 0; i < p->count; i++) {
        p->files[i].path = p->paths[i];
        p->files[i].content = &p->pngs[i];
    }
    return outfiles_write(p->files, p->count, d);
}

typedef struct drawing {
    const pn_screen *screen;
    unsigned scale;
    pn_canvas canvas;
    unsigned char *fb;     /* the canvas's bytes */
    unsigned char *grey;   /* the scaled picture, a byte a pixel */
} drawing;

/* The cursor's page as a PNG: its framebuffer, each pixel scale x scale,
 * ink black. The cursor keeps where the next page starts. */
static pn_status draw_page(drawing *dr, pn_cursor *cur, buf *png)
{
    unsigned w = dr->screen->cols, h = dr->screen->rows, s = dr->scale;
    size_t out_w = (size_t)w * s, stride = dr->canvas.stride;
    pn_status status = pn_cursor_draw_show(cur, &dr->canvas, 0, 0);
    unsigned x, y;

    if (status != PN_OK)
        return status;
    for (y = 0; y < h; y++) {
        unsigned char *row = dr->grey + (size_t)y * s * out_w;
        unsigned k;

        for (x = 0; x < w; x++) {
            int ink = dr->fb[y * stride + x / 8] >> (7 - x % 8) & 1;
            memset(row + (size_t)x * s, ink ? 0 : 255, s);
        }
        for (k = 1; k < s; k++)
            memcpy(row + k * out_w, row, out_w);
    }
    memset(png, 0, sizeof *png);
    if (png_encode(png, dr->grey, (unsigned)out_w, h * s, 1) != 0)
        return PN_ERR_ARG; /* sizes are checked by pnc's options */
    return PN_OK;
}

static unsigned digits(uint32_t n)
{
    unsigned k = 1;

    while (n >= 10) {
        n /= 10;
        k++;
    }
    return k;
}

/* Draws every page from the cursor's on into `out`, named
 * DIR/POLICY.LANG.PART.pNNN[-qr].png. */
static pn_status draw_document(drawing *dr, pn_cursor *cur, const char *dir,
                               const char *part, page_files *out)
{
    uint32_t pages, number;
    pn_status status = preview_pages_left(*cur, &pages);
    unsigned width = digits(pages) < 3 ? 3 : digits(pages);
    size_t dir_len = strlen(dir);
    const char *slash = dir_len && dir[dir_len - 1] == '/' ? "" : "/";

    for (number = 1; status == PN_OK; number++) {
        int qr = cur->qr == PN_QR_PAGE_SHOWN && number == pages;
        size_t len = dir_len + strlen(cur->notice.policy) +
                     strlen(cur->notice.lang) + strlen(part) + 40;
        char *path = xmalloc(len);
        buf png;

        snprintf(path, len, "%s%s%s.%s.%s.p%0*lu%s.png", dir, slash,
                 cur->notice.policy, cur->notice.lang, part, (int)width,
                 (unsigned long)number, qr ? "-qr" : "");
        status = draw_page(dr, cur, &png);
        if (status != PN_OK) {
            free(path);
            break;
        }
        page_files_add(out, path, &png);
        status = pn_cursor_next(cur);
    }
    return status == PN_ERR_RANGE ? PN_OK : status;
}

static pn_status draw_notice(drawing *dr, const pn_notice *notice,
                             const char *dir, page_files *out)
{
    pn_cursor cur;
    pn_status status = pn_cursor_open_summary(&cur, notice, dr->screen);

    if (status == PN_OK && cur.qr == PN_QR_PAGE_SKIPPED)
        fprintf(stderr, "pnc: note: %s.%s: the first layer has no QR page: "
                        "%ux%u pixels are too small for the code\n",
                notice->policy, notice->lang, (unsigned)dr->screen->cols,
                (unsigned)dr->screen->rows);
    if (status == PN_OK)
        status = draw_document(dr, &cur, dir, "1-first-layer", out);
    if (status == PN_OK)
        status = pn_cursor_open(&cur, notice, dr->screen);
    if (status == PN_OK)
        status = draw_document(dr, &cur, dir, "2-notice", out);
    return status;
}

int preview_png_write(const unsigned char *catalog, size_t size,
                      const pn_screen *screen, unsigned scale,
                      const char *dir, diag *d)
{
    size_t fb_size = (size_t)(screen->cols + 7u) / 8u * screen->rows;
    drawing dr;
    pn_catalog cat;
    pn_notice notice;
    pn_status status;
    struct stat st;
    uint32_t i;
    unsigned line;
    int written = 0;

    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_plain(d, DIAG_ERROR, "--png %s: not a directory (it must exist)",
                   dir);
        return 2;
    }
    dr.screen = screen;
    dr.scale = scale;
    dr.fb = xmalloc(fb_size);
    dr.grey = xmalloc((size_t)screen->cols * scale * screen->rows * scale);
    status = pn_canvas_init(&dr.canvas, dr.fb, fb_size, screen->cols,
                            screen->rows, PN_CANVAS_ROWS);
    if (status == PN_OK)
        status = pn_open(&cat, catalog, size);
    for (i = 0; status == PN_OK && written == 0 && i < cat.notice_count;
         i++) {
        page_files files = {0};

        status = pn_notice_at(&cat, i, &notice);
        if (status == PN_OK)
            status = draw_notice(&dr, &notice, dir, &files);
        if (status == PN_OK)
            written = page_files_write(&files, d);
        page_files_free(&files);
    }
    free(dr.fb);
    free(dr.grey);
    if (status == PN_ERR_ARG &&
        pn_line_metrics_get(&cat, NULL, &line) == PN_OK &&
        screen->rows < line) {
        diag_plain(d, DIAG_ERROR, "--preview %ux%u: a line of the font is "
                   "%u pixels high; the screen must be at least that",
                   (unsigned)screen->cols, (unsigned)screen->rows, line);
        return 2;
    }
    if (status != PN_OK) {
        diag_plain(d, DIAG_ERROR, "libpn cannot draw the catalog: %s",
                   pn_strerror(status));
        return 2;
    }
    return written;
}
