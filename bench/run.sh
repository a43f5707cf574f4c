#!/usr/bin/env bash
# Read benchmark: time `taizhang convert IN.xlsx OUT.csv` against Python peers.
#
# Usage: bench/run.sh [--sizes "100000 1000000"] [--all]
#   --sizes  data-row counts of the generated ledger workbooks
#   --all    also run openpyxl above 100k rows (slow)
# Env: TAIZHANG  path to the binary (default: <repo>/.build/release/taizhang)
#
# Each run is measured with /usr/bin/time (wall seconds, peak RSS); the best
# of 3 runs is kept for sizes <= 100k, a single run above. The table goes to
# stdout and to bench/results-read.md.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
TAIZHANG=${TAIZHANG:-$ROOT/.build/release/taizhang}
SIZES="100000 1000000"
ALL=0
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=$2; shift 2 ;;
    --all) ALL=1; shift ;;
    *) echo "usage: $0 [--sizes \"N ...\"] [--all]" >&2; exit 2 ;;
  esac
done

VENV=$BENCH/.venv
PY=$VENV/bin/python
DATA=$BENCH/data
RESULTS=$BENCH/results-read.md
mkdir -p "$DATA"

# pyarrow: fastexcel hands sheets over as Arrow data, and writes the CSV with it.
if ! "$PY" -c 'import python_calamine, fastexcel, openpyxl, pyarrow' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q python-calamine fastexcel openpyxl pyarrow
fi

if [ -x "$TAIZHANG" ]; then
  HAVE_TZ=1
else
  HAVE_TZ=0
  echo "note: no taizhang binary at $TAIZHANG (build it or set TAIZHANG); skipping it" >&2
fi

MEASURE_DIR=$DATA
source "$BENCH/measure.sh"

versions=$("$PY" -c 'from importlib.metadata import version as v
print(", ".join(f"{p} {v(p)}" for p in ("python-calamine", "fastexcel", "openpyxl", "pyarrow")))')
{
  echo "# Read benchmark: XLSX to CSV"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
       "Python $("$PY" -c 'import platform; print(platform.python_version())')," \
       "$versions. Best of 3 runs up to 100k rows, 1 run above."
  echo
  echo "| tool | rows | wall s | rows/s | peak MB | output CSV size |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} >"$RESULTS"
cat "$RESULTS"

for n in $SIZES; do
  xlsx=$DATA/ledger-$n.xlsx
  if [ ! -s "$xlsx" ]; then
    echo "generating $xlsx" >&2
    "$PY" "$BENCH/gen_ledger.py" "$n" "$xlsx.tmp" && mv "$xlsx.tmp" "$xlsx"
  fi
  runs=1; [ "$n" -le 100000 ] && runs=3
  tools="calamine fastexcel"
  { [ "$n" -le 100000 ] || [ "$ALL" = 1 ]; } && tools="$tools openpyxl"
  [ "$HAVE_TZ" = 1 ] && tools="taizhang $tools"
  for tool in $tools floor; do
    cat "$xlsx" >/dev/null  # same warm page cache for every tool
    if [ "$tool" = taizhang ]; then
      res=$(measure "$runs" "$DATA/out.csv" "$TAIZHANG" convert "$xlsx")
    else
      res=$(measure "$runs" "$DATA/out.csv" "$PY" "$BENCH/peers.py" "$tool" "$xlsx")
    fi
    rm -f "$DATA/out.csv"   # up to 345 MB at 1M rows
    if [ "$res" = fail ]; then
      row="| $tool | $n | failed | | | |"
    else
      row=$(echo "$res" | awk -v t="$tool" -v n="$n" '{
        size = ($3 == "-") ? "-" : sprintf("%.1f MB", $3 / 1048576)
        rate = ($1 > 0) ? sprintf("%.0f", n / $1) : "-"
        printf "| %s | %d | %.2f | %s | %.1f | %s |\n", t, n, $1, rate, $2 / 1024, size }')
    fi
    echo "$row" | tee -a "$RESULTS"
  done
done
