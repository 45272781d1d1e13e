"""An independent reader (translate-toolkit) sees what we meant to write."""

from __future__ import annotations

import io

import pytest
from conftest import SAMPLE_CONCEPTS
from lxml import etree

from glossary import exchange
from glossary.formats import csv, po, tbx2008
from glossary.model import ConceptStatus
from glossary.store import TermBase

tt_tbx = pytest.importorskip("translate.storage.tbx")
tt_po = pytest.importorskip("translate.storage.pypo")
tt_csv = pytest.importorskip("translate.storage.csvl10n")


def _bytes(dump: object) -> bytes:
    out = io.BytesIO()
    dump(SAMPLE_CONCEPTS, out)  # type: ignore[operator]
    return out.getvalue()


def test_tbx2008_entries_and_first_terms() -> None:
    store = tt_tbx.tbxfile.parsestring(_bytes(tbx2008.dump))
    assert len(store.units) == len(SAMPLE_CONCEPTS)
    by_id = {u.getid(): u for u in store.units}
    # translate-toolkit shows the first term of the first two langSets:
    # our preferred English term, then the preferred Vietnamese one.
    assert by_id["c7"].source == "Prime Minister"
    assert by_id["c7"].target == "Thủ tướng"
    assert by_id["c5"].source == "Intergovernmental Committee"
    assert by_id["c5"].target == "Ủy ban liên Chính phủ"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    langs = [n.get(lang) for n in by_id["c7"].getlanguageNodes()]
    assert langs == ["en", "vi"]
    statuses = [
        n.text
        for n in by_id["c7"].xmlelement.iter("termNote")
        if n.get("type") == "administrativeStatus"
    ]
    assert statuses == [
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "preferredTerm-admn-sts",
    ]


def test_po_entries_contexts_and_fuzzy() -> None:
    store = tt_po.pofile.parsestring(_bytes(po.dump))
    units = [u for u in store.units if not u.isheader()]
    assert len(units) == len(SAMPLE_CONCEPTS)
    assert store.gettargetlanguage() == "vi"
    for unit, concept in zip(units, SAMPLE_CONCEPTS, strict=True):
        assert unit.getcontext().startswith(f"{concept.kind}|c")
        assert unit.isfuzzy() == (concept.status is ConceptStatus.CANDIDATE)
        vi = concept.preferred("vi")
        assert unit.target == (vi.text if vi else "")
    assert len({(u.getcontext(), u.source) for u in units}) == len(units)


def test_csv_rows_are_source_target_pairs(sample_termbase: TermBase) -> None:
    concepts = exchange.select(sample_termbase)
    out = io.BytesIO()
    csv.dump(concepts, out)
    store = tt_csv.csvfile.parsestring(out.getvalue())
    assert len(store.units) == len(concepts)
    for unit, concept in zip(store.units, concepts, strict=True):
        vi = concept.preferred("vi")
        assert unit.getid() == f"c{concept.id}"
        assert unit.source == (concept.preferred("en") or concept.terms[0]).text
        assert unit.target == (vi.text if vi else "")
    pm = next(u for u in store.units if u.source == "Prime Minister")
    assert pm.target == "Thủ tướng"
    assert "en admitted acronym: PM" in pm.getnotes()


def test_cat_exports_never_offer_a_forbidden_term() -> None:
    from test_csv import FORBIDDEN_PM

    for dump, reader in (
        (tbx2008.dump, tt_tbx.tbxfile),
        (po.dump, tt_po.pofile),
        (csv.dump, tt_csv.csvfile),
    ):
        out = io.BytesIO()
        dump([FORBIDDEN_PM], out)
        units = [u for u in reader.parsestring(out.getvalue()).units if u.source]
        assert [(u.source, u.target) for u in units] == [
            ("Prime Minister", "Thủ tướng")
        ], dump.__module__
        if reader is tt_tbx.tbxfile:  # every <term> is a suggestion in OmegaT
            root = etree.fromstring(out.getvalue())
            terms = [t.text for t in root.iter("term")]
            assert terms == ["Prime Minister", "Thủ tướng"]
        assert "forbidden fullForm: Thủ Tướng Chính Phủ" in out.getvalue().decode()
