"""Shared pieces of clustering: keys, word splits, the mention group and the
person index.

Private helpers of the clustering modules (`glossary.cluster` and the
modules it names) and `glossary.cluster.candidate`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from glossary import text as _text
from glossary.cluster.tally import (
    Tally,
    full_forms,
    keep_members,
    merge_tally,
    tally,
)
from glossary.extract.english import (
    fold,  # one memo of text.fold for extraction and here
)
from glossary.extract.vi_places import strip_settlement
from glossary.lang.en import ADMIN_WORDS, VI_UNITS
from glossary.model import (
    Evidence,
    Flag,
    Kind,
    Mention,
    TermType,
)
from glossary.names import places as restore
from glossary.names import world
from glossary.names.titles import canonical_title, is_honorific
from glossary.names.vi_admin import (
    club_name,
    company_name,
    expand_abbreviations,
    strip_legal_form,
)

# Clustering keys the same few thousand names hundreds of thousands of times.
name_key = lru_cache(maxsize=1 << 16)(_text.name_key)


# A settlement's name is the same with or without its unit word ("Trinh Tiet
# village", "Trinh Tiet Hamlet", "Trinh Tiet"): villages and hamlets too.
PLACE_ADMIN_WORDS = ADMIN_WORDS | frozenset(
    [
        "village",
        "hamlet",
        "tỉnh",
        "thành",
        "phố",
        "quận",
        "huyện",
        "phường",
        "xã",
    ]
)


_FUNCTION = frozenset({"of", "the", "and", "on", "for", "in", "và", "&"})


_WORD_SEP = re.compile(r"[\s,]+")


_SPACES = re.compile(r"\s+")


# The rule of a short name linked to the one full name it ends. Both passes
# of the document stage that use it take this one string object, so a
# document's pickled groups share it, as they did when both were one module.
GIVEN_NAME = "given-name"


@lru_cache(maxsize=1 << 16)
def split_words(text: str) -> tuple[str, ...]:
    """The words of `text` between spaces and commas."""
    return tuple(w for w in _WORD_SEP.split(text) if w)


@lru_cache(maxsize=1 << 16)
def folded_words(text: str) -> tuple[str, ...]:
    """The folded words of `text` (`split_words`, each through `fold`)."""
    return tuple(fold(x) for x in split_words(text))


@lru_cache(maxsize=1 << 16)
def norm_key(text: str, kind: Kind | None) -> str:
    """The key that decides whether two written forms are one name.

    Places lose administrative words ("Vinh Long Province" == "Vinh Long");
    organisations lose function words and punctuation.

    >>> norm_key("Economic, Trade, and Scientific-Technical", Kind.ORG)
    'economictradescientifictechnical'
    """
    text = world.user_english(text) or text  # the user's gazetteer links forms
    if kind is Kind.ORG:
        # "Việt Nam-Belarus Intergovernmental Committee": the pair of
        # countries is not part of the body's name
        m = _PAIR.match(text)
        if m and restore.is_country(m.group(1)) and restore.is_country(m.group(2)):
            text = m.group(3)
    if kind is Kind.PLACE:
        capital = provincial_capital(text)
        if capital:
            return "thanhpho" + name_key(capital)
        text = strip_settlement(strip_vi_unit(text))
        # "Republic of Belarus" is "Belarus": one key per ISO 3166-1 country;
        # "Nhật Bản" is "Japan" (CLDR), so both languages name one place
        usual = (
            restore.country_name(text)
            or restore.english_country_name(text)
            or world.english_place(text)  # "Bình Nhưỡng" is Pyongyang
        )
        if usual is not None and usual not in restore.country_names("VN"):
            text = usual
    elif kind is Kind.ORG:
        # "UBND tỉnh X" is "Ủy ban nhân dân tỉnh X", "UBKT T.Ư" is "Ủy ban
        # Kiểm tra Trung ương"; "Công ty cổ phần Tập đoàn Hòa Phát" is "Tập
        # đoàn Hòa Phát"
        text = company_name(strip_legal_form(expand_abbreviations(text)))
        text = club_name(text)  # "CLB Hà Nội" is the club "Hà Nội FC"
    words = list(split_words(fold(text).replace("’", "'")))
    if kind is Kind.PLACE:
        words = list(split_words(strip_admin(" ".join(words))))
        while len(words) > 1 and words[0] in PLACE_ADMIN_WORDS:
            words.pop(0)
    if kind is Kind.ORG:
        words = [w for w in words if w not in _FUNCTION]
        # "Việt Nam-Belarus Intergovernmental Committee": the pair of
        # countries is not part of the body's name
        if (
            len(words) > 2
            and "-" in words[0]
            and all(restore.is_country(p) for p in words[0].split("-") if p)
        ):
            words = words[1:]
    return name_key(" ".join(words)).replace("'", "").replace(",", "")


_CITY = re.compile(r"^(?:thành phố|tp\.?)\s+(.+)$|^(.+?)\s+city$", re.IGNORECASE)


def provincial_capital(text: str) -> str:
    """The name of a provincial capital that bears its province's name, or "".

    "Lao Cai City" and "thành phố Lào Cai" are the capital, "Lao Cai" the
    province: two places (a province-level city such as Hanoi is one).
    """
    m = _CITY.match(text)
    if not m:
        return ""
    name = m.group(1) or m.group(2)
    if restore.is_province(name) and not restore.is_city(name):
        return name
    return ""


_PAIR = re.compile(r"^([^-–]+?)\s?[-–]\s?(\S+)\s+(.+)$")


@lru_cache(maxsize=1 << 16)
def acronym_of(expansion: str) -> str:
    """Initials of the capitalised words of `expansion` ("VNA").

    >>> acronym_of("Vietnam News Agency")
    'VNA'
    """
    out = []
    for w in re.split(r"[\s\-]+", expansion):
        if w and w[0].isupper() and fold(w) not in _FUNCTION:
            out.append(w[0])
    return "".join(out).upper()


def spells_acronym(acronym: str, name: str) -> bool:
    """True if `acronym` spells `name` (Schwartz and Hearst's rule): its
    letters occur in order in the name, right to left, the first one
    opening the name's first word ("HOSE" of "Hồ Chí Minh Stock Exchange",
    "HTV" of "Hồ Chí Minh Television").
    """
    short, long = fold(acronym), fold(name)
    if len(short) < 2 or not long.startswith(short[0]):
        return False
    i = len(long) - 1
    for n in range(len(short) - 1, -1, -1):
        c = short[n]
        if not c.isalnum():
            continue
        while i >= 0 and (long[i] != c or (n == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def looks_like_person(text: str) -> bool:
    """True if `text` has the shape of a Vietnamese personal name ("Ho Chi Minh")."""
    words = split_words(text)
    return (
        len(words) >= 2
        and fold(words[0]) in restore.VIETNAMESE_SURNAMES
        and all(restore.is_syllable(w) for w in words)
    )


def two_syllable_short(words: tuple[str, ...]) -> bool:
    """Footballer-style two-syllable names without a surname ("Tien Linh")."""
    return (
        len(words) == 2
        and fold(words[0]) not in restore.VIETNAMESE_SURNAMES
        and all(restore.is_syllable(w) for w in words)
    )


def is_acronym(text: str) -> bool:
    """True if `text` is one word of 2 to 8 characters in capitals ("VNA")."""
    return 2 <= len(text) <= 8 and text.isupper() and " " not in text


# An empty Counter without the Python frames of `Counter.__init__` (a sixth
# of the cost): the per-document stage makes a group for every name.
_new_counter = Counter.__new__


@dataclass(slots=True)
class Group:
    """A concept as clustering builds it: its mentions and what is known of them.

    `merged_into` is the group it was merged into, if any (see `root`).

    A streamed build (`sources` set) keeps only the first mentions of each
    form (`KEPT_POSITIONS`), with the rest counted in `tally`; their
    occurrences were spilled with the id of the document group they came
    from, and `sources` lists those ids.
    """

    kind: Kind
    doc: str  # "" once it spans documents
    key: str
    members: list[tuple[Mention, TermType, Evidence]] = field(default_factory=list)
    extra: list[tuple[str, str, TermType, Evidence, Mention]] = field(
        default_factory=list
    )  # (text, lang, type, evidence, mention) for synthesized terms ("PM Dung")
    flags: set[Flag] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    roles: Counter[str] = field(default_factory=lambda: _new_counter(Counter))
    local: bool = False  # identity is document-local (short or 2-syllable names)
    vi_name: str = ""  # full Vietnamese name the document implies ("Sở X tỉnh Y")
    merged_into: Group | None = None
    tally: Tally | None = None  # the members summed up, once asked (`tally`)
    sources: list[int] | None = None  # spilled document groups (streamed build)
    # its members, extra forms and sources wait on a shelf, but the first
    # member, without its sentence (`glossary.cluster.CorpusStream`)
    shelved: int | None = None

    def root(self) -> Group:
        """The group this one was finally merged into (itself if none)."""
        g = self
        while g.merged_into is not None:
            g = g.merged_into
        return g

    def add(self, m: Mention, t: TermType, ev: Evidence) -> None:
        """Add mention `m` as a term of type `t`, and count its title."""
        if self.tally is None:
            self.members.append((m, t, ev))
        else:
            keep_members(self, [(m, t, ev)])
        if m.title and not is_honorific(m.title):
            self.roles[canonical_title(m.title)] += 1


Member = tuple[Mention, TermType, Evidence]
Extra = tuple[str, str, TermType, Evidence, Mention]


class DocGroup(NamedTuple):
    """One concept as one document's clustering left it (a frozen `Group`).

    A named tuple (`freeze` makes one per group of every document: a frozen
    dataclass cost five times as much to build).

    Attributes:
        kind: the concept's kind.
        doc: the document's path.
        key: the key the corpus stage merges full names by.
        members: the mentions, each with its term type and evidence.
        extra: synthesized forms ("PM Chính"): text, lang, type, evidence
            and the mention they stand for.
        flags: flags set so far (ambiguous).
        notes: notes so far ("ambiguous: A | B").
        roles: titles held and how often, in first-seen order.
        local: True if the identity stays in this document (short names).
        vi_name: the full Vietnamese name the document implies, if any.
    """

    kind: Kind
    doc: str
    key: str
    members: tuple[Member, ...]
    extra: tuple[Extra, ...] = ()
    flags: frozenset[Flag] = frozenset()
    notes: tuple[str, ...] = ()
    roles: tuple[tuple[str, int], ...] = ()
    local: bool = False
    vi_name: str = ""


@dataclass(frozen=True, slots=True)
class DocClusters:
    """What clustering needs to know of one document: its groups and titles.

    Picklable (frozen dataclasses and tuples of model objects), so extraction
    workers can compute it and send it to the process that merges the corpus.

    Attributes:
        document: the document's path.
        groups: names grouped within the document, in order of first mention.
        titles: title mentions by title key, keys in order of first mention;
            each with its term type and evidence.
    """

    document: str
    groups: tuple[DocGroup, ...] = ()
    titles: tuple[tuple[str, tuple[Member, ...]], ...] = ()

    def __reduce__(self) -> tuple[type[DocClusters], tuple[object, ...]]:
        # Unpickled through the constructor: compiled by mypyc, a frozen
        # dataclass would be restored by setting its fields, which it refuses.
        return DocClusters, (self.document, self.groups, self.titles)


# ``DocGroup(...)``, ``Evidence(...)`` without their Python frames
_tuple_new = tuple.__new__


def freeze(g: Group) -> DocGroup:
    """`g` as a frozen, picklable `DocGroup`."""
    return _tuple_new(
        DocGroup,
        (
            g.kind,
            g.doc,
            g.key,
            tuple(g.members),
            tuple(g.extra),
            frozenset(g.flags),
            tuple(g.notes),
            tuple(g.roles.items()),
            g.local,
            g.vi_name,
        ),
    )


def thaw(d: DocGroup) -> Group:
    """A working `Group` from a `DocGroup` (the inverse of `freeze`)."""
    return Group(
        d.kind,
        d.doc,
        d.key,
        list(d.members),
        list(d.extra),
        set(d.flags),
        list(d.notes),
        Counter(dict(d.roles)) if d.roles else _new_counter(Counter),
        d.local,
        d.vi_name,
    )


def evidence_at(rule: str, m: Mention, detail: str = "") -> Evidence:
    """Evidence by `rule` at the place of mention `m`."""
    return _tuple_new(Evidence, (rule, m.document, m.start, m.end, detail))


def name_words(m: Mention) -> tuple[str, ...]:
    """The words of the name `m` (split on spaces)."""
    return split_name(m.text)


@lru_cache(maxsize=1 << 16)
def split_name(text: str) -> tuple[str, ...]:
    """The words of a name (split on spaces)."""
    return tuple(w for w in _SPACES.split(text) if w)


def is_vietnamese_group(g: Group) -> bool:
    """True if the first name of `g` is a Vietnamese name: a Vietnamese surname
    first, and Vietnamese syllables only."""
    words = name_words(g.members[0][0])
    return fold(words[0]) in restore.VIETNAMESE_SURNAMES and all(
        restore.is_syllable(w) for w in words
    )


@lru_cache(maxsize=1 << 16)
def word_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    """The `name_key` of each word."""
    return tuple(name_key(w) for w in words)


# A Vietnamese administrative category before a place's own name ("xã Cẩm
# Thủy", "tỉnh Thanh Hóa", "thành phố Hà Nội"); matched with its marks, so the
# syllables "Thanh", "Xa", "Quan" of plain names are never taken for one. A
# number after it is the name itself ("Quận 1", "Phường 3") and stays.
_VI_UNIT_PREFIX = re.compile(
    rf"^(?:{'|'.join(VI_UNITS)})\s+(?=[^\W\d])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def strip_vi_unit(text: str) -> str:
    """A place name without its leading Vietnamese category words.

    >>> strip_vi_unit("xã Cẩm Thủy"), strip_vi_unit("Quận 1")
    ('Cẩm Thủy', 'Quận 1')
    """
    return _VI_UNIT_PREFIX.sub("", text, count=1)


@lru_cache(maxsize=1 << 16)
def strip_admin(text: str) -> str:
    """`text` without its trailing administrative words ("Vinh Long
    Province" → "Vinh Long"), never down to nothing."""
    words = text.split()
    n = len(words)
    while len(words) > 1 and fold(words[-1]) in PLACE_ADMIN_WORDS:
        words.pop()
    if 1 < len(words) < n and fold(words[-1]) == "island":
        words.pop()  # "Hoang Sa island district": an island district (huyện đảo)
    return " ".join(words)


def refers_to(short: tuple[str, ...], g: Group) -> bool:
    """True if the short name `short` can refer to person group `g`."""
    n = len(short)
    sk = word_keys(short)
    full = (
        (m.text for m, t, _ in g.members if t is TermType.FULL_FORM)
        if g.tally is None
        else (text for text, _ in full_forms(g))
    )
    for text in full:
        words = word_keys(split_name(text))
        if len(words) <= n:
            continue
        if words[-n:] == sk:
            return True
        if not is_vietnamese_group(g) and words[:n] == sk:
            return True  # surname-first: "Kubrakov Ivan Vladimirovich", "Kim"
    return False


def absorb_short_form(h: Group, g: Group, rule: str) -> None:
    """Move `g` into `h` as short forms of `h`'s name, by `rule`."""
    full = h.members[0][0].text
    if h.sources is None and h.tally is None and g.tally is None:
        for m, _t, _e in g.members:
            h.add(m, TermType.SHORT_FORM, evidence_at(rule, m, full))
    else:  # as `Group.add` of each, the titles of those let go too
        for m, _, _ in g.members:
            if m.title and not is_honorific(m.title):
                h.roles[canonical_title(m.title)] += 1
        h.roles.update(tally(g).dropped_roles)
        merge_tally(
            h,
            g,
            lambda kept: [
                (m, TermType.SHORT_FORM, evidence_at(rule, m, full)) for m, _, _ in kept
            ],
            rule,
            TermType.SHORT_FORM,
        )
    h.extra.extend(g.extra)
    g.merged_into = h


PersonIndex = dict[tuple[str, ...], list[Group]]


def person_index(persons: list[Group]) -> PersonIndex:
    """Person groups by every tail of their full names (and head, if foreign).

    Exactly the non-empty short names `refers_to` accepts for each group
    (given its full forms now), in the order of `persons`, so the passes look
    at a few candidates instead of every person (they were quadratic).
    """
    index: PersonIndex = {}
    for h in persons:
        vietnamese = is_vietnamese_group(h)
        keys: set[tuple[str, ...]] = set()
        for text in {text: None for text, _ in full_forms(h)}:
            keys.update(name_tails(text, vietnamese))
        for key in keys:
            index.setdefault(key, []).append(h)
    return index


@lru_cache(maxsize=1 << 16)
def name_tails(text: str, vietnamese: bool) -> frozenset[tuple[str, ...]]:
    """Word keys of the short names that can refer to the full name `text`."""
    words = word_keys(split_name(text))
    keys = {words[-n:] for n in range(1, len(words))}
    if not vietnamese:
        keys.update(words[:n] for n in range(1, len(words)))
    return frozenset(keys)


@dataclass(slots=True)
class DocumentState:
    """One document's clustering as its passes (`DOCUMENT_PASSES`) build it.

    Attributes:
        doc: the document's path.
        mentions: its names (no titles or terms), in document order.
        full: the groups by kind and key.
        order: the groups in order of creation (of first mention).
        shorts: the names `group_full_names` left for the short-name passes.
        acronyms: the acronyms it left for `link_acronyms`.
    """

    doc: str
    mentions: list[Mention]
    full: dict[tuple[Kind, str], Group] = field(default_factory=dict)
    order: list[Group] = field(default_factory=list)
    shorts: list[Mention] = field(default_factory=list)
    acronyms: list[Mention] = field(default_factory=list)

    def group_for(self, kind: Kind, key: str) -> Group:
        """The group of `kind` and `key`, made (and put in order) if new."""
        g = self.full.get((kind, key))
        if g is None:
            g = self.full[(kind, key)] = Group(kind, self.doc, key)
            self.order.append(g)
        return g
