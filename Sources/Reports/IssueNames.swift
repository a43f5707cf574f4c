import Ledger

/// What each issue code means, in the words a clerk reads in the 问题 sheet; the codes stay in the JSON for tools.
enum IssueNames {
    static func name(_ code: String) -> String { names[code] ?? code }

    private static let names: [String: String] = [
        "added-column": "单位新增列", "bad-deadline": "完成时限无法识别", "bad-status": "完成状态无法识别",
        "duplicate-return": "重复报送", "duplicate-unit": "单位重复", "formula-without-value": "公式无计算结果",
        "fuzzy-match": "近似匹配", "merge-past-table": "合并区域超出表格", "group-members-unknown": "分组成员未知", "missing-deadline": "缺完成时限",
        "missing-task": "缺任务内容", "missing-unit": "缺责任单位", "no-deadline-column": "无完成时限列",
        "no-progress": "未填写进展", "not-a-return": "非反馈文件", "not-own-task": "非本单位任务",
        "plan-changed": "计划内容被修改", "plan-year-assumed": "计划年度为推定", "row-without-task": "无任务的行",
        "section-duplicate": "编号重复", "section-gap": "编号不连续", "shared-progress": "合并单元格共用", "subfolder-not-read": "子文件夹未读取",
        "unidentified-return": "无法识别单位", "unit-conflict": "单位写法不一致", "unknown-unit": "单位不在名册",
        "unmatched-row": "对不上计划的行", "unreadable-return": "文件无法读取",
    ]
}
