"""English paragraphs: plain numbers count ("employed 214 full-time staff"), number
words too ("Four vacancies", "eleven weeks"), and labels are the words around them.

Chinese reports put a unit after every figure, so figure_parse keeps only numbers with
one; English writes most counts bare. In a paragraph of English, a bare number is a
count unless it is a year, a date (July 1), list numbering (1.2 Mission) or a name
(Pier 3, Route 12).
"""

from __future__ import annotations

import re

from ..text.lazy_regex import lazy_compile
from .english_changes import parse_changes
from .parse import Reading

_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_WORD_RE = lazy_compile(r"\b(" + "|".join(_WORDS) + r")\b(?:-(?=[a-z]))?", re.IGNORECASE)
_MONTHS = lazy_compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s$"
)
_NAMED = lazy_compile(r"(?:Pier|Route|Gate|No\.|Number|Line|Bus|Platform|Section|Item)\s$", re.I)
_LATIN = lazy_compile(r"[A-Za-z]")
_WORD = lazy_compile(r"[A-Za-z][A-Za-z'’\-]*")
_STOP_BEFORE = {
    "was", "were", "is", "are", "of", "to", "at", "by", "from", "reached", "rose", "fell",
    "totalled", "totaled", "about", "around", "nearly", "over", "under", "than", "the",
    "a", "an", "and", "with", "for", "on", "in", "up", "down", "employed", "carried",
    "held", "answered", "installed", "gave", "score", "out", "against", "above", "below",
    "approximately", "almost", "roughly", "some", "more", "less", "least", "most", "exceeding",
    "which",
}  # fmt: skip
# a clause ends at punctuation or at a full stop before a capital (not "Inc. for"), the
# marks of emphasis around either aside ("**5,368 responses**.  *That's over …*")
_CLAUSE_END = lazy_compile(r"[,;:()\n]|\.(?=[*_]*\s+[*_]*[A-Z]|[*_]*\s*$)")
_CLAUSE_END_BEFORE = lazy_compile(r"[,;:)\n]|\.(?=[*_]*\s+[*_]*[A-Z])")
# Microsoft 365, Windows 11, Form 8: a number right after a capitalised word is a name
_NAME_BEFORE = lazy_compile(
    r"\b(?!(?:The|In|About|Over|Nearly|Some|Only|All|By|At|On)\s)[A-Z][a-z]+\s$"
)
_STOP_AFTER = {"in", "of", "for", "on", "at", "the", "a", "an", "per", "to", "and", "or"}
_FUNCTION_WORDS = (_STOP_AFTER | _STOP_BEFORE) - {"score"}
_NOUN_ENDS = {"from", "with", "by", "that", "after", "before", "when", "since", "against", "out"}
_NOUN_ENDS |= {"was", "were", "is", "are", "will", "has", "have", "had"}  # the verb
_BOUNDS = (
    ("at_least", lazy_compile(r"\b(?:more than|over|above|at least|exceeding)\s*\$?$", re.I)),
    ("at_most", lazy_compile(r"\b(?:less than|under|below|at most|up to)\s*\$?$", re.I)),
    (
        "approx",
        lazy_compile(r"\b(?:about|around|approximately|nearly|almost|roughly|some)\s*\$?$", re.I),
    ),
)
_VERB_AFTER = lazy_compile(r"\s*(?:was|were)\s+(?:spent\s+on\s+|for\s+)?", re.I)
_COMPANY = lazy_compile(r",\s*(Inc|Ltd|Corp|LLC|plc|L\.P)\b\.?")
_OUT_OF = lazy_compile(r"\b(?:out of|per)\s*$")
_GENERIC_BEFORE = {"target", "budget", "plan", "goal", "forecast"}
_ITEM_NAME = lazy_compile(r"^[ \t]*(?:[-*•][ \t]*)?([A-Za-z][^:\n]{1,60}):[ \t]*$", re.MULTILINE)
_RANGE_FROM = lazy_compile(r"\bfrom\s*\Z", re.I)
_RANGE_TO = lazy_compile(r"\s*to\s*", re.I)
# a figure set against its plan by the words after it: "18% above budget"
AGAINST_PLAN = lazy_compile(
    r"\s+(?P<side>above|below|over|under)\s+(?:the\s+|its\s+)?"
    r"(?P<plan>budget|target|plan|forecast)\b",
    re.I,
)
_BELOW = ("below", "under")
PREVIOUS = "(previous)"  # the label suffix of last year's figure in a stated change


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
        elif _OUT_OF.search(text, max(start, r.start - 8), r.start):
            continue  # "81 out of 100", "1.7 per 100,000 miles": a scale, not a figure
        elif _is_count(text, r, start):
            out.append(r._replace(kind="count", bare=False))
        elif r.value.is_integer() and 1900 <= r.value <= 2100 and "," not in r.text:
            out.append(r._replace(kind="year", unit="年", bare=False))
    for m in _WORD_RE.finditer(text, start, end):
        value = float(_WORDS[m.group(1).lower()])
        out.append(Reading(m.start(), m.start() + len(m.group(1)), m.group(1), value, "", "count"))
    found = [_against_plan(text, _bounded(text, r, start)) for r in out]
    return _range_units(text, sorted(found, key=lambda r: r.start))


