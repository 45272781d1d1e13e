"""The exchange service and `glossary export` / `glossary import`."""

from __future__ import annotations

import csv as std_csv
import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, SEEDS, SHARED, fill_sample

from glossary import exchange
from glossary.cli import main
from glossary.errors import ExportError
from glossary.model import ConceptStatus, Kind, TermStatus
from glossary.store import TermBase


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    with TermBase(path) as tb:
        fill_sample(tb)
    return path


def _digest(tb: TermBase) -> str:
    rows = [
        (
            (c.id, c.kind, c.status, c.note, sorted(c.flags), c.key),
            [(t.text, t.lang, t.status, t.type, t.context) for t in c.terms],
        )
        for c in tb.concepts()
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("g.tbx", "tbx"),
        ("g.po", "po"),
        ("g.pot", "pot"),
        ("g.csv", "csv"),
        ("g.json", "json"),
    ],
)
def test_format_from_extension(
    db: Path, tmp_path: Path, name: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / name
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"wrote 9 concepts to {out}\n"
    other = tmp_path / f"other.{fmt}"
    main(["export", "--db", str(db), "--format", fmt, "-o", str(other)])
    assert out.read_bytes() == other.read_bytes()


def test_stdout_needs_a_format(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db)]) == 2
    assert capsys.readouterr().err == (
        "glossary: error: writing to stdout needs --format\n"
    )


def test_unknown_extension(db: Path, tmp_path: Path) -> None:
    with (
        TermBase(db) as tb,
        pytest.raises(ExportError, match="cannot tell the format"),
    ):
        exchange.export(tb, tmp_path / "g.xlsx")


def test_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["export", "--db", str(db), "--format", "csv", "--approved-only"])
    rows = std_csv.DictReader(io.StringIO(capsys.readouterr().out, newline=""))
    assert {r["id"] for r in rows} == {"c7"}
    main(["export", "--db", str(db), "--format", "po", "--kind", "place"])
    out = capsys.readouterr().out
    assert out.count("msgctxt") == 2
    assert 'msgctxt "place|c3"' in out
    main(["export", "--db", str(db), "--format", "json", "--include-rejected"])
    assert "circular economy" in capsys.readouterr().out


