/* fw_screen_host: what the firmware demo's screen shows, drawn on the
 * host by the same code (examples/firmware/screen.c), libpn and catalog
 * (the bundled notices with the repository's font): prints the line the
 * device sends over semihosting, for `make firmware-test` to compare. */
#include <stdio.h>
#include <string.h>

#include "catalog_font.h"
#include "pn.h"
#include "screen.h"

int main(int argc, char **argv)
{
    static unsigned char fb[SCREEN_BYTES];
    static char line[SCREEN_LINE];
    const char *policy = argc > 1 ? argv[1] : "nitd";
    const char *langs = argc > 2 ? argv[2] : "nb";
    pn_catalog cat;
    pn_notice notice;
    pn_status st = pn_open(&cat, pn_bundled_font, PN_BUNDLED_FONT_SIZE);

    if (st == PN_OK)
        st = pn_find(&cat, policy, langs, &notice);
    if (st == PN_OK)
        st = screen_draw_first_page(&notice, fb);
    if (st != PN_OK) {
        fprintf(stderr, "fw_screen_host: %s\n", pn_strerror(st));
        return 1;
    }
    screen_hex_line(fb, line);
    fputs(line, stdout);
    return 0;
}
