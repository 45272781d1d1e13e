"""Diacritic restoration from evidence only: corpus forms and a gazetteer.

The gazetteer is built lazily from underthesea's bundled address data
(provinces before and after the 2025 merger, their districts and wards) and,
when present, ISO 3166-1/3166-2 names from /usr/share/iso-codes. A written
form is restored only when exactly one gazetteer spelling has its key;
several spellings make it ambiguous, none leaves it as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from glossary.lang import vi
from glossary.lang.en import VI_LOCAL_UNITS, VI_UNITS
from glossary.names.tables import ADDRESS_DATA, ISO_DIR, kept, underthesea_file
from glossary.text import fold, marked_key, name_key

__all__ = [
    "VIETNAMESE_SURNAMES",
    "Restoration",
    "country_codes",
    "country_short_name",
    "english_country_name",
    "has_diacritics",
    "is_country",
    "is_syllable",
    "place_forms",
    "restore_place",
]

# The Vietnamese family names (folded): name structure, not a name list.
VIETNAMESE_SURNAMES = frozenset(
    fold(s) for s in vi.SURNAMES if s not in vi.ASCII_AMBIGUOUS_SURNAMES
)


def _alternatives(parts: Iterable[str]) -> str:
    """A regex alternation of folded `parts`, longest first ("ngh" before "ng")."""
    folded = {fold(p) for p in parts if p}
    return "|".join(sorted(folded, key=lambda p: (-len(p), p)))


# A folded syllable's shape: onset, one to three vowels, coda (lang/vi.py)
_SYLLABLE = re.compile(
    rf"^(?:{_alternatives(vi.ONSETS)})?(?:[aeiouy]{{1,3}})"
    rf"(?:{_alternatives(c for cs in vi.CLOSED_RIMES.values() for c in cs.split())})?$"
)

_ADMIN_PREFIX = re.compile(
    rf"^(?:{'|'.join(VI_UNITS)})\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """True if `word` can be one Vietnamese syllable (with or without marks).

    >>> is_syllable("Nguyen"), is_syllable("Kubrakov")
    (True, False)
    """
    return bool(_SYLLABLE.match(fold(word)))


# a build asks of the same names again and again (2 MB: 40k calls, 3,700 texts)
@lru_cache(maxsize=1 << 16)
def has_diacritics(text: str) -> bool:
    """True if `text` carries Vietnamese marks (any non-ASCII letter)."""
    # Most text is ASCII: answered at once, without a loop over characters.
    return not text.isascii() and any(not c.isascii() and c.isalpha() for c in text)


@dataclass(frozen=True, slots=True)
class Restoration:
    """The outcome of restoring one written form."""

    text: str  # restored form, or the form as written
    restored: bool
    ambiguous: bool
    candidates: tuple[str, ...] = ()
    source: str = ""


@cache
def _underthesea_mapping() -> dict[str, object]:
    # The data file is read where the package keeps it, without importing
    # underthesea: its import alone (≈1 s) dominated English-only builds.
    path = underthesea_file(ADDRESS_DATA)
    if path is None:  # pragma: no cover
        return {}
    try:
        data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # pragma: no cover - optional data
        return {}
    return data


@cache
def _iso_records(part: str) -> tuple[dict[str, str], ...]:
    """Records of /usr/share/iso-codes/json/iso_{part}.json (() when absent)."""
    path = ISO_DIR / f"iso_{part}.json"
    if not path.is_file():
        return ()
    try:
        recs = json.loads(path.read_text(encoding="utf-8")).get(part, [])
    except (OSError, ValueError):  # pragma: no cover
        return ()
    return tuple(r for r in recs if isinstance(r, dict))


def _province_records() -> Iterator[tuple[dict[str, object], str]]:
    """Province records of underthesea's data (2025 and before), with source."""
    data = _underthesea_mapping()
    for table, src in (
        ("province_names", "underthesea province (2025)"),
        ("old_province_names", "underthesea province (before 2025)"),
    ):
        entries = data.get(table, {})
        if isinstance(entries, dict):
            for rec in entries.values():
                if isinstance(rec, dict):
                    yield rec, src


