/* dump.c: pnc --dump (see dump.h). */
#include "dump.h"

#include <string.h>

#include "../runtime/pn_read.h"

/* How a field is shown. A field that its record's table below does not
 * name is shown as a number: new fields need no change here to appear. */
typedef enum shown_as {
    AS_NUMBER,  /* decimal (hex bytes if wider than 4 bytes) */
    AS_MAGIC,   /* its bytes, quoted */
    AS_FLAGS,   /* the names of the PN_FLAG_* bits */
    AS_CRC,     /* hex, and whether pn_verify() agrees */
    AS_NAME,    /* the name at that pool offset, quoted */
    AS_TEXT,    /* the text at that pool offset, decoded and quoted */
    AS_LABELS,  /* a text per label, by its name */
    AS_TOPICS,  /* the names of the PN_TOPIC_BIT()s */
    AS_ROLE,    /* a pn_role, by its header key prefix */
    AS_FACT,    /* an enum pn__fact, by its header key */
    AS_HEAD,    /* the section's head: names, title, level, blocks */
    AS_QR,      /* the notice's QR code: its version and size */
    AS_FACTS_RECORD /* the notice's facts record, a line per field */
} shown_as;

typedef struct field {
    const char *name;
    size_t offset;
    size_t bytes;
} field;

/* A field shown otherwise, named by its offset so that the build fails
 * if pn_format.h no longer has it. */
typedef struct field_shown {
    size_t offset;
    shown_as as;
} field_shown;

typedef struct record_layout {
    const field *fields;
    size_t count;
    const field_shown *shown;
    size_t shown_count;
} record_layout;

#define HEADER_FIELD(f, n) {#f, offsetof(pn__header_layout, f), n},
#define NOTICE_FIELD(f, n) {#f, offsetof(pn__notice_layout, f), n},
#define SECTION_FIELD(f, n) {#f, offsetof(pn__section_layout, f), n},
#define CONTACT_FIELD(f, n) {#f, offsetof(pn__contact_layout, f), n},
#define CODE_FIELD(f, n) {#f, offsetof(pn__code_head_layout, f), n},
#define LANGUAGE_FIELD(f, n) {#f, offsetof(pn__language_layout, f), n},
static const field header_fields[] = {PN_HEADER_FIELDS(HEADER_FIELD)};
static const field notice_fields[] = {PN_NOTICE_FIELDS(NOTICE_FIELD)};
static const field section_fields[] = {PN_SECTION_FIELDS(SECTION_FIELD)};
static const field contact_fields[] = {PN_CONTACT_FIELDS(CONTACT_FIELD)};
static const field code_fields[] = {PN_CODE_HEAD_FIELDS(CODE_FIELD)};
static const field language_fields[] = {PN_LANGUAGE_FIELDS(LANGUAGE_FIELD)};
#define FONT_FIELD(f, n) {#f, offsetof(pn__font_head_layout, f), n},
#define GLYPH_FIELD(f, n) {#f, offsetof(pn__glyph_layout, f), n},
static const field font_fields[] = {PN_FONT_HEAD_FIELDS(FONT_FIELD)};
static const field glyph_fields[] = {PN_GLYPH_FIELDS(GLYPH_FIELD)};

#define HEADER(f, as) {offsetof(pn__header_layout, f), as}
static const field_shown header_shown[] = {
    HEADER(magic, AS_MAGIC), HEADER(flags, AS_FLAGS), HEADER(crc, AS_CRC),
};
#define NOTICE(f, as) {offsetof(pn__notice_layout, f), as}
static const field_shown notice_shown[] = {
    NOTICE(policy, AS_NAME), NOTICE(lang, AS_NAME), NOTICE(title, AS_TEXT),
    NOTICE(facts, AS_FACTS_RECORD),
};

#define SECTION(f, as) {offsetof(pn__section_layout, f), as}
static const field_shown section_shown[] = {
    SECTION(head, AS_HEAD),
};
#define CONTACT(f, as) {offsetof(pn__contact_layout, f), as}
static const field_shown contact_shown[] = {
    CONTACT(role, AS_ROLE), CONTACT(fact, AS_FACT), CONTACT(value, AS_TEXT),
};

#define LANGUAGE(f, as) {offsetof(pn__language_layout, f), as}
static const field_shown language_shown[] = {
    LANGUAGE(tag, AS_NAME), LANGUAGE(fallbacks, AS_NAME),
    LANGUAGE(labels, AS_LABELS),
};

