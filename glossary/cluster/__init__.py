"""Group mentions into concepts: aliases, preferred form, evidence and flags.

Two levels, strongest evidence first:

1. Within one document: full names by key; short references (a Vietnamese
   given name, a foreign surname, "PM Chính") to the one full name in the same
   document that ends (or, surname-first, starts) with them; acronyms to the
   expansion written right before them in parentheses or, failing that, to the
   one expansion in the document whose initials they spell; short forms of
   organisation names to the one longer name they begin.
2. Across documents: only full names (places, organisations, persons of three
   or more syllables) with the same key, and acronyms with no local
   expansion to the one corpus expansion with matching initials.

A short reference that fits two candidates is linked to neither: it gets its
own concept flagged ambiguous, naming both.

The two levels are two stages with a small picklable result in between, so
the first runs as each document's extraction arrives (issue #4):

    docs = [cluster_document(path, mentions_of[path]) for path in paths]
    candidates = cluster_corpus(docs)    # what cluster(all mentions) does

`cluster_document` is pure and sees one document; its `DocClusters` holds
frozen dataclasses and tuples of the document's own `Mention` objects.
`cluster_corpus` takes the results in document order. The memoised helpers
(`name_key`, `norm_key`, word splits) cache pure functions, so every process
may keep its own.

Modules, one job each (this one is the public entry):

    cluster_doc.py        the document stage: mentions into groups
    cluster_doc_links.py  its passes that link whole groups of the document
    cluster_merge.py      the corpus stage: groups merged across documents
    candidate.py          a merged group into a candidate (preferred form, flags)
    cluster_base.py       what they share: keys, word splits, the group, the
                          person index
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from glossary.cluster.base import (
    DocClusters,
    DocGroup,
    Member,
    _freeze,
    _Group,
    _thaw,
    acronym_of,
    norm_key,
)
from glossary.cluster.corpus import _corpus_stage
from glossary.cluster.document import _document_stage
from glossary.gc_pause import paused_gc
from glossary.model import (
    Candidate,
    Mention,
)

__all__ = [
    "DocClusters",
    "DocGroup",
    "acronym_of",
    "cluster",
    "cluster_corpus",
    "cluster_document",
    "norm_key",
]


def cluster(mentions: Sequence[Mention]) -> list[Candidate]:
    """Cluster mentions (all documents, both languages) into candidate concepts.

    Mentions of kind TERM are skipped (terms have their own candidates).
    `cluster_corpus` over `cluster_document` of each document, documents in
    order of first mention.
    """
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.document, []).append(m)
    return cluster_corpus(cluster_document(d, ms) for d, ms in by_doc.items())


def cluster_document(document: str, mentions: Sequence[Mention]) -> DocClusters:
    """The per-document stage of `cluster`: group one document's mentions.

    Pure, and picklable both ways, so it can run in the extraction workers
    (`glossary.build`); the corpus stage (`cluster_corpus`) then only merges.
    The memoised key helpers it uses are caches of pure functions, so every
    process (a forked worker too) may keep its own.

    Args:
        document: the document's path (`Mention.document` of its mentions).
        mentions: the document's mentions, in document order; TERM mentions
            are skipped.

    Returns:
        The document's groups of names and its title mentions.
    """
    groups, titles = _document_stage(document, mentions)
    return DocClusters(
        document,
        tuple(_freeze(g) for g in groups),
        tuple((k, tuple(v)) for k, v in titles.items()),
    )


def cluster_corpus(docs: Iterable[DocClusters]) -> list[Candidate]:
    """The corpus stage of `cluster`: merge documents' groups into candidates.

    ``cluster_corpus([cluster_document(d, ms) for d, ms in ...])`` equals
    ``cluster(mentions)`` when the documents come in order of first mention.

    Args:
        docs: `cluster_document` of each document, in the order the
            candidates should follow.

    Returns:
        Candidate concepts: names first, then titles.
    """
    groups: list[_Group] = []
    titles: list[dict[str, list[Member]]] = []
    with paused_gc():
        for d in docs:  # once: `docs` may be a generator
            groups.extend(_thaw(g) for g in d.groups)
            titles.append({k: list(v) for k, v in d.titles})
        return _corpus_stage(groups, titles)
