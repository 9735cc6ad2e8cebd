"""A new segment's postings kept per field and term in memory, written to Whoosh's W3 codec block by block."""
from __future__ import annotations

import sys
import zlib
from array import array
from operator import sub
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3FieldWriter, W3TermInfo
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

assert array("I").itemsize == 4, "term frequencies are written as 4-byte unsigned ints"
_SWAP = sys.byteorder == "little"  # pack_uint is big-endian


class CountedTerms:
    """Postings of one field for a run of documents: terms with the docnums and frequencies that hold
    them, in docnum order. Compact and picklable, so worker processes can send it in one piece."""

    __slots__ = ("terms", "ends", "docs", "freqs")

    def __init__(self, postings: dict[str, tuple[array, array]]):
        self.terms = list(postings)
        self.ends = array("I")
        self.docs, self.freqs = array("I"), array("I")
        for docs, freqs in postings.values():
            self.docs += docs
            self.freqs += freqs
            self.ends.append(len(self.docs))

    def __getstate__(self):
        return self.terms, self.ends, self.docs, self.freqs

    def __setstate__(self, state):
        self.terms, self.ends, self.docs, self.freqs = state


def count_postings(counts: list[tuple[int, dict[str, int]]]) -> CountedTerms:
    """Inverts (docnum, term → frequency) pairs, given in docnum order, into a CountedTerms."""
    postings: dict[str, tuple[array, array]] = {}
    for docnum, counter in counts:
        for term, freq in counter.items():
            entry = postings.get(term)
            if entry is None:
                postings[term] = entry = (array("I"), array("I"))
            entry[0].append(docnum)
            entry[1].append(freq)
    return CountedTerms(postings)


class PostingTable:
    """Every posting of a segment being written, grouped by field and term as documents arrive in
    docnum order, so writing them needs no sort of postings, only of each field's distinct terms.

    Fields whose postings are (term, frequency) pairs weighted by the field boost (AnalyzedText)
    arrive as CountedTerms and are kept as arrays; other fields' postings are kept as Whoosh gives them."""

    def __init__(self, schema):
        self.schema = schema
        self.counted: dict[str, dict[str, tuple[array, array]]] = {}
        self.other: dict[str, dict[bytes, list[tuple[int, float, bytes]]]] = {}
        # Field length byte per docnum, as the lengths column stores it: postings blocks keep the
        # shortest and longest length of their documents.
        self.length_bytes: dict[str, bytearray] = {}
        self.doccount = 0

    def add_lengths(self, lengths: dict[str, int]) -> None:
        """Lengths of one more document's indexed fields (docnum = the number added before)."""
        n = self.doccount
        for name, length in lengths.items():
            col = self.length_bytes.get(name)
            if col is None:
                self.length_bytes[name] = col = bytearray(n)
            elif len(col) < n:
                col.extend(bytes(n - len(col)))
            col.append(length_to_byte(length) if length else 0)
        self.doccount = n + 1

    def add_posting(self, fieldname: str, tbytes: bytes, docnum: int, weight: float, vbytes: bytes) -> None:
        self.other.setdefault(fieldname, {}).setdefault(tbytes, []).append((docnum, weight, vbytes))

    def add_counted(self, fieldname: str, chunk: CountedTerms) -> None:
        """Postings of documents after all those already added to this field."""
        table = self.counted.setdefault(fieldname, {})
        docs, freqs = chunk.docs, chunk.freqs
        start = 0
        for term, end in zip(chunk.terms, chunk.ends):
            entry = table.get(term)
            if entry is None:
                table[term] = (docs[start:end], freqs[start:end])
            else:
                entry[0].extend(docs[start:end])
                entry[1].extend(freqs[start:end])
            start = end

    def write(self, fieldwriter: W3FieldWriter) -> None:
        """Writes every posting list, fields and terms in byte order, as FieldWriter.add_postings would."""
        codec = fieldwriter._codec
        if codec._inlinelimit > 1:
            raise ValueError("inlined postings are not supported")
        blocks = _BlockWriter(codec._blocklimit, codec._compression)
        fmap, tindex, postfile = fieldwriter._fieldmap, fieldwriter._tindex, fieldwriter._postfile
        offset = postfile.tell()
        for fieldname in sorted(set(self.counted) | set(self.other)):
            if fieldname in self.counted and fieldname in self.other:
                raise ValueError(f"field {fieldname!r} got postings of both kinds")
            prefix = pack_ushort(fmap.setdefault(fieldname, len(fmap)))
            for btext, data, info in self._encoded(fieldname, blocks):
                postfile.write(data)
                tindex.add(prefix + btext, info + pack_long(offset) + pack_int(len(data)))
                offset += len(data)

    def _encoded(self, fieldname: str, blocks: _BlockWriter):
        """(term bytes, posting bytes, term info) of a field's terms in byte order."""
        fieldobj = self.schema[fieldname]
        lens = self.length_bytes.get(fieldname, bytearray())
        lens += bytes(self.doccount - len(lens))
        if fieldname in self.counted:
            boost = float(fieldobj.format.field_boost)
            terms = self.counted[fieldname]
            for term in sorted(terms):  # str order is UTF-8 byte order
                yield (term.encode("utf-8"), *blocks.counted(*terms[term], boost, lens))
        else:
            fixed = fieldobj.format.fixed_value_size()
            terms = self.other[fieldname]
            for btext in sorted(terms):
                yield (btext, *blocks.generic(terms[btext], fixed, lens))


