"""Standard outlines of report genres, as data: the parts a report of a genre has,
whatever its own headings call them.

Each slot lists title words as a heading may contain them (numbering, punctuation,
spaces and case aside: titles are compared after ``normalise_title``). A section
belongs to the slot whose word it contains is the longest (``outline.py``). To add a
genre, add an entry to ``GENRES``: an id, a name, ``min_slots`` (how many slots both
reports must fill before the outline counts as evidence) and its slots.
"""

from __future__ import annotations

from typing import Any

# Heading words that say nothing of what a section is about: "整体情况" is no nearer
# to "部门整体支出绩效情况" for sharing 情况. Left out when titles are compared.
GENERIC_TITLE_WORDS = ("情况", "工作", "有关", "相关", "具体", "说明")

GENRES: tuple[dict[str, Any], ...] = (
    {
        "id": "cn-department-report",
        "name": "部门整体支出绩效自评 / 部门决算、预算 / 政府信息公开年度报告",
        "min_slots": 3,
        "slots": {
            "overview": [
                "基本情况",
                "基本概况",
                "部门概况",
                "单位概况",
                "概况",
                "总体情况",
                "部门构成",
                "单位构成",
            ],
            "functions": [
                "主要职能",
                "职能职责",
                "机构职能",
                "部门职责",
                "职能",
                "职责",
                "机构设置",
                "机构组成",
                "人员概况",
                "人员情况",
            ],
            "tasks": ["主要工作任务", "年度主要工作", "工作任务", "重点工作", "主要工作"],
            "income_expenditure": [
                "收支情况",
                "收入支出",
                "收支总体情况",
                "财务收支",
                "收支预算",
                "收支决算",
                "资金收支",
            ],
            "income": ["收入情况", "收入预算", "收入决算", "资金收入"],
            "expenditure": [
                "支出情况",
                "支出预算",
                "支出决算",
                "预算执行",
                "资金支出",
                "财政拨款支出",
                "一般公共预算支出",
                "资金使用",
            ],
            "basic_expenditure": ["基本支出", "基本支出情况"],
            "project_expenditure": ["项目支出", "项目支出情况", "项目经费"],
            "carryover": ["结转结余", "结余结转", "年初结转"],
            "government_fund": ["政府性基金"],
            "state_capital": ["国有资本经营"],
            "social_security_fund": ["社会保障基金"],
            "three_public": ["三公经费", "三公"],
            "operations": ["机关运行经费", "运行经费"],
            "procurement": ["政府采购"],
            "assets": ["国有资产", "资产占用"],
            "performance": [
                "绩效目标",
                "绩效情况",
                "绩效管理",
                "绩效分析",
                "整体支出绩效",
                "履职绩效",
                "绩效自评",
                "绩效评价",
                "预算绩效",
                "目标完成",
                "绩效指标",
            ],
            "conclusion": ["评价结论", "自评结论", "自评结果", "总体评价", "评价结果"],
            "problems": [
                "存在问题",
                "存在的问题",
                "存在的主要问题",
                "问题及原因",
                "主要问题",
                "问题分析",
            ],
            "improvements": [
                "改进措施",
                "改进建议",
                "整改措施",
                "改进意见",
                "意见建议",
                "下一步工作",
                "下一步措施",
                "下一步打算",
                "改进方向",
                "建议",
            ],
            "results_use": ["结果应用", "结果运用", "公开情况", "信息公开", "结果公开"],
            "disclosure_active": ["主动公开"],
            "disclosure_requests": ["依申请公开", "公开申请", "申请情况"],
            "appeals": ["行政复议", "行政诉讼"],
            "other": ["其他需要说明", "其他需要报告", "其他事项", "其他说明"],
            "glossary": ["名词解释", "专业名词"],
        },
    },
    {
        "id": "cn-statute",
        "name": "法律、法规 (章、节、条)",
        "min_slots": 2,
        "slots": {
            "general": ["总则"],
            "liability": ["法律责任"],
            "supervision": ["监督检查", "监督管理"],
            "supplementary": ["附则"],
        },
    },
    {
        "id": "us-10k",
        "name": "Form 10-K annual report (Items)",
        "min_slots": 2,
        "slots": {
            "business": ["business"],
            "risk_factors": ["riskfactors"],
            "legal_proceedings": ["legalproceedings"],
            "mdna": ["managementsdiscussionandanalysis", "managementdiscussion"],
            "financial_statements": ["financialstatements"],
        },
    },
)
