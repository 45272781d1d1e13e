"""Names in English (and mixed) news: rule-based, linear, no models.

`english_mentions` scans a document once for runs of capitalised words
(`glossary.extract.name_runs`: joined by "of", "on", "for", "and" inside
organisation names and titles), then passes each run through a few steps:
`_trimmed` drops sentence-initial function words, weekdays, months and
caption debris; `_leading_places` splits off a country before a title or a
possessive ("Belarus’s") and drops demonyms; `_title_with_complement`,
`_before_person` and `_leading_title` split titles off; `_name` strips
possessives and takes an administrative word after the name ("Vung Tau
city"). The kind comes from `glossary.extract.name_kind` (title before it,
organisation head word, dateline, acronym, gazetteer, Vietnamese surname).
"""

from __future__ import annotations

import re

from glossary.extract.en_cues import org_cues
from glossary.extract.en_document import (
    drop_unsupported_initials,
    listed_places,
    listed_units,
    mention,
    quoted_works,
    sentence_initial,
    title_mention,
    unit_bodies,
)
from glossary.extract.en_heads import EVENTS_AFTER, READ_AFTER, UNITS, place_head_end
from glossary.extract.en_singles import MAKES_NAME, MAKES_TITLE, NOT_LAST, SINGLES
from glossary.extract.en_surface import (
    FACTS,
    NAMES,
    parts_last,
    without_possessive,
)
from glossary.extract.name_kind import (
    Page,
    guess,
    is_vietnamese_name,
    kind_of,
    person_suffix,
)
from glossary.extract.name_runs import (
    COMPASS,
    Run,
    WordSpan,
    fold,
    is_demonym,
    runs,
    tokens,
)
from glossary.lang.en import (
    ADMIN_WORDS,
    ADVERB_SUFFIXES,
    ARTICLES,
    DASH_GAPS,
    MONTHS,
    ORG_HEADS,
    OWNER_NOUNS,
    PLACE_WORDS,
    STOP,
    WEEKDAYS,
)
from glossary.model import Document, Kind, Mention
from glossary.names import places as restore
from glossary.names.places import country_codes
from glossary.names.titles import (
    OPENS_TITLE,
    canonical_title,
    complement_end,
    is_honorific,
    is_title_word,
    split_title,
)
from glossary.text.sentences import Sentences

__all__ = [
    "ORG_HEADS",
    "PLACE_WORDS",
    "english_mentions",
    "fold",
    "full_title",
    "is_vietnamese_name",
]

# One or two lowercase words right after a name ("Vung Tau city", "Lung Cu
# flag tower"), within 30 characters.
_ADMIN_AFTER = re.compile(r" ([a-z]+)\b(?: ([a-z]+)\b)?")


def english_mentions(
    doc: Document, *, sentences: Sentences | None = None
) -> list[Mention]:
    """Names, places, organisations and titles in an English (or mixed) document.

    Offsets are into `doc.text` (NFC). Titles are split off into
    `Mention.title` and also emitted as `Kind.TITLE` mentions.

    Args:
        doc: the document.
        sentences: its sentence marks, when the caller has them already
            (`glossary.extract.terms.term_mentions` takes the same).
    """
    page = Page(doc.path, doc.text, sentences)
    text = page.text
    out: list[Mention] = []
    for run in runs(text, tokens(text)):
        if len(run.words) == 1:  # most runs: what they make is cached per word
            start, end, word = run.words[0]
            when_initial, otherwise = SINGLES[word]
            made = otherwise
            if when_initial is not otherwise and sentence_initial(text, start):
                made = when_initial
            if made is MAKES_NAME:
                _name(page, run, run.words, "", "", out)
            elif made is MAKES_TITLE:
                out.append(title_mention(page, start, end))
            continue
        words = _trimmed(text, run.words)  # trimmed in place: `runs` is done
        if words:
            _run_mentions(page, run, words, out)
    out = unit_bodies(page, drop_unsupported_initials(text, out))
    out = listed_units(text, listed_places(page, out))
    return org_cues(text, quoted_works(text, out))


