/* pn.h: libpn, the runtime that shows privacy notices compiled by pnc.
 *
 * The main function is pn_find(): it opens the notice of one service in the
 * best language the caller prefers. Everything else reads that notice: its
 * title and date, the controller's contact details, and its sections, each
 * a heading and a list of text blocks (paragraphs and list items).
 *
 * libpn allocates nothing, keeps no global state and does no I/O. The
 * catalog stays in flash; the caller owns every buffer and passes its size.
 * Every call returns a pn_status: negative is a failure, 0 or more is a
 * result the caller can use. A text that does not fit its buffer is cut at
 * a character boundary, always NUL-terminated, and reported as the positive
 * PN_TRUNCATED, so `if (st >= 0) show(text)` shows whatever was read. Where
 * a call takes `size_t *len`, it may be NULL; otherwise it gets the number
 * of bytes written to the buffer, without the NUL: the cut length on
 * PN_TRUNCATED, 0 on any failure (the buffer, if usable, is then "").
 *
 * Names: the calls on a whole catalog are plain verbs (pn_open, pn_verify,
 * pn_find, pn_langs); every other call is named pn_<what it reads or
 * moves>_<how>: pn_notice_title, pn_section_at, pn_block_read,
 * pn_cursor_next.
 *
 * Example: print every block of the retention section.
 *
 *     #include "pn.h"
 *     #include "catalog.h"       // made by: pnc -o catalog.c --prefix catalog
 *
 *     pn_catalog cat;
 *     pn_notice notice;
 *     pn_section sec;
 *     char text[CATALOG_MAX_TEXT + 1];
 *     unsigned i;
 *
 *     if (pn_open(&cat, catalog, CATALOG_SIZE) != PN_OK) return;
 *     if (pn_find(&cat, "intech", "nn,nb,en", &notice) != PN_OK) return;
 *     if (pn_section_by_topic(&notice, PN_TOPIC_RETENTION, 0, &sec) != PN_OK)
 *         return;
 *     for (i = 0; i < sec.block_count; i++) {
 *         if (pn_block_read(&sec, i, NULL, text, sizeof text, NULL) >= 0)
 *             show(text);
 *     }
 */
#ifndef PN_H
#define PN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PN_VERSION "0.2.0"

/* The catalog format this libpn reads. A header made by pnc checks it and
 * stops the build with an #error when it was made for another format. */
#define PN_CATALOG_FORMAT 9

/* ---- Options -------------------------------------------------------------
 *
 * Define these when compiling libpn (and code that includes pn.h) to leave
 * out what a firmware does not use; the calls they remove are then not
 * declared either, so a use fails to compile.
 *
 *   PN_NO_LAYOUT         no screens: pn_cursor_*, the first layer and the
 *                        layout (implies PN_NO_SUMMARY)
 *   PN_NO_SUMMARY        no first layer: pn_cursor_open_summary()
 *   PN_NO_TRANSLIT       no transliteration: pn_transliterate(); screens
 *                        take no PN_ASCII or PN_LATIN1 flag
 *   PN_NO_DRAW           no pixel drawing: pn_canvas_init(),
 *                        pn_font_metrics_get(), pn_line_metrics_get(),
 *                        pn_draw_text(),
 *                        pn_cursor_draw(), pn_cursor_draw_show();
 *                        no PN_PIXELS screens
 *   PN_NO_QR             no QR code: pn_qr_size(), pn_qr_module(),
 *                        pn_qr_text(); the first layer has no QR page
 *                        (pn_cursor.qr is always PN_QR_PAGE_NONE)
 *   PN_NO_ERROR_STRINGS  pn_strerror() returns ""
 */
#if defined(PN_NO_LAYOUT) && !defined(PN_NO_SUMMARY)
#define PN_NO_SUMMARY
#endif

/* ---- Results ------------------------------------------------------------ */

typedef enum pn_status {
    PN_OK = 0,               /* done */
    PN_TRUNCATED = 1,        /* done, but the text was cut to fit the buffer */
    PN_ERR_ARG = -1,         /* a required pointer is NULL or a size is 0 */
    PN_ERR_NOT_FOUND = -2,   /* no such policy, language, section or topic */
    PN_ERR_RANGE = -3,       /* an index past the end */
    PN_ERR_FORMAT = -4,      /* the bytes are not a catalog, or are damaged */
    PN_ERR_VERSION = -5,     /* a catalog from an incompatible pnc */
    PN_ERR_CRC = -6,         /* the catalog's checksum does not match */
    PN_ERR_NOT_CATALOG = -7, /* the bytes do not start with a catalog's magic
                                (another file, or erased flash) */
    PN_ERR_SIZE = -8         /* the byte count is not the size the catalog's
                                header gives: truncated, or extra bytes */
} pn_status;

/* A short English description of a status, for logs. Never NULL. Define
 * PN_NO_ERROR_STRINGS to compile the strings out (it then returns ""). */
const char *pn_strerror(pn_status status);

/* ---- Vocabulary --------------------------------------------------------- */

