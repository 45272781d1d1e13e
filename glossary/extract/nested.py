"""Names inside longer names, in both languages: one pass over a document's mentions.

A term base must know the place as well as the body: "Lục Ngạn District" in
"Lục Ngạn District Party Committee", "Thanh Hoa" in "People's Committee of
the central province of Thanh Hoa", "Việt Nam" in "Đại sứ quán Việt Nam tại
nước CHDCND Lào", "SHB" and "Da Nang" in the club "SHB Da Nang".

`nested_mentions` looks inside every multi-word organisation, place or event
name of a document for, longest first and without overlap:

1. a name the document already has (any other person, place or organisation
   mention's text): it keeps that mention's kind and so joins its cluster;
2. a gazetteer place (Vietnamese province or district, country, foreign
   subdivision), with the administrative word the longer name writes after it
   in English ("Lục Nam District", "Bắc Giang City");
3. in English, an acronym ("SHB", "FIFA"): an organisation ("US" and "UK" are
   places; other country codes inside names are words such as "PM");
4. in English, the one capitalised word left before a gazetteer place that
   ends an organisation's name, but for head words such as "FC" (the sponsor
   in "Becamex Binh Duong");
5. a word joined by a dash that opens the one country the document names
   ("Việt" in "Hội Hữu nghị Việt - Nga", with "Việt Nam" in the document);
6. the owner of an English possessive ("Vietnam News Agency" in "Vietnam
   News Agency's The Thao"), the place a structure is named for ("Nội Bài"
   in "sân bay Nội Bài"), the settlement a feature is named for ("Bản Giốc"
   in "Thác Bản Giốc") and the body a standing organ belongs to ("Nhân đại
   thành phố Ôn Châu" in "Ủy ban Thường vụ Nhân đại thành phố Ôn Châu");
7. the Central Committee a Vietnamese central body is named for ("T.Ư" in
   "Ủy ban Kiểm tra T.Ư"), which joins the document's "T.Ư Đảng", and the
   body an English body belongs to after "of the" ("People's Committee of
   the central province of Thanh Hoa" in "Party Civil Affairs Committee of
   the People's Committee of ...").

Persons are not looked for inside places: "Ham Nghi Street" names no person.
The new mentions carry `source` "nested"; the clustering links them like any
other, and `glossary.cluster.parts` records which concept holds which.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.extract.name_runs import fold
from glossary.lang.en import ADMIN_WORDS, ORG_HEADS, PLACE_WORDS
from glossary.lang.vi import (
    CENTRAL_ABBREVIATIONS,
    FEATURE_HEADS,
    NAMED_FOR_HEADS,
    STANDING_HEADS,
)
from glossary.model import Kind, Mention
from glossary.names import places as gazetteer
from glossary.names.titles import is_title_word

__all__ = ["SOURCE", "nested_mentions"]

SOURCE = "nested"
_HOSTS = (Kind.ORG, Kind.PLACE, Kind.OTHER, Kind.TITLE)
# The kinds of the names looked for inside hosts. A set: asked of every
# mention, and `Kind.PERSON` is looked up through EnumType's `__getattr__`
# hook (≈90 ns a time in Python 3.11).
_KNOWN = frozenset({Kind.PERSON, Kind.PLACE, Kind.ORG})
_LONGEST = 5  # words of a nested name
_WORD = re.compile(r"\w[^\s()’',;:]*")
_ROMAN = frozenset("IVXLCDM")
_tuple_new = tuple.__new__
_Words = tuple[tuple[int, int, str], ...]


def nested_mentions(mentions: list[Mention]) -> list[Mention]:
    """The names written inside the longer names among `mentions` (one document).

    Args:
        mentions: the document's mentions, any language and kind.

    Returns:
        New mentions (source "nested"), offsets into the same text.
    """
    known: dict[str, Kind] = {}
    for m in mentions:
        if m.kind in _KNOWN and m.source != SOURCE:
            known.setdefault(m.text, m.kind)
    # spans written out already, with a kind (an untyped one gains ours):
    # made once a host holds a name (most documents have none)
    taken: set[tuple[int, int]] | None = None
    out: list[Mention] = []
    # What is inside a host depends on its text, kind and language and on
    # `known` only: a third of the hosts repeat one seen in the document.
    inside: dict[tuple[str, Kind | None, str], list[tuple[int, int, Kind]]] = {}
    for host in mentions:
        if (
            host.kind in _HOSTS
            and " " in host.text
            and host.source != SOURCE
            and not _is_place(host.text)  # "Korea" in "Republic of Korea"
        ):
            key = (host.text, host.kind, host.lang)
            found = inside.get(key)
            if found is None:
                found = inside[key] = _inside_known(host, known)
            if found and taken is None:
                taken = {(m.start, m.end) for m in mentions if m.kind is not None}
            for rel_start, rel_end, kind in found:
                assert taken is not None
                text = host.text[rel_start:rel_end]
                start = host.start + rel_start
                if (start, start + len(text)) in taken:
                    continue
                taken.add((start, start + len(text)))
                out.append(
                    _tuple_new(
                        Mention,
                        (
                            text,
                            host.document,
                            start,
                            start + len(text),
                            host.lang,
                            kind,
                            host.context,
                            "",
                            SOURCE,
                            0.0,
                        ),
                    )
                )
    return out


# `_inside` of hosts across documents, by host text, kind, language and what
# the document's `known` says of each span `_longest_at` looks up; forgotten
# all at once past `_INSIDE_MAX`.
_INSIDE: dict[tuple[object, ...], list[tuple[int, int, Kind]]] = {}
_INSIDE_MAX = 1 << 16


def _inside_known(host: Mention, known: dict[str, Kind]) -> list[tuple[int, int, Kind]]:
    """`_inside(host, known)`, remembered across documents: organisations
    recur across a corpus, and `_inside` reads `known` only by looking up
    the spans of `_looked_up` (and every name when a word is dashed)."""
    spans = _looked_up(host.text)
    if spans is None:
        return _inside(host, known)
    key = (host.text, host.kind, host.lang, *map(known.get, spans))
    found = _INSIDE.get(key)
    if found is None:
        if len(_INSIDE) > _INSIDE_MAX:
            _INSIDE.clear()
        found = _INSIDE[key] = _inside(host, known)
    return found


@lru_cache(maxsize=1 << 16)
def _looked_up(text: str) -> tuple[str, ...] | None:
    """The spans of `text` that `_longest_at` looks up in `known`; None when
    one word is dashed to the next or last (`_opens_country` then reads all
    of `known`)."""
    words = _words(text)
    n = len(words)
    if any(_paired(text, words, i, i + 1) for i in range(n)):
        return None
    return tuple(
        text[words[i][0] : words[j - 1][1]]
        for i in range(n)
        for j in range(min(n, i + _LONGEST), i, -1)
        if j - i != n
    )


def _inside(host: Mention, known: dict[str, Kind]) -> list[tuple[int, int, Kind]]:
    """(start, end, kind) of the names inside `host`, relative to its text."""
    words = _words(host.text)
    found: list[tuple[int, int, Kind]] = []
    i = 0
    while i < len(words):
        hit = _longest_at(host, words, i, known)
        if hit is None:
            i += 1
            continue
        j, kind = hit
        if kind is not None:
            found.append((words[i][0], words[j - 1][1], kind))
        i = j
    if host.lang == "en" and host.kind is Kind.ORG:
        found += _sponsor(words, found)
    elif host.kind is Kind.TITLE:
        found = [f for f in found if f[2] is not Kind.ORG or f[1] - f[0] > 4]
    owners = _owner(host.text) + _named_for(host) + _standing_body(host)
    for start, end, kind in owners + _central(host) + _of_body(host):
        # a name inside it may stay ("Vietnam" in "Vietnam News Agency")
        if not any(
            s < end and start < e and not start <= s < e <= end for s, e, _ in found
        ):
            found.append((start, end, kind))
    return found


# "X's Y": the owner X, a name of its own, typed by its head noun.
_OWNER = re.compile(r"^((?:[A-ZĐ\w][\w.&-]*\s){1,5}[A-Z]\w*)[’']s\s")


# "Trung Khanh district's Party Committee": a place with its unit word.
_UNIT_OWNER = re.compile(r"^((?:[A-ZĐ\w][\w.&-]*\s){1,5}[a-z]+)[’']s\s")


def _owner(text: str) -> list[tuple[int, int, Kind]]:
    """The owner that opens an English name in the possessive: "Hữu Nghị
    International Border Gate" in "... Border Gate's Border Post", "Vietnam
    News Agency" in "Vietnam News Agency's The Thao", "Trung Khanh
    district" in "Trung Khanh district's Party Committee"; a place or a body
    by its last word, every word capitalised but a unit word."""
    m = _OWNER.match(text) or _UNIT_OWNER.match(text)
    if m is None:
        return []
    words = m.group(1).split()
    if not all(w[:1].isupper() for w in words[:-1]):
        return []
    head = fold(words[-1])
    if not words[-1][:1].isupper() and head not in ADMIN_WORDS:
        return []
    kind = (
        Kind.PLACE if head in PLACE_WORDS else Kind.ORG if head in ORG_HEADS else None
    )
    return [] if kind is None else [(0, m.end(1), kind)]


def _of_body(host: Mention) -> list[tuple[int, int, Kind]]:
    """The body an English body's name says it belongs to after "of the":
    "People's Committee of the central province of Thanh Hoa" in "Party
    Civil Affairs Committee of the People's Committee of ..."."""
    if host.lang != "en" or host.kind is not Kind.ORG:
        return []
    at = host.text.find(" of the ")
    rest = host.text[at + 8 :] if at > 0 else ""
    if not rest[:1].isupper() or not any(
        fold(w) in ORG_HEADS for w in rest.split(" of ")[0].split()
    ):
        return []
    return [(at + 8, len(host.text), Kind.ORG)]


