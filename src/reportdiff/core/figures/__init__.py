"""Figures: reading numbers with their labels and units, and matching them across versions."""

from .dates import date_delta_text
from .english import PREVIOUS, is_english
from .english_changes import may_state_changes, parse_changes
from .extract import diff_figures, extract_figures
from .label import CHANGE_WORDS, RISE_WORDS, change_at, label_key
from .parse import MAX_SHOWN_DECIMALS, as_written, display_scale
from .sentence import FROM_SUFFIX
from .trend import trend

__all__ = [
    "CHANGE_WORDS",
    "FROM_SUFFIX",
    "MAX_SHOWN_DECIMALS",
    "PREVIOUS",
    "RISE_WORDS",
    "as_written",
    "change_at",
    "date_delta_text",
    "diff_figures",
    "display_scale",
    "extract_figures",
    "is_english",
    "label_key",
    "may_state_changes",
    "parse_changes",
    "trend",
]
