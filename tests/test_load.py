"""Issue 19's load test: reviewer processes taking random review actions
(approve, reject, edit, merge, split, undo) while a build of generated
English news (as `python -m bench build` makes it) runs against the same
term base, on both engines.

Every acknowledged action is in the review log under its reviewer and in
its order, and the value it left is in the final state unless a later
logged action changed it (tests/load_check.py); no process prints a
traceback, the build succeeds, and the term base passes `glossary db check`.
No lock wait lasts: on PostgreSQL writers queue on the term base's lock and
a reviewer kept waiting is told so while it waits; on SQLite a writer that
waits too long gets the one-line "locked" refusal, which the reviewer counts
(the busy path: tests/test_kill.py shows it alone).

Size: the issue's, 8 reviewers x 1,000 actions during a 10 MB build, in
`make test` (70 s for both engines on a quiet machine, ~5 min at load 10-15).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from load_check import Reviewer, check, start

from glossary.build import build
from glossary.store import open_store, problems

REVIEWERS = 8
ACTIONS, MEGABYTES = 1000, 10.0  # per reviewer; generated English built


def generated_corpus(folder: Path, megabytes: float) -> Path:
    """`megabytes` of generated English articles, as `bench build` makes them."""
    folder.mkdir()
    make = (
        "import sys, pathlib; from bench.bench_build import generate; "
        "generate(pathlib.Path(sys.argv[1]), float(sys.argv[2]))"
    )
    argv = [sys.executable, "-c", make, str(folder), str(megabytes)]
    subprocess.run(argv, cwd=ROOT, check=True)
    return folder


def reviewers_during_a_build(
    db: str, tmp_path: Path, actions: int, megabytes: float
) -> list[Reviewer]:
    corpus = generated_corpus(tmp_path / "corpus", megabytes)
    with open_store(db) as tb:
        build(tb, [str(SEEDS)])
    reviewers = [start(db, f"r{i}", actions, i, tmp_path) for i in range(REVIEWERS)]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from glossary.cli import main; sys.exit(main())",
            "build",
            str(SEEDS),
            str(corpus),
            "--db",
            db,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    for reviewer in reviewers:
        reviewer.wait(timeout=900)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return reviewers


def _check(db: str, reviewers: list[Reviewer], actions: int) -> None:
    for reviewer in reviewers:
        assert reviewer.process.returncode == 0, reviewer.err
        assert "Traceback" not in reviewer.err
        assert not reviewer.err, reviewer.err
    outcome = check(db, reviewers)
    assert outcome.unrecorded == []
    summaries = [r.summary for r in reviewers]
    assert outcome.acknowledged == sum(s["done"] for s in summaries)
    assert outcome.acknowledged > REVIEWERS * actions // 5, summaries
    # distinct values whose last acknowledged setting is checked (later
    # actions on the same concepts replace earlier ones)
    assert outcome.checked_values >= 50, outcome
    assert problems(db) == []


@pytest.mark.slow
def test_reviewers_during_a_build(durable_target: str, tmp_path: Path) -> None:
    reviewers = reviewers_during_a_build(durable_target, tmp_path, ACTIONS, MEGABYTES)
    _check(durable_target, reviewers, ACTIONS)
