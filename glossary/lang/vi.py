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
    "tổng cục trưởng",
    "cục trưởng",
    "vụ trưởng",
    "viện trưởng",
    "chánh văn phòng",
    "chánh án",
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
    "phu nhân",
    "phu quân",
    "bà xã",
    "ông xã",
    "vợ",
    "chồng",
    "con trai",
    "con gái",
)

# Source: this project's list: a team's players and staff ("các cầu thủ
# Bình Dương" are a club's players; "các doanh nhân Belarus" are people of a
# country).
TEAM_ROLES = ("cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "trung vệ", "thủ môn", "hlv")

# Source: Vietnamese time nouns, which never continue a name in lower case
# ("Đại học Bristol năm 2008", "Bộ Chính trị khóa 19").
TIME_NOUNS = (
    "năm", "tháng", "ngày", "tuần", "quý", "hôm", "sáng", "trưa", "chiều", "tối",
    "đêm", "khóa", "nhiệm",
)  # fmt: skip

# Source: this project's list: heads of a state's missions abroad, whose name
# goes on with the place they are in ("Đại sứ quán Việt Nam tại Lào").
MISSION_HEADS = (
    "đại sứ quán", "lãnh sự quán", "tổng lãnh sự quán", "phái đoàn thường trực",
    "văn phòng đại diện",
)  # fmt: skip

# Source: Vietnamese press abbreviations of "Trung ương" (central), written
# after a Party body's name ("Ủy ban Kiểm tra T.Ư", "UBKT TW").
CENTRAL_ABBREVIATIONS = ("T.Ư", "TƯ", "TW", "T.W")

# Source: Vietnamese administrative and press usage: the standard
# abbreviations of words of a state or Party body's name, with the words in
# full ("UBND tỉnh", "UB Kiểm tra T.Ư", "UBKT TW", "T.Ư Đảng"); expanded
# when two forms of a name are compared.
BODY_ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBKT": "Ủy ban Kiểm tra",
    "UBTV": "Ủy ban Thường vụ",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQ": "Mặt trận Tổ quốc",
    "BCH": "Ban Chấp hành",
    "UB": "Ủy ban",
    **{abbreviation: "Trung ương" for abbreviation in CENTRAL_ABBREVIATIONS},
}

# Source: Vietnamese grammar: plural markers before a noun ("các cầu thủ
# Bình Dương": the players of a team, not a person).
PLURAL_MARKERS = ("các", "những")

# Source: honorifics and styles of Cambodian, Malaysian, Bruneian and Gulf
# leaders, written before the name in Vietnamese and English news alike
# ("Samdech Moha Bovor Thipadei Hun Manet", "Tan Sri Muhyiddin Yassin",
# "Sheikh Mohammed bin Zayed"): never part of the person's name.
FOREIGN_HONORIFICS = (
    "Samdech", "Akka", "Moha", "Bovor", "Thipadei", "Sena", "Padei", "Techo",
    "Tan Sri", "Puan Sri", "Dato'", "Dato' Sri", "Dato' Seri", "Datuk",
    "Datuk Seri", "Tun", "Tunku", "Tengku", "Sheikh", "Sultan", "Emir",
)  # fmt: skip

# Source: Vietnamese colloquial words for one's wife and husband ("bà xã",
# "ông xã"), whose "xã" is not the commune's unit word.
SPOUSE_WORDS = ("bà xã", "ông xã")

# Source: this project's list: a word right after a name and its comma that
# says the name is a place ("Sì Thâu Chải (Lai Châu), nơi ...": where).
PLACE_AFTER_CUES = ("nơi",)

# Source: Vietnamese coordination: the words that join the items of a list
# ("Đông Nhi, Đàm Vĩnh Hưng, Lý Nhã Kỳ hay Bảo Thy"; "Mỹ và Anh").
LIST_LINKS = (",", "và", "hay", "hoặc", "cùng")

