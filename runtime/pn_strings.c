/* pn_strings.c: the names libpn gives to statuses and topics. */
#include "pn.h"

const char *pn_strerror(pn_status status)
{
#ifdef PN_NO_ERROR_STRINGS
    (void)status;
    return "";
#else
    switch (status) {
    case PN_OK: return "ok";
    case PN_ERR_ARG: return "invalid argument";
    case PN_TRUNCATED: return "text truncated to fit";
    case PN_ERR_NOT_FOUND: return "not found";
    case PN_ERR_RANGE: return "index out of range";
    case PN_ERR_FORMAT: return "bad or damaged catalog";
    case PN_ERR_VERSION: return "unsupported catalog version";
    case PN_ERR_CRC: return "catalog checksum mismatch";
    case PN_ERR_NOT_CATALOG: return "not a catalog (no PNC1 magic)";
    case PN_ERR_SIZE: return "catalog size does not match its header "
                             "(truncated or extra bytes)";
    }
    return "unknown status";
#endif
}

/* In pn_topic order; the generator uses this table too, via pn_topic_name. */
static const char *const topic_names[PN_TOPIC_COUNT] = {
    "controller",
    "dpo",
    "purposes",
    "legal_basis",
    "legitimate_interests",
    "categories",
    "source",
    "recipients",
    "transfers",
    "retention",
    "rights",
    "consent_withdrawal",
    "complaint",
    "requirement",
    "automated_decisions",
    "security",
    "cookies",
    "marketing",
    "children",
    "changes",
    "contact",
    "summary"
};

const char *pn_topic_name(pn_topic topic)
{
    if ((unsigned)topic >= (unsigned)PN_TOPIC_COUNT)
        return NULL;
    return topic_names[topic];
}
