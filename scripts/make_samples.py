#!/usr/bin/env python3
"""Build the seed plan as the office would keep it in Excel.

Writes, under samples/ at the repository root:

  plan-2023.xlsx      sheet 工作表1: merged title row, header row, one row per
                      具体要求 paragraph of the seed, merged group/task/unit/deadline cells
  plan-2023.csv       the same grid as Excel's "CSV UTF-8": BOM, CRLF, RFC 4180 quoting,
                      merged ranges written as value-in-top-left-cell, others empty
  plan-2023-gbk.csv   the same CSV encoded GB18030 without BOM (Excel on Chinese Windows)

The table content below is written out by hand from the seed document
(seed/000_641e1b33ad210833.txt, a scraped 2023 工作要点分工方案), not parsed from it.
Stray spaces inside the seed's text are kept exactly: they are test material for the
normaliser. Where the seed breaks one cell's text over several lines (the 三、 heading and
two 具体任务 cells) the cell holds those lines joined by LF, as an in-cell line break
(Alt+Enter) would.

Setup and usage (from the repository root):

  python3 -m venv scripts/.venv && scripts/.venv/bin/pip install openpyxl==3.1.5
  scripts/.venv/bin/python scripts/make_samples.py [--seed PATH] [--print] [--out DIR]

  --seed PATH   also check that, read in the order the seed's HTML table lists its cells,
                the data reproduces every non-empty line of the seed table exactly once
  --print       print the rows and merged ranges read back from the written xlsx

The output is deterministic: fixed document properties, fixed zip entry timestamps and
part order, so running the script twice gives byte-identical files (with the same
openpyxl version: its name and version go into docProps/app.xml). openpyxl writes inline
strings; the script rewrites them into a shared string table, as Excel stores text.
"""

import argparse
import csv
import datetime
import io
import os
import re
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.writer.excel import ExcelWriter

TITLE = "汕尾市政务服务数据管理局2023年政务公开工作要点分工方案"
HEADER = ("工作要求", "具体任务", "具体要求", "牵头落实单位", "完成时限")
SHEET_NAME = "工作表1"
CREATOR = "汕尾市政务服务数据管理局"
OPENPYXL_VERSION = "3.1.5"
FIXED_TIME = datetime.datetime(2023, 6, 30, 11, 3, 0)

# A cell marked UP is covered by the merged range of the cell above it (same column).
# "" is a genuinely empty cell.
UP = None

# Recurring cell texts of the seed.
ALL_UNITS = "局属各单位、机关各科室"
OFFICE = "办公室"
ONGOING = "长期推进"

