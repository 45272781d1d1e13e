"""Plain data: concepts, terms, occurrences and the evidence behind alias links."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import NamedTuple, TypeVar

_D = TypeVar("_D")


def _pickled_as_arguments(cls: type[_D]) -> type[_D]:
    """Pickle the dataclass `cls` as the arguments of its constructor, in
    order (its fields all take one), not as its slots' state: a build's
    forked child sends its candidates pickled, and they unpickle in 0.6x
    the time and pickle in half (dataclasses' __setstate__ sets each field
    by name, through `fields`)."""
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def reduce(self: _D) -> tuple[type[_D], tuple[object, ...]]:
        return cls, values(self)

    setattr(cls, "__reduce__", reduce)  # noqa: B010 (mypy forbids assigning a method)
    return cls


class Kind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORG = "org"
    TITLE = "title"
    TERM = "term"
    OTHER = "other"


class ConceptStatus(StrEnum):
    CANDIDATE = "candidate"
    APPROVED = "approved"
    REJECTED = "rejected"


class TermStatus(StrEnum):
    """TBX administrativeStatus, without the 'Term-admn-sts' suffix."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"


class TermType(StrEnum):
    """TBX termType values we use."""

    FULL_FORM = "fullForm"
    SHORT_FORM = "shortForm"
    ACRONYM = "acronym"
    VARIANT = "variant"


# Kind's and TermType's members as module constants, for the per-mention
# loops to import: `Kind.PERSON` goes through EnumType's `__getattr__` hook,
# ≈86 ns a time in Python 3.11, a module global ≈7 ns (and `k in (Kind.PLACE,
# Kind.ORG)` ≈350 ns, against ≈20 ns in a module's constant frozenset).
ORG, OTHER, PERSON, PLACE = Kind.ORG, Kind.OTHER, Kind.PERSON, Kind.PLACE
TERM_KIND, TITLE_KIND = Kind.TERM, Kind.TITLE
FULL_FORM, SHORT_FORM = TermType.FULL_FORM, TermType.SHORT_FORM
VARIANT_FORM, ACRONYM_FORM = TermType.VARIANT, TermType.ACRONYM


class Flag(StrEnum):
    """Review flags on a concept."""

    AMBIGUOUS = "ambiguous"  # a short reference fits several concepts
    RESTORED = "restored"  # diacritics restored from a gazetteer: needs review
    CONFLICT = "conflict"  # evidence disagrees (e.g. two diacritized spellings)
    UNRESTORED = "unrestored"  # Vietnamese-looking but no evidence to restore
    UNTRANSLATED = "untranslated"  # needs translation: no Vietnamese term yet


class TermFlag(StrEnum):
    """How CAT tools should use a term (memoQ's and OmegaT's term options)."""

    CASE_SENSITIVE = "caseSensitive"  # match only as written ("US", not "us")
    DO_NOT_TRANSLATE = "doNotTranslate"  # keep as is in the translation


class Evidence(NamedTuple):
    """Why a term was linked to its concept: a rule, and where it fired.

    A named tuple, like `Mention`: clustering makes one per mention.
    """

    rule: str
    document: str = ""
    start: int = -1
    end: int = -1
    detail: str = ""


