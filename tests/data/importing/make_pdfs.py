"""Writes the committed PDF fixtures of tests/importing (see README.md here). TEST FIXTURES ONLY: invented text.

Run once with fpdf2 in a throw-away environment (it is not a dependency of the project):
    python3 -m venv /tmp/pdfgen && /tmp/pdfgen/bin/pip install fpdf2==2.8.9
    /tmp/pdfgen/bin/python tests/data/importing/make_pdfs.py
"""
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

HERE = Path(__file__).parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian fonts-dejavu-core
RUNNING = "TÀI LIỆU KIỂM THỬ — KHÔNG PHẢI VĂN BẢN PHÁP LUẬT"
PAGES = [[
    "CƠ QUAN MẪU (TÀI LIỆU KIỂM THỬ)", "Số: 998/QĐ-MAU",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 10 tháng 4 năm 2025",
    "QUYẾT ĐỊNH", "Về việc thử nghiệm nhập văn bản từ tệp PDF", "THỦ TRƯỞNG CƠ QUAN MẪU",
    "Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15;", "QUYẾT ĐỊNH:",
    "Điều 1. Phạm vi",
    ("Văn bản mẫu này chỉ dùng để kiểm thử việc đọc tệp PDF có lớp văn bản; nội dung là giả định, không phải "
     "quy định của bất kỳ cơ quan nào và không được trích dẫn như văn bản pháp luật."),
    "Điều 2. Kiểm tra đối chiếu hồ sơ mẫu",
    "1. Khoản một: đối chiếu danh sách mẫu với sổ theo dõi mẫu.", "2. Khoản hai gồm:",
    "a) điểm a: ghi nhận kết quả đối chiếu mẫu;", "b) điểm b: lưu hồ sơ mẫu.",
], [
    "Điều 3. Hiệu lực", "Quyết định mẫu này có hiệu lực kể từ ngày ký.",
    "KT. THỦ TRƯỞNG", "PHÓ THỦ TRƯỞNG", "Trần Thị Mẫu",
]]


class Decision(FPDF):
    def header(self):
        self.set_font("dejavu", size=8)
        self.cell(0, 6, RUNNING, align="C", new_x="LMARGIN", new_y="NEXT")

    def footer(self):
        self.set_y(-15)
        self.set_font("dejavu", size=8)
        self.cell(0, 6, f"- {self.page_no()} -", align="C")


def text_pdf(path: Path) -> None:
    pdf = Decision()
    pdf.add_font("dejavu", fname=FONT)
    for lines in PAGES:
        pdf.add_page()
        pdf.set_font("dejavu", size=11)
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def scan_pdf(path: Path) -> None:
    """A page that is only a picture of text, as a scanner makes it: no text layer at all."""
    image = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(image)
    for y in range(40, 520, 24):
        draw.rectangle((40, y, 360 - (y % 70), y + 10), fill=60)
    image_path = path.with_suffix(".png")
    image.save(image_path)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image_path), x=10, y=10, w=190)
    pdf.output(str(path))
    image_path.unlink()


if __name__ == "__main__":
    text_pdf(HERE / "decision-vi.pdf")
    scan_pdf(HERE / "scan.pdf")