@kept("places-gazetteer")
def _gazetteer() -> dict[str, dict[str, str]]:
    """name_key → {diacritized form: source}."""
    gaz: dict[str, dict[str, str]] = {}

    def add(name: str, source: str) -> None:
        name = _ADMIN_PREFIX.sub("", name.strip())
        if not name:
            return
        gaz.setdefault(name_key(name), {}).setdefault(name, source)

    for rec, src in _province_records():
        add(str(rec.get("short") or rec.get("name", "")), src)
    for district in _ward_names(("old_district",)):
        add(district, "underthesea district (before 2025)")
    for iso in _iso_records("3166-2"):
        code = str(iso.get("code", ""))
        if code.startswith("VN-") and name_key(str(iso["name"])) not in gaz:
            # ISO writes "Thừa Thiên-Huế"; Vietnamese spells it with a space
            add(str(iso["name"]).replace("-", " "), "iso 3166-2")
    return gaz


@kept("places-foreign-places")
def _foreign_places() -> frozenset[str]:
    """name_keys of non-Vietnamese subdivisions (ISO 3166-2), when present."""
    out: set[str] = set()
    for rec in _iso_records("3166-2"):
        if not str(rec.get("code", "")).startswith("VN-"):
            name = str(rec.get("name", ""))
            out.add(name_key(name))
            for piece in re.split(r"\s*[(/,]\s*", name):
                out.add(name_key(piece.rstrip(")")))
    return frozenset(out)


@kept("places-countries")
def _countries() -> tuple[frozenset[str], frozenset[str]]:
    names: set[str] = set()
    codes: set[str] = set()
    for rec in _iso_records("3166-1"):
        for f in ("name", "common_name", "official_name"):
            if rec.get(f):
                name = str(rec[f])
                names.add(name_key(name))
                names.add(name_key(name.split(",")[0]))
                names.add(name_key(re.sub(r"\s*\(.*\)", "", name)))
                if ", " in name:  # "Korea, Republic of" → "Republic of Korea"
                    head, tail = name.split(", ", 1)
                    names.add(name_key(f"{tail} {head}"))
        codes.add(str(rec.get("alpha_2", "")))
        codes.add(str(rec.get("alpha_3", "")))
    from babel import Locale  # CLDR's English names: "Russia", "Brunei"

    en = Locale("en").territories  # news writes them where ISO is formal
    for code in codes & en.keys():  # "Myanmar (Burma)" gives both names
        names.update(name_key(p) for p in re.split(r" \(|\)| SAR China", en[code]))
    return frozenset(names - {""}), frozenset(codes - {""})