#define COUNT(array) (sizeof array / sizeof array[0])
#define LAYOUT(fields, shown) {fields, COUNT(fields), shown, COUNT(shown)}
static const record_layout header_layout = LAYOUT(header_fields, header_shown);
static const record_layout notice_layout = LAYOUT(notice_fields, notice_shown);
static const record_layout section_layout =
    LAYOUT(section_fields, section_shown);
static const record_layout contact_layout =
    LAYOUT(contact_fields, contact_shown);
static const record_layout language_layout =
    LAYOUT(language_fields, language_shown);
static const record_layout code_layout = {code_fields, COUNT(code_fields),
                                          NULL, 0};
static const record_layout font_layout = {font_fields, COUNT(font_fields),
                                          NULL, 0};

#define FACT_KEY(id, member, key) key,
static const char *const fact_keys[PN_FACT_COUNT] = {PN_FACTS(FACT_KEY)};
static const char *const role_names[PN_ROLE_COUNT] = {
    "controller", "dpo", "representative", "joint",
};
#define LABEL_NAME(id, name, in_file) name,
static const char *const label_names[PN_LABEL_COUNT] = {
    PN_LABELS(LABEL_NAME)
};

typedef struct dumper {
    buf *out;
    const pn_catalog *cat;
    pn__view v;
    const pn_section *sec;  /* the section being dumped, for AS_HEAD */
    const pn_notice *notice; /* the notice being dumped, for AS_QR */
    pn_status status;       /* the first failure, or PN_OK */
} dumper;

static void fail(dumper *d, pn_status st)
{
    buf_printf(d->out, "<unreadable: %s>", pn_strerror(st));
    if (d->status == PN_OK)
        d->status = st;
}

static void put_indent(dumper *d, unsigned depth)
{
    buf_printf(d->out, "%*s", (int)(2 * depth), "");
}

/* A byte of a quoted name or text: printable bytes and UTF-8 as they are,
 * the rest escaped as in C, so one value stays on one line. */
static void put_quoted_byte(buf *out, int c)
{
    if (c == '"' || c == '\\')
        buf_printf(out, "\\%c", c);
    else if (c == '\n')
        buf_printf(out, "\\n");
    else if (c == '\t')
        buf_printf(out, "\\t");
    else if (c < 0x20 || c == 0x7F)
        buf_printf(out, "\\x%02x", (unsigned)c);
    else
        buf_byte(out, (unsigned)c);
}

static void put_quoted(buf *out, const unsigned char *bytes, size_t len)
{
    size_t i;

    buf_byte(out, '"');
    for (i = 0; i < len; i++)
        put_quoted_byte(out, bytes[i]);
    buf_byte(out, '"');
}

static void put_text(dumper *d, const pn__text *text)
{
    pn__dec dec;
    int c;

    pn__dec_open(&dec, text);
    buf_byte(d->out, '"');
    while ((c = pn__dec_byte(&dec)) >= 0)
        put_quoted_byte(d->out, c);
    buf_byte(d->out, '"');
    if (dec.err)
        fail(d, PN_ERR_FORMAT);
}

static void put_text_at(dumper *d, const unsigned char *rec, size_t offset)
{
    pn__text text;
    pn_status st = pn__read_field_text(&d->v, rec, offset, &text);

    if (st == PN_OK)
        put_text(d, &text);
    else
        fail(d, st);
}

static uint32_t read_le(const unsigned char *p, size_t bytes)
{
    uint32_t value = 0;

    while (bytes-- > 0)
        value = value << 8 | p[bytes];
    return value;
}

static void put_number(buf *out, const unsigned char *p, size_t bytes)
{
    size_t i;

    if (bytes <= 4) {
        buf_printf(out, "%lu", (unsigned long)read_le(p, bytes));
        return;
    }
    for (i = 0; i < bytes; i++)
        buf_printf(out, "%s%02x", i ? " " : "", p[i]);
}

/* The names of the set bits of `bits`; `name` gives a bit's name or
 * NULL, then it is shown as "bitN". */
