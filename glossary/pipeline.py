"""Extraction of many documents, in worker processes when that pays.

A worker sends each document's mentions back already encoded for the
mention cache (`mention_codec.encode_mentions`): the process that owns the store
writes that row as it is, and decodes it once for clustering, instead of
unpickling the mentions and encoding them again. The encoded row is a
third of the size of the pickled mentions, and decoding it costs about as
much as unpickling them. The worker sends the record uncompressed too
(`mention_codec.encode_record`), so that the store's process decodes it
without decompressing what the worker has just compressed: a quarter of
the decoding's CPU, for twice the bytes through the pipe (≈26 MB for
10 MB of English), which cost it little.

`part` is the per-document stage of `propose` (names grouped within the
document, `cluster.cluster_document`, and the term mentions); a build runs
it in the parent as results arrive (`CorpusFeed.add`, which takes the
groups as the stage leaves them), while the workers extract the next
documents. Running it in the workers does not pay on two cores: even with
the clusters sent as positions of the mentions, it saves the parent
≈1.1 s of CPU for 10 MB but costs the workers as much again, and during
extraction the three processes already keep both cores busy. With more
cores and more workers it would.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import signal
from collections import deque
from collections.abc import (
    Callable,
    Collection,
    Generator,
    Iterable,
    Iterator,
    Sequence,
)
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from itertools import chain, islice
from typing import NamedTuple, Protocol

from glossary.cluster import (
    CorpusStream,
    DocClusters,
    Group,
    Shelf,
    Spilled,
    cluster_corpus_lazily,
    cluster_document,
    emptied,
)
from glossary.extract.english import english_mentions
from glossary.extract.mention_codec import (
    compressed,
    decode_record,
    encode_mentions,
    encode_record,
)
from glossary.extract.nested import nested_mentions
from glossary.extract.term_counts import Hit, TermCounts
from glossary.extract.terms import SOURCE as TERM_SOURCE
from glossary.extract.terms import term_candidates, term_mentions, vi_term_candidates
from glossary.extract.vietnamese import vietnamese_mentions
from glossary.made_apart import can_fork, made_apart
from glossary.model import Candidate, Document, Kind, Mention
from glossary.text import detect_language, detects_vietnamese, language_sample
from glossary.text.sentences import Sentences
from glossary.translate import add_vietnamese_term

__all__ = [
    "CorpusFeed",
    "DocPart",
    "Extracted",
    "Extractor",
    "Proposal",
    "extract",
    "extract_all",
    "part",
    "propose",
    "propose_lazily",
    "with_backend",
]

Extractor = Callable[[Document], tuple[str, list[Mention]]]


class DocPart(NamedTuple):
    """What one document brings to the corpus stage of a build.

    Attributes:
        mentions: how many mentions the document has.
        names: its names grouped within the document.
        terms: its English domain-term mentions and Vietnamese term mentions,
            in document order (term ranking is corpus-wide).
    """

    mentions: int
    names: DocClusters
    terms: tuple[Mention, ...]


class Extracted(NamedTuple):
    """One document's extraction."""

    lang: str
    data: bytes  # the mentions, encoded for the cache
    mentions: list[Mention]


def extract(doc: Document, backend: str = "underthesea") -> tuple[str, list[Mention]]:
    """Detect the document's language and run the matching extractors.

    Args:
        doc: one decoded, NFC document.
        backend: the Vietnamese tagger (`glossary.extract.vi_tagger.BACKENDS`).

    Returns:
        The language ("en", "vi" or "mixed") and the document's mentions.
    """
    lang = doc.lang or detect_language(language_sample(doc.text))
    doc = replace(doc, lang=lang)
    mentions: list[Mention] = []
    if lang != "vi":
        sentences = Sentences(doc.text)  # one scan for names and terms
        mentions += english_mentions(doc, sentences=sentences)
        mentions += term_mentions(doc, sentences=sentences)
    if lang == "en" or len(doc.text) > _WHOLE:
        mentions += vietnamese_parts(doc, backend)
    else:
        mentions += vietnamese_mentions(doc, backend=backend)
    mentions += nested_mentions(mentions)
    return lang, mentions


