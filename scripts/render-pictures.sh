#!/usr/bin/env bash
# Render small PNG pictures of the demo workbooks for the user guide.
#
# Usage: scripts/render-pictures.sh [OUT_DIR=out] [DEST=docs/images]
#
# Needs: soffice (LibreOffice), pdftoppm (poppler-utils), timeout.
# Chinese text needs a CJK font (e.g. `apt-get install -y fonts-wqy-microhei`
# or fonts-noto-cjk); without one the glyphs render as boxes.
# Inputs come from `make demo`: OUT_DIR/templates/*.xlsx, OUT_DIR/总台账.xlsx,
# OUT_DIR/简报.xlsx. Writes DEST/template.png, DEST/ledger.png, DEST/briefing.png
# (page 1 of each workbook's PDF export).
set -euo pipefail

OUT_DIR=${1:-out}
DEST=${2:-docs/images}
RES=${RENDER_DPI:-60}
SOFFICE_TIMEOUT=${SOFFICE_TIMEOUT:-120}

for tool in soffice pdftoppm timeout; do
  command -v "$tool" >/dev/null 2>&1 || { echo "render-pictures: missing tool: $tool" >&2; exit 1; }
done
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "render-pictures: warning: no CJK font found (fc-list :lang=zh); Chinese will render as boxes" >&2
fi

template="$OUT_DIR/templates/办公室-任务反馈表.xlsx"
if [ ! -f "$template" ]; then
  template=$(find "$OUT_DIR/templates" -maxdepth 1 -name '*.xlsx' 2>/dev/null | LC_ALL=C sort | head -n 1 || true)
fi
ledger="$OUT_DIR/总台账.xlsx"
briefing="$OUT_DIR/简报.xlsx"
for f in "$template" "$ledger" "$briefing"; do
  if [ -z "$f" ] || [ ! -f "$f" ]; then echo "render-pictures: missing input: ${f:-$OUT_DIR/templates/*.xlsx} (run 'make demo' first)" >&2; exit 1; fi
done

mkdir -p "$DEST"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/render-pictures.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# render INPUT NAME: INPUT.xlsx -> $TMP/NAME.pdf -> $DEST/NAME.png (page 1)
render() {
  local input=$1 name=$2
  local work="$TMP/$name"
  mkdir -p "$work/in" "$work/pdf"
  # Copy to an ASCII name so the PDF name is predictable.
  cp "$input" "$work/in/$name.xlsx"
  timeout "$SOFFICE_TIMEOUT" soffice --headless --norestore --nologo \
    "-env:UserInstallation=file://$TMP/profile" \
    --convert-to pdf --outdir "$work/pdf" "$work/in/$name.xlsx" >"$work/soffice.log" 2>&1 || {
      echo "render-pictures: soffice failed for $input:" >&2; cat "$work/soffice.log" >&2; return 1; }
  [ -s "$work/pdf/$name.pdf" ] || { echo "render-pictures: no PDF for $input" >&2; cat "$work/soffice.log" >&2; return 1; }
  pdftoppm -png -r "$RES" -f 1 -l 1 -singlefile "$work/pdf/$name.pdf" "$work/$name"
  if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --output "$work/$name.png" -- "$work/$name.png" || true
  elif command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o2 "$work/$name.png" || true
  fi
  cp "$work/$name.png" "$DEST/$name.png"
  echo "$DEST/$name.png ($(wc -c <"$DEST/$name.png") bytes) <- $input"
}

render "$template" template
render "$ledger" ledger
render "$briefing" briefing