static void put_bit_names(buf *out, uint32_t bits,
                          const char *(*name)(unsigned bit))
{
    unsigned bit;
    int any = 0;

    for (bit = 0; bit < 32; bit++) {
        const char *s;
        if (!(bits & (uint32_t)1u << bit))
            continue;
        s = name(bit);
        buf_printf(out, "%s", any ? " " : "");
        if (s)
            buf_printf(out, "%s", s);
        else
            buf_printf(out, "bit%u", bit);
        any = 1;
    }
    if (!any)
        buf_printf(out, "none");
}

static const char *topic_name(unsigned bit)
{
    return pn_topic_name((pn_topic)bit);
}

static const char *flag_name(unsigned bit)
{
    return (uint32_t)1u << bit == PN_FLAG_COMPRESSED ? "compressed" : NULL;
}

/* A language's labels, each on a line under its name ("" for every one
 * when it has none). */
static void put_labels(dumper *d, const unsigned char *rec, unsigned depth)
{
    unsigned k;

    for (k = 0; k < PN_LABEL_COUNT; k++) {
        pn__text text;
        pn_status st = pn__read_label(&d->v, rec, k, &text);
        buf_byte(d->out, '\n');
        put_indent(d, depth);
        buf_printf(d->out, "%s: ", label_names[k]);
        if (st == PN_OK)
            put_text(d, &text);
        else
            fail(d, st);
    }
}

static const char *block_kind_name(unsigned kind)
{
    switch (kind) {
    case PN_BLOCK_PARAGRAPH:
        return "paragraph";
    case PN_BLOCK_LIST_ITEM:
        return "list_item";
    case PN_BLOCK_NUMBERED_ITEM:
        return "numbered_item";
    case PN_BLOCK_TABLE_HEAD:
        return "table_head";
    case PN_BLOCK_TABLE_CELL:
        return "table_cell";
    case PN_BLOCK_HEADING:
        return "heading";
    }
    return NULL;
}

static void put_blocks(dumper *d, unsigned depth)
{
    uint32_t i;

    if (d->sec->block_count == 0)
        buf_printf(d->out, " none");
    for (i = 0; i < d->sec->block_count; i++) {
        pn__text text;
        unsigned kind, level;
        uint32_t number;
        pn_status st =
            pn__read_block(d->sec, i, &kind, &level, &number, &text);

        buf_byte(d->out, '\n');
        put_indent(d, depth);
        if (st != PN_OK) {
            fail(d, st);
            continue;
        }
        if (block_kind_name(kind))
            buf_printf(d->out, "%s", block_kind_name(kind));
        else
            buf_printf(d->out, "kind %u", kind);
        if (PN_BLOCK_HAS_NUMBER(kind))
            buf_printf(d->out, " %lu", (unsigned long)number);
        if (PN_BLOCK_IS_TABLE(kind))
            buf_printf(d->out, " column %u", level);
        else if (level > 1)
            buf_printf(d->out, " level %u", level);
        buf_printf(d->out, ": ");
        put_text(d, &text);
    }
}

/* A section's head, a line for each of its fields. */
static void put_head(dumper *d, const unsigned char *rec, unsigned depth)
{
    pn__head head;
    pn__text title;
    const char *id, *number;
    pn_status st = pn__read_section_head(&d->v, rec, &head);

    if (st == PN_OK && (st = pn__read_name_at(&d->v, head.id, &id)) == PN_OK &&
        (st = pn__read_name_at(&d->v, head.number, &number)) == PN_OK)
        st = pn__read_text_at(&d->v, head.title, &title);
    if (st != PN_OK) {
        fail(d, st);
        return;
    }
    buf_byte(d->out, '\n');
    put_indent(d, depth);
    buf_printf(d->out, "topics: ");
    put_bit_names(d->out, pn__read_topics(head.topics), topic_name);
    buf_byte(d->out, '\n');
    put_indent(d, depth);
    buf_printf(d->out, "id: ");
    put_quoted(d->out, (const unsigned char *)id, strlen(id));
    buf_byte(d->out, '\n');
    put_indent(d, depth);
    buf_printf(d->out, "number: ");
    put_quoted(d->out, (const unsigned char *)number, strlen(number));
    buf_byte(d->out, '\n');
    put_indent(d, depth);
    buf_printf(d->out, "level: %u\n", head.level);
    put_indent(d, depth);
    buf_printf(d->out, "block_count: %lu\n",
               (unsigned long)head.block_count);
    put_indent(d, depth);
    buf_printf(d->out, "index_bits: %u\n", head.bits);
    put_indent(d, depth);
    buf_printf(d->out, "title: ");
    put_text(d, &title);
    buf_byte(d->out, '\n');
    put_indent(d, depth);
    buf_printf(d->out, "blocks:");
    put_blocks(d, depth + 1);
}

