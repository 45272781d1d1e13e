"""CSV: one row per concept that translate-toolkit and Weblate read as a pair;
the simple forms other tools write; spreadsheet-safe cells."""

from __future__ import annotations

import csv as std_csv
import io

import pytest
from conftest import DATA, SAMPLE_CONCEPTS

from glossary.errors import InputError
from glossary.formats import csv
from glossary.model import Concept, ConceptStatus, Kind, Term, TermStatus, TermType

P, F, D = TermStatus.PREFERRED, TermStatus.FORBIDDEN, TermStatus.DEPRECATED
FORBIDDEN_PM = Concept(
    kind=Kind.TITLE,
    id=99,
    status=ConceptStatus.APPROVED,
    terms=(
        Term("Prime Minister", "en", P, TermType.FULL_FORM),
        Term("Thủ Tướng Chính Phủ", "vi", F, TermType.FULL_FORM),
        Term("Thủ tướng", "vi", TermStatus.ADMITTED, TermType.FULL_FORM),
        Term("Premier", "en", D, TermType.VARIANT),
    ),
)


def dumped(concepts: tuple[Concept, ...] = SAMPLE_CONCEPTS) -> str:
    out = io.BytesIO()
    csv.dump(concepts, out)
    return out.getvalue().decode("utf-8")


def rows(text: str) -> list[dict[str, str]]:
    return list(std_csv.DictReader(io.StringIO(text, newline="")))


def test_header_and_one_row_per_concept() -> None:
    table = rows(dumped())
    assert tuple(table[0]) == csv.COLUMNS
    assert len(table) == len(SAMPLE_CONCEPTS)
    pm = next(r for r in table if r["id"] == "c7")
    assert (pm["source"], pm["target"], pm["fuzzy"]) == (
        "Prime Minister",
        "Thủ tướng",
        "False",
    )
    assert pm["translator_comments"].splitlines() == [
        "en preferred fullForm: Prime Minister",
        "en admitted acronym: PM",
        "vi preferred fullForm: Thủ tướng",
    ]


def test_forbidden_and_deprecated_terms_are_never_source_or_target() -> None:
    (row,) = rows(dumped((FORBIDDEN_PM,)))
    assert (row["source"], row["target"]) == ("Prime Minister", "Thủ tướng")
    assert "vi forbidden fullForm: Thủ Tướng Chính Phủ" in row["translator_comments"]
    (back,) = csv.load(io.BytesIO(dumped((FORBIDDEN_PM,)).encode()), path="f.csv")
    statuses = {t.text: t.status for t in back.terms}
    assert statuses["Thủ Tướng Chính Phủ"] is F
    assert statuses["Premier"] is D
    # what the file offered was the term already picked: nothing changes
    assert back.terms == FORBIDDEN_PM.terms


def test_weblate_glossary_csv_imports() -> None:
    data = (
        '"location","source","target","id","fuzzy","context",'
        '"translator_comments","developer_comments"\r\n'
        '"","Prime Minister","Thủ tướng","","False","","head of government",""\r\n'
        '"","Hanoi","","","True","","",""\r\n'
    )
    concepts = csv.load(io.BytesIO(data.encode()), path="weblate.csv")
    assert [(c.label, c.status, c.note) for c in concepts] == [
        ("Prime Minister", ConceptStatus.CANDIDATE, "head of government"),
        ("Hanoi", ConceptStatus.CANDIDATE, ""),
    ]
    assert [t.text for t in concepts[0].terms] == ["Prime Minister", "Thủ tướng"]
    assert all(t.is_preferred for t in concepts[0].terms)


@pytest.mark.parametrize(
    "data",
    [
        "en,vi\nPrime Minister,Thủ tướng\nHanoi,Hà Nội\n",
        "Term,Translation,Comment\nPrime Minister,Thủ tướng,\nHanoi,Hà Nội,\n",
        "Prime Minister,Thủ tướng\nHanoi,Hà Nội\n",  # no header
        "Prime Minister\tThủ tướng\nHanoi\tHà Nội\tcapital\n",  # OmegaT's TSV
    ],
)
def test_a_two_column_spreadsheet_imports(data: str) -> None:
    concepts = csv.load(io.BytesIO(data.encode()), path="s.csv")
    pairs = [(c.preferred("en"), c.preferred("vi")) for c in concepts]
    assert [(e.text, v.text) for e, v in pairs if e and v] == [
        ("Prime Minister", "Thủ tướng"),
        ("Hanoi", "Hà Nội"),
    ]
    assert all(c.kind is Kind.TERM for c in concepts)


def test_text_is_nfc_on_the_way_in() -> None:
    decomposed = "Ha\u0300 Nô\u0323i"
    data = f"source,target\nHanoi,{decomposed}\n".encode()
    (concept,) = csv.load(io.BytesIO(data), path="n.csv")
    assert concept.preferred("vi").text == "Hà Nội"  # type: ignore[union-attr]


FORMULAS = ["=SUM(A1:A9)", "+84 24 3825 3536", "-ism", "@home", "'s-Hertogenbosch"]


def test_formula_like_terms_are_escaped_and_round_trip() -> None:
    concepts = tuple(
        Concept(
            kind=Kind.TERM,
            id=n,
            terms=(
                Term(text, "en", P, TermType.FULL_FORM),
                Term(text + " (vi)", "vi", P, TermType.FULL_FORM),
            ),
        )
        for n, text in enumerate(FORMULAS, 1)
    )
    text = dumped(concepts)
    cells = [cell for row in std_csv.reader(io.StringIO(text)) for cell in row]
    assert all(not c.startswith(("=", "+", "-", "@")) for c in cells)
    assert {r["source"] for r in rows(text)} == {"'" + t for t in FORMULAS}
    back = csv.load(io.BytesIO(text.encode()), path="f.csv")
    assert [c.label for c in back] == FORMULAS
    assert dumped(tuple(back)) == text


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("missing_columns.csv", 1, "bad row: no source column (source, en, term…)"),
        ("wrong_encoding.csv", 3, "not valid UTF-8"),
        ("bad_status.csv", 3, "bad row: 'best' is not a valid ConceptStatus"),
    ],
)
def test_broken_files(name: str, line: int, message: str) -> None:
    path = DATA / "csv" / name
    with pytest.raises(InputError) as err:
        csv.load(io.BytesIO(path.read_bytes()), path=str(path))
    assert str(err.value) == f"{path}:{line}: {message}"


def test_a_quoting_error_is_reported_with_its_line() -> None:
    data = 'source,target\nPrime Minister,Thủ tướng\nx,"a"b\n'.encode()
    with pytest.raises(InputError, match=r"^s\.csv:3: bad row"):
        csv.load(io.BytesIO(data), path="s.csv")
