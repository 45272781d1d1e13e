"""From a clustered group to a candidate concept: preferred form and flags.

Private helper of `glossary.cluster`: picks the preferred term (diacritized
full forms first), restores places from the gazetteer, adds the Vietnamese
preferred term, and sets the restored, unrestored and conflict flags.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from operator import attrgetter

from glossary import restore
from glossary.cluster_base import (
    Member,
    _Group,
    _is_acronym,
    _strip_admin,
    _vietnamese_group,
    _words,
    norm_key,
    strip_vi_unit,
)
from glossary.extract import fold
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
from glossary.name_words import VI_LOCAL_UNITS
from glossary.syllable import to_old_style
from glossary.terms import vi_term_key
from glossary.titles import canonical_title, is_plural_title
from glossary.vi_admin import (
    club_name,
    english_body,
    expand_abbreviation,
    strip_legal_form,
)

_NAME_SEP = re.compile(r"[\s\-–]+")


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
_Forms = dict[_Form, list[Member]]


def _candidate(g: _Group) -> Candidate:
    """The candidate concept of a merged group `g`.

    Its written forms and their types; the preferred form; a name restored
    from the gazetteer or ISO 3166-1; the conflict flag; the terms with their
    occurrences; the preferred-term adjustments of its kind; and the
    concept's key.
    """
    forms = _forms(g)
    flags = set(g.flags)
    notes = list(g.notes)
    types = {k: [x[1] for x in v] for k, v in forms.items()}
    fulls = _full_forms(g.kind, forms, types)
    best = _preferred_form(g.kind, forms, fulls)
    restored = _restored(g, best, forms, flags, notes)
    pref_text = best[0] if restored is None else restored.text
    _flag_conflict(forms, fulls, flags, notes)
    terms, occurrences = _terms(forms, types, best, restored)
    terms = _adjusted(g, terms, best, restored, flags, notes)
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


def _forms(g: _Group) -> _Forms:
    """The members of `g` and its synthesized forms by (text, lang), in order."""
    forms: _Forms = {}
    for item in g.members:
        m = item[0]
        k = (m.text, m.lang)
        v = forms.get(k)
        if v is None:
            forms[k] = [item]
        else:
            v.append(item)
    for text, lang, t, ev, m in g.extra:
        forms.setdefault((text, lang), []).append((m, t, ev))
    return forms


def _full_forms(
    kind: Kind, forms: _Forms, types: dict[_Form, list[TermType]]
) -> list[_Form]:
    """The forms the preferred one is chosen from: the full forms (with the
    bare name of a place, "Tam Kỳ" of "Tam Kỳ city"), else every form."""
    fulls = [k for k, v in types.items() if TermType.FULL_FORM in v]
    if kind is Kind.PLACE:
        # the bare name of "Tam Kỳ city" is a full form of the place
        fulls += [
            k
            for k, v in forms.items()
            if k not in fulls
            and any(ev.rule == "administrative-word" for _, _, ev in v)
        ]
    if not fulls:
        fulls = list(forms)
    return fulls


def _preferred_form(kind: Kind, forms: _Forms, fulls: list[_Form]) -> _Form:
    """The preferred form among `fulls`: with marks, not in capitals, bare
    (no administrative word or legal form), the most words, the commonest;
    a country's usual name when it is written ("Belarus")."""
    counts = {k: len(v) for k, v in forms.items()}

    def rank(k: _Form) -> tuple[bool, bool, bool, int, int]:
        text = k[0]
        diac = restore.has_diacritics(text)
        caps = text.isupper() and len(text) > 3
        if kind is Kind.PLACE:
            bare = _strip_admin(text) == text and strip_vi_unit(text) == text
            # a Japanese prefecture is named with its level: "Ibaraki Prefecture"
            bare = bare or text.endswith(" Prefecture")
        else:
            # "Hà Nội FC" is the club's usual name, before "CLB Hà Nội"
            bare = kind is not Kind.ORG or (
                strip_legal_form(text) == text and not text.startswith("CLB ")
            )
        return (diac and not caps, not caps, bare, len(_words(text)), counts[k])

    best = max(fulls, key=rank)
    if kind is Kind.PLACE and (usual := _usual_country(best[0])):
        # "Belarus" before "Republic of Belarus" when both are written
        best = next((k for k in fulls if k[0] == usual), best)
    return best


