#!/usr/bin/env bash
# .xls read benchmark: every sheet of a 100k-row legacy workbook to CSV, taizhang against python-calamine
# and xlrd. Usage: bench/run-xls.sh [--rows N]   (best of 3 runs; part of make bench)
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
TAIZHANG=${TAIZHANG:-$ROOT/.build/release/taizhang}
ROWS=100000
[ "${1:-}" = --rows ] && ROWS=$2
VENV=$BENCH/.venv
PY=$VENV/bin/python
DATA=$BENCH/data
mkdir -p "$DATA"
if ! "$PY" -c 'import python_calamine, xlrd, xlwt' 2>/dev/null; then
  [ -x "$PY" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q python-calamine xlrd xlwt
fi
xls=$DATA/ledger-$ROWS.xls
if [ ! -s "$xls" ]; then
  echo "generating $xls" >&2
  (cd "$BENCH" && "$PY" gen_xls.py "$ROWS" "$xls.tmp" && mv "$xls.tmp" "$xls")
fi
MEASURE_DIR=$DATA
source "$BENCH/measure.sh"
versions=$("$PY" -c 'from importlib.metadata import version as v
print(", ".join(f"{p} {v(p)}" for p in ("python-calamine", "xlrd")))')
echo "# Read benchmark: .xls (BIFF8) to CSV, every sheet"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores; $versions; $ROWS rows over $(( (ROWS + 59999) / 60000 )) sheets, $(( $(stat -c %s "$xls") / 1048576 )) MB. Best of 3."
echo
echo "| tool | rows | wall s | rows/s | peak MB |"
echo "| --- | ---: | ---: | ---: | ---: |"
for tool in taizhang calamine-sheets xlrd-sheets; do
  cat "$xls" >/dev/null
  if [ "$tool" = taizhang ]; then
    res=$(measure 3 "$DATA/xls-out.csv" "$TAIZHANG" convert "$xls" --all-sheets)
  else
    res=$(measure 3 "$DATA/xls-out.csv" "$PY" "$BENCH/peers.py" "$tool" "$xls")
  fi
  rm -f "$DATA"/xls-out*.csv
  read -r wall kb _ <<<"$res"
  awk -v t="$tool" -v n="$ROWS" -v w="$wall" -v k="$kb" 'BEGIN { printf "| %s | %d | %.2f | %d | %.0f |\n", t, n, w, n / w, k / 1024 }'
done
