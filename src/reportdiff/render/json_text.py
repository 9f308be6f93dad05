"""Indented JSON text, as ``json.dumps(obj, ensure_ascii=False, indent=n)`` writes it,
in half the time.

With an indent the standard library encodes in Python through a chain of generators;
a comparison of two long reports has millions of values. This writer appends the same
pieces to one list. It knows the plain types the JSON view is made of (str, int,
float, bool, None, dict with str keys, list, tuple); anything else — a subclass, a
non-string key, NaN — hands the whole object to ``json.dumps``, so the text is always
exactly what it would write.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C encoder of ensure_ascii=False
from typing import Any

from ..collector import collector_paused


class _Unusual(Exception):
    """A value this writer leaves to json.dumps."""


def dumps(obj: Any, indent: int | None = 2) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=indent)``."""
    if indent is None:
        return json.dumps(obj, ensure_ascii=False)
    pieces: list[str] = []
    try:
        with collector_paused():  # millions of pieces, no cycles among them
            _write(obj, "", " " * indent, pieces.append)
    except (_Unusual, RecursionError):
        return json.dumps(obj, ensure_ascii=False, indent=indent)
    return "".join(pieces)


def _write(obj: Any, pad: str, step: str, out: Any) -> None:
    kind = type(obj)
    if kind is dict:
        _write_dict(obj, pad, step, out)
    elif kind is list or kind is tuple:
        _write_list(obj, pad, step, out)
    else:
        out(_scalar(obj))


def _scalar(obj: Any) -> str:
    """The text of a str, number, bool or None (most values are one)."""
    kind = type(obj)
    if kind is str:
        return encode_basestring(obj)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if kind is int:
        return int.__repr__(obj)
    if kind is float and obj == obj and obj not in (_INF, -_INF):
        return float.__repr__(obj)
    raise _Unusual


_INF = float("inf")
_NESTED = (dict, list, tuple)
# Each key as written with its colon: a view repeats a few dozen field names thousands
# of times. Bounded, for views keyed by their data.
_NAMES: dict[str, str] = {}
_MAX_NAMES = 4096


def _write_dict(obj: dict[Any, Any], pad: str, step: str, out: Any) -> None:
    if not obj:
        out("{}")
        return
    inner = pad + step
    between = ",\n" + inner
    lead = "{\n" + inner  # before the first item; ``between`` before the others
    for key, value in obj.items():
        if type(key) is not str:
            raise _Unusual
        name = _NAMES.get(key)
        if name is None:
            name = encode_basestring(key) + ": "
            if len(_NAMES) < _MAX_NAMES:
                _NAMES[key] = name
        kind = type(value)
        # the commonest values go in one piece with their key, no call further down
        if kind is str:
            out(lead + name + encode_basestring(value))
        elif kind is int:
            out(lead + name + int.__repr__(value))
        elif value is None:
            out(lead + name + "null")
        elif kind in _NESTED:
            out(lead + name)
            _write(value, inner, step, out)
        else:
            out(lead + name + _scalar(value))
        lead = between
    out("\n" + pad + "}")


def _write_list(obj: list[Any] | tuple[Any, ...], pad: str, step: str, out: Any) -> None:
    if not obj:
        out("[]")
        return
    inner = pad + step
    between = ",\n" + inner
    lead = "[\n" + inner
    for value in obj:
        if type(value) in _NESTED:
            out(lead)
            _write(value, inner, step, out)
        else:
            out(lead + _scalar(value))
        lead = between
    out("\n" + pad + "]")
