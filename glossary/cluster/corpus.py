"""The corpus stage of clustering: documents' groups merged into candidates.

`corpus_groups` runs `CORPUS_PASSES`: full names merge by key across
documents, then short references, acronyms and short organisation names
with no full form in their document join the one corpus concept they fit;
`glossary.cluster.candidate` turns each merged group into a candidate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import partial

from glossary.cluster.base import (
    Group,
    Member,
    PersonIndex,
    absorb_short_form,
    acronym_of,
    folded_words,
    is_vietnamese_group,
    name_key,
    name_words,
    norm_key,
    person_index,
    refers_to,
    split_name,
)
from glossary.cluster.sino import link_sino_vietnamese
from glossary.cluster.state_names import join_same_state_names
from glossary.cluster.tally import (
    form_texts,
    full_forms,
    group_docs,
    merge_tally,
    only_type,
)
from glossary.extract.vi_syllables import SURNAMES
from glossary.lang.en import ORG_HEADS
from glossary.model import (
    Evidence,
    Flag,
    Kind,
    TermType,
)
from glossary.names import places as restore


def corpus_groups(
    groups: list[Group],
    titles: Iterable[dict[str, list[Member]]],
    disable: Collection[str] = (),
) -> list[Group]:
    """Merge the documents' `groups` and their `titles` into the groups
    candidates are made of (`candidate_of`), in order: the merged names,
    then the titles.

    Args:
        groups: every document's groups, in document order (emptied: the
            merged groups hold what it held).
        titles: every document's title mentions by title key.
        disable: names of passes of `CORPUS_PASSES` not to run.
    """
    title_groups: dict[str, Group] = {}
    for doc_titles in titles:
        for key, members in doc_titles.items():
            t = title_groups.get(key)
            if t is None:
                t = title_groups[key] = Group(Kind.TITLE, "", key)
            for m, ttype, ev in members:
                t.add(m, ttype, ev)
    merged = merge_corpus(groups, disable)
    merged.extend(title_groups.values())
    return merged


@dataclass(slots=True)
class CorpusState:
    """The corpus's groups as the passes of `CORPUS_PASSES` merge them.

    Attributes:
        groups: the groups, in order of first mention (merged ones stay,
            with `merged_into` set, until the stage ends).
    """

    groups: list[Group]
    merged: bool = False  # same names merged already, as documents came
    # Each "ambiguous" note once: a short name in hundreds of documents fits
    # the same persons in each, and the note lists them all (at 200 MB of
    # text: tens of thousands of groups, a few dozen distinct notes).
    notes: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    # brings a shelved group's members back (`CorpusStream`), before it moves
    unshelve: Callable[[Group], None] = field(default=lambda g: None, repr=False)
    _fulls: list[Group] | None = field(default=None, repr=False)
    _tails: PersonIndex | None = field(default=None, repr=False)

    @property
    def fulls(self) -> list[Group]:
        """The groups that name a concept across documents (not local).

        Taken once, when a pass first asks: after the merging passes, before
        the linking ones, which add to these groups but make none.
        """
        if self._fulls is None:
            self._fulls = [
                g for g in self.groups if g.merged_into is None and not g.local
            ]
        return self._fulls

    @property
    def tails(self) -> PersonIndex:
        """The persons of `fulls` by the short names that can refer to them
        (`person_index`), taken once, when a pass first asks."""
        if self._tails is None:
            self._tails = person_index([g for g in self.fulls if g.kind is Kind.PERSON])
        return self._tails


def merge_corpus(
    groups: list[Group],
    disable: Collection[str],
    *,
    merged: bool = False,
    unshelve: Callable[[Group], None] | None = None,
) -> list[Group]:
    """Merge the documents' groups across documents, strongest evidence first.

    Runs the passes of `CORPUS_PASSES` in order, but those in `disable`
    (`merged`: `merge_same_names` was run as documents came, by
    `merge_same_name`; `unshelve`: what brings back a shelved group's
    members). Returns the groups left standing, in order of first mention,
    and empties `groups`.
    """
    # The state takes the groups: those merged into others are let go as
    # the passes drop them, not kept to the end by the caller's list.
    state = CorpusState(groups[:], merged)
    if unshelve is not None:
        state.unshelve = unshelve
    groups.clear()
    for run in CORPUS_PASSES:
        if run.__name__ not in disable:
            run(state)
    return [g for g in state.groups if g.merged_into is None]


def merge_same_names(state: CorpusState) -> None:
    """Merge groups of the same kind and key across documents.

    Evidence "same-name-corpus"; an acronym alone is keyed by its letters.

    Document-local groups (short names, two-syllable Vietnamese persons)
    merge with nothing. Leaves every group left, in order.
    """
    if state.merged:
        return
    by_key: dict[tuple[Kind, str], Group] = {}
    out: list[Group] = []
    for g in state.groups:
        merge_same_name(g, by_key, out)
    state.groups = out


def merge_same_name(
    g: Group, by_key: dict[tuple[Kind, str], Group], out: list[Group]
) -> None:
    """`merge_same_names` for the next group `g`: into the group of `by_key`
    with its kind and key, else onto `out` (and into `by_key` if not local)."""
    if g.local or (g.kind is Kind.PERSON and _short_person(g)):
        g.local = True
        out.append(g)
        return
    k = (g.kind, g.key if not _all_acronyms(g) else _acr_key(g))
    h = by_key.get(k)
    if h is None:
        by_key[k] = g
        out.append(g)
    else:
        _absorb(h, g, "same-name-corpus")


def join_untyped(state: CorpusState) -> None:
    """Join each form with no kind to the one typed concept with its key.

    A form with no kind of its own joins the one typed concept with its
    key ("same-name-typed")."""
    out = state.groups
    typed: dict[str, list[Group]] = {}
    for g in out:
        if g.merged_into is None and not g.local and g.kind is not Kind.OTHER:
            typed.setdefault(g.key, []).append(g)
    for g in out:
        if g.kind is Kind.OTHER and g.merged_into is None:
            same = typed.get(g.key, [])
            text = g.members[0][0].text
            if not same and restore.english_country_name(text):
                # "Hàn Quốc" untyped: the country, keyed by its English name
                same = typed.get(norm_key(text, Kind.PLACE), [])
            if len(same) == 1:
                _absorb(same[0], g, "same-name-typed")


def join_state_names(state: CorpusState) -> None:
    """Join organisations across documents that share a state body's name.

    "Government" and "Chính phủ" share a full Vietnamese name
    ("same-state-name"). The name comes from the national state data or a
    pattern holding a proper name, never from a generic local body; two
    differently named English forms keep their concepts apart. Titles are
    left to `glossary align`, which pairs them from parallel text. See
    `glossary.cluster.state_names`.
    """
    join_same_state_names(state.groups, _absorb)


def link_titled_short_names(state: CorpusState) -> None:
    """Link titled short references to the one corpus person of that title.

    Short references with no full name in their document join the one
    corpus person whose name ends (or starts) with them AND who holds the
    same title ("PM Chinh" → Phạm Minh Chính, Prime Minister), by
    "short-name+title-corpus"; fitting several flags them ambiguous.

    `CorpusState.tails` indexes the corpus persons named in full.
    """
    out, tails = state.groups, state.tails
    role_heads: dict[int, set[str]] = {}
    memo: dict[tuple[tuple[str, ...], int], bool] = {}
    for g in out:
        if not g.local or g.merged_into is not None or g.kind is not Kind.PERSON:
            continue
        if Flag.AMBIGUOUS in g.flags or any(
            len(split_name(text)) > 1 for text, _ in full_forms(g)
        ):
            continue
        if not g.roles:
            continue
        words = name_words(g.members[0][0])
        heads = _role_heads(g.roles)
        fits = []
        for h in tails.get(tuple(name_key(w) for w in words), ()):
            hh = role_heads.get(id(h))
            if hh is None:
                hh = role_heads[id(h)] = _role_heads(h.roles)
            if not hh & heads:
                continue
            # full names do not change in this pass (it adds one-word ones)
            refers = memo.get((words, id(h)))
            if refers is None:
                refers = memo[words, id(h)] = refers_to(words, h)
            if refers:
                fits.append(h)
        if len(fits) == 1:
            state.unshelve(g)
            _absorb(fits[0], g, "short-name+title-corpus")
            del role_heads[id(fits[0])]  # it has the titles of `g` now
        elif len(fits) > 1:
            _flag_ambiguous(g, fits, state.notes)


def link_sino_vietnamese_persons(state: CorpusState) -> None:
    """Join each Sino-Vietnamese person to the one pinyin person it reads as.

    "Lý Cường" in Vietnamese text and "Li Qiang" in English text are one
    person when the corpus writes both ("sino-vietnamese"); with no such
    person and a Chinese context, the reading is noted for review. See
    `glossary.cluster.sino`.
    """
    link_sino_vietnamese(state.groups, _absorb)


def _flag_ambiguous(
    g: Group, fits: list[Group], notes: dict[tuple[str, ...], str]
) -> None:
    """Flag `g` ambiguous, with a note naming the concepts it fits (the
    same note object for the same names: `CorpusState.notes`)."""
    g.flags.add(Flag.AMBIGUOUS)
    names = tuple(sorted({f.members[0][0].text for f in fits}))
    note = notes.get(names)
    if note is None:
        note = notes[names] = "ambiguous: " + " | ".join(names)
    g.notes.append(note)


def link_acronyms_corpus(state: CorpusState) -> None:
    """Link acronyms with no local expansion to the one concept they spell.

    Acronyms with no expansion in their document join the one corpus
    place or organisation whose full forms have their initials
    ("acronym-initials-corpus"); fitting several flags them ambiguous.
    Countries are left out: their abbreviations are their ISO codes, and
    "SK" in another document is a company, not South Korea.

    The initials are taken once: this pass only adds acronyms, which do not
    change them.
    """
    fulls = state.fulls
    by_initials: dict[str, list[Group]] = {}
    for h in fulls:
        if h.merged_into is None and h.kind in (Kind.ORG, Kind.PLACE):
            texts = {text: None for text, _ in full_forms(h)}
            initials = {
                acronym_of(text): None
                for text in texts
                if not (h.kind is Kind.PLACE and restore.is_country(text))
            }
            for a in initials:
                by_initials.setdefault(a, []).append(h)
    for g in fulls:
        if g.merged_into is not None or not _all_acronyms(g):
            continue
        acr = g.members[0][0].text
        fits = [
            h for h in by_initials.get(acr, ()) if h is not g and h.merged_into is None
        ]
        if len(fits) == 1:
            _absorb(fits[0], g, "acronym-initials-corpus")
        elif len(fits) > 1:
            _flag_ambiguous(g, fits, state.notes)


def link_org_short_forms_corpus(state: CorpusState) -> None:
    """Link short organisation names to the one corpus organisation they begin.

    Short organisation names ("Intergovernmental Committee") with no long
    form in their document join the one corpus organisation they begin
    ("org-short-form-corpus"; see `_org_prefix`).

    Several fits are one if they were merged into one concept meanwhile.
    """
    fulls = state.fulls
    orgs = [h for h in fulls if h.kind is Kind.ORG]
    place = {id(h): n for n, h in enumerate(orgs)}
    by_word: dict[str, dict[int, Group]] = {}  # see `_index_org_form`
    for h in orgs:
        for text in form_texts(h):
            _index_org_form(by_word, h, text)
    for g in fulls:
        if g.merged_into is not None or g.kind is not Kind.ORG or _all_acronyms(g):
            continue
        w = folded_words(g.members[0][0].text)
        if len(w) < 2 or w[-1] not in ORG_HEADS:
            continue
        fits = []
        for h in sorted(by_word.get(w[0], {}).values(), key=lambda h: place[id(h)]):
            if h is g or h.merged_into is not None:
                continue
            if any(_org_prefix(w, text) for text in form_texts(h)):
                fits.append(h)
        roots = {f.root().key for f in fits}
        if len(fits) >= 1 and len(roots) == 1:
            root = fits[0].root()
            _absorb(root, g, "org-short-form-corpus")
            for text in form_texts(g):
                _index_org_form(by_word, root, text)


def _absorb(h: Group, g: Group, rule: str) -> None:
    """Move every member of `g` into `h`, recording `rule` as the evidence."""
    assert g.shelved is None, "unshelve a group before it moves"
    moved = partial(_relabelled, rule)
    if h.tally is None and g.tally is None and h.sources is None:
        h.members.extend(moved(g.members))
    else:
        merge_tally(h, g, moved, rule, None)
    if g.roles:  # what `Group.add` would count for them: `g` counted them so
        h.roles.update(g.roles)
    h.extra.extend(
        (text, lang, t, Evidence(rule, ev.document, ev.start, ev.end, ev.detail), m)
        for text, lang, t, ev, m in g.extra
    )
    h.flags |= g.flags
    h.notes.extend(n for n in g.notes if n not in h.notes)
    h.doc = ""
    g.merged_into = h


# ``Evidence(...)`` without its Python frame
_evidence = partial(tuple.__new__, Evidence)


def _relabelled(rule: str, members: list[Member]) -> list[Member]:
    """`members` with `rule` as their evidence's rule."""
    return [(m, t, _evidence((rule, *ev[1:]))) for m, t, ev in members]


