/* hash.h: the string hash pnc's lookup tables and repeat finding share. */
#ifndef PNC_HASH_H
#define PNC_HASH_H

#include <stddef.h>
#include <stdint.h>

/* Where a hash starts, before any bytes. */
#define HASH_START 2166136261u

/* FNV-1a of `h` continued over `len` bytes at `data`: hashes of several
 * pieces chain. */
uint32_t hash_more(uint32_t h, const void *data, size_t len);

/* FNV-1a over `len` bytes at `data`. */
uint32_t hash_bytes(const void *data, size_t len);

#endif
