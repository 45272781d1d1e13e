"""Vietnamese word lists: plain data, importing nothing of the package.

Written as in text (NFC, one tone style); the code that matches them folds
or keys them as it needs (`word_key`, `fold`).
"""

from __future__ import annotations

# Source: this project's list of title heads in Vietnamese news text
# (officials, envoys, coaches).
TITLE_HEADS = (
    "thủ tướng",
    "bộ trưởng",
    "thứ trưởng",
    "chủ tịch",
    "đại sứ",
    "tổng thống",
    "tổng bí thư",
    "bí thư",
    "chủ nhiệm",
    "tổng giám đốc",
    "giám đốc",
    "thống đốc",
    "ngoại trưởng",
    "tổng lãnh sự",
    "trưởng ban",
    "phó chủ tịch",
    "thị trưởng",
    "quốc vương",
    "nhà vua",
    "tổng thư ký",
    "hlv",
    "huấn luyện viên",
    "chủ tịch nước",
)

# Source: Vietnamese grammar: words before a title head (deputy, former, acting).
TITLE_PREFIXES = ("phó", "nguyên", "quyền", "cựu")

# Source: this project's list: honorifics, then roles written in lowercase
# before a person's name ("tiền đạo Nguyễn Xuân Son", "tác giả Hải Minh").
PERSON_CUES = (
    "ông",
    "bà",
    "anh",
    "chị",
    "ngài",
    "tác giả",
    "phóng viên",
    "nhà báo",
    "trợ lý",
    "tiền đạo",
    "tiền vệ",
    "hậu vệ",
    "trung vệ",
    "thủ môn",
    "cầu thủ",
    "hlv",
    "doanh nhân",
    "tỷ phú",
    "tỉ phú",
    "luật sư",
    "bác sĩ",
    "giáo sư",
    "tiến sĩ",
    "đại tá",
    "thượng tá",
    "trung tá",
    "thiếu tướng",
    "trung tướng",
    "đồng chí",
)

# Source: this project's list: words before an organisation or brand known by
# its name alone ("tạp chí Forbes", "hãng tin Reuters").
ORG_CUES = ("tạp chí", "báo", "hãng", "hãng tin", "đài")

# Source: the Vietnamese calendar: "thứ" + number for Monday to Saturday.
WEEKDAY_NUMBERS = ("hai", "ba", "tư", "năm", "sáu", "bảy")
WEEKDAY_WORD = "thứ"
SUNDAY = "chủ nhật"

# Source: this project's list: words of a photo credit or byline ("Ảnh: ...").
CREDIT_CUES = ("ảnh", "theo", "nguồn", "video")

# Source: this project's list: prepositions, units and features before a
# place's name ("tại Hà Nội", "sân bay Nội Bài").
PLACE_CUES = (
    "tại",
    "ở",
    "sang",
    "đến",
    "tới",
    "từ",
    "tỉnh",
    "thành phố",
    "nước",
    "sân",
    "sân bay",
    "đảo",
    "sông",
    "núi",
    "vịnh",
)
