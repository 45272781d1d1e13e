"""Reading PO, TMX, XLIFF 1.2/2.0, text pairs and articles into documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.check.readers import pair_up, read_document, read_documents
from glossary.errors import InputError

from .conftest import CHECK_DATA as CHECK
from .conftest import ROOT, SEEDS, SHARED


def test_po_units_keep_context_and_line_and_skip_fuzzy_and_header() -> None:
    doc = read_document(str(CHECK / "name_variant.po"))
    assert doc.kind == "po"
    units = [(s.unit, s.line, s.source.text) for s in doc.segments if s.source]
    assert units[0] == ("headline", 8, "Prime Minister Pham Minh Chinh visits Belarus")
    assert [s.target.text for s in doc.segments][2] == "%d chuyến thăm của PM Chinh"
    assert "Pham Minh Chinh" not in [u[2] for u in units]  # the fuzzy entry
    assert doc.segments[-1].target.text == ""  # untranslated: source checks only


def test_catalogue_units_built_one_by_one_are_those_built_together() -> None:
    doc = read_document(str(CHECK / "real_features.po"))
    one_by_one = [doc.segments[i] for i in range(len(doc.segments))]
    assert doc.segments[-1] == one_by_one[-1]
    assert one_by_one == list(doc.segments) == list(doc.segments[:])
    assert [s.position for s in one_by_one] == list(range(len(one_by_one)))
    assert doc.bilingual


def test_catalogue_bytes_not_utf8_are_an_error_at_their_line(tmp_path: Path) -> None:
    """The one-pass reader decodes only what it extracts: a bad byte in a
    msgstr or in a comment still stops the file, at its line."""
    with pytest.raises(InputError) as err:
        read_document(str(ROOT / "tests" / "data" / "po" / "wrong_encoding.po"))
    assert (err.value.line, str(err.value).split(": ", 1)[1]) == (
        19,
        "not valid UTF-8: byte 0xfd",
    )
    bad = tmp_path / "comment.po"
    bad.write_bytes(b'msgid "a"\nmsgstr "b"\n\n# caf\xe9\nmsgid "c"\nmsgstr "d"\n')
    with pytest.raises(InputError) as err:
        read_document(str(bad))
    assert err.value.line == 4


def test_catalogue_in_another_charset_reads_as_in_utf8(tmp_path: Path) -> None:
    cp1251 = ROOT / "tests" / "data" / "po" / "cp1251.po"
    utf8 = tmp_path / "cp1251.po"
    text = cp1251.read_bytes().decode("cp1251")
    utf8.write_text(text.replace("charset=CP1251", "charset=UTF-8"), "utf-8")
    rows = [
        (s.unit, s.line, s.target.text, s.source and s.source.text)
        for s in read_document(str(cp1251)).segments
    ]
    assert rows == [
        (s.unit, s.line, s.target.text, s.source and s.source.text)
        for s in read_document(str(utf8)).segments
    ]
    assert any(not t.isascii() for _, _, t, _ in rows)


def test_tmx_units_with_inline_codes_read_as_text() -> None:
    doc = read_document(str(CHECK / "inconsistent.tmx"))
    assert doc.segments[3].target.text == "Pham Minh Chinh gặp <b>Anatoly Sivak</b>"
    assert [s.line for s in doc.segments] == [5, 6, 7, 8]


@pytest.mark.parametrize(
    ("name", "ids"),
    [("inline_12.xlf", ["t1"]), ("segments_20.xlf", ["u1/s1", "u1/s2"])],
)
def test_xliff_both_versions(name: str, ids: list[str]) -> None:
    doc = read_document(str(CHECK / name))
    assert [s.unit for s in doc.segments] == ids
    assert {(s.target.lang, s.source and s.source.lang) for s in doc.segments} == {
        ("vi", "en")
    }


def test_parallel_corpus_pairs_with_its_seed() -> None:
    en = str(SEEDS / "000_ee629b6e4a47ac1f.txt")
    vi = str(SHARED / "corpus" / "parallel" / "000_ee629b6e4a47ac1f.vi.txt")
    assert pair_up([vi, en]) == [(vi, en)]
    (doc,) = read_documents([en, vi])
    assert (doc.kind, len(doc.segments), doc.source_path) == ("pair", 6, en)
    last = doc.segments[-1]
    assert last.target.line == 11
    assert last.source is not None
    assert last.source.text.startswith("Belarus highly")


def test_article_language_and_paragraph_lines() -> None:
    doc = read_document(str(CHECK / "tone_mixed.vi.txt"))
    assert doc.kind == "text"
    assert not doc.bilingual
    assert [(s.target.lang, s.target.line) for s in doc.segments] == [
        ("vi", 1),
        ("vi", 3),
    ]


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("bad_string.po", "bad_string.po:6: PO syntax error"),
        ("nothing.doc", "nothing.doc"),
    ],
)
def test_bad_input_names_file_and_line(name: str, where: str) -> None:
    with pytest.raises(InputError) as err:
        read_document(str(CHECK / name))
    assert str(err.value).startswith(str(CHECK / where))
