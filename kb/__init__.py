"""The knowledge base: content pipeline, web app and command line."""