/* GDPR topics a section may be tagged with (docs/FORMAT.md). */
typedef enum pn_topic {
    PN_TOPIC_CONTROLLER,
    PN_TOPIC_DPO,
    PN_TOPIC_PURPOSES,
    PN_TOPIC_LEGAL_BASIS,
    PN_TOPIC_LEGITIMATE_INTERESTS,
    PN_TOPIC_CATEGORIES,
    PN_TOPIC_SOURCE,
    PN_TOPIC_RECIPIENTS,
    PN_TOPIC_TRANSFERS,
    PN_TOPIC_RETENTION,
    PN_TOPIC_RIGHTS,
    PN_TOPIC_CONSENT_WITHDRAWAL,
    PN_TOPIC_COMPLAINT,
    PN_TOPIC_REQUIREMENT,
    PN_TOPIC_AUTOMATED_DECISIONS,
    PN_TOPIC_SECURITY,
    PN_TOPIC_COOKIES,
    PN_TOPIC_MARKETING,
    PN_TOPIC_CHILDREN,
    PN_TOPIC_CHANGES,
    PN_TOPIC_CONTACT,
    PN_TOPIC_SUMMARY,        /* the first layer, written by the author */
    PN_TOPIC_COUNT           /* number of topics, not a topic */
} pn_topic;

/* The topic's source-format name ("legal_basis"), or NULL if out of range. */
const char *pn_topic_name(pn_topic topic);

/* The bit for a topic in pn_section.topics and pn_notice.waived. */
#define PN_TOPIC_BIT(topic) ((uint32_t)1u << (unsigned)(topic))

/* What a block of text is. A section's blocks are paragraphs, list items
 * and table cells; the layout (pn_cursor) also shows headings. A list item
 * has a level (1 for the outermost list, up to PN_MAX_LIST_LEVEL) and a
 * numbered one its number: pn_block_item(). A table is its column
 * headings (PN_BLOCK_TABLE_HEAD), then its rows' cells
 * (PN_BLOCK_TABLE_CELL), each with its column (1 ..) where a list item has
 * its level; a row starts at a cell whose column is not greater than the
 * one before (empty cells are not stored). The layout shows a row as
 * "heading: cell" lines. A block's text may hold '\n', a hard
 * line break (an address written on separate lines); it holds no other
 * control character. */
typedef enum pn_block_kind {
    PN_BLOCK_PARAGRAPH = 1,  /* a paragraph */
    PN_BLOCK_LIST_ITEM = 2,  /* one item of a bullet list */
    PN_BLOCK_HEADING = 3,    /* a heading (pn_cursor pages only) */
    PN_BLOCK_NUMBERED_ITEM = 4, /* one item of a numbered list */
    PN_BLOCK_TABLE_HEAD = 5, /* a table's column heading */
    PN_BLOCK_TABLE_CELL = 6  /* a cell of a table's row */
} pn_block_kind;

/* The deepest list a notice may nest (level 1 is not nested). */
#define PN_MAX_LIST_LEVEL 4u

/* ---- Handles (plain values: copy them freely, no cleanup) ---------------- */

/* Trust. A handle (pn_catalog, pn_notice, pn_section, pn_cursor) is the
 * caller's memory, so libpn trusts one thing in it: the catalog address
 * (`data`, and `internal.data`) points at the bytes given to pn_open(),
 * still there, at least their header. Everything else is checked against
 * the catalog before it bounds a loop or indexes anything: the size
 * against the size in the catalog's own header (before a byte past the
 * header is read), record indexes and counts against the catalog's
 * tables and records (a notice's section_count must be its record's), a
 * cursor's section, page, pages and position against the notice and the
 * layout (its kept places, decoder marks included, against their
 * blocks and a check byte), a cursor's screen and flags against their
 * limits. A handle that disagrees gives PN_ERR_ARG or PN_ERR_FORMAT
 * (a kept place changed so that it still fits, which the check byte
 * misses once in 256, shows other text), never a read outside the
 * catalog or a loop longer than the catalog's own counts allow. libpn
 * never reads the strings a handle points at (policy, lang, id, ...): it
 * reads them again from the catalog. */

/* libpn's own part of a handle: where its record is. A handle carries the
 * catalog's address and size by value, so it stays valid when the
 * pn_catalog it came from goes out of scope (the bytes must stay). Do not
 * read or change it. */
typedef struct pn__ref {
    const unsigned char *data; /* the catalog bytes */
    uint32_t size;             /* their count */
    uint32_t record;           /* the record's index in its table */
} pn__ref;

/* An opened catalog: a checked view of the bytes pnc generated. */
typedef struct pn_catalog {
    const unsigned char *data; /* the catalog bytes, usually in flash */
    uint32_t size;             /* their count */
    uint32_t notice_count;     /* notices (policy + language pairs) */
    uint32_t catalog_version;  /* pnc --catalog-version N (default 0): compare
                                  it with your minimum to refuse a downgrade */
} pn_catalog;

/* One policy in one language. */
typedef struct pn_notice {
    const char *policy;        /* policy id, e.g. "intech" */
    const char *lang;          /* language tag, e.g. "nb" */
    const char *updated;       /* last change, "YYYY-MM-DD", or "" */
    uint32_t index;            /* its position, 0 .. notice_count-1 */
    uint32_t section_count;    /* sections, including any preamble */
    uint32_t waived;           /* PN_TOPIC_BIT()s the notice waives */
    pn__ref internal;          /* libpn's own */
} pn_notice;

/* One section: a heading and its blocks. */
typedef struct pn_section {
    const char *id;            /* stable id, e.g. "retention"; "" preamble */
    const char *number;        /* heading number as written ("2.1"), or "" */
    uint32_t index;            /* its position in the notice */
    unsigned level;            /* 1-3 for a heading, 0 for the preamble */
    uint32_t topics;           /* PN_TOPIC_BIT()s it is tagged with */
    uint32_t block_count;      /* its paragraphs and list items */
    pn__ref internal;          /* libpn's own */
} pn_section;