# Source: the short names Vietnamese writes for countries beside CLDR's
# formal ones ("Mỹ" for Hoa Kỳ, "Anh" for Vương quốc Anh, "Nhật" for Nhật
# Bản) and the one-syllable forms of a pair ("Việt - Nga", "Việt - Trung"),
# with their ISO 3166-1 codes. Most are also given names: they name a
# country only beside another country or after a place word.
COUNTRY_SHORT_NAMES = {
    "Mỹ": "US",
    "Anh": "GB",
    "Việt": "VN",
    "Trung": "CN",
    "Nhật": "JP",
    "Hàn": "KR",
    "Úc": "AU",
}

# Source: this project's list: verbs of football whose subject is a player
# ("Tiến Linh sút", "Minh Khoa dứt điểm"), not a team.
PLAYER_VERBS = (
    "sút", "dứt điểm", "đệm bóng", "đánh đầu", "ghi bàn", "lập công", "để bóng",
    "đá phạt", "đá hỏng", "cứu thua", "bắt bóng", "chuyền bóng",
)  # fmt: skip

# Source: this project's list: football passes and crosses, whose maker after
# "của" is a player ("đường chọc khe của Vĩ Hào", "quả tạt của Văn Thanh").
PLAYER_PASSES = (
    "đường chuyền", "chuyền", "căng ngang", "chọc khe", "kiến tạo", "tạt",
    "quả tạt", "treo bóng", "phạt góc", "đá phạt", "cú sút", "pha sút",
)  # fmt: skip

# Source: this project's list: words before an organisation or brand known by
# its name alone ("tạp chí Forbes", "hãng tin Reuters").
ORG_CUES = ("tạp chí", "báo", "hãng", "hãng tin", "đài")

# Source: the Vietnamese calendar: "thứ" + number for Monday to Saturday.
WEEKDAY_NUMBERS = ("hai", "ba", "tư", "năm", "sáu", "bảy")
WEEKDAY_WORD = "thứ"
SUNDAY = "chủ nhật"

# Source: the Vietnamese calendar: "tháng" + a capitalised number or name is
# a month ("cách mạng tháng Tám", "tháng Giêng"), not a name.
MONTH_WORD = "tháng"
MONTH_NAMES = (
    "giêng", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
    "mười một", "mười hai", "chạp",
)  # fmt: skip

# Source: this project's list: heads of a law's or decree's name; capitalised
# alone or before lower-case words ("Luật phá sản doanh nghiệp", "tức là Luật
# cần cụ thể") they are a common noun, never a name.
LAW_HEADS = ("luật", "bộ luật", "nghị định", "nghị quyết", "hiến pháp")

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
    "thủ đô",
    "nước",
    "sân",
    "sân bay",
    "đảo",
    "sông",
    "núi",
    "vịnh",
)

# Source: Vietnamese family names of the Kinh and of the northern minorities,
# as written with their marks, the commonest (those that begin most full
# names) first.
SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đoàn", "Trịnh", "Trương", "Lâm", "Mai", "Lương",
    "Hà", "Đinh", "Cao", "Đào", "Tô", "Tạ", "Chu", "Thái", "Doãn", "Lò", "Kiều", "Khúc",
    "Lưu", "Nghiêm", "Triệu", "Giàng", "Lù", "Vừ", "Nông", "La", "Lã", "Diệp", "Âu",
    "Vương", "Quan", "Cầm", "Tráng", "Mạc", "Tôn", "Sùng", "Vàng", "Thào", "Mùa", "Hầu",
    "Sầm", "Đàm", "Phùng", "Thân", "Bế", "Hứa", "Giáp", "Tăng", "Khổng", "Lạc", "Mã",
    "Khang", "Châu", "Kha", "Lại", "Quách", "Quang", "Thạch", "Thiều", "Tiêu", "Tống",
    "Ưng", "Văn",
)  # fmt: skip
# Of SURNAMES, those whose ASCII spelling is an English word or a common
# syllable ("Be", "Tang", "Than", "Ma"): trusted only as written with their
# marks, not in folded text.
ASCII_AMBIGUOUS_SURNAMES = frozenset(
    {
        "Vương", "Quan", "Cầm", "Tráng", "Mạc", "Tôn", "Sùng", "Vàng", "Thào", "Mùa",
        "Hầu", "Sầm", "Đàm", "Phùng", "Thân", "Bế", "Hứa", "Giáp", "Tăng", "Khổng",
        "Lạc", "Mã", "Khang",
    }
)  # fmt: skip
# Of SURNAMES, those that are also middle names or words as written ("Văn",
# "Quang", "châu Á"): no cue for a name where the marks are there to read.
WORD_SURNAMES = frozenset(
    {
        "Châu", "Kha", "Lại", "Quách", "Quang", "Thạch", "Thiều", "Tiêu", "Tống", "Ưng",
        "Văn",
    }
)  # fmt: skip

