"""Krąg's benchmarks: server-side time of push and pull against the sync protocol's targets.

``python -m bench`` (or ``make bench``) measures on a fresh SQLite database, and on a
fresh PostgreSQL database when one answers, then rewrites ``docs/benchmarks.md``.
"""