/* The controller's contact details; each member points into the buffer
 * given to pn_notice_contact() and is "" when the notice does not state it. */
typedef struct pn_contact {
    const char *name;          /* controller's name */
    const char *orgno;         /* organisation number */
    const char *address;       /* street address or P.O. box */
    const char *postcode;      /* postcode */
    const char *city;          /* city or postal town */
    const char *email;         /* e-mail address */
    const char *phone;         /* phone number */
    const char *web;           /* web address of the full notice */
    const char *authority;     /* supervisory authority for complaints */
} pn_contact;

/* Whose contact details pn_contact_read() reads. */
typedef enum pn_role {
    PN_ROLE_CONTROLLER,      /* the controller (pn_notice_contact()) */
    PN_ROLE_DPO,             /* its data protection officer */
    PN_ROLE_REPRESENTATIVE,  /* its representative in the EU (Art. 27) */
    PN_ROLE_JOINT,           /* a joint controller (Art. 26); may be several */
    PN_ROLE_COUNT            /* number of roles, not a role */
} pn_role;

/* The details a party may give more than one of (pn_contact_detail()). */
typedef enum pn_detail {
    PN_DETAIL_EMAIL,         /* e-mail addresses */
    PN_DETAIL_PHONE          /* phone numbers */
} pn_detail;

/* ---- Catalog ------------------------------------------------------------ */

/* Checks that `data` holds a catalog and fills `cat`. Cheap: it checks the
 * header and table bounds, not the checksum (see pn_verify()).
 * Returns PN_OK; PN_ERR_ARG (NULL, or size 0); PN_ERR_NOT_CATALOG (the
 * bytes do not start with the catalog magic "PNC1"); PN_ERR_VERSION (a
 * catalog of another format); PN_ERR_SIZE (`size` is not the size the
 * header gives: a truncated file, or one with bytes after the catalog);
 * PN_ERR_CRC (tables that do not hold together, in bytes that fail the
 * CRC: damaged); PN_ERR_FORMAT (tables that do not hold together in bytes
 * the CRC accepts, or unknown flags). A catalog that opens may still be
 * damaged: pn_verify() checks every byte. */
pn_status pn_open(pn_catalog *cat, const void *data, size_t size);

/* The size of the catalog that starts at `data`, read from its header, for
 * a catalog stored in a region larger than itself (a flash partition):
 * call it with the region's size, then pn_open() with `*size`. Returns
 * PN_OK, PN_ERR_ARG, PN_ERR_NOT_CATALOG, PN_ERR_VERSION or PN_ERR_SIZE
 * (the header gives a size smaller than a header or larger than
 * `available`). `*size` is the size the header gives when it is larger
 * than `available` (a truncated catalog: say how much is missing), and
 * 0 on any other failure. */
pn_status pn_catalog_size(const void *data, size_t available, uint32_t *size);

/* Recomputes the catalog's CRC-32, to detect corrupted flash at boot. It
 * covers every byte of the catalog but the checksum's own, so any change of
 * one byte, anywhere, is found. Returns PN_OK, PN_ERR_ARG, PN_ERR_FORMAT
 * (the header no longer checks, or disagrees with `cat`) or PN_ERR_CRC. */
pn_status pn_verify(const pn_catalog *cat);

/* The notice at `index` (0 .. cat->notice_count-1). Notices are sorted by
 * policy id, then language. Returns PN_OK, PN_ERR_ARG, PN_ERR_RANGE or
 * PN_ERR_FORMAT. */
pn_status pn_notice_at(const pn_catalog *cat, uint32_t index, pn_notice *out);

/* Finds policy `policy` in the language the reader prefers. `langs` is a
 * comma-separated preference list such as "sv,en"; entries are tried in
 * order, and a region is ignored ("nb-NO" is "nb"). If none exists, the
 * entries are tried again through a fallback table: "nn" is served by
 * "nb", "nb" by "nn", "no" by "nb" then "nn". "*" accepts any language;
 * NULL or "" means "*". out->lang tells which language was found.
 * Returns PN_OK, PN_ERR_ARG, PN_ERR_NOT_FOUND or PN_ERR_FORMAT. */
pn_status pn_find(const pn_catalog *cat, const char *policy,
                  const char *langs, pn_notice *out);

/* Writes the languages of `policy` into `buf` as a comma-separated list in
 * byte order ("en,nb"), and its length (without the NUL) into `*len` if
 * `len` is not NULL. Returns PN_OK, PN_TRUNCATED, PN_ERR_ARG,
 * PN_ERR_NOT_FOUND or PN_ERR_FORMAT. */
pn_status pn_langs(const pn_catalog *cat, const char *policy,
                   char *buf, size_t size, size_t *len);

/* ---- Notice ------------------------------------------------------------- */

/* Copies the notice's title into `buf` (NUL-terminated; `*len` gets its
 * length if `len` is not NULL). Returns PN_OK, PN_TRUNCATED, PN_ERR_ARG
 * or PN_ERR_FORMAT. */
pn_status pn_notice_title(const pn_notice *notice, char *buf, size_t size,
                          size_t *len);