static void put_crc(dumper *d, uint32_t crc)
{
    pn_status st = pn_verify(d->cat);

    buf_printf(d->out, "0x%08lx", (unsigned long)crc);
    if (st == PN_OK)
        buf_printf(d->out, " (matches)");
    else
        fail(d, st);
}

static shown_as shown_of(const record_layout *layout, const field *f)
{
    size_t i;

    for (i = 0; i < layout->shown_count; i++) {
        if (layout->shown[i].offset == f->offset)
            return layout->shown[i].as;
    }
    return AS_NUMBER;
}

/* "version 2, 25x25 modules", or "none" for a notice without one. */
static void put_qr(dumper *d)
{
    unsigned size;
    pn_status st = pn_qr_size(d->notice, &size);

    if (st == PN_ERR_NOT_FOUND)
        buf_printf(d->out, "none");
    else if (st != PN_OK)
        fail(d, st);
    else
        buf_printf(d->out, "version %u, %ux%u modules", (size - 17) / 4,
                   size, size);
}

static void put_facts_record(dumper *d, const unsigned char *notice,
                             unsigned depth);

static void put_field(dumper *d, const unsigned char *rec, const field *f,
                      shown_as as, unsigned depth)
{
    const unsigned char *p = rec + f->offset;
    uint32_t value = f->bytes <= 4 ? read_le(p, f->bytes) : 0;
    const char *name;

    switch (as) {
    case AS_MAGIC:
        put_quoted(d->out, p, f->bytes);
        break;
    case AS_FLAGS:
        put_bit_names(d->out, value, flag_name);
        break;
    case AS_CRC:
        put_crc(d, value);
        break;
    case AS_NAME:
        if (pn__read_field_name(&d->v, rec, f->offset, &name) == PN_OK)
            put_quoted(d->out, (const unsigned char *)name, strlen(name));
        else
            fail(d, PN_ERR_FORMAT);
        break;
    case AS_TEXT:
        put_text_at(d, rec, f->offset);
        break;
    case AS_LABELS:
        put_labels(d, rec, depth + 1);
        break;
    case AS_TOPICS:
        put_bit_names(d->out, value, topic_name);
        break;
    case AS_ROLE:
        if (value < PN_ROLE_COUNT)
            buf_printf(d->out, "%s", role_names[value]);
        else
            buf_printf(d->out, "%lu (no such role)", (unsigned long)value);
        break;
    case AS_FACT:
        if (value == PN_FACT_CONTROLLER)
            buf_printf(d->out, "name");
        else if (value < PN_FACT_COUNT)
            buf_printf(d->out, "%s", fact_keys[value]);
        else
            buf_printf(d->out, "%lu (no such fact)", (unsigned long)value);
        break;
    case AS_HEAD:
        put_head(d, rec, depth + 1);
        break;
    case AS_QR:
        put_qr(d);
        break;
    case AS_FACTS_RECORD:
        put_facts_record(d, rec, depth);
        break;
    case AS_NUMBER:
        put_number(d->out, p, f->bytes);
        break;
    }
}

/* Every field of the record at `rec`, one "name: value" line each, in
 * byte order. */
static void put_record(dumper *d, const record_layout *layout,
                       const unsigned char *rec, unsigned depth)
{
    size_t i;

    for (i = 0; i < layout->count; i++) {
        const field *f = &layout->fields[i];
        shown_as as = shown_of(layout, f);

        put_indent(d, depth);
        buf_printf(d->out, "%s:%s", f->name,
                   as == AS_LABELS || as == AS_HEAD || as == AS_FACTS_RECORD
                       ? ""
                       : " ");
        put_field(d, rec, f, as, depth);
        buf_byte(d->out, '\n');
    }
}

/* A line of the facts record: its name at `depth`. */
static void put_facts_line(dumper *d, unsigned depth, const char *name)
{
    buf_byte(d->out, '\n');
    put_indent(d, depth);
    buf_printf(d->out, "%s: ", name);
}

/* The facts record of the notice record `notice`: under the notice's
 * `facts` (at `depth`) the facts, a line each one deeper, then the
 * record's other numbers as lines of the notice. */