def _central(host: Mention) -> list[tuple[int, int, Kind]]:
    """The Central Committee a Vietnamese central body is named for: "T.Ư"
    in "Ủy ban Kiểm tra T.Ư", "TW" in "Ban Tuyên giáo TW"."""
    if host.lang != "vi" or host.kind is not Kind.ORG:
        return []
    last = host.text.rsplit(" ", 1)[-1]
    if last not in CENTRAL_ABBREVIATIONS:
        return []
    return [(len(host.text) - len(last), len(host.text), Kind.ORG)]


def _standing_body(host: Mention) -> list[tuple[int, int, Kind]]:
    """The body whose standing organ a Vietnamese name is: "Nhân đại thành
    phố Ôn Châu" in "Ủy ban Thường vụ Nhân đại thành phố Ôn Châu"."""
    if host.lang != "vi" or host.kind is not Kind.ORG:
        return []
    low = host.text.lower()
    for head in STANDING_HEADS:
        at = len(head) + 1
        rest = host.text[at:]
        if low.startswith(head + " ") and rest[:1].isupper() and " " in rest:
            return [(at, len(host.text), Kind.ORG)]
    return []


def _named_for(host: Mention) -> list[tuple[int, int, Kind]]:
    """The place a structure is named for: "Nội Bài" in "sân bay Nội Bài",
    "Lung Cu" in "Lung Cu flag tower"; and a settlement ("Bản Giốc") a
    natural feature is named for ("Thác Bản Giốc")."""
    if host.kind is not Kind.PLACE:
        return []
    text = host.text
    low = text.lower()
    for head in NAMED_FOR_HEADS:
        if host.lang == "vi" and low.startswith(head + " "):
            at = len(head) + 1
            if text[at : at + 1].isupper():
                return [(at, len(text), Kind.PLACE)]
        if host.lang == "en" and low.endswith(" " + head):
            name = text[: -len(head) - 1]
            if len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()):
                return [(0, len(name), Kind.PLACE)]
    first, _, rest = text.partition(" ")
    if host.lang == "vi" and first.lower() in FEATURE_HEADS and rest[:4] in _SETTLED:
        return [(len(first) + 1, len(text), Kind.PLACE)]
    return []


