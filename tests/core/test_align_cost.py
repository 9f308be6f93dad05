"""Alignment does its work once: a body both versions hold is shingled once, and only
the sections that can be among a section's best candidates are ranked — with the same
result as shingling every body and ranking every candidate."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.compare import compare
from reportdiff.core.sections import scoring
from reportdiff.readers import read_document
from tests.conftest import SAMPLES

PAIR = [SAMPLES / "zh" / f"qingshui-water-{year}.txt" for year in (2023, 2024)]


def test_a_body_both_versions_hold_is_shingled_once(monkeypatch):
    old, new = (read_document(p) for p in PAIR)
    expected = compare(old, new)
    bodies = [
        doc.text[s.body_start : s.body_end]
        for doc, sections in ((old, expected.old_sections), (new, expected.new_sections))
        for s in sections
    ]
    assert len(set(bodies)) < len(bodies)  # the sample keeps some sections word for word
    shingled: list[str] = []
    real = scoring.shingle_set

    def counting(text: str) -> frozenset[int]:
        shingled.append(text)
        return real(text)

    monkeypatch.setattr(scoring, "shingle_set", counting)
    again = compare(old, new)
    assert sorted(shingled) == sorted(set(bodies))
    assert again.pairs == expected.pairs

    monkeypatch.setattr(scoring, "_shingles", lambda body, seen: real(body))  # no sharing
    assert compare(old, new).pairs == expected.pairs


def _all_ranked(hits: dict[int, int], here: float, size: int) -> list[int]:
    key = lambda j: (hits[j], -abs(j / max(1, size) - here))  # noqa: E731
    return sorted(hits, key=key, reverse=True)[: scoring._CANDIDATES]


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.integers(0, 400), st.integers(1, 6), min_size=49, max_size=200),
    st.floats(0, 1),
)
def test_ranking_only_the_contenders_picks_the_same_candidates(hits, here):
    size = 401
    assert scoring._best_candidates(hits, here, size) == _all_ranked(hits, here, size)
