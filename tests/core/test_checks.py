"""The report checked against itself: the seeds' and samples' real errors are found,
their correct totals and changes are not flagged; composed edge cases."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportdiff.core.checks.document import check_document
from reportdiff.core.sections.segment import segment_document
from reportdiff.readers import read_document

from .figure_helpers import doc_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def checks_of(doc):
    return check_document(doc, segment_document(doc), "new")


def checks_in(text: str):
    return checks_of(doc_of(text))


def summary(checks):
    return sorted((k.kind, k.figures[0].text) for k in checks)


@pytest.mark.seeds
def test_daoxian_wage_breakdown_does_not_add_up(seeds_dir):
    # 工资福利支出 4035.19万元 lists eight parts that add up to 4130.68万元, and so the
    # three parts of 基本支出 5105.15万元 add up to 5009.58万元: 对个人和家庭的补助
    # (95.61万元) is written under the wrong heading. Everything else adds up.
    checks = checks_of(read_document(seeds_dir / "daoxian-police-2023.txt"))
    assert summary(checks) == [("sum", "4035.19万元"), ("sum", "5105.15万元")]
    wages = next(k for k in checks if k.figures[0].text == "4035.19万元")
    assert "4,130.68万元" in wages.message
    assert len(wages.figures) == 9


@pytest.mark.seeds
def test_ebian_errors_found_and_correct_figures_left_alone(seeds_dir):
    checks = checks_of(read_document(seeds_dir / "ebian-police-2023.txt"))
    # 社会保障和就业支出 went from 496.52 to 603.16万元 (+106.64, +21.48%), but the report
    # says it fell by 10.32万元 (2.08%). The other six stated changes are right, and so
    # are both breakdowns (收入 6202.69 = 5716.49 + 486.2; 支出 = six parts).
    changes = [k for k in checks if k.kind == "change"]
    assert [k.figures[0].text for k in changes] == ["603.16 万元"]
    assert "+106.64万元" in changes[0].message
    assert not [k for k in checks if k.kind == "sum"]
    # The indicator table gives one indicator two values: 查处吸毒人员 100 vs 72 人,
    # 强戒 50 vs 25 人, 破获毒品刑事案件 10 vs 20 起, 北斗卫星定位卡 11 vs 8 张.
    conflicts = {(k.figures[0].text, k.figures[1].text) for k in checks if k.kind != "change"}
    assert conflicts == {
        ("100 人", "72 人"),
        ("50 人", "25 人"),
        ("10", "20 起"),
        ("11 张", "8 张"),
    }
    # three of them set a plan (拟查处…) against what was done: said so
    planned = sorted(k.message for k in checks if "planned" in k.message)
    assert planned == [
        "强戒: 50 人 planned, 25 人 reported",
        "查处吸毒人员: 100 人 planned, 72 人 reported",
        "破获毒品刑事案件: 20 起 planned, 10 reported",
    ]


def test_samples_planted_errors_and_nothing_else():
    old = checks_of(read_document(SAMPLES / "zh" / "qingshui-water-2023.txt"))
    new = checks_of(read_document(SAMPLES / "zh" / "qingshui-water-2024.txt"))
    assert summary(old) == [("change", "320.00万元"), ("sum", "1268.50万元")]
    assert "+12.28%" in next(k.message for k in old if k.kind == "change")
    assert new == ()


def test_english_sample_planted_error_and_nothing_else():
    # "rose 8.2% to 43,900 from 41,200" is +6.55%; "$40.9 million, up $2.3 million or
    # 6.0% from $38.6 million …, of which …" is right, and its parts add up to $40.9M.
    checks = checks_of(read_document(SAMPLES / "en" / "harbor-transit-2024.md"))
    assert summary(checks) == [("change", "43,900")]
    assert "+6.55%" in checks[0].message
    assert "not rose 8.2%" in checks[0].message
    assert [f.text for f in checks[0].figures] == ["43,900", "41,200", "8.2%"]


@pytest.mark.parametrize(
    "name",
    ["zh/baishi-police-2023.txt", "zh/baishi-police-2024.txt", "en/harbor-transit-2023.md"],
)
def test_samples_whose_arithmetic_is_right_are_not_flagged(name):
    assert checks_of(read_document(SAMPLES / name)) == ()


def test_english_of_which_breakdown_is_summed():
    doc = doc_of(
        "Spending was $38.6 million, of which staff $24.1 million and fuel $6.3 million.\n"
    )
    (check,) = checks_of(doc)
    assert check.kind == "sum"
    assert "add up to $30.4 million (−$8.2 million)" in check.message


def test_checks_carry_figures_with_offsets():
    doc = doc_of("基本支出500万元，包含：人员经费300万元，公用经费100万元。\n")
    (check,) = checks_of(doc)
    assert [doc.text[f.start : f.end] for f in check.figures] == ["500万元", "300万元", "100万元"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经费合计12万元，包含：A项5万元，B项7万元。", []),
        ("经费12.00万元，包含：A项5.00万元，B项8.00万元。", [("sum", "12.00万元")]),
        ("经费12万元，包含：A项5万元，B项8万元。", []),  # whole 万元 may each be rounded
        ("甲队5人、乙队7人，共12人。", []),
        ("甲队5人、乙队7人，共13人。", [("sum", "13人")]),
        ("抓获27人，其中主犯3人、从犯5人。", []),  # 其中 may name only some
        ("抓获27人，其中主犯23人、从犯5人。", [("sum", "27人")]),  # but not more than all
        ("支出100万元，其中：人员60万元，公用30万元。", [("sum", "100万元")]),  # money: complete
        ("支出100.4万元，其中：人员60.2万元，公用40.2万元。", []),  # within rounding
        ("共218万元，包含：A项100.004万元，B项118万元。", []),  # 218 has 万元 precision
        ("参与200余人，其中甲队150人、乙队60人。", []),
        ("共抓获12人，分别为甲地5人、乙地7人。", []),
        (
            "共抓获12人，分别为甲地5人、乙地8人。",
            [("sum", "12人")],
        ),  # approximate totals are not summed
        ("每个点位550元/月，87个点位共计574200元。", []),  # a product, not a sum
    ],
)
def test_sums(text, expected):
    assert summary(checks_in(text + "\n")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("支出120万元，较2022年的100万元增加20万元，增长20.00%。", []),
        (
            "支出120.00万元，较2022年的100.00万元增加20.00万元，增长21.00%。",
            [("change", "120.00万元")],
        ),
        ("支出120万元，较2022年的100万元减少20万元，减少20%。", [("change", "120万元")]),
        ("2023年支出90万元；相比2022年支出100万元减少10万元，减少10%。", []),
        ("收支总计96.10万元。与上年相比，收支总计减少3.90万元，下降3.90%。", []),
        (
            "收支总计96.10万元。与上年相比，收支总计减少3.90万元，下降4.90%。",
            [("change", "96.10万元")],
        ),
    ],
)
def test_stated_changes(text, expected):
    assert summary(checks_in(text + "\n")) == expected


def test_prose_against_table():
    table = "指标\t指标值\t实际完成值\n新建供水管网\t≥80公里\t86.5公里\n"
    agree = checks_in("全年新建供水管网86.5公里。\n" + table)
    disagree = checks_in("全年新建供水管网88.5公里。\n" + table)
    assert agree == ()
    assert [k.kind for k in disagree] == ["prose_vs_table"]
    assert "86.5公里" in disagree[0].message


@pytest.mark.parametrize("item", ["公务接待费", "因公出国（境）费", "公务用车运行费"])
@pytest.mark.parametrize("prose", [28.5, 31.2])
def test_prose_agreeing_with_one_of_the_tables_that_hold_the_item_is_no_conflict(item, prose):
    """The basic-spending table gives the item's part of basic spending; the 三公 table
    gives the whole under its own heading words. The text speaks of the latter."""
    basic = f"经济分类科目\t合计\t公用经费\n{item}\t185,000.00\t185,000.00\n"
    three = f"项目\t预算数（万元）\n“三公”经费预算数 {item}\t{prose:.2f}\n"
    text = f"2025年{item}{prose:.2f}万元。\n"
    agree = checks_in(text + "单位：元\n" + basic + "单位：万元\n" + three)
    assert [k.kind for k in agree] == []
    other = checks_in(
        f"2025年{item}{prose + 5:.2f}万元。\n单位：元\n" + basic + "单位：万元\n" + three
    )
    assert [k.kind for k in other] == ["prose_vs_table"]


def test_narrative_counts_and_rates_are_not_conflicts():
    text = (
        "一、工作\n抓获犯罪嫌疑人10名。\n抓获犯罪嫌疑人5人。\n抓获犯罪嫌疑人12人。\n"
        "每次500元；每次1500元。\n管网漏损率由14.2%下降至12.5%，时间由48小时缩短至24小时。\n"
    )
    assert checks_in(text) == ()


def _stated_changes(name: str):
    """The samples' correct stated changes, with the file they stand in."""
    truth = json.loads((SAMPLES / f"{name}.truth.json").read_text(encoding="utf-8"))
    for ok in truth["checks"]["correct"]:
        if ok["kind"] == "change":
            yield SAMPLES / name.split("/")[0] / truth[ok["doc"]], ok