# Source: Vietnamese company law's category words and legal forms, written
# before a company's own name ("Tập đoàn Hòa Phát", "Công ty TNHH Minh Long").
COMPANY_CATEGORIES = (
    "tập đoàn",
    "công ty",
    "cổ phần",
    "tổng công ty",
    "ngân hàng",
    "TNHH",
    "trách nhiệm hữu hạn",
)

# Source: this project's list: the Vietnamese word written before a place's
# name for each English feature word written after it ("Hoài River" is
# "sông Hoài", "Hội An Theatre" is "Nhà hát Hội An").
FEATURE_WORDS = {
    "river": "sông",
    "mountain": "núi",
    "beach": "bãi biển",
    "lake": "hồ",
    "island": "đảo",
    "bay": "vịnh",
    "pagoda": "chùa",
    "bridge": "cầu",
    "theatre": "Nhà hát",
    "theater": "Nhà hát",
    "stadium": "Sân vận động",
}

# Source: Vietnamese academic and administrative abbreviations written with
# a full stop (TS. tiến sĩ, ThS. thạc sĩ, PGS. phó giáo sư, GS. giáo sư,
# TP. thành phố): no sentence ends after them.
ABBREVIATIONS = ("ts", "ths", "pgs", "gs", "tp")

# Source: this project's list: Vietnamese titles as written before a name, a
# longer form before its shorter one ("Thủ tướng Chính phủ", "Thủ tướng").
TITLE_FORMS = (
    "Thủ tướng Chính phủ",
    "Thủ tướng",
    "Chủ tịch nước",
    "Chủ tịch Quốc hội",
    "Chủ tịch",
    "Tổng Bí thư",
    "Bí thư",
    "Bộ trưởng",
    "Thứ trưởng",
    "Đại sứ",
    "Tổng thống",
    "Ngoại trưởng",
    "Giám đốc",
    "Tổng Giám đốc",
    "Trưởng ban",
    "Đại tá",
    "Thượng tá",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tướng",
    "Huấn luyện viên",
    "HLV",
    "Tiến sĩ",
    "TS",
    "Ông",
    "Bà",
)

# Source: Vietnamese courtesy titles ("ông", "bà").
HONORIFICS = (
    "ông",
    "bà",
)

# Source: Vietnamese administrative units, the words that open a place's
# name when capitalised ("Tỉnh Hà Tĩnh", "Xã Cẩm Thủy").
UNIT_WORDS = (
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "thị trấn",
    "phường",
    "xã",
    "thôn",
)

# Source: this project's list: category heads that open an organisation's
# name when capitalised ("Bộ", "Sở", "Công ty", "Đại sứ quán").
ORG_HEADS = (
    "bộ", "sở", "ủy ban", "ban", "cục", "tổng cục", "vụ", "viện", "học viện", "đại học",
    "trường", "bệnh viện", "công ty", "tổng công ty", "tập đoàn", "ngân hàng",
    "hiệp hội", "hội đồng", "liên đoàn", "tổng liên đoàn", "liên minh", "tổ chức",
    "văn phòng", "mặt trận", "thông tấn xã", "đài", "báo", "tạp chí", "tòa án",
    "viện kiểm sát", "câu lạc bộ", "clb", "hiệp định", "hiệp ước", "công ước",
    "diễn đàn", "đảng", "nhóm", "đội tuyển", "hội", "đại sứ quán", "lãnh sự quán",
    "tổng lãnh sự quán", "nội các", "tand", "vksnd", "ctcp", "lực lượng", "ub",
)  # fmt: skip

