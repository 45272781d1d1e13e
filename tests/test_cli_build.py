"""`glossary build`, `list`, `show` and `stats`, run in-process through main()."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import DATA, SEEDS

from glossary.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "g.db")
    assert main(["build", str(SEEDS), "--db", path]) == 0
    return path


def test_build_prints_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "g.db")
    assert main(["build", str(SEEDS), "--db", path]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("documents: 5 (5 processed, 0 unchanged)\nconcepts: ")
    assert "person " in out
    assert "term " in out
    assert "\nnew " in out
    assert "flagged " in out
    assert err == ""
    assert main(["build", str(SEEDS), "--db", path]) == 0
    out, _ = capsys.readouterr()
    assert "(0 processed, 5 unchanged)" in out
    assert "new 0, updated 0" in out


def test_default_db_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_DB", str(tmp_path / "env.db"))
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(next(SEEDS.glob("*.txt")))]) == 0
    assert (tmp_path / "env.db").exists()
    assert not (tmp_path / "glossary.db").exists()


def test_bad_inputs_exit_nonzero_and_name_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["build", str(DATA / "input"), "--db", str(tmp_path / "g.db")])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"glossary: skipped {DATA / 'input' / 'latin1.txt'}:1: not UTF-8" in err
    assert f"{DATA / 'input' / 'binary.txt'}: binary file" in err
    assert f"warning: {DATA / 'input' / 'empty.txt'}: empty file skipped" in err
    assert (
        "documents: 1 (1 processed, 0 unchanged, 3 skipped, "
        "1 already built under another name)"
    ) in out


def test_build_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert main(["build", "-", "--db", str(tmp_path / "g.db")]) == 0
    assert "documents: 1 (1 processed" in capsys.readouterr().out


def test_show_is_diacritic_and_case_insensitive(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "pham minh chinh", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Phạm Minh Chính  [person, candidate]")
    for alias in ("Pham Minh Chinh", "PM Chính"):
        assert f"    {alias}  (" in out
    assert "      why: " in out
    assert "  contexts:\n" in out
    assert "Prime Minister Phạm Minh Chính told" in out


def test_show_unknown_name_is_an_error(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "Nobody Atall", "--db", db]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "glossary: error: no concept has a term matching 'Nobody Atall'\n"


def test_list_filters_and_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--kind", "term", "--db", db]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows
    assert {r[1] for r in rows} == {"term"}
    assert "digital transformation" in {r[3] for r in rows}
    assert main(["list", "--kind", "person", "--json", "--db", db]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {c["kind"] for c in doc["concepts"]} == {"person"}
    pm = next(c for c in doc["concepts"] if c["terms"][0]["text"] == "Phạm Minh Chính")
    assert pm["terms"][0]["status"] == "preferred"
    assert main(["list", "--status", "approved", "--db", db]) == 0
    assert capsys.readouterr().out == ""


def test_stats(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("documents: 5\nconcepts: ")
    assert "by kind: " in out
    assert "by status: candidate " in out


def test_reading_commands_do_not_create_a_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    assert main(["stats", "--db", str(missing)]) == 2
    assert "no term base here" in capsys.readouterr().err
    assert not missing.exists()


@pytest.mark.parametrize("command", ["build", "list", "show", "stats"])
def test_every_subcommand_has_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "--db FILE" in capsys.readouterr().out


def test_show_gives_each_rule_once_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from glossary.model import Concept, Evidence, Kind, Term, TermStatus
    from glossary.store import TermBase

    same = tuple(Evidence("title", "vi.txt", i * 10, i * 10 + 9) for i in range(6))
    aligned = Evidence("align:dice", "vi.txt", 0, 9, "score=0.5041")
    term = Term("Thủ tướng", "vi", TermStatus.PREFERRED, evidence=(*same, aligned))
    path = str(tmp_path / "g.db")
    tb = TermBase(path)
    tb.add_concept(Concept(kind=Kind.TITLE, terms=(term,)))
    tb.close()
    assert main(["show", "thu tuong", "--db", path]) == 0
    out = capsys.readouterr().out
    assert out.count("      why: title vi.txt:0-9\n") == 1
    assert "      why: align:dice vi.txt:0-9 (score=0.5041)\n" in out
    assert "      (+5 more)\n" in out


def test_rules_lists_every_pass_by_stage(capsys: pytest.CaptureFixture[str]) -> None:
    from glossary.cluster import STAGES
    from glossary.docstrings import docstring
    from glossary.translate import RULES

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for stage, passes in {**STAGES, "translate": RULES}.items():
        section = out.split(f"{stage} stage:\n", 1)[1]
        for run in passes:
            first = docstring(run).strip().splitlines()[0]
            assert f"  {run.__name__} " in section
            assert first in section


def test_build_disable_skips_passes_and_a_later_build_clusters_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, fresh = str(tmp_path / "g.db"), str(tmp_path / "fresh.db")
    off = "merge_same_names,link_short_names"
    assert main(["build", str(SEEDS), "--db", path, "--disable", off]) == 0
    assert main(["build", str(SEEDS), "--db", fresh]) == 0
    normal = _concept_terms(fresh, capsys)
    assert _concept_terms(path, capsys) != normal
    assert main(["build", str(SEEDS), "--db", path]) == 0
    assert _concept_terms(path, capsys) == normal
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(SEEDS), "--db", path, "--disable", "merge_everything"])
    assert exit_.value.code == 2
    assert "no pass named merge_everything" in capsys.readouterr().err


def _concept_terms(
    db: str, capsys: pytest.CaptureFixture[str]
) -> set[tuple[str, tuple[str, ...]]]:
    """Each concept's key with its terms' texts (ids and order aside)."""
    capsys.readouterr()
    assert main(["list", "--json", "--db", db]) == 0
    concepts = json.loads(capsys.readouterr().out)["concepts"]
    return {(c["key"], tuple(sorted(t["text"] for t in c["terms"]))) for c in concepts}
