"""tm.service: import per file, the candidate pipeline, search and atomic export."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS

from glossary.errors import ExportError, InputError
from glossary.text import split_sentences
from tm import service
from tm.match import best_matches, tokenize
from tm.model import ExportReport, Unit
from tm.store import MemoryStore

TM_DATA = Path(__file__).resolve().parent.parent / "data" / "tm"

UNITS = [
    Unit("Open the file", "Mở tập tin"),
    Unit("Close the window", "Đóng cửa sổ"),
    Unit("Cannot open the configuration file", "Không thể mở tập tin cấu hình"),
    Unit("Delete %d files", "Xóa %d tập tin"),
    Unit("Save all changes before closing", "Lưu mọi thay đổi trước khi đóng"),
]


@pytest.fixture
def store() -> MemoryStore:
    s = MemoryStore()
    service.import_units(s, "units", UNITS)
    return s


@pytest.mark.parametrize(
    ("query", "want"),
    [
        ("Cannot open the configuraiton file", "Cannot open the configuration file"),
        ("save all changes before", "Save all changes before closing"),
        ("OPEN THE FILE", "Open the file"),
        ("Clsoe the window", "Close the window"),
    ],
)
def test_lookup_finds_perturbed(store: MemoryStore, query: str, want: str) -> None:
    found = service.Matcher(store).lookup(query, minimum=50)
    assert found[0].unit.source == want
    assert found[0].score < 100


def test_read_file_rejects_unknown_kind(tmp_path: Path) -> None:
    f = tmp_path / "x.docx"
    f.write_bytes(b"PK")
    with pytest.raises(InputError, match=r"unknown format \.docx"):
        service.read_file(f)


def test_tsv_import_counts_duplicates(store: MemoryStore) -> None:
    stats = service.import_units(
        store, "good.tsv", service.read_file(TM_DATA / "good.tsv")
    )
    assert (stats.read, stats.added, stats.duplicates) == (2, 0, 2)


def test_search_both_sides(store: MemoryStore) -> None:
    assert [u.source for u in service.search(store, "tap tin", target=True)] == [
        "Open the file",
        "Cannot open the configuration file",
        "Delete %d files",
    ]
    assert service.search(store, "the WINDOW")[0].target == "Đóng cửa sổ"


def test_failed_export_leaves_old_file(store: MemoryStore, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(ExportError):
        service.export(store, "xliff", out)
    assert out.read_text(encoding="utf-8") == "old"
    assert service.export(store, "csv", out) == ExportReport(written=5, left_out=0)
    assert out.read_text(encoding="utf-8").startswith("source,target")
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize(("fmt", "report"), [("tmx", (1, 1)), ("csv", (2, 0))])
def test_export_reports_units_the_format_leaves_out(
    tmp_path: Path, fmt: str, report: tuple[int, int]
) -> None:
    store = MemoryStore()
    path = TM_DATA / "form_feed.csv"
    service.import_units(store, path.name, service.read_file(path))
    got = service.export(store, fmt, tmp_path / f"out.{fmt}")
    assert (got.written, got.left_out) == report


def test_index_and_fts_paths_agree(
    store: MemoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = ["Cannot open the configuraiton file", "Delete 7 files", "open file"]
    indexed = [service.Matcher(store).lookup(q, minimum=40) for q in queries]
    one_off = service.Matcher(store, in_memory=False)  # as `tm lookup` runs
    assert [one_off.lookup(q, minimum=40) for q in queries] == indexed
    monkeypatch.setattr(service, "MAX_UNITS", 0)  # index without the text
    compact = [service.Matcher(store).lookup(q, minimum=40) for q in queries]
    assert indexed == compact
    assert indexed[1][0].translation == "Xóa 7 tập tin"


def test_sources_with_the_query_keys_answer_as_scoring_everything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Case, diacritic, spacing and underscore twins (one a long word away
    from another source) answer without a candidate search when they must
    win, and as scoring every unit always."""
    store = MemoryStore()
    path = TM_DATA / "twins.tsv"
    service.import_units(store, path.name, service.read_file(path))
    units = list(store.units())
    sure: list[str] = []
    asked: list[str] = []
    twins = service._sure_twins

    def spy(query: str, *args: Any) -> Any:
        found = twins(query, *args)
        if found is not None:
            asked.append(query)
        return found

    # Compiled, tm/service.py calls `_sure_twins` natively: a spy sees the
    # calls only where it runs pure; the shortcut's answers are asked directly.
    monkeypatch.setattr(service, "_sure_twins", spy)
    matcher = service.Matcher(store)
    for u in units:
        for q in {u.source, u.source.upper(), u.source.swapcase(), u.source.lower()}:
            for limit in (1, 2, 3):
                want = best_matches(q, units, minimum=50, limit=limit)
                assert matcher.lookup(q, minimum=50, limit=limit) == want
                index = matcher._source_index()
                if twins(q, tokenize(q), index, 50, limit) is not None:
                    sure.append(q)
    if service.__file__.endswith(".py"):
        assert asked == sure
    assert "OPEN THE FILE" in sure
    # one letter of 28 away, "…anizm is a long word" scores 99 too
    assert "ANTIDISESTABLISHMENTARIANISM IS A LONG WORD" not in sure


def _seed_sentences_with_numbers() -> list[str]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end in split_sentences(text):
            sentence = " ".join(text[start:end].split())
            if re.search(r"\d", sentence) and len(sentence.split()) > 5:
                out.append(sentence)
    return out


def test_both_lookup_paths_find_the_same_top_match_on_seed_sentences() -> None:
    """News repeats a sentence with other figures: the numbers must count.

    Each seed sentence holding a number is stored in 40 versions that differ
    only in their numbers; a query is one version with a typo. Its words are
    those of every version, so only the numbers tell the right one apart:
    the in-memory index and the SQLite path must both use them.
    """
    rng = random.Random(4)
    sentences = _seed_sentences_with_numbers()
    assert len(sentences) >= 5
    versions = [
        [re.sub(r"\d+", lambda _: str(rng.randrange(1, 3000)), s) for _ in range(40)]
        for s in sentences
    ]
    store = MemoryStore()
    units = [Unit(v, v, origin="seeds") for vs in versions for v in vs]
    service.import_units(store, "seeds", units)
    indexed, by_sql = service.Matcher(store), service.Matcher(store, in_memory=False)
    for vs in versions:
        want = vs[-7]
        words = want.split()
        k = max(range(len(words)), key=lambda i: (words[i].isalpha(), len(words[i])))
        words[k] = words[k][1] + words[k][0] + words[k][2:]  # a transposition
        query = " ".join(words)
        [top] = indexed.lookup(query, minimum=50, limit=1)
        assert top.unit.source == want
        assert by_sql.lookup(query, minimum=50, limit=1) == [top]
