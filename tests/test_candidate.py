from __future__ import annotations

from glossary.cluster.preferred import local_unit_preferred, vietnamese_preferred
from glossary.model import Flag, Term, TermStatus, TermType


def _term(text: str, lang: str, status: TermStatus) -> Term:
    return Term(text, lang, status, TermType.FULL_FORM, 1)


def test_diacritized_english_form_becomes_the_vi_preferred_term() -> None:
    terms = [_term("Phạm Minh Chính", "en", TermStatus.PREFERRED)]
    out = vietnamese_preferred(terms, ("Phạm Minh Chính", "en"))
    vi = [t for t in out if t.lang == "vi" and t.is_preferred]
    assert [t.text for t in vi] == ["Phạm Minh Chính"]
    # no marks, no Vietnamese term: diacritics are never invented
    terms = [_term("Pham Minh Chinh", "en", TermStatus.PREFERRED)]
    assert vietnamese_preferred(terms, ("Pham Minh Chinh", "en")) == terms


def test_ward_gets_its_category_and_the_old_vi_preferred_is_admitted() -> None:
    terms = [
        _term("Nguyen Du ward", "en", TermStatus.PREFERRED),
        _term("Nguyễn Du", "vi", TermStatus.PREFERRED),
    ]
    flags: set[Flag] = set()
    out = local_unit_preferred(terms, flags, [])
    preferred = {(t.text, t.lang) for t in out if t.is_preferred}
    assert preferred == {("Nguyen Du ward", "en"), ("phường Nguyễn Du", "vi")}
    assert Flag.RESTORED in flags
