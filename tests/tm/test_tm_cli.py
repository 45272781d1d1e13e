"""tm.cli: the command run in-process on real files, errors as FILE:LINE."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import fill_sample

from tm.cli import main

TM_DATA = Path(__file__).resolve().parent.parent / "data" / "tm"


def test_import_lookup_search_export(
    tmp_path: Path, small_mo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "tm.db")
    assert main(["import", str(small_mo), str(TM_DATA / "good.tmx"), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "2 file(s), 8 units read, 8 added, 0 duplicates" in out

    assert main(["lookup", "Delete 12 files", "--json", "--db", db]) == 0
    best = json.loads(capsys.readouterr().out)["matches"][0]
    assert best["translation"] == "Xóa 12 tập tin"
    assert 90 <= best["score"] < 100

    assert main(["search", "uy ban", "--target", "--db", db]) == 0
    hits = capsys.readouterr().out.splitlines()
    assert [h.split("\t")[0] for h in hits] == [
        "Uỷ ban nhân dân thành phố Hà Nội",
        "Ủy ban đã thông qua kế hoạch hòa bình",
    ]
    assert main(["search", "hoa", "--target", "--db", db]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2

    out_tmx = tmp_path / "out.tmx"
    assert main(["export", "--format", "tmx", "-o", str(out_tmx), "--db", db]) == 0
    assert out_tmx.read_bytes().count(b"</tu>") == 8


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("billion_laughs.tmx", "billion_laughs.tmx:2: "),
        ("xxe.tmx", "xxe.tmx:2: "),
        ("truncated.tmx", "truncated.tmx:16: "),
        ("missing_lang.tmx", "missing_lang.tmx:21: "),
        ("syntax.po", "syntax.po:9: "),
        ("wrong_encoding.po", "wrong_encoding.po:10: "),
    ],
)
def test_bad_file_is_one_line_exit_2_nothing_imported(
    tmp_path: Path, name: str, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "tm.db")
    assert main(["import", str(TM_DATA / "good.tsv"), "--db", db]) == 0
    capsys.readouterr()
    assert main(["import", str(TM_DATA / name), "--db", db]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("tm: error: ")
    assert where in err
    assert main(["export", "--format", "csv", "--db", db]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3  # header + good.tsv only


def test_parallel_and_glossary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from glossary.store import TermBase

    db = str(tmp_path / "tm.db")
    en, vi = tmp_path / "en.txt", tmp_path / "vi.txt"
    en.write_text("The Prime Minister visited Hanoi.\n", encoding="utf-8")
    vi.write_text("Thủ tướng thăm Hà Nội.\n", encoding="utf-8")
    assert main(["import", "--parallel", str(en), str(vi), "--db", db]) == 0
    gdb = tmp_path / "g.db"
    fill_sample(TermBase(gdb)).close()
    capsys.readouterr()
    code = main(
        [
            "lookup",
            "The Prime Minister visited Hanoi",
            "--glossary",
            str(gdb),
            "--db",
            db,
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Thủ tướng thăm Hà Nội." in out
    assert "term: Prime Minister → Thủ tướng" in out
    assert "term: Hanoi → Hà Nội" in out


def test_tmx_export_reports_units_xml_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "ff.csv"
    csv_file.write_text(
        "source,target\nOpen file,Mở tập tin\n"
        "Page one\fPage two,Trang một\fTrang hai\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "tm.db")
    assert main(["import", str(csv_file), "--db", db]) == 0
    capsys.readouterr()
    out = tmp_path / "out.tmx"
    assert main(["export", "--format", "tmx", "-o", str(out), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "1 units written" in err
    assert "1 unit(s) left out" in err
    assert out.read_text(encoding="utf-8").count("<tu ") == 1
    assert (
        main(["export", "--format", "csv", "-o", str(tmp_path / "o.csv"), "--db", db])
        == 0
    )
    assert "left out" not in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("tm 0.")


def test_search_json_and_no_hit(
    tmp_path: Path, small_mo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "tm.db")
    assert main(["import", str(TM_DATA / "good.tmx"), "--db", db]) == 0
    capsys.readouterr()
    assert main(["search", "uy ban", "--target", "--json", "--db", db]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["query"] == "uy ban"
    assert doc["units"][0]["target"] == "Uỷ ban nhân dân thành phố Hà Nội"
    assert main(["search", "zzqx", "--db", db]) == 1
    assert capsys.readouterr().out == "no source contains 'zzqx'\n"
    assert main(["search", "zzqx", "--json", "--db", db]) == 1
    assert json.loads(capsys.readouterr().out)["units"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lookup", "x", "--min", "101"], "101 is not between 0 and 100"),
        (["lookup", "x", "--min", "-1"], "-1 is not between 0 and 100"),
        (["lookup", " "], "must not be empty"),
        (["search", ""], "must not be empty"),
    ],
)
def test_usage_errors(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--db", str(tmp_path / "tm.db")])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [["lookup", "hello", "--db"], ["search", "hello", "--db"], ["export", "--db"]],
)
def test_reading_a_missing_memory_is_an_error_and_creates_nothing(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    assert main([*args, str(missing)]) == 2
    assert "none.db: no such memory" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_copying_a_missing_memory_is_an_error_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing, out = tmp_path / "none.db", tmp_path / "out.db"
    assert main(["copy", str(missing), str(out)]) == 2
    assert "none.db: no such memory" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_export_respects_the_umask(tmp_path: Path, small_mo: Path) -> None:
    import os

    db = str(tmp_path / "tm.db")
    assert main(["import", str(small_mo), "--db", db]) == 0
    old = os.umask(0o022)
    try:
        for fmt in ("tmx", "po", "csv"):
            out = tmp_path / f"out.{fmt}"
            assert main(["export", "--format", fmt, "-o", str(out), "--db", db]) == 0
            assert out.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)
