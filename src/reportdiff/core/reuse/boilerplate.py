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
from ..text.nfkc import nfkc
from ..text.sentences import closes_sentence
from ..text.tokens import FIGURE_RE
from .passages import (
    CorpusLookup,
    DocumentsLookup,
    Hit,
    IndexedDoc,
    Passage,
    SentenceIndex,
    near_copy,
)
from .places import join_names, join_places
from .shingles import Sentence
from .stale_flags import stale_flags
from .template_phrases import PhraseHit, find_template_phrases
from .template_share import TEMPLATE_SHARE, frequent

# Row labels of an indicator table repeat by design (quantity rows, then cost rows).
TABLE_CELL_WEIGHT = 20.0
_DIGITS = re.compile(r"[^\d.%]")  # a figure compared by its digits: 1,234 is 1234
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
        [h for h in found if _unchanged(new, s, old, h)]
        for s, found in zip(new.sentences, hits, strict=True)
    ]
    return _carried(old, new, same), _carried(old, new, hits)


def _carried(old: IndexedDoc, new: IndexedDoc, hits: Sequence[Sequence[Hit]]) -> list[Flag]:
    flags = []
    for p in new.passages(hits):
        places = join_names(old.ref(h.index) for h in p.evidence)
        how = "" if p.score == 1.0 else " (in part)"
        detail = f"same as {old.name} {places}{how}"
        flags.append(_flag("carried_over", new, p, detail))
    return flags


def _unchanged(new: IndexedDoc, s: Sentence, old: IndexedDoc, hit: Hit) -> bool:
    """The sentence says what OLD's did, word for word and figure for figure (a clause
    added before or after it aside): only spacing or punctuation changed."""
    o = old.sentences[hit.index]
    if s.key != o.key and not near_copy(s.key, o.key, max_edit_run=0)[0]:
        return False
    start, end = new.trimmed(s, hit.lead, hit.trail)
    return _figures(new.doc.text[start:end]) == _figures(old.doc.text[o.start : o.end])


def _figures(text: str) -> list[str]:
    return [_DIGITS.sub("", nfkc(m.group())) for m in FIGURE_RE.finditer(text)]


def duplicate_flags(side: IndexedDoc) -> list[Flag]:
    """Passages repeated inside one document, each occurrence flagged."""
    index = SentenceIndex()
    index.add(side.sentences)
    blocks = side.doc.blocks
    tables = _TableSpans((b.start, b.end) for b in blocks if b.kind == "table")
    captions = _TableSpans(_captions(side.doc.text, blocks))
    seen: list[tuple[str, ...] | None] = [None] * len(side.sentences)
    hits = [
        []
        if _repeats_by_design(s, side.headings, tables) or s.start in captions
        else _same_figures(
            side, i, index.all_hits(s, skip=(0, i)) or index.lookup(s, skip=(0, i)), seen
        )
        for i, s in enumerate(side.sentences)
    ]
    passages = side.passages(hits)
    flags = []
    for p in passages:
        here = side.refs[p.section]
        there = [side.ref(h.index) for h in p.evidence]
        places = list(dict.fromkeys([here, *there]))
        detail = (
            f"repeated within {here}"
            if len(places) == 1
            else f"repeated in {join_names(places, 4)}"
        )
        flags.append(_flag("duplicate", side, p, detail))
    return flags


def _captions(text: str, blocks: Sequence[Block]) -> Iterator[tuple[int, int]]:
    """The line right before each table that closes no sentence: its caption (编制部门：…
    单位：元), which every table of a report repeats by design."""
    for before, block in itertools.pairwise(blocks):
        if block.kind == "table" and before.kind == "paragraph":
            line = text[before.start : before.end].strip()
            if line and "\n" not in line and not closes_sentence(line):
                yield before.start, before.end


def _same_figures(
    side: IndexedDoc, i: int, hits: Sequence[Hit], seen: list[tuple[str, ...] | None]
) -> list[Hit]:
    """The hits that repeat sentence ``i`` figure for figure. Inside one report, one
    sentence said of many items with their own figures (each budget line's 「2023年执行数
    为…，2024年安排…」) is an enumeration, not a passage printed twice. ``seen`` keeps
    each sentence's figures: a sentence repeated many times is read once."""
    if not hits:
        return []
    text, sentences = side.doc.text, side.sentences

    def figures(j: int) -> tuple[str, ...]:
        found = seen[j]
        if found is None:
            found = seen[j] = tuple(_figures(text[sentences[j].start : sentences[j].end]))
        return found

    own = figures(i)
    kept = []
    for h in hits:
        mine = own
        if h.lead or h.trail:  # a clause added before or after the copy is left out
            start, end = side.trimmed(sentences[i], h.lead, h.trail)
            mine = tuple(_figures(text[start:end]))
        if figures(h.index) == mine:
            kept.append(h)
    return kept


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
        for p in new.passages(hits):
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
