#!/usr/bin/env bash
# An independent check that workbooks open in LibreOffice and hold the values taizhang reads.
#
#   scripts/check-libreoffice.sh [--install] [--timeout SECONDS] [--recalc] [--keep] FILE.xlsx...
#
# For each FILE:
#   1. the zip package is checked for what Excel would offer to repair but LibreOffice silently
#      reads past (XML parts that are not well-formed, bad zip entries, parts without a content
#      type, relationships to missing parts; scripts/compare_csv.py --check-package);
#   2. LibreOffice (headless, private profile, timeout, the OOXML import filter forced so that a
#      mislabelled file is not quietly opened as something else) converts EVERY sheet to CSV;
#   3. `taizhang convert FILE OUT.csv --all-sheets --encoding utf8` writes our reading of it;
#   4. scripts/compare_csv.py compares the two sheet by sheet, cell by cell, after normalising what
#      legitimately differs (line ends, trailing empty fields and rows, number and date notation).
#      Mismatches in formula cells and pivot-table sheets are labelled (LibreOffice recalculates
#      volatile formulas, formulas with no cached value and cached errors, and rebuilds pivot
#      tables) but still count.
#
# Options:
#   --install          install LibreOffice with apt-get (libreoffice-calc-nogui) when missing
#   --timeout SECONDS  per-file limit for LibreOffice (default 120)
#   --recalc           let LibreOffice recalculate every formula on load (default: never, so the
#                      values cached in the file are what is compared, apart from the cases above)
#   --keep             keep the temporary folder (its path is printed) to look at both CSVs
# Environment: TAIZHANG (the binary; default .build/release/taizhang, then taizhang on PATH),
#              SOFFICE (the LibreOffice program; default soffice, then libreoffice).
#
# Exit: 0 every file matches; 1 some file has mismatches; 2 some file could not be converted
# (LibreOffice failed to open it, timed out, taizhang could not read it, or the package check
# found a problem -- the "repair prompt" cases); 3 LibreOffice (7.2 or newer), taizhang or python3
# is missing; 4 bad usage.  The last line is "N passed, M failed" (files).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")

usage() { sed -n '2,31p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

install=0 timeout_s=120 recalc=0 keep=0
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --install) install=1 ;;
        --timeout) [ $# -ge 2 ] || { usage >&2; exit 4; }; timeout_s=$2; shift ;;
        --timeout=*) timeout_s=${1#--timeout=} ;;
        --recalc) recalc=1 ;;
        --keep) keep=1 ;;
        -h|--help) usage; exit 0 ;;
        --) shift; files+=("$@"); break ;;
        -*) echo "check-libreoffice: unknown option $1" >&2; usage >&2; exit 4 ;;
        *) files+=("$1") ;;
    esac
    shift
