#!/usr/bin/env bash
# Load on the web page: 200 units hand in their returns at once through their links (bench/serve-load.py), against
# the release binary on a free port. The figures of docs/benchmarks.md "The web page under load".
# Usage: bench/run-serve.sh [UNITS]   (make bench builds the binaries first)
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
TAIZHANG=${TAIZHANG:-$ROOT/.build/release/taizhang}
TOOL=$BENCH/.build/release/taizhang-bench
UNITS=${1:-200}
OUT=$ROOT/out/bench/serve
rm -rf "$OUT"
mkdir -p "$OUT"
[ -d "$ROOT/out/bench/scale/returns" ] || "$TOOL" returns 200 1000 "$ROOT/out/bench/scale"
"$TAIZHANG" serve --store "$OUT/site" --port 0 --insecure-cookies >"$OUT/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q 正在服务 "$OUT/serve.log" && break; sleep 0.1; done
PORT=$(grep -o '地址 http://127.0.0.1:[0-9]*' "$OUT/serve.log" | grep -o '[0-9]*$')
CODE=$(grep -o '设置码：[A-Za-z0-9_-]*' "$OUT/serve.log" | sed 's/设置码：//')
echo "# The web page under load ($(date +%F), $(nproc) cores)"
echo
python3 "$BENCH/serve-load.py" "http://127.0.0.1:$PORT" "$CODE" "$PID" "$ROOT/out/bench/scale" "$UNITS"
kill -TERM $PID
wait $PID || true
echo "log lines: $(grep -c ' POST /u/…/return ' "$OUT/serve.log") uploads, kept: $(ls "$OUT/site/uploads" | wc -l) files"
