"""English and Vietnamese names of Viet Nam's state structure, as data.

Read by `glossary.names.state`, which looks names up here and applies the
patterns built on these words (``Ministry of X`` → ``Bộ X``). Each block
says where its names come from; an entry is ``(English, Vietnamese)``, the
English side in the form English-language Vietnamese media write it (the
Government portal's English pages and Viet Nam News / VNA style), matched
case-insensitively, with ``Vietnam`` and ``Viet Nam`` alike.

Only bodies, posts and ranks of a state (and the international bodies its
news names most): no person and no place is listed here. The Vietnamese
side writes tone marks the common way (``Ủy``, ``Hòa``).
"""

from __future__ import annotations

__all__ = [
    "ACRONYMS",
    "AMBIGUOUS_TITLES",
    "BODIES",
    "COOPERATION_FIELDS",
    "FORMER_STATES",
    "INTERNATIONAL",
    "LOCAL_BODIES",
    "PORTFOLIOS",
    "RANKS",
    "REGIONS",
    "SOURCES",
    "TITLES",
]

SOURCES = {
    "gov": "Government portal of Viet Nam, English and Vietnamese pages "
    "(en.chinhphu.vn, chinhphu.vn): names of the Government's ministries, "
    "agencies and posts",
    "vns": "Viet Nam News / Vietnam News Agency (VNA) English style for "
    "Party, State and local bodies, checked against their Vietnamese editions",
    "mofa": "Ministry of Foreign Affairs of Viet Nam (mofa.gov.vn): Vietnamese "
    "names of international organisations and foreign posts",
    "mnd": "Law on Officers of the Viet Nam People's Army (ranks) in its "
    "English version as published by the Ministry of National Defence and VNA",
    "parallel": "the Vietnamese versions of the seed articles "
    "(../shared/corpus/parallel), VNS",
}

# Portfolios: the English name after "Ministry of" / "Minister of" / "Department
# of", the ministry's Vietnamese name after "Bộ", and the provincial
# department's after "Sở" ("" when a province has no Sở of that name: the
# police of a province is "Công an tỉnh X", not a Sở). Source: gov.
PORTFOLIOS: tuple[tuple[str, str, str], ...] = (
    ("Industry and Trade", "Công Thương", "Công Thương"),
    ("Home Affairs", "Nội vụ", "Nội vụ"),
    ("Public Security", "Công an", ""),
    ("National Defence", "Quốc phòng", ""),
    ("National Defense", "Quốc phòng", ""),
    ("Defence", "Quốc phòng", ""),
    ("Foreign Affairs", "Ngoại giao", "Ngoại vụ"),
    ("Justice", "Tư pháp", "Tư pháp"),
    ("Finance", "Tài chính", "Tài chính"),
    ("Planning and Investment", "Kế hoạch và Đầu tư", "Kế hoạch và Đầu tư"),
    ("Transport", "Giao thông vận tải", "Giao thông vận tải"),
    ("Construction", "Xây dựng", "Xây dựng"),
    ("Health", "Y tế", "Y tế"),
    ("Education and Training", "Giáo dục và Đào tạo", "Giáo dục và Đào tạo"),
    ("Science and Technology", "Khoa học và Công nghệ", "Khoa học và Công nghệ"),
    (
        "Information and Communications",
        "Thông tin và Truyền thông",
        "Thông tin và Truyền thông",
    ),
    (
        "Natural Resources and Environment",
        "Tài nguyên và Môi trường",
        "Tài nguyên và Môi trường",
    ),
    (
        "Agriculture and Rural Development",
        "Nông nghiệp và Phát triển nông thôn",
        "Nông nghiệp và Phát triển nông thôn",
    ),
    (
        "Agriculture and Environment",
        "Nông nghiệp và Môi trường",
        "Nông nghiệp và Môi trường",
    ),
    (
        "Labour, Invalids and Social Affairs",
        "Lao động - Thương binh và Xã hội",
        "Lao động - Thương binh và Xã hội",
    ),
    (
        "Culture, Sports and Tourism",
        "Văn hóa, Thể thao và Du lịch",
        "Văn hóa, Thể thao và Du lịch",
    ),
    ("Ethnic Minorities and Religions", "Dân tộc và Tôn giáo", "Dân tộc và Tôn giáo"),
)

