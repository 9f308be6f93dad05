"""Narrative diff of aligned section pairs: token-level diff-match-patch, readable
edit groups, a time budget with a stated coarser fallback, and moved passages."""

from __future__ import annotations

from collections.abc import Sequence

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz

from ...model import Document, Edit, EditOp, PairStatus, Section, SectionPair
from ...options import CompareOptions
from ..text.markup import without_emphasis
from ..text.sentences import split_sentences
from ..text.similarity import shingle_set
from ..text.spacing import same_but_spacing
from ..text.tokens import TokenEncoder, tokenize
from .budget import Budget
from .cells import diff_cells, one_row_shape, same_column
from .moves import detect_moves
from .readable import DELETE, EQUAL, INSERT, absorb_scraps

_REFINE_SIMILARITY = 0.3  # below this Dice overlap, a replaced run is a rewrite
_PAIR_SIMILARITY = 0.5  # sentences at least this alike are one edited sentence
_PAIRING_LIMIT = 40_000  # sentence pairs per run; beyond, the run is refined whole


def section_span(section: Section) -> tuple[int, int]:
    """The part of a section a narrative diff compares: its title (without the
    numbering, so renumbering alone is no change) and its own body. The numbering may
    stand after markup ("## 一、…", "**一、…**"), so it is looked for in the heading."""
    at = section.heading.find(section.number) if section.number else -1
    skip = at + len(section.number) if at >= 0 else 0
    return section.start + skip, section.body_end


def diff_texts(
    a: str, b: str, budget: Budget | float, *, coarse: bool = False
) -> tuple[list[tuple[int, str]], str]:
    """Sentence-level diff first, then a token-level diff inside each replaced run of
    sentences that is similar enough to be an edit rather than a rewrite.

    Diffing sentences first keeps diff-match-patch fast on long and dissimilar texts
    (its bisection is O(N·D)) and keeps rewrites readable instead of confetti. With
    ``coarse`` no run is refined. ``budget`` (or a number of seconds) bounds the whole
    call. Returns (op, text) tuples and the stage the budget cut short: "" (none),
    "word" (some runs left at sentence level) or "sentence" (some passages left as one
    deletion and one insertion).
    """
    if not isinstance(budget, Budget):
        budget = Budget(budget)
    sentence_diffs = _dmp_diff(split_sentences(a), split_sentences(b), budget)
    cut = "sentence" if budget.limited and budget.expired else ""
    result: list[tuple[int, str]] = []
    at_a = at_b = 0  # where the run starts in a and in b
    for run in _runs(sentence_diffs):
        gone = "".join(t for op, t in run if op == DELETE)
        came = "".join(t for op, t in run if op == INSERT)
        same = "".join(t for op, t in run if op == EQUAL)
        start_a, start_b = at_a, at_b
        at_a, at_b = at_a + len(gone) + len(same), at_b + len(came) + len(same)
        if coarse or not gone or not came:
            result.extend(run)
            continue
        if one_row_shape(gone, came) and same_column(a, start_a, b, start_b):
            result.extend(diff_cells(gone, came, lambda x, y: _token_diff(x, y, budget)[0]))
            cut = cut or ("word" if budget.limited and budget.expired else "")
            continue
        fine, late = (run, True) if budget.expired else _refine_run(gone, came, budget)
        cut = cut or ("word" if late else "")
        result.extend(fine)
    return result, cut


