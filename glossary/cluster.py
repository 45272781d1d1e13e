"""Group mentions into concepts: aliases, preferred form, evidence and flags.

Two levels, strongest evidence first:

1. Within one document: full names by key; short references (a Vietnamese
   given name, a foreign surname, "PM Chính") to the one full name in the same
   document that ends (or, surname-first, starts) with them; acronyms to the
   expansion written right before them in parentheses or, failing that, to the
   one expansion in the document whose initials they spell; short forms of
   organisation names to the one longer name they begin.
2. Across documents: only full names (places, organisations, persons of three
   or more syllables) with the same key, and acronyms with no local
   expansion to the one corpus expansion with matching initials.

A short reference that fits two candidates is linked to neither: it gets its
own concept flagged ambiguous, naming both.

The two levels are two stages with a small picklable result in between, so
the first runs as each document's extraction arrives (issue #4):

    docs = [cluster_document(path, mentions_of[path]) for path in paths]
    candidates = cluster_corpus(docs)    # what cluster(all mentions) does

`cluster_document` is pure and sees one document; its `DocClusters` holds
frozen dataclasses and tuples of the document's own `Mention` objects.
`cluster_corpus` takes the results in document order. The memoised helpers
(`name_key`, `norm_key`, word splits) cache pure functions, so every process
may keep its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from glossary import restore
from glossary.candidate import (
    _candidate,
)
from glossary.cluster_base import (
    _ADMIN_WORDS,
    DocClusters,
    DocGroup,
    Member,
    _ev,
    _folded_words,
    _freeze,
    _Group,
    _is_acronym,
    _name_words,
    _split_name,
    _strip_admin,
    _thaw,
    _vietnamese_group,
    _word_keys,
    _words,
    acronym_of,
    name_key,
    norm_key,
    strip_vi_unit,
)
from glossary.extract import fold
from glossary.gc_pause import paused_gc
from glossary.model import (
    Candidate,
    Evidence,
    Flag,
    Kind,
    Mention,
    TermType,
)
from glossary.name_words import ORG_HEADS
from glossary.titles import canonical_title, is_honorific, is_plural_title
from glossary.vi_admin import document_province, has_place, with_province

__all__ = [
    "DocClusters",
    "DocGroup",
    "acronym_of",
    "cluster",
    "cluster_corpus",
    "cluster_document",
    "norm_key",
]


def _is_full_person(m: Mention) -> bool:
    return m.kind is Kind.PERSON and len(_name_words(m)) >= 2


def cluster(mentions: Sequence[Mention]) -> list[Candidate]:
    """Cluster mentions (all documents, both languages) into candidate concepts.

    Mentions of kind TERM are skipped (terms have their own candidates).
    `cluster_corpus` over `cluster_document` of each document, documents in
    order of first mention.
    """
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.document, []).append(m)
    return cluster_corpus(cluster_document(d, ms) for d, ms in by_doc.items())


def cluster_document(document: str, mentions: Sequence[Mention]) -> DocClusters:
    """The per-document stage of `cluster`: group one document's mentions.

    Pure, and picklable both ways, so it can run in the extraction workers
    (`glossary.build`); the corpus stage (`cluster_corpus`) then only merges.
    The memoised key helpers it uses are caches of pure functions, so every
    process (a forked worker too) may keep its own.

    Args:
        document: the document's path (`Mention.document` of its mentions).
        mentions: the document's mentions, in document order; TERM mentions
            are skipped.

    Returns:
        The document's groups of names and its title mentions.
    """
    groups, titles = _document_stage(document, mentions)
    return DocClusters(
        document,
        tuple(_freeze(g) for g in groups),
        tuple((k, tuple(v)) for k, v in titles.items()),
    )


def cluster_corpus(docs: Iterable[DocClusters]) -> list[Candidate]:
    """The corpus stage of `cluster`: merge documents' groups into candidates.

    ``cluster_corpus([cluster_document(d, ms) for d, ms in ...])`` equals
    ``cluster(mentions)`` when the documents come in order of first mention.

    Args:
        docs: `cluster_document` of each document, in the order the
            candidates should follow.

    Returns:
        Candidate concepts: names first, then titles.
    """
    groups: list[_Group] = []
    titles: list[dict[str, list[Member]]] = []
    with paused_gc():
        for d in docs:  # once: `docs` may be a generator
            groups.extend(_thaw(g) for g in d.groups)
            titles.append({k: list(v) for k, v in d.titles})
        return _corpus_stage(groups, titles)


def _document_stage(
    document: str, mentions: Sequence[Mention]
) -> tuple[list[_Group], dict[str, list[Member]]]:
    titles: dict[str, list[Member]] = {}
    names: list[Mention] = []
    for m in mentions:
        if m.kind is Kind.TERM:
            continue
        if m.kind is Kind.TITLE:
            key, member = _title_member(m)
            titles.setdefault(key, []).append(member)
            continue
        names.append(m)
    if not names:
        return [], titles
    return _cluster_doc(document, sorted(names, key=lambda x: x.start)), titles


def _title_member(m: Mention) -> tuple[str, Member]:
    """The key of the title concept of `m`, and `m` as its member."""
    full = canonical_title(m.text)
    if is_plural_title(m.text):
        ttype = TermType.VARIANT  # "Deputy Prime Ministers"
    elif full == m.text:
        ttype = TermType.FULL_FORM
    else:
        ttype = TermType.SHORT_FORM
    return f"title:{name_key(full)}", (m, ttype, _ev("title", m))


def _corpus_stage(
    groups: list[_Group], titles: Iterable[dict[str, list[Member]]]
) -> list[Candidate]:
    """Merge the documents' `groups` and their `titles` into candidates."""
    title_groups: dict[str, _Group] = {}
    for doc_titles in titles:
        for key, members in doc_titles.items():
            t = title_groups.get(key)
            if t is None:
                t = title_groups[key] = _Group(Kind.TITLE, "", key)
            for m, ttype, ev in members:
                t.add(m, ttype, ev)
    merged = _merge_corpus(groups)
    out = [_candidate(g) for g in merged]
    out.extend(_candidate(g) for g in title_groups.values())
    return out


