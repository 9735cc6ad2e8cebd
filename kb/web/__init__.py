"""The web app: server-rendered pages and their JSON twins."""
