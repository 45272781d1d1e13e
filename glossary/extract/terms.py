"""Domain terms from English text: noun-phrase chunks ranked by C-value.

`term_mentions(doc)` finds maximal runs of lower-case content words (a
closed-class chunker: stopwords, auxiliaries, common verbs, adverbs and
punctuation end a run; capitalised words are names, left to the name
extractors). `term_candidates(mentions)` enumerates every sub-phrase of those
runs over the whole corpus, merges spelling variants (multi-faceted /
multifaceted, defence / defense, organisation / organization) and ranks them
by C-value (Frantzi, Ananiadou & Mima 2000)::

    C(a) = log2|a| * f(a)                              if a is not nested
    C(a) = log2|a| * (f(a) - sum(f(b) for b ⊃ a) / |T_a|)  otherwise

Pure functions over plain data; no model, no network.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from glossary.lang import en
from glossary.model import (
    Candidate,
    Concept,
    Document,
    Evidence,
    Kind,
    Mention,
    Occurrence,
    Term,
    TermStatus,
    TermType,
)
from glossary.text import marked_key
from glossary.text.sentences import Sentences

__all__ = [
    "MIN_CVALUE",
    "term_candidates",
    "term_mentions",
    "variant_key",
    "vi_term_candidates",
]

SOURCE = "cvalue-chunk"

# Mentions are built by `tuple.__new__` (see `glossary.model.Mention`).
_tuple_new = tuple.__new__
MIN_CVALUE = 2.0  # below this a phrase needs a nominal head to count as a term
MAX_WORDS = 4

# Letters joined by "'", "’" or "-" ("multi-faceted"), not glued to the word
# before. The glue test follows the first letter so that the pattern opens with
# a character set, which `re` scans for in C; letter blocks end a word without
# backtracking.
_WORD = re.compile(r"[A-Za-z](?<![\w'’-].)[A-Za-z]*(?:['’-]+[A-Za-z]+)*")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Closed-class words, auxiliaries and frequent news verbs: they end a chunk.
_STOP = _wordset(en.CHUNK_BREAKS)
_NOMINAL = re.compile(rf"(?:{'|'.join(en.NOMINAL_ENDINGS)})$")
_ADVERB = re.compile(r"ly$")

# British and American spellings, and hyphenation, share one variant key.
_SPELLING = (
    (re.compile(r"-"), ""),
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|able|ably|ite|ites)?\b"), r"or\1"),
    (re.compile(r"\b(def|off|lic|pret)ence\b"), r"\1ense"),
    (re.compile(r"(?<=[a-z]{3})tre(s?)\b"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{3})ll(ed|ing|er)\b"), r"l\1"),
)


@lru_cache(maxsize=1 << 16)
def variant_key(phrase: str) -> str:
    """Key shared by spelling variants of one term.

    >>> variant_key("multi-faceted aid") == variant_key("multifaceted aid")
    True
    >>> variant_key("defence") == variant_key("defense")
    True
    """
    key = " ".join(phrase.casefold().replace("’", "'").split())
    for pattern, repl in _SPELLING:
        key = pattern.sub(repl, key)
    return " ".join(key.split())


@lru_cache(maxsize=1 << 16)
def _is_content(word: str) -> bool:
    low = word.casefold()
    return (
        word == low
        and low not in _STOP
        and not _ADVERB.search(low)
        and not low.endswith(("'s", "’s"))
        and len(low) > 1
    )


# The chunker reads a "shape" of the text: one character per character, so
# that a regex over it gives text offsets. A word's first character becomes
# "c" when it is a content word ("cv", its first two, when it has a
# spelling variant: a chunk even on its own; content words have two letters
# or more) or "n" for any other word, its other characters "x"; spaces stay
# spaces and every other character becomes "|".
# Two content words or more, or one with a variant. (Possessive: an "x" run
# is never given back, as only a space may follow it.) The pattern opens with
# the one character "c", which `re` finds by a plain character comparison
# (a character set is tested through a call at each position: 2.5 times the
# scan).
_RUN = re.compile(r"c(?:vx*+(?: c[vx]x*+)*+|x*+(?: c[vx]x*+)++)")


@lru_cache(maxsize=1 << 16)
def _codes(word: str) -> str:
    """The shape of the word's first character, or first two (see `_RUN`)."""
    if not _is_content(word):
        return "n"
    return "cv" if _has_variant_spelling(word) else "c"


