/* kiosk: shows the bundled privacy notices through libpn, as a device
 * would. This first version lists the notices and dumps one as plain
 * lines; the paged screen comes with libpn's layout. */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "pn.h"

/* Large enough for any text pnc accepts (PN_MAX_TEXT bytes) and a NUL. */
static char text[65536];

static const char usage_text[] =
    "Usage: kiosk --list\n"
    "       kiosk --dump POLICY[:LANGS]\n"
    "Show the privacy notices compiled into this program.\n"
    "\n"
    "  --list                 list the policies, their languages and titles\n"
    "  --dump POLICY[:LANGS]  print a whole notice, one heading, paragraph\n"
    "                         or list item per line; LANGS is a preference\n"
    "                         list such as nn,nb,en (default: any)\n"
    "  -h, --help             show this help\n";

static int fail(const char *what, pn_status status)
{
    fprintf(stderr, "kiosk: %s: %s\n", what, pn_strerror(status));
    return 1;
}

static int list_notices(const pn_catalog *cat)
{
    uint32_t i;

    for (i = 0; i < cat->notice_count; i++) {
        pn_notice notice;
        pn_status st = pn_notice_at(cat, i, &notice);
        if (st != PN_OK)
            return fail("cannot read the catalog", st);
        /* One line per policy: its languages, then its first title. */
        if (i > 0) {
            pn_notice prev;
            if (pn_notice_at(cat, i - 1, &prev) == PN_OK &&
                strcmp(prev.policy, notice.policy) == 0)
                continue;
        }
        st = pn_langs(cat, notice.policy, text, sizeof text, NULL);
        if (st != PN_OK)
            return fail(notice.policy, st);
        printf("%-12s %-10s ", notice.policy, text);
        st = pn_title(&notice, text, sizeof text, NULL);
        if (st != PN_OK)
            return fail(notice.policy, st);
        printf("%s\n", text);
    }
    return 0;
}

static int print_section(const pn_section *sec)
{
    uint32_t i;
    pn_status st;

    if (sec->level > 0) {
        st = pn_section_title(sec, text, sizeof text, NULL);
        if (st != PN_OK)
            return fail(sec->id, st);
        printf("%s%s%s\n", sec->number, sec->number[0] ? " " : "", text);
    }
    for (i = 0; i < sec->block_count; i++) {
        pn_block_kind kind;
        st = pn_block_read(sec, i, &kind, text, sizeof text, NULL);
        if (st != PN_OK)
            return fail(sec->id, st);
        printf("%s%s\n", kind == PN_LIST_ITEM ? "- " : "", text);
    }
    return 0;
}

static int dump_notice(const pn_catalog *cat, const char *spec)
{
    char policy[64];
    const char *colon = strchr(spec, ':');
    size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
    pn_notice notice;
    pn_status st;
    uint32_t i;

    if (len >= sizeof policy) {
        fprintf(stderr, "kiosk: policy id too long\n");
        return 2;
    }
    memcpy(policy, spec, len);
    policy[len] = '\0';
    st = pn_find(cat, policy, colon ? colon + 1 : NULL, &notice);
    if (st != PN_OK)
        return fail(spec, st);
    st = pn_title(&notice, text, sizeof text, NULL);
    if (st != PN_OK)
        return fail(spec, st);
    printf("%s\n", text);
    for (i = 0; i < notice.section_count; i++) {
        pn_section sec;
        st = pn_section_at(&notice, i, &sec);
        if (st != PN_OK)
            return fail(spec, st);
        if (print_section(&sec) != 0)
            return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    pn_catalog cat;
    pn_status st = pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE);

    if (st != PN_OK)
        return fail("the bundled catalog", st);
    if (argc == 2 && strcmp(argv[1], "--list") == 0)
        return list_notices(&cat);
    if (argc == 3 && strcmp(argv[1], "--dump") == 0)
        return dump_notice(&cat, argv[2]);
    if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
                      strcmp(argv[1], "--help") == 0)) {
        fputs(usage_text, stdout);
        return 0;
    }
    fputs(usage_text, stderr);
    return 2;
}
