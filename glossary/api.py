"""The library API: one immutable `Glossary` that other programs query.

A `Glossary` loads a term base (SQLite file, TBX file or plain records) into
memory once; afterwards it holds no connection and never changes, so one
instance can be shared between threads.

Targets for `Glossary.normalize_text` and `Glossary.normalize_name`:

- ``"vi"``: the concept's preferred Vietnamese term; a concept without a
  Vietnamese term gets its English form (as for ``"en-diacritics"``).
- ``"en-diacritics"``: the preferred English term, except for Vietnamese
  proper names: when the concept has a preferred Vietnamese term and an
  English term that is the same name without marks (same `name_key`), or no
  English term at all, the Vietnamese spelling is used ("Hanoi" → "Hà Nội").
  Without a preferred English term, the English term seen most often.
- ``"en-ascii"``: the ``"en-diacritics"`` form with every mark removed and
  đ/Đ written d/D ("Ha Noi").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, NamedTuple

from glossary.errors import InputError
from glossary.gc_pause import paused_gc
from glossary.model import (
    Concept,
    ConceptStatus,
    Flag,
    Kind,
    Term,
    TermStatus,
    TermType,
)
from glossary.spans import Span, Spans
from glossary.text import NAME_JOINER_CHARS, fold, name_key, nfc
from glossary.text.annotate import Automaton, fold_key, fold_keys

__all__ = [
    "TARGETS",
    "Change",
    "Glossary",
    "Match",
    "Span",
    "Spans",
    "Target",
    "strip_marks",
]

Target = Literal["vi", "en-diacritics", "en-ascii"]
TARGETS: tuple[Target, ...] = ("vi", "en-diacritics", "en-ascii")
_SHORT = frozenset({TermType.SHORT_FORM, TermType.ACRONYM})


@dataclass(frozen=True, slots=True)
class Match:
    """What a name resolves to.

    Attributes:
        concept: the concept (the first candidate when ambiguous).
        preferred: its preferred form for the target asked for.
        alias: the stored term the name matched.
        ambiguous: the name fits several concepts, or a concept flagged
            ambiguous in the term base.
        candidates: every concept the name fits, by id.
    """

    concept: Concept
    preferred: str
    alias: str
    ambiguous: bool = False
    candidates: tuple[Concept, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """One replacement made (or, if `ambiguous`, refused) by `normalize_text`.

    `start` and `end` are offsets in the ORIGINAL text (NFD input included).
    An ambiguous reference keeps ``new == old`` and `concept_id` None; its
    `candidates` name the concepts it could be.
    """

    start: int
    end: int
    old: str
    new: str
    concept_id: int | None
    ambiguous: bool = False
    candidates: tuple[int, ...] = ()


class _Entry(NamedTuple):
    """Everything the automaton knows about one folded key.

    A NamedTuple rather than a dataclass: a Glossary makes one per distinct
    key (100,000s), and tuples are about three times cheaper to create.
    """

    concepts: tuple[int, ...]  # concept ids, ascending
    terms: tuple[tuple[int, Term], ...]  # (concept id, stored term) with this key
    ambiguous: bool = False  # several concepts, or one flagged ambiguous
    flagged: bool = False  # a concept with this key is flagged ambiguous

    def terms_of(self, concept_id: int) -> list[Term]:
        return [t for cid, t in self.terms if cid == concept_id]


def strip_marks(text: str) -> str:
    """Remove tone and vowel marks, keeping case: "Đà Nẵng" → "Da Nang"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return nfc("".join(c for c in decomposed if not unicodedata.combining(c)))


def _best(terms: Iterable[Term]) -> Term | None:
    """Preferred first, then most often seen, then first stored; never forbidden."""
    pool = [t for t in terms if t.status is not TermStatus.FORBIDDEN]
    if not pool:
        return None
    return min(
        enumerate(pool), key=lambda it: (not it[1].is_preferred, -it[1].count, it[0])
    )[1]


def _full_terms(concept: Concept) -> list[Term]:
    """The concept's terms without short forms and acronyms (all if only those)."""
    full = [t for t in concept.terms if t.type not in _SHORT]
    return full or list(concept.terms)


def _english_form(concept: Concept) -> str:
    terms = _full_terms(concept)
    vi = _best(t for t in terms if t.lang == "vi")
    en_terms = [t for t in terms if t.lang != "vi"]
    if vi is not None and vi.is_preferred:
        key = name_key(vi.text)
        if not en_terms or any(name_key(t.text) == key for t in en_terms):
            return vi.text
    en = _best(en_terms)
    if en is not None:
        return en.text
    return vi.text if vi is not None else concept.label


