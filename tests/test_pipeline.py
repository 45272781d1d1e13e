"""Extraction of many documents: worker processes, and the per-document stage."""

from __future__ import annotations

import itertools
import multiprocessing as mp
from collections.abc import Iterator

import pytest
from conftest import DATA, SEEDS

from glossary import pipeline as extraction
from glossary.cluster import cluster
from glossary.extract.mention_codec import decode_mentions
from glossary.model import Document
from glossary.pipeline import extract, extract_all, part, propose
from glossary.text import detect_language
from glossary.translate import add_vietnamese_terms


def _paragraphs() -> list[Document]:
    """The seed articles cut into lines: enough documents for the pool."""
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for n, line in enumerate(path.read_text("utf-8").splitlines()):
            if line.strip():
                docs.append(Document(f"{path.name}#{n:03d}", line))
    return docs


def test_parts_propose_names_then_terms() -> None:
    docs = [Document(str(p), p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    mentions = {d.path: extract(d)[1] for d in docs}
    parts = [part(path, ms) for path, ms in sorted(mentions.items())]
    every = [m for _, ms in sorted(mentions.items()) for m in ms]
    candidates = propose(parts)
    names = add_vietnamese_terms(cluster(every))  # the step after clustering
    assert candidates[: len(names)] == names
    terms = candidates[len(names) :]
    assert terms
    assert all(c.concept.kind == "term" for c in terms)
    assert sum(p.mentions for p in parts) == len(every)


@pytest.mark.skipif(
    "fork" not in mp.get_all_start_methods(), reason="workers need fork"
)
def test_workers_give_what_one_process_gives() -> None:
    docs = _paragraphs()
    assert len(docs) >= extraction._POOL_MIN
    pooled = list(extract_all(docs, workers=2))
    alone = list(extract_all(docs, workers=1))
    assert [r.lang for r in pooled] == [r.lang for r in alone]
    assert [r.mentions for r in pooled] == [r.mentions for r in alone]
    assert [r.data for r in pooled] == [r.data for r in alone]
    assert all(decode_mentions(r.data) == r.mentions for r in alone)
    assert sum(len(r.mentions) for r in alone) > 100


def test_custom_extractor_runs_in_this_process() -> None:
    seen: list[str] = []

    def extractor(doc: Document) -> tuple[str, list[object]]:
        seen.append(doc.path)
        return "en", []

    docs = _paragraphs()
    results = list(extract_all(docs, extractor, workers=2))  # type: ignore[arg-type]
    assert seen == [d.path for d in docs]
    assert all(r.mentions == [] for r in results)


def _vi_body() -> str:
    """The Vietnamese sentences of tests/data/text/vi_bodies.txt as one paragraph."""
    lines = (DATA / "text" / "vi_bodies.txt").read_text(encoding="utf-8").splitlines()
    body = " ".join(line.strip() for line in lines if line.strip())
    assert detect_language(body) == "vi"
    return body


def test_vietnamese_part_of_an_english_document_is_extracted() -> None:
    english = "The Prime Minister met the press in Hanoi on Tuesday. " * 40
    vi = _vi_body()
    text = f"{english}\n\n{vi}\n\n{english}\n"
    lang, mentions = extract(Document(path="mixed.txt", text=text))
    assert lang == "en"
    # nested names depend on the document's other names: compare the tagger's
    found = [m for m in mentions if m.lang == "vi" and m.source != "nested"]
    alone = [
        m
        for m in extract(Document(path="vi.txt", text=vi))[1]
        if m.lang == "vi" and m.source != "nested"
    ]
    assert {m.text for m in found} == {m.text for m in alone}
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(m.start > len(english) for m in found)  # English was never tagged


def test_windows_cover_a_long_line_in_bounded_pieces() -> None:
    line = " ".join([_vi_body()] * 60)  # one line of tens of thousands of characters
    windows = extraction.vietnamese_windows(f"An English title line.\n{line}\n")
    assert len(windows) > 4
    assert max(end - start for start, end in windows) <= 4000
    assert all(b[0] == a[1] for a, b in itertools.pairwise(windows))


@pytest.mark.skipif(
    "fork" not in mp.get_all_start_methods(), reason="workers need fork"
)
def test_workers_take_documents_a_few_chunks_ahead() -> None:
    # Executor.map would take all 400 texts before the first result: a
    # build of 200 MB would hold the corpus
    docs = _paragraphs()
    taken = 0

    def given() -> Iterator[Document]:
        nonlocal taken
        for doc in itertools.islice(itertools.cycle(docs), 400):
            taken += 1
            yield doc

    results = extract_all(given(), workers=2)
    first = next(results)
    bound = extraction._POOL_MIN + (2 * extraction._AHEAD + 1) * extraction._POOL_CHUNK
    assert taken <= bound < 400
    assert first.mentions == extract(docs[0])[1]
    results.close()  # the pool is shut down
    assert taken <= bound
