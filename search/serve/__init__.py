"""Serving: pooled searchers, ranked hits with highlights, recent results, cross-language search."""
