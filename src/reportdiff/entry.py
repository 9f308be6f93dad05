"""The process's entry: the `reportdiff` command and `python -m reportdiff`.

Starting up makes a few hundred thousand objects that live as long as the process —
modules, functions, compiled patterns, the parser — and no garbage cycles, yet the
cyclic collector would walk them again and again while they are made (some 5 ms of a
short run). It is held off until the command starts; what start-up made is then frozen
out of its later passes (``gc.freeze``) and the command runs with it as usual.
``cli.main`` called as a library function leaves the collector alone.
"""

from __future__ import annotations

import gc


def run() -> int:
    gc.disable()  # before the command line's modules load
    from .cli import main

    return main(started=_collect_from_here)


def _collect_from_here() -> None:
    gc.freeze()
    gc.enable()
