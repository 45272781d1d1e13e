"""Runs of capitalised Vietnamese tokens, and where one run holds two names.

What the organisation and place scans (`vi_orgs`, `vi_places`) leave is read
as runs of name tokens: capitalised, not a weekday, not a capitalised common
word opening a sentence. A run is then split where a second name starts: a
surname-led person, a name the text also writes alone, a Korean name, or a
country before its person ("Campuchia Hun Sen").
"""

from __future__ import annotations

import re

from glossary.extract.vi_bodies import ORG_HEADS
from glossary.extract.vi_syllables import SURNAMES, is_vi_syllable
from glossary.extract.vi_titles import is_acronym
from glossary.extract.vi_tokens import WORD, Context, cached_name_key
from glossary.lang import vi, vi_state
from glossary.names.places import english_country_name, is_country
from glossary.names.vi_words import is_vietnamese_word
from glossary.text import fold, word_key

__all__ = [
    "ORG_HEAD_WORDS",
    "after_credit",
    "name_runs",
    "split_run",
    "strip_honorifics",
]

# The organisation heads as word keys: never a name token on their own.
ORG_HEAD_WORDS = frozenset(" ".join(k) for k in ORG_HEADS)
_WEEKDAYS = frozenset(
    word_key(f"{vi.WEEKDAY_WORD} {d}") for d in vi.WEEKDAY_NUMBERS
) | {word_key(vi.SUNDAY)}
_DAY_WORDS = frozenset({word_key(vi.WEEKDAY_WORD)})
_MONTH_WORDS = frozenset({word_key(vi.MONTH_WORD)})
_MONTH_NAMES = frozenset(word_key(m) for m in vi.MONTH_NAMES)
# Law heads written alone: "Luật" of "Luật phá sản doanh nghiệp".
_LAW_HEAD_WORDS = frozenset(word_key(h) for h in vi.LAW_HEADS)
# A Roman numeral of two letters or more: "XI" of "khoá XI", "thế kỷ XX".
_ROMAN = re.compile(r"^(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})$")
_CREDIT_CUES = frozenset(word_key(s) for s in vi.CREDIT_CUES)
# Capitalised inside a sentence, "Ông" and "Bà" are surnames ("bà xã Ông
# Cao Thắng"), not the honorifics a name could be cut from.
_HONORIFICS = frozenset(word_key(h) for h in vi.HONORIFICS)


# The honorifics before a foreign leader's name, as tuples of lower-case words.
_FOREIGN_HONORIFICS = sorted(
    (tuple(h.lower().split()) for h in vi.FOREIGN_HONORIFICS), key=len, reverse=True
)
_HONORIFIC_FIRSTS = frozenset(h[0] for h in _FOREIGN_HONORIFICS)


def strip_honorifics(
    ctx: Context, runs: list[tuple[int, int]], claimed: set[int]
) -> list[tuple[int, int]]:
    """The runs without the honorifics they open with ("Samdech Moha Bovor
    Thipadei | Hun Manet"), which are claimed, so that a title before them
    reaches the name.

    Args:
        ctx: the document's tokens.
        runs: the runs of name tokens.
        claimed: tokens in a mention or a title; the honorifics are added.

    Returns:
        The runs, each starting after its honorifics (a run that is nothing
        but honorifics is kept whole).
    """
    out = []
    for i, j in runs:
        k = i
        while k < j and (n := _honorific_at(ctx, k, j)):
            k += n
        if i < k < j:
            claimed.update(range(i, k))
            i = k
        out.append((i, j))
    return out


def _honorific_at(ctx: Context, k: int, j: int) -> int:
    """The number of whole tokens from k (before j) an honorific spells, or 0."""
    first = ctx.tokens[k].text.lower().split()[:1]
    if first and first[0] not in _HONORIFIC_FIRSTS:
        return 0
    for phrase in _FOREIGN_HONORIFICS:
        words: list[str] = []
        for n in range(k, j):
            words += ctx.tokens[n].text.lower().split()
            if tuple(words) == phrase:
                return n - k + 1
            if tuple(words) != phrase[: len(words)]:
                break
    return 0


