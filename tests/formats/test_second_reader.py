"""An independent reader (translate-toolkit) sees what we meant to write."""

from __future__ import annotations

import io

import pytest
from conftest import SAMPLE_CONCEPTS

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


def test_csv_rows_ids_and_contexts(sample_termbase: TermBase) -> None:
    concepts = exchange.select(sample_termbase)
    out = io.BytesIO()
    csv.dump(concepts, out)
    store = tt_csv.csvfile.parsestring(out.getvalue())
    want = [(f"c{c.id}", t.context) for c in concepts for t in c.terms]
    assert all(context for _, context in want)
    assert [(u.getid(), u.getcontext()) for u in store.units] == want
