"""A pass of the document stage for bodies named without their place.

Pass of `glossary.cluster.document.DOCUMENT_PASSES`: "Tỉnh ủy", "municipal
People's Committee", "Department of Home Affairs" are the generic names of a
local body; in a document they stand for the body of that kind which the
document names with its place ("Tỉnh ủy Thanh Hóa", "Da Nang city People's
Committee"), or for the one generic form with a level word it writes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.cluster.base import (
    DocumentState,
    Group,
    absorb_short_form,
    evidence_at,
    is_acronym,
    name_key,
    strip_admin,
    strip_vi_unit,
)
from glossary.lang import vi
from glossary.model import (
    ACRONYM_FORM,
    ORG,
    PERSON,
    PLACE,
    SHORT_FORM,
    TITLE_KIND,
    VARIANT_FORM,
    Mention,
)
from glossary.names import places as restore
from glossary.names import world

# A level word before an English body's name: "municipal People's Committee".
_LEVEL = re.compile(r"^(provincial|municipal|city|district|commune|ward|town)\s+(.+)$")
# The unit words that say a named body is of that level.
_LEVEL_UNITS = {
    "provincial": ("province", "provincial", "tỉnh"),
    "municipal": ("city", "municipal", "thành phố"),
    "city": ("city", "municipal", "thành phố"),
    "district": ("district", "huyện", "quận"),
}
_POSSESSIVE = re.compile(r"(?:’s|'s)$")
_LOCATED = re.compile(
    r"^the (?:[a-z]+ )?(?:province|city|district|commune|town|ward) of (?=[A-ZĐ])"
)


def link_generic_bodies(state: DocumentState) -> None:
    """Join a body named without its place to the one the document names.

    A generic body ("Tỉnh ủy", "provincial People's Committee", "Department
    of Home Affairs") joins the body of the same name that the document
    writes with a place before or after it ("Tỉnh ủy Thanh Hóa", "Da Nang
    city People's Committee"), of the level its level word says; with
    several, each mention joins the one whose place its sentence named
    last before it. A bare name with no such body joins the one form with
    a level word ("Department of Home Affairs" → "municipal Department of
    Home Affairs"). Short forms, evidence "generic-body".
    """
    orgs = [g for g in state.order if g.kind is ORG and g.merged_into is None]
    if len(orgs) < 2:
        return
    places: set[str] | None = None  # the keys of the places named, when needed
    named: dict[str, list[tuple[Group, str]]] = {}  # body key → (group, place)
    levelled: dict[str, list[Group]] = {}  # body key → "municipal B" groups
    for h in orgs:
        text = h.members[0][0].text
        for body, place in _body_and_place(text):
            if places is None:
                places = {_place_key(x.text) for x in _places(state.mentions)}
            if name_key(place) not in places:
                continue  # no place the document names
            named.setdefault(name_key(body), []).append((h, place))
        if lv := _LEVEL.match(text):
            levelled.setdefault(name_key(lv.group(2)), []).append(h)
    for g in orgs:
        if g.merged_into is not None:
            continue
        text = g.members[0][0].text
        lv = _LEVEL.match(text)
        body = lv.group(2) if lv else text
        fits = [
            (h, p)
            for h, p in named.get(name_key(body), ())
            if h is not g and h.merged_into is None
        ]
        if lv and len(fits) > 1:
            units = _LEVEL_UNITS.get(lv.group(1), ())
            fits = [(h, p) for h, p in fits if _of_level(h, units)] or fits
        if len(fits) == 1:
            absorb_short_form(fits[0][0], g, "generic-body")
        elif fits:
            _by_place_named_before(state, g, fits)
        elif not lv:
            same = [h for h in levelled.get(name_key(text), ()) if h is not g]
            if len(same) == 1 and same[0].merged_into is None:
                absorb_short_form(same[0], g, "generic-body")


def _places(mentions: list[Mention]) -> list[Mention]:
    """The places among `mentions`."""
    return [m for m in mentions if m.kind is PLACE]


@lru_cache(maxsize=1 << 14)
def _place_key(text: str) -> str:
    """The key of a place's name without its unit words (a place recurs)."""
    return name_key(strip_vi_unit(strip_admin(text)))


@lru_cache(maxsize=1 << 14)
def _body_and_place(text: str) -> tuple[tuple[str, str], ...]:
    """Each (body, place) reading of a body's name written with its place:
    "Tỉnh ủy Thanh Hóa", "UBND tỉnh Lào Cai"; "Da Nang city People's
    Committee", "Hoang Sa district's People's Committee"; "People's
    Committee of Thanh Hoa", "... of the central province of Thanh Hoa".
    Memoised: a body's name recurs across the documents of a corpus."""
    if " of " in text:
        body, _, place = text.partition(" of ")
        place = _LOCATED.sub("", place)  # "the central province of Thanh Hoa"
        return ((body, strip_admin(place)),) if place[:1].isupper() else ()
    words = text.split()
    out = []
    for n in range(1, len(words)):
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        if not (head[:1].isupper() and rest[:1].isupper()):
            continue
        if words[n - 1][:1].islower():  # "Tỉnh ủy | Thanh Hóa"
            out.append((head, strip_vi_unit(rest)))
        if n < len(words) - 1:  # "Da Nang city | People's Committee"
            out.append((rest, strip_admin(_POSSESSIVE.sub("", head))))
    return tuple(out)


def _of_level(h: Group, units: tuple[str, ...]) -> bool:
    """True if a form of `h` has one of the unit words `units`."""
    forms = {_POSSESSIVE_IN.sub("", f" {m.text.lower()} ") for m, _, _ in h.members}
    return any(f" {u} " in t for t in forms for u in units)


_POSSESSIVE_IN = re.compile(r"[’']s\b")


def _by_place_named_before(
    state: DocumentState, g: Group, fits: list[tuple[Group, str]]
) -> None:
    """Move each mention of `g` to the fit whose place its sentence named
    last before it ("đoàn tỉnh Thanh Hóa do ... Bí thư Tỉnh ủy dẫn đầu")."""
    keys = {name_key(p): h for h, p in fits}
    for item in list(g.members):
        m = item[0]
        h = _last_place_before(state.mentions, m, keys)
        if h is None:
            continue
        g.members.remove(item)
        h.add(m, SHORT_FORM, evidence_at("generic-body", m, h.members[0][0].text))
    if not g.members:
        g.merged_into = next(iter(keys.values()))


def _last_place_before(
    mentions: list[Mention], m: Mention, keys: dict[str, Group]
) -> Group | None:
    """The group of `keys` whose place was named last before `m` in its sentence."""
    found = None
    for x in mentions:
        if x.start >= m.start:
            break
        if x.context == m.context and x.kind is PLACE:
            h = keys.get(_place_key(x.text))
            if h is not None:
                found = h
    return found


# Words before a body's other name in parentheses: renamed, or just renamed.
_RENAMED = re.compile(
    r"(?:(?:nay là|trước đây là|trước là|tiền thân là|formerly|now)\s+)?(?:the\s+)?"
)


def link_parenthesis_names(state: DocumentState) -> None:
    """Join a body's other name, written in parentheses after it, to the body.

    "Văn phòng Tổng thống Hàn Quốc (Nhà Xanh)", "PVFC (nay là PVCombank)":
    the name in parentheses is the body's too (variant, evidence
    "parenthesis-name"), unless it is a person, an acronym (see
    `link_acronyms`) or a gazetteer place with no renaming word before it
    ("Công ty X (Hà Nội)" says where the body is).
    """
    # the names by start and their groups, made at the first parenthesis
    # (before any group changes below; most documents have none)
    owner: dict[int, Group] = {}
    by_start: dict[int, Mention] = {}
    for g in list(state.order):
        if g.kind is not ORG or g.merged_into is not None:
            continue
        for m, _, _ in list(g.members):
            at = m.context.find(f"{m.text} (")
            if at < 0:
                continue
            if not by_start:
                owner = _owners(state)
                by_start = {m.start: m for m in state.mentions}
            after = m.context[at + len(m.text) + 2 :]
            cue = _RENAMED.match(after)
            n = by_start.get(m.end + 2 + (cue.end() if cue else 0))
            h = owner.get(n.start) if n is not None else None
            if n is None or h is None or h is g or h.merged_into is not None:
                continue
            if not after[cue.end() if cue else 0 :].startswith(n.text + ")"):
                continue
            if not _other_name(n, renamed=bool(cue and cue.group().strip())):
                continue
            for x, _, _ in h.members:
                g.add(x, VARIANT_FORM, evidence_at("parenthesis-name", x, m.text))
            g.extra.extend(h.extra)
            h.merged_into = g


def _owners(state: DocumentState) -> dict[int, Group]:
    """The group each name of a group left standing is in, by its start."""
    owner: dict[int, Group] = {}
    for g in state.order:
        if g.merged_into is None:
            for m, _, _ in g.members:
                owner[m.start] = g
    return owner


def _other_name(n: Mention, *, renamed: bool) -> bool:
    """True if the name `n` in parentheses may be a body's other name."""
    if n.kind is PERSON or n.kind is TITLE_KIND:
        return False
    if renamed:
        return True
    return not (
        is_acronym(n.text)
        or restore.is_country(n.text)
        or restore.english_country_name(n.text)
        or restore.country_short_name(n.text)  # "Đại học New York (Mỹ)"
        or restore.place_forms(strip_vi_unit(n.text))
        or world.english_place(n.text)
    )


# Vietnamese category heads, longest first, as lower-case word tuples.
_VI_HEADS = sorted((tuple(h.split()) for h in vi.ORG_HEADS), key=len, reverse=True)
# The words that open one of them.
_VI_HEAD_FIRSTS = frozenset(h[0] for h in _VI_HEADS)
# Words of a body's description before its acronym, head included.
_MAX_DEFINITION = 14


def link_acronym_definitions(state: DocumentState) -> None:
    """An acronym's Vietnamese description before it in parentheses is its term.

    "Nhóm các nước công nghiệp phát triển hàng đầu thế giới (G7)": the
    words from a capitalised category head to the parenthesis describe the
    body the acronym names. They become a variant of the acronym's group
    (evidence "acronym-definition"), not its preferred name: the acronym is
    the name, the words say what it is.
    """
    for g in state.order:
        if g.merged_into is not None or g.kind is not ORG:
            continue
        written = {m.text for m, _, _ in g.members}
        for m, t, _ in list(g.members):
            text = _definition(m) if t is ACRONYM_FORM else ""
            if not text or text in written:
                continue
            written.add(text)
            start = m.start - 2 - len(text)
            d = m._replace(text=text, start=start, end=start + len(text), title="")
            ev = evidence_at("acronym-definition", d, m.text)
            g.extra.append((text, "vi", VARIANT_FORM, ev, d))


def _definition(a: Mention) -> str:
    """The Vietnamese words from a capitalised category head to " (A)" in
    the sentence of acronym `a`, or ""."""
    at = a.context.find(f" ({a.text})")
    if at < 0:
        return ""
    words = a.context[:at].split(" ")[-_MAX_DEFINITION:]
    for k in range(len(words) - 2, -1, -1):
        if not words[k][:1].isupper() or words[k].lower() not in _VI_HEAD_FIRSTS:
            continue
        low = tuple(w.lower() for w in words[k:])
        if any(low[: len(h)] == h for h in _VI_HEADS):
            text = " ".join(words[k:])
            ok = restore.has_diacritics(text) and text[-1:].isalnum()
            return text if ok and "," not in text else ""
    return ""
