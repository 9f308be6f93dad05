"""The geometry a PDF page is read into: characters, ruled lines, pages and table grids,
in points, top-down (y grows down the page)."""

from __future__ import annotations

from dataclasses import dataclass

TOUCH = 2.0  # points: rules closer than this meet


@dataclass(frozen=True, slots=True)
class Char:
    """One character as drawn: its box in points, top-down (y grows down the page)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool = False
    generated: bool = False  # a space the PDF library inferred from a gap

    @property
    def mid_y(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin drawn line (or a rectangle's edge), top-down coordinates."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.y1 - self.y0


@dataclass(frozen=True)
class Page:
    index: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rules: tuple[Rule, ...] = ()
    unmapped: int = 0  # characters without a Unicode value


@dataclass
class Grid:
    """A table: its ruled lines, and the box they span."""

    rules: list[Rule]
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0

    def holds(self, c: Char) -> bool:
        return self.x0 <= c.mid_x <= self.x1 and self.y0 <= c.mid_y <= self.y1
