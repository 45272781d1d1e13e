"""The build use case: texts in, candidates clustered, term base updated.

Three phases, each safe to interrupt:

1. *extract*: every document whose content hash changed is run through the
   extractors (English names, English domain terms, Vietnamese names and
   terms), in worker processes when there are many (`glossary.pipeline`);
   its mentions are cached in the store with its hash (one transaction per
   quarter of a second of results). Inputs are read one at a time as the
   workers take them, so only the texts being extracted are held.
2. *cluster*: the cached mentions of every document ever built are clustered
   into candidates, documents in path order: each document's names are
   grouped (`pipeline.part`) and merged by name into the corpus's groups as
   it arrives (those cached before it in between), holding per name what
   its candidate needs; the occurrences go to a scratch file
   (`store.OccurrenceSpill`), and the English term mentions are counted per
   text (`pipeline.CorpusFeed`). After extraction the other corpus passes
   run and each merged group becomes a candidate only when the store phase
   takes it.
3. *store*: one transaction replaces what builds derive (counts,
   occurrences, copied from the spill, build evidence) and merges
   candidates into concepts by key,
   following merge redirects. Review decisions are never undone: rejected
   keys are not proposed again; reviewed concepts keep kind, status, note,
   flags and preferred terms; manual terms are not changed or moved; a term
   a reviewer placed in a concept (split, merge, move) stays there.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import BinaryIO

from glossary.build_feed import Feeder
from glossary.cluster import check_pass_names
from glossary.errors import InputError
from glossary.extract.vi_tagger import BACKENDS, DEFAULT_BACKEND
from glossary.gc_pause import paused_gc
from glossary.model import Candidate, Concept, Document, Occurrence, Term, TermStatus
from glossary.names.world import gazetteer_digest
from glossary.pipeline import Extractor, extract, extract_all, with_backend
from glossary.reader import Inputs, KnownAs
from glossary.store import BuildWriter, ConceptSummary, OccurrenceSpill, TermStore
from glossary.text import name_key, nfc

__all__ = [
    "BuildReport",
    "Progress",
    "apply_candidates",
    "build",
    "build_documents",
    "content_hash",
    "extract",
]

_STAMP = "clustered-stamp"

# Called as progress(phase, done, total) with phase "extract" or "store".
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did, for the summary line and the exit status."""

    documents: int = 0  # documents read and decodable
    processed: int = 0  # extracted this run (new or changed)
    unchanged: int = 0  # hash unchanged: mentions taken from the cache
    bytes: int = 0  # UTF-8 size of the processed documents
    mentions: int = 0  # mentions clustered (all documents; 0 if nothing changed)
    new: int = 0
    updated: int = 0
    flagged: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # all concepts after
    skipped: tuple[InputError, ...] = ()
    empty: tuple[str, ...] = ()
    copies: int = 0  # inputs holding a text already built under another name
    pruned: int = 0  # documents forgotten by --prune

    @property
    def ok(self) -> bool:
        """True when every input was built (nothing skipped, nothing empty)."""
        return not self.skipped and not self.empty


def content_hash(doc: Document, backend: str = DEFAULT_BACKEND) -> str:
    """Key of the mention cache: SHA-256 of the pipeline version, the
    Vietnamese tagger (when not the default) and the NFC text.

    The version covers the extractors' source, so a new release re-extracts
    every document once instead of serving stale mentions; so does a build
    with another tagger.
    """
    seed = pipeline_version() + gazetteer_digest()
    if backend != DEFAULT_BACKEND:
        seed += f":vi-backend={backend}"
    digest = hashlib.sha256(seed.encode())
    digest.update(doc.text.encode("utf-8"))
    return digest.hexdigest()


# The faces and file formats, which decide no mention or cluster.
_UNHASHED = frozenset({"align", "commands", "formats", "tui"})


