"""Writes a plan workbook as the page a government site publishes it on, in the shape of the seed's page
(breadcrumb, title, date and source, the table with rowspan/colspan): samples/plan-2023.html.

usage: python make_page.py IN.xlsx OUT.html   (needs: pip install openpyxl)
"""
import html
import sys
import openpyxl

source, target = sys.argv[1], sys.argv[2]
sheet = openpyxl.load_workbook(source).worksheets[0]
spans = {}
covered = set()
for rng in sheet.merged_cells.ranges:
    spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
    for r in range(rng.min_row, rng.max_row + 1):
        for c in range(rng.min_col, rng.max_col + 1):
            if (r, c) != (rng.min_row, rng.min_col):
                covered.add((r, c))
title = str(sheet.cell(1, 1).value)
rows = []
for r in range(2, sheet.max_row + 1):
    cells = []
    for c in range(1, sheet.max_column + 1):
        if (r, c) in covered:
            continue
        value = sheet.cell(r, c).value
        text = "" if value is None else html.escape(str(value)).replace("\n", "<br>")
        down, across = spans.get((r, c), (1, 1))
        attrs = (f' rowspan="{down}"' if down > 1 else "") + (f' colspan="{across}"' if across > 1 else "")
        tag = "th" if r == 2 else "td"
        cells.append(f"<{tag}{attrs}><p>{text}</p></{tag}>")
    rows.append("    <tr>" + "".join(cells) + "</tr>")
page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}_通知公告_汕尾市政务服务和数据管理局</title>
<script>var _hmt = _hmt || [];</script>
</head>
<body>
<div class="position">您现在所在的位置 : <a href="/">首页</a> &gt; 汕尾市政务服务和数据管理局 &gt; 要闻 &gt; 通知公告</div>
<div class="article">
  <h1>{html.escape(title)}</h1>
  <ul class="info"><li>2023-06-30 11:03</li><li>来源:汕尾市政务服务和数据管理局</li><li>发布机构:汕尾市政务服务数据管理局</li>
    <li>【字体: <a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</li></ul>
  <div class="content">
  <table border="1" cellspacing="0" cellpadding="0">
{chr(10).join(rows)}
  </table>
  </div>
</div>
<div class="footer"><table><tr><td>主办单位：汕尾市政务服务和数据管理局</td><td>网站标识码：示例</td></tr></table></div>
</body>
</html>
"""
open(target, "w", encoding="utf-8").write(page)
