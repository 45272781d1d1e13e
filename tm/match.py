"""Fuzzy scoring of memory units: tokens, placeables and the CAT-style 0–100 score.

Pure functions over strings and `Unit`s; candidate retrieval lives in `store.py`
and `index.py`.

The score is a token edit distance normalised by the longer token count, as
OmegaT and Trados present it, with two refinements:

* a substituted word costs its own character distance (``opne`` for ``open``
  costs 0.5, not 1), so a typo does not cost a whole word;
* placeables (numbers, printf/brace variables, tags, URLs) compare as one
  class: a differing placeable costs one point, and the query's value is put
  into the suggested translation (``Delete 3 files`` against ``Delete %d files``);
  an inserted or deleted placeable or punctuation mark costs half a word.

A difference only in case, diacritics, spacing or punctuation scores 99.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from glossary.text import fold, nfc
from tm.model import Match, Unit

__all__ = [
    "Tokens",
    "best_matches",
    "decode_tokens",
    "encode_tokens",
    "fold_words",
    "highlight_spans",
    "index_words",
    "is_word",
    "score",
    "source_words",
    "tokenize",
    "top_scored",
    "unequal_keys_ceiling",
]

_PLACEABLE = (
    r"https?://[^\s<>\"']*[^\s<>\"'.,;:!?)]"  # URL, no trailing punctuation
    r"|</?[A-Za-z][^<>]*>"  # XML/HTML tag
    r"|%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcsp%]"  # printf
    r"|%\([A-Za-z_]\w*\)[-+ #0]*\d*(?:\.\d+)?[diouxXeEfFgGcsr]"  # python named
    r"|\{[^{}\s]*\}"  # brace variable
    r"|\$\{?[A-Za-z_]\w*\}?"  # shell variable
    r"|\d+(?:[.,]\d+)*"  # number
)
# NUL is no token: it is the placeables' key (a NUL in the text crashed
# `index_words`, which took it for one).
_TOKEN = re.compile(rf"(?P<p>{_PLACEABLE})|(?P<w>[^\W_]+)|(?P<o>[^\w\s\x00])")
_WORD = re.compile(r"[^\W_]+")
_PLACE_KEY = "\x00"
# An inserted or deleted placeable or punctuation mark costs half a word.
_MINOR = 0.5


class Tokens(NamedTuple):
    """A segment split for scoring."""

    keys: list[str]  # folded words, punctuation, or _PLACE_KEY for placeables
    placeables: list[str]  # the placeables' original text, in order


# A NamedTuple's own __new__ is Python code: building `Tokens` through
# tuple's costs a third as much (a few are made per lookup).
_new = tuple.__new__

# ASCII text holding none of the characters a placeable needs (a URL needs
# "://") splits into the same keys with `str` methods: each other mark spaced
# out, "_" and NUL a space, as `_TOKEN` takes them.
_PLACEABLE_MARKS = frozenset("%{$<0123456789")
_SPACED = {
    c: " " if ch in "_\x00" else f" {ch} "
    for c in range(128)
    if not (ch := chr(c)).isalnum() and not ch.isspace()
}


def tokenize(text: str) -> Tokens:
    """Split `text` into comparison keys and the placeables it contains.

    >>> tokenize("Delete %d files").keys == ["delete", "\\x00", "files"]
    True
    """
    if text.isascii() and _PLACEABLE_MARKS.isdisjoint(text) and "://" not in text:
        # Between other work the regex engine's code is out of cache: this
        # costs about a fifth of `_TOKEN`'s time then.
        return _new(Tokens, (text.translate(_SPACED).lower().split(), []))
    return _tokenize_matched(text)


def _tokenize_matched(text: str) -> Tokens:
    keys: list[str] = []
    placeables: list[str] = []
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "p":
            keys.append(_PLACE_KEY)
            placeables.append(m.group())
        else:
            token = m.group()
            keys.append(token.lower() if token.isascii() else fold(token))
    return _new(Tokens, (keys, placeables))


# Keys never hold whitespace and \x1f is whitespace to `re`, so it separates the
# keys from the placeables; a source holding \x1f (a tag may) is not encoded.
_SEP = "\x1f"


def encode_tokens(source: str, tokens: Tokens) -> str | None:
    """`tokens` of `source` as one string, for the memory to store, or None.

    None when the encoding could not be decoded back exactly (a source holding
    the separator, or an empty key); such sources are tokenised when needed.

    >>> encode_tokens("Delete %d files", tokenize("Delete %d files"))
    'delete \\x00 files\\x1f%d'
    """
    if _SEP in source or "" in tokens.keys:
        return None
    return " ".join(tokens.keys) + _SEP + _SEP.join(tokens.placeables)


def decode_tokens(encoded: str) -> Tokens:
    """The `Tokens` that `encode_tokens` stored (a few splits, no regex)."""
    keys, _, places = encoded.partition(_SEP)
    found = (keys.split(" ") if keys else [], places.split(_SEP) if places else [])
    return _new(Tokens, found)


def is_word(key: str) -> bool:
    """Whether a scoring key is a word (not punctuation or a placeable)."""
    return key[:1].isalnum()


def fold_words(text: str) -> list[str]:
    """Folded word tokens, as the FTS5 index stores them ("Uỷ ban" → uy, ban)."""
    return _WORD.findall(fold(text))


def index_words(tokens: Tokens) -> list[str]:
    """The folded words that find lookup candidates, from scoring tokens.

    The word keys, and the letters and digits inside placeables, in text
    order. Both lookup paths take a query's words from here, and the
    in-memory index a source's words, so a number or a variable name narrows
    the candidates in either. For NFC text these are the words of
    `fold_words` (which the FTS5 index holds), except that a number glued to
    letters is two words here ("706Belarus": 706, belarus) and one there.

    >>> index_words(tokenize("Delete 3.5 %d files"))
    ['delete', '3', '5', 'd', 'files']
    """
    if not tokens.placeables:  # then no key is _PLACE_KEY
        return [key for key in tokens.keys if key[:1].isalnum()]
    places = iter(tokens.placeables)
    out: list[str] = []
    for key in tokens.keys:
        if key == _PLACE_KEY:
            out.extend(_WORD.findall(fold(next(places))))
        elif is_word(key):
            out.append(key)
    return out


def source_words(text: str) -> list[str]:
    """`index_words(tokenize(text))`, without building the scoring tokens.

    For indexing many sources at once: one regex pass, no `Tokens`.

    >>> source_words("Delete 3.5 %d files")
    ['delete', '3', '5', 'd', 'files']
    """
    out: list[str] = []
    for place, word, _ in _TOKEN.findall(text):
        if word:
            out.append(word.lower() if word.isascii() else fold(word))
        elif place:
            out.extend(_WORD.findall(fold(place)))
    return out


def _distance(a: Sequence[str], b: Sequence[str]) -> float:
    cost = 0.0
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            x, y = a[op.src_pos], b[op.dest_pos]
            if _PLACE_KEY in (x, y):
                cost += 1.0
            else:
                cost += Levenshtein.normalized_distance(x, y)
        else:
            token = a[op.src_pos] if op.tag == "delete" else b[op.dest_pos]
            cost += 1.0 if is_word(token) else _MINOR
    return cost


def score(
    query: str, source: str, *, q: Tokens | None = None, s: Tokens | None = None
) -> int:
    """CAT-style similarity of `source` to `query`, 0–100 (100 only if identical).

    Args:
        query: The text being translated (NFC).
        source: A stored source segment (NFC).
        q: `tokenize(query)`, when scoring many sources against one query.
        s: `tokenize(source)`, if already known.

    Returns:
        100 for identical text; 99 or less for a case, diacritic, punctuation
        or placeable difference; lower for word edits.
    """
    if query == source:
        return 100
    q = q or tokenize(query)
    s = s or tokenize(source)
    longest = max(len(q.keys), len(s.keys), 1)
    sim = 1.0 - _distance(q.keys, s.keys) / longest
    placeable_diffs = sum(
        x != y for x, y in zip(q.placeables, s.placeables, strict=False)
    )
    return max(0, _percent(sim) - placeable_diffs)


def unequal_keys_ceiling(q: Tokens) -> int:
    """The highest `score` a source whose keys differ from `q`'s can reach.

    Every inserted or deleted key costs at least `_MINOR`, and a replaced one
    at least 1/(n+1) for a query key of n letters (one letter of n+1), so a
    query of few short keys leaves the sources with its very keys (99, or
    100 if identical) above all others.
    """
    n = len(q.keys)
    if not n:
        return 99
    replaced = min(_MINOR, 1 / (1 + max(map(len, q.keys))))
    # As many keys with one replaced (fewer keys cost more), or one key more.
    return _percent(max(1 - replaced / n, 1 - _MINOR / (n + 1)))


def _percent(sim: float) -> int:
    # 100 is for identical text only. `top_scored`'s bound rounds the same
    # way, so rounding cannot break it.
    return min(99, int(sim * 100 + 1e-9))


def _ranker(query: str) -> Callable[[tuple[int, int, str, Tokens]], tuple[int, ...]]:
    # Equal scores: the source whose case matches the query's (case-only
    # twins all score 99), then the shorter, then the oldest.
    low = query.lower()

    def rank(found: tuple[int, int, str, Tokens]) -> tuple[int, ...]:
        value, i, source, _ = found
        case = Levenshtein.distance(query, source) - Levenshtein.distance(
            low, source.lower()
        )
        return -value, case, len(source), i

    return rank


def top_scored(
    query: str,
    q: Tokens,
    candidates: Iterable[tuple[int, str, Tokens]],
    *,
    minimum: int,
    limit: int,
) -> list[tuple[int, int, str, Tokens]]:
    """The best `limit` of (id, source, tokens) by `score`, at least `minimum`.

    Equal to scoring every candidate and sorting by (-score, case edits
    to the query, len(source), id),
    but a candidate whose length alone caps its score below the `limit`-th
    best so far is not scored.

    Returns:
        (score, id, source, tokens), best first.
    """
    if limit <= 0:
        return []
    # Every inserted or deleted token costs at least _MINOR, so the length
    # difference alone bounds a score from above (no edit operations needed).
    # Computed inline: a call per candidate costs more than this bound.
    n = len(q.keys)
    ranked: list[tuple[int, int, str, Tokens]] = []
    for i, src, s in candidates:
        m = len(s.keys)
        sim = 1.0 - _MINOR * abs(n - m) / max(n, m, 1)
        ranked.append((100 if src == query else _percent(sim), i, src, s))
    ranked.sort(key=lambda c: -c[0])
    found: list[tuple[int, int, str, Tokens]] = []
    floor = minimum
    for ceiling, i, src, s in ranked:
        if ceiling < floor:
            break
        value = score(query, src, q=q, s=s)
        if value >= minimum:
            found.append((value, i, src, s))
            if len(found) >= limit:
                # Ties with the limit-th value stay: the rank decides at the end.
                kth = sorted([f[0] for f in found], reverse=True)[limit - 1]
                found = [f for f in found if f[0] >= kth]
                floor = max(minimum, kth)
    if len({f[0] for f in found}) < len(found):
        found.sort(key=_ranker(query))  # its edit distances only for ties
    else:
        found.sort(key=lambda f: -f[0])
    return found[:limit]


def adapt(query: Tokens, unit: Unit, s: Tokens | None = None) -> str:
    """`unit.target` with the unit's placeables replaced by the query's ones.

    Only done when both sides have the same number of placeables; each stored
    placeable found in the target is replaced once, in order.
    """
    s = s or tokenize(unit.source)
    if len(s.placeables) != len(query.placeables):
        return unit.target
    target = unit.target
    for old, new in zip(s.placeables, query.placeables, strict=True):
        if old != new and old in target:
            target = target.replace(old, "\x01", 1)
            target = target.replace("\x01", new, 1)
    return target


def best_matches(
    query: str, units: Iterable[Unit], *, minimum: int = 75, limit: int = 5
) -> list[Match]:
    """Score `units` against `query`; keep those >= `minimum`, best first.

    Ties go to the source whose case matches the query's, then to the
    shorter source, then by id (oldest first), so the
    order is stable.
    """
    query = nfc(query)
    q = tokenize(query)
    # `top_scored` breaks ties by its candidates' ids: number the units in
    # (id, given order) so that its order is the one documented here.
    pool = sorted(units, key=lambda u: u.id or 0)
    candidates = ((k, u.source, tokenize(u.source)) for k, u in enumerate(pool))
    found = top_scored(query, q, candidates, minimum=minimum, limit=limit)
    return [Match(pool[k], value, adapt(q, pool[k], s)) for value, k, _, s in found]


def _fold_map(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        f = " " if ch.isspace() else fold(ch)
        out.append(f)
        where.extend([i] * len(f))
    return "".join(out), where


def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of `text` where `query` occurs ignoring case, diacritics and spacing.

    >>> highlight_spans("Ủy ban nhân dân", "uy BAN")
    [(0, 6)]
    """
    words = fold_words(query)
    if not words:
        return []
    folded, where = _fold_map(text)
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b")
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(folded):
        spans.append((where[m.start()], where[m.end() - 1] + 1))
    return spans
