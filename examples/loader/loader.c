/* loader: how firmware checks a catalog it finds in a flash partition
 * before trusting it (docs/CATALOG-FILES.md). catalog_load() is the part
 * to copy into firmware: it uses libpn only, no heap, no stdio. The main()
 * below is a host stand-in for the device: it reads a catalog file into a
 * "partition" of erased (0xFF) flash and loads it from there.
 *
 *   cc -Iruntime -o loader examples/loader/loader.c runtime/[a-z]*.c
 *   ./loader notices.pnc
 *
 * Build with -DMIN_CATALOG_VERSION=N to set the firmware's minimum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pn.h"

/* The oldest catalog this firmware accepts: a catalog made with
 * pnc --catalog-version N, N lower than this, is refused (a downgrade). */
#ifndef MIN_CATALOG_VERSION
#define MIN_CATALOG_VERSION 1
#endif

/* Why catalog_load() refused a partition. */
typedef enum load_result {
    LOAD_OK = 0,
    LOAD_BAD,          /* no catalog, or a damaged one: see `*status` */
    LOAD_DOWNGRADE     /* a good catalog, older than MIN_CATALOG_VERSION */
} load_result;

/* Opens the catalog at the start of a partition of `partition_size`
 * bytes: its size from its header, the layout (pn_open), the CRC
 * (pn_verify) and its version against the firmware's minimum. */
static load_result catalog_load(const unsigned char *partition,
                                size_t partition_size, pn_catalog *cat,
                                pn_status *status)
{
    uint32_t size;

    if ((*status = pn_catalog_size(partition, partition_size, &size)) !=
            PN_OK ||
        (*status = pn_open(cat, partition, size)) != PN_OK ||
        (*status = pn_verify(cat)) != PN_OK)
        return LOAD_BAD;
    if (cat->catalog_version < MIN_CATALOG_VERSION)
        return LOAD_DOWNGRADE;
    return LOAD_OK;
}

/* ---- The host stand-in ---------------------------------------------------- */

#define PARTITION_SIZE (256u * 1024u)

static unsigned char partition[PARTITION_SIZE];

int main(int argc, char **argv)
{
    pn_catalog cat;
    pn_status status = PN_OK;
    FILE *f;
    size_t n;

    if (argc != 2) {
        fprintf(stderr, "usage: loader CATALOG-FILE\n");
        return 2;
    }
    memset(partition, 0xFF, sizeof partition);   /* erased flash */
    if (!(f = fopen(argv[1], "rb"))) {
        perror(argv[1]);
        return 2;
    }
    n = fread(partition, 1, sizeof partition, f);
    fclose(f);
    (void)n;
    switch (catalog_load(partition, sizeof partition, &cat, &status)) {
    case LOAD_OK:
        printf("loaded: %lu notices, catalog version %lu\n",
               (unsigned long)cat.notice_count,
               (unsigned long)cat.catalog_version);
        return 0;
    case LOAD_DOWNGRADE:
        printf("refused: catalog version %lu is older than this firmware's "
               "minimum, %lu\n", (unsigned long)cat.catalog_version,
               (unsigned long)MIN_CATALOG_VERSION);
        return 1;
    default:
        printf("refused: %s\n", pn_strerror(status));
        return 1;
    }
}
