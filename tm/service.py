"""Use cases over the memory: import files, fuzzy lookup, concordance, export.

The CLI, the benchmarks and other programs call these; they hold no SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from rapidfuzz import fuzz, process

from glossary.errors import ExportError, InputError, StoreError
from glossary.outfile import stdout_binary, write_output
from glossary.text import nfc
from tm.engines import Memory
from tm.formats import csv, po, tmx
from tm.formats.parallel import load_pair
from tm.index import SourceIndex, Speller, quick_fold
from tm.match import (
    Tokens,
    adapt,
    fold_words,
    index_words,
    tokenize,
    top_scored,
    unequal_keys_ceiling,
)
from tm.model import ExportReport, ImportStats, Match, Unit
from tm.store import TOKENISED_UNITS

# Candidate budget: words in more sources than `_PER_WORD` (×3) do not rank
# the fallback, this many ids in all, and this many re-ranked by the exact
# (slower, Python) token score.
_PER_WORD = 1000
_POOL = 100
_FEW = 10
_BEST_WORDS = 4
_RESCORE = 20
# In-memory index: sources ranked by shared words, then by rapidfuzz ratio.
_MEM_POOL = 30
_MEM_RESCORE = 8
# Memories up to this size get the in-memory index (about 0.5 KB a unit).
MAX_UNITS = TOKENISED_UNITS
# Up to this many units a long-lived Matcher keeps them all (about 0.3 KB a
# unit more): between other work, SQLite's code and pages are out of cache
# and reading the few matched units from it costs more than the rest.
KEPT_UNITS = 100_000


def _closest(query: str, folded: list[str], limit: int) -> list[int]:
    """Positions in `folded` (`quick_fold`ed sources) of the `limit` best by
    rapidfuzz ratio to `query`, folded."""
    best = process.extract(
        quick_fold(query), folded, scorer=fuzz.ratio, processor=None, limit=limit
    )
    return [k for _, _, k in best]


def read_file(
    path: Path,
    *,
    src_lang: str = "en",
    tgt_lang: str | None = "vi",
    include_fuzzy: bool = False,
) -> list[Unit]:
    """Units of one TMX, PO/POT/MO or CSV/TSV file, chosen by extension.

    `tgt_lang` None: the file must name its target language (a PO header's
    ``Language``); files that cannot are taken as Vietnamese.

    Raises:
        InputError: The file is unreadable, of an unknown kind, or malformed.
    """
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as f:
            if suffix == ".tmx":
                return tmx.load(f, path=str(path), src_lang=src_lang)
            if suffix in (".po", ".pot", ".mo", ".gmo"):
                return po.load(
                    f,
                    path=str(path),
                    src_lang=src_lang,
                    tgt_lang=tgt_lang,
                    include_fuzzy=include_fuzzy,
                )
            if suffix in (".csv", ".tsv"):
                return csv.load(
                    f, path=str(path), src_lang=src_lang, tgt_lang=tgt_lang or "vi"
                )
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from e
    raise InputError(
        f"unknown format {suffix or '(no extension)'}: use .tmx .po .pot .mo .csv .tsv",
        str(path),
    )


def import_units(store: Memory, path: str, units: Iterable[Unit]) -> ImportStats:
    """Add the units read from one file in one transaction."""
    batch = list(units)
    with store.transaction():
        added = store.add_units(batch)
    return ImportStats(path, len(batch), added)


def import_batches(
    store: Memory, batches: Iterable[tuple[str, list[Unit]]]
) -> list[ImportStats]:
    """Add the units of several files in one transaction: all of them or none."""
    stats = []
    with store.transaction():
        for path, units in batches:
            stats.append(ImportStats(path, len(units), store.add_units(units)))
    return stats


def import_parallel(
    store: Memory,
    en_file: Path,
    vi_file: Path,
    *,
    src: str = "en",
    tgt: str = "vi",
) -> ImportStats:
    """Import a pair of paragraph-aligned text files in one transaction."""
    units = load_pair(en_file, vi_file, src_lang=src, tgt_lang=tgt)
    return import_units(store, f"{en_file}+{vi_file}", units)


class Matcher:
    """Fuzzy lookup over one store: candidates from an index, then exact scoring.

    Both paths find candidates by the same query words, `tm.match.index_words`
    (numbers and the words inside placeables included), so that a query
    finds the same sources whichever path a memory takes.

    By default (`in_memory`), an in-memory word index (`tm.index`), which
    keeps the sources' text too up to `MAX_UNITS` units (300k) and above
    that fetches its few candidates' text from the store:

    1. Unknown query words (typos) are replaced by their nearest vocabulary
       words (`tm.index.Speller`: one edit or transposition).
    2. Each query word adds its idf to every source containing it; the best
       `_MEM_POOL` (30) sources are kept, ties going to the query's length.
    3. rapidfuzz `ratio` on folded text keeps the best `_MEM_RESCORE` (8);
       sources equal up to case/diacritics (the `fkey` index) are added.
    4. These get the exact token score of `tm.match`, from stored tokens.

    A one-off lookup (`in_memory=False`) uses SQLite instead:

    1. Sources equal up to case/diacritics come from the `fkey` index.
    2. Typos are corrected as above, against the stored vocabulary.
    3. FTS5 returns sources that contain every query word (or a correction);
       when that is too few (a dropped or changed word) and step 1 found
       nothing, FTS5 ranks (BM25) the sources holding any of the
       `_BEST_WORDS` rarest query words (the query's own first, then typo
       guesses), none of them required.
    4. rapidfuzz's `ratio` on folded sources keeps the best `_RESCORE` (20), which
       get the exact token score of `tm.match`.
    """

    def __init__(self, store: Memory, *, in_memory: bool = True) -> None:
        """Wrap `store`; its index or vocabulary is loaded on first use.

        The index and the vocabulary are snapshots: make a new Matcher after
        importing more units.

        Args:
            store: The memory.
            in_memory: Build in-memory indexes on first use: the word index
                (about 0.3 s and 10 MB for 30k units; without the text
                above `MAX_UNITS`, about 8 s and 60 MB for 770k) and the
                speller's deletion index (0.2 s, 6 MB). They pay off after
                a few hundred lookups (a few thousand at 1M units); a
                one-off lookup (the CLI) is cheaper without them.
        """
        self.store = store
        self._in_memory = in_memory
        self._df: dict[str, int] | None = None
        self._speller: Speller | None = None
        self._count: int | None = None
        self._index: SourceIndex | None = None
        self._units: dict[int, Unit] | None = None  # every unit, if few

    def _size(self) -> int:
        if self._count is None:
            self._count = self.store.count()
        return self._count

    def _freqs(self, words: list[str]) -> dict[str, int]:
        if self._df is None:
            return self.store.doc_freqs(words)
        return {w: self._df[w] for w in words if w in self._df}

    def _corrections(self, word: str) -> list[str]:
        if self._speller is None:
            self._df = self.store.vocabulary()
            self._speller = Speller(self._df, indexed=self._in_memory)
        return self._speller.corrections(word)

    def _candidate_ids(self, query: str, q: Tokens) -> list[int]:
        exact = [u.id for u in self.store.same_folded_source(query) if u.id]
        words = list(dict.fromkeys(index_words(q)))
        if not words:
            return exact
        df = self._freqs(words)
        groups: list[list[str]] = []
        for w in words:
            alts = [w] if w in df else self._corrections(w)
            if alts:
                groups.append(alts)
        if any(w not in df for g in groups for w in g):
            df = self._freqs([w for g in groups for w in g])
        # Very common words barely narrow the AND but make FTS5 read long lists.
        common = max(_PER_WORD, self._size() // 20)
        narrow = [g for g in groups if min(df[w] for w in g) <= common] or groups
        ids: Counter[int] = Counter()
        if narrow:
            for i in self.store.ids_with_all(narrow, _POOL):
                ids[i] += len(groups)
        # A source equal up to case (`exact`) scores 99: no partial match
        # can beat it, so the costly ranking is skipped.
        if len(ids) < _FEW and len(groups) > 1 and not exact:
            # A wrong or missing word: rank by the few most informative words,
            # none of them required (near-duplicates share the rare ones).
            ranked = sorted({w for g in groups for w in g}, key=df.__getitem__)
            rare = [w for w in ranked if df[w] <= _PER_WORD * 3]
            sure = [w for w in rare if w in words]
            guesses = [w for w in rare if w not in words]
            best = (sure + guesses)[:_BEST_WORDS] or ranked[:1]
            for i in self.store.ids_ranked(best, _POOL):
                ids[i] += 1
        pool = [i for i, _ in ids.most_common(_POOL)]
        known = set(exact)
        pairs = [(i, s) for i, s in self.store.sources(pool) if i not in known]
        if len(pairs) > _RESCORE:
            folded = [quick_fold(s) for _, s in pairs]
            pairs = [pairs[k] for k in _closest(query, folded, _RESCORE)]
        return exact + [i for i, _ in pairs]

    def _source_index(self) -> SourceIndex | None:
        if self._index is None and self._in_memory:
            self._index = SourceIndex(
                self.store.scoring_rows(), keep_text=self._size() <= MAX_UNITS
            )
            if self._size() <= KEPT_UNITS:
                self._units = {u.id: u for u in self.store.units() if u.id}
        return self._index

    def _units_of(self, ids: list[int]) -> dict[int, Unit]:
        if self._units is not None:
            return {i: self._units[i] for i in ids}
        return {u.id: u for u in self.store.units(sorted(ids)) if u.id}

    def _with_tokens(
        self, query: str, q: Tokens, idx: SourceIndex | None
    ) -> list[tuple[int, str, Tokens]]:
        if idx is None:
            found = self.store.scoring_tokens(self._candidate_ids(query, q))
            return [(i, src, s) for i, (src, s) in found.items()]
        pool = idx.candidates(index_words(q), _MEM_POOL)
        if idx.keeps_text:
            # No numpy call and no text but the kept candidates' (see
            # `SourceIndex.candidates` on cold caches).
            if len(pool) > _MEM_RESCORE:
                folded = idx.folded
                best = _closest(query, [folded[p] for p in pool], _MEM_RESCORE)
                pool = [pool[k] for k in best]
            pool.extend(idx.twins(query))
            return idx.kept(pool)
        ids: list[int] = idx.ids[pool].tolist()
        texts = self._stored_sources(ids)
        folded = [quick_fold(t) for t in texts]
        keep: Iterable[int] = range(len(pool))
        if len(pool) > _MEM_RESCORE:
            keep = _closest(query, folded, _MEM_RESCORE)
        found = {ids[k]: (texts[k], self._tokens(idx, pool[k], texts[k])) for k in keep}
        for unit in self.store.same_folded_source(query):
            assert unit.id is not None
            p = idx.position(unit.id)
            found[unit.id] = (unit.source, self._tokens(idx, p, unit.source))
        return [(i, src, s) for i, (src, s) in found.items()]

    def _stored_sources(self, ids: list[int]) -> list[str]:
        text = dict(self.store.sources(ids)) if ids else {}
        return [text[i] for i in ids]

    @staticmethod
    def _tokens(idx: SourceIndex, position: int | None, source: str) -> Tokens:
        if position is None or not idx.keeps_text:
            return tokenize(source)
        return idx.tokens(position)

    def lookup(
        self,
        query: str,
        *,
        minimum: int = 75,
        limit: int = 5,
        tgt_lang: str | None = None,
    ) -> list[Match]:
        """The best matches of `query` (NFC), at least `minimum`, best first.

        With `tgt_lang`, only units translated into that language (any
        region: ``vi`` takes ``vi-VN``) are matches.
        """
        query = nfc(query)
        q = tokenize(query)
        idx = self._source_index()
        scored = None if tgt_lang else _sure_twins(query, q, idx, minimum, limit)
        if scored is None:
            found = self._with_tokens(query, q, idx)
            wanted = len(found) if tgt_lang else limit
            scored = top_scored(query, q, found, minimum=minimum, limit=wanted)
        units = self._units_of([f[1] for f in scored])
        if tgt_lang:
            scored = [
                f for f in scored if _same_language(units[f[1]].tgt_lang, tgt_lang)
            ]
        return [
            Match(units[i], v, adapt(q, units[i], s)) for v, i, _, s in scored[:limit]
        ]


def _sure_twins(
    query: str, q: Tokens, idx: SourceIndex | None, minimum: int, limit: int
) -> list[tuple[int, int, str, Tokens]] | None:
    """`top_scored` over the whole memory when its best `limit` all have the
    query's keys, found without a candidate search; else None.

    Sources with the query's keys score 99 or 100 (less a point a differing
    placeable); when no other source can reach 99 (`unequal_keys_ceiling`:
    a few short keys), the best `limit` are among them if that many score 99.
    """
    if idx is None or not idx.keeps_text or limit <= 0:
        return None
    same = idx.same_keys(q)
    if len(same) < limit or unequal_keys_ceiling(q) >= 99:
        return None
    scored = top_scored(query, q, idx.kept(same), minimum=minimum, limit=limit)
    return scored if len(scored) == limit and scored[-1][0] >= 99 else None


def _same_language(tag: str, lang: str) -> bool:
    """Whether language tag `tag` (vi-VN) is language `lang` (vi, or vi-VN itself)."""
    tag, lang = tag.lower().replace("_", "-"), lang.lower().replace("_", "-")
    return tag == lang or tag.split("-")[0] == lang


def search(
    store: Memory, text: str, *, target: bool = False, limit: int = 50
) -> list[Unit]:
    """Concordance: units whose source (or target) contains `text` as a phrase.

    Case and diacritics are ignored on both sides ("Uy ban" finds "Uỷ ban").
    """
    return store.concordance(fold_words(nfc(text)), target=target, limit=limit)


_DUMPERS = {"tmx": tmx.dump, "po": po.dump, "csv": csv.dump}


def export(
    store: Memory, fmt: str, path: Path | None, *, src: str = "en", tgt: str = "vi"
) -> ExportReport:
    """Write every unit as `fmt` to `path` atomically (stdout if None).

    Returns:
        How many units were written and how many left out: TMX leaves out
        units with control characters that XML 1.0 cannot hold.

    Raises:
        ExportError: Unknown format or the file cannot be written.
    """
    dump = _DUMPERS.get(fmt)
    if dump is None:
        raise ExportError(f"unknown export format {fmt!r}")
    stored = list(store.units())
    units = [u for u in stored if tmx.writable(u)] if fmt == "tmx" else stored
    report = ExportReport(len(units), len(stored) - len(units))
    if path is None:
        out = stdout_binary()
        dump(units, out, src=src, tgt=tgt)
        out.flush()
        return report

    def write(out: BinaryIO) -> None:
        dump(units, out, src=src, tgt=tgt)

    write_output(path, write)
    return report


def copy_memory(source: Memory, target: Memory) -> int:
    """Copy every unit of `source` into the empty `target`, ids included.

    Both engines number new units one past the largest id, so units added in
    id order keep their ids; the derived indexes are built afresh.

    Raises:
        StoreError: `target` holds units already; nothing is written.
    """
    if target.count():
        raise StoreError(f"{target.path}: not empty: copy into a new memory")
    with target.transaction():
        added = target.add_units(source.units())
        if added != source.count():
            raise StoreError(f"{source.path}: units share ids: cannot copy")
    return added
