"""shingle_set's fast path for text without Latin words gives the sets the plain
definition gives: units (a Latin word, or one other letter) paired and hashed."""

import itertools
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.text import similarity
from reportdiff.core.text.nfkc import nfkc
from reportdiff.core.text.similarity import mask_figures, shingle_set


def reference(text: str) -> frozenset[int]:
    t = mask_figures(nfkc(text)).lower()
    units = similarity._UNIT.findall(t)
    codes = [ord(u) if len(u) == 1 else zlib.crc32(u.encode()) for u in units]
    mix, mask = similarity._MIX, similarity._MASK
    return frozenset(((x * 0x100000001B3) ^ y) * mix & mask for x, y in itertools.pairwise(codes))


PIECES = [*"本年度支出预算，。_ 1２３αβЖ\u3000\n", "5105.15万元", "KELVIN", "Ｋ", "ab", "增长3.2%"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=30))
def test_shingles_are_the_paired_units(text):
    assert shingle_set(text) == reference(text)
