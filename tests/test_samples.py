"""The bundled sample reports and the truth files that record what was planted in them.

These tests keep the samples and their truth in step: every passage, heading and
figure a truth file quotes must stand in the file it names, and the arithmetic the
truth calls right or wrong must really be right or wrong. They say nothing about how
well reportdiff finds those things; the tests of each part do that.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

ZH = SAMPLES / "zh"
EN = SAMPLES / "en"
ZH_PAIR = ("qingshui-water-2023.txt", "qingshui-water-2024.txt")

SIZE_BOUNDS = {
    "zh/qingshui-water-2023.txt": (15_000, 30_000),
    "zh/qingshui-water-2024.txt": (15_000, 30_000),
    "zh/baishi-police-2023.txt": (6_000, 30_000),
    "zh/baishi-police-2024.txt": (6_000, 30_000),
    "en/harbor-transit-2023.md": (3_000, 6_000),
    "en/harbor-transit-2024.md": (3_000, 6_000),
}
# a heading's numbering, as the truth files' headings write it
NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d+、|\d）．|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)"
    r"|\d+(?:\.\d+)*\.? |[A-Z]\. )"
)
PAIR_TRUTHS = (
    "zh/qingshui-water.truth.json",
    "zh/baishi-police.truth.json",
    "en/harbor-transit.truth.json",
)

SECTION_STATUSES = {"unchanged", "changed", "added", "removed"}
EXPECTS = {"unchanged", "changed", "added", "removed", "moved", "renamed", "split", "merged"}
FIGURE_STATUSES = {"unchanged", "changed", "added", "removed"}
FLAG_KINDS = {"carried_over", "shared", "template", "duplicate", "stale"}


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # strict: fails on invalid UTF-8


def load_truth(name: str) -> dict:
    return json.loads(read(SAMPLES / name))


def amount(text: str) -> Decimal:
    """The value of a figure as the truth files write it, in 元 or $ (enough for sums)."""
    t = text.replace(",", "").replace("$", "").rstrip("；;。")
    for unit, scale in (("万元", 10_000), ("元", 1), (" million", 1_000_000)):
        if t.endswith(unit):
            return Decimal(t[: -len(unit)]) * scale
    return Decimal(re.match(r"[\d.]+", t).group())  # 93, 12.5%, 86名, 9辆


@pytest.mark.parametrize(("name", "bounds"), SIZE_BOUNDS.items())
def test_sample_size_and_encoding(name: str, bounds: tuple[int, int]) -> None:
    path = SAMPLES / name
    size = path.stat().st_size
    assert bounds[0] <= size <= bounds[1], f"{name} is {size} bytes"
    text = read(path)
    assert not text.startswith("\ufeff")
    assert "\r" not in text


def test_chinese_pair_has_the_realistic_mess() -> None:
    old, new = (read(ZH / n) for n in ZH_PAIR)
    old_lines = old.splitlines()
    assert "7、存在的问题及原因分析" in old_lines  # "7、" as a top-level heading
    # 一、 restarts inside 六、 and stops at 五、, so 7、 continues the top level
    assert old_lines.count("一、聚焦防汛抗旱，守牢水旱灾害防御底线") == 1
    assert not any(line.startswith("六、聚焦") for line in old_lines)
    for text in (old, new):
        assert "（一）基本支出情况" in text
        assert "(二)项目支出情况" in text
        assert "**部门整体支出绩效指标完成情况**" in text
        assert "\u3000\u3000" in text
        assert "1）．机构组成。" in text
        assert "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t得分" in text


def load_pair(name: str) -> tuple[dict, str, str]:
    truth = load_truth(name)
    folder = (SAMPLES / name).parent
    return truth, read(folder / truth["old"]), read(folder / truth["new"])


@pytest.fixture(scope="module")
def qingshui() -> tuple[dict, str, str]:
    return load_pair("zh/qingshui-water.truth.json")


@pytest.fixture(scope="module", params=PAIR_TRUTHS)
def pair(request: pytest.FixtureRequest) -> tuple[dict, str, str]:
    return load_pair(request.param)


def test_truth_names_the_pair(qingshui: tuple[dict, str, str]) -> None:
    truth, _, _ = qingshui
    assert (truth["old"], truth["new"]) == ZH_PAIR
    assert truth["schema"] == "reportdiff.samples.truth/1"


def test_truth_section_headings_are_lines_of_their_files(pair) -> None:
    truth, old, new = pair
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for sec in truth["sections"]:
        assert sec["status"] in SECTION_STATUSES
        assert sec["expect"] in EXPECTS
        for key, lines in (("old", old_lines), ("old_parent", old_lines)):
            if sec[key] is not None:
                assert lines.count(sec[key]) == 1, sec[key]
        for key in ("new", "new_parent"):
            if sec[key] is not None:
                assert new_lines.count(sec[key]) == 1, sec[key]
        titles = [NUMBERING.sub("", sec[k]) for k in ("old", "new") if sec[k] is not None]
        assert sec["renamed"] == (len(titles) == 2 and titles[0] != titles[1]), sec
        if sec["status"] == "added":
            assert sec["old"] is None
            assert sec["new"] is not None
        if sec["status"] == "removed":
            assert sec["new"] is None
            assert sec["old"] is not None


def test_truth_plants_every_kind_of_section_change(qingshui) -> None:
    truth, _, new = qingshui
    stale = [f["text"] for f in truth["boilerplate"] if f["kind"] == "stale" and f["doc"] == "new"]
    assert any(t.startswith("2023年是") and t in new for t in stale)
    expects = {p["expect"] for p in truth["sections"]}
    assert {"unchanged", "changed", "added", "removed", "moved", "renamed", "split"} <= expects
    assert sum(p["moved"] for p in truth["sections"]) == 1
    split = [p for p in truth["sections"] if p["relation"] == "split"]
    assert len(split) == 2
    assert len({p["old"] for p in split}) == 1


def own_text(truth: dict, text: str, heading: str) -> str:
    """The lines after a heading line up to the next line the truth calls a heading."""
    headings = {p[k] for p in truth["sections"] for k in ("old", "new") if p[k]}
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i] in headings), len(lines))
    return "\n".join(lines[start:end])


def test_truth_unchanged_sections_are_identical(pair) -> None:
    truth, old, new = pair
    unchanged = [p for p in truth["sections"] if p["status"] == "unchanged"]
    assert len(unchanged) >= 3
    for sec in unchanged:
        assert own_text(truth, old, sec["old"]) == own_text(truth, new, sec["new"]), sec["old"]
        assert NUMBERING.sub("", sec["old"]) == NUMBERING.sub("", sec["new"])
        assert not sec["renamed"]


def test_truth_changed_sections_differ(pair) -> None:
    truth, old, new = pair
    for sec in truth["sections"]:
        if sec["status"] == "changed" and sec["relation"] == "match":
            old_part = (NUMBERING.sub("", sec["old"]), own_text(truth, old, sec["old"]))
            new_part = (NUMBERING.sub("", sec["new"]), own_text(truth, new, sec["new"]))
            assert old_part != new_part, sec["old"]


def test_truth_moved_paragraph_left_one_section_for_another(pair) -> None:
    truth, old, new = pair
    for move in truth["moved_paragraphs"]:
        assert len(move["text"]) == 20  # the paragraph's first 20 characters
        source = next(p for p in truth["sections"] if p["old"] == move["from_old_section"])
        target = next(p for p in truth["sections"] if p["new"] == move["to_new_section"])
        assert move["text"] in own_text(truth, old, source["old"])
        assert move["text"] not in own_text(truth, new, source["new"])
        assert move["text"] in own_text(truth, new, target["new"])
        assert move["text"] not in own_text(truth, old, target["old"])


def test_truth_figures_stand_in_their_files(pair) -> None:
    truth, old, new = pair
    for fig in truth["figures"]:
        assert fig["status"] in FIGURE_STATUSES
        for side, text in (("old", old), ("new", new)):
            context = fig[f"{side}_context"]
            if fig[side] is None:
                assert context is None
                continue
            assert text.count(context) == 1, context
            assert fig[side] in context
            section = fig[f"{side}_section"]
            assert text.splitlines().count(section) == 1
            assert text.index(section) < text.index(context)
        if fig["status"] == "changed":
            assert fig["old"] != fig["new"]
        if fig["status"] == "added":
            assert fig["old"] is None
            assert fig["new"] is not None
        if fig["status"] == "removed":
            assert fig["new"] is None
            assert fig["old"] is not None


def test_truth_figures_cover_the_planted_kinds(qingshui) -> None:
    truth, _, _ = qingshui
    by_label = {f["label"]: f for f in truth["figures"]}
    assert (by_label["基本支出"]["old"], by_label["基本支出"]["new"]) == (
        "3862.47万元",
        "4015.20万元",
    )
    same_value = [
        f for f in truth["figures"] if f["status"] == "unchanged" and f["old"] != f["new"]
    ]
    assert {f["label"] for f in same_value} >= {"资本性支出", "水土保持补偿费"}
    for f in same_value:
        assert amount(f["old"]) == amount(f["new"])
    statuses = {f["status"] for f in truth["figures"]}
    assert statuses == FIGURE_STATUSES


def test_truth_checks_are_really_wrong_or_right(pair) -> None:
    truth, old, new = pair
    verify_checks(truth["checks"], {"old": old, "new": new})


def verify_checks(checks: dict, docs: dict[str, str]) -> None:
    """Errors must really be wrong and the rest really right, in the text they quote."""
    for err in checks["errors"]:
        text = docs[err["doc"]]
        if err["kind"] == "total_mismatch":
            assert err["total_context"] in text
            assert all(p in text for p in err["parts"])
            parts = sum(amount(p) for p in err["parts"])
            assert parts == amount(err["parts_sum"]) != amount(err["total"])
        else:
            assert err["context"] in text
            assert stated_pct(err) == amount(err["correct_pct"]) != amount(err["stated_pct"])
    for ok in checks["correct"]:
        text = docs[ok["doc"]]
        if ok["kind"] == "total":
            assert ok["total"] in text
            assert all(p in text for p in ok["parts"])
            assert sum(amount(p) for p in ok["parts"]) == amount(ok["total"]), ok["label"]
        else:
            stated = amount(ok["stated_pct"])  # right to the decimals it is written with
            assert stated_pct(ok).quantize(stated) == stated, ok["label"]


def stated_pct(change: dict) -> Decimal:
    """The change's percentage recomputed from its figures, after checking its difference."""
    old_v, new_v = amount(change["old_value"]), amount(change["new_value"])
    if "stated_delta" in change:
        assert new_v - old_v == amount(change["stated_delta"])
    return ((new_v - old_v) / old_v * 100).quantize(Decimal("0.01"))