static void put_facts_record(dumper *d, const unsigned char *notice,
                             unsigned depth)
{
    static const char *const numbers[] = {"first_contact", "contact_count"};
    uint32_t value;
    const char *name;
    unsigned k;
    pn_status st;

    for (k = 0; k < PN_FACT_COUNT; k++) {
        pn__text text;
        put_facts_line(d, depth + 1, fact_keys[k]);
        if ((st = pn__read_notice_fact(&d->v, notice, k, &text)) == PN_OK)
            put_text(d, &text);
        else
            fail(d, st);
    }
    put_facts_line(d, depth, "waived");
    if ((st = pn__read_notice_facts(&d->v, notice, PN_FACTS_WAIVED,
                                    &value)) == PN_OK)
        put_bit_names(d->out, value, topic_name);
    else
        fail(d, st);
    put_facts_line(d, depth, "updated");
    if ((st = pn__read_notice_facts(&d->v, notice, PN_FACTS_UPDATED,
                                    &value)) == PN_OK &&
        (st = pn__read_name_at(&d->v, value, &name)) == PN_OK)
        put_quoted(d->out, (const unsigned char *)name, strlen(name));
    else
        fail(d, st);
    put_facts_line(d, depth, "qr");
    put_qr(d);
    for (k = 0; k < 2; k++) {
        put_facts_line(d, depth, numbers[k]);
        if ((st = pn__read_notice_facts(&d->v, notice,
                                        PN_FACTS_FIRST_CONTACT + k,
                                        &value)) == PN_OK)
            buf_printf(d->out, "%lu", (unsigned long)value);
        else
            fail(d, st);
    }
}

/* The code tables' head and their count of codes of each length (from
 * min_len); the symbols themselves are left out. */
static void put_code(dumper *d)
{
    const unsigned char *c = d->v.code;
    unsigned l, min_len, max_len;
    uint32_t prev = 0;

    if (!c) {
        buf_printf(d->out, "code tables: none\n");
        return;
    }
    buf_printf(d->out, "code tables:\n");
    put_record(d, &code_layout, c, 1);
    min_len = c[PN_CODE_AT(min_len, 1)];
    max_len = c[PN_CODE_AT(max_len, 1)];
    buf_printf(d->out, "  counts:");
    for (l = min_len; l <= max_len; l++) {
        const unsigned char *rec = c + PN_CODE_LENGTH_OFFSET(l - min_len);
        uint32_t limit = pn__read_u32(rec + PN_CODE_LENGTH_AT(limit, 4));
        buf_printf(d->out, " %lu",
                   (unsigned long)((limit - prev) >> (PN_CODE_WINDOW - l)));
        prev = limit;
    }
    buf_byte(d->out, '\n');
}

/* One glyph record on one line: its fields by name, the code point as
 * U+XXXX and the character, the offsets signed. */
static void put_glyph(dumper *d, uint32_t index, const unsigned char *g)
{
    size_t i;

    buf_printf(d->out, "  glyph %lu:", (unsigned long)index);
    for (i = 0; i < COUNT(glyph_fields); i++) {
        const field *f = &glyph_fields[i];
        uint32_t v = read_le(g + f->offset, f->bytes);

        buf_printf(d->out, "%s %s ", i ? "," : "", f->name);
        if (f->offset == offsetof(pn__glyph_layout, code_point)) {
            char utf8[5] = {0};
            buf_printf(d->out, "U+%04lX", (unsigned long)v);
            if (v >= 0x20 && v != 0x7F && (v < 0x80 || v >= 0xA0) &&
                v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF)) {
                size_t n = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4;
                static const unsigned char lead[5] = {0, 0, 0xC0, 0xE0, 0xF0};
                size_t k;
                for (k = n; k-- > 1; v >>= 6)
                    utf8[k] = (char)(0x80 | (v & 0x3F));
                utf8[0] = (char)(lead[n] | v);
                buf_byte(d->out, ' ');
                put_quoted(d->out, (const unsigned char *)utf8, n);
            }
        } else if (f->offset == offsetof(pn__glyph_layout, x_off) ||
                   f->offset == offsetof(pn__glyph_layout, y_off)) {
            buf_printf(d->out, "%d", v >= 128 ? (int)v - 256 : (int)v);
        } else {
            buf_printf(d->out, "%lu", (unsigned long)v);
        }
    }
    buf_byte(d->out, '\n');
}

