"""Rebuilds a plan workbook as a Word table with python-docx, cell for cell, merged ranges merged.

usage: python make_docx.py IN.xlsx OUT.docx   (needs: pip install openpyxl python-docx)
"""
import sys
import openpyxl
from docx import Document

source, target = sys.argv[1], sys.argv[2]
sheet = openpyxl.load_workbook(source).worksheets[0]
rows, cols = sheet.max_row, sheet.max_column
document = Document()
# A title row merged across the table becomes the heading above it, as in a 通知.
first = sheet.cell(1, 1).value
merged = {str(r) for r in sheet.merged_cells.ranges}
start = 1
if first and any(r.min_row == 1 and r.max_row == 1 and r.min_col == 1 and r.max_col == cols for r in sheet.merged_cells.ranges):
    document.add_paragraph(str(first))
    start = 2
table = document.add_table(rows=rows - start + 1, cols=cols)
for r in range(start, rows + 1):
    for c in range(1, cols + 1):
        value = sheet.cell(r, c).value
        if value is not None:
            lines = str(value).split("\n")
            cell = table.cell(r - start, c - 1)
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
for rng in sheet.merged_cells.ranges:
    if rng.min_row < start:
        continue
    table.cell(rng.min_row - start, rng.min_col - 1).merge(table.cell(rng.max_row - start, rng.max_col - 1))
document.save(target)