# One tuple per data row: (工作要求, 具体任务, 具体要求, 牵头落实单位, 完成时限).
# The seed line numbers in the comments refer to seed/000_641e1b33ad210833.txt.
ROWS = [
    # ---- 一 (seed lines 18-56) ----
    (   # 18, 20, 22, 24, 26
        "一、优化政务公开工作基础",
        "(一)深化行政规章、规范性文件 集中公开。",
        "在摸清底数、持续更新的基础上,持续完善规范性文件、其他文件的分类展示,明确标注规范性文件的名称、文号、发布机构、索引号、主题分类、成文及发布日期、有效性等要素,提高规范性文件公开质量和搜索功能准确性。",
        ALL_UNITS,
        "11月底前",
    ),
    (   # 28, 30, 32, 34
        UP,
        "(二)持续推进基层政务公开标准化规范化。",
        "结合权责清单以及实际承担的工作职责,持续推动政府信息主动公开目录的动态更新调整,切实将主动公开目录列明的公开事项公开到位。",
        ALL_UNITS,
        ONGOING,
    ),
    (   # 36, 38, 40 (second requirement of (二), own unit and deadline)
        UP,
        UP,
        "在市政务服务大厅设立政务公开专区,为群众提供政府信息网上查询、政府信息公开申请接收、政策咨询等服务。",
        "市政务服务大厅管理中心、政务科",
        ONGOING,
    ),
    (   # 42, 44, 46, 48
        UP,
        "(三)提升政府信息公 开申请 办理工 作规范 化程度。",
        "规范使用全省政府信息依申请公开系统,实现登记、审核、办理、 答复、归档等全流程电子化管理,提升依申请公开工作办理实效。用好平台监督管理功能,督促本级和下级单位做好依申请公开工作,并主动发现工作中存在的共性问题、疑难问题,及时予以指导解决。注意收集在办理政府信息公开申请中发现的群众普遍关心的政府信息,以适当方式予以主动公开。",
        ALL_UNITS,
        ONGOING,
    ),
    (   # 50, 52, 54, 56
        UP,
        "(四)规范发布政府信息公开工作年 度报告。",
        "提高认识,规范编制发布政府信息公开工作年度报告,切实提高年报内容质量和数据准确性。",
        OFFICE,
        ONGOING,
    ),
    # ---- 二 (seed lines 58-90); the seed numbers its first task (二), there is no (一) ----
    (   # 58, 60, 62, 64, 66
        "二、围绕服务中心工作、助力经济社会平稳健康发展深化重点领域信息公开",
        "(二)加强优化营商环境信息公开。",
        "加强各级政府网站优化营商环境政策集成内容保障,充分发挥“粤商通”“善美店小二”等政策服务平台作用,加大涉企政策的分类公开和精准推送力度。",
        "办公室、法规科、规划科、政务科按职能分工落实",
        ONGOING,
    ),
    (   # 68, 70, 72 (second requirement of (二), own unit and deadline)
        UP,
        UP,
        "强化惠企政策供给信息公开,加大受疫情纾困帮扶政策的公开力度,促进稳就业和消费恢复。 持续推进反垄断和反不正当竞争执法信息公开工作,为各类市场主体规范健康发展营造诚信守法、公平竞争的市场环境。",
        "机关各科室、局属各单位按职能分工落实",
        ONGOING,
    ),
    (   # 74, 76, 78, 80
        UP,
        "(三)围绕扩大有效投资、 推 动 国 家 重 大 发 展 战 略 落 地 落 实 加 强信息公开。",
        "聚焦推进基础设施项目建设、数字经济展等方面,加大对工作成效的宣传解读力度,及时回应社会关注。做好对中小微企业、个体工商户、服务业等的支持和促进消费政策措施的公开。在加快新型消费基础设施和载体建设、培育新业态等方面充分发挥政府信息公开和政策解读引导指引作用,营造良好消费环境。",
        "办公室、政务科、法规科、规划科、基础科按职能分工落实",
        ONGOING,
    ),
    (   # 82+84 (task broken over two lines), 86, 88, 90
        UP,
        "(四)强化保障和改善民生 方面信息\n公开。",
        "加强稳就业保就业信息公开。针对重点群体加强政策宣讲和推送,及时传达“促进就业九条”、减负稳岗等就业支持政策,做好相关文件政策解读。加强劳动者劳动保障信息公开,畅通维权和咨询投诉渠道。",
        "办公室、政务科、法规科、规划科、市公共资源交易中心、市政务服务大厅管理中心按职能分工落实",
        ONGOING,
    ),
    # ---- 三 (seed lines 92-132) ----
    (   # 92+94+96 (heading over three lines), 98+100+102 (task over three lines), 104, 106, 108
        "三、推动重大\n政策解读提质增效,优化\n政策咨询服务",
        "(一)围绕省\n委、省政府,\n市委、市政府工作部署 加大重 大政策解读力度。",
        "落实《广东省政府系统政策解读工作细则(试行)》“三同步”工作机制,做到应解读尽解读。进一步提升解读材料质量,突出核心概念、新旧政策差异、影响范围、执行标准、办事指引及注意事项等,精准传递政策意图。 进一步改进政策解读方式方法,探索创新多渠道、全方位、立体式解读方式,加强政策线上线下传播。结合每季度市政府新闻发布会计划,综合运用新闻发布会、在线访谈、图文动画、短视频等形式对重大政策开展深度解读,提高政策知晓度和到达率。",
        OFFICE,
        ONGOING,
    ),
    (   # 110; shares the unit/deadline cell (114, 116) with 112
        UP,
        UP,
        "加大重大行政决策事项公众参与,决策事项可通过向社会公开征求意见、书面征求意见、听证会、座谈会、网络平台互动等方式面向 企业群众公开征求意见。重大行政决策事项公开征求意见的,承办科室应当通过政府网站、政务新媒体以及报刊、广播、电视等便于社会公众知晓的途径,公布决策草案及其说明材料,明确提出意见的方式和期限。对公众提出的意见建议不予采纳的,应当及时向社会公众反馈。",
        ALL_UNITS,
        ONGOING,
    ),
    (   # 112
        UP,
        UP,
        "积极开展政策实施后的跟踪评估和解读。政策文件公布后,文件起草科室要密切关注重要政策,特别是涉及企业发展和民生问题方面的重要政策执行过程中的各方反映,跟踪评估政策实施效果,及时对相关舆情和社会关注点、存在的误解误读进行回应,有针对性地释疑解惑,必要时分段、多次、持续开展解读,增进社会共识。",
        UP,
        UP,
    ),
    (   # 118, 120 (begins with a no-break space), 122, 124
        UP,
        "(二)优化政策咨询服务。",
        "\u00a0加快政策咨询综合服务平台建设,充分整合政府网站政策文件库、 12345 政务服务便民热线、“粤系列”平台、各级实体服务大厅、基层政务公开专区等线上线下政策资源,围绕各类高频政 策咨询事项形成统一政策问答库,建设集智能化政策问答、政策服务 热线咨询答复、线下政策窗口服务等功能为一体的政策咨询综合服务平台,提高政策公开实效。提高政务服务便民热线、实体服务大厅的政策咨询服务水平,更好解答生育、上学、就业、创业、养老、医疗、纳税、疫情防控等方 面与人民群众切身利益密切相关的问题。依托政府网站加强人工智能技术运用,集成政策问答库,完善智能化机器人政策问答功能。",
        "市政务服务大厅管理中心、政务科、规划科、热线科、基础科按职能分工落实",
        ONGOING,
    ),
    (   # 126, 128, 130, 132
        UP,
        "(三)积极回应社会关切。",
        "认真做好涉及我市的“省长留言”“市长留言”等办理工作,按照规定时限做好留言答复。定期进行留言办理梳理分析,对反映集中的问题可通过二次解读等方式加强回应。切实落实政务舆情回应主体责任,加强政务舆情监测和风险研判,前瞻性做好引导工作,更好回应人民群众和市场主体关切,为经济社会发展营造良好氛围。",
        "机关各科室、局属各单位按职能分工落实",
        ONGOING,
    ),
    # ---- 四 (seed lines 134-158) ----
    (   # 134, 136, 138, 140, 142
        "四、优化政务公开平台建设",
        "(一)提升政府网站、政务新媒体运维管理水平。",
        "严格落实网络意识形态责任制,确保政府网站与政务新媒体安全平稳运行。及时准确传递党和政府权威声音,着力提升重要政务信息传播效果。",
        "办公室、政务科、基础科按职能分工落实",
        ONGOING,
    ),
    (   # 144, 146, 148, 150
        UP,
        "(二)加强政府网站重点领域栏目建设。",
        "做好重点领域信息公开栏目内容日常维护,强化信息梳理分类,加强与政府信息公开平台的内容对接。政务服务、行政审批类信息公开要实现与政务服务网的无缝对接,及时公开事项进驻、增加、调整和变更情况。在做好本部门网站重点领域信息公开专栏建设的同时,加强对本系统县级重点领域信息公开专栏建设工作的监督指导。",
        "办公室、政务科、法规科按职能分工落实",
        ONGOING,
    ),
    (   # 152, 154, 156, 158
        UP,
        "(三)严格落实政 府信息公开保密 审查要求。",
        "落实信息发布主体责任,进一步增强规范意识,完善信息发布审核机制,严格执行政府信息公开保密审查。严格执行日常发布内容“三审三校”“先审后发”机制,严把政治关、法律关、政策关、保密关、文字关。准确把握不同类型公开要求,综合考虑公开目的、公开效果、后续影响等因素,科学合理确定公开方式,避免因公开不当引发舆情风险。",
        ALL_UNITS,
        ONGOING,
    ),
    # ---- 五 (seed lines 160-176); the seed gives no 具体任务 text in this section ----
    (   # 160, 162; 162, 164 and 166 share the unit/deadline cell (168, 170)
        "五、强化工作指导监督",
        "",
        "充分发挥统筹协调、监督调度作用,每年至少召开一次会议,及时研究解决政务公开重点难点问题,进一步加强工作指导,积极主动帮助下级单位解决工作中存在的重大疑难问题,确保各项工作平稳有序。",
        OFFICE,
        ONGOING,
    ),
    (   # 164
        UP,
        "",
        "主要负责同志每年至少听取 1 次政务公开工作汇报,专题研究部署政务公开工作。",
        UP,
        UP,
    ),
    (   # 166
        UP,
        "",
        "配齐配强政务公开工作力量,保障工作经费,确保政策解读、常态化监测等工作顺利开展。加强政务公开工作人员培训力度,培训本级及下级政务公开工作人员。加强政务公开工作经验总结,积极向《政务公开工作交流》投稿。",
        UP,
        UP,
    ),
    (   # 172, 174, 176
        UP,
        "",
        "建立本系统 2023年政务公开工作重点任务台账,明确责任主体和时限要求,逐项推动落实,对上一年度工作要点落实情况开展“回头看”,未完成的要督促整改。工作要点落实情况纳入政府信息公开工作年度报告予以公开,接受社会监督。",
        OFFICE,
        "12月前",
    ),
]

