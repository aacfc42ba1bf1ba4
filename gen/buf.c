#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
    fputs("pnc: out of memory\n", stderr);
    exit(2);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *xstrndup(const char *s, size_t len)
{
    char *copy = xmalloc(len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

void *grow_array(void *items, size_t *cap, size_t need, size_t item_size)
{
    size_t new_cap;

    if (need <= *cap)
        return items;
    new_cap = *cap ? *cap : 8;
    while (new_cap < need) {
        if (new_cap > ((size_t)-1) / 2 / item_size)
            out_of_memory();
        new_cap *= 2;
    }
    *cap = new_cap;
    return xrealloc(items, new_cap * item_size);
}

static void reserve(buf *b, size_t extra)
{
    if (extra > ((size_t)-1) - b->len)
        out_of_memory();
    b->data = grow_array(b->data, &b->cap, b->len + extra, 1);
}

void buf_put(buf *b, const void *data, size_t len)
{
    if (len == 0)
        return;
    reserve(b, len);
    memcpy(b->data + b->len, data, len);
    b->len += len;
}

void buf_byte(buf *b, unsigned value)
{
    unsigned char byte = (unsigned char)value;
    buf_put(b, &byte, 1);
}

void buf_u16(buf *b, uint32_t value)
{
    buf_byte(b, value & 0xffu);
    buf_byte(b, (value >> 8) & 0xffu);
}

void buf_u32(buf *b, uint32_t value)
{
    buf_u16(b, value & 0xffffu);
    buf_u16(b, value >> 16);
}

void buf_leb128(buf *b, uint32_t value)
{
    while (value >= 0x80u) {
        buf_byte(b, (value & 0x7fu) | 0x80u);
        value >>= 7;
    }
    buf_byte(b, value);
}

void buf_printf(buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_put(b, small, (size_t)n);
        return;
    }
    reserve(b, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void store_le(unsigned char *at, unsigned bytes, uint32_t value)
{
    unsigned i;
    for (i = 0; i < bytes; i++)
        at[i] = (unsigned char)((value >> (8 * i)) & 0xffu);
}

void buf_patch_u32(buf *b, size_t at, uint32_t value)
{
    store_le(b->data + at, 4, value);
}

void buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
