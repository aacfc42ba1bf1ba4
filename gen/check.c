#include "check.h"

void check_notices(mnotice *const *notices, size_t count,
                   const check_options *o, diag *d)
{
    size_t i;

    for (i = 0; i < count; i++) {
        check_header(notices[i], d);
        check_structure(notices[i], d);
        check_art13(notices[i], d);
        check_text(notices[i], o ? o->charset : NULL,
                   o ? o->transliterate : 0, d);
        if (o && o->languages)
            check_labels(notices[i], o->languages, d);
    }
    check_translations(notices, count, d);
}