class _BlockWriter:
    """Encodes one term's postings exactly as W3PostingsWriter does (same blocks, pickles and
    compression) and its W3TermInfo, taking whole slices of arrays instead of one posting at a time."""

    def __init__(self, blocklimit: int, compression: int):
        self.limit = blocklimit
        self.comp = compression

    def counted(self, docs: array, freqs: array, boost: float, lens: bytearray) -> tuple[bytes, bytes]:
        weights = array("d", map(boost.__mul__, freqs))
        values = array("I", freqs)
        if _SWAP:
            values.byteswap()
        values = values.tobytes()
        return self._term(docs, weights, lambda i, j: values[4 * i:4 * j], lens)

    def generic(self, postings: list[tuple[int, float, bytes]], fixed: int | None,
                lens: bytearray) -> tuple[bytes, bytes]:
        docs = array("I", [p[0] for p in postings])
        weights = [p[1] for p in postings]
        vbytes = [p[2] for p in postings]

        def values(i, j):
            if fixed == 0:
                return None
            kept = [v for v in vbytes[i:j] if v]
            return tuple(kept) if fixed is None else b"".join(kept)

        return self._term(docs, weights, values, lens)

    def _term(self, docs, weights, values, lens) -> tuple[bytes, bytes]:
        out = [WHOOSH3_HEADER_MAGIC]
        total = 0
        minlength, maxlength, maxweight = None, 0, 0
        n, limit, comp = len(docs), self.limit, self.comp
        for i in range(0, n, limit):
            j = min(i + limit, n)
            ids = docs[i:j]
            w32 = array("f", weights[i:j])  # the stored weights are 32-bit floats
            total += sum(w32)
            top = max(0, max(weights[i:j]))  # W3PostingsWriter starts its maximum at int 0
            if w32.count(1.0) == len(w32):
                mini = None
            elif w32.count(w32[0]) == len(w32):
                mini = w32[0]
            else:
                mini = tuple(w32)
            data = zlib.compress(dumps(((ids[0],) + tuple(map(sub, ids[1:], ids)), mini, values(i, j)), 2), comp)
            lbytes = bytes(map(lens.__getitem__, ids))
            lmax = byte_to_length(max(lbytes))
            lmin = min(lbytes) or min(lbytes.replace(b"\0", b""), default=0)
            lmin = byte_to_length(lmin) if lmin else None
            info = dumps((j - i, ids[-1], top, comp, length_to_byte(lmin), length_to_byte(lmax if lmax else 0)), 2)
            size = len(info) + len(data)
            out += (pack_int(-size if j == n else size), info, data)
            # W3TermInfo.add_block
            minlength = lmin if minlength is None or lmin is None else min(minlength, lmin)
            maxlength = max(maxlength, lmax if lmax else 0)
            maxweight = max(maxweight, top)
        info = W3TermInfo._struct.pack(False, total, n, 0 if minlength is None else length_to_byte(minlength),
                                       length_to_byte(maxlength), maxweight, docs[0], docs[-1])
        return b"".join(out), info
