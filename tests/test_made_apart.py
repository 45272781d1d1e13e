"""made_apart: a list's last items made in a forked child."""

from __future__ import annotations

import multiprocessing

import pytest

from glossary.made_apart import can_fork, made_apart

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork")


def _square(n: int) -> tuple[int, int]:
    return n, n * n


@pytest.mark.parametrize("share", [0.0, 0.3, 0.65, 1.0])
def test_the_items_come_in_order_whoever_made_them(share: float) -> None:
    items = list(range(1000))
    assert list(made_apart(items, _square, share)) == [_square(n) for n in range(1000)]
    assert items == []  # each let go as it was taken


def _fails_at_900(n: int) -> int:
    if n == 900:
        raise ValueError("no 900")
    return n


def test_an_exception_in_the_child_is_raised_where_its_item_is_taken() -> None:
    made = made_apart(list(range(1000)), _fails_at_900, 0.5)
    assert [next(made) for _ in range(900)] == list(range(900))
    with pytest.raises(ValueError, match="no 900"):
        next(made)


def test_closing_early_ends_the_child() -> None:
    made = made_apart(list(range(100_000)), _square, 0.9)
    assert next(made) == (0, 0)
    made.close()  # kills and joins the child: no process is left behind
    assert multiprocessing.active_children() == []
