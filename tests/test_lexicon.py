"""Word lexicon learned from translation units and .mo catalogs."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.align.lexicon import learn_lexicon, mo_units, stem

LOCALE_VI = Path("/usr/share/locale/vi/LC_MESSAGES")


def test_stem_folds_and_cuts() -> None:
    assert stem("Transformation") == "transf"
    assert stem("trade") == "trade"


def test_learns_translations_from_units() -> None:
    units = [
        ("Free trade agreement.", "Hiệp định thương mại tự do."),
        ("Trade fairs and exhibitions.", "Hội chợ thương mại và triển lãm."),
        ("Trade and investment.", "Thương mại và đầu tư."),
        ("Investment opportunities.", "Cơ hội đầu tư."),
        ("Bilateral trade grew.", "Thương mại song phương tăng."),
    ]
    lex = learn_lexicon(units, {"trade", "invest"}, min_shared=2)
    assert lex["trade"][0] == "thuong mai"
    assert "dau tu" in lex["invest"]
    assert "agreem" not in lex  # not asked for


@pytest.mark.slow
@pytest.mark.skipif(not LOCALE_VI.is_dir(), reason="no Vietnamese .mo catalogs")
def test_system_mo_catalogs_give_software_vocabulary() -> None:
    units = list(mo_units(LOCALE_VI))
    assert len(units) > 1000
    assert all(src and tgt for src, tgt in units[:100])
    lex = learn_lexicon(units, {stem("file")})
    assert "tap tin" in lex["file"]
