#!/usr/bin/env bash
# Regenerates the Word and HTML copies of plans used by the format tests, from their .xlsx:
#   LibreOffice: xlsx -> html (Calc), html -> docx (Writer);  python-docx: xlsx -> docx (make_docx.py).
# Needs soffice with Calc and Writer (libreoffice-calc-nogui, libreoffice-writer-nogui) and a Python with
# openpyxl and python-docx. Run from anywhere; writes next to this script.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PY=${PY:-$ROOT/.build/openpyxl-venv/bin/python}
WORK=$(mktemp -d)
declare -A PLANS=([plan-2023]=$ROOT/samples/plan-2023.xlsx
                  [jiangmen-tdcb]=$ROOT/corpus/real-plans/02-jiangmen-tdcb/plan.xlsx
                  [caidian-2023]=$ROOT/corpus/real-plans/14-caidian-2023/plan.xlsx
                  [shapingba-2022]=$ROOT/corpus/real-plans/24-shapingba-2022/plan.xlsx)
for name in "${!PLANS[@]}"; do
  cp "${PLANS[$name]}" "$WORK/$name.xlsx"
  soffice --headless --convert-to html --outdir "$WORK" "$WORK/$name.xlsx" >/dev/null 2>&1
  cp "$WORK/$name.html" "$HERE/$name-libreoffice.html"
  soffice --headless --convert-to "docx:MS Word 2007 XML" --outdir "$WORK/docx" "$WORK/$name.html" >/dev/null 2>&1
  cp "$WORK/docx/$name.docx" "$HERE/$name-libreoffice.docx"
  "$PY" "$HERE/make_docx.py" "$WORK/$name.xlsx" "$HERE/$name-python-docx.docx"
done
rm -rf "$WORK"
ls -l "$HERE"
