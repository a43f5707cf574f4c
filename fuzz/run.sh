#!/usr/bin/env bash
# make fuzz: build the reader fuzz target with libFuzzer + AddressSanitizer and run it,
# seeded with the shared corpus and the bundled samples. Usage: fuzz/run.sh [SECONDS] (default 600).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
seconds=${1:-600}
corpus_src=${TAIZHANG_CORPUS:-$repo/../shared/corpus}/files

# SwiftPM caches the parent package's file list here; drop it so files added since are built.
rm -f "$here/.build/workspace-state.json" "$here"/.build/*.yaml "$here"/.build/*/debug/description.json
swift build --package-path "$here" --scratch-path "$here/.build" -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
binary=$(swift build --package-path "$here" --scratch-path "$here/.build" -c debug --show-bin-path)/FuzzReader

work="$here/work"
mkdir -p "$work/corpus" "$work/artifacts"
# Seeds: every corpus file and sample workbook, copied so that libFuzzer may add to the folder.
if [ -d "$corpus_src" ]; then find "$corpus_src" -type f -exec cp -n {} "$work/corpus/" \; ; fi
cp -n "$repo"/samples/*.xlsx "$work/corpus/" 2>/dev/null || true
# XML seeds (sheet NUL shared strings NUL styles), which the target wraps in a valid package.
python3 - "$work/corpus" "$corpus_src" "$repo/samples" <<'PY'
import os, sys, zipfile, hashlib
out, *roots = sys.argv[1:]
for root in roots:
    for dirpath, _, files in os.walk(root):
        for name in files:
            try:
                z = zipfile.ZipFile(os.path.join(dirpath, name))
                names = {n.lower(): n for n in z.namelist()}
                parts = [z.read(names[p]) if p in names else b"" for p in
                         ("xl/worksheets/sheet1.xml", "xl/sharedstrings.xml", "xl/styles.xml")]
            except Exception:
                continue
            if parts[0] and len(parts[0]) < 200_000:
                blob = b"\0".join(parts)
                open(os.path.join(out, "xml-" + hashlib.sha1(blob).hexdigest()), "wb").write(blob)
PY

echo "fuzzing for ${seconds}s with $(ls "$work/corpus" | wc -l) seeds" >&2
ASAN_OPTIONS=detect_leaks=1 "$binary" "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=2000000 -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>&1 | tee "$work/last-run.log" | grep -E "^#|stat::|ERROR|SUMMARY|Done" >&2
echo "log: $work/last-run.log; findings (if any): $work/artifacts/" >&2
