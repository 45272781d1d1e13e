"""What the load and fault tests check after reviewer processes
(tests/review_worker.py) ran against one term base: their records against
the review log and the final state.

The review log is in commit order (writers take the term base's lock in
turn). Each reviewer's log entries, in order, are its acknowledged actions
in order; an entry with no record is allowed only where the reviewer lost
its connection (its action may have committed) or was killed. The last
acknowledged fact about a value (by its log entry's place) is the value in
the final state, except where an unrecorded entry may have changed it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary.store import LogEntry, open_store

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).resolve().parent / "review_worker.py"


@dataclass
class Reviewer:
    """One worker process and the file it records its actions in."""

    user: str
    records: Path
    process: subprocess.Popen[str]
    out: str = ""
    err: str = ""
    killed: bool = False

    def wait(self, timeout: float) -> None:
        self.out, self.err = self.process.communicate(timeout=timeout)

    def lines(self) -> list[dict[str, Any]]:
        """The records written, a last partial line (cut by a kill) left out."""
        if not self.records.exists():
            return []
        text = self.records.read_text()
        whole = text if text.endswith("\n") else text.rsplit("\n", 1)[0]
        return [json.loads(line) for line in whole.splitlines() if line]

    @property
    def summary(self) -> dict[str, Any]:
        return dict(json.loads(self.out.splitlines()[-1]))


def start(
    db: str, user: str, actions: int, seed: int, folder: Path, pause_at: int = -1
) -> Reviewer:
    records = folder / f"{user}.jsonl"
    argv = [sys.executable, str(WORKER), db, user, str(actions), str(seed)]
    argv += [str(records)] + ([str(pause_at)] if pause_at >= 0 else [])
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    return Reviewer(user, records, process)


@dataclass
class Outcome:
    """What the records and the log say together."""

    acknowledged: int = 0
    unrecorded: list[LogEntry] = field(default_factory=list)
    checked_values: int = 0


def _named(entry: LogEntry) -> set[int]:
    """Every concept a log entry names (a step may touch more than it logs)."""
    ids = {entry.concept_id} if entry.concept_id is not None else set()
    for key in ("ids", "deleted"):
        ids.update(int(i) for i in entry.payload.get(key, ()))
    if "target" in entry.payload:
        ids.add(int(entry.payload["target"]))
    return ids


def match_log(
    reviewer: Reviewer, log: list[LogEntry]
) -> tuple[dict[int, int], list[LogEntry]]:
    """Each acknowledged record's log entry id, and the reviewer's entries
    no record claims. Fails when an acknowledged action is not in the log."""
    mine = [e for e in log if e.who == reviewer.user]
    acked = [r for r in reviewer.lines() if "action" in r]
    matched: dict[int, int] = {}
    unrecorded: list[LogEntry] = []
    entries = iter(mine)
    for record in acked:
        for entry in entries:
            if (entry.action, entry.concept_id) == (
                record["action"],
                record["concept_id"],
            ):
                matched[record["n"]] = entry.id
                break
            unrecorded.append(entry)
        else:
            raise AssertionError(f"{reviewer.user}: acknowledged {record} not in log")
    unrecorded.extend(entries)
    return matched, unrecorded


def check(db: str, reviewers: list[Reviewer]) -> Outcome:
    """Check the reviewers' records against the log and the final state."""
    with open_store(db, readonly=True, existing=True) as tb:
        log = sorted(tb.history(limit=10**7), key=lambda e: e.id)
        conn = tb._conn  # type: ignore[attr-defined]
        now = {
            ("concepts", r[0]): {"status": r[1], "note": r[2]}
            for r in conn.execute("SELECT id, status, note FROM concepts")
        }
        now.update(
            {
                ("terms", r[0]): {"concept_id": r[1], "text": r[2]}
                for r in conn.execute("SELECT id, concept_id, text FROM terms")
            }
        )
    outcome = Outcome()
    last: dict[tuple[str, int, str], tuple[int, Any, set[int]]] = {}
    for reviewer in reviewers:
        matched, unrecorded = match_log(reviewer, log)
        lines = reviewer.lines()
        uncertain = sum(1 for r in lines if "uncertain" in r)
        allowed = uncertain + (1 if reviewer.killed else 0)
        assert len(unrecorded) <= allowed, (reviewer.user, unrecorded, uncertain)
        outcome.unrecorded += unrecorded
        for record in lines:
            if "action" not in record:
                continue
            outcome.acknowledged += 1
            at = matched[record["n"]]
            touched = {record["concept_id"]} if record["concept_id"] else set()
            for table, pk, name, value in record["facts"]:
                if table == "concepts":
                    touched.add(pk)
                elif name == "concept_id":
                    touched.add(value)
            for table, pk, name, value in record["facts"]:
                key = (table, pk, name)
                if key not in last or last[key][0] < at:
                    last[key] = (at, value, touched)
    unsure = set().union(*(_named(e) for e in outcome.unrecorded))
    for (table, pk, name), (at, value, touched) in sorted(last.items()):
        if touched & unsure:
            continue  # an action that may have committed unrecorded came after
        if last.get((table, pk, "exists"), (0,))[0] > at:
            continue  # the row was deleted (or put back whole) since
        row = now.get((table, pk))
        got = row is not None if name == "exists" else (row or {}).get(name)
        assert got == value, (table, pk, name, value, got, f"log entry {at}")
        outcome.checked_values += 1
    return outcome
