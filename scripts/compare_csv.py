#!/usr/bin/env python3
"""Compare taizhang's per-sheet CSV with LibreOffice's, cell by cell.

Used by scripts/check-libreoffice.sh; standard library only.

    compare_csv.py --ours DIR --lo DIR [--prefix book] [--inspect JSON] [--show 10]

Both folders hold one CSV per sheet named PREFIX-<sheet name>.csv (taizhang's
`convert --all-sheets` and LibreOffice's `--convert-to csv:...:-1` both name
them so when the workbook is called PREFIX.xlsx).  --inspect takes `taizhang inspect --json` output and is used
only to list the sheets in workbook order and to say what kind a sheet is.

What is normalised (differences that are not differences in value):
  * line ends (CRLF/LF/CR) between records and inside quoted cells, a UTF-8 BOM;
  * trailing empty fields of a row and trailing empty rows (LibreOffice pads
    to a rectangle, taizhang does not);
  * numbers: both sides parsed as floats, equal within a relative 1e-9
    (LibreOffice writes its own shortest/rounded form, e.g. 1E+20, 0.3);
    LibreOffice's percent form "12.5%" is 0.125;
  * dates and times: taizhang writes YYYY-MM-DD[THH:MM:SS], HH:MM:SS and
    [-]H:MM:SS durations; LibreOffice writes the cell's input-line form
    (ISO YYYY-MM-DD[ HH:MM:SS], or MM/DD/YY[YY] [HH:MM[:SS]] [AM|PM] in en-US);
    both become seconds and must agree to within 1 s.  Before 1900-03-01 a
    date is one day earlier in LibreOffice than in Excel (Excel's fictitious
    1900-02-29), and that shift is allowed for.
Nothing else is forgiven.  In particular a LibreOffice field that was quoted
(the export quotes every text cell) is text and must equal ours exactly, so a
number stored as text is not mistaken for a number; a date on one side and a
plain number on the other is reported; error values must be the same code.

    compare_csv.py --check-package FILE.xlsx

checks the zip package itself for what Excel would offer to repair but
LibreOffice reads past (a truncated sheet XML loads as far as it goes there):
unreadable zip entries, XML parts that are not well-formed, parts without a
content type, internal relationships to missing parts, duplicate entries.

Exit status: 0 all sheets match (or the package is sound), 1 mismatches,
2 bad invocation, unreadable CSV, or package problems.
"""

import argparse
import datetime as _dt
import json
import math
import os
import re
import sys

REL_TOL = 1e-9
TIME_TOL_SECONDS = 1.0
EPOCH = _dt.datetime(1899, 12, 30)
DAY = 86400.0
MARCH_1900 = (_dt.datetime(1900, 3, 1) - EPOCH).total_seconds()
FEB28_1900 = (_dt.datetime(1900, 2, 28) - EPOCH).total_seconds()


# --------------------------------------------------------------------------- CSV

