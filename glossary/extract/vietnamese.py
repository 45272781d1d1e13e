"""Names, titles, organisations and terms in Vietnamese text.

Word segmentation and POS tags come from underthesea (default) or pyvi; both are
imported lazily so that importing this module costs nothing. Everything else is
rules over the tagged tokens: capitalisation (Vietnamese writes every syllable of
a proper name capitalised, but only the first of a capitalised common word such
as "Thủ tướng" or "Chính phủ"), a closed class of title and organisation head
nouns, the structure of Vietnamese personal names, and evidence found elsewhere
in the same document.

The jobs are split: `vi_tokens` (tagging, offsets, tagger repairs),
`vi_orgs` (organisation and named-place spans over syllables), `vi_terms`
(domain terms); this module finds persons, places and titles and puts the
mentions together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from glossary.extract.vi_orgs import (
    ORG_HEADS,
    SURNAMES,
    Span,
    Syl,
    admin_places,
    is_vi_syllable,
    org_spans,
    syllables,
    word_key,
)
from glossary.extract.vi_places import place_spans, settlement_name
from glossary.extract.vi_terms import terms
from glossary.extract.vi_titles import (
    TITLE_HEADS,
    is_acronym,
    title_spans,
    titled_names,
)
from glossary.extract.vi_tokens import (
    WORD,
    Context,
    TaggedWord,
    context,
    cut,
    repair,
    sentence,
    tag,
)
from glossary.lang import vi
from glossary.model import Document, Kind, Mention
from glossary.names.places import (
    bare_place,
    english_country_name,
    is_country,
    units_within,
)
from glossary.names.vi_admin import province_unit
from glossary.names.world import english_place, gazetteer_kind
from glossary.text import fold, name_key

__all__ = [
    "VIETNAMESE_STEPS",
    "TaggedWord",
    "VietnameseText",
    "tag",
    "vietnamese_mentions",
]


_ORG_HEADS = frozenset(" ".join(k) for k in ORG_HEADS)
# The word lists of `glossary.lang.vi`, matched on `word_key` (both tone
# styles, any case).
_PERSON_CUES = frozenset(word_key(s) for s in vi.PERSON_CUES)
_ORG_CUES = frozenset(word_key(s) for s in vi.ORG_CUES)
_WEEKDAYS = frozenset(
    word_key(f"{vi.WEEKDAY_WORD} {d}") for d in vi.WEEKDAY_NUMBERS
) | {word_key(vi.SUNDAY)}
_DAY_WORDS = frozenset({word_key(vi.WEEKDAY_WORD)})
_CREDIT_CUES = frozenset(word_key(s) for s in vi.CREDIT_CUES)
_PLACE_CUES = frozenset(word_key(s) for s in vi.PLACE_CUES)
_PLAYER_VERBS = frozenset(word_key(s) for s in vi.PLAYER_VERBS)
# POS tags that may appear inside a domain term (nouns, verbs, adjectives).
_DATELINE_TOKENS = 8  # a dateline sits in the first few tokens of a text


def _is_name_token(ctx: Context, i: int) -> bool:
    tok = ctx.tokens[i]
    if ctx.shapes[i] != "cap" or word_key(tok.text) in _ORG_HEADS:
        return False
    prev = word_key(ctx.tokens[i - 1].text) if i else ""
    if word_key(tok.text) in _WEEKDAYS or (
        prev in _DAY_WORDS and tok.start - ctx.tokens[i - 1].end == 1
    ):
        return False  # "Thứ Ba", "Chủ nhật": weekdays are not names
    sylls = WORD.findall(tok.text)
    if ctx.initial[i] and tok.tag != "Np" and all(map(is_vi_syllable, sylls)):
        return False
    if len(sylls) == 1 and is_vi_syllable(sylls[0]) and i + 1 < len(ctx.tokens):
        # "Kỳ họp" split by the tagger: the pair is a common word elsewhere.
        nxt = ctx.tokens[i + 1]
        pair = fold(f"{tok.text} {nxt.text}")
        if ctx.shapes[i + 1] == "low" and pair in ctx.lower_words:
            return False
    return True


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


def _name_runs(ctx: Context, claimed: set[int]) -> list[tuple[int, int]]:
    """Maximal runs [i, j) of name tokens, joined across ' - ' between syllables."""
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


def _split_run(
    ctx: Context, i: int, j: int, alone: set[str], korean: dict[int, int]
) -> list[tuple[int, int]]:
    """Split a run before a surname-led person, after a name seen alone, and
    around a Korean name (starting at a character offset in `korean`)."""
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
            name_key(left) in alone
            or (first in SURNAMES and ctx.tokens[k].tag == "Np" and k - start >= 1)
            or is_country(left)  # "Hungary Szijjártó Péter"
            or english_country_name(left) is not None  # "Campuchia Hun Sen"
            or _place_before_foreign(ctx, start, k, j)
        ):
            parts.append((start, k))
            start = k
    parts.append((start, j))
    return parts


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


def vietnamese_mentions(
    doc: Document,
    *,
    backend: str = "underthesea",
    tokens: list[TaggedWord] | None = None,
) -> list[Mention]:
    """Persons, places, organisations, titles and domain terms in a Vietnamese text.

    Tags the text, finds the spans of organisations and named places, then
    runs `VIETNAMESE_STEPS` in order over the document (`VietnameseText`).

    Args:
        doc: the document; offsets refer to `doc.text` (NFC).
        backend: "underthesea" (default) or "pyvi" for segmentation and POS.
        tokens: `tag(doc.text, backend=backend)`, when the caller needs the
            tags too and has them already (`glossary align`): tagging is most
            of the cost.

    Returns:
        Mentions in text order, `lang="vi"`. Names after a title carry it in
        `Mention.title`; the title itself is also a `Kind.TITLE` mention. Terms
        have `kind=Kind.TERM` and `score` = termhood.
    """
    if tokens is None:
        tokens = tag(doc.text, backend=backend)
    text = read_tagged(doc, tokens)
    for step in VIETNAMESE_STEPS:
        step(text)
    text.out.sort(key=lambda m: (m.start, -m.end))
    return text.out


@dataclass(slots=True)
class VietnameseText:
    """One tagged document as the steps of `vietnamese_mentions` read it.

    Attributes:
        doc: the document.
        tokens: its tokens, repaired and cut at the spans' edges.
        syllables: its syllables, tagged (the spans were found over them).
        spans: the organisation and named-place spans, each with the [i, k)
            range of its tokens.
        ctx: the tokens with their text, for the rules.
        claimed: tokens already in a mention (or a title).
        korean: start and end offsets of Korean name spans (name parts).
        title_spans: token ranges of the titles.
        parts: token ranges of the names left (runs of capitalised tokens).
        kinds: the kind the document shows for a name, by `name_key`.
        inside: names of communes and districts within a place the text names.
        titled: the title of each name right after one, by first token.
        between: first tokens of countries between a title and its person.
        out: the mentions so far.
    """

    doc: Document
    tokens: list[TaggedWord]
    syllables: list[Syl]
    spans: list[tuple[Span, tuple[int, int]]]
    ctx: Context
    claimed: set[int]
    korean: dict[int, int]
    title_spans: list[tuple[int, int]] = field(default_factory=list)
    parts: list[tuple[int, int]] = field(default_factory=list)
    kinds: dict[str, Kind] = field(default_factory=dict)
    inside: frozenset[str] = frozenset()
    titled: dict[int, str] = field(default_factory=dict)
    between: set[int] = field(default_factory=set)
    out: list[Mention] = field(default_factory=list)

    def emit(
        self, i: int, j: int, kind: Kind | None, source: str, title: str = ""
    ) -> None:
        """A mention of tokens [i, j), which are claimed."""
        self.emit_at(self.tokens[i].start, self.tokens[j - 1].end, kind, source, title)
        self.claimed.update(range(i, j))

    def emit_at(
        self, start: int, end: int, kind: Kind | None, source: str, title: str = ""
    ) -> None:
        """A mention of the text from `start` to `end`."""
        text = self.doc.text
        self.out.append(
            Mention(
                text=text[start:end],
                document=self.doc.path,
                start=start,
                end=end,
                lang="vi",
                kind=kind,
                context=sentence(text, start, end),
                title=title,
                source=source,
            )
        )

    def surface(self, i: int, j: int) -> str:
        """The text of tokens [i, j)."""
        return self.doc.text[self.tokens[i].start : self.tokens[j - 1].end]


def read_tagged(doc: Document, tokens: list[TaggedWord]) -> VietnameseText:
    """The document with its spans of organisations and named places found
    and its tokens cut at their edges."""
    tokens = repair(doc.text, tokens, _ORG_HEADS | TITLE_HEADS)
    syls = syllables(doc.text, [(t.start, t.end, t.tag) for t in tokens])
    found = org_spans(doc.text, syls)
    found = sorted([*found, *place_spans(syls, found)], key=lambda sp: sp.start)
    tokens = cut(doc.text, tokens, found)
    spans = _token_ranges(tokens, found)
    return VietnameseText(
        doc,
        tokens,
        syls,
        spans,
        context(doc, tokens),
        claimed={t for _, (i, k) in spans for t in range(i, k)},
        # Korean names are name parts like any other (titles reach them), cut
        # from what precedes them: "Chủ tịch Posco Choi Jeong-woo"
        korean={sp.start: sp.end for sp in found if sp.source == "vi:korean"},
    )


def claim_titles(text: VietnameseText) -> None:
    """Claim the titles ("Thủ tướng", "Phó Chủ tịch") outside the spans."""
    claimed = text.claimed
    text.title_spans = [
        (i, k) for i, k in title_spans(text.ctx) if not claimed & set(range(i, k))
    ]
    for i, k in text.title_spans:
        claimed.update(range(i, k))


def emit_spans(text: VietnameseText) -> None:
    """Emit the organisations and named places, and the places inside them.

    A settlement is also named bare ("thôn Phìn Chải 2" is "Phìn Chải 2"); the
    place inside "UBND tỉnh Hà Tĩnh", "HĐND xã Cẩm Thủy", "quận Hai Bà Trưng"
    is named too, and a district keeps its unit word. Korean names are left
    to the name runs, unclaimed.
    """
    for sp, (i, k) in text.spans:
        if sp.start in text.korean:
            text.claimed.difference_update(range(i, k))
            continue
        text.emit(i, k, sp.kind, sp.source)
        if sp.source == "vi:settlement":
            name = sp.start + settlement_name(text.doc.text[sp.start : sp.end])
            text.emit_at(name, sp.end, Kind.PLACE, "vi:settlement")
        for unit, name, end, local in admin_places(text.syllables, sp.start, sp.end):
            text.emit_at(name, end, Kind.PLACE, "vi:admin-place")
            if local and (unit, end) != (sp.start, sp.end):
                text.emit_at(unit, end, Kind.PLACE, "vi:admin-place")


def split_name_runs(text: VietnameseText) -> None:
    """Split the runs of capitalised tokens left into names, and take the kind
    the document shows for each (a Korean name is a person)."""
    ctx, korean = text.ctx, text.korean
    runs = _name_runs(ctx, text.claimed)
    alone = {name_key(text.surface(i, j)) for i, j in runs}
    text.parts = [p for i, j in runs for p in _split_run(ctx, i, j, alone, korean)]
    text.kinds = _name_kinds(ctx, text.parts, {k for _, k in text.title_spans})
    for i, j in text.parts:
        if text.tokens[i].start in korean:
            text.kinds[name_key(text.surface(i, j))] = Kind.PERSON
    # "huyện Bắc Hà ghi nhận ... Bảo Nhai 1 hộ": a commune of a district the
    # text names is a place
    named = {bare_place(m.text) for m in text.out if m.kind is Kind.PLACE}
    for i, j in text.parts:
        surface = text.surface(i, j)
        if text.kinds.get(name_key(surface)) is Kind.PLACE:
            named.add(surface)
    text.inside = units_within(named)


def emit_titles(text: VietnameseText) -> None:
    """Give each name right after a title that title, and emit the titles.

    "Phó Thủ tướng Belarus Anatoly Sivak": the country between title and
    person is marked (`VietnameseText.between`).
    """
    text.titled = titled_names(
        text.ctx, text.parts, text.title_spans, text.claimed, text.between
    )
    for i, k in text.title_spans:
        text.emit(i, k, Kind.TITLE, "vi:title")


def emit_names(text: VietnameseText) -> None:
    """Emit each name with its kind: a person after a title, else the kind
    the document shows, a place between title and person, a player before
    "(CLB X)", and "Văn Vĩ (Nam Định)": a player and his club."""
    doc_text, tokens, parts = text.doc.text, text.tokens, text.parts
    part_kinds: list[Kind | None] = []
    for n, (i, j) in enumerate(parts):
        surface = text.surface(i, j)
        kind = Kind.PERSON if i in text.titled else text.kinds.get(name_key(surface))
        if kind is None and i in text.between:
            kind = Kind.PLACE
        if kind is None and _CLUB_AFTER.match(doc_text, tokens[j - 1].end):
            kind = Kind.PERSON  # "Thành Chung (CLB Hà Nội)": a player
        if (
            (kind is None or (kind is Kind.PLACE and _club_named(doc_text, surface)))
            and n
            and part_kinds[-1] in (Kind.PERSON, None)
            and _affiliation(text.ctx, parts[n - 1], (i, j))
        ):
            kind = Kind.ORG
            part_kinds[-1] = Kind.PERSON  # "Văn Vĩ (Nam Định)": a player
        if kind is None and surface in text.inside:
            kind = Kind.PLACE
        part_kinds.append(kind)
    for (i, j), kind in zip(parts, part_kinds, strict=True):
        text.emit(i, j, kind, "vi:name", text.titled.get(i, ""))


def add_terms(text: VietnameseText) -> None:
    """Add the domain terms among the tokens not claimed (`vi_terms.terms`)."""
    text.out.extend(terms(text.doc, text.ctx, text.claimed))


# The steps of `vietnamese_mentions`, in order.
VIETNAMESE_STEPS: tuple[Callable[[VietnameseText], None], ...] = (
    claim_titles,
    emit_spans,
    split_name_runs,
    emit_titles,
    emit_names,
    add_terms,
)


# A club in parentheses right after a name: the name is its player.
_CLUB_AFTER = re.compile(r"\s?\((?:CLB|Câu lạc bộ)\s+\w")


def _club_named(text: str, name: str) -> bool:
    """True if `text` names a club after the place `name` ("CLB Hà Nội").

    Then "Quan Văn Chuẩn (Hà Nội)" is the player's club even where "tại Hà
    Nội" elsewhere in the text is the city.
    """
    return f"CLB {name}" in text or f"{name} FC" in text


def _affiliation(ctx: Context, before: tuple[int, int], part: tuple[int, int]) -> bool:
    """'Văn Vĩ (Nam Định)': a person's club or body, unless the name is a place.

    Only names the document gives no kind to, right after a name that may be
    a person, are taken: "Việt Trì (Phú Thọ)" after a place, or "(Hà Nội)"
    when "tại Hà Nội" makes it a place, are not.
    """
    toks = ctx.tokens
    i, j = part
    return (
        before[1] == i - 1
        and toks[i - 1].text == "("
        and j < len(toks)
        and toks[j].text == ")"
    )


def _token_ranges(
    tokens: list[TaggedWord], spans: list[Span]
) -> list[tuple[Span, tuple[int, int]]]:
    """Each span with the [i, k) range of the tokens it covers."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i + 1 for i, t in enumerate(tokens)}
    out = []
    for sp in spans:
        i, k = starts.get(sp.start), ends.get(sp.end)
        if i is not None and k is not None and k > i:
            out.append((sp, (i, k)))
    return out


def _name_kinds(
    ctx: Context, parts: list[tuple[int, int]], title_ends: set[int]
) -> dict[str, Kind]:
    """Kind of each name (by name_key) from cues anywhere in the document."""
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
