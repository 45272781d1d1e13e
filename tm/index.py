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
import struct
from array import array
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray
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

__all__ = ["SourceIndex", "Speller", "quick_fold"]

# A vocabulary word: (word id, start and end of its postings, weight).
_Entry = tuple[int, int, int, int]

# Words in more than this share of sources (at most this many words) get a
# dense mask: scattering their long posting lists would dominate a lookup.
_DENSE_SHARE = 0.02
_DENSE_WORDS = 64
# Candidates are ranked in integers: a word's idf in units of 2**-16, and a
# source's length differing from the query's by one word costs 0.01 (less
# than any word's idf, so it mostly orders sources that share the same
# words). Exact sums and ties, whatever order the postings are added in.
_IDF_UNIT = 1 << 16
_LENGTH_COST = 655
# A candidate's sort key: its negated value above the low 32 bits, its
# position in them, so one sort of int64 keys ranks by value, then position.
_SHIFT = 32
_LOW = (1 << _SHIFT) - 1
_INT64 = struct.Struct("q")
# Up to this many postings a lookup sums them in a dict: numpy's calls
# cost more than that between other work (about 50 µs more at 100
# postings, 20 µs less at 200).
_FEW_POSTINGS = 128
# Up to this many postings a lookup sorts them all; above, the best first
# (sorting 2,000 takes longer than partitioning and sorting the best 120).
_SORTED_WHOLE = 1024
# Accumulators for queries of 1, 2, ... words (up to this many, and this
# many bytes in all), whose idle entries hold each source's length cost
# besides its position: a lookup of such a length adds no cost of its own.
_LENGTH_ACCUMULATORS = 24
_LENGTH_ACCUMULATOR_BYTES = 4 << 20


def quick_fold(text: str) -> str:
    """Lower-cased, or `fold`ed if not ASCII: what rapidfuzz compares."""
    return text.lower() if text.isascii() else fold(text)


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
        near: list[str] = []  # no word twice: one source or the other
        if self._by_length is not None:
            for n in range(len(word) - 2, len(word) + 3):
                near.extend(self._by_length.get(n, ()))
        found = {self._deletes.get(d) for d in (word, *_deletions(word))}
        near.extend({w for f in found if f is not None for w in f.split("\x00")})
        # Direct calls: between other work `process.extract`'s own set-up
        # costs more than the few words it would compare (60 against 40 µs).
        cutoff = 1 if len(word) < 6 else 2
        distance, freq = OSA.distance, self._freq
        best: list[tuple[int, int, str]] = []
        for w in near:
            d = distance(word, w, score_cutoff=cutoff)
            if d <= cutoff:
                best.append((d, -freq.get(w, 0), w))
        # the word itself breaks ties: the same answer in any order of `near`
        best.sort()
        return [w for _, _, w in best[:3]]


def _groups(keys: Iterable[str]) -> tuple[dict[int, int], dict[int, list[int]]]:
    # Positions by the hash of their key (an int, not the string, to keep the
    # index small; a lookup checks the key itself): the first, and the
    # others if any.
    first: dict[int, int] = {}
    more: dict[int, list[int]] = {}
    for n, key in enumerate(keys):
        h = hash(key)
        if first.setdefault(h, n) != n:
            more.setdefault(h, []).append(n)
    return first, more


