/* libFuzzer harness: pnc's reader, parser and packer on arbitrary bytes.
 * Whatever parses and passes check_model() must pack into a catalog that
 * libpn opens and verifies, and every text libpn reads back must equal
 * what the parser kept. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "pack.h"
#include "parse.h"
#include "pn.h"

static char text[65536];

static void check_equal(const char *expected, const char *got)
{
    if (strcmp(expected ? expected : "", got) != 0)
        abort();
}

static void read_back(const unsigned char *bytes, size_t size,
                      const mnotice *model)
{
    pn_catalog cat;
    pn_notice notice;
    uint32_t i, j;

    if (pn_open(&cat, bytes, size) != PN_OK || pn_verify(&cat) != PN_OK ||
        pn_notice_at(&cat, 0, &notice) != PN_OK)
        abort();
    check_equal(model->policy.s, notice.policy);
    if (pn_notice_title(&notice, text, sizeof text, NULL) != PN_OK)
        abort();
    check_equal(model->title.s, text);
    if (notice.section_count != model->section_count)
        abort();
    for (i = 0; i < notice.section_count; i++) {
        const msection *ms = &model->sections[i];
        pn_section sec;
        if (pn_section_at(&notice, i, &sec) != PN_OK ||
            sec.block_count != ms->block_count)
            abort();
        for (j = 0; j < sec.block_count; j++) {
            if (pn_block_read(&sec, j, NULL, text, sizeof text, NULL) != PN_OK)
                abort();
            check_equal(ms->blocks[j].text.s, text);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    source src;
    mnotice model, *list[1];
    buf catalog = {0};
    unsigned errors;
    diag d;

    if (!sink)
        sink = fopen("/dev/null", "w");
    diag_init(&d, sink);
    source_from_memory(&src, "fuzz.pn", data, size);
    errors = parse_notice(&src, &d, &model);
    errors += check_model(&model, &d); /* as pnc does */
    if (errors == 0) {
        list[0] = &model;
        if (pack_catalog(list, 1, NULL, NULL, 0, 0, &d, &catalog) == 0)
            read_back(catalog.data, catalog.len, &model);
    }
    buf_free(&catalog);
    notice_free(&model);
    source_free(&src);
    return 0;
}
