"""The kind a Vietnamese document shows for a name, from cues anywhere in it.

A name the text writes after a person cue ("ông", "bà"), as a byline, or with
the shape of a Vietnamese full name is a person; after an organisation cue or
as a news agency's credit an organisation; after a place cue, as a country, a
foreign place, a dateline or between a title and its person a place; as the
subject of a football verb a player.
"""

from __future__ import annotations

from glossary.extract.vi_syllables import SURNAMES, is_vi_syllable
from glossary.extract.vi_tokens import WORD, Context
from glossary.lang import vi
from glossary.model import Kind
from glossary.names.places import english_country_name, is_country
from glossary.names.vi_admin import province_unit
from glossary.names.world import english_place, gazetteer_kind
from glossary.text import name_key, word_key

__all__ = ["name_kinds"]

# The word lists of `glossary.lang.vi`, matched on `word_key` (both tone
# styles, any case).
_PERSON_CUES = frozenset(word_key(s) for s in vi.PERSON_CUES)
_ORG_CUES = frozenset(word_key(s) for s in vi.ORG_CUES)
_CREDIT_CUES = frozenset(word_key(s) for s in vi.CREDIT_CUES)
_PLACE_CUES = frozenset(word_key(s) for s in vi.PLACE_CUES)
_PLAYER_VERBS = frozenset(word_key(s) for s in vi.PLAYER_VERBS)
_DATELINE_TOKENS = 8  # a dateline sits in the first few tokens of a text


def name_kinds(
    ctx: Context, parts: list[tuple[int, int]], title_ends: set[int]
) -> dict[str, Kind]:
    """Kind of each name (by name_key) from cues anywhere in the document.

    Args:
        ctx: the document's tokens.
        parts: the names, as token ranges [i, j).
        title_ends: the tokens right after a title.

    Returns:
        The kind shown for each name that has one; the first person cue wins
        over any other, then the first cue of any kind.
    """
    kinds: dict[str, Kind] = {}
    starts = dict(parts)
    tokens = ctx.tokens
    for i, j in parts:
        key = name_key(ctx.text[tokens[i].start : tokens[j - 1].end])
        prev = _cue_before(ctx, i)
        sylls = WORD.findall(ctx.text[tokens[i].start : tokens[j - 1].end])
        nxt = tokens[j].text if j < len(tokens) else ""
        if (
            prev & _PERSON_CUES
            or _is_byline(ctx, i, j)
            or (
                sylls[0].lower() in SURNAMES
                and 3 <= len(sylls) <= 4
                and is_vi_syllable(sylls[-1])
                # one foreign syllable: "Cao Pendant Quang Vinh"
                and sum(not is_vi_syllable(s) for s in sylls) <= 1
                and (i == 0 or tokens[i - 1].text != "-")  # "châu Á - Thái Bình Dương"
            )
            or _middle_name_person(sylls)
        ):
            kinds[key] = Kind.PERSON
        elif key not in kinds and (prev & _ORG_CUES or _is_agency(ctx, i, j)):
            kinds[key] = Kind.ORG
        elif key not in kinds and (
            prev & _PLACE_CUES
            or is_country(ctx.text[tokens[i].start : tokens[j - 1].end])
            or _foreign_place(ctx.text[tokens[i].start : tokens[j - 1].end])
            or (nxt in ("–", "—") and i < _DATELINE_TOKENS)  # "HÀ NỘI –"
            or _is_country_before_person(ctx, i, j, starts, title_ends)
        ):
            kinds[key] = Kind.PLACE
        elif key not in kinds and _is_player(ctx, j, sylls):
            kinds[key] = Kind.PERSON
    return kinds


