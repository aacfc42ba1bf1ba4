/* source_read.c: reading a notice's file and checking its encoding, the
 * parts of a source that report problems (source.c, which diagnostics
 * read to show a line, reports none). */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "rules.h"
#include "utf8.h"

#define MAX_ENCODING_ERRORS 20

int source_load(source *src, const char *path, struct diag *d)
{
    FILE *f = fopen(path, "rb");
    buf content = {0};
    unsigned char chunk[8192];
    size_t n;
    int failed;

    memset(src, 0, sizeof *src);
    if (!f) {
        diag_plain(d, DIAG_ERROR, "cannot open '%s': %s", path,
                   strerror(errno));
        return 2;
    }
    /* errno is cleared before each read, so a failed one leaves its own
     * reason (EISDIR for a directory) for the message below. */
    while ((errno = 0, n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (content.len + n > SOURCE_MAX_BYTES) {
            diag_plain(d, DIAG_ERROR, "'%s' is larger than %u MiB", path,
                       (unsigned)(SOURCE_MAX_BYTES >> 20));
            fclose(f);
            buf_free(&content);
            return 2;
        }
        buf_put(&content, chunk, n);
    }
    failed = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (failed) {
        diag_plain(d, DIAG_ERROR, "cannot read '%s': %s", path,
                   strerror(failed));
        buf_free(&content);
        return 2;
    }
    source_from_memory(src, path, content.data, content.len);
    buf_free(&content);
    return 0;
}

unsigned source_check_encoding(const source *src, struct diag *d)
{
    const unsigned char *t = src->text;
    unsigned errors = 0;
    size_t i = 0;

    if (src->len >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF) {
        rule_report(d, RULE_UTF8_BOM, src, 0, 3,
                    "UTF-8 byte order mark; save the file as UTF-8 without BOM");
        errors++;
        i = 3;
    }
    while (i < src->len && errors < MAX_ENCODING_ERRORS) {
        uint32_t cp;
        size_t n = utf8_decode(t + i, src->len - i, &cp);

        if (n == 0) {
            rule_report(d, RULE_UTF8_INVALID, src, i, 1,
                        "invalid UTF-8: byte 0x%02X at byte offset %lu",
                        t[i], (unsigned long)i);
            errors++;
            i++;
            continue;
        }
        if (cp == '\r' && (i + 1 >= src->len || t[i + 1] != '\n')) {
            rule_report(d, RULE_LINE_END_CR, src, i, 1,
                        "carriage return without line feed at byte offset "
                        "%lu; use LF or CRLF line ends",
                        (unsigned long)i);
            errors++;
        } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
                   cp == 0x7F) {
            rule_report(d, RULE_CONTROL_CHAR, src, i, 1,
                        "control character U+%04lX at byte offset %lu",
                        (unsigned long)cp, (unsigned long)i);
            errors++;
        }
        i += n;
    }
    if (errors >= MAX_ENCODING_ERRORS && i < src->len)
        diag_at(d, DIAG_NOTE, src, i, 1, NULL,
                "too many encoding errors; stopped checking this file");
    return errors;
}
