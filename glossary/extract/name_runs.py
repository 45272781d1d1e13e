"""Runs of capitalised words in English text: the raw material of names.

`tokens` finds the capitalised words of a text and the connectors ("of",
"on", "for", "and", "the") that may join them, in one C-level pass; `runs`
groups them into runs: words joined by single spaces (or a dash between
Vietnamese syllables), organisation names with their internal connectors
("Ministry of Industry and Trade"), and titles with their complements
("Minister of Culture, Sports and Tourism"). What a run names is decided by
`glossary.extract.english`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, compress
from operator import methodcaller

from glossary.lang import en
from glossary.lang.en import (
    ARTICLES,
    DASH_GAPS,
    LEGAL_FORMS,
    NAME_ARTICLES,
    NAME_PARTICLES,
    ORG_CONNECT,
    ORG_HEADS,
    STRUCTURES_OF,
)
from glossary.names import places as restore
from glossary.names.places import country_codes
from glossary.names.titles import (
    HONORIFICS,
    PORTFOLIO_HEADS,
    is_title_word,
    split_title,
)
from glossary.text import fold as _fold_uncached

__all__ = [
    "COMPASS",
    "UPPER",
    "WORD",
    "Run",
    "WordSpan",
    "fold",
    "is_demonym",
    "runs",
    "tokens",
]

WordSpan = tuple[int, int, str]  # (start, end, word)

UPPER = "".join(
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
WORD = re.compile(
    rf"[{UPPER}ofat]{_NOT_GLUED}"
    rf"(?:(?<=[{UPPER}])[\w]*(?:[’'\-.][^\W_][\w]*)*"
    r"|(?<=o)[fn]\b|(?<=f)or\b|(?<=a)nd\b|(?<=t)he\b)"  # of on for and the
)


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """`glossary.text.fold`, cached: names repeat a lot in news."""
    return _fold_uncached(word)


COMPASS = frozenset({"north", "south", "east", "west", "southeast", "northeast"})
_DEMONYMS = frozenset({"thai", "lao", "khmer", "dutch", "french", "swiss", "greek"})


@lru_cache(maxsize=1 << 16)  # asked of the first words of most runs
def is_demonym(word: str) -> bool:
    """True if `word` reads as a demonym ("Vietnamese", "Thai", "Korean")."""
    w = fold(word)
    return w in _DEMONYMS or (
        not word.isupper()
        and (
            w.endswith(("ese", "ian", "ean", "ish", "ians", "eans"))
            or _of_a_country(word)
        )
    )


def _of_a_country(word: str) -> bool:
    """True if `word` is a country's name with a demonym's ending: "-i"
    ("Iraqi", "Pakistani", "Qatari"), "-n" ("Cuban", "Kenyan"), "-an"
    ("Chilean"), "-o" → "-an" ("Mexican", "Moroccan"), "-y" dropped
    ("German"); ISO 3166 names of four letters or more."""
    if word.endswith("i"):
        stems = [word[:-1]]
    elif word.endswith("an"):
        stems = [word[:-1], word[:-2], word[:-2] + "o", word + "y"]
    else:
        return False
    return any(len(s) >= 4 and restore.is_country(s) for s in stems)


# The capitalised words alone, for one `re.split`; then the connectors runs
# can use (see `tokens`).
_CAP_SPLIT = re.compile(rf"([{UPPER}]{_NOT_GLUED}[\w]*(?:[’'\-.][^\W_][\w]*)*)")
_OPENS = methodcaller(
    "startswith",
    (" of", " on", " for", " and", " the", ", ", *(f" {p}" for p in NAME_PARTICLES)),
)
_PARTICLES = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
_CONNECTOR = re.compile(rf",? (of|on|for|and|the|{_PARTICLES})\b")
_ANY_CONNECTOR = re.compile(
    rf"[ofat]{_NOT_GLUED}(?:(?<=o)[fn]\b|(?<=f)or\b|(?<=a)nd\b|(?<=t)he\b)"
)


def tokens(text: str) -> list[WordSpan]:
    """(start, end, word) of the `WORD` matches that `runs` can use, in order.

    Every capitalised word, and of the connectors only those that can join
    or stop a run: the first after a capitalised word when a single space or
    ", " is all that lies between, and then the next connector before the
    next capitalised word. The others never reach a rule: `runs` reads a
    connector only after a capitalised word; one after any other gap ends
    the run, as the next capitalised word would, which then lies more than
    `_LONGEST_GAP` away, or not after a single space; and the token after
    a connector counts only after a single space, or only when capitalised.

    One `re.split` over the capitalised words gives gap, word, gap, ...,
    gap; the running sum of their lengths gives every offset without a match
    object per word; only gaps that open with a connector are looked into.
    """
    parts = _CAP_SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))
    caps = list(zip(ends[0:-1:2], ends[1::2], parts[1::2], strict=True))
    gaps = parts[2::2]  # gaps[i] follows caps[i]
    out: list[WordSpan] = []
    done = 0
    for i in compress(range(len(gaps)), map(_OPENS, gaps)):
        m = _CONNECTOR.match(gaps[i])
        if m is None:
            continue
        out += caps[done : i + 1]
        done = i + 1
        at = ends[2 * i + 1]  # where the gap starts
        e = at + m.end(1)
        out.append((at + m.start(1), e, m.group(1)))
        nxt = _ANY_CONNECTOR.search(text, e, at + len(gaps[i]))
        if nxt is not None:
            out.append((nxt.start(), nxt.end(), nxt.group()))
    if not done:
        out = caps
    else:
        out += caps[done:]
    return _with_articled_words(text, out)


# What an Arabic article opens, and what may not glue it to the word before
# it. The articles are found by `str.find` (rare in English news): a regex
# that opens with a look-behind is tried at every position of the text.
_ARTICLED_WORD = re.compile(rf"[{UPPER}]\w*(?:[’'\-][^\W_]\w*)*")
_GLUED = re.compile(r"[\w’'\-]")


def _with_articled_words(text: str, toks: list[WordSpan]) -> list[WordSpan]:
    """`toks` with the words an Arabic article opens ("el-Sisi", "al-Sudani"),
    in text order. Such a word is read as capitalised ("El-Sisi") so that
    it continues the name before it; its mention keeps the text as written,
    and it opens no name of its own (`english._name` wants a capital)."""
    extra = []
    for article in NAME_ARTICLES:
        at = text.find(article)
        while at >= 0:
            word = _ARTICLED_WORD.match(text, at + len(article))
            if word is not None and not (at and _GLUED.match(text, at - 1)):
                # no match lies inside another: its letters are all glued
                extra.append(
                    (at, word.end(), article[:1].upper() + text[at + 1 : word.end()])
                )
            at = text.find(article, at + 1)
    if not extra:
        return toks
    return sorted(toks + extra)


class Run:
    __slots__ = ("comma", "connector", "title_of", "words")

    def __init__(self) -> None:
        self.words: list[WordSpan] = []
        self.connector = False
        self.comma = False
        self.title_of = -1  # index in words of the last connector of a title


def _title_run(run: Run) -> bool:
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
            is_demonym(w) or restore.is_country(w) or w in country_codes() for w in pre
        )
    )


def _title_complement(text: str, toks: list[WordSpan], k: int) -> bool:
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


_ABSTRACT = en.ABSTRACT_ENDINGS


# The longest gap a run crosses (" – "): longer ones end it without a slice.
_LONGEST_GAP = max(len(g) for g in (*DASH_GAPS, " ", "\u00a0", ", "))


def runs(text: str, toks: list[WordSpan]) -> Iterator[Run]:
    """Yield runs of capitalised words with org-internal connectors."""
    i = 0
    n = len(toks)
    while i < n:
        if not toks[i][2][:1].isupper():  # `_is_cap`, inline: it runs per token
            i += 1
            continue
        run = Run()
        run.words.append(toks[i])
        j = i + 1
        # every rule needs a short gap: most runs end here, without a call
        while j < n and toks[j][0] - run.words[-1][1] <= _LONGEST_GAP:
            k = _step(text, toks, run, j)
            if k == _STOP:
                break
            j = k
        i = j  # the token that ended the run may start the next
        yield run


_STOP = -1  # what `_step` returns when the run ends before the token
# "Mr. Kim", "Dato' Sri Najib": an honorific's full stop or apostrophe.
_MARKED_GAPS = frozenset({". ", "' ", "’ "})
# "Co., Ltd", "Pte. Ltd", "Sdn, Bhd": between two legal forms of one firm.
_FORM_GAPS = frozenset({". ", "., ", ", ", ".,"})


def _step(text: str, toks: list[WordSpan], run: Run, j: int) -> int:
    """Extend `run` with `toks[j]` (and what it brings), if a rule lets it.

    Returns:
        The index of the next token to try, or `_STOP`.
    """
    s2, e2, w2 = toks[j]
    last = run.words[-1][2]
    gap = text[run.words[-1][1] : s2]
    cap2 = w2[:1].isupper()  # `_is_cap(w2)`
    if cap2 and (
        gap in (" ", "\u00a0")
        or (gap in _MARKED_GAPS and last.casefold() + gap[0] in HONORIFICS)
        or (gap == " & " and _partners(last, w2))  # "The Thao & Van Hoa"
        or (gap in _FORM_GAPS and fold(last) in LEGAL_FORMS and fold(w2) in LEGAL_FORMS)
        or (
            gap in DASH_GAPS
            and (
                gap == " -"
                or (
                    last.isupper() == w2.isupper()
                    and restore.is_syllable(last)
                    and restore.is_syllable(w2)
                )
            )
        )
    ):
        run.words.append(toks[j])
        return j + 1
    low = w2.casefold()
    # "Minister of Home Affairs", "Minister of Industry and Trade",
    # "Speaker of the House of Representatives"
    if gap == " " and (
        (low == "of" and (run.title_of >= 0 or _title_run(run)))
        or (low == "and" and run.title_of >= 0 and len(run.words) - run.title_of <= 3)
    ):
        k = _after_the(text, toks, j)
        if (
            k < len(toks)
            and text[toks[k - 1][1] : toks[k][0]] == " "
            and _title_complement(text, toks, k)
        ):
            run.words.extend(toks[j:k])
            run.title_of = len(run.words) - 1
            return k
    # "Minister of Culture, Sports and Tourism": a comma list that
    # ends with "and" inside a title's complement
    if (
        run.title_of >= 0
        and gap == ", "
        and cap2
        and not restore.is_country(w2)
        and j + 2 < len(toks)
        and toks[j + 1][2] == "and"
        and text[e2 : toks[j + 1][0]] == " "
        and _is_cap(toks[j + 2][2])
    ):
        run.words.append(toks[j])
        return j + 1
    return _org_step(text, toks, run, j, gap, low)


def _particle_step(text: str, toks: list[WordSpan], run: Run, j: int, gap: str) -> int:
    """Extend `run` over a name particle and the word after it ("Anwar bin
    Ibrahim", "Siti binti Aziz"): a patronymic between two capitalised
    words, one space each side, is inside one person's name."""
    if (
        gap == " "
        and toks[j][2] in NAME_PARTICLES
        and j + 1 < len(toks)
        and _is_cap(toks[j + 1][2])
        and text[toks[j][1] : toks[j + 1][0]] == " "
    ):
        run.words.extend(toks[j : j + 2])
        return j + 2
    return _STOP


def _partners(last: str, nxt: str) -> bool:
    """True if " & " between two words joins one firm's name, not two places
    ("Hanoi & Hue", "Vietnam & Laos")."""
    return not (
        restore.is_country(last)
        or restore.is_country(nxt)
        or restore.is_province(last)
        or restore.is_province(nxt)
    )


def _after_the(text: str, toks: list[WordSpan], j: int) -> int:
    """The index after connector `j`, and after a "the" right behind it."""
    k = j + 1
    if k < len(toks) and toks[k][2] == "the" and text[toks[j][1] : toks[k][0]] == " ":
        k += 1
    return k


def _org_step(
    text: str, toks: list[WordSpan], run: Run, j: int, gap: str, low: str
) -> int:
    """`_step`'s rules for organisation names: "Ministry of Industry and
    Trade", "Department of Science, Technology and Environment"."""
    n = len(toks)
    w2 = toks[j][2]
    if (
        gap == " "
        and low in ORG_CONNECT
        and fold(run.words[-1][2]) not in LEGAL_FORMS  # "Pte. Ltd of Singapore"
        and (
            any(fold(x[2]) in ORG_HEADS for x in run.words)
            or (low == "of" and fold(run.words[0][2]) in STRUCTURES_OF)
        )
    ):
        k = _after_the(text, toks, j)
        if k < n and _is_cap(toks[k][2]) and text[toks[k - 1][1] : toks[k][0]] == " ":
            run.words.extend(toks[j:k])
            run.connector = True
            return k
        return _STOP
    if (
        run.connector
        and gap == ", "
        and w2[:1].isupper()
        and not restore.is_country(w2)
    ):
        run.words.append(toks[j])
        run.comma = True
        return j + 1
    if run.connector and gap in (" ", ", ") and low == "and":
        k = j + 1
        if k < n and _is_cap(toks[k][2]) and text[toks[j][1] : toks[k][0]] == " ":
            # the conjunct must end the name: look ahead to its end
            m = k
            while (
                m + 1 < n
                and _is_cap(toks[m + 1][2])
                and text[toks[m][1] : toks[m + 1][0]] == " "
            ):
                m += 1
            if run.comma or toks[m][2].casefold().endswith(_ABSTRACT):
                run.words.extend(toks[j : m + 1])
                return m + 1
    if gap == " " and low == "and" and _joins_org(text, toks, run, j):
        m = _conjunct_end(text, toks, j + 1)
        run.words.extend(toks[j : m + 1])
        run.connector = True
        return m + 1
    return _particle_step(text, toks, run, j, gap)


def _conjunct_end(text: str, toks: list[WordSpan], k: int) -> int:
    """The index of the last capitalised word of the run that starts at `k`."""
    n = len(toks)
    m = k
    while (
        m + 1 < n
        and _is_cap(toks[m + 1][2])
        and text[toks[m][1] : toks[m + 1][0]] == " "
    ):
        m += 1
    return m


def _joins_org(text: str, toks: list[WordSpan], run: Run, j: int) -> bool:
    """True if "and" at `j` joins two halves of one organisation's name.

    "Vietnam Disaster and Dyke Management Authority", "Viettel Military
    Industry and Telecoms Group": the second half ends in an organisation
    head, and the first is no person (it opens with a country or an acronym,
    "VCM Services and Trading Development Jsc", or has three words none of
    which is a Vietnamese syllable) and no organisation yet.
    """
    k = j + 1
    if (
        k >= len(toks)
        or not _is_cap(toks[k][2])
        or text[toks[j][1] : toks[k][0]] != " "
    ):
        return False
    m = _conjunct_end(text, toks, k)
    if fold(toks[m][2]) not in ORG_HEADS or restore.is_country(toks[k][2]):
        return False
    pre = [w for _, _, w in run.words]
    if pre[0].casefold() in ARTICLES:
        del pre[0]
    if len(pre) < 2 or any(fold(w) in ORG_HEADS or is_title_word(w) for w in pre):
        return False
    return (
        restore.is_country(pre[0])
        or (len(pre[0]) >= 2 and pre[0].isalpha() and pre[0].isupper())  # "VCM"
        or (len(pre) >= 3 and not any(map(restore.is_syllable, pre)))
    )