/* Copies all contact details into `buf`, one after another, and points the
 * members of `*out` at them. CATALOG_MAX_CONTACT bytes (PREFIX_MAX_CONTACT
 * of the header pnc made) hold the details of any notice of the catalog.
 * On PN_TRUNCATED the details that did not fit are cut or "".
 * Returns PN_OK, PN_TRUNCATED, PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn_notice_contact(const pn_notice *notice, char *buf, size_t size,
                            pn_contact *out);

/* Reads party `index` (from 0) of `role` as pn_notice_contact() reads the
 * controller: into `buf`, with the members of `*out` pointing there.
 * A party's first e-mail address and phone number are out->email and
 * out->phone (pn_contact_detail() reads the others); out->authority is
 * the notice's for PN_ROLE_CONTROLLER and "" for the other roles, and a
 * data protection officer has no orgno. PN_ROLE_CONTROLLER index 0 is
 * what pn_notice_contact() gives; only joint controllers go past index 0.
 * CATALOG_MAX_CONTACT bytes hold any party. Returns PN_OK, PN_TRUNCATED,
 * PN_ERR_ARG (also for an unknown role), PN_ERR_NOT_FOUND (no such party:
 * the notice names no DPO, or `index` is past the last joint controller)
 * or PN_ERR_FORMAT.
 *
 *     for (i = 0; pn_contact_read(&notice, PN_ROLE_JOINT, i, buf,
 *                                 sizeof buf, &joint) >= 0; i++)
 *         show(joint.name);
 */
pn_status pn_contact_read(const pn_notice *notice, pn_role role,
                          unsigned index, char *buf, size_t size,
                          pn_contact *out);

/* Copies e-mail address or phone number `n` (from 0; 0 is the one
 * pn_contact_read() gives) of party `index` of `role` into `buf`: a
 * controller may list privacy@ beside support@. Returns PN_OK,
 * PN_TRUNCATED, PN_ERR_ARG, PN_ERR_NOT_FOUND (past its last one, or no
 * such party) or PN_ERR_FORMAT. */
pn_status pn_contact_detail(const pn_notice *notice, pn_role role,
                            unsigned index, pn_detail detail, unsigned n,
                            char *buf, size_t size, size_t *len);

/* ---- Words in the notice's language ------------------------------------- */

/* The topic's name for a reader, in the notice's language ("Formål" for
 * PN_TOPIC_PURPOSES in a "nb" notice), from the labels pnc put into the
 * catalog (its languages file; docs/FORMAT.md). Returns PN_OK,
 * PN_TRUNCATED, PN_ERR_ARG, PN_ERR_NOT_FOUND (no label in the catalog for
 * the notice's language: show pn_topic_name()) or PN_ERR_FORMAT. */
pn_status pn_topic_label(const pn_notice *notice, pn_topic topic,
                         char *buf, size_t size, size_t *len);

/* Words a device's own screens need beside the notice (a menu's title, a
 * page count), read in the notice's language by pn_word_read(). */
typedef enum pn_word {
    PN_WORD_SECTIONS,        /* "sections": names a menu of the sections */
    PN_WORD_TOPICS,          /* "topics": names a menu of the topics */
    PN_WORD_PAGE,            /* "page", before "2/5" */
    PN_WORD_FIRST_LAYER,     /* "first layer": names the short notice */
    PN_WORD_DPO,             /* "Data protection officer:" */
    PN_WORD_REPRESENTATIVE,  /* "EU representative:" */
    PN_WORD_JOINT,           /* "Joint controller:" */
    PN_WORD_COUNT            /* number of words, not a word */
} pn_word;

/* Copies `word` in the notice's language into `buf`. Returns as
 * pn_topic_label(). */
pn_status pn_word_read(const pn_notice *notice, pn_word word,
                       char *buf, size_t size, size_t *len);

/* ---- QR code ------------------------------------------------------------
 *
 * pnc stores a QR code of each notice's web address (ISO/IEC 18004,
 * version 1-10, the error correction pnc --qr-ecc chose), so a reader can
 * take the full notice along. A phone reads it only with 4 light modules
 * all around (the quiet zone): pn_qr_text() draws them, a caller reading
 * modules draws them itself. On a character screen the first layer ends
 * with a page showing the code (pn_cursor_open_summary()). */

#define PN_QR_QUIET_ZONE 4u /* light modules around the code, each side */

#ifndef PN_NO_QR

/* The modules a side of the notice's QR code, 21 .. 57, into `*size` (0
 * on failure). Returns PN_OK, PN_ERR_NOT_FOUND (the notice has no web
 * address), PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn_qr_size(const pn_notice *notice, unsigned *size);

/* Whether the module at column `x`, row `y` (from the top left, 0 ..
 * size-1) of the notice's QR code is dark: 1 into `*dark`, else 0.
 * Returns PN_OK, PN_ERR_RANGE (past the code), PN_ERR_NOT_FOUND,
 * PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn_qr_module(const pn_notice *notice, unsigned x, unsigned y,
                       int *dark);

/* Draws the notice's QR code with its quiet zone into `buf` as lines of
 * text, each ended by '\n', for a display whose characters are dark on
 * light (on a terminal, light on dark, show it in reverse video). With
 * `flags` 0, two rows of modules a line and one a character: U+2580 (top
 * dark), U+2584 (bottom dark), U+2588 (both) or a space; with PN_ASCII or
 * PN_LATIN1, which have no half blocks, one row a line and "##" or two
 * spaces a module. For a code of `size` modules, (size + 9) / 2 *
 * (3 * (size + 8) + 1) + 1 bytes hold it, (size + 8) * (2 * (size + 8) +
 * 1) + 1 with PN_ASCII; PN_QR_TEXT_MAX any. Returns PN_OK, PN_TRUNCATED
 * (cut at a character), PN_ERR_NOT_FOUND, PN_ERR_ARG (also for an unknown
 * flag) or PN_ERR_FORMAT. */
