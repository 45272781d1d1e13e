"""TBX-Basic 2008 (martif): valid per the 2008 RNG, lossless, safe."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import DATA, SAMPLE_CONCEPTS, SHARED
from lxml import etree
from test_csv import FORBIDDEN_PM

from glossary.errors import InputError
from glossary.formats import tbx, tbx2008
from glossary.model import Concept, Kind, TermStatus

STANDARDS = SHARED / "standards"


def dumped(concepts: tuple[Concept, ...] = SAMPLE_CONCEPTS) -> bytes:
    out = io.BytesIO()
    tbx2008.dump(concepts, out)
    return out.getvalue()


def test_passes_the_2008_rng(tmp_path: Path) -> None:
    script = STANDARDS / "validate_tbx.py"
    if not script.exists():
        pytest.skip("../shared/standards is missing")
    path = tmp_path / "g.tbx"
    path.write_bytes(dumped((*SAMPLE_CONCEPTS, FORBIDDEN_PM)))
    result = subprocess.run(
        [sys.executable, str(script), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert "TBX 2008" in result.stdout


def test_martif_structure() -> None:
    data = dumped()
    assert b'<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">' in data
    root = etree.fromstring(data)
    assert root.tag == "martif"
    assert root.get("type") == "TBX-Basic"
    tigs = root.findall("text/body/termEntry/langSet/tig")
    assert len(tigs) == sum(len(c.terms) for c in SAMPLE_CONCEPTS)


def test_forbidden_and_deprecated_terms_are_entry_notes_not_tigs() -> None:
    root = etree.fromstring(dumped((FORBIDDEN_PM,)))
    assert [t.text for t in root.iter("term")] == ["Prime Minister", "Thủ tướng"]
    notes = [n.text for n in root.findall("text/body/termEntry/note")]
    assert notes[-2:] == [
        "vi forbidden fullForm: Thủ Tướng Chính Phủ",
        "en deprecated variant: Premier",
    ]
    (back,) = tbx2008.load(io.BytesIO(dumped((FORBIDDEN_PM,))), path="f.tbx")

    def texts(c: Concept) -> set[tuple[str, TermStatus]]:
        return {(t.text, t.status) for t in c.terms}

    assert texts(back) == texts(FORBIDDEN_PM)


def test_same_concepts_as_v3() -> None:
    v3 = io.BytesIO()
    tbx.dump(SAMPLE_CONCEPTS, v3)
    old = tbx2008.load(io.BytesIO(dumped()), path="g.tbx")
    new = tbx.load(io.BytesIO(v3.getvalue()), path="g3.tbx")

    def nouns(c: Concept) -> Concept:  # v3's picklist has no properNoun
        return replace(c, terms=tuple(replace(t, pos="noun") for t in c.terms))

    assert list(map(nouns, old)) == new
    names = {t.pos for c in old if c.kind is Kind.PERSON for t in c.terms}
    assert names == {"properNoun"}


def test_reads_the_shared_sample() -> None:
    path = STANDARDS / "samples" / "valid_basic_2008_en_vi.tbx"
    if not path.exists():
        pytest.skip("../shared/standards is missing")
    first = tbx2008.load(io.BytesIO(path.read_bytes()), path=str(path))[0]
    assert (first.terms[0].text, first.terms[0].lang, first.terms[0].status) == (
        "Prime Minister",
        "en",
        TermStatus.PREFERRED,
    )


def test_v3_file_is_refused_with_a_clear_line() -> None:
    v3 = io.BytesIO()
    tbx.dump(SAMPLE_CONCEPTS[:1], v3)
    with pytest.raises(InputError, match="expected <martif>"):
        tbx2008.load(io.BytesIO(v3.getvalue()), path="v3.tbx")


def test_xxe_is_refused_before_parsing() -> None:
    path = DATA / "tbx" / "xxe_local.tbx"
    with pytest.raises(InputError) as err:
        tbx2008.load(io.BytesIO(path.read_bytes()), path=str(path))
    assert str(err.value).startswith(f"{path}:3: entity declarations")
