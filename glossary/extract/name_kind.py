"""The kind of an English name: from the name itself, then the text around it.

`kind_of` answers for a name at one place in a document: a title before it
makes a person; a capitalised dateline ("HANOI —") a place; then the name's
own structure decides (organisation head word, administrative word,
gazetteer country/province/foreign place, Vietnamese surname, event word,
acronym, brand), cached per name; what the name alone cannot settle is
asked of the text (is the country of this ISO code named in the document?
does ", Malaysia" follow?). `person_suffix` finds a personal name ending a
longer run ("Presidential Office Le Khanh Hai").
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache
from typing import Final

from glossary.extract.name_runs import fold
from glossary.lang import en
from glossary.lang.en import EVENT_WORDS, MONTHS, ORG_HEADS, PLACE_WORDS
from glossary.model import Kind
from glossary.names import places as restore
from glossary.names.titles import is_title_word
from glossary.names.world import is_foreign_city
from glossary.text.sentences import Sentences

__all__ = ["Page", "guess", "is_vietnamese_name", "kind_of", "person_suffix"]


class Page:
    """One document while its names are extracted: what its passes share.

    Made per document and dropped with it, so nothing keyed on a document's
    text outlives its extraction.

    Attributes:
        path: the document's path.
        text: its text (NFC).
        sentences: its sentence marks, for the context of each mention.
    """

    __slots__ = ("_folded", "path", "sentences", "text")

    def __init__(
        self, path: str, text: str, sentences: Sentences | None = None
    ) -> None:
        self.path = path
        self.text = text
        self.sentences = Sentences(text) if sentences is None else sentences
        self._folded: str | None = None

    def casefolded(self) -> str:
        """The text casefolded, once (few documents need it)."""
        if self._folded is None:
            self._folded = self.text.casefold()
        return self._folded


def _code_country_in(page: Page, code: str) -> bool:
    """An ISO code counts as a country if its name is written in the text too.

    "US" and "UK" are the conventional English abbreviations and always count.
    """
    if code in ("US", "UK"):
        return True
    low = page.casefolded()
    return any(n.casefold() in low for n in restore.country_names(code))


def is_vietnamese_name(words: list[str]) -> bool:
    """True if `words` look like a Vietnamese personal name (surname first).

    >>> is_vietnamese_name(["Pham", "Minh", "Chinh"])
    True
    """
    if not 2 <= len(words) <= 5:
        return False
    if fold(words[0]) not in restore.VIETNAMESE_SURNAMES:
        return False
    return all(restore.is_syllable(w) for w in words)


# Continents and oceans end region names ("Southeast Asia", "Asia-Pacific").
_REGIONS = frozenset(en.REGION_WORDS)
_PLACE_ADJECTIVES = frozenset(en.PLACE_ADJECTIVES)
_DASH_SPLIT = re.compile(r"\s+[-–]\s*|\s*[-–]\s+")


def guess(word: str) -> Kind | None:
    if restore.is_country(word) or restore.is_province(word):
        return Kind.PLACE
    if word.isupper() and word in restore.country_codes():
        return Kind.PLACE
    if word.isupper():
        return Kind.ORG
    return None


_DATELINE_NEXT = re.compile(r", ([A-Z][a-z]+)\b")


def kind_of(
    page: Page, start: int, surface: str, title_text: str, *, strip_dots: bool = True
) -> Kind | None:
    """The kind of the name `surface` at `start`: context first, then the name.

    `strip_dots` strips "." and "," off the folded words before the head-word
    tests (the name's own surface; a name split off a longer run keeps them).
    """
    if title_text:
        return Kind.PERSON
    text = page.text
    line_start = start == 0 or text[start - 1] == "\n"
    if surface.isupper() and line_start:
        rest = text[start + len(surface) : start + len(surface) + 4]
        if rest.lstrip()[:1] in ("—", "–", "-", "("):
            return Kind.PLACE  # dateline
        # "HANOI, Vietnam:", "HANOI, Dec 3": dateline with country or date
        nxt = _DATELINE_NEXT.match(text, start + len(surface))
        if nxt and (
            restore.is_country(nxt.group(1)) or nxt.group(1).casefold() in MONTHS
        ):
            return Kind.PLACE
    kind = _NAME_KINDS[surface] if strip_dots else _name_kind(surface, False)
    if kind is _CODE_COUNTRY:
        return Kind.PLACE if _code_country_in(page, surface) else Kind.ORG
    if kind is _WHAT_FOLLOWS:
        return _multiword_kind(text, start + len(surface), surface.split())
    return kind


class _NameKinds(dict[str, "Kind | _Ask | None"]):
    """`_name_kind(name, True)` memoised in a dict (asked of every name: a
    hit is a C-level subscript, a few times cheaper than an `lru_cache`
    hit on two arguments). Forgotten all at once past `_NAME_KINDS_MAX`."""

    def __missing__(self, name: str) -> Kind | _Ask | None:
        if len(self) > _NAME_KINDS_MAX:
            self.clear()
        kind = self[name] = _name_kind(name, True)
        return kind


_NAME_KINDS = _NameKinds()
_NAME_KINDS_MAX = 1 << 16


class _Ask(Enum):
    """What the text around a name must settle when the name alone cannot."""

    CODE_COUNTRY = "is the country of this ISO code named in the text?"
    WHAT_FOLLOWS = "does a country follow this multi-word name?"


# Bound once: `kind_of` compares every name's kind with them, and an enum's
# member is looked up through EnumType's `__getattr__` hook (≈90 ns a time in
# Python 3.11).
_CODE_COUNTRY: Final = _Ask.CODE_COUNTRY
_WHAT_FOLLOWS: Final = _Ask.WHAT_FOLLOWS


@lru_cache(maxsize=1 << 16)
def _name_kind(surface: str, strip_dots: bool) -> Kind | _Ask | None:
    """The kind the name itself shows, or the question the text must answer.

    Cached: it reads nothing but the name, and names recur in news.
    """
    parts = surface.split()
    folded = [fold(p).strip(".,") if strip_dots else fold(p) for p in parts]
    if restore.is_country(surface) or " ".join(folded) in _FORMER_STATES:
        return Kind.PLACE
    if " ".join(folded[-2:]) in _STRUCTURES or (
        folded[0] in en.STRUCTURES_OF and "of" in folded
    ):
        return Kind.PLACE  # "Hanoi Opera House", "Palace of Vuong Dynasty"
    if "&" in parts:
        return Kind.ORG  # "Procter & Gamble": a firm of partners' names
    if len(parts) > 1 and _is_brand(parts[0]):
        return Kind.ORG  # "VietNamNet Bridge", "VinFast Auto": a brand's name
    if folded[-1] in ORG_HEADS or (
        not ORG_HEADS.isdisjoint(folded[:-1]) and len(parts) > 1
    ):
        if folded[-1] in PLACE_WORDS and "of" not in folded:
            return Kind.PLACE
        return Kind.ORG
    if folded[-1] in PLACE_WORDS:
        return Kind.PLACE
    if len(parts) == 1 and (
        restore.is_currency(surface) or any(c.isdigit() for c in surface)
    ):
        return Kind.OTHER
    if len(parts) == 1 and surface.isupper() and 2 <= len(surface) <= 8:
        if restore.is_country(surface) or restore.is_place_acronym(surface):
            return Kind.PLACE
        return _Ask.CODE_COUNTRY if surface in restore.country_codes() else Kind.ORG
    if restore.is_country(surface) or restore.is_province(surface):
        return Kind.PLACE
    pair = _DASH_SPLIT.split(surface) if "-" in surface or "–" in surface else ()
    if len(pair) == 2 and all(restore.place_forms(p) for p in pair):
        return Kind.PLACE  # "Thuan Hoa - Phu Xuan": two gazetteer places
    if (
        restore.is_foreign_place(surface)
        or folded[-1] in _REGIONS
        or is_foreign_city(surface)  # "Seoul", "Incheon" (GeoNames)
    ):
        return Kind.PLACE
    if is_vietnamese_name(parts):
        return Kind.PERSON
    if _sponsor_and_province(parts):
        return Kind.ORG
    if _unit_without_surname(parts):
        return Kind.PLACE
    if any(f in EVENT_WORDS for f in folded):
        return Kind.OTHER
    if len(parts) >= 2:
        return Kind.OTHER if _is_phrase(parts, folded) else _Ask.WHAT_FOLLOWS
    if len(surface) > 3 and any(c.isupper() for c in surface[1:]):
        return Kind.ORG  # "VinFast": a brand written with an inner capital
    if len(parts) == 1 and _BRAND_SUFFIX.search(surface):
        return Kind.ORG  # "Vingroup", "Techcombank": a company's closed compound
    return None


def _unit_without_surname(parts: list[str]) -> bool:
    """True if Vietnamese syllables that open with no surname spell a district
    or province of the gazetteer ("Da Lat", "Sa Pa", "Yen Minh"): a Vietnamese
    personal name opens with its surname, a unit's name need not."""
    return (
        len(parts) >= 2
        and fold(parts[0]) not in restore.VIETNAMESE_SURNAMES
        and all(map(restore.is_syllable, parts))
        and bool(restore.place_forms(" ".join(parts)))
    )


def _sponsor_and_province(parts: list[str]) -> bool:
    """True if a foreign word opens a name that a province of two or more
    syllables ends: a club or company named sponsor + province ("Becamex
    Binh Duong", "Quangninh Coal Hai Phong" has the same shape). Neither a
    person (who opens with a surname) nor a place (which has no such word)."""
    return (
        len(parts) >= 3
        and not restore.is_syllable(parts[0])
        and not is_title_word(parts[0])
        and fold(parts[0]) not in _REGIONS
        and fold(parts[0]) not in _PLACE_ADJECTIVES
        and not parts[0].endswith("ern")  # "Northern", "Southeastern"
        and not restore.is_country(parts[0])
        and restore.is_province(" ".join(parts[-2:]))
        and all(map(restore.is_syllable, parts[-2:]))
    )


_FORMER_STATES = frozenset(map(fold, en.FORMER_STATES))
_STRUCTURES = frozenset(en.STRUCTURE_HEADS)
_INNER_CAPITAL = re.compile(r"^(?!Mc|Mac|De|Di|Du|Da|La|Le)[A-Z][a-z]+[A-Z]")


def _is_brand(word: str) -> bool:
    """True if `word` is written like a brand, with a capital inside ("VinFast",
    "VnExpress"); surname particles excepted ("McDonald", "DeLuca", "LeBlanc")."""
    return _INNER_CAPITAL.match(word) is not None


def _is_phrase(parts: list[str], folded: list[str]) -> bool:
    """True if an unknown run of words is a phrase (a slogan, a theme, a
    heading: "One Destination", "Connecting Cultural Heritage"), not a
    person: a word with an abstract noun's ending, or a long first word
    ending like a participle or an adjective. Vietnamese syllables and the
    short syllables of Chinese names ("Xi Jinping") never qualify."""
    if all(map(restore.is_syllable, parts)):
        return False
    first = folded[0]
    return (len(first) >= 8 and first.endswith(_LONG_WORD_ENDINGS)) or any(
        len(f) >= 6 and f.endswith(_PHRASE_ENDINGS) for f in folded
    )


_PHRASE_ENDINGS = en.PHRASE_ENDINGS
_LONG_WORD_ENDINGS = ("ing", "al")


# A company name fused with its head word; the stem must be a name of its own.
_BRAND_SUFFIX = re.compile(r"^[A-Z][a-z]{2,}(?:group|bank|corp|soft)$")
# ", Malaysia." after a name: "Kuala Lumpur, Malaysia" is a place in a country.
_IN_COUNTRY = re.compile(r", ([A-Z][\w]*(?: [A-Z][\w]*)*)(?=[.,;:)\n]|$| and )")
_ROMAN = frozenset("IVXLC")


def _multiword_kind(text: str, end: int, parts: list[str]) -> Kind:
    """Kind of an unknown name of two or more words: a person unless shown not."""
    nxt = _IN_COUNTRY.match(text, end)
    if nxt and restore.is_country(nxt.group(1)):
        return Kind.PLACE
    # "Green SM": an acronym word does not occur in a personal name
    # (a regnal number such as "III" does)
    if any(len(p) >= 2 and p.isupper() and not set(p) <= _ROMAN for p in parts):
        return Kind.ORG
    return Kind.PERSON


# A Korean given name: two syllables joined by a hyphen ("Jae-in", "Jeong-woo").
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]{1,4}-[a-z]{1,4}$")
_PATRONYMIC = ("ovich", "evich", "ovna", "evna", "ich", "ichna")


