#!/usr/bin/env python3
"""Make the sample unit returns (任务反馈表) that units send back after `taizhang split`.

Runs `taizhang split samples/plan-2023.xlsx --units samples/units.yaml` into a temporary
folder, fills each unit's template the way units fill them for the half-year report
(截至2023年6月底), applies what units really do to templates (domain.md §5.2) and writes:

  samples/returns/            one reporting round: at most one return per unit, except the
                              unit that sends a corrected file; one unit never returns
  samples/returns/extra/      single-case variants: other returns those units could have sent
                              instead (kept out of the round so that it has no duplicates)
  samples/returns/README.md   every file, the case it represents, the unit that never returned

Every case is in its own file; see CASES below or the README for the list.

Setup and usage (from the repository root; taizhang must already be built):

  python3 -m venv scripts/.venv && scripts/.venv/bin/pip install openpyxl==3.1.5
  scripts/.venv/bin/python scripts/make_returns.py [--taizhang PATH] [--out DIR] [--no-check]

  --taizhang PATH  the binary (default: $TAIZHANG, .build/debug/taizhang, .build/release/taizhang,
                   then taizhang on PATH)
  --out DIR        output folder (default: <repo>/samples/returns)
  --no-check       skip reading every file back with openpyxl and `taizhang inspect`

LibreOffice (soffice, 7.x) is needed for the LibreOffice-resaved return; it runs headless with a
private profile in the temporary folder.

The output is deterministic: a fixed seed for the texts, fixed document properties
(dcterms:created / dcterms:modified / lastModifiedBy), fixed zip entry timestamps and part
order, merged ranges listed in sheet order. Running the script twice gives byte-identical
files with the same openpyxl (3.1.5), LibreOffice (7.4) and taizhang. Files written through
openpyxl are saved with its ExcelWriter directly, because Workbook.save stamps 'modified'
with the current time. openpyxl writes inline strings; every return except the plain
openpyxl one (法规科-任务反馈表.xlsx) is rewritten to use a shared string table, as Excel, WPS
and LibreOffice store text.
"""

import argparse
import copy
import csv
import datetime
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.writer.excel import ExcelWriter

from make_samples import add_shared_string_table, fixed_zip  # scripts/ is on the path when run as a script

SEED = 20230630
OPENPYXL_VERSION = "3.1.5"
TEMPLATE_SUFFIX = "-任务反馈表"
SHEET = "任务反馈"
HEADER_ROW = 3
FIRST_ROW = 4
NCOLS = 12
# Template columns (1-based).
C_ID, C_GROUP, C_TASK, C_REQ, C_UNITS, C_ROLE, C_DUE = 1, 2, 3, 4, 5, 6, 7
C_PROGRESS, C_STATUS, C_DONE, C_EVIDENCE, C_NOTE = 8, 9, 10, 11, 12
HEADER = ("任务编号", "工作要求", "具体任务", "具体要求", "牵头落实单位", "本单位角色", "完成时限",
          "进展情况", "完成状态", "完成时间", "佐证材料", "备注")
STATUSES = ("已完成", "部分完成", "推进中", "超序时", "滞后", "未启动", "已延期", "暂缓")

ISSUED = datetime.datetime(2023, 6, 20, 9, 0)       # local time the templates went out
UTC_OFFSET = datetime.timedelta(hours=8)             # 汕尾 is UTC+8; docProps store UTC
NEVER_RETURNS = "市政务服务大厅管理中心"

# Who fills each unit's return: contact, phone, the Windows user name Excel records as
# lastModifiedBy, and the person a unit puts in an added 责任人 column.
CONTACTS = {
    "办公室": ("林晓彤", "0660-3300101", "Administrator"),
    "法规科": ("陈志强", "0660-3300102", "微软用户"),
    "规划科": ("黄丽娜", "0660-3300103", "lenovo"),
    "政务科": ("吴俊杰", "0660-3300104", "DELL"),
    "基础科": ("郑海滨", "0660-3300105", "user"),
    "热线科": ("蔡雅琪", "0660-3300106", "Administrator"),
    "市政务服务大厅管理中心": ("刘振华", "0660-3300107", "Administrator"),
    "市公共资源交易中心": ("许文静", "0660-3300108", "jyzx"),
}

D = datetime.date

