"""An in-memory word index over a memory's sources, for sub-millisecond lookups.

Built once per `Matcher` from the stored scoring tokens (no tokenising, no
SQL per query), for memories up to `tm.store.TOKENISED_UNITS` (300k); larger
ones use the store's FTS5 index instead. It holds each source, its tokens and
one int32 posting per distinct word. Words are `tm.match.index_words`, for
the sources as for the query, as in the FTS5 path: numbers and the words
inside placeables count ("ties in 2001" finds the 2001 version first).

A query's candidates are the sources sharing the most informative words with
it: each query word adds its inverse document frequency to every source that
contains it (a numpy scatter over the posting list), and a word the memory
never saw (a typo) is replaced by its nearest vocabulary words first.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import process
from rapidfuzz.distance import OSA

from glossary.text import fold
from tm.match import (
    Tokens,
    decode_tokens,
    encode_tokens,
    index_words,
    source_words,
    tokenize,
)

__all__ = ["SourceIndex", "Speller"]

# Words in more than this share of sources (at most this many words) get a
# dense mask: scattering their long posting lists would dominate a lookup.
_DENSE_SHARE = 0.02
_DENSE_WORDS = 64
# Less than any word's idf, so only orders sources that share the same words.
_LENGTH_COST = 0.01


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Speller:
    """Nearest vocabulary words of a typo, by shared one-letter deletions.

    As in SymSpell, every vocabulary word is indexed under itself and each of
    its one-letter deletions, so one inserted, deleted, changed or transposed
    letter is found with a few dictionary probes instead of a scan of the
    vocabulary. Candidates are then kept at OSA distance ≤ 1 (≤ 2 for words
    of six letters or more, which shared deletions reach for some pairs).
    """

    def __init__(self, words: Iterable[str], *, indexed: bool = True) -> None:
        """Index `words` (folded); about 10 dictionary entries a word.

        Args:
            words: The vocabulary, or a dict of word → frequency.
            indexed: Build the deletion index (0.2 s for 12k words); without
                it each correction scans the words of similar length (a few
                ms), which is cheaper for a handful of corrections.
        """
        # One string per entry ("\x00" between words, which never hold it):
        # most entries name one word, and a str is a third of a list's size.
        self._deletes: dict[str, str] = {}
        self._by_length: dict[int, list[str]] | None = None
        # Given a word → frequency dict, ties in distance go to the commoner
        # word ("teh": the, not eh or te).
        self._freq: dict[str, int] = words if isinstance(words, dict) else {}
        if not indexed:
            self._by_length = {}
            for w in words:
                self._by_length.setdefault(len(w), []).append(w)
            return
        for w in words:
            for d in {w, *_deletions(w)}:
                had = self._deletes.get(d)
                self._deletes[d] = w if had is None else f"{had}\x00{w}"

    def corrections(self, word: str) -> list[str]:
        """Up to three vocabulary words nearest `word`, nearest first.

        >>> Speller(["open", "file", "often"]).corrections("opne")
        ['open']
        """
        if len(word) < 3:
            return []
        near: set[str] = set()
        if self._by_length is not None:
            for n in range(len(word) - 2, len(word) + 3):
                near.update(self._by_length.get(n, ()))
        for d in (word, *_deletions(word)):
            found = self._deletes.get(d)
            if found is not None:
                near.update(found.split("\x00"))
        best = process.extract(
            word,
            sorted(near),
            scorer=OSA.distance,
            score_cutoff=1 if len(word) < 6 else 2,
            limit=None,
        )
        best.sort(key=lambda m: (m[1], -self._freq.get(m[0], 0)))
        return [str(m[0]) for m in best[:3]]


class SourceIndex:
    """A word → sources posting index, with the sources' text if asked to keep it.

    Postings, lengths and ids are numpy arrays (about 100 bytes a unit for
    memories of short segments, with the common words' masks); the text
    (sources and their encoded scoring tokens, about 0.5 KB a unit) is kept
    only with `keep_text`, and larger memories fetch their few candidates'
    text from the store instead.
    """

    def __init__(
        self, rows: Iterable[tuple[int, str, str | None]], *, keep_text: bool = True
    ) -> None:
        """Index `rows` of (unit id, source, `encode_tokens` of it or None), by id."""
        self.keeps_text = keep_text
        self.sources: list[str] = []
        # Encoded tokens (a third of the size of `Tokens`), decoded when scored.
        self._tokens: list[str | Tokens] = []
        self.vocab: dict[str, int] = {}
        # array('i'), not lists: a million units make millions of postings.
        ids, words, units, lengths = array("q"), array("i"), array("i"), array("i")
        for n, (uid, source, encoded) in enumerate(rows):
            if keep_text:
                toks = tokenize(source) if encoded is None else decode_tokens(encoded)
                stored = encoded if encoded is not None else encode_tokens(source, toks)
                self._tokens.append(stored or toks)
                self.sources.append(source)
                found = index_words(toks)
            else:
                found = source_words(source)
            ids.append(uid)
            lengths.append(len(found))
            for w in set(found):
                words.append(self.vocab.setdefault(w, len(self.vocab)))
                units.append(n)
        self.ids: NDArray[np.int64] = np.frombuffer(ids, dtype=np.int64)
        self._lengths = np.frombuffer(lengths, dtype=np.int32).astype(np.float32)
        word_arr = np.frombuffer(words, dtype=np.int32)
        order = np.argsort(word_arr, kind="stable")
        self._postings: NDArray[np.int32] = np.frombuffer(units, dtype=np.int32)[order]
        counts = np.bincount(word_arr, minlength=len(self.vocab))
        self._start: NDArray[np.int64] = np.concatenate(([0], np.cumsum(counts)))
        size = max(len(self.ids), 1)
        self._idf = [math.log(1 + size / max(int(c), 1)) for c in counts]
        self._speller: Speller | None = None
        # Sources equal up to case, diacritics and spacing (the store's `fkey`),
        # by the hash of their fold: a lookup finds them without SQL.
        self._twins: dict[int, int] = {}  # the first source of each fold
        self._more_twins: dict[int, list[int]] = {}  # the others, if any
        for n, source in enumerate(self.sources):
            key = hash(fold(source))
            if self._twins.setdefault(key, n) != n:
                self._more_twins.setdefault(key, []).append(n)
        # The most common words get a dense membership mask (a byte a unit),
        # so that a query with rarer words only reads them at the sources
        # those words found.
        common = np.argsort(-counts, kind="stable")[:_DENSE_WORDS]
        self._dense: dict[int, NDArray[np.bool_]] = {}
        for wid in common[counts[common] > size * _DENSE_SHARE]:
            mask = np.zeros(size, dtype=np.bool_)
            mask[self._postings[self._start[wid] : self._start[wid + 1]]] = True
            self._dense[int(wid)] = mask

    def __len__(self) -> int:
        return len(self.ids)

    def tokens(self, position: int) -> Tokens:
        """The scoring tokens of the source at `position`."""
        toks = self._tokens[position]
        return decode_tokens(toks) if isinstance(toks, str) else toks

    def position(self, unit_id: int) -> int | None:
        """Where the unit `unit_id` is in `ids`, or None if it is not indexed."""
        p = int(np.searchsorted(self.ids, unit_id))
        return p if p < len(self.ids) and self.ids[p] == unit_id else None

    def twins(self, query: str) -> list[int]:
        """Positions of the sources equal to `query` up to case, diacritics and
        spacing (as `tm.store.fold_key` compares them); only with the text."""
        folded = fold(query)
        key = hash(folded)
        first = self._twins.get(key)
        if first is None:
            return []
        found = [first, *self._more_twins.get(key, ())]
        return [p for p in found if fold(self.sources[p]) == folded]

    def corrections(self, word: str) -> list[str]:
        """The vocabulary words nearest an unknown `word` (see `Speller`)."""
        if self._speller is None:
            sizes = np.diff(self._start)
            self._speller = Speller({w: int(sizes[i]) for w, i in self.vocab.items()})
        return self._speller.corrections(word)

    def candidates(self, words: Sequence[str], limit: int) -> list[int]:
        """Positions of the (up to `limit`) sources sharing the most with `words`.

        Args:
            words: The query's folded words (`tm.match.index_words`).
            limit: How many positions to return, best first.

        Returns:
            Positions into `ids`/`sources`/`tokens`, by descending shared
            inverse document frequency.
        """
        groups: list[list[int]] = []
        for w in dict.fromkeys(words):
            wid = self.vocab.get(w)
            if wid is not None:
                groups.append([wid])
            else:
                groups.append([self.vocab[c] for c in self.corrections(w)])
        weights = [(wid, self._idf[wid] / len(g)) for g in groups for wid in g]
        sparse = [(w, x) for w, x in weights if w not in self._dense]
        dense = [(w, x) for w, x in weights if w in self._dense]
        if not sparse:
            sparse, dense = weights, []
        acc = np.zeros(len(self.ids), dtype=np.float32)
        for wid, weight in sparse:
            acc[self._postings[self._start[wid] : self._start[wid + 1]]] += weight
        touched = np.flatnonzero(acc > 0)
        for wid, weight in dense:
            acc[touched] += weight * self._dense[wid][touched]
        # Among sources sharing as much, prefer those of the query's length.
        values = acc[touched] - _LENGTH_COST * np.abs(
            self._lengths[touched] - len(words)
        )
        if len(touched) > limit:
            keep = values >= np.partition(values, -limit)[-limit]
            touched, values = touched[keep], values[keep]
        ranked = touched[np.argsort(-values, kind="stable")][:limit]
        return [int(i) for i in ranked]
