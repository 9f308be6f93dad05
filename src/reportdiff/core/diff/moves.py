"""Passages deleted in one place and inserted nearly verbatim in another are moves.

Each edit's deleted and inserted text is cut into sentences; a deleted sentence that
reappears among the inserted ones (exactly after normalising, or with a rapidfuzz
ratio above MOVE_SIMILARITY) becomes a pair of "move" edits: the source in the pair
it left, the target in the pair it joined, each naming the section on the other side.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from ...model import Document, Edit, SectionPair
from ..text.nfkc import nfkc
from ..text.sentences import split_sentences
from .budget import Budget

MOVE_SIMILARITY = 90.0
_FUZZY_LIMIT = 3000  # above this many sentences per side, match exact copies only
# Scoring two keys costs about the product of their lengths (rapidfuzz's Indel is
# bit-parallel: ~6e10 character pairs a second here); past this much work the rest is
# matched exactly only, so near-copy search stays well under a second.
_FUZZY_WORK = 3e10
_NOISE_RE = re.compile(r"[\s\W_]+")
_SEP = "\ue000"  # between the sentences of an edit normalised in one batch
_NOISE_BUT_SEP_RE = re.compile("[^\\w\ue000]+|_+")  # _NOISE_RE, leaving _SEP alone


class _Piece:
    """A sentence of an edit's deleted or inserted text, with its key for matching."""

    __slots__ = ("edit", "key", "match", "pair", "side", "start", "text")

    def __init__(
        self,
        side: str,
        pair: int,
        edit: int,
        start: int,
        text: str,
        key: str,
        match: _Piece | None = None,
    ) -> None:
        self.side = side  # "old": deleted text; "new": inserted text
        self.pair = pair
        self.edit = edit
        self.start = start  # offset of the piece in its document
        self.text = text
        self.key = key
        self.match = match


def detect_moves(
    pairs: Sequence[SectionPair],
    old: Document,
    new: Document,
    min_chars: int,
    budget: Budget | None = None,
) -> tuple[list[SectionPair], bool]:
    """The pairs with moved sentences cut out of their edits as "move" edits, and
    whether the budget ran out before every near copy was looked for (exact copies
    are always found: that is one dictionary lookup per sentence)."""
    gone = _pieces(pairs, "old", min_chars)
    came = _pieces(pairs, "new", min_chars)
    if not gone or not came:
        return list(pairs), False
    cut = _match(gone, came, budget or Budget(0))
    if not any(p.match for p in gone):
        return list(pairs), cut
    by_edit: dict[tuple[int, int], list[_Piece]] = {}
    for piece in (*gone, *came):
        if piece.match:
            by_edit.setdefault((piece.pair, piece.edit), []).append(piece)
    out = []
    for pi, pair in enumerate(pairs):
        edits: list[Edit] = []
        for ei, edit in enumerate(pair.edits):
            matched = by_edit.get((pi, ei))
            edits.extend(_split_edit(edit, matched, pairs) if matched else [edit])
        out.append(
            pair._replace(edits=tuple(edits))
            if len(edits) != len(pair.edits) or edits != list(pair.edits)
            else pair
        )
    return out, cut


def normalise_passage(text: str) -> str:
    return _NOISE_RE.sub("", nfkc(text)).lower()


def normalise_passages(texts: list[str]) -> list[str]:
    """``normalise_passage`` of each text, each step one pass over all of them joined by
    _SEP (an edit's sentences: one call instead of dozens). _SEP is a character NFKC
    leaves alone and joins to nothing, so the parts normalise as they would apart."""
    joined = _SEP.join(texts)
    if joined.count(_SEP) >= len(texts):  # a text holds _SEP itself (or there is none)
        return [normalise_passage(t) for t in texts]
    return _NOISE_BUT_SEP_RE.sub("", nfkc(joined)).lower().split(_SEP)


def _pieces(pairs: Sequence[SectionPair], side: str, min_chars: int) -> list[_Piece]:
    pieces = []
    for pi, pair in enumerate(pairs):
        for ei, edit in enumerate(pair.edits):
            text = edit.old_text if side == "old" else edit.new_text
            at = edit.old_start if side == "old" else edit.new_start
            if at is None or len(text.strip()) < min_chars:
                continue
            pos = at
            sentences = split_sentences(text)
            for sentence, key in zip(sentences, normalise_passages(sentences), strict=True):
                if len(key) >= min_chars:
                    pieces.append(_Piece(side, pi, ei, pos, sentence, key))
                pos += len(sentence)
    return pieces