/* A font block (pnc --font or --font-heading): its head's fields, then a
 * line a glyph; the bitmaps are left out. Nothing when the catalog has
 * no such font (the header's offset is 0). */
static void put_font(dumper *d, const char *name, size_t header_offset)
{
    uint32_t at = pn__read_u32(d->v.data + header_offset), count, i;

    if (at == 0)
        return;
    buf_printf(d->out, "%s:\n", name);
    if (at > d->v.size || d->v.size - at < PN_FONT_HEAD_SIZE) {
        put_indent(d, 1);
        fail(d, PN_ERR_FORMAT);
        buf_byte(d->out, '\n');
        return;
    }
    put_record(d, &font_layout, d->v.data + at, 1);
    count = pn__read_u16(d->v.data + at + PN_FONT_AT(glyph_count, 2));
    if ((d->v.size - at - PN_FONT_HEAD_SIZE) / PN_GLYPH_SIZE < count) {
        put_indent(d, 1);
        fail(d, PN_ERR_FORMAT);
        buf_byte(d->out, '\n');
        return;
    }
    for (i = 0; i < count; i++)
        put_glyph(d, i, d->v.data + at + PN_FONT_HEAD_SIZE +
                            i * PN_GLYPH_SIZE);
}

/* Whether a record was found; if not, a line at `depth` says why. */
static int found(dumper *d, pn_status st, unsigned depth)
{
    if (st == PN_OK)
        return 1;
    put_indent(d, depth);
    fail(d, st);
    buf_byte(d->out, '\n');
    return 0;
}

static void put_section(dumper *d, const pn_notice *notice, uint32_t index)
{
    pn_section sec;
    const unsigned char *rec;
    pn_status st = pn_section_at(notice, index, &sec);

    buf_printf(d->out, "  section %lu:\n", (unsigned long)index);
    if (st == PN_OK)
        st = pn__read_section_of(&d->v, &sec, &rec);
    if (!found(d, st, 2))
        return;
    d->sec = &sec;
    put_record(d, &section_layout, rec, 2);
    d->sec = NULL;
}

/* The notice's contact records: its DPO, representative, joint
 * controllers, and e-mails and phones after the first. */
static void put_contacts(dumper *d, const unsigned char *notice)
{
    uint32_t first, count, i;

    if (!found(d, pn__read_notice_contacts(&d->v, notice, &first, &count),
               1))
        return;
    for (i = 0; i < count; i++) {
        buf_printf(d->out, "  contact %lu:\n", (unsigned long)i);
        put_record(d, &contact_layout, PN__CONTACT(&d->v, first + i), 2);
    }
}

static void put_notice(dumper *d, uint32_t index)
{
    pn_notice notice;
    const unsigned char *rec;
    uint32_t i;
    pn_status st = pn_notice_at(d->cat, index, &notice);

    buf_printf(d->out, "notice %lu:\n", (unsigned long)index);
    if (st == PN_OK)
        st = pn__read_notice_of(&d->v, &notice, &rec);
    if (!found(d, st, 1))
        return;
    d->notice = &notice;
    put_record(d, &notice_layout, rec, 1);
    put_contacts(d, rec);
    for (i = 0; i < notice.section_count; i++)
        put_section(d, &notice, i);
}

pn_status dump_catalog(buf *out, const unsigned char *catalog, size_t size)
{
    pn_catalog cat;
    dumper d;
    uint32_t i;

    memset(&d, 0, sizeof d);
    d.out = out;
    d.cat = &cat;
    d.status = pn_open(&cat, catalog, size);
    if (d.status == PN_OK)
        d.status = pn__read_view(&d.v, &cat);
    if (d.status != PN_OK) {
        buf_printf(out, "libpn cannot open the catalog: %s\n",
                   pn_strerror(d.status));
        return d.status;
    }
    buf_printf(out, "header:\n");
    put_record(&d, &header_layout, catalog, 1);
    put_code(&d);
    for (i = 0; i < cat.notice_count; i++)
        put_notice(&d, i);
    for (i = 0; i < d.v.language_count; i++) {
        buf_printf(out, "language %lu:\n", (unsigned long)i);
        put_record(&d, &language_layout,
                   d.v.data + d.v.languages + i * PN_LANGUAGE_SIZE, 1);
    }
    put_font(&d, "font", PN_HDR_AT(font, 4));
    put_font(&d, "heading font", PN_HDR_AT(heading_font, 4));
    return d.status;
}