# A settlement's name opened by its word ("Bản Giốc", "Làng Nủ").
_SETTLED = frozenset({"Bản ", "Làng", "Buôn", "Thôn"})


def _longest_at(
    host: Mention,
    words: tuple[tuple[int, int, str], ...],
    i: int,
    known: dict[str, Kind],
) -> tuple[int, Kind | None] | None:
    """The end (word index) and kind of the longest name starting at word `i`.

    Kind None: the words are one gazetteer name joined to the next by a dash
    ("Thái Bình" in "Thái Bình Dương" after "châu Á -"): no name, and none
    inside them either.
    """
    n = len(words)
    text = host.text
    for j in range(min(n, i + _LONGEST), i, -1):
        if j - i == n:
            continue  # the host itself
        span = text[words[i][0] : words[j - 1][1]]
        kind = known.get(span)
        if kind is not None and _may_nest(host, words, i, kind):
            return j, kind
        if j == i + 1 and _paired(text, words, i, j) and _opens_country(span, known):
            return j, Kind.PLACE  # "Việt" of Việt Nam in "Hội Hữu nghị Việt - Nga"
        if not _is_place(span):
            continue
        if _paired(text, words, i, j):
            return j, None
        if not (host.kind is Kind.PLACE and _only_units(words, i, j)):
            if host.lang == "vi" and i == 0 and host.kind is Kind.ORG:
                continue  # a Vietnamese body opens with its head: "Bộ Kế hoạch"
            if (
                host.lang == "en"
                and j < n
                and fold(words[j][2]) in ADMIN_WORDS
                and words[j][2][:1].isupper()
                and j + 1 - i < n
            ):
                j += 1  # "Lục Nam District" inside "... District Party Committee"
            return j, Kind.PLACE
    if host.lang == "en" and host.kind is not Kind.PLACE:
        w = words[i][2]
        if _is_acronym(w) and fold(w) not in ORG_HEADS:  # not "FC", "JSC"
            if w in ("US", "UK"):
                return i + 1, Kind.PLACE
            if w not in gazetteer.country_codes():  # "PM", "SM": not countries here
                return i + 1, Kind.ORG
    return None


