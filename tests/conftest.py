"""Shared fixtures: term bases on both engines (an in-memory SQLite one, and a
fresh PostgreSQL database when a server is at hand: see tests/pg_cluster.py),
a small hand-made one, and the seeds."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import NoReturn, TypeVar

import pytest
from hypothesis import settings

from glossary.cluster import cluster
from glossary.extract.english import english_mentions
from glossary.model import (
    Concept,
    ConceptStatus,
    Document,
    Evidence,
    Flag,
    Kind,
    Mention,
    Occurrence,
    Term,
    TermStatus,
    TermType,
)
from glossary.store import TermStore, open_store

# Tables kept between runs (glossary.names.tables) go to a directory of this
# session's, not to the user's cache: every session works them out once.
_TABLES = tempfile.TemporaryDirectory(prefix="glossary-tables-")
os.environ.setdefault("GLOSSARY_CACHE", _TABLES.name)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def load_tool(name: str) -> ModuleType:
    """The script tools/`name`.py, imported as module `name` (tools/ is no
    package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# No test is timed (speed is measured in bench/): hypothesis's per-example
# deadline only fails examples that ran while the machine was busy.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")


def _t(
    text: str,
    lang: str = "en",
    status: TermStatus = TermStatus.ADMITTED,
    type: TermType = TermType.VARIANT,
    count: int = 1,
    rule: str = "",
) -> Term:
    ev = (
        (Evidence(rule=rule, document="seeds/000.txt", start=0, end=len(text)),)
        if rule
        else ()
    )
    return Term(
        text=text, lang=lang, status=status, type=type, count=count, evidence=ev
    )


P, A = TermStatus.PREFERRED, TermStatus.ADMITTED
SAMPLE_CONCEPTS: tuple[Concept, ...] = (
    Concept(
        kind=Kind.PERSON,
        key="person:phamminhchinh",
        note="role: Prime Minister",
        terms=(
            _t("Phạm Minh Chính", "vi", P, TermType.FULL_FORM, 3),
            _t("Pham Minh Chinh", "en", A, TermType.VARIANT, 2, "same-name-key"),
            _t("PM Chính", "en", A, TermType.SHORT_FORM, 1, "title+given-name"),
            _t("Chính", "en", A, TermType.SHORT_FORM, 4, "given-name"),
        ),
    ),
    Concept(
        kind=Kind.PERSON,
        key="person:anatolysivak",
        note="role: Deputy Prime Minister",
        terms=(
            _t("Anatoly Sivak", "en", P, TermType.FULL_FORM, 2),
            _t("Sivak", "en", A, TermType.SHORT_FORM, 3, "surname"),
        ),
    ),
    Concept(
        kind=Kind.PLACE,
        key="place:hanoi",
        terms=(
            _t("Hà Nội", "vi", P, TermType.FULL_FORM, 2),
            _t("Hanoi", "en", A, TermType.VARIANT, 1, "same-name-key"),
            _t("HÀ NỘI", "vi", A, TermType.VARIANT, 1, "same-name-key"),
        ),
    ),
    Concept(
        kind=Kind.PLACE,
        key="place:hungyen",
        flags=frozenset({Flag.RESTORED}),
        terms=(
            _t("Hưng Yên", "vi", P, TermType.FULL_FORM, 0, "gazetteer"),
            _t("Hung Yen", "en", A, TermType.VARIANT, 2),
        ),
    ),
    Concept(
        kind=Kind.ORG,
        key="org:intergovernmentalcommittee",
        terms=(
            _t("Intergovernmental Committee", "en", P, TermType.FULL_FORM, 3),
            _t("Ủy ban liên Chính phủ", "vi", P, TermType.FULL_FORM, 1),
        ),
    ),
    Concept(
        kind=Kind.ORG,
        key="org:fta",
        terms=(
            _t("Free Trade Agreement", "en", P, TermType.FULL_FORM, 2),
            _t("FTA", "en", A, TermType.ACRONYM, 3, "acronym-in-parentheses"),
        ),
    ),
    Concept(
        kind=Kind.TITLE,
        key="title:primeminister",
        status=ConceptStatus.APPROVED,
        terms=(
            _t("Prime Minister", "en", P, TermType.FULL_FORM, 5),
            _t("PM", "en", A, TermType.ACRONYM, 4),
            _t("Thủ tướng", "vi", P, TermType.FULL_FORM, 2),
        ),
    ),
    Concept(
        kind=Kind.TERM,
        key="term:digitaltransformation",
        terms=(
            _t("digital transformation", "en", P, TermType.FULL_FORM, 4),
            _t("chuyển đổi số", "vi", P, TermType.FULL_FORM, 2),
        ),
    ),
    Concept(
        kind=Kind.TERM,
        key="term:circulareconomy",
        status=ConceptStatus.REJECTED,
        terms=(_t("circular economy", "en", P, TermType.FULL_FORM, 2),),
    ),
    Concept(
        kind=Kind.OTHER,
        key="other:chinh",
        flags=frozenset({Flag.AMBIGUOUS}),
        note="ambiguous: Phạm Minh Chính | Nguyễn Văn Chính",
        terms=(_t("Chinh", "en", P, TermType.SHORT_FORM, 1, "ambiguous"),),
    ),
)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server to make databases on, once per test process.

    $GLOSSARY_TEST_PG, else a throwaway cluster on a Unix socket; without
    either the test skips (fails under `make test-pg`).
    """
    try:
        import pg_cluster
    except ImportError:  # psycopg is not installed
        _no_server("psycopg is not installed: pip install -e '.[test]'")
    with pg_cluster.server() as url:
        if url is None:
            _no_server(pg_cluster.HOW_TO_RUN)
        yield url


def _no_server(how: str) -> NoReturn:
    if os.environ.get("GLOSSARY_REQUIRE_PG"):
        pytest.fail(how)
    pytest.skip(how)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database (dropped afterwards)."""
    from pg_cluster import fresh_database

    with fresh_database(pg_server) as url:
        yield url


ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


@pytest.fixture(params=ENGINES)
def store_target(request: pytest.FixtureRequest) -> str:
    """Where a fresh term base goes: ":memory:" (SQLite) or a PostgreSQL URL."""
    if request.param == "sqlite":
        return ":memory:"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def durable_target(store_target: str, tmp_path: Path) -> str:
    """Like `store_target`, but a file for SQLite (kept across reopening)."""
    return str(tmp_path / "g.db") if store_target == ":memory:" else store_target


@pytest.fixture
def termbase(store_target: str) -> Iterator[TermStore]:
    """An empty term base, on each engine in turn."""
    tb = open_store(store_target)
    yield tb
    tb.close()


Store = TypeVar("Store", bound=TermStore)


def concept_id(tb: TermStore, text: str) -> int:
    """The id of the first concept `tb.find(text)` gives (a test's setup)."""
    found = tb.find(text)[0].id
    assert found is not None
    return found


def fill_sample(tb: Store) -> Store:
    """Add SAMPLE_CONCEPTS (with one occurrence per term) to `tb`."""
    for concept in SAMPLE_CONCEPTS:
        cid = tb.add_concept(concept)
        for term in tb.concept(cid).terms:
            assert term.id is not None
            context = f"Example sentence mentioning {term.text} here."
            start = context.index(term.text)
            tb.add_occurrences(
                term.id,
                [Occurrence("seeds/000.txt", start, start + len(term.text), context)],
            )
    return tb


@pytest.fixture
def sample_termbase(store_target: str) -> Iterator[TermStore]:
    """A small hand-made term base: stable input for format, API and TUI
    tests, on each engine in turn."""
    tb = fill_sample(open_store(store_target))
    yield tb
    tb.close()


@pytest.fixture
def small_mo(tmp_path: Path) -> Path:
    """tests/data/tm/small.po compiled with GNU msgfmt (skip if not installed)."""
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt not installed")
    out = tmp_path / "small.mo"
    po = DATA / "tm" / "small.po"
    subprocess.run(["msgfmt", "-o", str(out), str(po)], check=True)
    return out


def english_concepts(docs: Iterable[tuple[str, str]]) -> list[Concept]:
    """The concepts clustered from English documents given as (path, text)."""
    ms: list[Mention] = []
    for path, text in docs:
        ms.extend(english_mentions(Document(path, text)))
    return [c.concept for c in cluster(ms)]


def english_kinds(text: str) -> dict[str, Kind | None]:
    """The kind of each name the English extractor finds in `text` (titles left out)."""
    return {
        m.text: m.kind
        for m in english_mentions(Document("t.txt", text))
        if m.kind is not Kind.TITLE
    }


def owner_of(concepts: list[Concept], text: str) -> Concept:
    """The one concept with a term written `text`."""
    hits = [c for c in concepts if any(t.text == text for t in c.terms)]
    assert len(hits) == 1, (text, [c.terms for c in hits])
    return hits[0]
