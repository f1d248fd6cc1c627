"""The page cache keeps no tables: the content version it keys on lives in core (freshness.py)."""
