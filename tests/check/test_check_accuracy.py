"""Every check meets precision and recall ≥ 0.95 on the labelled set."""

from __future__ import annotations

import pytest

from glossary.check import CHECKS

from .accuracy import score


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[int, int, int, int]]:
    return score()


def test_the_set_has_200_seeded_errors_of_every_kind(
    scores: dict[str, tuple[int, int, int, int]],
) -> None:
    assert sum(s[0] for s in scores.values()) >= 200
    assert all(scores[c.name][0] >= 20 for c in CHECKS)


@pytest.mark.parametrize("check", [c.name for c in CHECKS])
def test_precision_and_recall(
    scores: dict[str, tuple[int, int, int, int]], check: str
) -> None:
    _, tp, fp, fn = scores[check]
    assert tp / (tp + fp) >= 0.95, f"{check}: {fp} false positives"
    assert tp / (tp + fn) >= 0.95, f"{check}: {fn} missed"
