"""What the pages read from the serving index generation: documents, aliases, glossary."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from search import SearchService

# What listings never show, and which a stored document holds most of: its units' text, its introduction,
# its rendered body (every period's) and table of contents. Lists keep documents without them; a page reads its document.
_HEAVY = ("units", "outline", "intro")
_HEAVY_PAYLOAD = ("sections", "html_periods", "toc", "units")


@dataclass
class _State:
    generation: str
    listed: dict[str, dict] = field(default_factory=dict)  # "lang:id" → the stored document, light
    aliases: dict[str, str] = field(default_factory=dict)  # "lang:alias" → id
    glossary: list[dict] = field(default_factory=list)
    translations: list[dict] = field(default_factory=list)  # the translation report of this generation


def _light(doc: dict) -> dict:
    out = {k: v for k, v in doc.items() if k not in _HEAVY}
    out["payload"] = {k: v for k, v in doc["payload"].items() if k not in _HEAVY_PAYLOAD}
    return out


class Library:
    """Read-only views of the current generation, rebuilt when a new one is swapped in. Every document is
    listed in its light form (held in memory: at 10,000 documents the whole ones would take hundreds of MB);
    doc() reads a whole one from the index."""

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
        for doc in self.service.all_documents(keep=_light):
            state.listed[f"{doc['lang']}:{doc['id']}"] = doc
            for alias in doc["payload"].get("aliases", []):
                state.aliases[f"{doc['lang']}:{alias}"] = doc["id"]
        return state

    @property
    def generation(self) -> str:
        return self._current().generation

    def doc(self, lang: str, doc_id: str) -> dict | None:
        """The whole stored document: its HTML, table of contents and units too."""
        if f"{lang}:{doc_id}" not in self._current().listed:
            return None
        return self.service.get(lang, doc_id)

    def alias(self, lang: str, doc_id: str) -> str | None:
        return self._current().aliases.get(f"{lang}:{doc_id}")

    def documents(self, lang: str) -> list[dict]:
        """The language's documents, light: without their HTML, table of contents and units."""
        return [d for d in self._current().listed.values() if d["lang"] == lang]

    def any_language(self, doc_id: str) -> dict | None:
        return next((d for d in self._current().listed.values() if d["id"] == doc_id), None)

    @property
    def glossary(self) -> list[dict]:
        return self._current().glossary

    def translations(self) -> list[dict]:
        return self._current().translations
