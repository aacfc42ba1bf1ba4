/* hash.h: the string hash pnc's lookup tables share. */
#ifndef PNC_HASH_H
#define PNC_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a over `len` bytes at `data`. */
uint32_t hash_bytes(const void *data, size_t len);

#endif
