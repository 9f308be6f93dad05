"""Sections: heading lines, the outline, and OLD↔NEW alignment."""

from .align import align_sections
from .segment import segment_document

__all__ = ["align_sections", "segment_document"]
