"""PO/POT: msgfmt --check clean, polib-readable, one entry per concept."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from conftest import DATA, SAMPLE_CONCEPTS, SHARED

from glossary.errors import InputError
from glossary.formats import po
from glossary.model import Concept, ConceptStatus, Kind, Term, TermStatus, TermType

MSGFMT = shutil.which("msgfmt")


def dumped(template: bool = False) -> bytes:
    out = io.BytesIO()
    (po.dump_pot if template else po.dump)(SAMPLE_CONCEPTS, out)
    return out.getvalue()


@pytest.mark.skipif(MSGFMT is None, reason="GNU msgfmt not installed")
@pytest.mark.parametrize("template", [False, True])
def test_msgfmt_check_is_clean(tmp_path: Path, template: bool) -> None:
    path = tmp_path / ("g.pot" if template else "g.po")
    path.write_bytes(dumped(template))
    result = subprocess.run(
        [str(MSGFMT), "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr


def test_shared_checker_accepts_it(tmp_path: Path) -> None:
    script = SHARED / "standards" / "check_po.py"
    if not script.exists() or MSGFMT is None:
        pytest.skip("../shared/standards or msgfmt missing")
    path = tmp_path / "vi.po"
    path.write_bytes(dumped())
    result = subprocess.run(
        [sys.executable, str(script), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "entries=10 msgctxt=10" in result.stdout


def test_entries_as_polib_sees_them() -> None:
    catalog = polib.pofile(dumped().decode("utf-8"))
    assert catalog.metadata["Language"] == "vi"
    assert "charset=UTF-8" in catalog.metadata["Content-Type"]
    assert len(catalog) == len(SAMPLE_CONCEPTS)
    pm = catalog.find("Prime Minister", msgctxt="title|c7")
    assert pm is not None
    assert pm.msgstr == "Thủ tướng"
    assert not pm.fuzzy  # approved
    assert "en admitted acronym: PM" in pm.tcomment
    chinh = catalog.find("Pham Minh Chinh", msgctxt="person|c1")
    assert chinh is not None
    assert chinh.fuzzy  # candidate
    assert chinh.msgstr == "Phạm Minh Chính"
    sivak = catalog.find("Anatoly Sivak", msgctxt="person|c2")
    assert sivak is not None
    assert sivak.msgstr == ""


def test_pot_has_no_translations() -> None:
    catalog = polib.pofile(dumped(template=True).decode("utf-8"))
    assert all(e.msgstr == "" for e in catalog)
    assert catalog.metadata["Language"] == ""


def test_translators_edit_wins_on_load() -> None:
    text = dumped().decode("utf-8")
    catalog = polib.pofile(text)
    entry = catalog.find("Prime Minister", msgctxt="title|c7")
    assert entry is not None
    entry.msgstr = "Thủ tướng Chính phủ"
    chinh = catalog.find("Pham Minh Chinh", msgctxt="person|c1")
    assert chinh is not None
    chinh.flags.remove("fuzzy")
    back = {c.key: c for c in po.load(io.BytesIO(str(catalog).encode()), path="x")}
    pm = back["title:primeminister"]
    assert pm.preferred("vi").text == "Thủ tướng Chính phủ"  # type: ignore[union-attr]
    old = next(t for t in pm.terms if t.text == "Thủ tướng")
    assert old.status is TermStatus.ADMITTED
    assert back["person:phamminhchinh"].status is ConceptStatus.APPROVED


def test_reads_a_plain_gettext_catalogue() -> None:
    path = SHARED / "standards" / "samples" / "valid_en_vi.po"
    if not path.exists():
        pytest.skip("../shared/standards is missing")
    concepts = po.load(io.BytesIO(path.read_bytes()), path=str(path))
    assert len(concepts) == 4
    assert all(c.preferred("en") is not None for c in concepts)


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("syntax_error.po", 8, "PO syntax error: unterminated string"),
        ("wrong_encoding.po", 19, "not valid UTF-8"),
    ],
)
def test_broken_files(name: str, line: int, message: str) -> None:
    path = DATA / "po" / name
    with pytest.raises(InputError) as err:
        po.load(io.BytesIO(path.read_bytes()), path=str(path))
    assert str(err.value) == f"{path}:{line}: {message}"


def test_vietnamese_only_concept_keeps_its_language() -> None:
    concept = Concept(
        kind=Kind.ORG,
        id=3,
        terms=(Term("Bộ Công Thương", "vi", TermStatus.PREFERRED, TermType.FULL_FORM),),
    )
    out = io.BytesIO()
    po.dump([concept], out)
    entry = polib.pofile(out.getvalue().decode())[0]
    assert (entry.msgid, entry.msgstr) == ("Bộ Công Thương", "Bộ Công Thương")
    (back,) = po.load(io.BytesIO(out.getvalue()), path="v.po")
    assert [(t.text, t.lang) for t in back.terms] == [("Bộ Công Thương", "vi")]


def test_multiline_context_stays_one_comment_line() -> None:
    concept = Concept(
        kind=Kind.TERM,
        id=1,
        terms=(Term("trade", "en", TermStatus.PREFERRED, context="Trade grew\nfast."),),
    )
    out = io.BytesIO()
    po.dump([concept], out)
    (back,) = po.load(io.BytesIO(out.getvalue()), path="m.po")
    assert back.terms[0].context == "Trade grew fast."