def _restored(
    g: _Group, best: _Form, forms: _Forms, flags: set[Flag], notes: list[str]
) -> Term | None:
    """The preferred term the corpus did not write, if any: a place restored
    from the gazetteer, else a country's name from ISO 3166-1.

    Sets the restored flag, or the unrestored one for an ambiguous place and
    for a Vietnamese person written without marks.
    """
    if g.kind is Kind.PERSON:
        if not restore.has_diacritics(best[0]) and _vietnamese_group(g):
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
        fold(k[0]).endswith(" city") and _strip_admin(k[0]) == best[0] for k in forms
    )
    base = _strip_admin(best[0])
    r = restore.restore_place(base, city=city or fold(best[0]).endswith(" city"))
    if r.restored:
        flags.add(Flag.RESTORED)
        notes.append(f"restored from gazetteer: {r.source}")
        return _full_form(
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
    usual name ("Republic of Korea" is "South Korea") when not written."""
    if _is_acronym(best[0]) and restore.country_names(best[0]):
        name = restore.country_names(best[0])[-1]
        notes.append(f"name from ISO 3166-1 code {best[0]}")
        return _full_form(
            name, "en", Evidence("iso-3166-1", detail=f"{best[0]} → {name}")
        )
    usual = _usual_country(best[0])
    if usual is not None and usual != best[0] and not any(k[0] == usual for k in forms):
        notes.append(f"usual name from ISO 3166-1: {best[0]} → {usual}")
        return _full_form(
            usual, "en", Evidence("iso-3166-1", detail=f"{best[0]} → {usual}")
        )
    return None


def _flag_conflict(
    forms: _Forms, fulls: list[_Form], flags: set[Flag], notes: list[str]
) -> None:
    """Flag a conflict if the full forms written with marks spell the name
    differently (after legal form and club words), naming them in a note."""
    diac = {k[0] for k in forms if restore.has_diacritics(k[0]) and not k[0].isupper()}
    full_diac = {t for t in diac if (t, "en") in fulls or (t, "vi") in fulls}
    if len({vi_term_key(club_name(strip_legal_form(t))) for t in full_diac}) > 1:
        flags.add(Flag.CONFLICT)
        notes.append("spellings differ: " + " | ".join(sorted(full_diac)))


def _terms(
    forms: _Forms,
    types: dict[_Form, list[TermType]],
    best: _Form,
    restored: Term | None,
) -> tuple[list[Term], dict[_Form, tuple[Occurrence, ...]]]:
    """One term per form (after `restored`, if any) and the occurrences of each.

    A form's type is its commonest; full forms other than `best` are
    variants; `best` is preferred unless a restored name is.
    """
    terms: list[Term] = []
    if restored is not None:
        terms.append(restored)
    occurrences: dict[_Form, tuple[Occurrence, ...]] = {}
    for k, v in forms.items():
        ts = types[k]
        if ts.count(ts[0]) == len(ts):  # one type: the commonest
            ttype = ts[0]
        else:
            ttype = Counter(ts).most_common(1)[0][0]
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
                count=len(v),
                context=v[0][0].context,
                evidence=evs,
            )
        )
        occurrences[k] = tuple([_occurrence(_where(m)) for m, _, _ in v])
    return terms, occurrences


def _adjusted(
    g: _Group,
    terms: list[Term],
    best: _Form,
    restored: Term | None,
    flags: set[Flag],
    notes: list[str],
) -> list[Term]:
    """The preferred-term adjustments of the group's kind, in order.

    Names get a Vietnamese preferred term; places their unit or feature
    word in Vietnamese; bodies their full Vietnamese name and outlets their
    acronym; then names take the common tone style and plain spelling.
    """
    kind = g.kind
    if kind in (Kind.PERSON, Kind.PLACE, Kind.ORG) and restored is None:
        terms = _vietnamese_preferred(terms, best)
    if kind is Kind.PLACE:
        terms = _local_unit_preferred(terms, flags, notes)
        terms = _feature_preferred(terms)
    if kind is Kind.ORG:
        terms = _vi_body_preferred(terms, g.vi_name, best)
        terms = _respelled_preferred(terms, _outlet_name)
    if kind in (Kind.PERSON, Kind.PLACE, Kind.ORG):
        terms = _tone_style_preferred(terms)
        terms = _respelled_preferred(
            terms, _plain_spelling if kind is not Kind.ORG else _plain_apostrophe
        )
    return terms


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


def _concept_key(g: _Group, pref_text: str) -> str:
    """The concept's key: its kind and the key of its preferred text (a
    place's without administrative word, a body's full Vietnamese name), and
    the documents of a document-local group."""
    key_text = _strip_admin(pref_text) if g.kind is Kind.PLACE else pref_text
    if g.vi_name:
        key_text = g.vi_name  # "Sở Xây dựng" of one province, not of any
    key = f"{g.kind}:{norm_key(key_text, g.kind)}"
    if g.local:
        docs = sorted({m.document for m, _, _ in g.members})
        key += "@" + ",".join(docs)
    return key


def _usual_country(text: str) -> str | None:
    """The usual English name of a foreign country written in full in English.

    Việt Nam keeps its own name, and a name with marks is left as written.
    """
    if restore.has_diacritics(text):
        return None
    usual = restore.country_name(text)
    return None if usual in restore.country_names("VN") else usual


def _is_vietnamese_form(text: str) -> bool:
    """True if `text` is a Vietnamese name written with its marks ("Hà Nội")."""
    if not restore.has_diacritics(text) or text.isupper():
        return False
    words = [w for w in _NAME_SEP.split(_strip_admin(text)) if w]
    return bool(words) and all(restore.is_syllable(w) for w in words)


def _vietnamese_preferred(terms: list[Term], best: tuple[str, str]) -> list[Term]:
    """Give a Vietnamese name a preferred `vi` term.

    A form from Vietnamese text is promoted if none is preferred yet; else a
    diacritized preferred form from English text ("Phạm Minh Chính" in an
    English article) is added as the `vi` preferred term too. The English
    preferred term stays as it is.
    """
    if any(t.lang == "vi" and t.is_preferred for t in terms):
        return terms
    vi = [
        t
        for t in terms
        if t.lang == "vi" and t.type in (TermType.FULL_FORM, TermType.VARIANT)
    ]
    if vi:
        top = max(
            vi,
            key=lambda t: (
                t.text == best[0],
                restore.has_diacritics(t.text),
                len(t.text.split()),
                t.count,
            ),
        )
        return [
            replace(t, status=TermStatus.PREFERRED) if t is top else t for t in terms
        ]
    if best[1] != "en" or not _is_vietnamese_form(best[0]):
        return terms
    return [
        *terms,
        _full_form(
            best[0],
            "vi",
            Evidence("vietnamese-name", detail="diacritized in English text"),
        ),
    ]


_VI_UNIT = re.compile(rf"^(?:{'|'.join(VI_LOCAL_UNITS)})\s+\S", re.I)


def _local_unit_preferred(
    terms: list[Term], flags: set[Flag], notes: list[str]
) -> list[Term]:
    """Districts, wards and communes keep their category in Vietnamese.

    "Hai Ba Trung district" is "quận Hai Bà Trưng": the category comes from
    a Vietnamese form of the corpus ("quận Hai Bà Trưng") or else from the
    English level word and the gazetteer, which tells quận from huyện. The
    English preferred term stays as it is.
    """
    vi_unit = [
        t
        for t in terms
        if t.lang == "vi" and _VI_UNIT.match(t.text) and restore.has_diacritics(t.text)
    ]
    unit: Term | None = None
    if vi_unit:
        top = max(vi_unit, key=lambda t: t.count)
        unit = replace(top, status=TermStatus.PREFERRED, type=TermType.FULL_FORM)
    else:
        for t in terms:
            words = t.text.split()
            if len(words) < 2 or t.lang != "en":
                continue
            name = restore.local_unit(" ".join(words[:-1]), fold(words[-1]))
            if name is None:
                continue
            unit = _full_form(
                name, "vi", Evidence("gazetteer-level", detail=f"{t.text} → {name}")
            )
            if not restore.has_diacritics(t.text):
                flags.add(Flag.RESTORED)
                notes.append(f"restored from gazetteer: {t.text} → {name}")
            break
    return terms if unit is None else _with_vi_preferred(terms, unit)


def _with_vi_preferred(terms: list[Term], preferred: Term) -> list[Term]:
    """`terms` with `preferred` as the Vietnamese preferred term; the one it
    replaces stays admitted."""
    out = [
        replace(t, status=TermStatus.ADMITTED)
        if t.lang == "vi" and t.is_preferred
        else t
        for t in terms
        if not (t.lang == preferred.lang and t.text == preferred.text)
    ]
    return [*out, preferred]


def _vi_body_preferred(
    terms: list[Term], vi_name: str, best: tuple[str, str]
) -> list[Term]:
    """A local state body gets its full Vietnamese name as the `vi` preferred.

    The name is, first, the one its document implies ("Sở Xây dựng" → "Sở Xây
    dựng tỉnh Thanh Hóa", see `cluster`); else the Vietnamese name of an
    English provincial body ("Vinh Long Provincial People's Committee" → "Ủy
    ban nhân dân tỉnh Vĩnh Long"); else the written `vi` preferred name with
    "UBND"/"HĐND" in full, or a company's name without the legal form before
    its category ("Tập đoàn Hòa Phát"). The written forms stay admitted.
    """
    vi_pref = next((t for t in terms if t.lang == "vi" and t.is_preferred), None)
    name, ev = "", None
    if vi_name:
        name, ev = vi_name, Evidence("province-of-document", detail=vi_name)
    elif vi_pref is None and best[1] == "en":
        body = english_body(best[0])
        if body is not None:
            name = body
            ev = Evidence("provincial-body", detail=f"{best[0]} → {body}")
    elif vi_pref is not None:
        full = expand_abbreviation(vi_pref.text)
        legal = [t.text for t in terms if strip_legal_form(t.text) != t.text]
        if full != vi_pref.text:
            name = full
            ev = Evidence("abbreviation", detail=f"{vi_pref.text} → {full}")
        elif legal:
            # "Công ty cổ phần Tập đoàn Hòa Phát" is known as "Tập đoàn Hòa Phát"
            name = strip_legal_form(legal[0])
            ev = Evidence("legal-form", detail=f"{legal[0]} → {name}")
    if not name or ev is None:
        return terms
    if any(t.lang == "vi" and t.text == name and t.is_preferred for t in terms):
        return terms
    return _with_vi_preferred(terms, _full_form(name, "vi", ev))


# English category words after a Vietnamese place name, and the Vietnamese
# word written before it ("Hoài River" is "sông Hoài").
_FEATURES = {
    "river": "sông",
    "mountain": "núi",
    "beach": "bãi biển",
    "lake": "hồ",
    "island": "đảo",
    "bay": "vịnh",
    "pagoda": "chùa",
    "bridge": "cầu",
    "theatre": "Nhà hát",
    "theater": "Nhà hát",
    "stadium": "Sân vận động",
}


def _feature_preferred(terms: list[Term]) -> list[Term]:
    """A Vietnamese river, beach or theatre named in English gets its `vi` name.

    "Hoài River" → "sông Hoài", "Tam Thanh Beach" → "bãi biển Tam Thanh",
    "Hội An Theatre" → "Nhà hát Hội An". The name must be Vietnamese
    syllables, and spelled: with its marks, or in a sentence whose writer
    marks other Vietnamese words (so "Tam Thanh" is written as it is). The
    English preferred term stays.
    """
    if any(t.lang == "vi" and t.is_preferred for t in terms):
        return terms
    for t in terms:
        words = t.text.split()
        if t.lang != "en" or len(words) < 2 or not t.is_preferred:
            continue
        head = _FEATURES.get(words[-1].casefold())
        name = words[:-1]
        if head is None or not all(
            w[:1].isupper() and not w.isupper() and restore.is_syllable(w) for w in name
        ):
            continue
        if restore.is_country(" ".join(name)) or restore.is_foreign_place(
            " ".join(name)
        ):
            continue  # "Hong Kong Stadium" is not Vietnamese
        rest = t.context.replace(t.text, " ")
        if not restore.has_diacritics(" ".join(name)) and not restore.has_diacritics(
            rest
        ):
            continue
        vi = f"{head} {' '.join(name)}"
        return [
            *terms,
            _full_form(vi, "vi", Evidence("feature-name", detail=f"{t.text} → {vi}")),
        ]
    return terms


def _tone_style_preferred(terms: list[Term]) -> list[Term]:
    """Preferred Vietnamese names put tone marks the common way: "Hòa", "Thủy".

    A preferred form written "Thanh Hoá" gives way to the form "Thanh Hóa" of
    the same concept, or to that spelling added as the preferred term; the
    written form stays admitted. Only oa/oe/uy syllables change.
    """
    return _respelled_preferred(terms, _tone_style)


# A tone mark on the second vowel of oa/oe/uy ("hoà", "khoẻ", "thuỷ"): the only
# spellings `to_old_style` changes, so the rest skip it.
_NEW_STYLE = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]")


def _tone_style(text: str) -> tuple[str, str]:
    return (to_old_style(text) if _NEW_STYLE.search(text) else text), "tone-style"


_OUTLET = re.compile(r"^([A-Z][A-Z0-9]+)\.(?:vn|com|net|org)$")


def _outlet_name(text: str) -> tuple[str, str]:
    """A news outlet's site named by its acronym is the outlet: "VTV.vn" → "VTV"
    ("chinhphu.vn", no acronym, stays)."""
    m = _OUTLET.match(text)
    return (m.group(1), "web-outlet") if m else (text, "")


def _plain_apostrophe(text: str) -> tuple[str, str]:
    """An organisation's name keeps its capitals ("ĐẠI HỌC QUỐC GIA" cannot be
    re-cased word by word) and only gets the plain apostrophe."""
    return text.replace("’", "'"), "apostrophe"


def _plain_spelling(text: str) -> tuple[str, str]:
    """A name as a glossary writes it: "ĐẶNG TRUNG" (a photo credit) is "Đặng
    Trung"; "People’s" has the plain apostrophe."""
    if text.isascii():
        return text, ""
    words = text.split()
    if (
        len(words) >= 2
        and text.isupper()
        and all(restore.is_syllable(w) for w in words)
        and restore.has_diacritics(text)
    ):
        return " ".join(w.capitalize() for w in words), "capitals"
    return text.replace("’", "'"), "apostrophe"


def _respelled_preferred(
    terms: list[Term], respell: Callable[[str], tuple[str, str]]
) -> list[Term]:
    """Each preferred term gives way to its respelling (rule named by
    `respell`): the concept's term of that spelling, else a new one."""
    out = list(terms)
    for i, t in enumerate(terms):
        if not t.is_preferred:
            continue
        common, rule = respell(t.text)
        if common == t.text:
            continue
        same = [j for j, u in enumerate(out) if u.text == common and u.lang == t.lang]
        out[i] = replace(out[i], status=TermStatus.ADMITTED)
        if same:
            out[same[0]] = replace(out[same[0]], status=TermStatus.PREFERRED)
        else:
            out.append(
                _full_form(
                    common, t.lang, Evidence(rule, detail=f"{t.text} → {common}")
                )
            )
    return out


def _full_form(text: str, lang: str, ev: Evidence) -> Term:
    """A preferred full form the corpus did not write (count 0), with its source."""
    return Term(
        text=text,
        lang=lang,
        status=TermStatus.PREFERRED,
        type=TermType.FULL_FORM,
        evidence=(ev,),
    )


def _demote(t: Term) -> Term:
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