def _runs(diffs: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Split a diff into equal parts and maximal runs of deletions and insertions. A
    line break kept between two changed lines joins them into one run (as deleted and
    re-inserted), so the lines of an edited list are paired with each other."""
    runs: list[list[tuple[int, str]]] = []
    for op, text in diffs:
        if runs and (op == EQUAL) == (runs[-1][0][0] == EQUAL):
            runs[-1].append((op, text))
        else:
            runs.append([(op, text)])
    merged: list[list[tuple[int, str]]] = []
    for k, run in enumerate(runs):
        gap = run[0][0] == EQUAL and not "".join(t for _, t in run).strip()
        if gap and merged and merged[-1][0][0] != EQUAL and k + 1 < len(runs):
            space = "".join(t for _, t in run)
            merged[-1] += [(DELETE, space), (INSERT, space)]
        elif merged and run[0][0] != EQUAL and merged[-1][0][0] != EQUAL:
            merged[-1] += run
        else:
            merged.append(list(run))
    return merged


def _refine_run(gone: str, came: str, budget: Budget) -> tuple[list[tuple[int, str]], bool]:
    """Pair the run's old and new sentences in order by similarity, token-diff each
    pair, and leave the rest as whole deletions and insertions, so a changed figure in
    one line of a list never reads as one item turned into its neighbour. Returns the
    diff and whether the budget ran out (pairs past it stay whole sentences)."""
    gs, cs = split_sentences(gone), split_sentences(came)
    if len(gs) * len(cs) > _PAIRING_LIMIT:
        if not _worth_refining(gone, came):
            return [(DELETE, gone), (INSERT, came)], False
        fine, late = _token_diff(gone, came, budget)
        return ([(DELETE, gone), (INSERT, came)] if late else fine), late
    out: list[tuple[int, str]] = []
    late = False
    gi = ci = 0
    for pg, pc in _pair_sentences(gs, cs):
        out += [(DELETE, t) for t in gs[gi:pg]] + [(INSERT, t) for t in cs[ci:pc]]
        fine, pair_late = ([], True) if budget.expired else _token_diff(gs[pg], cs[pc], budget)
        late |= pair_late
        out += [(DELETE, gs[pg]), (INSERT, cs[pc])] if pair_late else fine
        gi, ci = pg + 1, pc + 1
    out += [(DELETE, t) for t in gs[gi:]] + [(INSERT, t) for t in cs[ci:]]
    return out, late


def _pair_sentences(gs: list[str], cs: list[str]) -> list[tuple[int, int]]:
    """The order-keeping pairing of similar sentences with the greatest total
    similarity (a small alignment DP; runs are a few sentences long)."""
    keys_g, keys_c = [_SentenceKey(g) for g in gs], [_SentenceKey(c) for c in cs]
    sim = [[g.similarity(c) for c in keys_c] for g in keys_g]
    best = [[0.0] * (len(cs) + 1) for _ in range(len(gs) + 1)]
    for i in range(len(gs) - 1, -1, -1):
        # the rows at hand and no max() call: this loop runs for every pair of sentences
        row, below, sims = best[i], best[i + 1], sim[i]
        for j in range(len(cs) - 1, -1, -1):
            value = below[j] if below[j] >= row[j + 1] else row[j + 1]
            if sims[j] >= _PAIR_SIMILARITY and below[j + 1] + sims[j] > value:
                value = below[j + 1] + sims[j]
            row[j] = value
    pairs, i, j = [], 0, 0
    while i < len(gs) and j < len(cs):
        if sim[i][j] >= _PAIR_SIMILARITY and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


class _SentenceKey:
    """A sentence with its shingles computed once, for the pairing's many scores."""

    __slots__ = ("shingles", "size", "stripped")

    def __init__(self, text: str) -> None:
        self.stripped = text.strip()
        self.shingles = shingle_set(text)
        self.size = len(self.shingles)

    def similarity(self, other: _SentenceKey) -> float:
        if self.stripped == other.stripped:
            return 1.0
        if self.size < 3 or other.size < 3:
            return fuzz.ratio(self.stripped, other.stripped) / 100
        return 2 * len(self.shingles & other.shingles) / (self.size + other.size)


def _worth_refining(gone: str, came: str) -> bool:
    a, b = shingle_set(gone), shingle_set(came)
    if not a or not b:
        return True
    return 2 * len(a & b) / (len(a) + len(b)) >= _REFINE_SIMILARITY


def _token_diff(a: str, b: str, budget: Budget) -> tuple[list[tuple[int, str]], bool]:
    diffs = _dmp_diff(tokenize(a), tokenize(b), budget, semantic=True)
    return diffs, budget.limited and budget.expired


def _dmp_diff(
    a: list[str], b: list[str], budget: Budget, *, semantic: bool = False
) -> list[tuple[int, str]]:
    """diff-match-patch over units (sentences or tokens), each mapped to one
    character as its line mode does, within what is left of the budget."""
    encoder = TokenEncoder()
    try:
        ca, cb = encoder.encode(a), encoder.encode(b)
    except OverflowError:  # over a million distinct units: no diff can be that useful
        return [(op, t) for op, t in ((DELETE, "".join(a)), (INSERT, "".join(b))) if t]
    dmp = diff_match_patch()
    dmp.Diff_Timeout = budget.dmp_timeout()
    diffs = dmp.diff_main(ca, cb, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(op, encoder.decode(chars)) for op, chars in diffs]


def edits_from_diffs(diffs: Sequence[tuple[int, str]], old_at: int, new_at: int) -> list[Edit]:
    """Group consecutive deletions and insertions into delete/insert/replace edits,
    with offsets into the documents; short scraps of equal text between edits are
    folded in (see readable.py), and groups that differ in spacing only (text/spacing.py:
    ``2023 年`` for ``2023年``, a line break for a space) or in the ``**`` of a bold line
    written as Markdown (a .txt beside its .docx) are dropped."""
    diffs = absorb_scraps(diffs)
    edits: list[Edit] = []
    old_pos, new_pos = old_at, new_at
    gone: list[str] = []
    came: list[str] = []
    gone_at, came_at = old_pos, new_pos

    def flush() -> None:
        old_text, new_text = "".join(gone), "".join(came)
        if same_but_spacing(without_emphasis(old_text), without_emphasis(new_text)):
            return
        op: EditOp = "replace" if old_text and new_text else ("delete" if old_text else "insert")
        edits.append(
            Edit(
                op,
                old_text,
                new_text,
                gone_at,
                gone_at + len(old_text),
                came_at,
                came_at + len(new_text),
            )
        )

    for op, text in diffs:
        if op == EQUAL:
            if gone or came:
                flush()
                gone, came = [], []
            old_pos += len(text)
            new_pos += len(text)
            gone_at, came_at = old_pos, new_pos
        elif op == DELETE:
            gone.append(text)
            old_pos += len(text)
        else:
            came.append(text)
            new_pos += len(text)
    if gone or came:
        flush()
    return edits


def same_runs(
    diffs: Sequence[tuple[int, str]], old_at: int, new_at: int
) -> tuple[tuple[int, int, int], ...]:
    """The equal parts of a diff as (old start, new start, length), adjacent ones joined."""
    runs: list[tuple[int, int, int]] = []
    old_pos, new_pos = old_at, new_at
    for op, text in diffs:
        if op == EQUAL and text:
            last = runs[-1] if runs else None
            if last and last[0] + last[2] == old_pos and last[1] + last[2] == new_pos:
                runs[-1] = (last[0], last[1], last[2] + len(text))
            else:
                runs.append((old_pos, new_pos, len(text)))
        old_pos += len(text) if op != INSERT else 0
        new_pos += len(text) if op != DELETE else 0
    return tuple(runs)


def similarity_of(diffs: Sequence[tuple[int, str]]) -> float:
    same = sum(len(t) for op, t in diffs if op == EQUAL)
    total = sum(len(t) for _, t in diffs) + same
    return 1.0 if total == 0 else 2 * same / total


def diff_pairs(
    old: Document,
    old_sections: Sequence[Section],
    new: Document,
    new_sections: Sequence[Section],
    pairs: Sequence[SectionPair],
    options: CompareOptions,
) -> tuple[tuple[SectionPair, ...], tuple[str, ...]]:
    """Fill each pair's edits, status and similarity; then find moved passages.

    One budget of ``options.total_budget_s`` covers every stage; each pair's diff is
    also held to ``options.diff_timeout_s``. What a stage could not finish in time is
    done the cheap way and counted in the notes returned."""
    old_by_id = {s.id: s for s in old_sections}
    new_by_id = {s.id: s for s in new_sections}
    total = Budget(options.total_budget_s)
    out = [_diff_pair(old, old_by_id, new, new_by_id, pair, options, total) for pair in pairs]
    moved, moves_cut = detect_moves(out, old, new, options.move_min_chars, total)
    return tuple(moved), _budget_notes(out, options, moves_cut)


def _budget_notes(
    pairs: Sequence[SectionPair], options: CompareOptions, moves_cut: bool
) -> tuple[str, ...]:
    """One line per way a diff was cut short, with how many pairs it touched."""
    notes = []
    for why, note in _pair_notes(options).items():
        count = sum(p.note == note for p in pairs)
        if count:
            notes.append(f"{count} section pair(s): {_SUMMARY[why]}; see each pair's note")
    if moves_cut:
        notes.append(
            "moved passages: the search for near copies reached its time or work limit; "
            "beyond it only exact copies were matched"
        )
    return tuple(notes)


_SUMMARY = {
    "word": "the word-level diff ran out of time, so some changes are whole sentences",
    "sentence": "the sentence-level diff ran out of time, so some changes are whole passages",
    "total": "the comparison's time budget was used up before them, so their diff is coarse",
}


def _pair_notes(options: CompareOptions) -> dict[str, str]:
    """The note a pair carries for each way its diff was cut short."""
    return {
        "word": f"sentence-level diff in part: the word-level diff took over "
        f"{options.diff_timeout_s:g} s",
        "sentence": f"passage-level diff in part: the sentence-level diff took over "
        f"{options.diff_timeout_s:g} s",
        "total": f"coarse diff: the comparison's {options.total_budget_s:g} s time budget "
        "was used up",
    }


def _diff_pair(
    old: Document,
    old_by_id: dict[str, Section],
    new: Document,
    new_by_id: dict[str, Section],
    pair: SectionPair,
    options: CompareOptions,
    total: Budget,
) -> SectionPair:
    o = old_by_id.get(pair.old) if pair.old else None
    n = new_by_id.get(pair.new) if pair.new else None
    # A split part is new text in its place (its origin is found as moves), and a
    # merged-away section is old text gone from its place; only matches are diffed.
    # Text added or removed as a whole is shown whole, its numbering included: only a
    # matched pair leaves the numbering out (renumbering alone is no change).
    if n is not None and (o is None or (pair.secondary and pair.relation == "split")):
        start, end = n.start, n.body_end
        text = new.text[start:end]
        edits: tuple[Edit, ...] = (
            (Edit("insert", "", text, None, None, start, end),) if text.strip() else ()
        )
        status: PairStatus = "added" if o is None else "changed"
        return pair._replace(status=status, edits=edits)
    if o is not None and (n is None or (pair.secondary and pair.relation == "merge")):
        start, end = o.start, o.body_end
        text = old.text[start:end]
        edits = (Edit("delete", text, "", start, end, None, None),) if text.strip() else ()
        status = "removed" if n is None else "changed"
        return pair._replace(status=status, edits=edits)
    assert o is not None
    assert n is not None
    (os_, oe), (ns, ne) = section_span(o), section_span(n)
    a, b = old.text[os_:oe], new.text[ns:ne]
    if a == b:
        same = ((os_, ns, len(a)),) if a else ()
        return pair._replace(status="unchanged", similarity=1.0, edits=(), same=same)
    over_budget = total.expired
    budget = Budget(options.diff_timeout_s, within=total)
    diffs, cut = diff_texts(a, b, budget, coarse=over_budget)
    note = _pair_notes(options)["total" if over_budget else cut] if over_budget or cut else ""
    edits = tuple(edits_from_diffs(diffs, os_, ns))
    status = "changed" if edits else "unchanged"
    return pair._replace(
        status=status,
        similarity=round(similarity_of(diffs), 4),
        edits=edits,
        note=note,
        same=same_runs(diffs, os_, ns),
    )
