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

from glossary.extract.vi_orgs import (
    ORG_HEADS,
    SURNAMES,
    Span,
    admin_places,
    is_vi_syllable,
    org_spans,
    syllables,
    word_key,
)
from glossary.extract.vi_places import place_spans, settlement_name
from glossary.extract.vi_terms import terms
from glossary.extract.vi_tokens import (
    WORD,
    Context,
    Token,
    context,
    cut,
    repair,
    sentence,
    tag,
)
from glossary.model import Document, Kind, Mention
from glossary.names.places import (
    bare_place,
    english_country_name,
    is_country,
    units_within,
)
from glossary.names.world import english_place, gazetteer_kind
from glossary.text import fold, name_key

__all__ = ["Token", "tag", "vietnamese_mentions"]


# Title heads, matched on `word_key` (so both tone styles and any case match).
_TITLE_HEADS = frozenset(
    word_key(t)
    for t in (
        "thủ tướng",
        "bộ trưởng",
        "thứ trưởng",
        "chủ tịch",
        "đại sứ",
        "tổng thống",
        "tổng bí thư",
        "bí thư",
        "chủ nhiệm",
        "tổng giám đốc",
        "giám đốc",
        "thống đốc",
        "ngoại trưởng",
        "tổng lãnh sự",
        "trưởng ban",
        "phó chủ tịch",
        "thị trưởng",
        "quốc vương",
        "nhà vua",
        "tổng thư ký",
        "hlv",
        "huấn luyện viên",
        "chủ tịch nước",
    )
)
_TITLE_PREFIXES = frozenset(word_key(t) for t in ("phó", "nguyên", "quyền", "cựu"))
_ORG_HEADS = frozenset(" ".join(k) for k in ORG_HEADS)
# Words before a name that make it a person: honorifics, then roles written
# in lowercase before the name ("tiền đạo Nguyễn Xuân Son", "tác giả Hải Minh").
_PERSON_CUES = frozenset(
    word_key(s)
    for s in (
        "ông",
        "bà",
        "anh",
        "chị",
        "ngài",
        "tác giả",
        "phóng viên",
        "nhà báo",
        "trợ lý",
        "tiền đạo",
        "tiền vệ",
        "hậu vệ",
        "trung vệ",
        "thủ môn",
        "cầu thủ",
        "hlv",
        "doanh nhân",
        "tỷ phú",
        "tỉ phú",
        "luật sư",
        "bác sĩ",
        "giáo sư",
        "tiến sĩ",
        "đại tá",
        "thượng tá",
        "trung tá",
        "thiếu tướng",
        "trung tướng",
        "đồng chí",
    )
)
# Words before a name that make it an organisation or brand, the name alone
# being how it is known ("tạp chí Forbes", "thương hiệu Hòa Phát").
_ORG_CUES = frozenset(
    word_key(s) for s in ("tạp chí", "báo", "hãng", "hãng tin", "đài")
)
_WEEKDAYS = frozenset(
    word_key(f"thứ {d}") for d in ("hai", "ba", "tư", "năm", "sáu", "bảy")
) | {word_key("chủ nhật")}
_DAY_WORDS = frozenset({word_key("thứ")})
_CREDIT_CUES = frozenset(word_key(s) for s in ("ảnh", "theo", "nguồn", "video"))
_PLACE_CUES = frozenset(
    word_key(s)
    for s in (
        "tại",
        "ở",
        "sang",
        "đến",
        "tới",
        "từ",
        "tỉnh",
        "thành phố",
        "nước",
        "sân",
        "sân bay",
        "đảo",
        "sông",
        "núi",
        "vịnh",
    )
)
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


def _is_acronym(s: str) -> bool:
    return len(s) >= 2 and s.isupper() and s.isalpha()


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
                and not _is_acronym(ctx.tokens[j - 1].text)  # "TPO - HLV"
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