pn_status pn_qr_text(const pn_notice *notice, unsigned flags, char *buf,
                     size_t size, size_t *len);
#endif
#define PN_QR_TEXT_MAX 8516u

/* ---- Sections ----------------------------------------------------------- */

/* The section at `index`, in document order. Returns PN_OK, PN_ERR_ARG,
 * PN_ERR_RANGE or PN_ERR_FORMAT. */
pn_status pn_section_at(const pn_notice *notice, uint32_t index,
                        pn_section *out);

/* The section with id `id`. Returns PN_OK, PN_ERR_ARG, PN_ERR_NOT_FOUND or
 * PN_ERR_FORMAT. */
pn_status pn_section_find(const pn_notice *notice, const char *id,
                          pn_section *out);

/* The first section at index `from` or later tagged with `topic`; pass
 * out->index + 1 as `from` to find the next one. Returns PN_OK, PN_ERR_ARG,
 * PN_ERR_NOT_FOUND or PN_ERR_FORMAT. */
pn_status pn_section_by_topic(const pn_notice *notice, pn_topic topic,
                              uint32_t from, pn_section *out);

/* Copies the section's heading title (without its number) into `buf`;
 * "" for the preamble. Returns PN_OK, PN_TRUNCATED, PN_ERR_ARG or
 * PN_ERR_FORMAT. */
pn_status pn_section_title(const pn_section *sec, char *buf, size_t size,
                           size_t *len);

/* Copies block `index` of the section into `buf` and its kind into `*kind`
 * (if `kind` is not NULL). Returns PN_OK, PN_TRUNCATED, PN_ERR_ARG,
 * PN_ERR_RANGE or PN_ERR_FORMAT. */
pn_status pn_block_read(const pn_section *sec, uint32_t index,
                        pn_block_kind *kind, char *buf, size_t size,
                        size_t *len);

/* Where block `index` of the section stands in a list: its level into
 * `*level` (1 .. PN_MAX_LIST_LEVEL; a table cell's or heading's column,
 * 1 ..; 0 for a paragraph) and, for a
 * PN_BLOCK_NUMBERED_ITEM, its number as written ("3." is 3) into
 * `*number` (0 for other blocks). Either pointer may be NULL. Returns
 * PN_OK, PN_ERR_ARG, PN_ERR_RANGE or PN_ERR_FORMAT. */
pn_status pn_block_item(const pn_section *sec, uint32_t index,
                        unsigned *level, uint32_t *number);

/* ---- Screens ------------------------------------------------------------ */

/* Flags for pn_screen.flags and pn_transliterate(): what the display's font
 * can show. Without them text stays UTF-8 as written. */
#define PN_ASCII 1u   /* only ASCII: å->aa, æ->ae, ø->o, « » “ ” „ -> ",
                         ’ -> ', – — ‑ -> -, no-break space -> space,
                         • -> *, § -> S, anything else -> ? */
#define PN_LATIN1 2u  /* only ISO 8859-1 characters (kept as UTF-8): the
                         rest is replaced as for PN_ASCII */

/* Pixel screens. With PN_PIXELS in pn_screen.flags, `cols` and `rows` are
 * the screen's width and height in pixels (1 .. PN_MAX_PIXELS), and the
 * text is laid out with the catalog's fonts (pnc --font, and
 * --font-heading for headings when the catalog has one): a character is
 * its glyph's advance wide (at least 1 pixel; the replacement glyph's for
 * a character the font lacks), a space and the list markers likewise.
 * Lines are PN_LINE_GAP pixels more than the font's height apart (the
 * largest ascent plus the largest descent of the text and heading
 * fonts), and a page holds as many lines as fit in `rows`. Every rule of
 * the character layout holds (docs/LAYOUT.md, "Pixel screens"). The same
 * calls move the cursor; pn_cursor_draw() draws its page, and
 * pn_cursor_draw_show() draws it and keeps where the next one starts, as
 * pn_cursor_show() does. Opening a pixel screen gives PN_ERR_NOT_FOUND on
 * a catalog without a font, and PN_ERR_ARG when the screen is lower than
 * one line. With PN_NO_DRAW
 * there are no pixel screens: PN_PIXELS is then an unknown flag
 * (PN_ERR_ARG). PN_ASCII or PN_LATIN1 may be added to PN_PIXELS: the
 * text is then transliterated before it is measured and drawn. */
#define PN_PIXELS 4u
#define PN_MAX_PIXELS 4096u
#define PN_LINE_GAP 1u

#ifndef PN_NO_LAYOUT

/* A display: `cols` characters a line and `rows` lines a page, or, with
 * PN_PIXELS, `cols` x `rows` pixels (see "Pixel screens" below). */
typedef struct pn_screen {
    uint16_t cols;             /* 1 .. PN_MAX_COLS (PN_MAX_PIXELS) */
    uint16_t rows;             /* 1 .. 65535 (PN_MAX_PIXELS) */
    unsigned flags;            /* PN_ASCII, PN_LATIN1, PN_PIXELS or 0 */
} pn_screen;