@lru_cache(maxsize=1 << 14)
def person_suffix(words: tuple[str, ...]) -> int:
    """Index where a Vietnamese personal name ends a longer run, or 0.

    "Presidential Office Le Khanh Hai" → 2: the prefix's last word is not a
    Vietnamese syllable, and the rest is surname + syllables. Cached on the
    words alone (nothing else is read): the same names recur in news.
    """
    n = len(words)
    if n < 3:  # every rule below leaves at least two words after the cut
        return 0
    for cut in range(max(1, n - 5), n - 1):
        prev = words[cut - 1]
        if (
            restore.is_syllable(prev)
            and fold(prev) not in ORG_HEADS
            and not is_title_word(prev)
        ):
            continue
        if is_vietnamese_name(list(words[cut:])):
            return cut
    # a Korean name after a body: "Samsung Lee Jae-yong"
    if _KOREAN_GIVEN.match(words[-1]) and len(words[-2]) <= 5 and words[-2].istitle():
        return n - 2
    # surname-first with a patronymic: "Kubrakov Ivan Vladimirovich"
    if n > 3 and fold(words[-1]).endswith(_PATRONYMIC):
        return n - 3
    # a country before a foreign name: "Republic of Belarus Roman Golovchenko"
    for cut in range(n - 2, 0, -1):
        head = " ".join(words[:cut])
        rest = [fold(w) for w in words[cut:]]
        if restore.is_country(head) and not any(r in ORG_HEADS for r in rest):
            return cut
    return 0
