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
 *   pool       strings, texts and block streams, addressed by offsets
 *              relative to the pool's start
 *
 * In the pool:
 *   name   bytes then a NUL: ids, language tags, numbers, dates
 *   text   a length (unsigned LEB128) then that many bytes of UTF-8, no NUL
 *   blocks one section's text blocks back to back: a kind byte
 *          (PN_BLOCK_PARAGRAPH or PN_BLOCK_LIST_ITEM) then a text
 * Pool offset 0 holds a single 0 byte, which is both the empty name and the
 * empty text; absent facts point there.
 */
#ifndef PN_FORMAT_H
#define PN_FORMAT_H

#define PN_MAGIC0 'P'
#define PN_MAGIC1 'N'
#define PN_MAGIC2 'C'
#define PN_MAGIC3 '1'
#define PN_FORMAT_VERSION 1u

/* Header fields (byte offsets). */
#define PN_HDR_MAGIC 0          /* 4 bytes "PNC1" */
#define PN_HDR_VERSION 4        /* u16 PN_FORMAT_VERSION */
#define PN_HDR_FLAGS 6          /* u16, 0 for now */
#define PN_HDR_SIZE 8           /* u32 total catalog size in bytes */
#define PN_HDR_CRC 12           /* u32 CRC-32 of bytes [PN_HDR_CRC_START, size) */
#define PN_HDR_NOTICE_COUNT 16  /* u32 */
#define PN_HDR_NOTICES 20       /* u32 offset of the notice records */
#define PN_HDR_SECTION_COUNT 24 /* u32 */
#define PN_HDR_SECTIONS 28      /* u32 offset of the section records */
#define PN_HDR_POOL 32          /* u32 offset of the pool */
#define PN_HDR_POOL_SIZE 36     /* u32 */
#define PN_HEADER_SIZE 40
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

#define PN_BLOCK_PARAGRAPH 1
#define PN_BLOCK_LIST_ITEM 2

/* Limits every table field can hold; pnc refuses input beyond them. */
#define PN_MAX_TEXT 65535u      /* bytes in one text */
#define PN_MAX_NAME 32u         /* bytes in an id or language tag */
#define PN_MAX_SECTIONS 65535u  /* sections in one notice */
#define PN_MAX_BLOCKS 65535u    /* blocks in one section */
#define PN_MAX_NOTICES 65535u   /* notices in one catalog */

#endif
