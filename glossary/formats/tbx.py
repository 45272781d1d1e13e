"""TBX-Basic on TBX v3 (ISO 30042:2019, DCA style): dump and load.

One ``conceptEntry`` per concept (id ``c<id>``), one ``langSec`` per language,
one ``termSec`` per term with ``termType``, ``administrativeStatus``,
``partOfSpeech`` and a ``context`` sentence. The concept's kind is its
``subjectField``; review status, key, flags and the free note are ``note``
lines (``status: approved``, ``key: …``, ``flags: …``). Only data categories
and values of the TBX-Basic DCA Schematron are written, so our status
``forbidden`` (not in the picklist) goes out as ``deprecatedTerm-admn-sts``
plus a term-level ``note`` ``status: forbidden`` that `load` reads back.
A preferred target-language term of a concept not approved is a proposal
nobody reviewed: it goes out as ``admittedTerm-admn-sts`` with the note
``status: preferred, proposed (not reviewed)``, read back as preferred.

TBX 2008 (``<martif>``) shares this code through `Dialect`; see `tbx2008`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO

from lxml import etree

from glossary.errors import ExportError, InputError, warn_input
from glossary.formats._cat import is_usable, read_term_line, term_line
from glossary.formats._xml import parse
from glossary.model import (
    Concept,
    ConceptStatus,
    Flag,
    Kind,
    Term,
    TermFlag,
    TermStatus,
    TermType,
)
from glossary.text import nfc

V3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ADMN = "-admn-sts"
_DEFINITION = "definition: "  # a note line written as <descrip type="definition">
_FLAGS = "flags: "  # a term's TermFlags, as a term-level note


@dataclass(frozen=True, slots=True)
class Dialect:
    """Element names and picklists that differ between TBX v3 and TBX 2008."""

    ns: str
    root: str
    header: str
    entry: str
    lang_sec: str
    term_sec: str
    pos_values: frozenset[str]
    allow_doctype: bool
    # Readers of this dialect (OmegaT) offer every term as a translation:
    # forbidden and deprecated terms go out as note lines instead (see _cat).
    for_cat_tools: bool = False


V3 = Dialect(
    ns=V3_NS,
    root="tbx",
    header="tbxHeader",
    entry="conceptEntry",
    lang_sec="langSec",
    term_sec="termSec",
    pos_values=frozenset({"adjective", "noun", "other", "verb", "adverb"}),
    allow_doctype=False,
)


def _q(d: Dialect, name: str) -> str:
    return f"{{{d.ns}}}{name}" if d.ns else name


_NAMES = frozenset({Kind.PERSON, Kind.PLACE, Kind.ORG})


def _pos(d: Dialect, pos: str, kind: Kind = Kind.TERM) -> str:
    """Map our free-text part of speech to the dialect's picklist.

    Without one, a name is a proper noun (TBX 2008 has the value, TBX v3's
    DCA picklist does not) and anything else a noun phrase.
    """
    if not pos:
        pos = "properNoun" if kind in _NAMES else "noun"
    if pos in d.pos_values:
        return pos
    if pos == "properNoun":
        return "noun"
    return "other"


def _status_out(status: TermStatus) -> str:
    if status is TermStatus.FORBIDDEN:
        return "deprecatedTerm" + _ADMN
    return f"{status}Term{_ADMN}"


# Characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_XML_SPACE = re.compile("[ \t\r\n]+")


def _squeeze(text: str) -> str:
    """Collapse runs of XML white space (not NBSP, which may be meant) to one space."""
    return _XML_SPACE.sub(" ", text).strip(" ")


_LINE_SPACE = re.compile("[ \t\r\n]*[\t\r\n][ \t\r\n]*")


def _one_line(text: str) -> str:
    """A term on one line: line breaks and tabs become one space; runs of plain
    spaces are the term's own ("0  0") and stay."""
    return _LINE_SPACE.sub(" ", text).strip(" ")


def _sub(
    parent: etree._Element, tag: str, text: str, squeeze: bool = True, **attrs: str
) -> None:
    el = etree.SubElement(parent, tag, attrs)
    # Runs of white space (a context sentence spanning lines) become one space,
    # as `_text` reads them, so export → import → export stays identical.
    el.text = (_squeeze if squeeze else _one_line)(_NOT_XML.sub("", text))