@pytest.mark.parametrize(
    ("path", "change"),
    [c for n in ("zh/qingshui-water", "zh/baishi-police", "en/harbor-transit") for c in
     _stated_changes(n)],
    ids=lambda v: v["label"] if isinstance(v, dict) else v.name,
)  # fmt: skip
def test_every_correct_stated_change_is_really_checked(path, change):
    # Not flagged as written; flagged once its rate is made wrong: the check reads it.
    doc = read_document(path)
    text = doc.text
    near = text.index(change["new_value"])
    pct = change["stated_pct"]
    at = min((m.start() for m in re.finditer(re.escape(pct), text)), key=lambda p: abs(p - near))
    wrong = f"{float(pct.rstrip('%')) + 3:.{len(pct.split('.')[-1]) - 1 if '.' in pct else 0}f}%"
    assert not [k for k in checks_of(doc) if k.kind == "change" and pct in k.message]
    broken = checks_of(doc_of(text[:at] + wrong + text[at + len(pct) :], path.name))
    flagged = [k for k in broken if k.kind == "change" and wrong in k.message]
    assert len(flagged) == 1, (wrong, [k.message for k in broken])


def test_changes_stated_as_ranges_and_last_year_figures_are_recomputed():
    text = (
        "一、支出情况\n"
        "印刷费由40.00万元增加到46.00万元，增长18.0%。\n"  # +15%
        "物业费同比增长12.0%，由25.00万元增至28.00万元。\n"  # right
        "邮电费9.00万元，上年8.00万元，同比增长20.0%。\n"  # +12.5%
        "培训人次由150人次增加到190人次，增加30人次。\n"  # +40
        "维修费较上年增长6.0%，达到53.00万元，上年为50.00万元。\n"  # right
        "贷款余额从4.0万亿元增加到10.0万亿元、年均增长20%。\n"  # compounded: not checked
    )
    checks = [k for k in checks_in(text) if k.kind == "change"]
    assert sorted(k.figures[0].text for k in checks) == ["190人次", "46.00万元", "9.00万元"]
    messages = " ".join(k.message for k in checks)
    assert "+15.00%, not 增长18.0%" in messages
    assert "+12.50%, not 增长20.0%" in messages
    assert "+40人次" in messages


