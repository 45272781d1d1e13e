"""The Vietnamese name of an English state body, post, rank or region.

Two layers over the data of `glossary.lang.vi_state`:

1. *lookup*: the English name as listed (``Prime Minister`` → ``Thủ
   tướng``), and countries and world regions by CLDR (through Babel, as
   `glossary.names.places` does): ``Belarus`` → ``Belarus``,
   ``Southeast Asia`` → ``Đông Nam Á``.
2. *patterns*: rules over a class of names, each a function in `PATTERNS`
   that returns the Vietnamese name or None; the words come from the data,
   the places from the gazetteer (`glossary.names.vi_admin`):
   ``Minister of X`` → ``Bộ trưởng Bộ X``, ``People's Committee of Y
   province`` → ``Ủy ban nhân dân tỉnh Y``, ``Y district Party Committee``
   → ``Huyện ủy Y``, ``Department of X of Y province`` → ``Sở X tỉnh Y``.

A name the data and the patterns do not settle gets None: nothing is
guessed word by word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from glossary.lang import vi_state
from glossary.model import Kind
from glossary.names import places
from glossary.names.vi_admin import province_unit

__all__ = [
    "PATTERNS",
    "Translation",
    "country_vi",
    "local_body",
    "vietnamese_name",
]


class Translation(NamedTuple):
    """A Vietnamese name and how it was found."""

    text: str
    rule: str  # "state-data", "cldr" or the pattern's name
    source: str  # where the words come from (a key of vi_state.SOURCES, "cldr")


def _key(text: str) -> str:
    """Lookup key: case, apostrophes, spacing, ``Vietnam``/``Viet Nam`` and a
    leading ``the`` do not matter."""
    text = " ".join(text.replace("’", "'").split()).casefold()
    text = re.sub(r"\bviet ?nam", "viet nam", text)
    return text.removeprefix("the ")


_TABLES: dict[Kind, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = {
    Kind.ORG: (
        ("gov", vi_state.BODIES),
        ("gov", vi_state.ACRONYMS),
        ("vns", vi_state.LOCAL_BODIES),
        ("mofa", vi_state.INTERNATIONAL),
    ),
    Kind.TITLE: (("gov", vi_state.TITLES), ("mnd", vi_state.RANKS)),
    Kind.PLACE: (("parallel", vi_state.REGIONS), ("mofa", vi_state.FORMER_STATES)),
}


@cache
def _table(kind: Kind) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for source, rows in _TABLES.get(kind, ()):
        for english, vietnamese in rows:
            # acronyms keep their case: "WHO" is the body, "who" is no name
            key = english if english.isupper() else _key(english)
            out.setdefault(key, (vietnamese, source))
    return out


def _lookup(text: str, kind: Kind) -> Translation | None:
    table = _table(kind)
    hit = table.get(text.strip()) if text.strip().isupper() else None
    hit = hit or table.get(_key(text))
    return None if hit is None else Translation(hit[0], "state-data", hit[1])


@cache
def _cldr() -> dict[str, str]:
    """name_key of each CLDR English country and world-region name → its
    CLDR Vietnamese name ("Southeast Asia" → "Đông Nam Á")."""
    from babel import Locale

    vi, en = Locale("vi").territories, Locale("en").territories
    return {
        _key(en[code]): name
        for code, name in vi.items()
        if code in en
        and (code.isdigit() or (len(code) == 2 and code.isalpha()))
        and code not in ("EU", "EZ", "UN", "QO")  # bodies and zones, not places
    }


def country_vi(text: str) -> str | None:
    """The CLDR Vietnamese name of a country or world region named in English
    (its ISO 3166 official name too: "Republic of Belarus" → "Belarus")."""
    hit = _cldr().get(_key(text))
    if hit is None:
        usual = places.country_name(text)
        hit = _cldr().get(_key(usual)) if usual else None
    return hit


@cache
def _demonyms() -> dict[str, str]:
    """English demonym → country ("Belarusian" → "Belarus"), from the CLDR
    country names and the usual suffixes; a form two countries share is left out."""
    out: dict[str, set[str]] = {}
    for key in _cldr():
        if " " in key or not key.isalpha():
            continue
        for stem in {key, key[:-1]}:
            for suffix in ("n", "an", "ian", "ese", "i", ""):
                if stem + suffix != key:
                    out.setdefault(stem + suffix, set()).add(key)
    return {d: next(iter(c)) for d, c in out.items() if len(c) == 1}


def _country_of(word: str) -> str | None:
    """The Vietnamese name of the country a name or demonym says."""
    key = _key(word)
    country = _demonyms().get(key, key)
    return country_vi(country)


# -- patterns --------------------------------------------------------------

Pattern = Callable[[str], str | None]


@cache
def _portfolios() -> dict[str, tuple[str, str]]:
    return {_key(en): (bo, so) for en, bo, so in vi_state.PORTFOLIOS}


def _portfolio(text: str) -> tuple[str, str] | None:
    return _portfolios().get(_key(text))


_MINISTRY = re.compile(r"^(?:the )?Ministry of (?P<x>.+)$", re.I)
_MINISTER = re.compile(r"^(?P<dep>Deputy |Vice )?Minister (?:of|for) (?P<x>.+)$", re.I)


def ministry_of(text: str) -> str | None:
    """``Ministry of X`` → ``Bộ X`` for a portfolio X of the data
    (``Ministry of Industry and Trade`` → ``Bộ Công Thương``)."""
    m = _MINISTRY.match(text)
    port = _portfolio(m.group("x")) if m else None
    return f"Bộ {port[0]}" if port else None


def minister_of(text: str) -> str | None:
    """``Minister of X`` → ``Bộ trưởng Bộ X``; ``Deputy Minister of X`` →
    ``Thứ trưởng Bộ X``."""
    m = _MINISTER.match(text)
    port = _portfolio(m.group("x")) if m else None
    if m is None or port is None:
        return None
    return f"{'Thứ trưởng' if m.group('dep') else 'Bộ trưởng'} Bộ {port[0]}"


_DEPUTY = re.compile(r"^(?:Deputy|Vice) (?P<t>.+)$", re.I)


def deputy_post(text: str) -> str | None:
    """``Deputy X`` / ``Vice X`` → ``Phó`` + the post X of the data
    (``Deputy Director`` → ``Phó Giám đốc``), unless the data lists it."""
    m = _DEPUTY.match(text)
    if m is None:
        return None
    post = _lookup(m.group("t"), Kind.TITLE)
    if post is None or post.text.startswith(("Phó ", "Thứ ")):
        return None
    return "Phó " + post.text


_APOS = "[’']"
# "the central province of", "the northern mountainous province of", "the
# Mekong Delta province of": up to three words that describe the unit
_LOCAL_KIND = r"(?:the\s+)?(?:[\w-]+\s+){0,3}"
_LOCAL_LEVEL = r"(?P<local>district|town|commune|ward)"
_PEOPLES = (
    re.compile(
        rf"^(?P<p>.+?)\s+(?:Provincial\s+|(?P<city>City|Municipal)\s+|{_LOCAL_LEVEL}\s+)?"
        rf"People{_APOS}s\s+(?P<b>Committee|Council)$",
        re.I,
    ),
    re.compile(
        rf"^People{_APOS}s\s+(?P<b>Committee|Council)\s+of\s+{_LOCAL_KIND}"
        rf"(?:province|(?P<city>city)|{_LOCAL_LEVEL})\s+of\s+(?P<p>.+)$",
        re.I,
    ),
    re.compile(
        rf"^People{_APOS}s\s+(?P<b>Committee|Council)\s+of\s+(?:the\s+)?"
        rf"(?P<p>.+?)(?:\s+(?:province|(?P<city>city)|{_LOCAL_LEVEL}))?$",
        re.I,
    ),
)
_BODY_WORD = {"committee": "Ủy ban nhân dân", "council": "Hội đồng nhân dân"}


def peoples_body(text: str) -> str | None:
    """A province's or a district's People's Committee or Council: ``People's
    Committee of Y province``, ``Y Provincial People's Council``, ``Y
    District People's Committee`` → ``Ủy ban nhân dân tỉnh Y``, ``Hội đồng
    nhân dân tỉnh Y``, ``Ủy ban nhân dân huyện Y`` (level and spelling of Y
    from the gazetteer)."""
    for pattern in _PEOPLES:
        m = pattern.match(text.strip())
        if m is None:
            continue
        if m.group("local"):
            unit = places.local_unit(m.group("p"), m.group("local"))
        else:
            unit = province_unit(m.group("p"))
        if unit and not (m.group("city") and unit.startswith("tỉnh ")):
            # "Bắc Giang City": the province's capital, not the province
            return f"{_BODY_WORD[m.group('b').casefold()]} {unit}"
    return None


_PARTY = re.compile(
    r"^(?:(?P<p>.+?)\s+(?:(?P<l>provincial|city|municipal|district)\s+)?"
    r"Party\s+Committee"
    rf"|Party\s+Committee\s+of\s+{_LOCAL_KIND}(?P<l3>province|city|district)"
    r"\s+of\s+(?P<p3>.+)"
    r"|Party\s+Committee\s+of\s+(?:the\s+)?(?P<p2>.+?)\s+(?P<l2>province|city|district))$",
    re.I,
)


def party_committee(text: str) -> str | None:
    """A local Party Committee: ``Y provincial Party Committee`` → ``Tỉnh ủy
    Y``, ``Y City Party Committee`` → ``Thành ủy Y``, ``Y district Party
    Committee`` → ``Huyện ủy Y`` (``Quận ủy``/``Thị ủy`` when the gazetteer
    says Y is a quận or thị xã); with no level word, ``Y Party Committee``
    is the province or city Y's own."""
    m = _PARTY.match(text.strip())
    if m is None:
        return None
    name = m.group("p") or m.group("p2") or m.group("p3")
    level = (m.group("l") or m.group("l2") or m.group("l3") or "").casefold()
    if level == "district":
        unit = places.local_unit(name, "district")
        if unit is None:
            return None
        cat, bare = _split_unit(unit)
        committee = {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy"}
        return f"{committee[cat]} {bare}" if cat in committee else None
    unit = province_unit(name)
    if unit is None:
        return None
    cat, bare = _split_unit(unit)
    if cat == "tỉnh" and level in ("provincial", "province", ""):
        return f"Tỉnh ủy {bare}"
    if cat == "thành phố":
        return f"Thành ủy {bare}"
    return None


def _split_unit(unit: str) -> tuple[str, str]:
    for cat in ("thành phố", "thị xã", "tỉnh", "huyện", "quận"):
        if unit.startswith(cat + " "):
            return cat, unit[len(cat) + 1 :]
    return "", unit


_DEPARTMENT = re.compile(
    r"^(?:(?P<p>.+?)\s+(?:provincial\s+|city\s+)?Department\s+of\s+(?P<x>.+)"
    r"|Department\s+of\s+(?P<x2>.+?)\s+of\s+(?:the\s+)?(?P<p2>.+?)"
    r"(?:\s+(?:province|city))?)$",
    re.I,
)


def provincial_department(text: str) -> str | None:
    """``Department of X of Y province`` / ``Y Department of X`` → ``Sở X tỉnh
    Y`` for a portfolio X that provinces have a Sở of."""
    m = _DEPARTMENT.match(text.strip())
    if m is None:
        return None
    port = _portfolio(m.group("x") or m.group("x2"))
    unit = province_unit(m.group("p") or m.group("p2"))
    if port is None or not port[1] or unit is None:
        return None
    return f"Sở {port[1]} {unit}"


_GOVERNMENT = re.compile(
    r"^(?:(?P<a>[\w-]+)\s+Government|Government\s+of\s+(?:the\s+)?(?P<b>.+))$", re.I
)


def government_of(text: str) -> str | None:
    """A country's government: ``Belarusian Government``, ``Government of
    Japan`` → ``Chính phủ Belarus``, ``Chính phủ Nhật Bản`` (CLDR)."""
    m = _GOVERNMENT.match(text.strip())
    country = _country_of(m.group("a") or m.group("b")) if m else None
    return f"Chính phủ {country}" if country else None


def _party_vi(text: str) -> str | None:
    """A country (CLDR) or international body (data) named in a joint name."""
    body = _lookup(text, Kind.ORG)
    return _country_of(text) or (body.text if body else None)


def _fields(text: str) -> str | None:
    """``Economic, Trade, and Scientific-Technical`` → ``kinh tế, thương mại
    và khoa học - kỹ thuật``: every field must be in the data."""
    table = {_key(en): vi for en, vi in vi_state.COOPERATION_FIELDS}
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if p]
    whole = table.get(_key(text))
    if whole:
        return whole
    out = [table.get(_key(p)) for p in parts]
    if not out or any(v is None for v in out):
        return None
    words = [v for v in out if v]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]


