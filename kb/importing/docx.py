"""Word .docx → paragraphs and tables in reading order, with styles, bold lead-ins and list numbers (stdlib only)."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from .source import ImportFailure, Para, legacy_failure, legacy_font

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE = b"\xd0\xcf\x11\xe0"  # an encrypted .docx (or a .doc renamed) is an OLE compound file


def read_docx(path: Path) -> list[Para]:
    try:
        with zipfile.ZipFile(path) as z:
            document = ET.fromstring(z.read("word/document.xml"))
            parts = {name: ET.fromstring(z.read(name)) for name in ("word/styles.xml", "word/numbering.xml")
                     if name in z.namelist()}
    except zipfile.BadZipFile:
        with open(path, "rb") as f:
            if f.read(4) == _OLE:
                raise ImportFailure(f"{path.name}: password-protected (or an old .doc renamed): "
                                    "save it unprotected as .docx") from None
        raise ImportFailure(f"{path.name}: not a readable Word file (corrupt?)") from None
    except (KeyError, ET.ParseError):
        raise ImportFailure(f"{path.name}: not a readable Word file (word/document.xml missing or broken)") from None
    body = document.find(f"{W}body")
    if body is None:
        raise ImportFailure(f"{path.name}: not a readable Word file (no document body)")
    return _Reader(parts.get("word/styles.xml"), parts.get("word/numbering.xml")).blocks(body)


def _val(el, tag: str) -> str | None:
    child = el.find(tag) if el is not None else None
    return None if child is None else child.get(f"{W}val")


def _on(rpr, tag: str) -> bool:
    el = rpr.find(f"{W}{tag}") if rpr is not None else None
    return el is not None and el.get(f"{W}val", "true") not in ("0", "false", "off")


class _Reader:
    def __init__(self, styles, numbering):
        self.count = 0
        self.style_names: dict[str, str] = {}
        self.style_fonts: dict[str, str] = {}
        self.style_numbers: dict[str, tuple[str, str]] = {}  # a list style's (numId, ilvl)
        self.default_font = ""
        for style in (styles.iter(f"{W}style") if styles is not None else ()):
            sid = style.get(f"{W}styleId", "")
            self.style_names[sid] = _val(style, f"{W}name") or sid
            num = style.find(f"{W}pPr/{W}numPr")
            if num is not None:
                self.style_numbers[sid] = (_val(num, f"{W}numId"), _val(num, f"{W}ilvl") or "0")
            fonts = style.find(f"{W}rPr/{W}rFonts")
            if fonts is not None:
                self.style_fonts[sid] = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi") or ""
        defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts") if styles is not None else None
        if defaults is not None:
            self.default_font = defaults.get(f"{W}ascii") or defaults.get(f"{W}hAnsi") or ""
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}  # (numId, ilvl) → (format, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        if numbering is not None:
            abstract = {a.get(f"{W}abstractNumId"): a for a in numbering.iter(f"{W}abstractNum")}
            for num in numbering.iter(f"{W}num"):
                a = abstract.get(_val(num, f"{W}abstractNumId"))
                for lvl in (a.iter(f"{W}lvl") if a is not None else ()):
                    self.levels[(num.get(f"{W}numId"), lvl.get(f"{W}ilvl"))] = (
                        _val(lvl, f"{W}numFmt") or "decimal", _val(lvl, f"{W}lvlText") or "",
                        int(_val(lvl, f"{W}start") or 1))

    def blocks(self, parent) -> list[Para]:
        out: list[Para] = []
        for el in parent:
            if el.tag == f"{W}p":
                out.append(self.paragraph(el))
            elif el.tag == f"{W}tbl":
                out.append(self.table(el))
            elif el.tag == f"{W}sdt":  # a content control: its content is ordinary body text
                content = el.find(f"{W}sdtContent")
                out.extend(self.blocks(content) if content is not None else [])
        return out

    def paragraph(self, p) -> Para:
        self.count += 1
        where = f"¶{self.count}"
        ppr = p.find(f"{W}pPr")
        style = _val(ppr, f"{W}pStyle") or ""
        texts, bold, leading = [], "", True
        for run in p.iter(f"{W}r"):
            rpr = run.find(f"{W}rPr")
            piece = "".join(t.text or "" if t.tag == f"{W}t" else "\n" if t.tag in (f"{W}br", f"{W}cr") else " "
                            for t in run if t.tag in (f"{W}t", f"{W}br", f"{W}cr", f"{W}tab"))
            fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
            font = ((fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")) if fonts is not None else None) or \
                self.style_fonts.get(style) or self.default_font
            if (legacy := legacy_font(font, piece)) is not None:
                raise legacy_failure(legacy, where)
            if leading and piece.strip():
                if _on(rpr, "b"):
                    bold += piece
                else:
                    leading = False
            elif leading:
                bold += piece
            texts.append(piece)
        text = "".join(texts)
        return Para(text, where, self.style_names.get(style, style), bold,
                    self.label(ppr, style))

    def label(self, ppr, style: str) -> str:
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        if num is not None:
            num_id, ilvl = _val(num, f"{W}numId"), _val(num, f"{W}ilvl") or "0"
        elif style in self.style_numbers:
            num_id, ilvl = self.style_numbers[style]
        else:
            return ""
        if (num_id, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        level = int(ilvl)
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        fmt, text, start = self.levels[(num_id, ilvl)]
        counters[level] = counters.get(level, start - 1) + 1
        if fmt == "bullet":
            return "-"
        for k in range(level + 1):
            fmt_k = self.levels.get((num_id, str(k)), (fmt, "", 1))[0]
            text = text.replace(f"%{k + 1}", _format(counters.get(k, 1), fmt_k))
        return text

    def table(self, tbl) -> Para:
        self.count += 1
        where = f"¶{self.count} (table)"
        rows, cells = [], []
        for tr in tbl.iter(f"{W}tr"):
            row = []
            for tc in tr.findall(f"{W}tc"):
                paras = self.blocks(tc)
                cells.extend(paras)
                row.append(" ".join(p.full for p in paras if p.full.strip()))
            rows.append(row)
        return Para("", where, rows=rows, cells=cells)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.translate(str.maketrans("IVXLCDM", "ivxlcdm"))
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for val, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                     (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        out, n = out + sym * (n // val), n % val
    return out