def parse_csv(text):
    """RFC 4180 parser that remembers whether each field was quoted.

    Returns a list of rows; each row is a list of (value, quoted).  Any of
    CRLF, LF or CR ends a record; line ends inside quoted fields become LF.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    rows, row = [], []
    i, n = 0, len(text)
    field_start = True
    while i < n or not field_start:
        if i >= n:  # text ended right after a separator
            row.append(("", False))
            break
        c = text[i]
        if c == '"':
            i += 1
            buf = []
            while True:
                j = text.find('"', i)
                if j < 0:
                    raise ValueError("unterminated quoted field")
                buf.append(text[i:j])
                if j + 1 < n and text[j + 1] == '"':
                    buf.append('"')
                    i = j + 2
                    continue
                i = j + 1
                break
            value = "".join(buf).replace("\r\n", "\n").replace("\r", "\n")
            # anything between the closing quote and the separator is kept (lenient)
            k = i
            while k < n and text[k] not in ",\r\n":
                k += 1
            value += text[i:k]
            i = k
            row.append((value, True))
        else:
            k = i
            while k < n and text[k] not in ",\r\n":
                k += 1
            row.append((text[i:k], False))
            i = k
        if i < n and text[i] == ",":
            i += 1
            field_start = False
            continue
        # end of record (or of text)
        rows.append(row)
        row = []
        field_start = True
        if i < n:
            if text[i] == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 2
            else:
                i += 1
    if row:
        rows.append(row)
    return trim(rows)


def trim(rows):
    out = []
    for r in rows:
        while r and r[-1][0] == "":
            r = r[:-1]
        out.append(r)
    while out and not out[-1]:
        out.pop()
    return out


def read_csv(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError("not UTF-8: %s" % e)
    return parse_csv(text)


# ----------------------------------------------------------------------- values

NUM_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
PCT_RE = re.compile(r"^([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s?%$")
ISO_RE = re.compile(  # also LibreOffice's YYYY/MM/DD (East Asian locales' input form)
    r"^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$")
US_RE = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?"
    r"(?:\s*([AaPp][Mm]))?)?$")
TIME_RE = re.compile(r"^(-?)(\d+):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([AaPp][Mm]))?$")
ERROR_RE = re.compile(r"^(#(NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!"
                      r"|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)|Err:\d{3})$")


def as_number(s):
    if NUM_RE.match(s):
        v = float(s)
        return v if math.isfinite(v) else None
    m = PCT_RE.match(s)
    if m:
        return float(m.group(1)) / 100.0
    return None


def _hms(h, mi, se, frac, ampm):
    h = int(h)
    if ampm:
        ampm = ampm.lower()
        if h == 12:
            h = 0
        if ampm == "pm":
            h += 12
    return h * 3600 + int(mi) * 60 + int(se or 0) + (float(frac) if frac else 0.0)


def as_seconds(s):
    """Date, date-time, time or duration as seconds (dates from 1899-12-30).

    Returns (seconds, kind) with kind 'date' or 'time', or None.
    """
    m = ISO_RE.match(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        try:
            day = _dt.datetime(y, mo, d)
        except ValueError:
            return None
        secs = (day - EPOCH).total_seconds()
        if m.group(5) is not None:
            secs += _hms(m.group(5), m.group(6), m.group(7), m.group(8), None)
        return secs, "date"
    m = US_RE.match(s)
    if m:
        mo, d, y = int(m.group(1)), int(m.group(2)), m.group(3)
        y = int(y)
        if len(m.group(3)) == 2:  # LibreOffice's default two-digit-year window (1930-2029)
            y += 1900 if y >= 30 else 2000
        try:
            day = _dt.datetime(y, mo, d)
        except ValueError:
            return None
        secs = (day - EPOCH).total_seconds()
        if m.group(4) is not None:
            secs += _hms(m.group(4), m.group(5), m.group(6), m.group(7), m.group(8))
        return secs, "date"
    m = TIME_RE.match(s)
    if m:
        secs = _hms(m.group(2), m.group(3), m.group(4), m.group(5), m.group(6))
        return (-secs if m.group(1) else secs), "time"
    return None


def classify(s):
    """A short word for the kind of a field, for the report."""
    if s == "":
        return "empty"
    if s in ("TRUE", "FALSE"):
        return "boolean"
    if ERROR_RE.match(s):
        return "error"
    if as_number(s) is not None:
        return "number"
    if as_seconds(s) is not None:
        return "date/time"
    return "text"


def same(ours, lo, lo_quoted):
    """Whether our field and LibreOffice's hold the same value.

    Returns (equal, note); note says what kind of difference it is.
    """
    if ours == lo:
        return True, None
    if lo_quoted and not ERROR_RE.match(lo):  # LibreOffice quotes error values too
        return False, "LibreOffice has text" + ("" if classify(ours) == "text" else ", ours %s" % classify(ours))
    ko, kl = classify(ours), classify(lo)
    if ko == "number" and kl == "number":
        a, b = as_number(ours), as_number(lo)
        if math.isclose(a, b, rel_tol=REL_TOL) or (a == 0.0 and b == 0.0):
            return True, None
        return False, "numbers differ"
    if ko == "date/time" and kl == "date/time":
        (a, kind), b = as_seconds(ours), as_seconds(lo)[0]
        candidates = [a]
        if kind == "date" and a < MARCH_1900:
            # Excel's 1900 system counts the non-existent 1900-02-29 (serial 60), so serials
            # 1-59 are one day later in Excel (and in taizhang) than in LibreOffice, whose day 0
            # is 1899-12-30; serial 60 itself comes out as 1900-02-28 on both sides.
            candidates = [a - DAY] + ([a] if a >= FEB28_1900 else [])
        if any(abs(x - b) <= TIME_TOL_SECONDS + 1e-6 for x in candidates):
            return True, None
        return False, "dates/times differ"
    if ko == "error" and kl == "error":
        if lo.startswith("Err:"):
            return False, "error codes differ; %s is LibreOffice's own code" % lo
        return False, "error codes differ"
    if ko == "empty" or kl == "empty":
        return False, "one side empty"
    if ko != kl:
        return False, "%s vs %s" % (ko, kl)
    return False, "%ss differ" % ko


# ------------------------------------------------------------------ cell names

def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_ref(sheet, r, c):
    q = sheet
    if not re.match(r"^[A-Za-z_][A-Za-z0-9_.]*$", sheet) or re.match(r"^[A-Za-z]{1,3}\d+$", sheet):
        q = "'" + sheet.replace("'", "''") + "'"
    return "%s!%s%d" % (q, col_name(c), r + 1)


def show(s, limit=60):
    r = json.dumps(s, ensure_ascii=False)
    if len(r) > limit:
        r = r[: limit - 4] + '..."'
    return r


# --------------------------------------------------------------- formula cells

VOLATILE_RE = re.compile(r"\b(RAND|RANDBETWEEN|NOW|TODAY|OFFSET|INDIRECT|CELL|INFO)\s*\(", re.I)
CELL_RE = re.compile(r"^([A-Za-z]{1,3})(\d+)$")


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def formula_cells(path):
    """{sheet name: {(row, col): volatile}} for the cells of path that hold a formula.

    Only used to explain mismatches (LibreOffice recalculates some formulas on
    load); any trouble reading the package gives {}.
    """
    import posixpath
    import zipfile
    import xml.etree.ElementTree as ET

    out = {}
    with zipfile.ZipFile(path) as z:
        names = {n.replace("\\", "/").lstrip("/").lower(): n for n in z.namelist()}

        def part(name):
            return names.get(posixpath.normpath(name).lstrip("/").lower())

        def rels(of):
            d, b = posixpath.split(of)
            p = part(posixpath.join(d, "_rels", b + ".rels"))
            res = {}
            if p:
                for el in ET.fromstring(z.read(p)).iter():
                    if _local(el.tag) == "Relationship":
                        t = el.get("Target", "")
                        res[el.get("Id")] = (el.get("Type", ""), t if t.startswith("/")
                                             else posixpath.join(d, t))
            return res

        wb = next((t for ty, t in rels("").values() if ty.endswith("/officeDocument")), None)
        wb = wb and part(wb)
        if not wb:
            return out
        wbrels = rels(wb)
        for el in ET.fromstring(z.read(wb)).iter():
            if _local(el.tag) != "sheet":
                continue
            rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
            target = wbrels.get(rid, ("", ""))[1]
            p = part(target) if target else None
            if not p:
                continue
            cells = out.setdefault(el.get("name", ""), {})
            row = col = -1
            stack = []
            for ev, e in ET.iterparse(z.open(p), events=("start", "end")):
                t = _local(e.tag)
                if ev == "start":
                    if t == "row":
                        r = e.get("r")
                        row = int(r) - 1 if r and r.isdigit() else row + 1
                        col = -1
                    elif t == "c":
                        m = CELL_RE.match(e.get("r") or "")
                        if m:
                            col = 0
                            for ch in m.group(1).upper():
                                col = col * 26 + ord(ch) - 64
                            col -= 1
                            row = int(m.group(2)) - 1
                        else:
                            col += 1
                        stack = []
                    elif t == "f":
                        stack.append(e)
                else:
                    if t == "c" and stack:
                        f = stack[0]
                        cells[(row, col)] = (f.get("ca") in ("1", "true")
                                             or bool(VOLATILE_RE.search(f.text or "")))
                    if t in ("c", "row"):
                        e.clear()
    return out


# ------------------------------------------------------------- package check

def check_package(path):
    """Problems that make Excel offer to repair a workbook but that LibreOffice
    silently reads past: a bad zip entry, an XML part that is not well-formed,
    a part with no content type, a relationship to a part that is not there.
    Returns a list of messages (empty when none was found)."""
    import posixpath
    import zipfile
    import xml.parsers.expat
    import xml.etree.ElementTree as ET

    problems = []
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        return ["not a readable zip: %s" % e]
    with z:
        infos = [i for i in z.infolist() if not i.filename.endswith("/")]
        seen = {}
        for i in infos:
            key = i.filename.lower()
            if key in seen:
                problems.append("zip entry %s appears twice" % i.filename)
            seen[key] = i.filename
        for i in infos:
            try:
                with z.open(i) as f:
                    if i.filename.lower().endswith((".xml", ".rels", ".vml")):
                        parser = xml.parsers.expat.ParserCreate()
                        parser.ParseFile(f)
                    else:
                        while f.read(1 << 20):
                            pass
            except xml.parsers.expat.ExpatError as e:
                problems.append("%s is not well-formed XML: %s" % (i.filename, e))
            except Exception as e:  # CRC errors, bad compression
                problems.append("zip entry %s cannot be read: %s" % (i.filename, e))
        ct = seen.get("[content_types].xml")
        if not ct:
            problems.append("[Content_Types].xml is missing")
        else:
            defaults, overrides = set(), set()
            try:
                for el in ET.fromstring(z.read(ct)).iter():
                    if _local(el.tag) == "Default":
                        defaults.add((el.get("Extension") or "").lower())
                    elif _local(el.tag) == "Override":
                        overrides.add((el.get("PartName") or "").lstrip("/").lower())
            except ET.ParseError:
                pass  # reported above
            for i in infos:
                n = i.filename
                if n.lower() == "[content_types].xml" or n.lower() in overrides:
                    continue
                ext = n.rsplit(".", 1)[-1].lower() if "." in posixpath.basename(n) else ""
                if ext not in defaults:
                    problems.append("part %s has no content type" % n)
            for o in sorted(overrides):
                if o not in seen:
                    problems.append("[Content_Types].xml names part /%s, which is not in the package" % o)
        for i in infos:
            n = i.filename
            if not n.lower().endswith(".rels"):
                continue
            d = posixpath.dirname(posixpath.dirname(n))  # x/_rels/y.rels -> x
            try:
                root = ET.fromstring(z.read(i))
            except ET.ParseError:
                continue
            for el in root.iter():
                if _local(el.tag) != "Relationship" or el.get("TargetMode") == "External":
                    continue
                t = el.get("Target") or ""
                t = t.split("#", 1)[0]
                if not t:
                    continue
                from urllib.parse import unquote
                t = unquote(t)
                full = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(d, t))
                if full.lower() not in seen:
                    problems.append("%s: relationship %s points to %s, which is not in the package"
                                    % (n, el.get("Id"), full))
    return problems


# ------------------------------------------------------------------ the folders

def sheet_files(folder, prefix):
    """{sheet name: path} for the PREFIX-<sheet>.csv files in folder."""
    out = {}
    for f in sorted(os.listdir(folder)):
        if f.startswith(prefix + "-") and f.endswith(".csv"):
            out[f[len(prefix) + 1:-4]] = os.path.join(folder, f)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check-package", metavar="FILE",
                    help="only check FILE's zip package (see check_package) and exit 0 or 2")
    ap.add_argument("--ours", help="folder with taizhang's CSVs")
    ap.add_argument("--lo", help="folder with LibreOffice's CSVs")
    ap.add_argument("--inspect", help="taizhang inspect --json output (sheet order and kinds)")
    ap.add_argument("--prefix", default="book", help="file name prefix in both folders (default book)")
    ap.add_argument("--workbook", help="the workbook itself, to point out mismatches in formula cells")
    ap.add_argument("--show", type=int, default=10, help="mismatches to print (default 10)")
    args = ap.parse_args(argv)
    if args.check_package:
        problems = check_package(args.check_package)
        for p in problems[: args.show]:
            print("    " + p)
        if len(problems) > args.show:
            print("    ... and %d more" % (len(problems) - args.show))
        return 2 if problems else 0
    if not args.ours or not args.lo:
        ap.error("--ours and --lo are needed")

    ours = sheet_files(args.ours, args.prefix)
    lo = sheet_files(args.lo, args.prefix)

    order, kinds = [], {}
    if args.inspect:
        try:
            with open(args.inspect, encoding="utf-8") as f:
                info = json.load(f)
            for s in info.get("sheets", []):
                order.append(s["name"])
                kinds[s["name"]] = "%s, %s" % (s.get("kind", "?"), s.get("visibility", "?"))
        except (OSError, ValueError, KeyError) as e:
            print("  note: cannot read %s: %s" % (args.inspect, e))
    formulas = {}
    if args.workbook:
        try:
            formulas = formula_cells(args.workbook)
        except Exception as e:  # only an explanation is lost
            print("  note: cannot list formula cells: %s" % e)
    names = [n for n in order if n in ours or n in lo]
    names += sorted(n for n in set(ours) | set(lo) if n not in names)

    sheets = cells = in_formulas = 0
    mismatches = []  # (ref, ours, lo, note)
    notes = []
    for name in names:
        try:
            a = read_csv(ours[name]) if name in ours else None
            b = read_csv(lo[name]) if name in lo else None
        except (OSError, ValueError) as e:
            print("  error: cannot read the CSV of sheet %s: %s" % (show(name), e))
            return 2
        if a is None or b is None:
            present = b if a is None else a
            who = "taizhang" if a is None else "LibreOffice"
            kind = kinds.get(name, "")
            if not present:
                notes.append("sheet %s%s: not exported by %s; empty on the other side"
                             % (show(name), " (%s)" % kind if kind else "", who))
                continue
            mismatches.append((cell_ref(name, 0, 0), "<no sheet>" if a is None else "<sheet>",
                               "<sheet>" if a is None else "<no sheet>",
                               "sheet %s not exported by %s%s" % (show(name), who,
                                                                  " (%s)" % kind if kind else "")))
            continue
        sheets += 1
        for r in range(max(len(a), len(b))):
            ra = a[r] if r < len(a) else []
            rb = b[r] if r < len(b) else []
            for c in range(max(len(ra), len(rb))):
                va = ra[c][0] if c < len(ra) else ""
                vb, qb = rb[c] if c < len(rb) else ("", False)
                if va == "" and vb == "":
                    continue
                cells += 1
                ok, note = same(va, vb, qb)
                if not ok:
                    fc = formulas.get(name, {}).get((r, c))
                    if fc is not None:
                        in_formulas += 1
                        note += ("; volatile formula: LibreOffice recalculates it on load" if fc
                                 else "; formula cell: LibreOffice may have recalculated it")
                    mismatches.append((cell_ref(name, r, c), va, vb, note))

    for n in notes:
        print("  note: " + n)
    print("  sheets compared: %d, cells compared: %d, mismatches: %d%s"
          % (sheets, cells, len(mismatches),
             " (%d in formula cells)" % in_formulas if in_formulas else ""))
    for ref, va, vb, note in mismatches[: args.show]:
        print("    %s: ours %s vs LibreOffice %s  [%s]" % (ref, show(va), show(vb), note))
    if len(mismatches) > args.show:
        print("    ... and %d more" % (len(mismatches) - args.show))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