def _is_player(ctx: Context, j: int, sylls: list[str]) -> bool:
    """ "Minh Khoa dứt điểm": a two-syllable given name, not a province,
    as the subject of a football verb is a player."""
    if len(sylls) != 2 or not all(map(is_vi_syllable, sylls)) or j >= len(ctx.tokens):
        return False
    after = WORD.findall(" ".join(t.text for t in ctx.tokens[j : j + 2]))
    return (
        bool(ctx.tokens[j].text[:1].isalpha())
        and any(word_key(" ".join(after[:n])) in _PLAYER_VERBS for n in (1, 2))
        and province_unit(" ".join(sylls)) is None
    )


def _is_agency(ctx: Context, i: int, j: int) -> bool:
    """ "(ảnh: Yonhap)" and "(VTC News) - ..." opening a text: a news agency
    or outlet; one foreign word after a credit cue, or the source in
    parentheses before the dateline dash."""
    toks = ctx.tokens
    credit = (
        i >= 2
        and j == i + 1
        and toks[i - 1].text == ":"
        and word_key(toks[i - 2].text) in _CREDIT_CUES
        and not all(map(is_vi_syllable, WORD.findall(toks[i].text)))
    )
    source = (
        0 < i < _DATELINE_TOKENS
        and toks[i - 1].text == "("
        and j + 1 < len(toks)
        and toks[j].text == ")"
        and toks[j + 1].text in ("-", "–", "—")
    )
    return credit or source


_CUE_WORDS = 3  # syllables of the longest cue ("sân vận động")


def _cue_before(ctx: Context, i: int) -> set[str]:
    """The word keys the name at token i may follow as a cue: the last one to
    three syllables before it, whatever the word segmenter joined ("tay thủ
    môn Trung Kiên" follows "thủ môn", "thủ đô Viêng Chăn" follows "thủ đô")."""
    if i == 0 or not WORD.fullmatch(ctx.tokens[i - 1].text.replace(" ", "_")):
        return set()
    before = " ".join(t.text for t in ctx.tokens[max(0, i - _CUE_WORDS) : i])
    sylls = WORD.findall(before)[-_CUE_WORDS:]
    return {word_key(" ".join(sylls[-n:])) for n in range(1, len(sylls) + 1)}


# The middle names that mark a woman's or a man's full name.
_MIDDLE = frozenset({"Thị", "Văn"})


def _middle_name_person(sylls: list[str]) -> bool:
    """ "Vàng Thị Sì", "Lò Văn Pọm": a full name whatever its surname."""
    return (
        3 <= len(sylls) <= 4
        and sylls[1] in _MIDDLE
        and all(s[:1].isupper() and is_vi_syllable(s) for s in sylls)
    )


def _foreign_place(name: str) -> bool:
    """A country or city named in Vietnamese ("Triều Tiên", "Bình Nhưỡng"),
    or a place of the user's gazetteer."""
    return (
        english_country_name(name) is not None
        or english_place(name) is not None
        or gazetteer_kind(name) == "place"
    )


def _is_byline(ctx: Context, i: int, j: int) -> bool:
    """A name alone on its line, or after "ảnh:" / "(Theo ...": an author."""
    toks, text = ctx.tokens, ctx.text
    sylls = WORD.findall(text[toks[i].start : toks[j - 1].end])
    if not 2 <= len(sylls) <= 4 or not all(map(is_vi_syllable, sylls)):
        return False
    if (
        i >= 2
        and toks[i - 1].text == ":"
        and word_key(toks[i - 2].text) in _CREDIT_CUES
    ):
        return True
    before = text[: toks[i].start].rstrip(" ")
    after = text[toks[j - 1].end :].lstrip(" ")
    return (not before or before.endswith("\n")) and (not after or after[0] == "\n")


def _is_country_before_person(
    ctx: Context, i: int, j: int, starts: dict[int, int], title_ends: set[int]
) -> bool:
    """'Thủ tướng Belarus Roman Golovchenko': a name between a title and a person."""
    return (
        i in title_ends
        and j in starts
        and ctx.tokens[j].start - ctx.tokens[j - 1].end <= 1
    )
