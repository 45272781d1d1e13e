"""OmegaT's tab-separated glossary: source, target, comment; no header."""

from __future__ import annotations

import io

import pytest
from test_csv import FORBIDDEN_PM

from glossary.errors import InputError
from glossary.formats import tsv
from glossary.model import TermStatus


def test_one_line_per_concept_forbidden_terms_in_the_comment() -> None:
    out = io.BytesIO()
    tsv.dump([FORBIDDEN_PM], out)
    assert out.getvalue().decode() == (
        "Prime Minister\tThủ tướng\tvi forbidden fullForm: Thủ Tướng Chính Phủ; "
        "en deprecated variant: Premier\n"
    )
    (back,) = tsv.load(io.BytesIO(out.getvalue()), path="g.txt")
    assert {t.text: t.status for t in back.terms} == {
        "Prime Minister": TermStatus.PREFERRED,
        "Thủ tướng": TermStatus.PREFERRED,
        "Thủ Tướng Chính Phủ": TermStatus.FORBIDDEN,
        "Premier": TermStatus.DEPRECATED,
    }


def test_omegat_comment_lines_and_missing_targets() -> None:
    data = "# exported by OmegaT\nHanoi\tHà Nội\tcapital\nBelarus\n".encode()
    concepts = tsv.load(io.BytesIO(data), path="g.txt")
    assert [(c.label, c.note) for c in concepts] == [
        ("Hanoi", "capital"),
        ("Belarus", ""),
    ]
    assert concepts[0].preferred("vi").text == "Hà Nội"  # type: ignore[union-attr]


def test_a_text_without_tabs_is_not_taken_for_a_glossary() -> None:
    prose = "HÀ NỘI – Việt Nam always values its friendship with Belarus.\n"
    with pytest.raises(InputError, match=r"^news\.txt:1: no tab in the file"):
        tsv.load(io.BytesIO(prose.encode()), path="news.txt")
