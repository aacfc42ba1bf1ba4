/* pn_format.h: the byte layout of a compiled catalog, declared once.
 *
 * Internal to pnc and libpn: the generator writes this layout (gen/pack.c)
 * and the runtime reads it. Firmware never needs this file. Every record,
 * field, fact and code-table entry is declared here, in the lists below;
 * both sides derive their offsets, sizes and orders from those lists, and
 * compile-time asserts stop the build where a writer or a reader uses a
 * field at another width than the one declared.
 *
 * A catalog is one byte array. Every integer is little-endian and read byte
 * by byte, so the array needs no alignment and reads the same on any CPU.
 * All positions are offsets, never pointers, so the data has no relocations.
 *
 *   header     PN_HEADER_SIZE bytes, at offset 0
 *   notices    notice_count records of PN_NOTICE_SIZE bytes, sorted by
 *              (policy, lang) in byte order
 *   sections   section_count records of PN_SECTION_SIZE_OF(pool_size)
 *              bytes; a notice's sections are consecutive, in document
 *              order; each points at its head in the pool
 *   contacts   contact_count records of PN_CONTACT_SIZE bytes; a notice's
 *              are consecutive (see PN_CONTACT_FIELDS)
 *   languages  language_count records of PN_LANGUAGE_SIZE bytes, sorted by
 *              tag in byte order: the first layer's labels and the
 *              language fallbacks, from pnc's languages file
 *   code       the tables of the text code (below); absent (offset and
 *              size 0) when PN_FLAG_COMPRESSED is not set
 *   pool       strings, texts and block streams, addressed by offsets
 *              relative to the pool's start
 *   fonts      the font (pnc --font), then the headings' font (pnc
 *              --font-heading), each only when given (header offset 0
 *              otherwise): PN_FONT_HEAD_FIELDS, then glyph_count glyph
 *              records of PN_GLYPH_SIZE bytes sorted by code point, each
 *              once, then bits_size bytes of bitmaps. A glyph's bitmap
 *              is width * height bits, rows top first, each row left to
 *              right, most significant bit first, packed without padding
 *              between rows; it starts on a byte at `bits` from the
 *              bitmaps' start and its last byte is padded with zeros.
 *              The glyph's box has its lower left corner at (x_off,
 *              y_off) from the pen, y up, the baseline at y 0; the pen
 *              then moves `advance` pixels right. pnc stores only the
 *              glyphs the catalog's texts and libpn's own text use, and
 *              the replacement glyph (U+FFFD, else '?', else a box of
 *              pnc's), drawn for any character the font lacks.
 *
 * In the pool:
 *   name   bytes then a NUL: ids, language tags, numbers, dates (never
 *          compressed: the runtime hands out pointers to them)
 *   text   a length (unsigned LEB128) of the UTF-8 text, then
 *            plain catalogs: that many bytes, no NUL;
 *            compressed catalogs: if the length is not 0, the code bits
 *            (below), with no size: the length ends them; a length of 0
 *            (but the one at pool offset 0, the empty text) is a
 *            reference to the same text stored whole before (pnc stores
 *            each text whole once): then comes the pool offset (unsigned
 *            LEB128) of that text, which is below this one's and is not
 *            such a reference itself, or is 0 (the empty text). So what
 *            follows a coded text is found only by decoding it: records
 *            and the block index point at every text a reader needs.
 *          A record's text at an offset some other record's text has is
 *          the same text, stored once.
 *   blocks one section's text blocks back to back, each:
 *            a kind byte (none when the section's head has
 *              PN_HEAD_PARAGRAPHS: every block is then a paragraph):
 *              its low bits (PN_BLOCK_KIND_MASK) a pn_block_kind of pn.h
 *              for which PN_BLOCK_IS_STORED() holds (never
 *              PN_BLOCK_HEADING), its high bits (PN_BLOCK_KIND_LEVEL())
 *              0, or, for a list item (PN_BLOCK_LIST_ITEM,
 *              PN_BLOCK_NUMBERED_ITEM), its level, 1 ..
 *              PN_MAX_LIST_LEVEL, and for a table's PN_BLOCK_TABLE_HEAD
 *              or PN_BLOCK_TABLE_CELL its column, 1 ..
 *              PN_BLOCK_INLINE_LEVEL_MAX, or 0 when a column byte
 *              follows, PN_BLOCK_INLINE_LEVEL_MAX + 1 ..
 *              PN_MAX_TABLE_COLUMNS;
 *            for a PN_BLOCK_NUMBERED_ITEM its number (unsigned LEB128,
 *              at most PN_MAX_ITEM_NUMBER);
 *            then a text.
 *          A table is its PN_BLOCK_TABLE_HEADs then its rows'
 *          PN_BLOCK_TABLE_CELLs; a row starts where a cell's column is
 *          not greater than the one before (empty cells are left out).
 *          A block's text is UTF-8 with no control character except
 *          '\n' (0x0A), a hard line break: never first, never last, never
 *          next to another '\n' or a space. A reader treats any other
 *          control character in a block, and any in a name, title or
 *          fact, as damage.
 *   facts  a facts record (PN_FACTS_COUNT), which notice records point
 *          at
 *   labels a language's labels (PN_LANGUAGE_FIELDS): PN_LABEL_COUNT
 *          numbers (unsigned LEB128), in PN_LABELS order, each 0 for an
 *          empty label or how far before the labels its text is: label
 *          k's text is at the labels' pool offset less number k (pnc
 *          stores a language's label texts right before its labels, so
 *          these are short)
 *   qr     the QR code of a notice's web address (ISO/IEC 18004, made by
 *          gen/qr.c): a version byte, 1 .. PN_QR_MAX_VERSION, then the
 *          PN_QR_BYTES(version) bytes of its square of PN_QR_SIZE(version)
 *          modules a side, row by row from the top, each row from the
 *          left, 1 for a dark module, packed from the top bit of each byte
 *          down with no gap between rows; the last byte is padded with
 *          zeros. The quiet zone is not stored. A version byte of 0 means
 *          no code (a notice without a web address points at offset 0).
 *   head   a section's head, where its record points: a shape byte
 *          (PN_HEAD_*: level, whether a number follows, whether the
 *          blocks are paragraphs only, index width and a small block
 *          count); unless the shape holds it, its block_count (unsigned
 *          LEB128, at most PN_MAX_BLOCKS); its index; then its body:
 *          its topics (unsigned LEB128, bit p set for the topic at place
 *          p of PN_TOPIC_ORDER, none from PN_TOPIC_COUNT up); unless its
 *          level is 0, its id; if
 *          PN_HEAD_HAS_NUMBER its number; each name the pool offset
 *          (unsigned LEB128) of a name (pnc stores the sections' names
 *          first in the pool, the most used first, so these offsets are
 *          short); unless its level is 0, its title (a text); its
 *          blocks. So finding a block reads the shape, maybe the count,
 *          and one entry, and no name.
 *   index  where each block of a section starts, so that block i is
 *          found without reading the blocks before it: block_count
 *          entries (none for a section of 0 blocks) of the head's index
 *          width (8 bits when every block starts within 256 bytes of the
 *          body's start, else 12 within 4,096, 16 within 65,536, or 32:
 *          PN_INDEX_BITS()), entry i the byte offset of block i from the
 *          start of the body, which starts right after the index. A
 *          reader treats an entry that points outside the pool as
 *          damage.
 * Pool offset 0 holds a single 0 byte, which is both the empty name and the
 * empty text; absent facts point there.
 *
 * The code (gen/compress.c explains how pnc trains it). A symbol is a
 * byte or a pair of two symbols, and stands for the bytes of its pair's
 * left symbol then its right one. A symbol is named by a ref of ref_bits
 * bits (the code head's; PN_CODE_MIN_REF_BITS .. PN_CODE_MAX_REF_BITS,
 * the fewest that hold the pairs and the bytes): a pair by its id,
 * 0 .. pairs-1; a byte b by the top 256 refs, 2^ref_bits - 256 + b
 * (PN_CODE_BYTE_TO_REF()), so bytes need no entry. Only the bytes a text
 * may hold have a ref: 0x20-0xFF but 0x7F, whose ref stands for '\n'
 * (PN_CODE_REF_BYTE()); so the refs PN_CODE_BYTE_REF(ref_bits) and up are
 * bytes, the pairs lie below them, and no ref stands for another control
 * character. The symbols a text uses directly have a canonical
 * Huffman code: codes of length min_len first, then of the next length,
 * ...; within a length, codes count up from the last length's next code
 * shifted left by one, and the symbols that are bytes come first. A text's
 * bits are the codes of its symbols, most significant bit first, packed
 * from the top bit of each byte down; the last byte is padded with zeros.
 * Decoding expands each symbol until the text's length is reached; a
 * stream that runs past the pool's end, holds a code that is not one,
 * ends inside a symbol, names a pair or byte the tables do not hold, or
 * has a symbol whose left halves nest deeper than PN_CODE_MAX_DEPTH pairs
 * (the decoder's stack) is damaged; pnc makes no symbol deeper than that
 * either way. So is a text longer than PN_MAX_TEXT, or longer than
 * 8 * PN_CODE_MAX_PHRASE times the bytes from its bits to the pool's end.
 *
 * The code tables: PN_CODE_HEAD_FIELDS; then 4 bytes of 0 and, for each
 * code length from min_len to max_len, PN_CODE_LENGTH_FIELDS, which let
 * the decoder read a code with a compare per length and no table built at
 * run time; then the
 * start table, 2^start_bits bytes: for each value s of a code's first
 * start_bits bits, the length less min_len that the search for its length
 * may start at (no code starting with s is shorter); then
 * `bytes` bytes, the symbols that are bytes, in code order, each the low
 * byte of its ref (0x20-0xFF, 0x7F for '\n'); then the `pairs` pairs,
 * first those with a code, in code order, then those only other pairs
 * are made of: the left refs, PN_CODE_REFS_SIZE() bytes, then the right
 * refs, as many; ref i of each is the ref_bits bits from bit ref_bits * i
 * of them on, bit k being bit k % 8 of byte k / 8. The pool follows the
 * code tables, with at least PN_CODE_TAIL bytes (the decoder reads a ref
 * as the 4 bytes from its first).
 * A code of length l is found from the next 24 bits v of the stream
 * (zeros past its end): l is the first length whose `limit` is above v
 * (from the length the start table gives for v's first bits);
 * k = (v - the previous length's limit, 0 for min_len) >> (24 - l) is
 * its place among the codes of length l; it names the byte
 * bytes[byte_base + k] if k < byte_count, else the pair
 * pair_base + k - byte_count.
 */