def _shape(piece: str) -> str:
    """The shape (see `_RUN`) of a piece of text without spaces.

    No word crosses a space, and a space never glues a word to the one before
    it, so the shape of a text is the shapes of its pieces joined by spaces;
    pieces repeat (words with their punctuation), so each is shaped once.
    """
    out = []
    pos = 0
    for m in _WORD.finditer(piece):
        s, e = m.span()
        code = _codes(m.group())
        out.append("|" * (s - pos))
        out.append(code)
        out.append("x" * (e - s - len(code)))
        pos = e
    out.append("|" * (len(piece) - pos))
    return "".join(out)


class _Shapes(dict[str, str]):
    """`_shape` of each piece seen, memoised in a dict: a hit is a C-level
    `dict.__getitem__` (a few times cheaper than an `lru_cache` hit), which
    matters at two million pieces per 10 MB."""

    def __missing__(self, piece: str) -> str:
        shape = self[piece] = _shape(piece)
        return shape


_SHAPES = _Shapes()
_SHAPES_MAX = 1 << 16  # pieces remembered (as the lru_cache it replaced); then none


def _chunks(text: str) -> list[tuple[int, int]]:
    """Spans of maximal runs of content words joined by single spaces.

    The text's shape (see `_RUN`) is built from the memoised shapes of its
    space-separated pieces, and the runs are found by a regex over it, so
    the per-word work stays in C (`str.split`, dict hits, `str.join`).
    """
    if len(_SHAPES) > _SHAPES_MAX:
        _SHAPES.clear()
    shape = " ".join(map(_SHAPES.__getitem__, text.split(" ")))
    return [m.span() for m in _RUN.finditer(shape)]


def _has_variant_spelling(word: str) -> bool:
    return variant_key(word) != word.casefold()


def term_mentions(
    doc: Document, *, sentences: Sentences | None = None
) -> list[Mention]:
    """Noun-phrase chunks (two words or more) of an English document.

    Each mention is one maximal chunk; `term_candidates` ranks its sub-phrases
    over the whole corpus. `score` is the chunk's C-value within this document.

    Args:
        doc: an English (or mixed) document, NFC.
        sentences: its sentence marks, when the caller has them already
            (`glossary.extract.english.english_mentions` takes the same).

    Returns:
        One `Mention(kind=Kind.TERM)` per chunk, in document order.
    """
    text, path = doc.text, doc.path
    spans = [(s, e, variant_key(text[s:e])) for s, e in _chunks(text)]
    if sentences is None:
        sentences = Sentences(text)
    freq = Counter(key for _, _, key in spans)
    score = {k: math.log2(max(2, k.count(" ") + 1)) * n for k, n in freq.items()}
    # (text, document, start, end, lang, kind, context, title, source, score)
    term, of_term = Kind.TERM, sentences.of_term
    return [
        _tuple_new(
            Mention,
            (text[s:e], path, s, e, "en", term, of_term(s, e), "", SOURCE, score[key]),
        )
        for s, e, key in spans
    ]


@dataclass(slots=True)
class _Stats:
    freq: int = 0
    forms: dict[str, list[Occurrence]] | None = None
    nested_in: set[str] | None = None
    # English: where each form was seen, `forms` being made only for terms
    seen: dict[str, list[_Seen]] | None = None
    mentions: list[Mention] = field(default_factory=list)


def _subphrases(m: Mention) -> Iterable[tuple[str, int, int]]:
    words = list(_WORD.finditer(m.text))
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + MAX_WORDS) + 1):
            if j - i < 2 and j - i != len(words):
                continue
            s, e = words[i].start(), words[j - 1].end()
            yield m.text[s:e], m.start + s, m.start + e


# Heads too general to make a domain term on their own ("various fields").
_GENERIC_HEADS = _wordset(en.GENERIC_HEADS)


def _is_termlike(phrase: str) -> bool:
    words = phrase.split()
    if words[-1] in _GENERIC_HEADS or words[-1].endswith("ed"):
        return False
    # A participle before the head is a verb phrase ("boosting cooperation").
    return not any(w.endswith("ing") and "-" not in w for w in words[:-1])


