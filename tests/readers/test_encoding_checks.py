"""The reader's judgements of a decoding — binary soup or text, common hanzi or not —
as they are defined character by character, over many generated texts."""

from __future__ import annotations

import random

import pytest

from reportdiff.readers.encoding import _SAMPLE_CHARS, NotText, _gb18030, _plausible, decode


def _odd(c: str) -> bool:
    o = ord(c)
    if o < 0x20:
        return c not in "\t\n\r\f\v"
    return 0x7F <= o < 0xA0 or 0xD800 <= o < 0xF900 or o == 0xFFFD


def _in_gb2312(c: str) -> bool:
    try:
        c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


# Boundaries of every range the checks draw, and characters around them.
_EDGES = [0x00, 0x08, 0x09, 0x0D, 0x0E, 0x1F, 0x20, 0x7E, 0x7F, 0x9F, 0xA0, 0xD7FF, 0xD800]
_EDGES += [0xDFFF, 0xE000, 0xF8FF, 0xF900, 0xFFFC, 0xFFFD, 0xFFFE, 0x4E00, 0x9FA5, 0x3000]
_EDGES += [0x20000, 0x9FFF, 0xE4C6]


def _common_hanzi(rng: random.Random) -> str:
    """A character of GB2312's level-1 hanzi (rows 0xB0-0xD7)."""
    return bytes([rng.randint(0xB0, 0xD6), rng.randint(0xA1, 0xFE)]).decode("gb2312")


def _text(rng: random.Random, odd_share: float, size: int, common: float = 0.5) -> str:
    chars = []
    for _ in range(size):
        r = rng.random()
        if r < odd_share:
            chars.append(chr(rng.choice(_EDGES)))
        elif r < 0.6:  # hanzi: from GB2312, or anywhere in the block (mostly outside it)
            common_one = rng.random() < common
            chars.append(_common_hanzi(rng) if common_one else chr(rng.randint(0x4E00, 0x9FFF)))
        else:
            chars.append(chr(rng.randint(0x20, 0x7E)))
    return "".join(chars)


@pytest.mark.parametrize("seed", range(40))
def test_plausible_counts_odd_characters_as_defined(seed: int) -> None:
    rng = random.Random(seed)
    text = _text(rng, rng.choice((0.0, 0.01, 0.02, 0.03, 0.2)), rng.randint(1, 30_000))
    sample = text[:_SAMPLE_CHARS]
    assert _plausible(text) == (sum(map(_odd, sample)) <= len(sample) // 50)


def _gb18030_case(seed: int) -> bool:
    """Check one generated text; whether it was to be accepted."""
    rng = random.Random(seed)
    text = _text(rng, 0.0, rng.randint(1, 50_000), rng.choice((0.0, 0.5, 0.7, 0.75, 0.9, 1.0)))
    wide = [c for c in text[: 2 * _SAMPLE_CHARS] if ord(c) > 0x7F][:_SAMPLE_CHARS]
    raw = text.encode("gb18030")
    expected = bool(wide) and sum(map(_in_gb2312, wide)) >= 0.8 * len(wide)
    assert (_gb18030(raw) == text) == expected
    return expected


@pytest.mark.parametrize("seed", range(40))
def test_gb18030_accepts_mostly_gb2312_text_as_defined(seed: int) -> None:
    _gb18030_case(seed)


def test_gb18030_cases_include_both_judgements() -> None:
    assert {_gb18030_case(seed) for seed in range(40)} == {True, False}


def test_real_encodings_still_read(seeds_dir) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert decode(text.encode("gb18030")) == (text, "gb18030")
        assert decode(text.encode("utf-8")) == (text, "utf-8")
    with pytest.raises(NotText):
        decode(bytes(range(1, 9)) * 1000)
