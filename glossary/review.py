"""Review use cases over a term base: what the TUI, the CLI and the library call.

Every action runs in one transaction, appends one entry to the review log and
marks what it touched as a reviewer's decision (terms get ``manual=True``;
concepts get an approved/rejected status or a logged edit), so a later
``glossary build`` never undoes it.

`Review` keeps an undo/redo history for one session: each step stores the raw
rows of the concepts it touched before and after (`TermStore.snapshot`). An
undo puts back only the rows and values the step changed (ids included), so
what a build added since stays. Like every action, it is refused once when
someone else changed those concepts since the reviewer saw them; and if
someone changed those same values, it refuses and changes nothing. Each undo
is one transaction and one log entry. The module-level functions are
one-shot shortcuts without history.

Several reviewers may work at once: every change of a concept counts up its
version. `Review.look` remembers the version a reviewer was shown, and an
action on a concept changed since by someone else (another reviewer, a
build) is refused with who changed it and when (`StaleError`); the concept
counts as reloaded, so the same action done again, once the reviewer has
seen the change, goes through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from glossary import review_terms
from glossary.errors import GlossaryError, NotFoundError
from glossary.model import (
    Concept,
    ConceptStatus,
    Flag,
    Kind,
    Term,
    TermFlag,
    TermStatus,
    TermType,
)
from glossary.review_terms import demote_others, drop_flag, promote_next, term_of
from glossary.seen import SeenVersions
from glossary.store import Snapshot, TermStore
from glossary.text import nfc

__all__ = [
    "Review",
    "Step",
    "approve",
    "merge",
    "reject",
    "split",
]


@dataclass(frozen=True, slots=True)
class Step:
    """One review action as undo/redo sees it."""

    action: str
    before: Snapshot
    after: Snapshot
    created: tuple[int, ...] = ()  # concept ids that did not exist before

    @property
    def touched(self) -> tuple[int, ...]:
        return tuple(sorted(set(self.before.concept_ids) | set(self.after.concept_ids)))


class Review:
    """Review actions on one term base, with undo and redo of many steps.

    Args:
        tb: the term base to change; every action commits before returning.
    """

    def __init__(self, tb: TermStore) -> None:
        self.tb = tb
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._seen = SeenVersions(tb)

    def look(self, concept_id: int) -> Concept:
        """The concept as it is now, remembered as what this reviewer has seen.

        Raises:
            NotFoundError: no concept has that id.
        """
        return self._seen.look(concept_id)

    # -- history ---------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Step:
        """Revert the latest step; return it.

        Raises:
            GlossaryError: there is nothing to undo.
            StaleError: someone else changed its concepts since they were seen.
            ConflictError: a value it changed has been changed again since.
        """
        if not self._undo:
            raise GlossaryError("nothing to undo")
        step = self._undo[-1]
        self._replay("undo", step, step.after, step.before)
        self._redo.append(self._undo.pop())
        return step

    def redo(self) -> Step:
        """Apply again the latest undone step; return it.

        Raises:
            GlossaryError: there is nothing to redo.
            StaleError: someone else changed its concepts since they were seen.
            ConflictError: a value it undid has been changed again since.
        """
        if not self._redo:
            raise GlossaryError("nothing to redo")
        step = self._redo[-1]
        self._replay("redo", step, step.before, step.after)
        self._undo.append(self._redo.pop())
        return step

    def _replay(self, action: str, step: Step, done: Snapshot, to: Snapshot) -> None:
        """Turn `step`'s concepts from `done` into `to` in one transaction.

        Refused, as any action, when someone else changed them since this
        reviewer last saw them (`StaleError`); then, when a value the step
        changed differs from `done` (`ConflictError`).
        """
        with self.tb.transaction():
            now = self.tb.snapshot(step.touched)
            self._seen.check(step.touched, now.versions)
            for concept_id in self.tb.revert(done, to, now):
                review_terms.prefer_one(self.tb, concept_id)
            left = self._seen.remember(step.touched)
            self.tb.log(
                action,
                _first(step.touched),
                step=step.action,
                **_left(step.touched, left),
            )

    def _run(
        self,
        action: str,
        concept_ids: Sequence[int],
        body: Callable[[], Sequence[int]],
        term_id: int | None = None,
        **payload: object,
    ) -> Step:
        """Run `body` in one transaction with a log entry; record the step.

        `body` returns the ids of concepts it created. The snapshots also
        give the versions checked before and left after (no query of their
        own: a review action on a server is a few round trips).
        """
        with self.tb.transaction():
            before = self.tb.snapshot(concept_ids)
            missing = [c for c in concept_ids if c not in before.versions]
            if missing:
                raise NotFoundError(f"no concept {missing[0]}")
            if term_id is not None:  # where it is now: where it was seen?
                now = self.tb.concept_of_term(term_id)
                self._seen.check_home(term_id, now, concept_ids[0])
            self._seen.check(concept_ids, before.versions)
            created = tuple(body())
            after = self.tb.snapshot([*concept_ids, *created])
            left = self._seen.remember([*concept_ids, *created], after.versions)
            self.tb.log(
                action,
                _first(concept_ids),
                ids=list(concept_ids),
                **payload,
                **_left([*concept_ids, *created], left),
            )
        step = Step(action, before, after, created)
        self._undo.append(step)
        self._redo.clear()
        return step

    # -- concept actions -------------------------------------------------

    def approve(self, *concept_ids: int) -> Step:
        """Mark concepts approved (one step, however many)."""
        return self._status("approve", concept_ids, ConceptStatus.APPROVED)

    def reject(self, *concept_ids: int) -> Step:
        """Mark concepts rejected: a rebuild never proposes them again."""
        return self._status("reject", concept_ids, ConceptStatus.REJECTED)

    def reset(self, *concept_ids: int) -> Step:
        """Put concepts back to candidate."""
        return self._status("reset", concept_ids, ConceptStatus.CANDIDATE)

    def _status(
        self, action: str, concept_ids: Sequence[int], status: ConceptStatus
    ) -> Step:
        if not concept_ids:
            raise GlossaryError(f"{action}: no concept selected")

        def body() -> list[int]:
            for cid in concept_ids:
                self.tb.update_concept(cid, status=status)
            return []

        return self._run(action, concept_ids, body)

    def set_kind(self, concept_id: int, kind: Kind | str) -> Step:
        """Change what a concept is (person, place, org, title, term, other)."""
        try:
            new = Kind(kind)
        except ValueError:
            raise GlossaryError(
                f"unknown kind {kind!r} (one of {', '.join(Kind)})"
            ) from None

        def body() -> list[int]:
            self.tb.update_concept(concept_id, kind=new)
            return []

        return self._run("kind", [concept_id], body, kind=str(new))

    def set_note(self, concept_id: int, note: str) -> Step:
        """Replace a concept's note."""

        def body() -> list[int]:
            self.tb.update_concept(concept_id, note=nfc(note).strip())
            return []

        return self._run("note", [concept_id], body, note=note)

    def set_entry(
        self,
        concept_id: int,
        *,
        subject: str | None = None,
        definitions: dict[str, str] | None = None,
    ) -> Step:
        """Set a concept's subject field and definitions ("" removes one)."""

        def body() -> list[int]:
            pairs = None
            if definitions is not None:
                now = dict(self.tb.concept(concept_id).definitions)
                now.update({k: nfc(v).strip() for k, v in definitions.items()})
                pairs = sorted((k, v) for k, v in now.items() if v)
            subject_ = None if subject is None else nfc(subject).strip()
            self.tb.update_concept(concept_id, subject=subject_, definitions=pairs)
            return []

        return self._run("entry", [concept_id], body, subject=subject)

    def merge(self, source_id: int, target_id: int) -> Step:
        """Move every term of `source_id` into `target_id`; the source disappears.

        The target keeps its preferred terms; the source's key becomes a
        redirect so a rebuild adds to the target.
        """
        if source_id == target_id:
            raise GlossaryError("cannot merge a concept into itself")

        def body() -> list[int]:
            self.tb.merge(source_id, target_id)
            return []

        return self._run("merge", [source_id, target_id], body, target=target_id)

    def split(self, term_id: int, kind: Kind | str | None = None) -> Step:
        """Move one term off into a new concept of `kind` (None: the source's
        kind); return the step.

        The new concept's id is ``step.created[0]``; its only term becomes
        preferred and manual.
        """
        source_id = self.tb.concept_of_term(term_id)
        source = self.tb.concept(source_id)
        if len(source.terms) < 2:
            raise GlossaryError("cannot split the only term off a concept")
        term = term_of(source, term_id)
        new_kind = source.kind if kind is None else Kind(kind)

        def body() -> list[int]:
            new_id = self.tb.add_concept(
                Concept(kind=new_kind, note=f"split from concept {source_id}")
            )
            self.tb.move_term(term_id, new_id)
            self.tb.update_term(term_id, status=TermStatus.PREFERRED, manual=True)
            if term.is_preferred:
                promote_next(self.tb, source_id, term.lang)
            return [new_id]

        return self._run("split", [source_id], body, term_id, term=term.text)

    def add_concept(
        self,
        kind: Kind | str,
        terms: Sequence[tuple[str, str]],
        *,
        note: str = "",
    ) -> Step:
        """Create a concept from (text, lang) pairs; its id is ``step.created[0]``.

        The first term of each language is preferred; every term is manual.
        """
        try:
            new_kind = Kind(kind)
        except ValueError:
            raise GlossaryError(
                f"unknown kind {kind!r} (one of {', '.join(Kind)})"
            ) from None
        made: list[Term] = []
        for text, lang in terms:
            clean = nfc(text).strip()
            if not clean:
                raise GlossaryError("a term cannot be empty")
            first = not any(t.lang == lang for t in made)
            status = TermStatus.PREFERRED if first else TermStatus.ADMITTED
            made.append(Term(clean, lang, status, TermType.FULL_FORM, manual=True))
        if not made:
            raise GlossaryError("a concept needs at least one term")
        concept = Concept(kind=new_kind, terms=tuple(made), note=nfc(note).strip())

        def body() -> list[int]:
            return [self.tb.add_concept(concept)]

        return self._run("add-concept", [], body, text=made[0].text)

    # -- term actions ----------------------------------------------------

    def add_term(
        self,
        concept_id: int,
        text: str,
        lang: str = "vi",
        *,
        status: TermStatus = TermStatus.ADMITTED,
        type: TermType = TermType.FULL_FORM,
    ) -> Step:
        """Add a term (e.g. a Vietnamese translation) to a concept.

        If the concept has no term in `lang` yet, the new term is preferred.
        """
        text = nfc(text).strip()
        if not text:
            raise GlossaryError("a term cannot be empty")

        def body() -> list[int]:
            concept = self.tb.concept(concept_id)
            first = not any(t.lang == lang for t in concept.terms)
            new_status = TermStatus.PREFERRED if first else status
            term_id = self.tb.add_term(
                concept_id,
                Term(text=text, lang=lang, status=new_status, type=type, manual=True),
            )
            self.tb.update_term(term_id, manual=True)
            if new_status is TermStatus.PREFERRED:
                demote_others(self.tb, concept, term_id, lang)
            if Flag.UNTRANSLATED in concept.flags and lang == "vi":
                # translated now: the build's mark goes
                self.tb.update_concept(
                    concept_id, flags=concept.flags - {Flag.UNTRANSLATED}
                )
            return []

        return self._run("add-term", [concept_id], body, text=text, lang=lang)

    def edit_term(
        self, term_id: int, text: str | None = None, *, lang: str | None = None
    ) -> Step:
        """Correct a term's spelling and/or language."""
        concept_id = self.tb.concept_of_term(term_id)
        if text is not None:
            text = nfc(text).strip()
            if not text:
                raise GlossaryError("a term cannot be empty")

        def body() -> list[int]:
            self.tb.update_term(term_id, text=text, lang=lang, manual=True)
            if text is not None:  # the reviewer fixed the name by hand
                drop_flag(self.tb, concept_id, Flag.UNRESTORED)
            return []

        return self._run(
            "edit-term", [concept_id], body, term_id, term=term_id, text=text
        )

    def set_term_status(self, term_id: int, status: TermStatus | str) -> Step:
        """Set preferred/admitted/deprecated/forbidden.

        Making a term preferred demotes the previous preferred term of the same
        language to admitted.
        """
        try:
            new = TermStatus(status)
        except ValueError:
            raise GlossaryError(
                f"unknown term status {status!r} (one of {', '.join(TermStatus)})"
            ) from None
        concept_id = self.tb.concept_of_term(term_id)

        def body() -> list[int]:
            concept = self.tb.concept(concept_id)
            term = term_of(concept, term_id)
            self.tb.update_term(term_id, status=new, manual=True)
            if new is TermStatus.PREFERRED:
                demote_others(self.tb, concept, term_id, term.lang)
            elif term.is_preferred:
                promote_next(self.tb, concept_id, term.lang)
            return []

        return self._run(
            "term-status", [concept_id], body, term_id, term=term_id, status=str(new)
        )

    def set_term_type(self, term_id: int, type: TermType | str) -> Step:
        """Set fullForm/shortForm/acronym/variant."""
        try:
            new = TermType(type)
        except ValueError:
            raise GlossaryError(f"unknown term type {type!r}") from None
        concept_id = self.tb.concept_of_term(term_id)

        def body() -> list[int]:
            self.tb.update_term(term_id, type=new, manual=True)
            return []

        return self._run(
            "term-type", [concept_id], body, term_id, term=term_id, type=str(new)
        )

    def set_term_details(
        self,
        term_id: int,
        *,
        pos: str | None = None,
        note: str | None = None,
        flags: Iterable[TermFlag | str] | None = None,
    ) -> Step:
        """Set a term's part of speech, note and flags (None leaves one as is)."""
        try:
            new = None if flags is None else frozenset(TermFlag(f) for f in flags)
        except ValueError as e:
            known = ", ".join(TermFlag)
            raise GlossaryError(f"{e} (flags: {known})") from None
        concept_id = self.tb.concept_of_term(term_id)

        def body() -> list[int]:
            text = None if note is None else nfc(note).strip()
            self.tb.update_term(term_id, pos=pos, note=text, flags=new, manual=True)
            return []

        return self._run("term-details", [concept_id], body, term_id, term=term_id)


# -- one-shot shortcuts (no undo history) ---------------------------------


def approve(tb: TermStore, *concept_ids: int) -> None:
    """Approve concepts in one transaction."""
    Review(tb).approve(*concept_ids)


def reject(tb: TermStore, *concept_ids: int) -> None:
    """Reject concepts in one transaction."""
    Review(tb).reject(*concept_ids)


def merge(tb: TermStore, source_id: int, target_id: int) -> None:
    """Merge `source_id` into `target_id` in one transaction."""
    Review(tb).merge(source_id, target_id)


def split(tb: TermStore, term_id: int) -> int:
    """Split a term off into a new concept; return the new concept's id."""
    return Review(tb).split(term_id).created[0]


# -- helpers ---------------------------------------------------------------


def _first(ids: Iterable[int]) -> int | None:
    return next(iter(ids), None)


def _left(touched: Iterable[int], versions: dict[int, int]) -> dict[str, object]:
    """What a step's log entry records of the concepts it touched: the
    versions it left them at, and those it deleted (`glossary db check`
    reads both)."""
    gone = sorted(set(touched) - versions.keys())
    return {"versions": versions, **({"deleted": gone} if gone else {})}
