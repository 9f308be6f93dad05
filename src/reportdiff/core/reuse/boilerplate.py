"""Boilerplate: carried-over, shared, template, duplicate and stale passages.

Reuse is judged for NEW, the report under review: what it carried over from OLD or
shares with a corpus. What a document holds by itself (template leftovers, repeats,
references that do not fit it) is flagged on both sides. Every flag names where else
its passage stands, so a reviewer can check it; offsets index that side's text and
``section`` is that side's section id.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from ...model import Block, CarriedOverShare, Document, Flag, Section, SectionPair
from ..text.positions import Positions
from ..text.sentences import closes_sentence
from .matching import Hit, SentenceIndex, near_copy
from .passages import CorpusLookup, DocumentsLookup, IndexedDoc, Passage, figure_values
from .places import join_names, join_places
from .shingles import Sentence
from .stale_flags import stale_flags
from .template_phrases import PhraseHit, find_template_phrases
from .template_share import TEMPLATE_SHARE, frequent

# Row labels of an indicator table repeat by design (quantity rows, then cost rows).
TABLE_CELL_WEIGHT = 20.0
_BLANK_RUN = re.compile(r"\s+")  # \s is str.isspace: the blank characters


class ReuseContext(NamedTuple):
    """What a pair is checked against besides itself: templates and a reference corpus."""

    templates: tuple[Document, ...] = ()
    corpus: tuple[Document, ...] = ()
    template_share: float = TEMPLATE_SHARE
    # A corpus kept in an index instead of read into ``corpus`` (reportdiff.corpusdb);
    # the caller leaves NEW and OLD themselves out of it.
    corpus_index: CorpusLookup | None = None


def find_boilerplate(
    old: Document,
    old_sections: Sequence[Section],
    new: Document,
    new_sections: Sequence[Section],
    pairs: Sequence[SectionPair],
    context: ReuseContext | None = None,
) -> tuple[Flag, ...]:
    context = context or ReuseContext()
    old_side = IndexedDoc.of(old, old_sections, "old")
    new_side = IndexedDoc.of(new, new_sections, "new")
    templates = [IndexedDoc.of(t) for t in context.templates]
    carried, same_template = carried_over_flags(old_side, new_side)
    flags = [
        *carried,
        *corpus_flags(new_side, old, context),
        *stale_flags(new_side, old_side, same_template, context.corpus),
        *stale_flags(old_side, new_side, (), context.corpus, later=False),
    ]
    for side in (old_side, new_side):  # what a document holds by itself, on both sides
        flags += duplicate_flags(side)
        flags += template_phrase_flags(side)
        flags += template_document_flags(side, templates)
    return tuple(sorted(flags, key=lambda f: (f.doc != "old", f.start, f.end, f.kind)))


def carried_over_flags(old: IndexedDoc, new: IndexedDoc) -> tuple[list[Flag], list[Flag]]:
    """Passages of NEW carried over from OLD: unchanged but for spacing and punctuation
    (a passage whose figures or words changed is an edit, not a carry-over). Second,
    the passages that kept OLD's wording with figures or a few characters changed,
    which the stale check reads for years that were not moved on."""
    if not old.doc.text.strip():
        return [], []
    index = SentenceIndex()
    index.add(old.sentences)
    hits = [index.lookup(s) for s in new.sentences]
    same = [
        [again for h in found if (again := _said_again(new, i, old, h))]
        for i, found in enumerate(hits)
    ]
    return _carried(old, new, same), _carried(old, new, hits)


def _carried(old: IndexedDoc, new: IndexedDoc, hits: Sequence[Sequence[Hit]]) -> list[Flag]:
    flags = []
    for p in new.passages(hits, against=old):
        places = join_names(old.ref(h.index) for h in p.evidence)
        how = "" if p.score == 1.0 else " (in part)"
        detail = f"same as {old.name} {places}{how}"
        flags.append(_flag("carried_over", new, p, detail))
    return flags


def _said_again(mine: IndexedDoc, i: int, theirs: IndexedDoc, hit: Hit) -> Hit | None:
    """``hit`` when sentence ``i`` of ``mine`` says what sentence ``hit.index`` of
    ``theirs`` says, word for word and figure for figure, a clause added before or
    after either aside (the hit then tells the clauses of ``i`` to leave out): only
    spacing, punctuation, width or how a figure is written differ. Else None."""
    s, o = mine.sentences[i], theirs.sentences[hit.index]
    if s.key == o.key:
        return hit if mine.figures(i) == theirs.figures(hit.index) else None
    score, lead, trail = near_copy(s.key, o.key, max_edit_run=0)
    if not score:
        return None
    _, their_lead, their_trail = near_copy(o.key, s.key, max_edit_run=0)
    a, b = mine.trimmed(s, lead, trail)
    c, d = theirs.trimmed(o, their_lead, their_trail)
    if figure_values(mine.doc.text[a:b]) != figure_values(theirs.doc.text[c:d]):
        return None
    return Hit(hit.doc, hit.index, hit.score, lead, trail)


def duplicate_flags(side: IndexedDoc) -> list[Flag]:
    """Passages printed more than once in one document, each occurrence flagged and
    naming where the other stands. A repeat has the same words and figures, names
    included (see ``_said_again``): one sentence form said of many items, each with its
    own name or figures (「主要原因是：宣传事务…经费增加」, then 统战事务…), enumerates
    them; it does not repeat itself."""
    index = SentenceIndex(max_edit_run=0)
    index.add(side.sentences)
    blocks = side.doc.blocks
    tables = _TableSpans((b.start, b.end) for b in blocks if b.kind == "table")
    captions = _TableSpans(_captions(side.doc.text, blocks))
    hits = [
        []
        if _repeats_by_design(s, side.headings, tables) or s.start in captions
        else [
            again
            for h in index.all_hits(s, skip=(0, i)) or index.lookup(s, skip=(0, i))
            if (again := _said_again(side, i, side, h))
        ]
        for i, s in enumerate(side.sentences)
    ]
    passages = side.passages(hits, against=side)
    if not passages:
        return []
    starts = [s.start for s in side.sentences]
    at = Positions(side.doc)
    flags = []
    for p in passages:
        first = hits[bisect_right(starts, p.start) - 1]  # the hits of its first sentence
        flags.append(_flag("duplicate", side, p, _repeated(side, p.section, first, at)))
    return flags


def _repeated(side: IndexedDoc, section: str, others: Sequence[Hit], at: Positions) -> str:
    """Where the other occurrences stand: "repeated within §四 at 57:3" in the same
    section, else "repeated in §二 at 12:1 and §六 at 40:1" (line:column of the file)."""
    here = side.refs[section]
    places = [(side.ref(h.index), at(side.sentences[h.index].start)) for h in others]
    if all(ref == here for ref, _ in places):
        return f"repeated within {here} at {join_names((pos for _, pos in places), 4)}"
    return f"repeated in {join_names((f'{ref} at {pos}' for ref, pos in places), 4)}"


def _captions(text: str, blocks: Sequence[Block]) -> Iterator[tuple[int, int]]:
    """The line right before each table that closes no sentence: its caption (编制部门：…
    单位：元), which every table of a report repeats by design."""
    for before, block in itertools.pairwise(blocks):
        if block.kind == "table" and before.kind == "paragraph":
            line = text[before.start : before.end].strip()
            if line and "\n" not in line and not closes_sentence(line):
                yield before.start, before.end


class _TableSpans:
    """The spans of a document's tables, asked whether they hold an offset in log time
    (a long report has thousands of sentences and hundreds of tables)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def _repeats_by_design(s: Sentence, headings: frozenset[int], tables: _TableSpans) -> bool:
    """Headings recur in a table of contents, row labels in a table's several parts."""
    if s.start in headings:
        return True
    return s.weight < TABLE_CELL_WEIGHT and s.start in tables