def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 and alpha-3 codes (empty if iso-codes is absent)."""
    return _countries()[1]


@kept("places-provinces")
def _provinces() -> frozenset[str]:
    keys: set[str] = set()
    for rec, _ in _province_records():
        keys.add(name_key(str(rec.get("short", ""))))
    keys.update(
        name_key(str(r["name"]))
        for r in _iso_records("3166-2")
        if str(r.get("code", "")).startswith("VN-")
    )
    return frozenset(keys - {""})


@lru_cache(maxsize=1 << 16)
def is_province(text: str) -> bool:
    """True if `text` names a Vietnamese province (before or after 2025)."""
    return name_key(text) in _provinces()


@lru_cache(maxsize=1 << 16)
def is_foreign_place(text: str) -> bool:
    """True if `text` names a non-Vietnamese subdivision in ISO 3166-2."""
    return name_key(text) in _foreign_places()


@kept("places-code-names")
def _code_names() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for rec in _iso_records("3166-1"):
        names = tuple(str(rec[f]) for f in ("name", "common_name") if rec.get(f))
        for c in ("alpha_2", "alpha_3"):
            if rec.get(c):
                out[str(rec[c])] = names
    return out


@kept("places-currencies")
def _currencies() -> frozenset[str]:
    return frozenset(str(r.get("alpha_3", "")) for r in _iso_records("4217")) - {""}


@lru_cache(maxsize=1 << 16)
def is_currency(code: str) -> bool:
    """True if `code` is an ISO 4217 currency code ("USD")."""
    return code in _currencies()


def country_names(code: str) -> tuple[str, ...]:
    """ISO 3166-1 names of the country with alpha-2/alpha-3 `code`."""
    return _code_names().get(code, ())


@kept("places-name-codes")
def _name_codes() -> dict[str, str]:
    """name_key of each ISO 3166-1 English name form → alpha-2 code.

    Forms: name, common name, official name, and "Korea, Republic of" turned
    into "Republic of Korea".
    """
    out: dict[str, str] = {}
    for rec in _iso_records("3166-1"):
        code = str(rec.get("alpha_2", ""))
        for f in ("name", "common_name", "official_name"):
            name = str(rec.get(f) or "")
            if not name or not code:
                continue
            out.setdefault(name_key(name), code)
            if ", " in name:
                head, tail = name.split(", ", 1)
                out.setdefault(name_key(f"{tail} {head}"), code)
    return out


def country_name(text: str) -> str | None:
    """The usual English name of the country `text` names in full, by ISO 3166-1.

    The common name when ISO gives one ("Republic of Korea" → "South Korea"),
    else the ISO name unless it is inverted ("Korea, ..."); None for a text
    that is no ISO name of a country.

    >>> country_name("Republic of Korea"), country_name("Russia")
    ('South Korea', None)
    """
    code = _name_codes().get(name_key(text))
    if code is None:
        return None
    name = country_names(code)[-1]
    return None if "," in name else name


@kept("places-vietnamese-countries")
def _vietnamese_countries() -> dict[str, str]:
    """name_key of each country's Vietnamese name (CLDR, through Babel) → its
    English name (CLDR), for every country but Việt Nam ({} without Babel).

    CLDR is what operating systems and browsers name countries with: "Nhật
    Bản" → "Japan", "Hàn Quốc" → "South Korea", "Hoa Kỳ" → "United States".
    """
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    vi, en = Locale("vi").territories, Locale("en").territories
    return {
        marked_key(name): en[code]
        for code, name in vi.items()
        # countries have two-letter codes; regions ("001", "EU") do not count
        if len(code) == 2 and code.isalpha() and code in en and code != "VN"
    }


@lru_cache(maxsize=1 << 12)
def english_country_name(vietnamese: str) -> str | None:
    """The English name of the foreign country a Vietnamese text names, by
    CLDR; None when `vietnamese` is no CLDR Vietnamese name of a country.
    The marks must be written (either tone style); case does not matter.

    >>> english_country_name("Nhật Bản"), english_country_name("Nhat Ban")
    ('Japan', None)
    """
    countries = _vietnamese_countries()
    key = marked_key(vietnamese)
    found = countries.get(key)
    if found is None and (m := _STATE_HEAD.match(key)) is not None:
        found = countries.get(key[m.end() :])  # "Vương quốc Campuchia"
    return found


@kept("places-short-names")
def _short_names() -> dict[str, str]:
    return {marked_key(name): code for name, code in vi.COUNTRY_SHORT_NAMES.items()}


def country_short_name(vietnamese: str) -> str | None:
    """The English name of the country a Vietnamese short name stands for
    ("Mỹ", "Anh", "Việt" in "Việt - Nga"), by `vi.COUNTRY_SHORT_NAMES` and
    CLDR; None for any other text. Most of these are also given names: the
    caller needs other evidence that the text names a country.

    >>> country_short_name("Anh"), country_short_name("Tuấn Anh")
    ('United Kingdom', None)
    """
    if not vietnamese[:1].isupper():
        return None  # "anh" (elder brother) is no country
    code = _short_names().get(marked_key(vietnamese))
    if code is None:
        return None
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return str(Locale("en").territories.get(code, "")) or None


# How Vietnamese writes a state's formal name before its short name: "Vương
# quốc Campuchia", "Liên bang Nga", "CHDCND Lào", "Cộng hòa Ý", "nước Pháp".
_STATE_HEAD = re.compile(
    r"^(?:vương quốc|liên bang|cộng hòa|cộng hoà|đại công quốc|chdcnd|chdcnd|"
    r"chnd|chxhcn|chdc|nước)\s+"
)


@lru_cache(maxsize=1 << 16)
def is_country(text: str) -> bool:
    """True if `text` is a country name in ISO 3166-1 (when present)."""
    return name_key(text) in _countries()[0]


def place_forms(text: str) -> dict[str, str]:
    """Gazetteer spellings (form → source) sharing `text`'s key; foreign: {text: ""}."""
    key = name_key(text)
    forms = _gazetteer().get(key)
    if forms:
        return dict(forms)
    if key in _foreign_places():
        return {text: "iso 3166-2"}
    return {}


