"""Passes over all the English mentions of one document, and the mentions' makers.

The English finder (`glossary.extract.english`) reads one run of capitalised
words at a time; these passes then read the document's mentions together:
`drop_unsupported_initials` drops one-word names that only open sentences,
`unit_bodies` joins a lower-case unit word to the body it names ("provincial
People's Council"), `listed_places` and `listed_units` type names listed with
places. `mention` and `title_mention` make the mentions all of them emit.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.extract.name_kind import Page, is_vietnamese_name
from glossary.extract.name_runs import fold
from glossary.lang.en import ADMIN_WORDS, PARTY_UNITS, SENT_END
from glossary.model import ORG, PERSON, PLACE, TITLE_KIND, Kind, Mention
from glossary.names import places as restore

__all__ = [
    "drop_unsupported_initials",
    "listed_places",
    "listed_units",
    "mention",
    "quoted_works",
    "sentence_initial",
    "title_mention",
    "unit_bodies",
]

_RULES = "en.rules"
_TITLE = "en.title"


# Mentions are built by `tuple.__new__` (see `glossary.model.Mention`).
_tuple_new = tuple.__new__


_PLURAL_UNIT = re.compile(
    r" (?:districts|wards|communes|provinces|villages|hamlets|towns|cities)\b"
)
_LIST_GAP = frozenset({", ", " and ", ", and "})


def listed_places(page: Page, out: list[Mention]) -> list[Mention]:
    """Names listed before a plural unit word are places: "Lâm Bình, Na Hang
    districts", "Hai Chau and Cam Le districts" (a person has no such word)."""
    text = page.text
    for i, m in enumerate(out):
        if m.kind is TITLE_KIND or not _PLURAL_UNIT.match(text, m.end):
            continue
        j = i
        while True:
            if out[j].kind is not PLACE:
                out[j] = out[j]._replace(kind=Kind.PLACE)
            if j == 0 or text[out[j - 1].end : out[j].start] not in _LIST_GAP:
                break
            j -= 1
    return out


def quoted_works(text: str, out: list[Mention]) -> list[Mention]:
    """A name a person only by default, written in a short quotation (six
    words at most), is the title of a work, a show or a slogan (other):
    “Am vong Song Huong”, “Hen Yeu”; a titled name, a Vietnamese personal
    name, or a name in quoted speech stays a person."""
    if "“" not in text and '"' not in text:
        return out  # no quotation to be in (most documents)
    for i, m in enumerate(out):
        if (
            m.kind is PERSON
            and not m.title
            and _in_short_quote(text, m)
            and not is_vietnamese_name(m.text.split())
        ):
            out[i] = m._replace(kind=Kind.OTHER)
    return out


def _in_short_quote(text: str, m: Mention) -> bool:
    """True if `m` lies between quotation marks of one line that hold six
    words at most."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start : m.start], text[m.end : line_end]
    if before.rfind("“") > before.rfind("”"):
        opened, closed = before.rfind("“"), after.find("”")
    elif before.count('"') % 2 == 1:
        opened, closed = before.rfind('"'), after.find('"')
    else:
        return False
    if closed < 0:
        return False
    quoted = before[opened + 1 :] + m.text + after[:closed]
    return len(quoted.split()) <= 6


def listed_units(text: str, out: list[Mention]) -> list[Mention]:
    """A name the gazetteer knows as a unit, listed next to a place, is a
    place, though it opens with a surname: "Dang Xa, Gia Lam District",
    "the fields of Hoang Su Phi, and Tien Falls" (a person's name listed
    among places is rare; one with a title is left alone)."""
    for i, m in enumerate(out):
        if m.kind is not PERSON or m.title or " " not in m.text:
            continue
        before = out[i - 1] if i else None
        after = out[i + 1] if i + 1 < len(out) else None
        if (
            _place_listed(text, m, before) or _place_listed(text, m, after)
        ) and restore.is_unit_name(m.text):
            out[i] = m._replace(kind=Kind.PLACE)
    return out


def _place_listed(text: str, m: Mention, fellow: Mention | None) -> bool:
    """True if `fellow` is a place listed next to `m` (", ", " and ")."""
    return (
        fellow is not None
        and fellow.kind is PLACE
        and text[min(fellow.end, m.end) : max(fellow.start, m.start)] in _LIST_GAP
    )


# "provincial Party Committee", "Ha Giang provincial Department of ...",
# "Da Nang city People's Committee": a local body named by its unit word.
_UNIT_ADJECTIVE = re.compile(r"(?:provincial|municipal|city|district) $")


def unit_bodies(page: Page, out: list[Mention]) -> list[Mention]:
    """Organisations with the lower-case unit word before them, and the place
    before that word: "provincial People's Council", "Da Nang city People's
    Committee" are the bodies' names as written."""
    text = page.text
    kept: list[Mention] = []
    for m in out:
        if m.kind is not ORG and m.kind is not PLACE:
            kept.append(m)  # every rule below joins a body or its place
            continue
        if kept and _located(text, kept[-1], m):
            # "People's Committee of the central province of Thanh Hoa"
            b = kept.pop()
            kept.append(
                mention(page, text[b.start : m.end], b.start, m.end, b.kind, b.title)
            )
            continue
        if kept and _unit_possessive(text, kept[-1], m):
            # "Trung Khanh district's Party Committee": the body of that unit
            p = kept.pop()
            kept.append(
                mention(page, text[p.start : m.end], p.start, m.end, m.kind, "")
            )
            continue
        adj = None  # only an organisation without a title takes the unit word
        if m.kind is ORG and not m.title:
            adj = _UNIT_ADJECTIVE.search(text, max(0, m.start - 11), m.start)
        if adj is None:
            if kept and m.kind is ORG and _party_unit(text, kept[-1], m.start):
                # "Party delegation to the National Assembly", and the body
                start = kept.pop().start
                kept.append(
                    mention(page, text[start : m.end], start, m.end, Kind.ORG, "")
                )
            kept.append(m)
            continue
        start = adj.start()
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and prev.kind is PLACE
            and prev.end in (start - 1, m.start - 1)
        ):
            start = kept.pop().start  # "Da Nang city" + "People's Committee"
        elif adj.group().startswith(("city", "district")):
            kept.append(m)  # "the city People's Committee" names no body
            continue
        body = mention(page, text[start : m.end], start, m.end, Kind.ORG, "")
        if prev is not None and _part_of_body(text, prev, start):
            # "Standing Board of the provincial Party Committee", and the body
            outer = kept.pop().start
            kept.append(mention(page, text[outer : m.end], outer, m.end, Kind.ORG, ""))
        kept.append(body)
    return kept


