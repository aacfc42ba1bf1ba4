/* support.c: file helpers the tests share. */
#include "support.h"

#include <stdio.h>

long slurp(const char *path, char *into, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n;
    int too_long;

    into[0] = '\0';
    if (!f)
        return -1;
    n = fread(into, 1, size - 1, f);
    into[n] = '\0';
    too_long = fgetc(f) != EOF;
    fclose(f);
    return too_long ? -1 : (long)n;
}
