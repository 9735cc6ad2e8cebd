"""What the pages read from the serving index generation: documents, aliases, glossary."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from search import SearchService


@dataclass
class _State:
    generation: str
    docs: dict[str, dict] = field(default_factory=dict)  # "lang:id" → stored document
    aliases: dict[str, str] = field(default_factory=dict)  # "lang:alias" → id
    glossary: list[dict] = field(default_factory=list)
    translations: list[dict] = field(default_factory=list)  # the translation report of this generation


class Library:
    """Read-only views of the current generation, rebuilt when a new one is swapped in."""

    def __init__(self, service: SearchService):
        self.service = service
        self._state: _State | None = None
        self._lock = threading.Lock()

    def _current(self) -> _State:
        gen = self.service.generation_id()
        state = self._state
        if state is None or state.generation != gen:
            with self._lock:
                if self._state is None or self._state.generation != gen:
                    self._state = self._load(gen)
                state = self._state
        return state

    def _load(self, gen: str) -> _State:
        state = _State(gen, glossary=self.service.attachment("glossary") or [],
                       translations=self.service.attachment("translations") or [])
        for doc in self.service.all_documents():
            state.docs[f"{doc['lang']}:{doc['id']}"] = doc
            for alias in doc["payload"].get("aliases", []):
                state.aliases[f"{doc['lang']}:{alias}"] = doc["id"]
        return state

    @property
    def generation(self) -> str:
        return self._current().generation

    def doc(self, lang: str, doc_id: str) -> dict | None:
        return self._current().docs.get(f"{lang}:{doc_id}")

    def alias(self, lang: str, doc_id: str) -> str | None:
        return self._current().aliases.get(f"{lang}:{doc_id}")

    def documents(self, lang: str) -> list[dict]:
        return [d for d in self._current().docs.values() if d["lang"] == lang]

    def any_language(self, doc_id: str) -> dict | None:
        return next((d for d in self._current().docs.values() if d["id"] == doc_id), None)

    @property
    def glossary(self) -> list[dict]:
        return self._current().glossary

    def translations(self) -> list[dict]:
        return self._current().translations
