"""Several reviewer processes and a build on one term base at once (bounded:
a few reviewers, a few dozen actions each, a build of one news corpus).

Every acknowledged action is in the review log under its reviewer, nothing
crashes or deadlocks, and the term base passes `glossary db check`. On
PostgreSQL writers queue on the term base's lock; on SQLite a writer that
waits too long gets the clear "locked" refusal, which counts as refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, SHARED

from glossary.build import build
from glossary.store import open_store, problems

REVIEWERS = 4
ACTIONS = 40
WORKER = Path(__file__).resolve().parent / "review_worker.py"


@pytest.mark.slow
def test_reviewers_and_a_build_at_once(durable_target: str) -> None:
    with open_store(durable_target) as tb:
        build(tb, [str(SEEDS)])
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                durable_target,
                f"r{i}",
                str(ACTIONS),
                str(i),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for i in range(REVIEWERS)
    ]
    with open_store(durable_target, user="build") as tb:
        report = build(tb, [str(SEEDS), str(SHARED / "corpus" / "news-dev")])
    assert report.ok
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        assert "Traceback" not in err
        results.append(json.loads(out))
    with open_store(durable_target, readonly=True) as tb:
        log = tb.history(limit=100_000)
    for i, result in enumerate(results):
        mine = [e for e in log if e.who == f"r{i}"]
        assert len(mine) == sum(result["done"].values()), result
        assert sum(result["done"].values()) + result["refused"] > 0
    assert sum(sum(r["done"].values()) for r in results) > REVIEWERS * ACTIONS // 4
    assert problems(durable_target) == []
