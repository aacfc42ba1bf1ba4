/* pn_crc32.c: CRC-32, four bits at a time, so the table is 64 bytes. */
#include "pn_crc32.h"
#include "pn_format.h"

/* The CRC of each 4-bit value, shifted through the reflected polynomial. */
static const uint32_t crc_nibble[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu,
    0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
    0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
    0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu
};

uint32_t pn__crc32(uint32_t crc, const void *data, size_t len)
{
    const unsigned char *p = (const unsigned char *)data;

    crc = ~crc;
    while (len > 0) {
        crc ^= (uint32_t)*p;
        crc = (crc >> 4) ^ crc_nibble[crc & 15u];
        crc = (crc >> 4) ^ crc_nibble[crc & 15u];
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
