"""Names, titles, organisations and terms in Vietnamese text.

Word segmentation and POS tags come from underthesea (default) or pyvi; both are
imported lazily so that importing this module costs nothing. Everything else is
rules over the tagged tokens: capitalisation (Vietnamese writes every syllable of
a proper name capitalised, but only the first of a capitalised common word such
as "Thủ tướng" or "Chính phủ"), a closed class of title and organisation head
nouns, the structure of Vietnamese personal names, and evidence found elsewhere
in the same document.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from glossary.model import Document, Kind, Mention
from glossary.restore import is_country
from glossary.text import fold, name_key
from glossary.vi_orgs import (
    ORG_HEADS,
    SURNAMES,
    Span,
    admin_places,
    is_vi_syllable,
    org_spans,
    syllables,
    word_key,
)

__all__ = ["Token", "tag", "vietnamese_mentions"]

_word_key = word_key


# Title heads, matched on `_word_key` (so both tone styles and any case match).
_TITLE_HEADS = frozenset(
    _word_key(t)
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
    )
)
_TITLE_PREFIXES = frozenset(_word_key(t) for t in ("phó", "nguyên", "quyền", "cựu"))
_ORG_HEADS = frozenset(" ".join(k) for k in ORG_HEADS)
# Common Vietnamese surnames: name structure, used to find where a person starts.
_SURNAMES = SURNAMES
# Words before a name that make it a person: honorifics, then roles written
# in lowercase before the name ("tiền đạo Nguyễn Xuân Son", "tác giả Hải Minh").
_PERSON_CUES = frozenset(
    _word_key(s)
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
    _word_key(s) for s in ("tạp chí", "báo", "hãng", "hãng tin", "đài")
)
_CREDIT_CUES = frozenset(_word_key(s) for s in ("ảnh", "theo", "nguồn", "video"))
_PLACE_CUES = frozenset(
    _word_key(s)
    for s in ("tại", "ở", "sang", "đến", "tới", "từ", "tỉnh", "thành phố", "nước")
)
# POS tags that may appear inside a domain term (nouns, verbs, adjectives).
_TERM_TAGS = frozenset({"N", "Nc", "V", "A"})
_SENTENCE_END = frozenset({".", "!", "?", ":", "–", "—", ";", '"', "“", "”", "("})
_PYVI_TAGS = {"F": "CH"}
_GENERIC_MIN = 2
_DATELINE_TOKENS = 8  # a dateline sits in the first few tokens of a text

_WORD = re.compile(r"\w+")
_HYPHENATED = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """One word (possibly several syllables) with its POS tag and offsets."""

    text: str
    tag: str
    start: int
    end: int


def _char_key(c: str) -> str:
    if c.isspace():
        return " "
    k = fold(c)
    return k if len(k) == 1 else c.lower()


def _raw_tags(paragraph: str, backend: str) -> list[tuple[str, str]]:
    if backend == "underthesea":
        from underthesea import pos_tag

        return [(str(w), str(t)) for w, t in pos_tag(paragraph)]
    if backend == "pyvi":
        from pyvi import ViPosTagger, ViTokenizer

        words, tags = ViPosTagger.postagging(ViTokenizer.tokenize(paragraph))
        return [
            (str(w).replace("_", " "), _PYVI_TAGS.get(str(t), str(t)))
            for w, t in zip(words, tags, strict=True)
        ]
    raise ValueError(f"unknown backend {backend!r}; use underthesea or pyvi")


def tag(text: str, *, backend: str = "underthesea") -> list[Token]:
    """Segment and POS-tag `text`, with each token's offsets into `text`.

    The taggers may rewrite tone marks (Uỷ → Ủy); tokens are located by their
    folded syllables so offsets and `Token.text` always refer to `text` as written.

    Args:
        text: NFC text, any number of paragraphs.
        backend: "underthesea" or "pyvi".

    Returns:
        Tokens in text order; a token the tagger invented is skipped.
    """
    key = "".join(_char_key(c) for c in text)
    tokens: list[Token] = []
    for para in re.finditer(r"[^\n]+", text):
        cursor = para.start()
        for word, pos in _raw_tags(para.group(), backend):
            span = _locate(key, word, cursor, para.end())
            if span is None:
                continue
            start, end = span
            tokens.append(Token(text[start:end], pos, start, end))
            cursor = end
    return tokens


def _locate(key: str, word: str, cursor: int, limit: int) -> tuple[int, int] | None:
    parts = word.split()
    if not parts:
        return None
    start = end = -1
    pos = cursor
    for part in parts:
        pkey = "".join(_char_key(c) for c in part)
        edge_l = r"(?<!\w)" if part[0].isalnum() else ""
        edge_r = r"(?!\w)" if part[-1].isalnum() else ""
        m = re.compile(edge_l + re.escape(pkey) + edge_r).search(key, pos, limit)
        if m is None or (start >= 0 and key[end : m.start()].strip()):
            return None
        if start < 0:
            start = m.start()
        end = pos = m.end()
    return start, end


def _repair(text: str, tokens: list[Token]) -> list[Token]:
    """Undo two tagger slips using the document itself.

    A word the tagger split once ("Ủy" "ban") but kept whole elsewhere, or that
    is a title or organisation head, is joined; a token glueing a foreign name
    to its neighbour ("Belarus_tạo", "Belarus_Anatoly") is cut into syllables.
    """
    whole = {_word_key(t.text) for t in tokens if " " in t.text}
    whole |= _ORG_HEADS | _TITLE_HEADS
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.start == prev.end + 1
            and _word_key(f"{prev.text} {tok.text}") in whole
        ):
            out[-1] = Token(text[prev.start : tok.end], prev.tag, prev.start, tok.end)
            continue
        if (
            prev is not None
            and tok.start == prev.end + 1
            and text[prev.end] == "-"
            and prev.text[-1:].isalpha()
            and tok.text.isalpha()
            and tok.text.islower()
        ):  # "Sang-sik": the tagger dropped the hyphen of a name
            out[-1] = Token(text[prev.start : tok.end], prev.tag, prev.start, tok.end)
            continue
        sylls = list(_HYPHENATED.finditer(tok.text))
        if (
            len(sylls) > 1
            and " " in tok.text
            and not all(_is_vi_syllable(m.group()) for m in sylls)
        ):
            for m in sylls:
                a, b = tok.start + m.start(), tok.start + m.end()
                low = m.group()[0].islower()
                out.append(Token(text[a:b], "X" if low else tok.tag, a, b))
            continue
        out.append(tok)
    return out


_is_vi_syllable = is_vi_syllable


def _shape(tok: Token) -> str:
    """'cap' (every syllable capitalised), 'cw' (first only) or 'low'."""
    sylls = _WORD.findall(tok.text)
    if not sylls or not sylls[0][0].isalpha():
        return "low"
    caps = [s[0].isupper() for s in sylls]
    if all(caps):
        return "cap"
    return "cw" if caps[0] else "low"


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    tokens: Sequence[Token]
    shapes: Sequence[str]
    initial: Sequence[bool]
    lower_words: frozenset[str]


def _is_name_token(ctx: _Ctx, i: int) -> bool:
    tok = ctx.tokens[i]
    if ctx.shapes[i] != "cap" or _word_key(tok.text) in _ORG_HEADS:
        return False
    sylls = _WORD.findall(tok.text)
    if ctx.initial[i] and tok.tag != "Np" and all(map(_is_vi_syllable, sylls)):
        return False
    if len(sylls) == 1 and _is_vi_syllable(sylls[0]) and i + 1 < len(ctx.tokens):
        # "Kỳ họp" split by the tagger: the pair is a common word elsewhere.
        nxt = ctx.tokens[i + 1]
        pair = fold(f"{tok.text} {nxt.text}")
        if ctx.shapes[i + 1] == "low" and pair in ctx.lower_words:
            return False
    return True


def _is_acronym(s: str) -> bool:
    return len(s) >= 2 and s.isupper() and s.isalpha()


def _hyphen_tail(ctx: _Ctx, j: int) -> bool:
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


def _name_runs(ctx: _Ctx, claimed: set[int]) -> list[tuple[int, int]]:
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


def _split_run(ctx: _Ctx, i: int, j: int, alone: set[str]) -> list[tuple[int, int]]:
    """Split a run before a surname-led person and after a name seen alone."""
    parts: list[tuple[int, int]] = []
    start = i
    for k in range(i + 1, j):
        sylls = _WORD.findall(ctx.tokens[k].text)
        if not sylls or not _WORD.search(ctx.tokens[k - 1].text):
            continue  # never split around the hyphen of "Á - Âu"
        left = ctx.text[ctx.tokens[start].start : ctx.tokens[k - 1].end]
        first = fold(sylls[0])
        if (
            name_key(left) in alone
            or (first in _SURNAMES and ctx.tokens[k].tag == "Np" and k - start >= 1)
            or is_country(left)  # "Hungary Szijjártó Péter"
        ):
            parts.append((start, k))
            start = k
    parts.append((start, j))
    return parts


def _title_at(ctx: _Ctx, i: int) -> int:
    """End index of a title phrase starting at token i, or i if none."""
    k = i
    n = len(ctx.tokens)
    while k < n and _word_key(ctx.tokens[k].text) in _TITLE_PREFIXES:
        k += 1
    for width in (1, 2):
        if k + width <= n:
            words = " ".join(_word_key(t.text) for t in ctx.tokens[k : k + width])
            if words in _TITLE_HEADS:
                return k + width
    return i


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [p for p in (text.find(c, end) for c in ".!?\n") if p >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def _context(doc: Document, tokens: Sequence[Token]) -> _Ctx:
    shapes = [_shape(t) for t in tokens]
    initial = [
        i == 0
        or tokens[i - 1].text in _SENTENCE_END
        or "\n" in doc.text[tokens[i - 1].end : tokens[i].start]
        for i in range(len(tokens))
    ]
    lower = {fold(t.text) for t, s in zip(tokens, shapes, strict=True) if s == "low"}
    for a, b in itertools.pairwise(tokens):
        if a.text.islower() and b.text.islower():
            lower.add(fold(f"{a.text} {b.text}"))
    return _Ctx(doc.text, tokens, shapes, initial, frozenset(lower))


def vietnamese_mentions(
    doc: Document, *, backend: str = "underthesea"
) -> list[Mention]:
    """Persons, places, organisations, titles and domain terms in a Vietnamese text.

    Args:
        doc: the document; offsets refer to `doc.text` (NFC).
        backend: "underthesea" (default) or "pyvi" for segmentation and POS.

    Returns:
        Mentions in text order, `lang="vi"`. Names after a title carry it in
        `Mention.title`; the title itself is also a `Kind.TITLE` mention. Terms
        have `kind=Kind.TERM` and `score` = termhood.
    """
    tokens = _repair(doc.text, tag(doc.text, backend=backend))
    syls = syllables(doc.text, [(t.start, t.end, t.tag) for t in tokens])
    found = org_spans(doc.text, syls)
    tokens = _cut(doc.text, tokens, found)
    spans = _token_ranges(tokens, found)
    ctx = _context(doc, tokens)
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
                context=_sentence(doc.text, start, end),
                title=title,
                source=source,
            )
        )

    for sp, (i, k) in spans:
        emit(i, k, sp.kind, sp.source)
        # the place inside "UBND tỉnh Hà Tĩnh", "HĐND xã Cẩm Thủy",
        # "quận Hai Bà Trưng" is named too; a district keeps its unit word
        for unit, name, end, local in admin_places(syls, sp.start, sp.end):
            emit_at(name, end, Kind.PLACE, "vi:admin-place")
            if local and (unit, end) != (sp.start, sp.end):
                emit_at(unit, end, Kind.PLACE, "vi:admin-place")
    runs = _name_runs(ctx, claimed)
    alone = {name_key(doc.text[tokens[i].start : tokens[j - 1].end]) for i, j in runs}
    parts = [p for i, j in runs for p in _split_run(ctx, i, j, alone)]
    kinds = _name_kinds(ctx, parts, {k for _, k in title_spans})
    titled = _titles(ctx, parts, title_spans, claimed)
    for i, k in title_spans:
        emit(i, k, Kind.TITLE, "vi:title")
    person_ends: set[int] = set()
    for i, j in parts:
        surface = doc.text[tokens[i].start : tokens[j - 1].end]
        kind = kinds.get(name_key(surface))
        title = titled.get(i, "")
        if title:
            kind = Kind.PERSON
        if kind is Kind.PERSON:
            person_ends.add(j)
        elif kind is not Kind.PLACE and _affiliation(ctx, i, j, person_ends):
            kind = Kind.ORG
        emit(i, j, kind, "vi:name", title)
    out.extend(_terms(doc, ctx, claimed))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _affiliation(ctx: _Ctx, i: int, j: int, person_ends: set[int]) -> bool:
    """'Thành Chung (CLB Hà Nội)', 'Văn Vĩ (Nam Định)': a person's club or body."""
    toks = ctx.tokens
    return (
        i >= 2
        and toks[i - 1].text == "("
        and j < len(toks)
        and toks[j].text == ")"
        and i - 1 in person_ends
    )


