#!/usr/bin/env python3
"""Check that a written benchmark ledger is the workbook the spec asks for.

Usage: verify.py OUT.xlsx ROWS

Opens the file with openpyxl in read_only mode and checks: the single sheet
总台账, the title property, the header row (values, bold, #D9D9D9 fill, thin
borders), N+1 rows in all, every data row's values A..H against the spec
(B2 and the F2 date included), and F's number format. Then reads the sheet
XML itself for what read_only mode does not expose: the frozen top row, the
column widths and the merged B ranges. Prints one line on success, the first
mismatches and exit status 1 otherwise.
"""
import datetime
import os
import re
import sys
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
UNITS = ["办公室", "法规科", "规划科", "政务科", "审批科", "信息科",
         "督查科", "人事科", "财务科", "服务中心", "数据中心", "监察室"]
STATUS = ["已完成", "推进中", "滞后", "未启动"]
HEADER = ("序号", "工作要求", "具体任务", "具体要求", "牵头单位", "完成时限", "进展情况", "完成状态")
WIDTHS = [6, 18, 40, 40, 14, 12, 40, 10]
BLOCK = 20
TITLE = "台账写入基准"


def load_phrases():
    with open(os.path.join(HERE, "phrases.txt"), encoding="utf-8") as f:
        phrases = [line.strip() for line in f if line.strip()]
    assert len(phrases) == 64
    return phrases


def expected_row(r, P, dates):
    b = (r - 1) // BLOCK
    return (
        r,
        f"第{b + 1}项：{P[b % 64]}" if (r - 1) % BLOCK == 0 else None,
        f"{P[r % 64]}{P[(r * 7) % 64]}（任务{r}）",
        f"{P[(r * 3) % 64]}，{P[(r * 11) % 64]}，{P[(r * 13) % 64]}",
        UNITS[r % 12],
        dates[r % 365],
        f"{P[(r * 5) % 64]}，已完成{r % 100}%",
        STATUS[r % 4],
    )


def expected_merges(n):
    out = []
    for first in range(1, n + 1, BLOCK):
        last = min(first + BLOCK - 1, n)
        if last > first:
            out.append(f"B{first + 1}:B{last + 1}")
    return out


def sheet_member(z):
    names = [m for m in z.namelist() if re.fullmatch(r"xl/worksheets/[^/]+\.xml", m)]
    if len(names) != 1:
        raise SystemExit(f"expected one worksheet part, found {names}")
    return names[0]


def scan_sheet_xml(path):
    """Return (head bytes, merge refs, string storage) from the sheet XML."""
    with zipfile.ZipFile(path) as z:
        shared = "xl/sharedStrings.xml" in z.namelist()
        with z.open(sheet_member(z)) as f:
            head = f.read(1 << 16)
            refs, tail, pat = [], b"", re.compile(rb'<mergeCell ref="([^"]+)"')
            chunk = head
            while chunk:
                buf = tail + chunk
                # Only match in the part that cannot be cut off at the end.
                cut = max(len(buf) - 64, 0)
                for m in pat.finditer(buf, 0):
                    if m.start() < cut:
                        refs.append(m.group(1).decode())
                tail = buf[cut:]
                chunk = f.read(1 << 22)
            refs.extend(m.group(1).decode() for m in pat.finditer(tail))
    inline = b't="inlineStr"' in head
    storage = "shared+inline" if shared and inline else "shared" if shared else "inline"
    return head, refs, storage


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: verify.py OUT.xlsx ROWS")
    path, n = sys.argv[1], int(sys.argv[2])
    P = load_phrases()
    base = datetime.datetime(2023, 1, 1)
    dates = [base + datetime.timedelta(days=d) for d in range(365)]
    errors = []

    def err(msg):
        errors.append(msg)
        if len(errors) >= 10:
            report()

    def report():
        for e in errors:
            print(f"verify {path}: {e}", file=sys.stderr)
        sys.exit(1)

    wb = openpyxl.load_workbook(path, read_only=True)
    if wb.sheetnames != ["总台账"]:
        err(f"sheets {wb.sheetnames}, want ['总台账']")
    if wb.properties.title != TITLE:
        err(f"title {wb.properties.title!r}, want {TITLE!r}")
    ws = wb[wb.sheetnames[0]]

    # Styles of the header and of the first date cell.
    for row in ws.iter_rows(min_row=1, max_row=2):
        for cell in row:
            if cell.row == 1 and cell.value is not None:
                if not cell.font.b:
                    err(f"{cell.coordinate} not bold")
                fg = cell.fill.fgColor.rgb if cell.fill is not None else None
                if cell.fill.fill_type != "solid" or not str(fg).upper().endswith("D9D9D9"):
                    err(f"{cell.coordinate} fill {cell.fill.fill_type} {fg}, want solid D9D9D9")
                b = cell.border
                if any(s.style != "thin" for s in (b.left, b.right, b.top, b.bottom)):
                    err(f"{cell.coordinate} borders not all thin")
            if cell.row == 2 and cell.column == 6 and cell.number_format != "yyyy-mm-dd":
                err(f"F2 number format {cell.number_format!r}")

    count = 0
    for i, values in enumerate(ws.iter_rows(values_only=True)):
        count += 1
        values = tuple(values[:8]) + (None,) * (8 - len(values))
        if i == 0:
            if values != HEADER:
                err(f"header {values}")
            continue
        want = expected_row(i, P, dates)
        if values != want:
            diff = [f"{'ABCDEFGH'[c]}{i + 1}={values[c]!r} want {want[c]!r}"
                    for c in range(8) if values[c] != want[c]]
            err("; ".join(diff))
    wb.close()
    if count != n + 1:
        err(f"{count} rows, want {n + 1}")

    head, refs, storage = scan_sheet_xml(path)
    if not re.search(rb'<pane [^>]*ySplit="1"[^>]*state="frozen"', head) and \
            not re.search(rb'<pane [^>]*state="frozen"[^>]*ySplit="1"', head):
        err("top row not frozen")
    widths = {}
    for m in re.finditer(rb"<col ([^>]*)/>", head):
        attrs = dict(re.findall(rb'(\w+)="([^"]*)"', m.group(1)))
        for c in range(int(attrs[b"min"]), int(attrs[b"max"]) + 1):
            widths[c] = float(attrs[b"width"])
    for c, w in enumerate(WIDTHS, 1):
        # Writers may store the Excel UI width (6) or it plus the cell padding
        # Excel itself adds (6.7109375 for Calibri 11), as XlsxWriter does.
        if not (c in widths and w <= widths[c] < w + 1):
            err(f"column {c} width {widths.get(c)}, want {w} (+padding)")
    want_refs = expected_merges(n)
    if refs != want_refs:
        err(f"{len(refs)} merges, want {len(want_refs)}; first {refs[:3]} want {want_refs[:3]}")

    if errors:
        report()
    print(f"ok {os.path.basename(path)}: {count} rows, {len(refs)} merges, {storage} strings")


if __name__ == "__main__":
    main()
