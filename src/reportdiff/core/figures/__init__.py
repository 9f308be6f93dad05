"""Figures: reading numbers with their labels and units, and matching them across versions."""

from .dates import date_delta_text
from .english import is_english
from .english_changes import may_state_changes, parse_changes
from .evidence import SURE
from .extract import extract_figures
from .label import CHANGE_WORDS, RISE_WORDS, change_at, label_key
from .match import diff_figures
from .shown import MAX_SHOWN_DECIMALS, as_written, display_scale
from .trend import trend

__all__ = [
    "CHANGE_WORDS",
    "MAX_SHOWN_DECIMALS",
    "RISE_WORDS",
    "SURE",
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