def _cut(text: str, tokens: list[Token], spans: list[Span]) -> list[Token]:
    """Tokens cut at every span edge, so each span is a run of whole tokens."""
    edges = sorted({sp.start for sp in spans} | {sp.end for sp in spans})
    out: list[Token] = []
    for tok in tokens:
        inner = [e for e in edges if tok.start < e < tok.end]
        if not inner:
            out.append(tok)
            continue
        for a, b in itertools.pairwise([tok.start, *inner, tok.end]):
            piece = text[a:b]
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip())
            if a < b:
                out.append(Token(text[a:b], tok.tag, a, b))
    return out


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


def _title_spans(ctx: _Ctx) -> list[tuple[int, int]]:
    spans = []
    i = 0
    while i < len(ctx.tokens):
        k = _title_at(ctx, i)
        if k > i:
            spans.append((i, k))
        i = max(k, i + 1)
    return spans


def _titles(
    ctx: _Ctx,
    parts: list[tuple[int, int]],
    title_spans: list[tuple[int, int]],
    claimed: set[int],
) -> dict[int, str]:
    """Map the first token of each name right after a title to that title."""
    starts = dict(parts)
    titled: dict[int, str] = {}
    tokens = ctx.tokens
    for i, k in title_spans:
        title = ctx.text[tokens[i].start : tokens[k - 1].end]
        nxt = k
        while nxt < len(tokens) and nxt in claimed and nxt not in starts:
            nxt += 1  # "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên"
        if nxt in starts:
            # "Phó Thủ tướng Belarus Anatoly Sivak": a country, then the person.
            after = starts[nxt]
            if after in starts and tokens[after].start - tokens[after - 1].end <= 1:
                nxt = after
            if _could_be_person(ctx, nxt, starts[nxt]):
                titled[nxt] = title
    return titled


