/* json_escape.c: JSON string literals (see json_escape.h). */
#include "json_escape.h"

#include <stdint.h>

#include "utf8.h"

void json_escape(buf *out, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;

    buf_byte(out, '"');
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);

        if (n == 0) {
            buf_printf(out, "\\ufffd");
            i++;
            continue;
        }
        switch (cp) {
        case '"': buf_printf(out, "\\\""); break;
        case '\\': buf_printf(out, "\\\\"); break;
        case '\n': buf_printf(out, "\\n"); break;
        case '\r': buf_printf(out, "\\r"); break;
        case '\t': buf_printf(out, "\\t"); break;
        case '\b': buf_printf(out, "\\b"); break;
        case '\f': buf_printf(out, "\\f"); break;
        default:
            if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029)
                buf_printf(out, "\\u%04lx", (unsigned long)cp);
            else
                buf_put(out, s + i, n);
        }
        i += n;
    }
    buf_byte(out, '"');
}