# A preferred target term nobody reviewed (a build's or align's proposal in
# a concept not approved) goes out as admitted, so that a CAT tool does not
# take it for an approved one, with this note, which `load` reads back.
_PROPOSED = "status: preferred, proposed (not reviewed)"


def _term_sec(
    d: Dialect, parent: etree._Element, term: Term, kind: Kind, proposed: bool = False
) -> None:
    sec = etree.SubElement(parent, _q(d, d.term_sec))
    _sub(sec, _q(d, "term"), term.text, squeeze=False)
    note = _q(d, "termNote")
    _sub(sec, note, str(term.type), type="termType")
    proposed = proposed and term.is_preferred and not term.manual
    status = TermStatus.ADMITTED if proposed else term.status
    _sub(sec, note, _status_out(status), type="administrativeStatus")
    _sub(sec, note, _pos(d, term.pos, kind), type="partOfSpeech")
    if term.context:
        _sub(sec, _q(d, "descrip"), term.context, type="context")
    for line in term_notes(term) + ([_PROPOSED] if proposed else []):
        _sub(sec, _q(d, "note"), line)


def term_notes(term: Term) -> list[str]:
    """A term's ``note`` lines: its status if forbidden, flags, free note."""
    lines = ["status: forbidden"] if term.status is TermStatus.FORBIDDEN else []
    if term.flags:
        lines.append(_FLAGS + ", ".join(sorted(str(f) for f in term.flags)))
    return lines + [x for x in term.note.splitlines() if x.strip()]


def concept_notes(concept: Concept) -> list[str]:
    """The ``note`` lines that carry what TBX-Basic has no category for."""
    notes = [f"status: {concept.status}"]
    if concept.key:
        notes.append(f"key: {concept.key}")
    if concept.flags:
        notes.append("flags: " + ", ".join(sorted(str(f) for f in concept.flags)))
    notes.extend(line for line in concept.note.splitlines() if line.strip())
    return notes


def lang_order(concept: Concept, src: str, tgt: str) -> list[str]:
    """Languages of `concept`: `src`, then `tgt`, then any others by name."""
    langs = {t.lang for t in concept.terms}
    return [x for x in (src, tgt) if x in langs] + sorted(langs - {src, tgt})


def _entry(
    d: Dialect,
    body: etree._Element,
    concept: Concept,
    n: int,
    langs: tuple[str, str],
    labels: dict[int, str],
) -> None:
    src, tgt = langs
    shown, hidden = list(concept.terms), []
    if d.for_cat_tools:
        shown = [t for t in concept.terms if is_usable(t)]
        hidden = [t for t in concept.terms if not is_usable(t)]
    if not shown:
        return
    concept = replace(concept, terms=tuple(shown))
    entry = etree.SubElement(
        body, _q(d, d.entry), id=f"c{concept.id if concept.id is not None else n}"
    )
    # The subject field is the concept's domain if it has one, else its kind
    # (then a `kind:` note keeps the kind).
    subject = concept.subject or str(concept.kind)
    _sub(entry, _q(d, "descrip"), subject, type="subjectField")
    notes = [f"kind: {concept.kind}"] if concept.subject else []
    notes += concept_notes(concept) + [term_line(t) for t in hidden]
    for line in notes:
        if line.startswith(_DEFINITION):
            _sub(entry, _q(d, "descrip"), line[len(_DEFINITION) :], type="definition")
    for line in notes:
        if not line.startswith(_DEFINITION):
            _sub(entry, _q(d, "note"), line)
    for part in concept.parts:  # the concepts named inside this one's names
        if part in labels:
            _sub(
                entry,
                _q(d, "ref"),
                labels[part],
                type="crossReference",
                target=f"c{part}",
            )
    for lang in lang_order(concept, src, tgt):
        sec = etree.SubElement(entry, _q(d, d.lang_sec), {XML_LANG: lang})
        if definition := concept.definition(lang):
            _sub(sec, _q(d, "descrip"), definition, type="definition")
        # Preferred first: many CAT tools show only the first term of a langSec.
        terms = [t for t in concept.terms if t.lang == lang]
        proposed = lang == tgt and concept.status is not ConceptStatus.APPROVED
        for term in sorted(terms, key=lambda t: not t.is_preferred):
            _term_sec(d, sec, term, concept.kind, proposed)