#define PN_MAX_COLS 1000u

/* libpn's own part of a cursor: where the current page starts, and where
 * an earlier page of the section starts (its anchor), so that going back
 * lays the section out from the anchor rather than from its start. A
 * place keeps where the text's decoder can start again near it, so that
 * a page deep in a long text does not decode the text from its start. */
typedef struct pn__place {
    uint32_t block;            /* block of the section */
    uint32_t offset;           /* byte offset in that block */
    uint32_t state;            /* the layout's state there, and a check */
    uint32_t mark_off;         /* a byte offset at or before `offset` */
    uint32_t mark_at;          /* where the decoder starts for it */
} pn__place;

typedef struct pn__page_top {
    pn__place top;             /* the current page's start */
    uint32_t anchor_page;      /* the anchor's page, at most `page` */
    pn__place anchor;          /* where that page starts */
    uint32_t authored;         /* the first layer: 1 + the index of the
                                  section tagged summary, 0 if built */
    pn__place next;            /* where the next page starts, when
                                  pn_cursor_show() or pn_cursor_draw_show()
                                  found it (state 0: not known) */
} pn__page_top;

/* Where a reader is in a notice laid out on a screen. The caller keeps it
 * (it is a plain value, about 150 bytes) and moves it with the calls below;
 * every field is read-only for the caller: a cursor that disagrees with
 * the catalog (see Trust above) gives PN_ERR_ARG. Text is wrapped at
 * spaces (and after a '-' when a word does not fit); a character is one
 * column (on a PN_PIXELS screen, its glyph's advance in pixels); a word
 * longer than a line is broken; no-break space and no-break hyphen keep
 * words together, and so does a space between two digits ("983 040 225")
 * unless the number is longer than a line. A label that wraps (ending in
 * ':') goes to the next page whole with what it introduces. A heading is
 * followed by a blank line, paragraphs are separated by one, list items
 * get "- " and a hanging indent (on screens of 8 or more columns). Every
 * section starts on a new page. */
typedef struct pn_cursor {
    pn_notice notice;          /* the notice shown */
    pn_screen screen;          /* the screen it is laid out for */
    int summary;               /* 1: the first layer */
    int qr;                    /* the first layer's QR page: PN_QR_PAGE_* */
    uint32_t section;          /* section shown (0 in the first layer) */
    uint32_t page;             /* page within that section, from 0 */
    uint32_t pages;            /* pages that section takes, or 0: not
                                  counted (a cursor counts them going
                                  back into the section, or reaching the
                                  first layer's QR page; opening, goto
                                  and next into a section do not, and
                                  pn_cursor_pages() always gives them) */
    pn__page_top internal;     /* libpn's own */
} pn_cursor;

/* What became of the first layer's QR page (pn_cursor.qr). */
#define PN_QR_PAGE_NONE 0     /* the full notice, or a notice without web: */
#define PN_QR_PAGE_SHOWN 1    /* the first layer's last page */
#define PN_QR_PAGE_SKIPPED 2  /* left out: the screen is too small */

/* Opens `notice` on `screen` at the first page of its first section.
 * Lays nothing out (`pages` is 0: not counted yet).
 * Returns PN_OK, PN_ERR_ARG (also for a screen of 0 columns or rows, more
 * than PN_MAX_COLS columns or PN_MAX_PIXELS pixels, a pixel screen lower
 * than a line, or an unknown flag), PN_ERR_NOT_FOUND (a pixel screen on a
 * catalog without a font) or PN_ERR_FORMAT. */
pn_status pn_cursor_open(pn_cursor *cur, const pn_notice *notice,
                         const pn_screen *screen);

/* Opens the first layer of `notice`: its section tagged `summary` if the
 * author wrote one, else the short notice built from its facts (controller
 * and org number, contact details and the DPO's, purposes, rights, the
 * complaint authority, and where the full text is), in the notice's
 * language (labels exist for nb, nn and en; others get English labels).
 * Paging works as for a section. A notice with a web address gets one
 * more page after the first layer's text: its QR code (pn_qr_text(), from
 * the top left) and below it one line saying what it is (label `qr`).
 * `qr` is then PN_QR_PAGE_SHOWN; it is PN_QR_PAGE_SKIPPED, and the page
 * left out, on a screen too small for the code with its quiet zone and
 * that line: fewer than size + 8 columns or (size + 9) / 2 + 1 rows
 * (2 * (size + 8) and size + 9 with PN_ASCII or PN_LATIN1), for a code of
 * `size` modules (pn_qr_size()). On a PN_PIXELS screen the code is
 * drawn at the largest scale s (pixels a module) with (size + 8) * s
 * <= cols and (size + 8) * s + the line height <= rows, and the page is
 * skipped where s would be 0. Looks once through the notice's section
 * records for one tagged summary (their topics, no text) and lays nothing
 * out. Same results as pn_cursor_open(). */
#ifndef PN_NO_SUMMARY
pn_status pn_cursor_open_summary(pn_cursor *cur, const pn_notice *notice,
                                 const pn_screen *screen);
#endif

