"""A report checked against itself: totals, stated changes, label conflicts, tables."""
