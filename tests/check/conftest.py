"""Fixtures of the check tests: a small term base and documents made from strings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from glossary.api import Glossary
from glossary.check.model import Document, Field, Segment
from glossary.store import TermBase

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CHECK_DATA = ROOT / "tests" / "data" / "check"

P, A, F, D = "preferred", "admitted", "forbidden", "deprecated"

RECORDS = [
    {
        "kind": "person",
        "terms": [
            {"text": "Phạm Minh Chính", "lang": "vi", "status": P},
            {"text": "Pham Minh Chinh", "lang": "en"},
            {"text": "PM Chính", "lang": "en", "type": "shortForm"},
        ],
    },
    {
        "kind": "person",
        "terms": [
            {"text": "Nguyễn Hồng Diên", "lang": "vi", "status": P},
            {"text": "Diên", "lang": "vi", "type": "shortForm"},
        ],
    },
    {
        "kind": "place",
        "terms": [
            {"text": "Belarus", "lang": "vi", "status": P},
            {"text": "Bê-la-rút", "lang": "vi"},
            {"text": "Belarus", "lang": "en", "status": P},
        ],
    },
    {
        "kind": "term",
        "status": "approved",
        "terms": [
            {"text": "Prime Minister", "lang": "en", "status": P},
            {"text": "Thủ tướng", "lang": "vi", "status": P},
        ],
    },
    {
        "kind": "term",
        "terms": [
            {"text": "clean energy", "lang": "en", "status": P},
            {"text": "năng lượng sạch", "lang": "vi", "status": P},
            {"text": "năng lượng xanh", "lang": "vi", "status": F},
        ],
    },
    {
        "kind": "term",
        "terms": [
            {"text": "bilateral cooperation", "lang": "en"},
            {"text": "hợp tác song phương", "lang": "vi"},
        ],
    },
]


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return Glossary.from_records(RECORDS)


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory, glossary: Glossary) -> str:
    """The same term base as a database file, for the service and the CLI."""
    path = tmp_path_factory.mktemp("check") / "glossary.db"
    with TermBase(path) as tb:
        for cid in range(1, len(glossary) + 1):
            tb.add_concept(glossary.concept(cid), keep_id=True)
    return str(path)


Pair = tuple[str, str]


@pytest.fixture
def pairs() -> Callable[..., Document]:
    """A bilingual document: one unit per (source, target), lines 1, 2, ..."""

    def make(
        units: Sequence[Pair], kind: str = "po", contexts: Sequence[str] = ()
    ) -> Document:
        segs = tuple(
            Segment(
                i,
                contexts[i] if contexts else "",
                Field(t, "vi", "t.po", i + 1),
                Field(s, "en", "t.po", i + 1),
                i + 1,
            )
            for i, (s, t) in enumerate(units)
        )
        return Document("t.po", kind, segs)

    return make


@pytest.fixture
def article() -> Callable[..., Document]:
    """A monolingual document: one paragraph per string, one line each."""

    def make(paragraphs: Sequence[str], lang: str = "vi") -> Document:
        segs, offset = [], 0
        for i, text in enumerate(paragraphs):
            segs.append(
                Segment(
                    i,
                    "",
                    Field(text, lang, "a.txt", 2 * i + 1, offset),
                    None,
                    2 * i + 1,
                )
            )
            offset += len(text) + 2
        return Document("a.txt", "text", tuple(segs))

    return make
