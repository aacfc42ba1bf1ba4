#!/usr/bin/env python3
"""Turns fonts/pnc-sans-11.txt (glyphs drawn as text, by hand, for pnc)
into the BDF 2.1 font fonts/pnc-sans-11.bdf that pnc --font reads:

    python3 fonts/mkfont.py fonts/pnc-sans-11.txt >fonts/pnc-sans-11.bdf

The .txt explains its format. Each glyph's BBX is the box of its ink."""
import sys

ASCENT, DESCENT = 9, 2
BASELINE_ROW = 6  # index of the baseline row in a 9-row drawing


def parse(path):
    glyphs, composed, marks = {}, [], {}
    cur = None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("#") and cur is None:
            continue
        if not line.strip():
            cur = None
            continue
        if cur is not None:
            if set(line) - set(".#"):
                sys.exit("%s: bad row %r" % (path, line))
            cur["rows"].append(line)
            continue
        words = line.split()
        if words[0] == "mark":
            cur = marks.setdefault(words[1], {"rows": []})
        elif len(words) == 5 and words[1] == "=" and words[3] == "+":
            composed.append((int(words[0][2:], 16), int(words[2][2:], 16),
                             words[4]))
        elif words[0].startswith("U+"):
            cp = int(words[0][2:], 16)
            if cp in glyphs:
                sys.exit("%s: U+%04X twice" % (path, cp))
            cur = glyphs[cp] = {"rows": [], "adv": None}
            for w in words[1:]:
                if w.startswith("adv="):
                    cur["adv"] = int(w[4:])
        else:
            sys.exit("%s: cannot read %r" % (path, line))
    return glyphs, composed, marks


def pixels(g):
    """The ink of a drawn glyph as (x, y) with y up, 0 the baseline."""
    rows = g["rows"]
    if rows and len(rows) not in (9, 10, 11):
        sys.exit("a glyph has %d rows: %r" % (len(rows), rows))
    if rows and len(set(map(len, rows))) != 1:
        sys.exit("rows of different widths: %r" % rows)
    top = BASELINE_ROW + len(rows) - 9
    ink = {(x, top - i) for i, r in enumerate(rows)
           for x, c in enumerate(r) if c == "#"}
    width = len(rows[0]) if rows else 0
    adv = g["adv"] if g["adv"] is not None else width + 1
    return ink, adv


def compose(base_ink, base_adv, mark_name, mark):
    width = base_adv - 1
    rows = mark["rows"]
    mw = len(rows[0])
    top_ink = max(y for _, y in base_ink)
    if mark_name == "cedilla":
        top = -1
    else:
        capital = top_ink >= 6
        gap = 0 if capital and len(rows) > 1 else 1
        top = top_ink + gap + len(rows)
    if mark_name == "diaeresis" and width >= 4:
        xs = (0, width - 1) if width == 4 else (1, width - 2)
        mark_ink = {(x, top) for x in xs}
    else:
        x0 = (width - mw) // 2
        mark_ink = {(x0 + x, top - i) for i, r in enumerate(rows)
                    for x, c in enumerate(r) if c == "#"}
    ink = base_ink | mark_ink
    shift = -min(0, min(x for x, _ in ink))
    ink = {(x + shift, y) for x, y in ink}
    return ink, max(base_adv + shift, max(x for x, _ in ink) + 2)


def bdf(glyphs):
    out = []
    box_w = max((max(x for x, _ in ink) + 1 if ink else 0)
                for ink, _ in glyphs.values())
    for ink, _ in glyphs.values():
        for _, y in ink:
            if not -DESCENT <= y < ASCENT:
                sys.exit("ink outside the font's box")
    out += ["STARTFONT 2.1",
            "COMMENT pnc-sans-11: a proportional bitmap font drawn for pnc,",
            "COMMENT the project's own, under the same licence as pnc.",
            "COMMENT Made by fonts/mkfont.py from fonts/pnc-sans-11.txt.",
            "FONT -pnc-Sans-Medium-R-Normal--11-110-72-72-P-50-ISO10646-1",
            "SIZE 11 72 72",
            "FONTBOUNDINGBOX %d %d 0 %d" % (box_w, ASCENT + DESCENT, -DESCENT),
            "STARTPROPERTIES 6",
            'FAMILY_NAME "pnc Sans"',
            "PIXEL_SIZE 11",
            "FONT_ASCENT %d" % ASCENT,
            "FONT_DESCENT %d" % DESCENT,
            'CHARSET_REGISTRY "ISO10646"',
            'COPYRIGHT "The pnc project; the licence of pnc applies"',
            "ENDPROPERTIES",
            "CHARS %d" % len(glyphs)]
    for cp in sorted(glyphs):
        ink, adv = glyphs[cp]
        out += ["STARTCHAR uni%04X" % cp, "ENCODING %d" % cp,
                "SWIDTH %d 0" % round(adv * 1000 / 11), "DWIDTH %d 0" % adv]
        if not ink:
            out += ["BBX 0 0 0 0", "BITMAP", "ENDCHAR"]
            continue
        x0 = min(x for x, _ in ink)
        x1 = max(x for x, _ in ink)
        y0 = min(y for _, y in ink)
        y1 = max(y for _, y in ink)
        w, h = x1 - x0 + 1, y1 - y0 + 1
        out += ["BBX %d %d %d %d" % (w, h, x0, y0), "BITMAP"]
        for y in range(y1, y0 - 1, -1):
            bits = 0
            for x in range(x0, x0 + (w + 7) // 8 * 8):
                bits = bits << 1 | ((x, y) in ink)
            out.append("%0*X" % ((w + 7) // 8 * 2, bits))
        out.append("ENDCHAR")
    out.append("ENDFONT")
    return "\n".join(out) + "\n"


def main():
    drawn, composed, marks = parse(sys.argv[1])
    glyphs = {cp: pixels(g) for cp, g in drawn.items()}
    for cp, base, mark in composed:
        if cp in glyphs:
            sys.exit("U+%04X drawn and composed" % cp)
        glyphs[cp] = compose(*glyphs[base], mark, marks[mark])
    sys.stdout.write(bdf(glyphs))


main()