def _cluster_doc(doc: str, ms: list[Mention]) -> list[_Group]:
    full: dict[tuple[Kind, str], _Group] = {}
    order: list[_Group] = []

    def group_for(kind: Kind, key: str) -> _Group:
        g = full.get((kind, key))
        if g is None:
            g = full[(kind, key)] = _Group(kind, doc, key)
            order.append(g)
        return g

    shorts: list[Mention] = []
    acronyms: list[Mention] = []
    for m in ms:
        if m.kind in (Kind.PLACE, Kind.ORG) and not (
            _is_acronym(m.text)
            and (m.kind is Kind.ORG or restore.country_names(m.text))
        ):
            g = group_for(m.kind, norm_key(m.text, m.kind))
            g.add(m, TermType.FULL_FORM, _ev("same-name", m))
            bare = _strip_admin(m.text) if m.kind is Kind.PLACE else m.text
            if bare != m.text and not _looks_like_person(bare):
                g.extra.append(
                    (
                        bare,
                        m.lang,
                        TermType.SHORT_FORM,
                        _ev("administrative-word", m, m.text),
                        m,
                    )
                )
        elif _is_acronym(m.text) and m.kind is not Kind.PERSON:
            acronyms.append(m)
        elif (
            m.kind is Kind.PERSON
            and len(words := _name_words(m)) >= 2
            and not _two_syllable_short(words)
        ):
            g = group_for(Kind.PERSON, name_key(m.text))
            g.add(m, TermType.FULL_FORM, _ev("same-name", m))
        else:
            shorts.append(m)
    persons = [g for g in order if g.kind is Kind.PERSON]
    # parenthetical aliases: "Rafaelson (Nguyen Xuan Son)"
    by_start = {m.start: m for m in ms}
    by_end: dict[int, list[Mention]] = {}
    for m in ms:
        by_end.setdefault(m.end, []).append(m)
    for m in list(shorts):
        nxt = by_start.get(m.end + 2)
        if (
            nxt is not None
            and _is_full_person(nxt)
            and f"{m.text} ({nxt.text})" in nxt.context
        ):
            alias = full.get((Kind.PERSON, name_key(nxt.text)))
            if alias is not None:
                alias.add(m, TermType.VARIANT, _ev("parenthesis", m, nxt.text))
                shorts.remove(m)
    titled = _titled_short_names(shorts, ms)
    # persons by the short names that can refer to them (see `_person_index`)
    tails = _person_index(persons)
    indexed = {id(g) for g in persons}
    for m in shorts:
        words = _name_words(m)
        if words:
            fits = list(tails.get(_word_keys(words), ()))
        else:
            fits = [g for g in persons if _refers_to(words, g)]
        if not fits and m.kind is None and _join_typed(m, full):
            continue
        if not fits and m.kind not in (None, Kind.PERSON):
            g = group_for(m.kind, norm_key(m.text, m.kind))
            g.add(m, TermType.FULL_FORM, _ev("same-name", m))
            continue
        if len(fits) == 1:
            g = fits[0]
            rule = "given-name" if _vietnamese_group(g) else "surname"
            g.add(m, TermType.SHORT_FORM, _ev(rule, m, g.members[0][0].text))
            if (
                m.title
                and not is_honorific(m.title)
                and len(m.title) <= 9
                and _title_adjacent(m)
            ):
                a = _with_title(m)
                g.extra.append(
                    (
                        a.text,
                        m.lang,
                        TermType.SHORT_FORM,
                        _ev(rule + "+title", a, g.members[0][0].text),
                        a,
                    )
                )
            continue
        if len(fits) > 1:
            key = f"{name_key(m.text)}@{doc}"
            g = group_for(Kind.PERSON, key)
            g.local = True
            g.add(m, TermType.SHORT_FORM, _ev("ambiguous", m))
            g.flags.add(Flag.AMBIGUOUS)
            names = sorted({f.members[0][0].text for f in fits})
            note = "ambiguous: " + " | ".join(names)
            if note not in g.notes:
                g.notes.append(note)
            continue
        kind = m.kind or (Kind.PERSON if m.title else Kind.OTHER)
        if kind is Kind.OTHER and name_key(m.text) in titled:
            # "Chinh said" after "PM Chinh": the document already names this
            # short name as a person
            kind = Kind.PERSON
        g = group_for(kind, name_key(m.text))
        g.local = kind is Kind.PERSON
        g.add(m, TermType.FULL_FORM, _ev("same-name", m))
        if id(g) in indexed:  # a new full form of a known person
            _index_person(tails, g, m)
        if (
            kind is Kind.PERSON
            and m.title
            and len(m.title) <= 9
            and not is_honorific(m.title)
            and _title_adjacent(m)
        ):
            a = _with_title(m)
            g.extra.append((a.text, m.lang, TermType.SHORT_FORM, _ev("title", a), a))
    # acronyms: parenthesis right after the expansion, then initials in the doc
    orgs = [g for g in order if g.kind in (Kind.ORG, Kind.PLACE)]
    # the initials of every form of those groups, kept up to date below
    initials_of: dict[str, dict[int, _Group]] = {}
    if acronyms:
        for g in orgs:
            for x in g.members:
                initials_of.setdefault(acronym_of(x[0].text), {})[id(g)] = g
    org_ids = {id(g) for g in orgs}
    for a in acronyms:
        target: _Group | None = None
        prev = [
            m
            for m in by_end.get(a.start - 2, ())
            if m.kind in (Kind.ORG, Kind.PLACE, Kind.OTHER, None)
        ]
        for p in prev:
            if f"{p.text} ({a.text})" not in a.context:
                continue
            initials = acronym_of(p.text)
            if (
                initials == a.text
                or initials.startswith(a.text)
                or (initials.endswith(a.text) and len(a.text) >= 3)
            ):
                target = full.get((p.kind or Kind.ORG, norm_key(p.text, p.kind)))
                if target is not None:
                    target.add(
                        a, TermType.ACRONYM, _ev("acronym-parenthesis", a, p.text)
                    )
                    break
        if target is not None:
            if id(target) in org_ids:
                initials_of.setdefault(acronym_of(a.text), {})[id(target)] = target
            continue
        fits = list(initials_of.get(a.text, {}).values())
        if len(fits) == 1:
            fits[0].add(
                a,
                TermType.ACRONYM,
                _ev("acronym-initials", a, fits[0].members[0][0].text),
            )
            initials_of.setdefault(acronym_of(a.text), {})[id(fits[0])] = fits[0]
            continue
        kind = a.kind or Kind.ORG
        akey = norm_key(a.text, kind)
        if kind is Kind.PLACE:
            keys = [norm_key(n, kind) for n in restore.country_names(a.text)]
            local = [k for k in keys if (kind, k) in full]
            if local or keys:
                akey = (local or keys)[0]
        g = group_for(kind, akey)
        g.add(
            a,
            TermType.ACRONYM if kind is Kind.ORG else TermType.FULL_FORM,
            _ev("same-name", a),
        )
        if id(g) in org_ids:
            initials_of.setdefault(acronym_of(a.text), {})[id(g)] = g
    _link_org_short_forms(order)
    _link_two_word_persons(order)
    _link_club_places(ms, order)
    _link_club_names(order)
    _attach_provinces(ms, order)
    return [g for g in order if g.merged_into is None and g.members]


