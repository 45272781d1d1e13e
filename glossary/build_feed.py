"""The corpus stage of a build fed in path order, as documents are extracted.

Part of the build use case (`glossary.build`).
"""

from __future__ import annotations

from glossary.model import Mention
from glossary.pipeline import CorpusFeed
from glossary.store import OccurrenceSpill, TermStore

__all__ = ["Feeder"]


class Feeder:
    """Hands every cached document to the corpus stage in path order (the
    order of `TermStore.cached_documents`, which decides the concepts'
    order), each as soon as it can: this run's documents as they are
    extracted, and those cached before them in between.

    Inputs usually come in path order (a directory is read sorted); when
    one does not, or with --prune, the corpus stage starts again after
    extraction from the cache. Either way a document's groups are let go
    once the corpus stage has taken them (`glossary.pipeline.CorpusFeed`).
    """

    def __init__(self, tb: TermStore, disable: frozenset[str], *, ordered: bool):
        self.tb = tb
        self.disable = disable
        self.ordered = ordered
        self.spill = OccurrenceSpill()
        self.feed = CorpusFeed(self.spill, disable)
        self._hashes = tb.document_hashes()  # the cache before this build
        self._cached = sorted(self._hashes)
        self._next = 0  # the first of `_cached` not yet taken
        self._last = ""  # the last document taken

    def arrive(self, path: str, mentions: list[Mention]) -> None:
        """Take a document extracted in this build."""
        if not self.ordered:
            return
        if self._last and path <= self._last:
            self.ordered = False  # out of order: start again after extraction
            self.spill.close()
            self.spill = OccurrenceSpill()
            self.feed = CorpusFeed(self.spill, self.disable)
            return
        self._cached_before(path)
        if self._next < len(self._cached) and self._cached[self._next] == path:
            self._next += 1  # its new text replaces the cached one
        self.feed.add(path, mentions)
        self._last = path

    def _cached_before(self, path: str | None) -> None:
        """Take the cached documents before `path` (all if None)."""
        cached = self._cached
        while self._next < len(cached) and (path is None or cached[self._next] < path):
            older = cached[self._next]
            self._next += 1
            mentions = self.tb.cached_mentions(older, self._hashes[older])
            if mentions is not None:
                self.feed.add(older, mentions)

    def finish(self) -> CorpusFeed:
        """Take the documents not taken yet; the feed, every document in."""
        if self.ordered:
            self._cached_before(None)
        else:
            for path, mentions in self.tb.cached_documents():
                self.feed.add(path, mentions or [])
        return self.feed
