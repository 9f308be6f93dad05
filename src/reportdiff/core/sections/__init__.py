"""Sections: heading lines, the outline, and OLD↔NEW alignment."""