def _is_name_token(ctx: Context, i: int) -> bool:
    if ctx.shapes[i] == "low":
        return False  # most tokens, checked fast
    tok = ctx.tokens[i]
    credit = after_credit(ctx, i)  # "(ảnh: Truyền hình Lào Cai)"
    if ctx.shapes[i] not in ("cap", "cw" if credit else "cap"):
        return False
    key = word_key(tok.text)
    if key in ORG_HEAD_WORDS or key in _LAW_HEAD_WORDS:
        return False
    if _calendar_word(ctx, i, key) or _numeral_after_lower(ctx, i):
        return False
    sylls = WORD.findall(tok.text)
    if (
        ctx.initial[i]
        and tok.tag != "Np"
        and all(map(is_vi_syllable, sylls))
        and not credit
    ):
        return False
    if len(sylls) == 1 and is_vi_syllable(sylls[0]) and i + 1 < len(ctx.tokens):
        # "Kỳ họp" split by the tagger: the pair is a common word elsewhere.
        nxt = ctx.tokens[i + 1]
        pair = f"{tok.text} {nxt.text}"
        if ctx.shapes[i + 1] == "low" and (
            fold(pair) in ctx.lower_words or is_vietnamese_word(pair)
        ):
            return False
    return True


def _calendar_word(ctx: Context, i: int, key: str) -> bool:
    """ "Thứ Ba", "Chủ nhật", "tháng Tám": weekdays and months are not names."""
    if key in _WEEKDAYS:
        return True
    if not i or ctx.tokens[i].start - ctx.tokens[i - 1].end != 1:
        return False
    prev = word_key(ctx.tokens[i - 1].text)
    return prev in _DAY_WORDS or (prev in _MONTH_WORDS and key in _MONTH_NAMES)


def _numeral_after_lower(ctx: Context, i: int) -> bool:
    """ "khoá XI", "thế kỷ XX": a Roman numeral numbering the lower-case word
    before it is not a name ("Đại hội VIII" and "Louis XIV" are left alone)."""
    return (
        i > 0
        and _ROMAN.match(ctx.tokens[i].text) is not None
        and ctx.shapes[i - 1] == "low"
    )


def after_credit(ctx: Context, i: int) -> bool:
    """ "(ảnh: Truyền hình Lào Cai)": token i opens the source a photo credit
    or byline names, capitalised after the colon, not a sentence's first word."""
    return (
        i >= 2
        and ctx.tokens[i - 1].text == ":"
        and word_key(ctx.tokens[i - 2].text) in _CREDIT_CUES
    )


def _hyphen_tail(ctx: Context, j: int) -> bool:
    """A lowercase syllable hyphenated to a name with no spaces: "Sang-sik"."""
    toks = ctx.tokens
    return (
        toks[j].text == "-"
        and j + 1 < len(toks)
        and toks[j - 1].end == toks[j].start
        and toks[j].end == toks[j + 1].start
        and toks[j + 1].text.isalpha()
        and toks[j + 1].text.islower()
    )


