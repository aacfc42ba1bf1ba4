#include "check.h"

unsigned check_model(const mnotice *n, diag *d)
{
    unsigned errors_before = d->errors;

    check_header_values(n, d);
    check_waivers_once(n, d);
    check_section_ids(n, d);
    return d->errors - errors_before;
}

void check_notices(mnotice *const *notices, size_t count,
                   const check_options *o, diag *d)
{
    size_t i;

    for (i = 0; i < count; i++) {
        check_header(notices[i], d);
        check_web_qr(notices[i], o ? o->qr_level : QR_ECC_M, d);
        check_structure(notices[i], d);
        check_art13(notices[i], d);
        check_body(notices[i], d);
        check_summary(notices[i], d);
        check_text(notices[i], o, d);
        if (o && o->languages)
            check_labels(notices[i], o->languages, d);
    }
    check_translations(notices, count, d);
}
