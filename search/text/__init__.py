"""Text: the language registry and modules, analyzer chains, document numbers, phrase and term matching."""
