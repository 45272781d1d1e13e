"""--fix: a corrected copy with only the safe fixes, never the input."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import polib
import pytest

from glossary.api import Glossary
from glossary.check.fix import applicable
from glossary.check_service import check_files, fix_files
from glossary.errors import InputError
from tm.formats import tmx, xliff

from .conftest import CHECK_DATA


def test_po_copy_gets_the_name_fixes_and_nothing_else(
    glossary: Glossary, tmp_path: Path
) -> None:
    src = CHECK_DATA / "name_variant.po"
    before = src.read_bytes()
    report = check_files([str(src)], glossary)
    out = tmp_path / "fixed.po"
    fixed = fix_files(report, str(out))
    assert src.read_bytes() == before
    assert {f.check for f in fixed} == {"name-variant"}
    po = {e.msgid: e for e in polib.pofile(str(out))}
    headline = po["Prime Minister Pham Minh Chinh visits Belarus"]
    assert headline.msgstr == "Thủ tướng Phạm Minh Chính thăm Belarus"
    assert po["One visit"].msgstr_plural[0] == "%d chuyến thăm của PM Chính"
    assert po["%d agreements signed in %s"].msgstr == "Ký %d thỏa thuận"  # not safe
    assert check_files([str(out)], glossary).findings  # placeholders remain
    assert not [
        f
        for f in check_files([str(out)], glossary).findings
        if f.check == "name-variant"
    ]


@pytest.mark.parametrize(
    "name", ["inconsistent.tmx", "inline_12.xlf", "segments_20.xlf"]
)
def test_xml_copies_keep_inline_markup(
    glossary: Glossary, tmp_path: Path, name: str
) -> None:
    report = check_files([str(CHECK_DATA / name)], glossary)
    out = tmp_path / name
    assert fix_files(report, str(out))
    text = out.read_text(encoding="utf-8")
    assert "Phạm Minh Chính" in text
    assert "Pham Minh Chinh</" not in text.split("<target>")[-1]
    module = tmx if name.endswith(".tmx") else xliff
    with out.open("rb") as f:
        assert module.load(f, path=str(out))  # still readable by the same reader


def test_tone_style_is_fixed_only_when_asked(
    glossary: Glossary, tmp_path: Path
) -> None:
    src = str(CHECK_DATA / "tone_mixed.vi.txt")
    report = check_files([src], glossary)
    fix_files(report, str(tmp_path / "a.txt"))
    assert "Uỷ ban mới của Phạm Minh Chính" in (tmp_path / "a.txt").read_text()
    fix_files(report, str(tmp_path / "b.txt"), tone_style=True)
    assert (tmp_path / "b.txt").read_text() == (
        "Ủy ban về văn hóa và hòa bình họp tại Hà Nội.\n\n"
        "Ủy ban mới của Phạm Minh Chính.\n"
    )


def test_input_is_never_the_output(glossary: Glossary, tmp_path: Path) -> None:
    src = tmp_path / "t.vi.txt"
    shutil.copy(CHECK_DATA / "tone_mixed.vi.txt", src)
    report = check_files([str(src)], glossary)
    with pytest.raises(InputError, match="never overwrites"):
        fix_files(report, str(src))
    assert src.read_bytes() == (CHECK_DATA / "tone_mixed.vi.txt").read_bytes()


def test_overlapping_fixes_apply_the_first(glossary: Glossary) -> None:
    report = check_files([str(CHECK_DATA / "tone_mixed.vi.txt")], glossary)
    chosen = applicable(report.findings)
    assert all(
        a.end <= b.start
        for a, b in itertools.pairwise(chosen)
        if a.segment == b.segment
    )
