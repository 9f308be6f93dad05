"""nfkc() is unicodedata's NFKC, character for character, on any text."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.text.nfkc import _TO_ASCII, nfkc

# Full-width forms next to combining marks (Ａ + U+0301 composes to Á), Hangul jamo
# that compose, compatibility ideographs, ligatures, and everyday Chinese text.
ALPHABET = st.sampled_from(
    [
        *"ＡＢｅ，：（）％１２\u3000\u00a0…。、“”《》本年度支出abc AE1",
        "\u0301",
        "\u0308",
        "\u0327",
        "\u1100",
        "\u1161",
        "\u11a8",
        "\uac00",
        "\uf900",
        "\ufb01",
        "①",
        "Ⅻ",
        "㎡",
        "\u2028",
        "ﾊﾟ",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join) | st.text(max_size=40))
def test_nfkc_is_unicode_nfkc(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_the_forms_replaced_first_are_replaced_by_their_ascii_decomposition():
    assert len(_TO_ASCII) >= 95
    for code, ascii_text in _TO_ASCII.items():
        assert ascii_text.isascii()
        assert ascii_text == unicodedata.normalize("NFKD", chr(code)) != chr(code)
