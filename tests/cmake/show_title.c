/* Prints the title of the first notice of the catalog pnc_add_catalog()
 * made, after checking the catalog; exits 1 if a libpn call fails. */
#include <stdio.h>

#include "notices.h"
#include "pn.h"

int main(void)
{
    pn_catalog cat;
    pn_notice notice;
    char title[256];
    pn_status st = pn_open(&cat, notices, NOTICES_SIZE);

    if (st == PN_OK)
        st = pn_verify(&cat);
    if (st == PN_OK)
        st = pn_notice_at(&cat, 0, &notice);
    if (st == PN_OK)
        st = pn_notice_title(&notice, title, sizeof title, NULL);
    if (st != PN_OK) {
        fprintf(stderr, "show_title: %s\n", pn_strerror(st));
        return 1;
    }
    printf("%s\n", title);
    return 0;
}