/* Moves to the next page, going on to the next section after a section's
 * last page. Lays out the current page and one line after it (to know
 * whether the section goes on), unless pn_cursor_show() wrote that page
 * (or pn_cursor_draw_show() drew it) and kept where the next starts.
 * Returns PN_OK, PN_ERR_RANGE on the last page (the cursor does not
 * move), PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn_cursor_next(pn_cursor *cur);

/* Moves to the previous page, going back to the last page of the section
 * before. Lays out the pages from the cursor's anchor, about sqrt(page)
 * pages back; going back past the anchor, or into the section before,
 * costs one pass over that section (docs/LAYOUT.md, "Cost of a call").
 * Returns PN_OK, PN_ERR_RANGE on the first page, PN_ERR_ARG or
 * PN_ERR_FORMAT. */
pn_status pn_cursor_prev(pn_cursor *cur);

/* Moves to the first page of section `index` (full notice only). Lays
 * nothing out (`pages` is 0: not counted yet). Returns PN_OK,
 * PN_ERR_RANGE, PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn_cursor_goto(pn_cursor *cur, uint32_t index);

/* The pages of the cursor's section into `*pages` (0 on failure):
 * `cur->pages` when the cursor knows it, else a pass over the section
 * (at most 32,768 bytes of text). Returns PN_OK, PN_ERR_ARG
 * or PN_ERR_FORMAT. */
pn_status pn_cursor_pages(const pn_cursor *cur, uint32_t *pages);

/* Writes the current page into `buf`: exactly screen.rows lines, each
 * ended by '\n' and at most screen.cols characters (rows past the end of
 * the section are empty). rows * (4 * cols + 1) + 1 bytes always suffice;
 * rows * (cols + 1) + 1 with PN_ASCII. On a PN_PIXELS screen it writes
 * the text of the page's lines, one '\n'-ended line for each line the
 * page holds (a list item's marker, then its text, without the indent;
 * on the QR page, the line under the code), for logs and tests; a line
 * holds at most `cols` characters (each is 1 pixel wide or more), so
 * lines * (4 * cols + 1) + 1 bytes suffice for a page of `lines` lines
 * (rows / the line height). Lays the page out once, from its start (a
 * text it starts inside is decoded from a mark the cursor keeps near
 * there, not from the text's start). Returns PN_OK, PN_TRUNCATED,
 * PN_ERR_ARG, PN_ERR_NOT_FOUND (a pixel screen on a catalog without a
 * font) or PN_ERR_FORMAT. */
pn_status pn_cursor_page(const pn_cursor *cur, char *buf, size_t size,
                         size_t *len);

/* Writes the current page as pn_cursor_page() does, and keeps in the
 * cursor where the next page starts (and whether there is one), so that a
 * pn_cursor_next() right after it lays nothing out: paging forward with
 * pn_cursor_show() and pn_cursor_next() lays each page out once. Any move
 * of the cursor forgets it. Same results as pn_cursor_page(); the cursor
 * keeps nothing where the result is not PN_OK or PN_TRUNCATED. The next
 * page is not laid out: damaged text on it shows when that page is
 * written (PN_ERR_FORMAT), not in the pn_cursor_next() that reaches it. */
pn_status pn_cursor_show(pn_cursor *cur, char *buf, size_t size,
                         size_t *len);

/* The current page's number in the whole notice (from 1) and the notice's
 * page count, for "page k of n". Costs a pass over the notice's text:
 * call it when the section changes, not on every page (within a section
 * the number goes up and down with `page`).
 * Returns PN_OK, PN_ERR_ARG or PN_ERR_FORMAT. */
pn_status pn_cursor_position(const pn_cursor *cur, uint32_t *page,
                             uint32_t *pages);

#endif /* PN_NO_LAYOUT */

#ifndef PN_NO_DRAW
/* ---- Drawing text (pixel displays) --------------------------------------
 *
 * A catalog made with pnc --font FILE.bdf (and --font-heading FILE.bdf)
 * carries the glyphs its texts use. pn_draw_text() draws one line of text
 * with them into a 1-bit framebuffer the caller owns:
 *
 *     static unsigned char fb[128 * 64 / 8];
 *     pn_canvas canvas;
 *
 *     pn_canvas_init(&canvas, fb, sizeof fb, 128, 64, PN_CANVAS_PAGES);
 *     pn_draw_text(&cat, PN_FONT_TEXT, &canvas, 0, 10, "Personvern", 10,
 *                  NULL);
 *     ssd1306_send(fb);
 */

/* Which font of the catalog. */
typedef enum pn_font_id {
    PN_FONT_TEXT = 0,        /* pnc --font */
    PN_FONT_HEADING = 1      /* pnc --font-heading */
} pn_font_id;

/* How a canvas's bytes hold its pixels (pn_canvas.flags). */
#define PN_CANVAS_ROWS 0u    /* row by row, `stride` bytes a row, the
                                leftmost pixel in the most significant bit
                                (most LCD controllers, PBM) */
#define PN_CANVAS_PAGES 1u   /* SSD1306/SH1106 pages: 8 rows a page,
                                `stride` bytes a page, one a column, the
                                top row in the least significant bit */

/* A 1-bit framebuffer, or a region of one: drawing sets the bits of ink
 * inside the clip rectangle (intersected with the canvas) and changes no
 * other bit or byte, whatever the coordinates. */
typedef struct pn_canvas {
    unsigned char *pixels;   /* the caller's framebuffer */
    size_t size;             /* its bytes */
    uint16_t width;          /* its pixels, 1 or more */
    uint16_t height;
    uint16_t stride;         /* bytes a row (ROWS: >= (width + 7) / 8)
                                or a page (PAGES: >= width) */
    uint16_t flags;          /* PN_CANVAS_ROWS or PN_CANVAS_PAGES */
    int32_t clip_x, clip_y;  /* the region drawing may change */
    uint16_t clip_w, clip_h;
} pn_canvas;

