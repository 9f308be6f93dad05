"""Errors the user can act on, and the exit statuses they map to (as diff(1) does)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    SAME = 0
    DIFFERENT = 1
    TROUBLE = 2


class ReportdiffError(Exception):
    """Any problem the user can fix; the CLI prints it as one line and exits 2."""


class InputError(ReportdiffError):
    """A file that cannot be read as a report."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ArchiveError(ReportdiffError):
    """The report archive cannot do what was asked."""