def _run_mentions(
    page: Page, run: Run, words: list[WordSpan], out: list[Mention]
) -> None:
    """Append the mentions of one trimmed run to `out`."""
    words = _leading_places(page, words, out)
    words = _possessed(page, words, out)
    words = _outer_unit(page, words, out)
    if not words:
        return
    pending = ""  # a title the name takes although not right before it
    if run.title_of >= 0:
        # "Minister of Home Affairs Kubrakov Ivan Vladimirovich": the whole
        # title with its complement, then the name
        words, pending = _title_with_complement(page, words, out)
        if not words:
            return
    names = [w for _, _, w in words]
    tail = _title_tail(names)
    if tail:
        # "VietJet CEO", "Vietnam Airlines Chairman": a title that ends the
        # run is held in the name before it, an organisation or a place
        _holder(page, words[:-tail], out)
        out.append(title_mention(page, words[-tail][0], words[-1][1]))
        return
    cut = person_suffix(tuple(names)) if len(names) > 2 else 0
    if cut:
        pending = _before_person(page, words[:cut], out, pending)
        words = words[cut:]
        names = names[cut:]
    words, title = _leading_title(page, words, names, out)
    if words:
        _name(page, run, words, title, pending, out)


def _possessed(page: Page, words: list[WordSpan], out: list[Mention]) -> list[WordSpan]:
    """Split a run at a possessive that ends one name and starts another.

    "Vietnam News Agency’s The Thao & Van Hoa" (an article opens the second
    name), "Viettel’s Lạng Sơn Logistics Park" (one owner word before a name
    with its own head noun); not "People’s Committee", "Women’s Union" (a
    common noun owns the name) nor "Border Gate's Border Post" (one body).
    An owner of several words goes through `_name`, and so does one word
    alone (a brand, which the clustering gives to the one group it names:
    "Viettel" of "Viettel Military Industry and Telecoms Group", not of
    "Viettel Post"); the words after it are returned.
    """
    for k in range(len(words) - 1):
        wk = words[k][2]
        if not wk.endswith(("’s", "'s")):
            continue
        if words[k + 1][2] == "The":
            _name(page, _NO_RUN, words[: k + 1], "", "", out)
            return words[k + 1 :]
        head = fold(parts_last(words[-1][2]))
        if (
            k == 0
            and fold(wk[:-2]) not in _OWNER_NOUNS
            and not is_title_word(wk[:-2])
            and (head in PLACE_WORDS or head in ORG_HEADS)
        ):
            _name(page, _NO_RUN, words[:1], "", "", out)
            return words[1:]
        return words
    return words


def _outer_unit(
    page: Page, words: list[WordSpan], out: list[Mention]
) -> list[WordSpan]:
    """Split "Ha Giang – Quan Ba" (a province, a dash, a district inside it):
    a unit and one it contains are two names, a list's head and first item;
    "Thua Thien – Hue", "Thuan Hoa - Phu Xuan" are one name each."""
    text = page.text
    for k in range(1, len(words)):
        if text[words[k - 1][1] : words[k][0]] not in DASH_GAPS:
            continue
        left = text[words[0][0] : words[k - 1][1]]
        right = text[words[k][0] : words[-1][1]]
        outer = restore.restore_place(left).text
        if restore.place_forms(left) and (
            restore.restore_place(right).text in restore.units_within([outer])
        ):
            _name(page, _NO_RUN, words[:k], "", "", out)
            return words[k:]
        return words
    return words


_OWNER_NOUNS = frozenset(OWNER_NOUNS)
_NO_RUN = Run()  # a name split off a run: no connector of its own


def _title_tail(names: list[str]) -> int:
    """How many words at the end of a run make a title held in the name
    before them (0 if none): "VietJet CEO" → 1, "Communist Party General
    Secretary" → 2 ("Party" is the holder's word, not the title's)."""
    n = len(names)
    if n < 2 or not is_title_word(names[-1]) or fold(names[-1]) in ORG_HEADS:
        return 0
    i = n - 1
    while i > 0 and is_title_word(names[i - 1]) and fold(names[i - 1]) not in ORG_HEADS:
        i -= 1
    if i == 0 or split_title([*names[i:], "X"]) != n - i:
        return 0
    if all(map(is_title_word, names[:i])):  # "Party General Secretary"
        return 0
    return n - i


