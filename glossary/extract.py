"""Names in English (and mixed) news: rule-based, linear, no models.

`english_mentions` scans a document once with a word regex, groups runs of
capitalised words (joined by "of", "on", "for", "and" inside organisation
names), splits titles off, strips possessives, drops sentence-initial
function words, weekdays, months and caption debris, and guesses a kind from
the name's structure (title before it, organisation head word, administrative
word after it, dateline, acronym, gazetteer, Vietnamese surname).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from enum import Enum
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from glossary import restore
from glossary.model import Document, Kind, Mention
from glossary.name_words import (
    ADVERB_SUFFIXES,
    ARTICLES,
    DASH_GAPS,
    EVENT_WORDS,
    MONTHS,
    ORG_CONNECT,
    ORG_HEADS,
    PLACE_WORDS,
    SENT_END,
    STOP,
    WEEKDAYS,
)
from glossary.restore import country_codes
from glossary.text import fold as _fold_uncached
from glossary.titles import (
    PORTFOLIO_HEADS,
    canonical_title,
    complement_end,
    is_honorific,
    is_title_word,
    split_title,
)

__all__ = ["ORG_HEADS", "PLACE_WORDS", "english_mentions", "is_vietnamese_name"]


_UPPER = "".join(
    chr(c)
    for r in ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))
    for c in range(*r)
    if chr(c).isupper()
)
# Only capitalised words and the connectors runs need: linear, and the rest of
# the text is never turned into Python objects. A word must not be glued to
# the one before it ("McDonald's", "e-Government" stay whole). That test
# comes after the first character, so the pattern opens with one character
# set, which lets `re` skip to candidate positions in C.
_NOT_GLUED = r"(?<![\w’'.].)(?<!\w-.)"  # on the character before the first
_WORD = re.compile(
    rf"[{_UPPER}ofat]{_NOT_GLUED}"
    rf"(?:(?<=[{_UPPER}])[\w]*(?:[’'\-.][^\W_][\w]*)*"
    r"|(?<=o)[fn]\b|(?<=f)or\b|(?<=a)nd\b|(?<=t)he\b)"  # of on for and the
)


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """`glossary.text.fold`, cached: names repeat a lot in news."""
    return _fold_uncached(word)


def is_vietnamese_name(words: list[str]) -> bool:
    """True if `words` look like a Vietnamese personal name (surname first).

    >>> is_vietnamese_name(["Pham", "Minh", "Chinh"])
    True
    """
    if not 2 <= len(words) <= 5:
        return False
    if fold(words[0]) not in restore.VIETNAMESE_SURNAMES:
        return False
    return all(restore.is_syllable(w) for w in words)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around `text[start:end]`, within 200 characters each side.

    It starts after the last ". " or line break before the name (else at a
    word), and ends with the first sentence stop after it (else at a word).
    """
    periods, newlines, stops = _marks(text)
    lo = start - 200 if start > 200 else 0
    hi = end + 200 if end + 200 < len(text) else len(text)
    # the last ". " ending by `start`, and the last line break before it
    i = bisect_right(periods, start - 2) - 1
    cut = periods[i] if i >= 0 and periods[i] >= lo else -1
    i = bisect_right(newlines, start - 1) - 1
    if i >= 0 and newlines[i] >= lo and newlines[i] > cut:
        cut = newlines[i]
    s = cut + 1 if cut >= 0 else lo
    if cut < 0 < lo:  # a long sentence: start at a word, not inside one
        s = max(text.find(" ", lo, start) + 1, lo)
    e = _stop_end(text, stops, end, hi)
    if e < 0:
        e = hi
        if hi < len(text):
            e = max(text.rfind(" ", end, hi), end)
    return _squeezed(text, s, e)


class _Marks(NamedTuple):
    """Where sentences may start and stop in one text, found once for all names."""

    periods: list[int]  # every ". "
    newlines: list[int]
    stops: list[int]  # every place `_SENT_STOP` matches, overlapping ones too


@lru_cache(maxsize=4)
def _marks(text: str) -> _Marks:
    return _Marks(
        [m.start() for m in _PERIOD.finditer(text)],
        [m.start() for m in _NEWLINE.finditer(text)],
        [m.start() for m in _STOP_AT.finditer(text)],
    )


