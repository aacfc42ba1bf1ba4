/* support.h: file helpers the tests share. */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <stddef.h>

/* Reads the file at `path` into `into` (`size` >= 1 bytes), NUL-terminated;
 * "" when it cannot be opened. Returns the bytes read, or -1 when the file
 * cannot be opened or does not fit (`into` then holds what fitted). */
long slurp(const char *path, char *into, size_t size);

#endif
