"""The per-document stage of clustering: one document's mentions into groups.

`document_stage` sorts a document's mentions into title mentions and names,
then runs `DOCUMENT_PASSES` over the names: each name into a group (full
names by key, short references to the one full name they fit, acronyms to
their expansion), then the passes of `glossary.cluster.document_links`,
which link whole groups to each other.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from glossary.cluster.base import (
    GIVEN_NAME,
    DocumentState,
    Group,
    Member,
    PersonIndex,
    acronym_of,
    evidence_at,
    is_acronym,
    is_vietnamese_group,
    looks_like_person,
    name_key,
    name_tails,
    name_words,
    norm_key,
    person_index,
    provincial_capital,
    refers_to,
    spells_acronym,
    split_name,
    strip_admin,
    two_syllable_short,
    word_keys,
)
from glossary.cluster.document_bodies import (
    link_acronym_definitions,
    link_generic_bodies,
    link_parenthesis_names,
)
from glossary.cluster.document_links import (
    attach_provinces,
    link_club_names,
    link_club_places,
    link_org_short_forms,
    link_two_word_persons,
)
from glossary.cluster.document_places import (
    link_capital_mentions,
    link_country_short_names,
)
from glossary.cluster.real_names import link_real_names
from glossary.model import (
    ACRONYM_FORM,
    FULL_FORM,
    ORG,
    OTHER,
    PERSON,
    PLACE,
    SHORT_FORM,
    TERM_KIND,
    TITLE_KIND,
    VARIANT_FORM,
    Flag,
    Kind,
    Mention,
    TermType,
)
from glossary.names import places as restore
from glossary.names.titles import canonical_title, is_honorific, is_plural_title
from glossary.names.vi_admin import own_company_name

# bound once, as `glossary.model`'s member constants are
_AMBIGUOUS = Flag.AMBIGUOUS
_PLACE_OR_ORG = frozenset({Kind.PLACE, Kind.ORG})


def document_stage(
    document: str, mentions: Sequence[Mention], disable: Collection[str] = ()
) -> tuple[list[Group], dict[str, list[Member]]]:
    """One document's names grouped (`_cluster_doc`), and its title mentions
    by title key (TERM mentions are skipped).

    Args:
        document: the document's path.
        mentions: its mentions.
        disable: names of passes of `DOCUMENT_PASSES` not to run.
    """
    titles: dict[str, list[Member]] = {}
    names: list[Mention] = []
    for m in mentions:
        kind = m.kind
        if kind is TERM_KIND:
            continue
        if kind is TITLE_KIND:
            key, member = _title_member(m)
            titles.setdefault(key, []).append(member)
            continue
        names.append(m)
    if not names:
        return [], titles
    ordered = sorted(names, key=lambda x: x.start)
    return _cluster_doc(document, ordered, disable), titles


def _title_member(m: Mention) -> tuple[str, Member]:
    """The key of the title concept of `m`, and `m` as its member."""
    key, ttype = _title_key(m.text)
    return key, (m, ttype, evidence_at("title", m))


@lru_cache(maxsize=1 << 12)
def _title_key(text: str) -> tuple[str, TermType]:
    """The key of the title concept of a title written `text`, and the term
    type it is of it (a few titles recur across every document)."""
    full = canonical_title(text)
    if is_plural_title(text):
        ttype = VARIANT_FORM  # "Deputy Prime Ministers"
    elif full == text:
        ttype = FULL_FORM
    else:
        ttype = SHORT_FORM
    return f"title:{name_key(full)}", ttype


def _cluster_doc(doc: str, ms: list[Mention], disable: Collection[str]) -> list[Group]:
    """Group one document's names (`ms`, in document order) into concepts.

    Runs the passes of `DOCUMENT_PASSES` in order, but those in `disable`.
    Returns the groups left standing, in order of first mention.
    """
    state = DocumentState(doc, ms)
    for run in DOCUMENT_PASSES:
        if run.__name__ not in disable:
            run(state)
    return [g for g in state.order if g.merged_into is None and g.members]


def group_full_names(state: DocumentState) -> None:
    """Group the places, organisations and persons named in full by key.

    Put each place, organisation and person named in full in the group of
    its key (evidence "same-name"); a place's name without its administrative
    word is a short form ("administrative-word": "Tam Kỳ" of "Tam Kỳ city").

    Persons need two words or more, and not the two syllables of a name
    without surname ("Tien Linh"). Leaves what the later passes link: the
    short names (any other name, typed or not) and the acronyms, in order.
    """
    group_for = state.group_for
    shorts = state.shorts
    acronyms = state.acronyms
    for m in state.mentions:
        route, key, bare, rule = _route(m.text, m.kind)
        if route is _FULL_PLACE_OR_ORG:
            g = group_for(m.kind, key)  # type: ignore[arg-type]  # a place or org
            g.add(m, FULL_FORM, evidence_at("same-name", m))
            if bare:
                g.extra.append(
                    (bare, m.lang, SHORT_FORM, evidence_at(rule, m, m.text), m)
                )
        elif route is _ACRONYM:
            acronyms.append(m)
        elif route is _FULL_PERSON:
            g = group_for(PERSON, key)
            g.add(m, FULL_FORM, evidence_at("same-name", m))
        else:
            shorts.append(m)


# How `group_full_names` takes a name: the same for every mention of one
# text and kind, so worked out once per text (a name recurs across the
# documents of a corpus).
_FULL_PLACE_OR_ORG, _ACRONYM, _FULL_PERSON, _SHORT = "place/org", "acr", "pers", ""


@lru_cache(maxsize=1 << 16)
def _route(text: str, kind: Kind | None) -> tuple[str, str, str, str]:
    """(route, group key, short form, its rule) of a name of `text` and `kind`.

    A place or organisation named in full goes to the group of its key, with
    its name without its administrative word ("Tam Kỳ" of "Tam Kỳ city") or,
    a company's, without its category words ("Huyndai Motor" of "Tập đoàn
    Huyndai Motor") as a short form (rule "administrative-word" or
    "category-word"; "" when there is none); a person's full name to the
    group of its key; an acronym to `link_acronyms`; the rest are short names.
    """
    if kind in _PLACE_OR_ORG and not (
        is_acronym(text)
        and (
            kind is ORG
            or restore.country_names(text)
            or restore.is_place_acronym(text)  # "HCMC" of "Ho Chi Minh City"
        )
    ):
        bare = strip_admin(text) if kind is PLACE else text
        if provincial_capital(text):
            bare = text  # "Lao Cai" is the province, not "Lao Cai City"
        rule = "administrative-word"
        if kind is ORG and (own := own_company_name(text)):
            bare, rule = own, "category-word"
        if bare == text or looks_like_person(bare):
            bare = rule = ""
        return _FULL_PLACE_OR_ORG, norm_key(text, kind), bare, rule
    if is_acronym(text) and kind is not PERSON:
        return _ACRONYM, "", "", ""
    words = split_name(text)
    if kind is PERSON and len(words) >= 2 and not two_syllable_short(words):
        return _FULL_PERSON, name_key(text), "", ""
    return _SHORT, "", "", ""


def link_parenthesis_aliases(state: DocumentState) -> None:
    """Link a short name to the person's full name in parentheses after it.

    A short name followed by a full person's name in parentheses is that
    person's variant: "Rafaelson (Nguyen Xuan Son)" (evidence "parenthesis").

    The linked names leave the short names.
    """
    groups, shorts = state, state.shorts
    by_start = {m.start: m for m in state.mentions}
    for m in list(shorts):
        nxt = by_start.get(m.end + 2)
        if (
            nxt is not None
            and _is_full_person(nxt)
            and f"{m.text} ({nxt.text})" in nxt.context
        ):
            alias = groups.full.get((PERSON, name_key(nxt.text)))
            if alias is not None:
                alias.add(m, VARIANT_FORM, evidence_at("parenthesis", m, nxt.text))
                shorts.remove(m)


def link_short_names(state: DocumentState) -> None:
    """Link each short name to the one person of the document it can refer to.

    A given name or surname joins the one person named in full that ends (or,
    surname-first, starts) with it ("given-name", "surname"; with the title
    written before it, "PM Chính" too: "given-name+title"). Failing that, an
    untyped name joins the one organisation or place written the same way,
    and a typed one its own group by key ("same-name"); a name fitting two
    persons joins the one who holds its title ("Thủ tướng Suga" beside
    "Mariko Suga"), else gets a group of its own flagged ambiguous
    ("ambiguous"); any other gets a document-local group ("same-name").
    """
    groups, shorts = state, state.shorts
    persons = [g for g in state.order if g.kind is PERSON]
    titled = _titled_short_names(shorts, state.mentions)
    # persons by the short names that can refer to them (see `person_index`)
    tails = person_index(persons)
    indexed = {id(g) for g in persons}
    for m in shorts:
        words = name_words(m)
        if words:
            fits = list(tails.get(word_keys(words), ()))
        else:
            fits = [g for g in persons if refers_to(words, g)]
        if not fits and m.kind is None and _join_typed(m, groups.full):
            continue
        if len(fits) > 1 and m.title and not is_honorific(m.title):
            # "Thủ tướng Suga" beside "Mariko Suga": the one with that title
            held = [g for g in fits if canonical_title(m.title) in g.roles]
            fits = held if len(held) == 1 else fits
        if not fits and m.kind is not None and m.kind is not PERSON:
            g = groups.group_for(m.kind, norm_key(m.text, m.kind))
            g.add(m, FULL_FORM, evidence_at("same-name", m))
        elif len(fits) == 1:
            _add_short_name(fits[0], m)
        elif len(fits) > 1:
            _add_ambiguous(groups, m, fits)
        else:
            _add_unlinked(groups, m, titled, tails, indexed)


def _add_short_name(g: Group, m: Mention) -> None:
    """Add the short name `m` to the one person `g` it fits ("given-name" or
    "surname"), and "PM Chính" too when the title is written before it."""
    rule = GIVEN_NAME if is_vietnamese_group(g) else "surname"
    g.add(m, SHORT_FORM, evidence_at(rule, m, g.members[0][0].text))
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
                SHORT_FORM,
                evidence_at(rule + "+title", a, g.members[0][0].text),
                a,
            )
        )


def _add_ambiguous(groups: DocumentState, m: Mention, fits: list[Group]) -> None:
    """A short name fitting several persons: a document-local person of its
    own, flagged ambiguous, with a note naming them."""
    key = f"{name_key(m.text)}@{groups.doc}"
    g = groups.group_for(PERSON, key)
    g.local = True
    g.add(m, SHORT_FORM, evidence_at("ambiguous", m))
    g.flags.add(_AMBIGUOUS)
    names = sorted({f.members[0][0].text for f in fits})
    note = "ambiguous: " + " | ".join(names)
    if note not in g.notes:
        g.notes.append(note)


def _add_unlinked(
    groups: DocumentState,
    m: Mention,
    titled: set[str],
    tails: PersonIndex,
    indexed: set[int],
) -> None:
    """A short name fitting no person: the group of its key ("same-name").

    It is a person if typed one, titled, or given a title elsewhere in the
    document (`titled`); a person's identity stays in the document. A new
    full form of a person in `indexed` goes into `tails` too.
    """
    kind = m.kind or (PERSON if m.title else OTHER)
    if kind is OTHER and name_key(m.text) in titled:
        # "Chinh said" after "PM Chinh": the document already names this
        # short name as a person
        kind = PERSON
    g = groups.group_for(kind, name_key(m.text))
    g.local = kind is PERSON
    g.add(m, FULL_FORM, evidence_at("same-name", m))
    if id(g) in indexed:  # a new full form of a known person
        _index_person(tails, g, m)
    if (
        kind is PERSON
        and m.title
        and len(m.title) <= 9
        and not is_honorific(m.title)
        and _title_adjacent(m)
    ):
        a = _with_title(m)
        g.extra.append((a.text, m.lang, SHORT_FORM, evidence_at("title", a), a))


def link_acronyms(state: DocumentState) -> None:
    """Link each acronym to its expansion in the document.

    First the name written right before it in parentheses, if the acronym
    spells (the start or end of) its initials ("acronym-parenthesis"); else
    the one organisation or place of the document whose initials it is
    ("acronym-initials"); else its own group (a country code its country's;
    "same-name").
    """
    groups, acronyms, ms = state, state.acronyms, state.mentions
    if not acronyms:
        return
    orgs = [g for g in groups.order if g.kind in _PLACE_OR_ORG]
    # the initials of every form of those groups, kept up to date below
    initials_of: dict[str, dict[int, Group]] = {}
    for g in orgs:
        for x in g.members:
            initials_of.setdefault(acronym_of(x[0].text), {})[id(g)] = g
    org_ids = {id(g) for g in orgs}
    # the names that end where "NAME (ACRONYM)" would put one
    ends = {a.start - 2 for a in acronyms}
    by_end: dict[int, list[Mention]] = {}
    for m in ms:
        if m.end in ends:
            by_end.setdefault(m.end, []).append(m)
    for a in acronyms:
        target = _parenthesis_expansion(groups, a, by_end)
        if target is not None:  # a person's group may have become a body
            known = id(target) in org_ids or target.kind is not PERSON
        elif len(fits := list(initials_of.get(a.text, {}).values())) == 1:
            target = fits[0]
            target.add(
                a,
                ACRONYM_FORM,
                evidence_at("acronym-initials", a, target.members[0][0].text),
            )
            known = True
        else:
            target = _acronym_group(groups, a)
            known = id(target) in org_ids
        if known:  # the acronym and its own initials find its group too
            for k in (a.text, acronym_of(a.text)):
                initials_of.setdefault(k, {})[id(target)] = target


def _parenthesis_expansion(
    groups: DocumentState, a: Mention, by_end: dict[int, list[Mention]]
) -> Group | None:
    """Add acronym `a` to the group of the name written right before it in
    parentheses, "Vietnam News Agency (VNA)", and return that group."""
    for p in by_end.get(a.start - 2, ()):
        if f"{p.text} ({a.text})" not in a.context:
            continue
        initials = acronym_of(p.text)
        # "Al-Sultan Abdullah (YASA)": the acronym's first letter is a
        # category word the name leaves out (Yayasan, foundation)
        spelled = spells_acronym(a.text, p.text) or (
            len(initials) >= 3 and a.text[1:] == initials
        )
        if p.kind is PERSON and not spelled:
            continue
        if (
            spelled
            or initials == a.text
            or initials.startswith(a.text)
            or (initials.endswith(a.text) and len(a.text) >= 3)
        ):
            key = name_key(p.text) if p.kind is PERSON else norm_key(p.text, p.kind)
            target = groups.full.get((p.kind or ORG, key))
            if target is not None:
                if target.kind is PERSON:
                    target.kind = ORG  # "Hoàng Anh Gia Lai (HAGL)": a body
                target.add(
                    a, ACRONYM_FORM, evidence_at("acronym-parenthesis", a, p.text)
                )
                return target
    return None


def _acronym_group(groups: DocumentState, a: Mention) -> Group:
    """Add acronym `a` with no expansion to its own group and return it: an
    organisation's by its key, a country code to its country's group."""
    kind = a.kind or ORG
    akey = norm_key(a.text, kind)
    if kind is PLACE:
        keys = [norm_key(n, kind) for n in restore.country_names(a.text)]
        local = [k for k in keys if (kind, k) in groups.full]
        if local or keys:
            akey = (local or keys)[0]
    g = groups.group_for(kind, akey)
    g.add(
        a,
        ACRONYM_FORM if kind is ORG else FULL_FORM,
        evidence_at("same-name", a),
    )
    return g


def _is_full_person(m: Mention) -> bool:
    """True if `m` is a person named in two words or more."""
    return m.kind is PERSON and len(name_words(m)) >= 2


def _join_typed(m: Mention, full: dict[tuple[Kind, str], Group]) -> bool:
    """An untyped name joins the one organisation or place of its document
    written the same way ("Thép Xanh Nam Định" after "(Thép Xanh Nam Định)")."""
    same = [
        g for k in (ORG, PLACE) if (g := full.get((k, norm_key(m.text, k)))) is not None
    ]
    if len(same) != 1:
        return False
    same[0].add(m, FULL_FORM, evidence_at("same-name", m))
    return True


def _index_person(index: PersonIndex, h: Group, m: Mention) -> None:
    """Add the short names of a new full form `m` of `h` to `index`."""
    for key in name_tails(m.text, is_vietnamese_group(h)):
        hs = index.setdefault(key, [])
        if not any(x is h for x in hs):
            hs.append(h)


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
    keys = {name_key(m.text) for m in shorts if m.kind is PERSON and m.title}
    if not keys:
        return keys
    typed = {
        norm_key(m.text, m.kind)
        for m in {(m.text, m.kind): m for m in ms if m.kind not in _UNTYPED}.values()
    }
    return keys - typed


_UNTYPED = frozenset({None, PERSON, OTHER, TITLE_KIND})


Pass = Callable[[DocumentState], None]

# The document stage, in order: full names first, then the passes that link
# the other mentions to them, strongest evidence first, then those that link
# whole groups (`glossary.cluster.document_links`).
DOCUMENT_PASSES: tuple[Pass, ...] = (
    group_full_names,
    link_parenthesis_aliases,
    link_short_names,
    link_acronyms,
    link_acronym_definitions,
    link_org_short_forms,
    link_capital_mentions,
    link_country_short_names,
    link_generic_bodies,
    link_parenthesis_names,
    link_two_word_persons,
    link_club_places,
    link_club_names,
    attach_provinces,
    link_real_names,
)
