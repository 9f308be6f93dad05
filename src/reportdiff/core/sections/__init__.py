"""Sections: heading numbering, heading lines, the outline, and OLD↔NEW alignment."""
