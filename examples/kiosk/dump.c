/* dump.c: the kiosk's plain outputs, straight from libpn's readers. */
#include "dump.h"

#include <string.h>

/* Large enough for any text pnc accepts (PN_MAX_TEXT bytes) and a NUL. */
static char text[65536], head[65536];

static int fail(const char *what, pn_status status)
{
    fprintf(stderr, "kiosk: %s: %s\n", what, pn_strerror(status));
    return 1;
}

int dump_list(const pn_catalog *cat, FILE *out)
{
    pn_notice notice, prev;
    uint32_t i;
    pn_status st;

    for (i = 0; i < cat->notice_count; i++) {
        if ((st = pn_notice_at(cat, i, &notice)) != PN_OK)
            return fail("cannot read the catalog", st);
        /* One line per policy: its languages, then its first title. */
        if (i > 0 && pn_notice_at(cat, i - 1, &prev) == PN_OK &&
            strcmp(prev.policy, notice.policy) == 0)
            continue;
        if ((st = pn_langs(cat, notice.policy, text, sizeof text, NULL)) !=
            PN_OK)
            return fail(notice.policy, st);
        fprintf(out, "%-12s %-10s ", notice.policy, text);
        if ((st = pn_notice_title(&notice, text, sizeof text, NULL)) < 0)
            return fail(notice.policy, st);
        fprintf(out, "%s\n", text);
    }
    return 0;
}

/* Prints the block in `text`: a list item indented two spaces a level
 * with its "- " or "3. ", the lines of a hard line break under its text.
 * (A table cell's level is its column, not an indent.) */
static void dump_block(pn_block_kind kind, unsigned level, uint32_t number,
                       FILE *out)
{
    char mark[16] = "";
    int item = kind == PN_BLOCK_LIST_ITEM || kind == PN_BLOCK_NUMBERED_ITEM;
    int hang = 0, lead = item && level > 1 ? 2 * (int)(level - 1) : 0;
    const char *line = text, *nl;

    if (kind == PN_BLOCK_NUMBERED_ITEM)
        hang = snprintf(mark, sizeof mark, "%lu. ", (unsigned long)number);
    else if (kind == PN_BLOCK_LIST_ITEM)
        hang = snprintf(mark, sizeof mark, "- ");
    fprintf(out, "%*s%s", lead, "", mark);
    while ((nl = strchr(line, '\n')) != NULL) {
        fprintf(out, "%.*s\n%*s", (int)(nl - line), line, lead + hang, "");
        line = nl + 1;
    }
    fprintf(out, "%s\n", line);
}

/* Prints "HEADING: " for the cell `index` of column `column`: the last
 * heading of that column before it, if any. */
static pn_status column_head(const pn_section *sec, uint32_t index,
                             unsigned column, FILE *out)
{
    pn_block_kind kind;
    unsigned level;
    pn_status st;

    while (index-- > 0) {
        if ((st = pn_block_read(sec, index, &kind, head, sizeof head,
                                NULL)) != PN_OK ||
            (st = pn_block_item(sec, index, &level, NULL)) != PN_OK)
            return st;
        if (kind == PN_BLOCK_TABLE_HEAD && level == column) {
            fprintf(out, "%s: ", head);
            break;
        }
    }
    return PN_OK;
}

static int dump_section(const pn_section *sec, FILE *out)
{
    uint32_t i;
    pn_status st;

    if (sec->level > 0) {
        if ((st = pn_section_title(sec, text, sizeof text, NULL)) < 0)
            return fail(sec->id, st);
        fprintf(out, "%s%s%s\n", sec->number, sec->number[0] ? " " : "",
                text);
    }
    for (i = 0; i < sec->block_count; i++) {
        pn_block_kind kind;
        unsigned level;
        uint32_t number;
        if ((st = pn_block_read(sec, i, &kind, text, sizeof text, NULL)) !=
                PN_OK ||
            (st = pn_block_item(sec, i, &level, &number)) != PN_OK)
            return fail(sec->id, st);
        if (kind == PN_BLOCK_TABLE_HEAD)
            continue; /* shown before each cell of its column */
        if (kind == PN_BLOCK_TABLE_CELL &&
            (st = column_head(sec, i, level, out)) != PN_OK)
            return fail(sec->id, st);
        dump_block(kind, level, number, out);
    }
    return 0;
}

int dump_notice(const pn_catalog *cat, const char *spec, FILE *out)
{
    char policy[64];
    const char *colon = strchr(spec, ':');
    size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
    pn_notice notice;
    pn_section sec;
    pn_status st;
    uint32_t i;

    if (len >= sizeof policy)
        return fail(spec, PN_ERR_NOT_FOUND);
    memcpy(policy, spec, len);
    policy[len] = '\0';
    if ((st = pn_find(cat, policy, colon ? colon + 1 : NULL, &notice)) !=
            PN_OK ||
        (st = pn_notice_title(&notice, text, sizeof text, NULL)) != PN_OK)
        return fail(spec, st);
    fprintf(out, "%s\n", text);
    for (i = 0; i < notice.section_count; i++) {
        if ((st = pn_section_at(&notice, i, &sec)) != PN_OK)
            return fail(spec, st);
        if (dump_section(&sec, out) != 0)
            return 1;
    }
    return 0;
}
