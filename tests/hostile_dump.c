/* Dumps the notice of tests/fixtures/hostile/c-text.en.pn (or the one
 * argv[1] names, "POLICY:LANGS") from a catalog pnc generated
 * (test_hostile compiles it with -Werror first). */
#include <stdio.h>

#include "dump.h"
#include "hostile.h"

int main(int argc, char **argv)
{
    pn_catalog cat;

    if (pn_open(&cat, hostile, HOSTILE_SIZE) != PN_OK ||
        pn_verify(&cat) != PN_OK)
        return 1;
    return dump_notice(&cat, argc > 1 ? argv[1] : "hostile:en", stdout);
}