def _join_typed(m: Mention, full: dict[tuple[Kind, str], _Group]) -> bool:
    """An untyped name joins the one organisation or place of its document
    written the same way ("Thép Xanh Nam Định" after "(Thép Xanh Nam Định)")."""
    same = [
        g
        for k in (Kind.ORG, Kind.PLACE)
        if (g := full.get((k, norm_key(m.text, k)))) is not None
    ]
    if len(same) != 1:
        return False
    same[0].add(m, TermType.FULL_FORM, _ev("same-name", m))
    return True


# Heads that make an organisation a sports club: "Hà Nội FC", "CLB Hà Nội".
_CLUB_HEADS = frozenset({"fc", "clb", "club", "sc"})


def _link_club_places(ms: list[Mention], order: list[_Group]) -> None:
    """A player "of Hà Nội" in a document naming "Hà Nội FC" plays for the club.

    An organisation whose name is a place plus a club head is not that place,
    and "PERSON of PLACE" then refers to the club, not the city.
    """
    clubs: dict[str, _Group] = {}
    for g in order:
        if g.kind is Kind.ORG and g.merged_into is None:
            w = _words(g.members[0][0].text)
            if len(w) >= 2 and fold(w[-1]) in _CLUB_HEADS:
                clubs.setdefault(name_key(" ".join(w[:-1])), g)
            elif len(w) >= 2 and fold(w[0]) in _CLUB_HEADS:
                clubs.setdefault(name_key(" ".join(w[1:])), g)
    if not clubs:
        return
    persons = {m.end: m for m in ms if m.kind is Kind.PERSON}
    for g in order:
        if g.kind is not Kind.PLACE or g.merged_into is not None:
            continue
        for item in list(g.members):
            m = item[0]
            club = clubs.get(name_key(m.text))
            player = persons.get(m.start - len(" of "))
            if (
                club is None
                or player is None
                or f"{player.text} of {m.text}" not in m.context
            ):
                continue
            g.members.remove(item)
            club.add(
                m,
                TermType.SHORT_FORM,
                _ev("club-of-player", m, club.members[0][0].text),
            )


