#!/usr/bin/env bash
# The demo's steps on a copy of samples/ whose return files carry a fixed modified time (a CSV return's
# save time is its file time, which a checkout resets), then the sha256 of every output, one per line.
# Used by the test that pins the demo's outputs byte for byte: `scripts/demo-hashes.sh BINARY [WORKDIR]`.
set -euo pipefail
taizhang=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=${2:-$(mktemp -d)}
mkdir -p "$work"
cp "$here/samples/plan-2023.xlsx" "$here/samples/units.yaml" "$work/"
cp -r "$here/samples/returns" "$work/returns"
find "$work/returns" -type f -exec touch -d "2023-07-04T10:00:00Z" {} +
cd "$work"
out=out
mkdir -p "$out"
"$taizhang" convert plan-2023.xlsx "$out/plan-2023.csv" --fill-merged -q
"$taizhang" convert plan-2023.xlsx "$out/plan-2023-gbk.csv" --encoding gb18030 -q
"$taizhang" split plan-2023.xlsx --units units.yaml -o "$out/templates" -q
"$taizhang" merge plan-2023.xlsx returns --units units.yaml --as-of 2023-07-10 \
    -o "$out/总台账.xlsx" --csv "$out/总台账.csv" --json "$out/总台账.json" -q || [ $? -eq 1 ]
"$taizhang" report "$out/总台账.json" -o "$out/简报.xlsx" --report-by 2023-07-05 --text "$out/简报.txt" -q
cd "$out" && find . -type f | LC_ALL=C sort | xargs sha256sum
