"""Names, titles, organisations and terms in Vietnamese text.

Word segmentation and POS tags come from underthesea (default) or pyvi; both are
imported lazily so that importing this module costs nothing. Everything else is
rules over the tagged tokens: capitalisation (Vietnamese writes every syllable of
a proper name capitalised, but only the first of a capitalised common word such
as "Thủ tướng" or "Chính phủ"), a closed class of title and organisation head
nouns, the structure of Vietnamese personal names, and evidence found elsewhere
in the same document.

The jobs are split: `vi_tokens` (tagging, offsets, tagger repairs),
`vi_orgs` and `vi_places` (organisation and named-place spans over
syllables), `vi_runs` (runs of name tokens and where they split), `vi_kinds`
(the kind the document shows for a name), `vi_titles`, `vi_terms` (domain
terms); this module runs them as named steps and puts the mentions together.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from glossary.extract.vi_kinds import between_kind, name_kinds
from glossary.extract.vi_orgs import admin_places, org_spans, own_name
from glossary.extract.vi_places import place_spans, settlement_name
from glossary.extract.vi_runs import (
    ORG_HEAD_WORDS,
    name_runs,
    split_run,
    strip_honorifics,
)
from glossary.extract.vi_syllables import Span, Syl, is_vi_syllable, syllables
from glossary.extract.vi_terms import terms
from glossary.extract.vi_titles import TITLE_HEADS, title_spans, titled_names
from glossary.extract.vi_tokens import (
    Context,
    TaggedWord,
    cached_name_key,
    context,
    cut,
    repair,
    sentence,
    tag,
)
from glossary.lang import vi
from glossary.model import Document, Kind, Mention
from glossary.names.places import bare_place, units_within
from glossary.text import marked_key

__all__ = [
    "VIETNAMESE_STEPS",
    "TaggedWord",
    "VietnameseText",
    "tag",
    "vietnamese_mentions",
]


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


# The heads `repair` keeps whole: one set for every document (`repair`
# caches what it works out of it).
_REPAIR_HEADS = ORG_HEAD_WORDS | TITLE_HEADS


def read_tagged(doc: Document, tokens: list[TaggedWord]) -> VietnameseText:
    """The document with its spans of organisations and named places found
    and its tokens cut at their edges."""
    tokens = repair(doc.text, tokens, _REPAIR_HEADS)
    syls = syllables(doc.text, tokens)
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
        if sp.kind is Kind.ORG and (inst := _institution_end(text, sp)):
            text.emit_at(inst, sp.end, Kind.ORG, "vi:institution")
        if sp.kind is Kind.ORG and (tail := _foreign_tail(text, sp)) is not None:
            start, kind = tail
            text.emit_at(start, sp.end, kind, "vi:org-tail")


def _institution_end(text: VietnameseText, sp: Span) -> int:
    """Start of the institution a body's name ends with after "của" (of):
    "Ủy ban Tài chính và Ngân sách của Quốc hội" names the Quốc hội too;
    0 if none."""
    name = text.doc.text[sp.start : sp.end]
    for inst in _INSTITUTIONS:
        if name.endswith(f" của {inst}"):
            return sp.end - len(inst)
    return 0


_INSTITUTIONS = ("Quốc hội", "Chính phủ", "Trung ương Đảng")


def _foreign_tail(text: VietnameseText, sp: Span) -> tuple[int, Kind | None] | None:
    """The foreign name a body's name ends with, a name of its own: a known
    place ("Đại học Bristol", "... Hoàng gia Campuchia"), or any name after
    the body's own capitalised words ("Học viện Lục quân West Point").

    Returns:
        Its start and kind, or None ("Tập đoàn Samsung" is the company's
        name, not named after anything).
    """
    # the syllables are in text order: the span's are one slice of them
    lo = bisect_left(text.syllables, sp.start, key=_start)
    sylls = text.syllables[lo : bisect_left(text.syllables, sp.end, lo, key=_start)]
    k = len(sylls)
    while k > 1 and sylls[k - 1].cap and not is_vi_syllable(sylls[k - 1].text):
        k -= 1
    if k in (0, len(sylls)) or not sylls[k - 1].word:
        return None
    start = sylls[k].start
    if between_kind(text.doc.text[start : sp.end]) is Kind.PLACE:
        return start, Kind.PLACE
    own = any(s.word and s.text[:1].isupper() for s in sylls[1:k])
    return (start, None) if own else None


def _start(s: Syl) -> int:
    return s.start


def split_name_runs(text: VietnameseText) -> None:
    """Split the runs of capitalised tokens left into names, and take the kind
    the document shows for each (a Korean name is a person)."""
    ctx, korean = text.ctx, text.korean
    runs = strip_honorifics(ctx, name_runs(ctx, text.claimed), text.claimed)
    alone = {cached_name_key(text.surface(i, j)) for i, j in runs}
    text.parts = [p for i, j in runs for p in split_run(ctx, i, j, alone, korean)]
    orgs = [
        text.doc.text[sp.start : sp.end] for sp, _ in text.spans if sp.kind is Kind.ORG
    ]
    org_names = frozenset(
        cached_name_key(n) for o in orgs for n in (o, own_name(o)) if n
    )
    text.kinds = name_kinds(
        ctx, text.parts, {k for _, k in text.title_spans}, org_names
    )
    for i, j in text.parts:
        if text.tokens[i].start in korean:
            text.kinds[cached_name_key(text.surface(i, j))] = Kind.PERSON
    # "huyện Bắc Hà ghi nhận ... Bảo Nhai 1 hộ": a commune of a district the
    # text names is a place
    named = {bare_place(m.text) for m in text.out if m.kind is Kind.PLACE}
    for i, j in text.parts:
        surface = text.surface(i, j)
        if text.kinds.get(cached_name_key(surface)) is Kind.PLACE:
            named.add(surface)
    text.inside = units_within(named)


def join_local_places(text: VietnameseText) -> None:
    """Make a place of the commune or district a name run misses because its
    name ends in lower case ("Thải Giàng phố", "Nậm lúc"): tokens spelling,
    in any case, a unit inside a place the document names (`inside`).
    """
    units = _marked_keys(text.inside)
    if not units:
        return
    taken = set(text.claimed)
    spans: list[tuple[int, int]] = []
    after = 0  # the first token after the last unit found
    # a unit's first token is capitalised: few tokens are tried
    capitals = [i for i, t in enumerate(text.tokens) if t.text[:1].isupper()]
    for i in capitals:
        if i >= after and i not in taken and (end := _unit_at(text, i, units, taken)):
            spans.append((i, end))
            text.kinds[cached_name_key(text.surface(i, end))] = Kind.PLACE
            after = end
    if spans:
        kept = [p for p in text.parts if not any(_overlap(p, q) for q in spans)]
        text.parts = sorted(kept + spans)


# The documents of a province name its districts and wards again and again
# (hundreds of units each): their keys are made once per set.
@lru_cache(maxsize=256)
def _marked_keys(units: frozenset[str]) -> frozenset[str]:
    return frozenset(map(marked_key, units))


def _unit_at(
    text: VietnameseText, i: int, units: frozenset[str], taken: set[int]
) -> int:
    """End of the longest run of one to three tokens at i, the first
    capitalised and some other not, that spells a unit of `units`; 0 if
    none. The caller has checked token i: capitalised, not taken."""
    toks = text.tokens
    for end in range(min(i + 3, len(toks)), i, -1):
        if any(
            k in taken or toks[k].start != toks[k - 1].end + 1
            for k in range(i + 1, end)
        ):
            continue
        surface = text.surface(i, end)
        if _marked_key(surface) in units and not surface.istitle():
            return end  # a name run has the capitalised ones
    return 0


# Each capitalised token's runs are keyed, and texts repeat their names.
_marked_key = lru_cache(maxsize=1 << 14)(marked_key)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


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


def _abbreviated_body(surface: str) -> bool:
    """True if every word is a body's abbreviation: "Chủ nhiệm UBKT TƯ" heads
    the body, it names no person."""
    return all(w in vi.BODY_ABBREVIATIONS for w in surface.split())


def emit_names(text: VietnameseText) -> None:
    """Emit each name with its kind: a person after a title, else the kind
    the document shows, a place between title and person, a player before
    "(CLB X)", and "Văn Vĩ (Nam Định)": a player and his club."""
    doc_text, tokens, parts = text.doc.text, text.tokens, text.parts
    part_kinds: list[Kind | None] = []
    for n, (i, j) in enumerate(parts):
        surface = text.surface(i, j)
        titled = i in text.titled and not _abbreviated_body(surface)
        kind = Kind.PERSON if titled else text.kinds.get(cached_name_key(surface))
        if kind is None and i in text.between:
            kind = between_kind(surface)
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
        after_place = bool(n) and part_kinds[-1] is Kind.PLACE
        if kind is None and (
            surface in text.inside or _locates(text, i, j, parts[n - 1], after_place)
        ):
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
    join_local_places,
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


def _locates(
    text: VietnameseText,
    i: int,
    j: int,
    before_part: tuple[int, int],
    place_before: bool,
) -> bool:
    """ "Sì Thâu Chải (Lai Châu)", "sân bay Nội Bài (Hà Nội)": a name in
    parentheses right after a place (the name before it, `before_part`,
    when `place_before`, or a place span) is where that place lies."""
    toks = text.tokens
    if not (0 < i < j < len(toks) and toks[i - 1].text == "(" and toks[j].text == ")"):
        return False
    if place_before and before_part[1] == i - 1:
        return True
    before = toks[i - 1].start
    return any(
        m.kind is Kind.PLACE
        and m.end <= before
        and not text.doc.text[m.end : before].strip()
        for m in text.out[-_LOOK_BACK:]
    )


# Mentions emitted last that a parenthesis may follow (the spans come first).
_LOOK_BACK = 64


def _token_ranges(
    tokens: list[TaggedWord], spans: list[Span]
) -> list[tuple[Span, tuple[int, int]]]:
    """Each span with the [i, k) range of the tokens it covers (the tokens
    in text order, disjoint: bisected, not every token's start and end
    tabled for a few spans)."""
    out = []
    n = len(tokens)
    for sp in spans:
        i = bisect_left(tokens, sp.start, key=_token_start)
        k = bisect_left(tokens, sp.end, key=_token_end) + 1
        if i < k <= n and tokens[i].start == sp.start and tokens[k - 1].end == sp.end:
            out.append((sp, (i, k)))
    return out


_token_start = attrgetter("start")
_token_end = attrgetter("end")