# ------------------------------------------------------------------------------------------
# Progress texts. One list of variants per task (by 任务编号); a variant is
# (完成状态, 进展情况, 完成时间, 佐证材料[, 备注]). 完成时间 is a date, a (month, first day,
# last day) range to draw from, or None. {self} is 本科室 / 本中心 / 本单位; {n} {m} {k} {p} are
# drawn numbers (n 5–48, m 1–9, k 2–6, p 92–99), {km} = k + m, {total} = n + m + k.
# UNIT_TEXT overrides the draw for one unit's task.
# ------------------------------------------------------------------------------------------
TASK_TEXT = {
    # 深化行政规章、规范性文件集中公开 (11月底前)
    "RWE2SAR67H": [
        ("推进中", "截至6月底，已完成{self}近五年发文梳理，共{n}件，正在逐件核对文号、发布机构、有效性等要素，已完成80%，计划9月底前完成分类展示。",
         None, "规范性文件梳理清单（截至6月底）.xlsx"),
        ("已完成", "已完成。{self}制发的规范性文件{m}件已全部在政府网站“政策文件”栏目集中公开，名称、文号、发布机构、索引号、有效性等要素标注齐全。",
         (6, 5, 28), "规范性文件目录.xlsx；网站栏目截图.png"),
        ("部分完成", "基本完成。规范性文件要素标注已完成，搜索功能准确性问题已反馈网站运维公司，尚未完成整改。",
         None, "问题反馈函.pdf"),
        ("推进中", "1-6月，{self}未新制发规范性文件；对历年其他文件{n}件进行了分类梳理，有效性标注工作持续推进中。",
         None, ""),
    ],
    # 主动公开目录动态更新
    "RWZRZN0NC3": [
        ("推进中", "截至6月底，已根据权责清单调整情况更新主动公开目录{m}项，目录所列事项均已公开到位。",
         None, "主动公开目录（2023年6月更新）.xlsx"),
        ("推进中", "持续推进中。5月已完成{self}公开事项自查，发现{m}项信息未及时公开，已于5月底前补充公开。",
         None, "政务公开自查表.docx"),
        ("超序时", "截至6月底，{self}主动公开目录已完成全面修订，新增公开事项{m}项，下半年按季度动态调整。",
         None, "主动公开目录修订说明.docx"),
    ],
    # 依申请公开
    "RW14BB60N6": [
        ("推进中", "1-6月，{self}共受理政府信息公开申请{m}件，均在法定期限内答复，全流程通过省依申请公开系统办理，未发生行政复议、诉讼案件。",
         None, "2023年上半年依申请公开办理台账.xlsx"),
        ("推进中", "截至6月底，{self}未收到政府信息公开申请，已安排专人每日登录依申请公开系统查看，持续推进中。",
         None, ""),
        ("推进中", "已完成系统账号清理和经办人员培训。上半年办理申请{km}件，已办结{k}件，其余在办，尚未超期。",
         None, "培训签到表.pdf"),
    ],
    # 政府信息公开工作年度报告 (办公室)
    "RWHSFM7E1V": [
        ("已完成", "已于1月31日前在政府网站发布《汕尾市政务服务数据管理局2022年政府信息公开工作年度报告》，报告数据经市政务公开办审核，准确无误。",
         D(2023, 1, 30), "2022年政府信息公开工作年度报告.pdf；网站发布截图.png"),
    ],
    # 营商环境政策集成
    "RWF80NPWVN": [
        ("推进中", "截至6月底，已在“粤商通”“善美店小二”平台发布涉企政策{n}条，向企业精准推送{n}0余家次。",
         None, "涉企政策推送清单.xlsx"),
        ("推进中", "已完成60%。涉企政策分类公开栏目已完成梳理，精准推送功能待平台升级后上线。",
         None, ""),
        ("滞后", "受平台对接进度影响，精准推送工作尚未完成，已与平台运营方沟通，预计8月份上线。",
         None, "工作联系函.pdf", "需协调平台运营方"),
    ],
    # 惠企政策、纾困帮扶
    "RWWXF0T8PM": [
        ("推进中", "1-6月，{self}转发、公开惠企纾困政策{m}条，已在政府网站“惠企政策”专栏集中展示。",
         None, "惠企政策发布清单.xlsx"),
        ("推进中", "{self}不涉及反垄断和反不正当竞争执法事项；惠企政策公开工作按职责持续推进中。",
         None, ""),
        ("推进中", "【6月进展】转发省、市纾困帮扶政策{m}条，通过政务新媒体推送{k}期。",
         None, "推文截图.png"),
    ],
    # 扩大有效投资、数字经济宣传解读
    "RWC4ZQVYJ4": [
        ("推进中", "截至6月底，在局网站、政务新媒体发布数字政府建设、数字经济发展相关信息{n}篇，解读材料{m}篇。",
         None, "信息发布统计表.xlsx"),
        ("超序时", "已完成全年目标的70%。上半年发布项目建设进展信息{n}条，开展图文解读{k}期。",
         None, "图文解读（第1-{k}期）.pdf"),
        ("推进中", "持续推进中。", None, ""),
    ],
    # 稳就业保就业
    "RWSF5JRT50": [
        ("推进中", "已通过政务新媒体转发“促进就业九条”、减负稳岗等政策{m}次，做好政策解读链接。",
         None, "转发截图.png"),
        ("推进中", "截至6月底，{self}按职能转发就业政策{m}条；劳动保障信息公开不属{self}职责，已与人社部门沟通。",
         None, ""),
        ("未启动", "尚未开展。拟结合三季度“政策宣讲月”活动集中推送。", None, ""),
    ],
    # 重大政策解读“三同步” (办公室)
    "RWN3PTP3GN": [
        ("超序时", "上半年共发布政策解读{total}篇，其中图文解读{m}篇、视频解读{k}个，做到文件与解读材料同步组织、同步审签、同步部署。",
         None, "政策解读目录.xlsx"),
    ],
    # 重大行政决策公众参与
    "RWRHDWSMM4": [
        ("", "{self}上半年暂无重大行政决策事项。", None, ""),
        ("推进中", "1-6月，{self}通过政府网站公开征求意见{m}次，收到意见建议{n}条，均已反馈采纳情况。",
         None, "征求意见公告截图.png"),
        ("推进中", "持续推进中，如有重大行政决策事项将按程序公开征求意见。", None, ""),
    ],
    # 政策实施后跟踪评估
    "RWNA47B8AG": [
        ("推进中", "已对{m}件涉企政策开展实施效果跟踪评估，形成评估报告，未发现误读误解舆情。",
         None, "政策实施效果评估报告.docx"),
        ("未启动", "尚未开展。计划第三季度对{self}起草的政策文件开展跟踪评估。", None, ""),
        ("推进中", "持续推进中。截至6月底，{self}牵头起草的政策文件均已按要求开展解读，暂无需回应的舆情。",
         None, ""),
    ],
    # 回应社会关切、留言办理
    "RWQGMG6ENK": [
        ("推进中", "上半年{self}承办“市长留言”{m}件，均已按时答复，无超期件。", None, "留言办理台账.xlsx"),
        ("推进中", "截至6月底，{self}未承办留言事项；舆情监测工作持续推进中。", None, ""),
        ("推进中", "1-6月办理“省长留言”“市长留言”{k}件，按期办结率100%。", None, "留言办理情况统计表.xlsx"),
    ],
    # 网站、政务新媒体运维
    "RWEG3KBR4E": [
        ("推进中", "落实“三审三校”制度，上半年局网站发布信息{n}0余条、政务新媒体推文{n}篇，未出现错敏信息。",
         None, "信息发布审核登记表.xlsx"),
    ],
    # 重点领域栏目建设
    "RW0ESJVYGN": [
        ("推进中", "已在重点领域信息公开栏目更新信息{n}条，栏目内容与政府信息公开平台同步。", None, "栏目截图.png"),
    ],
    # 保密审查
    "RW3DMQKJ30": [
        ("推进中", "严格执行“先审后发”和保密审查机制，上半年审核拟公开信息{n}条，未发生泄密及不当公开问题。",
         None, "信息公开保密审查登记表.xlsx"),
        ("推进中", "持续推进中。已修订{self}信息发布审核流程，落实“三审三校”。", None, "信息发布审核流程.docx"),
        ("已完成", "已完成{self}信息发布审核机制修订并印发执行，日常发布严格落实三审三校。",
         (4, 10, 28), "关于印发信息发布审核制度的通知.pdf"),
    ],
    # 统筹协调、每年至少一次会议 (办公室)
    "RWSZ1S2YKA": [
        ("已完成", "已于4月12日召开局政务公开工作领导小组会议，研究部署年度重点工作，解决难点问题{k}个。",
         D(2023, 4, 12), "会议纪要（2023-04-12）.docx"),
    ],
    # 主要负责同志听取汇报 (办公室)
    "RW7VZ23QRQ": [
        ("已完成", "已于3月28日局党组会议听取政务公开工作汇报，专题研究部署2023年政务公开工作。",
         D(2023, 3, 28), "党组会议纪要（摘录）.pdf"),
    ],
    # 工作力量、培训、投稿 (办公室)
    "RWZ3907HZN": [
        ("推进中", "5月组织全局政务公开业务培训1次，参训{n}人次；向《政务公开工作交流》投稿1篇，尚未录用。已完成60%。",
         None, "培训通知.pdf；签到表.pdf"),
    ],
    # 重点任务台账 (12月前, 办公室)
    "RW7KKE3JF4": [
        ("部分完成", "已建立2023年政务公开重点任务台账并印发各科室、单位，每月调度；对2022年工作要点开展“回头看”，{k}项未完成事项整改尚未完成。",
         None, "2023年政务公开重点任务台账.xlsx"),
    ],
    # 政策咨询综合服务平台
    "RWXTGETSEF": [
        ("滞后", "政策咨询综合服务平台建设方案已完成初稿，正在征求意见，进度滞后于序时。", None, "建设方案（征求意见稿）.docx"),
        ("推进中", "截至6月底，政策问答库已收录问答{n}0条，已完成70%。", None, "政策问答库（节选）.xlsx"),
    ],
    # 大厅政务公开专区
    "RWCZ73GSDA": [
        ("已完成", "已于3月在市政务服务大厅一楼设立政务公开专区，配置查询终端2台，提供政府信息查询、依申请公开受理、政策咨询等服务。",
         D(2023, 3, 15), "政务公开专区照片.jpg"),
    ],
}

