#!/usr/bin/env python3
"""Compare taizhang's per-sheet CSV with LibreOffice's, cell by cell.

Used by scripts/check-libreoffice.sh; standard library only.

    compare_csv.py --ours DIR --lo DIR [--prefix book] [--inspect JSON]
                   [--lo-log LOG] [--workbook FILE.xlsx] [--show 10]

Both folders hold one CSV per sheet named PREFIX-<sheet name>.csv (taizhang's
`convert --all-sheets` and LibreOffice's `--convert-to csv:...:-1` both name
them so when the workbook is called PREFIX.xlsx).  Optional context:
--inspect (`taizhang inspect --json`: sheet order and kinds, date system),
--lo-log (LibreOffice's "Writing sheet ..." lines: its sheet order, used to
pair a sheet LibreOffice renamed), --workbook (to label mismatches in formula
cells and pivot-table sheets, which LibreOffice recomputes).

LibreOffice's side must be exported with "quote all text cells" on and "save
cell contents as shown" off (filter options 44,34,76,1,,0,true,true,false,...).

What is normalised (differences that are not differences in value):
  * line ends (CRLF/LF/CR) between records and inside quoted cells, a UTF-8 BOM;
  * trailing empty fields of a row and trailing empty rows (LibreOffice pads
    rows to its used area, taizhang to the widest row with a value);
  * numbers: both sides parsed as floats, equal within a relative 1e-9
    (LibreOffice writes its own rounded form, e.g. 1.23456789012346E+017,
    0.0000001); LibreOffice's percent form "12.5%" is 0.125;
  * dates and times: taizhang writes YYYY-MM-DD[THH:MM:SS[.fff]], HH:MM:SS
    and [-]H:MM:SS durations; LibreOffice writes the cell's input-line form:
    ISO, MM/DD/YYYY [HH:MM:SS] [AM|PM] (en-US, which the script pins), or the
    form of a locale named in the format code (DD/MM/YYYY, YYYY/MM/DD,
    DD.MM.YYYY); a slashed date is tried both ways round.  Both become
    seconds and must agree to within 1 s.  Before 1900-03-01 LibreOffice's
    day may be one earlier than Excel's (Excel's fictitious 1900-02-29);
  * a boolean that LibreOffice shows as 1/0 (the cell has a number format);
  * a negative number that LibreOffice shows as a date before its epoch
    (Excel shows ##### there; taizhang gives the number).
Nothing else is forgiven.  In particular a LibreOffice field that was quoted
(the export quotes every text cell) is text and must equal ours exactly, so a
number stored as text is not mistaken for a number; a date on one side and a
plain number on the other is reported (with "same serial" when only the
presentation differs); error values must be the same code.

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
_TIME = r"(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([AaPp][Mm]))?)?"
# ISO, and LibreOffice's YYYY/MM/DD (the input form of East Asian locales)
YMD_RE = re.compile(r"^(\d{4})([-/])(\d{1,2})\2(\d{1,2})" + _TIME + "$")
# en-US M/D/Y, or D/M/Y and D.M.Y where the cell's format carries such a locale ([$-809] ...)
XDY_RE = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})" + _TIME + "$")
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


def _day(y, mo, d):
    try:
        return (_dt.datetime(y, mo, d) - EPOCH).total_seconds()
    except ValueError:
        return None


def as_seconds(s):
    """Date, date-time, time or duration as seconds (dates counted from 1899-12-30).

    Returns (candidates, kind): the possible readings (two where day and month
    could be either way round) and 'date' or 'time'; or None.
    """
    m = YMD_RE.match(s)
    if m:
        secs = _day(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if secs is None:
            return None
        if m.group(5) is not None:
            secs += _hms(m.group(5), m.group(6), m.group(7), m.group(8), m.group(9))
        return [secs], "date"
    m = XDY_RE.match(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if len(m.group(4)) == 2:  # LibreOffice's default two-digit-year window (1930-2029)
            y += 1900 if y >= 30 else 2000
        orders = [(a, b), (b, a)] if m.group(2) == "/" else [(b, a)]  # (month, day)
        t = 0.0
        if m.group(5) is not None:
            t = _hms(m.group(5), m.group(6), m.group(7), m.group(8), m.group(9))
        cands = [d + t for d in (_day(y, mo, dd) for mo, dd in orders) if d is not None]
        return (cands, "date") if cands else None
    m = TIME_RE.match(s)
    if m:
        secs = _hms(m.group(2), m.group(3), m.group(4), m.group(5), m.group(6))
        return [-secs if m.group(1) else secs], "time"
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


def _close_seconds(ours, lo):
    """Whether ours (taizhang's date/time text) and lo (LibreOffice's) are the same moment."""
    (a,), kind = as_seconds(ours)
    ours_c = [a]
    if kind == "date" and a < MARCH_1900:
        # Excel's 1900 system counts the non-existent 1900-02-29 (serial 60), so a serial
        # from 1 to 60 is one day later in Excel (and taizhang) than in LibreOffice, whose
        # day 0 is 1899-12-30.  A date written as text (t="d") has no such shift, and
        # taizhang's output does not say which it was, so both readings are allowed.
        ours_c.append(a - DAY)
    return any(abs(x - y) <= TIME_TOL_SECONDS + 1e-6 for x in ours_c for y in as_seconds(lo)[0])


def same(ours, lo, lo_quoted, epoch_offset=0.0):
    """Whether our field and LibreOffice's hold the same value.

    epoch_offset: seconds from 1899-12-30 to the workbook's day 0 (1904 system:
    1462 days).  Returns (equal, note); note says what kind of difference it is.
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
        if _close_seconds(ours, lo):
            return True, None
        return False, "dates/times differ"
    if ko == "boolean" and lo in ("1", "0"):
        # A boolean cell that also carries a numeric format: LibreOffice shows 1/0.
        if (ours == "TRUE") == (lo == "1"):
            return True, None
        return False, "booleans differ"
    if ko == "number" and kl == "date/time":
        cands, kind = as_seconds(lo)
        serials = [(x - (epoch_offset if kind == "date" else 0.0)) / DAY for x in cands]
        n = as_number(ours)
        if n < 0 and any(abs(n - x) <= TIME_TOL_SECONDS / DAY for x in serials):
            # Excel cannot show a negative date (#####); taizhang gives the number,
            # LibreOffice a date before the epoch.
            return True, None
        if any(abs(n - x) <= TIME_TOL_SECONDS / DAY + abs(n) * REL_TOL for x in serials):
            return False, "same serial; a number in taizhang, a date in LibreOffice"
        return False, "number vs date/time"
    if ko == "date/time" and kl == "number":
        n = as_number(lo)
        (a,), kind = as_seconds(ours)
        if abs((a - (epoch_offset if kind == "date" else 0.0)) / DAY - n) <= TIME_TOL_SECONDS / DAY + abs(n) * REL_TOL:
            return False, ("same serial; a date in taizhang, a number in LibreOffice "
                           "(not a date format for LibreOffice)")
        return False, "date/time vs number"
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


