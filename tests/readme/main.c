/* The firmware of the Make snippet in README.md, built with that snippet
 * by tests/test_readme.c: opens the catalog pnc made from notices/, finds
 * a notice and prints its title through libpn. Exits 1, naming the error,
 * if a libpn call fails. */
#include <stdio.h>

#include "notices.h"
#include "pn.h"

#define POLICY "alpha"
#define LANGS "en,nb"

int main(void)
{
    static char title[256];
    pn_catalog cat;
    pn_notice notice;
    pn_status st;

    if ((st = pn_open(&cat, notices, NOTICES_SIZE)) != PN_OK ||
        (st = pn_verify(&cat)) != PN_OK ||
        (st = pn_find(&cat, POLICY, LANGS, &notice)) != PN_OK ||
        (st = pn_notice_title(&notice, title, sizeof title, NULL)) != PN_OK) {
        fprintf(stderr, "firmware: %s\n", pn_strerror(st));
        return 1;
    }
    puts(title);
    return 0;
}
