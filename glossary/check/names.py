"""Name checks: a name misspelled against the term base, a name written two ways."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from rapidfuzz import fuzz

from glossary.api import Change, Glossary, Target, preferred_form
from glossary.check.model import Document, Finding, Run, Segment, finding, joined
from glossary.model import Kind, TermType
from glossary.text import fold, is_vietnamese_syllable, name_key, nfc
from glossary.text.syllable import to_old_style

NAME_KINDS = frozenset({Kind.PERSON, Kind.PLACE, Kind.ORG})
_SHORT = frozenset({TermType.SHORT_FORM, TermType.ACRONYM})


def text_lang(doc: Document) -> str:
    """The language of the checked text (the targets): the most common one."""
    langs = Counter(s.target.lang for s in doc.segments)
    return langs.most_common(1)[0][0] if langs else "en"


def _target(lang: str) -> Target:
    return "vi" if lang == "vi" else "en-diacritics"


def spelling(text: str) -> str:
    """A form with case and tone-mark style set aside (the tone check's job)."""
    return to_old_style(nfc(text)).casefold().replace("’", "'")


def _is_name(glossary: Glossary, concept_id: int | None) -> bool:
    return concept_id is not None and glossary.concept(concept_id).kind in NAME_KINDS


def _is_common_word(change: Change) -> bool:
    """A lowercase word that folds like a capitalized name ("diễn", "Diên") is
    the common word, not the name misspelled."""
    return change.old.islower() and not change.new.islower()


_PARTS = re.compile(r"[\s\-‐‑]+")


def is_one_syllable(text: str) -> bool:
    """One Vietnamese syllable: in Vietnamese text too often a common word
    ("Trong", "Chủ") that folds like a name ("Trọng", "Chũ") to be judged a
    misspelling. "Belarus" is one word but no syllable."""
    parts = [p for p in _PARTS.split(text.strip()) if p]
    return len(parts) < 2 and is_vietnamese_syllable(text.strip(), ascii_ok=True)


def is_spelling_of(written: str, other: str) -> bool:
    """Two spellings of one name ("Pham Minh Chinh", "Bê-la-rút"/"Belarus",
    "Moskva"/"Moscow"), not two names of one thing (a stage name and a real
    name, a website and its owner): same name key, or alike when folded."""
    if name_key(written) == name_key(other):
        return True
    return fuzz.ratio(fold(written), fold(other)) >= _ALIKE


_ALIKE = 72  # rapidfuzz ratio of folded forms; aliases and abbreviations score lower


def _in_language(glossary: Glossary, change: Change, lang: str) -> bool:
    """The suggestion respells the written name, or is a term of the concept
    in the text's language (not "Japan" for "Nhật Bản" in Vietnamese)."""
    assert change.concept_id is not None
    wanted = spelling(change.new)
    if lang != "vi" or name_key(change.old) == name_key(change.new):
        return True
    return any(
        t.lang == lang and spelling(t.text) == wanted
        for t in glossary.concept(change.concept_id).terms
    )


def name_variant(doc: Document, run: Run) -> Iterator[Finding]:
    """A name not written as the term base prefers for the text's language.

    In Vietnamese text every difference counts: "Pham Minh Chinh" for "Phạm
    Minh Chính", a non-preferred variant, a short form without its marks
    ("PM Chinh" → "PM Chính"). English writes Vietnamese names without marks,
    so in English text only a different name ("Bê-la-rút" for "Belarus") is
    reported, never the same name without diacritics. Case and tone-mark
    style are left to the writer and to tone-style. Ambiguous references
    are not reported. Every finding is a safe fix.
    """
    glossary = run.glossary
    if glossary is None or not doc.segments:
        return
    lang = text_lang(doc)
    text, starts = joined(doc, "target")
    _, changes = glossary.normalize_text(text, _target(lang))
    for change in changes:
        if change.ambiguous or not _is_name(glossary, change.concept_id):
            continue
        if spelling(change.old) == spelling(change.new) or _is_common_word(change):
            continue
        if lang != "vi" and name_key(change.old) == name_key(change.new):
            continue
        if lang == "vi" and is_one_syllable(change.old):
            continue
        if not _differs(change.old, change.new):
            continue  # "Vinh Long Province", "Vietjet Air": a longer mention
        if not _in_language(glossary, change, lang):
            continue
        i = bisect_right(starts, change.start) - 1
        seg = doc.segments[i]
        span = (change.start - starts[i], change.end - starts[i])
        yield finding(
            "name-variant",
            seg,
            "target",
            span,
            f"“{change.old}” should be written “{change.new}”",
            change.new,
            fixable=True,
            concept_id=change.concept_id,
        )


def _is_full(glossary: Glossary, concept_id: int, written: str) -> bool:
    """The written form is a full name of the concept, not a short form."""
    key = fold(written)
    terms = [t for t in glossary.concept(concept_id).terms if fold(t.text) == key]
    return not terms or any(t.type not in _SHORT for t in terms)


def _differs(form: str, other: str) -> bool:
    """Two spellings of one name: the same words with other marks or in
    another order ("Pham Minh Chinh", "Szijjártó Péter"), or alike words
    neither a part of the other ("Khuổi Ky" in "làng Khuổi Ky", "Lào" in
    "CHDCND Lào" are one writing, a longer or a shorter mention)."""
    a, b = set(fold(form).split()), set(fold(other).split())
    if a == b:
        return True
    return not (a <= b or b <= a) and is_spelling_of(form, other)


def name_inconsistent(doc: Document, run: Run) -> Iterator[Finding]:
    """One name written two ways in one document or memory.

    Occurrences of a person, place or organisation are grouped by concept;
    full forms that differ other than by case or tone-mark style ("Hà Nội"
    and "Ha Noi", "Belarus" and "Bê-la-rút") are inconsistent. Each form
    other than the document's most frequent one is reported (on a tie, the
    term base's preferred form wins). Short forms ("PM Chính") are not
    compared with full ones.
    """
    glossary = run.glossary
    if glossary is None:
        return
    # by concept and language: "Vietnam" in English and "Việt Nam" in
    # Vietnamese are each language's writing, not an inconsistency
    seen: dict[tuple[int, str], list[tuple[Segment, int, int, str]]] = {}
    for seg, spans in zip(doc.segments, run.spans(doc, "target"), strict=True):
        for span in spans:
            cid = span.concept_ids[0]
            if span.ambiguous or not _is_name(glossary, cid):
                continue
            if _is_full(glossary, cid, span.text):
                key = (cid, seg.target.lang)
                seen.setdefault(key, []).append((seg, span.start, span.end, span.text))
    for (cid, lang), places in seen.items():
        target = _target(lang)
        if lang == "vi":
            places = [p for p in places if not is_one_syllable(p[3])]
        counts = Counter(spelling(text) for *_, text in places)
        if len(counts) < 2:
            continue
        preferred = spelling(preferred_form(glossary.concept(cid), target))
        dominant = max(counts, key=lambda f: (counts[f], f == preferred))
        shown = next(text for *_, text in places if spelling(text) == dominant)
        for seg, start, end, text in places:
            if spelling(text) != dominant and _differs(text, shown):
                yield finding(
                    "name-inconsistent",
                    seg,
                    "target",
                    (start, end),
                    f"“{text}” is written “{shown}” {counts[dominant]} "
                    "time(s) elsewhere",
                    shown,
                    concept_id=cid,
                )
