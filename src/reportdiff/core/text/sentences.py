"""Sentences: the one place text is cut into sentences, for the diff, moves, dates
and reuse detection alike.

A sentence ends after a run of Chinese or Latin sentence punctuation (with the
closing quotes or brackets that follow it), after an English full stop before
whitespace, or at a line break, tab or form feed (table cells and lines). No
sentence is longer than MAX_SENTENCE_CHARS: a text without sentence ends (a table
dumped as one line, a generated file) is cut at the last comma or space before the
cap, or at the cap itself, so that everything that compares sentences pairwise
(rapidfuzz alignments, token diffs) works on bounded pieces.
"""

from __future__ import annotations

import operator

from .lazy_regex import lazy_compile

# Real sentences are far shorter (a long Chinese one is ~300 characters); the cap
# only bites on text without sentence ends, and keeps quadratic per-sentence work
# (an alignment of two sentences) at a few megabytes.
MAX_SENTENCE_CHARS = 2000

_END_RE = lazy_compile(
    r"[。！？；!?;]+[”’」』）)\"']*"  # Chinese/Latin sentence ends, with closing quotes
    r"|\.(?=\s)[”’\"']*"  # an English full stop before whitespace
    r"|[\n\t\f]"  # hard line breaks and table cells
)
_CLOSING = ("。", "！", "？", "；", "!", "?", ";", ".")  # the sentence ends of _END_RE
# Where an over-long piece is best cut: after a comma-like mark or before a space.
_END = operator.methodcaller("end")
_SOFT_BREAK_RE = lazy_compile(r"[，,、：:）)]|\s")
_WORD_CHAR_RE = lazy_compile(r"[0-9A-Za-z.．,，%]")


def sentence_ends(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[int]:
    """The offset after each sentence of ``text``; the last is ``len(text)``
    (none for an empty text). Linear in the length of the text."""
    ends: list[int] = []
    pos = 0
    for end in map(_END, _END_RE.finditer(text)):
        if end - pos > limit:
            _capped(text, pos, end, limit, ends)
        else:  # (nearly every sentence: no call)
            ends.append(end)
        pos = end
    if pos < len(text):
        _capped(text, pos, len(text), limit, ends)
    return ends


def closes_sentence(text: str) -> bool:
    """Whether ``text`` ends on sentence punctuation (。！？；!?; or a full stop), as
    running text does and a caption, a heading or a table's label line does not."""
    return text.rstrip().endswith(_CLOSING)


def split_sentences(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """Sentences with their closing punctuation; they concatenate back to the text."""
    out, pos = [], 0
    for end in sentence_ends(text, limit):
        out.append(text[pos:end])
        pos = end
    return out


def _capped(text: str, start: int, end: int, limit: int, ends: list[int]) -> None:
    """Append ``end``, after cutting text[start:end] into pieces of at most ``limit``."""
    while end - start > limit:
        cut = _cut_point(text, start, start + limit)
        ends.append(cut)
        start = cut
    ends.append(end)


def _cut_point(text: str, start: int, hard: int) -> int:
    """The best place to cut before ``hard``: after the last soft break in the
    second half of the piece; else at ``hard``, moved back out of a figure or word."""
    floor = start + (hard - start) // 2
    breaks = [m.end() for m in _SOFT_BREAK_RE.finditer(text, floor, hard)]
    if breaks:
        return breaks[-1]
    cut = hard
    while cut > floor and _WORD_CHAR_RE.match(text[cut - 1]) and _WORD_CHAR_RE.match(text[cut]):
        cut -= 1
    return cut if cut > floor else hard