_JOINT = re.compile(
    r"^(?:(?P<a>[\w ]+?)-(?P<b>[\w ]+?)\s+)?(?P<ig>Intergovernmental\s+)?"
    r"(?:Joint\s+)?Committee\s+(?:on|for)\s+(?P<f>.+?)\s+Cooperation$",
    re.I,
)


def joint_committee(text: str) -> str | None:
    """A committee for cooperation in fields: ``[A-B] Intergovernmental
    Committee on F Cooperation`` → ``Ủy ban liên Chính phủ [A - B] về hợp
    tác F``; without "Intergovernmental", ``Ủy ban hợp tác F [A - B]``."""
    m = _JOINT.match(text.strip())
    fields = _fields(m.group("f")) if m else None
    if m is None or fields is None:
        return None
    pair = ""
    if m.group("a"):
        a, b = _party_vi(m.group("a")), _party_vi(m.group("b"))
        if a is None or b is None:
            return None
        pair = f" {a} - {b}"
    if m.group("ig"):
        return f"Ủy ban liên Chính phủ{pair} về hợp tác {fields}"
    return f"Ủy ban hợp tác {fields}{pair}"


_FTA = re.compile(r"^(?P<a>.+?)-(?P<b>[^-]+?)\s+Free\s+Trade\s+Agreement$", re.I)


