"""A self-contained side-by-side HTML report of a Comparison, fit to send by mail.

One file: inline CSS, no script, no font or image fetched from anywhere (a Content
Security Policy forbids it), every piece of document text escaped. Sections open as
<details>, changed ones expanded; edits, moved passages, changed figures and
boilerplate flags are marked in place, so the report reads without reportdiff.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import TYPE_CHECKING

from ..model import Comparison, NumberChange, Section, SectionPair, Side
from ..wording import counted, pair_words
from .figure_display import (
    change_label,
    change_text,
    document_is_english,
    figure_text,
    related_line,
    status_text,
)
from .text import section_label

if TYPE_CHECKING:
    from ..review_carry import ReviewEntry

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_CSS = """
:root{--del:#ffd7d5;--ins:#ccffd8;--move:#d6e8ff;--flag:#fff3b0;--fig:#f3d9ff;--line:#d0d7de}
*{box-sizing:border-box}
body{font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"WenQuanYi Micro Hei",system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:1rem 2rem;
color:#1f2328}
h1{font-size:1.3rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem}
.summary span,.badge{border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;
font-size:.85rem;white-space:nowrap}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);
padding:.15rem .5rem;text-align:left;vertical-align:top}
.outline td.mark{width:1.5rem;text-align:center;font-weight:bold}
.s-added .mark{color:#1a7f37}.s-removed .mark{color:#cf222e}.s-changed .mark{color:#9a6700}
.s-unchanged td{color:#656d76}
details.pair{border:1px solid var(--line);border-radius:6px;margin:.6rem 0}
details.pair>summary{cursor:pointer;padding:.4rem .7rem;background:#f6f8fa;font-weight:600}
.sbs{display:grid;grid-template-columns:1fr 1fr}
.pane{padding:.5rem .8rem;white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}
.pane+.pane{border-left:1px solid var(--line)}
.pane .side{display:block;font-size:.75rem;color:#656d76;white-space:normal}
.empty{color:#8c959f;font-style:italic}
del{background:var(--del);text-decoration:line-through #cf222e}
ins{background:var(--ins);text-decoration:none}
.move{background:var(--move);outline:1px dashed #0969da}
.flag{background-image:linear-gradient(transparent 60%,var(--flag) 60%)}
.fig{background:var(--fig);border-radius:2px}
.legend span{margin-right:1rem}.note{color:#9a6700}
.review{margin:.3rem .7rem;padding:.2rem .5rem;border-left:4px solid #1a7f37;background:#f0fff4;
white-space:pre-wrap}.review.changed{border-color:#bf8700;background:#fff8c5}
@media print{details.pair{break-inside:avoid}details.pair:not([open])>:not(summary){display:none}}
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    cls: str
    title: str = ""


def render_html(c: Comparison, reviews: Sequence[ReviewEntry] = ()) -> str:
    """The report; ``reviews`` (marks and notes) are shown next to their sections."""
    title = f"reportdiff: {c.old.path} → {c.new.path}"
    body = [
        f"<h1>{escape(title)}</h1>",
        _summary(c),
        _legend(),
        _outline(c, reviews),
        _reviews(c, reviews),
        _pairs(c, reviews),
        _figures(c),
        _checks(c),
        _flags(c),
        _notes(c),
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{_language(c)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="reportdiff">\n<title>{escape(title)}</title>\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )


def _language(c: Comparison) -> str:
    """The report's language, for screen readers and fonts: the newer document's."""
    return "en" if document_is_english(c.new) else "zh-CN"


def _summary(c: Comparison) -> str:
    if c.identical:
        return '<p class="summary"><span>The two documents are identical.</span></p>'
    s = c.summary()
    items = [
        f"{counted(s.sections_changed, 'section')} changed",
        f"{s.sections_added} added",
        f"{s.sections_removed} removed",
        f"{s.sections_moved} moved",
        f"{counted(s.numbers_changed, 'figure')} changed",
        f"{s.numbers_added} added",
        f"{s.numbers_removed} removed",
        counted(s.checks, "check"),
        counted(s.boilerplate_flags, "boilerplate flag"),
    ]
    return '<p class="summary">' + "".join(f"<span>{escape(i)}</span>" for i in items) + "</p>"


def _legend() -> str:
    return (
        '<p class="legend"><span><del>deleted</del></span><span><ins>inserted</ins></span>'
        '<span class="move">moved</span><span class="fig">changed figure</span>'
        '<span class="flag">boilerplate</span></p>'
    )


def _status_words(p: SectionPair) -> list[str]:
    words = pair_words(p)
    if p.status == "changed":
        words.append(f"{p.similarity:.0%} similar")
    return words


def _outline(c: Comparison, reviews: Sequence[ReviewEntry] = ()) -> str:
    marks = {"unchanged": "=", "changed": "~", "added": "+", "removed": "−"}
    reviewed = {e.pair: e for e in reviews if e.pair is not None}
    rows = []
    for row in c.outline_rows():
        i, p = row.pair, c.pairs[row.pair]
        old, new = c.section("old", p.old), c.section("new", p.new)
        mark = "↕" if p.moved and p.status == "unchanged" else marks[p.status]
        indent = f' style="padding-left:{max(0, row.depth - 1) * 1.2:.1f}em"'
        entry = reviewed.get(i)
        review = escape(entry.status) if entry else ""
        rows.append(
            f'<tr class="s-{p.status}"><td class="mark">{mark}</td>'
            f'<td{indent}><a href="#pair-{i}">{escape(section_label(old))}</a></td>'
            f'<td{indent}><a href="#pair-{i}">{escape(section_label(new))}</a></td>'
            f"<td>{escape(', '.join(_status_words(p)))}</td>"
            + (f"<td>{review}</td>" if reviews else "")
            + "</tr>"
        )
    review_head = "<th>review</th>" if reviews else ""
    return (
        '<h2>Outline</h2>\n<table class="outline"><thead><tr><th></th><th>old</th>'
        f"<th>new</th><th>status</th>{review_head}</tr></thead><tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


def _review_note(entry: ReviewEntry) -> str:
    """A mark and its note, as shown inside its section."""
    cls = "review changed" if entry.changed else "review"
    mark = "✓ " if entry.reviewed else "✎ "
    note = f": {escape(entry.note)}" if entry.note else ""
    return f'<p class="{cls}">{mark}{escape(entry.status)}{note}</p>'


def _reviews(c: Comparison, reviews: Sequence[ReviewEntry]) -> str:
    """The review at a glance: progress and every mark, linked to its section."""
    if not reviews:
        return ""
    done = sum(e.reviewed and e.pair is not None for e in reviews)
    changed = sum(e.changed for e in reviews)
    head = f"{done} of {counted(len(c.pairs), 'section pair')} reviewed"
    head += f", {changed} changed since reviewed" if changed else ""
    items = []
    for e in reviews:
        where = escape(e.heading or e.key)
        link = f'<a href="#pair-{e.pair}">{where}</a>' if e.pair is not None else where
        note = f": {escape(e.note)}" if e.note else ""
        items.append(f"<li>{link} — {escape(e.status)}{note}</li>")
    return f"<h2>Review</h2>\n<p>{escape(head)}</p>\n<ul>{''.join(items)}</ul>"


def _pairs(c: Comparison, reviews: Sequence[ReviewEntry] = ()) -> str:
    marks = {"old": _marks(c, "old"), "new": _marks(c, "new")}
    out = ["<h2>Sections side by side</h2>"]
    for i, p in ((r.pair, c.pairs[r.pair]) for r in c.outline_rows()):
        old, new = c.section("old", p.old), c.section("new", p.new)
        heading = f"{section_label(old) or '—'}  →  {section_label(new) or '—'}"
        badges = "".join(f' <span class="badge">{escape(w)}</span>' for w in _status_words(p))
        note = f'<p class="note">note: {escape(p.note)}</p>' if p.note else ""
        note += "".join(_review_note(e) for e in reviews if e.pair == i)
        is_open = " open" if p.status != "unchanged" or p.moved else ""
        out.append(
            f'<details class="pair s-{p.status}" id="pair-{i}"{is_open}>'
            f'<summary>{escape(heading)}{badges}</summary>{note}<div class="sbs">'
            + _pane(c, "old", old, marks["old"])
            + _pane(c, "new", new, marks["new"])
            + "</div></details>"
        )
    return "\n".join(out)


def _pane(c: Comparison, side: Side, section: Section | None, marks: list[_Mark]) -> str:
    label = f'<span class="side">{side}</span>'
    if section is None:
        return f'<div class="pane {side}">{label}<span class="empty">(none)</span></div>'
    text = (c.old if side == "old" else c.new).text
    start, end = section.start, section.body_end
    return f'<div class="pane {side}">{label}{_marked(text, start, end, marks)}</div>'


def _marks(c: Comparison, side: Side) -> list[_Mark]:
    """Every highlighted range of one side: edits, moves, changed figures, flags."""
    marks: list[_Mark] = []
    for p in c.pairs:
        whole = {"old": "removed", "new": "added"}[side]
        if p.status == whole:
            s = c.section(side, p.old if side == "old" else p.new)
            if s is not None:
                marks.append(_Mark(s.start, s.body_end, "del" if side == "old" else "ins"))
            continue
        marks.extend(_edit_marks(c, p, side))
    english = document_is_english(c.new)
    for n in c.numbers:
        fig = n.old if side == "old" else n.new
        if fig is not None and n.status != "unchanged":
            marks.append(_Mark(fig.start, fig.end, "fig", _figure_title(n, english)))
    for f in c.boilerplate:
        if f.doc == side:
            marks.append(_Mark(f.start, f.end, "flag", f"{f.kind}: {f.detail}"))
    return sorted(marks, key=lambda m: (m.start, m.end))


def _figure_title(n: NumberChange, english: bool) -> str:
    """ "基本支出: 3862.47万元 → 4015.20万元 (+152.73万元, +3.95%)" for a hover."""
    shown = change_text(n, english)
    change = ", ".join(x for x in (shown.delta, shown.pct) if x)
    title = f"{n.label or 'figure'}: {figure_text(n.old)} → {figure_text(n.new)}"
    return f"{title} ({change})" if change else title


def _edit_marks(c: Comparison, p: SectionPair, side: Side) -> list[_Mark]:
    marks = []
    for e in p.edits:
        start, end = (e.old_start, e.old_end) if side == "old" else (e.new_start, e.new_end)
        if start is None or end is None or start == end:
            continue
        if e.op == "move":
            other = c.section("new" if side == "old" else "old", e.other_section)
            where = "moved to" if e.move_role == "source" else "moved from"
            marks.append(_Mark(start, end, "move", f"{where} {section_label(other)}"))
        else:
            marks.append(_Mark(start, end, "del" if side == "old" else "ins"))
    return marks


def _marked(text: str, start: int, end: int, marks: list[_Mark]) -> str:
    """Escape text[start:end], wrapping each stretch in the marks that cover it.

    Marks may overlap (a flag across an edit), so the range is cut at every mark
    boundary and each piece gets one element carrying all its classes: no nesting.
    """
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(start, min(end, x)) for m in inside for x in (m.start, m.end))}
    )
    out = []
    for a, b in pairwise(cuts):
        piece = escape(text[a:b])
        cover = [m for m in inside if m.start <= a and m.end >= b]
        if not cover:
            out.append(piece)
            continue
        classes = sorted({m.cls for m in cover})
        tag = "del" if "del" in classes else "ins" if "ins" in classes else "span"
        titles = "; ".join(dict.fromkeys(m.title for m in cover if m.title))
        attr = f' title="{escape(titles)}"' if titles else ""
        out.append(f'<{tag} class="{" ".join(classes)}"{attr}>{piece}</{tag}>')
    return "".join(out)


def _figures(c: Comparison) -> str:
    if not c.numbers:
        return ""
    english = document_is_english(c.new)
    rows = []
    for n in c.numbers:
        shown = change_text(n, english)
        cells = [
            change_label(n, english),
            figure_text(n.old),
            figure_text(n.new),
            shown.delta,
            shown.pct,
            status_text(n),
        ]
        uncertain = status_text(n).endswith("?")
        attr = f' class="uncertain" title="{escape(_why(n))}"' if uncertain else ""
        rows.append(f"<tr{attr}>" + "".join(f"<td>{escape(x)}</td>" for x in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("label", "old", "new", "Δ", "%", "status"))
    related = "".join(f"<li>{escape(related_line(n, english))}</li>" for n in c.related)
    return (
        f'<h2>Figures</h2>\n<table class="figures"><thead><tr>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>"
        + (
            "\n<p>? paired with low confidence: check the two figures are one.</p>"
            if any(status_text(n).endswith("?") for n in c.numbers)
            else ""
        )
        + (
            f"\n<h3>Possibly related (listed as removed and added)</h3>\n<ul>{related}</ul>"
            if related
            else ""
        )
    )


def _section_link(c: Comparison, side: Side, section_id: str | None) -> str:
    """ "in <a href=#pair-N>§label</a>: " for the pair holding that section, or ""."""
    if section_id is None:
        return ""
    for i, p in enumerate(c.pairs):
        if (p.old if side == "old" else p.new) == section_id and not p.secondary:
            label = section_label(c.section(side, section_id)) or section_id
            return f'in <a href="#pair-{i}">{escape(label)}</a>: '
    return ""


def _why(n: NumberChange) -> str:
    return f"confidence {n.confidence:.2f}: " + ", ".join(n.evidence)


def _checks(c: Comparison) -> str:
    return _listed(
        "Checks (the report's own arithmetic)",
        [
            f"<li><b>[{escape(k.doc)}] {escape(k.kind)}</b> "
            f"{_section_link(c, k.doc, next((f.section for f in k.figures if f.section), None))}"
            f"{escape(k.message)}</li>"
            for k in c.checks
        ],
    )


def _flags(c: Comparison) -> str:
    return _listed(
        "Boilerplate",
        [
            f'<li><span class="flag"><b>{escape(f.kind)}</b> [{escape(f.doc)}]</span> '
            f"{_section_link(c, f.doc, f.section)}"
            f"{escape(f.text)}<br><small>{escape(f.detail)}</small></li>"
            for f in c.boilerplate
        ],
    )


def _listed(heading: str, items: Iterable[str]) -> str:
    """A section of list items under its heading; nothing when there are none."""
    joined = "".join(items)
    return f"<h2>{heading}</h2>\n<ul>{joined}</ul>" if joined else ""


def _notes(c: Comparison) -> str:
    if not c.notes:
        return ""
    items = "".join(f"<li>{escape(n)}</li>" for n in c.notes)
    return f'<h2>Notes</h2>\n<ul class="note">{items}</ul>'
