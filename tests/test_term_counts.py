"""Term ranking from counts per chunk text: what ranking every mention gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

from glossary.extract.term_counts import TermCounts
from glossary.extract.terms import term_candidates, term_mentions
from glossary.model import Document, Mention


def _mentions() -> list[Mention]:
    paths = sorted(SEEDS.glob("*.txt"))
    for name in ("news-dev", "news-dev2"):
        paths += sorted(Path(SHARED / "corpus" / name).glob("en_*.txt"))
    if len(paths) < 10:
        pytest.skip("news-dev missing")
    out: list[Mention] = []
    for p in paths:
        out += term_mentions(Document(p.name, p.read_text(encoding="utf-8")))
    return out


def test_counts_rank_the_terms_of_every_mention_and_place_their_occurrences() -> None:
    # the same candidates (terms, counts, contexts, evidence) without their
    # occurrences; each chunk text's spans, over every mention of that text,
    # are the occurrences term_candidates gives
    mentions = _mentions()
    want = term_candidates(mentions)
    counts = TermCounts()
    assert all(counts.add(m) for m in mentions)
    got, hits = counts.candidates()
    assert [c.concept for c in got] == [c.concept for c in want]
    assert all(not c.occurrences for c in got)
    spans: dict[str, list[tuple[int, str, int, int]]] = {}
    for text, n, form, s, e in hits:
        spans.setdefault(text, []).append((n, form, s, e))
    placed: dict[tuple[int, str], list[tuple[str, int, int, str]]] = {}
    for m in mentions:
        for n, form, s, e in spans.get(m.text, ()):
            placed.setdefault((n, form), []).append(
                (m.document, m.start + s, m.start + e, m.context)
            )
    expected = {
        (n, form): sorted((o.document, o.start, o.end, o.context) for o in occs)
        for n, c in enumerate(want)
        for (form, _), occs in c.occurrences.items()
    }
    assert {k: sorted(v) for k, v in placed.items()} == expected
    assert any(len(c.concept.terms) > 1 for c in want)  # spelling variants too


def test_counts_take_english_term_mentions_only() -> None:
    counts = TermCounts()
    name = Mention("Hà Nội", "a.txt", 0, 6, "vi", source="vi-rules")
    assert not counts.add(name)
    assert counts.candidates()[0] == []
