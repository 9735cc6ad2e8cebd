"""The engine: the one room that reaches into Whoosh internals (bulk segment writing, cached postings, BM25F, document sets)."""