UNIT_TEXT = {
    # 法规科 has several finished tasks: its text-date variant (case 4) types each date as text.
    ("法规科", "RWE2SAR67H"): ("已完成", "已完成。{self}制发的规范性文件{m}件已全部在政府网站“政策文件”栏目集中公开，名称、文号、发布机构、索引号、有效性等要素标注齐全。",
                             D(2023, 6, 30), "规范性文件目录.xlsx；网站栏目截图.png"),
    ("法规科", "RWZRZN0NC3"): ("已完成", "已完成{self}主动公开目录修订并在政府网站发布，新增公开事项{m}项，下半年按季度动态调整。",
                             (5, 8, 26), "主动公开目录（2023年修订）.xlsx"),
    ("法规科", "RWNA47B8AG"): ("已完成", "已对《汕尾市政务服务事项管理办法》开展实施效果跟踪评估，形成评估报告并在政府网站公开，未发现误读误解舆情。",
                             (6, 10, 20), "政策实施效果评估报告.docx"),
    ("法规科", "RW3DMQKJ30"): ("已完成", "已修订{self}信息发布保密审查制度并于4月12日印发执行；上半年审核拟公开信息{n}条，未发生泄密及不当公开问题。",
                             D(2023, 4, 12), "关于印发信息发布保密审查制度的通知.pdf"),
    ("法规科", "RWRHDWSMM4"): ("推进中", "已对《汕尾市政务数据管理办法（征求意见稿）》在政府网站公开征求意见30日，收到意见建议{n}条，采纳{k}条，已在网站反馈采纳情况。",
                             None, "征求意见公告.pdf；意见采纳情况说明.docx"),
    ("法规科", "RW0ESJVYGN"): ("已完成", "已完成“双随机、一公开”监管信息专栏改版，上半年更新监管信息{n}条，行政处罚信息按时公开。",
                             (6, 1, 9), "栏目截图.png"),
    ("热线科", "RWQGMG6ENK"): ("超序时", "1-6月，共办理“省长留言”“市长留言”{n}件，按期办结率100%，每月形成留言办理分析报告报局领导。",
                             None, "留言办理分析报告（1-6月）.docx"),
    ("热线科", "RWXTGETSEF"): ("推进中", "12345热线已接入政策问答库，上半年受理政策咨询类诉求{n}00余件，一次性解答率{p}%。政策问答库已完成70%。",
                             None, "热线政策咨询统计（1-6月）.xlsx"),
    ("基础科", "RWEG3KBR4E"): ("推进中", "上半年开展网站安全检测{k}次，修复漏洞{m}个，政府网站和政务新媒体运行平稳，未发生安全事件。",
                             None, "网站安全检测报告.pdf"),
    ("基础科", "RWXTGETSEF"): ("滞后", "平台技术方案已完成初稿，服务器资源尚未落实，进度滞后。", None, ""),
    ("政务科", "RW0ESJVYGN"): ("推进中", "已完成政务服务事项进驻、调整信息与广东政务服务网对接，上半年更新事项{n}项。",
                             None, "事项调整清单.xlsx"),
    ("市公共资源交易中心", "RWSF5JRT50"): ("推进中", "在公共资源交易平台发布中小企业预留份额项目信息{m}条，转发稳岗就业政策{k}次。",
                                     None, "项目信息发布截图.png"),
    ("市公共资源交易中心", "RW14BB60N6"): ("推进中", "截至6月底，本中心收到政府信息公开申请{m}件，均已按期答复。",
                                     None, "依申请公开办理台账.xlsx"),
    ("规划科", "RWC4ZQVYJ4"): ("推进中", "已完成数字政府基础设施项目建设情况专题解读1篇，围绕政务云、电子政务外网建设成效开展宣传{k}次。",
                             None, "专题解读.docx"),
}

NOTES = ("",) * 9 + ("无",)  # 备注 is mostly left empty; notes that say something come with the text


def self_word(unit):
    return "本中心" if unit.endswith("中心") else "本科室" if unit.endswith("科") else "本单位"


def progress_for(unit, task_id, salt=""):
    """(status, text, done date or None, evidence, note) for a unit's task, deterministic."""
    rng = random.Random(f"{SEED}:{unit}:{task_id}:{salt}")
    variant = UNIT_TEXT.get((unit, task_id)) or rng.choice(TASK_TEXT[task_id])
    status, text, done, evidence = variant[:4]
    numbers = dict(n=rng.randint(5, 48), m=rng.randint(1, 9), k=rng.randint(2, 6), p=rng.randint(92, 99))
    numbers.update(km=numbers["k"] + numbers["m"], total=numbers["n"] + numbers["m"] + numbers["k"])
    text = text.format(self=self_word(unit), **numbers)
    evidence = evidence.format(**numbers)
    if isinstance(done, tuple):
        month, lo, hi = done
        done = D(2023, month, rng.randint(lo, hi))
    note = variant[4] if len(variant) > 4 else rng.choice(NOTES)
    return status, text, done, evidence, note


# ------------------------------------------------------------------------------------------
# Workbook helpers
# ------------------------------------------------------------------------------------------

def task_rows(ws):
    """{task id: row} for the data rows of a template."""
    rows = {}
    for r in range(FIRST_ROW, ws.max_row + 1):
        v = ws.cell(r, C_ID).value
        if isinstance(v, str) and v.startswith("RW"):
            rows[v] = r
    return rows


def fill(wb, unit, salt="", skip=()):
    """Fill contact cells and every task row's progress columns."""
    ws = wb[SHEET]
    contact, phone, _ = CONTACTS[unit]
    ws["I2"] = contact
    ws["K2"] = phone
    filled = {}
    for task_id, r in task_rows(ws).items():
        if task_id in skip:
            continue
        status, text, done, evidence, note = progress_for(unit, task_id, salt)
        put(ws, r, status, text, done, evidence, note)
        filled[task_id] = (status, text, done, evidence, note)
    return filled


def put(ws, r, status, text, done, evidence, note, cols=None):
    c = cols or dict(progress=C_PROGRESS, status=C_STATUS, done=C_DONE, evidence=C_EVIDENCE, note=C_NOTE)
    ws.cell(r, c["progress"]).value = text or None
    ws.cell(r, c["status"]).value = status or None
    ws.cell(r, c["done"]).value = done
    ws.cell(r, c["evidence"]).value = evidence or None
    ws.cell(r, c["note"]).value = note or None


def unmerge_keeping_style(ws, ref):
    """Unmerge like Excel does: the value stays in the top-left cell, the others become blank
    cells that keep the range's format (openpyxl would drop their style)."""
    cr = CellRange(ref)
    anchor = ws.cell(cr.min_row, cr.min_col)
    ws.unmerge_cells(ref)
    for row, col in cr.cells:
        if (row, col) != (cr.min_row, cr.min_col):
            ws.cell(row, col)._style = copy.copy(anchor._style)


def unmerge_data_area(ws):
    for mr in sorted((m.coord for m in ws.merged_cells.ranges)):
        if CellRange(mr).min_row >= FIRST_ROW:
            unmerge_keeping_style(ws, mr)


def snapshot_row(ws, r, ncols=NCOLS):
    out = []
    for c in range(1, ncols + 1):
        cell = ws.cell(r, c)
        assert not isinstance(cell, MergedCell), f"row {r} is still merged"
        out.append((cell.value, copy.copy(cell._style), cell.number_format))
    return out


def rewrite_data_rows(ws, rows, ncols=NCOLS, status_col=C_STATUS):
    """Replace the data rows (from FIRST_ROW on) by `rows` (snapshots); fix the dropdown range."""
    unmerge_data_area(ws)
    for (r, c) in [k for k in ws._cells if k[0] >= FIRST_ROW]:
        del ws._cells[(r, c)]
    for i, row in enumerate(rows):
        r = FIRST_ROW + i
        for c, (value, style, number_format) in enumerate(row, start=1):
            cell = ws.cell(r, c)
            cell._style = copy.copy(style)
            cell.value = value
    last = FIRST_ROW + len(rows) - 1
    for dv in ws.data_validations.dataValidation:
        dv.sqref = MultiCellRange(f"{get_column_letter(status_col)}{FIRST_ROW}:{get_column_letter(status_col)}{last}")


