#!/usr/bin/env python3
"""Write the benchmark ledger workbook with XlsxWriter in constant_memory mode.

Usage: ledger_xlsxwriter.py ROWS OUT.xlsx

The workbook layout is specified in bench/write/README.md (sheet 总台账, a
formatted header row, N data rows, column B merged in blocks of 20 rows).

constant_memory quirks handled here:
- Rows must be written strictly in order; a write to a row before the last
  one started is dropped (the write_*() call returns -1).
- merge_range() writes its first cell and then pads the rest of the range
  with *formatted* blank cells. In constant_memory mode a blank written to a
  later row flushes the current row, so the rest of the block's cells (A,
  C..H of rows 2..20) would then be silently dropped. merge_range() is
  therefore called with no format: XlsxWriter skips unformatted blanks, and
  the merge itself is only recorded and written as <mergeCells> after the
  sheet data. It is called while writing the block's first row.
- Strings are written inline (t="inlineStr"), not to the shared string table.
"""
import datetime
import os
import sys

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
UNITS = ["办公室", "法规科", "规划科", "政务科", "审批科", "信息科",
         "督查科", "人事科", "财务科", "服务中心", "数据中心", "监察室"]
STATUS = ["已完成", "推进中", "滞后", "未启动"]
HEADER = ["序号", "工作要求", "具体任务", "具体要求", "牵头单位", "完成时限", "进展情况", "完成状态"]
WIDTHS = [6, 18, 40, 40, 14, 12, 40, 10]
BLOCK = 20


def load_phrases():
    with open(os.path.join(HERE, "phrases.txt"), encoding="utf-8") as f:
        phrases = [line.strip() for line in f if line.strip()]
    assert len(phrases) == 64, f"phrases.txt must have 64 lines, has {len(phrases)}"
    return phrases


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: ledger_xlsxwriter.py ROWS OUT.xlsx")
    n = int(sys.argv[1])
    out = sys.argv[2]
    P = load_phrases()

    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    wb.set_properties({"title": "台账写入基准"})
    ws = wb.add_worksheet("总台账")
    head = wb.add_format({"bold": True, "bg_color": "#D9D9D9", "pattern": 1, "border": 1})
    datef = wb.add_format({"num_format": "yyyy-mm-dd"})
    for col, w in enumerate(WIDTHS):
        ws.set_column(col, col, w)
    ws.freeze_panes(1, 0)
    for col, h in enumerate(HEADER):
        ws.write_string(0, col, h, head)

    base = datetime.date(2023, 1, 1)
    dates = [base + datetime.timedelta(days=d) for d in range(365)]
    write_number, write_string, write_datetime = ws.write_number, ws.write_string, ws.write_datetime

    for r in range(1, n + 1):
        row = r  # sheet row r+1, zero-based r
        write_number(row, 0, r)
        if (r - 1) % BLOCK == 0:
            b = (r - 1) // BLOCK
            text = f"第{b + 1}项：{P[b % 64]}"
            last = min(r + BLOCK - 1, n)
            if last > r:
                ws.merge_range(row, 1, last, 1, text)  # no format: see docstring
            else:
                write_string(row, 1, text)
        write_string(row, 2, f"{P[r % 64]}{P[(r * 7) % 64]}（任务{r}）")
        write_string(row, 3, f"{P[(r * 3) % 64]}，{P[(r * 11) % 64]}，{P[(r * 13) % 64]}")
        write_string(row, 4, UNITS[r % 12])
        write_datetime(row, 5, dates[r % 365], datef)
        write_string(row, 6, f"{P[(r * 5) % 64]}，已完成{r % 100}%")
        write_string(row, 7, STATUS[r % 4])

    wb.close()


if __name__ == "__main__":
    main()
