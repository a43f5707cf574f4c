#!/usr/bin/env bash
# make fuzz: build the fuzz targets with libFuzzer + AddressSanitizer and run each for SECONDS, seeded with
# the shared .xlsx corpus, the .xls corpus (corpus/xls), the public and office .docx fixtures and the samples.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (default 600 s; targets FuzzReader FuzzXLS FuzzDOCX)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzReader FuzzXLS FuzzDOCX)
corpus_src=${TAIZHANG_CORPUS:-$repo/../shared/corpus}/files

# SwiftPM caches the parent package's file list here; drop it so files added since are built.
rm -f "$here/.build/workspace-state.json" "$here"/.build/*.yaml "$here"/.build/*/debug/description.json
swift build --package-path "$here" --scratch-path "$here/.build" -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
bin=$(swift build --package-path "$here" --scratch-path "$here/.build" -c debug --show-bin-path)

# XML seeds: for each package under ROOTS, parts A, B and C joined by NUL bytes, which the targets wrap in a valid package.
xml_seeds() {
  python3 - "$@" <<'PY'
import os, sys, zipfile, hashlib
out, a, b, c, *roots = sys.argv[1:]
for root in roots:
    for dirpath, _, files in os.walk(root):
        for name in files:
            try:
                z = zipfile.ZipFile(os.path.join(dirpath, name))
                names = {n.lower(): n for n in z.namelist()}
                parts = [z.read(names[p]) if p in names else b"" for p in (a, b, c)]
            except Exception:
                continue
            if parts[0] and len(parts[0]) < 200_000:
                blob = b"\0".join(parts)
                open(os.path.join(out, "xml-" + hashlib.sha1(blob).hexdigest()), "wb").write(blob)
PY
}

# Seeds for one target, copied so that libFuzzer may add to the folder.
seed() {
  local target=$1 out=$2
  case $target in
    FuzzReader)
      if [ -d "$corpus_src" ]; then find "$corpus_src" -type f -exec cp -n {} "$out/" \; ; fi
      cp -n "$repo"/samples/*.xlsx "$out/" 2>/dev/null || true
      xml_seeds "$out" xl/worksheets/sheet1.xml xl/sharedstrings.xml xl/styles.xml "$corpus_src" "$repo/samples" ;;
    FuzzXLS)
      cp -n "$repo"/corpus/xls/files/* "$out/" ;;
    FuzzDOCX)
      cp -n "$repo"/Tests/Fixtures/public/docx/* "$repo"/Tests/Fixtures/office/*.docx "$out/"
      xml_seeds "$out" word/document.xml word/numbering.xml word/styles.xml "$repo/Tests/Fixtures" ;;
  esac
}

failed=0
for target in "${targets[@]}"; do
  work="$here/work/$target"
  mkdir -p "$work/corpus" "$work/artifacts"
  seed "$target" "$work/corpus"
  echo "$target: fuzzing for ${seconds}s with $(ls "$work/corpus" | wc -l) seeds" >&2
  # A finding stops this target only; the others still run. SWIFT_BACKTRACE off: its crash handler trips ASan.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 "$bin/$target" "$work/corpus" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=2000000 -artifact_prefix="$work/artifacts/" -print_final_stats=1 >"$work/last-run.log" 2>&1 || failed=1
  grep -E "stat::|ERROR|SUMMARY|Fatal error|Done" "$work/last-run.log" >&2 || true
  echo "$target log: $work/last-run.log; findings (if any): $work/artifacts/" >&2
done
exit $failed
