"""Every importer on mutated valid files: it imports, or says one line and exit 2.

The valid samples are this project's own exports (and the interop
fixtures); hypothesis mutates them (truncation, byte flips, other
encodings, deep nesting, huge numbers, NUL bytes) and the CLI runs on each.
A refused file leaves the database byte-identical; no run shows a traceback.
Examples are bounded (25 a test) so that the file runs in about 20 s;
FUZZ_EXAMPLES=400 runs a longer search by hand.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, fill_sample
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import exchange
from glossary.cli import main as glossary_main
from glossary.store import TermBase
from tm.cli import main as tm_main

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))

Mutation = tuple[str, int, int]


def _truncate(data: bytes, at: int, _: int) -> bytes:
    return data[: at % (len(data) + 1)]


def _flip(data: bytes, at: int, value: int) -> bytes:
    if not data:
        return data
    i = at % len(data)
    return data[:i] + bytes([value % 256]) + data[i + 1 :]


def _reencode(data: bytes, at: int, _: int) -> bytes:
    text = data.decode("utf-8", "replace")
    codec = ("utf-16", "utf-32", "latin-1", "cp1251")[at % 4]
    return text.encode(codec, "replace")


def _nest(data: bytes, at: int, depth: int) -> bytes:
    """Deep nesting where the format nests: brackets, elements, quotes."""
    depth = 1000 + depth * 40
    i = at % (len(data) + 1)
    filler = {
        0: b"[" * depth,
        1: b"<a>" * depth,
        2: b'"' * depth,
    }[at % 3]
    return data[:i] + filler + data[i:]


def _huge(data: bytes, at: int, _: int) -> bytes:
    """Every number (ids, counts, MO offsets as text) made enormous."""
    big = (b"9" * (25 + at % 5000), b"1e999", b"-1")[at % 3]
    return re.sub(rb"\d+", big, data, count=1 + at % 4)


def _nul(data: bytes, at: int, _: int) -> bytes:
    i = at % (len(data) + 1)
    return data[:i] + b"\x00" + data[i:]


MUTATIONS: dict[str, Callable[[bytes, int, int], bytes]] = {
    "truncate": _truncate,
    "flip": _flip,
    "reencode": _reencode,
    "nest": _nest,
    "huge": _huge,
    "nul": _nul,
}
mutations = st.tuples(
    st.sampled_from(sorted(MUTATIONS)),
    st.integers(min_value=0, max_value=1_000_000),
    st.integers(min_value=0, max_value=255),
)


def _mutate(data: bytes, mutation: Mutation) -> bytes:
    name, at, value = mutation
    return MUTATIONS[name](data, at, value)


class _Samples(dict[str, bytes]):
    """The sample files, shown by name only: hypothesis prints a failing
    example's arguments, and the files' bytes would bury the failure."""

    def __repr__(self) -> str:
        return f"<samples {sorted(self)}>"


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """One valid file per glossary format: exports of the sample term base."""
    out = tmp_path_factory.mktemp("samples")
    found = _Samples()
    with TermBase() as tb:
        fill_sample(tb)
        for fmt, ext in (
            ("tbx", "tbx"),
            ("tbx2008", "tbx"),
            ("po", "po"),
            ("csv", "csv"),
            ("tsv", "tsv"),
            ("json", "json"),
        ):
            path = out / f"{fmt}.{ext}"
            exchange.export(tb, path, format=fmt)
            found[fmt] = path.read_bytes()
    found["ntig"] = (DATA / "tbx" / "lisa_ntig_2008.tbx").read_bytes()
    return found


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "g.db"
    with TermBase(path) as tb:
        fill_sample(tb)
    return path


def _check_run(status: int, err: str, before: bytes, db: Path) -> None:
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if ": error: " in line]
    if status == 0:
        assert not errors
        return
    assert status == 2, err
    assert len(errors) == 1, err
    assert err.splitlines()[-1] == errors[0]
    assert db.read_bytes() == before  # nothing written


GLOSSARY_FORMATS = ["tbx", "tbx2008", "po", "csv", "tsv", "json", "ntig"]


@pytest.mark.parametrize("fmt", GLOSSARY_FORMATS)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(mutation=mutations)
def test_glossary_import_survives_mutations(
    fmt: str,
    mutation: Mutation,
    samples: dict[str, bytes],
    base: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / f"{fmt}.db"
    shutil.copy(base, db)
    before = db.read_bytes()
    ext = {"tbx2008": "tbx", "ntig": "tbx"}.get(fmt, fmt)
    src = tmp_path / f"in.{ext}"
    src.write_bytes(_mutate(samples[fmt], mutation))
    capsys.readouterr()
    status = glossary_main(["import", "--db", str(db), "--lang", "vi", str(src)])
    _check_run(status, capsys.readouterr().err, before, db)


TM_SAMPLES = {
    "tmx": DATA / "tm" / "good.tmx",
    "multi.tmx": DATA / "tm" / "multilingual.tmx",
    "po": DATA / "tm" / "small.po",
    "csv": DATA / "tm" / "good.tsv",
}


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tm") / "tm.db"
    assert tm_main(["import", str(DATA / "tm" / "good.tsv"), "--db", str(path)]) == 0
    return path


def _tm_run(
    data: bytes,
    ext: str,
    memory: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "tm.db"
    shutil.copy(memory, db)
    before = db.read_bytes()
    src = tmp_path / f"in.{ext}"
    src.write_bytes(data)
    capsys.readouterr()
    status = tm_main(["import", str(src), "--db", str(db), "--tgt", "vi"])
    _check_run(status, capsys.readouterr().err, before, db)


@pytest.mark.parametrize("name", sorted(TM_SAMPLES))
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(mutation=mutations)
def test_tm_import_survives_mutations(
    name: str,
    mutation: Mutation,
    memory: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _mutate(TM_SAMPLES[name].read_bytes(), mutation)
    _tm_run(data, name.rpartition(".")[2], memory, tmp_path, capsys)


@settings(
    max_examples=EXAMPLES * 2,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(mutation=mutations)
def test_tm_import_survives_mutated_mo_files(
    mutation: Mutation,
    small_mo_bytes: bytes,
    memory: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name, at, value = mutation
    data = _mutate(small_mo_bytes, ("flip" if name == "reencode" else name, at, value))
    _tm_run(data, "mo", memory, tmp_path, capsys)


@pytest.fixture(scope="module")
def small_mo_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    import polib

    catalog = polib.pofile(str(DATA / "tm" / "small.po"))
    path = tmp_path_factory.mktemp("mo") / "small.mo"
    catalog.save_as_mofile(str(path))
    return path.read_bytes()
