"""A new segment's postings kept per field and term in memory, written to Whoosh's W3 codec block by block."""
from __future__ import annotations

import sys
import zlib
from array import array
from operator import sub
from pickle import dumps
from typing import Callable, Iterable, Iterator

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3FieldWriter, W3TermInfo
from whoosh.system import pack_int, pack_long, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte

assert array("I").itemsize == 4, "term frequencies are written as 4-byte unsigned ints"
_SWAP = sys.byteorder == "little"  # pack_uint is big-endian
JOB_POSTINGS = 250_000  # postings per encoding job: enough jobs to keep every worker busy to the end


def frequency_bytes(freq: int) -> bytes:
    """A posting's value as Whoosh's Frequency format stores it."""
    return pack_uint(freq)


class CountedTerms:
    """Postings of one field for a run of documents: terms with the docnums and frequencies that hold
    them, in docnum order. Compact and picklable, so worker processes can send it in one piece.
    Frequencies are bytes when they all fit, as they nearly always do."""

    __slots__ = ("docs", "ends", "freqs", "terms")

    def __init__(self, postings: dict[str, tuple[array, array]]):
        self.terms = list(postings)
        self.ends = array("I")
        self.docs, self.freqs = array("I"), array("I")
        for docs, freqs in postings.values():
            self.docs += docs
            self.freqs += freqs
            self.ends.append(len(self.docs))
        if self.freqs and max(self.freqs) < 256:
            self.freqs = array("B", self.freqs)

    def __getstate__(self):
        return self.terms, self.ends, self.docs, self.freqs

    def __setstate__(self, state):
        self.terms, self.ends, self.docs, self.freqs = state


def add_counts(postings: dict[str, tuple[array, array]], docnum: int, counts: dict[str, int]) -> None:
    """Adds a document's term counts to postings (term → docnums, frequencies), documents in docnum order."""
    for term, freq in counts.items():
        entry = postings.get(term)
        if entry is None:
            postings[term] = entry = (array("I"), array("I"))
        entry[0].append(docnum)
        entry[1].append(freq)


class PostingTable:
    """Every posting of a segment being written, grouped by field and term as documents arrive in
    docnum order, so writing them needs no sort of postings, only of each field's distinct terms.

    Fields whose postings are (term, frequency) weighted by the field boost (AnalyzedText) arrive as
    CountedTerms and are kept as arrays; other fields' postings are kept as Whoosh gives them."""

    def __init__(self, schema):
        self.schema = schema
        self.counted: dict[str, dict[str, list[array]]] = {}  # term → [docnums, frequencies]
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
            entry, more = table.get(term), freqs[start:end]
            if entry is None:
                table[term] = [docs[start:end], more]
            else:
                if entry[1].typecode != more.typecode:  # bytes meet 4-byte frequencies: all become 4-byte
                    entry[1], more = array("I", entry[1]), array("I", more)
                entry[0].extend(docs[start:end])
                entry[1].extend(more)
            start = end

    def write(self, fieldwriter: W3FieldWriter, map_: Callable = map) -> None:
        """Writes every posting list, fields and terms in byte order, as FieldWriter.add_postings would.
        map_: how to run the encoding jobs, e.g. a process pool's map (results must come in order)."""
        codec = fieldwriter._codec
        if codec._inlinelimit > 1:
            raise ValueError("inlined postings are not supported")
        fmap, tindex, postfile = fieldwriter._fieldmap, fieldwriter._tindex, fieldwriter._postfile
        jobs = list(self._jobs(codec._blocklimit, codec._compression))
        offset = postfile.tell()
        for fieldname, encoded in zip((job[0] for job in jobs), map_(encode_job, jobs)):
            prefix = pack_ushort(fmap.setdefault(fieldname, len(fmap)))
            for btext, data, info in encoded:
                postfile.write(data)
                tindex.add(prefix + btext, info + pack_long(offset) + pack_int(len(data)))
                offset += len(data)

    def _jobs(self, blocklimit: int, compression: int) -> Iterator[tuple]:
        """Encoding jobs in field and term order, each a picklable tuple of a field's next terms."""
        for fieldname in sorted(set(self.counted) | set(self.other)):
            if fieldname in self.counted and fieldname in self.other:
                raise ValueError(f"field {fieldname!r} got postings of both kinds")
            fmt = self.schema[fieldname].format
            lens = self.length_bytes.get(fieldname, bytearray())
            lens += bytes(self.doccount - len(lens))
            if fieldname in self.counted:
                terms = self.counted[fieldname]
                # str order is UTF-8 byte order
                items = ((t.encode("utf-8"), *terms[t]) for t in sorted(terms))
                how = ("counted", float(fmt.field_boost))
            else:
                terms = self.other[fieldname]
                items = ((t, terms[t]) for t in sorted(terms))
                how = ("generic", fmt.fixed_value_size())
            for part in _parts(items):
                yield fieldname, how, blocklimit, compression, bytes(lens), part


