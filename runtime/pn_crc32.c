/* pn_crc32.c: CRC-32, a bit at a time: no table, so the code is a few
 * instructions (pn_verify() at boot is the only hot use, once). */
#include "pn_crc32.h"
#include "pn_format.h"

#define CRC32_POLY 0xEDB88320u /* reflected */

uint32_t pn__crc32(uint32_t crc, const void *data, size_t len)
{
    const unsigned char *p = (const unsigned char *)data;
    unsigned bit;

    crc = ~crc;
    while (len > 0) {
        crc ^= (uint32_t)*p;
        for (bit = 0; bit < 8; bit++)
            crc = (crc >> 1) ^ (CRC32_POLY & (0u - (crc & 1u)));
        p++;
        len--;
    }
    return ~crc;
}

uint32_t pn__crc32_catalog(const unsigned char *data, uint32_t size)
{
    uint32_t at = (uint32_t)PN_HDR_AT(crc, 4);

    return pn__crc32(pn__crc32(0, data, at), data + at + 4, size - at - 4);
}