# A placeholder this short ("XX", "XXX年") left in many places is one finding, not one
# per place: a blank template as OLD has a hundred of them.
PLACEHOLDER_CHARS = 12


def template_phrase_flags(side: IndexedDoc) -> list[Flag]:
    """A flag per template phrase; a repeated placeholder is one flag with its count."""
    groups: dict[tuple[str, str], list[PhraseHit]] = {}
    for h in find_template_phrases(side.doc.text):
        text = side.doc.text[h.start : h.end]
        key = (h.label, "" if len(text) <= PLACEHOLDER_CHARS else text)
        groups.setdefault(key, []).append(h)
    flags = [_phrase_flag(side, hits) for hits in groups.values()]
    return sorted(flags, key=lambda f: f.start)


def _phrase_flag(side: IndexedDoc, hits: list[PhraseHit]) -> Flag:
    first = hits[0]
    detail = f"template phrase 「{first.label}」"
    if len(hits) > 1:
        places = join_names((side.refs[side.locate(h.start)] for h in hits), 4)
        detail += f", {len(hits)} times, in {places}"
    return Flag(
        kind="template",
        doc=side.side,
        start=first.start,
        end=first.end,
        text=side.doc.text[first.start : first.end],
        detail=detail,
        section=side.locate(first.start),
    )