/* Sets up `c` for a `width` x `height` framebuffer of `size` bytes at
 * `pixels`, rows or pages packed (the smallest stride), clipped to the
 * whole of it. Returns PN_OK, or PN_ERR_ARG when a pointer is NULL, a
 * side is 0 or `size` is too small. */
pn_status pn_canvas_init(pn_canvas *c, unsigned char *pixels, size_t size,
                         unsigned width, unsigned height, unsigned flags);

/* A font's height: rows above the baseline (the baseline's own row
 * included) and below it, and the glyphs the catalog holds of it. */
typedef struct pn_font_metrics {
    unsigned ascent;
    unsigned descent;
    unsigned glyph_count;
} pn_font_metrics;

/* The metrics of font `font` of the catalog. Returns PN_OK, PN_ERR_ARG,
 * PN_ERR_NOT_FOUND (the catalog has no such font) or PN_ERR_FORMAT. */
pn_status pn_font_metrics_get(const pn_catalog *cat, pn_font_id font,
                              pn_font_metrics *out);

/* How a PN_PIXELS screen spaces its lines with the catalog's fonts: a line
 * is `*height` rows (the larger ascent and the larger descent of the text
 * and heading fonts, plus PN_LINE_GAP), its baseline `*ascent` - 1 rows
 * below its top; a page of `rows` pixels holds rows / height lines. Either
 * pointer may be NULL; both get 0 on failure. Returns PN_OK, PN_ERR_ARG,
 * PN_ERR_NOT_FOUND (the catalog has no font) or PN_ERR_FORMAT. */
pn_status pn_line_metrics_get(const pn_catalog *cat, unsigned *ascent,
                              unsigned *height);

/* Draws the UTF-8 text of `len` bytes at `text` in font `font` as one
 * line: the first glyph's origin at column `x`, the baseline (the lowest
 * row of a capital letter) at row `baseline`; rows and columns may be
 * anywhere, off the canvas too. A '\n' or a NUL ends the line. A
 * character the font lacks, and a byte that is not UTF-8, is drawn as the
 * font's replacement glyph. `*end_x`, if `end_x` is not NULL, gets the
 * column after the last glyph (its advance included), kept within
 * int32_t. With `c` NULL nothing is drawn: `*end_x` - x is the text's
 * width. Returns PN_OK; PN_ERR_ARG (a NULL catalog or text, a canvas
 * whose stride, size or flags do not hold together); PN_ERR_NOT_FOUND;
 * PN_ERR_FORMAT (a damaged font: what was drawn before the damaged glyph
 * stays). Stack: a few words; no loop longer than `len`. */
pn_status pn_draw_text(const pn_catalog *cat, pn_font_id font,
                       const pn_canvas *c, int32_t x, int32_t baseline,
                       const char *text, size_t len, int32_t *end_x);
#endif

#if !defined(PN_NO_DRAW) && !defined(PN_NO_LAYOUT)
/* Draws the current page of a cursor opened on a PN_PIXELS screen: clears
 * its rectangle (screen.cols x screen.rows pixels, its top left at `x`,
 * `y`, within the canvas's clip) and draws the page's lines there with
 * pn_draw_text(), each line's baseline the text font's ascent - 1 below
 * its top. On the first layer's QR page it draws the code with its quiet
 * zone from the page's top left, at the largest whole number of pixels a
 * module that fits the screen with one line below it, and that line (the
 * `qr` label) under the code. Nothing outside the canvas's clip changes,
 * whatever `x` and `y`. Returns PN_OK; PN_ERR_ARG (a NULL or bad cursor
 * or canvas, or a cursor not on a pixel screen); PN_ERR_NOT_FOUND (the
 * catalog has no font); PN_ERR_FORMAT (damaged: what was drawn before
 * stays). Stack: a few hundred bytes (make bench lists the frames). */
pn_status pn_cursor_draw(const pn_cursor *cur, const pn_canvas *canvas,
                         int32_t x, int32_t y);

/* Draws the current page as pn_cursor_draw() does, and keeps in the
 * cursor where the next page starts, as pn_cursor_show() does for a page
 * of text: paging forward with pn_cursor_draw_show() and pn_cursor_next()
 * lays each page out once, where pn_cursor_draw() and pn_cursor_next()
 * lay it out twice. The same pixels and results as pn_cursor_draw(); the
 * cursor keeps nothing where the result is not PN_OK, or where none of
 * the page lies within the canvas's clip (nothing is laid out then). As
 * with pn_cursor_show(), any move forgets what it kept, and damaged text
 * on the next page shows when that page is drawn, not in the
 * pn_cursor_next() that reaches it. */
pn_status pn_cursor_draw_show(pn_cursor *cur, const pn_canvas *canvas,
                              int32_t x, int32_t y);
#endif

#ifndef PN_NO_TRANSLIT
/* Writes what character `cp` becomes on a display limited by `flags` into
 * `out` (UTF-8, not NUL-terminated) and returns its length in bytes, 1-4.
 * The table is in docs/LAYOUT.md. */
size_t pn_transliterate(uint32_t cp, unsigned flags, char out[4]);
#endif

#ifdef __cplusplus
}
#endif

#endif
