/* lookup.c: the "lookup" link profile of make bench: a firmware that finds
 * a notice, reads the controller's contact details, finds a section by
 * topic and reads its blocks. Linked with --gc-sections, what it keeps of
 * libpn is what such a firmware pays for. */
#include "profile.h"

int main(void)
{
    pn_catalog cat;
    pn_notice notice;
    pn_section sec;
    pn_contact contact;
    uint32_t i;

    if (pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE) != PN_OK ||
        pn_find(&cat, "nitd", "nb", &notice) != PN_OK)
        return 1;
    if (pn_notice_contact(&notice, profile_text, sizeof profile_text,
                          &contact) >= 0)
        profile_show(contact.email);
    if (pn_section_by_topic(&notice, PN_TOPIC_RETENTION, 0, &sec) != PN_OK)
        return 1;
    for (i = 0; i < sec.block_count; i++)
        if (pn_block_read(&sec, i, NULL, profile_text, sizeof profile_text,
                          NULL) >= 0)
            profile_show(profile_text);
    return 0;
}
