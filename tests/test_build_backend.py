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
from glossary.extract import vi_lexicon, vi_tagger
from glossary.extract.mention_codec import decode_mentions
from glossary.extract.vi_tokens import TaggedWord
from glossary.model import Document
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


def _spy_on_tagger(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    used: list[str] = []
    real = vi_tagger.raw_tags

    def spy(paragraph: str, backend: str) -> list[tuple[str, str]]:
        used.append(backend)
        return real(paragraph, backend)

    monkeypatch.setattr("glossary.extract.vi_tokens.raw_tags", spy)
    return used


def test_the_build_tags_with_the_chosen_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    used = _spy_on_tagger(monkeypatch)
    with TermBase(tmp_path / "g.db") as tb:
        report = build(tb, [str(VI)], backend="pyvi")
    assert report.new > 0
    assert set(used) == {"pyvi"}


def test_rules_are_the_default_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as right as underthesea on Vietnamese neither was tuned on, and equal
    # or better on news-dev and news-dev2 (bench/results/build.md)
    used = _spy_on_tagger(monkeypatch)
    read: list[str] = []
    real = vi_lexicon.lexicon_tag

    def spy(text: str) -> list[TaggedWord]:
        read.append(text)
        return real(text)

    monkeypatch.setattr(vi_lexicon, "lexicon_tag", spy)
    with TermBase(tmp_path / "g.db") as tb:
        assert build(tb, [str(VI)]).new > 0
    assert main(["build", "-q", "--db", str(tmp_path / "cli.db"), str(VI)]) == 0
    assert used == []  # no tagger
    assert len(read) == 2


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