#ifndef PN_FORMAT_H
#define PN_FORMAT_H

#include <stddef.h>

#include "pn.h"

/* ---- Compile-time asserts ------------------------------------------------ */

/* Fails the build, naming `what`, unless `cond` holds. File scope only. */
#define PN_STATIC_ASSERT(cond, what) \
    typedef char pn__static_assert_##what[(cond) ? 1 : -1]

/* 0, but fails the build unless `cond` holds: an assert inside an
 * expression. */
#define PN__CHECK0(cond) (0u * sizeof(char[(cond) ? 1 : -1]))

/* ---- Records ----------------------------------------------------------- */

/* Each record is a list of X(field, bytes) entries, in byte order. From a
 * list, PN__LAYOUT makes a struct of byte arrays (which no ABI pads), whose
 * offsetof and sizeof give each field's offset and the record's size. */
#define PN__BYTES(field, bytes) unsigned char field[bytes];
#define PN__PLUS(field, bytes) + (bytes)
#define PN__LAYOUT(name, FIELDS)                                             \
    typedef struct name { FIELDS(PN__BYTES) } name;                          \
    PN_STATIC_ASSERT(sizeof(name) == 0 FIELDS(PN__PLUS), name##_unpadded)

/* The bytes of `field` in record layout `layout`. */
#define PN_FIELD_SIZE(layout, field) sizeof(((layout *)0)->field)

/* The offset of `field`, checked to be `bytes` wide: readers and writers
 * name the width they use, and the build fails if it is not the one
 * declared. */
#define PN_FIELD_AT(layout, field, bytes)                                    \
    (offsetof(layout, field) +                                               \
     PN__CHECK0(PN_FIELD_SIZE(layout, field) == (bytes)))

#define PN_MAGIC "PNC1"
/* The catalog format, declared in pn.h where firmware can see it. */
#define PN_FORMAT_VERSION ((unsigned)PN_CATALOG_FORMAT)

/* The header, at offset 0. The CRC covers every byte of the catalog, the
 * header's included, except the 4 bytes of the crc field itself. */
#define PN_HEADER_FIELDS(X)                                                  \
    X(magic, 4)             /* PN_MAGIC */                                   \
    X(version, 2)           /* PN_FORMAT_VERSION */                          \
    X(flags, 2)             /* PN_FLAG_* bits */                             \
    X(size, 4)              /* total catalog size in bytes */                \
    X(crc, 4)               /* CRC-32 of all the other bytes */              \
    X(notice_count, 4)                                                       \
    X(notices, 4)           /* offset of the notice records */               \
    X(section_count, 4)                                                      \
    X(sections, 4)          /* offset of the section records */              \
    X(pool, 4)              /* offset of the pool */                         \
    X(pool_size, 4)                                                          \
    X(code, 4)              /* offset of the code tables, or 0 */            \
    X(code_size, 4)         /* their size, or 0 */                           \
    X(language_count, 4)                                                     \
    X(languages, 4)         /* offset of the language records */            \
    X(catalog_version, 4)   /* the user's own number (pnc                   \
                               --catalog-version N, default 0), so a loader \
                               can refuse a downgrade */                    \
    X(contact_count, 4)                                                      \
    X(contacts, 4)          /* offset of the contact records */              \
    X(font, 4)              /* offset of the font (pnc --font), or 0 */      \
    X(heading_font, 4)      /* of the headings' font, or 0 */
PN__LAYOUT(pn__header_layout, PN_HEADER_FIELDS);
#define PN_HEADER_SIZE ((uint32_t)sizeof(pn__header_layout))
#define PN_HDR_AT(field, bytes) PN_FIELD_AT(pn__header_layout, field, bytes)
PN_STATIC_ASSERT(sizeof PN_MAGIC - 1 ==
                     PN_FIELD_SIZE(pn__header_layout, magic), magic_fits);

/* Header flags. */
#define PN_FLAG_COMPRESSED 1u   /* texts are coded (see above) */
#define PN_FLAGS_KNOWN PN_FLAG_COMPRESSED

/* The controller's facts a notice states, in the order of its facts
 * record's `values`: X(ID, pn_contact member, header key of the .pn
 * source). */
#define PN_FACTS(X)                                                          \
    X(CONTROLLER, name, "controller")                                        \
    X(ORGNO, orgno, "orgno")                                                 \
    X(ADDRESS, address, "address")                                           \
    X(POSTCODE, postcode, "postcode")                                        \
    X(CITY, city, "city")                                                    \
    X(EMAIL, email, "email")                                                 \
    X(PHONE, phone, "phone")                                                 \
    X(WEB, web, "web")                                                       \
    X(AUTHORITY, authority, "authority")
#define PN__FACT_ID(id, member, key) PN_FACT_##id,
enum pn__fact { PN_FACTS(PN__FACT_ID) PN_FACT_COUNT };

/* Pool offsets in records (names, texts, heads, facts records, labels)
 * are PN_OFFSET_SIZE bytes, so a pool holds at most PN_MAX_POOL bytes;
 * pnc refuses a catalog beyond it. Topic sets (PN_TOPIC_BIT()s) are
 * LEB128 numbers in the pool. */
#define PN_OFFSET_SIZE 3
#define PN_MAX_POOL 0xFFFFFFu
PN_STATIC_ASSERT(PN_TOPIC_COUNT <= 31, topics_fit_a_number);
/* Sections and contact records of the whole catalog (the notice record's
 * first_section, and its facts record's first contact). */
#define PN_MAX_CATALOG_RECORDS 0xFFFFFFu

/* A notice (one policy in one language). Names and texts are pool
 * offsets. */
#define PN_NOTICE_FIELDS(X)                                                  \
    X(policy, PN_OFFSET_SIZE)   /* name */                                   \
    X(lang, PN_OFFSET_SIZE)     /* name */                                   \
    X(title, PN_OFFSET_SIZE)    /* text */                                   \
    X(facts, PN_OFFSET_SIZE)    /* pool offset of its facts record */        \
    X(first_section, 3)     /* index of its first section record */          \
    X(section_count, 2)     /* at most PN_MAX_SECTIONS */
PN__LAYOUT(pn__notice_layout, PN_NOTICE_FIELDS);
#define PN_NOTICE_SIZE ((uint32_t)sizeof(pn__notice_layout))
#define PN_NOTICE_AT(field, bytes) PN_FIELD_AT(pn__notice_layout, field, bytes)

/* A facts record, in the pool: what a notice's header states besides its
 * policy, language and title. The notices that state the same (the
 * languages of a policy, mostly) share one. It is PN_FACTS_COUNT numbers
 * (unsigned LEB128), in this order: the PN_TOPIC_BIT()s the notice
 * waives; the index of its first contact record and their count (0 when
 * the header names no other party; notices whose contact records would
 * be the same share them); then how far before the record its date is
 * (a name, "" when not given), its QR code (none when it has no web
 * address), and the text of each fact in PN_FACTS order, each 0 for
 * none: pnc stores them right before the record, so these are short. */
#define PN_FACTS_WAIVED 0u
#define PN_FACTS_FIRST_CONTACT 1u
#define PN_FACTS_CONTACT_COUNT 2u
#define PN_FACTS_UPDATED 3u     /* the first distance */
#define PN_FACTS_QR 4u
#define PN_FACTS_VALUE(fact) (5u + (unsigned)(fact))
#define PN_FACTS_COUNT PN_FACTS_VALUE(PN_FACT_COUNT)

/* A section: where its head is. What the section is (its topics, id,
 * number, title, level and blocks) is in the pool, read when the section
 * is opened ("head" above). */
#define PN_SECTION_FIELDS(X)                                                 \
    X(head, PN_OFFSET_SIZE) /* pool offset of its head (its low 2 bytes  \
                               only in a pool of PN_SHORT_POOL bytes or  \
                               fewer: PN_SECTION_SIZE_OF()) */
PN__LAYOUT(pn__section_layout, PN_SECTION_FIELDS);
#define PN_SECTION_SIZE ((uint32_t)sizeof(pn__section_layout))
/* The size of a section record: its head offset takes 2 bytes when the
 * pool holds at most PN_SHORT_POOL bytes, else PN_SECTION_SIZE. */
#define PN_SHORT_POOL 0x10000u
#define PN_SECTION_SIZE_OF(pool_size) \
    ((uint32_t)(pool_size) <= PN_SHORT_POOL ? 2u : PN_SECTION_SIZE)
#define PN_SECTION_AT(field, bytes) \
    PN_FIELD_AT(pn__section_layout, field, bytes)

/* A section head's shape byte: its level, whether a number follows and
 * whether its blocks are all paragraphs, and in its top 4 bits its index
 * layout L: below PN_HEAD_LAYOUT_LEB, 8-bit index entries and a block
 * count of L; else a LEB128 block count follows and the entries are of
 * PN_INDEX_BITS(L - PN_HEAD_LAYOUT_LEB) bits (8, 12, 16 or 32). A section
 * of level 0 (the preamble) has no id and no title: its head stores
 * neither. */
#define PN_HEAD_LEVEL_MASK 0x03u    /* 0 preamble, 1 .. PN_MAX_LEVEL */
#define PN_HEAD_HAS_NUMBER 0x04u    /* a number follows (else "") */
#define PN_HEAD_PARAGRAPHS 0x08u    /* every block is a paragraph, stored
                                       as its text alone ("blocks" above) */
#define PN_HEAD_LAYOUT_SHIFT 4u
#define PN_HEAD_LAYOUT_LEB 12u
#define PN_HEAD_LAYOUT(shape) ((unsigned)(shape) >> PN_HEAD_LAYOUT_SHIFT)

/* The order of a head's topic bits: the topics notices tag most come
 * first, so that a head's topics mostly take one LEB128 byte. */
#define PN_TOPIC_ORDER(X)                                                    \
    X(PURPOSES) X(CATEGORIES) X(RECIPIENTS) X(RETENTION) X(RIGHTS)           \
    X(LEGAL_BASIS) X(CONTACT) X(CONTROLLER) X(SOURCE) X(SECURITY)            \
    X(MARKETING) X(COOKIES) X(TRANSFERS) X(CONSENT_WITHDRAWAL)               \
    X(COMPLAINT) X(SUMMARY) X(AUTOMATED_DECISIONS) X(CHANGES)                \
    X(LEGITIMATE_INTERESTS) X(REQUIREMENT) X(CHILDREN) X(DPO)
#define PN_TOPIC_IN_ORDER(topic) PN_TOPIC_##topic,
#define PN__TOPIC_ORDER_ONE(topic) +1
#define PN__TOPIC_ORDER_BIT(topic) | PN_TOPIC_BIT(PN_TOPIC_##topic)
PN_STATIC_ASSERT((0 PN_TOPIC_ORDER(PN__TOPIC_ORDER_ONE)) == PN_TOPIC_COUNT &&
                     (0u PN_TOPIC_ORDER(PN__TOPIC_ORDER_BIT)) ==
                         PN_TOPIC_BIT(PN_TOPIC_COUNT) - 1u,
                 topic_order_has_every_topic_once);

/* One contact detail of a party other than the controller's first ones
 * (those are the notice's facts record's): its role's other parties (a DPO,
 * a representative, joint controllers) and every e-mail address and phone
 * number after a party's first. A notice's records are consecutive,
 * sorted by role then party, each party's in the order the header gives
 * them; a party's first PN_FACT_EMAIL and PN_FACT_PHONE are its primary
 * ones. A PN_ROLE_CONTROLLER record is party 0's PN_FACT_EMAIL or
 * PN_FACT_PHONE after the facts record's; no record is PN_FACT_AUTHORITY
 * and no PN_ROLE_DPO record PN_FACT_ORGNO. */
#define PN_CONTACT_FIELDS(X)                                                 \
    X(role, 1)              /* a pn_role of pn.h */                          \
    X(party, 1)             /* which party of the role, from 0 (only joint   \
                               controllers have more than one) */            \
    X(fact, 1)              /* an enum pn__fact: PN_FACT_CONTROLLER is the   \
                               party's name */                               \
    X(value, PN_OFFSET_SIZE) /* text */
PN__LAYOUT(pn__contact_layout, PN_CONTACT_FIELDS);
#define PN_CONTACT_SIZE ((uint32_t)sizeof(pn__contact_layout))
#define PN_CONTACT_AT(field, bytes) \
    PN_FIELD_AT(pn__contact_layout, field, bytes)
#define PN_MAX_PARTIES 255u     /* parties of one role (the party byte) */
#define PN_MAX_CONTACTS 65535u  /* contact records of one notice */

/* A language: what libpn needs to serve readers of it. Every language a
 * notice is written in has one, with labels; a language that only has
 * fallbacks has none (every label is ""). Its labels are in the pool
 * ("labels" above). */
#define PN_LANGUAGE_FIELDS(X)                                                \
    X(tag, PN_OFFSET_SIZE)  /* name, e.g. "nb" */                            \
    X(fallbacks, PN_OFFSET_SIZE) /* name: tags that serve a reader of `tag` \
                               when no notice is in `tag`, in order:        \
                               "nb,nn" */                                   \
    X(labels, PN_OFFSET_SIZE) /* pool offset of its labels, 0: none */
/* The labels: X(ID, name, how pnc's languages file has it: 1 a key every
 * language with labels gives, 2 a key a language may leave out (it then
 * shows the default language's), 0 none: complaint_end comes from the
 * {authority} in complaint). The first layer's come first, then the words
 * of pn_word_read() in pn_word order, then a name per topic in pn_topic
 * order (pn_topic_label()). */
#define PN_LABELS(X)                                                         \
    X(ORGNO, "orgno", 1)            /* before the org number */              \
    X(CONTACT, "contact", 1)        /* heads the contact details */          \
    X(PHONE, "phone", 1)            /* before the phone number */            \
    X(PURPOSES, "purposes", 1)      /* heads the purposes */                 \
    X(RIGHTS, "rights", 1)          /* heads the sections on rights */       \
    X(COMPLAINT, "complaint", 1)    /* before the authority's name */        \
    X(COMPLAINT_END, "complaint_end", 0) /* after it */                      \
    X(WEB, "web", 1)                /* before the web address */             \
    X(FULL_TEXT, "full_text", 1)    /* says the full notice follows */    \
    X(QR, "qr", 2)                  /* says what the QR page's code is */  \
    X(SECTIONS, "sections", 2)      /* a menu of the sections */           \
    X(TOPICS, "topics", 2)          /* a menu of the topics */             \
    X(PAGE, "page", 2)              /* before "2/5" */                     \
    X(FIRST_LAYER, "first_layer", 2) /* names the first layer */           \
    X(DPO, "dpo", 2)                /* before the DPO's contact */         \
    X(REPRESENTATIVE, "representative", 2) /* before the representative's */\
    X(JOINT, "joint", 2)            /* before a joint controller's */      \
    X(TOPIC_CONTROLLER, "topic_controller", 2)                               \
    X(TOPIC_DPO, "topic_dpo", 2)                                             \
    X(TOPIC_PURPOSES, "topic_purposes", 2)                                   \
    X(TOPIC_LEGAL_BASIS, "topic_legal_basis", 2)                             \
    X(TOPIC_LEGITIMATE_INTERESTS, "topic_legitimate_interests", 2)           \
    X(TOPIC_CATEGORIES, "topic_categories", 2)                               \
    X(TOPIC_SOURCE, "topic_source", 2)                                       \
    X(TOPIC_RECIPIENTS, "topic_recipients", 2)                               \
    X(TOPIC_TRANSFERS, "topic_transfers", 2)                                 \
    X(TOPIC_RETENTION, "topic_retention", 2)                                 \
    X(TOPIC_RIGHTS, "topic_rights", 2)                                       \
    X(TOPIC_CONSENT_WITHDRAWAL, "topic_consent_withdrawal", 2)               \
    X(TOPIC_COMPLAINT, "topic_complaint", 2)                                 \
    X(TOPIC_REQUIREMENT, "topic_requirement", 2)                             \
    X(TOPIC_AUTOMATED_DECISIONS, "topic_automated_decisions", 2)             \
    X(TOPIC_SECURITY, "topic_security", 2)                                   \
    X(TOPIC_COOKIES, "topic_cookies", 2)                                     \
    X(TOPIC_MARKETING, "topic_marketing", 2)                                 \
    X(TOPIC_CHILDREN, "topic_children", 2)                                   \
    X(TOPIC_CHANGES, "topic_changes", 2)                                     \
    X(TOPIC_CONTACT, "topic_contact", 2)                                     \
    X(TOPIC_SUMMARY, "topic_summary", 2)
#define PN__LABEL_ID(id, name, in_file) PN_LABEL_##id,
enum pn__label { PN_LABELS(PN__LABEL_ID) PN_LABEL_COUNT };
/* The label of a pn_word and of a pn_topic. */
#define PN_LABEL_OF_WORD(word) ((unsigned)PN_LABEL_SECTIONS + (unsigned)(word))
#define PN_LABEL_OF_TOPIC(topic) \
    ((unsigned)PN_LABEL_TOPIC_CONTROLLER + (unsigned)(topic))
PN_STATIC_ASSERT(PN_LABEL_OF_WORD(PN_WORD_COUNT) == PN_LABEL_TOPIC_CONTROLLER,
                 labels_hold_every_word);
PN_STATIC_ASSERT(PN_LABEL_OF_WORD(PN_WORD_DPO) == PN_LABEL_DPO &&
                     PN_LABEL_OF_WORD(PN_WORD_JOINT) == PN_LABEL_JOINT,
                 labels_of_words_in_order);
PN_STATIC_ASSERT(PN_LABEL_OF_TOPIC(PN_TOPIC_COUNT) == PN_LABEL_COUNT &&
                     PN_LABEL_OF_TOPIC(PN_TOPIC_CONTACT) ==
                         PN_LABEL_TOPIC_CONTACT &&
                     PN_LABEL_OF_TOPIC(PN_TOPIC_RETENTION) ==
                         PN_LABEL_TOPIC_RETENTION,
                 labels_hold_every_topic);
PN__LAYOUT(pn__language_layout, PN_LANGUAGE_FIELDS);
#define PN_LANGUAGE_SIZE ((uint32_t)sizeof(pn__language_layout))
#define PN_LANGUAGE_AT(field, bytes) \
    PN_FIELD_AT(pn__language_layout, field, bytes)
#define PN_MAX_LEVEL 3u         /* the deepest heading level */

/* QR codes: versions 1 .. PN_QR_MAX_VERSION, PN_QR_SIZE() modules a side,
 * stored in PN_QR_BYTES() bytes after the version byte. */
#define PN_QR_MAX_VERSION 10u
#define PN_QR_SIZE(version) (17u + 4u * (unsigned)(version))
#define PN_QR_BYTES(version) \
    ((PN_QR_SIZE(version) * PN_QR_SIZE(version) + 7u) / 8u)
/* The bits of a section's block index entry, by its head's width code:
 * 8, 12, 16 or 32. Entry i of a 12-bit index is the 12 bits from bit
 * 12 * i, little-endian: the low byte of an entry that starts on a byte
 * and the low 4 bits of the next, or the high 4 bits of a byte then the
 * next. An index of n entries takes (n * bits + 7) / 8 bytes. */
#define PN_INDEX_BITS(code) \
    ((code) == 0 ? 8u : (code) == 1 ? 12u : (code) == 2 ? 16u : 32u)

/* The kinds a section's block stream may hold, and which of them have a
 * level byte and a number. */
#define PN_BLOCK_STORED_FIRST PN_BLOCK_PARAGRAPH
#define PN_BLOCK_STORED_LAST PN_BLOCK_TABLE_CELL
#define PN_BLOCK_IS_STORED(k)                                                \
    ((k) >= PN_BLOCK_STORED_FIRST && (k) <= PN_BLOCK_STORED_LAST &&         \
     (k) != PN_BLOCK_HEADING)
#define PN_BLOCK_IS_ITEM(k)                                                  \
    ((k) == PN_BLOCK_LIST_ITEM || (k) == PN_BLOCK_NUMBERED_ITEM)
#define PN_BLOCK_IS_TABLE(k)                                                 \
    ((k) == PN_BLOCK_TABLE_HEAD || (k) == PN_BLOCK_TABLE_CELL)
/* Whether a kind has the level byte, and its greatest value. */
#define PN_BLOCK_HAS_LEVEL(k) (PN_BLOCK_IS_ITEM(k) || PN_BLOCK_IS_TABLE(k))
#define PN_BLOCK_MAX_LEVEL(k)                                                \
    (PN_BLOCK_IS_TABLE(k) ? PN_MAX_TABLE_COLUMNS : PN_MAX_LIST_LEVEL)
#define PN_MAX_TABLE_COLUMNS 255u
/* A kind byte: the kind, and a level or column that fits above it. */
#define PN_BLOCK_KIND_MASK 0x07u
#define PN_BLOCK_LEVEL_SHIFT 3u
#define PN_BLOCK_KIND_LEVEL(byte) ((unsigned)(byte) >> PN_BLOCK_LEVEL_SHIFT)
#define PN_BLOCK_INLINE_LEVEL_MAX (0xFFu >> PN_BLOCK_LEVEL_SHIFT)
PN_STATIC_ASSERT(PN_BLOCK_STORED_LAST <= PN_BLOCK_KIND_MASK &&
                     PN_MAX_LIST_LEVEL <= PN_BLOCK_INLINE_LEVEL_MAX,
                 kind_byte_holds_kinds_and_list_levels);
#define PN_BLOCK_HAS_NUMBER(k) ((k) == PN_BLOCK_NUMBERED_ITEM)
#define PN_MAX_ITEM_NUMBER 999999999u /* nine digits, as CommonMark */
PN_STATIC_ASSERT(PN_MAX_LIST_LEVEL <= 255, list_level_fits_a_byte);

/* ---- Fonts -------------------------------------------------------------- */

#define PN_FONT_HEAD_FIELDS(X)                                               \
    X(glyph_count, 2)       /* 1 .. PN_MAX_GLYPHS */                         \
    X(replacement, 2)       /* index of the glyph for a missing character */ \
    X(ascent, 1)            /* pixels above the baseline (its row too) */    \
    X(descent, 1)           /* pixels below it */                            \
    X(reserved, 2)          /* 0 */                                          \
    X(bits_size, 4)         /* bytes of bitmaps after the glyph records */
PN__LAYOUT(pn__font_head_layout, PN_FONT_HEAD_FIELDS);
#define PN_FONT_HEAD_SIZE ((uint32_t)sizeof(pn__font_head_layout))
#define PN_FONT_AT(field, bytes) PN_FIELD_AT(pn__font_head_layout, field, bytes)

#define PN_GLYPH_FIELDS(X)                                                   \
    X(code_point, 3)        /* Unicode */                                    \
    X(advance, 1)           /* pixels the pen moves */                       \
    X(width, 1)             /* the bitmap's size, pixels */                  \
    X(height, 1)                                                             \
    X(x_off, 1)             /* its lower left corner from the pen: */        \
    X(y_off, 1)             /*   signed bytes (two's complement), y up */    \
    X(bits, 3)              /* offset of its bitmap in the bitmaps */
PN__LAYOUT(pn__glyph_layout, PN_GLYPH_FIELDS);
#define PN_GLYPH_SIZE ((uint32_t)sizeof(pn__glyph_layout))
#define PN_GLYPH_AT(field, bytes) PN_FIELD_AT(pn__glyph_layout, field, bytes)
#define PN_MAX_GLYPHS 65535u
/* The largest glyph box, and the widest range of x_off and y_off. */
#define PN_MAX_GLYPH_SIDE 255
#define PN_MIN_GLYPH_OFFSET (-128)
#define PN_MAX_GLYPH_OFFSET 127

/* ---- The code tables ---------------------------------------------------- */

#define PN_CODE_HEAD_FIELDS(X)                                               \
    X(min_len, 1)           /* the shortest code, 1 .. max_len */           \
    X(max_len, 1)           /* the longest code, .. PN_CODE_MAX_LEN */      \
    X(start_bits, 1)        /* bits of the start table, .. max_len */       \
    X(ref_bits, 1)          /* bits of a ref (see above) */                 \
    X(bytes, 2)             /* symbols with a code that are bytes */        \
    X(pairs, 2)             /* pairs, at most                               \
                               PN_CODE_BYTE_REF(ref_bits) */
PN__LAYOUT(pn__code_head_layout, PN_CODE_HEAD_FIELDS);
#define PN_CODE_HEAD_SIZE ((uint32_t)sizeof(pn__code_head_layout))
#define PN_CODE_AT(field, bytes) PN_FIELD_AT(pn__code_head_layout, field, bytes)

/* One per code length, from min_len to max_len, after PN_CODE_LIMIT_SIZE
 * bytes of 0: so each length's record follows the limit of the length
 * before it (0 before min_len), where its codes start. */
#define PN_CODE_LENGTH_FIELDS(X)                                             \
    X(pair_base, 2)         /* the pair id of its first code for a pair */  \
    X(byte_base, 1)         /* the index in bytes[] of its first byte */    \
    X(byte_count, 1)        /* how many of its codes are bytes */           \
    X(limit, 4)             /* (first code of the length + its count of     \
                               codes) << (24 - length): above every code    \
                               of this length or shorter, left-justified */
PN__LAYOUT(pn__code_length_layout, PN_CODE_LENGTH_FIELDS);
#define PN_CODE_LENGTH_SIZE ((uint32_t)sizeof(pn__code_length_layout))
#define PN_CODE_LENGTH_AT(field, bytes) \
    PN_FIELD_AT(pn__code_length_layout, field, bytes)
#define PN_CODE_LIMIT_SIZE 4u
PN_STATIC_ASSERT(PN_CODE_LENGTH_AT(limit, 4) + 4 == PN_CODE_LENGTH_SIZE &&
                     PN_CODE_LIMIT_SIZE == 4,
                 code_length_ends_with_its_limit);
/* The bytes of the lengths' records for `count` lengths, and where the
 * record of length min_len + i is in the code tables. */
#define PN_CODE_LENGTHS_SIZE(count) \
    (PN_CODE_LIMIT_SIZE + PN_CODE_LENGTH_SIZE * (count))
#define PN_CODE_LENGTH_OFFSET(i) (PN_CODE_HEAD_SIZE + PN_CODE_LENGTHS_SIZE(i))
#define PN_CODE_WINDOW 24u      /* bits a code is looked up by */

/* Refs (see above): a pair has two. */
#define PN_CODE_MIN_REF_BITS 8u
#define PN_CODE_MAX_REF_BITS 12u
/* The ref of the byte 0x20, the first ref of a byte. */
#define PN_CODE_BYTE_REF(ref_bits) ((1u << (ref_bits)) - 0xE0u)
#define PN_CODE_MAX_PAIRS PN_CODE_BYTE_REF(PN_CODE_MAX_REF_BITS)
/* The ref of a byte a text may hold (not a control character but '\n'),
 * and the byte of a ref >= PN_CODE_BYTE_REF(). */
#define PN_CODE_BYTE_TO_REF(ref_bits, b) \
    (((1u << (ref_bits)) - 0x100u) | ((b) == '\n' ? 0x7Fu : (unsigned)(b)))
#define PN_CODE_REF_BYTE(r) \
    (((r) & 0xFFu) == 0x7Fu ? (unsigned)'\n' : (unsigned)(r) & 0xFFu)
/* The bytes of the left (or the right) refs of `pairs` pairs, and those
 * the pool has at least. */
#define PN_CODE_REFS_SIZE(ref_bits, pairs) (((ref_bits) * (pairs) + 7u) / 8u)
#define PN_CODE_TAIL 3u
/* A ref and the bits before it in its first byte fit 4 bytes. */
PN_STATIC_ASSERT(PN_CODE_MAX_REF_BITS + 7 <= 32, code_ref_fits_a_word);

#define PN_CODE_MAX_LEN 20u     /* bits in the longest code */
PN_STATIC_ASSERT(PN_CODE_MAX_LEN <= PN_CODE_WINDOW, code_fits_the_window);
#define PN_CODE_MAX_DEPTH 12u   /* pairs from a symbol down to a byte */
#define PN_CODE_MAX_PHRASE 64u  /* bytes one symbol may stand for */

/* ---- Limits ------------------------------------------------------------- */

/* What every table field can hold; pnc refuses input beyond them. */
/* Bytes in one text. A page that starts inside a text decodes the text
 * from its start (a coded text has no other way in), so this bounds what
 * one page costs (docs/LAYOUT.md, "Cost of a call"). */
#define PN_MAX_TEXT 16384u
/* Bytes of text in one section's blocks (twice the longest section of the
 * real notices pnc was tried on). Opening a section, jumping to it and
 * going back into it lay it out once to count its pages, so this bounds
 * what those calls cost. */
#define PN_MAX_SECTION_TEXT 32768u
#define PN_MAX_NAME 32u         /* bytes in an id or language tag */
#define PN_MAX_SECTIONS 65535u  /* sections in one notice */
#define PN_MAX_BLOCKS 65535u    /* blocks in one section (block_count) */
#define PN_MAX_NOTICES 65535u   /* notices in one catalog */
#define PN_MAX_FALLBACKS 8u     /* tags in a language's fallbacks */
PN_STATIC_ASSERT(PN_MAX_LEVEL <= PN_HEAD_LEVEL_MASK, level_fits_the_shape);

#endif
