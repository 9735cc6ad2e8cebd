"""Benchmarks of search/: a generated corpus and a speed comparison with SQLite FTS5."""