def unprotect(ws):
    """What a unit does (审阅 → 撤消工作表保护; the template's protection has no password)."""
    ws.protection.sheet = False


def insert_column(ws, col, header, values, width):
    """Insert a column as Excel does: cells move right, merged ranges that span the column grow,
    the dropdown moves with its column, column widths move. `values` maps row → value."""
    merges = [CellRange(m.coord) for m in ws.merged_cells.ranges]
    for m in merges:
        ws.unmerge_cells(m.coord)
    ncols = ws.max_column
    widths = {c: ws.column_dimensions[get_column_letter(c)].width for c in range(1, ncols + 1)}
    ws.insert_cols(col)
    for m in sorted(merges, key=lambda m: (m.min_row, m.min_col)):
        min_col = m.min_col + (1 if m.min_col >= col else 0)
        max_col = m.max_col + (1 if m.max_col >= col else 0)
        ws.merge_cells(start_row=m.min_row, start_column=min_col, end_row=m.max_row, end_column=max_col)
    for dv in ws.data_validations.dataValidation:
        shifted = []
        for rng_ in dv.sqref.ranges:
            cr = CellRange(rng_.coord)
            if cr.min_col >= col:
                cr.shift(col_shift=1)
            shifted.append(cr.coord)
        dv.sqref = MultiCellRange(" ".join(shifted))
    for c in range(ncols, col - 1, -1):
        ws.column_dimensions[get_column_letter(c + 1)].width = widths[c]
    ws.column_dimensions[get_column_letter(col)].width = width
    head = ws.cell(HEADER_ROW, col)
    head._style = copy.copy(ws.cell(HEADER_ROW, col - 1)._style)
    head.value = header
    for r in range(FIRST_ROW, ws.max_row + 1):
        cell = ws.cell(r, col)
        cell._style = copy.copy(ws.cell(r, col - 1)._style)
        cell.value = values.get(r)


def set_properties(wb, modified_local, unit):
    props = wb.properties
    props.created = ISSUED - UTC_OFFSET
    props.modified = modified_local - UTC_OFFSET
    props.lastModifiedBy = CONTACTS[unit][2]


# ------------------------------------------------------------------------------------------
# Serialising: fixed timestamps, part order, merged-range order, shared strings
# ------------------------------------------------------------------------------------------

INLINE_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"(?:><is>(.*?)</is></c>| ?/>)', re.S)
MERGE_CELLS = re.compile(r'<mergeCells count="(?P<count>[0-9]+)">(?P<body>.*?)</mergeCells>')
MERGE_CELL = re.compile(r'<mergeCell ref="([A-Z]+)([0-9]+):([A-Z]+[0-9]+)" ?/>')


def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def sort_merges(sheet):
    """openpyxl writes merged ranges in set order (varies between runs); list them in sheet order."""
    block = MERGE_CELLS.search(sheet)
    if not block:
        return sheet
    merges = sorted(MERGE_CELL.findall(block.group("body")), key=lambda m: (int(m[1]), col_number(m[0])))
    assert len(merges) == int(block.group("count"))
    return (sheet[:block.start("body")]
            + "".join(f'<mergeCell ref="{a}{r}:{b}" />' for a, r, b in merges)
            + sheet[block.end("body"):])


def use_shared_strings(parts):
    """Rewrite openpyxl's inline strings into a shared string table, as Excel stores text."""
    if "xl/sharedStrings.xml" in parts:
        return
    index, items, count = {}, [], 0

    def shared(match):
        nonlocal count
        ref, style, body = match.groups()
        body = body if body is not None else "<t></t>"  # an empty string (the template has some)
        if body not in index:
            index[body] = len(items)
            items.append(body)
        count += 1
        return f'<c r="{ref}"{style} t="s"><v>{index[body]}</v></c>'

    sheets = sorted(name for name in parts if name.startswith("xl/worksheets/sheet"))
    for name in sheets:
        text = INLINE_CELL.sub(shared, parts[name].decode("utf-8"))
        assert "inlineStr" not in text, f"an inline string in {name} was not converted"
        parts[name] = text.encode("utf-8")
    add_shared_string_table(parts, items, count)


def zip_parts(data):
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return [(info.filename, src.read(info.filename)) for info in src.infolist()]


def workbook_bytes(wb, when, shared_strings=True):
    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # not wb.save(): that stamps 'modified' with now
    parts = dict(zip_parts(raw.getvalue()))
    order = [name for name, _ in zip_parts(raw.getvalue())]
    for name in order:
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = sort_merges(parts[name].decode("utf-8")).encode("utf-8")
    if shared_strings:
        use_shared_strings(parts)
        if "xl/sharedStrings.xml" not in order:
            order.append("xl/sharedStrings.xml")
    return fixed_zip({name: parts[name] for name in order}, when)


