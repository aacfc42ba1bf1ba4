/* kiosk.c: the "kiosk" link profile of make bench: lookup, then the first
 * layer and the full notice paged on a 20x4 ASCII display, each page
 * written with pn_cursor_show() and left with pn_cursor_next(). */
#include "profile.h"

static void page_through(pn_cursor *cur)
{
    do {
        if (pn_cursor_show(cur, profile_text, sizeof profile_text, NULL) >= 0)
            profile_show(profile_text);
    } while (pn_cursor_next(cur) == PN_OK);
    while (pn_cursor_prev(cur) == PN_OK)
        ;
}

int main(void)
{
    pn_screen screen = {20, 4, PN_ASCII};
    pn_catalog cat;
    pn_notice notice;
    pn_section sec;
    pn_cursor cur;

    if (pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE) != PN_OK ||
        pn_find(&cat, "nitd", "nb", &notice) != PN_OK)
        return 1;
    if (pn_cursor_open_summary(&cur, &notice, &screen) == PN_OK)
        page_through(&cur);
    if (pn_section_by_topic(&notice, PN_TOPIC_RETENTION, 0, &sec) == PN_OK &&
        pn_cursor_open(&cur, &notice, &screen) == PN_OK &&
        pn_cursor_goto(&cur, sec.index) == PN_OK)
        page_through(&cur);
    return 0;
}
