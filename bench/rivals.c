/* rivals: the same texts as bench_pn, stored and read one by one by the
 * compressors firmware could take instead of pnc's code, for `make bench`.
 * Built by bench/bench.sh with what this machine has:
 *   -DRIVAL_ZSTD (libzstd-dev)  zstd with a dictionary trained on the
 *                               texts, frames without magic, checksum,
 *                               size or dictionary id
 *   -DRIVAL_ZLIB (zlib1g-dev)   raw deflate with a preset dictionary
 *
 *   rivals size zstd|deflate     prints "bytes dictionary-bytes texts":
 *                                every text compressed alone, and the
 *                                dictionary both sides must hold
 *   rivals decode zstd|deflate   decompresses every text once, in
 *                                bench_run() (callgrind
 *                                --toggle-collect=bench_run), and prints
 *                                the bytes it produced
 *
 * The texts are those pn_block_read() and the title calls give: every
 * notice title, section title and block of the plain catalog. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plain_catalog.h"
#include "pn.h"

#ifdef RIVAL_ZSTD
#define ZSTD_STATIC_LINKING_ONLY /* the magicless frame format */
#include <zdict.h>
#include <zstd.h>
#endif
#ifdef RIVAL_ZLIB
#include <zlib.h>
#endif

#define MAX_TEXTS 4096
#define DICT_SIZE 4096
#define TEXT_MAX 70000

static char *texts[MAX_TEXTS];
static size_t lens[MAX_TEXTS];
static size_t count;
static unsigned char *packed[MAX_TEXTS];
static size_t packed_lens[MAX_TEXTS];
static unsigned char dict[DICT_SIZE];
static size_t dict_len;
static char out[TEXT_MAX];

static void add(const char *s, size_t n)
{
    if (n == 0 || count == MAX_TEXTS)
        return;
    texts[count] = malloc(n);
    memcpy(texts[count], s, n);
    lens[count++] = n;
}

static int load(void)
{
    pn_catalog cat;
    uint32_t i, j, k;
    size_t n;

    if (pn_open(&cat, plain_catalog, PLAIN_CATALOG_SIZE) != PN_OK)
        return 0;
    for (i = 0; i < cat.notice_count; i++) {
        pn_notice nt;
        if (pn_notice_at(&cat, i, &nt) != PN_OK)
            return 0;
        if (pn_notice_title(&nt, out, sizeof out, &n) == PN_OK)
            add(out, n);
        for (j = 0; j < nt.section_count; j++) {
            pn_section sec;
            if (pn_section_at(&nt, j, &sec) != PN_OK)
                return 0;
            if (pn_section_title(&sec, out, sizeof out, &n) == PN_OK)
                add(out, n);
            for (k = 0; k < sec.block_count; k++)
                if (pn_block_read(&sec, k, NULL, out, sizeof out, &n) ==
                    PN_OK)
                    add(out, n);
        }
    }
    return 1;
}

/* A dictionary both rivals share: zstd's trainer where there is one,
 * else the texts' first DICT_SIZE bytes. */
static void make_dict(void)
{
    size_t i;
#ifdef RIVAL_ZSTD
    char *all;
    size_t total = 0, at = 0;
    for (i = 0; i < count; i++)
        total += lens[i];
    all = malloc(total);
    for (i = 0; i < count; i++) {
        memcpy(all + at, texts[i], lens[i]);
        at += lens[i];
    }
    dict_len = ZDICT_trainFromBuffer(dict, sizeof dict, all, lens,
                                     (unsigned)count);
    free(all);
    if (!ZDICT_isError(dict_len))
        return;
#endif
    dict_len = 0;
    for (i = 0; i < count && dict_len < sizeof dict; i++) {
        size_t n = lens[i] < sizeof dict - dict_len ? lens[i]
                                                     : sizeof dict - dict_len;
        memcpy(dict + dict_len, texts[i], n);
        dict_len += n;
    }
}

#ifdef RIVAL_ZSTD
static ZSTD_DCtx *dctx;
static ZSTD_DDict *ddict;

