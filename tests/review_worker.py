"""One reviewer process of the load and fault tests (tests/test_load.py,
tests/test_kill.py): random review actions on a shared term base.

Usage: python tests/review_worker.py DB USER ACTIONS SEED RECORDS [PAUSE_AT]

Each acknowledged action (the call returned: committed) is appended at once
to RECORDS as one JSON line: its number, the log entry it must have made
(action, concept) and its facts, the values it left in the rows it changed
(concept status, note, existence; term concept, text, existence), which the
test checks against the final state and the review log. An action that
fails with the connection lost is written as "uncertain" (it may have
committed), and the worker reopens the term base and goes on.

With PAUSE_AT, action number PAUSE_AT writes {"paused": n} once its log row
is written, inside its transaction, and sleeps there: the test kills this
process or the server then.

A "locked" refusal (SQLite's busy path) is written as {"busy": true}, each
wait the store says it makes (PostgreSQL's BusyWarning) as {"waited": ...}.
At the end it prints how many actions were acknowledged and refused (by
kind) and how many waits were said.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import sys
import time
import warnings
from typing import Any

from glossary.errors import ConflictError, GlossaryError, NotFoundError, StoreError
from glossary.review import Review, Step
from glossary.store import Snapshot, TermStore, open_store

ACTIONS = ("approve", "reject", "edit", "merge", "split", "undo")
TRACKED = {"concepts": ("status", "note"), "terms": ("concept_id", "text")}
BUSY = ("locked", "busy")  # a writer waited too long: a clear refusal


class Records:
    """RECORDS, one JSON line a write: a kill leaves every line before it whole."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def write(self, record: dict[str, Any]) -> None:
        os.write(self.fd, (json.dumps(record) + "\n").encode())


def facts(tb: TermStore, done: Snapshot, result: Snapshot) -> list[list[Any]]:
    """[table, id, field, value] for every tracked value that differs between
    the snapshots `done` and `result`, as it is in `result` (field "exists"
    for rows one of them lacks)."""
    out: list[list[Any]] = []
    for table, fields in TRACKED.items():
        columns = tb._columns(table)  # type: ignore[attr-defined]
        where = [columns.index(f) for f in fields]
        old = {r[0]: r for r in done.rows.get(table, [])}
        new = {r[0]: r for r in result.rows.get(table, [])}
        for pk in sorted(old.keys() | new.keys()):
            if pk not in new:
                out.append([table, pk, "exists", False])
                continue
            if pk not in old:
                out.append([table, pk, "exists", True])
            for field, i in zip(fields, where, strict=True):
                if pk not in old or old[pk][i] != new[pk][i]:
                    out.append([table, pk, field, new[pk][i]])
    return out


class Reviewer:
    def __init__(self, db: str, user: str, seed: int, records: Records) -> None:
        self.db, self.user, self.records = db, user, records
        self.rng = random.Random(seed)
        self.refused: dict[str, int] = {}
        self.done = 0
        self.pause_at = -1
        self.waits = 0
        self.cid = 0
        self.open()

    def open(self) -> None:
        self.tb = open_store(self.db, existing=True, user=self.user)
        self.review = Review(self.tb)
        self.ids: list[int] = []

    def reopen(self) -> None:
        """After the connection was lost: try again for up to a minute."""
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(GlossaryError):
                self.tb.close()
            try:
                self.open()
                return
            except StoreError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def pick(self) -> int:
        return self.rng.choice(self.ids)

    def act(self, n: int) -> None:
        action = self.rng.choice(ACTIONS)
        if n == self.pause_at:
            self._pause_in_log(n)
        try:
            if n % 25 == 0 or not self.ids:
                self.ids = sorted(set(self.tb.concept_ids_by_key().values()))
            step = self._do(action, n)
        except StoreError as e:
            if not any(word in str(e) for word in BUSY):
                self.records.write({"n": n, "uncertain": str(e)})
                print(f"{self.user}: {e}", file=sys.stderr)
                self.reopen()
                return
            self._refuse("busy")
            return
        except (ConflictError, NotFoundError) as e:
            self._refuse(type(e).__name__)  # changed since, or gone: nothing written
            return
        except GlossaryError as e:
            self._refuse(str(e).split(":")[0])
            return
        if step is None:
            return
        undo = action == "undo"
        done, result = (step.after, step.before) if undo else (step.before, step.after)
        self.records.write(
            {
                "n": n,
                "action": "undo" if undo else step.action,
                "concept_id": step.touched[0] if undo else self.cid,
                "facts": facts(self.tb, done, result),
            }
        )
        self.done += 1

    def _do(self, action: str, n: int) -> Step | None:
        r = self.review
        if action == "undo":
            return r.undo() if r.can_undo else None
        cid = self.cid = self.pick()  # the concept its log entry names
        concept = r.look(cid)
        if action == "approve":
            return r.approve(cid)
        if action == "reject":
            return r.reject(cid)
        if action == "edit":
            if self.rng.random() < 0.5:
                return r.set_note(cid, f"{self.user} {n}")
            term = self.rng.choice(concept.terms)
            assert term.id is not None
            return r.edit_term(term.id, f"{term.text} {self.user}-{n}")
        if action == "merge":
            other = self.pick()
            r.look(other)
            return r.merge(cid, other)
        term = self.rng.choice(concept.terms)
        assert term.id is not None
        return r.split(term.id)

    def _refuse(self, why: str) -> None:
        self.refused[why] = self.refused.get(why, 0) + 1
        if why == "busy":  # the test waits for it (tests/test_kill.py)
            self.records.write({"busy": True})

    def waited(
        self,
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        """A BusyWarning: the store said it waits for another's write."""
        self.waits += 1
        self.records.write({"waited": str(message)})

    def _pause_in_log(self, n: int) -> None:
        """Make action `n` stop inside its transaction, after its log row."""
        tb, log = self.tb, self.tb.log

        def paused(action: str, concept_id: int | None, **payload: Any) -> None:
            log(action, concept_id, **payload)
            self.records.write({"paused": n})
            time.sleep(600)

        tb.log = paused  # type: ignore[method-assign]


def main(argv: list[str]) -> None:
    db, user, actions, seed, path = argv[:5]
    reviewer = Reviewer(db, user, int(seed), Records(path))
    if len(argv) > 5:
        reviewer.pause_at = int(argv[5])
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = reviewer.waited
        for n in range(int(actions)):
            reviewer.act(n)
    reviewer.tb.close()
    summary = {
        "done": reviewer.done,
        "refused": reviewer.refused,
        "waits": reviewer.waits,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main(sys.argv[1:])