def _unit_short(g: _Group, h: _Group) -> bool:
    """True if organisation `g` is `h` without the place after its unit word.

    "UBND tỉnh" is "UBND tỉnh Thanh Hóa"; "Sở Kế hoạch và Đầu tư" is "Sở Kế
    hoạch và Đầu tư tỉnh Hà Tĩnh" (the caller wants one such `h`).
    """
    if g.kind is not Kind.ORG or h.kind is not Kind.ORG:
        return False
    w = _words(g.members[0][0].text)
    hw = _words(h.members[0][0].text)
    rest = hw[len(w) :]
    if w[-1].lower() in _VI_UNITS:
        return len(rest) >= 1 and all(x[:1].isupper() for x in rest)
    n = 2 if [x.lower() for x in rest[:2]] == ["thành", "phố"] else 1
    return (
        len(rest) > n
        and (n == 2 or rest[0].lower() in _VI_UNITS)
        and all(x[:1].isupper() for x in rest[n:])
    )


def _attach_provinces(ms: list[Mention], order: list[_Group]) -> None:
    """Provincial bodies written without their province get it in full.

    "Sở Xây dựng" in a document about one province, or the body of "... của
    tỉnh Thanh Hóa", gets the Vietnamese name "Sở Xây dựng tỉnh Thanh Hóa"
    and that name's key, so it meets the same body named in full elsewhere.
    """
    memo: list[str | None] = []

    def document() -> str | None:  # once per document, when first needed
        if not memo:
            sentences = dict.fromkeys(m.context for m in ms)
            places = {strip_vi_unit(m.text) for m in ms if m.kind is Kind.PLACE}
            memo.append(document_province(sentences, places))
        return memo[0]

    for g in order:
        if g.kind is not Kind.ORG or g.merged_into is not None or g.vi_name:
            continue
        m0 = g.members[0][0]
        if m0.lang != "vi" or not restore.has_diacritics(m0.text):
            continue
        if any(has_place(t) for t in {m.text: None for m, _, _ in g.members}):
            continue  # named in full somewhere: nothing to add
        units = {
            unit
            for m, _, _ in g.members
            if (unit := with_province(m.text, m.context, document))
        }
        if len(units) == 1:
            g.vi_name = m0.text + units.pop()
            g.key = norm_key(g.vi_name, Kind.ORG)


def _link_club_names(order: list[_Group]) -> None:
    """A club named by its place alone joins the one club of the document
    named after that place.

    "Hà Nội" (typed a club by "Quan Văn Chuẩn (Hà Nội)") is "CLB Hà Nội";
    "Nam Định" is "Thép Xanh Nam Định", a sponsor's name before the place.
    A body whose place follows an administrative word ("UBND tỉnh Nam Định")
    is not a club.
    """
    named = [
        g
        for g in order
        if g.kind is Kind.ORG
        and g.merged_into is None
        and restore.is_province(g.members[0][0].text)
    ]
    if not named:
        return
    live = [g for g in order if g.kind is Kind.ORG and g.merged_into is None]
    for g in named:
        text = g.members[0][0].text
        if g.merged_into is not None:
            continue
        if any(m.text != text for m, _, _ in g.members):
            continue
        fits = []
        for h in live:
            if h is g or h.merged_into is not None:
                continue
            w = _words(h.members[0][0].text)
            n = len(_words(text))
            if len(w) <= n or fold(" ".join(w)) == fold(text):
                continue
            if name_key(" ".join(w[-n:])) == name_key(text):
                before = w[:-n]
            elif name_key(" ".join(w[1:])) == name_key(text):
                before = w[:1]
            else:
                continue
            if fold(before[0]) in _CLUB_HEADS or (
                not any(
                    fold(x) in _ADMIN_WORDS or x.lower() in _VI_UNITS for x in before
                )
                and all(x[:1].isupper() for x in before)
            ):
                fits.append(h)
        if len(fits) == 1:
            _absorb_short_form(fits[0], g, "club-place-name")


