/* depfile.c: pnc -MD / -MF. */
#include "depfile.h"

#include <string.h>

static void put_path(buf *out, const char *path)
{
    for (; *path; path++) {
        if (*path == ' ' || *path == '#' || *path == '\\')
            buf_byte(out, '\\');
        else if (*path == '$')
            buf_byte(out, '$');
        buf_byte(out, (unsigned char)*path);
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
