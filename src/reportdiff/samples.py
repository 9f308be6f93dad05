"""Where the bundled sample reports are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).parent / "samples"
_CHECKOUT = Path(__file__).resolve().parents[2] / "samples"


def samples_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def sample_path(name: str) -> Path:
    return samples_dir() / name
