"""A bilingual word lexicon learned from translation units (TM, .mo catalogs).

For each English word stem of interest, the Vietnamese syllable uni- and
bigrams whose units overlap best with the units holding that stem (Dice).
Plain functions over (source, target) pairs; `mo_units` reads gettext
catalogs (such as /usr/share/locale/vi/LC_MESSAGES/*.mo) with polib.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from glossary.errors import warn_input
from glossary.text import fold, nfc

__all__ = ["learn_lexicon", "mo_units", "stem"]

_STEM = 6  # same stems as glossary.align
_EN_WORD = re.compile(r"[^\W\d_]+")
_VI_PUNCT = re.compile(r"[^\w\s]+")


def stem(word: str) -> str:
    """The English word stem used as lexicon key: `fold`, first six letters."""
    return fold(word)[:_STEM]


def _vi_grams(target: str) -> set[str]:
    grams: set[str] = set()
    for phrase in _VI_PUNCT.split(fold(target)):
        sylls = phrase.split()
        grams.update(sylls)
        grams.update(f"{a} {b}" for a, b in itertools.pairwise(sylls))
    return {g for g in grams if not g.isdigit()}


def learn_lexicon(
    units: Iterable[tuple[str, str]],
    stems: Collection[str],
    *,
    min_shared: int = 3,
    min_dice: float = 0.2,
    top: int = 3,
) -> dict[str, list[str]]:
    """Learn Vietnamese translations for the English `stems` from units.

    Args:
        units: (English source, Vietnamese target) pairs.
        stems: the English stems to learn (see `stem`); others are ignored,
            which keeps memory small on large memories.
        min_shared: least number of units a pair must share.
        min_dice: least Dice coefficient between the two sets of units.
        top: translations kept per stem, best first.

    Returns:
        stem → Vietnamese words or two-syllable phrases (folded), best first.
    """
    wanted = set(stems)
    with_stem: Counter[str] = Counter()
    gram_total: Counter[str] = Counter()
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for source, target in units:
        found = {stem(w) for w in _EN_WORD.findall(source)} & wanted
        grams = _vi_grams(target)
        gram_total.update(grams)
        for s in found:
            with_stem[s] += 1
            together[s].update(grams)
    lexicon: dict[str, list[str]] = {}
    for s, counts in together.items():
        scored = sorted(
            (
                (2 * n / (with_stem[s] + gram_total[g]), g)
                for g, n in counts.items()
                if n >= min_shared
            ),
            reverse=True,
        )
        best = [g for d, g in scored[:top] if d >= min_dice]
        if best:
            lexicon[s] = best
    return lexicon


def mo_units(directory: str | Path) -> Iterator[tuple[str, str]]:
    """(msgid, msgstr) of every translated entry of the .mo files in `directory`.

    Plural entries give their singular forms. Unreadable catalogs are skipped
    with a warning: system catalogs are optional input.
    """
    import struct

    import polib

    for path in sorted(Path(directory).glob("*.mo")):
        try:
            catalog = polib.mofile(str(path))
        except (OSError, ValueError, UnicodeDecodeError, struct.error) as e:
            warn_input(f"unreadable catalog skipped ({e})", str(path))
            continue
        for entry in catalog:
            target = entry.msgstr or entry.msgstr_plural.get(0, "")
            if entry.msgid and target:
                yield nfc(entry.msgid), nfc(target)
