/* pn_format.h: the byte layout of a compiled catalog.
 *
 * Internal to pnc and libpn: the generator writes this layout (gen/pack.c)
 * and the runtime reads it. Firmware never needs this file.
 *
 * A catalog is one byte array. Every integer is little-endian and read byte
 * by byte, so the array needs no alignment and reads the same on any CPU.
 * All positions are offsets, never pointers, so the data has no relocations.
 *
 *   header     PN_HEADER_SIZE bytes, at offset 0
 *   notices    notice_count records of PN_NOTICE_SIZE bytes, sorted by
 *              (policy, lang) in byte order
 *   sections   section_count records of PN_SECTION_SIZE bytes; a notice's
 *              sections are consecutive, in document order
 *   code       the tables of the text code (below); absent (offset and
 *              size 0) when PN_FLAG_COMPRESSED is not set
 *   pool       strings, texts and block streams, addressed by offsets
 *              relative to the pool's start
 *
 * In the pool:
 *   name   bytes then a NUL: ids, language tags, numbers, dates (never
 *          compressed: the runtime hands out pointers to them)
 *   text   a length (unsigned LEB128) of the UTF-8 text, then
 *            plain catalogs: that many bytes, no NUL;
 *            compressed catalogs: if the length is not 0, a size (unsigned
 *            LEB128) and that many bytes of code bits (below)
 *   blocks one section's text blocks back to back: a kind byte
 *          (PN_BLOCK_PARAGRAPH or PN_BLOCK_LIST_ITEM) then a text
 * Pool offset 0 holds a single 0 byte, which is both the empty name and the
 * empty text; absent facts point there.
 *
 * The code (gen/compress.c explains how pnc trains it). Symbols are
 * numbered 0 .. symbols-1; each is a byte or a pair of two symbols, and
 * stands for the bytes of its pair's left symbol then its right one. The
 * symbols 0 .. coded-1 have a canonical Huffman code, in symbol order:
 * codes of length 1 first, then of length 2, ...; within a length, codes
 * count up from the last length's next code shifted left by one. A text's
 * bits are the codes of its symbols, most significant bit first, packed
 * from the top bit of each byte down; the last byte is padded with zeros.
 * Decoding expands each symbol until the text's length is reached; a
 * stream that ends early or has a byte to spare at the end, holds a code
 * that is not one, ends inside a symbol, or has a symbol deeper than
 * PN_CODE_MAX_DEPTH pairs or longer than PN_CODE_MAX_PHRASE bytes is
 * damaged. So is a text longer than PN_MAX_TEXT, or longer than
 * 8 * PN_CODE_MAX_PHRASE times its size.
 *
 *   u8   max_len: the longest code, 1 .. PN_CODE_MAX_LEN
 *   u8   0
 *   u16  coded: symbols with a code
 *   u16  symbols: coded <= symbols <= PN_CODE_MAX_SYMBOLS
 *   u16  counts[max_len]: codes of length 1, 2, ... max_len (sum: coded)
 *   symbols entries of 3 bytes, e = b0 | b1 << 8 | b2 << 16: a pair of the
 *        symbols e & 0xFFF and e >> 12, or, when e & 0xFFF is
 *        PN_CODE_BYTE, the byte e >> 12
 */
#ifndef PN_FORMAT_H
#define PN_FORMAT_H

#define PN_MAGIC0 'P'
#define PN_MAGIC1 'N'
#define PN_MAGIC2 'C'
#define PN_MAGIC3 '1'
#define PN_FORMAT_VERSION 2u

/* Header fields (byte offsets). */
#define PN_HDR_MAGIC 0          /* 4 bytes "PNC1" */
#define PN_HDR_VERSION 4        /* u16 PN_FORMAT_VERSION */
#define PN_HDR_FLAGS 6          /* u16, PN_FLAG_* bits */
#define PN_HDR_SIZE 8           /* u32 total catalog size in bytes */
#define PN_HDR_CRC 12           /* u32 CRC-32 of bytes [PN_HDR_CRC_START, size) */
#define PN_HDR_NOTICE_COUNT 16  /* u32 */
#define PN_HDR_NOTICES 20       /* u32 offset of the notice records */
#define PN_HDR_SECTION_COUNT 24 /* u32 */
#define PN_HDR_SECTIONS 28      /* u32 offset of the section records */
#define PN_HDR_POOL 32          /* u32 offset of the pool */
#define PN_HDR_POOL_SIZE 36     /* u32 */
#define PN_HDR_CODE 40          /* u32 offset of the code tables, or 0 */
#define PN_HDR_CODE_SIZE 44     /* u32 their size, or 0 */
#define PN_HEADER_SIZE 48
#define PN_HDR_CRC_START 16

/* Notice record fields (byte offsets); names and texts are pool offsets. */
#define PN_NOT_POLICY 0         /* u32 name */
#define PN_NOT_LANG 4           /* u32 name */
#define PN_NOT_UPDATED 8        /* u32 name, "" when not given */
#define PN_NOT_TITLE 12         /* u32 text */
#define PN_NOT_FACTS 16         /* PN_FACT_COUNT x u32 text, in pn_fact order */
#define PN_FACT_COUNT 9
#define PN_NOT_WAIVED 52        /* u32 topic bit mask */
#define PN_NOT_FIRST_SECTION 56 /* u32 index of its first section record */
#define PN_NOT_SECTION_COUNT 60 /* u32 */
#define PN_NOTICE_SIZE 64

/* Section record fields (byte offsets). */
#define PN_SEC_ID 0             /* u32 name, "" for the preamble */
#define PN_SEC_NUMBER 4         /* u32 name, "" when the heading has none */
#define PN_SEC_TITLE 8          /* u32 text */
#define PN_SEC_TOPICS 12        /* u32 topic bit mask */
#define PN_SEC_BLOCKS 16        /* u32 pool offset of the block stream */
#define PN_SEC_BLOCK_COUNT 20   /* u16 */
#define PN_SEC_LEVEL 22         /* u8: 0 preamble, 1-3 heading level */
#define PN_SECTION_SIZE 24

/* Header flags. */
#define PN_FLAG_COMPRESSED 1u   /* texts are coded (see above) */

/* The code tables. */
#define PN_CODE_MAX_LEN 20u     /* bits in the longest code */
#define PN_CODE_MAX_SYMBOLS 4095u
#define PN_CODE_MAX_DEPTH 12u   /* pairs from a symbol down to a byte */
#define PN_CODE_MAX_PHRASE 64u  /* bytes one symbol may stand for */
#define PN_CODE_BYTE 0xFFFu     /* entry's left id: the symbol is a byte */
#define PN_CODE_HEAD 6u         /* bytes before counts[] */
#define PN_CODE_ENTRY 3u        /* bytes per symbol entry */

#define PN_BLOCK_PARAGRAPH 1
#define PN_BLOCK_LIST_ITEM 2

/* Limits every table field can hold; pnc refuses input beyond them. */
#define PN_MAX_TEXT 65535u      /* bytes in one text */
#define PN_MAX_NAME 32u         /* bytes in an id or language tag */
#define PN_MAX_SECTIONS 65535u  /* sections in one notice */
#define PN_MAX_BLOCKS 65535u    /* blocks in one section */
#define PN_MAX_NOTICES 65535u   /* notices in one catalog */

#endif
