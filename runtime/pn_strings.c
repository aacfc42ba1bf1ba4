/* pn_strings.c: the names libpn gives to statuses and topics. Each list
 * is one string of NUL-separated names, with no table of pointers. */
#include "pn_format.h"

/* The name after the first `n` of `names`. */
static const char *nth_name(const char *names, unsigned n)
{
    while (n > 0)
        if (*names++ == '\0')
            n--;
    return names;
}

const char *pn_strerror(pn_status status)
{
#ifdef PN_NO_ERROR_STRINGS
    (void)status;
    return "";
#else
    /* From PN_ERR_SIZE (-8) to PN_TRUNCATED (1), then any other. */
    unsigned n = (unsigned)status - (unsigned)PN_ERR_SIZE;

    return nth_name("catalog size does not match its header "
                    "(truncated or extra bytes)\0"
                    "not a catalog (no PNC1 magic)\0"
                    "catalog checksum mismatch\0"
                    "unsupported catalog version\0"
                    "bad or damaged catalog\0"
                    "index out of range\0"
                    "not found\0"
                    "invalid argument\0"
                    "ok\0"
                    "text truncated to fit\0"
                    "unknown status",
                    n <= (unsigned)PN_TRUNCATED - (unsigned)PN_ERR_SIZE
                        ? n
                        : 10u);
#endif
}

PN_STATIC_ASSERT(PN_ERR_SIZE == -8 && PN_ERR_NOT_CATALOG == -7 &&
                     PN_ERR_CRC == -6 && PN_ERR_VERSION == -5 &&
                     PN_ERR_FORMAT == -4 && PN_ERR_RANGE == -3 &&
                     PN_ERR_NOT_FOUND == -2 && PN_ERR_ARG == -1 &&
                     PN_OK == 0 && PN_TRUNCATED == 1,
                 statuses_in_the_order_of_their_names);

/* In pn_topic order; the generator uses these too, via pn_topic_name. */
static const char topic_names[] =
    "controller\0dpo\0purposes\0legal_basis\0legitimate_interests\0"
    "categories\0source\0recipients\0transfers\0retention\0rights\0"
    "consent_withdrawal\0complaint\0requirement\0automated_decisions\0"
    "security\0cookies\0marketing\0children\0changes\0contact\0summary";
PN_STATIC_ASSERT(PN_TOPIC_SUMMARY == 21 && PN_TOPIC_COUNT == 22,
                 topic_names_end_with_summary);

const char *pn_topic_name(pn_topic topic)
{
    if ((unsigned)topic >= (unsigned)PN_TOPIC_COUNT)
        return NULL;
    return nth_name(topic_names, (unsigned)topic);
}
