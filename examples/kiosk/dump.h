/* dump.h: the kiosk's plain outputs: the list of notices, and a whole
 * notice one heading, paragraph or list item per line. */
#ifndef KIOSK_DUMP_H
#define KIOSK_DUMP_H

#include <stdio.h>

#include "pn.h"

/* Each returns the exit status for main: 0, or 1 after a message. */
int dump_list(const pn_catalog *cat, FILE *out);
int dump_notice(const pn_catalog *cat, const char *spec, FILE *out);

#endif