def _against_plan(text: str, r: Reading) -> Reading:
    """ "18% above budget" is +18%, "4% below budget" -4%: signed, so that a rate that
    went from above its plan to below it changes by the sum (-22 pp), not -14 pp."""
    m = AGAINST_PLAN.match(text, r.end) if r.kind == "percent" else None
    if not m or m.group("side").lower() not in _BELOW:
        return r  # "$3.2 million under budget" is a saving: an amount, summed as such
    return r._replace(value=-r.value)


def _range_units(text: str, found: list[Reading]) -> list[Reading]:
    """ "from 15 to 12 minutes", "from 88.5 to 91.0%", "from $1.8 to $2.1 million": the
    start of a range is written in the unit and scale of its end."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind in ("year", "date") or b.kind in ("year", "date") or a.scale != 1.0:
            continue
        if a.unit not in ("", b.unit) or (a.unit == b.unit and b.scale == 1.0):
            continue  # "from $11.7 million to …", "from 15 to 12": nothing to take
        if not (
            _RANGE_TO.fullmatch(text, a.end, b.start)
            and _RANGE_FROM.search(text, max(0, a.start - 8), a.start)
        ):
            continue
        out[i] = a._replace(
            value=a.value * b.scale, unit=b.unit, kind=b.kind, scale=b.scale, shown=b.shown,
            bare=False, magnitude_only=b.magnitude_only,
        )  # fmt: skip
    return out


def _bounded(text: str, r: Reading, start: int) -> Reading:
    """ "more than 90%", "under 85%", "nearly 92%": the words before bound the figure."""
    if r.qualifier or r.kind in ("year", "date"):
        return r
    before = text[max(start, r.start - 16) : r.start]
    for qualifier, words in _BOUNDS:
        if words.search(before):
            return r._replace(qualifier=qualifier)
    return r


def _is_count(text: str, r: Reading, start: int) -> bool:
    before = text[max(start, r.start - 12) : r.start]
    if r.start == start or not before.strip(" \t#>*-"):
        return False  # 1.2 Organization, ## 1. Overview: numbering at the start of a line
    if before.endswith("(") and text[r.end : r.end + 1] == ")":
        return False  # (1): an item's number
    if before.endswith("-") and before[-2:-1].isalpha():
        return False  # COVID-19, Form 10-K: part of a name
    if _MONTHS.search(before) or _NAMED.search(before) or _NAME_BEFORE.search(before):
        return False  # July 1, Pier 3, Microsoft 365
    return not (r.value.is_integer() and 1900 <= r.value <= 2100 and "," not in r.text)


def english_labels(text: str, found: list[Reading], start: int, end: int) -> list[str]:
    """Counts are named by the words after them (214 full-time staff), amounts and
    rates by the words before (Operating expenditure was $38.6 million), never reaching
    back past the figure before; the figures of a stated change by what changed."""
    labels = []
    floor = noun_end = start
    for r in found:
        if r.kind in ("year", "date"):
            labels.append("")
            floor = noun_end = r.end
            continue
        after = _undetermined(_words_after(text, r.end, end))
        before = _words_before(text, r.start, floor) or _item_name(text, r.start, start)
        before = _undetermined(before)
        if noun_end > floor:  # "38,500 passengers at a cost of $0.3 million": not passengers
            own = _words_before(text, r.start, noun_end)
            listed = r.kind == "percent" and not _WORD.search(
                _LINKS.sub("", text[noun_end : r.start])
            )
            before = "" if listed else own or before  # "4.4% full-time and 16.6% part-time"
        verb = _VERB_AFTER.match(text, r.end, end)
        named = _words_after(text, verb.end(), end) if verb else ""
        before = named or before  # "of which $5.0 million was wages": the figure is named after
        if before.lower() in _GENERIC_BEFORE and labels and labels[-1]:
            before = f"{_subject(labels[-1])} {before}"  # "94.2% (target 93%)"
        if r.kind == "percent":
            label = _rate_name(text, r.end, end) or before or after
        else:
            label = after if r.kind == "count" and after else before or after
        plan = AGAINST_PLAN.match(text, r.end) if r.kind == "percent" else None
        if plan and label:  # "Fuel prices against budget": signed, above or below it
            label = f"{label} against {plan.group('plan').lower()}"
        labels.append(label)
        floor = noun_end = r.end
        if label == after and after:  # the words that name it are its own
            noun_end = _after_words_end(text, r.end, end, after)
    _label_changes(text, found, labels, start)
    return labels


_LINKS = lazy_compile(r"(?i:\band\b|\bor\b|\bthis year[’']?s\b)")
# words before a rate that only say whose or when it is: they do not name it
_DETERMINER = lazy_compile(r"(?i:(?:this|last|next|previous) year[’']?s?|(?:this|last) year)?")
# "16.1% of Rust users are using Rust at work part-time", "3.7% are using it full-time":
# a share of a population is named by what it says of them
_PREDICATE = lazy_compile(
    r"\s*[*_]*\s*(?:of\s+(?:the\s+)?(?P<whole>(?:[A-Za-z'’-]+\s+){0,3}?))?"
    r"(?:are|is|were|was|have|had|said|say)\s+(?:not\s+)?(?P<words>[A-Za-z][A-Za-z'’\- ]{2,60})",
    re.I,
)


# "4.4% full-time and 16.6% part-time", "from 16.6% part-time to 21.2% part-time": a rate
# of a list is named by the few words right after it, up to the list's next link
_LIST_ITEM = lazy_compile(
    r"[*_]*[ \t]+(?P<words>[A-Za-z][A-Za-z-]*(?:[ \t]+[A-Za-z][A-Za-z-]*){0,2}?)[*_]*"
    r"(?=[ \t]*(?:[,;)]|\.(?:\s|$)|\b(?:and|or|to|from)\b|$))",
    re.I,
)


def _undetermined(words: str) -> str:
    """ "last year" names no figure: "48.8% of last year" says when, not what."""
    return "" if _DETERMINER.fullmatch(words) else words


def _rate_name(text: str, pos: int, end: int) -> str:
    """A rate's own words after it: what is said of a population (16.1% of Rust users
    are using Rust at work part-time), or its name in a list (4.4% full-time and …)."""
    predicate = _predicate(text, pos, end)
    if predicate:
        return predicate
    m = _LIST_ITEM.match(text, pos, end)
    if m is None:
        return ""
    words = m.group("words")
    first = words.split()[0].lower()
    if first in _STOP_AFTER or first in _STOP_BEFORE or _DETERMINER.fullmatch(words):
        return ""
    return words


def _predicate(text: str, pos: int, end: int) -> str:
    """ "of riders were satisfied" → "riders satisfied"; "are using it full-time" → "using
    it full-time": the population, if named, and what is said of it, to the clause's end."""
    m = _PREDICATE.match(text, pos, end)
    if m is None:
        return ""
    clause = _CLAUSE_END.split(m.group("words"), maxsplit=1)[0]
    words = _WORD.findall(clause)
    cut = next((i for i, w in enumerate(words) if w.lower() in ("and", "or", "but")), len(words))
    whole = _WORD.findall(m.group("whole") or "")
    return " ".join([*whole, *words[: min(cut, 5)]])