def _stop_end(text: str, stops: list[int], end: int, hi: int) -> int:
    """End of `_SENT_STOP.search(text, end, hi)`, or -1, from the whole-text stops.

    Inside the window the stops are the whole text's, except that "." just
    before `hi` stops there (`$` matches at the window's end). A stop ends
    after its whitespace ("?\n"), unless that lies beyond the window.
    """
    i = bisect_left(stops, end)
    if i < len(stops) and stops[i] < hi:
        p = stops[i]
        return p + 1 if text[p] == "\n" or p + 1 == hi else p + 2
    if hi > end and text[hi - 1] in ".!?":
        return hi
    return -1


@lru_cache(maxsize=256)
def _squeezed(text: str, start: int, end: int) -> str:
    """`text[start:end]` with its whitespace runs made single spaces.

    Cached because the names of one sentence share it; a hit costs no more
    than hashing, as str caches its hash and the key holds the same object.
    A slice whose only inner whitespace is single spaces is returned stripped
    without splitting (every other whitespace character is unprintable).
    """
    stripped = text[start:end].strip()
    if stripped.isprintable() and "  " not in stripped:
        return stripped
    return " ".join(stripped.split())


# ". ", "!" at the end, or a line break; written to open with one character set
# (as `[.!?](?:\s|$)|\n` would not), so that `re` scans for it in C.
_SENT_STOP = re.compile(r"[.!?\n](?:(?<=\n)|\s|$)")
_PERIOD = re.compile(r"\. ")
# Where `_SENT_STOP` can match, without taking up the whitespace ("?\n").
_STOP_AT = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s|$))")
_NEWLINE = re.compile(r"\n")
# A lowercase word right after a name ("Vung Tau city"), within 20 characters.
_ADMIN_AFTER = re.compile(r" ([a-z]+)\b")


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t(‘'\"“":
        if text[i] == "\n":
            break
        i -= 1
    return i < 0 or text[i] in SENT_END or text[i] in "—"


_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each `_WORD` match, built at C speed.

    One `re.split` gives gap, word, gap, word, ..., gap; the running sum of
    their lengths gives every offset without a match object per word.
    """
    parts = _WORD_SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))
    return list(zip(ends[0:-1:2], ends[1::2], parts[1::2], strict=True))


class _Run:
    __slots__ = ("comma", "connector", "title_of", "words")

    def __init__(self) -> None:
        self.words: list[tuple[int, int, str]] = []
        self.connector = False
        self.comma = False
        self.title_of = -1  # index in words of the last connector of a title


def _title_run(run: _Run) -> bool:
    """True if the run so far is a title alone ("Minister", "Deputy PM")."""
    names = [w for _, _, w in run.words]
    i = len(names)
    while i > 0 and is_title_word(names[i - 1]):
        i -= 1
    title = names[i:]
    if (
        not title
        or split_title([*title, "X"]) != len(title)
        or title[-1].casefold().removesuffix("s") not in PORTFOLIO_HEADS
    ):
        return False
    # "Belarus’s Minister", "Vietnamese Minister", "US Secretary"
    pre = names[:i]
    return (
        not pre
        or pre[-1].endswith(("’s", "'s"))
        or all(
            _is_demonym(w) or restore.is_country(w) or w in country_codes() for w in pre
        )
    )


def _title_complement(text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """True if the capitalised words from `k` can be a title's complement.

    "of Home Affairs" can; "of the Republic of Belarus", "of the Presidential
    Office" (a country or an organisation) cannot.
    """
    n = len(toks)
    if k >= n or not _is_cap(toks[k][2]):
        return False
    while k < n and _is_cap(toks[k][2]):
        w = toks[k][2]
        if fold(w) in ORG_HEADS or restore.is_country(w):
            return False
        if k + 1 < n and text[toks[k][1] : toks[k + 1][0]] != " ":
            break
        k += 1
    return True


_ABSTRACT = (
    "tion",
    "ment",
    "ism",
    "ology",
    "ics",
    "ure",
    "ance",
    "ence",
    "ade",
    "ies",
    "ity",
    "airs",
    "ship",
    "ing",
    "ts",
)


# The longest gap a run crosses (" – "): longer ones end it without a slice.
_LONGEST_GAP = max(len(g) for g in (*DASH_GAPS, " ", "\u00a0", ", "))


def _runs(text: str, toks: list[tuple[int, int, str]]) -> Iterator[_Run]:
    """Yield runs of capitalised words with org-internal connectors."""
    i = 0
    n = len(toks)
    while i < n:
        if not toks[i][2][:1].isupper():  # `_is_cap`, inline: it runs per token
            i += 1
            continue
        run = _Run()
        run.words.append(toks[i])
        j = i + 1
        while j < n:
            pe = run.words[-1][1]
            s2, e2, w2 = toks[j]
            if s2 - pe > _LONGEST_GAP:  # every rule below needs a short gap
                break
            gap = text[pe:s2]
            cap2 = w2[:1].isupper()  # `_is_cap(w2)`
            if cap2 and gap in (" ", "\u00a0"):
                run.words.append(toks[j])
                j += 1
                continue
            if (
                cap2
                and gap in DASH_GAPS
                and (
                    gap == " -"
                    or (
                        (run.words[-1][2].isupper() == w2.isupper())
                        and (
                            restore.is_syllable(run.words[-1][2])
                            and restore.is_syllable(w2)
                        )
                    )
                )
            ):
                run.words.append(toks[j])
                j += 1
                continue
            low = w2.casefold()
            # "Minister of Home Affairs", "Minister of Industry and Trade",
            # "Speaker of the House of Representatives"
            if gap == " " and (
                (low == "of" and (run.title_of >= 0 or _title_run(run)))
                or (
                    low == "and"
                    and run.title_of >= 0
                    and len(run.words) - run.title_of <= 3
                )
            ):
                k = j + 1
                if k < n and toks[k][2] == "the" and text[e2 : toks[k][0]] == " ":
                    k += 1
                if (
                    k < n
                    and text[toks[k - 1][1] : toks[k][0]] == " "
                    and _title_complement(text, toks, k)
                ):
                    run.words.extend(toks[j:k])
                    run.title_of = len(run.words) - 1
                    j = k
                    continue
            # "Minister of Culture, Sports and Tourism": a comma list that
            # ends with "and" inside a title's complement
            if (
                run.title_of >= 0
                and gap == ", "
                and cap2
                and not restore.is_country(w2)
                and j + 2 < n
                and toks[j + 1][2] == "and"
                and text[e2 : toks[j + 1][0]] == " "
                and _is_cap(toks[j + 2][2])
            ):
                run.words.append(toks[j])
                j += 1
                continue
            if (
                gap == " "
                and low in ORG_CONNECT
                and any(fold(x[2]) in ORG_HEADS for x in run.words)
            ):
                k = j + 1
                if k < n and toks[k][2] == "the" and text[e2 : toks[k][0]] == " ":
                    k += 1
                if (
                    k < n
                    and _is_cap(toks[k][2])
                    and text[toks[k - 1][1] : toks[k][0]] == " "
                ):
                    run.words.extend(toks[j:k])
                    run.connector = True
                    j = k
                    continue
                break
            if run.connector and gap == ", " and cap2 and not restore.is_country(w2):
                run.words.append(toks[j])
                run.comma = True
                j += 1
                continue
            if run.connector and gap in (" ", ", ") and low == "and":
                k = j + 1
                if k < n and _is_cap(toks[k][2]) and text[e2 : toks[k][0]] == " ":
                    # the conjunct must end the name: look ahead to its end
                    m = k
                    while (
                        m + 1 < n
                        and _is_cap(toks[m + 1][2])
                        and text[toks[m][1] : toks[m + 1][0]] == " "
                    ):
                        m += 1
                    last = toks[m][2].casefold()
                    if run.comma or last.endswith(_ABSTRACT):
                        run.words.extend(toks[j : m + 1])
                        j = m + 1
                        continue
                break
            break
        i = j
        yield run


def _iso_alpha(code: str) -> bool:
    return code in restore.country_codes()


def _code_country_in(text: str, code: str) -> bool:
    """An ISO code counts as a country if its name is written in the text too.

    "US" and "UK" are the conventional English abbreviations and always count.
    """
    if code in ("US", "UK"):
        return True
    names = restore.country_names(code)
    low = _casefolded(text)
    return any(n.casefold() in low for n in names)


@lru_cache(maxsize=4)
def _casefolded(text: str) -> str:
    """The document casefolded once (str caches its hash, so a hit is O(1))."""
    return text.casefold()


# Words a name never ends with: dates, and the connectors runs may hold.
_NOT_LAST = WEEKDAYS | MONTHS | {"of", "on", "for", "and", "the"}


def english_mentions(doc: Document) -> list[Mention]:
    """Names, places, organisations and titles in an English (or mixed) document.

    Offsets are into `doc.text` (NFC). Titles are split off into
    `Mention.title` and also emitted as `Kind.TITLE` mentions.
    """
    text = doc.text
    toks = _tokens(text)
    out: list[Mention] = []
    lang = "en"
    for run in _runs(text, toks):
        words = run.words  # trimmed in place: `_runs` is done with it
        run_size = len(words)
        pending_title = ""
        # drop trailing connectors (never happens) and leading stop words
        while words:
            s0, e0, w0 = words[0]
            low = w0.casefold()
            if (
                (low in STOP and (low in ARTICLES or _sentence_initial(text, s0)))
                or low in WEEKDAYS
                or low in MONTHS
            ):
                words.pop(0)
                continue
            if (
                low.endswith(ADVERB_SUFFIXES)
                and len(low) > 5
                and not w0.isupper()
                and _sentence_initial(text, s0)
            ):
                words.pop(0)
                continue
            break
        # drop trailing weekdays / months / stop words
        while words and words[-1][2].casefold() in _NOT_LAST:
            words.pop()
        # "Related News", "Photo" debris
        if not words:
            continue
        if (
            len(words) == 1
            and words[0][2].casefold() in STOP
            and (run_size > 1 or _sentence_initial(text, words[0][0]))
        ):
            continue
        # a country before a title: "US Deputy Secretary"
        if (
            len(words) > 1
            and is_title_word(words[1][2])
            and (restore.is_country(words[0][2]) or words[0][2] in country_codes())
        ):
            s0, e0, w0 = words.pop(0)
            out.append(_mk(doc, text, w0, s0, e0, Kind.PLACE, ""))
        # "Secretary of State William Burns": State belongs to the title
        if (
            len(words) > 1
            and words[0][2] == "State"
            and text[max(0, words[0][0] - 4) : words[0][0]] == " of "
        ):
            words.pop(0)
        # demonyms before a person's name: "South Korean Kim"
        while (
            len(words) > 1
            and (
                _is_demonym(words[0][2])
                or (
                    fold(words[0][2]) in _COMPASS
                    and len(words) > 2
                    and _is_demonym(words[1][2])
                )
            )
            and not any(fold(w[2]) in ORG_HEADS for w in words)
            and not all(restore.is_syllable(w[2]) for w in words)
        ):
            words.pop(0)
        if len(words) == 1 and _is_demonym(words[0][2]):
            continue
        for k in range(len(words) - 1):
            wk = words[k][2]
            if wk.endswith(("’s", "'s")) and restore.is_country(wk[:-2]):
                ps = words[0][0]
                pe = words[k][1] - 2
                out.append(_mk(doc, text, text[ps:pe], ps, pe, Kind.PLACE, ""))
                words = words[k + 1 :]
                break
        # "Minister of Home Affairs Kubrakov Ivan Vladimirovich": the whole
        # title with its complement, then the name
        ncomp = complement_end([w for _, _, w in words]) if run.title_of >= 0 else 0
        if ncomp:
            ts, te = words[0][0], words[ncomp - 1][1]
            out.append(_title(doc, text, ts, te))
            pending_title = text[ts:te]
            words = words[ncomp:]
            if not words:
                continue
        names = [w for _, _, w in words]
        cut = _person_suffix(tuple(names)) if len(names) > 2 else 0
        if cut:
            pre = words[:cut]
            ps, pe = pre[0][0], pre[-1][1]
            psurf = _strip_possessive(text[ps:pe])
            pk = _kind(text, ps, psurf, "", strip_dots=False)
            pre_title = split_title([pre[-1][2], "X"]) == 1
            if pre_title:
                pending_title = psurf
                out.append(_title(doc, text, ps, ps + len(psurf)))
            elif not (len(pre) == 1 and pre[0][2].casefold() in STOP):
                out.append(_mk(doc, text, psurf, ps, ps + len(psurf), pk, ""))
                # "Chairman of the Presidential Office Le Khanh Hai": the
                # title before "of" belongs to the person
                if len(out) >= 2 and out[-2].kind is Kind.TITLE:
                    between = text[out[-2].end : ps]
                    if between.strip() in ("of", "of the"):
                        pending_title = out[-2].text
            words = words[cut:]
            names = names[cut:]
        ntitle = split_title(names)
        title_text = ""
        if ntitle:
            ts, te = words[0][0], words[ntitle - 1][1]
            title_text = text[ts:te]
            # "Secretary of State"
            if not is_honorific(title_text):
                out.append(
                    Mention(
                        text=title_text,
                        document=doc.path,
                        start=ts,
                        end=te,
                        lang=lang,
                        kind=Kind.TITLE,
                        context=_sentence(text, ts, te),
                        source="en.title",
                    )
                )
            words = words[ntitle:]
            names = names[ntitle:]
        elif (
            names
            and is_title_word(names[0])  # the usual answer, without `all`
            and all(map(is_title_word, names))
            and split_title([*names, "X"])
        ):
            if is_honorific(" ".join(names)):
                continue
            ts, te = words[0][0], words[-1][1]
            out.append(
                Mention(
                    text=text[ts:te],
                    document=doc.path,
                    start=ts,
                    end=te,
                    lang=lang,
                    kind=Kind.TITLE,
                    context=_sentence(text, ts, te),
                    source="en.title",
                )
            )
            continue
        if not words:
            continue
        start, end = words[0][0], words[-1][1]
        surface = text[start:end]
        # possessive
        for suf in ("'s", "’s") if surface.endswith(("'s", "’s")) else ():
            if surface.endswith(suf):
                surface = surface[: -len(suf)]
                end -= len(suf)
        if surface.endswith(("s'", "s’")):
            surface = surface[:-1]
            end -= 1
        if not surface or not surface[:1].isupper():
            continue
        # lowercase administrative word right after: "Vung Tau city"
        after = _ADMIN_AFTER.match(text, end, end + 20)
        kind: Kind | None = None
        if (
            after
            and after.group(1) in PLACE_WORDS
            and not run.connector
            and fold(parts_last(surface)) not in PLACE_WORDS
        ):
            end = after.end()
            surface = text[start:end]
            kind = Kind.PLACE
        parts = surface.split()
        # split "Vietnam-US" style compounds of capitalised parts
        if (
            len(parts) == 1
            and "-" in surface
            and all(p[:1].isupper() for p in surface.split("-"))
            and not title_text
        ):
            pos = start
            for piece in surface.split("-"):
                if len(piece) > 1:
                    out.append(
                        _mk(doc, text, piece, pos, pos + len(piece), _guess(piece), "")
                    )
                pos += len(piece) + 1
            continue
        if not title_text and pending_title:
            title_text = pending_title
        if kind is None:
            kind = _kind(text, start, surface, title_text)
        out.append(_mk(doc, text, surface, start, end, kind, title_text))
    return _drop_unsupported_initials(text, out)


def _drop_unsupported_initials(text: str, out: list[Mention]) -> list[Mention]:
    """Drop kindless one-word names that only occur capitalised at sentence start.

    "Discussions", "Hundreds", "Bilateral" open sentences; "Chính stressed" is
    kept because "Chính" is part of another name in the document, and
    "Rafaelson (Nguyen Xuan Son)" because a parenthesis explains it.
    """
    support: set[str] = set()
    tentative: list[bool] = []
    for m in out:
        weak = (
            m.kind is None
            and not m.title
            and " " not in m.text
            and not m.text.isupper()
            and _sentence_initial(text, m.start)
        )
        tentative.append(weak)
        if not weak:
            support.update(map(fold, m.text.split()))
    return [
        m
        for m, weak in zip(out, tentative, strict=True)
        if not weak or fold(m.text) in support or text.startswith(" (", m.end)
    ]


def _title(doc: Document, text: str, start: int, end: int) -> Mention:
    context = _sentence(text, start, end)
    # (text, document, start, end, lang, kind, context, title, source), as in _mk
    surface = text[start:end]
    return Mention(surface, doc.path, start, end, "en", Kind.TITLE, context, "", _TITLE)


_TITLE = "en.title"


def parts_last(surface: str) -> str:
    """The last word of `surface`."""
    return surface.rsplit(None, 1)[-1]


def _strip_possessive(surface: str) -> str:
    for suf in ("'s", "’s"):
        if surface.endswith(suf):
            return surface[: -len(suf)]
    return surface


@lru_cache(maxsize=1 << 14)
def _person_suffix(words: tuple[str, ...]) -> int:
    """Index where a Vietnamese personal name ends a longer run, or 0.

    "Presidential Office Le Khanh Hai" → 2: the prefix's last word is not a
    Vietnamese syllable, and the rest is surname + syllables. Cached on the
    words alone (nothing else is read): the same names recur in news.
    """
    n = len(words)
    if n < 3:  # every rule below leaves at least two words after the cut
        return 0
    for cut in range(max(1, n - 5), n - 1):
        prev = words[cut - 1]
        if (
            restore.is_syllable(prev)
            and fold(prev) not in ORG_HEADS
            and not is_title_word(prev)
        ):
            continue
        if is_vietnamese_name(list(words[cut:])):
            return cut
    # surname-first with a patronymic: "Kubrakov Ivan Vladimirovich"
    if n > 3 and fold(words[-1]).endswith(_PATRONYMIC):
        return n - 3
    # a country before a foreign name: "Republic of Belarus Roman Golovchenko"
    for cut in range(n - 2, 0, -1):
        head = " ".join(words[:cut])
        rest = [fold(w) for w in words[cut:]]
        if restore.is_country(head) and not any(r in ORG_HEADS for r in rest):
            return cut
    return 0


# Continents and oceans end region names ("Southeast Asia", "Asia-Pacific").
_REGIONS = frozenset(
    {
        "asia",
        "europe",
        "africa",
        "america",
        "americas",
        "oceania",
        "pacific",
        "atlantic",
        "east",
        "asean",
        "asia-pacific",
        "caribbean",
        "antarctica",
    }
)
_DASH_SPLIT = re.compile(r"\s+[-–]\s*|\s*[-–]\s+")
_PATRONYMIC = ("ovich", "evich", "ovna", "evna", "ich", "ichna")


def _guess(word: str) -> Kind | None:
    if restore.is_country(word) or restore.is_province(word):
        return Kind.PLACE
    if word.isupper() and word in country_codes():
        return Kind.PLACE
    if word.isupper():
        return Kind.ORG
    return None


_COMPASS = frozenset({"north", "south", "east", "west", "southeast", "northeast"})
_DEMONYMS = frozenset({"thai", "lao", "khmer", "dutch", "french", "swiss", "greek"})


@lru_cache(maxsize=1 << 16)  # asked of the first words of most runs
def _is_demonym(word: str) -> bool:
    w = fold(word)
    return w in _DEMONYMS or (
        not word.isupper() and w.endswith(("ese", "ian", "ean", "ish", "ians", "eans"))
    )


_DATELINE_NEXT = re.compile(r", ([A-Z][a-z]+)\b")


def _kind(
    text: str, start: int, surface: str, title_text: str, *, strip_dots: bool = True
) -> Kind | None:
    """The kind of the name `surface` at `start`: context first, then the name.

    `strip_dots` strips "." and "," off the folded words before the head-word
    tests (the name's own surface; a name split off a longer run keeps them).
    """
    if title_text:
        return Kind.PERSON
    line_start = start == 0 or text[start - 1] == "\n"
    if surface.isupper() and line_start:
        rest = text[start + len(surface) : start + len(surface) + 4]
        if rest.lstrip()[:1] in ("—", "–", "-", "("):
            return Kind.PLACE  # dateline
        # "HANOI, Vietnam:", "HANOI, Dec 3": dateline with country or date
        nxt = _DATELINE_NEXT.match(text, start + len(surface))
        if nxt and (
            restore.is_country(nxt.group(1)) or nxt.group(1).casefold() in MONTHS
        ):
            return Kind.PLACE
    kind = _name_kind(surface, strip_dots)
    if kind is _Ask.CODE_COUNTRY:
        return Kind.PLACE if _code_country_in(text, surface) else Kind.ORG
    if kind is _Ask.WHAT_FOLLOWS:
        return _multiword_kind(text, start + len(surface), surface.split())
    return kind


class _Ask(Enum):
    """What the text around a name must settle when the name alone cannot."""

    CODE_COUNTRY = "is the country of this ISO code named in the text?"
    WHAT_FOLLOWS = "does a country follow this multi-word name?"


@lru_cache(maxsize=1 << 16)
def _name_kind(surface: str, strip_dots: bool) -> Kind | _Ask | None:
    """The kind the name itself shows, or the question the text must answer.

    Cached: it reads nothing but the name, and names recur in news.
    """
    parts = surface.split()
    folded = [fold(p).strip(".,") if strip_dots else fold(p) for p in parts]
    if restore.is_country(surface):
        return Kind.PLACE
    if folded[-1] in ORG_HEADS or (
        not ORG_HEADS.isdisjoint(folded[:-1]) and len(parts) > 1
    ):
        if folded[-1] in PLACE_WORDS and "of" not in folded:
            return Kind.PLACE
        return Kind.ORG
    if folded[-1] in PLACE_WORDS:
        return Kind.PLACE
    if len(parts) == 1 and (
        restore.is_currency(surface) or any(c.isdigit() for c in surface)
    ):
        return Kind.OTHER
    if len(parts) == 1 and surface.isupper() and 2 <= len(surface) <= 8:
        if restore.is_country(surface):
            return Kind.PLACE
        return _Ask.CODE_COUNTRY if _iso_alpha(surface) else Kind.ORG
    if restore.is_country(surface) or restore.is_province(surface):
        return Kind.PLACE
    pair = _DASH_SPLIT.split(surface) if "-" in surface or "–" in surface else ()
    if len(pair) == 2 and all(restore.place_forms(p) for p in pair):
        return Kind.PLACE  # "Thuan Hoa - Phu Xuan": two gazetteer places
    if restore.is_foreign_place(surface) or folded[-1] in _REGIONS:
        return Kind.PLACE
    if is_vietnamese_name(parts):
        return Kind.PERSON
    if any(f in EVENT_WORDS for f in folded):
        return Kind.OTHER
    if len(parts) >= 2:
        return _Ask.WHAT_FOLLOWS
    if len(surface) > 3 and any(c.isupper() for c in surface[1:]):
        return Kind.ORG  # "VinFast": a brand written with an inner capital
    if len(parts) == 1 and _BRAND_SUFFIX.search(surface):
        return Kind.ORG  # "Vingroup", "Techcombank": a company's closed compound
    return None


# A company name fused with its head word; the stem must be a name of its own.
_BRAND_SUFFIX = re.compile(r"^[A-Z][a-z]{2,}(?:group|bank|corp|soft)$")
# ", Malaysia." after a name: "Kuala Lumpur, Malaysia" is a place in a country.
_IN_COUNTRY = re.compile(r", ([A-Z][\w]*(?: [A-Z][\w]*)*)(?=[.,;:)\n]|$| and )")
_ROMAN = frozenset("IVXLC")


def _multiword_kind(text: str, end: int, parts: list[str]) -> Kind:
    """Kind of an unknown name of two or more words: a person unless shown not."""
    nxt = _IN_COUNTRY.match(text, end)
    if nxt and restore.is_country(nxt.group(1)):
        return Kind.PLACE
    # "Green SM": an acronym word does not occur in a personal name
    # (a regnal number such as "III" does)
    if any(len(p) >= 2 and p.isupper() and not set(p) <= _ROMAN for p in parts):
        return Kind.ORG
    return Kind.PERSON


def _mk(
    doc: Document,
    text: str,
    surface: str,
    start: int,
    end: int,
    kind: Kind | None,
    title: str,
) -> Mention:
    # Positional: keyword arguments cost a fifth more in this hot spot.
    # (text, document, start, end, lang, kind, context, title, source)
    context = _sentence(text, start, end)
    return Mention(surface, doc.path, start, end, "en", kind, context, title, _RULES)


_RULES = "en.rules"


def full_title(title: str) -> str:
    """The canonical English title for a written one ("PM" → "Prime Minister")."""
    return canonical_title(title)