# Vietnamese parts are tagged a window at a time: underthesea's cost grows
# faster than the text on long inputs (1 MB mixed in one call: 79 s).
_WINDOW = 4000
# A Vietnamese or mixed document up to this size is tagged whole: the tagger
# reads names across line breaks. Beyond it, by windows of every line.
_WHOLE = 100_000
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


def _cut(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) in pieces of at most ~`_WINDOW`, cut after a sentence."""
    while end - start > _WINDOW:
        ends = list(_SENTENCE_END.finditer(text, start + _WINDOW // 2, start + _WINDOW))
        if ends:
            stop = ends[-1].end()
        else:  # no sentence end: cut at a space, never inside a word
            stop = max(text.rfind(" ", start, start + _WINDOW), start + _WINDOW // 2)
        yield start, stop
        start = stop
    yield start, end


def vietnamese_windows(text: str, *, every: bool = False) -> list[tuple[int, int]]:
    """[start, end) of the runs of Vietnamese lines of `text` (of all its
    lines with `every`), each at most ~4,000 characters (a longer line is cut
    after a sentence)."""
    out: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for m in _LINE.finditer(text):
        # An English line full of Vietnamese names reads "mixed": English's.
        if not every and not detects_vietnamese(language_sample(m.group())):
            if m.group().strip():
                run = None  # an English line ends the run
            continue
        if run is not None and m.end() - run[0] <= _WINDOW:
            run = (run[0], m.end())
            out[-1] = run
            continue
        pieces = list(_cut(text, m.start(), m.end()))
        out += pieces
        run = pieces[-1]
    return out


def vietnamese_parts(doc: Document, backend: str = "underthesea") -> list[Mention]:
    """Mentions of the Vietnamese lines of an English document (of every line
    of a long Vietnamese or mixed one).

    Each window is tagged alone and its offsets moved back into `doc`, so the
    cost stays linear in the text and English paragraphs are never tagged.
    """
    out: list[Mention] = []
    every = doc.lang != "en"  # as when tagged whole: English lines too
    for start, end in vietnamese_windows(doc.text, every=every):
        part = replace(doc, text=doc.text[start:end], lang="vi")
        out += [
            m._replace(start=m.start + start, end=m.end + start)
            for m in vietnamese_mentions(part, backend=backend)
        ]
    return out


def part(
    path: str, mentions: Sequence[Mention], disable: Collection[str] = ()
) -> DocPart:
    """The per-document stage of `propose` for one document's mentions.

    Args:
        path: the document's path.
        mentions: its mentions, in the order extraction gave them.
        disable: names of clustering passes not to run (for diagnosis).
    """
    return DocPart(
        len(mentions),
        cluster_document(path, mentions, disable=disable),
        _terms(mentions),
    )


def _terms(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """`DocPart.terms` of `mentions`."""
    term = Kind.TERM
    return tuple(
        m
        for m in mentions
        if m.source == TERM_SOURCE or (m.kind is term and m.lang == "vi")
    )


def propose(parts: Iterable[DocPart], disable: Collection[str] = ()) -> list[Candidate]:
    """Cluster names and rank terms over every document's part, then give
    each its Vietnamese term (`glossary.translate.add_vietnamese_term`).

    Names first (`glossary.cluster.cluster_corpus`, without the passes named
    in `disable`), then English and Vietnamese terms. (Ranking the terms in
    a forked process while this one clustered the names was tried: with
    ranking at ≈0.4 s for 10 MB, the fork, its copy-on-write faults and
    unpickling the result cost more.)
    """
    return list(propose_lazily(parts, disable).candidates)


class Proposal(NamedTuple):
    """`propose_lazily`'s result."""

    mentions: int  # how many mentions the parts had
    total: int  # how many candidates
    candidates: Iterator[Candidate]


