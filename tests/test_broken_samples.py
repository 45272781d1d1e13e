"""The standards' broken samples through both importers: each is refused with one
`FILE:LINE` error line and exit 2 (nothing written), or read leniently with one
warning line saying what was taken as it is; never silently accepted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SHARED, fill_sample

from glossary.cli import main as glossary_main
from glossary.store import TermBase
from tm.cli import main as tm_main

BROKEN = SHARED / "standards" / "samples" / "broken"
pytestmark = pytest.mark.skipif(not BROKEN.is_dir(), reason="shared standards missing")

# What each sample gets: "error" (exit 2, db unchanged) or "warning" (exit 0).
GLOSSARY = {
    "bad_2008.tbx": "error",
    "bad_datacat.tbx": "warning",
    "bad_structure.tbx": "error",
    "doctype_v3.tbx": "error",
    "not_wellformed.tbx": "error",
    "wrong_dialect.tbx": "warning",
    "xxe.tbx": "error",
    "bad_format.po": "warning",
    "duplicate_ctxt.po": "error",
    "no_header.po": "error",
    "syntax.po": "error",
}
TM = {
    "bad_tu.tmx": "error",
    "missing_header_attrs.tmx": "warning",
    "xxe.tmx": "error",
    "bad_format.po": "warning",
    "duplicate_ctxt.po": "error",
    "no_header.po": "error",
    "syntax.po": "error",
}


def _outcome(status: int, err: str, name: str, prog: str) -> str:
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if x.startswith(f"{prog}: ")]
    assert len(lines) == 1, err  # one error or warning (beside the summary)
    assert name in lines[0]
    if status == 2:
        assert lines[0].startswith(f"{prog}: error: ")
        return "error"
    assert status == 0
    assert lines[0].startswith(f"{prog}: warning: ")
    return "warning"


@pytest.mark.parametrize("name", sorted(GLOSSARY))
def test_glossary_import(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.db"
    with TermBase(db) as tb:
        fill_sample(tb)
    before = db.read_bytes()
    status = glossary_main(["import", "--db", str(db), str(BROKEN / name)])
    got = _outcome(status, capsys.readouterr().err, name, "glossary")
    assert got == GLOSSARY[name]
    if got == "error":
        assert db.read_bytes() == before


@pytest.mark.parametrize("name", sorted(TM))
def test_tm_import(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    src = tmp_path / name
    shutil.copy(BROKEN / name, src)
    status = tm_main(["import", str(src), "--db", str(db)])
    got = _outcome(status, capsys.readouterr().err, name, "tm")
    assert got == TM[name]
    if got == "error":
        assert not db.exists()  # a refused import creates no memory