NCOLS = len(HEADER)
TITLE_ROW = 1
HEADER_ROW = 2
FIRST_DATA_ROW = 3
COLUMN_WIDTHS = (18, 26, 64, 24, 12)


def check_rows():
    """Structural sanity checks on ROWS."""
    for i, row in enumerate(ROWS):
        assert len(row) == NCOLS, f"data row {i + 1} has {len(row)} cells"
        assert row[2] not in (UP, ""), f"data row {i + 1}: every row has its own 具体要求"
        for c, value in enumerate(row):
            if value is UP:
                assert i > 0, f"data row 1 column {c + 1} cannot continue a merge"
    assert ROWS[0][0] is not UP


def merged_ranges():
    """Vertical merges derived from UP markers, plus the title row; in sheet coordinates."""
    ranges = [(TITLE_ROW, 1, TITLE_ROW, NCOLS)]
    for c in range(NCOLS):
        start = None
        for i in range(len(ROWS) + 1):
            up = i < len(ROWS) and ROWS[i][c] is UP
            if up:
                if start is None:
                    start = i - 1
            elif start is not None:
                ranges.append((FIRST_DATA_ROW + start, c + 1, FIRST_DATA_ROW + i - 1, c + 1))
                start = None
    ranges.sort()
    return ranges


def range_ref(r1, c1, r2, c2):
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