@lru_cache(maxsize=1 << 16)
def _phrases(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """(key, phrase, start, end) of the sub-phrases of two words or more."""
    probe = Mention(text=text, document="", start=0, end=len(text), lang="en")
    return tuple(
        (variant_key(phrase), phrase, s, e)
        for phrase, s, e in _subphrases(probe)
        if len(phrase.split()) >= 2
    )


# Where a form was seen, before it is known to make a term: the mentions
# (their indexes in `_Stats.mentions`) whose text holds it, and its offsets
# in that text. Term mentions repeat their texts across a corpus, so each
# text is split once and counted for all its mentions; and most sub-phrases
# never make a term, so `Occurrence`s are made only for those that do.
_Seen = tuple[list[int], int, int]


def _collect(mentions: Iterable[Mention]) -> dict[str, _Stats]:
    term = Kind.TERM
    found: list[Mention] = []
    by_text: dict[str, list[int]] = {}
    for m in mentions:
        if m.kind is term and m.lang == "en":
            at = by_text.get(m.text)
            if at is None:
                by_text[m.text] = [len(found)]
            else:
                at.append(len(found))
            found.append(m)
    stats: dict[str, _Stats] = {}
    for text, at in by_text.items():
        n = len(at)
        for key, phrase, s, e in _phrases(text):
            st = stats.get(key)
            if st is None:
                st = stats[key] = _Stats(nested_in=set(), seen={}, mentions=found)
            st.freq += n
            assert st.seen is not None
            st.seen.setdefault(phrase, []).append((at, s, e))
    _link_nested(stats)
    return stats


def _link_nested(stats: dict[str, _Stats]) -> None:
    """Record in each phrase's `nested_in` the longer phrases holding it."""
    for key in stats:
        words = key.split()
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                sub = " ".join(words[i:j])
                if sub != key and sub in stats:
                    nested = stats[sub].nested_in
                    assert nested is not None
                    nested.add(key)


def _occurrences(st: _Stats) -> dict[str, list[Occurrence]]:
    """The `Occurrence`s of each form, in the order of the mentions."""
    assert st.seen is not None
    mentions = st.mentions
    out: dict[str, list[Occurrence]] = {}
    for form, seen in st.seen.items():
        # one text's mentions are in order already; several texts' interleave
        places = (
            [(i, seen[0][1], seen[0][2]) for i in seen[0][0]]
            if len(seen) == 1
            else sorted((i, s, e) for at, s, e in seen for i in at)
        )
        occs = out[form] = []
        for i, s, e in places:
            m = mentions[i]
            occs.append(
                Occurrence(m.document, m.start + s, m.start + e, m.context, form)
            )
    return out


def _cvalue(key: str, stats: dict[str, _Stats]) -> float:
    st = stats[key]
    weight = math.log2(len(key.split()))
    if not st.nested_in:
        return weight * st.freq
    longer = sum(stats[k].freq for k in st.nested_in)
    return weight * (st.freq - longer / len(st.nested_in))


def _accept(key: str, cvalue: float) -> bool:
    words = key.split()
    if not _is_termlike(key):
        return False
    if cvalue >= MIN_CVALUE:
        return True
    return len(words) == 2 and cvalue >= 1.0 and bool(_NOMINAL.search(words[-1]))


def _candidate(
    key: str, cvalue: float, forms: dict[str, list[Occurrence]]
) -> Candidate:
    ranked = sorted(forms, key=lambda f: (-len(forms[f]), f))
    terms = []
    occurrences: dict[tuple[str, str], tuple[Occurrence, ...]] = {}
    for n, form in enumerate(ranked):
        occs = forms[form]
        first = occs[0]
        rule = "c-value" if n == 0 else "spelling-variant"
        detail = f"c-value {cvalue:.2f}" if n == 0 else f"variant of {ranked[0]!r}"
        terms.append(
            Term(
                text=form,
                lang="en",
                status=TermStatus.PREFERRED if n == 0 else TermStatus.ADMITTED,
                type=TermType.FULL_FORM if n == 0 else TermType.VARIANT,
                count=len(occs),
                pos="noun",
                context=first.context,
                evidence=(
                    Evidence(rule, first.document, first.start, first.end, detail),
                ),
            )
        )
        occurrences[(form, "en")] = tuple(occs)
    concept = Concept(
        kind=Kind.TERM,
        terms=tuple(terms),
        key=f"term:{key}",
        note=f"c-value {cvalue:.2f}",
    )
    return Candidate(concept=concept, occurrences=occurrences)


def _single_word_variants(
    mentions: Sequence[Mention],
) -> dict[str, dict[str, list[Occurrence]]]:
    term = Kind.TERM
    terms = [m for m in mentions if m.kind is term and m.lang == "en"]
    # First the spellings of each key, once per distinct text; occurrences
    # only where there are two.
    words = {text: _words(text) for text in {m.text for m in terms}}
    spellings: dict[str, set[str]] = {}
    for found in words.values():
        for _, _, w, key in found:
            spellings.setdefault(key, set()).add(w)
    varied = {k for k, forms in spellings.items() if len(forms) >= 2}
    hits = {
        text: kept
        for text, found in words.items()
        if (kept := [x for x in found if x[3] in varied])
    }
    groups: dict[str, dict[str, list[Occurrence]]] = {}
    for m in terms:
        for s, e, w, key in hits.get(m.text, ()):
            occ = Occurrence(m.document, m.start + s, m.start + e, m.context, w)
            groups.setdefault(key, {}).setdefault(w, []).append(occ)
    return groups


def _words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, variant key) of each word of a term mention's text."""
    return [
        (m.start(), m.end(), m.group(), variant_key(m.group()))
        for m in _WORD.finditer(text)
    ]