def _title_at(ctx: Context, i: int) -> int:
    """End index of a title phrase starting at token i, or i if none."""
    k = i
    n = len(ctx.tokens)
    while k < n and word_key(ctx.tokens[k].text) in _TITLE_PREFIXES:
        k += 1
    for width in (1, 2):
        if k + width <= n:
            words = " ".join(word_key(t.text) for t in ctx.tokens[k : k + width])
            if words in _TITLE_HEADS:
                return k + width
    return i


def vietnamese_mentions(
    doc: Document,
    *,
    backend: str = "underthesea",
    tokens: list[Token] | None = None,
) -> list[Mention]:
    """Persons, places, organisations, titles and domain terms in a Vietnamese text.

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
    tokens = repair(doc.text, tokens, _ORG_HEADS | _TITLE_HEADS)
    syls = syllables(doc.text, [(t.start, t.end, t.tag) for t in tokens])
    found = org_spans(doc.text, syls)
    found = sorted([*found, *place_spans(syls, found)], key=lambda sp: sp.start)
    tokens = cut(doc.text, tokens, found)
    spans = _token_ranges(tokens, found)
    ctx = context(doc, tokens)
    out: list[Mention] = []
    claimed: set[int] = {t for _, (i, k) in spans for t in range(i, k)}
    title_spans = [
        (i, k) for i, k in _title_spans(ctx) if not claimed & set(range(i, k))
    ]
    for i, k in title_spans:
        claimed.update(range(i, k))

    def emit(i: int, j: int, kind: Kind | None, source: str, title: str = "") -> None:
        emit_at(tokens[i].start, tokens[j - 1].end, kind, source, title)
        claimed.update(range(i, j))

    def emit_at(
        start: int, end: int, kind: Kind | None, source: str, title: str = ""
    ) -> None:
        out.append(
            Mention(
                text=doc.text[start:end],
                document=doc.path,
                start=start,
                end=end,
                lang="vi",
                kind=kind,
                context=sentence(doc.text, start, end),
                title=title,
                source=source,
            )
        )

    # Korean names are name parts like any other (titles reach them), cut
    # from what precedes them: "Chủ tịch Posco Choi Jeong-woo"
    korean = {sp.start: sp.end for sp in found if sp.source == "vi:korean"}
    for sp, (i, k) in spans:
        if sp.start in korean:
            claimed.difference_update(range(i, k))
            continue
        emit(i, k, sp.kind, sp.source)
        if sp.source == "vi:settlement":  # "thôn Phìn Chải 2" is "Phìn Chải 2"
            emit_at(
                sp.start + settlement_name(doc.text[sp.start : sp.end]),
                sp.end,
                Kind.PLACE,
                "vi:settlement",
            )
        # the place inside "UBND tỉnh Hà Tĩnh", "HĐND xã Cẩm Thủy",
        # "quận Hai Bà Trưng" is named too; a district keeps its unit word
        for unit, name, end, local in admin_places(syls, sp.start, sp.end):
            emit_at(name, end, Kind.PLACE, "vi:admin-place")
            if local and (unit, end) != (sp.start, sp.end):
                emit_at(unit, end, Kind.PLACE, "vi:admin-place")
    runs = _name_runs(ctx, claimed)
    alone = {name_key(doc.text[tokens[i].start : tokens[j - 1].end]) for i, j in runs}
    parts = [p for i, j in runs for p in _split_run(ctx, i, j, alone, korean)]
    kinds = _name_kinds(ctx, parts, {k for _, k in title_spans})
    for i, j in parts:
        if tokens[i].start in korean:
            kinds[name_key(doc.text[tokens[i].start : tokens[j - 1].end])] = Kind.PERSON
    # "huyện Bắc Hà ghi nhận ... Bảo Nhai 1 hộ": a commune of a district the
    # text names is a place
    named = {bare_place(m.text) for m in out if m.kind is Kind.PLACE}
    for i, j in parts:
        surface = doc.text[tokens[i].start : tokens[j - 1].end]
        if kinds.get(name_key(surface)) is Kind.PLACE:
            named.add(surface)
    inside = units_within(named)
    between: set[int] = set()  # "Phó Thủ tướng Belarus Anatoly Sivak": a country
    titled = _titles(ctx, parts, title_spans, claimed, between)
    for i, k in title_spans:
        emit(i, k, Kind.TITLE, "vi:title")
    part_kinds: list[Kind | None] = []
    for n, (i, j) in enumerate(parts):
        surface = doc.text[tokens[i].start : tokens[j - 1].end]
        kind = Kind.PERSON if i in titled else kinds.get(name_key(surface))
        if kind is None and i in between:
            kind = Kind.PLACE
        if kind is None and _CLUB_AFTER.match(doc.text, tokens[j - 1].end):
            kind = Kind.PERSON  # "Thành Chung (CLB Hà Nội)": a player
        if (
            (kind is None or (kind is Kind.PLACE and _club_named(doc.text, surface)))
            and n
            and part_kinds[-1] in (Kind.PERSON, None)
            and _affiliation(ctx, parts[n - 1], (i, j))
        ):
            kind = Kind.ORG
            part_kinds[-1] = Kind.PERSON  # "Văn Vĩ (Nam Định)": a player
        if kind is None and surface in inside:
            kind = Kind.PLACE
        part_kinds.append(kind)
    for (i, j), kind in zip(parts, part_kinds, strict=True):
        emit(i, j, kind, "vi:name", titled.get(i, ""))
    out.extend(terms(doc, ctx, claimed))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


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
    tokens: list[Token], spans: list[Span]
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


def _title_spans(ctx: Context) -> list[tuple[int, int]]:
    spans = []
    i = 0
    while i < len(ctx.tokens):
        k = _title_at(ctx, i)
        if k > i:
            spans.append((i, k))
        i = max(k, i + 1)
    return spans


def _titles(
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
            if _could_be_person(ctx, nxt, starts[nxt]):
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
    if len(sylls) == 1 and _is_acronym(sylls[0]):
        return False  # "Chủ tịch HĐQT": a board, not a person
    if len(sylls) < 2 or not all(map(is_vi_syllable, sylls)):
        return True
    return sylls[0].lower() in SURNAMES


def _name_kinds(
    ctx: Context, parts: list[tuple[int, int]], title_ends: set[int]
) -> dict[str, Kind]:
    """Kind of each name (by name_key) from cues anywhere in the document."""
    kinds: dict[str, Kind] = {}
    starts = dict(parts)
    tokens = ctx.tokens
    for i, j in parts:
        key = name_key(ctx.text[tokens[i].start : tokens[j - 1].end])
        prev = word_key(tokens[i - 1].text) if i > 0 else ""
        sylls = WORD.findall(ctx.text[tokens[i].start : tokens[j - 1].end])
        nxt = tokens[j].text if j < len(tokens) else ""
        if (
            prev in _PERSON_CUES
            or _is_byline(ctx, i, j)
            or (
                sylls[0].lower() in SURNAMES
                and 3 <= len(sylls) <= 4
                and is_vi_syllable(sylls[-1])
                # one foreign syllable: "Cao Pendant Quang Vinh"
                and sum(not is_vi_syllable(s) for s in sylls) <= 1
                and prev != "-"  # "châu Á - Thái Bình Dương"
            )
            or _middle_name_person(sylls)
        ):
            kinds[key] = Kind.PERSON
        elif key not in kinds and prev in _ORG_CUES:
            kinds[key] = Kind.ORG
        elif key not in kinds and (
            prev in _PLACE_CUES
            or is_country(ctx.text[tokens[i].start : tokens[j - 1].end])
            or _foreign_place(ctx.text[tokens[i].start : tokens[j - 1].end])
            or (nxt in ("–", "—") and i < _DATELINE_TOKENS)  # "HÀ NỘI –"
            or _is_country_before_person(ctx, i, j, starts, title_ends)
        ):
            kinds[key] = Kind.PLACE
    return kinds


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
