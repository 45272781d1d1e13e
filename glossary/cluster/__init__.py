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
`cluster_corpus` takes the results in document order; `CorpusStream` is the
same stage fed one document at a time, holding per name a tally of its
mentions instead of every one (a build's memory). The memoised helpers
(`name_key`, `norm_key`, word splits) cache pure functions, so every process
may keep its own.

Each stage is a tuple of named passes, run in order: `DOCUMENT_PASSES`
and `CORPUS_PASSES` (`STAGES` names both; `glossary rules` lists them). A
pass is a public function over the stage's state whose docstring names the
class of case it handles and the evidence it records; `disable` switches
passes off by name, for diagnosis.

Modules, one job each (this one is the public entry):

    document.py        the document stage: mentions into groups
    document_links.py  its passes that link whole groups of the document
    corpus.py          the corpus stage: groups merged across documents
    tally.py           what a merged group counts of the mentions it let go
    state_names.py     its join of bodies and posts by their state name
    candidate.py       a merged group into a candidate (preferred form, flags)
    preferred.py       the preferred terms adjusted by kind
    base.py            what they share: keys, word splits, the group, the
                       person index, the document stage's state
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from glossary.cluster.base import (
    DocClusters,
    DocGroup,
    Group,
    Member,
    acronym_of,
    freeze,
    norm_key,
    split_name,
    thaw,
)
from glossary.cluster.candidate import candidate_of
from glossary.cluster.corpus import (
    CORPUS_PASSES,
    corpus_groups,
    merge_corpus,
    merge_same_name,
)
from glossary.cluster.document import DOCUMENT_PASSES, document_stage
from glossary.cluster.tally import Tally
from glossary.gc_pause import paused_gc
from glossary.model import (
    Candidate,
    Kind,
    Mention,
)

__all__ = [
    "CORPUS_PASSES",
    "DOCUMENT_PASSES",
    "STAGES",
    "CorpusStream",
    "DocClusters",
    "DocGroup",
    "Group",
    "Shelf",
    "Spilled",
    "acronym_of",
    "check_pass_names",
    "cluster",
    "cluster_corpus",
    "cluster_corpus_lazily",
    "cluster_document",
    "emptied",
    "norm_key",
]

# Every stage's passes, in the order they run.
STAGES: dict[str, tuple[Callable[[Any], None], ...]] = {
    "document": DOCUMENT_PASSES,
    "corpus": CORPUS_PASSES,
}


def check_pass_names(names: Iterable[str]) -> frozenset[str]:
    """`names` as a set, if each names a pass of `STAGES`.

    Raises:
        ValueError: a name is not a pass (the message lists the passes).
    """
    known = {run.__name__ for passes in STAGES.values() for run in passes}
    wanted = frozenset(names)
    unknown = sorted(wanted - known)
    if unknown:
        raise ValueError(
            f"no pass named {', '.join(unknown)} (passes: {', '.join(sorted(known))})"
        )
    return wanted


def cluster(
    mentions: Sequence[Mention], *, disable: Collection[str] = ()
) -> list[Candidate]:
    """Cluster mentions (all documents, both languages) into candidate concepts.

    Mentions of kind TERM are skipped (terms have their own candidates).
    `cluster_corpus` over `cluster_document` of each document, documents in
    order of first mention; `disable` names passes not to run.
    """
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.document, []).append(m)
    return cluster_corpus(
        (cluster_document(d, ms, disable=disable) for d, ms in by_doc.items()),
        disable=disable,
    )


def cluster_document(
    document: str, mentions: Sequence[Mention], *, disable: Collection[str] = ()
) -> DocClusters:
    """The per-document stage of `cluster`: group one document's mentions.

    Pure, and picklable both ways, so it can run in the extraction workers
    (`glossary.build`); the corpus stage (`cluster_corpus`) then only merges.
    The memoised key helpers it uses are caches of pure functions, so every
    process (a forked worker too) may keep its own.

    Args:
        document: the document's path (`Mention.document` of its mentions).
        mentions: the document's mentions, in document order; TERM mentions
            are skipped.
        disable: names of passes of `DOCUMENT_PASSES` not to run.

    Returns:
        The document's groups of names and its title mentions.

    Raises:
        ValueError: `disable` names no pass (see `check_pass_names`).
    """
    groups, titles = document_stage(document, mentions, check_pass_names(disable))
    return DocClusters(
        document,
        tuple(freeze(g) for g in groups),
        tuple((k, tuple(v)) for k, v in titles.items()),
    )


