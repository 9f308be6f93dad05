"""Text keys for similarity: titles without numbering noise, figure-masked bigrams.

Unrelated Chinese sections of one report still score 56–69 on a plain character
ratio (a small shared alphabet), so bodies are compared as sets of character bigrams
with figures masked and punctuation dropped, which separates far better.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Iterable

from .nfkc import nfkc
from .numbering import parse_numbering
from .tokens import FIGURE_RE

_MIX = 0x9E3779B97F4A7C15  # odd constant: multiplication is a bijection mod 2**64
_MASK = (1 << 48) - 1
_PUNCT_SPACE = re.compile(r"[\s\W_]+")


def mask_figures(text: str) -> str:
    """Replace each figure with a placeholder so 2023年 and 2024年 read alike."""
    return FIGURE_RE.sub("#", text)


def normalise_title(title: str) -> str:
    """A heading's comparable core: no numbering, punctuation, case or figures."""
    t = nfkc(title).lstrip()
    numbering = parse_numbering(t)
    t = t[numbering.end :] if numbering else t
    return _PUNCT_SPACE.sub("", mask_figures(t)).lower()


def bigram_set(text: str) -> frozenset[int]:
    """Character bigrams of the figure-masked, punctuation-free text, each as a fixed
    48-bit hash (not str hash(), which is salted per process): equal bigrams give equal
    numbers in every run, and the smallest numbers are an unbiased sample of the set."""
    t = _PUNCT_SPACE.sub("", mask_figures(nfkc(text))).lower()
    pairs = set(itertools.pairwise(map(ord, t)))  # each distinct bigram hashed once
    return frozenset(((x << 21 | y) * _MIX) & _MASK for x, y in pairs)


_LATIN = re.compile("[a-z]")
_LATIN_WORD = re.compile("([a-z]+)")  # kept by split: the text between, then a word
_NOT_UNIT = re.compile(r"[\W\d_]+")  # without Latin letters, all that is not a unit


def shingle_set(text: str) -> frozenset[int]:
    """Pairs of adjacent units, hashed as bigram_set does: a unit is one Chinese
    character or one Latin word, so English is compared by word pairs (character
    bigrams of any two English paragraphs overlap by a third); figures are left out."""
    if len(text) < 2 and text.isascii():  # a line break or a tab between cells: no pair
        return frozenset()
    t = mask_figures(nfkc(text)).lower()
    codes: Iterable[int]
    if not _LATIN.search(t):  # every unit one character: the text less non-units, in C
        codes = map(ord, _NOT_UNIT.sub("", t))
    else:  # words, and between them characters read in C as above
        codes = []
        for k, part in enumerate(_LATIN_WORD.split(t)):
            if k % 2 == 0:
                codes.extend(map(ord, _NOT_UNIT.sub("", part)))
            else:  # a one-letter word is its letter
                codes.append(ord(part) if len(part) == 1 else zlib.crc32(part.encode()))
    pairs = set(itertools.pairwise(codes))  # each distinct pair hashed once
    return frozenset(((x * 0x100000001B3) ^ y) * _MIX & _MASK for x, y in pairs)