def test_unwritable_directory(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "g.tbx"
    assert main(["export", "--db", str(db), "-o", str(missing)]) == 2


HOSTILE = [
    ("tbx/billion_laughs.tbx", 3),
    ("tbx/xxe_local.tbx", 3),
    ("tbx/utf16_entities.tbx", 3),
    ("tbx/malformed.tbx", 6),
    ("tbx/truncated.tbx", 48),
    ("tbx/wrong_encoding.tbx", 6),
    ("tbx/not_tbx.tbx", 2),
    ("po/syntax_error.po", 8),
    ("po/wrong_encoding.po", 19),
    ("csv/missing_columns.csv", 1),
    ("csv/wrong_encoding.csv", 3),
    ("csv/bad_status.csv", 3),
    ("json/truncated.json", 4),
]


@pytest.mark.parametrize(("name", "line"), HOSTILE)
def test_hostile_file_one_line_exit_2_db_unchanged(
    db: Path, name: str, line: int, capsys: pytest.CaptureFixture[str]
) -> None:
    with TermBase(db) as tb:
        before = _digest(tb)
    path = DATA / name
    assert main(["import", str(path), "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"glossary: error: {path}:{line}: ")
    assert "root:x:0" not in captured.err
    with TermBase(db) as tb:
        assert _digest(tb) == before


def test_bad_file_does_not_create_a_db(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    assert main(["import", str(DATA / "tbx/xxe_local.tbx"), "--db", str(new)]) == 2
    assert not new.exists()


def test_import_is_one_transaction(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "src.db"
    with TermBase(src) as tb:
        fill_sample(tb)
        exchange.export(tb, tmp_path / "g.tbx")
    calls = {"n": 0}
    real = TermBase.add_concept

    def failing(self: TermBase, concept: object, **kw: object) -> int:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("crash in the middle")
        return real(self, concept, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(TermBase, "add_concept", failing)
    empty = tmp_path / "empty.db"
    with TermBase(empty) as tb:
        with pytest.raises(RuntimeError):
            exchange.import_file(tb, tmp_path / "g.tbx")
        assert tb.concepts() == []


def test_merge_keeps_review_decisions_replace_does_not(
    db: Path, tmp_path: Path
) -> None:
    edited = tmp_path / "edited.po"
    with TermBase(db) as tb:
        exchange.export(tb, edited)
    text = edited.read_text(encoding="utf-8")
    # A translator's file: Prime Minister (approved in the db) comes back
    # fuzzy with another translation; Hanoi (a candidate) is approved.
    text = text.replace('#, fuzzy\nmsgctxt "place|c3"', 'msgctxt "place|c3"').replace(
        'msgctxt "title|c7"\nmsgid "Prime Minister"\nmsgstr "Thủ tướng"',
        '#, fuzzy\nmsgctxt "title|c7"\nmsgid "Prime Minister"\n'
        'msgstr "Thủ tướng Chính phủ"',
    )
    edited.write_text(text, encoding="utf-8")
    assert main(["import", str(edited), "--db", str(db)]) == 0
    with TermBase(db) as tb:
        pm = tb.concept_by_key("title:primeminister")
        assert pm is not None
        assert pm.status is ConceptStatus.APPROVED  # review decision kept
        assert pm.preferred("vi").text == "Thủ tướng"  # type: ignore[union-attr]
        new = next(t for t in pm.terms if t.text == "Thủ tướng Chính phủ")
        assert new.status is TermStatus.ADMITTED  # added, not promoted
        hanoi = tb.concept_by_key("place:hanoi")
        assert hanoi is not None
        assert hanoi.status is ConceptStatus.APPROVED  # candidate → decided
        assert len(tb.concepts()) == 10
    assert main(["import", str(edited), "--db", str(db), "--replace"]) == 0
    with TermBase(db) as tb:
        pm = tb.concept_by_key("title:primeminister")
        assert pm is not None
        assert pm.status is ConceptStatus.CANDIDATE
        assert pm.preferred("vi").text == "Thủ tướng Chính phủ"  # type: ignore[union-attr]


def test_keyless_file_merges_by_unique_name(db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        "id,kind,lang,term\nA,place,en,Hanoi\nA,place,fr,Hanoï\n", encoding="utf-8"
    )
    assert main(["import", str(sheet), "--db", str(db)]) == 0
    with TermBase(db) as tb:
        (hanoi,) = tb.find("Hanoï")
        assert hanoi.key == "place:hanoi"
        assert hanoi.kind is Kind.PLACE


def test_imports_shared_samples_of_both_tbx_versions(tmp_path: Path) -> None:
    samples = SHARED / "standards" / "samples"
    if not samples.exists():
        pytest.skip("../shared/standards is missing")
    target = tmp_path / "t.db"
    for name in ("valid_basic_alias.tbx", "valid_basic_2008_en_vi.tbx"):
        assert main(["import", str(samples / name), "--db", str(target)]) == 0
    with TermBase(target) as tb:
        (pm,) = tb.find("Prime Minister")
        assert {t.text for t in pm.terms} >= {"Prime Minister", "PM", "Thủ tướng"}


@pytest.mark.slow
def test_real_build_exports_are_valid(tmp_path: Path) -> None:
    build = pytest.importorskip("glossary.build")
    validate = SHARED / "standards" / "validate_tbx.py"
    check_po = SHARED / "standards" / "check_po.py"
    if not validate.exists() or not SEEDS.exists() or shutil.which("msgfmt") is None:
        pytest.skip("needs ../shared/standards, seeds/ and msgfmt")
    with TermBase(tmp_path / "g.db") as tb:
        build.build(tb, [str(p) for p in sorted(SEEDS.glob("*.txt"))])
        assert len(tb.concepts()) > 20
        for name, fmt in (("g.tbx", "tbx"), ("g08.tbx", "tbx2008"), ("g.po", "po")):
            exchange.export(tb, tmp_path / name, format=fmt)
    for script, name in (
        (validate, "g.tbx"),
        (validate, "g08.tbx"),
        (check_po, "g.po"),
    ):
        result = subprocess.run(
            [sys.executable, str(script), str(tmp_path / name)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_empty_tbx_export_fails_and_keeps_the_old_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "g.tbx"
    out.write_bytes(b"previous export")
    # Nothing is approved in the sample but one title; no approved place exists.
    args = ["export", "--db", str(db), "-o", str(out), "--approved-only"]
    assert main([*args, "--kind", "place"]) == 2
    assert capsys.readouterr().err == (
        "glossary: error: no concepts to write: TBX needs at least one\n"
    )
    assert out.read_bytes() == b"previous export"
