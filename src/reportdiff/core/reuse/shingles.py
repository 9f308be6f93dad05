"""Sentences as reuse detection sees them: located in the original text, keyed by a
normalised, figure-masked form, and sketched for near-duplicate lookup.

The key makes copies look alike however they were typed or extracted: NFKC folds
full/half width, whitespace and punctuation are dropped, list numbering at the
start is ignored, and every figure (5105.15万元, 2023年, 10.93%) becomes one mask
character, so 「2023年…5105万元」 and 「2024年…5322万元」 share a key. Text extracted
from PDFs breaks lines mid-sentence at the page width; those soft breaks are undone
before sentences are cut, so a sentence wrapped differently in two files still
yields the same key.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..text.contents import contents_spans, inside
from ..text.line_wraps import join_soft_wraps
from ..text.nfkc import nfkc
from ..text.numbering import parse_numbering
from ..text.sentences import sentence_ends
from ..text.tokens import FIGURE_RE

SHINGLE_CHARS = 4  # CJK characters per shingle (Latin text: letters, spaces dropped)
SKETCH_SIZE = 4  # bottom-k MinHash: the k smallest shingle hashes of a sentence
MIN_WEIGHT = 10.0  # shorter sentences (headings, table labels) are never matched
# A passage is flagged when it holds one sentence this long (shorter sentences must
# also match exactly: one character is 10% of them), or a shorter full sentence.
SENTENCE_WEIGHT = 20.0
CLOSED_WEIGHT = 12.0

_MARKUP_RE = re.compile(r"\s*(?:#+|\*\*)?\s*")  # a markdown heading or bold mark
_NOT_WORD_RE = re.compile("[^\\w\ue000]+|_+")
_FULL_STOPS = "。！？!?"
_SEP = "\ue000"  # between sentences normalised in one batch; never in a key
MASK = "0"
_NUMBER_RE = re.compile(r"^[$¥￥€£]?[-+−]?\d[\d,，]*(?:[.．]\d+)?")


class Sentence(NamedTuple):
    """One sentence (or table cell, or heading line) of a document's text."""

    start: int
    end: int
    key: str  # normalised, figure-masked; equal keys mean "the same sentence"
    weight: float  # roughly the number of CJK characters; Latin letters count 1/4
    closed: bool = False  # ends with a full stop (。！？), as headings and labels do not

    @property
    def matchable(self) -> bool:
        return self.weight >= MIN_WEIGHT

    @property
    def substantial(self) -> bool:
        """Long enough to be flagged on its own: a long line, or a short full sentence."""
        return self.weight >= SENTENCE_WEIGHT or (self.closed and self.weight >= CLOSED_WEIGHT)


def sentence_key(text: str) -> str:
    """The normalised, figure-masked form of a sentence that copies share."""
    return sentence_keys([text])[0]


def sentence_keys(texts: Sequence[str]) -> list[str]:
    """``sentence_key`` of each text, with one pass of each step over all of them
    (a document's sentences are keyed together: one call instead of hundreds)."""
    if not texts:
        return []  # (joined, nothing would still split into one empty key)
    joined = _SEP.join(t.replace(_SEP, "") for t in texts)
    joined = nfkc(joined)
    joined = _SEP.join(t[numbering_end(t) :] for t in joined.split(_SEP))
    joined = FIGURE_RE.sub(_mask_figure, joined)
    return _NOT_WORD_RE.sub("", joined).lower().split(_SEP)


def numbering_end(sentence: str) -> int:
    """Where a sentence's text starts after markup and list or heading numbering (the
    grammar of core/text/numbering.py), so renumbered copies share a key."""
    at = _MARKUP_RE.match(sentence)
    start = at.end() if at else 0
    numbering = parse_numbering(sentence[start:])
    return start + numbering.end if numbering else start


def key_offsets(text: str) -> list[int]:
    """For each character of ``sentence_key(text)``, the offset in ``text`` it comes
    from (a masked figure: where the figure starts), so a part of a key can be
    mapped back to the text. Slow next to ``sentence_keys``: for the few sentences
    whose flag is trimmed to the part they share."""
    pairs = [(c, i) for i, ch in enumerate(text) for c in unicodedata.normalize("NFKC", ch)]
    norm = "".join(c for c, _ in pairs)
    skip = numbering_end(norm)
    masked: list[tuple[str, int]] = []
    pos = skip
    for f in FIGURE_RE.finditer(norm, skip):
        masked += pairs[pos : f.start()]
        unit = _mask_figure(f)[1:]
        masked.append((MASK, pairs[f.start()][1]))
        masked += pairs[f.end() - len(unit) : f.end()] if unit else []
        pos = f.end()
    masked += pairs[pos:]
    return [i for c, i in masked if not _NOT_WORD_RE.fullmatch(c)]


def _mask_figure(m: re.Match[str]) -> str:
    """A figure's number becomes the mask; its unit stays, so 45人 and 45元 differ."""
    return MASK + _NUMBER_RE.sub("", m.group(), count=1).strip()


def key_weight(key: str) -> float:
    ascii_chars = len(key.encode("ascii", "ignore"))  # (counted in C)
    return len(key) - ascii_chars + ascii_chars / 4


def keyed_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with offsets into ``text``, soft (PDF) line wraps undone, each with
    its reuse key: the sentences of ``text.split_sentences`` (the diff's units, which
    tile the text), here as trimmed spans with keys."""
    work = join_soft_wraps(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    for end in sentence_ends(work):
        _append(spans, text, pos, end)
        pos = end
    contents = contents_spans(text)  # a table of contents repeats the headings
    spans = [(a, b) for a, b in spans if not contents or not inside(contents, a, b)]
    keys = sentence_keys([text[a:b] for a, b in spans])
    return tuple(
        Sentence(a, b, k, key_weight(k)) for (a, b), k in zip(spans, keys, strict=True) if k
    )


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


# A document's sentences are sketched when indexed and again when looked up (repeats
# inside a report, a corpus scan): remembered, each distinct key is hashed once.
@lru_cache(maxsize=1 << 14)
def sketch(key: str) -> tuple[int, ...]:
    """Bottom-k MinHash of a key's character shingles: near-identical keys share
    most of their smallest hashes, unrelated ones rarely more than one."""
    raw = key.encode("utf-32-le")  # four bytes a character: shingles are byte slices
    step, width = 4, 4 * SHINGLE_CHARS
    last = max(0, len(raw) - width)
    hashes = {zlib.crc32(raw[i : i + width]) for i in range(0, last + 1, step)}
    return tuple(sorted(hashes)[:SKETCH_SIZE])


@lru_cache(maxsize=1 << 14)  # a sentence's buckets are asked when indexed and when looked up
def bands(key: str) -> tuple[int, ...]:
    """``band_keys`` of a key's sketch."""
    return tuple(band_keys(sketch(key)))


def band_keys(sk: tuple[int, ...]) -> list[int]:
    """LSH buckets of a sketch: every pair of its hashes. Two keys land in one bucket
    when they share two of their smallest shingle hashes — likely for near copies,
    rare for sentences that merely share one common phrase."""
    if len(sk) < 2:
        return [sk[0] << 32 | sk[0]] if sk else []
    return [a << 32 | b for i, a in enumerate(sk) for b in sk[i + 1 :]]