def _short_person(g: Group) -> bool:
    """Names too short to link across documents: one word, or a Vietnamese
    name of two syllables but a surname and a given name written with marks
    ("Nguyen Dung" may be Nguyễn Dung or Nguyễn Dũng, "Văn Vĩ" lacks its
    surname; "Trần Đơn" in two documents is one name)."""
    full = [text for text, _ in full_forms(g)]
    if not full:
        return True
    longest = max(len(split_name(text)) for text in full)
    marked = all(
        restore.has_diacritics(text) and text.split()[0].lower() in SURNAMES
        for text in full
    )
    return longest < 2 or (longest < 3 and is_vietnamese_group(g) and not marked)


def _all_acronyms(g: Group) -> bool:
    """True if every member of `g` is an acronym."""
    return only_type(g, TermType.ACRONYM)


def _acr_key(g: Group) -> str:
    """The corpus key of a group of acronyms only: its letters."""
    return "acr:" + g.members[0][0].text


def _role_heads(roles: Counter[str]) -> set[str]:
    """Titles and their heads: "Minister of Home Affairs" also counts as
    "Minister"."""
    out = set(roles)
    out.update(r.split(" of ")[0] for r in roles)
    return out


def link_two_syllable_corpus(state: CorpusState) -> None:
    """Link two-syllable names to the one Vietnamese person they end.

    Two-syllable names with no full name in their document ("Tien Linh",
    "Quang Hải") join the one Vietnamese person of the corpus whose full name
    of three or more syllables ends with both, as short forms
    ("given-name-corpus").

    Middle and given name together are far rarer than a given name alone, and
    a second full name ending the same way leaves the short name unlinked.
    The two documents must also share another person named in full, so a
    footballer "Van Quyet" is not the businessman "Trịnh Văn Quyết" of a
    business page.
    """
    out, tails = state.groups, state.tails
    shorts = []
    for g in out:
        if g.merged_into is not None or Flag.AMBIGUOUS in g.flags:
            continue
        if not (g.kind is Kind.OTHER or (g.kind is Kind.PERSON and g.local)):
            continue
        words = name_words(g.members[0][0])
        if len(words) != 2 or len(form_texts(g)) > 1:
            continue
        if not all(restore.is_syllable(w) for w in words):
            continue
        if not all(w[:1].isupper() and not w.isupper() for w in words):
            continue
        shorts.append((g, words))
    if not shorts:
        return
    people: dict[str, set[int]] = {}  # document → ids of full-name persons
    for h in out:
        if h.merged_into is None and not h.local and h.kind is Kind.PERSON:
            for doc in group_docs(h):
                people.setdefault(doc, set()).add(id(h))
    for g, words in shorts:
        key = tuple(name_key(w) for w in words)
        fits = [
            h
            for h in tails.get(key, ())
            if h.merged_into is None
            and is_vietnamese_group(h)
            and refers_to(words, h)
            and len(name_words(h.members[0][0])) >= 3
            and _share_person(g, h, people)
        ]
        if len(fits) == 1:
            absorb_short_form(fits[0], g, "given-name-corpus")
            fits[0].doc = ""


