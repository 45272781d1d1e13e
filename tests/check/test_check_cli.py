"""`glossary check` end to end: exit codes, the three output formats, --fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml
from lxml import etree

from glossary.check import CHECKS
from glossary.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "check"
PARALLEL = ROOT.parent / "shared" / "corpus" / "parallel"
PO = str(DATA / "name_variant.po")


def test_list_checks_names_every_check_with_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--list-checks"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [c.name for c in CHECKS]
    assert all(len(line.split(None, 1)[1]) > 20 for line in lines)


def test_text_findings_are_file_line_check_message(
    db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", db_path, PO]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        f"{PO}:8: name-variant: “Pham Minh Chinh” should be written "
        "“Phạm Minh Chính” [headline]" in out
    )
    assert any(
        line.startswith(f"{PO}:13: placeholders: placeholder %s") for line in out
    )


def test_clean_file_exits_0(
    db_path: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clean = tmp_path / "clean.vi.txt"
    clean.write_text("Thủ tướng Phạm Minh Chính thăm Belarus.\n", encoding="utf-8")
    assert main(["check", "--db", db_path, str(clean)]) == 0
    assert capsys.readouterr().out == ""


def test_only_and_exclude_select_checks(
    db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", db_path, "--only", "numbers", PO]) == 0
    assert (
        main(["check", "--db", db_path, "--exclude", "name-variant,placeholders", PO])
        == 0
    )
    assert main(["check", "--db", db_path, "--only", "spelling", PO]) == 2
    assert "unknown check 'spelling'" in capsys.readouterr().err


def test_bad_input_is_one_line_exit_2_and_nothing_written(
    db_path: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "fixed"
    bad = str(DATA / "bad_string.po")
    assert main(["check", "--db", db_path, "--fix", str(out), PO, bad]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"glossary: error: {bad}:6: PO syntax error: unterminated string"]
    assert not out.exists()


def test_json_is_stable_and_documented(
    db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", db_path, "--format", "json", PO]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert (doc["format"], doc["version"], doc["files"]) == ("glossary-check", 1, [PO])
    first = doc["findings"][0]
    assert set(first) == {
        "file",
        "line",
        "unit",
        "check",
        "side",
        "start",
        "end",
        "text",
        "message",
        "suggestion",
        "fixable",
        "concept_id",
    }
    assert doc["summary"]["findings"] == len(doc["findings"])
    assert doc["summary"]["by_check"]["name-variant"] == 2


def test_junit_validates_and_a_junit_parser_reads_it(
    db_path: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    files = [PO, str(DATA / "segments_20.xlf")]
    assert main(["check", "--db", db_path, "--format", "junit", *files]) == 1
    report = tmp_path / "report.xml"
    report.write_text(capsys.readouterr().out, encoding="utf-8")
    schema = etree.XMLSchema(etree.parse(str(DATA / "junit.xsd")))
    schema.assertValid(etree.parse(str(report)))
    suites = list(JUnitXml.fromfile(str(report)))
    assert [s.name for s in suites] == files
    failed = [c for c in suites[1] if any(isinstance(r, Failure) for r in c.result)]
    assert {c.name for c in failed} == {"term-forbidden", "numbers", "name-variant"}
    assert suites[1].failures == len(failed)
    passed = {c.name for c in suites[1]} - {c.name for c in failed}
    assert "tone-style" in passed


def test_fix_reports_what_it_changed(
    db_path: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "fixed.po"
    assert main(["check", "--db", db_path, "--fix", str(out), PO]) == 1
    err = capsys.readouterr().err
    assert "fixed " in err
    assert f"{out}: 2 fixes applied" in err
    assert "Phạm Minh Chính" in out.read_text(encoding="utf-8")


def test_without_a_term_base_the_other_checks_still_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GLOSSARY_DB", raising=False)
    assert main(["check", str(DATA / "tone_mixed.vi.txt")]) == 1
    captured = capsys.readouterr()
    assert "tone-style" in captured.out
    assert "skipped term-missing" in captured.err


@pytest.mark.skipif(not PARALLEL.is_dir(), reason="needs ../shared/corpus")
def test_parallel_corpus_together_reports_its_two_tone_styles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # directories stand for their files; each .vi.txt pairs with its seed
    args = [str(PARALLEL), str(ROOT / "seeds")]
    assert main(["check", "--together", *args]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3
    assert all("000_ee629b6e4a47ac1f.vi.txt" in line for line in out)
    assert all("old tone-mark style" in line for line in out)


def test_a_run_of_some_checks_loads_only_their_modules() -> None:
    """--only placeholders,numbers reads a catalogue without the name tables,
    the gazetteer, the term base's code or lxml (a command line's start-up)."""
    code = (
        "import sys; from glossary.cli import main; "
        f"main(['check', '--only', 'placeholders,numbers', {PO!r}]); "
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    loaded = set(done.stderr.split())
    assert "glossary.check.placeables" in loaded
    assert not loaded & {
        "glossary.check.names",
        "glossary.check.old_unit",
        "glossary.check.terms",
        "glossary.api",
        "lxml.etree",
    }
    assert [c.function.__name__ for c in CHECKS] == [
        c.name.replace("-", "_") for c in CHECKS
    ]