def term_candidates(mentions: Sequence[Mention]) -> list[Candidate]:
    """Rank term mentions over the corpus and group spelling variants.

    A phrase is kept when its C-value reaches `MIN_CVALUE`, or reaches 1 with a
    nominal head (…tion, …ment, …ogy, …ery, …). A single word is kept only when
    the corpus writes it in two spellings (defence / defense): the variants are
    the evidence. Every term carries its rule and the place it fired.

    Args:
        mentions: mentions of every document; those not of kind TERM are ignored.

    Returns:
        One candidate per term concept, best C-value first.
    """
    stats = _collect(mentions)
    scored = sorted(
        ((_cvalue(k, stats), k) for k in stats), key=lambda p: (-p[0], p[1])
    )
    out: list[Candidate] = []
    for cvalue, key in scored:
        st = stats[key]
        if st.seen is not None and _accept(key, cvalue):
            out.append(_candidate(key, cvalue, _occurrences(st)))
    for key, forms in sorted(_single_word_variants(mentions).items()):
        out.append(_candidate(key, float(sum(map(len, forms.values()))), forms))
    return out


def vi_term_candidates(mentions: Sequence[Mention]) -> list[Candidate]:
    """Group Vietnamese term mentions (from the Vietnamese extractor) into terms.

    Spellings that differ only in case or tone-mark placement (Ủy ban / Uỷ
    ban) are one term. The same C-value as for English ranks them (length in
    syllables), and only phrases reaching `MIN_CVALUE` are kept: the
    extractor's noun phrases are noisy, so one occurrence is not enough.

    Args:
        mentions: mentions of every document; only kind TERM, lang "vi" count.

    Returns:
        One candidate per Vietnamese term concept, best C-value first.
    """
    stats: dict[str, _Stats] = {}
    for m in mentions:
        if m.kind is not Kind.TERM or m.lang != "vi":
            continue
        key = marked_key(m.text)
        st = stats.setdefault(key, _Stats(forms={}, nested_in=set()))
        st.freq += 1
        assert st.forms is not None
        st.forms.setdefault(m.text, []).append(
            Occurrence(m.document, m.start, m.end, m.context, m.text)
        )
    for key in stats:
        for other in stats:
            if other != key and f" {key} " in f" {other} ":
                nested = stats[key].nested_in
                assert nested is not None
                nested.add(other)
    scored = sorted(
        ((_cvalue(k, stats), k) for k in stats), key=lambda p: (-p[0], p[1])
    )
    out = []
    for cvalue, key in scored:
        forms = stats[key].forms
        if forms is not None and len(key.split()) >= 2 and cvalue >= MIN_CVALUE:
            cand = _candidate(key, cvalue, forms)
            terms = tuple(replace(t, lang="vi") for t in cand.concept.terms)
            occs = {(text, "vi"): o for (text, _), o in cand.occurrences.items()}
            concept = replace(cand.concept, terms=terms, key=f"term:vi:{key}")
            out.append(Candidate(concept=concept, occurrences=occs))
    return out
