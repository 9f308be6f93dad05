"""shingle_set's fast paths (text without Latin words; the characters between words
read in C) give the sets the plain definition gives: units (a Latin word, or one other
letter) paired and hashed."""

import itertools
import re
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.reuse.shingles import key_weight
from reportdiff.core.text import similarity
from reportdiff.core.text.nfkc import nfkc
from reportdiff.core.text.similarity import mask_figures, shingle_set

UNIT = re.compile(r"[a-z]+|[^\W\d_a-z]")  # a Latin word, or one other letter


def reference(text: str) -> frozenset[int]:
    t = mask_figures(nfkc(text)).lower()
    units = UNIT.findall(t)
    codes = [ord(u) if len(u) == 1 else zlib.crc32(u.encode()) for u in units]
    mix, mask = similarity._MIX, similarity._MASK
    return frozenset(((x * 0x100000001B3) ^ y) * mix & mask for x, y in itertools.pairwise(codes))


PIECES = [
    *"本年度支出预算，。_ 1２３αβЖ\u3000\n\ta",
    *("5105.15万元", "KELVIN", "Ｋ", "ab", "增长3.2%", "x1", "㍱", "½"),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=30))
def test_shingles_are_the_paired_units(text):
    assert shingle_set(text) == reference(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 _,。中文ＡＢ\x00\x7f\x80\ud800é𠀀"))))
def test_a_key_weighs_one_per_wide_character_and_a_quarter_per_ascii_one(key):
    ascii_chars = sum(ch <= "\x7f" for ch in key)
    assert key_weight(key) == (len(key) - ascii_chars) + ascii_chars / 4
