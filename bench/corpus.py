"""Seeded generator of Vietnamese and Lao social-security regulations, and of the queries staff type."""
from __future__ import annotations

import random
import re
import unicodedata

from search import Record, SuggestionRecord, UnitRecord, get_language

TYPES = ("law", "decree", "decision", "circular", "guide", "news")
TYPE_WEIGHTS = (1, 2, 5, 2, 3, 3)
STATUSES = ("in_force", "amended", "partly_in_force", "repealed", "not_yet_in_force", "unknown")
STATUS_WEIGHTS = (10, 3, 2, 3, 1, 1)

# ---------------------------------------------------------------- Vietnamese
VI_ACTORS = [
    "người lao động", "người sử dụng lao động", "đơn vị sử dụng lao động", "cơ quan bảo hiểm xã hội",
    "Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội tỉnh", "Bảo hiểm xã hội khu vực", "đoàn thanh tra",
    "trưởng đoàn thanh tra", "thanh tra viên", "đoàn kiểm tra", "Ủy ban nhân dân cấp tỉnh", "doanh nghiệp",
    "hợp tác xã", "hộ kinh doanh", "cơ quan thuế", "Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội",
    "tổ chức dịch vụ thu", "ngân hàng thương mại", "người đứng đầu đơn vị", "công chức, viên chức",
    "người tham gia bảo hiểm y tế", "người hưởng lương hưu", "thân nhân người lao động",
]
VI_OBJECTS = [
    "bảo hiểm xã hội bắt buộc", "bảo hiểm xã hội tự nguyện", "bảo hiểm y tế", "bảo hiểm thất nghiệp",
    "bảo hiểm tai nạn lao động, bệnh nghề nghiệp", "quỹ bảo hiểm xã hội", "quỹ hưu trí và tử tuất",
    "quỹ ốm đau và thai sản", "tiền lương tháng đóng bảo hiểm xã hội", "mức đóng", "tỷ lệ đóng",
    "số tiền chậm đóng", "tiền lãi chậm đóng", "số tiền trốn đóng", "số tiền phải truy thu",
    "kết luận thanh tra", "quyết định thanh tra", "biên bản kiểm tra", "kế hoạch thanh tra hằng năm",
    "hồ sơ tham gia", "sổ bảo hiểm xã hội", "thẻ bảo hiểm y tế", "chế độ ốm đau", "chế độ thai sản",
    "chế độ hưu trí", "lương hưu", "trợ cấp một lần", "trợ cấp tuất hằng tháng", "trợ cấp thất nghiệp",
    "hợp đồng lao động", "thời gian đóng", "quá trình tham gia", "cơ sở dữ liệu quốc gia về bảo hiểm",
    "giao dịch điện tử", "đơn khiếu nại", "đơn tố cáo", "quyết định xử phạt vi phạm hành chính",
    "biện pháp khắc phục hậu quả", "danh sách lao động tham gia", "báo cáo tình hình thu nộp",
    "quỹ tiền lương", "mức lương cơ sở", "mức tham chiếu", "chứng từ nộp tiền", "sổ sách kế toán",
    "bảng thanh toán tiền lương", "phụ cấp lương", "các khoản bổ sung khác", "giấy chứng nhận nghỉ việc",
    "kết quả giám định y khoa", "chi phí khám bệnh, chữa bệnh", "dữ liệu đối chiếu", "thông báo kết quả đóng",
    "tài khoản chuyên thu", "khoản nợ đọng", "nghĩa vụ đóng", "quyền lợi của người lao động",
]
VI_VERBS = [
    "thực hiện", "tổ chức", "kiểm tra", "thanh tra", "xác định", "đối chiếu", "truy thu", "thu hồi",
    "xử lý", "lập biên bản về", "ban hành", "hướng dẫn", "áp dụng", "chi trả", "giải quyết", "tiếp nhận",
    "cung cấp", "phối hợp xác minh", "đề nghị điều chỉnh", "kiến nghị xử lý", "chấp hành", "đóng đủ",
    "điều chỉnh", "cấp lại", "ghi nhận", "công khai", "lưu trữ", "giám sát", "đánh giá", "phê duyệt",
    "gửi", "thông báo", "yêu cầu nộp", "chuyển", "khấu trừ", "trích nộp", "rà soát", "theo dõi",
]
VI_MODS = [
    "theo quy định của pháp luật", "trong thời hạn 15 ngày làm việc", "kể từ ngày nhận được văn bản",
    "chậm nhất vào ngày cuối cùng của tháng", "hằng tháng", "hằng quý", "hằng năm", "đầy đủ, kịp thời",
    "bằng văn bản", "qua cổng dịch vụ công quốc gia", "trên địa bàn quản lý", "theo mẫu ban hành kèm theo",
    "trong phạm vi nhiệm vụ được giao", "không quá 30 ngày", "tại trụ sở đơn vị", "theo kế hoạch đã phê duyệt",
    "đúng đối tượng, đúng chế độ", "trước ngày 31 tháng 12", "kể từ ngày kết thúc thanh tra",
    "trong thời gian chậm đóng", "đối với từng người lao động", "một cách công khai, minh bạch",
]
VI_DUTIES = ["có trách nhiệm", "có quyền", "phải", "được", "không được", "có nghĩa vụ", "chịu trách nhiệm"]
VI_PROVINCES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ninh", "Nghệ An", "Thanh Hóa",
                "Bình Dương", "Đồng Nai", "Lâm Đồng", "Khánh Hòa", "Thừa Thiên Huế", "Bắc Ninh", "Long An",
                "Điện Biên", "Sơn La", "Quảng Trị", "Kon Tum", "Gia Lai", "Đắk Lắk", "Tây Ninh", "Kiên Giang"]
