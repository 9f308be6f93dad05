"""English paragraphs: plain numbers count ("employed 214 full-time staff"), number
words too ("Four vacancies", "eleven weeks"), and labels are the words around them.

Chinese reports put a unit after every figure, so figure_parse keeps only numbers with
one; English writes most counts bare. In a paragraph of English, a bare number is a
count unless it is a year, a date (July 1), list numbering (1.2 Mission) or a name
(Pier 3, Route 12).
"""

from __future__ import annotations

import re

from .figure_parse import Reading

_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_WORD_RE = re.compile(r"\b(" + "|".join(_WORDS) + r")\b(?:-(?=[a-z]))?", re.IGNORECASE)
_MONTHS = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s$"
)
_NAMED = re.compile(r"(?:Pier|Route|Gate|No\.|Number|Line|Bus|Platform|Section|Item)\s$", re.I)
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_STOP_BEFORE = {
    "was", "were", "is", "are", "of", "to", "at", "by", "from", "reached", "rose", "fell",
    "totalled", "totaled", "about", "around", "nearly", "over", "under", "than", "the",
    "a", "an", "and", "with", "for", "on", "in", "up", "down", "employed", "carried",
    "held", "answered", "installed", "gave", "score", "out",
}  # fmt: skip
# a clause ends at punctuation or at a full stop before a capital (not "Inc. for")
_CLAUSE_END = re.compile(r"[,;:()\n]|\.(?=\s+[A-Z]|\s*$)")
_CLAUSE_END_BEFORE = re.compile(r"[,;:)\n]|\.(?=\s+[A-Z])")
# Microsoft 365, Windows 11, Form 8: a number right after a capitalised word is a name
_NAME_BEFORE = re.compile(
    r"\b(?!(?:The|In|About|Over|Nearly|Some|Only|All|By|At|On)\s)[A-Z][a-z]+\s$"
)
_STOP_AFTER = {"in", "of", "for", "on", "at", "the", "a", "an", "per", "to", "and", "or"}


def is_english(text: str) -> bool:
    """Mostly Latin letters (English runs about 80% letters; Chinese with a model name
    or two, a few per cent): a paragraph of English."""
    if not _LATIN.search(text):
        return False
    return len(_LATIN.findall(text)) > 0.4 * len(text)


def english_counts(text: str, found: list[Reading], start: int, end: int) -> list[Reading]:
    """The paragraph's readings with its bare numbers and number words as counts."""
    out = []
    for r in found:
        if not r.bare:
            out.append(r)
        elif _is_count(text, r, start):
            out.append(r._replace(kind="count", bare=False))
        elif r.value.is_integer() and 1900 <= r.value <= 2100 and "," not in r.text:
            out.append(r._replace(kind="year", unit="年", bare=False))
    for m in _WORD_RE.finditer(text, start, end):
        value = float(_WORDS[m.group(1).lower()])
        out.append(Reading(m.start(), m.start() + len(m.group(1)), m.group(1), value, "", "count"))
    return sorted(out, key=lambda r: r.start)


def _is_count(text: str, r: Reading, start: int) -> bool:
    before = text[max(start, r.start - 12) : r.start]
    if r.start == start or not before.strip():
        return False  # 1.2 Organization: numbering at the start of a line
    if _MONTHS.search(before) or _NAMED.search(before) or _NAME_BEFORE.search(before):
        return False  # July 1, Pier 3, Microsoft 365
    return not (r.value.is_integer() and 1900 <= r.value <= 2100 and "," not in r.text)


def english_labels(text: str, found: list[Reading], start: int, end: int) -> list[str]:
    """Counts are named by the words after them (214 full-time staff), amounts and
    rates by the words before (Operating expenditure was $38.6 million)."""
    labels = []
    for r in found:
        if r.kind in ("year", "date"):
            labels.append("")
            continue
        after = _words_after(text, r.end, end)
        before = _words_before(text, r.start, start)
        label = after if r.kind == "count" and after else before or after
        labels.append(label)
    return labels


def _words_after(text: str, pos: int, end: int) -> str:
    clause = _CLAUSE_END.split(text[pos : min(end, pos + 60)], maxsplit=1)[0]
    words = _WORD.findall(clause)[:5]
    while words and words[0].lower() in _STOP_AFTER:
        words.pop(0)
    for i, word in enumerate(words):  # "214 full-time staff and …": the noun ends here
        if word.lower() in _STOP_AFTER or word.lower() in ("from", "with", "by", "that"):
            words = words[:i]
            break
    return " ".join(words[:3])


def _words_before(text: str, pos: int, start: int) -> str:
    clause = _CLAUSE_END_BEFORE.split(text[max(start, pos - 80) : pos])[-1]  # keep "("
    words = _WORD.findall(clause)[-8:]
    while words and words[-1].lower() in _STOP_BEFORE:
        words.pop()
    words = words[-6:]
    for i in range(len(words) - 1, -1, -1):  # "… and new shelters on the route": one item
        if words[i].lower() in ("and", "or", "which"):
            words = words[i + 1 :]
            break
    while words and words[0].lower() in _STOP_AFTER:
        words.pop(0)
    return " ".join(words)
