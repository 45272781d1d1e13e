"""The TUI's tests run on SQLite only: the screens never see the engine, and
the store's own tests run on both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import fill_sample

from glossary.store import TermBase


@pytest.fixture
def termbase() -> Iterator[TermBase]:
    """An empty in-memory term base."""
    tb = TermBase(":memory:")
    yield tb
    tb.close()


@pytest.fixture
def sample_termbase() -> Iterator[TermBase]:
    """The small hand-made term base, in memory."""
    tb = TermBase(":memory:")
    fill_sample(tb)
    yield tb
    tb.close()