def propose_lazily(parts: Iterable[DocPart], disable: Collection[str] = ()) -> Proposal:
    """`propose`, holding less at a time: each part is let go once read,
    and each name's candidate is made (and its group let go) only when the
    iterator gets to it, so a build stores one before the next is made.
    """
    terms: list[Mention] = []
    n = 0

    def names() -> Iterator[DocClusters]:
        nonlocal n
        for p in parts:
            n += p.mentions
            terms.extend(p.terms)
            yield p.names

    count, names_out = cluster_corpus_lazily(names(), disable=disable)
    ranked = [
        *term_candidates([m for m in terms if m.source == TERM_SOURCE]),
        *vi_term_candidates(
            [m for m in terms if m.kind is Kind.TERM and m.lang == "vi"]
        ),
    ]
    terms.clear()
    out = map(add_vietnamese_term, chain(names_out, ranked))
    return Proposal(n, count + len(ranked), out)


class Spill(Shelf, Protocol):
    """Where a `CorpusFeed` puts occurrences, and the groups that wait for
    the end of the corpus stage (`glossary.store.OccurrenceSpill`)."""

    def add(self, rows: list[Spilled], chunks: Iterable[Mention] = ()) -> None: ...
    def add_hits(self, hits: Iterable[Hit]) -> None: ...


# Document-local short names a `CorpusFeed` keeps whole before it shelves
# the next ones in the spill (`glossary.cluster.CorpusStream`): ≈1.3 KB each
# held (≈13 MB in all), and no pickling, writing and reading back for a
# corpus that has fewer (10 MB of English news has ≈4,300; 200 MB ≈85,000).
HOLD_LOCAL = 10_000


# A candidate and the ids of the document groups its occurrences were spilled
# with: none for English terms (the spill has their spans of the term
# mentions), None for Vietnamese terms (which carry their own occurrences).
Proposed = tuple[Candidate, Sequence[int] | None]

# Below this many names, making the last ones in a forked child
# (`CorpusFeed.proposal`) costs more than it saves; the child makes this
# share of them (as it pickles them and copies the pages it touches, it
# makes them at ≈2/3 of the parent's pace, and the parent stores them
# meanwhile).
APART_MIN = 2_000
APART_SHARE = 0.65


class CorpusFeed:
    """`propose_lazily` fed one document at a time, holding per name
    what its candidate needs (`glossary.cluster.CorpusStream`) and per
    English chunk text its counts (`glossary.extract.term_counts`): the
    occurrences of names and titles, and the English term mentions, go to
    `spill` as each document comes.

    Candidates come with the ids of the document groups their occurrences
    were spilled with: none for English terms (their spans of the spilled
    term mentions are given to the spill), None for Vietnamese terms (which
    carry their own occurrences).
    """

    def __init__(self, spill: Spill, disable: Collection[str] = ()) -> None:
        self._stream = CorpusStream(disable, shelf=spill, hold=HOLD_LOCAL)
        self._spill = spill
        self._chunks = TermCounts()
        self._vi_terms: list[Mention] = []
        self.mentions = 0  # how many mentions the documents had

    def add(self, path: str, mentions: Sequence[Mention]) -> None:
        """Take the next document's mentions (documents in path order): its
        `part`, the groups taken as the document stage leaves them, not
        frozen to be thawed again (`CorpusStream.add_document`)."""
        self.mentions += len(mentions)
        terms = _terms(mentions)
        chunks = [m for m in terms if self._chunks.add(m)]
        self._vi_terms += [m for m in terms if m.kind is Kind.TERM and m.lang == "vi"]
        self._spill.add(self._stream.add_document(path, mentions), chunks)

    def proposal(self, *, apart: bool = False) -> tuple[int, Iterator[Proposed]]:
        """How many candidates, and each with its spilled group ids: names
        (made as the iterator gets to them), then terms. Call once.

        `apart`: the last names are made in a forked child meanwhile
        (`glossary.made_apart`), when there are many, nothing was shelved
        (the child would read the spill) and the system can fork.
        """
        groups = self._stream.merged()
        count = len(groups)
        english, hits = self._chunks.candidates()
        self._chunks = TermCounts()
        # the store numbers candidates from 1: names first, then these
        self._spill.add_hits((t, count + 1 + n, f, s, e) for t, n, f, s, e in hits)
        vi = vi_term_candidates(self._vi_terms)
        self._vi_terms = []
        items: list[Group | Proposed] = [
            *groups,
            *((c, ()) for c in english),
            *((c, None) for c in vi),
        ]
        groups.clear()
        if apart and count >= APART_MIN and not self._stream.shelved and can_fork():
            return len(items), made_apart(items, self._proposed, APART_SHARE)
        return len(items), map(self._proposed, emptied(items))

    def _proposed(self, item: Group | Proposed) -> Proposed:
        """The candidate of a name's group, or of a term, with its Vietnamese
        term (`add_vietnamese_term`) and its spilled group ids."""
        c, sources = self._stream.candidate(item) if isinstance(item, Group) else item
        return add_vietnamese_term(c), sources


