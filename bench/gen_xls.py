#!/usr/bin/env python3
"""Generate a deterministic ledger-shaped legacy .xls (BIFF8) for the .xls read benchmark.

Usage: gen_xls.py ROWS OUT.xls      (needs: pip install xlwt)

The rows of gen_ledger.py's workbook, written by xlwt: a .xls sheet holds at most 65,536 rows, so the
data runs over sheets 总台账, 总台账2, … of 60,000 rows each, every one with the header row. Text cells are
shared strings (as Excel writes them), 完成时限 a date with format yyyy-mm-dd, 序号 a number (RK).
"""
import random
import sys

import xlwt

import gen_ledger as g

PER_SHEET = 60_000


def main(argv):
    rows, out = int(argv[1]), argv[2]
    rng = random.Random(g.SEED)
    pool, off = g.build_pool()
    groups = pool[off["groups"]:off["reqs"]]
    reqs = pool[off["reqs"]:off["progress"]]
    book = xlwt.Workbook(encoding="utf-8")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    sheet, r = None, 0
    group = groups[0]
    for i in range(rows):
        if i % PER_SHEET == 0:
            sheet = book.add_sheet("总台账" if i == 0 else f"总台账{i // PER_SHEET + 1}")
            for c, h in enumerate(g.HEADER):
                sheet.write(0, c, h)
            r = 1
        if i % 20 == 0:
            group = rng.choice(groups)
        status = rng.choices(g.STATUSES, g.STATUS_WEIGHTS)[0]
        sheet.write(r, 0, i + 1)
        sheet.write(r, 1, group)
        sheet.write(r, 2, g.make_text(rng, g.K_TASK))
        sheet.write(r, 3, rng.choice(reqs) if rng.random() < 0.5 else g.make_text(rng, g.K_REQ))
        sheet.write(r, 4, rng.choice(g.UNITS))
        sheet.write(r, 5, 45000 + rng.randint(0, 700), date)
        sheet.write(r, 6, g.make_text(rng, g.K_PROG))
        sheet.write(r, 7, status)
        r += 1
    book.save(out)


if __name__ == "__main__":
    main(sys.argv)
