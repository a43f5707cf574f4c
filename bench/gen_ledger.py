#!/usr/bin/env python3
"""Generate a deterministic "ledger-shaped" XLSX workbook for benchmarks.

Usage: gen_ledger.py ROWS OUT.xlsx

One sheet, 总台账: a header row and ROWS data rows of 8 columns
(序号, 工作要求, 具体任务, 具体要求, 牵头单位, 完成时限, 进展情况, 完成状态).
工作要求 is a group label written once per run of ~20 rows and merged over the
run (as Excel does, only the top-left cell of a merged range has a value).
完成时限 is a date serial styled with numFmtId 14. Every string is shared.

Memory stays bounded: the sheet is streamed into its zip entry, and the
shared-string table is never held in memory. Pass 1 writes the sheet and
decides, for each string cell, either an index into a fixed pool of repeated
strings or a fresh index for a new text (only the kind of each fresh text is
kept, one byte each). Pass 2 writes sharedStrings.xml: the pool, then each
fresh text generated from its own seeded RNG in index order.
"""

import random
import sys
import zipfile
from collections import deque

SEED = 20240601
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # zip timestamps, for byte-identical output
CHUNK_ROWS = 5000                    # rows per write to the zip stream

HEADER = ["序号", "工作要求", "具体任务", "具体要求", "牵头单位", "完成时限", "进展情况", "完成状态"]
UNITS = ["办公室", "法规科", "规划科", "政务科", "财务科", "人事科", "督查科", "信息中心",
         "综合科", "审批科", "执法大队", "安全监管科", "宣传科", "统计科", "机关党委",
         "纪检组", "项目办", "产业发展科", "社会事务科", "应急管理科"]
STATUSES = ["已完成", "推进中", "滞后", "未启动"]
STATUS_WEIGHTS = [45, 35, 10, 10]
WORDS = """推进 落实 加强 完善 建立 健全 机制 工作 制度 规划 监督 检查 开展 专项 整治
行动 优化 营商环境 政务服务 数字化 改革 法治 建设 宣传 培训 调研 督导 考核 评估 方案
报告 信息 平台 系统 数据 共享 审批 流程 标准 规范 指导 协调 配合 组织 实施 推动 提升
质量 效率 安全生产 风险 隐患 排查 应急 管理 服务 群众 企业 项目 资金 预算 绩效 年度
季度 重点 任务 目标 责任 清单 台账 问题 整改 销号 全面 深入 持续 进一步 切实 有效
及时 全市 全区 各部门 基层 乡镇 街道 社区 农村 城市 生态 环境 保护 污染 防治 教育
医疗 养老 就业 社保 住房 交通 水利 能源 文化 旅游 科技 创新 人才 引进 招商 产业 发展
经济 运行 监测 分析 统计 公开 投诉 举报 办理 回复 满意度 会议 文件 印发 通知 起草
修订 审核 备案 执法 监管 信用 体系 党建 廉政 作风 纪律 试点 示范 推广 验收 对接
联动 长效 常态化 精准 高质量 标准化 智慧 网格化 一网通办 跨部门 协同 闭环""".split()
PROGRESS_WORDS = WORDS + """已完成 正在 初稿 征求意见 报送 审议 通过 印发实施 召开
专题会议 形成 汇报材料 督促 推进中 完成率 约 已提交 待审 下一步 计划 月底前 季度末""".split()
PROGRESS_COMMON = ["按计划推进", "已按时完成", "正在推进中", "已完成，待验收", "已完成阶段性任务",
                   "已列入年度计划", "正在征求意见", "已报送审核", "待上级批复", "持续推进",
                   "已纳入常态化管理", "已完成整改", "部分完成", "正在组织实施", "已召开专题会议"]

# Kinds of fresh (unique) texts, recorded one byte per fresh string in pass 1.
K_TASK, K_REQ, K_PROG, K_GROUP = 0, 1, 2, 3
TEXT_LEN = {K_TASK: (20, 60), K_REQ: (15, 40), K_PROG: (10, 80), K_GROUP: (8, 20)}


def make_text(rng, kind):
    """A Chinese phrase of roughly the kind's length, from the word pools."""
    lo, hi = TEXT_LEN[kind]
    target = rng.randint(lo, hi)
    pool = PROGRESS_WORDS if kind == K_PROG else WORDS
    parts, n = [], 0
    while n < target:
        if parts and parts[-1] != "，" and rng.random() < 0.12:
            w = "，"
        elif kind == K_PROG and rng.random() < 0.04:
            w = f"{rng.randint(1, 100)}%"
        else:
            w = rng.choice(pool)
        parts.append(w)
        n += len(w)
    return "".join(parts).rstrip("，")


def build_pool():
    """Strings that repeat: header, units, statuses, group labels, common texts.

    Their shared-string indices are their positions in this list."""
    rng = random.Random(SEED + 1)
    groups = [make_text(rng, K_GROUP) for _ in range(60)]
    reqs = [make_text(rng, K_REQ) for _ in range(300)]
    pool = HEADER + UNITS + STATUSES + groups + reqs + PROGRESS_COMMON
    off = {}
    i = 0
    for name, part in (("header", HEADER), ("units", UNITS), ("statuses", STATUSES),
                       ("groups", groups), ("reqs", reqs), ("progress", PROGRESS_COMMON)):
        off[name] = i
        i += len(part)
    return pool, off


def entry(name):
    zi = zipfile.ZipInfo(name, FIXED_TIME)
    # No compress level set: zipfile then uses zlib's default, which is level 6.
    zi.compress_type = zipfile.ZIP_DEFLATED
    return zi


def col(c, r, v, t=""):
    return f'<c r="{c}{r}"{t}><v>{v}</v></c>'


