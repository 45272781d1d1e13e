"""Plain data: concepts, terms, occurrences and the evidence behind alias links."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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


class Flag(StrEnum):
    """Review flags on a concept."""

    AMBIGUOUS = "ambiguous"  # a short reference fits several concepts
    RESTORED = "restored"  # diacritics restored from a gazetteer: needs review
    CONFLICT = "conflict"  # evidence disagrees (e.g. two diacritized spellings)
    UNRESTORED = "unrestored"  # Vietnamese-looking but no evidence to restore


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a term was linked to its concept: a rule, and where it fired."""

    rule: str
    document: str = ""
    start: int = -1
    end: int = -1
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place a term was seen: the document, offsets into it, and a sentence."""

    document: str
    start: int
    end: int
    context: str
    text: str = ""


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

    @property
    def is_preferred(self) -> bool:
        return self.status is TermStatus.PREFERRED


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
