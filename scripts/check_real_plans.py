#!/usr/bin/env python3
"""Check corpus/real-plans/*/expected.json against the cells of each plan.xlsx.

For every plan it loads plan.xlsx with openpyxl (merged cells read as the value of their
top-left cell) and checks, task by task, that:

  - the task's row lies below the header rows, and the task text equals a cell of that row
    verbatim; so does the requirement when there is one;
  - the category (and any parentCategory) is a cell of the row or a section row above it;
  - a deadline taken from a column equals a cell of the row; an embedded deadline is a
    substring of the task or requirement text; a missing deadline has empty text;
  - every extras entry (header -> value) matches the cell under that header (two-row
    headers are named parent/child);
  - every unit name (or its 'written' form) occurs, whitespace ignored, in a cell of the
    row; an open list (openList) has a 等 in the row;

and that taskCount equals the number of tasks, no row holds two tasks, and every non-empty
cell of the data block below the header is accounted for: a task field, a category, a 序号,
an extras value, a deadline, a cell naming the task's units, or a section row (a row whose
non-empty cells all hold one text).

Prints one line per plan and a total; exits 1 if any plan fails.

  /tmp/rp-venv/bin/python scripts/check_real_plans.py [--root DIR] [--only ID ...]
"""

import argparse
import json
import os
import re
import sys

import openpyxl
from openpyxl.utils import get_column_letter

WS = re.compile(r"\s+")
SEQ = re.compile(r"^[0-9]+$")


def squash(s):
    return WS.sub("", s or "")


def resolved_grid(ws):
    """grid[r][c] (1-based) with merged cells holding their top-left value."""
    grid = {}
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        for cell in row:
            grid[(cell.row, cell.column)] = "" if cell.value is None else str(cell.value)
    for rng in ws.merged_cells.ranges:
        top = grid.get((rng.min_row, rng.min_col), "")
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                grid[(r, c)] = top
    return grid


def header_names(grid, header_rows, ncols):
    names = {}
    for c in range(1, ncols + 1):
        parts = []
        for r in header_rows:
            v = grid.get((r, c), "")
            if v and v not in parts:
                parts.append(v)
        names[c] = "/".join(parts)
    return names


