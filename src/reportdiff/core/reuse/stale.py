"""References that no longer fit the report: last year's dates left in carried-over
sentences, the wrong administrative level (a 县 report calling itself 我市), and the
names of another agency or place."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_IS_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*是[^。\n]{0,80}?之年")
_MIN_SHIFT_EVIDENCE = 3  # year mentions that must line up before two texts say "a year on"
# A place name: up to five characters before the level, none of them a word that
# commonly stands just before a name (在清水县 is 清水县, 按照县财政局 names none).
_PLACE_RE = re.compile(
    r"[^\W\d_在的和与及对向于为是了按照本我全该各等其共年月日局委会部门心内外省县区市州旗盟]{1,5}?"
    r"(?:自治县|自治州|自治旗|新区|县|区|市|州|盟|旗)(?![级委长])"
)
_AGENCY_RE = re.compile(
    r"[\u4e00-\u9fff]{2,20}?(?:局|委员会|办公室|中心|委|厅|院|所|队|部|站|馆)(?![长])"
)
_SELF_REFERENCE = {
    "县": ("我县", "本县", "全县"),
    "区": ("我区", "本区", "全区"),
    "市": ("我市", "本市", "全市"),
}
# Self-references that betray a report of another level (全市 is left out: a county
# report may rightly speak of its prefecture's 全市 campaigns).
WRONG_LEVEL = {
    "县": ("我市", "本市", "市内", "我区", "本区"),
    "区": ("我县", "本县", "县内"),
    "市": ("我县", "本县", "县内"),
}
LEVEL_NAMES = {"县": "county (县)", "区": "district (区)", "市": "city (市)"}


def report_year(title: str, text: str) -> int | None:
    """The year a report is about: the year in its title, else its most cited year."""
    m = _YEAR_RE.search(title)
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in _YEAR_RE.findall(text[:5000]))
    return years.most_common(1)[0][0] if years else None


def report_years(
    old_title: str, old_text: str, new_title: str, new_text: str
) -> tuple[int | None, int | None]:
    """The years two versions of a report are about, each read with the other: when
    NEW's year mentions are OLD's moved on by one (2022→2023, 2023→2024 all through),
    NEW is the year after OLD, whatever a template's title or a left-over 「2023年是…」
    makes either look like on its own."""
    old_year, new_year = report_year(old_title, old_text), report_year(new_title, new_text)
    if _year_shift(old_text, new_text) != 1:
        return old_year, new_year
    titled_old, titled_new = report_year(old_title, ""), report_year(new_title, "")
    if titled_new and not titled_old:
        return titled_new - 1, titled_new
    if old_year and not titled_new and (new_year is None or new_year <= old_year):
        return old_year, old_year + 1
    return old_year, new_year


def _year_shift(old_text: str, new_text: str) -> int:
    """1 when NEW's year mentions line up with OLD's a year later better than as they
    are, else 0."""
    old = Counter(int(y) for y in _YEAR_RE.findall(old_text))
    new = Counter(int(y) for y in _YEAR_RE.findall(new_text))
    same = sum(min(n, new[y]) for y, n in old.items())
    moved = sum(min(n, new[y + 1]) for y, n in old.items())
    return 1 if moved > same and moved >= _MIN_SHIFT_EVIDENCE else 0


def years_in(text: str) -> list[tuple[int, int, int]]:
    """(year, start, end) of every 「YYYY年」 in ``text``."""
    return [(int(m.group(1)), m.start(), m.end()) for m in _YEAR_RE.finditer(text)]


def past_year_claims(text: str, year: int) -> list[tuple[int, int, int]]:
    """「2023年是…之年」 statements about a year before the report's ``year``."""
    return [
        (int(m.group(1)), m.start(), m.end())
        for m in _YEAR_IS_RE.finditer(text)
        if int(m.group(1)) < year
    ]


def admin_level(title: str, text: str) -> str | None:
    """ "县", "区" or "市": the level of government a report speaks for.

    The title decides (the lowest level named in it); failing that, the report's
    own self-references (我县/全县 …) decide when they clearly dominate.
    """
    head = title[:60]
    for level in ("县", "区", "市"):
        if level in head:
            return level
    counts = {lvl: sum(text.count(w) for w in words) for lvl, words in _SELF_REFERENCE.items()}
    level, n = max(counts.items(), key=lambda kv: kv[1])
    others = sum(counts.values()) - n
    return level if n >= 3 and n >= 3 * others else None


def wrong_level_mentions(text: str, level: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of each self-reference that does not fit ``level``."""
    found = []
    for word in WRONG_LEVEL.get(level, ()):
        start = text.find(word)
        while start != -1:
            found.append((word, start, start + len(word)))
            start = text.find(word, start + 1)
    return sorted(found, key=lambda f: f[1])


def own_names(title: str, text: str) -> set[str]:
    """Place and agency names a report uses for itself: from its title, or from the
    first lines that name an agency when the title names none."""
    names = _names(title)
    if names:
        return names
    for line in text.split("\n")[:40]:
        names = _names(line[:60])
        if any(_AGENCY_RE.fullmatch(n) for n in names):
            return names
    return set()


def places_in(text: str) -> set[str]:
    """Place names (…县, …区, …市, …州) written in ``text``."""
    return {m.group() for m in _PLACE_RE.finditer(text)}


def _names(line: str) -> set[str]:
    places = places_in(line)
    agency = _AGENCY_RE.match(line.strip())
    if agency and any(agency.group().startswith(p) or p in agency.group() for p in places):
        places.add(agency.group())
    return places


def foreign_name_mentions(
    text: str, own: set[str], others: Iterable[tuple[str, str]]
) -> list[tuple[str, str, int, int]]:
    """(name, whose, start, end) of names that belong to another report, not to this one.

    ``others`` pairs each foreign name with a description of whose it is. Names that
    overlap this report's own (上海市 in two Shanghai districts' reports) are skipped.
    """
    found = []
    for name, whose in others:
        if any(name in mine or mine in name for mine in own):
            continue
        start = text.find(name)
        while start != -1:
            found.append((name, whose, start, start + len(name)))
            start = text.find(name, start + len(name))
    return sorted(found, key=lambda f: f[2])
