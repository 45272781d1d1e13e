"""Term checks: approved terms a translation left out, forbidden terms used."""

from __future__ import annotations

from collections.abc import Iterator

from glossary.api import Glossary
from glossary.check.model import Document, Finding, Run, finding
from glossary.model import Concept, ConceptStatus, Kind, Term, TermStatus
from glossary.text import fold
from glossary.text.annotate import fold_key
from glossary.text.syllable import to_old_style

_BANNED = (TermStatus.FORBIDDEN, TermStatus.DEPRECATED)


def _expected(concept: Concept, lang: str) -> list[Term]:
    """Target terms a translation must use, if the concept is settled.

    A concept is settled when approved or when it has a preferred term in
    the target language; a candidate a build merely proposed is not.
    """
    usable = [t for t in concept.terms if t.lang == lang and t.status not in _BANNED]
    settled = concept.status is ConceptStatus.APPROVED or any(
        t.is_preferred for t in usable
    )
    return usable if settled else []


def _is_source_term(glossary: Glossary, concept_id: int, text: str, lang: str) -> bool:
    """The matched text is one of the concept's source-language terms."""
    key = fold(text)
    return any(
        t.lang == lang and t.status not in _BANNED and fold(t.text) == key
        for t in glossary.concept(concept_id).terms
    )


def term_missing(doc: Document, run: Run) -> Iterator[Finding]:
    """A source term of a settled concept whose target term is not in the translation.

    Source terms are found folded, whole words, longest first; the
    translation counts as using the concept when any of its terms appears
    (diacritics are the name checks' business). Names (people, places,
    organisations) are left to the name checks.
    """
    glossary = run.glossary
    if glossary is None or not doc.bilingual:
        return
    sources, targets = run.spans(doc, "source"), run.spans(doc, "target")
    for seg, src_spans, tgt_spans in zip(doc.segments, sources, targets, strict=True):
        if seg.source is None or not seg.target.text.strip():
            continue
        present = {cid for span in tgt_spans for cid in span.concept_ids}
        folded = f" {fold_key(seg.target.text)} "
        for span in src_spans:
            if span.ambiguous or span.concept_ids[0] in present:
                continue
            cid = span.concept_ids[0]
            concept = glossary.concept(cid)
            if concept.kind in (Kind.PERSON, Kind.PLACE, Kind.ORG):
                continue
            wanted = _expected(concept, seg.target.lang)
            if any(f" {fold_key(t.text)} " in folded for t in concept.terms):
                continue  # inside a longer term the matcher preferred
            if not wanted or not _is_source_term(
                glossary, cid, span.text, seg.source.lang
            ):
                continue
            best = next((t for t in wanted if t.is_preferred), wanted[0])
            yield finding(
                "term-missing",
                seg,
                "source",
                (span.start, span.end),
                f"“{span.text}” is not translated as “{best.text}”",
                best.text,
                concept_id=cid,
            )


def _same_spelling(a: str, b: str) -> bool:
    return to_old_style(a).casefold() == to_old_style(b).casefold()


def term_forbidden(doc: Document, run: Run) -> Iterator[Finding]:
    """A forbidden or deprecated term, in the source or the target.

    The written form must be the banned term itself (case and tone-mark
    style aside): a folded match that is really an allowed spelling of the
    concept ("Ha Noi" against a banned "Hà Nọi") is not reported.
    """
    glossary = run.glossary
    if glossary is None:
        return
    for side in ("source", "target"):
        for seg, spans in zip(doc.segments, run.spans(doc, side), strict=True):
            fld = seg.target if side == "target" else seg.source
            if fld is None:
                continue
            for span in spans:
                hit = _banned(glossary, span.concept_ids, span.text)
                if hit is None:
                    continue
                term, better, cid = hit
                status = (
                    "forbidden"
                    if term.status is TermStatus.FORBIDDEN
                    else ("deprecated")
                )
                message = f"“{span.text}” is a {status} term"
                if better:
                    message += f"; use “{better}”"
                yield finding(
                    "term-forbidden",
                    seg,
                    side,
                    (span.start, span.end),
                    message,
                    better or None,
                    concept_id=cid,
                )


def _banned(
    glossary: Glossary, concept_ids: tuple[int, ...], text: str
) -> tuple[Term, str, int] | None:
    """The banned term written as `text`, its concept's replacement and id."""
    for cid in concept_ids:
        concept = glossary.concept(cid)
        for term in concept.terms:
            if term.status in _BANNED and _same_spelling(term.text, text):
                return term, _replacement(concept, term.lang), cid
    return None


def _replacement(concept: Concept, lang: str) -> str:
    pool = [t for t in concept.terms if t.lang == lang and t.status not in _BANNED]
    best = next((t for t in pool if t.is_preferred), pool[0] if pool else None)
    return best.text if best else ""