def write_sheet(zf, rows, pool_size, off):
    """Pass 1: stream sheet1.xml. Returns (fresh kinds, string-cell count)."""
    rng = random.Random(SEED)
    kinds = bytearray()         # kind of each fresh text, in index order
    recent_tasks = deque(maxlen=50)
    merges = []                 # (first, last) row of each group run
    nstr = 0
    last = rows + 1
    zip64 = rows * 400 > zipfile.ZIP64_LIMIT  # generous bound on bytes/row

    def fresh(kind):
        kinds.append(kind)
        return pool_size + len(kinds) - 1

    with zf.open(entry("xl/worksheets/sheet1.xml"), "w", force_zip64=zip64) as out:
        out.write((
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<dimension ref="A1:H{last}"/>'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            '<cols><col min="1" max="1" width="6" customWidth="1"/>'
            '<col min="2" max="4" width="40" customWidth="1"/>'
            '<col min="5" max="6" width="12" customWidth="1"/>'
            '<col min="7" max="7" width="50" customWidth="1"/>'
            '<col min="8" max="8" width="10" customWidth="1"/></cols><sheetData>'
            '<row r="1">'
            + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCDEFGH"))
            + "</row>").encode())
        nstr += 8

        run_left = 0
        buf = []
        for r in range(2, last + 1):
            cells = [col("A", r, r - 1)]
            if run_left == 0:  # start a new group run, merged over column B
                run_left = rng.randint(12, 28)
                merges.append((r, min(r + run_left - 1, last)))
                g = off["groups"] + rng.randrange(60)
                cells.append(col("B", r, g, ' t="s"'))
                nstr += 1
            run_left -= 1

            # 具体任务: mostly unique; some recur (same task listed again).
            if recent_tasks and rng.random() < 0.08:
                task = rng.choice(recent_tasks)
            else:
                task = fresh(K_TASK)
                recent_tasks.append(task)
            # 具体要求: mostly from a pool of standard requirements.
            req = fresh(K_REQ) if rng.random() < 0.3 else off["reqs"] + rng.randrange(300)
            unit = off["units"] + rng.randrange(len(UNITS))
            deadline = 45292 + rng.randrange(1096)  # 2024-01-01 .. 2026-12-31
            status = rng.choices(range(4), STATUS_WEIGHTS)[0]
            cells += [col("C", r, task, ' t="s"'), col("D", r, req, ' t="s"'),
                      col("E", r, unit, ' t="s"'), col("F", r, deadline, ' s="1"')]
            nstr += 3
            # 进展情况: blank when not started, else mostly unique.
            if status != 3 or rng.random() < 0.3:
                if rng.random() < 0.2:
                    prog = off["progress"] + rng.randrange(len(PROGRESS_COMMON))
                else:
                    prog = fresh(K_PROG)
                cells.append(col("G", r, prog, ' t="s"'))
                nstr += 1
            cells.append(col("H", r, off["statuses"] + status, ' t="s"'))
            nstr += 1
            buf.append(f'<row r="{r}">{"".join(cells)}</row>')
            if len(buf) == CHUNK_ROWS:
                out.write("".join(buf).encode())
                buf = []
        out.write("".join(buf).encode())

        out.write(b"</sheetData>")
        merges = [m for m in merges if m[1] > m[0]]  # a 1-row run is no merge
        if merges:
            out.write(f'<mergeCells count="{len(merges)}">'.encode())
            for i in range(0, len(merges), CHUNK_ROWS):
                out.write("".join(f'<mergeCell ref="B{a}:B{b}"/>'
                                  for a, b in merges[i:i + CHUNK_ROWS]).encode())
            out.write(b"</mergeCells>")
        out.write(b'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                  b'header="0.3" footer="0.3"/></worksheet>')
    return kinds, nstr


def write_sst(zf, pool, kinds, nstr):
    """Pass 2: stream sharedStrings.xml; fresh texts come from their own RNG."""
    rng = random.Random(SEED + 2)
    unique = len(pool) + len(kinds)
    zip64 = unique * 300 > zipfile.ZIP64_LIMIT
    with zf.open(entry("xl/sharedStrings.xml"), "w", force_zip64=zip64) as out:
        out.write((
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{nstr}" uniqueCount="{unique}">').encode())
        # The word pools hold no XML-special characters, so no escaping needed.
        out.write("".join(f"<si><t>{s}</t></si>" for s in pool).encode())
        for i in range(0, len(kinds), CHUNK_ROWS):
            out.write("".join(f"<si><t>{make_text(rng, k)}</t></si>"
                              for k in kinds[i:i + CHUNK_ROWS]).encode())
        out.write(b"</sst>")


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
<bookViews><workbookView/></bookViews>\
<sheets><sheet name="总台账" sheetId="1" r:id="rId1"/></sheets></workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
</Relationships>"""

# cellXfs[1] is the date style: built-in numFmtId 14 (m/d/yyyy, locale short date).
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>\
<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant>\
<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>\
<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>总台账</vt:lpstr></vt:vector></TitlesOfParts>\
<AppVersion>16.0300</AppVersion></Properties>"""


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit():
        sys.exit("usage: gen_ledger.py ROWS OUT.xlsx")
    rows, path = int(argv[1]), argv[2]
    pool, off = build_pool()
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("docProps/app.xml", APP), ("xl/workbook.xml", WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                           ("xl/styles.xml", STYLES)):
            zf.writestr(entry(name), text.encode())
        kinds, nstr = write_sheet(zf, rows, len(pool), off)
        write_sst(zf, pool, kinds, nstr)


if __name__ == "__main__":
    main(sys.argv)
