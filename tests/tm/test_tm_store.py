"""tm.store: schema, duplicates, exact index, candidates and concordance."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glossary.errors import StoreError
from tm.match import decode_tokens, tokenize
from tm.model import Unit
from tm.store import MemoryStore

UNITS = [
    Unit("Open the file", "Mở tập tin"),
    Unit("Open the file", "Mở tập tin", origin="b.po"),
    Unit("Open the file", "Mở tệp"),
    Unit("The People's Committee", "Uỷ ban nhân dân"),
]


def test_duplicates_fold_and_rollback(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path / "tm.db")
    with store.transaction():
        assert store.add_units(UNITS) == 3

    def failing_import() -> None:
        with store.transaction():
            store.add_units([Unit("Close", "Đóng")])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        failing_import()
    assert store.count() == 3
    store.close()
    reopened = MemoryStore(tmp_path / "tm.db")
    assert [u.target for u in reopened.same_folded_source("OPEN THE FILE")] == [
        "Mở tập tin",
        "Mở tệp",
    ]


def test_fts_candidates_and_concordance() -> None:
    store = MemoryStore()
    with store.transaction():
        store.add_units(UNITS)
    assert store.doc_freqs(["open", "nope"]) == {"open": 2}
    assert store.ids_with_all([["open"], ["file", "fle"]], 10) == [1, 2]
    assert [u.target for u in store.concordance(["uy", "ban"], target=True)] == [
        "Uỷ ban nhân dân"
    ]
    assert store.concordance(["ban", "uy"], target=True) == []


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_text("not sqlite at all, just text " * 100)
    with pytest.raises(StoreError):
        MemoryStore(bad)


def test_v2_memory_gains_scoring_tokens(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = MemoryStore(path)
    with store.transaction():
        store.add_units(UNITS)
    store.close()
    # Turn it back into a version-2 file: no toks column, no version 3 row.
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE units DROP COLUMN toks")
    conn.execute("DELETE FROM schema_version WHERE version = 3")
    conn.commit()
    conn.close()
    reopened = MemoryStore(path)
    rows = list(reopened.scoring_rows())
    assert [s for _, s, _ in rows] == [u.source for u in UNITS[:1] + UNITS[2:]]
    assert all(t and decode_tokens(t) == tokenize(s) for _, s, t in rows)
    raw = sqlite3.connect(path).execute("SELECT count(toks) FROM units").fetchone()
    assert raw == (3,)
