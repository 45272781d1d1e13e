"""What each reviewer has seen: several reviewers at once lose no decision.

Every change of a concept counts up its version (the store does it). A
reviewer's `SeenVersions` remembers the version each concept had when it was
shown (`look`) or when the reviewer's own step left it (`remember`); an
action on a concept someone else changed since is refused (`check`), naming
who and when, and the concept counts as shown again: the same action, done
once the reviewer has seen the change, goes through.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from glossary.errors import StaleError
from glossary.model import Concept
from glossary.store import TermStore, Version


class SeenVersions:
    """The concept versions one reviewer has seen, over one term base."""

    def __init__(self, tb: TermStore) -> None:
        self.tb = tb
        self._seen: dict[int, int] = {}  # concept id -> version last seen
        self._homes: dict[int, int] = {}  # term id -> concept it was seen in

    def look(self, concept_id: int) -> Concept:
        """The concept as it is now, remembered as seen.

        Raises:
            NotFoundError: no concept has that id.
        """
        version = self.tb.concept_versions([concept_id]).get(concept_id)
        concept = self.tb.concept(concept_id)  # after the version: never newer
        if version is not None:
            self._seen[concept_id] = version.number
        self._homes.update((t.id, concept_id) for t in concept.terms if t.id)
        return concept

    def check_home(self, term_id: int, now: int, expected: int) -> None:
        """Refuse to act on a term that has moved to concept `now` since it
        was seen elsewhere (or since the action found it in `expected`): a
        merge or split by someone else. Inside the action's transaction.

        Raises:
            StaleError: naming both concepts; the term counts as seen in `now`.
        """
        was = self._homes.get(term_id, expected)
        self._homes[term_id] = now
        if now == was and now == expected:
            return
        version = self.tb.concept_versions([now]).get(now)
        by = f" by {version.by or 'someone'} at {_when(version.at)}" if version else ""
        raise StaleError(
            f"term {term_id} was moved from concept {was} to concept {now}{by}; "
            "reloaded",
            tuple(sorted({was, now})),
        )

    def check(
        self, concept_ids: Iterable[int], now: dict[int, Version] | None = None
    ) -> None:
        """Refuse to act on concepts changed since they were seen (call it
        inside the action's transaction, which holds the write lock).

        Args:
            concept_ids: the concepts the action is about.
            now: their versions as read in that transaction (None: read them).

        Raises:
            StaleError: naming who changed which and when; they count as seen
                again now.
        """
        seen = [c for c in concept_ids if c in self._seen]
        if now is None:
            now = self.tb.concept_versions(seen)
        stale = {c: now[c] for c in seen if c in now and now[c].number != self._seen[c]}
        if not stale:
            return
        for cid, version in stale.items():
            self._seen[cid] = version.number
        changes = "; ".join(
            f"concept {cid} was changed by {v.by or 'someone'} at {_when(v.at)}"
            for cid, v in sorted(stale.items())
        )
        raise StaleError(f"{changes}; reloaded", tuple(sorted(stale)))

    def remember(
        self, concept_ids: Iterable[int], now: dict[int, Version] | None = None
    ) -> dict[int, int]:
        """The versions the reviewer's own step left (inside its transaction,
        after it; `now`: as read then, None: read them); returns them
        (concepts it deleted are not among them)."""
        ids = set(concept_ids)
        if now is None:
            now = self.tb.concept_versions(ids)
        left = {cid: v.number for cid, v in now.items() if cid in ids}
        self._seen.update(left)
        return left


def _when(at: float) -> str:
    """A change's time as a reviewer reads it (local time)."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))
