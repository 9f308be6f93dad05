"""Review season: many agencies' reports compared with last year's in one go.

``pairing`` pairs reports by agency name and ``summary`` turns each Comparison into one
row of the attention table; both are pure. Reading folders, the worker pool, resuming
and writing the outputs belong to the command (``cli/batch.py``).
"""