@kept("places-cities")
def _cities() -> dict[str, str]:
    """name_key(short) → "Thành phố X" for province-level cities."""
    out: dict[str, str] = {}
    for rec, _ in _province_records():
        name = str(rec.get("name", ""))
        if name.startswith("Thành phố "):
            out[name_key(str(rec.get("short", "")))] = name
    return out


@kept("places-city-initials")
def _city_initials() -> dict[str, tuple[str, ...]]:
    """Initials of a province-level city's name ("HCM") → its full names."""
    out: dict[str, set[str]] = {}
    for rec, _ in _province_records():
        name = str(rec.get("name", ""))
        short = str(rec.get("short", ""))
        words = short.split()
        if name.startswith("Thành phố ") and len(words) >= 2:
            initials = "".join(fold(w)[:1] for w in words).upper()
            out.setdefault(initials, set()).add(name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@kept("places-place-acronyms")
def _place_acronyms() -> frozenset[str]:
    """Acronyms of three or more letters for a country ("UAE" of "United Arab
    Emirates") or a province-level city with its "City" ("HCMC")."""
    out = {f"{k}C" for k in _city_initials()}
    for rec in _iso_records("3166-1"):
        for f in ("name", "common_name"):  # official names: "IRA", "ISS"
            words = re.sub(r"\s*\(.*\)|,.*", "", str(rec.get(f, ""))).split()
            caps = [w for w in words if w[:1].isupper()]
            if len(caps) >= 3:
                out.add("".join(w[0] for w in caps))
    return frozenset(out)


def is_place_acronym(text: str) -> bool:
    """True if `text` is a country's or a city's acronym ("UAE", "HCMC").

    >>> is_place_acronym("UAE"), is_place_acronym("HCMC"), is_place_acronym("SK")
    (True, True, False)
    """
    return len(text) >= 3 and text in _place_acronyms()


def is_city(text: str) -> bool:
    """True if `text` names a province-level city ("Hà Nội", "Hanoi").

    >>> is_city("Hanoi"), is_city("Vinh Long")
    (True, False)
    """
    return name_key(text) in _cities()


def restore_place(text: str, *, city: bool = False) -> Restoration:
    """Restore a Vietnamese place name's diacritics from the gazetteer.

    >>> restore_place("Hung Yen").text
    'Hưng Yên'
    """
    if has_diacritics(text):
        return Restoration(text, restored=False, ambiguous=False)
    forms = _gazetteer().get(name_key(text), {})
    viet = [f for f in forms if has_diacritics(f)]
    if city and name_key(text) in _cities():
        # "Ho Chi Minh City": the province-level city's own name
        full = _cities()[name_key(text)]
        return Restoration(
            full,
            restored=True,
            ambiguous=False,
            candidates=(full,),
            source="underthesea province-level city",
        )
    cities = _city_initials().get(text, ()) if city and text.isupper() else ()
    if not viet and len(cities) == 1:
        # "HCM City": the initials of one province-level city's name
        return Restoration(
            cities[0],
            restored=True,
            ambiguous=False,
            candidates=cities,
            source="underthesea province-level city (initials)",
        )
    if len(viet) == 1:
        return Restoration(
            viet[0],
            restored=True,
            ambiguous=False,
            candidates=(viet[0],),
            source=forms[viet[0]],
        )
    if len(viet) > 1:
        return Restoration(
            text, restored=False, ambiguous=True, candidates=tuple(sorted(viet))
        )
    return Restoration(text, restored=False, ambiguous=False)


# English words for the levels below a province, and the Vietnamese category
# words each may stand for ("district" is a quận in a city, else a huyện).
_LEVELS = {
    "district": ("quận", "huyện", "thị xã"),
    "ward": ("phường",),
    "commune": ("xã",),
    "town": ("thị trấn", "thị xã"),
}
_CATEGORY = re.compile(rf"^({'|'.join(VI_LOCAL_UNITS)})\s+(.+)$", re.I)


@kept("places-local-units")
def _local_units() -> dict[str, frozenset[tuple[str, str]]]:
    """name_key(name) → {(category, name)} of districts and wards (underthesea)."""
    units: dict[str, set[tuple[str, str]]] = {}
    for text in _ward_names(("old_district", "old_ward", "new_ward")):
        m = _CATEGORY.match(text)
        if m:
            unit = (m.group(1).lower(), m.group(2))
            units.setdefault(name_key(unit[1]), set()).add(unit)
    return {k: frozenset(v) for k, v in units.items()}


def _ward_names(fields: tuple[str, ...]) -> dict[str, None]:
    """The distinct texts of `fields` in underthesea's ward records, in the
    order first met (a district is in a record for each of its wards: 681
    names in 10,602 records), stripped."""
    wards = _underthesea_mapping().get("ward_mapping", [])
    return dict.fromkeys(
        str(rec.get(field) or "").strip()
        for rec in (wards if isinstance(wards, list) else [])
        if isinstance(rec, dict)
        for field in fields
    )


def is_unit_name(text: str) -> bool:
    """True if `text` names a province, district, ward or commune (underthesea,
    2025 and before), with or without its marks.

    >>> is_unit_name("Dang Xa"), is_unit_name("Pham Minh Chinh")
    (True, False)
    """
    key = name_key(text)
    return key in _gazetteer() or key in _local_units()


def local_unit(name: str, level: str) -> str | None:
    """The Vietnamese name of a district, ward or commune written in English.

    The level word of the English text ("Hai Ba Trung district") picks the
    category; the gazetteer gives the diacritics and tells quận from huyện.
    When several spellings or categories fit, nothing is returned.

    Args:
        name: the unit's name without its level word, as written.
        level: "district", "ward", "commune" or "town".

    Returns:
        "quận Hai Bà Trưng", or None when the gazetteer does not settle it.

    >>> local_unit("Hai Ba Trung", "district")
    'quận Hai Bà Trưng'
    """
    allowed = _LEVELS.get(level.casefold())
    if not allowed:
        return None
    fits = {
        (cat, unit)
        for cat, unit in _local_units().get(name_key(name), ())
        if cat in allowed and (not has_diacritics(name) or unit == name)
    }
    if len(fits) != 1:
        return None
    cat, unit = fits.pop()
    return f"{cat} {unit}"


@kept("places-units-inside")
def _units_inside() -> dict[str, frozenset[str]]:
    """Each province's and district's bare name (with its marks) → the bare
    names of the districts and wards inside it (underthesea, 2025 and before)."""
    inside: dict[str, set[str]] = {}
    wards = _underthesea_mapping().get("ward_mapping", [])
    for rec in wards if isinstance(wards, list) else []:
        if not isinstance(rec, dict):
            continue
        bare = {
            f: _ADMIN_PREFIX.sub("", str(rec.get(f) or "").strip())
            for f in (
                "old_province",
                "old_district",
                "old_ward",
                "new_province",
                "new_ward",
            )
        }
        for outer, inner in (
            ("old_province", "old_district"),
            ("old_province", "old_ward"),
            ("old_district", "old_ward"),
            ("new_province", "new_ward"),
        ):
            if bare[outer] and bare[inner]:
                inside.setdefault(bare[outer], set()).add(bare[inner])
    return {k: frozenset(v) for k, v in inside.items()}


def bare_place(text: str) -> str:
    """A Vietnamese place name without its leading unit word ("huyện Bắc Hà")."""
    return _ADMIN_PREFIX.sub("", text)


def units_within(places: Iterable[str]) -> frozenset[str]:
    """The districts and wards inside the provinces and districts `places`
    (bare names as written with their marks: "Bắc Hà" → "Bảo Nhai", ...).

    >>> "Bảo Nhai" in units_within(["Bắc Hà"])
    True
    """
    table = _units_inside()
    out: set[str] = set()
    for p in places:
        out |= table.get(p, frozenset())
    return frozenset(out)
