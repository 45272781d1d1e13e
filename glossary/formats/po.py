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

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import IO

import polib

from glossary.errors import InputError
from glossary.formats._cat import (
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
)
from glossary.text import nfc


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


def _concept(e: polib.POEntry, path: str, src: str, tgt: str) -> Concept:
    where = (path, e.linenum)
    terms: list[Term] = []
    key, note, flags, src_lang = "", [], frozenset[Flag](), src
    status = ConceptStatus.CANDIDATE if e.fuzzy else ConceptStatus.APPROVED
    for line in (e.tcomment or "").splitlines():
        head, _, rest = line.partition(": ")
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
        except ValueError:
            raise InputError(f"bad comment line {line!r}", *where) from None
    terms = with_preferred(terms, nfc(e.msgid), src_lang)
    if e.msgstr:
        terms = with_preferred(terms, nfc(e.msgstr), tgt)
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


def load(src: IO[bytes], *, path: str = "<stream>", tgt: str = "vi") -> list[Concept]:
    """Read concepts from a PO or POT file (ours or any gettext catalogue).

    Raises:
        InputError: not UTF-8 or a PO syntax error; names the file and line.
    """
    raw = src.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path, line) from e
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
    lang = po.metadata.get("Language") or tgt
    return [_concept(e, path, "en", lang) for e in po if not e.obsolete and e.msgid]
