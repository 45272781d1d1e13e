"""Gettext PO and POT: one entry per concept, for translators' gettext workflows.

An entry's ``msgid`` is the English preferred term and its ``msgstr`` the
Vietnamese one (empty when none); ``msgctxt`` is ``<kind>|c<id>`` so equal
strings of different concepts stay distinct. Translator comments list every
term as ``<lang> <status> <termType>: <text>`` (aliases, deprecated forms),
then ``key:``, ``flags:`` and note lines; extracted comments hold a context
sentence per language. Candidate (unreviewed) concepts are ``fuzzy``.

On `load`, a translator's edit wins: a ``msgstr`` that differs from the listed
Vietnamese preferred term becomes the preferred term (the old one stays as
admitted), and clearing ``fuzzy`` marks the concept approved.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import IO

import polib

from glossary.errors import InputError, warn_input
from glossary.formats._cat import (
    entry_lines,
    read_entry_line,
    read_term_line,
    term_line,
    usable_preferred,
    with_preferred,
)
from glossary.model import (
    Concept,
    ConceptStatus,
    Flag,
    Kind,
    Term,
    TermStatus,
    TermType,
)
from glossary.text import nfc

_CHARSET = re.compile(rb"charset=([-\w.:]+)", re.IGNORECASE)


def _header(tgt: str, template: bool) -> dict[str, str]:
    return {
        "Project-Id-Version": "glossary",
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "" if template else "2000-01-01 00:00+0000",
        "Last-Translator": "",
        "Language-Team": "",
        "Language": "" if template else tgt,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }


def _comment(concept: Concept) -> str:
    lines = [term_line(t) for t in concept.terms]
    if concept.status is ConceptStatus.REJECTED:
        lines.append("status: rejected")
    if concept.key:
        lines.append(f"key: {concept.key}")
    if concept.flags:
        lines.append("flags: " + ", ".join(sorted(str(f) for f in concept.flags)))
    lines += entry_lines(concept)
    lines.extend(f"note: {x}" for x in concept.note.splitlines() if x.strip())
    return "\n".join(lines)


def _entry(
    concept: Concept, n: int, src: str, tgt: str, template: bool
) -> polib.POEntry | None:
    # A forbidden or deprecated term is never a msgid or msgstr: it stays a
    # comment line, which Poedit, Weblate and Lokalize show (see _cat).
    source = usable_preferred(concept, src) or usable_preferred(concept)
    if source is None:
        return None
    target = usable_preferred(concept, tgt)
    comment = _comment(concept)
    if source.lang != src:
        comment = f"msgid: {source.lang}\n{comment}"
    # One comment line per context: a sentence spanning lines is joined.
    contexts = [
        f"{t.lang}: {' '.join(t.context.split())}"
        for t in (source, target)
        if t and t.context.strip()
    ]
    entry = polib.POEntry(
        msgctxt=f"{concept.kind}|c{concept.id if concept.id is not None else n}",
        msgid=source.text,
        msgstr="" if template or target is None else target.text,
        tcomment=comment,
        comment="\n".join(contexts),
    )
    if concept.status is ConceptStatus.CANDIDATE:
        entry.flags.append("fuzzy")
    return entry


def dump_po(
    concepts: Iterable[Concept],
    out: IO[bytes],
    *,
    src: str = "en",
    tgt: str = "vi",
    template: bool = False,
) -> None:
    """Write `concepts` as a PO file (or a POT template with `template`)."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = _header(tgt, template)
    for n, concept in enumerate(concepts, 1):
        entry = _entry(concept, n, src, tgt, template)
        if entry is not None:
            po.append(entry)
    out.write(str(po).encode("utf-8"))
    if not str(po).endswith("\n"):
        out.write(b"\n")


