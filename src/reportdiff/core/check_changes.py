"""Stated changes (相比2022年…减少761.01万元，减少10.93%) recomputed from their figures."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Check, Figure, Side


def check_changes(text: str, figures: Sequence[Figure], side: Side) -> list[Check]:
    return []
