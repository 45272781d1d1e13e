"""Files in other tools' shapes: every entry in comes out, or one line says why.

The fixtures are the project's own, written in the shapes of the files that
exposed losses: LISA/Okapi TBX 2008 samples (``ntig``), gettext catalogues
without a Language header, with plurals, in CP1251 or Latin-1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, SHARED

from glossary.cli import main
from glossary.errors import InputError, InputWarning
from glossary.exchange import read_file
from glossary.store import TermBase

BROKEN = SHARED / "standards" / "samples" / "broken"


def _terms(concepts: list) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {(t.lang, t.text) for c in concepts for t in c.terms}


def test_tbx_2008_ntig_entries_are_read_with_their_tig_siblings() -> None:
    path = DATA / "tbx" / "lisa_ntig_2008.tbx"
    with pytest.warns(InputWarning, match="1 empty <term/> placeholder"):
        fmt, concepts = read_file(path)
    assert fmt == "tbx2008"
    assert len(concepts) == 3  # three termEntry in, three concepts out
    assert _terms(concepts) == {
        ("en", "National Assembly"),
        ("vi", "Quốc hội"),
        ("en", "Prime Minister"),
        ("en", "PM"),  # the ntig beside a tig in one langSet
        ("vi", "Thủ tướng"),
        ("en", "Ministry of Finance"),
        ("vi", "Bộ Tài chính"),
    }
    assembly = concepts[0]
    en = assembly.preferred("en")
    assert en is not None
    assert en.context == "The National Assembly passed the law on Tuesday."
    assert "The head of the government." in concepts[1].note


def test_cli_import_counts_entries_in_and_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.db"
    path = DATA / "tbx" / "lisa_ntig_2008.tbx"
    assert main(["import", "--db", str(db), str(path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("glossary: warning: ")
    assert err[0] == (
        f"glossary: warning: {path}:74: 1 empty <term/> placeholder(s) skipped"
    )
    assert err[1].endswith("3 concepts added, 0 merged, 7 terms added")
    with TermBase(db) as tb:
        assert tb.counts()["concepts"] == 3


def test_po_without_language_needs_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = DATA / "po" / "no_language.po"
    db = tmp_path / "g.db"
    assert main(["import", "--db", str(db), str(path)]) == 2
    assert capsys.readouterr().err == (
        f"glossary: error: {path}:1: no Language header: say which language the "
        "translations are in (--lang)\n"
    )
    assert not db.exists()  # a refused import creates nothing
    assert main(["import", "--db", str(db), "--lang", "fr", str(path)]) == 0
    with TermBase(db) as tb:
        langs = {t.lang for c in tb.concepts() for t in c.terms}
    assert langs == {"en", "fr"}  # not stored as Vietnamese


def test_po_plural_forms_are_kept() -> None:
    _, concepts = read_file(DATA / "po" / "plural.po")
    assert len(concepts) == 2
    ministry = next(c for c in concepts if c.preferred("en").text == "ministry")  # type: ignore[union-attr]
    assert ministry.preferred("fr").text == "ministère"  # type: ignore[union-attr]
    assert {("en", "ministries"), ("fr", "ministères")} <= _terms([ministry])


@pytest.mark.parametrize(
    ("name", "lang", "text"),
    [
        ("cp1251.po", "ru", "Национальное собрание"),
        ("latin1.po", "fr", "Assemblée nationale"),
    ],
)
def test_po_declared_charset_is_honoured(name: str, lang: str, text: str) -> None:
    _, concepts = read_file(DATA / "po" / name)
    assert len(concepts) == 2
    assert (lang, text) in _terms(concepts)


@pytest.mark.parametrize(
    ("name", "outcome"),
    [
        ("duplicate_ctxt.po", "duplicate_ctxt.po:12: duplicate entry"),
        ("no_header.po", "no_header.po:1: no Language header"),
        ("bad_2008.tbx", "bad_2008.tbx:26: langSet without xml:lang"),
        ("bad_format.po", "warning: format placeholders differ"),
        ("bad_datacat.tbx", "warning: termNote types this term base does not keep"),
    ],
)
def test_shared_broken_samples_are_refused_or_warned(name: str, outcome: str) -> None:
    path = BROKEN / name
    if not path.exists():
        pytest.skip("../shared/standards is missing")
    if outcome.startswith("warning: "):
        with pytest.warns(InputWarning, match=outcome.removeprefix("warning: ")):
            read_file(path)
    else:
        with pytest.raises(InputError, match=outcome):
            read_file(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[{"text": null, "lang": "en"}]', "'text' must be a string, not null"),
        ('[{"text": "a\\u0000b", "lang": "en"}]', r"control character U\+0000"),
        ('[{"text": "  ", "lang": "en"}]', "empty term"),
        ('[{"text": "\\ud800", "lang": "en"}]', "lone surrogate"),
        ('[{"text": "a", "lang": "en", "count": 1e400}]', "must be a whole number"),
        ("[]", "no terms"),
    ],
)
def test_json_values_a_term_base_cannot_hold(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(f'{{"concepts": [{{"kind": "term", "terms": {body}}}]}}')
    with pytest.raises(InputError, match=message):
        read_file(path)


def test_json_huge_id_and_deep_nesting_are_one_error(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(
        '{"concepts": [{"id": 99999999999999999999999, "kind": "term", '
        '"terms": [{"text": "a", "lang": "en"}]}]}'
    )
    with pytest.raises(InputError, match="out of range"):
        read_file(path)
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="nested too deeply"):
        read_file(path)


def test_invisible_characters_are_removed_with_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(
        '{"concepts": [{"kind": "person", "terms": ['
        '{"text": "Ph\\u200bạm Minh Chính", "lang": "vi"},'
        '{"text": "\\u202ePham Minh Chinh", "lang": "en"}]}]}'
    )
    with pytest.warns(InputWarning, match="from 2 term"):
        _, concepts = read_file(path)
    assert _terms(concepts) == {("vi", "Phạm Minh Chính"), ("en", "Pham Minh Chinh")}
