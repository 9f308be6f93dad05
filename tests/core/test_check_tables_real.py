"""Table totals on real documents and the samples: real correct totals are checked
and hold, planted wrong ones are found with the right gap, and nothing else is flagged.

The Shanghai 决算 files were converted from PDF one cell per line, so the readers see
no tables in them. Two of their tables are laid out again here as tab-separated rows:
the numbers are read from the files at test time, in the order the conversion wrote
them, and the layout (which numbers form which column) is asserted before use.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from reportdiff.cli import main
from reportdiff.core.checks.document import check_document
from reportdiff.core.checks.tables import check_tables, table_totals
from reportdiff.core.figures.extract import extract_figures
from reportdiff.core.sections.segment import segment_document
from reportdiff.readers import read_document

from .figure_helpers import doc_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "zh"
MONEY = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}")
CODE = re.compile(r"(\d{3}|\d{5}|\d{7})(?:\s|$)")
# 一般公共预算财政拨款支出决算表 of the 财政局 report: its subject codes in row order
# (the conversion split them over 类, 款 and 项 lines)
CAIZHENGJU_CODES = [
    *("201", "20106", "2010601", "2010602", "2010607", "2010608"),
    *("208", "20805", "2080501", "2080505", "2080506", "2080599"),
    *("210", "21011", "2101101", "221", "22102", "2210201", "2210203"),
]


def totals_of(doc):
    return table_totals(doc, extract_figures(doc, segment_document(doc)))


def checks_of(doc):
    return check_document(doc, segment_document(doc), "new")


def tab_table(header: list[str], rows: list[list[str]]) -> str:
    return "单位：万元\n" + "\n".join("\t".join(r) for r in [header, *rows]) + "\n"


def lines_of(path: Path) -> list[str]:
    return [s.strip() for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]


def caizhengju_table(real_dir: Path) -> str:
    """19 coded rows and the 合计 below them, one column (合计) of the table."""
    lines = lines_of(real_dir / "jsjs_putuo_caizhengju_2024.txt")
    start = lines.index("一般公共预算财政拨款支出决算表")
    end = lines.index("一般公共预算财政拨款基本支出决算表", start)
    numbers = [n for s in lines[start:end] for n in MONEY.findall(s)][:20]
    assert numbers[0] == numbers[1]
    assert numbers[-1] == "2,940.05"
    rows = [[code, "", n] for code, n in zip(CAIZHENGJU_CODES, numbers, strict=False)]
    return tab_table(["科目编码", "科目名称", "合计"], [*rows, ["", "合计", numbers[19]]])


def shehui_income_table(real_dir: Path) -> str:
    """收入决算表 of the 社会工作部 report: 合计 on top, 17 coded rows, two columns."""
    lines = lines_of(real_dir / "jsjs_putuo_shehuigongzuobu_2024.txt")
    notes = [i for i, s in enumerate(lines) if s.startswith("注：")]
    segment = lines[notes[0] + 1 : notes[1]]
    codes = [m.group(1) for s in segment if (m := CODE.match(s))]
    numbers = [s for s in segment if MONEY.fullmatch(s)]
    i = notes[1] + 1  # the last six rows were written after the table's note
    while MONEY.fullmatch(lines[i]):
        numbers.append(lines[i])
        i += 1
    assert (len(codes), len(numbers)) == (17, 36)
    first = numbers[0:12] + numbers[24:30]  # 本年收入合计: the 合计 row, then 17 rows
    second = numbers[12:24] + numbers[30:36]  # 财政拨款收入
    rows = [["", "合计", first[0], second[0]]]
    rows += [[c, "", a, b] for c, a, b in zip(codes, first[1:], second[1:], strict=True)]
    return tab_table(["科目编码", "科目名称", "本年收入合计", "财政拨款收入"], rows)


@pytest.mark.seeds
def test_caizhengju_totals_hold_within_rounding(real_dir):
    # 2,106.66 + 326.72 + 60.99 + 445.69 = 2,940.06 against a stated 2,940.05: four
    # figures rounded to the cent may well be a cent off; every 类 and 款 adds up
    found = totals_of(doc_of(caizhengju_table(real_dir)))
    assert len(found) == 9
    assert all(t.holds for t in found)
    grand = next(t for t in found if t.label == "合计 / 合计")
    assert [f.text for f in grand.parts] == ["2,106.66", "326.72", "60.99", "445.69"]


@pytest.mark.seeds
def test_caizhengju_planted_item_error_is_found_under_its_section(real_dir):
    text = caizhengju_table(real_dir).replace("\t135.25", "\t145.25")
    [check] = checks_of(doc_of(text))
    assert check.kind == "sum"
    assert (
        check.message
        == "20106 / 合计 2,106.66万元, but its 4 parts add up to 2,116.66万元 (+10.00万元)"
    )
    assert [f.text for f in check.figures] == ["2,106.66", "1,511.89", "10.00", "145.25", "449.52"]
    assert all(text[f.start : f.end] == f.text for f in check.figures)


@pytest.mark.seeds
def test_shehui_income_table_with_total_on_top(real_dir):
    found = totals_of(doc_of(shehui_income_table(real_dir)))
    # per column: the 合计 over four 类, and eight coded rows over their children
    assert len(found) == 18
    assert all(t.holds for t in found)
    text = shehui_income_table(real_dir)
    wrong = text.replace("合计\t307.82\t307.82", "合计\t317.82\t307.82")
    [check] = checks_of(doc_of(wrong))
    assert (
        check.message
        == "合计 / 本年收入合计 317.82万元, but its 4 parts add up to 307.82万元 (−10.00万元)"
    )


def guihua_total_rows(real_dir: Path) -> list[list[str]]:
    """The 规划和自然资源局 report's 合计 rows written whole: 合计, 基本支出, 项目支出."""
    lines = lines_of(real_dir / "jsjs_putuo_guihuaziyuanju_2024.txt")
    return [
        lines[i + 1 : i + 4]
        for i, s in enumerate(lines)
        if s == "合计" and all(re.fullmatch(r"\d+\.\d\d", n) for n in lines[i + 1 : i + 4])
    ]


