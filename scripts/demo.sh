#!/usr/bin/env bash
# The demo on the bundled samples: the whole round, printed for the clerk in Chinese.
set -euo pipefail
taizhang=${1:-.build/release/taizhang}
out=${2:-out}
mkdir -p "$out"

echo "== taizhang validate samples/plan-2023.xlsx --units samples/units.yaml"
"$taizhang" validate samples/plan-2023.xlsx --units samples/units.yaml
echo
echo "== taizhang inspect samples/plan-2023.xlsx"
"$taizhang" inspect samples/plan-2023.xlsx
echo
echo "== taizhang convert samples/plan-2023.xlsx $out/plan-2023.csv --fill-merged"
"$taizhang" convert samples/plan-2023.xlsx "$out/plan-2023.csv" --fill-merged
echo "已写入 $out/plan-2023.csv，前几行（合并的分组列已逐行填入）："
head -n 5 "$out/plan-2023.csv"
echo
echo "== taizhang convert samples/plan-2023.xlsx $out/plan-2023-gbk.csv --encoding gb18030"
"$taizhang" convert samples/plan-2023.xlsx "$out/plan-2023-gbk.csv" --encoding gb18030
echo "已写入 $out/plan-2023-gbk.csv（GB18030 编码，中文 Windows 上的老版本 Excel 可直接打开）"
echo
echo "== taizhang split samples/plan-2023.xlsx --units samples/units.yaml -o $out/templates"
"$taizhang" split samples/plan-2023.xlsx --units samples/units.yaml -o "$out/templates"
ls "$out/templates"
echo
echo "== taizhang merge samples/plan-2023.xlsx samples/returns -o $out/总台账.xlsx --as-of 2023-07-10"
echo "   （samples/returns 是半年的一轮反馈，包含 samples/returns/README.md 所列的各种不规范情况）"
"$taizhang" merge samples/plan-2023.xlsx samples/returns --units samples/units.yaml --as-of 2023-07-10 \
    -o "$out/总台账.xlsx" --csv "$out/总台账.csv" --json "$out/总台账.json" || true
echo
echo "已写入 $out/总台账.xlsx（总台账、汇总、逾期事项、未报送、问题、来源）、$out/总台账.csv 和 $out/总台账.json"
echo
echo "== taizhang report $out/总台账.json -o $out/简报.xlsx --report-by 2023-07-05 --text $out/简报.txt"
"$taizhang" report "$out/总台账.json" -o "$out/简报.xlsx" --report-by 2023-07-05 --text "$out/简报.txt"
echo "已写入 $out/简报.xlsx（含图表的简报）和 $out/简报.txt"
