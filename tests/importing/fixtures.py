"""Invented example decisions for the importer tests, written with python-docx. TEST FIXTURES ONLY: no text
here is a real regulation; the numbers (999/QĐ-MAU, 999/ອຕຢ) and bodies are made up to exercise the layout."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK

VI_HEADER = (["CƠ QUAN MẪU (TÀI LIỆU KIỂM THỬ)", "-------", "Số: 999/QĐ-MAU"],
             ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
              "Hà Nội, ngày 05 tháng 3 năm 2025"])
VI_BODY = [
    "QUYẾT ĐỊNH", "Về việc ban hành quy chế mẫu dùng để kiểm thử công cụ nhập văn bản",
    "THỦ TRƯỞNG CƠ QUAN MẪU",
    "Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15;",
    "Căn cứ Quyết định số 123/QĐ-KHONGCO về một văn bản mẫu không có trong cơ sở tri thức;",
    "QUYẾT ĐỊNH:",
    "Chương I", "QUY ĐỊNH CHUNG",
    ("Điều 1. Phạm vi", "Văn bản này là tài liệu mẫu dùng để kiểm thử, không phải văn bản pháp luật."),
    "Điều 2. Đối tượng áp dụng",
    "1. Khoản một của văn bản mẫu gồm:", "a) điểm a mẫu;", "b) điểm b mẫu.", "2. Khoản hai mẫu.",
    "Chương II", "TỔ CHỨC THỰC HIỆN",
    "Điều 3. Bảng mức mẫu", "Mức mẫu được nêu trong bảng sau:",
    [["STT", "Nội dung", "Mức"], ["1", "Mức thứ nhất", "10%"], ["2", "Mức thứ hai", "20%"]],
    "Điều 4. Sửa đổi một văn bản mẫu khác",
    "1. Sửa đổi khoản 1 Điều 9 của văn bản mẫu khác như sau:",
    "“1. Khoản được trích dẫn thứ nhất;", "2. Khoản được trích dẫn thứ hai.”",
    "2. Khoản hai của Điều 4.",
    "Điều 5. Hiệu lực",
    ("list", "Quyết định mẫu này có hiệu lực kể từ ngày ký."),
    ("list", "Văn bản mẫu trước đây hết hiệu lực."),
    ("break", "Nội dung kết thúc điều 5.", "Điều 6. Trách nhiệm thi hành"),
    "Các đơn vị mẫu chịu trách nhiệm thi hành Quyết định mẫu này.",
]
VI_SIGNATURE = (["Nơi nhận:", "- Như Điều 6;", "- Lưu: VT."],
                ["KT. THỦ TRƯỞNG", "PHÓ THỦ TRƯỞNG", "(đã ký)", "Nguyễn Văn Mẫu"])

LO_MOTTO = ["ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ", "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ"]
LO_HEADER = (["ອົງການຕົວຢ່າງ (ເອກະສານທົດສອບ)"], ["ເລກທີ 999/ອຕຢ", "ນະຄອນຫຼວງວຽງຈັນ, ວັນທີ 15 ມີນາ 2025"])
LO_BODY = [
    "ຂໍ້ຕົກລົງ", "ວ່າດ້ວຍ ລະບຽບຕົວຢ່າງ ສຳລັບທົດສອບເຄື່ອງມືນຳເຂົ້າເອກະສານ",
    "ອີງຕາມ ກົດໝາຍວ່າດ້ວຍການປະກັນສັງຄົມ ສະບັບເລກທີ 54/ສພຊ;",
    "ຫົວໜ້າອົງການຕົວຢ່າງ ຕົກລົງ:",
    "ໝວດທີ I", "ບົດບັນຍັດທົ່ວໄປ",
    "ມາດຕາ 1 ຈຸດປະສົງ", "ເອກະສານນີ້ແມ່ນຕົວຢ່າງສຳລັບການທົດສອບເທົ່ານັ້ນ, ບໍ່ແມ່ນນິຕິກຳ.",
    "ມາດຕາ ໒ ຂອບເຂດ", "1. ຂໍ້ທີໜຶ່ງຂອງເອກະສານຕົວຢ່າງ;", "2. ຂໍ້ທີສອງຂອງເອກະສານຕົວຢ່າງ.",
    "ໝວດທີ II", "ການຈັດຕັ້ງປະຕິບັດ",
    "ມາດຕາ 3 ຕາຕະລາງຕົວຢ່າງ", "ອັດຕາຕົວຢ່າງມີດັ່ງນີ້:",
    [["ລຳດັບ", "ເນື້ອໃນ", "ອັດຕາ"], ["1", "ອັດຕາທີໜຶ່ງ", "10%"], ["2", "ອັດຕາທີສອງ", "20%"]],
    "ມາດຕາ 4 ຜົນສັກສິດ", "ຂໍ້ຕົກລົງຕົວຢ່າງສະບັບນີ້ ມີຜົນສັກສິດນັບແຕ່ວັນລົງລາຍເຊັນເປັນຕົ້ນໄປ.",
]
LO_SIGNATURE = (["ບ່ອນສົ່ງ:", "- ຫ້ອງການຕົວຢ່າງ;"], ["ຫົວໜ້າອົງການຕົວຢ່າງ", "(ລາຍເຊັນ)", "ທ່ານ ຕົວຢ່າງ ທົດສອບ"])


def _table(doc, columns: tuple[list[str], ...]) -> None:
    table = doc.add_table(rows=1, cols=len(columns))
    for cell, lines in zip(table.rows[0].cells, columns):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def _data_table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for tr, row in zip(table.rows, rows):
        for cell, text in zip(tr.cells, row):
            cell.text = text


def _body(doc, items) -> None:
    for item in items:
        if isinstance(item, list):
            _data_table(doc, item)
        elif isinstance(item, tuple) and item[0] == "list":
            doc.add_paragraph(item[1], style="List Number")
        elif isinstance(item, tuple) and item[0] == "break":
            p = doc.add_paragraph(item[1])
            p.add_run().add_break(WD_BREAK.LINE)
            p.add_run(item[2]).bold = True
        elif isinstance(item, tuple):
            p = doc.add_paragraph()
            p.add_run(item[0]).bold = True
            p.add_run(" " + item[1])
        else:
            doc.add_paragraph(item)


def _decision(path: Path, header, body, signature, motto=()) -> Path:
    doc = Document()
    for line in motto:
        doc.add_paragraph(line)
    _table(doc, header)
    _body(doc, body)
    _table(doc, signature)
    doc.save(path)
    return path


def vi_decision(path: Path) -> Path:
    return _decision(path, VI_HEADER, VI_BODY, VI_SIGNATURE)


def lo_decision(path: Path) -> Path:
    return _decision(path, LO_HEADER, LO_BODY, LO_SIGNATURE, motto=LO_MOTTO)


def legacy_lao(path: Path) -> Path:
    """Lao typed in a pre-Unicode font: the file holds Latin letters that the font draws as Lao."""
    doc = Document()
    doc.add_paragraph("Số: 1/QĐ-MAU")
    run = doc.add_paragraph().add_run("¢ñ¡ªö¡ì¿ö¤")
    run.font.name = "Saysettha Lao"
    doc.save(path)
    return path