@pytest.mark.seeds
def test_guihua_total_columns_hold_within_rounding(real_dir):
    # 支出决算表 9,759.38 = 5,377.64 + 4,381.74; 一般公共预算财政拨款支出决算表
    # 9,746.50 against 5,364.75 + 4,381.74 = 9,746.49, a cent of rounding
    rows = guihua_total_rows(real_dir)
    assert [r[0] for r in rows] == ["9759.38", "9746.50"]
    text = tab_table(["科目名称", "合计", "基本支出", "项目支出"], [["合计", *r] for r in rows])
    found = totals_of(doc_of(text))
    assert [(t.label, t.holds) for t in found] == [("合计 / 合计", True), ("合计 / 合计", True)]
    [check] = checks_of(doc_of(text.replace("9746.50", "9756.50")))
    assert (
        check.message
        == "合计 / 合计 9,756.50万元, but its 2 parts add up to 9,746.49万元 (−10.01万元)"
    )


@pytest.mark.seeds
@pytest.mark.parametrize(
    "name",
    [
        "jsjs_shanghai_template_2024.txt",
        "jsjs_putuo_caizhengju_2024.txt",
        "jsjs_putuo_guihuaziyuanju_2024.txt",
        "jsjs_putuo_shehuigongzuobu_2024.txt",
        "msft_10k_item1a_fy2024.txt",
        "gwr_national_2024.txt",
    ],
)
def test_real_files_as_read_give_no_table_checks(real_dir, name):
    doc = read_document(real_dir / name)
    assert check_tables(doc, extract_figures(doc, segment_document(doc)), "new") == []