def _col_index(letters):
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def workbook_facts(path):
    """What the workbook itself says about cells LibreOffice may not take as stored.

    Returns {sheet name: {"cells": {(row, col): kind}, "pivot": bool}} where kind is
    "volatile" (RAND(), NOW(), ... or ca="1": recalculated on every load),
    "nocache" (a formula with no cached value: taizhang shows it empty, LibreOffice
    computes it), "formula" (any other formula cell) or "array" (a cell of an array
    formula's range).  "pivot" is true when the sheet holds a pivot table, whose
    cells LibreOffice rebuilds from the pivot cache with its own labels.
    Only used to explain mismatches; any trouble reading the package gives {}.
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
            cells = {}
            out[el.get("name", "")] = {
                "cells": cells,
                "pivot": any(ty.endswith("/pivotTable") for ty, _ in rels(p).values()),
            }
            row = col = -1
            f = None
            has_value = False
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
                            col, row = _col_index(m.group(1)), int(m.group(2)) - 1
                        else:
                            col += 1
                        f, has_value = None, False
                    elif t == "f" and f is None:
                        f = e
                    continue
                if t == "v" or t == "is":
                    has_value = has_value or bool(e.text) or len(e) > 0
                elif t == "c" and f is not None:
                    if f.get("t") == "array" and f.get("ref"):
                        ends = [CELL_RE.match(x) for x in f.get("ref").split(":")]
                        if all(ends):
                            r0, r1 = int(ends[0].group(2)) - 1, int(ends[-1].group(2)) - 1
                            c0, c1 = _col_index(ends[0].group(1)), _col_index(ends[-1].group(1))
                            for rr in range(r0, min(r1, r0 + 10000) + 1):
                                for cc in range(c0, min(c1, c0 + 1000) + 1):
                                    cells.setdefault((rr, cc), "array")
                    if f.get("ca") in ("1", "true") or VOLATILE_RE.search(f.text or ""):
                        cells[(row, col)] = "volatile"
                    elif not has_value:
                        cells[(row, col)] = "nocache"
                    else:
                        cells[(row, col)] = "formula"
                if t in ("c", "row"):
                    e.clear()
    return out


CELL_NOTES = {
    "volatile": "volatile formula: LibreOffice recalculates it on load",
    "nocache": "formula with no cached value: LibreOffice computes it, taizhang shows the file's (empty) value",
    "formula": "formula cell: LibreOffice may have recalculated it",
    "array": "in an array formula's range: LibreOffice recalculated it",
}


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


def lo_sheet_order(log):
    """Sheet names in the order LibreOffice wrote them ("Writing sheet NAME -> PATH")."""
    out = []
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"^Writing sheet (.*) -> ", line)
                if m:
                    out.append(m.group(1))
    except OSError:
        pass
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check-package", metavar="FILE",
                    help="only check FILE's zip package (see check_package) and exit 0 or 2")
    ap.add_argument("--ours", help="folder with taizhang's CSVs")
    ap.add_argument("--lo", help="folder with LibreOffice's CSVs")
    ap.add_argument("--prefix", default="book", help="file name prefix in both folders (default book)")
    ap.add_argument("--inspect", help="taizhang inspect --json output (sheet order, kinds, date system)")
    ap.add_argument("--lo-log", help="LibreOffice's conversion output (its sheet order)")
    ap.add_argument("--workbook", help="the workbook itself, to explain mismatches in formula cells")
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

    order, kinds, epoch_offset = [], {}, 0.0
    if args.inspect:
        try:
            with open(args.inspect, encoding="utf-8") as f:
                info = json.load(f)
            for s in info.get("sheets", []):
                order.append(s["name"])
                kinds[s["name"]] = "%s, %s" % (s.get("kind", "?"), s.get("visibility", "?"))
            if info.get("dateSystem") == 1904:
                epoch_offset = 1462 * DAY
        except (OSError, ValueError, KeyError) as e:
            print("  note: cannot read %s: %s" % (args.inspect, e))
    facts = {}
    if args.workbook:
        try:
            facts = workbook_facts(args.workbook)
        except Exception as e:  # only an explanation is lost
            print("  note: cannot list formula cells: %s" % e)

    notes = []
    # Pair the sheets by name; a sheet LibreOffice renamed (it turns "sheet1" into
    # "sheet1 -1" when the name clashes with its own default sheet) is paired by position.
    ours_only = [n for n in order if n in ours and n not in lo]
    ours_only += sorted(n for n in ours if n not in lo and n not in ours_only)
    lo_order = lo_sheet_order(args.lo_log) if args.lo_log else []
    lo_only = [n for n in lo_order if n in lo and n not in ours]
    lo_only += sorted(n for n in lo if n not in ours and n not in lo_only)
    if ours_only and len(ours_only) == len(lo_only):
        for o, l in zip(ours_only, lo_only):
            notes.append("sheet %s is called %s in LibreOffice" % (show(o), show(l)))
            lo[o] = lo.pop(l)
    names = [n for n in order if n in ours or n in lo]
    names += sorted(n for n in set(ours) | set(lo) if n not in names)

    sheets = cells = in_formulas = in_pivots = 0
    mismatches = []  # (ref, ours, lo, note)
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
                ok, note = same(va, vb, qb, epoch_offset)
                if not ok:
                    sf = facts.get(name, {})
                    kind = sf.get("cells", {}).get((r, c))
                    if kind is not None:
                        in_formulas += 1
                        note += "; " + CELL_NOTES[kind]
                    elif sf.get("pivot"):
                        in_pivots += 1
                        note += "; sheet with a pivot table: LibreOffice rebuilds its output"
                    mismatches.append((cell_ref(name, r, c), va, vb, note))

    for n in notes:
        print("  note: " + n)
    explained = []
    if in_formulas:
        explained.append("%d in formula cells" % in_formulas)
    if in_pivots:
        explained.append("%d in pivot-table sheets" % in_pivots)
    print("  sheets compared: %d, cells compared: %d, mismatches: %d%s"
          % (sheets, cells, len(mismatches), " (%s)" % ", ".join(explained) if explained else ""))
    for ref, va, vb, note in mismatches[: args.show]:
        print("    %s: ours %s vs LibreOffice %s  [%s]" % (ref, show(va), show(vb), note))
    if len(mismatches) > args.show:
        print("    ... and %d more" % (len(mismatches) - args.show))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