def grid():
    """The sheet as Excel's CSV export sees it: merged-over cells are empty."""
    rows = [[TITLE] + [""] * (NCOLS - 1), list(HEADER)]
    for row in ROWS:
        rows.append(["" if v is UP else v for v in row])
    return rows


def seed_order_lines():
    """Non-empty lines of the seed table, in the order its HTML lists the cells.

    A cell is listed in the first row it spans; requirements that share a unit/deadline
    cell are paragraphs of one cell in the seed, so they come before that shared cell.
    Multi-line cell texts contribute one line each.
    """
    out = list(HEADER)
    i = 0
    while i < len(ROWS):
        j = i + 1  # rows i..j-1 share the unit/deadline cell
        while j < len(ROWS) and ROWS[j][3] is UP:
            j += 1
        for k in range(i, j):
            category, task, requirement = ROWS[k][:3]
            for v in (category, task) if k == i else ():
                if v:
                    out.extend(v.split("\n"))
            if k > i:
                assert category is UP and task in (UP, ""), "a shared unit cell spans a task boundary"
            out.extend(requirement.split("\n"))
        out.extend(ROWS[i][3:5])
        i = j
    return out


def check_against_seed(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = lines.index(HEADER[0])
    end = max(k for k, line in enumerate(lines) if line == ROWS[-1][4])
    seed = [line for line in lines[start:end + 1] if line != ""]
    mine = seed_order_lines()
    if seed != mine:
        for k, (a, b) in enumerate(zip(seed, mine)):
            if a != b:
                sys.exit(f"seed mismatch at table line {k + 1}:\n seed: {a!r}\n mine: {b!r}")
        sys.exit(f"seed has {len(seed)} table lines, the data gives {len(mine)}")
    assert TITLE in lines
    print(f"seed check: all {len(seed)} non-empty table lines of {path} match, in order")


def build_workbook():
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    body_font = Font(name="宋体", size=11)

    ws.cell(TITLE_ROW, 1, TITLE).font = Font(name="宋体", size=16, bold=True)
    ws.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[TITLE_ROW].height = 36

    for c, name in enumerate(HEADER, start=1):
        cell = ws.cell(HEADER_ROW, c, name)
        cell.font = Font(name="黑体", size=12, bold=True)
        cell.alignment = centre
        cell.border = border
    ws.row_dimensions[HEADER_ROW].height = 24

    for i, row in enumerate(ROWS):
        r = FIRST_DATA_ROW + i
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c)
            if value is not UP and value != "":
                cell.value = value
            cell.font = body_font
            cell.alignment = centre if c in (4, 5) else left
            cell.border = border

    for r1, c1, r2, c2 in merged_ranges():
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    for c, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4

    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.title = TITLE
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def workbook_bytes(wb):
    """Serialise without openpyxl's save_workbook (it stamps 'modified' with now), then
    rewrite the zip with fixed entry timestamps so the bytes are reproducible."""
    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # closes the archive

    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src:
        parts = {info.filename: src.read(info.filename) for info in src.infolist()}
    use_shared_strings(parts)

    return fixed_zip(parts, FIXED_TIME)


