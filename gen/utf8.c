#include "utf8.h"

static int is_continuation(unsigned char byte)
{
    return (byte & 0xC0u) == 0x80u;
}

size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    static const uint32_t min_for_length[5] = {0, 0, 0x80, 0x800, 0x10000};
    unsigned char lead;
    size_t need, i;
    uint32_t value;

    if (len == 0)
        return 0;
    lead = s[0];
    if (lead < 0x80u) {
        *cp = lead;
        return 1;
    }
    if (lead >= 0xC2u && lead <= 0xDFu) {
        need = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0u && lead <= 0xEFu) {
        need = 3;
        value = lead & 0x0Fu;
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        need = 4;
        value = lead & 0x07u;
    } else {
        return 0;
    }
    if (len < need)
        return 0;
    for (i = 1; i < need; i++) {
        if (!is_continuation(s[i]))
            return 0;
        value = (value << 6) | (s[i] & 0x3Fu);
    }
    if (value < min_for_length[need] || value > 0x10FFFFu ||
        (value >= 0xD800u && value <= 0xDFFFu))
        return 0;
    *cp = value;
    return need;
}

size_t utf8_count(const unsigned char *s, size_t len)
{
    size_t count = 0, i;
    for (i = 0; i < len; i++)
        if (!is_continuation(s[i]))
            count++;
    return count;
}
