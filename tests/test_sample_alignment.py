"""The Qingshui sample pair: every planted section change is found as planted."""

import json

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.text.similarity import normalise_title
from reportdiff.readers import read_document
from tests.conftest import SAMPLES

TRUTH = json.loads((SAMPLES / "zh" / "qingshui-water.truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def comparison():
    return compare(
        read_document(SAMPLES / "zh" / TRUTH["old"]), read_document(SAMPLES / "zh" / TRUTH["new"])
    )


def _pair_for(c, old_heading, new_heading):
    def heading(side, sid):
        s = c.section(side, sid)
        if s is None:
            return None
        return s.heading.strip() if s.id != "0" else s.title.strip()

    for p in c.pairs:
        if heading("old", p.old) == old_heading and heading("new", p.new) == new_heading:
            return p
    return None


@pytest.mark.parametrize("planted", TRUTH["sections"], ids=lambda t: t["new"] or t["old"])
def test_planted_section_change(comparison, planted):
    pair = _pair_for(comparison, planted["old"], planted["new"])
    assert pair is not None, "no such pair"
    if planted["status"] == "changed" and pair.status == "unchanged":
        # Numbered run-in items (（一）提高…。…) may be read as subsections; then the
        # change stands in one of them.
        assert _subtree_changed(comparison, pair)
    else:
        assert pair.status == planted["status"]
    assert pair.moved == planted["moved"]
    # Only the year differs in the report's title: that is no rename.
    year_only = normalise_title(planted["old"] or "") == normalise_title(planted["new"] or "")
    assert pair.renamed == (planted["renamed"] and not year_only)
    assert pair.relation == planted["relation"]


def _subtree_changed(c, pair):
    old = c.section("old", pair.old)
    new = c.section("new", pair.new)
    inside = [
        p
        for p in c.pairs
        if (
            p.old
            and c.section("old", p.old).start >= old.start
            and c.section("old", p.old).end <= old.end
        )
        or (
            p.new
            and c.section("new", p.new).start >= new.start
            and c.section("new", p.new).end <= new.end
        )
    ]
    return any(p.status != "unchanged" for p in inside)
