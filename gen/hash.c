#include "hash.h"

uint32_t hash_more(uint32_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    size_t i;

    for (i = 0; i < len; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

uint32_t hash_bytes(const void *data, size_t len)
{
    return hash_more(HASH_START, data, len);
}