def _could_be_person(ctx: _Ctx, i: int, j: int) -> bool:
    """A Vietnamese person after a title: a given name, or surname-led full name.

    "Đại sứ Nhật Bản" (the Japanese ambassador) names a country, not a person.
    """
    sylls = _WORD.findall(ctx.text[ctx.tokens[i].start : ctx.tokens[j - 1].end])
    if len(sylls) == 1 and _is_acronym(sylls[0]):
        return False  # "Chủ tịch HĐQT": a board, not a person
    if len(sylls) < 2 or not all(map(_is_vi_syllable, sylls)):
        return True
    return fold(sylls[0]) in _SURNAMES


def _name_kinds(
    ctx: _Ctx, parts: list[tuple[int, int]], title_ends: set[int]
) -> dict[str, Kind]:
    """Kind of each name (by name_key) from cues anywhere in the document."""
    kinds: dict[str, Kind] = {}
    starts = dict(parts)
    tokens = ctx.tokens
    for i, j in parts:
        key = name_key(ctx.text[tokens[i].start : tokens[j - 1].end])
        prev = _word_key(tokens[i - 1].text) if i > 0 else ""
        sylls = _WORD.findall(ctx.text[tokens[i].start : tokens[j - 1].end])
        nxt = tokens[j].text if j < len(tokens) else ""
        if (
            prev in _PERSON_CUES
            or _is_byline(ctx, i, j)
            or (
                fold(sylls[0]) in _SURNAMES
                and 3 <= len(sylls) <= 4
                and _is_vi_syllable(sylls[-1])
                # one foreign syllable: "Cao Pendant Quang Vinh"
                and sum(not _is_vi_syllable(s) for s in sylls) <= 1
                and prev != "-"  # "châu Á - Thái Bình Dương"
            )
        ):
            kinds[key] = Kind.PERSON
        elif key not in kinds and prev in _ORG_CUES:
            kinds[key] = Kind.ORG
        elif key not in kinds and (
            prev in _PLACE_CUES
            or is_country(ctx.text[tokens[i].start : tokens[j - 1].end])
            or (nxt in ("–", "—") and i < _DATELINE_TOKENS)  # "HÀ NỘI –"
            or _is_country_before_person(ctx, i, j, starts, title_ends)
        ):
            kinds[key] = Kind.PLACE
    return kinds


