"""CSV: UTF-8, a header, one row per term, the concept id in a column."""

from __future__ import annotations

import csv as std_csv
import io

import pytest
from conftest import DATA, SAMPLE_CONCEPTS

from glossary.errors import InputError
from glossary.formats import csv
from glossary.model import Kind, TermStatus


def dumped() -> bytes:
    out = io.BytesIO()
    csv.dump(SAMPLE_CONCEPTS, out)
    return out.getvalue()


def test_header_and_one_row_per_term() -> None:
    rows = list(std_csv.DictReader(io.StringIO(dumped().decode("utf-8"))))
    assert tuple(rows[0]) == csv.COLUMNS
    assert len(rows) == sum(len(c.terms) for c in SAMPLE_CONCEPTS)
    pm = [r for r in rows if r["id"] == "c7"]
    assert [(r["lang"], r["term"], r["status"]) for r in pm] == [
        ("en", "Prime Minister", "preferred"),
        ("en", "PM", "admitted"),
        ("vi", "Thủ tướng", "preferred"),
    ]


def test_a_minimal_spreadsheet_imports() -> None:
    data = "id,lang,term\nA,en,Prime Minister\nA,vi,Thủ tướng\nB,en,Hanoi\n"
    concepts = csv.load(io.BytesIO(data.encode()), path="s.csv")
    assert [len(c.terms) for c in concepts] == [2, 1]
    assert concepts[0].kind is Kind.TERM
    assert concepts[0].terms[1].status is TermStatus.ADMITTED


def test_text_is_nfc_on_the_way_in() -> None:
    decomposed = "Ha\u0300 Nô\u0323i"
    data = f"id,lang,term\nc1,vi,{decomposed}\n".encode()
    (concept,) = csv.load(io.BytesIO(data), path="n.csv")
    assert concept.terms[0].text == "Hà Nội"


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("missing_columns.csv", 1, "missing column(s): lang, term"),
        ("wrong_encoding.csv", 3, "not valid UTF-8"),
        ("bad_status.csv", 3, "bad row: 'best' is not a valid TermStatus"),
    ],
)
def test_broken_files(name: str, line: int, message: str) -> None:
    path = DATA / "csv" / name
    with pytest.raises(InputError) as err:
        csv.load(io.BytesIO(path.read_bytes()), path=str(path))
    assert str(err.value) == f"{path}:{line}: {message}"


def test_short_row_is_reported_with_its_line() -> None:
    data = b"id,lang,term,status\nc1,en,Prime Minister,preferred\nc1,vi\n"
    with pytest.raises(InputError, match=r"^s\.csv:3: bad row"):
        csv.load(io.BytesIO(data), path="s.csv")
