"""A longer name records its parts (issue 14 item 1): store, JSON, TBX, show."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from glossary.build import build
from glossary.cli import main
from glossary.cluster.parts import parts_of
from glossary.exchange import export
from glossary.store import TermBase

TEXT = (
    "Rain hit Tan Yen on Monday. The Tan Yen District People's Committee sent "
    "staff, and the Tan Yen District People's Committee asked for help.\n"
)


def test_parts_are_the_occurrences_inside_another_concepts() -> None:
    rows = [
        ("a", 0, 16, 1, "Tan Yen District", "place"),
        ("a", 0, 16, 3, "Tan Yen District", "org"),  # the same span: no part
        ("a", 0, 7, 2, "Tan Yen", "place"),  # inside 1 and 3
        ("b", 5, 12, 2, "Tan Yen", "place"),  # another document
        ("b", 10, 30, 1, "Tan Yen District", "place"),
        ("b", 10, 17, 4, "Ha Noi", "place"),  # a span inside, but not its text
        ("c", 0, 11, 5, "PM Tan Yen", "person"),  # a person's name has no parts
        ("c", 3, 11, 2, "Tan Yen", "place"),
    ]
    assert parts_of(rows) == {1: (2,), 3: (2,)}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    src = tmp_path / "tan_yen.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "t.db"
    with TermBase(db) as tb:
        build(tb, [str(src)])
    return db


def _ids(db: Path) -> tuple[int, int]:
    with TermBase(db) as tb:
        body = tb.find("Tan Yen District People's Committee")[0]
        place = tb.find("Tan Yen District")[0]
        assert body.id is not None
        assert place.id is not None
        return body.id, place.id


def test_the_body_records_the_district_in_json(built: Path, tmp_path: Path) -> None:
    body, place = _ids(built)
    out = tmp_path / "out.json"
    with TermBase(built) as tb:
        export(tb, out)
    records = {c["id"]: c for c in json.loads(out.read_text())["concepts"]}
    assert records[body]["parts"] == [place]
    assert "parts" not in records[place]


@pytest.mark.parametrize("fmt", ["tbx", "tbx2008"])
def test_tbx_cross_references_the_part_and_validates(
    built: Path, tmp_path: Path, fmt: str
) -> None:
    _body, place = _ids(built)
    out = tmp_path / f"out.{fmt}.tbx"
    with TermBase(built) as tb:
        export(tb, out, format=fmt)
    xml = out.read_text(encoding="utf-8")
    assert f'type="crossReference" target="c{place}"' in xml
    script = SHARED / "standards" / "validate_tbx.py"
    if not script.exists():
        pytest.skip("../shared/standards is missing")
    run = subprocess.run(
        [sys.executable, str(script), str(out)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_show_lists_the_parts(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body, place = _ids(built)
    assert main(["show", "--db", str(built), str(body)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "parts:" in x)
    assert line.startswith("  parts: Tan Yen")
    assert line.endswith(f"(id {place})")