def preferred_form(concept: Concept, target: Target) -> str:
    """The form of `concept` to write for `target` (see the module docstring)."""
    if target == "vi":
        vi = _best(t for t in _full_terms(concept) if t.lang == "vi")
        if vi is not None:
            return vi.text
        return _english_form(concept)
    if target == "en-diacritics":
        return _english_form(concept)
    if target == "en-ascii":
        return strip_marks(_english_form(concept))
    raise ValueError(f"unknown target {target!r}; expected one of {TARGETS}")


def _is_short(term: Term, full: str) -> bool:
    """A short form or acronym, or a variant made of some of the full form's words.

    "Intergovernmental Committee" shortens "Việt Nam-Belarus Intergovernmental
    Committee on ..." even when a build filed it as a variant.
    """
    if term.type in _SHORT:
        return True
    words, full_words = set(fold_key(term.text).split()), set(fold_key(full).split())
    return words < full_words


def _marks(s: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", s) if unicodedata.combining(c))


def _short_form(terms: list[Term], concept: Concept, target: Target) -> str:
    """A short form respelled, not expanded: "PM Chinh" → "PM Chính".

    Takes the stored spelling with most marks, then gives each word the marks
    it has in the concept's other terms ("Chinh" in "Phạm Minh Chính").
    """
    usable = [t.text for t in terms if t.status is not TermStatus.FORBIDDEN]
    text = max(usable or [terms[0].text], key=_marks)
    if target == "en-ascii":
        return strip_marks(text)
    spelled: dict[str, str] = {}
    for term in concept.terms:
        for word in term.text.split():
            key = fold(word)
            if _marks(word) > _marks(spelled.get(key, "")):
                spelled[key] = word
    words = [spelled.get(fold(w), w) if w.isalpha() else w for w in text.split(" ")]
    return " ".join(
        s if s[:1].isupper() == w[:1].isupper() else w
        for s, w in zip(words, text.split(" "), strict=True)
    )


def _is_caps(text: str) -> bool:
    if not text.isupper():  # implied by the test below; far cheaper
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _recase(old: str, new: str, entry: _Entry) -> str:
    """Keep the writer's ALL CAPS (not an acronym's) or initial capital."""
    if _is_caps(old) and not all(_is_caps(t.text) for _, t in entry.terms):
        return new.upper()
    if old[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


class Glossary:
    """An in-memory, read-only glossary: resolve, normalize and annotate names.

    Build one with `open`, `from_tbx` or `from_records`; the constructor takes
    concepts that already have ids. Rejected concepts are left out.

    Args:
        concepts: the concepts, each with a unique `id`.
    """

    def __init__(self, concepts: Iterable[Concept]) -> None:
        with paused_gc():
            self._load(concepts)
        self._form_cache: dict[tuple[int, str, bool], frozenset[str]] = {}

    def _load(self, concepts: Iterable[Concept]) -> None:
        kept = [c for c in concepts if c.status is not ConceptStatus.REJECTED]
        self._concepts: dict[int, Concept] = {}
        for c in kept:
            if c.id is None:
                raise ValueError("every concept needs an id; use Glossary.from_records")
            self._concepts[c.id] = c
        pairs = [(cid, t) for cid, c in self._concepts.items() for t in c.terms]
        self._by_name: dict[str, list[tuple[int, Term]]] = {}
        by_fold: dict[str, list[tuple[int, Term]]] = {}
        for pair, key in zip(pairs, fold_keys([t.text for _, t in pairs]), strict=True):
            by_fold.setdefault(key, []).append(pair)
            self._by_name.setdefault(_name_key(pair[1].text, key), []).append(pair)
        flagged = {i for i, c in self._concepts.items() if Flag.AMBIGUOUS in c.flags}
        self._entries = [_entry(hits, flagged) for hits in by_fold.values()]
        self._automaton = Automaton(list(by_fold))

    # -- constructors ----------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Glossary:
        """Load a term-base database, opened read-only and closed again.

        Raises:
            StoreError: the file is missing or is not a term base.
        """
        from glossary.store import open_store

        with paused_gc(), open_store(path, readonly=True, existing=True) as tb:
            concepts = tb.concepts()
        return cls(concepts)

    @classmethod
    def from_tbx(cls, path: str | Path) -> Glossary:
        """Load a TBX file (TBX-Basic or TBX v3).

        Raises:
            InputError: the file cannot be read or is not valid TBX.
        """
        import io

        from glossary.formats import tbx, tbx2008

        try:
            data = Path(path).read_bytes()
        except OSError as e:
            raise InputError(e.strerror or str(e), str(path)) from e
        # TBX 2008 files are <martif>; v3 files are <tbx>: pick the reader.
        module = tbx2008 if b"<martif" in data[:4096] else tbx
        return cls._numbered(module.load(io.BytesIO(data), path=str(path)))

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any] | Concept]) -> Glossary:
        """Build from plain data: dicts in the JSON export schema, or `Concept`s.

        A record is ``{"kind": "person", "terms": [{"text": "Phạm Minh Chính",
        "lang": "vi", "status": "preferred"}, ...]}``; optional keys are ``id``,
        ``status``, ``flags`` (e.g. ``["ambiguous"]``), ``note`` and, per term,
        ``type`` (``shortForm``, ``acronym``...) and ``count``. Concepts without
        an id are numbered from 1 in order.

        Raises:
            InputError: a record lacks ``terms`` or has an unknown value.
        """
        concepts = []
        for i, rec in enumerate(records):
            if isinstance(rec, Concept):
                concepts.append(rec)
                continue
            try:
                concepts.append(_record(rec))
            except (KeyError, TypeError, ValueError) as e:
                raise InputError(
                    f"record #{i + 1}: bad or missing {e}", "<records>"
                ) from e
        return cls._numbered(concepts)

    @classmethod
    def _numbered(cls, concepts: list[Concept]) -> Glossary:
        used = {c.id for c in concepts if c.id is not None}
        next_id = 1
        out = []
        for c in concepts:
            if c.id is None:
                while next_id in used:
                    next_id += 1
                c = replace(c, id=next_id)
                used.add(next_id)
            out.append(c)
        return cls(out)

    # -- queries ---------------------------------------------------------

    def __len__(self) -> int:
        return len(self._concepts)

    def concept(self, concept_id: int) -> Concept:
        """The concept with this id (KeyError if there is none)."""
        return self._concepts[concept_id]

    def resolve(self, name: str, target: Target = "en-diacritics") -> Match | None:
        """What `name` refers to, ignoring case, marks, spaces, hyphens and dots.

        Returns:
            The match, or None when no term has the same `name_key`.
        """
        hits = self._by_name.get(name_key(nfc(name)))
        if not hits:
            return None
        ids = sorted({cid for cid, _ in hits})
        candidates = tuple(self._concepts[i] for i in ids)
        concept = candidates[0]
        alias = next(t.text for cid, t in hits if cid == concept.id)
        ambiguous = len(ids) > 1 or any(Flag.AMBIGUOUS in c.flags for c in candidates)
        return Match(
            concept=concept,
            preferred=preferred_form(concept, target),
            alias=alias,
            ambiguous=ambiguous,
            candidates=candidates,
        )

    def normalize_name(self, name: str, target: Target = "en-diacritics") -> str:
        """The correct full form of `name`, or `name` unchanged (NFC) if unknown.

        >>> g = Glossary.from_records([{"kind": "place", "terms": [
        ...     {"text": "Hà Nội", "lang": "vi", "status": "preferred"},
        ...     {"text": "Hanoi", "lang": "en"}]}])
        >>> g.normalize_name("HANOI")
        'Hà Nội'
        """
        match = self.resolve(name, target)
        if match is None:
            return nfc(name)
        forms = {preferred_form(c, target) for c in match.candidates}
        flagged = any(Flag.AMBIGUOUS in c.flags for c in match.candidates)
        # Duplicate concepts that agree on the form are not a real ambiguity.
        return nfc(name) if flagged or len(forms) > 1 else match.preferred

    def annotate(self, text: str) -> Spans:
        """Every glossary term in `text`: whole words, longest match first.

        Returns:
            A sequence of `Span`, in text order, made as they are read.
        """
        return Spans(text, self._automaton.match_arrays(text), self._entries)

    def normalize_text(
        self, text: str, target: Target = "en-diacritics", *, expand_short: bool = False
    ) -> tuple[str, list[Change]]:
        """Write every known name and term in its preferred form for `target`.

        Full forms and variants become the concept's preferred form. Short forms
        and acronyms ("PM Chinh", "FTA") keep their length and are only respelled
        ("PM Chính") unless `expand_short` is true. Ambiguous references (a
        concept flagged ambiguous, or several concepts that would be written
        differently) stay as they are and are reported with ``ambiguous=True``;
        duplicate concepts that agree on the form are not ambiguous. Case (ALL CAPS, a
        capital first letter), possessives and punctuation around a match are
        kept. NFD input works: offsets in the changes are into `text` as given,
        and unchanged parts of the text are returned byte for byte.

        Returns:
            The new text and the changes, in text order.
        """
        if target not in TARGETS:
            raise ValueError(f"unknown target {target!r}; expected one of {TARGETS}")
        return self._normalize(text, target, expand_short)

    def _normalize(
        self, text: str, target: Target, expand_short: bool
    ) -> tuple[str, list[Change]]:
        out: list[str] = []
        changes: list[Change] = []
        pos = 0
        for start, end, index in self._automaton.matches(text):
            entry = self._entries[index]
            old = text[start:end]
            forms = self._forms(index, target, expand_short)
            if entry.flagged or len(forms) > 1:
                changes.append(Change(start, end, old, old, None, True, entry.concepts))
                continue
            concept = self._concepts[entry.concepts[0]]
            new = _recase(nfc(old), next(iter(forms)), entry)
            if new == nfc(old) or (old.islower() and new.casefold() == old.casefold()):
                # A lowercase word that differs only in case ("trade" against the
                # term "Trade") is the common word, not the name: keep it.
                continue
            out.append(text[pos:start])
            out.append(new)
            pos = end
            changes.append(Change(start, end, old, new, concept.id))
        out.append(text[pos:])
        return "".join(out), changes

    # -- helpers ---------------------------------------------------------

    def _forms(self, index: int, target: Target, expand_short: bool) -> frozenset[str]:
        """The forms a match of entry `index` may become, one per candidate.

        Memoized: the cache only ever gains the same value for a key, so
        threads sharing the Glossary may fill it concurrently.
        """
        key = (index, target, expand_short)
        forms = self._form_cache.get(key)
        if forms is None:
            entry = self._entries[index]
            forms = frozenset(
                self._form(entry, cid, target, expand_short) for cid in entry.concepts
            )
            self._form_cache[key] = forms
        return forms

    def _form(
        self, entry: _Entry, concept_id: int, target: Target, expand_short: bool
    ) -> str:
        """What a match of `entry` becomes if it refers to `concept_id`."""
        concept = self._concepts[concept_id]
        terms = entry.terms_of(concept_id)
        full = preferred_form(concept, target)
        if not expand_short and all(_is_short(t, full) for t in terms):
            return _short_form(terms, concept, target)
        return full


