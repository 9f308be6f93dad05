"""The narrative diff of aligned sections, and moved passages."""
