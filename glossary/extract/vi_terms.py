"""Vietnamese domain terms: noun phrases ranked by a termhood score.

Phrases are runs of lowercase content words (nouns, verbs, adjectives) that no
name or title has claimed; a word the document puts before (or after) many
different words is a generic head (or modifier) and is trimmed off.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from functools import lru_cache

from glossary.extract.vi_tokens import Context, sentence
from glossary.model import Document, Kind, Mention
from glossary.text import fold, word_key

__all__ = ["terms"]

_TERM_TAGS = frozenset({"N", "Nc", "V", "A"})


_GENERIC_MIN = 2


def _content_keys(ctx: Context) -> list[str | None]:
    """The `word_key` of each lower-case content word; None for any other token."""
    return [
        word_key(t.text) if s == "low" and t.tag in _TERM_TAGS else None
        for t, s in zip(ctx.tokens, ctx.shapes, strict=True)
    ]


def _generic_words(keys: list[str | None]) -> tuple[set[str], set[str]]:
    """Words followed (heads) or preceded (modifiers) by 2+ distinct content
    words (`keys`: `_content_keys`)."""
    after: dict[str, set[str]] = defaultdict(set)
    before: dict[str, set[str]] = defaultdict(set)
    for a, b in itertools.pairwise(keys):
        if a is not None and b is not None:
            after[a].add(b)
            before[b].add(a)
    heads = {w for w, nxt in after.items() if len(nxt) >= _GENERIC_MIN}
    mods = {w for w, prv in before.items() if len(prv) >= _GENERIC_MIN}
    return heads, mods


def _lower_case_runs(
    ctx: Context, keys: list[str | None], claimed: set[int]
) -> list[tuple[int, int]]:
    """Token spans of unclaimed lower-case words of a term's parts of speech
    (`keys`: `_content_keys`) whose syllables are all letters."""
    tokens = ctx.tokens
    spans: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while (
            j < n
            and keys[j] is not None
            and j not in claimed
            and _alphabetic(tokens[j].text)
        ):
            j += 1
        if j > i:
            spans.append((i, j))
        i = max(j, i + 1)
    return spans


# Documents share most of their words: each is looked at once.
@lru_cache(maxsize=1 << 16)
def _alphabetic(word: str) -> bool:
    return all(w.isalpha() for w in word.split())


def terms(doc: Document, ctx: Context, claimed: set[int]) -> list[Mention]:
    """Noun phrases bounded by punctuation or function words, ranked by termhood."""
    tokens = ctx.tokens
    keys = _content_keys(ctx)
    spans = _lower_case_runs(ctx, keys, claimed)
    heads, mods = _generic_words(keys)
    found: list[tuple[int, int]] = []
    for i, j in spans:
        # "lĩnh vực hợp tác mới" → "hợp tác": a word the document puts before
        # (or after) many different words is a generic head (or modifier).
        while j - i > 1 and keys[i] in heads:
            i += 1
        while j - i > 1 and keys[j - 1] in mods:
            j -= 1
        if j - i > 2 and " " not in tokens[i].text and tokens[i + 1].tag == "V":
            i += 1  # a nominaliser before a verb: "sự phát triển bền vững"
        if j - i > 3:
            continue  # too long for a term
        # the words' syllables are all letters (`_lower_case_runs`)
        sylls = sum(len(t.text.split()) for t in tokens[i:j])
        if j - i == 1 and sylls >= 3 and tokens[i].tag == "N":
            found.append((i, j))  # one long compound: "công nghệ thông tin"
            continue
        if not (2 <= j - i <= 3 and 3 <= sylls <= 5):
            continue
        if tokens[i].tag not in ("N", "V") or tokens[j - 1].tag not in ("N", "A"):
            continue
        if tokens[i].tag == "V" and " " not in tokens[i].text:
            continue  # "có nông sản", "ký biên bản": a verb phrase, not a term
        found.append((i, j))
    return _ranked(doc, [(tokens[i].start, tokens[j - 1].end) for i, j in found])


def _ranked(doc: Document, found: list[tuple[int, int]]) -> list[Mention]:
    """The terms at the character spans `found`, each scored by its length
    and how often the document has it."""
    folded = [fold(doc.text[start:end]) for start, end in found]
    freq = Counter(folded)
    out = []
    for (start, end), key in zip(found, folded, strict=True):
        surface = doc.text[start:end]
        score = math.log2(1 + len(surface.split())) * freq[key]
        out.append(
            Mention(
                text=surface,
                document=doc.path,
                start=start,
                end=end,
                lang="vi",
                kind=Kind.TERM,
                context=sentence(doc.text, start, end),
                source="vi:noun-phrase",
                score=round(score, 3),
            )
        )
    return out