# Source: Vietnamese local government: bodies completed by the place they
# govern ("UBND tỉnh Thanh Hóa", "Tỉnh ủy", "Công an").
ADMIN_BODIES = (
    "ubnd", "hđnd", "ủy ban nhân dân", "hội đồng nhân dân", "tỉnh ủy", "thành ủy",
    "huyện ủy", "quận ủy", "công an", "ca",
)  # fmt: skip

# Source: Vietnamese Party and state structure: the bodies a committee or
# standing organ belongs to, written after its own name ("Ban cán sự đảng
# UBND tỉnh", "Ủy ban Kiểm tra Trung ương", "Ban Chấp hành Trung ương Đảng").
OWNER_BODIES = (
    "trung ương", "đảng", "chính phủ", "quốc hội", "ủy ban nhân dân",
    "hội đồng nhân dân", "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy",
)  # fmt: skip

# Source: this project's list: roles that start something else after "và"
# ("... và Trợ lý Thủ tướng").
ROLES_AFTER_AND = (
    "trợ lý", "thủ tướng", "bộ trưởng", "thứ trưởng", "chủ tịch", "phó", "bí thư",
    "giám đốc", "đại sứ", "chánh", "tổng thống", "ông", "bà",
)  # fmt: skip

# Source: this project's list: heads of natural features and named
# structures, part of the name ("sông Hồng", "sân bay Nội Bài").
FEATURE_HEADS = (
    "sông", "suối", "thác", "hồ", "núi", "đèo", "đỉnh", "hang", "động", "vịnh", "đảo",
    "bãi biển", "cao nguyên", "sân bay", "cửa khẩu", "cột cờ", "chùa", "đền", "phố",
    "đường", "chợ", "cầu",
)  # fmt: skip
# Source: this project's list: structures named for the place they stand in,
# in both languages ("sân bay Nội Bài", "Lung Cu flag tower").
# Source: this project's list: the standing organs of a body, written before
# the body's own name ("Ủy ban Thường vụ Nhân đại thành phố Ôn Châu").
STANDING_HEADS = (
    "ủy ban thường vụ", "ban thường vụ", "ban cán sự đảng", "đảng đoàn",
    "thường trực", "ban chấp hành",
)  # fmt: skip
# Border gates are not: "Hữu Nghị" (friendship) names no place.
NAMED_FOR_HEADS = ("sân bay", "cột cờ", "airport", "flag tower")

# Source: Vietnamese orthography (chữ Quốc ngữ), as dictionaries spell it: the
# written onsets ("" for none), the rimes without a final consonant, and for
# each nucleus (with its medial glide) the final consonants it takes.
ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
    "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip
OPEN_RIMES = (
    "a", "e", "ê", "i", "y", "o", "ô", "ơ", "u", "ư", "ai", "ao", "au", "ay", "âu",
    "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "iêu",
    "yêu", "uôi", "ươi", "ươu", "oa", "oe", "uê", "uy", "uơ", "oai", "oay", "oao",
    "oeo", "uây", "uya", "uyu",
)  # fmt: skip
CLOSED_RIMES = {
    "a": "c ch m n ng nh p t",
    "ă": "c m n ng p t",
    "â": "c m n ng p t",
    "e": "c m n ng p t",
    "ê": "ch m n nh p t",
    "i": "ch m n nh p t",
    "o": "c m n ng p t",
    "oo": "c ng",
    "ô": "c m n ng p t",
    "ơ": "m n p t",
    "u": "c m n ng p t",
    "ư": "c m n ng t",
    "oa": "c ch m n ng nh p t",
    "oă": "c m n ng p t",
    "oe": "c m n ng t",
    "uâ": "n ng t",
    "uê": "ch n nh t",
    "uy": "ch n nh p t",
    "iê": "c m n ng p t",
    "yê": "m n ng t",
    "uô": "c m n ng t",
    "ươ": "c m n ng p t",
    "uyê": "n t",
}