def test_a_rate_changed_in_points_is_checked_in_points():
    checks = checks_in("一、指标\n验收合格率98.0%，较上年的97.0%提高1.5个百分点。\n")
    assert [k.kind for k in checks] == ["change"]
    assert "is +1.0个百分点, not 提高1.5个百分点" in checks[0].message
    right = "一、指标\n验收合格率98.0%，较上年的97.0%提高1.0个百分点。\n"
    assert checks_in(right) == ()


def test_english_rate_moved_to_and_from_with_points():
    text = (
        "Results\n\nSatisfaction rose to 91.0% from 88.5%, an increase of 3.5 percentage "
        "points. Punctuality fell to 93.2% from 94.0%, down 0.8 percentage points.\n"
    )
    checks = checks_in(text)
    assert [k.figures[0].text for k in checks] == ["91.0%"]
    assert "is +2.5 pp" in checks[0].message


@pytest.mark.parametrize(
    "pdf",
    [
        "putuo-zhengfu-bangongshi-bumen-yusuan-2025.pdf",
        "shanghai-caizhengju-danwei-yusuan-2025.pdf",
    ],
)
def test_real_budgets_three_public_expenses_agree_with_their_own_table(real_dir, pdf):
    """公务接待费 in the text is the 三公 table's figure, not the basic-spending row's."""
    from reportdiff.readers import read_document

    doc = read_document(real_dir / "dev" / "pdf" / pdf)
    assert not [k.message for k in checks_of(doc) if k.kind == "prose_vs_table"]