# Vietnamese administrative words before a place's name in a body's name
_VI_UNITS = frozenset({"tỉnh", "phố", "huyện", "quận", "xã", "phường", "tp", "tp."})


def _with_title(m: Mention) -> Mention:
    """The alias "PM Chính" as a mention spanning title and name.

    The extractor splits the title off the same run of words, so it ends one
    space before the name.
    """
    return m._replace(
        text=f"{m.title} {m.text}",
        start=max(0, m.start - len(m.title) - 1),
        title="",
    )


def _title_adjacent(m: Mention) -> bool:
    """True if the title is written right before the name ("PM Chính"), not
    carried over from "Chairman of the Presidential Office Le Khanh Hai"."""
    return f"{m.title} {m.text}" in m.context


def _titled_short_names(shorts: list[Mention], ms: list[Mention]) -> set[str]:
    """Keys of short names the document gives a title ("PM Chinh", "Ambassador
    Ngu"), so their bare uses ("Chinh said") are the same person.

    A key that the document also uses for a place, an organisation or another
    typed non-person is ambiguous and left out.
    """
    keys = {name_key(m.text) for m in shorts if m.kind is Kind.PERSON and m.title}
    if not keys:
        return keys
    typed = {
        norm_key(m.text, m.kind)
        for m in {(m.text, m.kind): m for m in ms if m.kind not in _UNTYPED}.values()
    }
    return keys - typed


_UNTYPED = frozenset({None, Kind.PERSON, Kind.OTHER, Kind.TITLE})


def _looks_like_person(text: str) -> bool:
    """True if `text` has the shape of a Vietnamese personal name ("Ho Chi Minh")."""
    words = _words(text)
    return (
        len(words) >= 2
        and fold(words[0]) in restore.VIETNAMESE_SURNAMES
        and all(restore.is_syllable(w) for w in words)
    )


def _two_syllable_short(words: tuple[str, ...]) -> bool:
    """Footballer-style two-syllable names without a surname ("Tien Linh")."""
    return (
        len(words) == 2
        and fold(words[0]) not in restore.VIETNAMESE_SURNAMES
        and all(restore.is_syllable(w) for w in words)
    )


def _refers_to(short: tuple[str, ...], g: _Group) -> bool:
    """True if the short name `short` can refer to person group `g`."""
    n = len(short)
    sk = _word_keys(short)
    for m, t, _ in g.members:
        if t is not TermType.FULL_FORM:
            continue
        words = _word_keys(_name_words(m))
        if len(words) <= n:
            continue
        if words[-n:] == sk:
            return True
        if not _vietnamese_group(g) and words[:n] == sk:
            return True  # surname-first: "Kubrakov Ivan Vladimirovich", "Kim"
    return False


def _link_two_word_persons(order: list[_Group]) -> None:
    """Two-word and initialled names to the one full name of the document.

    "Hoàng Đức" → "Nguyễn Hoàng Đức"; "Michael R.Pompeo" → "Michael Richard
    Pompeo".
    """
    persons = [g for g in order if g.kind is Kind.PERSON and g.merged_into is None]
    # full forms do not change here (only short forms are added)
    tails = _person_index(persons)
    for g in persons:
        forms = {m.text for m, t, _ in g.members if t is TermType.FULL_FORM}
        if g.merged_into is not None or len(forms) != 1:
            continue
        words = _name_words(g.members[0][0])
        fits: list[_Group] = []
        if len(words) == 2:
            fits = [
                h
                for h in tails.get(_word_keys(words), ())
                if h is not g and h.merged_into is None
            ]
        if not fits and "." in g.members[0][0].text:  # see `_initials_match`
            fits = [
                h
                for h in persons
                if h is not g
                and h.merged_into is None
                and _initials_match(g.members[0][0].text, h.members[0][0].text)
            ]
        if len(fits) != 1:
            continue
        _absorb_short_form(fits[0], g, "given-name")


def _initials_match(short: str, long: str) -> bool:
    """True if `short` abbreviates `long` ("Michael R.Pompeo")."""
    a = [w for w in re.split(r"[\s.]+", short) if w]
    b = [w for w in re.split(r"[\s.]+", long) if w]
    if len(a) != len(b) or len(a) < 3 or a == b or "." not in short:
        return False
    return all(
        x == y or (len(x) == 1 and y.startswith(x)) for x, y in zip(a, b, strict=True)
    )


