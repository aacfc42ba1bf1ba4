/* full.c: the "full" link profile of make bench: every call of pn.h. */
#include "profile.h"

int main(void)
{
    pn_screen screen = {40, 12, PN_LATIN1};
    pn_catalog cat;
    pn_notice notice;
    pn_section sec;
    pn_contact contact;
    pn_cursor cur;
    pn_block_kind kind;
    uint32_t page, pages;
    unsigned qr_size;
    int dark;
    char out[4];

    if (pn_open(&cat, pn_bundled, PN_BUNDLED_SIZE) != PN_OK ||
        pn_verify(&cat) != PN_OK)
        return 1;
    profile_show(pn_strerror(PN_ERR_CRC));
    profile_show(pn_topic_name(PN_TOPIC_RIGHTS));
    if (pn_langs(&cat, "nitd", profile_text, sizeof profile_text, NULL) >= 0)
        profile_show(profile_text);
    if (pn_notice_at(&cat, 0, &notice) != PN_OK ||
        pn_find(&cat, "nitd", "nn,nb", &notice) != PN_OK)
        return 1;
    if (pn_notice_title(&notice, profile_text, sizeof profile_text, NULL) >= 0)
        profile_show(profile_text);
    if (pn_notice_contact(&notice, profile_text, sizeof profile_text,
                          &contact) >= 0)
        profile_show(contact.name);
    if (pn_section_at(&notice, 0, &sec) == PN_OK &&
        pn_section_find(&notice, "retention", &sec) == PN_OK &&
        pn_section_by_topic(&notice, PN_TOPIC_RIGHTS, 0, &sec) == PN_OK &&
        pn_section_title(&sec, profile_text, sizeof profile_text, NULL) >= 0 &&
        pn_block_read(&sec, 0, &kind, profile_text, sizeof profile_text,
                      NULL) >= 0)
        profile_show(profile_text);
    if (pn_cursor_open_summary(&cur, &notice, &screen) == PN_OK &&
        pn_cursor_open(&cur, &notice, &screen) == PN_OK &&
        pn_cursor_goto(&cur, 1) == PN_OK && pn_cursor_next(&cur) >= 0 &&
        pn_cursor_prev(&cur) >= 0 &&
        pn_cursor_position(&cur, &page, &pages) == PN_OK &&
        pn_cursor_page(&cur, profile_text, sizeof profile_text, NULL) >= 0)
        profile_show(profile_text);
    if (pn_find(&cat, "intech", "nb", &notice) == PN_OK &&
        pn_qr_size(&notice, &qr_size) == PN_OK &&
        pn_qr_module(&notice, 0, 0, &dark) == PN_OK &&
        pn_qr_text(&notice, PN_ASCII, profile_text, sizeof profile_text,
                   NULL) >= 0)
        profile_show(profile_text);
    profile_text[0] = out[pn_transliterate(0xE5, PN_ASCII, out) - 1];
    profile_text[1] = '\0';
    profile_show(profile_text);
    return 0;
}
