"""`glossary search`, `add`, `set-status`, `--version` and the `--json` views."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from glossary.cli import main
from glossary.model import ConceptStatus, TermStatus
from glossary.store import TermBase


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("edit") / "g.db"
    assert main(["build", str(SEEDS), "--db", str(path), "-q"]) == 0
    return path


@pytest.fixture
def db(built: Path, tmp_path: Path) -> str:
    """A copy of the seeds' term base that a test may change."""
    copy = tmp_path / "g.db"
    shutil.copy(built, copy)
    return str(copy)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("glossary 0.")


def test_search_ignores_case_and_diacritics(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "PHAM minh chinh", "--db", db]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert [r.split("\t")[1:] for r in rows] == [
        ["person", "candidate", "Phạm Minh Chính"]
    ]
    assert main(["search", "ha noi", "kind:place", "--json", "--db", db]) == 0
    found = json.loads(capsys.readouterr().out)["concepts"]
    assert [c["key"] for c in found] == ["place:hanoi"]


def test_search_without_a_hit_says_so(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "zzqx", "--db", db]) == 1
    assert capsys.readouterr().out == "no concept matches 'zzqx'\n"


@pytest.mark.parametrize("command", ["search", "add", "set-status"])
def test_an_empty_text_is_a_usage_error(
    command: str, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [command, "  ", *(["approved"] if command == "set-status" else [])]
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--db", db])
    assert exit_.value.code == 2
    assert "must not be empty" in capsys.readouterr().err


def test_add_a_concept_then_a_term_then_set_statuses(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "Ministry of Finance", "--vi", "Bộ Tài chính", "--kind",
                 "org", "--db", db]) == 0  # fmt: skip
    new_id = int(capsys.readouterr().out.split("\t")[0])
    assert main(["add", "MoF", "--to", str(new_id), "--db", db]) == 0
    assert main(["set-status", "bo tai chinh", "approved", "--db", db]) == 0
    assert main(["set-status", str(new_id), "forbidden", "--term", "mof",
                 "--db", db]) == 0  # fmt: skip
    with TermBase(db) as tb:
        concept = tb.concept(new_id)
        log = [e.action for e in tb.history(limit=4)]
    assert concept.status is ConceptStatus.APPROVED
    terms = {t.text: (t.lang, t.status, t.manual) for t in concept.terms}
    assert terms == {
        "Ministry of Finance": ("en", TermStatus.PREFERRED, True),
        "Bộ Tài chính": ("vi", TermStatus.PREFERRED, True),
        "MoF": ("en", TermStatus.FORBIDDEN, True),
    }
    assert set(log) == {"add-concept", "add-term", "approve", "term-status"}


def test_set_status_refuses_what_it_cannot_place(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["set-status", "Phạm Minh Chính", "forbidden", "--db", db]) == 2
    assert "give --term" in capsys.readouterr().err
    assert main(["set-status", "Phạm Minh Chính", "approved", "--term", "Chính",
                 "--db", db]) == 2  # fmt: skip
    assert "drop --term" in capsys.readouterr().err
    assert main(["set-status", "nobody here", "approved", "--db", db]) == 2
    assert "no concept has a term matching" in capsys.readouterr().err


def test_show_prints_each_context_sentence_once(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # "PM Chính" and "Chính" are two mentions in one sentence of 000_*.txt
    assert main(["show", "Phạm Minh Chính", "--db", db]) == 0
    out = capsys.readouterr().out
    contexts = out.split("  contexts:\n")[1].splitlines()
    sentences = [line.split(": ", 1)[1] for line in contexts]
    assert len(sentences) == len(set(sentences)) > 1
    assert main(["show", "Phạm Minh Chính", "--json", "--db", db]) == 0
    (record,) = json.loads(capsys.readouterr().out)["concepts"]
    assert record["kind"] == "person"
    assert [c["context"] for c in record["contexts"]] == sentences


def test_stats_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json", "--db", db]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 5
    assert sum(stats["by_kind"].values()) == stats["concepts"]
    assert sum(stats["by_status"].values()) == stats["concepts"]


def test_set_subject_definitions_and_term_details(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["set", "Prime Minister", "--subject", "politics", "--definition",
                 "en", "Head of government", "--definition", "vi",
                 "Người đứng đầu Chính phủ", "--db", db]) == 0  # fmt: skip
    assert main(["set", "Prime Minister", "--term", "PM", "--pos", "noun", "--note",
                 "informal", "--flags", "caseSensitive", "--db", db]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["show", "Prime Minister", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "  subject: politics\n" in out
    assert "  definition (vi): Người đứng đầu Chính phủ\n" in out
    assert "      flags caseSensitive\n      note informal\n" in out
    assert main(["export", "--format", "tbx", "--db", db]) == 0
    tbx = capsys.readouterr().out
    assert '<descrip type="subjectField">politics</descrip>' in tbx
    assert "<note>flags: caseSensitive</note>" in tbx
    assert main(["set", "Prime Minister", "--definition", "en", "", "--term", "PM",
                 "--flags", "", "--db", db]) == 0  # fmt: skip
    with TermBase(db) as tb:
        (concept,) = tb.find("Prime Minister")
    assert concept.definitions == (("vi", "Người đứng đầu Chính phủ"),)
    assert all(not t.flags for t in concept.terms)
    assert main(["set", "Prime Minister", "--flags", "bogus", "--db", db]) == 2
    assert "give --term" in capsys.readouterr().err


def test_entry_edits_undo(db: str) -> None:
    from glossary.model import TermFlag
    from glossary.review import Review

    with TermBase(db) as tb:
        (concept,) = tb.find("Prime Minister")
        assert concept.id is not None
        term_id = concept.terms[0].id or 0
        review = Review(tb)
        review.set_entry(concept.id, subject="politics", definitions={"en": "Head"})
        review.set_term_details(term_id, flags=[TermFlag.DO_NOT_TRANSLATE])
        assert tb.concept(concept.id).terms[0].flags == {TermFlag.DO_NOT_TRANSLATE}
        review.undo()
        review.undo()
        assert tb.concept(concept.id) == concept
