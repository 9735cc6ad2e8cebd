"""Translation status: the version of its source each translation was made from, article by article.

content/translations.yaml is written by `kb translations --accept`, never by hand: for every translation it
keeps a fingerprint of each source article as it was when the translation was last brought up to date.
An article whose source fingerprint has changed since is outdated."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from search import CODES, normalize

from ..errors import Problems
from .documents import Document

FRONT = "_front"  # title, summary and the text before the first article
HEADER = ("# Which version of its source each translation was made from: written by `kb translations --accept`.\n"
          "# Do not edit by hand; commit it with the translation.\n")
STATES = ("translated", "outdated", "missing")  # of one article
DOC_STATES = ("translated", "outdated", "partial", "missing")  # of a translation as a whole


def fingerprints(doc: Document) -> dict[str, str]:
    def digest(*parts: str) -> str:
        return hashlib.sha1(normalize("\n".join(parts)).encode("utf-8")).hexdigest()[:12]
    out = {FRONT: digest(doc.meta.title, doc.meta.summary, doc.parsed.intro)}
    out.update({u.anchor: digest(u.heading, u.text) for u in doc.units})
    return out


@dataclass
class Accepted:
    source: str  # the source's language
    accepted: str  # the date the translation was last brought up to date
    units: dict[str, str] = field(default_factory=dict)  # anchor → the source's fingerprint then


@dataclass
class Ledger:
    path: Path
    entries: dict[str, Accepted] = field(default_factory=dict)  # "lo/law-84-2025-qh15" → its record

    def save(self) -> None:
        data = {key: {"source": e.source, "accepted": e.accepted, "units": dict(sorted(e.units.items()))}
                for key, e in sorted(self.entries.items())}
        self.path.write_text(HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def load_ledger(path: Path) -> tuple[Ledger, Problems]:
    problems = Problems(str(path))
    ledger = Ledger(path)
    if not path.exists():
        return ledger, problems
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.error(mark.line + 1 if mark else 1, "yaml-invalid", f"not valid YAML: {getattr(exc, 'problem', exc)}")
        return ledger, problems
    if not isinstance(data, dict):
        problems.error(1, "translations-invalid", "expected a mapping of translations; rewrite it with "
                                                  "`kb translations --accept-all`")
        return ledger, problems
    for key, value in data.items():
        ok = isinstance(value, dict) and isinstance(value.get("units"), dict) and value.get("source") in CODES
        if not ok:
            problems.error(1, "translations-invalid", f"entry '{key}' is malformed; accept the translation again")
            continue
        ledger.entries[str(key)] = Accepted(value["source"], str(value.get("accepted", "")),
                                            {str(k): str(v) for k, v in value["units"].items()})
    return ledger, problems


@dataclass
class UnitState:
    anchor: str
    heading: str
    state: str  # translated, outdated or missing


@dataclass
class TranslationState:
    id: str
    lang: str  # the translation's language
    source: str  # the source's language
    state: str  # one of DOC_STATES: partial has articles missing, missing has no translation at all
    accepted: str | None
    units: list[UnitState] = field(default_factory=list)

    def anchors(self, state: str) -> list[str]:
        return [u.anchor for u in self.units if u.state == state]


def translation_state(source: Document, translation: Document | None, ledger: Ledger, lang: str) -> TranslationState:
    record = ledger.entries.get(f"{lang}/{source.id}")
    if translation is None:
        return TranslationState(source.id, lang, source.lang, "missing", None)
    have = {u.anchor for u in translation.units}
    current = fingerprints(source)
    units = []
    for anchor, heading in [(FRONT, source.meta.title), *((u.anchor, u.heading) for u in source.units)]:
        if anchor != FRONT and anchor not in have:
            state = "missing"
        elif record is not None and record.source == source.lang and record.units.get(anchor) == current[anchor]:
            state = "translated"
        else:
            state = "outdated"
        units.append(UnitState(anchor, heading, state))
    states = {u.state for u in units}
    overall = "outdated" if "outdated" in states else "partial" if "missing" in states else "translated"
    return TranslationState(source.id, lang, source.lang, overall, record.accepted if record else None, units)


def accept(ledger: Ledger, source: Document, translation: Document, anchors: list[str] | None = None,
           today: dt.date | None = None) -> Accepted:
    """Records that the translation now follows its source: every article, or only the anchors given."""
    current = fingerprints(source)
    key = f"{translation.lang}/{translation.id}"
    entry = ledger.entries.get(key)
    if entry is None or entry.source != source.lang or anchors is None:
        entry = Accepted(source.lang, "", {} if anchors is not None else dict(current))
    for anchor in anchors or []:
        entry.units[anchor] = current[anchor]
    entry.units = {a: h for a, h in entry.units.items() if a in current}
    entry.accepted = (today or dt.date.today()).isoformat()
    ledger.entries[key] = entry
    return entry