def _link_org_short_forms(order: list[_Group]) -> None:
    longs = [g for g in order if g.kind in (Kind.ORG, Kind.PLACE)]
    # longs by their first and by their last folded word, in order: a short
    # form begins a long one, or ends one after category words
    by_first: dict[str, list[_Group]] = {}
    by_last: dict[str, list[_Group]] = {}
    for h in longs:
        hw = _folded_words(h.members[0][0].text)
        if hw:
            by_first.setdefault(hw[0], []).append(h)
            by_last.setdefault(hw[-1], []).append(h)
    for g in order:
        if g.merged_into is not None or g.kind is Kind.TITLE:
            continue
        m0 = g.members[0][0]
        w = _folded_words(m0.text)
        if len(w) < 1 or _is_acronym(m0.text):
            continue
        fits = []
        for h in by_first.get(w[0], ()):
            if h is g or h.merged_into is not None:
                continue
            hw = _folded_words(h.members[0][0].text)
            if len(hw) <= len(w) or hw[: len(w)] != w:
                continue
            if g.kind is Kind.PLACE and h.kind is not Kind.PLACE:
                continue  # "Hà Nội" the city is not "Hà Nội FC"
            if g.roles and h.kind is not Kind.PERSON:
                continue  # "Ambassador Hoa" is not "Hoa province"
            rest = hw[len(w) :]
            org_short = g.kind is Kind.ORG and w[-1] in ORG_HEADS and len(w) >= 2
            # "Van Thinh Phat" for "... Holdings Group"; but "Government" is
            # not "Government Office": a name ending in a head is a body
            head_only = w[-1] not in ORG_HEADS and all(
                x in ORG_HEADS or x in _ADMIN_WORDS for x in rest
            )
            if org_short or head_only or _unit_short(g, h):
                fits.append(h)
        if not fits and g.kind in (Kind.ORG, Kind.OTHER):
            # "Hòa Phát" for "Tập đoàn Hòa Phát": a company's name after its
            # Vietnamese category words
            fits = [
                h
                for h in by_last.get(w[-1], ())
                if h is not g
                and h.merged_into is None
                and h.kind is Kind.ORG
                and _category_prefixed(w, h.members[0][0].text)
            ]
        if len(fits) == 1:
            _absorb_short_form(fits[0], g, "org-short-form")
        elif g.kind is Kind.ORG and _words(m0.text)[-1].lower() in _VI_UNITS:
            g.local = True  # "UBND tỉnh" of another document is another body


# Vietnamese category words before a company's own name ("Tập đoàn",
# "Công ty cổ phần", "Ngân hàng", "Công ty TNHH"), folded.
_VI_CATEGORY = frozenset(
    {
        "tap",
        "doan",
        "cong",
        "ty",
        "co",
        "phan",
        "tong",
        "ngan",
        "hang",
        "tnhh",
        "trach",
        "nhiem",
        "huu",
        "han",
    }
)


def _category_prefixed(short: tuple[str, ...], long_text: str) -> bool:
    """True if `long_text` is category words followed by the words `short`."""
    hw = _folded_words(long_text)
    n = len(short)
    return (
        len(hw) > n
        and hw[-n:] == short
        and all(x in _VI_CATEGORY for x in hw[:-n])
        and any(restore.has_diacritics(x) for x in _words(long_text))
    )


def _absorb_short_form(h: _Group, g: _Group, rule: str) -> None:
    """Move `g` into `h` as short forms of `h`'s name, by `rule`."""
    full = h.members[0][0].text
    for m, _t, _e in g.members:
        h.add(m, TermType.SHORT_FORM, _ev(rule, m, full))
    h.extra.extend(g.extra)
    g.merged_into = h


def _absorb(h: _Group, g: _Group, rule: str) -> None:
    """Move every member of `g` into `h`, recording `rule` as the evidence."""
    h.members.extend(
        (m, t, Evidence(rule, ev.document, ev.start, ev.end, ev.detail))
        for m, t, ev in g.members
    )
    if g.roles:  # what `_Group.add` would count for them: `g` counted them so
        h.roles.update(g.roles)
    h.extra.extend(
        (text, lang, t, Evidence(rule, ev.document, ev.start, ev.end, ev.detail), m)
        for text, lang, t, ev, m in g.extra
    )
    h.flags |= g.flags
    h.notes.extend(n for n in g.notes if n not in h.notes)
    h.doc = ""
    g.merged_into = h


_PersonIndex = dict[tuple[str, ...], list[_Group]]


