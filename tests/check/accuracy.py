"""Precision and recall of every check on the labelled set (tests/data/check/labelled).

The set and its labels are written by tools/make_check_set.py; the test
suite and `python -m bench check` both score it with `score`.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from glossary.api import Glossary
from glossary.check import CHECKS, select
from glossary.check_service import check_files

LABELLED = Path(__file__).resolve().parents[1] / "data" / "check" / "labelled"


def score(root: Path = LABELLED) -> dict[str, tuple[int, int, int, int]]:
    """Per check: (seeded errors, true positives, false positives, false negatives).

    A finding counts when its file, line and check match a label; each file
    is checked with the checks its label names.
    """
    records = json.loads((root / "termbase.json").read_text(encoding="utf-8"))
    glossary = Glossary.from_records(records)
    labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))["files"]
    totals = {c.name: [0, 0, 0, 0] for c in CHECKS}
    for name, label in labels.items():
        report = check_files([str(root / name)], glossary, select(label["checks"]))
        found = Counter((f.check, f.line) for f in report.findings)
        wanted = Counter((check, line) for check, line in label["expected"])
        for (check, _), n in (wanted & found).items():
            totals[check][1] += n
        for (check, _), n in (found - wanted).items():
            totals[check][2] += n
        for (check, _), n in (wanted - found).items():
            totals[check][3] += n
        if not name.startswith("controls/"):
            for check, _ in label["expected"]:
                totals[check][0] += 1
    return {k: (v[0], v[1], v[2], v[3]) for k, v in totals.items()}


def table(scores: dict[str, tuple[int, int, int, int]]) -> str:
    """The Markdown table of BENCHMARKS.md."""
    rows = [
        "| check | seeded | true pos. | false pos. | missed | precision | recall |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for check, (seeded, tp, fp, fn) in scores.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        cells = [check, seeded, tp, fp, fn, f"{precision:.3f}", f"{recall:.3f}"]
        rows.append("| " + " | ".join(map(str, cells)) + " |")
    return "\n".join(rows)
