"""A candidate's preferred terms, adjusted by the kind of its concept.

Private helper of `glossary.cluster.candidate`, which picks the preferred form as
written: here names get a Vietnamese preferred term, places their unit or
feature word in Vietnamese, bodies their full Vietnamese name, outlets
their acronym, and names the common tone style and plain spelling. Each
adjustment keeps the written forms, admitted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from glossary.cluster.base import Group, strip_admin
from glossary.extract.english import fold
from glossary.extract.vi_places import strip_settlement
from glossary.lang import vi
from glossary.lang.en import VI_LOCAL_UNITS
from glossary.model import Evidence, Flag, Kind, Term, TermStatus, TermType
from glossary.names import places as restore
from glossary.names.state import local_body
from glossary.names.vi_admin import expand_abbreviation, strip_legal_form
from glossary.text.syllable import to_old_style

_NAME_SEP = re.compile(r"[\s\-–]+")


def adjusted(
    g: Group,
    terms: list[Term],
    best: tuple[str, str],
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
    # an English name found for the place ("Nhật Bản" is "Japan") leaves the
    # Vietnamese one preferred in Vietnamese
    if kind in (Kind.PERSON, Kind.PLACE, Kind.ORG) and (
        restored is None or restored.lang == "en"
    ):
        terms = vietnamese_preferred(terms, best)
    if kind is Kind.PLACE:
        terms = local_unit_preferred(terms, flags, notes)
        terms = _feature_preferred(terms)
        terms = _settlement_preferred(terms)
    if kind is Kind.ORG:
        terms = _vi_body_preferred(terms, g.vi_name, best)
        terms = _respelled_preferred(terms, _outlet_name)
    if kind in (Kind.PERSON, Kind.PLACE, Kind.ORG):
        terms = _english_preferred(terms)
        terms = _tone_style_preferred(terms)
        terms = _respelled_preferred(
            terms, _plain_spelling if kind is not Kind.ORG else _plain_apostrophe
        )
    return terms


def _is_vietnamese_form(text: str) -> bool:
    """True if `text` is a Vietnamese name written with its marks ("Hà Nội")."""
    if not restore.has_diacritics(text) or text.isupper():
        return False
    words = [w for w in _NAME_SEP.split(strip_admin(text)) if w]
    return bool(words) and all(restore.is_syllable(w) for w in words)


def vietnamese_preferred(terms: list[Term], best: tuple[str, str]) -> list[Term]:
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
        full_form(
            best[0],
            "vi",
            Evidence("vietnamese-name", detail="diacritized in English text"),
        ),
    ]


_VI_UNIT = re.compile(rf"^(?:{'|'.join(VI_LOCAL_UNITS)})\s+\S", re.I)


def local_unit_preferred(
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
            unit = full_form(
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
    English local body with its place (`local_body`: "Vinh Long Provincial
    People's Committee" → "Ủy ban nhân dân tỉnh Vĩnh Long"); else the written
    `vi` preferred name with "UBND"/"HĐND" in full, or a company's name
    without the legal form before its category ("Tập đoàn Hòa Phát"). The
    written forms stay admitted.
    """
    vi_pref = next((t for t in terms if t.lang == "vi" and t.is_preferred), None)
    name, ev = "", None
    if vi_name:
        name, ev = vi_name, Evidence("province-of-document", detail=vi_name)
    elif vi_pref is None and best[1] == "en":
        body = local_body(best[0])
        if body is not None:
            name = body.text
            ev = Evidence("local-body", detail=f"{best[0]} → {name} ({body.rule})")
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
    return _with_vi_preferred(terms, full_form(name, "vi", ev))


# English category words after a Vietnamese place name, and the Vietnamese
# word written before it ("Hoài River" is "sông Hoài").
_FEATURES = vi.FEATURE_WORDS


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
            full_form(vi, "vi", Evidence("feature-name", detail=f"{t.text} → {vi}")),
        ]
    return terms


def _english_preferred(terms: list[Term]) -> list[Term]:
    """Each language has its preferred term: a name written in English text
    ("Cambodia") is preferred in English beside the Vietnamese one
    ("Campuchia"), the most used full form first."""
    if any(t.lang == "en" and t.is_preferred for t in terms):
        return terms
    en = [
        t
        for t in terms
        if t.lang == "en" and t.type in (TermType.FULL_FORM, TermType.VARIANT)
    ]
    if not en:
        return terms
    top = max(en, key=lambda t: (t.type is TermType.FULL_FORM, t.count))
    return [replace(t, status=TermStatus.PREFERRED) if t is top else t for t in terms]


def _settlement_preferred(terms: list[Term]) -> list[Term]:
    """A hamlet or village is known by its bare name: "thôn Phìn Chải 2" is
    "Phìn Chải 2", when the text writes the bare name too."""
    pref = next((t for t in terms if t.lang == "vi" and t.is_preferred), None)
    if pref is None or (bare := strip_settlement(pref.text)) == pref.text:
        return terms
    if not any(t.lang == "vi" and t.text == bare for t in terms):
        return terms
    return [
        replace(t, status=TermStatus.PREFERRED)
        if t.lang == "vi" and t.text == bare
        else replace(t, status=TermStatus.ADMITTED)
        if t is pref
        else t
        for t in terms
    ]


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
    """`text` with the tone marks of oa/oe/uy put the common way."""
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
                full_form(common, t.lang, Evidence(rule, detail=f"{t.text} → {common}"))
            )
    return out


def full_form(text: str, lang: str, ev: Evidence) -> Term:
    """A preferred full form the corpus did not write (count 0), with its source."""
    return Term(
        text=text,
        lang=lang,
        status=TermStatus.PREFERRED,
        type=TermType.FULL_FORM,
        evidence=(ev,),
    )
