"""`glossary build --backend`: the Vietnamese tagger a build runs, in the
workers too, and cached apart from another tagger's mentions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

from glossary.build import build, build_documents
from glossary.cli import main
from glossary.extract.mention_codec import decode_mentions
from glossary.model import Document, Mention
from glossary.pipeline import extract, extract_all, with_backend
from glossary.store import TermBase

VI = SHARED / "corpus" / "news-dev" / "vi_03.txt"


def test_a_build_with_another_tagger_extracts_again(tmp_path: Path) -> None:
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    with TermBase(tmp_path / "g.db") as tb:
        assert build(tb, [str(seeds)]).processed == 5
        assert build(tb, [str(seeds)], backend="pyvi").processed == 5
        assert build(tb, [str(seeds)], backend="pyvi").unchanged == 5
        assert build(tb, [str(seeds)]).processed == 5


# What a build tagged with is read from what it cached, not by spying on
# the tagger: the modules mypyc compiles call each other without looking the
# names up, so a patched name would not be seen.
def _cached(db: Path) -> list[Mention]:
    with TermBase(db) as tb:
        [mentions] = list(tb.all_cached_mentions())
    return [m._replace(document="") for m in mentions]


def _extracted(backend: str) -> list[Mention]:
    doc = Document(str(VI), VI.read_text("utf-8"))
    return [m._replace(document="") for m in extract(doc, backend=backend)[1]]


def test_the_build_tags_with_the_chosen_backend(tmp_path: Path) -> None:
    with TermBase(tmp_path / "g.db") as tb:
        report = build(tb, [str(VI)], backend="pyvi")
    assert report.new > 0
    assert _cached(tmp_path / "g.db") == _extracted("pyvi") != _extracted("rules")


def test_rules_are_the_default_backend(tmp_path: Path) -> None:
    # as right as underthesea on Vietnamese neither was tuned on, and equal
    # or better on news-dev and news-dev2 (bench/results/build.md)
    with TermBase(tmp_path / "g.db") as tb:
        assert build(tb, [str(VI)]).new > 0
    assert main(["build", "-q", "--db", str(tmp_path / "cli.db"), str(VI)]) == 0
    rules = _extracted("rules")
    assert rules != _extracted("underthesea")  # no tagger
    assert _cached(tmp_path / "g.db") == _cached(tmp_path / "cli.db") == rules


def test_an_unknown_backend_is_refused(tmp_path: Path) -> None:
    doc = Document(str(VI), VI.read_text("utf-8"))
    with TermBase(tmp_path / "g.db") as tb, pytest.raises(ValueError, match="spacy"):
        build_documents(tb, [doc], backend="spacy")
    cli = [sys.executable, "-m", "glossary.cli", "build", "--backend", "spacy"]
    run = subprocess.run([*cli, str(VI)], capture_output=True, text=True)
    assert run.returncode == 2
    assert "invalid choice: 'spacy'" in run.stderr


@pytest.mark.parametrize("backend", ["pyvi", "rules"])
def test_workers_run_the_chosen_backend(backend: str) -> None:
    text = VI.read_text("utf-8")
    docs = [Document(f"{n}.txt", text) for n in range(48)]
    chosen = extract(docs[0], backend=backend)
    assert chosen != extract(docs[0])  # the taggers differ on this text
    pooled = list(extract_all(docs, with_backend(backend), workers=2))
    assert [r.lang for r in pooled] == ["vi"] * len(docs)
    for doc, r in zip(docs, pooled, strict=True):
        assert decode_mentions(r.data) == [
            m._replace(document=doc.path) for m in chosen[1]
        ]
