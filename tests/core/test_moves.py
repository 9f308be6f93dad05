import bisect
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from reportdiff.core.diff.budget import Budget
from reportdiff.core.diff.moves import (
    MOVE_SIMILARITY,
    _match,
    _Piece,
    normalise_passage,
    normalise_passages,
)
from reportdiff.core.diff.textdiff import diff_pairs
from reportdiff.core.sections.align import align_sections
from reportdiff.options import CompareOptions
from tests.outline_builder import build

MOVED = "全年组织开展防汛应急演练三次，参演人员二百余名，检验了预案的可操作性。"
A = "本单位基本支出主要用于保障机构正常运转，包括人员工资和办公经费。"
B = "项目支出主要用于农田水利设施维修养护和河道清淤疏浚工程建设。"


def _compare(old_outline, new_outline):
    old, old_s = build(old_outline)
    new, new_s = build(new_outline)
    options = CompareOptions()
    pairs = align_sections(old, old_s, new, new_s, options)
    pairs, _ = diff_pairs(old, old_s, new, new_s, pairs, options)
    return SimpleNamespace(old=old, new=new, pairs=pairs)


def test_paragraph_moved_between_sections_is_a_move_not_delete_plus_insert():
    c = _compare(
        [(1, "一、基本支出", A + "\n" + MOVED), (1, "二、项目支出", B)],
        [(1, "一、基本支出", A), (1, "二、项目支出", B + "\n" + MOVED)],
    )
    by_old = {p.old: p for p in c.pairs}
    [source] = [e for e in by_old["1"].edits if e.op == "move"]
    [target] = [e for e in by_old["2"].edits if e.op == "move"]
    assert source.move_role == "source"
    assert source.other_section == "2"
    assert target.move_role == "target"
    assert target.other_section == "1"
    assert MOVED in source.old_text
    assert c.new.text[target.new_start : target.new_end].strip() == MOVED
    assert c.old.text[source.old_start : source.old_end].strip() == MOVED
    # Nothing else is reported for the moved passage.
    assert all(MOVED not in e.old_text for e in by_old["1"].edits if e.op == "delete")
    assert all(MOVED not in e.new_text for e in by_old["2"].edits if e.op == "insert")


def test_nearly_verbatim_move_is_still_a_move():
    edited = MOVED.replace("三次", "四次")
    c = _compare(
        [(1, "一、基本支出", A + MOVED), (1, "二、项目支出", B)],
        [(1, "一、基本支出", A), (1, "二、项目支出", B + edited)],
    )
    moves = [e for p in c.pairs for e in p.edits if e.op == "move"]
    assert len(moves) == 2


def test_short_fragments_are_not_called_moves():
    c = _compare(
        [(1, "一、基本支出", A + "无。"), (1, "二、项目支出", B)],
        [(1, "一、基本支出", A), (1, "二、项目支出", B + "无。")],
    )
    assert not [e for p in c.pairs for e in p.edits if e.op == "move"]


def test_a_passage_moved_into_an_added_section():
    c = _compare(
        [(1, "一、基本支出", A + MOVED), (1, "二、项目支出", B)],
        [
            (1, "一、基本支出", A),
            (1, "二、项目支出", B),
            (1, "三、应急管理", MOVED + "另有新增内容若干条，均为本年度首次开展的工作。"),
        ],
    )
    added = next(p for p in c.pairs if p.new == "3")
    assert added.status == "added" or added.relation == "split"
    [target] = [e for e in added.edits if e.op == "move"]
    assert target.other_section == "1"


# Characters where normalising a batch could differ from normalising one by one: full-
# width forms, a composed/decomposed pair, a lone combining mark, Greek capital sigma
# (lower case depends on its neighbours), underscores, spaces and the batch separator.
_TRICKY = "基本支出，。（）１２ＡＢａ　 _Σσς\u0301e\u00e9\ue000\n\tab-3.5%"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_TRICKY, max_size=12), max_size=6))
def test_passages_normalised_in_one_batch_as_one_by_one(texts):
    assert normalise_passages(texts) == [normalise_passage(t) for t in texts]


def _plain_match(gone, came):
    """The near-copy search as defined: every free piece of the length window scored."""
    exact = {}
    for piece in came:
        exact.setdefault(piece.key, []).append(piece)
    rest = []
    for piece in gone:
        candidates = [c for c in exact.get(piece.key, []) if c.match is None]
        if candidates:
            piece.match, candidates[0].match = candidates[0], piece
        else:
            rest.append(piece)
    free = sorted((c for c in came if c.match is None), key=lambda c: len(c.key))
    lengths = [len(c.key) for c in free]
    stretch = 200 / MOVE_SIMILARITY - 1
    for piece in rest:
        lo = bisect.bisect_left(lengths, len(piece.key) / stretch)
        hi = bisect.bisect_right(lengths, len(piece.key) * stretch)
        window = [k for k in range(lo, hi) if free[k].match is None]
        best = process.extractOne(
            piece.key, [free[k].key for k in window], scorer=fuzz.ratio, score_cutoff=90
        )
        if window and best is not None:
            piece.match, free[window[best[2]]].match = free[window[best[2]]], piece


def _links(pieces):
    return [(p.start, p.match.start if p.match else None) for p in pieces]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text("甲乙丙丁", min_size=8, max_size=30), min_size=1, max_size=12),
    st.lists(st.integers(0, 3), max_size=12),
)
def test_near_copies_linked_as_by_scoring_every_free_piece(keys, edits):
    # NEW holds the keys with an edit or two each: many near copies, some exact
    edits = (edits + [0] * len(keys))[: len(keys)]
    came_keys = [k[: len(k) - e] + "戊" * e for k, e in zip(keys, edits, strict=True)]

    def make(side, ks):
        return [_Piece(side, 0, 0, i, k, k) for i, k in enumerate(ks)]

    gone, came = make("old", keys), make("new", came_keys[::-1])
    plain_gone, plain_came = make("old", keys), make("new", came_keys[::-1])
    _match(gone, came, Budget(0))
    _plain_match(plain_gone, plain_came)
    assert _links(gone) == _links(plain_gone)
    assert _links(came) == _links(plain_came)
