"""Entries as CAT tools model them: definitions per language, a subject field,
notes and flags per term, parts of speech; written to TBX v3 and 2008 data
categories and JSON, read back, and through the term base."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SHARED

from glossary import exchange
from glossary.formats import json, tbx, tbx2008
from glossary.model import (
    Concept,
    ConceptStatus,
    Kind,
    Term,
    TermFlag,
    TermStatus,
    TermType,
)
from glossary.store import TermBase

P, A = TermStatus.PREFERRED, TermStatus.ADMITTED
RICH = Concept(
    kind=Kind.TERM,
    id=1,
    key="term:valueaddedtax",
    status=ConceptStatus.APPROVED,
    subject="taxation",
    definitions=(
        ("en", "A tax on the value added at each stage of production."),
        ("vi", "Thuế tính trên phần giá trị tăng thêm qua mỗi khâu."),
    ),
    terms=(
        Term("value-added tax", "en", P, TermType.FULL_FORM, pos="noun"),
        Term(
            "VAT",
            "en",
            A,
            TermType.ACRONYM,
            pos="noun",
            note="Written in capitals.\nNever 'vat'.",
            flags=frozenset({TermFlag.CASE_SENSITIVE}),
        ),
        Term("thuế giá trị gia tăng", "vi", P, TermType.FULL_FORM, pos="noun"),
        Term(
            "GTGT",
            "vi",
            A,
            TermType.ACRONYM,
            pos="noun",
            flags=frozenset({TermFlag.CASE_SENSITIVE, TermFlag.DO_NOT_TRANSLATE}),
        ),
    ),
)
LOSSLESS: dict[str, tuple[Callable[..., None], Callable[..., list[Concept]]]] = {
    "tbx": (tbx.dump, tbx.load),
    "tbx2008": (tbx2008.dump, tbx2008.load),
    "json": (json.dump, json.load),
}


def _bytes(dump: Callable[..., None], concepts: list[Concept]) -> bytes:
    out = io.BytesIO()
    dump(concepts, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", LOSSLESS)
def test_cat_fields_round_trip(fmt: str) -> None:
    dump, load = LOSSLESS[fmt]
    first = _bytes(dump, [RICH])
    (back,) = load(io.BytesIO(first), path=f"r.{fmt}")
    assert back.subject == "taxation"
    assert back.kind is Kind.TERM
    assert back.definitions == RICH.definitions
    assert {t.text: (t.note, t.flags, t.pos) for t in back.terms} == {
        t.text: (t.note, t.flags, t.pos) for t in RICH.terms
    }
    assert _bytes(dump, [back]) == first


@pytest.mark.parametrize("fmt", ["tbx", "tbx2008"])
def test_cat_fields_use_tbx_data_categories(fmt: str, tmp_path: Path) -> None:
    dump, _ = LOSSLESS[fmt]
    data = _bytes(dump, [RICH])
    text = data.decode()
    assert '<descrip type="subjectField">taxation</descrip>' in text
    assert "<note>kind: term</note>" in text
    assert '<descrip type="definition">Thuế tính trên' in text
    assert "<note>flags: caseSensitive, doNotTranslate</note>" in text
    assert "<note>Never 'vat'.</note>" in text
    script = SHARED / "standards" / "validate_tbx.py"
    if not script.exists():
        pytest.skip("../shared/standards is missing")
    path = tmp_path / "rich.tbx"
    path.write_bytes(data)
    result = subprocess.run(
        [sys.executable, str(script), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_a_named_kind_keeps_its_subject_field_and_names_are_proper_nouns() -> None:
    person = Concept(kind=Kind.PERSON, terms=(Term("Phạm Minh Chính", "vi", P),))
    text = _bytes(tbx2008.dump, [person]).decode()
    assert '<descrip type="subjectField">person</descrip>' in text
    assert '<termNote type="partOfSpeech">properNoun</termNote>' in text
    v3 = _bytes(tbx.dump, [person]).decode()
    assert '<termNote type="partOfSpeech">noun</termNote>' in v3


@pytest.mark.parametrize("fmt", LOSSLESS)
@pytest.mark.parametrize("mode", ["merge", "replace"])
def test_cat_fields_survive_the_term_base(fmt: str, mode: str, tmp_path: Path) -> None:
    path = tmp_path / f"rich.{fmt}"
    dump, _ = LOSSLESS[fmt]
    path.write_bytes(_bytes(dump, [RICH]))
    with TermBase(tmp_path / "g.db") as tb:
        exchange.import_file(tb, path, format=fmt)
        exchange.import_file(tb, path, format=fmt, mode=mode)  # onto itself
        (stored,) = tb.concepts()
        again = tmp_path / f"again.{fmt}"
        exchange.export(tb, again, format=fmt)
    assert (stored.subject, stored.definitions) == (RICH.subject, RICH.definitions)
    assert {t.text: (t.note, t.flags) for t in stored.terms} == {
        t.text: (t.note, t.flags) for t in RICH.terms
    }
    assert again.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("fmt", ["po", "csv"])
def test_po_and_csv_show_subject_and_definitions_as_comments(fmt: str) -> None:
    from glossary.formats import csv, po

    module = {"po": po, "csv": csv}[fmt]
    data = _bytes(module.dump, [RICH])
    assert "subject: taxation" in data.decode()
    assert "definition vi: Thuế tính trên" in data.decode()
    (back,) = module.load(io.BytesIO(data), path=f"r.{fmt}")
    assert (back.subject, back.definitions) == (RICH.subject, RICH.definitions)
    assert _bytes(module.dump, [back]) == data