def dump(
    concepts: Iterable[Concept], out: IO[bytes], *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write `concepts` as a UTF-8 PO file with ``Language: tgt``."""
    dump_po(concepts, out, src=src, tgt=tgt)


def dump_pot(
    concepts: Iterable[Concept], out: IO[bytes], *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write `concepts` as a POT template (every ``msgstr`` empty)."""
    dump_po(concepts, out, src=src, tgt=tgt, template=True)


# -- reading ---------------------------------------------------------------


def _with_plurals(
    terms: list[Term], e: polib.POEntry, src: str, tgt: str
) -> list[Term]:
    """Add a plural entry's forms: the first translation preferred, others admitted."""
    forms = [nfc(v) for _, v in sorted(e.msgstr_plural.items()) if v.strip()]
    if forms:
        terms = with_preferred(terms, forms[0], tgt)
    have = {(t.text, t.lang) for t in terms}
    for text, lang in [(nfc(e.msgid_plural), src), *((f, tgt) for f in forms[1:])]:
        if (text, lang) not in have:
            have.add((text, lang))
            terms.append(Term(text, lang, TermStatus.ADMITTED, TermType.VARIANT))
    return terms


def _concept(e: polib.POEntry, path: str, src: str, tgt: str) -> Concept:
    where = (path, e.linenum)
    terms: list[Term] = []
    key, note, flags, src_lang = "", [], frozenset[Flag](), src
    entry_fields: list[tuple[str, str]] = []  # ("", subject), (lang, definition)
    status = ConceptStatus.CANDIDATE if e.fuzzy else ConceptStatus.APPROVED
    for line in (e.tcomment or "").splitlines():
        head, sep, rest = line.partition(": ")
        head = head if sep else ""  # a free note may be one word: 'status'

        try:
            if term := read_term_line(line):
                terms.append(term)
            elif head == "key":
                key = rest
            elif head == "flags":
                flags = frozenset(Flag(f.strip()) for f in rest.split(","))
            elif head == "status":
                status = ConceptStatus(rest)
            elif head == "msgid":
                src_lang = rest
            elif head == "note":
                note.append(nfc(rest))
            elif entry := read_entry_line(line):
                entry_fields.append(entry)
        except ValueError:
            raise InputError(f"bad comment line {line!r}", *where) from None
    terms = with_preferred(terms, nfc(e.msgid), src_lang)
    if e.msgstr:
        terms = with_preferred(terms, nfc(e.msgstr), tgt)
    if e.msgid_plural:
        terms = _with_plurals(terms, e, src_lang, tgt)
    contexts = dict(
        (lang, nfc(text))
        for lang, _, text in (x.partition(": ") for x in e.comment.splitlines())
    )
    shown = Concept(kind=Kind.TERM, terms=tuple(terms))
    picked = {usable_preferred(shown, lang) for lang in contexts}
    terms = [replace(t, context=contexts[t.lang]) if t in picked else t for t in terms]
    kind_text = e.msgctxt.split("|")[0] if e.msgctxt else ""
    ident = e.msgctxt.rpartition("|c")[2] if e.msgctxt else ""
    return Concept(
        id=int(ident) if ident.isdigit() else None,
        kind=Kind(kind_text) if kind_text in set(Kind) else Kind.TERM,
        status=status,
        key=key,
        flags=flags,
        note="\n".join(note),
        terms=tuple(terms),
        subject=next((text for lang, text in entry_fields if not lang), ""),
        definitions=tuple(sorted((lang, t) for lang, t in entry_fields if lang)),
    )


_KEYWORD_LINE = re.compile(
    r'^(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"(?:[^"\\]|\\.)*"\s*$'
)


def _check_syntax(text: str, path: str) -> None:
    """Reject lines polib would silently accept (e.g. an unterminated string)."""
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not _KEYWORD_LINE.match(stripped):
            what = "unterminated string" if stripped.count('"') % 2 else "bad line"
            raise InputError(f"PO syntax error: {what}", path, n)


def _decode(raw: bytes, path: str) -> str:
    """`raw` decoded by the header's charset (UTF-8 when none is declared)."""
    m = _CHARSET.search(raw[:4096])
    charset = m[1].decode("ascii") if m else "UTF-8"
    if charset.upper() in ("CHARSET", "UTF-8", "UTF8"):  # CHARSET: a blank POT
        charset = "UTF-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        line = raw[: m.start() if m else 0].count(b"\n") + 1
        raise InputError(f"unknown charset {charset!r}", path, line) from None
    try:
        return raw.decode("utf-8-sig" if charset == "UTF-8" else charset)
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError(f"not valid {charset}", path, line) from e


_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def _warn_placeholders(entries: list[polib.POEntry], path: str) -> None:
    """Say once when translations lose or rename a format placeholder (msgfmt -c)."""
    bad = [
        e.linenum
        for e in entries
        if e.msgstr
        and any(f.endswith("-format") and not f.startswith("no-") for f in e.flags)
        and sorted(_PLACEHOLDER.findall(e.msgid))
        != sorted(_PLACEHOLDER.findall(e.msgstr))
    ]
    if bad:
        warn_input(
            f"{len(bad)} translation(s) whose format placeholders differ from the "
            "msgid, imported as written",
            path,
            bad[0],
        )


def _check_unique(po: polib.POFile, path: str) -> None:
    """Refuse a second entry with the same msgctxt and msgid, as msgfmt does."""
    first: dict[tuple[str, str], int | None] = {}
    for e in po:
        if e.obsolete:
            continue
        line = first.setdefault((e.msgctxt or "", e.msgid), e.linenum)
        if line != e.linenum:
            raise InputError(
                f"duplicate entry (same msgctxt and msgid as line {line})",
                path,
                e.linenum,
            )


def load(
    src: IO[bytes], *, path: str = "<stream>", tgt: str | None = None
) -> list[Concept]:
    """Read concepts from a PO or POT file (ours or any gettext catalogue).

    Args:
        src: the file.
        path: shown in messages.
        tgt: the language of the translations when the header has no
            ``Language`` (a catalogue without one is refused otherwise).

    Raises:
        InputError: undecodable in its charset, a PO syntax error, a
            duplicate entry, or translations in an unknown language; names
            the file and line.
    """
    text = _decode(src.read(), path)
    if not text.strip():
        raise InputError("empty file", path, 1)
    _check_syntax(text, path)
    try:
        po = polib.pofile(text, wrapwidth=0)
    except OSError as e:
        m = re.search(r"\(line (\d+)\)", str(e))
        msg = re.sub(r"\s*\(line \d+\)", "", str(e)).replace(" in po file", "")
        msg = msg.replace("Syntax error", "PO syntax error").replace(" unknown", "")
        raise InputError(msg.strip(), path, int(m[1]) if m else None) from e
    _check_unique(po, path)
    entries = [e for e in po if not e.obsolete and e.msgid]
    _warn_placeholders(entries, path)
    lang = po.metadata.get("Language", "").strip() or tgt
    if lang is None:
        if any(e.msgstr or any(e.msgstr_plural.values()) for e in entries):
            raise InputError(
                "no Language header: say which language the translations are in "
                "(--lang)",
                path,
                1,
            )
        lang = "vi"  # a template: no translation to label
    return [_concept(e, path, "en", lang) for e in entries]
