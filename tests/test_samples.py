"""The bundled sample reports and the truth files that record what was planted in them.

These tests keep the samples and their truth in step: every passage, heading and
figure a truth file quotes must stand in the file it names, and the arithmetic the
truth calls right or wrong must really be right or wrong. They say nothing about how
well reportdiff finds those things; the tests of each part do that.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

ZH = SAMPLES / "zh"
EN = SAMPLES / "en"
ZH_PAIR = ("qingshui-water-2023.txt", "qingshui-water-2024.txt")

SIZE_BOUNDS = {
    "zh/qingshui-water-2023.txt": (15_000, 30_000),
    "zh/qingshui-water-2024.txt": (15_000, 30_000),
}

SECTION_STATUSES = {"unchanged", "changed", "added", "removed"}
EXPECTS = {"unchanged", "changed", "added", "removed", "moved", "renamed", "split", "merged"}
FIGURE_STATUSES = {"unchanged", "changed", "added", "removed"}
FLAG_KINDS = {"carried_over", "shared", "template", "duplicate", "stale"}


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # strict: fails on invalid UTF-8


def load_truth(name: str) -> dict:
    return json.loads(read(ZH / name))


def amount(text: str) -> Decimal:
    """The value of a figure as the truth files write it, in 元 for money (enough for sums)."""
    t = text.replace(",", "").rstrip("；;。")
    for unit, scale in (("万元", Decimal(10_000)), ("元", Decimal(1))):
        if t.endswith(unit):
            return Decimal(t[: -len(unit)]) * scale
    return Decimal(t.rstrip("%"))


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
    assert (
        old_lines.count("一、聚焦防汛抗旱，守牢水旱灾害防御底线") == 1
    )  # 一、 restarts inside 六、
    for text in (old, new):
        assert "（一）基本支出情况" in text
        assert "(二)项目支出情况" in text
        assert "**部门整体支出绩效指标完成情况**" in text
        assert "\u3000\u3000" in text
        assert "1）．机构组成。" in text
        assert "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t得分" in text


@pytest.fixture(scope="module")
def qingshui() -> tuple[dict, str, str]:
    truth = load_truth("qingshui-water.truth.json")
    return truth, read(ZH / truth["old"]), read(ZH / truth["new"])


def test_truth_names_the_pair(qingshui: tuple[dict, str, str]) -> None:
    truth, _, _ = qingshui
    assert (truth["old"], truth["new"]) == ZH_PAIR
    assert truth["schema"] == "reportdiff.samples.truth/1"


def test_truth_section_headings_are_lines_of_their_files(qingshui) -> None:
    truth, old, new = qingshui
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for pair in truth["sections"]:
        assert pair["status"] in SECTION_STATUSES
        assert pair["expect"] in EXPECTS
        for key, lines in (("old", old_lines), ("old_parent", old_lines)):
            if pair[key] is not None:
                assert lines.count(pair[key]) == 1, pair[key]
        for key in ("new", "new_parent"):
            if pair[key] is not None:
                assert new_lines.count(pair[key]) == 1, pair[key]
        if pair["status"] == "added":
            assert pair["old"] is None
            assert pair["new"] is not None
        if pair["status"] == "removed":
            assert pair["new"] is None
            assert pair["old"] is not None


def test_truth_plants_every_kind_of_section_change(qingshui) -> None:
    truth, _, _ = qingshui
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


def test_truth_unchanged_sections_are_identical(qingshui) -> None:
    truth, old, new = qingshui
    unchanged = [p for p in truth["sections"] if p["status"] == "unchanged"]
    assert len(unchanged) >= 5
    for pair in unchanged:
        assert own_text(truth, old, pair["old"]) == own_text(truth, new, pair["new"]), pair["old"]


def test_truth_changed_sections_differ(qingshui) -> None:
    truth, old, new = qingshui
    for pair in truth["sections"]:
        if pair["status"] == "changed" and pair["relation"] == "match":
            old_part = pair["old"] + own_text(truth, old, pair["old"])
            assert old_part != pair["new"] + own_text(truth, new, pair["new"]), pair["old"]


def test_truth_moved_paragraph_left_one_section_for_another(qingshui) -> None:
    truth, old, new = qingshui
    for move in truth["moved_paragraphs"]:
        source = next(p for p in truth["sections"] if p["old"] == move["from_old_section"])
        target = next(p for p in truth["sections"] if p["new"] == move["to_new_section"])
        assert move["text"] in own_text(truth, old, source["old"])
        assert move["text"] not in own_text(truth, new, source["new"])
        assert move["text"] in own_text(truth, new, target["new"])
        assert move["text"] not in own_text(truth, old, target["old"])


def test_truth_figures_stand_in_their_files(qingshui) -> None:
    truth, old, new = qingshui
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


def test_truth_checks_are_really_wrong_or_right(qingshui) -> None:
    truth, old, new = qingshui
    docs = {"old": old, "new": new}
    for err in truth["checks"]["errors"]:
        text = docs[err["doc"]]
        if err["kind"] == "total_mismatch":
            assert err["total_context"] in text
            assert all(p in text for p in err["parts"])
            parts = sum(amount(p) for p in err["parts"])
            assert parts == amount(err["parts_sum"]) != amount(err["total"])
        else:
            assert err["context"] in text
            old_v, new_v = amount(err["old_value"]), amount(err["new_value"])
            assert new_v - old_v == amount(err["stated_delta"])
            pct = ((new_v - old_v) / old_v * 100).quantize(Decimal("0.01"))
            assert pct == amount(err["correct_pct"]) != amount(err["stated_pct"])
    for ok in truth["checks"]["correct"]:
        text = docs[ok["doc"]]
        if ok["kind"] == "total":
            assert ok["total"] in text
            assert all(p in text for p in ok["parts"])
            assert sum(amount(p) for p in ok["parts"]) == amount(ok["total"]), ok["label"]
        else:
            old_v, new_v = amount(ok["old_value"]), amount(ok["new_value"])
            assert new_v - old_v == amount(ok["stated_delta"])
            pct = ((new_v - old_v) / old_v * 100).quantize(Decimal("0.01"))
            assert pct == amount(ok["stated_pct"]), ok["label"]


def test_truth_boilerplate_stands_where_it_says(qingshui) -> None:
    truth, old, new = qingshui
    docs = {"old": old, "new": new}
    for flag in truth["boilerplate"]:
        assert flag["kind"] in FLAG_KINDS
        text = docs[flag["doc"]]
        assert text.count(flag["text"]) >= flag["count"], flag["text"]
        if flag["kind"] == "duplicate":
            assert text.count(flag["text"]) == flag["count"] >= 2
        if flag["kind"] == "carried_over":
            assert flag["doc"] == "new"
            assert flag["text"] in old
    stale_years = [f for f in truth["boilerplate"] if f["kind"] == "stale" and f["doc"] == "new"]
    assert any(f["text"].startswith("2023年") for f in stale_years)


def test_truth_new_text_is_new(qingshui) -> None:
    truth, old, new = qingshui
    for passage in truth["new_text"]:
        assert passage in new
        assert passage not in old
