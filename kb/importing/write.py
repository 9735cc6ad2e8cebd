"""The content file: front matter and Markdown, checked as `kb check` checks it, never overwriting without --force."""
from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import yaml

from kb.content.documents import load_document
from kb.content.markdown import make_parser
from kb.content.sources import Source
from search import canonical, parts

from .recognise import Recognised
from .source import ImportFailure
from .structure import Body, escape

FOLDERS = {"law": "legal", "decree": "legal", "decision": "legal", "circular": "legal", "instruction": "legal",
           "procedure": "guides", "guide": "guides", "news": "news"}
# What an unreviewed import says about itself, on the page and in its summary; the signature block's heading.
NOTES = {
    "vi": ("*Bản nhập tự động từ tệp {file}, chưa được rà soát với văn bản chính thức: đây không phải là "
           "văn bản chính thức.*", "Bản nhập tự động, chưa rà soát, của {title}.", "Chữ ký và nơi nhận"),
    "lo": ("*ນຳເຂົ້າອັດຕະໂນມັດຈາກໄຟລ໌ {file}, ຍັງບໍ່ທັນໄດ້ກວດທານກັບເອກະສານທາງການ: ນີ້ບໍ່ແມ່ນເອກະສານທາງການ.*",
           "ສະບັບນຳເຂົ້າອັດຕະໂນມັດທີ່ຍັງບໍ່ທັນກວດທານ ຂອງ {title}.", "ລາຍເຊັນ ແລະ ບ່ອນສົ່ງ"),
}


def make_id(r: Recognised) -> str:
    """qd-216-bhxh, law-58-2014-qh13: the ASCII parts of the number, its type word first."""
    numbers = [str(int(p)) if p.isdecimal() else p for p in parts(canonical(r.number))]  # ໕໔ → 54
    ascii_parts = [p for p in numbers if re.fullmatch(r"[a-z0-9]+", p)]
    if len(ascii_parts) > 1 and not ascii_parts[1].isdigit():
        ascii_parts[0], ascii_parts[1] = ascii_parts[1], ascii_parts[0]
    else:
        ascii_parts.insert(0, r.type or "doc")
        if len(ascii_parts) < 3 and r.issued:
            ascii_parts.append(str(r.issued.year))
    return "-".join(ascii_parts)


def title_of(r: Recognised) -> str:
    head = " ".join(x for x in (r.type_name, r.number) if x)
    return f"{head} — {r.subject}" if head and r.subject else head or r.subject


def render(r: Recognised, body: Body, lang: str, doc_id: str, doc_type: str, file_name: str,
           authoritative: bool, source: str) -> str:
    title = title_of(r)
    note, summary, closing = NOTES[lang]
    front = {
        "id": doc_id, "title": title,
        "summary": summary.format(title=title) if not authoritative else title + ".",
        "type": doc_type, "number": r.number, "issuer": r.issuer, "signer": r.signer,
        "issued": r.issued.isoformat() if r.issued else None, "effective": None, "expires": None,
        "status": "unknown", "tags": [], "amends": [], "replaces": [], "implements": [], "cites": r.cites,
        "related": [], "superseded_by": [], "source": source or f"imported from {file_name}",
        "authoritative": authoritative, "as_of": dt.date.today().isoformat() if authoritative else None,
        "aliases": [],
    }
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=None)
    text = text.replace(": null\n", ":\n")
    lines = ["---", text.rstrip("\n"), "---", ""]
    if not authoritative:
        lines += [note.format(file=escape(file_name, start=False)), ""]
    lines.append(body.markdown.rstrip("\n"))
    if r.tail:
        lines += ["", f"## {closing} {{#signature}}", "", "\n\n".join(_tail_line(p.text) for p in r.tail if p.text)]
    return "\n".join(lines) + "\n"


def _tail_line(text: str) -> str:
    """A line of the signature block or distribution list; its "- " items stay a list."""
    m = re.match(r"^[-+•]\s+", text)
    return "- " + escape(text[m.end():], start=False) if m else escape(text)


def target(content_dir: Path, lang: str, doc_type: str, doc_id: str) -> Path:
    return content_dir / lang / FOLDERS.get(doc_type, "pages") / f"{doc_id}.md"


def write(path: Path, text: str, lang: str, force: bool) -> list[str]:
    """Checks the page as `kb check` would (one file), then writes it; returns its warnings."""
    if path.exists() and not force:
        raise ImportFailure(f"{path} exists — pass --force to overwrite it")
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / lang / path.name
        probe.parent.mkdir()
        probe.write_text(text, encoding="utf-8")
        _doc, problems = load_document(Source(probe, lang), make_parser())
    errors = [p for p in problems if p.level == "error"]
    if errors:
        first = errors[0]
        raise ImportFailure(f"the converted page would not pass kb check (line {first.line}: {first.message})")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [f"line {p.line}: {p.message} [{p.code}]" for p in problems]