done
[ ${#files[@]} -gt 0 ] || { usage >&2; exit 4; }
case "$timeout_s" in ''|*[!0-9]*) echo "check-libreoffice: --timeout wants whole seconds" >&2; exit 4 ;; esac

# ---------------------------------------------------------------- LibreOffice
find_soffice() {
    if [ -n "${SOFFICE:-}" ]; then command -v "$SOFFICE"; return; fi
    command -v soffice || command -v libreoffice
}
soffice=$(find_soffice)
if [ -z "$soffice" ]; then
    if [ "$install" -eq 1 ]; then
        echo "check-libreoffice: installing libreoffice-calc-nogui with apt-get" >&2
        if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
        export DEBIAN_FRONTEND=noninteractive
        $SUDO apt-get update -qq >/dev/null
        # -nogui: the headless build of Calc, no X11/GTK (about 90 MB to fetch without recommends).
        $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null \
            || { echo "check-libreoffice: apt-get install libreoffice-calc-nogui failed" >&2; exit 3; }
        soffice=$(find_soffice)
    fi
    if [ -z "$soffice" ]; then
        echo "check-libreoffice: LibreOffice is not installed (no soffice or libreoffice on PATH)." >&2
        echo "  Install it with: apt-get install --no-install-recommends libreoffice-calc-nogui" >&2
        echo "  or run this script with --install." >&2
        exit 3
    fi
fi

# ---------------------------------------------------------------- taizhang
if [ -n "${TAIZHANG:-}" ]; then
    taizhang=$(command -v "$TAIZHANG" || true)
elif [ -x "$repo/.build/release/taizhang" ]; then
    taizhang=$repo/.build/release/taizhang
else
    taizhang=$(command -v taizhang || true)
fi
if [ -z "$taizhang" ] || [ ! -x "$taizhang" ]; then
    echo "check-libreoffice: taizhang not found; build it (swift build -c release) or set TAIZHANG." >&2
    exit 3
fi
command -v python3 >/dev/null || { echo "check-libreoffice: python3 is needed" >&2; exit 3; }

# ---------------------------------------------------------------- private profile
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-libreoffice.XXXXXX")
cleanup() { if [ "$keep" -eq 1 ]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM
profile=$tmp/profile
mkdir -p "$profile/user"
# en-US locale whatever the machine's (so booleans are TRUE/FALSE and dates parse the same);
# OOXMLRecalcMode 1 = never recalculate on load, 0 = always.
cat > "$profile/user/registrymodifications.xcu" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>$([ "$recalc" -eq 1 ] && echo 0 || echo 1)</value></prop></item>
</oor:items>
EOF
lo() {
    timeout -k 10 "$timeout_s" "$soffice" "-env:UserInstallation=file://$profile" \
        --headless --invisible --norestore --nolockcheck --nologo --nodefault "$@"
}

version=$(lo --version 2>/dev/null | grep -o 'LibreOffice [0-9][0-9.]*' | head -n 1)
vnum=${version#LibreOffice }
major=${vnum%%.*}; rest=${vnum#*.}; minor=${rest%%.*}
if [ -z "$vnum" ] || [ "$major" -lt 7 ] || { [ "$major" -eq 7 ] && [ "$minor" -lt 2 ]; }; then
    echo "check-libreoffice: need LibreOffice 7.2 or newer (CSV export of every sheet); found '${version:-unknown}' at $soffice" >&2
    exit 3
fi

# CSV export filter options, by token (LibreOffice 7.2+):
#   44 field separator ','   34 text delimiter '"'   76 UTF-8   1 first line   (column formats)
#   0 language   true = quote ALL text cells (so a number stored as text stays text)
#   true = save numbers as numbers   false = NOT "as shown" (raw values, not display formats)
#   false = results, not formulas   false = no trimming   -1 = every sheet, one file each
csv_options='44,34,76,1,,0,true,true,false,false,false,-1'
echo "LibreOffice ${vnum} ($soffice); taizhang $taizhang"
echo "filter: csv:Text - txt - csv (StarCalc):$csv_options"

# ---------------------------------------------------------------- each file
# check_one FILE WORKDIR: prints the report for FILE; returns 0 match, 1 mismatches, 2 errors.
check_one() {
    local f=$1 work=$2 status=0 lo_ok=1 ours_ok=1 ext infilter rc lo_rc why t0 t1 t2 t3 t4
    t0=$EPOCHREALTIME
    mkdir -p "$work/lo" "$work/ours"
    if [ ! -f "$f" ] || [ ! -r "$f" ]; then
        echo "  CONVERSION ERROR: cannot read the file"
        return 2
    fi
    ext=$(basename -- "$f"); case "$ext" in *.*) ext=${ext##*.}; ext=${ext,,} ;; *) ext=xlsx ;; esac
    case "$ext" in
        xlsm) infilter='Calc MS Excel 2007 VBA XML' ;;
        xlsx) infilter='Calc MS Excel 2007 XML' ;;
        *) infilter= ;;  # let LibreOffice detect the type
    esac
    # The same name on both sides: LibreOffice writes book-<sheet>.csv, so does taizhang.
    cp "$f" "$work/book.$ext"

    # The package itself. LibreOffice reads past a sheet or string table that is not well-formed
    # XML (it keeps what it parsed and says nothing), where Excel offers to repair the file.
    if ! python3 "$here/compare_csv.py" --check-package "$work/book.$ext" >"$work/package.log" 2>&1; then
        echo "  PACKAGE ERROR (Excel would offer to repair the file or refuse it):"
        cat "$work/package.log"
        status=2
    fi
    t1=$EPOCHREALTIME

    # LibreOffice. It exits 0 even when it cannot load a file, so also look for the CSVs.
    lo ${infilter:+"--infilter=$infilter"} \
        --convert-to "csv:Text - txt - csv (StarCalc):$csv_options" \
        --outdir "$work/lo" "$work/book.$ext" >"$work/lo.log" 2>&1
    lo_rc=$?
    t2=$EPOCHREALTIME
    shopt -s nullglob; local lo_csv=("$work"/lo/book-*.csv); shopt -u nullglob
    if [ "$lo_rc" -ne 0 ] || [ ${#lo_csv[@]} -eq 0 ] || grep -q '^Error' "$work/lo.log"; then
        if [ "$lo_rc" -eq 124 ] || [ "$lo_rc" -eq 137 ]; then why="timed out after ${timeout_s}s"
        else why="exit $lo_rc, ${#lo_csv[@]} sheets written"; fi
        echo "  CONVERSION ERROR: LibreOffice could not open/convert it ($why):"
        grep -v 'javaldx' "$work/lo.log" | sed 's/^/    /' | tail -n 5
        lo_ok=0 status=2
    fi

    # taizhang
    "$taizhang" inspect "$work/book.$ext" --json >"$work/inspect.json" 2>/dev/null || true
    if ! "$taizhang" convert "$work/book.$ext" "$work/ours/book.csv" --all-sheets --encoding utf8 \
            >"$work/ours.log" 2>&1; then
        echo "  CONVERSION ERROR: taizhang could not read it:"
        sed 's/^/    /' "$work/ours.log" | tail -n 5
        ours_ok=0 status=2
    fi
    t3=$EPOCHREALTIME

    if [ "$lo_ok" -eq 1 ] && [ "$ours_ok" -eq 1 ]; then
        python3 "$here/compare_csv.py" --ours "$work/ours" --lo "$work/lo" --prefix book \
            --inspect "$work/inspect.json" --lo-log "$work/lo.log" --workbook "$work/book.$ext"
        rc=$?
        if [ "$rc" -eq 1 ] && [ "$status" -eq 0 ]; then status=1; fi
        if [ "$rc" -gt 1 ]; then echo "  CONVERSION ERROR: the CSVs could not be compared"; status=2; fi
    elif [ "$lo_ok" -eq 0 ] && [ "$ours_ok" -eq 1 ]; then
        echo "  note: taizhang read it; LibreOffice did not"
    elif [ "$lo_ok" -eq 1 ] && [ "$ours_ok" -eq 0 ]; then
        echo "  note: LibreOffice read it (${#lo_csv[@]} sheets); taizhang did not"
    fi
    t4=$EPOCHREALTIME
    case $status in
        0) echo "  PASS" ;;
        1) echo "  FAIL (values differ)" ;;
        *) echo "  FAIL (conversion error)" ;;
    esac
    awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" 'BEGIN {
        printf "  time: %.2fs (package %.2fs, LibreOffice %.2fs, taizhang %.2fs, compare %.2fs)\n",
               e-a, b-a, c-b, d-c, e-d }'
    return "$status"
}

passed=0 failed=0 errors=0 mismatched=0 n=0
for f in "${files[@]}"; do
    n=$((n + 1))
    echo
    echo "== $f"
    check_one "$f" "$tmp/$n"
    case $? in
        0) passed=$((passed + 1)) ;;
        1) failed=$((failed + 1)); mismatched=$((mismatched + 1)) ;;
        *) failed=$((failed + 1)); errors=$((errors + 1)) ;;
    esac
    [ "$keep" -eq 1 ] || rm -rf "${tmp:?}/$n"
done

echo
echo "$passed passed, $failed failed"
if [ "$errors" -gt 0 ]; then exit 2; fi
if [ "$mismatched" -gt 0 ]; then exit 1; fi
exit 0
