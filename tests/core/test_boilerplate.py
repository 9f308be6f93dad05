"""Boilerplate flags of a compared pair, on composed texts, the real reports and the samples."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.reuse.boilerplate import ReuseContext, carried_over_share
from reportdiff.model import CarriedOverShare, Comparison, Document, Flag
from reportdiff.options import RenderOptions
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.json import render_json
from reportdiff.render.text import render_text
from tests.conftest import SAMPLES


def doc(text: str, path: str = "x.txt") -> Document:
    blocks = blocks_from_lines(text)
    return Document(path, text[blocks[0].start : blocks[0].end], text, blocks)


def flags(c: Comparison, kind: str, side: str = "new") -> list[Flag]:
    return [f for f in c.boilerplate if f.kind == kind and f.doc == side]


def covered(c: Comparison, passage: str, kind: str, side: str = "new") -> bool:
    text = (c.new if side == "new" else c.old).text
    at = text.index(passage)
    return any(f.start < at + len(passage) and at < f.end for f in flags(c, kind, side))


OLD = (
    "清水县林业局2023年度部门整体支出绩效自评报告\n"
    "一、部门基本情况\n"
    "本局负责全县森林资源保护、造林绿化和林业产业发展等工作，内设机构五个。\n"
    "2023年是全面贯彻落实党的二十大精神的开局之年，全年完成造林面积1200亩。\n"
    "二、存在问题\n"
    "部分项目资金下达较晚，项目前期工作周期较长，影响了资金支付进度。\n"
)
NEW = (
    "清水县林业局2024年度部门整体支出绩效自评报告\n"
    "一、部门基本情况\n"
    "本局负责全县森林资源保护、造林绿化和林业产业发展等工作，内设机构五个。\n"
    "2023年是全面贯彻落实党的二十大精神的开局之年，全年完成造林面积1350亩。\n"
    "今年新建防火瞭望塔两座，配备无人机巡护队伍一支，实现重点林区全天候监测。\n"
    "二、存在问题\n"
    "部分项目资金下达较晚，项目前期工作周期较长，影响了资金支付进度。\n"
)


@pytest.fixture
def forestry() -> Comparison:
    return compare(doc(OLD, "forest-2023.txt"), doc(NEW, "forest-2024.txt"))


def test_carried_over_names_the_old_section(forestry: Comparison) -> None:
    carried = flags(forestry, "carried_over")
    # The title (its year moved on) and the sentence whose figure changed (1200亩 →
    # 1350亩) are edits, not carry-overs: one sentence of §一, and §二.
    assert [f.text[:6] for f in carried] == ["本局负责全县", "部分项目资金"]
    assert carried[0].text.endswith("内设机构五个。")
    assert carried[0].detail == "same as forest-2023.txt §一"
    assert carried[1].section == "2"
    for f in carried:
        assert forestry.new.text[f.start : f.end] == f.text


def test_new_sentence_is_not_flagged(forestry: Comparison) -> None:
    at = NEW.index("今年新建防火瞭望塔")
    assert not any(f.start <= at < f.end for f in forestry.boilerplate)


def test_last_years_opening_year_is_stale(forestry: Comparison) -> None:
    (stale,) = flags(forestry, "stale")
    assert stale.text.startswith("2023年是全面贯彻")
    assert "2023年是…之年" in stale.detail
    assert "2024" in stale.detail


def test_stickiness_share_per_section(forestry: Comparison) -> None:
    shares = carried_over_share(forestry.new.text, forestry.new_sections, forestry.boilerplate)
    assert shares.sections["2"] > 0.8  # the problems section was copied whole
    assert 0.2 < shares.sections["1"] < 0.45  # one of three sentences, not the heading
    assert 0.3 < shares.share < 0.5


def test_the_comparison_carries_the_share_its_outputs_show(forestry: Comparison) -> None:
    shares = carried_over_share(forestry.new.text, forestry.new_sections, forestry.boilerplate)
    assert forestry.carried_over == shares
    # the outputs show the share the comparison carries; they do not work it out again
    told = forestry._replace(carried_over=CarriedOverShare(0.25, {"2": 0.5}))
    assert json.loads(render_json(told))["carried_over"] == {"share": 0.25, "sections": {"2": 0.5}}
    text = render_text(told, RenderOptions(color=False))
    assert "Carried over from OLD: 25% of NEW's text" in text
    assert re.search(r"\b50%  §2\b", text)


def test_year_left_unchanged_in_a_carried_sentence_is_stale() -> None:
    old = doc(
        "某县水利局2023年度报告\n一、概况\n截至2023年底，全县已建成自动雨量站58处，水位站21处，全部接入平台。\n"
    )
    new = doc(
        "某县水利局2024年度报告\n一、概况\n截至2023年底，全县已建成自动雨量站64处，水位站21处，全部接入平台。\n"
    )
    c = compare(old, new)
    (stale,) = flags(c, "stale")
    assert "2023年 unchanged" in stale.detail
    moved_on = doc(new.text.replace("截至2023年底", "截至2024年底"))
    assert not flags(compare(old, moved_on), "stale")


def test_comparison_with_last_year_is_not_stale() -> None:
    old = doc(
        "某县水利局2023年度报告\n一、概况\n本部门政府性基金预算支出320.00万元，主要用于水库移民后期扶持，较2022年的285.00万元增加35.00万元。\n"
    )
    new = doc(
        "某县水利局2024年度报告\n一、概况\n本部门政府性基金预算支出356.00万元，主要用于水库移民后期扶持，较2023年的320.00万元增加36.00万元。\n"
    )
    c = compare(old, new)
    assert not flags(c, "carried_over")  # its figures changed: an edit
    assert not flags(c, "stale")


def test_another_agencys_name_is_stale() -> None:
    old = doc(
        "白石县公安局2024年度报告\n一、概况\n白石县公安局共有民警120名，承担全县治安管理工作任务。\n"
    )
    new = doc(
        "清水县水利局2024年度报告\n一、概况\n白石县公安局共有民警120名，承担全县治安管理工作任务。\n"
    )
    c = compare(old, new)
    (stale,) = flags(c, "stale")
    assert "白石县" in stale.detail
    assert "old" not in stale.doc


def test_duplicate_in_one_document_names_both_places() -> None:
    para = "基本支出主要用于保障机关正常运转，按时足额发放在职人员工资，缴纳各项社会保险。"
    text = f"某县报告\n一、收支情况\n{para}\n二、绩效情况\n本年度绩效目标全部完成。\n{para}\n"
    c = compare(doc("某县报告\n一、收支情况\n无。\n"), doc(text))
    first, second = flags(c, "duplicate")
    # each names the other: its section and line:column (the paragraph is on lines 3 and 6)
    assert first.detail == "repeated in §二 at 6:1"
    assert second.detail == "repeated in §一 at 3:1"


@pytest.mark.parametrize(
    "pattern",
    [
        "“{item}”{a}万元，{y0}年当年预算执行数为{b}万元，{y1}年预算安排{a}万元，比{y0}年预算执行数增加{p}%。",
        "{item}项目年度预算{a}万元，实际支出{b}万元，预算执行率为{p}%，主要用于保障相关工作正常开展。",
        "The {item} programme spent ${a} million in the year against an approved budget of"
        " ${b} million, which is {p}% of the amount the board planned for it.",
    ],
)
def test_one_sentence_said_of_many_items_with_their_own_figures_is_no_duplicate(
    pattern: str,
) -> None:
    """A report that walks through its budget lines in one sentence form is enumerating,
    not repeating itself; the same sentence with the same figures is a repeat."""
    items = ["宣传事务", "统战事务", "公共法律服务", "科普活动", "群众体育"]
    if pattern.startswith("The"):
        items = ["ferry", "bus", "tram", "bicycle", "river taxi"]
    lines = [
        pattern.format(item=it, a=110 + 7 * i, b=98 + 5 * i, p=60 + i, y0=2023, y1=2024)
        for i, it in enumerate(items)
    ]
    body = "\n".join(lines)
    c = compare(doc("某县报告\n一、说明\n无。\n"), doc(f"某县报告\n一、说明\n{body}\n"))
    assert not flags(c, "duplicate")
    repeated = f"某县报告\n一、说明\n{body}\n二、其他\n{lines[2]}\n"
    c = compare(doc("某县报告\n一、说明\n无。\n"), doc(repeated))
    dups = flags(c, "duplicate")
    assert len(dups) == 2
    assert all(c.new.text[f.start : f.end] in lines[2] for f in dups)


def test_template_document_and_corpus() -> None:
    template = doc(
        "某市XX局部门决算\n一、主要职能\n从预算单位构成看，XX局部门决算包括：XX局本级决算、下属行政事业单位决算。\n",
        "blank.txt",
    )
    line = (
        "从预算单位构成看，清水县林业局部门决算包括：清水县林业局本级决算、下属行政事业单位决算。"
    )
    new = doc(NEW + line + "\n", "forest-2024.txt")
    others = [
        doc(OLD.replace("林业局", name), f"{i}.txt")
        for i, name in enumerate(["水利局", "农业局", "交通局"])
    ]
    c = compare(doc(OLD, "forest-2023.txt"), new, context=ReuseContext((template,), tuple(others)))
    assert covered(c, line, "template")
    assert any(f.detail == "as in template blank.txt §一" for f in flags(c, "template"))
    # the problems sentence stands in all three other reports: template by frequency
    assert any(f.detail.startswith("in 3 of 3 corpus documents") for f in flags(c, "template"))
    assert not flags(c, "shared")
    c2 = compare(doc(OLD, "forest-2023.txt"), new, context=ReuseContext(corpus=tuple(others[:1])))
    details = [f.detail for f in flags(c2, "shared")]
    assert "also in 0.txt §一" in details
    assert "also in 0.txt §二" in details


def test_identical_documents_are_carried_over_whole() -> None:
    c = compare(doc(NEW), doc(NEW))
    assert carried_over_share(c.new.text, c.new_sections, c.boilerplate).share > 0.6


# --- the real reports -------------------------------------------------------------------


def test_ebian_template_leftovers_and_repeats(seeds_dir: Path) -> None:
    c = compare(
        read_document(seeds_dir / "daoxian-police-2023.txt"),
        read_document(seeds_dir / "ebian-police-2023.txt"),
    )
    details = {f.detail for f in flags(c, "template")}
    for label in (
        "范本",
        "（报告范围包括……）",
        "围绕……进行绩效分析",
        "包括……等情况",
        "（根据……填写/描述）",
    ):
        assert f"template phrase 「{label}」" in details
    dups = flags(c, "duplicate")
    assert len(dups) >= 6
    # the duties list of §一 is printed again in §三 (performance analysis)
    assert any(f.section.split(".")[0] == "1" and "§三" in f.detail for f in dups)
    assert not flags(c, "carried_over")  # two agencies: nothing carried over


def test_daoxian_county_report_calling_itself_a_city(seeds_dir: Path) -> None:
    c = compare(
        read_document(seeds_dir / "ebian-police-2023.txt"),
        read_document(seeds_dir / "daoxian-police-2023.txt"),
    )
    stale = flags(c, "stale")
    assert [f.detail for f in stale] == [
        "「我市」 in a county (县) report",
        "「市内」 in a county (县) report",
    ]
    assert "我市" in stale[0].text
    assert "市内" in stale[1].text


@pytest.mark.parametrize(
    "name",
    [
        "jsjs_putuo_caizhengju_2024.txt",
        "jsjs_putuo_guihuaziyuanju_2024.txt",
        "jsjs_putuo_shehuigongzuobu_2024.txt",
    ],
)
def test_shanghai_blank_template_against_filled_reports(real_dir: Path, name: str) -> None:
    template = read_document(real_dir / "jsjs_shanghai_template_2024.txt")
    report = read_document(real_dir / name)
    c = compare(report, report, context=ReuseContext(templates=(template,)))
    found = [f for f in flags(c, "template") if f.detail.startswith("as in template")]
    assert len(found) >= 8
    text = c.new.text.replace("\n", "")
    # the glossary's fixed definitions are the template's, line wraps notwithstanding
    glossary = [f for f in found if "指单位" in f.text or "指事业单位" in f.text]
    assert glossary
    assert all(f.text.replace("\n", "") in text for f in glossary)
    # a table of contents is no part of the outline: its matches name the preamble
    assert all(
        re.search(r"jsjs_shanghai_template_2024\.txt (§|\(preamble\))", f.detail) for f in found
    )


# --- the samples ----------------------------------------------------------------------


PAIRS = ["qingshui-water", "baishi-police"]


@pytest.fixture(scope="module", params=PAIRS)
def sample_pair(request) -> tuple[Comparison, dict]:
    zh = SAMPLES / "zh"
    truth = json.loads((zh / f"{request.param}.truth.json").read_text(encoding="utf-8"))
    c = compare(read_document(zh / truth["old"]), read_document(zh / truth["new"]))
    return c, truth


def test_samples_planted_boilerplate_is_flagged(sample_pair) -> None:
    c, truth = sample_pair
    for planted in truth["boilerplate"]:
        assert covered(c, planted["text"], planted["kind"], planted["doc"]), planted


def test_samples_new_text_has_no_reuse_flag(sample_pair) -> None:
    c, truth = sample_pair
    for passage in truth["new_text"]:
        at = c.new.text.index(passage)
        hits = [f for f in c.boilerplate if f.doc == "new" and f.start <= at < f.end]
        assert not [f for f in hits if f.kind in ("carried_over", "duplicate", "shared")], passage


def test_baishi_against_qingshui_names_the_other_county() -> None:
    zh = SAMPLES / "zh"
    truth = json.loads((zh / "shared.truth.json").read_text(encoding="utf-8"))
    qingshui = read_document(zh / "qingshui-water-2023.txt")
    c = compare(
        read_document(zh / "qingshui-water-2024.txt"),
        read_document(zh / "baishi-police-2024.txt"),
        context=ReuseContext(corpus=(qingshui,)),
    )
    for planted in truth["boilerplate"]:
        assert covered(c, planted["text"], planted["kind"]), planted
    stale = [f for f in flags(c, "stale") if "清水县" in f.text]
    assert stale[0].detail.startswith("names 「清水县」")
    shared = flags(c, "shared")
    assert any(f.detail.startswith("also in qingshui-water-2023.txt") for f in shared)
    for passage in truth["not_shared"]:
        at = c.new.text.index(passage)
        assert not [f for f in c.boilerplate if f.doc == "new" and f.start <= at < f.end], passage


def test_year_over_year_stickiness_on_real_reports(real_dir: Path) -> None:
    def share(old: str, new: str) -> float:
        c = compare(read_document(real_dir / old), read_document(real_dir / new))
        return carried_over_share(c.new.text, c.new_sections, c.boilerplate).share

    # the 10-K risk factors are mostly carried over verbatim; the government work
    # reports are rewritten every year, and that new text is not flagged
    assert share("msft_10k_item1a_fy2023.txt", "msft_10k_item1a_fy2024.txt") > 0.5
    assert share("gwr_national_2023.txt", "gwr_national_2024.txt") < 0.1


def test_decimal_numbering_is_cited_as_written():
    from reportdiff.core.reuse.places import _join_chain

    assert _join_chain(["2", "2.1"]) == "2.1"
    assert _join_chain(["三", "(二)"]) == "三(二)"
    assert _join_chain(["六", "一"]) == "六.一"


def test_shared_evidence_names_only_documents_holding_the_passage(tmp_path, seeds_dir):
    import shutil

    from reportdiff.core.compare import compare
    from reportdiff.core.reuse.boilerplate import ReuseContext
    from reportdiff.readers import read_document
    from tests.conftest import SAMPLES

    for name in ("daoxian-police-2023.txt", "ebian-police-2023.txt"):
        shutil.copy(seeds_dir / name, tmp_path / name)
    corpus = tuple(read_document(p) for p in sorted(tmp_path.iterdir()))
    corpus += (read_document(SAMPLES / "zh" / "qingshui-water-2023.txt"),)
    c = compare(
        read_document(SAMPLES / "zh" / "baishi-police-2023.txt"),
        read_document(SAMPLES / "zh" / "baishi-police-2024.txt"),
        context=ReuseContext(corpus=corpus),
    )
    shared = [f for f in c.boilerplate if f.kind == "shared"]
    assert shared
    headings = {s.heading.strip() for s in c.new_sections if s.id != "0"}
    for flag in shared:
        # The seeds share only headings with the Baishi reports, and headings are
        # never part of a flagged passage.
        assert "police-2023.txt" not in flag.detail, flag
        assert flag.text.split("\n", 1)[0].strip() not in headings, flag


AMENDED_OLD = (
    "中华人民共和国某法\n第一章 总则\n"
    "第五条 统计调查项目的审批机关应当在收到申请之日起二十日内作出决定，并书面通知申请人。\n"
    "第六条 统计机构和统计人员依照本法规定独立行使统计调查、统计报告、统计监督的职权。\n"
)


@pytest.mark.parametrize(
    "amended",
    [
        "第五条 统计调查项目的审批机关应当在收到申请之日起十五日内作出决定，并书面通知申请人。",
        "第五条 统计调查项目的审批机关应当在收到申请之日起20日内作出决定，并书面通知申请人。",
        "第五条 统计调查项目的审批部门应当在收到申请之日起二十日内作出决定，并书面通知申请人。",
        "第五条 统计调查项目的审批机关应当在收到申请之日起二十日内作出决定，并通知申请人。",
    ],
)
def test_an_amended_article_is_an_edit_never_carried_over(amended: str) -> None:
    old_article = AMENDED_OLD.split("\n")[2]
    c = compare(doc(AMENDED_OLD), doc(AMENDED_OLD.replace(old_article, amended)))
    assert not covered(c, amended[4:20], "carried_over")
    assert covered(c, "统计机构和统计人员依照本法规定", "carried_over")


@pytest.mark.parametrize(
    "respaced",
    [
        "第五条 统计调查项目的审批机关应当在收到申请之日起二十日内作出决定, 并书面通知申请人.",
        "第五条  统计调查项目的审批机关应当在收到申请之日起二十日内作出决定，并书面通知申请人",
    ],
)
def test_a_sentence_changed_only_in_spacing_or_punctuation_is_carried_over(respaced: str) -> None:
    old_article = AMENDED_OLD.split("\n")[2]
    c = compare(doc(AMENDED_OLD), doc(AMENDED_OLD.replace(old_article, respaced)))
    assert covered(c, respaced[4:20], "carried_over")


def _moved_on(text: str, keep: str) -> str:
    """Every year of ``text`` a year later, except inside ``keep``."""
    head, _, tail = text.partition(keep)
    bump = lambda t: re.sub(r"(20\d{2})(\s*年)", lambda m: f"{int(m[1]) + 1}{m[2]}", t)  # noqa: E731
    return bump(head) + keep + bump(tail)


TEMPLATE_TITLED = (
    "县级部门整体绩效自评报告范本\n一、部门基本情况\n"
    "2023 年是全面贯彻落实党的二十大精神的开局之年，全局上下攻坚克难。\n"
    "2023 年收入预算 6202.69 万元，较 2022 年增加 310.00 万元。\n"
    "2023 年支出 6202.69 万元，主要用于公共安全支出。\n"
    "二、存在问题\n2022 年审计发现的问题已于 2023 年全部整改。\n"
)


def test_a_year_not_moved_on_is_stale_when_the_title_names_no_year() -> None:
    keep = "2023 年是全面贯彻落实党的二十大精神的开局之年"
    new = _moved_on(TEMPLATE_TITLED, keep)
    assert "2024 年收入预算" in new
    c = compare(doc(TEMPLATE_TITLED), doc(new))
    stale = flags(c, "stale")
    assert any(f.text.startswith("2023 年是") and "2024" in f.detail for f in stale)
    assert not flags(c, "stale", "old")


def test_two_reports_of_the_same_year_have_no_year_to_move_on() -> None:
    other = TEMPLATE_TITLED.replace("攻坚克难", "真抓实干").replace("6202.69", "5100.00")
    c = compare(doc(TEMPLATE_TITLED), doc(other))
    assert not any("之年" in f.detail for f in flags(c, "stale"))


def test_a_seed_with_a_templates_title_moved_on_a_year_keeps_its_stale_opening(seeds_dir) -> None:
    old = read_document(seeds_dir / "ebian-police-2023.txt")
    keep = re.search(r"2023\s*年\s*是[^。]*之年", old.text)
    assert keep is not None
    new_text = _moved_on(old.text, keep.group())
    new = Document("ebian-2024.txt", old.title, new_text, blocks_from_lines(new_text))
    c = compare(old, new)
    stale = [f for f in flags(c, "stale") if keep.group()[:6] in f.text]
    assert stale
    assert "2024" in stale[0].detail


@pytest.mark.parametrize("written", ["2023年是", "2023 年是", "2023年 是", "2023\u3000年是"])
def test_a_past_year_claim_is_found_however_it_is_spaced(written: str) -> None:
    from reportdiff.core.reuse.stale import past_year_claims

    text = f"{written}全面贯彻落实党的二十大精神的开局之年。"
    assert [y for y, _, _ in past_year_claims(text, 2024)] == [2023]
    assert past_year_claims(text, 2023) == []


def test_the_caption_every_table_carries_is_no_duplicate(tmp_path: Path) -> None:
    """Each table of a budget report opens with the same caption line (编制部门：…
    单位：元): repeated by design, as headings are; a sentence repeated is still one."""
    from docx import Document as new_docx

    caption = "编制部门：清水县水利局 单位：元"
    repeated = "本部门年度预算严格按照预算法和财政部门的要求编制，全部纳入预算管理。"
    d = new_docx()
    for n, title in enumerate(["一、收入预算总表", "二、支出预算总表", "三、财政拨款收支总表"]):
        d.add_paragraph(title)
        d.add_paragraph(repeated if n != 1 else "本表反映部门年度支出预算。")
        d.add_paragraph(caption)
        table = d.add_table(rows=2, cols=2)
        for c, text in enumerate(("项目", "金额")):
            table.cell(0, c).text = text
        table.cell(1, 0).text = "合计"
        table.cell(1, 1).text = f"{1000 * (n + 1):,}"
    path = tmp_path / "budget.docx"
    d.save(str(path))
    new = read_document(path)
    c = compare(doc("某县报告\n一、说明\n无。\n"), new)
    dups = flags(c, "duplicate")
    assert dups
    assert all(new.text[f.start : f.end] in repeated for f in dups)
    assert not any("编制部门" in new.text[f.start : f.end] for f in dups)
