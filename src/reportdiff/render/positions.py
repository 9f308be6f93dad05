"""Offsets told as line:column of the file read (the core's ``Positions``, which flags
also use to cite the places they point to)."""

from ..core.text import Positions

__all__ = ["Positions"]
