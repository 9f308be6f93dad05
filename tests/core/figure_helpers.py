"""Small helpers for the figure tests: a Document from a string, figures by label."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.figures.extract import extract_figures
from reportdiff.core.sections.segment import segment_document
from reportdiff.model import Document, Figure
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines


def doc_of(text: str, path: str = "composed.txt") -> Document:
    return Document(path=path, title="", text=text, blocks=blocks_from_lines(text))


def figures_of(text: str) -> tuple[Figure, ...]:
    doc = doc_of(text)
    return extract_figures(doc, segment_document(doc))


def read_figures(path: Path) -> tuple[Document, tuple[Figure, ...]]:
    doc = read_document(path)
    return doc, extract_figures(doc, segment_document(doc))


def by_label(figures: tuple[Figure, ...], label: str) -> list[Figure]:
    return [f for f in figures if f.label == label]


def one(figures: tuple[Figure, ...], label: str) -> Figure:
    found = by_label(figures, label)
    assert len(found) == 1, (label, [f.text for f in found])
    return found[0]


def named(f: Figure) -> str:
    """A figure's label with its role when it is not this period's value: 「邮电费 <previous>」."""
    return f.label if f.role == "current" else f"{f.label} <{f.role}>"


_DIGIT = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1..999 as Chinese writes them in running text: 十二, 一百零五, 一百九十八."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_DIGIT[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGIT[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_DIGIT[ones] if ones else "")
