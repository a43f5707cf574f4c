#!/usr/bin/env bash
# Ledger benchmark: a generated 100k-task plan read and validated (the two steps timed apart), the other
# commands on it, and a merge of 200 filled returns of a 1,000-task plan. The figures of
# docs/benchmarks.md "Validating a plan" and "Merging returns at scale".
#
# Usage: bench/run-ledger.sh   (make bench builds both binaries first and then runs it)
# Env: TAIZHANG  path to the binary (default: <repo>/.build/release/taizhang)
#
# End-to-end runs are measured with /usr/bin/time (wall seconds, peak RSS), best of 3 (bench/measure.sh).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
TAIZHANG=${TAIZHANG:-$ROOT/.build/release/taizhang}
TOOL=$BENCH/.build/release/taizhang-bench
OUT=$ROOT/out/bench
UNITS=$ROOT/samples/units.yaml
mkdir -p "$OUT"
for binary in "$TAIZHANG" "$TOOL"; do
  [ -x "$binary" ] || { echo "no binary at $binary: run make bench" >&2; exit 1; }
done

[ -f "$OUT/plan100k.xlsx" ] || "$TOOL" plan 100000 "$OUT/plan100k.xlsx"
[ -d "$OUT/scale/returns" ] || "$TOOL" returns 200 1000 "$OUT/scale"

MEASURE_DIR=$OUT
source "$BENCH/measure.sh"

# row NAME OUT CMD...: one line of the table, best of 3.
row() {
  local name=$1; shift
  local res wall kb
  res=$(measure 3 "$@")
  if [ "$res" = fail ]; then echo "| $name | failed | |"; return; fi
  read -r wall kb _ <<<"$res"
  echo "| $name | $wall s | $((kb / 1024)) MB |"
}

echo "# Ledger benchmark"
echo
echo "$(date +%F), $(nproc) cores; best of 3 runs."
echo
echo "Read and validate apart (\`taizhang-bench validate\`): $("$TOOL" validate "$OUT/plan100k.xlsx" "$UNITS")"
echo
echo "| command | wall | peak memory |"
echo "| --- | ---: | ---: |"
row "validate, 100k tasks" - "$TAIZHANG" validate "$OUT/plan100k.xlsx" --units "$UNITS" -q
row "validate without --units, 100k tasks" - "$TAIZHANG" validate "$OUT/plan100k.xlsx" -q
row "inspect (streams every row), 100k tasks" - "$TAIZHANG" inspect "$OUT/plan100k.xlsx"
row "split into 8 templates, 100k tasks" "$OUT/split" "$TAIZHANG" split "$OUT/plan100k.xlsx" --units "$UNITS" -q -o
row "merge 200 returns × 1,000 tasks" - "$TAIZHANG" merge "$OUT/scale/plan.xlsx" "$OUT/scale/returns" --units "$OUT/scale/units.yaml" \
  --as-of 2023-07-10 -o "$OUT/scale/ledger.xlsx" --json "$OUT/scale/ledger.json" -q
row "report of that ledger" - "$TAIZHANG" report "$OUT/scale/ledger.json" -o "$OUT/scale/简报.xlsx" -q
