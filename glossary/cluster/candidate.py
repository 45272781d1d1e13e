"""From a clustered group to a candidate concept: preferred form and flags.

Private helper of the corpus stage (`glossary.cluster.corpus`): picks the
preferred term (diacritized full forms first), restores places from the
gazetteer, sets the restored, unrestored and conflict flags, and has the
preferred terms adjusted by kind (`glossary.cluster.preferred`: the
Vietnamese preferred term, tone style, spelling).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from glossary.cluster.base import (
    Group,
    Member,
    is_acronym,
    is_vietnamese_group,
    norm_key,
    provincial_capital,
    split_words,
    strip_admin,
    strip_vi_unit,
)
from glossary.cluster.preferred import (
    adjusted,
    full_form,
)
from glossary.cluster.tally import group_docs
from glossary.extract.english import fold
from glossary.model import (
    Candidate,
    Concept,
    Evidence,
    Flag,
    Kind,
    Occurrence,
    Term,
    TermStatus,
    TermType,
)
from glossary.names import places as restore
from glossary.names import world
from glossary.names.titles import canonical_title, is_plural_title
from glossary.names.vi_admin import (
    club_name,
    strip_legal_form,
)
from glossary.text import marked_key


def _first_unique(items: Iterable[Evidence], n: int) -> tuple[Evidence, ...]:
    """The first `n` distinct items, in order (a country has thousands)."""
    seen: dict[Evidence, None] = {}
    for item in items:
        seen.setdefault(item)
        if len(seen) == n:
            break
    return tuple(seen)


# An occurrence from a mention, without a call of Python code per mention.
_where = attrgetter("document", "start", "end", "context", "text")
_occurrence = Occurrence._make


_Form = tuple[str, str]  # (text, lang)


@dataclass(slots=True)
class _View:
    """One written form of a group: its kept members then its synthesized
    forms, and what all its mentions (kept or not) count up to."""

    items: list[Member] = field(default_factory=list)
    count: int = 0
    types: dict[TermType, int] = field(default_factory=dict)  # first-seen order
    rules: set[str] = field(default_factory=set)

    def add(self, item: Member) -> None:
        """Add a member counted by no tally (a synthesized form's)."""
        self.items.append(item)
        self.count += 1
        t = item[1]
        self.types[t] = self.types.get(t, 0) + 1
        self.rules.add(item[2].rule)


_Forms = dict[_Form, _View]


def candidate_of(g: Group) -> Candidate:
    """The candidate concept of a merged group `g`.

    Its written forms and their types; the preferred form; a name restored
    from the gazetteer or ISO 3166-1; the conflict flag; the terms with their
    occurrences; the preferred-term adjustments of its kind; and the
    concept's key.
    """
    forms = _forms(g)
    flags = set(g.flags)
    notes = list(g.notes)
    fulls = _full_forms(g.kind, forms)
    best = _preferred_form(g.kind, forms, fulls)
    restored = _restored(g, best, forms, flags, notes)
    pref_text = best[0] if restored is None else restored.text
    _flag_conflict(forms, fulls, flags, notes)
    terms, occurrences = _terms(forms, best, restored, spilled=g.sources is not None)
    terms = adjusted(g, terms, best, restored, flags, notes)
    if g.kind is Kind.TITLE:
        terms, pref_text = _title_terms(terms, best)
    if g.roles:
        notes.append("role: " + ", ".join(r for r, _ in g.roles.most_common()))
    concept = Concept(
        kind=g.kind,
        terms=tuple(terms),
        note="; ".join(notes),
        flags=frozenset(flags),
        key=_concept_key(g, pref_text),
    )
    return Candidate(concept=concept, occurrences=occurrences)


def _forms(g: Group) -> _Forms:
    """The members of `g` and its synthesized forms by (text, lang), in order
    (counted by `g`'s tally when it has one: a streamed build keeps only the
    first members of each form)."""
    forms: _Forms = {}
    if g.tally is None:
        for item in g.members:
            m = item[0]
            k = (m.text, m.lang)
            v = forms.get(k)
            if v is None:
                v = forms[k] = _View()
            v.add(item)
    else:
        for k, f in g.tally.forms.items():
            forms[k] = _View([], f.count, dict(f.types), set(f.rules))
        for item in g.members:
            m = item[0]
            forms[(m.text, m.lang)].items.append(item)
    for text, lang, t, ev, m in g.extra:
        v = forms.get((text, lang))
        if v is None:
            v = forms[(text, lang)] = _View()
        v.add((m, t, ev))
    return forms


def _full_forms(kind: Kind, forms: _Forms) -> list[_Form]:
    """The forms the preferred one is chosen from: the full forms (with the
    bare name of a place, "Tam Kỳ" of "Tam Kỳ city"), else every form."""
    fulls = [k for k, v in forms.items() if TermType.FULL_FORM in v.types]
    if kind is Kind.PLACE:
        # the bare name of "Tam Kỳ city" is a full form of the place
        fulls += [
            k
            for k, v in forms.items()
            if k not in fulls and "administrative-word" in v.rules
        ]
    if not fulls:  # an acronym's description is no name of it
        fulls = [
            k for k, v in forms.items() if v.rules - {"acronym-definition"}
        ] or list(forms)
    return fulls


def _preferred_form(kind: Kind, forms: _Forms, fulls: list[_Form]) -> _Form:
    """The preferred form among `fulls`: with marks, not in capitals, bare
    (no administrative word or legal form), the most words, the commonest;
    a country's usual name when it is written ("Belarus")."""
    counts = {k: v.count for k, v in forms.items()}

    def rank(k: _Form) -> tuple[bool, bool, bool, int, int]:
        """The sort key of form `k`: higher is preferred."""
        text = k[0]
        diac = restore.has_diacritics(text)
        caps = text.isupper() and len(text) > 3
        if kind is Kind.PLACE:
            bare = strip_admin(text) == text and strip_vi_unit(text) == text
            # a Japanese prefecture is named with its level: "Ibaraki Prefecture"
            bare = bare or text.endswith(" Prefecture")
        else:
            # "Hà Nội FC" is the club's usual name, before "CLB Hà Nội"
            bare = kind is not Kind.ORG or (
                strip_legal_form(text) == text and not text.startswith("CLB ")
            )
        return (diac and not caps, not caps, bare, len(split_words(text)), counts[k])

    best = max(fulls, key=rank)
    if kind is Kind.PLACE and (usual := _usual_country(best[0])):
        # "Belarus" before "Republic of Belarus" when both are written
        best = next((k for k in fulls if k[0] == usual), best)
    return best


def _restored(
    g: Group, best: _Form, forms: _Forms, flags: set[Flag], notes: list[str]
) -> Term | None:
    """The preferred term the corpus did not write, if any: a place restored
    from the gazetteer, else a country's name from ISO 3166-1.

    Sets the restored flag, or the unrestored one for an ambiguous place and
    for a Vietnamese person written without marks.
    """
    user = world.user_english(best[0])
    if user is not None and (user, "en") not in forms:
        notes.append(f"English name from your gazetteer: {best[0]} → {user}")
        return full_form(user, "en", Evidence("user-gazetteer", detail=best[0]))
    if g.kind is Kind.PERSON:
        if not restore.has_diacritics(best[0]) and is_vietnamese_group(g):
            flags.add(Flag.UNRESTORED)
        return None
    if g.kind is not Kind.PLACE:
        return None
    restored = None
    if not restore.has_diacritics(best[0]):
        restored = _gazetteer_place(best, forms, flags, notes)
    if restored is None:
        restored = _country_name(best, forms, notes)
    return restored


def _gazetteer_place(
    best: _Form, forms: _Forms, flags: set[Flag], notes: list[str]
) -> Term | None:
    """The Vietnamese name of a place written without marks, from the
    gazetteer (a city if any form says so), flagged restored; an ambiguous
    one is flagged unrestored, with the candidates in a note."""
    city = any(
        fold(k[0]).endswith(" city") and strip_admin(k[0]) == best[0] for k in forms
    )
    base = strip_admin(best[0])
    r = restore.restore_place(base, city=city or fold(best[0]).endswith(" city"))
    if r.restored:
        flags.add(Flag.RESTORED)
        notes.append(f"restored from gazetteer: {r.source}")
        return full_form(
            r.text,
            "vi",
            Evidence("gazetteer", detail=f"{base} → {r.text} ({r.source})"),
        )
    if r.ambiguous:
        flags.add(Flag.UNRESTORED)
        notes.append("restoration ambiguous: " + " | ".join(r.candidates))
    return None


def _country_name(best: _Form, forms: _Forms, notes: list[str]) -> Term | None:
    """A country's English name from ISO 3166-1: for a code ("VN"), or its
    usual name ("Republic of Korea" is "South Korea") when not written; for
    a Vietnamese name ("Nhật Bản"), from CLDR."""
    if is_acronym(best[0]) and restore.country_names(best[0]):
        name = restore.country_names(best[0])[-1]
        notes.append(f"name from ISO 3166-1 code {best[0]}")
        return full_form(
            name, "en", Evidence("iso-3166-1", detail=f"{best[0]} → {name}")
        )
    usual = _usual_country(best[0])
    city = world.english_place(best[0]) if usual is None else None
    if city is not None and (city, "en") not in forms:
        # "Bình Nhưỡng" is Pyongyang; "Moscow" written in Vietnamese text is
        # the English name too
        notes.append(f"English name from GeoNames: {best[0]} → {city}")
        return full_form(city, "en", Evidence("geonames", detail=f"{best[0]} → {city}"))
    if usual is not None and usual != best[0] and not any(k[0] == usual for k in forms):
        source = "CLDR" if restore.has_diacritics(best[0]) else "ISO 3166-1"
        notes.append(f"usual name from {source}: {best[0]} → {usual}")
        rule = source.lower().replace(" ", "-")
        return full_form(usual, "en", Evidence(rule, detail=f"{best[0]} → {usual}"))
    return None


def _flag_conflict(
    forms: _Forms, fulls: list[_Form], flags: set[Flag], notes: list[str]
) -> None:
    """Flag a conflict if the full forms written with marks spell the name
    differently (after legal form and club words), naming them in a note."""
    diac = {k[0] for k in forms if restore.has_diacritics(k[0]) and not k[0].isupper()}
    full_diac = {t for t in diac if (t, "en") in fulls or (t, "vi") in fulls}
    if len({marked_key(club_name(strip_legal_form(t))) for t in full_diac}) > 1:
        flags.add(Flag.CONFLICT)
        notes.append("spellings differ: " + " | ".join(sorted(full_diac)))


def _terms(
    forms: _Forms, best: _Form, restored: Term | None, *, spilled: bool
) -> tuple[list[Term], dict[_Form, tuple[Occurrence, ...]]]:
    """One term per form (after `restored`, if any) and the occurrences of each
    (none when `spilled`: the store reads them from the spill).

    A form's type is its commonest (the first seen of those as common);
    full forms other than `best` are variants; `best` is preferred unless
    a restored name is.
    """
    terms: list[Term] = []
    if restored is not None:
        terms.append(restored)
    occurrences: dict[_Form, tuple[Occurrence, ...]] = {}
    for k, view in forms.items():
        v, types = view.items, view.types
        ttype = (
            next(iter(types)) if len(types) == 1 else max(types, key=types.__getitem__)
        )
        if ttype is TermType.FULL_FORM and k != best:
            ttype = TermType.VARIANT
        status = (
            TermStatus.PREFERRED
            if k == best and restored is None
            else TermStatus.ADMITTED
        )
        evs = _first_unique((ev for _, _, ev in v), 20)
        terms.append(
            Term(
                text=k[0],
                lang=k[1],
                status=status,
                type=ttype,
                count=view.count,
                context=v[0][0].context,
                evidence=evs,
            )
        )
        if not spilled:
            occurrences[k] = tuple([_occurrence(_where(m)) for m, _, _ in v])
    return terms, occurrences


def _title_terms(terms: list[Term], best: _Form) -> tuple[list[Term], str]:
    """A title's terms, with its canonical full form ("Deputy Prime Minister"
    for "Deputy PM" or "Deputy Prime Ministers") preferred over the written
    ones; and the preferred text."""
    full = canonical_title(best[0])
    if full == best[0]:
        return terms, best[0]
    rule = "title-plural" if is_plural_title(best[0]) else "title-abbreviation"
    return [
        Term(
            full,
            "en",
            TermStatus.PREFERRED,
            TermType.FULL_FORM,
            evidence=(Evidence(rule, detail=best[0]),),
        ),
        *(_demote(t) for t in terms),
    ], full


def _concept_key(g: Group, pref_text: str) -> str:
    """The concept's key: its kind and the key of its preferred text (a
    place's without administrative word, a body's full Vietnamese name), and
    the documents of a document-local group."""
    key_text = pref_text
    if g.kind is Kind.PLACE and not provincial_capital(pref_text):
        key_text = strip_admin(pref_text)  # but "Lao Cai City" is no province
    if g.vi_name:
        key_text = g.vi_name  # "Sở Xây dựng" of one province, not of any
    key = f"{g.kind}:{norm_key(key_text, g.kind)}"
    if g.local:
        docs = sorted(group_docs(g))
        key += "@" + ",".join(docs)
    return key


def _usual_country(text: str) -> str | None:
    """The usual English name of a foreign country written in full in
    English, or in Vietnamese ("Nhật Bản": Japan, by CLDR).

    Việt Nam keeps its own name; other names with marks are left as written.
    """
    if restore.has_diacritics(text):
        return restore.english_country_name(text)
    usual = restore.country_name(text)
    return None if usual in restore.country_names("VN") else usual


def _demote(t: Term) -> Term:
    """A preferred term as an admitted short form; any other as it is."""
    if t.status is not TermStatus.PREFERRED:
        return t
    return Term(
        t.text,
        t.lang,
        TermStatus.ADMITTED,
        TermType.SHORT_FORM,
        t.count,
        t.pos,
        t.context,
        t.evidence,
    )