def _extract_encoded(extractor: Extractor, doc: Document) -> tuple[str, bytes, bytes]:
    """The document's language, its cache row and that row uncompressed."""
    lang, mentions = extractor(doc)
    record = encode_record(mentions)
    return lang, compressed(record), record


def with_backend(backend: str) -> Extractor:
    """`extract` with the Vietnamese tagger `backend` (picklable, so that
    the workers run it)."""
    return extract if backend == "underthesea" else partial(extract, backend=backend)


def _is_extract(extractor: Extractor) -> bool:
    return extractor is extract or (
        isinstance(extractor, partial) and extractor.func is extract
    )


# Below this many documents to extract, starting worker processes costs more
# than it saves.
_POOL_MIN = 48
_POOL_CHUNK = 8


def _ignore_interrupt() -> None:
    # Ctrl-C is handled once, in the parent, which owns the store.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def extract_all(
    docs: Iterable[Document],
    extractor: Extractor = extract,
    workers: int | None = None,
) -> Generator[Extracted, None, None]:
    """Extract `docs`, yielding results in order, in worker processes when
    that pays (the default extractor, enough documents, ``fork`` available).

    `docs` is read as the workers need more, a few chunks ahead, so that
    only those texts are held (``Executor.map`` would take them all first).

    Args:
        docs: the documents.
        extractor: language detection plus extraction (`extract`, or
            `with_backend`'s, run in workers).
        workers: processes (default: one per CPU, at most 2).
    """
    if workers is None:
        workers = min(2, os.cpu_count() or 1)
    docs = iter(docs)
    head = list(islice(docs, _POOL_MIN))
    if (
        workers < 2
        or not _is_extract(extractor)
        or len(head) < _POOL_MIN
        or "fork" not in mp.get_all_start_methods()
    ):
        for doc in chain(head, docs):
            lang, mentions = extractor(doc)
            yield Extracted(lang, encode_mentions(mentions), mentions)
        return
    # The first document here, before the fork: the word lists and
    # gazetteers it loads (≈0.15 s of CPU) are then loaded once, not once
    # per worker, and the workers share their pages.
    lang, mentions = extractor(head[0])
    yield Extracted(lang, encode_mentions(mentions), mentions)
    chunks = _chunks(chain(head[1:], docs), _POOL_CHUNK)
    del head
    # fork: workers inherit the loaded modules and caches instead of
    # importing everything again.
    pool = ProcessPoolExecutor(
        workers, mp_context=mp.get_context("fork"), initializer=_ignore_interrupt
    )
    try:
        run = partial(_extract_chunk, extractor)
        running = deque(pool.submit(run, c) for c in islice(chunks, _AHEAD * workers))
        while running:
            done = running.popleft().result()
            running.extend(pool.submit(run, c) for c in islice(chunks, 1))
            for lang, data, record in done:
                yield Extracted(lang, data, decode_record(record))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Chunks in flight per worker: enough that a worker never waits for the
# parent, few enough that the texts waiting are a few hundred KB.
_AHEAD = 4


def _chunks(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while chunk := list(islice(docs, size)):
        yield chunk


def _extract_chunk(
    extractor: Extractor, docs: list[Document]
) -> list[tuple[str, bytes, bytes]]:
    return [_extract_encoded(extractor, doc) for doc in docs]
