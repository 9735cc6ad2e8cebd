"""Queries: user text planned into Whoosh queries, synonyms, spelling corrections, prefix suggestions."""