def core_modules() -> list[Path]:
    """The source files whose code can change a build's mentions or clusters:
    every module of the package and of its core folders (text, lang, names,
    extract, cluster, store), not the faces and file formats."""
    here = Path(__file__).resolve().parent
    return sorted(
        path
        for path in [*here.rglob("*.py"), *(here / "data").glob("*.tsv")]
        if path.relative_to(here).parts[0] not in _UNHASHED
    )


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A hash of the source of every core module (`core_modules`).

    Listing the modules that decide mentions and clusters went stale as
    modules were split; a change anywhere in the core re-extracts each
    document once, which only an upgrade does to users.
    """
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in core_modules():
        digest.update(path.relative_to(here).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build(
    tb: TermStore,
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    disable: Collection[str] = (),
    prune: bool = False,
    backend: str = DEFAULT_BACKEND,
) -> BuildReport:
    """Read `paths` (files, directories, ``-``) and build them into `tb`.

    Unreadable and empty inputs are skipped and listed in the report; the
    others are built. A source is known by where it is and what it holds: the
    same file under another path (``s/a.txt``, ``$PWD/s/a.txt``) or a copy of
    a text already built is not built twice.

    Args:
        tb: the term base to update.
        paths: files (.txt, .md), directories (searched recursively) or ``-``.
        stdin: the stream behind ``-``.
        progress: called as documents are extracted and candidates stored.
        workers: extraction processes (see `build_documents`).
        disable: clustering passes not to run (see `build_documents`).
        prune: forget the documents built before that are not among these
            inputs (sources deleted or moved away), and their names.
        backend: the Vietnamese tagger (see `build_documents`).

    Returns:
        The report (see `BuildReport.ok` for the exit status).
    """
    # Read one document at a time, as extraction takes them: a build holds
    # the texts it is extracting, not the corpus.
    inputs = Inputs(paths, stdin=stdin)
    names = KnownAs(tb.document_hashes(), partial(content_hash, backend=backend))
    report = build_documents(
        tb,
        names.documents(inputs),
        progress=progress,
        workers=workers,
        disable=disable,
        backend=backend,
        prune=prune,
        total=inputs.sources,
    )
    return replace(
        report,
        skipped=tuple(inputs.skipped),
        empty=tuple(inputs.empty),
        copies=names.copies,
    )


def build_documents(
    tb: TermStore,
    documents: Iterable[Document],
    *,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
    workers: int | None = None,
    disable: Collection[str] = (),
    backend: str = DEFAULT_BACKEND,
    prune: bool = False,
    total: int | None = None,
) -> BuildReport:
    """Build decoded documents into `tb` (see the module docstring).

    Args:
        tb: the term base to update.
        documents: NFC documents, read once, in order (each is let go once
            extracted); a path seen before with the same text is not
            extracted again.
        progress: called as documents are extracted and candidates stored.
        extractor: language detection plus extraction (default `extract`
            with `backend`).
        workers: processes that run the default extractor (default: one per
            CPU, at most 2, when there are many documents; see
            `glossary.pipeline`); the store stays in this process, and
            caches extracted documents in one transaction per quarter of a
            second.
        disable: names of clustering passes not to run, for diagnosis
            (`glossary.cluster.STAGES`); the next build without them
            clusters again.
        backend: the Vietnamese tagger, one of
            `glossary.extract.vi_tagger.BACKENDS`; its mentions are cached
            apart from another tagger's.
        prune: forget the documents built before that are not among
            `documents` (sources deleted or moved away), and their names.
        total: how many documents there are at most, for `progress`
            (default: ``len(documents)``).

    Returns:
        The report of this build.

    Raises:
        ValueError: `disable` names no pass, or `backend` no tagger.
    """
    disable = check_pass_names(disable)
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; use {' or '.join(BACKENDS)}")
    extractor = extractor or with_backend(backend)
    # A build keeps millions of small objects alive (mentions, groups,
    # candidates) and makes no cycles of them: full collections scanning
    # them all cost the parent a third of its CPU (decoding and grouping the
    # 10 MB corpus's cache: 4.2 s with the collector, 2.1 s without). The
    # forked workers inherit the pause.
    if total is None:
        documents = list(documents)
        total = len(documents)
    with paused_gc():
        return _build_documents(
            tb, documents, progress, extractor, workers, disable, backend, prune, total
        )


# Extracted documents are cached in one transaction per this many seconds
# (a commit per document cost twice the CPU); an interrupted build loses at
# most that much extraction.
_CACHE_EVERY = 0.25


def _cache(tb: TermStore, rows: list[tuple[str, str, bytes, str]]) -> None:
    with tb.transaction():
        for path, digest, data, lang in rows:
            tb.cache_encoded(path, digest, data, lang)
    rows.clear()


def _build_documents(
    tb: TermStore,
    documents: Iterable[Document],
    progress: Progress | None,
    extractor: Extractor,
    workers: int | None,
    disable: frozenset[str],
    backend: str,
    prune: bool,
    total: int,
) -> BuildReport:
    feeder = Feeder(tb, disable, ordered=not prune)
    try:
        extracted = _extract_changed(
            tb, documents, (progress, total), extractor, workers, feeder, backend
        )
        stale = set(tb.document_hashes()) - extracted.seen if prune else set()
        tb.forget_documents(stale)
        # The stamp also covers the clustering code: a new clustering re-runs.
        stamp = f"{pipeline_version()}{gazetteer_digest()}:{tb.cache_stamp()}"
        if disable:
            stamp += ":without:" + ",".join(sorted(disable))
        new = updated = n_mentions = 0
        # Nothing changed since the last completed store phase: skip clustering.
        if extracted.processed or tb.meta(_STAMP) != stamp:
            new, updated, n_mentions = _cluster(tb, feeder, stamp, progress)
    finally:
        feeder.spill.close()
    counts = tb.counts()
    return BuildReport(
        documents=len(extracted.seen),
        pruned=len(stale),
        processed=extracted.processed,
        unchanged=extracted.unchanged,
        bytes=extracted.size,
        mentions=n_mentions,
        new=new,
        updated=updated,
        flagged=counts.get("flagged", 0),
        by_kind={
            k.removeprefix("kind:"): v
            for k, v in sorted(counts.items())
            if k.startswith("kind:")
        },
    )


@dataclass
class _Extracted:
    """What the extraction step of a build did, and what it is doing."""

    seen: set[str]  # every document's path
    # (path, hash, size) of each document handed to extraction, not yet back
    pending: deque[tuple[str, str, int]]
    processed: int = 0
    unchanged: int = 0
    size: int = 0  # bytes of text extracted

    def changed(
        self,
        tb: TermStore,
        documents: Iterable[Document],
        backend: str,
        report: Progress | None,
        total: int,
    ) -> Iterator[Document]:
        """The `documents` whose content changed since `tb` cached them, each
        put in `pending`; the others counted as unchanged."""
        for doc in documents:
            self.seen.add(doc.path)
            digest = content_hash(doc, backend)
            if tb.document_hash(doc.path) == digest:
                self.unchanged += 1
                if report:
                    report("extract", self.unchanged + self.processed, total)
                continue
            self.pending.append((doc.path, digest, len(doc.text.encode("utf-8"))))
            yield doc


def _extract_changed(
    tb: TermStore,
    documents: Iterable[Document],
    progress: tuple[Progress | None, int],
    extractor: Extractor,
    workers: int | None,
    feeder: Feeder,
    backend: str,
) -> _Extracted:
    """Extract the documents whose content changed; cache what they yield,
    and hand their mentions to `feeder` as they come.

    `progress` is the callback and the number of documents it is told of.
    """
    report, total = progress
    extracted = _Extracted(seen=set(), pending=deque())
    changed = extracted.changed(tb, documents, backend, report, total)
    rows: list[tuple[str, str, bytes, str]] = []  # cache rows not yet written
    written = time.monotonic()
    for done in extract_all(changed, extractor, workers):
        path, digest, size = extracted.pending.popleft()
        rows.append((path, digest, done.data, done.lang))
        feeder.arrive(path, done.mentions)
        extracted.processed += 1
        extracted.size += size
        if time.monotonic() - written >= _CACHE_EVERY:
            _cache(tb, rows)
            written = time.monotonic()
        if report:
            report("extract", extracted.unchanged + extracted.processed, total)
    _cache(tb, rows)
    return extracted


def _cluster(
    tb: TermStore, feeder: Feeder, stamp: str, progress: Progress | None
) -> tuple[int, int, int]:
    """Cluster every cached document and store the concepts: (new, updated,
    mentions)."""
    feed = feeder.finish()
    total, proposed = feed.proposal(apart=True)
    with tb.transaction():
        new, updated = _apply(tb, proposed, feeder.spill, progress, total)
        tb.set_meta(_STAMP, stamp)
    return new, updated, feed.mentions


class _Places:
    """Where one (text, lang) lives, indexed: a common short name such as a
    given name is a term of hundreds of document-local concepts."""

    __slots__ = ("first", "pinned")

    def __init__(self) -> None:
        self.first: dict[int, tuple[int, bool]] = {}  # concept → first (term, manual)
        self.pinned: list[tuple[int, int]] = []  # manual or reviewed: (concept, term)

    def add(self, cid: int, tid: int, manual: bool, reviewed: set[int]) -> None:
        self.first.setdefault(cid, (tid, manual))
        if manual or cid in reviewed:
            self.pinned.append((cid, tid))


class _Placer:
    """Puts candidate terms into concepts, respecting reviewers' placements.

    Writes go through one `BuildWriter`: the places index answers what
    `TermStore.add_term` would look up row by row.
    """

    def __init__(self, tb: TermStore, reviewed: set[int], out: BuildWriter) -> None:
        self.out = out
        self.reviewed = reviewed
        self.places: dict[tuple[str, str], _Places] = {}
        for key, locs in tb.term_places().items():
            places = self.places[key] = _Places()
            for cid, tid, manual in locs:
                places.add(cid, tid, manual, reviewed)
        self.seen: set[int] = set()
        self.placeless = tb.placeless_evidence()

    def place(self, concept_id: int, term: Term, occs: Sequence[Occurrence]) -> int:
        """Put `term` (seen at `occs`) into a concept; return its term id."""
        text = nfc(term.text).strip()
        places = self.places.get((text, term.lang))
        if places is None:
            places = self.places[(text, term.lang)] = _Places()
        own = places.first.get(concept_id)
        # A reviewer's placement wins over the clustering's.
        elsewhere = next(
            ((cid, tid) for cid, tid in places.pinned if cid != concept_id), None
        )
        if own is not None:
            tid, manual = own
            self.out.add_term(concept_id, self._unseen(tid, term), into=tid)
            if not manual and concept_id not in self.reviewed:
                self.out.update_term(
                    tid, concept_id, status=term.status, type=term.type
                )
        elif elsewhere is not None:
            target, tid = elsewhere
            self.out.add_term(target, self._unseen(tid, term), into=tid)
        else:
            if concept_id in self.reviewed and term.is_preferred:
                term = replace(term, status=TermStatus.ADMITTED)
            tid = self.out.add_term(concept_id, term)
            places.add(concept_id, tid, False, self.reviewed)
        self.out.add_occurrences(tid, occs)
        self.seen.add(tid)
        return tid

    def _unseen(self, tid: int, term: Term) -> Term:
        """`term` without the placeless evidence its stored term already has
        (rebuilds used to add another copy each time)."""
        known = self.placeless
        kept = tuple(
            e
            for e in term.evidence
            if e.document or (tid, e.rule, e.detail) not in known
        )
        return term if len(kept) == len(term.evidence) else replace(term, evidence=kept)


def _key(concept: Concept) -> str:
    return concept.key or f"{concept.kind}:{name_key(concept.label)}"


def apply_candidates(
    tb: TermStore,
    candidates: Iterable[Candidate],
    *,
    progress: Progress | None = None,
    total: int | None = None,
) -> tuple[int, int]:
    """Merge candidates into the term base in one transaction.

    Args:
        tb: the term base.
        candidates: the clustering of every document built so far, read
            once, in order (each may be made as it is taken and let go once
            stored).
        progress: called as candidates are stored.
        total: how many candidates there are, for `progress` (default:
            ``len(candidates)``, which a list has).

    Returns:
        How many concepts were created and how many existing ones changed.
    """
    if total is None:
        candidates = list(candidates)
        total = len(candidates)
    return _apply(tb, ((c, None) for c in candidates), None, progress, total)


def _apply(
    tb: TermStore,
    proposed: Iterable[tuple[Candidate, Sequence[int] | None]],
    spill: OccurrenceSpill | None,
    progress: Progress | None,
    total: int,
) -> tuple[int, int]:
    """`apply_candidates` of candidates, each with the ids of the document
    groups whose occurrences `spill` holds (None: the candidate has its own;
    none: `spill` holds them by the candidate's number, from 1)."""
    before = {s.id: s for s in tb.summaries()}
    reviewed = tb.reviewed_concept_ids()
    rejected = tb.rejected_keys()
    occurring = tb.occurring_term_ids()
    created: set[int] = set()
    with tb.transaction():
        tb.reset_build_data()
        by_key = tb.concept_ids_by_key()
        out = tb.bulk()
        placer = _Placer(tb, reviewed, out)
        for n, (cand, sources) in enumerate(proposed, 1):
            key = _key(cand.concept)
            if key not in rejected:
                cid = _concept_for(out, cand.concept, key, by_key, reviewed, created)
                if spill is not None and sources:
                    spill.map_sources(n, sources)
                for term in cand.concept.terms:
                    occs = cand.occurrences.get((term.text, term.lang), ())
                    tid = placer.place(cid, term, occs)
                    if spill is not None and sources is not None:
                        spill.map_term(n, term.text, term.lang, tid)
            if progress and (n % 500 == 0 or n == total):
                progress("store", n, total)
        if spill is not None:
            out.add_spilled(spill)
        out.flush()
        # a build's terms are those with occurrences and those it made
        # (a Vietnamese name, a gazetteer form: evidence tied to no document)
        made = {tid for tid, _, _ in placer.placeless}
        _prune(tb, (occurring | made) - placer.seen, reviewed, created)
    if not before:  # a first build: nothing to compare, only what is left
        return len(created & set(tb.concept_ids_by_key().values())), 0
    after = {s.id: s for s in tb.summaries()}
    new = len(created & after.keys())
    updated = sum(
        1 for cid, row in after.items() if cid in before and _changed(before[cid], row)
    )
    return new, updated


def _concept_for(
    out: BuildWriter,
    concept: Concept,
    key: str,
    by_key: dict[str, int],
    reviewed: set[int],
    created: set[int],
) -> int:
    cid = by_key.get(key)
    if cid is None:
        cid = by_key[key] = out.add_concept(concept, key=key)
        created.add(cid)
    elif cid not in reviewed and cid not in created:
        out.update_concept(
            cid, kind=concept.kind, note=concept.note, flags=concept.flags
        )
    return cid


def _prune(
    tb: TermStore, stale: set[int], reviewed: set[int], created: set[int]
) -> None:
    """Drop build terms no longer seen, and candidate concepts left empty."""
    owners = tb.term_owners(stale)
    tb.remove_terms(
        tid
        for tid, (cid, manual) in owners.items()
        if cid not in reviewed and not manual
    )
    touched = created | {cid for cid, _ in owners.values()}
    tb.delete_concepts(tb.empty_candidates(touched) - reviewed)


def _changed(a: ConceptSummary, b: ConceptSummary) -> bool:
    return (a.label, a.terms, a.occurrences, a.flags, a.kind, a.status) != (
        b.label,
        b.terms,
        b.occurrences,
        b.flags,
        b.kind,
        b.status,
    )