# National bodies of the State, the Party and the Fronts. Sources: gov
# (State, Government), vns (Party and mass organisations).
BODIES: tuple[tuple[str, str], ...] = (
    ("Government", "Chính phủ"),
    ("Government of Viet Nam", "Chính phủ Việt Nam"),
    ("Government Office", "Văn phòng Chính phủ"),
    ("Government Inspectorate", "Thanh tra Chính phủ"),
    ("National Assembly", "Quốc hội"),
    ("National Assembly Standing Committee", "Ủy ban Thường vụ Quốc hội"),
    ("NA Standing Committee", "Ủy ban Thường vụ Quốc hội"),
    ("Office of the National Assembly", "Văn phòng Quốc hội"),
    ("Office of the President", "Văn phòng Chủ tịch nước"),
    ("State Bank of Viet Nam", "Ngân hàng Nhà nước Việt Nam"),
    ("State Audit Office of Viet Nam", "Kiểm toán Nhà nước"),
    ("State Audit Office", "Kiểm toán Nhà nước"),
    ("Supreme People's Court", "Tòa án nhân dân tối cao"),
    ("Supreme People's Procuracy", "Viện Kiểm sát nhân dân tối cao"),
    ("Communist Party of Viet Nam", "Đảng Cộng sản Việt Nam"),
    ("Vietnamese Party", "Đảng Cộng sản Việt Nam"),
    ("Party Central Committee", "Ban Chấp hành Trung ương Đảng"),
    ("Politburo", "Bộ Chính trị"),
    ("Party Secretariat", "Ban Bí thư"),
    ("Secretariat", "Ban Bí thư"),
    ("Central Inspection Commission", "Ủy ban Kiểm tra Trung ương"),
    ("Party Central Committee's Inspection Commission", "Ủy ban Kiểm tra Trung ương"),
    ("Central Military Commission", "Quân ủy Trung ương"),
    ("Central Public Security Party Committee", "Đảng ủy Công an Trung ương"),
    ("Party Central Committee's Commission for Organisation", "Ban Tổ chức Trung ương"),
    ("Central Organisation Commission", "Ban Tổ chức Trung ương"),
    ("Central Commission for Propaganda and Education", "Ban Tuyên giáo Trung ương"),
    ("Central Commission for External Relations", "Ban Đối ngoại Trung ương"),
    ("Central Economic Commission", "Ban Kinh tế Trung ương"),
    ("Central Internal Affairs Commission", "Ban Nội chính Trung ương"),
    ("Viet Nam Fatherland Front", "Mặt trận Tổ quốc Việt Nam"),
    ("Ho Chi Minh Communist Youth Union", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("Viet Nam General Confederation of Labour", "Tổng Liên đoàn Lao động Việt Nam"),
    ("Viet Nam Women's Union", "Hội Liên hiệp Phụ nữ Việt Nam"),
    ("Viet Nam People's Army", "Quân đội nhân dân Việt Nam"),
    ("Viet Nam News Agency", "Thông tấn xã Việt Nam"),
    ("Voice of Viet Nam", "Đài Tiếng nói Việt Nam"),
    ("Viet Nam Television", "Đài Truyền hình Việt Nam"),
    (
        "Viet Nam Chamber of Commerce and Industry",
        "Phòng Thương mại và Công nghiệp Việt Nam",
    ),
    ("Viet Nam Academy of Social Sciences", "Viện Hàn lâm Khoa học xã hội Việt Nam"),
    (
        "Viet Nam Academy of Science and Technology",
        "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
    ),
    (
        "Ho Chi Minh National Academy of Politics",
        "Học viện Chính trị quốc gia Hồ Chí Minh",
    ),
    ("Viet Nam Social Security", "Bảo hiểm xã hội Việt Nam"),
    ("General Department of Viet Nam Customs", "Tổng cục Hải quan"),
    ("General Department of Taxation", "Tổng cục Thuế"),
    ("General Statistics Office", "Tổng cục Thống kê"),
)

# Local bodies named without their place (the place, when written, is added
# by the patterns of `glossary.names.state`). Source: vns.
LOCAL_BODIES: tuple[tuple[str, str], ...] = (
    ("People's Committee", "Ủy ban nhân dân"),
    ("People's Council", "Hội đồng nhân dân"),
    ("provincial People's Committee", "Ủy ban nhân dân tỉnh"),
    ("provincial People's Council", "Hội đồng nhân dân tỉnh"),
    ("provincial Party Committee", "Tỉnh ủy"),
    ("city Party Committee", "Thành ủy"),
    ("district Party Committee", "Huyện ủy"),
    ("Party Committee", "Đảng ủy"),
    ("provincial Party Committee's Standing Board", "Ban Thường vụ Tỉnh ủy"),
    ("provincial Party Committee's Inspection Commission", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Party Civil Affairs Committee", "Ban Cán sự đảng"),
    ("provincial People's Court", "Tòa án nhân dân tỉnh"),
    ("People's Court", "Tòa án nhân dân"),
    ("People's Procuracy", "Viện Kiểm sát nhân dân"),
    ("provincial Police", "Công an tỉnh"),
)

# English acronyms of those bodies; Vietnamese text writes the body's name,
# not the English acronym. Source: gov, vns.
ACRONYMS: tuple[tuple[str, str], ...] = (
    ("VNA", "Thông tấn xã Việt Nam"),
    ("NA", "Quốc hội"),
    ("CPV", "Đảng Cộng sản Việt Nam"),
    ("SBV", "Ngân hàng Nhà nước Việt Nam"),
    ("VCCI", "Phòng Thương mại và Công nghiệp Việt Nam"),
    ("VOV", "Đài Tiếng nói Việt Nam"),
    ("VTV", "Đài Truyền hình Việt Nam"),
    ("MoIT", "Bộ Công Thương"),
    ("MPI", "Bộ Kế hoạch và Đầu tư"),
    ("MoF", "Bộ Tài chính"),
    ("MoH", "Bộ Y tế"),
    ("MoET", "Bộ Giáo dục và Đào tạo"),
    ("MoNRE", "Bộ Tài nguyên và Môi trường"),
    ("MARD", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("MoLISA", "Bộ Lao động - Thương binh và Xã hội"),
    ("MoFA", "Bộ Ngoại giao"),
    ("MPS", "Bộ Công an"),
    ("MND", "Bộ Quốc phòng"),
    ("MoST", "Bộ Khoa học và Công nghệ"),
    ("MIC", "Bộ Thông tin và Truyền thông"),
    ("MoT", "Bộ Giao thông vận tải"),
    ("MoC", "Bộ Xây dựng"),
    ("MoJ", "Bộ Tư pháp"),
    ("MoHA", "Bộ Nội vụ"),
    ("MCST", "Bộ Văn hóa, Thể thao và Du lịch"),
)

# International bodies. Source: mofa; the Eurasian
# Economic Union's name also as the parallel seed article writes it.
INTERNATIONAL: tuple[tuple[str, str], ...] = (
    ("United Nations", "Liên hợp quốc"),
    ("UN", "Liên hợp quốc"),
    ("UN Security Council", "Hội đồng Bảo an Liên hợp quốc"),
    ("UN General Assembly", "Đại hội đồng Liên hợp quốc"),
    ("European Union", "Liên minh châu Âu"),
    ("EU", "Liên minh châu Âu"),
    ("Eurasian Economic Union", "Liên minh Kinh tế Á - Âu"),
    ("EAEU", "Liên minh Kinh tế Á - Âu"),
    ("Association of Southeast Asian Nations", "Hiệp hội các quốc gia Đông Nam Á"),
    ("ASEAN", "ASEAN"),
    ("Non-Aligned Movement", "Phong trào Không liên kết"),
    ("World Trade Organization", "Tổ chức Thương mại Thế giới"),
    ("WTO", "Tổ chức Thương mại Thế giới"),
    ("World Health Organization", "Tổ chức Y tế Thế giới"),
    ("WHO", "Tổ chức Y tế Thế giới"),
    ("International Monetary Fund", "Quỹ Tiền tệ Quốc tế"),
    ("IMF", "Quỹ Tiền tệ Quốc tế"),
    ("World Bank", "Ngân hàng Thế giới"),
    ("WB", "Ngân hàng Thế giới"),
    ("Asian Development Bank", "Ngân hàng Phát triển châu Á"),
    ("ADB", "Ngân hàng Phát triển châu Á"),
    (
        "Asia-Pacific Economic Cooperation",
        "Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương",
    ),
    ("APEC", "APEC"),
)

# Former states, places (ISO 3166-3 withdrawn names). Source: mofa.
FORMER_STATES: tuple[tuple[str, str], ...] = (
    ("Soviet Union", "Liên Xô"),
    ("USSR", "Liên Xô"),
)

# Regions that CLDR does not name. Source: parallel (000: "khu vực châu Á -
# Thái Bình Dương"), mofa.
REGIONS: tuple[tuple[str, str], ...] = (
    ("Asia-Pacific", "châu Á - Thái Bình Dương"),
    ("Asia Pacific", "châu Á - Thái Bình Dương"),
    ("Indo-Pacific", "Ấn Độ Dương - Thái Bình Dương"),
    ("Mekong Delta", "Đồng bằng sông Cửu Long"),
    ("Red River Delta", "Đồng bằng sông Hồng"),
    ("Central Highlands", "Tây Nguyên"),
)

# Posts. A "Deputy"/"Vice" post not listed is "Phó" + the post (see
# `glossary.names.state`). Sources: gov (State and Government posts), vns
# (Party and local posts), mofa (diplomatic posts).
TITLES: tuple[tuple[str, str], ...] = (
    ("Prime Minister", "Thủ tướng"),
    ("PM", "Thủ tướng"),
    ("Premier", "Thủ tướng"),
    ("Deputy Prime Minister", "Phó Thủ tướng"),
    ("Deputy PM", "Phó Thủ tướng"),
    ("Permanent Deputy Prime Minister", "Phó Thủ tướng Thường trực"),
    ("State President", "Chủ tịch nước"),
    ("Vice State President", "Phó Chủ tịch nước"),
    ("Vice President of the State", "Phó Chủ tịch nước"),
    ("Party General Secretary", "Tổng Bí thư"),
    ("General Secretary", "Tổng Bí thư"),
    ("Party Chief", "Tổng Bí thư"),
    ("Chairman of the National Assembly", "Chủ tịch Quốc hội"),
    ("National Assembly Chairman", "Chủ tịch Quốc hội"),
    ("NA Chairman", "Chủ tịch Quốc hội"),
    ("Minister", "Bộ trưởng"),
    ("Deputy Minister", "Thứ trưởng"),
    ("Vice Minister", "Thứ trưởng"),
    ("Foreign Minister", "Bộ trưởng Ngoại giao"),
    ("Deputy Foreign Minister", "Thứ trưởng Ngoại giao"),
    ("Defence Minister", "Bộ trưởng Quốc phòng"),
    ("Ambassador", "Đại sứ"),
    ("Consul General", "Tổng Lãnh sự"),
    ("Chargé d'affaires", "Đại biện"),
    ("Speaker of the House of Representatives", "Chủ tịch Hạ viện"),
    ("Speaker of the Senate", "Chủ tịch Thượng viện"),
    ("Party Secretary", "Bí thư"),
    ("Deputy Secretary", "Phó Bí thư"),
    ("Chairman", "Chủ tịch"),
    ("Chairwoman", "Chủ tịch"),
    ("Vice Chairman", "Phó Chủ tịch"),
    ("Vice Chairwoman", "Phó Chủ tịch"),
    ("Director", "Giám đốc"),
    ("Deputy Director", "Phó Giám đốc"),
    ("State Auditor General", "Tổng Kiểm toán Nhà nước"),
    ("Governor of the State Bank", "Thống đốc Ngân hàng Nhà nước"),
)

# Posts whose Vietnamese name depends on the country or body: no one name is
# right, the choices go into the note. Source: mofa (foreign posts), gov.
AMBIGUOUS_TITLES: tuple[tuple[str, str], ...] = (
    (
        "President",
        "Chủ tịch nước (Việt Nam), Tổng thống (a republic's head of state) "
        "or Chủ tịch (a body): depends on the country",
    ),
    ("Vice President", "Phó Chủ tịch nước, Phó Tổng thống or Phó Chủ tịch: depends"),
    ("Secretary", "Bí thư (Party), Bộ trưởng (US Secretary) or Thư ký: depends"),
    ("Speaker", "Chủ tịch Quốc hội or Chủ tịch Hạ viện: depends on the parliament"),
    ("Mayor", "Chủ tịch Ủy ban nhân dân (Việt Nam) or Thị trưởng: depends"),
)

# Military and police ranks, Vietnamese name first in each grade. Source: mnd.
RANKS: tuple[tuple[str, str], ...] = (
    ("General", "Đại tướng"),
    ("Senior Lieutenant General", "Thượng tướng"),
    ("Colonel General", "Thượng tướng"),
    ("Lieutenant General", "Trung tướng"),
    ("Major General", "Thiếu tướng"),
    ("Senior Colonel", "Đại tá"),
    ("Colonel", "Đại tá"),
    ("Senior Lieutenant Colonel", "Thượng tá"),
    ("Lieutenant Colonel", "Trung tá"),
    ("Major", "Thiếu tá"),
    ("Senior Lieutenant", "Thượng úy"),
    ("First Lieutenant", "Trung úy"),
    ("Second Lieutenant", "Thiếu úy"),
)

# Fields of cooperation in the names of joint committees and agreements
# ("Committee on Economic, Trade and Scientific-Technical Cooperation" → "…
# về hợp tác kinh tế, thương mại và khoa học - kỹ thuật"). Source: parallel
# (001), gov.
COOPERATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("Economic", "kinh tế"),
    ("Economy", "kinh tế"),
    ("Trade", "thương mại"),
    ("Economic-Trade", "kinh tế - thương mại"),
    ("Scientific-Technical", "khoa học - kỹ thuật"),
    ("Science-Technology", "khoa học - công nghệ"),
    ("Science and Technology", "khoa học và công nghệ"),
    ("Scientific and Technological", "khoa học và công nghệ"),
    ("Military Technology", "kỹ thuật quân sự"),
    ("Military-Technical", "kỹ thuật quân sự"),
    ("Investment", "đầu tư"),
    ("Culture", "văn hóa"),
    ("Cultural", "văn hóa"),
    ("Education", "giáo dục"),
    ("Defence", "quốc phòng"),
    ("Defense", "quốc phòng"),
    ("Security", "an ninh"),
)
