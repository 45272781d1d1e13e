"""XLIFF 1.2 and 2.0 read as translation units."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from glossary.errors import InputError
from tm.formats import xliff

DATA = Path(__file__).resolve().parents[1] / "data" / "check"


def test_12_units_with_inline_markup_and_no_untranslated() -> None:
    with (DATA / "inline_12.xlf").open("rb") as f:
        (unit,) = xliff.load(f, path="a.xlf")
    assert unit.target == "Thủ tướng Pham Minh Chinh ở tỉnh Hà Giang"
    assert (unit.src_lang, unit.tgt_lang, unit.context) == ("en", "vi", "t1")
    assert unit.origin == "a.xlf:7"


def test_20_segments_are_units() -> None:
    with (DATA / "segments_20.xlf").open("rb") as f:
        units = xliff.load(f, path="b.xlf")
    assert [u.context for u in units] == ["u1/s1", "u1/s2"]
    assert units[1].source == "The Prime Minister met Pham Minh Chinh."


def test_other_xml_is_refused_with_its_line() -> None:
    with pytest.raises(InputError, match="not an XLIFF"):
        xliff.load(io.BytesIO(b'<?xml version="1.0"?>\n<tmx/>'), path="c.xlf")
