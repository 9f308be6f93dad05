"""Turn a Document into an outline of Sections.

Three steps, each linear in the number of lines:

1. ``headings.find_candidates`` reads each line: numbering, title, and its *form*
   (a short title, a heading with its body on the same line, a short or a full sentence).
2. ``_pick_headings`` groups numbered lines into runs (same style, consecutive
   ordinals) and decides per run whether it is a list of items or a series of
   headings: a run of full sentences, or of lines that follow each other with no text
   between them, is a list.
3. ``_assign_levels`` infers levels from this document's own order, with a stack of
   open numbering sequences: a heading that continues (n+1) an open sequence — even in
   another numeral script, "7、" after "六、" — becomes that heading's sibling; a "1"
   opens a new sequence under the current heading; a repeated or skipped ordinal joins
   the nearest open sequence of its style. Word heading styles and markdown ``#`` are
   declared levels and win.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from ...model import Document, Section
from .headings import Candidate, find_candidates, read_line
from .lines import is_latin

_RECENT_RUNS = 8  # open runs per style searched when a line continues one
_MAX_RESTARTS = 2  # one numbering style open at most twice on the stack (一、 under 六、)


def segment_document(doc: Document) -> tuple[Section, ...]:
    candidates = find_candidates(doc)
    headings = _pick_headings(doc, candidates)
    headings = _join_split_titles(doc, headings)
    levels = _assign_levels(headings)
    return build_sections(doc, headings, levels)


# -- heading or list item -------------------------------------------------------------


def _pick_headings(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    numbered = [c for c in candidates if c.ordinal is not None and not c.forced]
    items = _stacked(numbered)
    closing = _closing_lines(candidates)
    for run in _runs(numbered):
        if _is_list(run) or _lone_item(doc, run, closing):
            items.update(c.block for c in run)
        else:
            items.update(c.block for c in run if c.form == "sentence")
    if candidates and candidates[0].key in ("bold", "title") and _is_first_line(doc, candidates[0]):
        items.add(candidates[0].block)  # a bold or title-case first line is the document's title
    kept = [c for c in candidates if c.block not in items]
    emphasis = _bold_among_points(kept)  # once: it places every point (n log n, not n²)
    return [c for c in kept if c.block not in emphasis]


def _bold_among_points(headings: list[Candidate]) -> set[int]:
    """A lone bold line inside the text of a numbered point, between it and the next
    point of its series ("(一) … **重点** … (二)"): emphasis in that point's text,
    where its siblings are numbered and it is not."""
    points = [h for h in headings if h.key != "bold"]
    levels = _assign_levels(points)
    order = {h.block: k for k, h in enumerate(headings)}
    items: set[int] = set()
    for (a, la), (b, lb) in itertools.pairwise(zip(points, levels, strict=True)):
        if a.ordinal is None or a.forced or b.key != a.key or la != lb:
            continue
        between = headings[order[a.block] + 1 : order[b.block]]
        if b.ordinal != a.ordinal + 1 or len(between) != 1:
            continue
        h = between[0]
        text_before = h.block > a.block + 1 or a.form == "inline"
        if h.rank is None and text_before and h.block + 1 < b.block:
            items.add(h.block)
    return items


def _is_first_line(doc: Document, c: Candidate) -> bool:
    first = next((i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"), None)
    return c.block == first


def _stacked(numbered: list[Candidate]) -> set[int]:
    """Lines of one style stacked three or more in a row with no text between them,
    whatever their ordinals: table cells, a list of names, an index — not headings."""
    items: set[int] = set()
    stretch: list[Candidate] = []
    for c in numbered:
        last = stretch[-1] if stretch else None
        if last and c.key == last.key and c.block == last.block + 1 and c.form != "inline":
            stretch.append(c)
            continue
        if len(stretch) >= 3:
            items.update(x.block for x in stretch)
        stretch = [c] if c.form != "inline" else []
    if len(stretch) >= 3:
        items.update(x.block for x in stretch)
    return items


def _runs(numbered: list[Candidate]) -> list[list[Candidate]]:
    """Group lines of one numbering style whose ordinals follow each other (1, 2, 3 …)."""
    runs: list[list[Candidate]] = []
    open_runs: dict[str, list[list[Candidate]]] = {}
    for c in numbered:
        recent = open_runs.setdefault(c.key, [])
        run = next((r for r in reversed(recent) if r[-1].ordinal == (c.ordinal or 0) - 1), None)
        if run is None:
            run = []
            runs.append(run)
            recent.append(run)
            del recent[:-_RECENT_RUNS]
        run.append(c)
    return runs


def _lone_item(doc: Document, run: list[Candidate], closing: set[int]) -> bool:
    """A list of one: "具体包括：" then "1.财政局本部", and then straight away a heading
    that closes it (one set as a heading, or the next of an outer sequence) — an item
    introduced as such, heading nothing."""
    (c,) = run if len(run) == 1 else (None,)
    if c is None or c.block == 0 or c.form == "inline":
        return False
    before = doc.blocks[c.block - 1]
    intro = doc.text[before.start : before.end].rstrip().endswith(("：", ":"))
    nxt = c.block + 1
    return intro and (nxt >= len(doc.blocks) or nxt in closing)


def _closing_lines(candidates: list[Candidate]) -> set[int]:
    """Lines that close what stands before them: declared headings, and numbered lines
    that continue a sequence opened earlier ("二、" after "一、")."""
    seen: set[tuple[str, int | None]] = set()
    out: set[int] = set()
    for c in candidates:
        if c.forced or (c.ordinal and (c.key, c.ordinal - 1) in seen):
            out.add(c.block)
        seen.add((c.key, c.ordinal))
    return out


def _is_list(run: list[Candidate]) -> bool:
    """A run of full sentences is a list; so is a run whose lines follow each other
    directly (a heading has a body), unless they carry their body on the same line."""
    wrapped = sum(c.form == "wrapped" for c in run) if len(run) >= 3 else 0
    sentences = sum(c.form == "sentence" for c in run)
    if (sentences + wrapped) * 2 >= len(run):
        return True
    if sentences and all(c.form in ("sentence", "inline", "short") for c in run):
        return True  # siblings alike: beside numbered sentences, "（一）…。…" opens an item too
    if len(run) < 2:
        return False
    bare = sum(
        c.form != "inline" and nxt.block == c.block + 1 for c, nxt in itertools.pairwise(run)
    )
    if bare == len(run) - 1 and all(c.form in ("short", "sentence", "wrapped") for c in run):
        return True  # consecutive numbered sentences: "1、…。" "2、…。"
    return len(run) >= 3 and bare * 4 >= (len(run) - 1) * 3


def _join_split_titles(doc: Document, headings: list[Candidate]) -> list[Candidate]:
    """ "第一部分" or "Item 1A." alone on a line with its title on the next
    ("上海市 XX 局概况", "Risk Factors"): one heading spanning both lines."""
    out: list[Candidate] = []
    skip = -1
    for k, h in enumerate(headings):
        if h.block == skip:
            continue
        nxt = headings[k + 1] if k + 1 < len(headings) else None
        title = _next_line_title(doc, h, nxt)
        if title is None:
            out.append(h)
            continue
        end = doc.blocks[h.block + 1].end
        out.append(h._replace(title=title, head_end=end))
        skip = h.block + 1
    return out


def _next_line_title(doc: Document, h: Candidate, nxt: Candidate | None) -> str | None:
    if h.title or h.ordinal is None or h.block + 1 >= len(doc.blocks):
        return None
    block = doc.blocks[h.block + 1]
    text = doc.text[block.start : block.end].strip()
    if block.kind != "paragraph" or not text or len(text) > 40 or text[-1] in "。；;，,.":
        return None
    if nxt is not None and nxt.block == h.block + 1:
        return nxt.title if nxt.ordinal is None and nxt.rank is None else None
    return text if read_line(doc, h.block + 1) is None else None


# -- levels ---------------------------------------------------------------------------


def _assign_levels(headings: list[Candidate]) -> list[int]:
    """Levels from a stack of open headings: ``stack[d]`` is the open heading at depth d."""
    stack: list[Candidate] = []
    last_level: dict[str, int] = {}
    levels = []
    for h in headings:
        depth = _place(stack, h, last_level)
        del stack[depth:]
        stack.append(h)
        last_level[h.key] = depth + 1
        levels.append(depth + 1)
    return levels


def _place(stack: list[Candidate], h: Candidate, last_level: dict[str, int]) -> int:
    """How many open headings stay above ``h`` (its depth, 0 for the top level)."""
    if h.rank is not None:
        depth = len(stack)
        while depth and ((above := stack[depth - 1].rank) is None or above >= h.rank):
            depth -= 1
        return depth
    if h.ordinal is None:
        return _place_unnumbered(stack, h)
    return _place_numbered(stack, h, last_level)


def _place_unnumbered(stack: list[Candidate], h: Candidate) -> int:
    """Bold, ALL CAPS and title lines: siblings of their own kind, or of headings that
    look like them; a bold line after a numbered series closes the series."""
    same = _deepest(stack, lambda e: e.key == h.key)
    if same is None and h.key == "caps":
        same = _deepest(stack, lambda e: _caps(e.title))  # "6. OUTLOOK" then "INDICATORS"
    if same is not None:
        return same
    top = stack[-1] if stack else None
    after_series = top is not None and top.rank is None and (top.ordinal or 0) >= 2
    if h.key == "bold" and top is not None and after_series and h.block > top.block + 1:
        return len(stack) - 1  # the last point had its own text: not its sub-point
    return len(stack)


def _place_numbered(stack: list[Candidate], h: Candidate, last_level: dict[str, int]) -> int:
    n = h.ordinal or 0
    found = _continued(stack, h, lambda e: e.key == h.key and e.ordinal == n - 1)
    if found is None and n > 1:  # "7、" continuing "六、"
        found = _continued(stack, h, lambda e: e.frame == h.frame and e.ordinal == n - 1)
    if found is not None:
        return found
    if n == 1:
        return _place_restart(stack, h)
    for test in (
        lambda e: e.frame == h.frame and e.ordinal == n,  # a repeated ordinal ("8、" after "八、")
        lambda e: e.key == h.key and (e.ordinal or 0) < n,  # a skipped one
        lambda e: e.key == h.key,
    ):
        found = _deepest(stack, test)
        if found is not None:
            return found
    known = last_level.get(h.key)
    if known is not None and known <= len(stack) + 1:
        return known - 1
    return len(stack)


def _continued(
    stack: list[Candidate], h: Candidate, test: Callable[[Candidate], bool]
) -> int | None:
    """The open heading ``h`` continues; when an inner and an outer sequence both
    could be continued, the one whose titles are shaped like ``h``'s (clauses or not)."""
    found = [d for d, e in enumerate(stack) if test(e)]
    alike = [d for d in found if _clausal(stack[d].title) == _clausal(h.title)]
    return (alike or found)[-1] if found else None


