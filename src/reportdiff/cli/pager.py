"""Long text on a terminal goes through a pager, as git does.

$REPORTDIFF_PAGER, else $PAGER, else `less -FRX` (quit if it fits on one screen, pass
colours, leave the text on the screen). An empty value or `cat` means no pager. Windows
has no less, so there the pager runs only when one of the variables names it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from typing import TextIO

from .console import encode_for

DEFAULT_PAGER = "less -FRX"


def pager_command(environ: Mapping[str, str] | None = None) -> str | None:
    """The shell command to page with, or None for no pager."""
    env = os.environ if environ is None else environ
    for name in ("REPORTDIFF_PAGER", "PAGER"):
        if name in env:
            command = env[name].strip()
            return None if command in ("", "cat") else command
    if os.name == "nt" or shutil.which("less") is None:
        return None
    return DEFAULT_PAGER


def should_page(stream: TextIO, disabled: bool) -> bool:
    return not disabled and stream.isatty()


def page(text: str, command: str) -> None:
    """Show ``text`` through the pager and wait for the reader to leave it."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)  # no usable pager: print, as git does
        return
    assert proc.stdin is not None
    try:
        proc.stdin.write(encode_for(sys.stdout, text))
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: not an error
    while True:
        try:
            proc.wait()
            return
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less uses it to stop a search)