def _may_nest(host: Mention, words: _Words, i: int, kind: Kind) -> bool:
    """True if a name the document has may be taken from inside `host`.

    Not a person inside a place ("Ham Nghi Street"), and nothing that opens
    the host: that is the host's own short form ("UBND tỉnh" of "UBND tỉnh
    Thanh Hóa", "Party" of "Party Committee") or the body named after itself.
    """
    if i == 0:
        return False
    return not (kind is Kind.PERSON and host.kind is Kind.PLACE)


def _opens_country(word: str, known: dict[str, Kind]) -> bool:
    """True if `word` opens the name of the one country the document names
    ("Việt" of "Việt Nam"): a pair of countries is often written so."""
    opened = [
        n
        for n, k in known.items()
        if k is Kind.PLACE and n.startswith(word + " ") and gazetteer.is_country(n)
    ]
    return len(opened) == 1


def _only_units(words: _Words, i: int, j: int) -> bool:
    """True if every word outside `i:j` is an administrative word: "Binh
    Dinh Province", "thành phố Hà Nội" are that place, nothing nested."""
    rest = [w for _, _, w in words[:i] + words[j:]]
    return all(fold(w) in ADMIN_WORDS or w.lower() in _VI_UNIT_WORDS for w in rest)


_VI_UNIT_WORDS = frozenset({"tỉnh", "thành", "phố", "huyện", "quận", "xã", "phường"})


def _paired(text: str, words: tuple[tuple[int, int, str], ...], i: int, j: int) -> bool:
    """True if a dash joins the span to the word before or after it: "Bà Rịa"
    in the one province "Bà Rịa – Vũng Tàu"."""
    before = text[words[i - 1][1] : words[i][0]] if i else ""
    after = text[words[j - 1][1] : words[j][0]] if j < len(words) else ""
    return any(d in before or d in after for d in "-–")


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _WORD.finditer(text))


@lru_cache(maxsize=1 << 16)
def _is_place(span: str) -> bool:
    """True if `span` is a capitalised gazetteer place or a country."""
    if not span[:1].isupper() or (span.isupper() and len(span) <= 3):
        return False
    if gazetteer.is_country(span):
        return True
    # one syllable ("Nam", "Long") is too often a word or a given name
    return " " in span and bool(gazetteer.place_forms(span))


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    return (
        len(letters) >= 2
        and letters.isalpha()
        and letters.isupper()
        and not set(letters) <= _ROMAN
    )


def _sponsor(
    words: tuple[tuple[int, int, str], ...], found: list[tuple[int, int, Kind]]
) -> list[tuple[int, int, Kind]]:
    """The one word before a place that ends an organisation's name ("Becamex")."""
    if len(words) < 2 or not found:
        return []
    start, end, kind = found[-1]
    tail = [w for s, _, w in words if s >= end]
    if (
        kind is not Kind.PLACE
        or start != words[1][0]
        or any(fold(w) not in ORG_HEADS for w in tail)  # "... Binh Dinh FC"
    ):
        return []
    s0, e0, w0 = words[0]
    if (
        not w0[:1].isupper()
        or any(s0 <= s < e0 for s, _, _ in found)
        or fold(w0) in ORG_HEADS
        or fold(w0) in PLACE_WORDS
        or is_title_word(w0)
        or gazetteer.is_syllable(w0)
    ):
        return []
    return [(s0, e0, Kind.ORG)]