VI_NAMES = ["An", "Bình", "Phát", "Thịnh", "Hưng", "Long", "Việt", "Hoàng", "Minh", "Tân", "Phú", "Đức",
            "Thành", "Quang", "Nam", "Hải", "Sơn", "Trường", "Xuân", "Kim", "Lộc", "Phúc", "Tiến", "Gấm"]
VI_TYPE = {"law": "Luật", "decree": "Nghị định", "decision": "Quyết định", "circular": "Thông tư",
           "guide": "Hướng dẫn", "news": "Tin"}
VI_TITLE_ACTS = ["thanh tra chuyên ngành đóng", "kiểm tra việc đóng", "thu", "truy thu", "quản lý",
                 "xử lý chậm đóng, trốn đóng", "giải quyết chế độ", "chi trả", "đối chiếu dữ liệu về"]
VI_ISSUERS = {"law": ["Quốc hội"], "decree": ["Chính phủ"], "decision": ["Bảo hiểm xã hội Việt Nam", "Bộ Tài chính"],
              "circular": ["Bộ Lao động - Thương binh và Xã hội", "Bộ Tài chính"],
              "guide": ["Bảo hiểm xã hội Việt Nam"], "news": ["Bảo hiểm xã hội Việt Nam", "Báo Bảo hiểm xã hội"]}
VI_TAGS = ["thanh tra", "kiểm tra", "thu", "chậm đóng", "trốn đóng", "truy thu", "hưu trí", "thai sản",
           "bảo hiểm y tế", "thất nghiệp", "khiếu nại", "xử phạt", "hợp tác quốc tế", "chuyển đổi số"]
VI_HEADS = ["Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ", "Nguyên tắc", "Trách nhiệm của {a}",
            "Quyền của {a}", "Hồ sơ, thủ tục", "Trình tự thực hiện", "Xử lý vi phạm", "Hiệu lực thi hành",
            "Tổ chức thực hiện", "{o}", "Thời hạn {v} {o}", "Thẩm quyền {v} {o}"]

# ---------------------------------------------------------------- Lao (no spaces inside a phrase)
LO_ACTORS = [
    "ຜູ້ອອກແຮງງານ", "ຜູ້ໃຊ້ແຮງງານ", "ຫົວໜ່ວຍນຳໃຊ້ແຮງງານ", "ອົງການປະກັນສັງຄົມແຫ່ງຊາດ", "ຄະນະກວດກາ",
    "ຫົວໜ້າຄະນະກວດກາ", "ຜູ້ກວດກາ", "ຜູ້ຖືກກວດກາ", "ວິສາຫະກິດ", "ລັດຖະກອນ", "ຜູ້ປະກັນຕົນ",
    "ສະມາຊິກຄອບຄົວ", "ກະຊວງແຮງງານ", "ກະຊວງການເງິນ", "ອົງການປົກຄອງແຂວງ", "ພະນັກງານປະກັນສັງຄົມ",
    "ນິຕິບຸກຄົນ", "ຜູ້ຮັບບຳນານ", "ທະນາຄານທຸລະກິດ",
]
LO_OBJECTS = [
    "ປະກັນສັງຄົມ", "ປະກັນສຸຂະພາບ", "ເງິນສົມທົບ", "ອັດຕາເງິນສົມທົບ", "ກອງທຶນປະກັນສັງຄົມ", "ບຳນານ",
    "ເງິນບໍານານ", "ເງິນເດືອນ", "ບັນຊີເງິນເດືອນ", "ຍອດລວມເງິນເດືອນ", "ບົດບັນທຶກການກວດກາ", "ບົດລາຍງານ",
    "ຜົນການກວດກາ", "ການຈ່າຍຊັກຊ້າ", "ການຈ່າຍບໍ່ຄົບ", "ເງິນສົມທົບທີ່ຄ້າງຈ່າຍ", "ການທວງເກັບ", "ການປັບໃໝ",
    "ການກ່າວເຕືອນ", "ລະບຽບການ", "ການເຈັບເປັນ", "ການເກີດລູກ", "ອຸບັດຕິເຫດແຮງງານ", "ພະຍາດອາຊີບ",
    "ການວ່າງງານ", "ການປິ່ນປົວ", "ບັດປະກັນສຸຂະພາບ", "ເງິນອຸດໜູນ", "ເງິນອຸດໜູນຄັ້ງດຽວ", "ການເສຍຊີວິດ",
    "ການຂຶ້ນທະບຽນ", "ຖານຂໍ້ມູນ", "ເອກະສານ", "ຫຼັກຖານ", "ສັນຍາແຮງງານ", "ໃບຢັ້ງຢືນການຈ່າຍເງິນ",
    "ຄຳຮ້ອງທຸກ", "ມາດຕະການແກ້ໄຂ", "ຄວາມຮັບຜິດຊອບ", "ພັນທະ", "ສິດ", "ໜ້າທີ່", "ຂອບເຂດ", "ໄລຍະເວລາ",
    "ແຜນການກວດກາປະຈຳປີ", "ຈຳນວນເງິນ", "ເງື່ອນໄຂ", "ການຄຸ້ມຄອງຄວາມສ່ຽງ", "ການຮ່ວມມື", "ບົດຮຽນ",
    "ການກວດສອບ", "ການກວດກາ", "ຂໍ້ມູນ", "ລາຍຊື່ຜູ້ອອກແຮງງານ", "ການຊ່ວຍເຫຼືອທາງສັງຄົມ", "ການຫຼົບຫຼີກ",
]
LO_VERBS = [
    "ຕ້ອງຈ່າຍ", "ຈ່າຍ", "ກວດກາ", "ກວດສອບ", "ຄຸ້ມຄອງ", "ຕິດຕາມ", "ລາຍງານ", "ສະເໜີ", "ແຈ້ງ", "ອອກ",
    "ຮັບຮອງ", "ປະຕິບັດ", "ຈັດຕັ້ງປະຕິບັດ", "ຮັບຜິດຊອບ", "ສະໜອງ", "ເກັບກຳ", "ທວງເກັບ", "ປັບໃໝ",
    "ແກ້ໄຂ", "ພິຈາລະນາ", "ອະນຸມັດ", "ນຳໃຊ້", "ຂຶ້ນທະບຽນ", "ຢັ້ງຢືນ", "ກຳນົດ", "ຖອກ", "ໂອນ", "ບັນທຶກ",
    "ສົມທຽບ", "ກວດເບິ່ງ", "ຮຽກຮ້ອງ", "ມອບໃຫ້", "ປະສານສົມທົບກັບ",
]
LO_LINKS = ["ຂອງ", "ໃຫ້ແກ່", "ກ່ຽວກັບ", "ໂດຍ", "ທີ່", "ເພື່ອ", "ຕາມ", "ໃນ", "ຈາກ", "ກັບ", "ດ້ານ"]
LO_MODS = [
    "ຕາມລະບຽບການ", "ໃຫ້ຄົບຖ້ວນ", "ທັນເວລາ", "ເປັນລາຍເດືອນ", "ແຕ່ລະປີ", "ທີ່ມີຜົນບັງຄັບໃຊ້", "ຢ່າງເຂັ້ມງວດ",
    "ໂດຍກົງ", "ເປັນລາຍລັກອັກສອນ", "ພາຍໃນສິບຫ້າວັນ", "ພາຍໃນສາມສິບວັນ", "ນັບແຕ່ວັນທີໄດ້ຮັບ", "ຕາມແຜນການ",
    "ຢ່າງໂປ່ງໃສ", "ໃນຂອບເຂດຄວາມຮັບຜິດຊອບຂອງຕົນ", "ຕາມຂັ້ນຕອນທີ່ກົດໝາຍກຳນົດ",
]
LO_CONJ = ["ແລະ", "ຫຼື", "ເຊິ່ງ", "ສະນັ້ນ", "ພ້ອມທັງ", "ຖ້າ"]
LO_PROVINCES = ["ນະຄອນຫຼວງວຽງຈັນ", "ຫຼວງພະບາງ", "ຈຳປາສັກ", "ສະຫວັນນະເຂດ", "ຄຳມ່ວນ", "ບໍລິຄຳໄຊ",
                "ຊຽງຂວາງ", "ອຸດົມໄຊ", "ຫົວພັນ", "ສາລະວັນ", "ອັດຕະປື", "ຫຼວງນ້ຳທາ", "ບໍ່ແກ້ວ", "ໄຊຍະບູລີ"]