def _holder(page: Page, words: list[WordSpan], out: list[Mention]) -> None:
    """The name a title after it is held in: an organisation unless the name
    shows a place ("Hanoi Mayor")."""
    start, end = words[0][0], words[-1][1]
    surface, end = without_possessive(page.text[start:end], end)
    kind = kind_of(page, start, surface, "")
    if kind is not Kind.PLACE:
        kind = Kind.ORG
    out.append(mention(page, surface, start, end, kind, ""))


def _trimmed(text: str, words: list[WordSpan]) -> list[WordSpan]:
    """The run without leading stop words and trailing dates and connectors.

    Empty when nothing is left, or only a stop word ("Related News", "Photo"
    debris).
    """
    run_size = len(words)
    while words:
        s0, _, w0 = words[0]
        low = w0.casefold()
        if (
            (low in STOP and (low in ARTICLES or sentence_initial(text, s0)))
            or low in WEEKDAYS
            or low in MONTHS
        ) and not _gazetteer_head(words):
            words.pop(0)  # but "An Giang", "To Lich": a place's first syllable
            continue
        if (
            low.endswith(ADVERB_SUFFIXES)
            and len(low) > 5
            and not w0.isupper()
            and sentence_initial(text, s0)
        ):
            words.pop(0)
            continue
        break
    while words and words[-1][2].casefold() in NOT_LAST:
        if _month_as_name(text, words):
            break
        words.pop()
    if (
        len(words) == 1
        and words[0][2].casefold() in STOP
        and (run_size > 1 or sentence_initial(text, words[0][0]))
    ):
        return []
    return words


_DATE_AFTER = re.compile(r",? \d")


def _month_as_name(text: str, words: list[WordSpan]) -> bool:
    """True if a month word ending a run of names is a name's part: no day
    or year follows it ("Dong Jun", "Theresa May"; not "Hanoi March 3")."""
    s, e, w = words[-1]
    return (
        len(words) > 1
        and w.casefold() in MONTHS
        and words[-2][2][:1].isupper()
        and text[words[-2][1] : s] == " "
        and _DATE_AFTER.match(text, e) is None
    )


def _leading_places(
    page: Page, words: list[WordSpan], out: list[Mention]
) -> list[WordSpan]:
    """Split countries off the front of a run, and drop demonyms.

    "US Deputy Secretary", "Belarus’s Prime Minister": the country is a
    place of its own; "South Korean Kim": the demonym is no part of the name.
    Empty when only a demonym is left.
    """
    text = page.text
    if words and not _MAY_LEAD[words[0][2]]:
        return _country_possessive(page, words, out)
    if (
        len(words) > 1
        and is_title_word(words[1][2])
        and (restore.is_country(words[0][2]) or words[0][2] in country_codes())
    ):
        s0, e0, w0 = words.pop(0)
        out.append(mention(page, w0, s0, e0, Kind.PLACE, ""))
    # "Secretary of State William Burns": State belongs to the title
    if (
        len(words) > 1
        and words[0][2] == "State"
        and text[max(0, words[0][0] - 4) : words[0][0]] == " of "
    ):
        words.pop(0)
    while (
        len(words) > 1
        and (
            is_demonym(words[0][2])
            or (
                fold(words[0][2]) in COMPASS
                and len(words) > 2
                and is_demonym(words[1][2])
            )
        )
        and not any(fold(w[2]) in ORG_HEADS for w in words)
        and not all(restore.is_syllable(w[2]) for w in words)
        and not _gazetteer_head(words)
    ):
        words.pop(0)
    if all(is_demonym(w) or fold(w) in COMPASS for _, _, w in words):
        return []  # "Thai", "South Koreans"
    return _country_possessive(page, words, out)


def _country_possessive(
    page: Page, words: list[WordSpan], out: list[Mention]
) -> list[WordSpan]:
    """Split a country with a possessive off the front of a run ("Belarus’s
    Prime Minister"): `_leading_places`' last step."""
    text = page.text
    if len(words) < 2:
        return words
    start, end = words[0][0], words[-2][1]
    if text.find("’s", start, end) < 0 and text.find("'s", start, end) < 0:
        return words  # no possessive before the last word: most runs
    for k in range(len(words) - 1):
        wk = words[k][2]
        if wk.endswith(("’s", "'s")) and restore.is_country(wk[:-2]):
            ps = words[0][0]
            pe = words[k][1] - 2
            out.append(mention(page, text[ps:pe], ps, pe, Kind.PLACE, ""))
            return words[k + 1 :]
    return words