def dump_dialect(
    d: Dialect,
    concepts: Iterable[Concept],
    out: IO[bytes],
    *,
    src: str = "en",
    tgt: str = "vi",
    header: etree._Element | None = None,
) -> None:
    """Write `concepts` as TBX-Basic of dialect `d` (shared by v3 and 2008)."""
    root = (
        etree.Element(_q(d, d.root), nsmap={None: d.ns})  # type: ignore[dict-item]
        if d.ns
        else etree.Element(d.root)
    )
    root.set("type", "TBX-Basic")
    if d is V3:
        root.set("style", "dca")
    root.set(XML_LANG, src)
    if header is None:
        header = etree.Element(_q(d, d.header))
        file_desc = etree.SubElement(header, _q(d, "fileDesc"))
        desc = etree.SubElement(file_desc, _q(d, "sourceDesc"))
        _sub(desc, _q(d, "p"), f"English–Vietnamese glossary ({src}→{tgt})")
    root.append(header)
    body = etree.SubElement(etree.SubElement(root, _q(d, "text")), _q(d, "body"))
    concepts = list(concepts)
    # crossReference targets: the concepts written, by id
    labels = {
        c.id: c.label
        for c in concepts
        if c.id is not None
        and (not d.for_cat_tools or any(is_usable(t) for t in c.terms))
    }
    for n, concept in enumerate(concepts, 1):
        _entry(d, body, concept, n, (src, tgt), labels)
    if len(body) == 0:
        # TBX requires at least one entry in <body>; an empty file would not validate.
        raise ExportError("no concepts to write: TBX needs at least one")
    doctype = "" if d.ns else '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
    data = etree.tostring(
        etree.ElementTree(root),
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
        doctype=doctype or None,  # type: ignore[arg-type]
    )
    assert isinstance(data, bytes)
    out.write(data)