LO_NAMES = ["ສີສະຫວາດ", "ພູວົງ", "ຄຳແສງ", "ວົງສາ", "ບົວພັນ", "ແສງຈັນ", "ດາວເຮືອງ", "ມະນີວົງ", "ສຸລິຍາ"]
LO_TYPE = {"law": "ກົດໝາຍ", "decree": "ດຳລັດ", "decision": "ຂໍ້ຕົກລົງ", "circular": "ແຈ້ງການ",
           "guide": "ຄຳແນະນຳ", "news": "ຂ່າວ"}
LO_ISSUERS = {"law": ["ສະພາແຫ່ງຊາດ"], "decree": ["ລັດຖະບານ"], "decision": ["ນາຍົກລັດຖະມົນຕີ"],
              "circular": ["ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ"], "guide": ["ອົງການປະກັນສັງຄົມແຫ່ງຊາດ"],
              "news": ["ອົງການປະກັນສັງຄົມແຫ່ງຊາດ"]}
LO_TAGS = ["ການກວດກາ", "ເງິນສົມທົບ", "ບຳນານ", "ປະກັນສຸຂະພາບ", "ການທວງເກັບ", "ການຮ່ວມມື", "ອຸບັດຕິເຫດແຮງງານ"]
LO_HEADS = ["ຈຸດປະສົງ", "ຂອບເຂດການນຳໃຊ້", "ການອະທິບາຍຄຳສັບ", "ຫຼັກການ", "ສິດ ແລະ ພັນທະຂອງ{a}",
            "ໜ້າທີ່ຂອງ{a}", "ການ{v}{o}", "{o}", "ມາດຕະການຕໍ່ຜູ້ລະເມີດ", "ການຈັດຕັ້ງປະຕິບັດ", "ຜົນສັກສິດ"]
LO_QUERIES = ["ປະກັນສັງຄົມ", "ການກວດກາ", "ເງິນສົມທົບ", "ຜູ້ອອກແຮງງານ", "ກອງທຶນ", "ບຳນານ", "ເງິນເດືອນ",
              "ອຸບັດຕິເຫດ", "ພະຍາດອາຊີບ", "ການວ່າງງານ", "ປະກັນສຸຂະພາບ", "ການທວງເກັບ", "ການປັບໃໝ", "ຄຳຮ້ອງທຸກ",
              "ຄະນະກວດກາ", "ຂຶ້ນທະບຽນ", "ເກີດລູກ", "ຊັກຊ້າ", "ຄ້າງຈ່າຍ", "ກວດສອບ", "ລາຍງານ", "ຫົວໜ່ວຍ"]
VI_QUERIES = ["chậm đóng", "trốn đóng", "truy thu", "thanh tra", "kiểm tra chuyên ngành", "bảo hiểm xã hội",
              "bảo hiểm y tế", "thất nghiệp", "lương hưu", "trợ cấp một lần", "thai sản", "ốm đau", "tiền lãi",
              "kết luận thanh tra", "quyết định thanh tra", "biên bản", "đơn vị sử dụng", "người lao động",
              "mức đóng", "tỷ lệ đóng", "sổ bảo hiểm", "thẻ bảo hiểm", "khiếu nại", "tố cáo", "xử phạt", "nợ đọng",
              "quỹ hưu trí", "tiền lương tháng", "giám định y khoa", "hợp đồng lao động", "phụ cấp", "mức tham chiếu",
              "đối chiếu dữ liệu", "giao dịch điện tử", "khắc phục hậu quả", "trưởng đoàn", "tử tuất", "hộ kinh doanh"]
