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
from dataclasses import dataclass

from .tokens import FIGURE_RE

SHINGLE_CHARS = 4  # CJK characters per shingle (Latin text: letters, spaces dropped)
SKETCH_SIZE = 4  # bottom-k MinHash: the k smallest shingle hashes of a sentence
MIN_WEIGHT = 10.0  # shorter sentences (headings, table labels) are never flagged alone

_TERMINATOR_RE = re.compile(
    r"[。！？；!?;]+[”’」』）)\"']*"  # Chinese/Latin sentence ends, with closing quotes
    r"|\.(?=\s)[”’\"']*"  # an English full stop before whitespace
    r"|[\n\t\f]"  # hard line breaks and table cells
)
_LEADING_NUMBER_RE = re.compile(
    r"^\s*(?:[（(]?(?:[一二三四五六七八九十]+|\d{1,3})[)）]\s*[.．、]?"
    r"|(?:[一二三四五六七八九十]+|\d{1,3})[、.．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+(?:章|节|条|部分)"
    r"|[①-⑳]"
    r"|#+|\*\*)\s*"
)
_NOT_WORD_RE = re.compile(r"[\W_]+")
_HEADING_START_RE = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十]+[）)、]|[（(]?\d{1,3}[）)、.．](?!\d)|第[一二三四五六七八九十\d]+(?:章|节|条|部分)|[①-⑳]|#)"
)
_LINE_END_RE = re.compile(r"[。！？；：!?;:]\s*$")
MASK = "0"
_NUMBER_RE = re.compile(r"^[$¥￥€£]?[-+−]?\d[\d,，]*(?:[.．]\d+)?")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or table cell, or heading line) of a document's text."""

    start: int
    end: int
    key: str  # normalised, figure-masked; equal keys mean "the same sentence"
    weight: float  # roughly the number of CJK characters; Latin letters count 1/4

    @property
    def matchable(self) -> bool:
        return self.weight >= MIN_WEIGHT


def sentence_key(text: str) -> str:
    """The normalised, figure-masked form of a sentence that copies share."""
    text = unicodedata.normalize("NFKC", text)
    text = _LEADING_NUMBER_RE.sub("", text, count=1)
    text = FIGURE_RE.sub(_mask_figure, text)
    return _NOT_WORD_RE.sub("", text).lower()


def _mask_figure(m: re.Match[str]) -> str:
    """A figure's number becomes the mask; its unit stays, so 45人 and 45元 differ."""
    return MASK + _NUMBER_RE.sub("", m.group(), count=1).strip()


def key_weight(key: str) -> float:
    ascii_chars = sum(c.isascii() for c in key)
    return (len(key) - ascii_chars) + ascii_chars / 4


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with offsets into ``text``, soft (PDF) line wraps undone."""
    work = _join_soft_wraps(text)
    out: list[Sentence] = []
    pos = 0
    for m in _TERMINATOR_RE.finditer(work):
        _append(out, text, pos, m.end())
        pos = m.end()
    _append(out, text, pos, len(text))
    return tuple(out)


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s, e = start + lead, start + lead + len(stripped)
    key = sentence_key(stripped)
    if key:
        out.append(Sentence(s, e, key, key_weight(key)))


def sketch(key: str) -> tuple[int, ...]:
    """Bottom-k MinHash of a key's character shingles: near-identical keys share
    their smallest hashes with high probability, unrelated ones rarely."""
    k = SHINGLE_CHARS
    shingles = {key[i : i + k] for i in range(max(1, len(key) - k + 1))}
    return tuple(sorted(zlib.crc32(s.encode()) for s in shingles)[:SKETCH_SIZE])


# --- soft line wraps ------------------------------------------------------------------


def _cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def wrap_width(lines: list[str]) -> int | None:
    """The page width a hard-wrapped text was cut at, or None for running text.

    Word and web text keeps a paragraph on one line (hundreds of cells); PDF
    extraction cuts every line near one width. A document whose long lines are
    almost all under 100 cells is taken as wrapped at their 95th percentile.
    """
    widths = sorted(w for w in map(_cells, lines) if w >= 20)
    if len(widths) < 10:
        return None
    p95 = widths[int(len(widths) * 0.95)]
    return p95 if p95 <= 100 else None


def _join_soft_wraps(text: str) -> str:
    """``text`` with soft line breaks replaced by spaces (same length, same offsets).

    A break is soft when the line before it fills the page width and does not end a
    sentence, and the next non-blank line does not start a heading or list item.
    Blank lines between the two halves (page breaks) are bridged too.
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    chars = list(text)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    threshold = 0.8 * width
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        if "\t" in line or _cells(stripped) < threshold or _LINE_END_RE.search(stripped):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or j - i > 3 or _HEADING_START_RE.match(lines[j]):
            continue
        for k in range(i + 1, j + 1):
            chars[starts[k] - 1] = " "  # the newline ending line k-1
        for k in range(i + 1, j):
            chars[starts[k] : starts[k] + len(lines[k])] = " " * len(lines[k])
    return "".join(chars)