@pytest.mark.seeds
def test_blank_template_gives_no_checks_at_all(real_dir):
    assert checks_of(read_document(real_dir / "jsjs_shanghai_template_2024.txt")) == ()


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["ebian-police-2023.txt", "daoxian-police-2023.txt"])
def test_seed_tables_state_no_totals(seeds_dir, name):
    # ebian's indicator tables hold 总计 inside cells (「总计 25.248 万元」), not total rows
    assert totals_of(read_document(seeds_dir / name)) == []


def score_totals(truth_name: str) -> dict[str, tuple[str, list[str]]]:
    truth = json.loads((SAMPLES / truth_name).read_text(encoding="utf-8"))
    found = {}
    for c in truth["checks"]["correct"]:
        if c["label"] == "得分合计":
            found[c["doc"]] = (c["total"], c["parts"])
    return found


@pytest.mark.parametrize(
    ("stem", "suffix"),
    [
        ("qingshui-water", ".txt"),
        ("qingshui-water", ".docx"),
        ("baishi-police", ".txt"),
    ],
)
def test_sample_score_totals_are_checked_once_and_hold(stem, suffix):
    truth = score_totals(f"{stem}.truth.json")
    for side, year in (("old", "2023"), ("new", "2024")):
        doc = read_document(SAMPLES / f"{stem}-{year}{suffix}")
        [t] = totals_of(doc)
        assert t.holds
        assert t.label == "合计 / 得分"
        if side in truth:
            assert (t.total.text, [f.text for f in t.parts]) == truth[side]


def test_planted_wrong_score_total_in_txt_is_found_once(tmp_path):
    text = (SAMPLES / "qingshui-water-2023.txt").read_text(encoding="utf-8")
    assert text.count("合计\t\t\t\t\t93\n") == 1
    path = tmp_path / "qingshui-2023-wrong.txt"
    path.write_text(text.replace("合计\t\t\t\t\t93\n", "合计\t\t\t\t\t96\n"), encoding="utf-8")
    checks = [k for k in checks_of(read_document(path)) if k.figures[0].text == "96"]
    assert [k.message for k in checks] == ["合计 / 得分 96, but its 10 parts add up to 93 (−3)"]


def test_planted_wrong_score_total_in_docx_is_found(tmp_path):
    import docx

    path = tmp_path / "baishi-wrong.docx"
    shutil.copy(SAMPLES / "qingshui-water-2024.docx", path)
    document = docx.Document(str(path))
    cell = document.tables[0].rows[-1].cells[-1]
    assert cell.text == "95"
    cell.text = "91"
    document.save(str(path))
    checks = [k for k in checks_of(read_document(path)) if k.kind == "sum"]
    assert [k.message for k in checks] == ["合计 / 得分 91, but its 10 parts add up to 95 (+4)"]


def test_cli_figures_and_compare_show_table_checks(tmp_path, capsys):
    old = SAMPLES / "baishi-police-2024.txt"
    new = tmp_path / "baishi-police-2024-wrong.txt"
    text = old.read_text(encoding="utf-8")
    assert text.count("合计\t\t\t\t\t88\n") == 1
    new.write_text(text.replace("合计\t\t\t\t\t88\n", "合计\t\t\t\t\t90\n"), encoding="utf-8")
    line = "sum: 合计 / 得分 90, but its 9 parts add up to 88 (−2)"
    assert main(["figures", str(new)]) == 1
    assert line in capsys.readouterr().out
    main(["compare", str(old), str(new)])
    assert line in capsys.readouterr().out
    main(["compare", str(old), str(new), "--format", "json"])
    checks = json.loads(capsys.readouterr().out)["checks"]
    [table_check] = [k for k in checks if k["kind"] == "sum" and "得分" in k["message"]]
    assert table_check["doc"] == "new"
    assert [f["text"] for f in table_check["figures"]][:2] == ["90", "10"]