def _label_changes(text: str, found: list[Reading], labels: list[str], start: int) -> None:
    """ "Fare revenue rose 9.4% to $12.8 million from $11.7 million": "Fare revenue rose",
    "Fare revenue", "Fare revenue (previous)"."""
    for c in parse_changes(text, found):
        if c.current is not None and found[c.current].start < c.move_at:
            subject = _subject(labels[c.current])
        else:
            # a subject may be long: "Average weekday frequency on the Harborline route";
            # the verb's auxiliary is none of it ("Windows usage has grown")
            subject = _AUXILIARY.sub("", _words_before(text, c.move_at, start, most=8))
        if not subject:
            continue
        if c.current is not None and found[c.current].start > c.move_at:
            labels[c.current] = subject
        if c.base is not None:
            labels[c.base] = f"{subject} {PREVIOUS}"
        for i in (c.delta, c.pct):
            if i is not None:
                labels[i] = f"{subject} {c.word.lower()}"


_AUXILIARY = lazy_compile(r"(?:\s+(?:has|have|had|is|are|was|were|will|has been|have been))+$")


def _subject(label: str) -> str:
    return label.removesuffix(f" {PREVIOUS}")


def _item_name(text: str, pos: int, start: int) -> str:
    """ "- Ferry on-time departures: 94.2%": a list item names its figure before a colon."""
    m = _ITEM_NAME.search(text, max(start, pos - 80), pos)
    return " ".join(_WORD.findall(m.group(1))) if m else ""