def write_file(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


# ------------------------------------------------------------------------------------------
# The cases
# ------------------------------------------------------------------------------------------

class Maker:
    def __init__(self, templates, work, taizhang):
        self.templates = templates  # folder written by taizhang split
        self.work = work
        self.taizhang = taizhang
        self.files = {}             # relative path → bytes
        self.readme = []            # (relative path, unit, case number, Chinese, English)
        self.facts = {}             # details the README and the report quote

    def template(self, unit):
        return load_workbook(os.path.join(self.templates, unit + TEMPLATE_SUFFIX + ".xlsx"))

    def add(self, rel, data, unit, case, zh, en):
        self.files[rel] = data
        self.readme.append((rel, unit, case, zh, en))

    # 1 --------------------------------------------------------------------------------------
    def normal(self):
        unit = "法规科"
        wb = self.template(unit)
        fill(wb, unit)
        set_properties(wb, datetime.datetime(2023, 7, 4, 16, 12), unit)
        self.add(f"{unit}-任务反馈表.xlsx", workbook_bytes(wb, datetime.datetime(2023, 7, 4, 16, 12), shared_strings=False),
                 unit, "1",
                 "正常填报：用 openpyxl 填写后保存，保留自定义属性“填报单位”、工作表保护和下拉框；文字为内联字符串（openpyxl 的写法）。",
                 "Normal: filled with openpyxl and saved; custom property 填报单位, sheet protection and the "
                 "dropdown kept; text stored as inline strings (as openpyxl writes it).")

    # 2 --------------------------------------------------------------------------------------
    def reordered(self):
        unit = "规划科"
        deleted = "RWSF5JRT50"
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit)
        unprotect(ws)
        unmerge_data_area(ws)  # Excel refuses to sort across merged cells of different sizes
        order = {s: i for i, s in enumerate(("已完成", "部分完成", "超序时", "推进中", "滞后", "未启动", "已延期", "暂缓"))}
        rows = task_rows(ws)
        kept = [r for tid, r in rows.items() if tid != deleted]
        kept.sort(key=lambda r: order.get(ws.cell(r, C_STATUS).value, len(order)))  # stable, like Excel
        snaps = [snapshot_row(ws, r) for r in kept]
        rewrite_data_rows(ws, snaps)
        when = datetime.datetime(2023, 7, 5, 10, 3)
        set_properties(wb, when, unit)
        self.facts["reorder_deleted"] = deleted
        self.facts["reorder_order"] = [row[0][0] for row in snaps]
        self.add(f"{unit}-任务反馈表（重排）.xlsx", workbook_bytes(wb, when), unit, "2",
                 f"行顺序被打乱、删了一行：单位撤消保护、取消“工作要求”列的合并单元格后按完成状态排序（已完成在前），"
                 f"并删除了自认为不属本科室的任务 {deleted}（稳就业保就业信息公开）。",
                 f"Rows reordered and one deleted: the unit unprotected the sheet, unmerged the 工作要求 column, "
                 f"sorted by 完成状态 (已完成 first) and deleted task {deleted}, which it thought was not its own.")

    # 3 --------------------------------------------------------------------------------------
    def renamed_header(self):
        unit = "基础科"
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit)
        unprotect(ws)
        owners = {}
        for i, r in enumerate(sorted(task_rows(ws).values())):
            owners[r] = "王建国" if i % 3 == 2 else CONTACTS[unit][0]
        insert_column(ws, C_STATUS, "责任人", owners, 10)
        ws.cell(HEADER_ROW, C_PROGRESS).value = "工作进展"
        ws.cell(HEADER_ROW, C_STATUS + 1).value = "状态"
        when = datetime.datetime(2023, 7, 5, 11, 47)
        set_properties(wb, when, unit)
        self.add(f"{unit}-任务反馈表（改表头）.xlsx", workbook_bytes(wb, when), unit, "3",
                 "改了表头、加了一列：“进展情况”改为“工作进展”，“完成状态”改为“状态”，并在两者之间插入“责任人”列"
                 "（其后各列右移一列：状态在 J 列，完成时间在 K 列；联系人、联系电话的填写格移到 J2、L2）。",
                 "Renamed headers and an added column: 进展情况 → 工作进展, 完成状态 → 状态, and a 责任人 column "
                 "inserted between them (the columns after it move right: 状态 is J, 完成时间 K; the contact "
                 "input cells move to J2 and L2).")

    # 4 --------------------------------------------------------------------------------------
    def text_dates(self):
        unit = "法规科"
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit)  # the same texts and dates as 法规科's normal return
        styles = [lambda d: f"{d.month}月{d.day}日", lambda d: f"{d.year}.{d.month}.{d.day}",
                  lambda d: f"{d.year}年{d.month}月{d.day}日", lambda d: f"{d.year}.{d.month:02}.{d.day:02}"]
        typed = {}
        dated = [(task_id, r) for task_id, r in task_rows(ws).items() if ws.cell(r, C_DONE).value is not None]
        for task_id, r in dated:
            cell = ws.cell(r, C_DONE)
            d = cell.value
            if (d.month, d.day) == (4, 12):
                cell.value = 4.12  # typed "4.12" into the date-formatted cell: Excel keeps the number
            else:
                cell.number_format = "@"  # the unit set the cell to 文本 first
                cell.value = styles[len(typed) % len(styles)](d)
            typed[task_id] = cell.value
        assert len([v for v in typed.values() if isinstance(v, str)]) >= len(styles), typed
        self.facts["text_dates"] = typed
        when = datetime.datetime(2023, 7, 4, 16, 25)
        set_properties(wb, when, unit)
        listed = "、".join(f"“{v}”" for v in typed.values() if isinstance(v, str))
        self.add(f"extra/{unit}-任务反馈表（文本日期）.xlsx", workbook_bytes(wb, when), unit, "4",
                 f"完成时间写成文本：{listed}（单元格格式为文本）；RW3DMQKJ30 键入“4.12”（指4月12日），在日期格式的单元格里成了数字 4.12"
                 "（显示为 1900-01-04）。日期与其余内容都与 `法规科-任务反馈表.xlsx` 相同，应汇总出同样的结果。",
                 f"Dates typed as text in 完成时间: {listed} (cells formatted as text); RW3DMQKJ30 had “4.12” "
                 "(12 April) typed into the date-formatted cell, so it holds the number 4.12 (shows as 1900-01-04). "
                 "Dates and everything else are those of `法规科-任务反馈表.xlsx`: both should merge to the same ledger.")

    # 5 --------------------------------------------------------------------------------------
    def appended(self):
        unit = "办公室"
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit)
        unprotect(ws)
        last = max(task_rows(ws).values())
        plan_style = ws.cell(last, C_TASK)._style
        input_style = ws.cell(last, C_PROGRESS)._style
        date_style = ws.cell(last, C_DONE)._style
        extra = [
            ("", "五、强化工作指导监督", "（新增）开展政务公开工作专项督查", "对局属各单位政务公开专区、网站栏目开展专项督查，形成督查通报。",
             "办公室", "牵头", "9月底前",
             "已制定专项督查方案，拟于8月开展。", "未启动", None, "专项督查方案.docx", "局领导交办事项"),
            ("", "", "（新增）2023年政务公开第三方评估迎检", "", "办公室", "牵头", "10月底前",
             "截至6月底，已完成评估指标对照自查，整改问题{}个。".format(random.Random(SEED).randint(3, 9)),
             "推进中", None, "自查整改清单.xlsx", ""),
        ]
        r = last
        for row in extra:
            r += 1
            for c, value in enumerate(row, start=1):
                cell = ws.cell(r, c)
                cell._style = copy.copy(date_style if c == C_DONE else input_style if c >= C_PROGRESS else plan_style)
                cell.value = value or None
        r += 2
        ws.cell(r, 1).value = "注：以上情况属实，已经局分管领导审核。"
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=NCOLS)
        r += 1
        ws.cell(r, 1).value = "填报人：林晓彤        审核人：张建明        报送日期：2023年7月5日"
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=NCOLS)
        when = datetime.datetime(2023, 7, 5, 17, 20)
        set_properties(wb, when, unit)
        self.add(f"{unit}-任务反馈表（新增任务）.xlsx", workbook_bytes(wb, when), unit, "5",
                 "末尾追加行：两条计划外任务（任务编号为空，具体任务以“（新增）”开头），空一行后是“注：以上情况属实，已经局分管领导审核。”"
                 "和“填报人/审核人/报送日期”两行（各合并 A:L）。",
                 "Rows appended at the bottom: two tasks not in the plan (no 任务编号, 具体任务 starts with "
                 "（新增）), then after a blank row a note row “注：以上情况属实…” and a 填报人/审核人/报送日期 "
                 "row (each merged A:L).")

    # 6 --------------------------------------------------------------------------------------
    def libreoffice(self):
        unit = "市公共资源交易中心"
        wb = self.template(unit)
        fill(wb, unit)
        when = datetime.datetime(2023, 7, 4, 9, 40)
        set_properties(wb, when, unit)
        src_dir = os.path.join(self.work, "lo-in")
        out_dir = os.path.join(self.work, "lo-out")
        os.makedirs(src_dir)
        src = os.path.join(src_dir, "return.xlsx")
        with open(src, "wb") as f:
            f.write(workbook_bytes(wb, when))
        soffice = shutil.which(os.environ.get("SOFFICE", "soffice")) or shutil.which("libreoffice")
        if not soffice:
            sys.exit("make_returns: LibreOffice (soffice) is needed for the LibreOffice-resaved return; "
                     "apt-get install libreoffice-calc-nogui")
        profile = "file://" + os.path.join(self.work, "lo-profile")
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
               "--infilter=Calc MS Excel 2007 XML", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
               "--outdir", out_dir, src]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        out = os.path.join(out_dir, "return.xlsx")
        if run.returncode != 0 or not os.path.exists(out):
            sys.exit(f"make_returns: LibreOffice conversion failed ({run.returncode}): {run.stderr.strip()}")
        version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
        with open(out, "rb") as f:
            parts = zip_parts(f.read())
        names = [n for n, _ in parts]
        custom = dict(parts).get("docProps/custom.xml", b"").decode("utf-8")
        kept = "填报单位" in custom and unit in custom
        core = dict(parts)["docProps/core.xml"].decode("utf-8")
        modified = re.search(r"<dcterms:modified[^>]*>([^<]*)<", core)
        self.facts["lo"] = dict(version=version, custom_kept=kept, parts=names,
                                modified=modified.group(1) if modified else None,
                                app=re.search(r"<Application>([^<]*)<", dict(parts)["docProps/app.xml"].decode()).group(1))
        # LibreOffice keeps dcterms:modified from the file it opened; make sure nothing of "now"
        # is left in the package (zip entry times are).
        want = (when - UTC_OFFSET).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert self.facts["lo"]["modified"] == want, (self.facts["lo"]["modified"], want)
        kept_zh = "保留" if kept else "丢失"
        kept_en = "kept" if kept else "dropped"
        self.add(f"{unit}-任务反馈表（LibreOffice另存）.xlsx", fixed_zip(dict(parts), when), unit, "6",
                 f"经 LibreOffice 另存：填好的反馈表用 `soffice --headless --convert-to xlsx` 转存（{version}）。"
                 f"自定义属性“填报单位”{kept_zh}；docProps/app.xml 的 Application 为 LibreOffice；dcterms:modified 沿用原文件；"
                 "冻结窗格丢失，工作表保护、下拉框、合并单元格保留；单位也可从第 2 行“填报单位：”和标题识别。",
                 f"Re-saved by LibreOffice ({version}, `soffice --headless --convert-to xlsx`, private profile). "
                 f"Custom property 填报单位 {kept_en}; Application in docProps/app.xml is LibreOffice; "
                 "dcterms:modified is carried over from the file it opened; the frozen pane is lost, sheet "
                 "protection, dropdown and merged ranges survive; the unit is also in row 2 (填报单位：) and the title.")

    # 7 --------------------------------------------------------------------------------------
    def csv_gb18030(self):
        unit = "热线科"
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit)
        rows = []
        for r in range(1, ws.max_row + 1):
            row = []
            for c in range(1, NCOLS + 1):
                cell = ws.cell(r, c)
                v = cell.value
                if isinstance(cell, MergedCell) or v is None:
                    row.append("")
                elif isinstance(v, (datetime.date, datetime.datetime)):
                    row.append(f"{v:%Y-%m-%d}")  # Excel writes the displayed text (yyyy-mm-dd)
                else:
                    row.append(str(v))
            rows.append(row)
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
        data = out.getvalue().encode("gb18030")
        self.add(f"{unit}-任务反馈表.csv", data, unit, "7",
                 "CSV（GB18030 编码，无 BOM，CRLF）：中文 Windows 上 Excel“另存为 CSV”的结果，即反馈表的同一网格"
                 "（标题行、填报单位行、表头、数据；合并单元格的值只在左上格，日期写成 2023-06-15 的样子）。没有文档属性。",
                 "CSV in GB18030 (no BOM, CRLF), what Excel on Chinese Windows saves: the same grid as the "
                 "template (title, 填报单位 row, header, data; merged values only in the top-left cell, dates as "
                 "displayed, 2023-06-15). No document properties.")

    # 8 --------------------------------------------------------------------------------------
    def resubmission(self):
        unit = "政务科"
        first_when = datetime.datetime(2023, 7, 5, 9, 15)
        second_when = datetime.datetime(2023, 7, 6, 15, 48)
        # first: 专区 reported as not yet done, one task left empty, an earlier percent
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit, skip=("RW0ESJVYGN",))
        rows = task_rows(ws)
        put(ws, rows["RWCZ73GSDA"], "推进中", "专区已设立，查询终端尚未完成安装调试。", None, "", "")
        put(ws, rows["RWE2SAR67H"], "推进中", "截至6月底，规范性文件梳理已完成60%。", None, "", "")
        set_properties(wb, first_when, unit)
        first = workbook_bytes(wb, first_when)
        # second: the corrected file, sent the next afternoon
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit)
        rows = task_rows(ws)
        put(ws, rows["RWCZ73GSDA"], "已完成",
            "已于3月在市政务服务大厅一楼设立政务公开专区，6月28日查询终端2台安装调试完毕，提供政府信息查询、依申请公开受理、政策咨询等服务。",
            D(2023, 6, 28), "政务公开专区照片.jpg；终端验收单.pdf", "更正：原报“推进中”")
        put(ws, rows["RWE2SAR67H"], "推进中",
            "截至6月底，已完成政务科规范性文件梳理，要素标注已完成80%，计划9月底前完成分类展示。",
            None, "规范性文件梳理清单（截至6月底）.xlsx", "更正")
        set_properties(wb, second_when, unit)
        second = workbook_bytes(wb, second_when)
        self.facts["resubmission"] = (first_when, second_when)
        fmt = "%Y-%m-%dT%H:%M:%SZ"
        self.add(f"{unit}-任务反馈表.xlsx", first, unit, "8",
                 f"重复报送（第一次）：dcterms:modified = {(first_when - UTC_OFFSET):{fmt}}（北京时间 7月5日 9:15）。"
                 "“政务公开专区”报“推进中”，规范性文件报“已完成60%”，重点领域栏目一行未填。",
                 f"Resubmission, first file: dcterms:modified {(first_when - UTC_OFFSET):{fmt}} (5 July 09:15 "
                 "Beijing time). 政务公开专区 reported 推进中, 规范性文件 “已完成60%”, the 重点领域栏目 row left empty.")
        self.add(f"{unit}-任务反馈表（更正）.xlsx", second, unit, "8",
                 f"重复报送（更正版）：dcterms:modified = {(second_when - UTC_OFFSET):{fmt}}（7月6日 15:48），晚于第一次。"
                 "专区改报“已完成”（完成时间 2023-06-28，备注“更正：原报‘推进中’”），规范性文件改为“已完成80%”，补填重点领域栏目。",
                 f"Resubmission, corrected file: dcterms:modified {(second_when - UTC_OFFSET):{fmt}} (6 July 15:48), "
                 "later than the first. 专区 now 已完成 (done 2023-06-28, 备注 says it corrects 推进中), "
                 "规范性文件 “已完成80%”, the 重点领域栏目 row filled in.")

    # 9 --------------------------------------------------------------------------------------
    def plan_edited(self):
        unit = "基础科"
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit, salt="改计划")
        unprotect(ws)
        rows = task_rows(ws)
        changes = []
        r = rows["RWE2SAR67H"]
        changes.append(("RWE2SAR67H", "完成时限", ws.cell(r, C_DUE).value, "12月底前"))
        ws.cell(r, C_DUE).value = "12月底前"
        r = rows["RWXTGETSEF"]
        old = ws.cell(r, C_REQ).value
        new = "加快政策咨询综合服务平台建设（基础科负责平台技术支撑），提高政策公开实效。"
        changes.append(("RWXTGETSEF", "具体要求", old, new))
        ws.cell(r, C_REQ).value = new
        r = rows["RWC4ZQVYJ4"]
        changes.append(("RWC4ZQVYJ4", "本单位角色", ws.cell(r, C_ROLE).value, "配合"))
        ws.cell(r, C_ROLE).value = "配合"
        self.facts["plan_edited"] = changes
        when = datetime.datetime(2023, 7, 5, 14, 2)
        set_properties(wb, when, unit)
        self.add(f"extra/{unit}-任务反馈表（改计划内容）.xlsx", workbook_bytes(wb, when), unit, "9",
                 "单位撤消保护后改了锁定的计划列：RWE2SAR67H 完成时限“11月底前”改为“12月底前”；RWXTGETSEF 具体要求被改写缩短；"
                 "RWC4ZQVYJ4 本单位角色“牵头”改为“配合”。",
                 "Plan text changed by the unit after unprotecting: RWE2SAR67H 完成时限 11月底前 → 12月底前; "
                 "RWXTGETSEF 具体要求 rewritten and shortened; RWC4ZQVYJ4 本单位角色 牵头 → 配合.")

    # 10 -------------------------------------------------------------------------------------
    def foreign_row(self):
        unit = "市公共资源交易中心"
        other = "市政务服务大厅管理中心"
        foreign = "RWCZ73GSDA"
        wb = self.template(unit)
        ws = wb[SHEET]
        fill(wb, unit, salt="他单位")
        unprotect(ws)
        src = self.template(other)[SHEET]
        src_row = task_rows(src)[foreign]
        copied = [(src.cell(src_row, c).value, copy.copy(ws.cell(FIRST_ROW, c)._style), None) for c in range(1, NCOLS + 1)]
        progress = ("推进中", "配合市政务服务大厅管理中心在政务公开专区摆放公共资源交易政策指南{}册，提供交易信息查询服务。".format(
            random.Random(f"{SEED}:{unit}:{foreign}").randint(50, 200)), None, "专区资料摆放照片.jpg", "")
        for (c, v) in zip((C_STATUS, C_PROGRESS, C_DONE, C_EVIDENCE, C_NOTE), progress):
            copied[c - 1] = (v or None, copied[c - 1][1], None)
        rows = task_rows(ws)
        unmerge_data_area(ws)  # inserting a row inside a merged block is what the unit did; keep it simple
        ordered = sorted(rows.values())
        snaps = []
        for r in ordered:
            snaps.append(snapshot_row(ws, r))
            if ws.cell(r, C_ID).value == "RWZRZN0NC3":  # where the row sits in the plan
                snaps.append(copied)
        rewrite_data_rows(ws, snaps)
        self.facts["foreign"] = (foreign, other)
        when = datetime.datetime(2023, 7, 4, 10, 5)
        set_properties(wb, when, unit)
        self.add(f"extra/{unit}-任务反馈表（含他单位任务）.xlsx", workbook_bytes(wb, when), unit, "10",
                 f"填了不属本单位的任务：从{other}的反馈表复制来的一行 {foreign}（在大厅设立政务公开专区，任务编号照抄），"
                 "插在计划中的位置并填了进展；插行前取消了“工作要求”列的合并单元格。",
                 f"Progress typed on a task that is not the unit's: row {foreign} (政务公开专区 in the service hall, "
                 f"task ID and all) copied from {other}'s template, inserted where it sits in the plan, with "
                 "progress filled in; the 工作要求 column was unmerged before inserting.")

    # 12 -------------------------------------------------------------------------------------
    def name_only(self):
        unit = "规划科"
        src = self.template(unit)
        fill(src, unit)
        ws_src = src[SHEET]
        wb = Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        thin = Side(style="thin", color="000000")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        for c, name in enumerate(HEADER, start=1):
            cell = ws.cell(1, c, name)
            cell.font = Font(bold=True)
            cell.border = border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        out_r = 1
        group = None
        for r in sorted(task_rows(ws_src).values()):
            out_r += 1
            g = ws_src.cell(r, C_GROUP).value
            group = g if g is not None and not isinstance(ws_src.cell(r, C_GROUP), MergedCell) else group
            for c in range(1, NCOLS + 1):
                v = ws_src.cell(r, c).value
                if c == C_GROUP:
                    v = group  # paste-values of a merged block fills only the first cell; this unit filled them all
                cell = ws.cell(out_r, c, v)
                cell.border = border
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if isinstance(v, (datetime.date, datetime.datetime)):
                    cell.number_format = "yyyy/m/d"
        for c, width in enumerate((12, 16, 26, 40, 18, 8, 10, 40, 10, 12, 20, 12), start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        wb.properties.creator = CONTACTS[unit][2]
        when = datetime.datetime(2023, 7, 5, 10, 30)
        set_properties(wb, when, unit)
        self.add(f"extra/{unit}-任务反馈表（新建工作簿）.xlsx", workbook_bytes(wb, when), unit, "12",
                 "只能从文件名识别单位：单位把表格复制到新建工作簿（工作表 Sheet1，表头在第 1 行），没有标题行、没有“填报单位”行、"
                 "没有自定义属性，文档属性里也没有单位名；“工作要求”每行都填了（原表是合并单元格）。",
                 "Unit found only from the file name: the unit copied the table into a new workbook (sheet "
                 "Sheet1, header in row 1): no title row, no 填报单位 row, no custom property, no unit name in "
                 "the document properties; 工作要求 filled on every row (merged in the template).")

    def all(self):
        self.normal()
        self.reordered()
        self.renamed_header()
        self.appended()
        self.libreoffice()
        self.csv_gb18030()
        self.resubmission()
        self.text_dates()
        self.plan_edited()
        self.foreign_row()
        self.name_only()


# ------------------------------------------------------------------------------------------
# README, checks, main
# ------------------------------------------------------------------------------------------

def readme_text(maker, units):
    lines = [
        "# 样例反馈表 Sample returns",
        "",
        "由 `scripts/make_returns.py` 生成，请勿手工修改；重新生成：",
        "Generated by `scripts/make_returns.py`; do not edit by hand. To regenerate:",
        "",
        "```",
        "scripts/.venv/bin/python scripts/make_returns.py",
        "```",
        "",
        "先用 `taizhang split samples/plan-2023.xlsx --units samples/units.yaml` 生成各单位的任务反馈表，"
        "再按 2023 年上半年（截至6月底）报送的样子填写，并模拟各单位对模板的常见改动（见领域参考 domain.md §5.2）。"
        "进展情况的写法取自 §4：累计表述“截至6月底，已…”、百分比“已完成80%”、“基本完成”、否定“尚未完成”、“持续推进中”等。",
        "The script runs `taizhang split` and fills each unit's template as units report at the half-year "
        "(截至6月底), then applies what units do to templates (domain.md §5.2). Progress texts follow §4: "
        "cumulative “截至6月底，已…”, percents “已完成80%”, “基本完成”, negations “尚未完成”, “持续推进中”.",
        "",
        "## 本轮报送 This round (`samples/returns/`)",
        "",
        "一个单位一份（政务科有一份更正），可以整体作为一轮汇总的输入（不含子目录 extra/）。",
        "One return per unit (政务科 also sent a corrected one): merge the folder as one reporting round "
        "(without the extra/ subfolder).",
        "",
        "| 文件 File | 单位 Unit | 情形 Case | 说明 | Description |",
        "|---|---|---|---|---|",
    ]
    for rel, unit, case, zh, en in maker.readme:
        if "/" not in rel:
            lines.append(f"| `{rel}` | {unit} | {case} | {zh} | {en} |")
    lines += [
        "",
        f"**未报送 Never returned: {NEVER_RETURNS}**（情形 11：本轮没有它的文件 / case 11: no file from it in this round）。",
        "",
        "## 单项变体 Single-case variants (`samples/returns/extra/`)",
        "",
        "这些是相应单位本可以交来的另一份反馈表，每份只含一种情形；放在子目录里，免得与本轮的文件重复。",
        "Other returns those units could have sent instead, one case each; kept in a subfolder so the round "
        "above has no duplicates.",
        "",
        "| 文件 File | 单位 Unit | 情形 Case | 说明 | Description |",
        "|---|---|---|---|---|",
    ]
    for rel, unit, case, zh, en in maker.readme:
        if "/" in rel:
            lines.append(f"| `{rel}` | {unit} | {case} | {zh} | {en} |")
    lo = maker.facts["lo"]
    lines += [
        "",
        "## 情形编号 Case numbers",
        "",
        "1 正常填报 normal · 2 行重排并删一行 rows reordered, one deleted · 3 改表头、加列 renamed header, "
        "added column · 4 文本日期 dates as text · 5 末尾追加新增任务和备注行 appended rows and a note row · "
        "6 LibreOffice 另存 re-saved by LibreOffice · 7 GB18030 编码的 CSV · 8 重复报送（更正）resubmission · "
        "9 改了计划内容 plan text changed · 10 填了他单位的任务 a task that is not the unit's · "
        "11 未报送 never returned · 12 只能从文件名识别单位 unit only in the file name",
        "",
        "## 识别单位 How each file names its unit",
        "",
        "- 自定义属性“填报单位” custom property 填报单位: 情形 1–5、8–10 的 xlsx；情形 6 "
        + ("（LibreOffice 保留了它 / LibreOffice kept it）" if lo["custom_kept"] else "（LibreOffice 丢掉了它 / LibreOffice dropped it）")
        + "。",
        "- 第 2 行“填报单位：<单位>”和标题 row 2 and the title: 除情形 12 外的所有文件（含 CSV）/ every file except case 12 (the CSV too).",
        "- 文件名 file name: 所有文件 / every file; 情形 12 只有文件名 / case 12 has nothing else.",
        "",
        "## 其他约定 Other notes",
        "",
        "- 文档时间固定：dcterms:created = 2023-06-20T01:00:00Z（模板下发），dcterms:modified 为各单位报送时间（UTC，北京时间减 8 小时）；"
        "zip 条目时间为报送时间（北京时间）。Fixed document times: created 2023-06-20T01:00:00Z (templates sent), "
        "modified = when the unit sent it (UTC); zip entry times = that time in Beijing time.",
        "- 除情形 1 外，经 openpyxl 写出的文件都改写为共享字符串表（Excel 的存法）；情形 1 保留 openpyxl 的内联字符串。"
        "All openpyxl-written files except case 1 use a shared string table, as Excel does; case 1 keeps openpyxl's inline strings.",
        "- 联系人、电话、责任人均为虚构。Contacts, phone numbers and 责任人 are made up.",
        "",
    ]
    return "\n".join(lines)


def parse_units(path):
    names = []
    with open(path, encoding="utf-8") as f:
        in_units = False
        for line in f:
            if line.startswith("units:"):
                in_units = True
            elif line and not line[0].isspace() and not line.startswith("#"):
                in_units = False
            m = re.match(r"^  - name: (.+?)\s*$", line)
            if in_units and m:
                names.append(m.group(1))
    return names


def find_taizhang(root, given):
    candidates = [given, os.environ.get("TAIZHANG"),
                  os.path.join(root, ".build/debug/taizhang"), os.path.join(root, ".build/release/taizhang"),
                  shutil.which("taizhang")]
    for c in candidates:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    sys.exit("make_returns: taizhang not found; build it first (swift build) or pass --taizhang")


def check(out_dir, rels, taizhang):
    """Every xlsx opens in openpyxl and in `taizhang inspect`; the CSV decodes as GB18030."""
    failed = 0
    for rel in rels:
        path = os.path.join(out_dir, rel)
        if rel.endswith(".csv"):
            with open(path, "rb") as f:
                rows = list(csv.reader(io.StringIO(f.read().decode("gb18030"), newline="")))
            ok = rows[2][:1] == ["任务编号"]
            print(f"  {'ok ' if ok else 'BAD'} {rel}: {len(rows)} CSV rows (GB18030)")
            failed += not ok
            continue
        wb = load_workbook(path)
        ws = wb.worksheets[0]
        unit = next((p.value for p in wb.custom_doc_props.props if p.name == "填报单位"), None)
        run = subprocess.run([taizhang, "inspect", path, "--json"], capture_output=True, text=True)
        ok = run.returncode == 0
        failed += not ok
        print(f"  {'ok ' if ok else 'BAD'} {rel}: openpyxl {ws.title} {ws.max_row}×{ws.max_column}, "
              f"填报单位={unit or '-'}; taizhang inspect exit {run.returncode}"
              + ("" if ok else f": {run.stderr.strip()[:200]}"))
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--taizhang", help="the taizhang binary")
    parser.add_argument("--out", help="output folder (default: <repo>/samples/returns)")
    parser.add_argument("--no-check", action="store_true", help="skip reading the files back")
    args = parser.parse_args()

    if openpyxl.__version__ != OPENPYXL_VERSION:
        print(f"warning: openpyxl {openpyxl.__version__}, not {OPENPYXL_VERSION}: "
              "the xlsx bytes may differ from the committed samples", file=sys.stderr)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = os.path.abspath(args.out or os.path.join(root, "samples", "returns"))
    taizhang = find_taizhang(root, args.taizhang)
    units_path = os.path.join(root, "samples", "units.yaml")
    units = parse_units(units_path)
    assert NEVER_RETURNS in units and set(CONTACTS) == set(units), units

    with tempfile.TemporaryDirectory(prefix="make_returns-") as work:
        templates = os.path.join(work, "templates")
        run = subprocess.run([taizhang, "split", os.path.join(root, "samples", "plan-2023.xlsx"),
                              "--units", units_path, "-o", templates, "--quiet"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"make_returns: taizhang split failed ({run.returncode}): {run.stderr.strip()}")
        for unit in units:
            assert os.path.exists(os.path.join(templates, unit + TEMPLATE_SUFFIX + ".xlsx")), unit
        maker = Maker(templates, work, taizhang)
        maker.all()

        returned = {unit for _, unit, _, _, _ in maker.readme}
        assert NEVER_RETURNS not in returned and returned == set(units) - {NEVER_RETURNS}

        # Texts cover the ways units write progress (domain.md §4.2-4.3).
        texts = ""
        for rel, data in maker.files.items():
            if rel.endswith(".csv"):
                texts += data.decode("gb18030")
            else:
                wb = load_workbook(io.BytesIO(data))
                texts += " ".join(str(v) for row in wb.worksheets[0].iter_rows(values_only=True) for v in row if v)
        for phrase in ("截至6月底，已", "已完成80%", "基本完成", "尚未完成", "持续推进中", "1-6月", "【6月进展】", "尚未开展"):
            assert phrase in texts, f"no progress text contains {phrase!r}"

        # Replace earlier outputs: returns the script no longer makes are removed.
        wanted = set(maker.files) | {"README.md"}
        for sub in ("", "extra"):
            folder = os.path.join(out_dir, sub)
            if os.path.isdir(folder):
                for name in os.listdir(folder):
                    rel = os.path.join(sub, name) if sub else name
                    if rel not in wanted and ("任务反馈表" in name) and os.path.isfile(os.path.join(folder, name)):
                        os.unlink(os.path.join(folder, name))
                        print(f"removed stale {rel}")
        for rel, data in maker.files.items():
            write_file(os.path.join(out_dir, rel), data)
        write_file(os.path.join(out_dir, "README.md"), readme_text(maker, units).encode("utf-8"))

    lo = maker.facts["lo"]
    print(f"wrote {len(maker.files)} returns and README.md to {out_dir}; never returned: {NEVER_RETURNS}")
    print(f"LibreOffice: {lo['version']}: custom property 填报单位 {'kept' if lo['custom_kept'] else 'DROPPED'}; "
          f"dcterms:modified {lo['modified']}; Application {lo['app']}")
    if not args.no_check:
        failed = check(out_dir, sorted(maker.files), taizhang)
        if failed:
            sys.exit(f"make_returns: {failed} file(s) failed the read-back check")


if __name__ == "__main__":
    main()
