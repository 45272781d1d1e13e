"""tm.formats: TMX, PO/MO, CSV and parallel text, good and hostile files."""

from __future__ import annotations

import csv as std_csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.errors import InputError
from tm.formats import csv, po, tmx
from tm.formats.parallel import load_pair
from tm.model import Unit

TM_DATA = Path(__file__).resolve().parent.parent / "data" / "tm"


SHARED = Path(__file__).resolve().parents[3] / "shared"


def _load_tmx(name: str) -> list[Unit]:
    with (TM_DATA / name).open("rb") as f:
        return tmx.load(f, path=name)


def test_tmx_reads_languages_and_context() -> None:
    units = _load_tmx("good.tmx")
    assert len(units) == 4
    first = units[0]
    assert (first.source, first.target) == ("Delete %d files", "Xóa %d tập tin")
    assert (first.src_lang, first.tgt_lang, first.context) == ("en-US", "vi-VN", "menu")
    assert first.origin == "good.tmx:6"


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("billion_laughs.tmx", 2, "internal subset"),
        ("xxe.tmx", 2, "internal subset"),
        ("truncated.tmx", 16, "malformed XML"),
        ("missing_lang.tmx", 21, "no xml:lang"),
    ],
)
def test_tmx_bad_input(name: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as e:
        _load_tmx(name)
    assert e.value.line == line
    assert str(e.value).startswith(f"{name}:{line}: ")
    assert words in str(e.value)


def test_tmx_round_trip_and_validator(tmp_path: Path) -> None:
    units = _load_tmx("good.tmx")
    out = tmp_path / "out.tmx"
    with out.open("wb") as f:
        tmx.dump(units, f, src="en-US", tgt="vi-VN")
    with out.open("rb") as f:
        again = tmx.load(f, path=str(out))
    assert [(u.source, u.target, u.context) for u in again] == [
        (u.source, u.target, u.context) for u in units
    ]
    validator = SHARED / "standards" / "validate_tmx.py"
    if not validator.exists():
        pytest.skip("../shared/standards absent")
    run = subprocess.run(
        [sys.executable, str(validator), str(out)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_po_skips_fuzzy_obsolete_untranslated() -> None:
    with (TM_DATA / "small.po").open("rb") as f:
        units = po.load(f, path="small.po")
    assert [u.source for u in units] == [
        "Delete %d files",
        "Open the file",
        "Open",
        "%d item",
    ]
    assert units[2].context == "verb"
    assert units[0].origin == "small.po:11"
    with (TM_DATA / "small.po").open("rb") as f:
        everything = po.load(f, path="small.po", include_fuzzy=True)
    assert {"Save all changes", "Old string"} <= {u.source for u in everything}


def test_mo_compiled_with_msgfmt(small_mo: Path) -> None:
    with small_mo.open("rb") as f:
        units = po.load(f, path=str(small_mo))
    assert {(u.source, u.target, u.tgt_lang) for u in units} >= {
        ("Delete %d files", "Xóa %d tập tin", "vi"),
        ("%d item", "%d mục", "vi"),
    }
    assert "Save all changes" not in {u.source for u in units}


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [("syntax.po", 9, "syntax error"), ("wrong_encoding.po", 10, "not valid UTF-8")],
)
def test_po_bad_input(name: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as e, (TM_DATA / name).open("rb") as f:
        po.load(f, path=name)
    assert str(e.value).startswith(f"{name}:{line}: ")
    assert words in str(e.value)


def test_po_export_duplicate_sources_get_context(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    po.dump([Unit("Open", "Mở"), Unit("Open", "Mở ra")], buffer)
    out = tmp_path / "out.po"
    out.write_bytes(buffer.getvalue())
    run = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(out)])
    assert run.returncode == 0
    with out.open("rb") as f:
        assert [(u.context, u.target) for u in po.load(f)] == [
            ("", "Mở"),
            ("", "Mở ra"),
        ]


def test_po_round_trip_keeps_units_that_differ_only_in_language() -> None:
    units = [
        Unit("Open", "Mở", "en", "vi", context="menu"),
        Unit("Open", "Mở", "en", "vi_VN", context="menu"),
        Unit("  Open\n", "Mở\n", "en", "vi"),
    ]
    buffer = io.BytesIO()
    po.dump(units, buffer)
    back = po.load(io.BytesIO(buffer.getvalue()))
    assert [(u.source, u.target, u.src_lang, u.tgt_lang, u.context) for u in back] == [
        (u.source, u.target, u.src_lang, u.tgt_lang, u.context) for u in units
    ]


def test_csv_tsv_and_short_row() -> None:
    with (TM_DATA / "good.tsv").open("rb") as f:
        units = csv.load(f, path="good.tsv")
    assert [(u.source, u.target) for u in units] == [
        ("Open the file", "Mở tập tin"),
        ("Close the window", "Đóng cửa sổ"),
    ]
    with (
        pytest.raises(InputError, match=r"^short_row.csv:4: 1 field"),
        (TM_DATA / "short_row.csv").open("rb") as f,
    ):
        csv.load(f, path="short_row.csv")


def test_csv_round_trip() -> None:
    units = [Unit('Say "hi", now', "Nói “chào”,\nngay", context="x")]
    buffer = io.BytesIO()
    csv.dump(units, buffer)
    back = csv.load(io.BytesIO(buffer.getvalue()))
    assert [(u.source, u.target, u.context) for u in back] == [
        ('Say "hi", now', "Nói “chào”,\nngay", "x")
    ]


def test_csv_segments_never_run_as_formulas_and_round_trip() -> None:
    # a catalogue holds "-v", "=", "+1"; a spreadsheet must show them, not run them
    segments = ["=SUM(A1)", "-v, --verbose", "+84 24", "@home", "'quoted'", "\tTab"]
    units = [Unit(s, s, context=s) for s in segments]
    buffer = io.BytesIO()
    csv.dump(units, buffer)
    rows = list(std_csv.reader(io.StringIO(buffer.getvalue().decode())))[1:]
    cells = [cell for row in rows for cell in row[:3]]
    assert all(not c.startswith(("=", "+", "-", "@", "\t")) for c in cells)
    back = csv.load(io.BytesIO(buffer.getvalue()))
    assert [(u.source, u.target, u.context) for u in back] == [
        (s, s, s) for s in segments
    ]


def test_parallel_mismatch_names_extra_paragraph(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        load_pair(TM_DATA / "para.en.txt", TM_DATA / "para.vi.txt")
    assert e.value.path.endswith("para.vi.txt")
    assert e.value.line == 5
    vi = tmp_path / "vi.txt"
    vi.write_text("Mở tập tin.\n\nĐóng cửa sổ.\n", encoding="utf-8")
    units = load_pair(TM_DATA / "para.en.txt", vi)
    assert [u.target for u in units] == ["Mở tập tin.", "Đóng cửa sổ."]


@pytest.mark.parametrize(
    ("lang", "tag"),
    [
        ("vi_VN", "vi-VN"),
        ("vi-vn", "vi-VN"),
        ("pt_br", "pt-BR"),
        ("zh_hant_TW", "zh-Hant-TW"),
    ],
)
def test_tmx_writes_bcp47_and_reads_both(lang: str, tag: str) -> None:
    buffer = io.BytesIO()
    tmx.dump([Unit("Open", "Mở", "en_US", lang)], buffer, src="en_US")
    data = buffer.getvalue()
    assert f'xml:lang="{tag}"'.encode() in data
    assert b'srclang="en-US"' in data
    for text in (data, data.replace(tag.encode(), lang.encode())):
        (unit,) = tmx.load(io.BytesIO(text), tgt_lang=lang)
        assert (unit.source, unit.target) == ("Open", "Mở")


def test_csv_keeps_whitespace_around_segments() -> None:
    data = 'source,target\n"Name: ","Tên: "\n"\nLine\n","\nDòng\n"\n'.encode()
    units = csv.load(io.BytesIO(data), path="w.csv")
    assert [(u.source, u.target) for u in units] == [
        ("Name: ", "Tên: "),
        ("\nLine\n", "\nDòng\n"),
    ]
    units.append(Unit("Name: ", "Tên: ", "en", "vi_VN"))
    buffer = io.BytesIO()
    csv.dump(units, buffer)
    back = csv.load(io.BytesIO(buffer.getvalue()), path="w.csv")
    assert [(u.source, u.target, u.tgt_lang) for u in back] == [
        ("Name: ", "Tên: ", "vi"),
        ("\nLine\n", "\nDòng\n", "vi"),
        ("Name: ", "Tên: ", "vi_VN"),
    ]
