"""Titles in Vietnamese text, and the names they give a title to.

A title is an optional prefix ("phó", "nguyên") and a head ("thủ tướng",
"bộ trưởng"), matched on `word_key`; the name after it (past an
organisation, a minister's field or a country) is a person's when it has
the shape of one.
"""

from __future__ import annotations

from glossary.extract.vi_syllables import SURNAMES, is_vi_syllable
from glossary.extract.vi_tokens import WORD, Context
from glossary.lang import vi
from glossary.names.places import english_country_name, is_country
from glossary.text import word_key

# Title heads and prefixes, matched on `word_key` (so both tone styles and
# any case match).
TITLE_HEADS = frozenset(word_key(t) for t in vi.TITLE_HEADS)
_TITLE_PREFIXES = frozenset(word_key(t) for t in vi.TITLE_PREFIXES)
# The keys a title can start with: a prefix, a head, or a head's first words
# (a head may span two tokens).
_TITLE_STARTS = (
    _TITLE_PREFIXES
    | TITLE_HEADS
    | {h[:at] for h in TITLE_HEADS for at, c in enumerate(h) if c == " "}
)


def _title_at(keys: list[str], i: int) -> int:
    """End index of a title phrase starting at token i (`keys`: the tokens'
    `word_key`s), or i if none."""
    k = i
    n = len(keys)
    while k < n and keys[k] in _TITLE_PREFIXES:
        k += 1
    if k < n and keys[k] in TITLE_HEADS:
        return k + 1
    if k + 2 <= n and f"{keys[k]} {keys[k + 1]}" in TITLE_HEADS:
        return k + 2
    return i


def title_spans(ctx: Context) -> list[tuple[int, int]]:
    """The token ranges [i, k) of the titles of the text, in order."""
    keys = [word_key(t.text) for t in ctx.tokens]
    spans = []
    i = 0
    while i < len(keys):
        if keys[i] not in _TITLE_STARTS:
            i += 1  # no title starts here: most tokens, checked fast
            continue
        k = _title_at(keys, i)
        if k > i:
            spans.append((i, k))
        i = max(k, i + 1)
    return spans


def titled_names(
    ctx: Context,
    parts: list[tuple[int, int]],
    title_spans: list[tuple[int, int]],
    claimed: set[int],
    between: set[int] | None = None,
) -> dict[int, str]:
    """Map the first token of each name right after a title to that title.

    The first tokens of countries written between a title and its person are
    added to `between`.
    """
    starts = dict(parts)
    titled: dict[int, str] = {}
    tokens = ctx.tokens
    for i, k in title_spans:
        title = ctx.text[tokens[i].start : tokens[k - 1].end]
        nxt = k
        while nxt < len(tokens) and nxt in claimed and nxt not in starts:
            nxt += 1  # "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên"
        portfolio = nxt not in starts and _portfolio_end(ctx, nxt, starts, claimed)
        if portfolio:
            # "Bộ trưởng Ngoại giao Hàn Quốc Kang Kyung Wha": the minister's
            # field, then (a country and) the person
            nxt = portfolio
        if nxt in starts:
            # "Phó Thủ tướng Belarus Anatoly Sivak": a country, then the person.
            after = starts[nxt]
            country = nxt
            if after in starts and tokens[after].start - tokens[after - 1].end <= 1:
                nxt = after
            if portfolio and nxt == portfolio and _one_word(ctx, nxt, starts[nxt]):
                continue  # "Bộ trưởng Kế hoạch và Đầu tư": a word of the field
            if _could_be_person(ctx, nxt, starts[nxt]) or (
                nxt != country and _names_country(ctx, country, after)
            ):  # "Thủ tướng Campuchia Hun Sen": a foreign person
                titled[nxt] = title
                if nxt != country and between is not None:
                    between.add(country)
    return titled


def _portfolio_end(
    ctx: Context, i: int, starts: dict[int, int], claimed: set[int]
) -> int:
    """The first name after a minister's field ("Ngoại giao và Kinh tế đối
    ngoại") that starts at token i; 0 when i starts no such field.

    The field is up to eight words, the first capitalised, with no
    punctuation; a country inside it ("Vương quốc Anh") is passed over.
    """
    toks = ctx.tokens

    def word(t: str) -> bool:  # tokens may be several syllables: "Ngoại giao"
        return t.replace(" ", "").isalpha()

    if i >= len(toks) or not toks[i].text[:1].isupper() or not word(toks[i].text):
        return 0
    j = i
    while j < len(toks) and j - i < 8 and j not in starts:
        if not (word(toks[j].text) or j in claimed):
            return 0
        j += 1
    return j if j in starts and j > i else 0


def _one_word(ctx: Context, i: int, j: int) -> bool:
    """True if tokens [i, j) hold a single syllable."""
    return len(WORD.findall(ctx.text[ctx.tokens[i].start : ctx.tokens[j - 1].end])) < 2


def _could_be_person(ctx: Context, i: int, j: int) -> bool:
    """A Vietnamese person after a title: a given name, or surname-led full name.

    "Đại sứ Nhật Bản" (the Japanese ambassador) names a country, not a person.
    """
    sylls = WORD.findall(ctx.text[ctx.tokens[i].start : ctx.tokens[j - 1].end])
    if len(sylls) == 1 and is_acronym(sylls[0]):
        return False  # "Chủ tịch HĐQT": a board, not a person
    if len(sylls) < 2 or not all(map(is_vi_syllable, sylls)):
        return True
    return sylls[0].lower() in SURNAMES


def _names_country(ctx: Context, i: int, j: int) -> bool:
    """True if tokens [i, j) are a country's Vietnamese or English name."""
    name = ctx.text[ctx.tokens[i].start : ctx.tokens[j - 1].end]
    return is_country(name) or english_country_name(name) is not None


def is_acronym(s: str) -> bool:
    """True if `s` is a word in capitals ("HĐQT", "UBND")."""
    return len(s) >= 2 and s.isupper() and s.isalpha()