def _match(gone: list[_Piece], came: list[_Piece], budget: Budget) -> bool:
    """Link moved pieces; True when the budget stopped the search for near copies."""
    exact: dict[str, list[_Piece]] = {}
    for piece in came:
        exact.setdefault(piece.key, []).append(piece)
    rest = []
    for piece in gone:
        candidates = [c for c in exact.get(piece.key, []) if c.match is None]
        if candidates:
            _link(piece, candidates[0])
        else:
            rest.append(piece)
    if not rest or len(rest) > _FUZZY_LIMIT or len(came) > _FUZZY_LIMIT:
        return False
    # A ratio of at least MOVE_SIMILARITY bounds the length of a match, so only a
    # window of the free pieces, sorted by length, needs scoring.
    free = sorted((c for c in came if c.match is None), key=lambda c: len(c.key))
    lengths = [len(c.key) for c in free]
    keys = [c.key for c in free]
    below = list(itertools.accumulate(lengths, initial=0))  # below[k]: sum(lengths[:k])
    linked: list[int] = []  # the free pieces linked so far, in order
    stretch = 200 / MOVE_SIMILARITY - 1
    work = 0.0
    for piece in rest:
        if budget.expired or work > _FUZZY_WORK:
            return True
        lo = bisect.bisect_left(lengths, len(piece.key) / stretch)
        hi = bisect.bisect_right(lengths, len(piece.key) * stretch)
        # Most windows hold no linked piece (links are rare): then the window is a
        # slice, and its length a difference of sums, with no loop over its pieces.
        if bisect.bisect_left(linked, lo) == bisect.bisect_left(linked, hi):
            window: Sequence[int] = range(lo, hi)
            choices, size = keys[lo:hi], below[hi] - below[lo]
        else:
            window = [k for k in range(lo, hi) if free[k].match is None]
            choices, size = [keys[k] for k in window], sum(lengths[k] for k in window)
        if not window:
            continue
        work += len(piece.key) * size
        best = process.extractOne(
            piece.key, choices, scorer=fuzz.ratio, score_cutoff=MOVE_SIMILARITY
        )
        if best is not None:
            _link(piece, free[window[best[2]]])
            bisect.insort(linked, window[best[2]])
    return False


def _link(a: _Piece, b: _Piece) -> None:
    a.match, b.match = b, a


def _split_edit(edit: Edit, matched: list[_Piece], pairs: Sequence[SectionPair]) -> list[Edit]:
    """Cut the moved sentences out of an edit; what is left stays plain edits, each
    with offsets of its own."""
    moves: list[Edit] = []
    for piece in sorted(matched, key=lambda p: p.start):
        other = piece.match
        assert other is not None
        if piece.side == "old":
            moves.append(_move(piece, other, pairs[other.pair].new, "source"))
        else:
            moves.append(_move(other, piece, pairs[other.pair].old, "target"))
    gone = _residue(edit.old_text, edit.old_start, [p for p in matched if p.side == "old"])
    came = _residue(edit.new_text, edit.new_start, [p for p in matched if p.side == "new"])
    rest: list[Edit] = []
    if len(gone) <= 1 and len(came) <= 1 and (gone or came):
        old_at, old_text = gone[0] if gone else (edit.old_start, "")
        new_at, new_text = came[0] if came else (edit.new_start, "")
        op = "replace" if old_text and new_text else "delete" if old_text else "insert"
        rest.append(_plain(op, old_text, old_at, new_text, new_at))
    else:
        rest.extend(_plain("delete", t, at, "", edit.new_start) for at, t in gone)
        rest.extend(_plain("insert", "", edit.old_start, t, at) for at, t in came)
    return rest + _merge_adjacent(moves)


def _residue(text: str, at: int | None, pieces: list[_Piece]) -> list[tuple[int, str]]:
    """The runs of ``text`` (which starts at offset ``at``) outside the moved pieces,
    with their offsets; runs of only whitespace are dropped."""
    if at is None:
        return []
    runs, pos = [], at
    for piece in sorted(pieces, key=lambda p: p.start):
        runs.append((pos, text[pos - at : piece.start - at]))
        pos = piece.start + len(piece.text)
    runs.append((pos, text[pos - at :]))
    return [(start, run) for start, run in runs if run.strip()]


def _plain(op: str, old_text: str, old_at: int | None, new_text: str, new_at: int | None) -> Edit:
    return Edit(
        op,  # type: ignore[arg-type]
        old_text,
        new_text,
        old_at,
        None if old_at is None else old_at + len(old_text),
        new_at,
        None if new_at is None else new_at + len(new_text),
    )


def _move(gone: _Piece, came: _Piece, other_section: str | None, role: str) -> Edit:
    return Edit(
        "move",
        gone.text,
        came.text,
        gone.start,
        gone.start + len(gone.text),
        came.start,
        came.start + len(came.text),
        other_section,
        role,  # type: ignore[arg-type]
    )


def _merge_adjacent(moves: list[Edit]) -> list[Edit]:
    """Consecutive sentences that moved together read as one moved passage."""
    merged: list[Edit] = []
    for m in moves:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.move_role == m.move_role
            and prev.other_section == m.other_section
            and prev.old_end == m.old_start
            and prev.new_end == m.new_start
        ):
            merged[-1] = prev._replace(
                old_text=prev.old_text + m.old_text,
                new_text=prev.new_text + m.new_text,
                old_end=m.old_end,
                new_end=m.new_end,
            )
        else:
            merged.append(m)
    return merged