# "of the central province of", "of the northern mountainous province of",
# "of the city of": where a body is (lower-case words that describe the unit).
_LOCATED = re.compile(
    r" of the (?:[a-z-]+ ){0,3}(?:province|city|district|commune|town|ward) of "
)


def _located(text: str, body: Mention, place: Mention) -> bool:
    """True if `place` says where organisation `body` is, after "of the
    (central) province of": one body's name with it."""
    return (
        body.kind is ORG
        and place.kind is PLACE
        and _LOCATED.fullmatch(text, body.end, place.start) is not None
    )


def _unit_possessive(text: str, place: Mention, body: Mention) -> bool:
    """True if `body` is an organisation owned by `place`, a place named with
    its unit word right before it: "Trung Khanh district's Party Committee"."""
    return (
        body.kind is ORG
        and not body.title
        and place.kind is PLACE
        and text[place.end : body.start] in ("’s ", "'s ")
        and fold(place.text.rsplit(" ", 1)[-1]) in ADMIN_WORDS
    )


def _part_of_body(text: str, prev: Mention, start: int) -> bool:
    """True if the organisation `prev` is part of the unit's body that opens
    at `start`: "Standing Board" + " of the ", or "Party" + " delegation
    to the " (a Party unit named by the body it sits in)."""
    if prev.kind is not ORG or prev.title:
        return False
    return text[prev.end : start] == " of the " or _party_unit(text, prev, start)


_PARTY_GAP = len(" organisation of the ")


def _party_unit(text: str, prev: Mention, start: int) -> bool:
    """True if "Party" (`prev`) and a lower-case Party unit word lead to the
    body that opens at `start`: "Party delegation to the", "Party cell of
    the"."""
    if start - prev.end > _PARTY_GAP or prev.text != "Party":
        return False
    low = text[prev.end : start].split()
    return (
        prev.kind is ORG
        and prev.text == "Party"
        and len(low) == 3
        and low[0] in PARTY_UNITS
        and low[1:] in (["to", "the"], ["in", "the"], ["of", "the"])
    )


def sentence_initial(text: str, start: int) -> bool:
    """True if `start` opens a sentence (or a line, or follows a dash)."""
    i = start - 1
    while i >= 0 and text[i] in " \t(‘'\"“":
        if text[i] == "\n":
            break
        i -= 1
    return i < 0 or text[i] in SENT_END or text[i] in "—"


def drop_unsupported_initials(text: str, out: list[Mention]) -> list[Mention]:
    """Drop kindless one-word names that only occur capitalised at sentence start.

    "Discussions", "Hundreds", "Bilateral" open sentences; "Chính stressed" is
    kept because "Chính" is part of another name in the document, and
    "Rafaelson (Nguyen Xuan Son)" because a parenthesis explains it.
    """
    weak: set[int] = set()  # indexes in `out`
    names: set[str] = set()  # the other names
    for i, m in enumerate(out):
        if (
            m.kind is None
            and not m.title
            and " " not in m.text
            and not m.text.isupper()
            and sentence_initial(text, m.start)
        ):
            weak.add(i)
        else:
            names.add(m.text)
    if not weak:
        return out
    support: set[str] = set()
    for name in names:
        support.update(_folded_words(name))
    return [
        m
        for i, m in enumerate(out)
        if i not in weak or fold(m.text) in support or text.startswith(" (", m.end)
    ]


@lru_cache(maxsize=1 << 14)
def _folded_words(name: str) -> tuple[str, ...]:
    return tuple(map(fold, name.split()))


def title_mention(page: Page, start: int, end: int) -> Mention:
    """The title written at `start`..`end` as a mention of its own."""
    # (text, document, start, end, lang, kind, context, title, source, score)
    context = page.sentences.of_name(start, end)
    surface = page.text[start:end]
    return _tuple_new(
        Mention,
        (surface, page.path, start, end, "en", TITLE_KIND, context, "", _TITLE, 0.0),
    )


def mention(
    page: Page,
    surface: str,
    start: int,
    end: int,
    kind: Kind | None,
    title: str,
) -> Mention:
    """A name found by the English rules, with its kind and its title."""
    # (text, document, start, end, lang, kind, context, title, source, score)
    context = page.sentences.of_name(start, end)
    return _tuple_new(
        Mention,
        (surface, page.path, start, end, "en", kind, context, title, _RULES, 0.0),
    )
