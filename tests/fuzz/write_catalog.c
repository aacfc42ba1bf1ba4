/* Writes the bundled catalog's bytes to a file: a seed for fuzz_catalog. */
#include <stdio.h>

#define PN_BUNDLED_DATA_ONLY /* the bytes alone: no pn.h needed */
#include "catalog.h"

int main(int argc, char **argv)
{
    FILE *f;
    if (argc != 2 || !(f = fopen(argv[1], "wb")))
        return 2;
    if (fwrite(pn_bundled, 1, PN_BUNDLED_SIZE, f) != PN_BUNDLED_SIZE)
        return 1;
    return fclose(f) != 0;
}