def _is_byline(ctx: _Ctx, i: int, j: int) -> bool:
    """A name alone on its line, or after "ảnh:" / "(Theo ...": an author."""
    toks, text = ctx.tokens, ctx.text
    sylls = _WORD.findall(text[toks[i].start : toks[j - 1].end])
    if not 2 <= len(sylls) <= 4 or not all(map(_is_vi_syllable, sylls)):
        return False
    if (
        i >= 2
        and toks[i - 1].text == ":"
        and _word_key(toks[i - 2].text) in _CREDIT_CUES
    ):
        return True
    before = text[: toks[i].start].rstrip(" ")
    after = text[toks[j - 1].end :].lstrip(" ")
    return (not before or before.endswith("\n")) and (not after or after[0] == "\n")


def _is_country_before_person(
    ctx: _Ctx, i: int, j: int, starts: dict[int, int], title_ends: set[int]
) -> bool:
    """'Thủ tướng Belarus Roman Golovchenko': a name between a title and a person."""
    return (
        i in title_ends
        and j in starts
        and ctx.tokens[j].start - ctx.tokens[j - 1].end <= 1
    )


def _generic_words(ctx: _Ctx) -> tuple[set[str], set[str]]:
    """Words followed (heads) or preceded (modifiers) by 2+ distinct content words."""
    after: dict[str, set[str]] = defaultdict(set)
    before: dict[str, set[str]] = defaultdict(set)
    toks = ctx.tokens
    for (a, sa), (b, sb) in itertools.pairwise(zip(toks, ctx.shapes, strict=True)):
        if sa == sb == "low" and a.tag in _TERM_TAGS and b.tag in _TERM_TAGS:
            after[_word_key(a.text)].add(_word_key(b.text))
            before[_word_key(b.text)].add(_word_key(a.text))
    heads = {w for w, nxt in after.items() if len(nxt) >= _GENERIC_MIN}
    mods = {w for w, prv in before.items() if len(prv) >= _GENERIC_MIN}
    return heads, mods