def free_trade_agreement(text: str) -> str | None:
    """``A-B Free Trade Agreement`` → ``Hiệp định Thương mại tự do A - B``,
    A and B countries (CLDR) or bodies of the data."""
    m = _FTA.match(text.strip())
    if m is None:
        return None
    a, b = _party_vi(m.group("a")), _party_vi(m.group("b"))
    return f"Hiệp định Thương mại tự do {a} - {b}" if a and b else None


_REGION = re.compile(r"^(?P<r>.+?)\s+region$", re.I)


def region(text: str) -> str | None:
    """``X region`` → ``khu vực X`` for a region X (CLDR or data):
    ``Asia-Pacific region`` → ``khu vực châu Á - Thái Bình Dương``."""
    m = _REGION.match(text.strip())
    if m is None:
        return None
    name = country_vi(m.group("r")) or _lookup(m.group("r"), Kind.PLACE)
    text_vi = name.text if isinstance(name, Translation) else name
    return f"khu vực {text_vi}" if text_vi else None


# the patterns of a local body named with its place
_LOCAL = (peoples_body, party_committee, provincial_department)


def local_body(text: str) -> Translation | None:
    """The Vietnamese name of a province's, city's or district's body named
    in English with its place (``Y Provincial People's Committee``, ``Y
    district Party Committee``, ``Department of X of Y province``), or None.

    >>> local_body("Party Committee of Ben Tre province").text
    'Tỉnh ủy Bến Tre'
    """
    for pattern in _LOCAL:
        name = pattern(text)
        if name is not None:
            return Translation(name, pattern.__name__, "pattern")
    return None


PATTERNS: dict[Kind, tuple[Pattern, ...]] = {
    Kind.ORG: (
        ministry_of,
        *_LOCAL,
        government_of,
        joint_committee,
        free_trade_agreement,
    ),
    Kind.TITLE: (minister_of, deputy_post),
    Kind.PLACE: (region,),
}


def vietnamese_name(text: str, kind: Kind) -> Translation | None:
    """The Vietnamese name of `text`, an English name of kind `kind`.

    The data first, then (places) CLDR, then the kind's patterns in order.

    >>> vietnamese_name("Minister of Industry and Trade", Kind.TITLE).text
    'Bộ trưởng Bộ Công Thương'
    """
    hit = _lookup(text, kind)
    if hit is not None:
        return hit
    if kind is Kind.PLACE:
        country = country_vi(text)
        if country is not None:
            return Translation(country, "cldr", "cldr")
    for pattern in PATTERNS.get(kind, ()):
        name = pattern(text)
        if name is not None:
            return Translation(name, pattern.__name__, "pattern")
    return None
