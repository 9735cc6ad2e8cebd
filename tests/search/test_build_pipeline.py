"""Full builds through BulkWriter (postings in memory, analysis in workers) write what Whoosh's own writer writes."""
import json
import random
import subprocess
import sys
from array import array
from io import BytesIO
from pathlib import Path

import pytest
from whoosh import formats, index
from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
from whoosh.filedb.structfile import StructFile
from whoosh.system import pack_int, pack_long, pack_uint
from whoosh.util.numeric import byte_to_length

from search import SearchService, build_index
from search.index import prepare, writer
from search.text.numbers import find_numbers
from search.engine.posting_table import _BlockWriter
from search.index.prepare import to_fields
from search.index import word_map
from search.index.unit_texts import UnitTexts, pack
from search.index.word_map import WordMap
from search.index.schema import make_schema
from search.engine.segment import BulkWriter
from search.index.writer import _write_all

from .conftest import corpus, rec, suggestions

VI_WORDS = ("bảo hiểm xã hội người lao động đóng thanh tra kiểm tra chế độ thai sản hưu trí quỹ mức lương "
            "tháng năm quyết định nghị định Điều khoản trách nhiệm đơn vị truy thu chậm").split()
LO_WORDS = ("ການປະກັນສັງຄົມ ຜູ້ອອກແຮງງານ ກອງທຶນ ການກວດກາ ຫົວໜ່ວຍ ເງິນສົມທົບ ມາດຕາ ກົດໝາຍ ລັດຖະບານ ແຂວງ "
            "ນະຄອນຫຼວງວຽງຈັນ ໃບຢັ້ງຢືນ").split()


def _text(rnd, words, n):
    return " ".join(rnd.choice(words) for _ in range(n)) + "."