def _share_person(g: Group, h: Group, people: dict[str, set[int]]) -> bool:
    """True if a document of `g` and one of `h` name a third person in full."""
    docs = group_docs(g)
    here = set().union(*(people.get(d, set()) for d in docs))
    there = group_docs(h) - docs
    return any((here & people.get(d, set())) - {id(h)} for d in there)


def _index_org_form(by_word: dict[str, dict[int, Group]], h: Group, text: str) -> None:
    """Index organisation `h` under the word a short form of `text` begins with:
    its first folded word, or its second after an "X-Y" first word."""
    hw = folded_words(text)
    if hw:
        by_word.setdefault(hw[0], {})[id(h)] = h
    if len(hw) > 1 and "-" in hw[0]:
        by_word.setdefault(hw[1], {})[id(h)] = h


def _org_prefix(short: tuple[str, ...], long_text: str) -> bool:
    """True if `short` words begin `long_text` (after a leading "X-Y" prefix)."""
    hw = folded_words(long_text)
    if len(hw) > len(short) and hw[: len(short)] == short:
        return True
    return (
        len(hw) > len(short) + 1 and hw[1 : len(short) + 1] == short and ("-" in hw[0])
    )


Pass = Callable[[CorpusState], None]

# The corpus stage, in order: full names merge by key, forms without a kind
# join their typed concept; then names with no full form in their document
# join the one corpus concept they fit.
CORPUS_PASSES: tuple[Pass, ...] = (
    merge_same_names,
    join_untyped,
    join_state_names,
    link_titled_short_names,
    link_sino_vietnamese_persons,
    link_two_syllable_corpus,
    link_acronyms_corpus,
    link_org_short_forms_corpus,
)
