"""Figures: reading numbers with their labels and units, and matching them across versions."""
