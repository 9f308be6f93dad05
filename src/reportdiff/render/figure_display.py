"""How a figure and its change are shown, the same in every output: the printed
report, `reportdiff figures`, the HTML report and the review UI.

One place decides, so that 92% → 93% reads "+1个百分点" (or "+1 pp" in an English
report) everywhere rather than "+1%" in one view; that "超过60%" keeps its bound
("≥60%"); and that a change between bounded or approximate figures says so ("≈").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..core.checks import WRITTEN_NUMBER, show, shown_scale, table_unit, written_scale
from ..core.figures import (
    MAX_SHOWN_DECIMALS,
    SURE,
    date_delta_text,
    display_scale,
    is_english,
)
from ..model import Document, Figure, FigureRole, NumberChange

# A bound the figure's own text does not show: 超过60% and 95%以上 are read as "60%"
# and "95%", while 200余名, 1270多万人, 25万+ and ≥90% carry theirs.
_BOUND = {"at_least": "≥", "at_most": "≤", "approx": "≈"}
_CARRIES_BOUND = re.compile(r"[余多+＋≥≤≈~～约近]")
_CJK = re.compile(r"[\u3400-\u9fff]")
# A lowercase word is English; an acronym (GDP, CPI, KPI) is common in Chinese reports too.
_ENGLISH_WORD = re.compile(r"[a-z]{2,}")
_CURRENCY_FIRST = ("$", "€", "£")  # written before the number: $40,900,000
# A change of a rate is in points of it, not a rate: (Chinese, English) words.
_POINTS = {"%": ("个百分点", " pp"), "百分点": ("个百分点", " pp"), "‰": ("个千分点", "‰ points")}
_SAMPLE = 20_000  # characters enough to tell an English document from a Chinese one
# From this relative change on, a growth reads as a multiple (×32,488), which stays
# short where "+3248733.33%" would be cut in a column.
_MULTIPLE_FROM = 1000.0


@dataclass(frozen=True, slots=True)
class ChangeText:
    """A change as shown: ``delta`` in the unit the report writes ("+152.73万元",
    "+1个百分点", "+2.8 pp"), ``pct`` the relative change ("+3.95%"); both start
    with "≈" when a figure is bounded or approximate, both are empty when nothing
    changed. ``short`` is the one phrase an inline note has room for."""

    delta: str = ""
    pct: str = ""
    short: str = ""


# A figure's role shown after its label (Chinese, English): 基本支出 (上年)
_ROLE_SHOWN: dict[FigureRole, tuple[str, str]] = {
    "start": ("由", "from"),
    "previous": ("上年", "previous"),
    "plan": ("计划", "plan"),
    "target": ("目标", "target"),
    "cumulative": ("累计", "cumulative"),
    "average": ("平均", "average"),
    "bound": ("限额", "bound"),
}


def role_label(label: str, role: FigureRole, english: bool = False) -> str:
    """A label with the figure's role when it is not this period's value and the
    label does not already say it (Punctuality target, 计划新增就业)."""
    label = label or "(unlabelled)"
    shown = _ROLE_SHOWN.get(role)
    if not shown or shown[english].lower() in label.lower():
        return label
    return f"{label} ({shown[english]})"


def change_label(n: NumberChange, english: bool = False) -> str:
    """The label a change is listed under: its label and its figures' role."""
    f = n.new if n.new is not None else n.old
    return role_label(n.label, f.role if f is not None else "current", english)


def status_text(n: NumberChange) -> str:
    """A change's status, with "?" when its pairing is uncertain (confidence under SURE)."""
    return f"{n.status}?" if n.old and n.new and n.confidence < SURE else n.status


def related_line(n: NumberChange, english: bool = False) -> str:
    """A possibly related pair: 「label  old → new  (0.48: label 0.62, context 0.48)」."""
    why = ", ".join(n.evidence)
    return (
        f"{change_label(n, english)}  {figure_text(n.old)} → {figure_text(n.new)}  "
        f"({n.confidence:.2f}: {why})"
    )


def document_is_english(doc: Document) -> bool:
    """Whether figures of this document are shown in English ("pp", not 个百分点)."""
    return is_english(doc.text[:_SAMPLE])


def figure_is_english(f: Figure, default: bool = False) -> bool:
    """The figure's label decides (基本支出 vs On-time departures); a figure whose
    label does not tell (unlabelled, or only an acronym such as GDP) goes by its own
    text ($4.2 million), then by its document (``default``)."""
    for text in (f.label, f.text):
        if _CJK.search(text):
            return False
        if _ENGLISH_WORD.search(text):
            return True
    return default


def format_value(value: float | None, unit: str) -> str:
    """A normalised value with its base unit: 51,051,500元, 94.2%, $40,900,000."""
    if value is None:
        return ""
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    sign = "-" if value < 0 else ""
    if unit in _CURRENCY_FIRST:
        return f"{sign}{unit}{text}"
    return f"{sign}{text}{unit}"