def template_document_flags(new: IndexedDoc, templates: Sequence[IndexedDoc]) -> list[Flag]:
    """Passages of a document that stand in a template the user supplied (--template)."""
    flags = []
    for t in templates:
        index = SentenceIndex(80.0, max_edit_run=None)  # placeholders filled in: longer edits
        index.add(t.sentences)
        hits = [index.lookup(s) for s in new.sentences]
        for p in new.passages(hits, against=t):
            places = join_names(t.ref(h.index) for h in p.evidence)
            flags.append(_flag("template", new, p, f"as in template {t.name} {places}"))
    return flags


def corpus_flags(new: IndexedDoc, old: Document, context: ReuseContext) -> list[Flag]:
    """Passages of NEW found in other documents of the corpus: "shared", or
    "template" when they stand in a large share of it."""
    corpus = context.corpus_index or DocumentsLookup(
        [
            IndexedDoc.of(d)
            for d in context.corpus
            if d.text != new.doc.text and d.text != old.text and d.path != new.doc.path
        ]
    )
    if not corpus.size:
        return []
    hits = [corpus.lookup(s) for s in new.sentences]
    flags = []
    for p in new.passages(hits):
        first = {h.doc: h for h in reversed(p.evidence)}
        where = join_places([first[d] for d in sorted(first)], corpus.place)
        if frequent(len(first), corpus.size, context.template_share):
            detail = f"in {len(first)} of {corpus.size} corpus documents: {where}"
            flags.append(_flag("template", new, p, detail))
        else:
            flags.append(_flag("shared", new, p, f"also in {where}"))
    return flags


def _flag(kind: str, side: IndexedDoc, p: Passage, detail: str) -> Flag:
    return Flag(
        kind=kind,  # type: ignore[arg-type]
        doc=side.side,
        start=p.start,
        end=p.end,
        text=side.doc.text[p.start : p.end],
        detail=detail,
        section=p.section,
        score=round(p.score, 3),
    )


# --- stickiness -------------------------------------------------------------------------


def carried_over_share(
    text: str, sections: Sequence[Section], flags: Sequence[Flag]
) -> CarriedOverShare:
    """The share of NEW's non-blank characters, and of each section's, that flags
    mark carried over. Counted with byte masks (C loops): a report runs to millions of
    characters."""
    solid = bytearray(b"\x01") * len(text)  # 1 for a non-blank character
    for m in _BLANK_RUN.finditer(text):
        solid[m.start() : m.end()] = bytes(m.end() - m.start())
    carried = bytearray(len(text))
    for f in flags:
        if f.kind == "carried_over" and f.doc == "new":
            carried[f.start : f.end] = solid[f.start : f.end]
    per = {}
    for s in sections:
        start = s.start if s.id != "0" else 0
        filled = solid.count(1, start, s.body_end)
        if filled:
            per[s.id] = round(carried.count(1, start, s.body_end) / filled, 4)
    total = solid.count(1)
    return CarriedOverShare(round(carried.count(1) / total, 4) if total else 0.0, per)
