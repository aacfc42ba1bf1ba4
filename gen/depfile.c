/* depfile.c: pnc -MD / -MF. */
#include "depfile.h"

#include <string.h>

/* `path` as make reads it back, escaped as gcc escapes it: a space or
 * tab gets a backslash (and the backslashes before it are doubled),
 * '#' and ':' a backslash, '$' another '$'. Other backslashes stay as
 * they are, which make reads literally. */
static void put_path(buf *out, const char *path)
{
    size_t i, j;

    for (i = 0; path[i]; i++) {
        char c = path[i];

        if (c == ' ' || c == '\t') {
            for (j = i; j > 0 && path[j - 1] == '\\'; j--)
                buf_byte(out, '\\');
            buf_byte(out, '\\');
        } else if (c == '#' || c == ':') {
            buf_byte(out, '\\');
        } else if (c == '$') {
            buf_byte(out, '$');
        }
        buf_byte(out, (unsigned char)c);
    }
}

void depfile_write(buf *out, const char *const *targets, size_t target_count,
                   const char *const *inputs, size_t input_count)
{
    size_t i;

    for (i = 0; i < target_count; i++) {
        if (i > 0)
            buf_byte(out, ' ');
        put_path(out, targets[i]);
    }
    buf_byte(out, ':');
    for (i = 0; i < input_count; i++) {
        buf_put(out, " \\\n  ", 5);
        put_path(out, inputs[i]);
    }
    buf_byte(out, '\n');
    for (i = 0; i < input_count; i++) {
        buf_byte(out, '\n');
        put_path(out, inputs[i]);
        buf_put(out, ":\n", 2);
    }
}
