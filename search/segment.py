"""A Whoosh SegmentWriter for the one segment of a new index, taking term counts instead of text."""
from __future__ import annotations

from whoosh import formats
from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.writing import SegmentWriter

from .postings import CountedTerms, PostingTable


class BulkWriter(SegmentWriter):
    """Writes the first segment of an empty index. Postings go to a PostingTable instead of Whoosh's
    PostingPool (a tuple per posting, an external sort and a merge, then the codec one posting at a
    time); the index is the same, byte for byte.

    Text fields may come already counted: add_prepared() takes their lengths, add_counted() their
    postings for a run of documents. Such fields must be unstored Frequency fields without columns,
    whose postings are (term, frequency) weighted by the field boost, as AnalyzedText indexes them."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        try:
            if self.segments:
                raise ValueError("BulkWriter writes the first segment of an empty index only")
            if not isinstance(self.fieldwriter, W3FieldWriter):
                raise ValueError(f"BulkWriter needs the W3 codec, not {type(self.fieldwriter).__name__}")
            for name, field in self.schema.items():
                if field.vector or field.separate_spelling():
                    raise ValueError(f"field {name!r}: vectors and spelling words are not supported")
        except ValueError:
            self.cancel()
            raise
        self.table = PostingTable(self.schema)

    def add_document(self, **fields):
        self.add_prepared(fields, {})

    def add_prepared(self, fields: dict, counted_lengths: dict[str, int]) -> None:
        """One document, as add_document(**fields) would add it, plus the lengths of its counted fields
        (whose postings arrive through add_counted)."""
        self._check_state()
        schema, pdw, docnum = self.schema, self.perdocwriter, self.docnum
        docboost = self._doc_boost(fields)
        names = sorted([name for name in fields if not name.startswith("_")] + list(counted_lengths))
        self._check_fields(schema, names)
        postings, lengths = [], {}
        pdw.start_doc(docnum)
        try:
            for name in names:
                field = schema[name]
                if name in counted_lengths:
                    if not _countable(field) or name in fields:
                        raise ValueError(f"field {name!r} cannot be counted")
                    lengths[name] = counted_lengths[name]
                    pdw.add_field(name, field, None, counted_lengths[name])
                    continue
                value = fields[name]
                if value is None:
                    continue
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, name, docboost)
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if field.scorable:
                            length += freq
                        postings.append((name, tbytes, docnum, weight * fieldboost, vbytes))
                    lengths[name] = length
                customval = fields.get(f"_stored_{name}", value)
                pdw.add_field(name, field, customval if field.stored else None, length)
                if field.column_type and customval is not None:
                    pdw.add_column_value(name, field.column_type, field.to_column_value(customval))
        except Exception:
            pdw.cancel_doc()
            raise
        pdw.finish_doc()
        for posting in postings:
            self.table.add_posting(*posting)
        self.table.add_lengths(lengths)
        self._added = True
        self.docnum += 1

    def add_counted(self, fieldname: str, chunk: CountedTerms) -> None:
        """Postings of a counted field for documents already added, after any added before."""
        if chunk.docs and max(chunk.docs) >= self.docnum:
            raise ValueError("postings of a document not added yet")
        self.table.add_counted(fieldname, chunk)

    def add_reader(self, reader):
        raise NotImplementedError("BulkWriter does not merge segments")

    def _flush_segment(self):
        self.perdocwriter.close()
        self.table.write(self.fieldwriter)
        self.fieldwriter.close()


def _countable(field) -> bool:
    return (field.indexed and field.scorable and not field.stored and not field.column_type
            and type(field.format) is formats.Frequency)