def test_truth_boilerplate_stands_where_it_says(pair) -> None:
    truth, old, new = pair
    docs = {"old": old, "new": new}
    for flag in truth["boilerplate"]:
        assert flag["kind"] in FLAG_KINDS
        text = docs[flag["doc"]]
        assert flag["year"] in truth[flag["doc"]]
        assert text.count(flag["text"]) >= flag["count"], flag["text"]
        if flag["kind"] == "duplicate":
            assert text.count(flag["text"]) == flag["count"] >= 2
        if flag["kind"] == "carried_over":
            assert flag["doc"] == "new"
            assert flag["text"] in old
    assert any(f["kind"] == "stale" and f["doc"] == "new" for f in truth["boilerplate"])


def test_truth_new_text_is_new(pair) -> None:
    truth, old, new = pair
    for passage in truth.get("not_stale", []):
        assert passage in new
    for passage in truth["new_text"]:
        assert passage in new
        assert passage not in old


# --- the Word versions ---------------------------------------------------------

DOCX_PAIRS = [(ZH / n, ZH / n.replace(".txt", ".docx")) for n in ZH_PAIR]
CN_NUMERALS = "零一二三四五六七八九"


def chinese_counting(n: int) -> str:
    """Word's chineseCounting number format, for 1..99."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUMERALS[tens] + "十")
    return head + (CN_NUMERALS[ones] if ones else "")


def load_build_docx():
    spec = importlib.util.spec_from_file_location("build_docx", SAMPLES / "build_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def numbering_formats(doc) -> dict[str, tuple[str, int]]:
    """numId -> (lvlText, start) of level 0, with startOverride applied."""
    root = doc.part.numbering_part.element
    abstract = {
        a.get(qn("w:abstractNumId")): a.find(f"{qn('w:lvl')}[@{qn('w:ilvl')}='0']")
        for a in root.iter(qn("w:abstractNum"))
    }
    formats = {}
    for num in root.iter(qn("w:num")):
        lvl = abstract[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        assert lvl.find(qn("w:numFmt")).get(qn("w:val")) == "chineseCounting"
        start = int(lvl.find(qn("w:start")).get(qn("w:val")))
        override = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        if override is not None:
            start = int(override.get(qn("w:val")))
        formats[num.get(qn("w:numId"))] = (lvl.find(qn("w:lvlText")).get(qn("w:val")), start)
    return formats


def rendered_lines(path: Path) -> list[str]:
    """The document as a reader sees it in Word: numbering labels drawn, tables as tabs."""
    doc = docx.Document(str(path))
    formats = numbering_formats(doc)
    counters: dict[str, int] = {}
    lines = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            lines.extend(table_lines(child))
        elif child.tag == qn("w:p"):
            lines.append(paragraph_line(child, formats, counters))
    return lines


def paragraph_line(p, formats, counters) -> str:
    text = "".join(t.text or "" for t in p.iter(qn("w:t")))
    num = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num is not None:
        num_id = num.get(qn("w:val"))
        pattern, start = formats[num_id]
        counters[num_id] = counters.get(num_id, start - 1) + 1
        return pattern.replace("%1", chinese_counting(counters[num_id])) + text
    runs = list(p.iter(qn("w:r")))
    if runs and all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs):
        return f"**{text}**"  # the .txt marks a bold line as markdown does
    return text


def table_lines(tbl) -> list[str]:
    lines = []
    for tr in tbl.iter(qn("w:tr")):
        cells = []
        for tc in tr.iter(qn("w:tc")):
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continued = merge is not None and merge.get(qn("w:val")) in (None, "continue")
            cells.append("" if continued else "".join(t.text or "" for t in tc.iter(qn("w:t"))))
        lines.append("\t".join(cells))
    return lines


@pytest.mark.parametrize(("txt", "docx_path"), DOCX_PAIRS, ids=lambda p: p.name)
def test_docx_renders_to_the_txt(txt: Path, docx_path: Path) -> None:
    assert docx_path.stat().st_size < 60_000
    assert rendered_lines(docx_path) == read(txt).rstrip("\n").split("\n")


@pytest.mark.parametrize(("txt", "docx_path"), DOCX_PAIRS, ids=lambda p: p.name)
def test_docx_uses_heading_styles_numbering_and_a_merged_table(txt: Path, docx_path: Path) -> None:
    doc = docx.Document(str(docx_path))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Paragraph"} <= styles
    patterns = {fmt for fmt, _ in numbering_formats(doc).values()}
    assert patterns == {"%1、", "（%1）"}
    numbered = doc.element.body.findall(f".//{qn('w:numPr')}")
    assert len(numbered) >= 8
    assert len(doc.tables) == 1
    assert doc.tables[0].rows[2].cells[0].text == "产出指标"  # merged down from row 1
    assert doc.element.body.find(f".//{qn('w:vMerge')}") is not None


def test_build_docx_reproduces_the_committed_files(tmp_path: Path) -> None:
    build_docx = load_build_docx()
    for txt, committed in DOCX_PAIRS:
        out = tmp_path / committed.name
        build_docx.build(txt, out)
        build_docx.build(txt, tmp_path / "again.docx")
        assert out.read_bytes() == (tmp_path / "again.docx").read_bytes()
        with zipfile.ZipFile(out) as new, zipfile.ZipFile(committed) as old:
            assert new.namelist() == old.namelist()
            for name in new.namelist():
                assert new.read(name) == old.read(name), name


# --- the second agency and the passages it shares --------------------------------


@pytest.fixture(scope="module")
def shared() -> tuple[dict, dict[str, str]]:
    truth = load_truth("zh/shared.truth.json")
    return truth, {name: read(ZH / name) for name in truth["documents"]}


def mask_figures(text: str) -> str:
    return re.sub(r"[\d,.]+", "#", text)


def test_shared_passages_stand_in_every_document_named(shared) -> None:
    truth, docs = shared
    assert {s["match"] for s in truth["shared"]} == {"exact", "width", "near", "masked"}
    for item in truth["shared"]:
        passages = item["passages"]
        assert len(passages) >= 2
        for name, passage in passages.items():
            assert passage in docs[name], (name, passage)
        texts = list(passages.values())
        first = texts[0]
        for other in texts[1:]:
            if item["match"] == "exact":
                assert other == first
            elif item["match"] == "width":
                assert other != first
                assert unicodedata.normalize("NFKC", other) == unicodedata.normalize("NFKC", first)
            elif item["match"] == "masked":
                assert other != first
                assert mask_figures(other) == mask_figures(first)
            else:
                assert other != first
                assert difflib.SequenceMatcher(None, first, other).ratio() > 0.75


def test_second_agency_is_otherwise_original(shared) -> None:
    truth, docs = shared
    own, *others = truth["documents"]
    for passage in truth["not_shared"]:
        assert passage in docs[own]
        assert all(passage not in docs[o] for o in others)
    for flag in truth["boilerplate"]:
        assert flag["text"] in docs[flag["doc"]]


def test_shared_truth_sections_and_figures_stand_in_their_files(shared) -> None:
    truth, docs = shared
    for sec in truth["sections"]:
        for name, heading in sec.items():
            assert docs[name].splitlines().count(heading) == 1, heading
    for fig in truth["figures"]:
        for name in truth["documents"]:
            if name in fig:
                assert fig[name] in docs[name]
    verify_checks(truth["checks"], docs)


# --- every format of one report says the same -------------------------------------


@pytest.mark.parametrize(
    "txt",
    [ZH / "qingshui-water-2023.txt", ZH / "qingshui-water-2024.txt", EN / "harbor-transit-2024.md"],
)
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_sample_and_its_word_and_pdf_versions_compare_as_the_same_report(txt, suffix) -> None:
    """The .txt writes its bold lines as **…**; Word draws them bold. How a line is drawn
    is no edit, and neither is how it is spaced."""
    from reportdiff.core.compare import compare
    from reportdiff.readers import read_document

    c = compare(read_document(txt), read_document(txt.with_suffix(suffix)))
    edits = [(e.old_text, e.new_text) for p in c.pairs for e in p.edits]
    assert edits == []
    assert not c.has_differences
