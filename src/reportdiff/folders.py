"""Where the program keeps its own files: review marks (the state folder) and compiled
patterns (the cache folder). Light on purpose: every run asks where they are, and most
runs need nothing kept there."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$REPORTDIFF_STATE_DIR, else $XDG_STATE_HOME/reportdiff, else the platform's
    user state folder (~/.local/state/reportdiff on Linux, %LOCALAPPDATA% on Windows)."""
    env = os.environ if environ is None else environ
    if env.get("REPORTDIFF_STATE_DIR"):
        return Path(env["REPORTDIFF_STATE_DIR"])
    if env.get("XDG_STATE_HOME"):
        return Path(env["XDG_STATE_HOME"]) / "reportdiff"
    import platformdirs

    return platformdirs.user_state_path("reportdiff", appauthor=False)


def reviews_dir(root: Path | None = None) -> Path:
    """The folder of saved reviews, one JSON file per comparison."""
    return (root if root is not None else state_dir()) / "reviews"


def any_saved_review(root: Path | None = None) -> bool:
    """Whether any review is saved under the state folder ``root`` (default: the user's)."""
    try:
        with os.scandir(reviews_dir(root)) as entries:
            return any(e.name.endswith(".json") for e in entries)
    except OSError:  # no folder (nothing reviewed yet), or one we cannot read
        return False


def cache_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """$REPORTDIFF_CACHE_DIR (set empty: keep no cache), else $XDG_CACHE_HOME/reportdiff,
    else the platform's user cache folder (~/.cache/reportdiff on Linux,
    %LOCALAPPDATA%\\reportdiff\\Cache on Windows)."""
    env = os.environ if environ is None else environ
    if "REPORTDIFF_CACHE_DIR" in env:
        return Path(env["REPORTDIFF_CACHE_DIR"]) if env["REPORTDIFF_CACHE_DIR"] else None
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "reportdiff"
    import platformdirs

    return platformdirs.user_cache_path("reportdiff", appauthor=False)
