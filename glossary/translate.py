"""The build step after clustering: every concept gets its Vietnamese term,
or is marked as needing one.

`add_vietnamese_terms` runs the rules of `RULES` on each candidate that has
no Vietnamese term yet; the first that gives a name adds it as the
preferred ``vi`` term, with its evidence (the rule and the English name it
read). A candidate no rule settles is flagged `Flag.UNTRANSLATED` with a
``needs translation: …`` note saying why. Nothing is guessed: a Vietnamese
name whose marks could not be restored, a Chinese name (its Sino-Vietnamese
reading is not known), an English word without a listed equivalent stay
marked. Domain terms get theirs from parallel text or a memory
(``glossary align``, ``--tm``), not here.

Vietnamese persons and places already carry their Vietnamese term from
clustering (the diacritized name); this step adds the others:

- foreign persons written in Latin letters keep their name as written, as
  Vietnamese news writes them (``Phó Thủ tướng Belarus Anatoly Sivak``);
- countries and world regions their CLDR name, and state bodies, posts,
  ranks and regions their name from `glossary.names.state` (curated data
  and patterns over it);
- a one-word brand or outlet (``BelTA``, ``VNS``) its name as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from glossary.lang.en import (
    ADMIN_WORDS,
    COMMON_WORD_ENDINGS,
    EVENT_WORDS,
    MONTHS,
    ORG_HEADS,
    PLACE_WORDS,
    STOP,
    WEEKDAYS,
)
from glossary.lang.vi_state import AMBIGUOUS_TITLES
from glossary.model import (
    Candidate,
    Concept,
    ConceptStatus,
    Evidence,
    Flag,
    Kind,
    Term,
    TermStatus,
    TermType,
)
from glossary.names import places
from glossary.names.state import vietnamese_name
from glossary.names.titles import is_title_word

__all__ = [
    "NAME_KINDS",
    "NEEDS_TRANSLATION",
    "RULES",
    "add_vietnamese_term",
    "add_vietnamese_terms",
    "name_coverage",
    "needs_translation",
]

TARGET = "vi"
NEEDS_TRANSLATION = "needs translation: "

# A rule reads a concept and gives (Vietnamese name, evidence), or a reason
# why no name can be given (a str), or None when it does not apply.
Outcome = tuple[str, Evidence] | str | None
Rule = Callable[[Concept], Outcome]


def _english(concept: Concept) -> list[Term]:
    """The concept's English terms, the preferred first."""
    terms = [t for t in concept.terms if t.lang == "en"]
    return sorted(terms, key=lambda t: not t.is_preferred)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–]+", text) if w]


# Pinyin syllables (without tones): a Chinese name written in pinyin is read
# in Sino-Vietnamese ("Li Qiang" is "Lý Cường"), which needs a reading table.
_PINYIN = re.compile(
    r"^(?:(?:(?:zh|ch|sh|[dtnlgkhrzcs])?(?:ang|eng|ong|ai|ei|ao|ou|an|en|a|e|u)"
    r"|(?:[bpmf]|w)(?:ang|eng|ai|ei|ao|ou|an|en|a|o|u)?"
    r"|(?:[jqxy]|[bpmdtnl])(?:iang|iong|iao|ian|ing|ia|ie|iu|in|i|ue|u|un|uan)"
    r"|(?:zh|ch|sh|[dtnlgkhrzcs])(?:uang|uai|uan|ua|uo|ui|un|i)"
    r"|y(?:ang|ao|an|a|e|i|in|ing|ong|ou|u|uan|ue|un)?))+$"
)


def _is_pinyin(text: str) -> bool:
    """Every word is one or two pinyin syllables ("Xi Jinping", "Li Qiang")."""
    words = _words(text)
    return bool(words) and all(
        len(w) <= 12 and _PINYIN.match(w.casefold()) for w in words
    )