class _MayLead(dict[str, bool]):
    """For each word: True if `_leading_places` may act on a run it opens (a
    country or a country code, "State", a demonym, a compass point); on any
    other run only its last step can (`_country_possessive`). Memoised in a
    dict: asked of every run of several words."""

    def __missing__(self, word: str) -> bool:
        if len(self) > _MAY_LEAD_MAX:
            self.clear()
        may = self[word] = (
            word == "State"
            or restore.is_country(word)
            or word in country_codes()
            or is_demonym(word)
            or fold(word) in COMPASS
        )
        return may


_MAY_LEAD = _MayLead()
_MAY_LEAD_MAX = 1 << 16


def _gazetteer_head(words: list[WordSpan]) -> bool:
    """True if the run opens with a Vietnamese place of two to four syllables.

    "Lao Cai Province", "Thai Binh Newspaper": a first syllable that is also
    a demonym belongs to the name when the gazetteer knows the longer span.
    """
    n = 0
    while n < min(len(words), 4) and restore.is_syllable(words[n][2]):
        n += 1
    return any(
        restore.place_forms(" ".join(w for _, _, w in words[:k]))
        for k in range(n, 1, -1)
    )


def _title_with_complement(
    page: Page, words: list[WordSpan], out: list[Mention]
) -> tuple[list[WordSpan], str]:
    """Split off a title with its complement ("Minister of Home Affairs").

    Returns:
        The words after it, and the title (empty when there is none).
    """
    names = [w for _, _, w in words]
    ncomp = complement_end(names)
    if not ncomp:
        return words, ""
    nof = names.index("of")
    after = _ADMIN_AFTER.match(page.text, words[-1][1], words[-1][1] + 30)
    if (
        after
        and fold(after.group(1)) in ADMIN_WORDS
        and all(w[:1].isupper() for w in names[nof + 1 :])
    ):
        # "Party Secretary of Trung Khanh district's Party Committee": what
        # follows "of" is a place with its unit word, not a portfolio
        out.append(title_mention(page, words[0][0], words[nof - 1][1]))
        return words[nof + 1 :], ""
    ts, te = words[0][0], words[ncomp - 1][1]
    out.append(title_mention(page, ts, te))
    return words[ncomp:], page.text[ts:te]


def _before_person(
    page: Page, pre: list[WordSpan], out: list[Mention], pending: str
) -> str:
    """Emit what precedes a personal name in its run; return the pending title.

    "Presidential Office Le Khanh Hai": the organisation is a name of its
    own. A title there ("Minister Roman Golovchenko") belongs to the person,
    as does a title before "of" in "Chairman of the Presidential Office Le
    Khanh Hai".
    """
    text = page.text
    ps, pe = pre[0][0], pre[-1][1]
    psurf = _strip_possessive(text[ps:pe])
    tail = _title_tail([w for _, _, w in pre])
    if tail and not psurf.endswith(("’s", "'s")):
        # "Posco Chairman Choi Jeong-woo": the body, then the person's title
        _holder(page, pre[:-tail], out)
        out.append(title_mention(page, pre[-tail][0], pe))
        return text[pre[-tail][0] : pe]
    if split_title([pre[-1][2], "X"]) == 1:
        if not is_honorific(psurf):
            out.append(title_mention(page, ps, ps + len(psurf)))
        return psurf
    if not (len(pre) == 1 and pre[0][2].casefold() in STOP):
        pk = kind_of(page, ps, psurf, "", strip_dots=False)
        out.append(mention(page, psurf, ps, ps + len(psurf), pk, ""))
        if len(out) >= 2 and out[-2].kind is Kind.TITLE:
            between = text[out[-2].end : ps]
            if between.strip() in ("of", "of the"):
                return out[-2].text
    return pending


