/* pn_crc32.h: internal to pnc and libpn. The CRC-32 that pn_verify() checks
 * and the generator stores: the zlib/PNG CRC (reflected polynomial
 * 0xEDB88320, initial value and final XOR 0xFFFFFFFF). */
#ifndef PN_CRC32_H
#define PN_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* Extends `crc` (0 to start) over `len` bytes at `data`; returns the CRC of
 * everything passed so far, so calls can be chained over pieces. */
uint32_t pn__crc32(uint32_t crc, const void *data, size_t len);

/* The CRC a catalog of `size` (>= PN_HEADER_SIZE) bytes at `data` stores
 * in its header: of every byte but those of the crc field itself. */
uint32_t pn__crc32_catalog(const unsigned char *data, uint32_t size);

#endif
