/* Dumps the notice of tests/fixtures/hostile/c-text.en.pn from a catalog
 * pnc generated (test_hostile compiles it with -Werror first). */
#include <stdio.h>

#include "dump.h"
#include "hostile.h"

int main(void)
{
    pn_catalog cat;

    if (pn_open(&cat, hostile, HOSTILE_SIZE) != PN_OK ||
        pn_verify(&cat) != PN_OK)
        return 1;
    return dump_notice(&cat, "hostile:en", stdout);
}