def _words_after(text: str, pos: int, end: int) -> str:
    clause = _CLAUSE_END.split(text[pos : min(end, pos + 60)], maxsplit=1)[0]
    clause = re.split(r"\d", clause, maxsplit=1)[0]  # "15 to 12 minutes": not past the next
    words = _WORD.findall(clause)[:5]
    while words and words[0].lower() in _STOP_AFTER:
        words.pop(0)
    for i, word in enumerate(words):  # "214 full-time staff and …": the noun ends here
        if word.lower() in _STOP_AFTER or word.lower() in _NOUN_ENDS:
            words = words[:i]
            break
    return " ".join(words[:3])


def _after_words_end(text: str, pos: int, end: int, words: str) -> int:
    """Where the words ``_words_after`` named a figure by end in the text."""
    last = re.compile(rf"\b{re.escape(words.rsplit(' ', 1)[-1])}\b")
    m = last.search(text, pos, min(end, pos + 60))
    return m.end() if m else pos


def _words_before(text: str, pos: int, start: int, most: int = 6) -> str:
    window = _COMPANY.sub(r" \1", text[max(start, pos - 80) : pos])  # "Blizzard, Inc."
    clause = _CLAUSE_END_BEFORE.split(window)[-1]
    head, paren, inside = clause.rpartition("(")
    if paren:  # "(target 93%)" is named inside; "refit ($0.9 million)" before
        clause = inside if _WORD.search(inside) else head
    words = _WORD.findall(clause)[-most - 2 :]
    written = list(words)
    while words and words[-1].lower() in _STOP_BEFORE:
        words.pop()
    words = words[-most:]
    for i in range(len(words) - 1, -1, -1):  # "… and new shelters on the route": one item
        if words[i].lower() in ("and", "or", "which"):
            words = words[i + 1 :]
            break
    while words and (words[0].lower() in _STOP_AFTER or words[0].lower() in _STOP_BEFORE):
        words.pop(0)
    if not words:  # "The score was 81": a noun that is a stop word only after a noun
        words = [w for w in written if w.lower() not in _FUNCTION_WORDS][-1:]
    return " ".join(words)