def _person_index(persons: list[_Group]) -> _PersonIndex:
    """Person groups by every tail of their full names (and head, if foreign).

    Exactly the non-empty short names `_refers_to` accepts for each group
    (given its full forms now), in the order of `persons`, so the passes look
    at a few candidates instead of every person (they were quadratic).
    """
    index: _PersonIndex = {}
    for h in persons:
        vietnamese = _vietnamese_group(h)
        keys: set[tuple[str, ...]] = set()
        for text in {m.text: None for m, t, _ in h.members if t is TermType.FULL_FORM}:
            keys.update(_name_tails(text, vietnamese))
        for key in keys:
            index.setdefault(key, []).append(h)
    return index


def _index_person(index: _PersonIndex, h: _Group, m: Mention) -> None:
    """Add the short names of a new full form `m` of `h` to `index`."""
    for key in _name_tails(m.text, _vietnamese_group(h)):
        hs = index.setdefault(key, [])
        if not any(x is h for x in hs):
            hs.append(h)


@lru_cache(maxsize=1 << 16)
def _name_tails(text: str, vietnamese: bool) -> frozenset[tuple[str, ...]]:
    """Word keys of the short names that can refer to the full name `text`."""
    words = _word_keys(_split_name(text))
    keys = {words[-n:] for n in range(1, len(words))}
    if not vietnamese:
        keys.update(words[:n] for n in range(1, len(words)))
    return frozenset(keys)


def _merge_corpus(groups: list[_Group]) -> list[_Group]:
    """Merge across documents: full names by key, then unique short links."""
    by_key: dict[tuple[Kind, str], _Group] = {}
    out: list[_Group] = []
    for g in groups:
        if g.local or (g.kind is Kind.PERSON and _short_person(g)):
            g.local = True
            out.append(g)
            continue
        k = (g.kind, g.key if not _all_acronyms(g) else _acr_key(g))
        h = by_key.get(k)
        if h is None:
            by_key[k] = g
            out.append(g)
            continue
        _absorb(h, g, "same-name-corpus")
    # a form with no kind of its own joins the one typed concept with its key
    typed: dict[str, list[_Group]] = {}
    for g in out:
        if g.merged_into is None and not g.local and g.kind is not Kind.OTHER:
            typed.setdefault(g.key, []).append(g)
    for g in out:
        if g.kind is Kind.OTHER and g.merged_into is None:
            same = typed.get(g.key, [])
            if len(same) == 1:
                _absorb(same[0], g, "same-name-typed")
    fulls = [g for g in out if g.merged_into is None and not g.local]
    persons = [g for g in fulls if g.kind is Kind.PERSON]
    # short references with no full name in their document: link to the one
    # corpus person whose name ends (or starts) with them AND who holds the
    # same title ("PM Chinh" → Phạm Minh Chính, Prime Minister)
    tails = _person_index(persons)
    role_heads: dict[int, set[str]] = {}
    refers_to: dict[tuple[tuple[str, ...], int], bool] = {}
    for g in out:
        if not g.local or g.merged_into is not None or g.kind is not Kind.PERSON:
            continue
        if Flag.AMBIGUOUS in g.flags or any(
            len(_name_words(m)) > 1 and t is TermType.FULL_FORM for m, t, _ in g.members
        ):
            continue
        if not g.roles:
            continue
        words = _name_words(g.members[0][0])
        heads = _role_heads(g.roles)
        fits = []
        for h in tails.get(tuple(name_key(w) for w in words), ()):
            hh = role_heads.get(id(h))
            if hh is None:
                hh = role_heads[id(h)] = _role_heads(h.roles)
            if not hh & heads:
                continue
            # full names do not change in this pass (it adds one-word ones)
            refers = refers_to.get((words, id(h)))
            if refers is None:
                refers = refers_to[words, id(h)] = _refers_to(words, h)
            if refers:
                fits.append(h)
        if len(fits) == 1:
            _absorb(fits[0], g, "short-name+title-corpus")
            del role_heads[id(fits[0])]  # it has the titles of `g` now
        elif len(fits) > 1:
            g.flags.add(Flag.AMBIGUOUS)
            names = sorted({f.members[0][0].text for f in fits})
            g.notes.append("ambiguous: " + " | ".join(names))
    _link_two_syllable_corpus(out, tails)
    # acronyms with no expansion in their document: one corpus expansion
    # (places and organisations by the initials of their full forms, which
    # this pass does not change: it only adds acronyms)
    by_initials: dict[str, list[_Group]] = {}
    for h in fulls:
        if h.merged_into is None and h.kind in (Kind.ORG, Kind.PLACE):
            texts = {m.text: None for m, t, _ in h.members if t is TermType.FULL_FORM}
            initials = {acronym_of(text): None for text in texts}
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
            g.flags.add(Flag.AMBIGUOUS)
            names = sorted({f.members[0][0].text for f in fits})
            g.notes.append("ambiguous: " + " | ".join(names))
    # short organisation names ("Intergovernmental Committee") with no long
    # form in their document: the one corpus organisation they begin
    orgs = [h for h in fulls if h.kind is Kind.ORG]
    place = {id(h): n for n, h in enumerate(orgs)}
    by_word: dict[str, dict[int, _Group]] = {}  # see `_org_prefix`
    for h in orgs:
        for m, _, _ in h.members:
            _index_org_form(by_word, h, m.text)
    for g in fulls:
        if g.merged_into is not None or g.kind is not Kind.ORG or _all_acronyms(g):
            continue
        w = _folded_words(g.members[0][0].text)
        if len(w) < 2 or w[-1] not in ORG_HEADS:
            continue
        fits = []
        for h in sorted(by_word.get(w[0], {}).values(), key=lambda h: place[id(h)]):
            if h is g or h.merged_into is not None:
                continue
            if any(_org_prefix(w, m.text) for m, _, _ in h.members):
                fits.append(h)
        roots = {f.root().key for f in fits}
        if len(fits) >= 1 and len(roots) == 1:
            root = fits[0].root()
            _absorb(root, g, "org-short-form-corpus")
            for m, _, _ in g.members:
                _index_org_form(by_word, root, m.text)
    return [g for g in out if g.merged_into is None]


