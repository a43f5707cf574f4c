#!/usr/bin/env python3
"""Peer readers for the benchmark: first sheet of an XLSX to a UTF-8 CSV.

Usage: peers.py TOOL IN.xlsx OUT.csv
TOOL: calamine (python-calamine), fastexcel, openpyxl (read-only, values only),
      floor (inflate the sheet and shared-string parts only; no CSV written).

Each tool does the job of `taizhang convert IN.xlsx OUT.csv`: every row, the
header included, with "\\n" line ends, integral numbers without ".0", dates as
YYYY-MM-DD (a date-time keeps its time of day), empty cells as empty fields.
"""

import csv
import datetime
import posixpath
import re
import sys
import zipfile


def norm(v):
    """Python value -> CSV value; only non-str values come here."""
    t = type(v)
    if t is float:
        return int(v) if v.is_integer() else v
    if t is datetime.datetime:
        return v.date().isoformat() if v.time() == datetime.time() else v.isoformat(" ")
    if t is datetime.date:
        return v.isoformat()
    return v  # int, bool, None (csv writes None as ""), time, timedelta


def write_rows(rows, out):
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        for row in rows:
            w.writerow([v if type(v) is str else norm(v) for v in row])


def run_calamine(src, out):
    from python_calamine import load_workbook
    # iter_rows walks the loaded sheet lazily, converting one row at a time.
    write_rows(load_workbook(src).get_sheet_by_index(0).iter_rows(), out)


def run_calamine_sheets(src, out):
    """Every sheet, each to OUT-<sheet>.csv (the job of `taizhang convert IN.xls OUT.csv --all-sheets`)."""
    from python_calamine import load_workbook
    wb = load_workbook(src)
    stem = out[:-4] if out.endswith(".csv") else out
    for name in wb.sheet_names:
        write_rows(wb.get_sheet_by_name(name).iter_rows(), f"{stem}-{name}.csv")
    open(out, "w").close()


def run_xlrd_sheets(src, out):
    """As calamine-sheets, with xlrd (dates by the workbook's date mode)."""
    import xlrd
    book = xlrd.open_workbook(src)
    stem = out[:-4] if out.endswith(".csv") else out
    for sheet in book.sheets():
        def rows():
            for r in range(sheet.nrows):
                out_row = []
                for cell in sheet.row(r):
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        out_row.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
                    elif cell.ctype == xlrd.XL_CELL_EMPTY:
                        out_row.append(None)
                    else:
                        out_row.append(cell.value)
                yield out_row
        write_rows(rows(), f"{stem}-{sheet.name}.csv")
    open(out, "w").close()


def run_openpyxl(src, out):
    from openpyxl import load_workbook
    wb = load_workbook(src, read_only=True, data_only=True)
    write_rows(wb.worksheets[0].iter_rows(values_only=True), out)
    wb.close()


def run_fastexcel(src, out):
    # fastexcel has no row streaming: it loads the sheet into an Arrow batch.
    import fastexcel
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv
    batch = fastexcel.read_excel(src).load_sheet(0).to_arrow()
    cols = []
    for col in batch.columns:
        if pa.types.is_timestamp(col.type):
            days = col.cast(pa.date32(), safe=False)
            # Date cells arrive as midnight timestamps: write them as dates.
            if pc.all(pc.equal(days.cast(col.type), col)).as_py() is not False:
                col = days
            else:
                col = pc.strftime(col, "%Y-%m-%d %H:%M:%S")
        elif pa.types.is_floating(col.type):
            ints = col.cast(pa.int64(), safe=False)
            if pc.all(pc.equal(ints.cast(col.type), col)).as_py() is not False:
                col = ints
        cols.append(col)
    # The header row became the column names; write_csv emits them first.
    pcsv.write_csv(pa.record_batch(cols, names=batch.schema.names), out)


def run_floor(src, out):
    """Lower bound: inflate the first sheet and the shared strings, discard."""
    with zipfile.ZipFile(src) as zf:
        parts = [first_sheet(zf)]
        if "xl/sharedStrings.xml" in zf.NameToInfo:
            parts.append("xl/sharedStrings.xml")
        for name in parts:
            with zf.open(name) as f:
                while f.read(1 << 20):
                    pass


def first_sheet(zf):
    """Zip name of the first sheet, via workbook.xml and its relationships."""
    wb = zf.read("xl/workbook.xml").decode()
    rid = re.search(r'<sheet\b[^>]*\br:id="([^"]+)"', wb).group(1)
    rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    for rel in re.findall(r"<Relationship\b[^>]*>", rels):
        if f'Id="{rid}"' in rel:
            target = re.search(r'Target="([^"]+)"', rel).group(1)
            return target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
    raise SystemExit(f"no relationship {rid} in workbook.xml.rels")


TOOLS = {"calamine": run_calamine, "fastexcel": run_fastexcel,
         "openpyxl": run_openpyxl, "floor": run_floor,
         "calamine-sheets": run_calamine_sheets, "xlrd-sheets": run_xlrd_sheets}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in TOOLS:
        sys.exit(f"usage: peers.py {{{'|'.join(TOOLS)}}} IN.xlsx OUT.csv")
    TOOLS[sys.argv[1]](sys.argv[2], sys.argv[3])
