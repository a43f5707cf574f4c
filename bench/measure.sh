# Sourced by the benchmark scripts. MEASURE_DIR must name a scratch folder.
#
# measure RUNS OUT CMD...: runs "CMD... OUT" (plain "CMD..." when OUT is -) RUNS times under /usr/bin/time,
# removing OUT before each run; prints "wall_s peak_kb out_bytes" of the fastest run, or "fail" (the tool's
# standard error is kept in $MEASURE_DIR/stderr.txt). The tool's standard output is discarded.
measure() {
  local runs=$1 out=$2; shift 2
  local tfile=$MEASURE_DIR/time.txt best="" kb="" bytes="" args=("$@")
  [ "$out" = - ] || args+=("$out")
  for _ in $(seq "$runs"); do
    [ "$out" = - ] || rm -rf "$out"
    if ! /usr/bin/time -f '%e %M' -o "$tfile" "${args[@]}" >/dev/null 2>"$MEASURE_DIR/stderr.txt"; then
      echo "failed: ${args[*]} (see $MEASURE_DIR/stderr.txt)" >&2
      echo fail; return
    fi
    read -r wall rss <"$tfile"
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
      best=$wall; kb=$rss; bytes=$( [ "$out" = - ] && echo - || stat -c %s "$out" 2>/dev/null || echo -)
    fi
  done
  echo "$best $kb $bytes"
}
