/* languages_builtin.h: pnc's own languages file, policies/languages.txt,
 * built into pnc by make (mk/languages.mk) so an installed pnc needs no
 * data file. */
#ifndef PNC_LANGUAGES_BUILTIN_H
#define PNC_LANGUAGES_BUILTIN_H

#include <stddef.h>

extern const unsigned char languages_builtin[];
extern const size_t languages_builtin_size;

#endif