def _place_restart(stack: list[Candidate], h: Candidate) -> int:
    sibling = _deepest(stack, lambda e: e.key == h.key)
    if h.fixed and sibling is not None:
        return sibling  # "第一部分" is never inside another 第…部分
    if stack and stack[-1].key == h.key and stack[-1].ordinal == 1:
        return len(stack) - 1  # "1" twice in a row: a repeat, not a child
    if sum(e.key == h.key for e in stack) >= _MAX_RESTARTS and sibling is not None:
        return sibling  # bounded nesting, whatever the input
    return len(stack)  # a new sequence under the current heading


def _caps(title: str) -> bool:
    return title.isupper() and is_latin(title)


def _clausal(title: str) -> bool:
    return "，" in title or ", " in title


def _deepest(stack: list[Candidate], test) -> int | None:  # type: ignore[no-untyped-def]
    """Index of the deepest open heading that passes ``test`` (its depth), or None."""
    for depth in range(len(stack) - 1, -1, -1):
        if test(stack[depth]):
            return depth
    return None


# -- sections -------------------------------------------------------------------------


def build_sections(
    doc: Document, headings: list[Candidate], levels: list[int]
) -> tuple[Section, ...]:
    """Sections with offsets, dotted ids ("1", "1.2") and paths, from headings with levels.

    Levels must start at 1 and never step down by more than one (the stack guarantees it).
    """
    text = doc.text
    first = headings[0].start if headings else len(text)
    out = [Section("0", "", "", doc.title, 0, (), 0, first, 0, first)]
    ends = _ends(headings, levels, len(text))
    counters: list[int] = []
    open_ids: list[str] = []  # id per level
    paths: list[tuple[str, ...]] = [()]  # path per level, () above the top
    for k, (h, level) in enumerate(zip(headings, levels, strict=True)):
        del counters[level:], open_ids[level - 1 :], paths[level:]
        counters.extend([0] * (level - len(counters)))
        counters[level - 1] += 1
        sid = ".".join(map(str, counters))
        path = (*paths[level - 1], h.title)
        out.append(
            Section(
                id=sid,
                heading=text[h.start : h.head_end],
                number=h.number,
                title=h.title,
                level=level,
                path=path,
                start=h.start,
                end=ends[k],
                body_start=h.head_end,
                body_end=headings[k + 1].start if k + 1 < len(headings) else len(text),
                parent=open_ids[-1] if open_ids else None,
            )
        )
        open_ids.append(sid)
        paths.append(path)
    return tuple(out)


def _ends(headings: list[Candidate], levels: list[int], length: int) -> list[int]:
    """A section ends where the next section at its level or above begins."""
    ends = [length] * len(headings)
    open_idx: list[int] = []
    for k, level in enumerate(levels):
        while open_idx and levels[open_idx[-1]] >= level:
            ends[open_idx.pop()] = headings[k].start
        open_idx.append(k)
    return ends
