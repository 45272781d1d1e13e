"""tm on files in other tools' shapes: entries in against units out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.errors import InputError, InputWarning
from tm.cli import main
from tm.service import read_file

TM_DATA = Path(__file__).resolve().parent.parent / "data" / "tm"
PO_DATA = Path(__file__).resolve().parent.parent / "data" / "po"


def test_multilingual_tmx_keeps_every_pair() -> None:
    with pytest.warns(InputWarning, match="1 <tu> without a translation skipped"):
        units = read_file(TM_DATA / "multilingual.tmx")
    pairs = {(u.src_lang, u.tgt_lang) for u in units}
    assert len(units) == 4 + 2  # every target of the two translated <tu>
    assert pairs == {
        ("en-GB", "en-US"),
        ("en-GB", "fr-FR"),
        ("en-GB", "vi-VN"),
        ("en-GB", "de-DE"),
    }


def test_lookup_returns_only_the_asked_target_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "tm.db")
    assert main(["import", str(TM_DATA / "multilingual.tmx"), "--db", db]) == 0
    capsys.readouterr()
    query = "The colour of the flag is red."
    assert main(["lookup", query, "--json", "--db", db]) == 0
    matches = json.loads(capsys.readouterr().out)["matches"]
    assert [m["target"] for m in matches] == ["Màu của lá cờ là màu đỏ."]
    assert main(["lookup", query, "--json", "--tgt", "fr", "--db", db]) == 0
    matches = json.loads(capsys.readouterr().out)["matches"]
    assert [m["target"] for m in matches] == ["La couleur du drapeau est rouge."]


def test_po_without_language_needs_tgt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tm.db"
    path = PO_DATA / "no_language.po"
    assert main(["import", str(path), "--db", str(db)]) == 2
    assert "no Language header" in capsys.readouterr().err
    assert not db.exists()
    assert main(["import", str(path), "--tgt", "fr", "--db", str(db)]) == 0
    assert "2 units read, 2 added" in capsys.readouterr().out


@pytest.mark.parametrize(("name", "count"), [("cp1251.po", 2), ("latin1.po", 2)])
def test_po_charsets(name: str, count: int) -> None:
    assert len(read_file(PO_DATA / name)) == count


def test_utf16_file_cannot_hide_an_entity_declaration(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<tmx version="1.4"><header srclang="en"/><body><tu>'
        '<tuv xml:lang="en"><seg>&x;</seg></tuv>'
        '<tuv xml:lang="vi"><seg>a</seg></tuv></tu></body></tmx>\n'
    )
    path = tmp_path / "hidden.tmx"
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(InputError, match=r"hidden.tmx:2: DOCTYPE with an internal"):
        read_file(path)


def test_truncated_mo_file_is_one_error(tmp_path: Path, small_mo: Path) -> None:
    data = small_mo.read_bytes()
    for cut in (8, 20, 28, len(data) // 2):
        path = tmp_path / f"cut{cut}.mo"
        path.write_bytes(data[:cut])
        with pytest.raises(InputError, match="broken MO file"):
            read_file(path)
