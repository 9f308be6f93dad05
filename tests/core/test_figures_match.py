"""Matching OLD's figures to NEW's: the samples' planted changes, form-only changes,
cross-agency restraint, years and dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.options import CompareOptions
from reportdiff.readers import read_document

from .figure_helpers import doc_of
from .truth_helpers import covers, load_truth, span_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def sample_comparison():
    truth = load_truth(SAMPLES)
    old = read_document(SAMPLES / "zh" / truth["old"])
    new = read_document(SAMPLES / "zh" / truth["new"])
    return truth, compare(old, new, CompareOptions(all_numbers=True))


def _planted(truth, c):
    """Each truth figure (dates aside: they are not compared) with the changes at it."""
    for e in truth["figures"]:
        if e["kind"] == "date":
            continue
        old_span = span_of(c.old.text, e["old_context"], e["old"])
        new_span = span_of(c.new.text, e["new_context"], e["new"])
        hits = [
            n
            for n in c.numbers
            if (old_span is None or covers(n.old, old_span))
            and (new_span is None or covers(n.new, new_span))
        ]
        yield e, hits


def test_every_planted_figure_change_is_found(sample_comparison):
    truth, c = sample_comparison
    missed = [
        (e["label"], e["status"], e["old"], e["new"])
        for e, hits in _planted(truth, c)
        if [n.status for n in hits] != [e["status"]]
    ]
    assert not missed
    assert sum(1 for e, _ in _planted(truth, c) if e["status"] != "unchanged") > 100


def test_nothing_else_is_reported_changed(sample_comparison):
    truth, c = sample_comparison
    planted = {id(n) for e, hits in _planted(truth, c) if e["status"] == "changed" for n in hits}
    extra = [
        (n.label, n.old.text, n.new.text)
        for n in c.numbers
        if n.status == "changed" and id(n) not in planted
    ]
    assert extra == []


def test_form_only_changes_are_unchanged(sample_comparison):
    _, c = sample_comparison
    forms = {(n.old.text, n.new.text): n.status for n in c.numbers if n.old and n.new}
    assert forms[("14万元", "140,000元")] == "unchanged"
    assert forms[("63.5万元", "635,000元")] == "unchanged"


def test_changes_carry_delta_and_percent(sample_comparison):
    _, c = sample_comparison
    (basic,) = [n for n in c.numbers if n.label == "基本支出"]
    assert basic.delta == pytest.approx(1527300)  # 4015.20万元 − 3862.47万元
    assert basic.pct == pytest.approx(3.954, abs=1e-3)
    assert (basic.old_section, basic.new_section) == (basic.old.section, basic.new.section)


def test_unchanged_figures_only_when_asked(sample_comparison):
    _, c = sample_comparison
    quiet = compare(c.old, c.new, CompareOptions(all_numbers=False))
    assert all(n.status != "unchanged" for n in quiet.numbers)
    assert len(quiet.numbers) == sum(n.status != "unchanged" for n in c.numbers)


def test_years_and_dates_are_not_reported():
    old = doc_of("一、概况\n2023年5月1日起，2023年度本局车辆10辆。\n")
    new = doc_of("一、概况\n2024年5月8日起，2024年度本局车辆12辆。\n")
    c = compare(old, new, CompareOptions(all_numbers=True))
    assert [(n.label, n.status) for n in c.numbers] == [("车辆", "changed")]


def test_the_same_number_twice_matches_by_place():
    old = doc_of("一、概况\n办公楼2座，仓库2座。\n二、其他\n宿舍2座。\n")
    new = doc_of("一、概况\n办公楼2座，仓库3座。\n二、其他\n宿舍2座。\n")
    c = compare(old, new)
    assert [(n.label, n.old.text, n.new.text) for n in c.numbers] == [("仓库", "2座", "3座")]


def test_cross_agency_figures_are_not_paired_by_accident(seeds_dir):
    old = read_document(seeds_dir / "daoxian-police-2023.txt")
    new = read_document(seeds_dir / "ebian-police-2023.txt")
    c = compare(old, new, CompareOptions(all_numbers=True))
    for n in c.numbers:
        if n.old and n.new:  # whatever is paired must measure the same thing
            assert n.old.unit == n.new.unit
            assert n.old.label[:2] == n.new.label[:2], (n.old.label, n.new.label)
    assert sum(n.status == "removed" for n in c.numbers) > 100
