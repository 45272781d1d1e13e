"""TBX-Basic v3 (DCA): valid per the official RNG + Schematron, lossless, safe."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, SAMPLE_CONCEPTS, SHARED
from lxml import etree

from glossary.errors import InputError
from glossary.formats import tbx
from glossary.model import Concept, Kind, Term, TermStatus, TermType

STANDARDS = SHARED / "standards"
NS = {"t": tbx.V3_NS}


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    script = STANDARDS / "validate_tbx.py"
    if not script.exists():
        pytest.skip("../shared/standards is missing")
    return subprocess.run(
        [sys.executable, str(script), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def dumped(concepts: tuple[Concept, ...] | list[Concept] = SAMPLE_CONCEPTS) -> bytes:
    out = io.BytesIO()
    tbx.dump(concepts, out)
    return out.getvalue()


def test_sample_passes_official_validators(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_bytes(dumped())
    result = validate(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "concepts=10" in result.stdout


def test_validator_catches_a_broken_export(tmp_path: Path) -> None:
    # Guard against a validator that passes everything: break one picklist value.
    path = tmp_path / "bad.tbx"
    path.write_bytes(dumped().replace(b">fullForm<", b">fullName<", 1))
    assert validate(path).returncode == 1


def test_structure_and_categories() -> None:
    root = etree.fromstring(dumped())
    entry = root.find(".//t:conceptEntry[@id='c7']", NS)
    assert entry is not None
    assert entry.findtext("t:descrip[@type='subjectField']", namespaces=NS) == "title"
    assert "status: approved" in [n.text for n in entry.findall("t:note", NS)]
    langs = [s.get(tbx.XML_LANG) for s in entry.findall("t:langSec", NS)]
    assert langs == ["en", "vi"]
    pm = entry.find("t:langSec/t:termSec[t:term='PM']", NS)
    assert pm is not None
    notes = {n.get("type"): n.text for n in pm.findall("t:termNote", NS)}
    assert notes == {
        "termType": "acronym",
        "administrativeStatus": "admittedTerm-admn-sts",
        "partOfSpeech": "noun",
    }


def test_load_gives_back_the_concepts() -> None:
    back = tbx.load(io.BytesIO(dumped()), path="g.tbx")
    assert [c.key for c in back] == [c.key for c in SAMPLE_CONCEPTS]
    for got, want in zip(back, SAMPLE_CONCEPTS, strict=True):
        assert (got.kind, got.status, got.note, got.flags) == (
            want.kind,
            want.status,
            want.note,
            want.flags,
        )
        strip = {(t.text, t.lang, t.status, t.type) for t in want.terms}
        assert {(t.text, t.lang, t.status, t.type) for t in got.terms} == strip


def test_forbidden_goes_out_as_deprecated_and_comes_back(tmp_path: Path) -> None:
    concept = Concept(
        kind=Kind.TERM,
        terms=(
            Term("e-commerce", "en", TermStatus.PREFERRED, TermType.FULL_FORM),
            Term("ecommerce", "en", TermStatus.FORBIDDEN, TermType.VARIANT),
        ),
        id=1,
    )
    data = dumped([concept])
    assert b"forbiddenTerm" not in data
    assert b"deprecatedTerm-admn-sts" in data
    path = tmp_path / "f.tbx"
    path.write_bytes(data)
    assert validate(path).returncode == 0
    (back,) = tbx.load(io.BytesIO(data), path="f.tbx")
    assert back.terms[1].status is TermStatus.FORBIDDEN


def test_reads_the_official_astronomy_example() -> None:
    path = STANDARDS / "tbx-v3" / "Example_Astronomy_DCA_VALID.tbx"
    if not path.exists():
        pytest.skip("../shared/standards is missing")
    concepts = tbx.load(io.BytesIO(path.read_bytes()), path=str(path))
    assert len(concepts) == 45
    assert {t.lang for c in concepts for t in c.terms} >= {"en", "es"}


def test_reads_the_alias_sample() -> None:
    path = STANDARDS / "samples" / "valid_basic_alias.tbx"
    if not path.exists():
        pytest.skip("../shared/standards is missing")
    first = tbx.load(io.BytesIO(path.read_bytes()), path=str(path))[0]
    pm = next(t for t in first.terms if t.text == "PM")
    assert (pm.type, pm.status) == (TermType.SHORT_FORM, TermStatus.ADMITTED)
    assert first.preferred("vi") is not None
    assert first.preferred("vi").text == "Thủ tướng"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("billion_laughs.tbx", 3, "entity declarations are not allowed"),
        ("xxe_local.tbx", 3, "entity declarations are not allowed"),
        ("utf16_entities.tbx", 3, "entity declarations are not allowed"),
        ("malformed.tbx", 6, "malformed XML"),
        ("truncated.tbx", 48, "malformed XML"),
        ("wrong_encoding.tbx", 6, "malformed XML"),
        ("not_tbx.tbx", 2, "expected <tbx>"),
    ],
)
def test_hostile_and_broken_files(name: str, line: int, message: str) -> None:
    path = DATA / "tbx" / name
    with pytest.raises(InputError) as err:
        tbx.load(io.BytesIO(path.read_bytes()), path=str(path))
    assert err.value.line == line
    assert message in str(err.value)
    assert "root:" not in str(err.value)  # /etc/passwd never read


def test_doctype_is_refused_in_v3() -> None:
    data = dumped().replace(b"<tbx ", b"<!DOCTYPE tbx SYSTEM 'x.dtd'>\n<tbx ", 1)
    with pytest.raises(InputError, match="DOCTYPE"):
        tbx.load(io.BytesIO(data), path="d.tbx")


def test_foreign_definitions_contexts_and_subjects_are_kept(tmp_path: Path) -> None:
    path = STANDARDS / "tbx-v3" / "Example_Astronomy_DCA_VALID.tbx"
    if not path.exists():
        pytest.skip("../shared/standards is missing")
    concepts = tbx.load(io.BytesIO(path.read_bytes()), path=str(path))
    first = next(c for c in concepts if "A group of stars" in c.definition("en"))
    assert first.subject == "General"
    assert first.kind is Kind.TERM
    assert first.definition("es").startswith("Una acumulación")
    assert any(t.context.startswith("Over 1100 open clusters") for t in first.terms)
    assert all("\n" not in t.context for c in concepts for t in c.terms)
    out = tmp_path / "again.tbx"
    out.write_bytes(dumped(concepts))
    assert validate(out).returncode == 0
    again = tbx.load(io.BytesIO(out.read_bytes()), path="again.tbx")
    assert [c.note for c in again] == [c.note for c in concepts]
    assert [(c.subject, c.definitions) for c in again] == [
        (c.subject, c.definitions) for c in concepts
    ]

    def key(c: Concept) -> set[tuple[str, ...]]:  # pos: "" is written as noun
        return {(t.text, t.lang, t.status, t.type, t.context) for t in c.terms}

    assert [key(c) for c in again] == [key(c) for c in concepts]