def _parts(items: Iterable[tuple]) -> Iterator[list[tuple]]:
    part, size = [], 0
    for item in items:
        part.append(item)
        size += len(item[1])
        if size >= JOB_POSTINGS:
            yield part
            part, size = [], 0
    if part:
        yield part


def encode_job(job: tuple) -> list[tuple[bytes, bytes, bytes]]:
    """(term bytes, posting bytes, term info without its extent) for each term of a job."""
    _, (kind, arg), blocklimit, compression, lens, items = job
    blocks = _BlockWriter(blocklimit, compression, lens)
    if kind == "counted":
        return [(btext, *blocks.counted(docs, freqs, arg)) for btext, docs, freqs in items]
    return [(btext, *blocks.generic(postings, arg)) for btext, postings in items]


class _BlockWriter:
    """Encodes one term's postings exactly as W3PostingsWriter does (same blocks, pickles and
    compression) and its W3TermInfo, taking whole slices of arrays instead of one posting at a time."""

    def __init__(self, blocklimit: int, compression: int, lens: bytes):
        self.limit = blocklimit
        self.comp = compression
        self.lens = lens  # field length byte per docnum

    def counted(self, docs: array, freqs: array, boost: float) -> tuple[bytes, bytes]:
        values = array("I", freqs)
        if _SWAP:
            values.byteswap()
        values = values.tobytes()
        num, _ = boost.as_integer_ratio()
        if boost <= 0 or max(freqs) * num >= 1 << 24:
            weights = array("d", map(boost.__mul__, freqs))
            return self._term(docs, lambda i, j: _float_weights(weights[i:j]) + (values[4 * i:4 * j],))

        # freq * boost is then exact in a 32-bit float, so the weights' sum, maximum and equality
        # follow from the frequencies without making a float per posting.
        def block(i, j):
            f = freqs[i:j]
            low, top = min(f), max(f)
            if low != top:
                mini = tuple(map(boost.__mul__, f))
            else:
                mini = None if low * boost == 1.0 else low * boost
            return sum(f) * boost, top * boost, mini, values[4 * i:4 * j]

        return self._term(docs, block)

    def generic(self, postings: list[tuple[int, float, bytes]], fixed: int | None) -> tuple[bytes, bytes]:
        docs = array("I", [p[0] for p in postings])
        weights = [p[1] for p in postings]
        vbytes = [p[2] for p in postings]

        def block(i, j):
            kept = [v for v in vbytes[i:j] if v]
            values = None if fixed == 0 else tuple(kept) if fixed is None else b"".join(kept)
            return _float_weights(weights[i:j]) + (values,)

        return self._term(docs, block)

    def _term(self, docs: array, block) -> tuple[bytes, bytes]:
        """block(i, j): the weights' sum, maximum and minified form, and the minified values of
        postings i to j."""
        out = [WHOOSH3_HEADER_MAGIC]
        total, maxweight = 0, 0
        # Field lengths as the length bytes they are stored as (byte_to_length and length_to_byte
        # undo each other on them); 0 is no length, left out of the shortest.
        shortest, longest = 0, 0
        n, limit, comp, lens = len(docs), self.limit, self.comp, self.lens
        for i in range(0, n, limit):
            j = min(i + limit, n)
            ids = docs[i:j]
            wsum, top, weights, values = block(i, j)
            deltas = (ids[0],) + tuple(map(sub, ids[1:], ids))
            data = zlib.compress(dumps((deltas, weights, values), 2), comp)
            lbytes = bytes(map(lens.__getitem__, ids))
            low, high = min(lbytes) or min(lbytes.replace(b"\0", b""), default=0), max(lbytes)
            info = dumps((j - i, ids[-1], top, comp, low, high), 2)
            size = len(info) + len(data)
            out += (pack_int(-size if j == n else size), info, data)
            # as W3TermInfo.add_block
            total += wsum
            if low and (not shortest or low < shortest):
                shortest = low
            longest = max(longest, high)
            maxweight = max(maxweight, top)
        info = W3TermInfo._struct.pack(False, total, n, shortest, longest, maxweight, docs[0], docs[-1])
        return b"".join(out), info


def _float_weights(weights) -> tuple[float, float, object]:
    """Sum, maximum and minified form of a block's weights, as W3PostingsWriter computes them."""
    w32 = array("f", weights)  # the stored weights are 32-bit floats
    if w32.count(1.0) == len(w32):
        mini = None
    elif w32.count(w32[0]) == len(w32):
        mini = w32[0]
    else:
        mini = tuple(w32)
    return sum(w32), max(0, max(weights)), mini  # W3PostingsWriter starts its maximum at int 0
