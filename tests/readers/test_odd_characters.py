"""The characters that make a decoding implausible, counted by one pattern: the same
set as the plain rule, over every code point."""

import sys

from reportdiff.readers.encoding import _ODD_RE as _ODD
from reportdiff.readers.encoding import _plausible


def odd_by_rule(c: str) -> bool:
    o = ord(c)
    if o < 0x20:
        return c not in "\t\n\r\f\v"
    return 0x7F <= o < 0xA0 or 0xD800 <= o < 0xF900 or o == 0xFFFD


def test_the_pattern_holds_exactly_the_odd_characters():
    mismatched = [
        c for c in range(sys.maxunicode + 1) if odd_by_rule(chr(c)) != bool(_ODD.match(chr(c)))
    ]
    assert mismatched == []


def test_text_with_more_than_one_odd_character_in_fifty_is_implausible():
    assert _plausible("本年度支出\t\n" * 10 + "\x01")
    assert not _plausible("本年度\x01" * 10)
    assert not _plausible("\ue000\ue001" + "ab" * 20)
