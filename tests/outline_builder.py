"""Build a Document and its Sections from an outline, independent of the segmenter."""

from __future__ import annotations

from reportdiff.model import Block, Document, Section


def build(
    outline: list[tuple[int, str, str]], title: str = "报告"
) -> tuple[Document, tuple[Section, ...]]:
    """outline: (level, heading, body) in order; level 1 is top. Ids are dotted positions."""
    text = title + "\n"
    placed = []
    for level, heading, body in outline:
        start = len(text)
        text += heading + "\n"
        body_start = len(text)
        text += body + ("\n" if body else "")
        placed.append((level, heading, start, body_start, len(text)))
    blocks = tuple(Block(0, len(title)) for _ in [0])
    doc = Document(path="doc.txt", title=title, text=text, blocks=blocks)
    first = placed[0][2] if placed else len(text)
    sections = [Section("0", "", "", title, 0, (), 0, len(text), 0, first)]
    counters: list[int] = []
    stack: list[tuple[int, str, str]] = []
    for n, (level, heading, start, body_start, body_end) in enumerate(placed):
        while stack and stack[-1][0] >= level:
            stack.pop()
        depth = len(stack)
        del counters[depth + 1 :]
        if len(counters) <= depth:
            counters.append(0)
        counters[depth] += 1
        sid = ".".join(map(str, counters[: depth + 1]))
        end = len(text)
        for later in placed[n + 1 :]:
            if later[0] <= level:
                end = later[2]
                break
        number, _, rest = heading.partition("、")
        number, title_text = (number + "、", rest) if rest else ("", heading)
        path = (*(t for _, _, t in stack), title_text)
        sections.append(
            Section(
                sid,
                heading,
                number,
                title_text,
                depth + 1,
                path,
                start,
                end,
                body_start,
                body_end,
                stack[-1][1] if stack else None,
            )
        )
        stack.append((level, sid, title_text))
    return doc, tuple(sections)
