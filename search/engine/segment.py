"""A Whoosh SegmentWriter for the one segment of a new index, taking documents already indexed."""
from __future__ import annotations

from typing import Callable

from whoosh import formats
from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.writing import SegmentWriter

from search.engine.posting_table import CountedTerms, PostingTable

FieldPostings = list[tuple[bytes, float, bytes]]  # (term bytes, weight, value bytes) of one field of one document


def index_field(field, value) -> tuple[int, FieldPostings]:
    """A field's length and postings in one document, as SegmentWriter.add_document makes them."""
    length, postings = 0, []
    for tbytes, freq, weight, vbytes in field.index(value):
        if field.scorable:
            length += freq
        postings.append((tbytes, weight, vbytes))
    return length, postings


class BulkWriter(SegmentWriter):
    """Writes the first segment of an empty index. Postings go to a PostingTable instead of Whoosh's
    PostingPool (a tuple per posting, an external sort and a merge, then the codec one posting at a
    time); the index is the same, byte for byte.

    Documents may come already indexed (add_prepared), which lets other processes do the analysis;
    AnalyzedText fields may come as term counts for a run of documents (add_counted).
    encode_map: runs the posting encoding jobs at commit, e.g. a process pool's map."""

    def __init__(self, ix, encode_map: Callable = map, **kwargs):
        super().__init__(ix, **kwargs)
        try:
            if self.segments:
                raise ValueError("BulkWriter writes the first segment of an empty index only")
            if not isinstance(self.fieldwriter, W3FieldWriter):
                raise TypeError(f"BulkWriter needs the W3 codec, not {type(self.fieldwriter).__name__}")
            for name, field in self.schema.items():
                if field.vector or field.separate_spelling():
                    raise ValueError(f"field {name!r}: vectors and spelling words are not supported")
        except Exception:
            self.cancel()
            raise
        self.table = PostingTable(self.schema)
        self.encode_map = encode_map

    def add_document(self, **fields):
        docboost = self._doc_boost(fields)
        indexed = {}
        for name, value in fields.items():
            field = self.schema[name] if name in self.schema else None
            if field is not None and field.indexed and value is not None:
                fieldboost = self._field_boost(fields, name, docboost)
                length, postings = index_field(field, value)
                indexed[name] = length, [(t, w * fieldboost, v) for t, w, v in postings]
        self.add_prepared(fields, indexed)

    def add_prepared(self, fields: dict, indexed: dict[str, tuple[int, FieldPostings]]) -> None:
        """One document as add_document(**fields) adds it, its indexed fields given as index_field()
        made them (boosts applied). An indexed field neither stored nor a column needs no value in
        fields: an AnalyzedText field whose postings come through add_counted is given as (length, [])."""
        self._check_state()
        schema, pdw, docnum = self.schema, self.perdocwriter, self.docnum
        names = sorted({name for name in fields if not name.startswith("_")} | set(indexed))
        self._check_fields(schema, names)
        pdw.start_doc(docnum)
        try:
            for name in names:
                field, value = schema[name], fields.get(name)
                if name not in indexed:
                    if value is None:
                        continue
                    if field.indexed:
                        raise ValueError(f"field {name!r} is indexed but not given as indexed")
                elif not field.indexed or (value is None and (field.stored or field.column_type)):
                    raise ValueError(f"field {name!r} cannot be given as indexed without its value")
                length = indexed[name][0] if name in indexed else 0
                customval = fields.get(f"_stored_{name}", value)
                pdw.add_field(name, field, customval if field.stored else None, length)
                if field.column_type and customval is not None:
                    pdw.add_column_value(name, field.column_type, field.to_column_value(customval))
        except Exception:
            pdw.cancel_doc()
            raise
        pdw.finish_doc()
        table = self.table
        for name, (_, postings) in indexed.items():
            for tbytes, weight, vbytes in postings:
                table.add_posting(name, tbytes, docnum, weight, vbytes)
        table.add_lengths({name: length for name, (length, _) in indexed.items()})
        self._added = True
        self.docnum += 1

    def add_counted(self, fieldname: str, chunk: CountedTerms) -> None:
        """Postings of an AnalyzedText field for documents already added, after any added before."""
        field = self.schema[fieldname]
        if not (field.scorable and type(field.format) is formats.Frequency):
            raise ValueError(f"field {fieldname!r} cannot take term counts")
        if chunk.docs and max(chunk.docs) >= self.docnum:
            raise ValueError("postings of a document not added yet")
        self.table.add_counted(fieldname, chunk)

    def add_reader(self, reader):
        raise NotImplementedError("BulkWriter does not merge segments")

    def _flush_segment(self):
        self.perdocwriter.close()
        self.table.write(self.fieldwriter, self.encode_map)
        self.fieldwriter.close()