class Occurrence(NamedTuple):
    """One place a term was seen: the document, offsets into it, and a sentence.

    A named tuple, like `Mention` and for the same reason: a build makes one
    per mention.
    """

    document: str
    start: int
    end: int
    context: str
    text: str = ""


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Term:
    """One written form of a concept in one language."""

    text: str
    lang: str = "en"
    status: TermStatus = TermStatus.ADMITTED
    type: TermType = TermType.VARIANT
    count: int = 0
    pos: str = ""  # TBX partOfSpeech: noun, properNoun, ...
    context: str = ""  # one example sentence
    evidence: tuple[Evidence, ...] = ()
    manual: bool = False  # added or edited by a reviewer: a rebuild never touches it
    id: int | None = None
    note: str = ""  # a note on this term (usage, register), one or more lines
    flags: frozenset[TermFlag] = frozenset()

    @property
    def is_preferred(self) -> bool:
        return self.status is TermStatus.PREFERRED


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Concept:
    """One thing (person, place, organisation, title or term) and all its names."""

    kind: Kind
    terms: tuple[Term, ...] = ()
    status: ConceptStatus = ConceptStatus.CANDIDATE
    note: str = ""
    flags: frozenset[Flag] = field(default_factory=frozenset)
    key: str = ""  # stable identity used to merge rebuilds and imports
    id: int | None = None
    subject: str = ""  # subject field or domain ("economy", "law"), beyond the kind
    definitions: tuple[tuple[str, str], ...] = ()  # (lang, text), one per language
    # ids of the concepts named inside this one's names ("Lục Ngạn District" in
    # "Lục Ngạn District Party Committee"): read off the occurrences by the store
    parts: tuple[int, ...] = ()

    def definition(self, lang: str) -> str:
        """The definition in `lang`, or ""."""
        return next((text for code, text in self.definitions if code == lang), "")

    def preferred(self, lang: str | None = None) -> Term | None:
        """The preferred term in `lang` (any language if None), else the first term."""
        pool = [t for t in self.terms if lang is None or t.lang == lang]
        for term in pool:
            if term.is_preferred:
                return term
        return pool[0] if pool else None

    @property
    def label(self) -> str:
        """The text to show for this concept: its preferred term in any language."""
        term = self.preferred()
        return term.text if term else ""


@dataclass(frozen=True, slots=True)
class Document:
    """One input text, already decoded and NFC-normalized."""

    path: str
    text: str
    lang: str = ""  # "en", "vi", "mixed" or "" when not yet detected


class Mention(NamedTuple):
    """A name or term as written at one place in one document.

    Extractors (English rules, Vietnamese NER, term ranking) produce mentions per
    document; they are cached per document hash, so they must stay plain data
    (see `to_dict` / `from_dict`). Clustering turns all mentions into concepts.

    A named tuple rather than a frozen dataclass: a build makes a quarter of
    a million of them per 10 MB, and a frozen dataclass costs five times as
    much to construct (≈1.6 µs against ≈0.35 µs). The English extractors
    (`glossary.extract.english`, `glossary.extract.terms`) build them with
    ``tuple.__new__(Mention, (...))``, all ten fields in this order, which
    saves the Python frame of ``Mention(...)`` too: a test pins the order.
    """

    text: str  # surface as written (NFC), without title or possessive
    document: str
    start: int  # offsets of `text` in the document's NFC text
    end: int
    lang: str  # language of the surface form: "en" or "vi"
    kind: Kind | None = None  # extractor's hint; None when unknown
    context: str = ""  # the sentence around it
    title: str = ""  # a title right before the name ("Prime Minister")
    source: str = ""  # which rule or model produced it
    score: float = 0.0  # termhood or confidence, when the extractor has one

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "lang": self.lang,
            "kind": None if self.kind is None else str(self.kind),
            "context": self.context,
            "title": self.title,
            "source": self.source,
            "score": self.score,
        }

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Mention:
        kind = d.get("kind")
        return cls(
            text=str(d["text"]),
            document=str(d["document"]),
            start=int(str(d["start"])),
            end=int(str(d["end"])),
            lang=str(d["lang"]),
            kind=None if kind is None else Kind(str(kind)),
            context=str(d.get("context", "")),
            title=str(d.get("title", "")),
            source=str(d.get("source", "")),
            score=float(str(d.get("score", 0.0))),
        )


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Candidate:
    """A concept proposed by clustering, with where each of its terms occurred.

    `occurrences` maps (term text, lang) to the places that form was seen.
    """

    concept: Concept
    occurrences: dict[tuple[str, str], tuple[Occurrence, ...]] = field(
        default_factory=dict
    )
