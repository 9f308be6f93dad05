"""The counting behind boilerplate flags, held against plain reference versions.

The reuse stage counts with byte masks and bisection so that a report of millions of
characters stays fast; these properties check that it counts what a character-by-
character loop counts, on texts with every kind of blank and overlapping flags.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.reuse.boilerplate import _TableSpans, carried_over_share
from reportdiff.model import Flag, Section


def reference_share(text, sections, flags):
    covered = [False] * len(text)
    for f in flags:
        if f.kind == "carried_over" and f.doc == "new":
            for i in range(f.start, min(f.end, len(text))):
                covered[i] = True

    def share(a, b):
        solid = [i for i in range(a, b) if not text[i].isspace()]
        return sum(covered[i] for i in solid), len(solid)

    per = {}
    for s in sections:
        carried, filled = share(s.start if s.id != "0" else 0, s.body_end)
        if filled:
            per[s.id] = round(carried / filled, 4)
    carried, total = share(0, len(text))
    return (round(carried / total, 4) if total else 0.0), per


TEXT = st.text(alphabet="本年度支出ab1 \n\t\u3000\u00a0\u2028，。", max_size=80)


@st.composite
def shares_case(draw):
    text = draw(TEXT)
    n = len(text)
    offset = st.integers(0, n)
    sections = []
    for k in range(draw(st.integers(0, 4))):
        a, b = sorted((draw(offset), draw(offset)))
        sections.append(
            Section(
                id=str(k),
                heading="",
                number="",
                title="",
                level=1,
                path=(),
                parent=None,
                start=a,
                end=b,
                body_start=a,
                body_end=b,
            )
        )
    flags = []
    for _ in range(draw(st.integers(0, 5))):
        a, b = sorted((draw(offset), draw(offset)))
        kind = draw(st.sampled_from(["carried_over", "duplicate"]))
        doc = draw(st.sampled_from(["new", "old"]))
        flags.append(Flag(kind=kind, doc=doc, start=a, end=b, text="", detail=""))
    return text, sections, flags


@settings(max_examples=300, deadline=None)
@given(shares_case())
def test_carried_over_share_counts_as_a_character_loop(case):
    text, sections, flags = case
    got = carried_over_share(text, sections, flags)
    assert (got.share, got.sections) == reference_share(text, sections, flags)


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.integers(-2, 65))
def test_table_spans_hold_what_any_span_holds(spans, offset):
    assert (offset in _TableSpans(spans)) == any(a <= offset < b for a, b in spans)