LAO_DIGITS = str.maketrans("0123456789", get_language("lo").digits)
BROAD = ["lao", "đóng", "quỹ", "bảo", "thu", "tra", "người", "chế", "ການ", "ງານ", "ເງິນ", "ສັງ"]


def plain(text: str) -> str:
    """Vietnamese without accents, as typed on a keyboard without a Vietnamese layout."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _number(rnd: random.Random, lang: str, kind: str, year: int) -> str:
    n = rnd.randint(1, 3000)
    if lang == "vi":
        legislature = "QH13" if year < 2016 else "QH14" if year < 2021 else "QH15"
        return {"law": f"{rnd.randint(1, 90)}/{year}/{legislature}", "decree": f"{n}/{year}/NĐ-CP",
                "decision": f"{n}/QĐ-BHXH", "circular": f"{rnd.randint(1, 60):02d}/{year}/TT-BLĐTBXH",
                "guide": f"{n}/HD-BHXH", "news": ""}[kind]
    number = {"law": f"{rnd.randint(1, 90)}/ສພຊ", "decree": f"{n}/ລບ", "decision": f"{n}/ນຍ",
              "circular": f"{n}/ຮສ", "guide": f"{n:04d}/ອປສ", "news": ""}[kind]
    return number.translate(LAO_DIGITS) if rnd.random() < 0.3 else number


class _Writer:
    """Sentences of one language; counts words (Vietnamese syllables, Lao vocabulary items)."""

    def __init__(self, rnd: random.Random, lang: str, numbers: list[tuple[str, str, str]]):
        self.rnd, self.lang, self.numbers = rnd, lang, numbers

    def cite(self) -> str:
        kind, lang, number = self.rnd.choice(self.numbers)
        art = self.rnd.randint(1, 25)
        if self.lang == "vi":
            return self.rnd.choice([f"Căn cứ {VI_TYPE[kind]} số {number}", f"theo quy định tại Điều {art} "
                                    f"{VI_TYPE[kind]} {number}", f"được hướng dẫn tại văn bản số {number}"])
        return self.rnd.choice([f"ອີງຕາມ{LO_TYPE[kind]} ເລກທີ {number}", f"ຕາມມາດຕາ {art} ຂອງ{LO_TYPE[kind]} "
                                f"ເລກທີ {number}"])

    def sentence(self) -> tuple[str, int]:
        r = self.rnd
        if self.lang == "vi":
            parts = [r.choice(VI_ACTORS), r.choice(VI_DUTIES), r.choice(VI_VERBS), r.choice(VI_OBJECTS)]
            if r.random() < 0.5:
                parts += ["của", r.choice(VI_ACTORS)]
            if r.random() < 0.6:
                parts.append(r.choice(VI_MODS))
            if r.random() < 0.3:
                parts += [r.choice(["và", "hoặc", "đồng thời"]), r.choice(VI_VERBS), r.choice(VI_OBJECTS)]
            if r.random() < 0.15:
                parts.append(f"tại {r.choice(['Công ty cổ phần', 'Công ty TNHH'])} {' '.join(r.sample(VI_NAMES, 2))} "
                             f"tỉnh {r.choice(VI_PROVINCES)}")
            if r.random() < 0.1:
                parts.append(f"với số tiền {r.randint(2, 900)}.{r.randint(100, 999)}.000 đồng")
            if r.random() < 0.12 and self.numbers:
                parts.insert(0, self.cite() + ",")
            if r.random() < 0.08:
                parts.append(f"từ ngày {r.randint(1, 28):02d} tháng {r.randint(1, 12):02d} năm {r.randint(2010, 2026)}")
            text = " ".join(parts)
            return text[0].upper() + text[1:] + ".", len(text.split())
        phrase = [r.choice(LO_ACTORS), r.choice(LO_VERBS), r.choice(LO_OBJECTS)]
        if r.random() < 0.5:
            phrase += [r.choice(LO_LINKS), r.choice(LO_OBJECTS)]
        phrases = ["".join(phrase)]
        words = len(phrase)
        for _ in range(r.randint(0, 3)):
            pick = r.random()
            if pick < 0.4:
                phrases.append(r.choice(LO_MODS))
                words += 2
            else:
                more = [r.choice(LO_VERBS), r.choice(LO_OBJECTS)] + ([r.choice(LO_LINKS), r.choice(LO_ACTORS)]
                                                                    if pick < 0.7 else [])
                phrases += [r.choice(LO_CONJ), "".join(more)]
                words += 1 + len(more)
        if r.random() < 0.12:
            phrases.append(f"ຢູ່ບໍລິສັດ {r.choice(LO_NAMES)} ຈຳກັດ ແຂວງ{r.choice(LO_PROVINCES)}")
            words += 5
        if r.random() < 0.1:
            phrases.append(f"ຈຳນວນເງິນ {r.randint(2, 900)}.{r.randint(100, 999)}.000 ກີບ")
            words += 3
        if r.random() < 0.12 and self.numbers:
            phrases.insert(0, self.cite())
            words += 4
        if r.random() < 0.08:
            phrases.append(f"ນັບແຕ່ວັນທີ {r.randint(1, 28)}/{r.randint(1, 12)}/{r.randint(2010, 2026)}")
            words += 2
        return " ".join(phrases) + ".", words

    def paragraph(self, words: int) -> str:
        out, n = [], 0
        while n < words:
            text, k = self.sentence()
            if out and n + k > words:
                break
            out.append(text)
            n += k
        return " ".join(out)

    def heading(self, art: int) -> str:
        r = self.rnd
        if self.lang == "vi":
            head = r.choice(VI_HEADS).format(a=r.choice(VI_ACTORS), o=r.choice(VI_OBJECTS), v=r.choice(VI_VERBS))
            return f"Điều {art}. {head[0].upper() + head[1:]}"
        head = r.choice(LO_HEADS).format(a=r.choice(LO_ACTORS), o=r.choice(LO_OBJECTS), v=r.choice(LO_VERBS))
        return f"ມາດຕາ {art} {head}"

    def title(self, kind: str) -> str:
        r = self.rnd
        if self.lang == "vi":
            topic = f"{r.choice(VI_TITLE_ACTS)} {r.choice(VI_OBJECTS)}"
            if r.random() < 0.3:
                topic += f" đối với {r.choice(VI_ACTORS)}"
            return {"law": f"Luật {r.choice(['Bảo hiểm xã hội', 'Bảo hiểm y tế', 'Việc làm', 'Thanh tra'])}"
                           f"{r.choice(['', ' (sửa đổi)'])}",
                    "decree": f"Nghị định quy định chi tiết {topic}",
                    "decision": f"Quyết định ban hành Quy trình {topic}",
                    "circular": f"Thông tư hướng dẫn {topic}", "guide": f"Hướng dẫn {topic}",
                    "news": f"Bảo hiểm xã hội tỉnh {r.choice(VI_PROVINCES)} {r.choice(VI_VERBS)} {r.choice(VI_OBJECTS)}",
                    }[kind]
        topic = f"{r.choice(LO_OBJECTS)}{r.choice(LO_LINKS)}{r.choice(LO_OBJECTS)}"
        if kind == "law":
            return f"ກົດໝາຍວ່າດ້ວຍ{r.choice(['ການປະກັນສັງຄົມ', 'ການກວດກາ', 'ແຮງງານ', 'ປະກັນສຸຂະພາບ'])}" \
                   f"{r.choice(['', ' (ສະບັບປັບປຸງ)'])}"
        if kind == "news":
            return f"ປະກັນສັງຄົມແຂວງ{r.choice(LO_PROVINCES)} {r.choice(LO_VERBS)}{r.choice(LO_OBJECTS)}"
        return f"{LO_TYPE[kind]}ວ່າດ້ວຍ{topic}"


def generate(n: int, seed: int = 42) -> list[Record]:
    """n documents, about half Vietnamese and half Lao, the same for the same seed."""
    rnd = random.Random(seed)
    plans = []
    for i in range(n):
        lang = "vi" if rnd.random() < 0.5 else "lo"
        kind = rnd.choices(TYPES, TYPE_WEIGHTS)[0]
        year = rnd.randint(2010, 2025)
        plans.append((i, lang, kind, year, _number(rnd, lang, kind, year)))
    numbers = [(kind, lang, num) for _, lang, kind, _, num in plans if num]
    by_lang = {lang: [x for x in numbers if x[1] == lang] or numbers for lang in ("vi", "lo")}
    records = []
    for i, lang, kind, year, number in plans:
        w = _Writer(rnd, lang, by_lang[lang] if rnd.random() < 0.9 else numbers)
        total = int(150 * 10 ** rnd.random())  # 150–1500 words, log-uniform
        articles = rnd.randint(3, 25)
        per = max(8, total // articles)
        units = [UnitRecord(f"art-{a}", w.heading(a), w.paragraph(per)) for a in range(1, articles + 1)]
        issued = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        tags = rnd.sample(VI_TAGS if lang == "vi" else LO_TAGS, rnd.randint(1, 3))
        issuer = rnd.choice((VI_ISSUERS if lang == "vi" else LO_ISSUERS)[kind])
        title = w.title(kind)
        if number and rnd.random() < 0.4:
            title = f"{title} {'số' if lang == 'vi' else 'ເລກທີ'} {number}"
        records.append(Record(
            id=f"{kind}-{i:06d}", lang=lang, title=title, number=number, summary=w.paragraph(30),
            intro=(w.cite() + ". " if rnd.random() < 0.7 else "") + w.paragraph(20),
            headings=[u.heading for u in units], units=units, type=kind,
            status=rnd.choices(STATUSES, STATUS_WEIGHTS)[0], issuer=issuer, issued=issued, tags=tags,
            payload={"path": f"{lang}/{kind}/{i:06d}.md"}))
    return records


def suggestions(records: list[Record]) -> list[SuggestionRecord]:
    out = []
    for r in records:
        out.append(SuggestionRecord(r.title, r.lang, "title", r.id))
        if r.number:
            out.append(SuggestionRecord(r.number, r.lang, "number", r.id))
    return out


def _number_form(rnd: random.Random, number: str) -> str:
    ascii_num = number.translate(str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789"))
    segs = [s for s in re.split(r"[/-]", ascii_num) if s]
    abbr = next((s for s in segs[1:] if not s.isdigit()), "")
    forms = [number, ascii_num, plain(number), number.lower(), number.replace("/", " / ")]
    if abbr and plain(abbr).isascii():  # Vietnamese: 'qd 216', 'qđ 216'
        forms += [f"{plain(abbr).lower()} {segs[0]}", f"{abbr.lower()} {segs[0]}"]
    return rnd.choice(forms)


def _typo(rnd: random.Random, text: str) -> str:
    words = text.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) >= 4:
        j = rnd.randrange(1, len(w) - 1)
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:] if rnd.random() < 0.5 else w[:j] + w[j + 1:]
    words[i] = w
    return " ".join(words)


def _vi_query(rnd: random.Random) -> str:
    """A term staff look for, sometimes two short ones together; 1–4 syllables."""
    if rnd.random() < 0.7:
        return rnd.choice(VI_QUERIES)
    short = [q for q in VI_QUERIES if len(q.split()) <= 2]
    return " ".join(rnd.sample(short, 2))


def labelled_queries(records: list[Record], n: int, seed: int = 42) -> list[tuple[str, str]]:
    """(kind, query) pairs in the proportions staff type them."""
    rnd = random.Random(seed)
    numbered = [r.number for r in records if r.number]
    kinds = {"vi": 25, "vi_plain": 15, "lo": 20, "number": 15, "phrase": 8, "typo": 5, "exclude": 5, "broad": 7}
    out = []
    for kind in rnd.choices(list(kinds), list(kinds.values()), k=n):
        if kind == "vi":
            q = _vi_query(rnd)
        elif kind == "vi_plain":
            q = plain(_vi_query(rnd))
        elif kind == "lo":
            q = rnd.choice(LO_QUERIES)
        elif kind == "number":
            q = _number_form(rnd, rnd.choice(numbered)) if numbered else "216/QĐ-BHXH"
        elif kind == "phrase":
            q = rnd.choice([q for q in VI_QUERIES if " " in q]) if rnd.random() < 0.6 else rnd.choice(LO_OBJECTS)
            q = f'"{q}"'
        elif kind == "typo":
            q = _typo(rnd, plain(rnd.choice(VI_QUERIES)))
        elif kind == "exclude":
            if rnd.random() < 0.7:
                q = f"{rnd.choice(['bảo hiểm', 'chế độ', 'thanh tra', 'quỹ'])} -{rnd.choice(['y', 'thất', 'tự', 'thai'])}"
            else:
                q = f"ປະກັນ -{rnd.choice(['ສຸຂະພາບ', 'ສັງຄົມ'])}"
        else:
            q = rnd.choice(BROAD)
        out.append((kind, q))
    return out


def query_mix(records: list[Record], n: int, seed: int = 42) -> list[str]:
    return [q for _, q in labelled_queries(records, n, seed)]


# ---------------------------------------------------------------- full-length laws (synthetic)
# Laws as long as real ones: chapters of articles, articles of numbered clauses, clauses of lettered points.
# The text is generated from the vocabulary above and is NOT the wording of any law: every record says so in
# its summary and payload, and its id starts with "synthetic-". For measuring speed only.
SYNTHETIC_VI = "(Văn bản mô phỏng, sinh tự động để đo tốc độ tìm kiếm; không phải văn bản pháp luật.)"
SYNTHETIC_LO = "(ເອກະສານຈຳລອງ ທີ່ສ້າງຂຶ້ນອັດຕະໂນມັດ ເພື່ອວັດແທກຄວາມໄວຂອງການຄົ້ນຫາ; ບໍ່ແມ່ນເອກະສານກົດໝາຍ.)"
VI_LAW_TOPICS = [
    "Bảo hiểm xã hội", "Bảo hiểm y tế", "Việc làm", "Thanh tra", "An toàn, vệ sinh lao động", "Công đoàn",
    "Xử lý vi phạm hành chính", "Khiếu nại", "Tố cáo", "Kế toán", "Quản lý thuế", "Ngân sách nhà nước",
    "Tiếp công dân", "Giao dịch điện tử", "Người cao tuổi", "Người khuyết tật", "Trẻ em", "Bình đẳng giới",
    "Dân số", "Phòng, chống tham nhũng", "Khám bệnh, chữa bệnh", "Cán bộ, công chức", "Viên chức",
    "Doanh nghiệp", "Hợp tác xã", "Giáo dục nghề nghiệp", "Ngân hàng Nhà nước Việt Nam", "Kiểm toán nhà nước",
    "Lưu trữ", "Thống kê", "Dữ liệu", "Căn cước", "Tổ chức chính quyền địa phương", "Ban hành văn bản quy phạm pháp luật",
]
LO_LAW_TOPICS = [
    "ການປະກັນສັງຄົມ", "ປະກັນສຸຂະພາບ", "ແຮງງານ", "ການກວດກາ", "ຄວາມປອດໄພ ແລະ ອະນາໄມແຮງງານ", "ສະຫະພັນກຳມະບານ",
    "ການຈັດຕັ້ງປະຕິບັດຄຳຕັດສິນ", "ການແກ້ໄຂຄຳຮ້ອງທຸກ", "ການບັນຊີ", "ສ່ວຍສາອາກອນ", "ງົບປະມານແຫ່ງລັດ",
    "ທຸລະກຳທາງເອເລັກໂຕຣນິກ", "ຜູ້ສູງອາຍຸ", "ຄົນພິການ", "ການປົກປ້ອງສິດ ແລະ ຜົນປະໂຫຍດຂອງເດັກ",
    "ການຕ້ານການສໍ້ລາດບັງຫຼວງ", "ການປິ່ນປົວ", "ພະນັກງານ-ລັດຖະກອນ", "ວິສາຫະກິດ", "ສະຫະກອນ", "ການສຶກສາວິຊາຊີບ",
    "ທະນາຄານແຫ່ງ ສປປ ລາວ", "ການກວດສອບແຫ່ງລັດ", "ເອກະສານຈົດໝາຍເຫດ", "ສະຖິຕິ", "ການປົກຄອງທ້ອງຖິ່ນ",
]
VI_CHAPTERS = ["Những quy định chung", "Quyền và trách nhiệm của {a}", "{o}", "Hồ sơ, trình tự, thủ tục {o}",
               "Quản lý {o}", "Thanh tra, kiểm tra và xử lý vi phạm", "Giải quyết khiếu nại, tố cáo về {o}",
               "Tổ chức thực hiện {o}", "Điều khoản thi hành"]
LO_CHAPTERS = ["ບົດບັນຍັດທົ່ວໄປ", "ສິດ ແລະ ພັນທະຂອງ{a}", "{o}", "ການຄຸ້ມຄອງ{o}", "ການກວດກາ ແລະ ມາດຕະການ",
               "ການແກ້ໄຂຄຳຮ້ອງທຸກກ່ຽວກັບ{o}", "ການຈັດຕັ້ງປະຕິບັດ", "ບົດບັນຍັດສຸດທ້າຍ"]
VI_FIRST, VI_LAST = ["Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ"], "Hiệu lực thi hành"
LO_FIRST, LO_LAST = ["ຈຸດປະສົງ", "ຂອບເຂດການນຳໃຊ້", "ການອະທິບາຍຄຳສັບ"], "ຜົນສັກສິດ"
VI_POINTS = "abcdđeghiklmn"
LO_POINTS = ["ກ", "ຂ", "ຄ", "ງ", "ຈ", "ສ", "ຊ", "ຍ", "ດ", "ຕ"]
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _upper_first(text: str) -> str:
    return text[0].upper() + text[1:]


def _sentences(w: _Writer, chars: int) -> str:
    """Sentences of about this many characters (at least one)."""
    out, n = [], 0
    while not out or n < chars:
        text, _ = w.sentence()
        out.append(text)
        n += len(text) + 1
    return " ".join(out)


def _article(w: _Writer, chars: int) -> str:
    """The body of one article of about `chars` characters: a single paragraph, or numbered clauses of which
    some list lettered points ('a) …;' / 'ກ) …;')."""
    r = w.rnd
    if chars < 400 and r.random() < 0.5:
        return _sentences(w, chars)
    clauses = max(1, min(12, int(chars / r.uniform(250, 600))))
    per = chars // clauses
    lines = []
    for c in range(1, clauses + 1):
        if r.random() < 0.3 and per > 250:
            points = r.randint(2, min(8, per // 100 + 2))
            lead, _ = w.sentence()
            lines.append(f"{c}. {lead.rstrip('.')}:" if w.lang == "vi" else f"{c}. {lead.rstrip('.')} ດັ່ງນີ້:")
            letters = VI_POINTS if w.lang == "vi" else LO_POINTS
            for p in range(points):
                text = _sentences(w, max(40, (per - len(lead)) // points)).rstrip(".")
                text = text[0].lower() + text[1:] if w.lang == "vi" else text
                lines.append(f"{letters[p]}) {text}{'.' if p == points - 1 else ';'}")
        else:
            lines.append(f"{c}. {_sentences(w, per)}")
    return "\n".join(lines)


def _law_number(rnd: random.Random, lang: str, year: int, used: set) -> str:
    while True:
        k = rnd.randint(1, 99 + len(used))  # room for every law however many (Lao numbers have no year)
        if lang == "vi":
            legislature = "QH13" if year < 2016 else "QH14" if year < 2021 else "QH15"
            number = f"{k}/{year}/{legislature}"
        else:
            number = f"{k:02d}/ສພຊ"
        if (lang, number) not in used:
            used.add((lang, number))
            return number


def long_laws(n: int, seed: int = 42, articles: tuple[int, int] = (100, 400),
              chars: tuple[int, int] = (100_000, 300_000)) -> list[Record]:
    """n synthetic laws of full length, about half Vietnamese and half Lao, the same for the same seed.

    Each has 100–400 articles (most near 100, a few up to 400, as real laws are: about 150 on average) and
    100–300 k characters of article text, in chapters (`Chương I` / `ໝວດທີ 1`) of articles (`Điều 17. …` /
    `ມາດຕາ 17 …`) with numbered clauses and lettered points. The wording is generated and marked synthetic."""
    rnd = random.Random(seed)
    used: set = set()
    plans = []
    for i in range(n):
        lang = "vi" if rnd.random() < 0.5 else "lo"
        year = rnd.randint(2006, 2025)
        count = articles[0] + int((articles[1] - articles[0]) * rnd.random() ** 5)
        plans.append((i, lang, year, _law_number(rnd, lang, year, used), count, rnd.uniform(*chars)))
    numbers = [("law", lang, num) for _, lang, _, num, _, _ in plans]
    by_lang = {lang: [x for x in numbers if x[1] == lang] or numbers for lang in ("vi", "lo")}
    records = []
    for i, lang, year, number, count, total in plans:
        w = _Writer(rnd, lang, by_lang[lang])
        vi = lang == "vi"
        topic = rnd.choice(VI_LAW_TOPICS if vi else LO_LAW_TOPICS)
        amended = rnd.random() < 0.3
        title = (f"Luật {topic}{' (sửa đổi)' if amended else ''}" if vi
                 else f"ກົດໝາຍວ່າດ້ວຍ{topic}{' (ສະບັບປັບປຸງ)' if amended else ''}")
        # Article lengths vary around the law's mean (long definitions, one-line entries into force).
        weights = [rnd.lognormvariate(0, 0.6) for _ in range(count)]
        left, left_weight = total, sum(weights)
        chapters = max(3, min(16, count // rnd.randint(10, 25)))
        starts = sorted(rnd.sample(range(2, count + 1), chapters - 1)) if count > chapters else []
        heads, units, chapter = [], [], 0
        for a in range(1, count + 1):
            if a == 1 or a in starts:
                chapter += 1
                name = (VI_CHAPTERS if vi else LO_CHAPTERS)
                pick = name[0] if chapter == 1 else name[-1] if chapter == chapters else rnd.choice(name[1:-1])
                pick = pick.format(a=rnd.choice(VI_ACTORS if vi else LO_ACTORS),
                                   o=rnd.choice(VI_OBJECTS if vi else LO_OBJECTS))
                heads.append(f"Chương {_roman(chapter)}. {_upper_first(pick)}" if vi else f"ໝວດທີ {chapter} {pick}")
            fixed = (VI_FIRST if vi else LO_FIRST)[a - 1] if a <= 3 else (VI_LAST if vi else LO_LAST) if a == count else ""
            heading = (f"Điều {a}. {fixed}" if vi else f"ມາດຕາ {a} {fixed}") if fixed else w.heading(a)
            heads.append(heading)
            # Each article gets its share of what is left, so overshooting sentences do not add up.
            body = _article(w, max(60, int(left * weights[a - 1] / left_weight)))
            left, left_weight = left - len(body), left_weight - weights[a - 1]
            units.append(UnitRecord(f"art-{a}", heading, body))
        issued = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        intro = (f"Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam; Quốc hội ban hành {title}." if vi
                 else f"ອີງຕາມລັດຖະທຳມະນູນແຫ່ງ ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ; ສະພາແຫ່ງຊາດ ໄດ້ຮັບຮອງເອົາ{title}.")
        records.append(Record(
            id=f"synthetic-law-{i:04d}", lang=lang, title=title, number=number,
            summary=f"{SYNTHETIC_VI if vi else SYNTHETIC_LO} {w.paragraph(30)}", intro=intro, headings=heads,
            units=units, type="law", status=rnd.choices(STATUSES, STATUS_WEIGHTS)[0],
            issuer="Quốc hội" if vi else "ສະພາແຫ່ງຊາດ", issued=issued,
            tags=rnd.sample(VI_TAGS if vi else LO_TAGS, rnd.randint(1, 3)),
            payload={"path": f"synthetic/{lang}/law-{i:04d}.md", "synthetic": True}))
    return records


def _law_number_form(rnd: random.Random, law: Record) -> str:
    """A law's number as people type it: '45/2019/QH14', 'luật 45/2019', '45/2019'; '32/ສພຊ', 'ເລກທີ ໓໒/ສພຊ'."""
    number = law.number
    if law.lang == "vi":
        short = "/".join(number.split("/")[:2])
        return rnd.choice([number, number.lower(), f"luật {short}", short, f"luat {plain(number).lower()}"])
    return rnd.choice([number, f"ເລກທີ {number}", number.translate(LAO_DIGITS), f"ກົດໝາຍ {number}"])


