"""Generated agency reports of two years, for the batch and review-season tests.

Each agency's report has the genre's outline (basic facts, money in and out,
performance, problems) and figures that differ by agency and year. Some agencies are
given planted problems in their NEW year, so tests can check the ranking against them:
a total that is not the sum of its parts, a stated increase its own figures
contradict, last year's date left in a sentence carried over.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

COUNTIES = (
    "青石县", "白河县", "柳溪县", "云岭县", "松坪县", "梅江县", "石门县", "桂阳县", "东岸县",
)  # fmt: skip
DEPARTMENTS = (
    "公安局", "财政局", "教育局", "水利局", "农业农村局", "卫生健康局", "交通运输局",
    "自然资源局", "住房和城乡建设局", "民政局", "司法局", "审计局", "统计局", "林业局",
    "文化旅游广电局", "市场监督管理局", "应急管理局", "生态环境分局", "人力资源和社会保障局",
    "退役军人事务局", "医疗保障局", "档案馆", "图书馆", "科学技术局",
)  # fmt: skip
DUTIES = (
    "维护社会治安秩序", "管理县级财政收支", "发展全县基础教育", "管理水资源和防汛抗旱",
    "推进农业现代化", "提供基本医疗卫生服务", "建设和养护农村公路", "管理国土空间规划",
    "监管建筑市场", "实施社会救助", "推进法治建设", "开展审计监督", "组织统计调查",
    "保护森林资源", "繁荣文化旅游事业", "监管市场秩序", "组织应急救援", "监测生态环境",
    "促进就业创业", "服务退役军人", "管理医疗保障基金", "保管历史档案", "提供公共阅读服务",
    "推动科技创新",
)  # fmt: skip
PERFORMANCE = (
    "全年完成重点任务{a}项，群众满意度达到{b}%。",
    "开展专项行动{a}次，办结事项{b}件。",
    "新建项目{a}个，按期完工率{b}%。",
    "组织培训{a}期，覆盖人员{b}人次。",
)
PROBLEMS = (
    "预算编制的精细化程度有待提高，部分项目支出进度偏慢。",
    "绩效目标设置不够具体，个别指标难以量化考核。",
    "资产管理基础工作薄弱，固定资产账实核对不够及时。",
    "项目前期论证不充分，资金使用效益有待提升。",
)


@dataclass(frozen=True)
class Plan:
    """What the NEW report of an agency is given on purpose."""

    bad_sum: bool = False
    bad_change: bool = False
    stale: bool = False  # last year's staff sentence left as it was, year and all


def agency_name(i: int) -> str:
    """A distinct agency for every i below len(COUNTIES) * len(DEPARTMENTS)."""
    county, dept = divmod(i, len(DEPARTMENTS))
    return COUNTIES[county] + DEPARTMENTS[dept]


def report_text(i: int, year: int, plan: Plan = Plan(), *, bump: float = 0.0) -> str:
    """Agency ``i``'s report for ``year``; ``bump`` adds to one figure (a revision)."""
    rng = random.Random(i * 7919 + year)
    prev = random.Random(i * 7919 + year - 1)
    income, prev_income = _money(rng, i), _money(prev, i)
    delta = round(income - prev_income, 2)
    stated = round(delta + 37.5, 2) if plan.bad_change else delta
    word = "增加" if stated >= 0 else "减少"
    basic = round(income * rng.uniform(0.55, 0.75), 2)
    project = round(income - basic, 2) + bump
    total = round(basic + project + (25.0 if plan.bad_sum else 0.0), 2)
    pct = round(abs(stated) / prev_income * 100, 2)
    perf = PERFORMANCE[(i + year) % len(PERFORMANCE)].format(
        a=rng.randint(5, 60), b=rng.randint(80, 99)
    )
    staff_year = year - 1 if plan.stale else year
    staff = 40 + (i * 13) % 90 + (staff_year - 2023)
    return "\n".join(
        [
            f"{agency_name(i)}{year}年度部门整体支出绩效自评报告",
            "一、部门基本情况",
            "（一）机构职能",
            f"　　{agency_name(i)}是县人民政府的工作部门，"
            f"主要负责{DUTIES[i % len(DUTIES)]}等工作。",
            "（二）人员概况",
            f"　　截至{staff_year}年末，本部门实有在编人员{staff}人，"
            "行政编制和事业编制人员均按照核定编制数配备到位。",
            "二、部门财政资金收支情况",
            "（一）收入情况",
            f"　　{year}年部门收入{income:.2f}万元，较上年{word}{abs(stated):.2f}万元，"
            f"{'增长' if stated >= 0 else '下降'}{pct:.2f}%。",
            "（二）支出情况",
            f"　　{year}年度本部门支出合计{total:.2f}万元，其中：基本支出{basic:.2f}万元，"
            f"项目支出{project:.2f}万元。",
            "三、部门整体支出绩效情况",
            f"　　{perf}",
            "四、存在的问题及改进措施",
            f"　　{PROBLEMS[(i * 3 + year) % len(PROBLEMS)]}",
            "",
        ]
    )


def _money(rng: random.Random, i: int) -> float:
    return round(800 + i * 211.3 + rng.uniform(0, 400), 2)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