def cluster_corpus(
    docs: Iterable[DocClusters], *, disable: Collection[str] = ()
) -> list[Candidate]:
    """The corpus stage of `cluster`: merge documents' groups into candidates.

    ``cluster_corpus([cluster_document(d, ms) for d, ms in ...])`` equals
    ``cluster(mentions)`` when the documents come in order of first mention.

    Args:
        docs: `cluster_document` of each document, in the order the
            candidates should follow.
        disable: names of passes of `CORPUS_PASSES` not to run.

    Returns:
        Candidate concepts: names first, then titles.

    Raises:
        ValueError: `disable` names no pass (see `check_pass_names`).
    """
    return list(cluster_corpus_lazily(docs, disable=disable)[1])


def cluster_corpus_lazily(
    docs: Iterable[DocClusters], *, disable: Collection[str] = ()
) -> tuple[int, Iterator[Candidate]]:
    """`cluster_corpus`, holding less: each document's groups are let go once
    taken from `docs`, and each candidate is made only when the iterator
    gets to it, its group let go then (a build stores each before the next).

    Returns:
        How many candidates, and the candidates.

    Raises:
        ValueError: `disable` names no pass (see `check_pass_names`).
    """
    disable = check_pass_names(disable)
    groups: list[Group] = []
    titles: list[dict[str, list[Member]]] = []
    with paused_gc():
        for d in docs:  # once: `docs` may be a generator
            groups.extend(thaw(g) for g in d.groups)
            titles.append({k: list(v) for k, v in d.titles})
        merged = corpus_groups(groups, titles, disable)
    return len(merged), _candidates_of(merged)


def _candidates_of(groups: list[Group]) -> Iterator[Candidate]:
    """`candidate_of` each group in order, emptying `groups` as it goes."""
    return map(candidate_of, emptied(groups))


# An occurrence as a streamed build spills it: the id of the document group
# it came in, the written form (text, lang) it is an occurrence of, and the
# mention (its document, start, end and context are the occurrence's).
Spilled = tuple[int, str, str, Mention]


class Shelf(Protocol):
    """Where a `CorpusStream` puts what it need not hold to the end
    (`glossary.store.OccurrenceSpill`)."""

    def shelve(self, item: Any) -> int:
        """Keep `item`; the key to take it back by."""
        ...

    def unshelve(self, key: int) -> Any:
        """The item kept under `key`."""
        ...


def _shelvable(g: Group) -> bool:
    """True for a document-local person whose every form is one word ("Deputy
    Prime Minister Sivak": most local groups): the corpus passes ask it only
    its kind, flags, titles, first name and whether a form has several words,
    and only `link_titled_short_names` moves it (see `CorpusStream`)."""
    return (
        g.local
        and g.kind is Kind.PERSON
        and g.shelved is None
        and all(
            " " not in m.text and len(split_name(m.text)) == 1 for m, _, _ in g.members
        )
    )


