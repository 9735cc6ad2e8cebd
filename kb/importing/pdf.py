"""PDF text layer → paragraphs: wrapped lines joined, running headers, footers and page numbers left out."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kb.content.structure import classify

from .source import ImportFailure, Para, legacy_failure, legacy_font

_PAGE_NUMBER = re.compile(r"^[-–—\s]*\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$")
_ENDS_SENTENCE = re.compile(r"[.:;!?”\"»]$")
_STARTS_BLOCK = re.compile(r"^(?:\d{1,3}[.)]\s|[a-zđ]\)\s|[-+•]\s|[“\"«])")


def read_pdf(path: Path) -> list[Para]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise ImportFailure("reading PDF needs the optional 'import' extra: pip install -e '.[import]'") from None
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailure(f"{path.name}: password-protected — remove the password first")
        pages = [_page_lines(page, n) for n, page in enumerate(reader.pages, 1)]
    except ImportFailure:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            raise ImportFailure(f"{path.name}: password-protected — remove the password first") from None
        raise ImportFailure(f"{path.name}: not a readable PDF (corrupt?): {exc}") from None
    except Exception as exc:  # pypdf raises its DependencyError for AES-encrypted files, among others
        raise ImportFailure(f"{path.name}: cannot read this PDF ({type(exc).__name__}: {exc})") from None
    if not any(text.strip() for lines in pages for text, _ in lines):
        raise ImportFailure(f"{path.name}: no text layer — OCR it first")
    return _paragraphs(_without_running_lines(pages))


def _page_lines(page, n: int) -> list[tuple[str, str]]:
    fonts: list[tuple[str, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() and font_dict:
            fonts.append((str(font_dict.get("/BaseFont", "")).lstrip("/"), text))

    text = page.extract_text(visitor_text=visit) or ""
    for font, piece in fonts:
        if (legacy := legacy_font(font, piece)) is not None:
            raise legacy_failure(legacy, f"page {n}")
    return [(line.strip(), f"p. {n}, line {i}") for i, line in enumerate(text.split("\n"), 1) if line.strip()]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line)


def _without_running_lines(pages: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """Drops page numbers and the lines repeated at the top or bottom of several pages."""
    edges = Counter(_key(t) for lines in pages for t, _ in {*lines[:2], *lines[-2:]})
    running = {k for k, c in edges.items() if c >= 2 and len(pages) >= 2}
    out = []
    for lines in pages:
        for i, (text, where) in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            if _PAGE_NUMBER.match(text) or (at_edge and _key(text) in running):
                continue
            out.append((text, where))
    return out


def _paragraphs(lines: list[tuple[str, str]]) -> list[Para]:
    """A line continues the paragraph before it when that one was wrapped (nearly as long as the longest
    lines) and ended no sentence, and this one starts no clause, point, list item, quotation or legal unit."""
    out: list[Para] = []
    wide = sorted(len(t) for t, _ in lines)[int(len(lines) * 0.9)] if lines else 0
    previous = ""
    for text, where in lines:
        if out and len(previous) >= 0.75 * wide and not _ENDS_SENTENCE.search(previous) \
                and not _STARTS_BLOCK.match(text) and classify(0, text).kind == "other" \
                and classify(0, out[-1].text).kind == "other":
            out[-1].text += " " + text
        else:
            out.append(Para(text, where))
        previous = text
    return out