class SourceIndex:
    """A word → sources posting index, with the sources' text if asked to keep it.

    Postings, lengths and ids are numpy arrays (about 100 bytes a unit for
    memories of short segments, with the common words' masks, and up to
    4 MB of accumulators for the shorter query lengths); the text
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
        self.folded: list[str] = []  # `quick_fold` of each source
        # Encoded tokens (a third of the size of `Tokens`), decoded when scored.
        self._tokens: list[str | Tokens] = []
        vocab: dict[str, int] = {}
        # array('i'), not lists: a million units make millions of postings.
        ids, words, units, lengths = array("q"), array("i"), array("i"), array("i")
        for n, (uid, source, encoded) in enumerate(rows):
            if keep_text:
                toks = tokenize(source) if encoded is None else decode_tokens(encoded)
                stored = encoded if encoded is not None else encode_tokens(source, toks)
                self._tokens.append(stored or toks)
                self.sources.append(source)
                folded = quick_fold(source)
                self.folded.append(source if folded == source else folded)
                found = index_words(toks)
            else:
                found = source_words(source)
            ids.append(uid)
            lengths.append(len(found))
            for w in set(found):
                words.append(vocab.setdefault(w, len(vocab)))
                units.append(n)
        self.ids: NDArray[np.int64] = np.frombuffer(ids, dtype=np.int64)
        # The ids as Python ints too while the text is kept (a small memory):
        # a lookup then reads its few candidates' ids without a numpy call.
        self.id_list: list[int] = ids.tolist() if keep_text else []
        word_arr = np.frombuffer(words, dtype=np.int32)
        order = np.argsort(word_arr, kind="stable")
        self._postings: NDArray[np.int32] = np.frombuffer(units, dtype=np.int32)[order]
        counts = np.bincount(word_arr, minlength=len(vocab))
        self._start: NDArray[np.int64] = np.concatenate(([0], np.cumsum(counts)))
        self._post_view = self._postings.data
        self._lengths = lengths
        # Each source's length cost, shifted into the keys' value bits.
        self._length_keys = np.frombuffer(lengths, dtype=np.int32).astype(np.int64)
        self._length_keys *= _LENGTH_COST << _SHIFT
        # Summed into between lookups, each source's entry holding its own
        # position (the tie-break of its sort key) when idle; one taken per
        # lookup (list.pop is atomic).
        self._spares: list[NDArray[np.int64]] = []
        self._entries = self._word_entries(vocab)
        self._speller: Speller | None = None
        self._twins, self._more_twins = _groups(fold(s) for s in self.sources)
        self._same_keys, self._more_same_keys = _groups(
            " ".join(self.tokens(p).keys) for p in range(len(self.sources))
        )
        self._dense = self._dense_masks(counts)
        self._dense_view = {wid: mask.data for wid, mask in self._dense.items()}
        self._by_length: dict[int, list[NDArray[np.int64]]] = {}
        lengths_kept = _LENGTH_ACCUMULATOR_BYTES // (8 * max(len(self), 1))
        for length in range(1, min(lengths_kept, _LENGTH_ACCUMULATORS) + 1):
            self._by_length[length] = [self._idle_accumulator(length)]

    def _word_entries(self, vocab: dict[str, int]) -> dict[str, _Entry]:
        # What a lookup reads of a query word, in one dict probe: its id, its
        # postings' bounds (Python ints, no numpy scalar) and its idf.
        size = max(len(self.ids), 1)
        bounds: list[int] = self._start.tolist()
        entries: dict[str, _Entry] = {}
        for w, i in vocab.items():
            a, b = bounds[i], bounds[i + 1]
            entries[w] = (i, a, b, round(_IDF_UNIT * math.log(1 + size / (b - a))))
        return entries

    def _dense_masks(self, counts: NDArray[np.int64]) -> dict[int, NDArray[np.bool_]]:
        # The most common words get a dense membership mask (a byte a unit),
        # so that a query with rarer words only reads them at the sources
        # those words found.
        size = max(len(self.ids), 1)
        common = np.argsort(-counts, kind="stable")[:_DENSE_WORDS]
        dense: dict[int, NDArray[np.bool_]] = {}
        for wid in common[counts[common] > size * _DENSE_SHARE]:
            mask = np.zeros(size, dtype=np.bool_)
            mask[self._postings[self._start[wid] : self._start[wid + 1]]] = True
            dense[int(wid)] = mask
        return dense

    def __len__(self) -> int:
        return len(self.ids)

    def tokens(self, position: int) -> Tokens:
        """The scoring tokens of the source at `position`."""
        toks = self._tokens[position]
        return decode_tokens(toks) if isinstance(toks, str) else toks

    def kept(self, positions: Iterable[int]) -> list[tuple[int, str, Tokens]]:
        """(unit id, source, scoring tokens) at each of `positions` once, in
        their order; only with the text."""
        id_of, sources, kept = self.id_list, self.sources, self._tokens
        found = []
        for p in dict.fromkeys(positions):
            toks = kept[p]
            if isinstance(toks, str):
                toks = decode_tokens(toks)
            found.append((id_of[p], sources[p], toks))
        return found

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

    def same_keys(self, q: Tokens) -> list[int]:
        """Positions of the sources whose scoring keys are `q`'s (they score 99
        against it, or 100 if identical, less a point a differing placeable);
        only with the text."""
        key = hash(" ".join(q.keys))
        first = self._same_keys.get(key)
        if first is None:
            return []
        found = [first, *self._more_same_keys.get(key, ())]
        return [p for p in found if self.tokens(p).keys == q.keys]

    def corrections(self, word: str) -> list[str]:
        """The vocabulary words nearest an unknown `word` (see `Speller`)."""
        if self._speller is None:
            sizes = {w: end - start for w, (_, start, end, _) in self._entries.items()}
            self._speller = Speller(sizes)
        return self._speller.corrections(word)

    def candidates(self, words: Sequence[str], limit: int) -> list[int]:
        """Positions of the (up to `limit`) sources sharing the most with `words`.

        Args:
            words: The query's folded words (`tm.match.index_words`).
            limit: How many positions to return, best first.

        Returns:
            Positions into `ids`/`sources`/`tokens`, by descending shared
            inverse document frequency (`word_weights`), less 0.01 a word
            of length difference, then by position.
        """
        spans, dense = self._spans(words)
        if sum([end - start for start, end, _ in spans]) <= _FEW_POSTINGS:
            return self._few_candidates(spans, dense, len(words), limit)
        # Between other work numpy's own code is out of cache and each call
        # costs tens of µs, so the postings of all the words are read in one
        # buffer and summed by one `add.at` into sort keys, not word by word.
        posts = self._post_view
        found = np.frombuffer(b"".join([posts[a:b] for a, b, _ in spans]), np.int32)
        packed = [_INT64.pack(-x << _SHIFT) * (b - a) for a, b, x in spans]
        minus = np.frombuffer(b"".join(packed), np.int64)
        idle = self._by_length.get(len(words), self._spares)
        try:
            acc = idle.pop()
        except IndexError:  # the first lookup, or one in another thread
            acc = self._idle_accumulator(len(words) if idle is not self._spares else 0)
        np.add.at(acc, found, minus)
        keys = acc.take(found)
        np.subtract.at(acc, found, minus)  # idle again
        idle.append(acc)
        if idle is self._spares:  # no length cost in the idle entries
            off = self._length_keys.take(found)
            off -= (_LENGTH_COST << _SHIFT) * len(words)
            keys += np.abs(off, out=off)
        for wid, weight in dense:
            keys -= (weight << _SHIFT) * self._dense[wid].take(found)
        # A source is in `found` once per word it shares, with equal keys:
        # the best `limit` sources are among the best `most` keys.
        most = limit * len(spans)
        if len(keys) > _SORTED_WHOLE and len(keys) > most:
            keys = np.partition(keys, most - 1)[:most]
        keys.sort()
        best: list[int] = []
        last = None
        for key in keys[:most].tolist():
            if key != last:  # a source's keys are equal, so side by side
                best.append(key & _LOW)
                if len(best) == limit:
                    break
                last = key
        return best

    def _idle_accumulator(self, length: int) -> NDArray[np.int64]:
        # Each source's position, plus its length cost for queries of
        # `length` words (none for 0).
        acc = np.arange(len(self), dtype=np.int64)
        if length:
            acc += np.abs(self._length_keys - (_LENGTH_COST << _SHIFT) * length)
        return acc

    def _few_candidates(
        self,
        spans: list[tuple[int, int, int]],
        dense: list[tuple[int, int]],
        length: int,
        limit: int,
    ) -> list[int]:
        # `candidates` in a dict, each source once: the same sort keys.
        keys: dict[int, int] = {}
        get = keys.get
        posts = self._post_view
        for start, end, weight in spans:
            minus = weight << _SHIFT
            for p in posts[start:end]:
                keys[p] = get(p, p) - minus
        for wid, weight in dense:
            mask, minus = self._dense_view[wid], weight << _SHIFT
            for p in keys:
                if mask[p]:
                    keys[p] -= minus
        cost, lengths = _LENGTH_COST << _SHIFT, self._lengths
        ranked = sorted([k + cost * abs(lengths[p] - length) for p, k in keys.items()])
        return [key & _LOW for key in ranked[:limit]]

    def word_weights(self, words: Sequence[str]) -> list[_Entry]:
        """(word id, postings start, end, weight) of each of the query's
        distinct `words`.

        A word's weight is its idf in units of 2**-16; an unknown word (a
        typo) gives way to its `corrections`, which share its weight.
        """
        entries = self._entries
        found: list[_Entry] = []
        for w in dict.fromkeys(words):
            entry = entries.get(w)
            if entry is not None:
                found.append(entry)
                continue
            near = [entries[c] for c in self.corrections(w)]
            found.extend((i, a, b, x // len(near)) for i, a, b, x in near)
        return found

    def _spans(
        self, words: Sequence[str]
    ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
        # The words read by posting, and the common words (masks), which only
        # add to sources that one of the others found.
        found = self.word_weights(words)
        dense = self._dense
        spans = [(a, b, x) for i, a, b, x in found if i not in dense]
        if not spans:
            return [(a, b, x) for _, a, b, x in found], []
        return spans, [(i, x) for i, _, _, x in found if i in dense]