def _leading_title(
    page: Page, words: list[WordSpan], names: list[str], out: list[Mention]
) -> tuple[list[WordSpan], str]:
    """Split a title off the front of a run ("Prime Minister Phạm Minh Chính").

    Returns:
        The words after the title and the title as written; no words when
        the run is a title alone ("Secretary of State") or an honorific.
    """
    text = page.text
    ntitle = split_title(names) if names and OPENS_TITLE[names[0]] else 0
    if ntitle:
        # honorifics after an office ("Prime Minister Samdech Techo Hun Sen")
        # are no part of the title concept
        k = ntitle
        while k > 1 and is_honorific(" ".join(names[k - 1 : ntitle])):
            k -= 1
        ts, te = words[0][0], words[k - 1][1]
        title = text[ts:te]
        if not is_honorific(title):
            out.append(title_mention(page, ts, te))
        return words[ntitle:], title
    if (
        names
        and is_title_word(names[0])  # the usual answer, without `all`
        and all(map(is_title_word, names))
        and split_title([*names, "X"])
    ):
        if not is_honorific(" ".join(names)):
            out.append(title_mention(page, words[0][0], words[-1][1]))
        return [], ""
    return words, ""


def _name(
    page: Page,
    run: Run,
    words: list[WordSpan],
    title: str,
    pending: str,
    out: list[Mention],
) -> None:
    """Emit the name the words of a run make, without title or possessive.

    `title` is the title split off right before the words, `pending` one
    from further before ("Minister of ... X"); `run` holds the words.
    """
    text = page.text
    start, end = words[0][0], words[-1][1]
    surface, cut = NAMES[text[start:end]]
    if not surface:
        return
    end -= cut
    num = False
    if text.startswith("+", end) and _PLUS_SUFFIX.match(text, end):  # "VinMart+"
        end += 1
        surface = text[start:end]
    elif FACTS[surface].numbered and (n := _NUMBER_AFTER.match(text, end)):
        end, num = n.end(), True  # "Military Region 2"
        surface = text[start:end]
    facts = FACTS[surface]
    # lowercase administrative word right after: "Vung Tau city"
    after = (
        _ADMIN_AFTER.match(text, end, end + 30) if text.startswith(" ", end) else None
    )
    if after is not None and after.group(1) not in READ_AFTER:
        after = None  # most words after a name ("said"): no rule below reads them
    kind: Kind | None = None
    head_end = place_head_end(after, facts.last) if after else 0
    if (head_end or (after and after.group(1) in UNITS)) and facts.qualifier:
        return  # "the Central province", "Northern districts": a region, no name
    if head_end and (
        not run.connector or kind_of(page, start, surface, "") is Kind.PLACE
    ):
        if num:  # "Military Zone 7 stadium": the unit is named too
            out.append(mention(page, surface, start, end, Kind.ORG, ""))
        end = head_end
        surface = text[start:end]
        facts = FACTS[surface]
        kind = Kind.PLACE
    elif num:
        kind = Kind.ORG
    elif after and after.group(1) in EVENTS_AFTER:
        kind = Kind.OTHER  # "Mekong-South Korea summit": an event's label
        if "-" in surface and " " in surface:  # its parties are names too
            _compound_parts(page, surface, start, out)
    if not title and facts.compound:
        _compound_parts(page, surface, start, out)
        return
    title = title or pending
    if kind is None:
        kind = kind_of(page, start, surface, title)
    out.append(mention(page, surface, start, end, kind, title))


def _compound_parts(page: Page, surface: str, start: int, out: list[Mention]) -> None:
    """Each part of a "Vietnam-US" compound, a name of its own guessed kind;
    a part nothing types takes the one kind of the others: the parties of
    one label are alike ("Mekong" of "Mekong-South Korea" is a place)."""
    parts: list[tuple[int, str, Kind | None]] = []
    pos = start
    for piece in surface.split("-"):
        if len(piece) > 1:
            parts.append((pos, piece, guess(piece)))
        pos += len(piece) + 1
    kinds = {k for _, _, k in parts if k is not None}
    alike = kinds.pop() if len(kinds) == 1 else None
    for p, piece, kind in parts:
        out.append(mention(page, piece, p, p + len(piece), kind or alike, ""))


_NUMBER_AFTER = re.compile(r" \d{1,3}\b")
_PLUS_SUFFIX = re.compile(r"\+(?![\w+])")


def _strip_possessive(surface: str) -> str:
    for suf in ("'s", "’s"):
        if surface.endswith(suf):
            return surface[: -len(suf)]
    return surface


def full_title(title: str) -> str:
    """The canonical English title for a written one ("PM" → "Prime Minister")."""
    return canonical_title(title)