def _vietnamese_shape(text: str) -> bool:
    """Every word can be a Vietnamese syllable: a Vietnamese name (or one
    that looks like it) whose marks restoration did not settle."""
    words = [w for w in _words(text) if w.casefold() not in ADMIN_WORDS]
    return bool(words) and all(places.is_syllable(w) for w in words)


_ENGLISH_WORDS = ORG_HEADS | PLACE_WORDS | EVENT_WORDS | STOP | MONTHS | WEEKDAYS


def _english_looking(word: str) -> bool:
    w = word.casefold()
    return (
        w in _ENGLISH_WORDS
        or is_title_word(w)
        or w.endswith(COMMON_WORD_ENDINGS)
        or places.is_country(word)
    )


def _introduced(concept: Concept) -> bool:
    """Evidence that the concept is a person: a role (a title before the
    name), a surname used alone, or a title word among the four words
    before the name in a sentence that has it."""
    if "role: " in concept.note:
        return True
    for term in concept.terms:
        if term.lang == "en" and term.type is TermType.SHORT_FORM:
            return True
        before = term.context.partition(term.text)[0].split()[-4:]
        if term.text in term.context and any(is_title_word(w) for w in before):
            return True
    return False


def person_as_written(concept: Concept) -> Outcome:
    """A foreign person named in Latin letters keeps the name as written.

    Vietnamese news writes ``Roman Golovchenko``, ``Anatoly Sivak``. Only a
    name none of whose words can be a Vietnamese syllable or an English
    word, not in pinyin, and introduced as a person (`_introduced`). A name
    of Vietnamese syllables without marks is marked: restoration could not
    decide (``To Lam``); so is a Chinese name in pinyin."""
    if concept.kind is not Kind.PERSON:
        return None
    name = concept.preferred("en")
    if name is None:
        return None
    if _vietnamese_shape(name.text):
        return "a Vietnamese name whose diacritics could not be restored"
    if _is_pinyin(name.text):
        return "a Chinese name: its Sino-Vietnamese reading is not known"
    words = _words(name.text)
    if (
        len(words) < 2
        or not all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)
        or any(places.is_syllable(w) or _english_looking(w) for w in words)
        or not _introduced(concept)
    ):
        return None
    return name.text, Evidence("foreign-name-as-written", detail=name.text)


def state_name(concept: Concept) -> Outcome:
    """A state body, post, rank, country or region gets its Vietnamese name.

    From the curated data, CLDR or the patterns of `glossary.names.state`,
    read from the preferred English term, then the forms at least as long."""
    if concept.kind not in (Kind.ORG, Kind.TITLE, Kind.PLACE, Kind.OTHER):
        return None
    # a treaty or other named thing is read as a body's name is
    kind = Kind.ORG if concept.kind is Kind.OTHER else concept.kind
    terms = _english(concept)
    if not terms:
        return None
    # a shorter form ("VFF", "Party Civil Affairs Committee") may name another
    # body: only the preferred name and forms at least as long are read
    size = len(terms[0].text.split())
    for term in [t for t in terms if len(t.text.split()) >= size]:
        hit = vietnamese_name(term.text, kind)
        if hit is not None:
            ev = Evidence(
                f"vi-name:{hit.rule}", detail=f"{term.text} → {hit.text} ({hit.source})"
            )
            return hit.text, ev
    return None


def ambiguous_title(concept: Concept) -> Outcome:
    """A post whose Vietnamese name depends on the country is marked.

    ``President`` is Chủ tịch nước or Tổng thống: the choices go into the
    note."""
    if concept.kind is not Kind.TITLE:
        return None
    name = concept.preferred("en")
    choices = dict(AMBIGUOUS_TITLES).get(name.text if name else "")
    return choices


_BRAND = re.compile(r"^(?:[A-Z][A-Z0-9]+|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)$")