def bound_mark(f: Figure) -> str:
    """ "≥", "≤" or "≈" where the figure is bounded or approximate and its text does
    not already say so; "" otherwise."""
    mark = _BOUND.get(f.qualifier, "")
    return "" if not mark or _CARRIES_BOUND.search(f.text) else mark


def figure_text(f: Figure | None) -> str:
    """The figure as written, with its bound: "≥60%" for 超过60%, "200余名" as is,
    "-4%" for "4% below budget", "—" for no figure (an added or removed one's other
    side); a bare table cell with its table's unit (46.56万元 under 单位：万元), as
    its change is shown."""
    if f is None:
        return "—"
    # "4% below budget" is -4%: the words made it negative, the figure shows it
    sign = "-" if f.value < 0 and not f.text.lstrip("$€£").startswith(("-", "−")) else ""
    return bound_mark(f) + sign + f.text.strip() + table_unit(f)


def change_text(n: NumberChange, english: bool = False) -> ChangeText:
    """How a matched figure's change is shown; ``english`` is the document's language,
    used where the figure's label and text do not tell (see figure_is_english)."""
    fig = n.new or n.old
    if n.status == "unchanged" or n.delta is None or fig is None:
        return ChangeText()
    if fig.kind == "date":  # in the finest part that differs: +15天, +2个月
        delta = date_delta_text(n)
        return ChangeText(delta, "", "Δ" + delta if delta else "")
    rate = fig.unit in _POINTS
    if rate:
        delta = format_value(n.delta, _POINTS[fig.unit][figure_is_english(fig, english)])
    else:
        delta = _amount_delta(n.delta, fig, n.old)
    approx = "≈" if any(f is not None and f.qualifier for f in (n.old, n.new)) else ""
    delta = approx + ("+" if n.delta > 0 else "") + delta
    # across zero (18% above budget → 4% below) a relative change means nothing
    across = n.old is not None and n.new is not None and n.old.value * n.new.value < 0
    pct = approx + pct_text(n.pct) if n.pct is not None and not across else ""
    # Inline, the relative change says most about an amount; for a rate it would
    # read as the rate itself (92% → 93% is "+1个百分点", not "+1.09%").
    short = "Δ" + (delta if rate or not pct else pct)
    return ChangeText(delta, pct, short)


def _amount_delta(delta: float, fig: Figure, other: Figure | None) -> str:
    """The difference in the unit ``fig`` is written in, with as many decimals as the
    finer of the two figures: 3.65万亿元 → 3.8万亿元 is +0.15万亿元, not +0.1万亿元."""
    if not fig.value and other is not None and other.value:
        fig = other  # a zero does not tell the scale it is written in; its partner does
    scale = shown_scale(fig)
    places = max(_places(f, scale) for f in (fig, other) if f is not None)
    return show(delta, fig, places)


def _places(f: Figure, scale: float) -> int:
    """Decimals ``f`` is written to, counted in ``scale``: 3.65万亿元 has 2 in 万亿,
    36500亿元 has 4 (to 1亿), a bare 2,940.05 of a table in 万元 has 2 in 万."""
    if not WRITTEN_NUMBER.search(f.text):
        return 0  # 三万份: no decimals
    own, decimals = written_scale(f.text, f.value)
    if not f.value:  # 0.00万元: no value to tell the scale by, the text does
        own = display_scale(f.text, f.unit)[0]
    return max(0, min(MAX_SHOWN_DECIMALS, math.ceil(decimals - math.log10(own / scale) - 1e-9)))


def pct_text(pct: float) -> str:
    """A relative change as shown: "+4.11%"; from +1,000% on the multiple the new
    figure is of the old ("×18.9", "×32,488"), short enough for any column."""
    ratio = 1 + pct / 100
    if abs(pct) < _MULTIPLE_FROM:
        return f"{pct:+.2f}%"
    if ratio <= 0:  # from a negative figure to a positive one: no multiple to speak of
        return f"{pct:+.0f}%"
    if ratio < 100:
        return f"×{ratio:.1f}"
    if ratio < 1e6:
        return f"×{ratio:,.0f}"
    return f"×{ratio:.1e}"


def delta_text(n: NumberChange, english: bool = False) -> tuple[str, str]:
    """(Δ, %) of a change as change_text shows them."""
    shown = change_text(n, english)
    return shown.delta, shown.pct


def figure_value_text(f: Figure) -> str:
    """A figure's normalised value in its base unit, with its bound: 5105.15万元 →
    51,051,500元, 超过60% → ≥60%; years and dates as such (2023, 2023-09-20, 6-18)."""
    if f.kind == "year":
        return f"{f.value:.0f}"
    if f.kind == "date" and f.date is not None:
        day = f.date.as_date()
        if day is not None:
            return day.isoformat()
        return "-".join(str(p) for p in (f.date.year, f.date.month, f.date.day) if p)
    return _BOUND.get(f.qualifier, "") + format_value(f.value, "" if f.kind == "date" else f.unit)