def dump(
    concepts: Iterable[Concept], out: IO[bytes], *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write `concepts` as TBX-Basic v3 (DCA) to the binary stream `out`."""
    dump_dialect(V3, concepts, out, src=src, tgt=tgt)


# -- reading ---------------------------------------------------------------


def _line(el: etree._Element) -> int | None:
    line = el.sourceline
    return line if isinstance(line, int) else None


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c) == name]


def _text(el: etree._Element) -> str:
    if len(el) == 0:  # the common case: plain text, no inline markup
        return nfc(_squeeze(el.text or ""))
    return nfc(_squeeze("".join(str(t) for t in el.itertext())))


def _read_status(value: str, where: tuple[str, int | None]) -> TermStatus:
    base = value.removesuffix(_ADMN).removesuffix("Term")
    aliases = {
        "superseded": "deprecated",
        "notRecommended": "deprecated",
        "standardized": "preferred",
        "legal": "admitted",
        "regulated": "admitted",
    }
    base = aliases.get(base, base)
    try:
        return TermStatus(base)
    except ValueError:
        raise InputError(f"unknown administrativeStatus {value!r}", *where) from None


def _read_type(value: str) -> TermType:
    aliases = {"abbreviation": "shortForm", "phrase": "variant"}
    try:
        return TermType(aliases.get(value, value))
    except ValueError:
        return TermType.VARIANT


def _descrips(el: etree._Element, kind: str) -> list[str]:
    """Texts of `descrip type=kind` children of `el`, also inside descripGrp."""
    out = []
    for child in el:
        name = _local(child)
        if name == "descripGrp":
            out.extend(_descrips(child, kind))
        elif name == "descrip" and child.get("type") == kind:
            out.append(_text(child))
    return out


def _context(el: etree._Element) -> str:
    if _local(el) == "descrip":
        return _text(el) if el.get("type") == "context" else ""
    found = _descrips(el, "context")
    return found[0] if found else ""


def _term_parts(sec: etree._Element) -> Iterator[etree._Element]:
    """Children of a term section, with a TBX 2008 ``<ntig>``'s ``termGrp`` opened."""
    for child in sec:
        if _local(child) == "termGrp":
            yield from child
        else:
            yield child


@dataclass(slots=True)
class _Skipped:
    """What a lenient read left out, reported in one warning line per file."""

    empty: list[int] = field(default_factory=list)  # lines of empty <term/>
    notes: dict[str, int] = field(default_factory=dict)  # termNote type → line

    def warn(self, path: str, dropped: int) -> None:
        parts = []
        if self.empty:
            parts.append(f"{len(self.empty)} empty <term/> placeholder(s) skipped")
        if dropped:
            parts.append(f"{dropped} entries left with no term")
        if self.notes:
            kinds = ", ".join(sorted(self.notes))
            parts.append(f"termNote types this term base does not keep: {kinds}")
        if parts:
            first = min([*self.empty[:1], *self.notes.values()])
            warn_input("; ".join(parts), path, first or None)


_KEPT_NOTES = frozenset({"administrativeStatus", "termType", "partOfSpeech"})


def _read_term(
    d: Dialect, sec: etree._Element, lang: str, path: str, skipped: _Skipped
) -> Term | None:
    """The term of one term section; None for an empty placeholder ``<term/>``."""
    where = (path, _line(sec))
    texts: list[str] = []
    fields: dict[str, str] = {}
    context = ""
    notes: list[str] = []
    for child in _term_parts(sec):  # one pass: large files have many of these
        name = _local(child)
        if name == "term":
            texts.append(nfc(_one_line("".join(str(t) for t in child.itertext()))))
        elif name == "termNote":
            kind = child.get("type", "")
            fields[kind] = _text(child)
            if kind not in _KEPT_NOTES:
                skipped.notes.setdefault(kind, _line(child) or 0)
        elif name in ("descrip", "descripGrp") and not context:
            context = _context(child)
        elif name == "note":
            notes.append(_text(child))
    if texts == [""]:
        return None  # a language a termbase tool left for later (SDL MultiTerm)
    if len(texts) != 1:
        raise InputError(f"{_local(sec)} needs exactly one term", *where)
    status = TermStatus.ADMITTED
    if "administrativeStatus" in fields:
        status = _read_status(fields["administrativeStatus"], where)
    if "status: forbidden" in notes:
        notes.remove("status: forbidden")
        status = TermStatus.FORBIDDEN
    if _PROPOSED in notes:
        notes.remove(_PROPOSED)
        status = TermStatus.PREFERRED
    flag_lines = [x for x in notes if x.startswith(_FLAGS)]
    try:
        flags = frozenset(
            TermFlag(f.strip())
            for line in flag_lines
            for f in line.removeprefix(_FLAGS).split(",")
        )
    except ValueError:
        raise InputError(f"bad term note {flag_lines[0]!r}", *where) from None
    return Term(
        text=texts[0],
        lang=lang,
        status=status,
        type=_read_type(fields.get("termType", "variant")),
        pos=fields.get("partOfSpeech", ""),
        context=context,
        note="\n".join(x for x in notes if x and not x.startswith(_FLAGS)),
        flags=flags,
    )


def _read_entry(
    d: Dialect, entry: etree._Element, path: str, skipped: _Skipped
) -> Concept | None:
    """The concept of one entry; None when it holds only empty terms."""
    where = (path, _line(entry))
    kind, status, key, note = Kind.OTHER, ConceptStatus.CANDIDATE, "", []
    flags: frozenset[Flag] = frozenset()
    hidden: list[Term] = []  # terms written as note lines for CAT tools
    subject = ""
    by_lang: dict[str, str] = {}  # definitions per language
    for el in entry:
        name = _local(el)
        if name == "descrip" and el.get("type") == "subjectField":
            value = _text(el)
            if value in set(Kind):
                kind = Kind(value)
            else:  # a domain: the kind comes from a `kind:` note, else term
                kind, subject = Kind.TERM, value
        elif name == "note":
            line = _text(el)
            head, sep, rest = line.partition(": ")
            head = head if sep else ""  # a free note may be one word: 'status'
            try:
                if head == "status":
                    status = ConceptStatus(rest)
                elif head == "key":
                    key = rest
                elif head == "flags":
                    flags = frozenset(Flag(f.strip()) for f in rest.split(","))
                elif head == "kind" and subject:
                    kind = Kind(rest)
                elif d.for_cat_tools and (term := read_term_line(line)):
                    hidden.append(term)
                else:
                    note.append(line)
            except ValueError:
                raise InputError(f"bad note {line!r}", *where) from None
    definitions = _descrips(entry, "definition")
    empty_before = len(skipped.empty)
    terms = _read_lang_secs(d, entry, path, skipped, by_lang, definitions)
    if not terms and len(skipped.empty) > empty_before:
        return None
    if not terms:
        raise InputError(f"{d.entry} without terms", *where)
    terms.extend(hidden)
    raw_id = entry.get("id", "")
    return Concept(
        id=int(raw_id[1:]) if raw_id[:1] == "c" and raw_id[1:].isdigit() else None,
        kind=kind,
        status=status,
        key=key,
        flags=flags,
        note="\n".join([_DEFINITION + x for x in definitions if x] + note),
        terms=tuple(terms),
        subject=subject,
        definitions=tuple(sorted(by_lang.items())),
    )


def _read_lang_secs(
    d: Dialect,
    entry: etree._Element,
    path: str,
    skipped: _Skipped,
    by_lang: dict[str, str],
    definitions: list[str],
) -> list[Term]:
    """The terms of an entry's language sections; each section's definition
    goes to `by_lang`, a second one of a language to `definitions`."""
    terms: list[Term] = []
    for sec in _children(entry, d.lang_sec):
        lang = sec.get(XML_LANG) or sec.get("lang")  # bare `lang`: older MARTIF
        if not lang:
            raise InputError(f"{d.lang_sec} without xml:lang", path, _line(sec))
        for text in _descrips(sec, "definition"):
            if text and by_lang.setdefault(lang, text) != text:
                definitions.append(text)  # a second one: kept as a note line
        for t in sec:
            if _local(t) in (d.term_sec, "ntig"):  # TBX 2008 has both tig and ntig
                term = _read_term(d, t, lang, path, skipped)
                if term is None:
                    skipped.empty.append(_line(t) or 0)
                else:
                    terms.append(term)
    return terms


_BASIC = ("TBX", "TBX-Basic", "")
_SUBSETS = ("TBX-Core", "TBX-Min")  # every category they have, Basic has


def _check_dialect(root: etree._Element, path: str) -> None:
    """Refuse DCT style (data categories as elements); warn on a foreign dialect."""
    if root.get("style") == "dct":
        raise InputError(
            "TBX in DCT style is not read (export it in DCA style)", path, _line(root)
        )
    dialect = root.get("type", "")
    if dialect in _SUBSETS:
        warn_input(
            f"dialect {dialect!r} read as TBX-Basic (a subset of it: nothing lost)",
            path,
            _line(root),
        )
    elif dialect not in _BASIC:
        warn_input(
            f"dialect {dialect!r} read as TBX-Basic: its own categories are ignored",
            path,
            _line(root),
        )


def load_dialect(d: Dialect, src: IO[bytes], *, path: str) -> list[Concept]:
    """Read a TBX file of dialect `d`; see `load`."""
    root = parse(src.read(), path=path, allow_doctype=d.allow_doctype)
    if root.tag != _q(d, d.root):
        want = f"<{d.root}>" + (f" in namespace {d.ns}" if d.ns else "")
        raise InputError(
            f"root element is {root.tag!r}, expected {want}", path, _line(root)
        )
    body = [b for t in _children(root, "text") for b in _children(t, "body")]
    if not body:
        raise InputError("no <text><body>", path, _line(root))
    _check_dialect(root, path)
    skipped = _Skipped()
    entries = [_read_entry(d, e, path, skipped) for e in _children(body[0], d.entry)]
    concepts = [c for c in entries if c is not None]
    skipped.warn(path, len(entries) - len(concepts))
    return concepts


def load(src: IO[bytes], *, path: str = "<stream>") -> list[Concept]:
    """Read TBX v3 concepts written by `dump` or another TBX-Basic tool.

    Raises:
        InputError: unsafe, malformed or not TBX v3; names file and line.
    """
    return load_dialect(V3, src, path=path)