def fixed_zip(parts, when):
    """A zip of `parts` (name -> bytes, in order) with fixed entry timestamps, so the bytes are
    reproducible; [Content_Types].xml first as Excel writes it (openpyxl writes it last)."""
    names = sorted(parts, key=lambda name: name != "[Content_Types].xml")  # stable: keeps the rest in order
    fixed = io.BytesIO()
    with zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            entry = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, parts[name], compresslevel=6)
    return fixed.getvalue()


SHEET_PART = "xl/worksheets/sheet1.xml"
INLINE_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is>(<t(?: xml:space="preserve")?>[^<]*</t>)</is></c>')
MERGE_CELLS = re.compile(r'<mergeCells count="(?P<count>[0-9]+)">(?P<body>.*?)</mergeCells>')
MERGE_CELL = re.compile(r'<mergeCell ref="([A-Z]+)([0-9]+):([A-Z]+[0-9]+)" />')


def use_shared_strings(parts):
    """openpyxl 3.1 writes every string as an inline string; Excel, WPS and LibreOffice
    write a shared string table. Rewrite the sheet the way Excel would store it: strings
    numbered in order of first use, cells t="s" pointing at them. Also list the merged
    ranges in sheet order, independent of openpyxl's set iteration order."""
    sheet = parts[SHEET_PART].decode("utf-8")
    index, items, count = {}, [], 0

    def shared(match):
        nonlocal count
        ref, style, t = match.groups()
        if t not in index:
            index[t] = len(items)
            items.append(t)
        count += 1
        return f'<c r="{ref}"{style} t="s"><v>{index[t]}</v></c>'

    sheet = INLINE_CELL.sub(shared, sheet)
    assert "inlineStr" not in sheet, "an inline string was not converted"
    block = MERGE_CELLS.search(sheet)
    if block:
        merges = sorted(MERGE_CELL.findall(block.group("body")),
                        key=lambda m: (int(m[1]), column_index_from_string(m[0])))
        assert len(merges) == int(block.group("count"))
        sheet = (sheet[:block.start("body")]
                 + "".join(f'<mergeCell ref="{a}{r}:{b}" />' for a, r, b in merges)
                 + sheet[block.end("body"):])
    parts[SHEET_PART] = sheet.encode("utf-8")
    add_shared_string_table(parts, items, count)


