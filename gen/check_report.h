/* check_report.h: pnc --report, a table per notice of the GDPR Art. 13
 * items it covers (and with which sections), waives (and why) or lacks. */
#ifndef PNC_CHECK_REPORT_H
#define PNC_CHECK_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "model.h"

void report_print(FILE *out, mnotice *const *notices, size_t count);

#endif
