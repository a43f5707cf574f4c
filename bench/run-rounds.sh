#!/usr/bin/env bash
# Reporting rounds benchmark: 12 monthly rounds of 200 units × 1,000 tasks recorded into one ledger store
# (merge --into), then the briefing written from the store (report 台账.db), with each step's wall time and peak
# memory, and the store's size. The figures of docs/benchmarks.md "Recording rounds in the ledger store".
#
# Usage: bench/run-rounds.sh [--rounds N]   (make bench builds both binaries first and then runs it)
# Env: TAIZHANG  path to the binary (default: <repo>/.build/release/taizhang)
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
TAIZHANG=${TAIZHANG:-$ROOT/.build/release/taizhang}
TOOL=$BENCH/.build/release/taizhang-bench
ROUNDS=12
[ "${1:-}" = --rounds ] && ROUNDS=$2
OUT=$ROOT/out/bench/rounds
for binary in "$TAIZHANG" "$TOOL"; do
  [ -x "$binary" ] || { echo "no binary at $binary: run make bench" >&2; exit 1; }
done
rm -rf "$OUT"
mkdir -p "$OUT"
TIME=$OUT/time.txt

# timed NAME CMD...: one line of the table (one run: each round is recorded once).
timed() {
  local name=$1; shift
  if ! /usr/bin/time -f '%e %M' -o "$TIME" "$@" >/dev/null 2>"$OUT/stderr.txt"; then
    echo "failed: $* (see $OUT/stderr.txt)" >&2; exit 1
  fi
  read -r wall kb <"$TIME"
  echo "| $name | $wall s | $((kb / 1024)) MB | $(( $(stat -c %s "$OUT/台账.db") / 1048576 )) MB |"
}

echo "# Reporting rounds: $ROUNDS rounds × 200 units × 1,000 tasks into one store"
echo
echo "$(date +%F), $(nproc) cores; one run per round."
echo
"$TOOL" returns 200 1000 "$OUT/data" 1
"$TAIZHANG" ledger init "$OUT/data/plan.xlsx" --units "$OUT/data/units.yaml" -o "$OUT/台账.db" -q
echo "| step | wall | peak memory | store |"
echo "| --- | ---: | ---: | ---: |"
for month in $(seq 1 "$ROUNDS"); do
  [ "$month" = 1 ] || "$TOOL" returns 200 1000 "$OUT/data" "$month"
  round=$(printf '2023-%02d' "$month")
  timed "merge --into, round $round" "$TAIZHANG" merge "$OUT/data/plan.xlsx" "$OUT/data/returns" --units "$OUT/data/units.yaml" \
    --as-of "$round-10" -o "$OUT/总台账-$round.xlsx" -q --into "$OUT/台账.db" --round "$round"
done
timed "merge alone (round $round, no store)" "$TAIZHANG" merge "$OUT/data/plan.xlsx" "$OUT/data/returns" --units "$OUT/data/units.yaml" \
  --as-of "$round-10" -o "$OUT/总台账-alone.xlsx" -q
timed "report 台账.db (briefing of round $round from the store)" "$TAIZHANG" report "$OUT/台账.db" -o "$OUT/简报.xlsx" --text "$OUT/简报.txt" -q
echo
sed -n '/六、/,/七、/p' "$OUT/简报.txt" | sed '$d'
