"""Text primitives: diff tokens, sentences, heading numbering and markup, PDF line wraps,
similarity keys, line:column places."""

from .contents import ends_with_leader
from .line_wraps import is_soft_break, soft_break
from .markup import without_emphasis, without_markup
from .numbering import Numbering, chinese_value, parse_numbering
from .positions import Positions
from .sentences import MAX_SENTENCE_CHARS, closes_sentence, sentence_ends, split_sentences
from .similarity import bigram_set, normalise_title, shingle_set
from .tokens import (
    APPROX_PATTERN,
    CURRENCY_PATTERN,
    FIGURE_RE,
    MAGNITUDE_PATTERN,
    NUMBER_PATTERN,
    UNIT_PATTERN,
    TokenEncoder,
    tokenize,
    unsplit_cut,
)
from .width import cells

__all__ = [
    "APPROX_PATTERN",
    "CURRENCY_PATTERN",
    "FIGURE_RE",
    "MAGNITUDE_PATTERN",
    "MAX_SENTENCE_CHARS",
    "NUMBER_PATTERN",
    "UNIT_PATTERN",
    "Numbering",
    "Positions",
    "TokenEncoder",
    "bigram_set",
    "cells",
    "chinese_value",
    "closes_sentence",
    "ends_with_leader",
    "is_soft_break",
    "normalise_title",
    "parse_numbering",
    "sentence_ends",
    "shingle_set",
    "soft_break",
    "split_sentences",
    "tokenize",
    "unsplit_cut",
    "without_emphasis",
    "without_markup",
]
