"""Closed word lists of the English name extractor (`glossary.extract.english`).

Heads that make a capitalised run an organisation or a place, calendar
words, sentence-initial words that are never names on their own, and the
words of events. Structure words, not names: no list holds a gold name.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "ABSTRACT_ENDINGS",
    "ADMIN_WORDS",
    "ADVERB_SUFFIXES",
    "ARTICLES",
    "CHUNK_BREAKS",
    "COMPOUND_PLACE_HEADS",
    "DASH_GAPS",
    "EVENT_WORDS",
    "FORMER_STATES",
    "FUNCTION_WORDS",
    "GENERIC_HEADS",
    "HONORIFICS",
    "HONORIFIC_PAIRS",
    "LEGAL_FORMS",
    "MONTHS",
    "NAME_ARTICLES",
    "NAME_PARTICLES",
    "NOMINAL_ENDINGS",
    "NOUN_ENDINGS",
    "NUMBERED_HEADS",
    "ORG_CONNECT",
    "ORG_DESCRIPTORS",
    "ORG_HEADS",
    "ORG_OFFICES",
    "ORG_PRODUCTS",
    "OWNER_NOUNS",
    "PARTY_UNITS",
    "PHRASE_ENDINGS",
    "PLACE_ADJECTIVES",
    "PLACE_WORDS",
    "REGION_WORDS",
    "SENT_END",
    "STOP",
    "STRUCTURES_OF",
    "STRUCTURE_HEADS",
    "TITLE_COMPLEMENT_ENDINGS",
    "TITLE_HEADS",
    "TITLE_MODIFIERS",
    "WEEKDAYS",
]

# Source: this project's list: last words of organisations' names (bodies,
# companies, news outlets, exchanges by their closing word).
_ORG_HEAD_WORDS = (
    "united", "republic", "kingdom", "committee", "ministry", "department",
    "federation", "association", "council", "front", "party", "office", "agency",
    "administration", "group", "company", "corporation", "limited", "ltd", "bank",
    "fund", "union", "university", "institute", "academy", "court", "assembly",
    "politburo", "government", "television", "radio", "consulate", "embassy", "fc",
    "club", "holdings", "organisation", "organization", "commission", "authority",
    "centre", "center", "school", "hospital", "police", "army", "navy", "news",
    "times", "post", "federation", "secretariat", "inspectorate", "bureau", "board",
    "league", "foundation", "alliance", "network", "enterprise", "enterprises",
    "jsc", "co", "corp", "inc", "airlines", "airways", "tribune", "daily", "press",
    "parliament", "senate", "congress", "cooperative", "movement", "newspaper",
    "magazine", "exchange", "holding", "air", "station", "pte", "pty", "llc", "plc",
    "bhd", "tbk", "gmbh",
)  # fmt: skip
ORG_HEADS = frozenset(_ORG_HEAD_WORDS)
# Vietnamese administrative units, written before a place's own name ("xã Cẩm
# Thủy"): those below the province, and all of them.
VI_LOCAL_UNITS = ("quận", "huyện", "thị xã", "thị trấn", "phường", "xã")
VI_UNITS = ("thành phố", "tỉnh", "đặc khu", *VI_LOCAL_UNITS)
# Administrative units: a place's name stays the same without them.
ADMIN_WORDS = frozenset(
    ["province", "city", "district", "ward", "commune", "town", "prefecture"]
)
# Administrative and geographic words that make a name a place.
PLACE_WORDS = ADMIN_WORDS | frozenset(
    [
        "township",
        "village",
        "beach",
        "river",
        "mountain",
        "island",
        "islands",
        "lake",
        "bay",
        "delta",
        "county",
        "region",
        "peninsula",
        "sea",
        "ocean",
        "strait",
        "pass",
        "valley",
        "highlands",
        "plateau",
        "stadium",
        "airport",
        "port",
        "square",
        "street",
        "road",
        "bridge",
        "park",
        "pagoda",
        "temple",
        "theatre",
        "theater",
        # natural features and structures (issue 14: kind from head nouns)
        "falls",
        "waterfall",
        "cave",
        "peak",
        "hill",
        "spring",
        "lagoon",
        "dike",
        "dyke",
        "dam",
        "canal",
        "market",
        "hamlet",
        "gate",
        "tower",
        "quarter",
        "geopark",
        "highway",
    ]
)
# Two lower-case words that end a place's name after it ("Lung Cu flag tower").
COMPOUND_PLACE_HEADS = frozenset(
    [
        "flag tower",
        "old quarter",
        "border gate",
        "tourist area",
        "economic zone",
        "industrial park",
        "industrial zone",
        "national park",
        "bus station",
        "railway station",
        *("island district", "island commune", "island town"),
    ]
)
# Heads a unit's number follows ("Military Region 2", "Army Corps 4").
NUMBERED_HEADS = frozenset({"region", "zone", "corps", "division", "brigade"})
ORG_CONNECT = frozenset({"of", "on", "for"})
# Source: the Party's units named by the body they sit in, lower case after
# "Party" ("Party delegation to the National Assembly").
PARTY_UNITS = ("delegation", "caucus", "cell", "organisation", "organization")
# Lower-case patronymic particles inside Arabic and Malay personal names
# ("Anwar bin Ibrahim", "Siti binti Aziz", "Ahmad ibn Said"): "son/daughter
# of" between two capitalised name words, never a sentence's own word.
NAME_PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "bte"})
# Arabic articles glued to the name word after them ("Abdel Fattah el-Sisi").
NAME_ARTICLES = ("al-", "el-")
# Source: legal forms of companies after a firm's name; two in a row with a
# stop or comma between ("Co., Ltd", "Pte. Ltd", "Sdn. Bhd.") end one name.
LEGAL_FORMS = frozenset(
    {"co", "ltd", "pte", "pty", "jsc", "corp", "inc", "llc", "plc", "sdn", "bhd",
     "tbk", "gmbh", "ag", "sa", "nv", "bv", "kk", "lp", "llp"}
)  # fmt: skip
MONTHS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
)  # fmt: skip
WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
# Capitalised at the start of a sentence, never names on their own.
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "then",
        "than",
        "he",
        "she",
        "it",
        "its",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "in",
        "on",
        "at",
        "of",
        "for",
        "from",
        "to",
        "by",
        "with",
        "without",
        "within",
        "into",
        "onto",
        "over",
        "under",
        "above",
        "below",
        "after",
        "before",
        "during",
        "since",
        "until",
        "while",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "why",
        "how",
        "if",
        "as",
        "but",
        "and",
        "or",
        "nor",
        "so",
        "yet",
        "also",
        "not",
        "no",
        "all",
        "any",
        "some",
        "many",
        "most",
        "more",
        "much",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "other",
        "another",
        "such",
        "same",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "last",
        "next",
        "new",
        "former",
        "further",
        "meanwhile",
        "despite",
        "notably",
        "however",
        "moreover",
        "furthermore",
        "besides",
        "although",
        "though",
        "because",
        "according",
        "apart",
        "against",
        "along",
        "alongside",
        "among",
        "amid",
        "around",
        "behind",
        "beside",
        "between",
        "beyond",
        "given",
        "half",
        "here",
        "now",
        "only",
        "other",
        "over",
        "rather",
        "still",
        "thus",
        "together",
        "toward",
        "towards",
        "up",
        "down",
        "out",
        "off",
        "about",
        "across",
        "again",
        "already",
        "always",
        "even",
        "ever",
        "just",
        "later",
        "likely",
        "often",
        "once",
        "perhaps",
        "since",
        "soon",
        "too",
        "very",
        "well",
        "yesterday",
        "today",
        "tomorrow",
        "earlier",
        "early",
        "late",
        "recently",
        "currently",
        "previously",
        "related",
        "photo",
        "photos",
        "file",
        "source",
        "sources",
        "read",
        "see",
        "click",
        "video",
        "image",
        "images",
        "caption",
        "credit",
        "news",
        "more",
        "other",
        "items",
        "rivals",
        "form",
        "residents",
        "alongside",
        "endorsing",
        "meeting",
        "speaking",
        "addressing",
        "highlighting",
        "noting",
        "stressing",
        "welcoming",
    ]
)
# Source: English grammar: articles, prepositions, conjunctions and
# possessives (a subset of STOP); an aligned equivalent does not start or
# end with one.
FUNCTION_WORDS = frozenset(
    [
        "a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "with",
        "by", "from", "as", "its", "their", "his", "her",
    ]
)  # fmt: skip
ADVERB_SUFFIXES = ("ly", "ing")
SENT_END = frozenset('.!?:;"“”\n')
DASH_GAPS = frozenset({" – ", " - ", " -", " –"})
ARTICLES = frozenset({"the", "a", "an"})
# Words that make a capitalised run an event or a document, not a person.
EVENT_WORDS = frozenset(
    """festival cup championship championships conference competition games
    award awards forum summit expo fair initiative programme program agreement
    week day year league tournament series prize contest exhibition congress
    plan strategy project law decree resolution report system dynasty storm
    typhoon""".split()  # noqa: SIM905
)

# Source: English abbreviations written with a full stop before a name or
# after a company's ("Dr.", "Gen.", "Co.", "Ltd."): no sentence ends there.
ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "prof", "gen", "col", "lt", "sgt",
    "rev", "jr", "sr", "inc", "ltd", "co", "corp", "pte", "pty", "sdn", "bhd",
)  # fmt: skip

# Source: this project's list: English words that start or qualify a title
# ("Deputy Prime Minister", "Vice Chairman").
TITLE_MODIFIERS = (
    "deputy", "vice", "acting", "former", "permanent", "prime", "foreign",
    "general", "first", "standing", "chief", "senior", "executive", "assistant",
    "head", "lieutenant", "major", "party", "state", "managing", "crown",
)  # fmt: skip

# Source: this project's list: English words that end a title (offices,
# ranks, sports roles).
TITLE_HEADS = (
    "minister", "pm", "president", "chairman", "chairwoman", "chairperson", "chair",
    "secretary", "ambassador", "consul", "director", "governor", "mayor", "senator",
    "king", "queen", "prince", "princess", "premier", "chancellor", "coach",
    "colonel", "commander", "captain", "judge", "professor", "prof", "spokesperson",
    "spokesman", "spokeswoman", "ceo", "founder", "striker", "midfielder",
    "defender", "goalkeeper", "keeper", "lawyer", "envoy", "vice-chairman",
    "vice-president", "speaker",
    "sultan", "emir", "emperor", "empress",
    # occupations written as a title before a name ("Singer Thanh Lam")
    "singer", "musician", "composer", "songwriter", "rapper", "actor", "actress",
    "painter", "poet", "writer", "producer", "billionaire", "tycoon", "dj", "mc",
    "businessman", "businesswoman", "entrepreneur", "journalist", "designer",
    "photographer",
)  # fmt: skip

# Source: English courtesy titles, with and without their full stop.
HONORIFICS = (
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "madam", "sir",
    # Source: honorifics of South-East Asian and Gulf leaders written before
    # their names in English news (Khmer "Samdech Techo", Malay "Tun",
    # "Dato'", "Datuk", "Haji", Arabic "Sheikh")
    "samdech", "techo", "akka", "moha", "sena", "padei", "bovor", "thipadei",
    "tun", "dato", "dato'", "datuk", "datin", "haji", "hajjah", "sheikh",
    "sheikha", "excellency",
)  # fmt: skip

# Source: Malay honorifics of two words; their first word alone is a name
# ("Tan" is a surname, "Sri" opens "Sri Mulyani").
HONORIFIC_PAIRS = (
    ("tan", "sri"), ("puan", "sri"), ("dato", "sri"), ("dato'", "sri"),
    ("datuk", "seri"), ("datuk", "sri"),
)  # fmt: skip

# Source: English derivational endings of abstract, mass and common nouns
# and adjectives ("Cooperation", "Home Affairs", "Friendship", "Cultural"), in
# one table: each row, the endings that the rules of its roles read:
#   title   a title's complement ("Minister of Public Security", "Home Affairs")
#   term    the head of a two-word domain term ("market economy", "border trade")
#   run     an "and" conjunct that ends a body's name ("Science and Technology")
#   common  an English-looking word: a name holding one is not kept as written
#   phrase  (stricter) a run of unknown words with one is a phrase, not a person
NOUN_ENDINGS: tuple[tuple[str, str], ...] = (
    ("title term run common phrase", "tion ment ship ism"),
    ("title term run common", "ity ing"),
    ("title term run", "ics ure ance ence"),
    ("title run", "ology airs"),
    ("title", "ty"),
    ("term common phrase", "sion ness"),
    ("term common", "ist age"),
    ("term", "ogy gy omy ense ery ry cy ware work"),
    ("run common", "ies"),
    ("run", "ade ts"),
    ("common phrase", "ages"),
    ("common", "ists ary ways aire al ous ive"),
    ("phrase", "ities"),
)


def _endings(role: str) -> tuple[str, ...]:
    return tuple(e for rs, es in NOUN_ENDINGS if role in rs.split() for e in es.split())


TITLE_COMPLEMENT_ENDINGS = _endings("title")
NOMINAL_ENDINGS = _endings("term")
ABSTRACT_ENDINGS = _endings("run")
COMMON_WORD_ENDINGS = _endings("common")
PHRASE_ENDINGS = _endings("phrase")

# Source: continents, oceans and regional groupings that end a region's name
# ("Southeast Asia", "Asia-Pacific").
REGION_WORDS = (
    "asia", "europe", "africa", "america", "americas", "oceania", "pacific",
    "atlantic", "east", "asean", "asia-pacific", "caribbean", "antarctica",
)  # fmt: skip

# Source: this project's list: closed-class words, auxiliaries and frequent
# news verbs, which end a chunk of a domain term (space-separated).
CHUNK_BREAKS = """
    a an the this that these those there here it its it's he him his she her hers
    they them their we us our you your i me my mine who whom whose which what
    when where why how and or but nor so yet if then than as of at by for from in
    into on onto to up down over under with without within about above below
    after before between among through during against across along around upon
    via per toward towards is are was were be been being am has have had do does
    did will would shall should can could may might must not no yes also only
    very more most less least much many few some any all both each every either
    neither other another such same own just even still already again ever never
    too well said says say told tell added noted stated asked expressed affirmed
    stressed emphasised emphasized urged suggested proposed agreed welcomed held
    made make makes take took taken give gave given get got go went come came
    see saw seen show showed shown help helped continue continued continues
    boost boosted promote promoted enhance enhanced create created maintain
    strengthen strengthened increase increased encourage encouraged highlight
    appreciated appreciate thanked thank visit visited meet met including
    include includes included ranging one two three four five six seven eight
    nine ten first second third last next new first-ever like while since
    because although though however therefore thus whether about nearly around
    discussed signed attended received hosted launched announced approved
    adopted reported called joined completed marked opened reviewed praised
    raised implemented established recorded achieved attracted considered
    introduced presented chaired described mentioned pledged vowed reaffirmed
    maintained underlined underscored briefed informed requested wished hoped grew rose
    fell became began won sought left led brought built bought kept spent sent
    put found felt thought knew ran paid stood understood
    deepen explore attach reach reached expand expanded foster facilitate back
    further complement complements today yesterday tomorrow
    year years month months week weeks day days time
    times way ways part parts side sides lot lots number kind kinds sort type
    """

# Source: this project's list: heads too general to make a domain term on
# their own ("various fields"), space-separated.
GENERIC_HEADS = """
    level levels field fields area areas session sessions meeting meetings
    condition conditions issue issues matter matters importance assistance
    support potential strength strengths effort efforts sector sectors
    """

# Source: this project's list: English common nouns for an organisation that
# stand in apposition before its name ("the newspaper Nguoi Lao Dong", "travel
# site Touropia"); nouns for persons ("singer", "producer") are left out.
ORG_DESCRIPTORS = (
    "newspaper", "paper", "daily", "magazine", "website", "site", "portal",
    "agency", "broadcaster", "channel", "company", "firm", "group", "conglomerate",
    "corporation", "bank", "lender", "insurer", "carrier", "airline", "retailer",
    "chain", "developer", "brand", "app", "platform", "start-up", "startup",
    "manufacturer", "automaker", "carmaker", "publisher", "outlet", "club",
    "label", "operator", "exchange", "fund", "consultancy",
)  # fmt: skip

# Source: this project's list: what an organisation publishes, written after
# its name ("a Deloitte report", "the Forbes ranking").
ORG_PRODUCTS = (
    "report", "reports", "ranking", "rankings", "list", "index", "survey",
    "study", "poll", "rating", "ratings", "forecast", "website", "app",
)  # fmt: skip

# Source: this project's list: offices and stakes held in an organisation
# ("president of Novaland", "a shareholder of X"), never in a person.
ORG_OFFICES = (
    "president", "chairman", "chairwoman", "ceo", "founder", "co-founder",
    "owner", "shareholder", "shareholders", "subsidiary", "subsidiaries",
    "employee", "employees", "director", "general director",
)  # fmt: skip

# Source: this project's list: English adjectives that qualify a place's name
# ("Central Hue", "Greater Hanoi"); compass adjectives ("Northern") end in -ern.
PLACE_ADJECTIVES = (
    "central", "upper", "lower", "greater", "inner", "outer", "old", "new",
    "rural", "urban", "coastal", "mountainous", "downtown", "suburban", "historic",
)  # fmt: skip

# Source: ISO 3166-3 (withdrawn country names), by the names English news uses.
FORMER_STATES = (
    "Soviet Union", "USSR", "Yugoslavia", "Czechoslovakia", "East Germany",
    "West Germany", "South Vietnam", "North Vietnam", "Zaire", "Burma",
    "Serbia and Montenegro", "Rhodesia", "East Timor",
)  # fmt: skip

# Source: this project's list: two-word heads of named buildings, which make
# a place ("Hanoi Opera House", "Thong Nhat Concert Hall").
STRUCTURE_HEADS = (
    "opera house", "concert hall", "exhibition hall", "communal house",
    "guest house", "art museum", "memorial house",
)  # fmt: skip

# Source: this project's list: English common nouns written with a possessive
# at the head of one organisation's name ("People's Committee", "Women's
# Union", "Children's Hospital", "Veterans' Association").
OWNER_NOUNS = (
    "people", "women", "children", "men", "workers", "farmers", "veterans",
    "youth", "world", "nation", "nations", "journalists", "writers", "lawyers",
    "artists", "students", "teachers", "pioneers", "citizens", "elderly",
)  # fmt: skip

# Source: this project's list: buildings named "X of Y", a place named for
# what it honours ("Palace of Vuong Dynasty", "Temple of Literature").
STRUCTURES_OF = frozenset(
    ("palace", "temple", "tomb", "mausoleum", "citadel", "shrine", "cathedral")
)