def varied(n, seed=5):
    """Documents whose common words reach several 128-posting blocks, with repeats (frequencies > 1),
    cited numbers, tags, dates, empty headings, and Lao documents with nothing accented."""
    rnd = random.Random(seed)
    out = list(corpus())
    for i in range(n):
        if i == n // 2:  # a word more than 255 times: its frequencies no longer fit in bytes
            out.append(rec("many", "vi", "Lặp lại", units=[("art-1", "Điều 1", "bảo hiểm " * 300)]))
        lang = "lo" if i % 3 == 0 else "vi"
        words = LO_WORDS if lang == "lo" else VI_WORDS
        units = [(f"art-{k}", f"Điều {k}. {_text(rnd, words, 3)}" if k % 2 else "",
                  _text(rnd, words, rnd.randint(5, 60)) + (f" Căn cứ {rnd.randint(1, 400)}/QĐ-BHXH." if k == 1 else ""))
                 for k in range(1, rnd.randint(1, 5) + 1)]
        out.append(rec(f"doc-{i}", lang, _text(rnd, words, 4), units=units,
                       number=f"{i + 1}/{2000 + i % 25}/NĐ-CP" if i % 4 else "",
                       intro=_text(rnd, words, rnd.randint(0, 12)),
                       tags=rnd.sample(["thu", "thanh tra", "hưu trí"], rnd.randint(0, 2)),
                       issued=f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}" if i % 5 else ""))
    return out


def stock_build(path, records):
    """What build_index(full=True) wrote before BulkWriter: Whoosh's SegmentWriter, document by document."""
    ix = new_index(path)
    writer = ix.writer(limitmb=256)
    for r in records:
        writer.add_document(**to_fields(r, r.fingerprint()))
    writer.commit(optimize=True)


def new_index(path):
    path.mkdir(parents=True, exist_ok=True)
    return index.create_in(str(path), make_schema())


def segment_files(path):
    """The bytes of every file of the index's one segment (its random id taken out of the names)."""
    ix = index.open_dir(str(path))
    (segment,) = ix._segments()
    storage = segment.open_compound_file(ix.storage) if segment.is_compound() else ix.storage
    files = {name.replace(segment.segid, "*"): storage.open_file(name).read() for name in storage.list()}
    return files, segment.doc_count_all(), dict(segment._fieldlengths)


def test_bulk_writer_writes_the_same_bytes_as_whooshs_writer(tmp_path, monkeypatch):
    monkeypatch.setattr(prepare, "CHUNK", 100)  # postings merged from several chunks
    records = varied(400)
    stock_build(tmp_path / "stock", records)
    ours = tmp_path / "ours"
    _write_all(new_index(ours), records, None, workers=0)
    stock_files, stock_docs, stock_lengths = segment_files(tmp_path / "stock")
    files, docs, lengths = segment_files(ours)
    assert (docs, lengths) == (stock_docs, stock_lengths)
    assert sorted(files) == sorted(stock_files)
    for name in stock_files:
        assert files[name] == stock_files[name], name
    # The documents are not too tame: some posting lists span blocks, some terms occur twice in a document.
    with index.open_dir(str(ours)).reader() as reader:
        terms = list(reader.lexicon("body_f"))
        assert max(reader.doc_frequency("body_f", t) for t in terms) > 128
        assert any(reader.frequency("body_f", t) > reader.doc_frequency("body_f", t) for t in terms)


def test_bulk_writer_takes_plain_documents_too(tmp_path):
    records = corpus()
    stock_build(tmp_path / "stock", records)
    writer = BulkWriter(new_index(tmp_path / "ours"))
    for r in records:
        writer.add_document(**to_fields(r, r.fingerprint()))
    writer.commit(optimize=True)
    assert segment_files(tmp_path / "ours") == segment_files(tmp_path / "stock")


def test_bulk_writer_refuses_an_index_that_has_documents(tmp_path):
    records = corpus()
    stock_build(tmp_path, records)
    with pytest.raises(ValueError):
        BulkWriter(index.open_dir(str(tmp_path)))
    index.open_dir(str(tmp_path)).writer().cancel()  # the lock was released


def test_a_searched_word_finds_the_same_documents_in_the_same_order(tmp_path, monkeypatch):
    records = varied(300, seed=9)
    build_index(tmp_path / "ours", records, suggestions(records), full=True)

    def stock_write_all(ix, todo, progress, **_):
        stock_build(Path(ix.storage.folder), todo)

    monkeypatch.setattr(writer, "_write_all", stock_write_all)
    build_index(tmp_path / "stock", records, suggestions(records), full=True)
    stock, ours = SearchService(tmp_path / "stock"), SearchService(tmp_path / "ours")
    for q in ("bảo hiểm", "bao hiem xa hoi", "thai sản", "ກອງທຶນ", "thanh tra chậm", "216/QĐ-BHXH", "Điều 2"):
        a, b = stock.search(q, per_page=20), ours.search(q, per_page=20)
        assert a.total == b.total and a.total > 0, q
        assert [(h.id, h.score, h.snippet) for h in a.hits] == [(h.id, h.score, h.snippet) for h in b.hits], q


def test_cited_numbers_are_those_of_the_whole_body():
    tricky = rec("x", "vi", "T", number="5/QĐ", intro="Theo 5/QĐ và 12/2019/NĐ-CP, ngày 1/2/2020.",
                 units=[("a", "H", "Không có số."), ("b", "H", "Lại 12/2019/NĐ-CP rồi 7 / TT - BTC.")])
    for r in [*varied(200, seed=3), tricky]:
        fields = to_fields(r, "")
        doc = json.loads(fields["doc"])
        body = "\n".join([doc["summary"], doc["intro"], *UnitTexts(fields["texts"])])
        assert fields["cited"] == " ".join(k for k in find_numbers(body) if k != fields["number"])


@pytest.mark.parametrize("boost", [1.0, 0.75, 3.0, 0.1])
def test_posting_blocks_are_those_of_whooshs_postings_writer(boost):
    rnd = random.Random(int(boost * 100))
    lens = bytes(rnd.choice([0, 1, 7, 40, 200, 255]) for _ in range(2000))
    blocks = _BlockWriter(128, 3, lens)
    for n in (1, 5, 128, 129, 300, 1000):
        docs = array("I", sorted(rnd.sample(range(2000), n)))
        mixed = array("I", [rnd.choice([1, 1, 2, 3, 300]) for _ in docs])
        for freqs in (array("B", [1] * n), array("B", [2] * n), mixed):
            out = StructFile(BytesIO())
            writer = W3Codec().postings_writer(out)
            writer.start_postings(formats.Frequency(field_boost=boost), W3TermInfo())
            for d, f in zip(docs, freqs):
                writer.add_posting(d, f * boost, pack_uint(f), byte_to_length(lens[d]) if lens[d] else None)
            terminfo = writer.finish_postings()
            data, info = blocks.counted(docs, freqs, boost)
            assert data == out.file.getvalue()
            assert info + pack_long(0) + pack_int(len(data)) == terminfo.to_bytes()


PARALLEL = r"""
import multiprocessing, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from whoosh import index
from search.index.writer import _write_all
from tests.search.test_build_pipeline import new_index, segment_files, varied

records = varied(700, seed=11)
out = Path(sys.argv[2])
for workers in (0, 2):
    _write_all(new_index(out / str(workers)), records, None, workers=workers)
assert segment_files(out / "0") == segment_files(out / "2"), "worker processes changed the index"

def explode(done, total):
    if done == 300:
        raise RuntimeError("boom")
try:
    _write_all(new_index(out / "failed"), records, explode, workers=2)
except RuntimeError:
    pass
assert not multiprocessing.active_children(), "workers left running"
print("ok")
"""


def test_worker_processes_write_the_same_index_and_stop_on_failure(tmp_path):
    # In a fresh interpreter: forking is only safe without other threads, and pytest may have some.
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", PARALLEL, str(root), str(tmp_path)], capture_output=True, text=True,
                          timeout=300, cwd=root)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


@pytest.mark.parametrize("texts", [[], [""], ["Điều 1. Phạm vi", "", "ມາດຕາ 2 ຂອບເຂດ" * 500, "x"]])
def test_unit_texts_come_back_as_stored_each_on_its_own(texts):
    stored = UnitTexts(pack(texts))
    assert len(stored) == len(texts) and list(stored) == texts
    assert all(stored[i] == t for i, t in reversed(list(enumerate(texts))))
    with pytest.raises(IndexError):
        stored[len(texts)]


def test_the_word_map_says_which_units_have_a_word_and_how_often_in_which_form():
    units = [("art-1", "Điều 1. Đóng", "Người lao động đóng, đồng thời dong."), ("art-2", "Điều 2", "ການກວດກາ ແລະ ການກວດສອບ")]
    words = WordMap(word_map.pack(units))
    assert words.units("dong") == {0: 4}  # in the heading too, counted in the text only
    assert words.units("=đồng") == {0: 1} and words.units("=đóng") == {0: 1} and words.units("=dong") == {}
    assert words.units("ກວດ") == {1: 2} and words.units("dieu") == {0: 0, 1: 0} and words.units("nowhere") == {}
    many = [(f"u{i}", "", "thanh tra" if i % 2 else "kiểm tra") for i in range(70_000)]  # more than 16 bits
    big = WordMap(word_map.pack(many))
    assert len(big.units("thanh")) == 35_000 and 69_999 in big.units("thanh") and big.units("kiem")[69_998] == 1
