"""Foreign places and Chinese names across Vietnamese and English.

Two tables shipped in glossary/data/ and derived by tools/make_knowledge.py
(sources, versions and licences in docs/knowledge.md), loaded on first use:

* world_places.tsv: foreign cities from GeoNames with their Vietnamese forms
  ("Bình Nhưỡng" is Pyongyang, "Ôn Châu" Wenzhou); a form names a city only
  when it names one city and no Vietnamese place;
* hanviet_pinyin.tsv: the pinyin of the characters each Sino-Vietnamese
  syllable reads, so that "Lý Cường" can be matched with "Li Qiang", and
  otherwise offered as a reading to check, never as evidence.

A user's own gazetteer (`load_gazetteer`) adds to the first table.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from glossary.errors import InputError
from glossary.names.places import place_forms
from glossary.names.tables import kept
from glossary.text import fold, name_key

__all__ = [
    "GazetteerEntry",
    "english_place",
    "gazetteer_digest",
    "gazetteer_kind",
    "is_foreign_city",
    "load_gazetteer",
    "pinyin_reading",
    "sino_vietnamese_match",
    "use_gazetteer",
    "user_english",
]

DATA = Path(__file__).resolve().parent.parent / "data"
_SEP = re.compile(r"[\s\-]+")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One row of a user's gazetteer: a name, its kind, its two forms."""

    name: str
    kind: str
    vietnamese: str
    english: str


_USER: dict[str, str] = {}
_USER_KINDS: dict[str, str] = {}


@kept("world-places")
def _world() -> tuple[dict[str, str], frozenset[str]]:
    """name_key of each Vietnamese or alternate form → English name, and the
    name_keys of the English names themselves."""
    forms: dict[str, dict[str, int]] = {}
    english: set[str] = set()
    path = DATA / "world_places.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        name, _country, pop, alternates = line.split("\t")
        english.add(name_key(name))
        for form in filter(None, alternates.split(" | ")):
            named = forms.setdefault(_form_key(form), {})
            named[name] = max(named.get(name, 0), int(pop))
    unique = {
        k: top
        for k, v in forms.items()
        if (top := _dominant(v)) is not None and name_key(k) not in english
    }
    return unique, frozenset(english)