class CorpusStream:
    """The corpus stage fed one document at a time, holding per name what its
    candidate needs rather than every mention.

    `add` merges each document's groups into the groups of the same name at
    once (`merge_same_names`, run as documents come), and each merged group
    keeps only the first mentions of each written form (enough for the
    evidence a term shows; `glossary.cluster.base.KEPT_POSITIONS`), with
    the rest counted in its tally. The occurrences of every mention are
    handed back to the caller to spill, each with the id of the document
    group it came in; a candidate lists those ids (its group's `sources`).
    `candidates` runs the other corpus passes and makes the candidates: the
    same as `cluster_corpus` over the same documents in the same order, but
    their occurrences, which the spill holds.

    Memory grows with the number of distinct names (and with the
    document-local groups: short names that stay local), not with mentions.
    With a `shelf`, a document-local person named in one word, past the
    first `hold` such, keeps only its first member, without its sentence;
    the rest waits on the shelf until a pass moves the group or its
    candidate is made (at 200 MB of text, 85,000 of 90,000 groups are
    such).
    """

    def __init__(
        self,
        disable: Collection[str] = (),
        shelf: Shelf | None = None,
        hold: int = 0,
    ):
        self.disable = check_pass_names(disable)
        self._merge = "merge_same_names" not in self.disable
        self._shelf = shelf
        self._hold = hold  # shelvable groups still kept whole
        self.shelved = False  # whether a group went to the shelf
        self._groups: list[Group] = []
        self._by_key: dict[tuple[Kind, str], Group] = {}
        self._titles: dict[str, Group] = {}
        self._next_id = 0

    def add(self, doc: DocClusters) -> list[Spilled]:
        """Take one document's groups and titles (documents in order).

        Returns:
            The occurrences of its mentions, to spill.
        """
        return self._take(map(thaw, doc.groups), doc.titles)

    def add_document(self, document: str, mentions: Sequence[Mention]) -> list[Spilled]:
        """`add` of ``cluster_document(document, mentions)``, its groups
        taken as the document stage leaves them (not frozen to be thawed)."""
        groups, titles = document_stage(document, mentions, self.disable)
        return self._take(groups, titles.items())

    def _take(
        self,
        groups: Iterable[Group],
        titles: Iterable[tuple[str, Sequence[Member]]],
    ) -> list[Spilled]:
        rows: list[Spilled] = []
        for g in groups:
            gid = self._next_id
            self._next_id += 1
            rows += [(gid, m.text, m.lang, m) for m, _, _ in g.members]
            rows += [(gid, text, lang, m) for text, lang, _, _, m in g.extra]
            g.sources = [gid]
            if self._merge:
                merge_same_name(g, self._by_key, self._groups)
                if self._shelf is not None and _shelvable(g):
                    if self._hold > 0:
                        self._hold -= 1
                    else:
                        self._put(g, self._shelf)
                        self.shelved = True
            else:
                self._groups.append(g)
        for key, members in titles:
            gid = self._next_id
            self._next_id += 1
            t = self._titles.get(key)
            if t is None:
                t = self._titles[key] = Group(
                    Kind.TITLE, "", key, tally=Tally(), sources=[]
                )
            assert t.sources is not None
            t.sources.append(gid)
            for m, ttype, ev in members:
                rows.append((gid, m.text, m.lang, m))
                t.add(m, ttype, ev)
        return rows

    @staticmethod
    def _put(g: Group, shelf: Shelf) -> None:
        """Shelve `g`'s members, extra forms and sources, but its first
        member (without its sentence: no pass reads it)."""
        m, ttype, ev = g.members[0]
        g.shelved = shelf.shelve((g.members, g.extra, g.sources))
        g.members = [(m._replace(context=""), ttype, ev)]
        g.extra = []
        g.sources = []

    def _unshelve(self, g: Group) -> None:
        """Bring back what `_put` shelved of `g`."""
        if g.shelved is not None and self._shelf is not None:
            g.members, g.extra, g.sources = self._shelf.unshelve(g.shelved)
            g.shelved = None

    def candidates(self) -> tuple[int, Iterator[tuple[Candidate, list[int]]]]:
        """Run the corpus passes; then how many candidates, and each (made
        as the iterator gets to it) with the ids of the document groups its
        occurrences were spilled with. Call once, after the last `add`."""
        merged = self.merged()
        return len(merged), map(self.candidate, emptied(merged))

    def merged(self) -> list[Group]:
        """Run the corpus passes: the groups to make candidates of
        (`candidate`), in order. Call once, after the last `add`."""
        merged = merge_corpus(
            self._groups, self.disable, merged=self._merge, unshelve=self._unshelve
        )
        merged.extend(self._titles.values())
        self._titles = {}
        self._by_key = {}
        return merged

    def candidate(self, g: Group) -> tuple[Candidate, list[int]]:
        """The candidate of a group of `merged`, with the ids of the document
        groups its occurrences were spilled with."""
        self._unshelve(g)
        return candidate_of(g), g.sources or []


T = TypeVar("T")


def emptied(items: list[T]) -> Iterator[T]:
    """The items of `items` in order, each let go of as it is taken."""
    items.reverse()
    while items:
        yield items.pop()