def add_shared_string_table(parts, items, count):
    """Adds xl/sharedStrings.xml holding `items` (string bodies in index order), its content type
    and its relationship from the workbook."""
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
           f' count="{count}" uniqueCount="{len(items)}">'
           + "".join(f"<si>{body}</si>" for body in items) + "</sst>")
    parts["xl/sharedStrings.xml"] = sst.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                          '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" /></Types>')
    parts["[Content_Types].xml"] = types.encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    ids = {int(i) for i in re.findall(r'Id="rId([0-9]+)"', rels)}
    rels = rels.replace("</Relationships>", '<Relationship Type="http://schemas.openxmlformats.org/'
                        f'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml" Id="rId{max(ids) + 1}" />'
                        "</Relationships>")
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")


def csv_text(rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()


def write_atomic(path, data):
    directory = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def read_back(path, show):
    wb = load_workbook(path)
    assert wb.sheetnames == [SHEET_NAME], wb.sheetnames
    ws = wb[SHEET_NAME]
    got = [["" if v is None else v for v in row]
           for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=NCOLS, values_only=True)]
    want = grid()
    assert got == want, "xlsx read back differs from the data"
    got_merges = sorted((m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges)
    assert got_merges == merged_ranges(), "merged ranges read back differ"
    assert ws.max_column == NCOLS and ws.max_row == FIRST_DATA_ROW + len(ROWS) - 1
    props = wb.properties
    assert props.creator == CREATOR and props.created == FIXED_TIME and props.modified == FIXED_TIME
    if show:
        for r, row in enumerate(got, start=1):
            print(f"row {r}:")
            for c, v in enumerate(row, start=1):
                if v != "":
                    print(f"  {get_column_letter(c)}{r} {HEADER[c - 1]}: {v!r}")
        print("merged:", ", ".join(range_ref(*m) for m in got_merges))
    return len(got) - (FIRST_DATA_ROW - 1), got_merges


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", help="seed text file to check the data against")
    parser.add_argument("--print", action="store_true", help="print the rows read back")
    parser.add_argument("--out", help="output directory (default: <repo>/samples)")
    args = parser.parse_args()

    if openpyxl.__version__ != OPENPYXL_VERSION:
        print(f"warning: openpyxl {openpyxl.__version__}, not {OPENPYXL_VERSION}: "
              "the xlsx bytes may differ from the committed sample", file=sys.stderr)
    check_rows()
    if args.seed:
        check_against_seed(args.seed)

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = args.out or os.path.join(root, "samples")
    os.makedirs(out_dir, exist_ok=True)

    xlsx_path = os.path.join(out_dir, "plan-2023.xlsx")
    write_atomic(xlsx_path, workbook_bytes(build_workbook()))

    text = csv_text(grid())
    write_atomic(os.path.join(out_dir, "plan-2023.csv"), b"\xef\xbb\xbf" + text.encode("utf-8"))
    write_atomic(os.path.join(out_dir, "plan-2023-gbk.csv"), text.encode("gb18030"))

    n, merges = read_back(xlsx_path, args.print)
    print(f"wrote {out_dir}/plan-2023.xlsx, plan-2023.csv, plan-2023-gbk.csv: "
          f"{n} data rows, {len(merges)} merged ranges")


if __name__ == "__main__":
    main()