def _index_org_form(
    by_word: dict[str, dict[int, _Group]], h: _Group, text: str
) -> None:
    """Index organisation `h` under the word a short form of `text` begins with:
    its first folded word, or its second after an "X-Y" first word."""
    hw = _folded_words(text)
    if hw:
        by_word.setdefault(hw[0], {})[id(h)] = h
    if len(hw) > 1 and "-" in hw[0]:
        by_word.setdefault(hw[1], {})[id(h)] = h


def _link_two_syllable_corpus(
    out: list[_Group], tails: dict[tuple[str, ...], list[_Group]]
) -> None:
    """Two-syllable names with no full name in their document ("Tien Linh",
    "Quang Hải") to the one Vietnamese person of the corpus whose full name
    of three or more syllables ends with both.

    Middle and given name together are far rarer than a given name alone, and
    a second full name ending the same way leaves the short name unlinked.
    The two documents must also share another person named in full, so a
    footballer "Van Quyet" is not the businessman "Trịnh Văn Quyết" of a
    business page.
    """
    shorts = []
    for g in out:
        if g.merged_into is not None or Flag.AMBIGUOUS in g.flags:
            continue
        if not (g.kind is Kind.OTHER or (g.kind is Kind.PERSON and g.local)):
            continue
        words = _name_words(g.members[0][0])
        if len(words) != 2 or any(
            m.text != g.members[0][0].text for m, _, _ in g.members
        ):
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
            for m, _, _ in h.members:
                people.setdefault(m.document, set()).add(id(h))
    for g, words in shorts:
        key = tuple(name_key(w) for w in words)
        fits = [
            h
            for h in tails.get(key, ())
            if h.merged_into is None
            and _vietnamese_group(h)
            and _refers_to(words, h)
            and len(_name_words(h.members[0][0])) >= 3
            and _share_person(g, h, people)
        ]
        if len(fits) == 1:
            _absorb_short_form(fits[0], g, "given-name-corpus")
            fits[0].doc = ""


def _share_person(g: _Group, h: _Group, people: dict[str, set[int]]) -> bool:
    """True if a document of `g` and one of `h` name a third person in full."""
    here = set().union(*(people.get(m.document, set()) for m, _, _ in g.members))
    there = {m.document for m, _, _ in h.members} - {
        m.document for m, _, _ in g.members
    }
    return any((here & people.get(d, set())) - {id(h)} for d in there)


def _role_heads(roles: Counter[str]) -> set[str]:
    """Titles and their heads: "Minister of Home Affairs" also counts as
    "Minister"."""
    out = set(roles)
    out.update(r.split(" of ")[0] for r in roles)
    return out


def _org_prefix(short: tuple[str, ...], long_text: str) -> bool:
    """True if `short` words begin `long_text` (after a leading "X-Y" prefix)."""
    hw = _folded_words(long_text)
    if len(hw) > len(short) and hw[: len(short)] == short:
        return True
    return (
        len(hw) > len(short) + 1 and hw[1 : len(short) + 1] == short and ("-" in hw[0])
    )


def _all_acronyms(g: _Group) -> bool:
    return all(t is TermType.ACRONYM for _, t, _ in g.members)


def _acr_key(g: _Group) -> str:
    return "acr:" + g.members[0][0].text


def _short_person(g: _Group) -> bool:
    """Names too short to link across documents: one word, or a Vietnamese
    name of two syllables ("Nguyen Dung" may be Nguyễn Dung or Nguyễn Dũng)."""
    full = [m for m, t, _ in g.members if t is TermType.FULL_FORM]
    if not full:
        return True
    longest = max(len(_name_words(m)) for m in full)
    return longest < 2 or (longest < 3 and _vietnamese_group(g))
