#!/usr/bin/env bash
# Write benchmark: the same ledger workbook of N data rows written by
#   taizhang       our Swift program: $TAIZHANG_BENCH write ROWS OUT.xlsx
#   libxlsxwriter  C, constant_memory (ledger_libxlsxwriter.c)
#   xlsxwriter     Python XlsxWriter, constant_memory (ledger_xlsxwriter.py)
# The workbook is specified in bench/write/README.md.
#
# Usage: bench/write/run-write.sh [--sizes "100000 1000000"] [--install] [--no-verify] [--keep]
#   --sizes      data-row counts
#   --install    apt-get install libxlsxwriter-dev even if it looks present
#   --no-verify  skip the openpyxl check of each output (slow at 1M rows)
#   --keep       keep the written workbooks in bench/write/.build/
# Env: TAIZHANG_BENCH  path to the Swift program
#                      (default: <repo>/bench/.build/release/taizhang-bench)
#
# libxlsxwriter-dev is installed with apt-get when its header is missing; the
# venv bench/.venv gets XlsxWriter and openpyxl when they are missing. Each
# run is measured with /usr/bin/time (wall seconds, peak RSS); the best of 3
# runs is kept for sizes <= 100k, a single run above. Every output is then
# checked by verify.py (not timed). The table goes to stdout and to
# bench/write/results-write.md.
set -euo pipefail

WRITE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH=$(dirname "$WRITE")
TAIZHANG_BENCH=${TAIZHANG_BENCH:-$BENCH/.build/release/taizhang-bench}
SIZES="100000 1000000"
INSTALL=0
VERIFY=1
KEEP=0
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=$2; shift 2 ;;
    --install) INSTALL=1; shift ;;
    --no-verify) VERIFY=0; shift ;;
    --keep) KEEP=1; shift ;;
    *) echo "usage: $0 [--sizes \"N ...\"] [--install] [--no-verify] [--keep]" >&2; exit 2 ;;
  esac
done

VENV=$BENCH/.venv
PY=$VENV/bin/python
BUILD=$WRITE/.build
RESULTS=$WRITE/results-write.md
export LEDGER_PHRASES=$WRITE/phrases.txt
mkdir -p "$BUILD"

# libxlsxwriter (Debian's package links the system zlib and minizip).
if [ "$INSTALL" = 1 ] || [ ! -f /usr/include/xlsxwriter.h ]; then
  echo "installing libxlsxwriter-dev" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q libxlsxwriter-dev >/dev/null
fi
C_BIN=$BUILD/ledger_libxlsxwriter
if [ ! -x "$C_BIN" ] || [ "$WRITE/ledger_libxlsxwriter.c" -nt "$C_BIN" ]; then
  cc -O2 "$WRITE/ledger_libxlsxwriter.c" -o "$C_BIN" -lxlsxwriter
fi

if ! "$PY" -c 'import xlsxwriter, openpyxl' 2>/dev/null; then
  [ -x "$PY" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q XlsxWriter openpyxl
fi

if [ -x "$TAIZHANG_BENCH" ]; then
  HAVE_TZ=1
else
  HAVE_TZ=0
  echo "note: no Swift writer at $TAIZHANG_BENCH (build it or set TAIZHANG_BENCH); skipping it" >&2
fi

MEASURE_DIR=$BUILD
source "$BENCH/measure.sh"

lxw_version=$(sed -n 's/^#define LXW_VERSION "\(.*\)"/\1/p' /usr/include/xlsxwriter.h)
versions=$("$PY" -c 'import platform, zlib; from importlib.metadata import version as v
print("Python", platform.python_version() + ", XlsxWriter", v("XlsxWriter") + ", zlib", zlib.ZLIB_RUNTIME_VERSION)')
{
  echo "# Write benchmark: the ledger workbook"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
       "libxlsxwriter $lxw_version (Debian), $versions, $(cc --version | head -1)." \
       "Both peers in constant_memory mode (inline strings), deflate at zlib's default level (6)." \
       "Best of 3 runs up to 100k rows, 1 run above; wall time and peak RSS from /usr/bin/time."
  echo
  echo "| tool | rows | wall s | rows/s | peak MB | file MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} >"$RESULTS"
cat "$RESULTS"

tools="libxlsxwriter xlsxwriter"
[ "$HAVE_TZ" = 1 ] && tools="taizhang taizhang-inline $tools"
status=0
for n in $SIZES; do
  runs=1; [ "$n" -le 100000 ] && runs=3
  for tool in $tools; do
    out=$BUILD/$tool-$n.xlsx
    case $tool in
      taizhang) res=$(measure "$runs" "$out" "$TAIZHANG_BENCH" write "$n") ;;
      # Inline strings, as the peers' constant-memory modes write: memory flat in the row count.
      taizhang-inline) res=$(measure "$runs" "$out" "$TAIZHANG_BENCH" write --inline "$n") ;;
      libxlsxwriter) res=$(measure "$runs" "$out" "$C_BIN" "$n") ;;
      xlsxwriter) res=$(measure "$runs" "$out" "$PY" "$WRITE/ledger_xlsxwriter.py" "$n") ;;
    esac
    if [ "$res" = fail ]; then
      row="| $tool | $n | failed | | | |"; status=1
    elif [ "$VERIFY" = 1 ] && ! "$PY" "$WRITE/verify.py" "$out" "$n" >&2; then
      row="| $tool | $n | wrong output | | | |"; status=1
    else
      row=$(echo "$res" | awk -v t="$tool" -v n="$n" '{
        rate = ($1 > 0) ? sprintf("%.0f", n / $1) : "-"
        printf "| %s | %d | %.2f | %s | %.1f | %.1f |\n", t, n, $1, rate, $2 / 1024, $3 / 1048576 }')
    fi
    [ "$KEEP" = 1 ] || rm -f "$out"
    echo "$row" | tee -a "$RESULTS"
  done
done
rm -f "$BUILD/time.txt"
exit $status