def check_plan(plan_dir):
    errors = []
    with open(os.path.join(plan_dir, "source.json"), encoding="utf-8") as f:
        src = json.load(f)
    with open(os.path.join(plan_dir, "expected.json"), encoding="utf-8") as f:
        exp = json.load(f)
    wb = openpyxl.load_workbook(os.path.join(plan_dir, "plan.xlsx"))
    ws = wb.active
    nrows, ncols = ws.max_row, ws.max_column
    grid = resolved_grid(ws)
    header_rows = sorted(src.get("headerRows", []))
    if not header_rows:
        return [f"source.json names no headerRows"], 0
    first_data = max(header_rows) + 1
    headers = header_names(grid, header_rows, ncols)
    seq_cols = {c for c, h in headers.items() if "序号" in h or "序號" in h}

    def row_values(r):
        return [grid.get((r, c), "") for c in range(1, ncols + 1)]

    def section_rows_above(r):
        out = []
        for rr in range(first_data, r):
            vals = {v for v in row_values(rr) if v}
            if len(vals) == 1:
                out.append(vals.pop())
        return out

    tasks = exp.get("tasks", [])
    if exp.get("taskCount") != len(tasks):
        errors.append(f"taskCount {exp.get('taskCount')} != {len(tasks)} tasks")
    by_row = {}
    for t in tasks:
        r = t["row"]
        if r in by_row:
            errors.append(f"row {r} holds two tasks")
        by_row[r] = t

    for t in tasks:
        r = t["row"]
        where = f"row {r}"
        if not (first_data <= r <= nrows):
            errors.append(f"{where}: outside the data block ({first_data}..{nrows})")
            continue
        vals = row_values(r)
        if t["task"] not in vals:
            errors.append(f"{where}: task text is not a cell of the row")
        if t.get("requirement") is not None and t["requirement"] not in vals:
            errors.append(f"{where}: requirement text is not a cell of the row")
        sections = section_rows_above(r)
        cats = ([t["category"]] if t.get("category") is not None else []) + list(t.get("parentCategory", []))
        for cat in cats:
            if cat not in vals and cat not in sections:
                errors.append(f"{where}: category {cat!r} is neither a cell of the row nor a section row above")
        dl = t.get("deadline") or {}
        text = dl.get("text", "")
        if dl.get("kind") == "missing":
            if text:
                errors.append(f"{where}: a missing deadline has text {text!r}")
        elif dl.get("embedded"):
            if text not in t["task"] and text not in (t.get("requirement") or ""):
                errors.append(f"{where}: embedded deadline {text!r} is not in the task or requirement text")
        elif text not in vals:
            errors.append(f"{where}: deadline {text!r} is not a cell of the row")
        if dl.get("kind") in ("date", "range", "milestones") and "due" not in dl and exp.get("planYear") is not None:
            errors.append(f"{where}: {dl.get('kind')} deadline without due")
        for key, value in t.get("extras", {}).items():
            cols = [c for c, h in headers.items() if h == key]
            if not cols:
                errors.append(f"{where}: no header named {key!r} for an extras entry")
            elif not any(grid.get((r, c), "") == value for c in cols):
                errors.append(f"{where}: extras {key!r} = {value!r} does not match the cell")
        squashed = [squash(v) for v in vals]
        for u in t.get("units", []):
            needle = squash(u.get("written", u["name"]))
            if not any(needle in v for v in squashed):
                errors.append(f"{where}: unit {u['name']!r} not found in the row")
            if u.get("role") not in ("lead", "cooperating", "responsible"):
                errors.append(f"{where}: unit {u['name']!r} has role {u.get('role')!r}")
        for name in t.get("unitsInText", []):
            if name not in (t.get("requirement") or "") and name not in t["task"]:
                errors.append(f"{where}: unitsInText {name!r} is not in the task or requirement text")
        if t.get("openList") and not any("等" in v for v in vals):
            errors.append(f"{where}: openList but no 等 in the row")

    # Every non-empty cell of the data block is accounted for.
    for r in range(first_data, nrows + 1):
        vals = row_values(r)
        nonempty = [(c, v) for c, v in enumerate(vals, start=1) if v]
        if not nonempty:
            continue
        t = by_row.get(r)
        if t is None:
            if len({v for _, v in nonempty}) != 1:
                errors.append(f"row {r}: not a task row and not a section row: {[v for _, v in nonempty]}")
            continue
        known = {t["task"]}
        for k in ("requirement", "category"):
            if t.get(k) is not None:
                known.add(t[k])
        known.update(t.get("parentCategory", []))
        known.update(t.get("extras", {}).values())
        dl = t.get("deadline") or {}
        if dl.get("text") and not dl.get("embedded"):
            known.add(dl["text"])
        needles = [squash(u.get("written", u["name"])) for u in t.get("units", [])]
        for c, v in nonempty:
            if v in known:
                continue
            if c in seq_cols or SEQ.match(v):
                continue
            if any(n and n in squash(v) for n in needles):
                continue
            errors.append(f"{get_column_letter(c)}{r}: cell {v[:30]!r} is not accounted for by the task of row {r}")
    return errors, len(tasks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", help="corpus directory (default: <repo>/corpus/real-plans)")
    parser.add_argument("--only", nargs="*", help="plan ids to check (default: all)")
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = args.root or os.path.join(repo, "corpus", "real-plans")
    ids = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "expected.json")))
    if args.only:
        ids = [i for i in ids if i in set(args.only)]
    failed, total = 0, 0
    for plan_id in ids:
        errors, n = check_plan(os.path.join(root, plan_id))
        total += n
        if errors:
            failed += 1
            print(f"FAIL {plan_id}: {n} tasks, {len(errors)} problems")
            for e in errors:
                print(f"     {e}")
        else:
            print(f"ok   {plan_id}: {n} tasks")
    print(f"{len(ids) - failed}/{len(ids)} plans pass, {total} tasks checked")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
