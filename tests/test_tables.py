"""glossary.names.tables: derived tables kept on disk between runs."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import glossary.extract.vi_lexicon
import glossary.names.places
import glossary.names.vi_words
import glossary.names.world
from glossary.names import tables


def test_every_kept_table_reads_back_as_worked_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE", str(tmp_path))
    assert len(tables.KEPT) >= 18
    for name, make in tables.KEPT.items():
        made = tables.read_or_make(name, make)  # worked out, then kept
        assert len(list(tmp_path.glob(f"{name}-{16 * '?'}.pickle"))) == 1, name

        def fail() -> object:
            raise AssertionError("read from disk, not worked out")

        assert tables.read_or_make(name, fail) == made == make(), name


def test_the_loaders_give_the_kept_tables() -> None:
    dictionary = glossary.names.vi_words.dictionary_words()
    assert "chủ tịch" in dictionary
    assert dictionary == tables.KEPT["vi-dictionary"]()
    assert glossary.names.places.is_unit_name("Dang Xa")


def test_a_changed_input_file_changes_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sub").mkdir()
    source = tmp_path / "sub" / "loader.py"
    source.write_text("x = 1\n")
    monkeypatch.setattr(tables, "_PACKAGE", tmp_path)
    before = tables.digest()
    assert tables.digest() == before
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "loader.pyc").write_bytes(b"")
    assert tables.digest() == before  # compiled files are not inputs
    source.write_text("x = 22\n")
    assert tables.digest() != before
    changed = tables.digest()
    os.utime(source, ns=(0, 0))
    assert tables.digest() != changed


def test_off_or_unwritable_works_tables_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE", "off")
    assert tables.cache_directory() is None
    assert tables.read_or_make("t", lambda: {"a": 1}) == {"a": 1}
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    monkeypatch.setenv("GLOSSARY_CACHE", str(not_a_directory))
    assert tables.read_or_make("t", lambda: {"a": 2}) == {"a": 2}


def test_a_file_cut_short_is_worked_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE", str(tmp_path))
    assert tables.read_or_make("t", lambda: list(range(1000))) == list(range(1000))
    (path,) = tmp_path.glob("t-*.pickle")
    path.write_bytes(pickle.dumps(list(range(1000)))[:100])
    assert tables.read_or_make("t", lambda: [1]) == [1]
    assert tables.read_or_make("t", lambda: [2]) == [1]  # kept again, whole


def test_old_versions_are_forgotten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE", str(tmp_path))
    for n in range(12):
        old = tmp_path / f"t-{n:016x}.pickle"
        old.write_bytes(b"")
        os.utime(old, ns=(n, n))
    other = tmp_path / "t-x-0000000000000000.pickle"  # table "t-x"
    other.write_bytes(b"")
    os.utime(other, ns=(0, 0))
    tables.read_or_make("t", lambda: 1)
    assert len(list(tmp_path.glob("t-????????????????.pickle"))) == 8
    assert not (tmp_path / "t-0000000000000000.pickle").exists()
    assert other.exists()


class _DiskFull:
    def __reduce__(self) -> tuple[object, ...]:
        raise OSError(28, "No space left on device")


def test_a_failed_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE", str(tmp_path))
    value = [_DiskFull()]
    assert tables.read_or_make("t", lambda: value) is value  # worked out, not kept
    assert list(tmp_path.iterdir()) == []
