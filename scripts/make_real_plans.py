#!/usr/bin/env python3
"""Build corpus/real-plans/*/plan.xlsx from each plan's source.json.

Each source.json holds a task table taken from a public government web page, as the office
would keep it in Excel: the cell texts row by row ("" for an empty cell; a merged range's
value only in its top-left cell), the merged ranges, the title and header rows and the
column widths. This script only lays those cells out; it never changes a text.

Setup and usage (from the repository root):

  python3 -m venv /tmp/rp-venv && /tmp/rp-venv/bin/pip install openpyxl==3.1.5
  /tmp/rp-venv/bin/python scripts/make_real_plans.py [--only ID ...] [--root DIR]

The output is deterministic in the same way as scripts/make_samples.py (whose zip and
shared-string helpers it reuses): fixed document properties, fixed zip entry timestamps and
part order, strings moved into a shared string table as Excel stores them, merged ranges
listed in sheet order. Running it twice gives byte-identical files (with the same openpyxl
version: its name and version go into docProps/app.xml).
"""

import argparse
import datetime
import io
import json
import os
import sys
import zipfile

import openpyxl
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.writer.excel import ExcelWriter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_samples import (  # noqa: E402  (reuse the sample builder's byte-stable helpers)
    SHEET_PART, fixed_zip, use_shared_strings, write_atomic)

OPENPYXL_VERSION = "3.1.5"
FIXED_TIME = datetime.datetime(2024, 1, 2, 9, 0, 0)
CREATOR = "Taizhang real-plan corpus"


def load_source(path):
    with open(path, encoding="utf-8") as f:
        src = json.load(f)
    rows = src["rows"]
    width = max(len(r) for r in rows)
    for i, r in enumerate(rows, start=1):
        for v in r:
            if not isinstance(v, str):
                raise SystemExit(f"{path}: row {i} holds a non-string cell {v!r}")
    for ref in src.get("merges", []):
        c1, r1, c2, r2 = range_boundaries(ref)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) == (r1, c1):
                    continue
                if r <= len(rows) and c <= len(rows[r - 1]) and rows[r - 1][c - 1] != "":
                    raise SystemExit(f"{path}: cell {get_column_letter(c)}{r} is covered by {ref} but not empty")
    return src, width


def build_workbook(src, width):
    wb = Workbook()
    ws = wb.active
    ws.title = src.get("sheetName", "Sheet1")
    title_rows = set(src.get("titleRows", []))
    header_rows = set(src.get("headerRows", []))
    body_start = max(header_rows | title_rows | {0}) + 1

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name="宋体", size=11)
    header_font = Font(name="黑体", size=11, bold=True)
    title_font = Font(name="宋体", size=16, bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)

    rows = src["rows"]
    for r, row in enumerate(rows, start=1):
        for c in range(1, width + 1):
            value = row[c - 1] if c <= len(row) else ""
            cell = ws.cell(r, c)
            if value != "":
                cell.value = value
            if r in title_rows:
                if value.startswith("附件"):
                    cell.font = Font(name="黑体", size=12)
                    cell.alignment = Alignment(horizontal="left", vertical="center")
                else:
                    cell.font = title_font
                    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif r in header_rows:
                cell.font = header_font
                cell.alignment = centre
                cell.border = border
            elif r >= body_start:
                cell.font = body_font
                cell.alignment = left
                cell.border = border
        if r in title_rows and not any(v.startswith("附件") for v in row if v):
            ws.row_dimensions[r].height = 32

    for ref in src.get("merges", []):
        ws.merge_cells(ref)

    for letter, w in sorted(src.get("columnWidths", {}).items()):
        ws.column_dimensions[letter].width = w
    if header_rows:
        last_header = max(header_rows)
        ws.freeze_panes = ws.cell(last_header + 1, 1)
        ws.print_title_rows = f"{min(header_rows)}:{last_header}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4

    titles = [v for r in sorted(title_rows) for v in rows[r - 1] if v and not v.startswith("附件")]
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.title = titles[0] if titles else src["id"]
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def workbook_bytes(wb):
    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # closes the archive; does not stamp 'modified'
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src:
        parts = {info.filename: src.read(info.filename) for info in src.infolist()}
    use_shared_strings(parts)
    return fixed_zip(parts, FIXED_TIME)


def read_back(path, src, width):
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    got = [["" if v is None else v for v in row]
           for row in ws.iter_rows(min_row=1, max_row=len(src["rows"]), max_col=width, values_only=True)]
    want = [row + [""] * (width - len(row)) for row in src["rows"]]
    assert got == want, f"{path}: cells read back differ from source.json"
    merges = sorted(str(m) for m in ws.merged_cells.ranges)
    assert merges == sorted(src.get("merges", [])), f"{path}: merged ranges read back differ"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", help="corpus directory (default: <repo>/corpus/real-plans)")
    parser.add_argument("--only", nargs="*", help="plan ids to build (default: all)")
    args = parser.parse_args()

    if openpyxl.__version__ != OPENPYXL_VERSION:
        print(f"warning: openpyxl {openpyxl.__version__}, not {OPENPYXL_VERSION}: "
              "the xlsx bytes may differ from a build with the pinned version", file=sys.stderr)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = args.root or os.path.join(repo, "corpus", "real-plans")
    ids = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "source.json")))
    if args.only:
        ids = [i for i in ids if i in set(args.only)]
    for plan_id in ids:
        src, width = load_source(os.path.join(root, plan_id, "source.json"))
        if src["id"] != plan_id:
            raise SystemExit(f"{plan_id}: source.json id is {src['id']!r}")
        out = os.path.join(root, plan_id, "plan.xlsx")
        write_atomic(out, workbook_bytes(build_workbook(src, width)))
        read_back(out, src, width)
        print(f"{plan_id}: {len(src['rows'])} rows x {width} columns, {len(src.get('merges', []))} merged ranges")
    print(f"built {len(ids)} plan.xlsx files under {root}")


if __name__ == "__main__":
    main()
