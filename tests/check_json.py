#!/usr/bin/env python3
"""Checks the output of pnc --json (tests/test_export.c runs this).

check_json.py schema JSON              validate JSON against the schema
check_json.py report JSON REPORT DUMP  compare its coverage with the text
                                       of pnc --report, and its facts with
                                       pnc --dump (what libpn reads)

Exit status 0 when it holds, 1 with the difference on stderr when not,
77 when the schema check cannot run (no jsonschema module).
"""
import json
import re
import sys


def fail(message):
    sys.stderr.write(message + "\n")
    sys.exit(1)


def check_schema(schema_path, json_path):
    try:
        import jsonschema
    except ImportError:
        sys.stderr.write("no jsonschema module (apt-get install python3-jsonschema)\n")
        sys.exit(77)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(json_path, encoding="utf-8") as f:
        document = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(document),
                    key=lambda e: list(e.path))
    if errors:
        fail("\n".join("%s: %s" % ("/".join(map(str, e.path)), e.message)
                       for e in errors[:10]))


def parse_report(text):
    """{(policy, lang): [(item, article, status, rest)]}"""
    notices, current = {}, None
    for line in text.splitlines():
        head = re.match(r"^(\S+) \((\S+)\): ", line)
        if head:
            current = notices.setdefault((head.group(1), head.group(2)), [])
            continue
        row = re.match(r"^  (\S+)\s+(13\(\S+)\s+(covered|waived|MISSING)\s+(.*)$", line)
        if row and current is not None:
            current.append(row.groups())
    return notices


def unquote(value):
    value = value[1:-1]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), value)


def parse_dump_facts(text):
    """{(policy, lang): {key: value}} from the notice records of --dump."""
    facts, policy, lang, in_facts = {}, None, None, False
    for line in text.splitlines():
        m = re.match(r'^  (policy|lang): (".*")$', line)
        if m:
            if m.group(1) == "policy":
                policy = unquote(m.group(2))
            else:
                lang = unquote(m.group(2))
            continue
        if line == "  facts:":
            in_facts = True
            facts[(policy, lang)] = {}
            continue
        m = re.match(r'^    (\w+): (".*")$', line)
        if in_facts and m:
            if m.group(2) != '""':
                facts[(policy, lang)][m.group(1)] = unquote(m.group(2))
            continue
        in_facts = False
    return facts


def header_fact(notice, key):
    """The value of header key `key` ("controller", "dpo-email") in the
    JSON of a notice: the first of a party's e-mails or phones."""
    if key == "controller":
        return notice["contact"]["controller"]
    role, suffix = key.split("-", 1)
    for party in notice["parties"]:
        if party["role"] == role and suffix in party:
            value = party[suffix]
            return value[0] if isinstance(value, list) else value
    return None


def check_report(json_path, report_path, dump_path):
    with open(json_path, encoding="utf-8") as f:
        document = json.load(f)
    with open(report_path, encoding="utf-8") as f:
        report = parse_report(f.read())
    with open(dump_path, encoding="utf-8") as f:
        dump_facts = parse_dump_facts(f.read())
    notices = document["notices"]
    if len(notices) != len(report) or len(notices) != len(dump_facts):
        fail("%d notices in the JSON, %d in the report, %d in the dump"
             % (len(notices), len(report), len(dump_facts)))
    for n in notices:
        key = (n["policy"], n["lang"])
        where = "%s:%s" % key
        if n["contact"] != dump_facts.get(key):
            fail("%s: contact %r, but --dump has %r" % (where, n["contact"], dump_facts.get(key)))
        rows = report.get(key)
        if rows is None or len(rows) != len(n["coverage"]):
            fail("%s: %d coverage items, the report has %r" % (where, len(n["coverage"]), rows))
        for c, (item, article, status, rest) in zip(n["coverage"], rows):
            if (c["item"], c["article"], c["status"]) != (item, article, status.lower()):
                fail("%s: %r against the report's %r" % (where, c, (item, article, status)))
            if "byHeader" in c:
                want = "header '%s: %s'" % (c["byHeader"], header_fact(n, c["byHeader"]))
                if rest != want or c["sections"]:
                    fail("%s: %r against the report's %r" % (where, c, rest))
            elif c["status"] == "covered":
                shown = " ".join("#" + (s if s else "(preamble)") for s in c["sections"])
                if shown != rest:
                    fail("%s: %s sections %r, the report has %r" % (where, item, shown, rest))
            elif c["status"] == "waived" and c["reason"] != rest:
                fail("%s: %s reason %r, the report has %r" % (where, item, c["reason"], rest))
            waiver = [w["reason"] for w in n["waivers"] if w["topic"] == item]
            if c["status"] == "waived" and waiver != [c["reason"]]:
                fail("%s: %s waived, but the waivers have %r" % (where, item, waiver))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "schema":
        check_schema(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "report":
        check_report(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        fail(__doc__)