def _dominant(cities: dict[str, int]) -> str | None:
    """The one English name a form stands for: the only one, or a city ten
    times as large as any other of that form ("Bình Nhưỡng" is Pyongyang,
    not a district of it)."""
    ranked = sorted(cities.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or ranked[0][1] >= 10 * ranked[1][1]:
        return ranked[0][0]
    return None


def _form_key(text: str) -> str:
    # the marks count ("Kim Hoa" is no "Kìm Hóa"), the case does not
    return unicodedata.normalize("NFC", " ".join(_SEP.split(text))).casefold()


def english_place(text: str) -> str | None:
    """The English name of the foreign city `text` names in Vietnamese or in
    another spelling ("Bình Nhưỡng" → "Pyongyang", "Moskva" → "Moscow").

    None when no city, or several, have that form, or when it is also the
    name of a Vietnamese place ("Kim Hoa" is a commune of Hà Nội too).
    """
    if _USER and (key := _form_key(text)) in _USER:
        return _USER[key]
    return _world_place(text)


# the Vietnamese rules ask of each capitalised run (12k calls for 2 MB)
@lru_cache(maxsize=1 << 16)
def _world_place(text: str) -> str | None:
    found = _world()[0].get(_form_key(text))
    if found is None or any(
        source != "iso 3166-2" for source in place_forms(text).values()
    ):
        return None  # also a Vietnamese place
    return found


def is_foreign_city(text: str) -> bool:
    """True if `text` is the English name of a foreign city of 15,000 people
    or more that has a Vietnamese or other known form."""
    return name_key(text) in _world()[1]


@kept("world-pinyin")
def _pinyin() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    path = DATA / "hanviet_pinyin.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        syllable, readings = line.split("\t")
        out[syllable] = tuple(readings.split())
    return out


def _syllables(text: str) -> list[str]:
    return [unicodedata.normalize("NFC", w.lower()) for w in _SEP.split(text) if w]


def sino_vietnamese_match(vietnamese: str, english: str) -> bool:
    """True if the Sino-Vietnamese name `vietnamese` can be the pinyin name
    `english`: "Lý Cường" and "Li Qiang" (李强), syllable by syllable.

    Pinyin given names are often written as one word ("Wang Wentao"), so the
    English syllables are split where the readings allow.
    """
    table = _pinyin()
    vi = _syllables(vietnamese)
    en = "".join(fold(w) for w in _syllables(english))
    if len(vi) < 2 or any(s not in table for s in vi):
        return False

    def fits(i: int, rest: str) -> bool:
        if i == len(vi):
            return not rest
        return any(
            rest.startswith(p) and fits(i + 1, rest[len(p) :]) for p in table[vi[i]]
        )

    return fits(0, en)


def pinyin_reading(vietnamese: str) -> str | None:
    """The likeliest pinyin of a Sino-Vietnamese name, surname apart and the
    given name in one word ("Vương Văn Đào" → "Wang Wentao"); a reading to
    check, not a fact. None if a syllable has no Sino-Vietnamese reading."""
    table = _pinyin()
    vi = _syllables(vietnamese)
    if len(vi) < 2 or any(s not in table for s in vi):
        return None
    first, *rest = (table[s][0] for s in vi)
    return f"{first.capitalize()} {''.join(rest).capitalize()}"


def load_gazetteer(path: Path) -> list[GazetteerEntry]:
    """A user's gazetteer: CSV with the columns name, kind, vietnamese,
    english (a header row naming them; UTF-8).

    Raises:
        InputError: "FILE:LINE: message" for a missing column or field.
    """
    rows: list[GazetteerEntry] = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        need = {"name", "kind", "vietnamese", "english"}
        if reader.fieldnames is None or not need <= set(reader.fieldnames):
            raise InputError(
                f"gazetteer needs columns {', '.join(sorted(need))}", str(path), 1
            )
        for row in reader:
            entry = GazetteerEntry(
                *(
                    unicodedata.normalize("NFC", (row.get(c) or "").strip())
                    for c in ("name", "kind", "vietnamese", "english")
                )
            )
            if not entry.name or not (entry.vietnamese or entry.english):
                raise InputError(
                    "a name and a Vietnamese or English form are needed",
                    str(path),
                    reader.line_num,
                )
            rows.append(entry)
    return rows


def use_gazetteer(entries: Iterable[GazetteerEntry], *, replace: bool = False) -> None:
    """Make a user's gazetteer known: each form maps to the English name
    (`replace`: instead of the gazetteer used so far)."""
    if replace:
        _USER.clear()
        _USER_KINDS.clear()
    for e in entries:
        english = e.english or e.name
        for form in (e.name, e.vietnamese, e.english):
            if form:
                _USER[_form_key(form)] = english
                _USER_KINDS[_form_key(form)] = e.kind


def gazetteer_digest() -> str:
    """A digest of the user's gazetteer in use ("" for none): builds with
    another gazetteer extract and cluster again."""
    if not _USER:
        return ""
    rows = sorted(f"{k}\t{v}\t{_USER_KINDS.get(k, '')}" for k, v in _USER.items())
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


def user_english(text: str) -> str | None:
    """The English name the user's gazetteer gives `text`, if any."""
    # most builds have none: then no key (each candidate and name key asks)
    return _USER.get(_form_key(text)) if _USER else None


def gazetteer_kind(text: str) -> str | None:
    """The kind a user's gazetteer gives `text` ("place", "org", "person")."""
    return _USER_KINDS.get(_form_key(text)) if _USER_KINDS else None