def _terms(doc: Document, ctx: _Ctx, claimed: set[int]) -> list[Mention]:
    """Noun phrases bounded by punctuation or function words, ranked by termhood."""
    tokens = ctx.tokens
    spans: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while (
            j < n
            and j not in claimed
            and ctx.shapes[j] == "low"
            and tokens[j].tag in _TERM_TAGS
            and all(w.isalpha() for w in tokens[j].text.split())
        ):
            j += 1
        if j > i:
            spans.append((i, j))
        i = max(j, i + 1)
    heads, mods = _generic_words(ctx)
    found: list[tuple[int, int]] = []
    for i, j in spans:
        # "lĩnh vực hợp tác mới" → "hợp tác": a word the document puts before
        # (or after) many different words is a generic head (or modifier).
        while j - i > 1 and _word_key(tokens[i].text) in heads:
            i += 1
        while j - i > 1 and _word_key(tokens[j - 1].text) in mods:
            j -= 1
        if j - i > 2 and " " not in tokens[i].text and tokens[i + 1].tag == "V":
            i += 1  # a nominaliser before a verb: "sự phát triển bền vững"
        sylls = sum(len(_WORD.findall(t.text)) for t in tokens[i:j])
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
    freq = Counter(
        fold(doc.text[tokens[i].start : tokens[j - 1].end]) for i, j in found
    )
    out = []
    for i, j in found:
        start, end = tokens[i].start, tokens[j - 1].end
        surface = doc.text[start:end]
        score = math.log2(1 + len(surface.split())) * freq[fold(surface)]
        out.append(
            Mention(
                text=surface,
                document=doc.path,
                start=start,
                end=end,
                lang="vi",
                kind=Kind.TERM,
                context=_sentence(doc.text, start, end),
                source="vi:noun-phrase",
                score=round(score, 3),
            )
        )
    return out