static int zstd_pack(void)
{
    ZSTD_CCtx *c = ZSTD_createCCtx();
    size_t i;

    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, 19);
    ZSTD_CCtx_setParameter(c, ZSTD_c_format, ZSTD_f_zstd1_magicless);
    ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 0);
    ZSTD_CCtx_setParameter(c, ZSTD_c_contentSizeFlag, 0);
    ZSTD_CCtx_setParameter(c, ZSTD_c_dictIDFlag, 0);
    ZSTD_CCtx_loadDictionary(c, dict, dict_len);
    for (i = 0; i < count; i++) {
        size_t cap = ZSTD_compressBound(lens[i]);
        packed[i] = malloc(cap);
        packed_lens[i] = ZSTD_compress2(c, packed[i], cap, texts[i], lens[i]);
        if (ZSTD_isError(packed_lens[i]))
            return 0;
    }
    ZSTD_freeCCtx(c);
    dctx = ZSTD_createDCtx();
    ddict = ZSTD_createDDict(dict, dict_len);
    ZSTD_DCtx_setParameter(dctx, ZSTD_d_format, ZSTD_f_zstd1_magicless);
    return ZSTD_DCtx_refDDict(dctx, ddict) == 0;
}

static unsigned long zstd_unpack(void)
{
    unsigned long bytes = 0;
    size_t i, n;

    for (i = 0; i < count; i++) {
        n = ZSTD_decompressDCtx(dctx, out, lens[i], packed[i], packed_lens[i]);
        if (ZSTD_isError(n) || n != lens[i])
            return 0;
        bytes += n;
    }
    return bytes;
}
#endif

#ifdef RIVAL_ZLIB
static z_stream inf;

static int deflate_pack(void)
{
    size_t i;

    for (i = 0; i < count; i++) {
        z_stream s;
        memset(&s, 0, sizeof s);
        if (deflateInit2(&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) !=
            Z_OK)
            return 0;
        deflateSetDictionary(&s, dict, (uInt)dict_len);
        packed[i] = malloc(deflateBound(&s, (uLong)lens[i]) + 16);
        s.next_in = (Bytef *)texts[i];
        s.avail_in = (uInt)lens[i];
        s.next_out = packed[i];
        s.avail_out = (uInt)deflateBound(&s, (uLong)lens[i]) + 16;
        if (deflate(&s, Z_FINISH) != Z_STREAM_END)
            return 0;
        packed_lens[i] = s.total_out;
        deflateEnd(&s);
    }
    memset(&inf, 0, sizeof inf);
    return inflateInit2(&inf, -15) == Z_OK;
}

static unsigned long deflate_unpack(void)
{
    unsigned long bytes = 0;
    size_t i;

    for (i = 0; i < count; i++) {
        inflateReset(&inf);
        inflateSetDictionary(&inf, dict, (uInt)dict_len);
        inf.next_in = packed[i];
        inf.avail_in = (uInt)packed_lens[i];
        inf.next_out = (Bytef *)out;
        inf.avail_out = (uInt)lens[i];
        if (inflate(&inf, Z_FINISH) != Z_STREAM_END)
            return 0;
        bytes += inf.total_out;
    }
    return bytes;
}
#endif

unsigned long bench_run(int zstd);
unsigned long bench_run(int zstd)
{
#ifdef RIVAL_ZSTD
    if (zstd)
        return zstd_unpack();
#endif
#ifdef RIVAL_ZLIB
    if (!zstd)
        return deflate_unpack();
#endif
    return 0;
}

int main(int argc, char **argv)
{
    int zstd, ok = 0;
    size_t i, total = 0;

    if (argc != 3 || (strcmp(argv[2], "zstd") && strcmp(argv[2], "deflate"))) {
        fprintf(stderr, "usage: rivals size|decode zstd|deflate\n");
        return 2;
    }
    zstd = strcmp(argv[2], "zstd") == 0;
    if (!load())
        return 1;
    make_dict();
#ifdef RIVAL_ZSTD
    if (zstd)
        ok = zstd_pack();
#endif
#ifdef RIVAL_ZLIB
    if (!zstd)
        ok = deflate_pack();
#endif
    if (!ok) {
        fprintf(stderr, "rivals: %s is not built in\n", argv[2]);
        return 1;
    }
    if (strcmp(argv[1], "size") == 0) {
        for (i = 0; i < count; i++)
            total += packed_lens[i];
        printf("%lu %lu %lu\n", (unsigned long)total, (unsigned long)dict_len,
               (unsigned long)count);
        return 0;
    }
    printf("%lu\n", bench_run(zstd));
    return 0;
}
