#include "check_report.h"

#include "check_art13.h"

/* "#purposes #retention": the sections with text tagged with `topic`. */
static void print_sections(FILE *out, const mnotice *n, pn_topic topic)
{
    size_t i;
    int first = 1;

    for (i = 0; i < n->section_count; i++) {
        if (!(n->sections[i].topics & PN_TOPIC_BIT(topic)) ||
            !art13_section_has_text(n, i))
            continue;
        fprintf(out, "%s#%s", first ? "" : " ",
                n->sections[i].level ? n->sections[i].id.s : "(preamble)");
        first = 0;
    }
}

static void print_notice(FILE *out, const mnotice *n)
{
    unsigned counts[4] = {0, 0, 0, 0};
    const mstr *fact;
    char key[48];
    size_t i;

    fprintf(out, "%s (%s): %s\n", n->policy.s, n->lang.s, n->src->path);
    fprintf(out, "  %-20s  %-8s  %-7s  %s\n", "GDPR item", "Art.", "status",
            "sections, or why");
    for (i = 0; i < ART13_ITEM_COUNT; i++) {
        const art13_item *item = &art13_items[i];
        const mwaiver *w;
        art13_status status = art13_status_of(n, item, &w);

        counts[status]++;
        fprintf(out, "  %-20s  %-8s  ", pn_topic_name(item->topic),
                item->article);
        switch (status) {
        case ART13_COVERED:
            fputs("covered  ", out);
            print_sections(out, n, item->topic);
            break;
        case ART13_BY_HEADER:
            fact = art13_header_fact(n, item->topic, key, sizeof key);
            fprintf(out, "covered  header '%s: %s'", key, fact->s);
            break;
        case ART13_WAIVED:
            fprintf(out, "waived   %s", w->reason.s);
            break;
        case ART13_MISSING:
            fputs(item->always ? "MISSING  required in every notice"
                               : "MISSING  tag a section, or waive it",
                  out);
            break;
        }
        fputc('\n', out);
    }
    fprintf(out, "  %u covered, %u waived, %u missing\n",
            counts[ART13_COVERED] + counts[ART13_BY_HEADER],
            counts[ART13_WAIVED], counts[ART13_MISSING]);
}

void report_print(FILE *out, mnotice *const *notices, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) {
        if (i)
            fputc('\n', out);
        print_notice(out, notices[i]);
    }
}
