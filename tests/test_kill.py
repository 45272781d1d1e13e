"""Issue 19's fault tests: a reviewer process killed (SIGKILL) inside an
action's transaction, and the PostgreSQL server killed (`pg_ctl stop -m
immediate`: every server process at once, no checkpoint) while reviewers
work. After either, nothing acknowledged is lost (tests/load_check.py: each
reviewer's records against the review log and the final state), the
killed action left nothing, and the term base passes `glossary db check`.

While the killed reviewer held the write lock, the others waited: on SQLite
for busy_timeout, then the one-line "locked" refusal (the busy path); on
PostgreSQL in bounded steps, each said (a BusyWarning), then on.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from conftest import SEEDS
from load_check import Reviewer, check, start

from glossary.build import build
from glossary.store import open_store, problems

ACTIONS = 30
PAUSE_AT = 5  # the action the paused reviewer stops inside


def _until(reviewers: list[Reviewer], what: str, timeout: float = 120) -> None:
    """Wait until one of `reviewers` has written a record holding `what`."""
    deadline = time.monotonic() + timeout
    while not any(what in r for one in reviewers for r in one.lines()):
        for one in reviewers:
            assert one.process.poll() is None, one.process.communicate()
        assert time.monotonic() < deadline, f"no reviewer wrote {what!r}"
        time.sleep(0.05)


def _kill(reviewer: Reviewer) -> None:
    os.kill(reviewer.process.pid, signal.SIGKILL)
    reviewer.killed = True
    reviewer.wait(timeout=60)
    assert reviewer.process.returncode == -signal.SIGKILL


def _reviewers(db: str, folder: Path) -> list[Reviewer]:
    """r0 stopped inside its action, holding the write lock; r1, r2 at work."""
    with open_store(db) as tb:
        build(tb, [str(SEEDS)])
    paused = start(db, "r0", ACTIONS, 0, folder, pause_at=PAUSE_AT)
    _until([paused], "paused")
    return [paused, *(start(db, f"r{i}", ACTIONS, i, folder) for i in (1, 2))]


def _nothing_of_the_killed_action(db: str, reviewers: list[Reviewer]) -> None:
    outcome = check(db, reviewers)
    # the paused action's log row was written but never committed
    assert [e for e in outcome.unrecorded if e.who == "r0"] == []
    assert outcome.acknowledged > 0
    assert problems(db) == []


@pytest.mark.slow
def test_a_reviewer_killed_mid_action_loses_nothing_acknowledged(
    durable_target: str, tmp_path: Path
) -> None:
    db = durable_target
    reviewers = _reviewers(db, tmp_path)
    # the others wait for the lock: on SQLite until refused, on PostgreSQL
    # saying so (LOCK_WAIT_MS) while they wait
    _until(reviewers[1:], "waited" if db.startswith("postgresql://") else "busy")
    _kill(reviewers[0])
    for reviewer in reviewers[1:]:
        reviewer.wait(timeout=300)
        assert reviewer.process.returncode == 0, reviewer.err
        assert reviewer.err == ""  # no traceback, no lost connection
    summaries = [r.summary for r in reviewers[1:]]
    if db.startswith("postgresql://"):  # waited, and were told so
        assert sum(s["waits"] for s in summaries) >= 1, summaries
    else:  # waited busy_timeout, then the one-line refusal
        assert sum(s["refused"].get("busy", 0) for s in summaries) >= 1, summaries
    _nothing_of_the_killed_action(db, reviewers)
    with open_store(db, user="r9") as tb:  # the lock is free again
        tb.set_meta("after the kill", "written")


@pytest.mark.slow
@pytest.mark.pg
def test_the_server_killed_mid_action_loses_nothing_acknowledged(
    tmp_path: Path,
) -> None:
    pg_cluster = pytest.importorskip("pg_cluster")
    with pg_cluster.throwaway_cluster() as cluster:
        if cluster is None:
            pytest.skip(pg_cluster.HOW_TO_RUN)
        with pg_cluster.fresh_database(cluster.url) as db:
            reviewers = _reviewers(db, tmp_path)
            _until(reviewers[1:], "waited")  # r1 and r2 wait for r0's lock
            cluster.crash()  # r0 inside its transaction, r1 and r2 waiting
            time.sleep(1)
            cluster.start()
            _kill(reviewers[0])  # still asleep inside its lost transaction
            lost = 0
            for reviewer in reviewers[1:]:
                reviewer.wait(timeout=300)
                assert reviewer.process.returncode == 0, reviewer.err
                assert "Traceback" not in reviewer.err
                # each lost connection: one line, then the reviewer reopened
                lines = reviewer.err.splitlines()
                assert all(line.startswith(f"{reviewer.user}: ") for line in lines)
                lost += len(lines)
                uncertain = [r for r in reviewer.lines() if "uncertain" in r]
                assert len(uncertain) == len(lines)
            assert lost >= 1
            _nothing_of_the_killed_action(db, reviewers)
            print(json.dumps([r.summary for r in reviewers[1:]]))