def _credited(name: str, context: str) -> bool:
    """`name` stands where a news text credits its outlet: a byline line of
    its own (``— VNS``), a parenthesis opening the text (``(VOVWORLD) -``), or
    a photo or source credit (``(photo: BelTA/VNA)``, ``Source: VNA``)."""
    n = re.escape(name)
    return bool(
        re.fullmatch(rf"\W*{n}\W*", context.strip())
        or re.match(rf"\s*\({n}\)", context)
        or re.search(rf"\((?:photo|ảnh|source)\s*:[^()]*\b{n}\b[^()]*\)", context, re.I)
        or re.search(rf"\bSource\s*:\s*{n}\b", context)
    )


def brand_as_written(concept: Concept) -> Outcome:
    """A news outlet credited by a one-word brand keeps it.

    ``VNS``, ``BelTA``, ``VOVWORLD``: Vietnamese text credits it so (the
    parallel seed articles end with ``VNS`` too). Only for a concept with no
    longer English name, whose translation would decide."""
    if concept.kind is not Kind.ORG:
        return None
    terms = _english(concept)
    if not terms or any(len(t.text.split()) > 1 for t in terms):
        return None
    name = terms[0].text
    if not _BRAND.match(name) or not any(_credited(name, t.context) for t in terms):
        return None
    return name, Evidence("outlet-as-written", detail=name)


def unsettled(concept: Concept) -> Outcome:
    """Why nothing was found, by kind: the note a reviewer reads."""
    name = concept.preferred("en")
    text = name.text if name else ""
    if concept.kind is Kind.PLACE and _vietnamese_shape(text):
        return "a Vietnamese place whose diacritics could not be restored"
    if concept.kind is Kind.TERM:
        return "a domain term: from parallel text or a memory (glossary align, --tm)"
    return "no Vietnamese name is known for it"


RULES: tuple[Rule, ...] = (
    person_as_written,
    ambiguous_title,
    state_name,
    brand_as_written,
    unsettled,
)


def needs_translation(concept: Concept) -> bool:
    """True if the concept has no term in the target language."""
    return not any(t.lang == TARGET for t in concept.terms)


NAME_KINDS = (Kind.PERSON, Kind.PLACE, Kind.ORG, Kind.TITLE)


def name_coverage(concepts: Iterable[Concept]) -> tuple[int, int]:
    """How many person, place, organisation and title concepts (not
    rejected) have a Vietnamese term, and how many there are."""
    names = [
        c
        for c in concepts
        if c.kind in NAME_KINDS and c.status is not ConceptStatus.REJECTED
    ]
    return sum(not needs_translation(c) for c in names), len(names)


def _translated(concept: Concept) -> Concept:
    flags = concept.flags - {Flag.UNTRANSLATED}
    note = "\n".join(
        line
        for line in concept.note.splitlines()
        if not line.startswith(NEEDS_TRANSLATION)
    )
    if not needs_translation(concept):
        return replace(concept, flags=flags, note=note)
    for rule in RULES:
        outcome = rule(concept)
        if outcome is None:
            continue
        if isinstance(outcome, str):
            note = "\n".join(x for x in (note, NEEDS_TRANSLATION + outcome) if x)
            return replace(concept, flags=flags | {Flag.UNTRANSLATED}, note=note)
        text, evidence = outcome
        term = Term(
            text=text,
            lang=TARGET,
            status=TermStatus.PREFERRED,
            type=TermType.FULL_FORM,
            evidence=(evidence,),
        )
        return replace(concept, terms=(*concept.terms, term), flags=flags, note=note)
    return concept


def add_vietnamese_terms(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The translation step of a build: each candidate with its Vietnamese
    term added, or flagged untranslated with the reason in its note.

    The term is added last, so the concept's label (its first preferred
    term), and with it the key a build stores it under, stays the same.
    """
    return [add_vietnamese_term(c) for c in candidates]


def add_vietnamese_term(candidate: Candidate) -> Candidate:
    """`add_vietnamese_terms` of one candidate (each is translated alone)."""
    return replace(candidate, concept=_translated(candidate.concept))