def name_runs(ctx: Context, claimed: set[int]) -> list[tuple[int, int]]:
    """Maximal runs [i, j) of name tokens, joined across ' - ' between syllables.

    Args:
        ctx: the document's tokens.
        claimed: tokens already in a mention or a title, never in a run.

    Returns:
        The runs in text order.
    """
    runs: list[tuple[int, int]] = []
    i, n = 0, len(ctx.tokens)

    def ok(k: int) -> bool:
        return k not in claimed and _is_name_token(ctx, k)

    while i < n:
        if not ok(i):
            i += 1
            continue
        j = i + 1
        while j < n:
            if ok(j):
                j += 1
            elif (
                ctx.tokens[j].text == "-"
                and j + 1 < n
                and ok(j + 1)
                and " " not in ctx.tokens[j - 1].text
                and " " not in ctx.tokens[j + 1].text
                and not is_acronym(ctx.tokens[j - 1].text)  # "TPO - HLV"
            ):
                j += 2
            elif _hyphen_tail(ctx, j):
                j += 2  # "Kim Sang-sik", written without spaces
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def split_run(
    ctx: Context, i: int, j: int, alone: set[str], korean: dict[int, int]
) -> list[tuple[int, int]]:
    """Split a run before a surname-led person, after a name seen alone, and
    around a Korean name (starting at a character offset in `korean`).

    Args:
        ctx: the document's tokens.
        i: the run's first token.
        j: the token after its last.
        alone: `name_key`s of the runs the text writes.
        korean: start and end offsets of the Korean names.

    Returns:
        The parts [start, end) of the run, in order.
    """
    parts: list[tuple[int, int]] = []
    start = i
    for k in range(i + 1, j):
        sylls = WORD.findall(ctx.tokens[k].text)
        if not sylls or not WORD.search(ctx.tokens[k - 1].text):
            continue  # never split around the hyphen of "Á - Âu"
        left = ctx.text[ctx.tokens[start].start : ctx.tokens[k - 1].end]
        first = sylls[0].lower()
        here = ctx.tokens[k].start
        if any(a < here < b for a, b in korean.items()):
            continue  # never inside "Moon Jae-in"
        if korean.get(ctx.tokens[start].start) == ctx.tokens[k - 1].end:
            parts.append((start, k))  # "Lee Jae-yong" ends at its hyphenated tail
            start = k
            continue
        if here in korean or (
            cached_name_key(left) in alone
            or (
                first in SURNAMES
                and ctx.tokens[k].tag == "Np"
                and not _lone_surname(left)
            )
            or is_country(left)  # "Hungary Szijjártó Péter"
            or english_country_name(left) is not None  # "Campuchia Hun Sen"
            or _place_before_foreign(ctx, start, k, j)
            or _acronym_pair(ctx, k)
        ):
            parts.append((start, k))
            start = k
    parts.append((start, j))
    return parts


def _acronym_pair(ctx: Context, k: int) -> bool:
    """ "Trưởng SOM | ASEAN": an international body's acronym after another
    acronym names the body the first belongs to, a name of its own ("UBKT
    TƯ", "TP HCM" are one name)."""
    return ctx.tokens[k].text in _BODY_ACRONYMS and is_acronym(ctx.tokens[k - 1].text)


# The acronyms of international bodies ("ASEAN", "APEC", "WTO").
_BODY_ACRONYMS = frozenset(
    english for english, _ in vi_state.INTERNATIONAL if is_acronym(english)
)


def _lone_surname(left: str) -> bool:
    """ "Nguyễn | Hoàng Anh", "Ông | Cao Thắng": one syllable that is a
    surname (or, capitalised inside a sentence, "Ông" or "Bà") never stands
    alone before another surname; the two are one name."""
    return " " not in left and (
        left.lower() in SURNAMES or word_key(left) in _HONORIFICS
    )


def _place_before_foreign(ctx: Context, start: int, k: int, j: int) -> bool:
    """'Hoa Kỳ | Marc Knapper': one Vietnamese compound, then a foreign name.

    The tagger keeps a Vietnamese place name ("Hoa Kỳ", "Hàn Quốc") as one
    token; a foreign person's name after it has syllables no Vietnamese word
    has.
    """
    toks = ctx.tokens
    left = WORD.findall(toks[start].text)
    right = [w for t in toks[k:j] for w in WORD.findall(t.text)]
    return (
        k == start + 1
        and len(left) >= 2
        and all(map(is_vi_syllable, left))
        and not all(map(is_vi_syllable, right))
    )
