"""The terminal review UI. The only package that imports textual; the CLI imports it
only when it opens the UI."""

from __future__ import annotations

from ..model import Comparison
from ..review import ReviewStore
from .app import ReviewApp, build_app

__all__ = ["ReviewApp", "build_app", "run_review"]


def run_review(comparison: Comparison, store: ReviewStore | None = None) -> None:
    """Open the review UI on the terminal and return when the reviewer quits."""
    build_app(comparison, store).run()
