"""What review actions do to a concept's terms besides the action itself:
keeping one preferred term per language (`glossary.review`'s helpers)."""

from __future__ import annotations

from glossary.errors import NotFoundError
from glossary.model import Concept, Flag, Term, TermStatus, TermType
from glossary.store import TermStore


def term_of(concept: Concept, term_id: int) -> Term:
    for term in concept.terms:
        if term.id == term_id:
            return term
    raise NotFoundError(f"no term {term_id} in concept {concept.id}")


def drop_flag(tb: TermStore, concept_id: int, flag: Flag) -> None:
    flags = tb.concept(concept_id).flags
    if flag in flags:
        tb.update_concept(concept_id, flags=flags - {flag})


def demote_others(tb: TermStore, concept: Concept, keep: int, lang: str) -> None:
    for term in concept.terms:
        if term.id != keep and term.lang == lang and term.is_preferred:
            assert term.id is not None
            tb.update_term(term.id, status=TermStatus.ADMITTED, manual=True)


def promote_next(tb: TermStore, concept_id: int, lang: str) -> None:
    """Give `lang` a preferred term again after its preferred one left; when
    `lang` has none to give and the concept is left with no preferred term
    at all, give it one in another language (`glossary db check` asks)."""
    concept = tb.concept(concept_id)
    if any(t.is_preferred for t in concept.terms if t.lang == lang):
        return
    admitted = [t for t in concept.terms if t.status is TermStatus.ADMITTED]
    pool = [t for t in admitted if t.lang == lang]
    if not pool and not any(t.is_preferred for t in concept.terms):
        pool = admitted
    _prefer_best(tb, pool)


def prefer_one(tb: TermStore, concept_id: int) -> None:
    """Make the best admitted term of a concept with no preferred term
    preferred (after an undo or redo: `TermStore.revert`)."""
    terms = tb.concept(concept_id).terms
    _prefer_best(tb, [t for t in terms if t.status is TermStatus.ADMITTED])


def _prefer_best(tb: TermStore, pool: list[Term]) -> None:
    best = max(
        pool,
        key=lambda t: (t.type is TermType.FULL_FORM, t.count, len(t.text)),
        default=None,
    )
    if best is not None and best.id is not None:
        tb.update_term(best.id, status=TermStatus.PREFERRED)
