"""The content pipeline: source files → front matter + Markdown → documents → corpus checks."""
