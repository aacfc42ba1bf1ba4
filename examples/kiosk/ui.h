/* ui.h: the kiosk's screens: what a device with a small character display
 * and a few buttons shows, driven one key at a time. */
#ifndef KIOSK_UI_H
#define KIOSK_UI_H

#include <stdio.h>

#include "pn.h"

typedef enum ui_mode {
    UI_READ,      /* paging through the first layer or the notice */
    UI_MENU,      /* choosing a section or a topic */
    UI_HELP       /* the key list */
} ui_mode;

typedef struct ui {
    const pn_catalog *catalog;
    pn_notice notice;       /* the notice shown */
    char langs[64];         /* the reader's language preference */
    pn_screen screen;
    pn_cursor cursor;       /* where the reader is */
    ui_mode mode;
    int menu_topics;        /* the menu lists topics, not sections */
    unsigned menu_page;     /* page of the menu shown */
    int done;               /* 'q' was pressed */
    char message[80];       /* a one-line note under the screen */
    /* "page k/n" of the status line: pn_cursor_position() passes over
     * the notice, so it runs when the section changes, not per key;
     * within a section, k is `first + cursor.page`. */
    int located;            /* first and pages hold for where_section */
    uint32_t where_notice;  /* the notice, layer and section they are of */
    int where_summary;
    uint32_t where_section;
    uint32_t first;         /* the section's first page in the notice */
    uint32_t pages;         /* the notice's (or first layer's) pages */
} ui;

/* Whether the kiosk can show a screen of this size (1-200 x 1-100). */
int ui_is_valid_size(unsigned cols, unsigned rows);

/* Opens `policy` (NULL: the first) in the best of `langs` on `screen`, at
 * the first layer. Returns PN_OK or the error. */
pn_status ui_open(ui *u, const pn_catalog *cat, const char *policy,
                  const char *langs, const pn_screen *screen);

/* Handles one key (see ui_help_lines). */
void ui_key(ui *u, int key);

/* Draws the screen in a frame of exactly its size, and a status line.
 * The cursor keeps where its next page starts (pn_cursor_show()). */
void ui_draw(ui *u, FILE *out);

#endif