VI_ASKING = [  # question templates: {a} actor, {o} object, {v} verb
    "thời hạn {v} {o} tối đa bao nhiêu ngày", "{a} có những quyền gì", "{a} có trách nhiệm gì",
    "{o} là gì", "ai có thẩm quyền {v} {o}", "{a} có được {v} {o} không", "{v} {o} như thế nào",
    "khi nào {a} phải {v} {o}", "{o} bao gồm những gì", "mức {o} là bao nhiêu", "{a} {v} {o} ở đâu",
    "{o} được {v} trong trường hợp nào", "mấy ngày thì {a} phải {v} {o}",
]
LO_ASKING = [
    "{a}ມີສິດຫຍັງແດ່", "{a} ມີໜ້າທີ່ຫຍັງແດ່", "{v}{o}ແນວໃດ", "{o}ແມ່ນຫຍັງ", "ໃຜ{v}{o}", "{a}{v}{o}ບໍ່ເກີນຈັກວັນ",
    "{a}ຕ້ອງ{v}{o}ບໍ", "{o} ມີຫຍັງແດ່", "{a} {v}{o} ເມື່ອໃດ", "{o}ຂອງ{a} ເທົ່າໃດ",
]


def long_law_queries(records: list[Record], n: int, seed: int = 42) -> list[tuple[str, str, tuple | None]]:
    """(kind, query, expected) over full-length laws: words and short phrases, questions with asking words,
    document numbers as people type them, Lao written without spaces, and an article of a named law.
    expected: for a number, ({law id}, None); for an article, ({ids of the laws the query names}, anchor);
    otherwise None (no single answer)."""
    rnd = random.Random(seed)
    laws = {lang: [r for r in records if r.lang == lang] or records for lang in ("vi", "lo")}
    kinds = {"vi": 14, "vi_plain": 8, "lo": 10, "question_vi": 16, "question_lo": 12, "number": 10,
             "lao_unspaced": 8, "article_vi": 12, "article_lo": 6, "phrase": 4}
    out = []
    for kind in rnd.choices(list(kinds), list(kinds.values()), k=n):
        expected = None
        if kind == "vi":
            q = _vi_query(rnd)
        elif kind == "vi_plain":
            q = plain(_vi_query(rnd))
        elif kind == "lo":
            q = rnd.choice(LO_QUERIES)
        elif kind == "question_vi":
            q = rnd.choice(VI_ASKING).format(a=rnd.choice(VI_ACTORS), o=rnd.choice(VI_OBJECTS), v=rnd.choice(VI_VERBS))
            q = plain(q) if rnd.random() < 0.2 else q
        elif kind == "question_lo":
            q = rnd.choice(LO_ASKING).format(a=rnd.choice(LO_ACTORS), o=rnd.choice(LO_OBJECTS), v=rnd.choice(LO_VERBS))
        elif kind == "number":
            law = rnd.choice(records)
            q, expected = _law_number_form(rnd, law), (frozenset([law.id]), None)
        elif kind == "lao_unspaced":
            q = "".join([rnd.choice(LO_ACTORS), rnd.choice(LO_VERBS), rnd.choice(LO_OBJECTS)])
        elif kind in ("article_vi", "article_lo"):
            law = rnd.choice(laws["vi" if kind == "article_vi" else "lo"])
            art = rnd.randint(1, len(law.units))
            name = law.title.split(" (")[0]
            same_name = frozenset(r.id for r in records if r.title.split(" (")[0] == name and len(r.units) >= art)
            if kind == "article_vi":
                q, expected = rnd.choice([(f"điều {art} {name.lower()}", same_name), (f"Điều {art} {name}", same_name),
                                          (f"điều {art} {law.number}", frozenset([law.id]))])
                q = plain(q) if rnd.random() < 0.2 else q
            else:
                q, expected = rnd.choice([(f"ມາດຕາ {art} {name}", same_name),
                                          (f"ມາດຕາ {art} ກົດໝາຍ ເລກທີ {law.number}", frozenset([law.id]))])
            expected = (expected, f"art-{art}")
        else:
            q = rnd.choice([q for q in VI_QUERIES if " " in q]) if rnd.random() < 0.6 else rnd.choice(LO_OBJECTS)
            q = f'"{q}"'
        out.append((kind, q, expected))
    return out