def _entry(hits: list[tuple[int, Term]], flagged_ids: set[int]) -> _Entry:
    """The entry of one folded key; `flagged_ids` are concepts flagged ambiguous."""
    if len(hits) == 1:
        ids: tuple[int, ...] = (hits[0][0],)
    else:
        ids = tuple(sorted({cid for cid, _ in hits}))
    flagged = bool(flagged_ids) and any(i in flagged_ids for i in ids)
    return _Entry(ids, tuple(hits), len(ids) > 1 or flagged, flagged)


# A character other than a letter, a digit or a separator `name_key` drops.
_NOT_PLAIN = re.compile(rf"[^\w{NAME_JOINER_CHARS}]|_")


def _name_key(text: str, key: str) -> str:
    """`name_key(text)`, cheaply from its fold key when that gives the same.

    For a term of letters, digits and name separators only, whose fold key
    is ASCII, `name_key` is the fold key without its spaces.
    """
    if key.isascii() and not _NOT_PLAIN.search(text):
        return key.replace(" ", "")
    return name_key(text)


def _record(rec: Mapping[str, Any]) -> Concept:
    terms = []
    for t in rec["terms"]:
        if isinstance(t, str):
            t = {"text": t}
        terms.append(
            Term(
                text=nfc(str(t["text"])).strip(),
                lang=str(t.get("lang", "en")),
                status=TermStatus(t.get("status", "admitted")),
                type=TermType(t.get("type", "variant")),
                count=int(t.get("count", 0)),
            )
        )
    raw_id = rec.get("id")
    return Concept(
        id=None if raw_id is None else int(raw_id),
        key=str(rec.get("key") or ""),
        kind=Kind(rec.get("kind", "other")),
        status=ConceptStatus(rec.get("status", "candidate")),
        note=str(rec.get("note", "")),
        flags=frozenset(Flag(f) for f in rec.get("flags", [])),
        terms=tuple(terms),
    )
