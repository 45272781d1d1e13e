"""What exports meant for CAT tools do with forbidden and deprecated terms.

OmegaT, Weblate and translate-toolkit read every term of a TBX 2008 entry, a
PO ``msgstr`` and a CSV or TSV row as a translation to suggest; none of them
reads a term's status. So these exports never offer a forbidden or deprecated
term as a translation: such a term is written as a visible comment line
(``vi forbidden fullForm: Thủ Tướng Chính Phủ``), which the tools show beside
the entry and our `load` reads back. TBX v3 and JSON keep them as terms with
their status.
"""

from __future__ import annotations

import re
from dataclasses import replace

from glossary.model import Concept, Kind, Term, TermStatus, TermType
from glossary.text import nfc

DO_NOT_USE = frozenset({TermStatus.FORBIDDEN, TermStatus.DEPRECATED})

TERM_LINE = re.compile(
    r"^(?P<lang>[A-Za-z][\w-]*) (?P<status>preferred|admitted|deprecated|forbidden) "
    r"(?P<type>\w+): (?P<text>.+)$"
)


def is_usable(term: Term) -> bool:
    """Whether a CAT tool may offer `term` as a translation."""
    return term.status not in DO_NOT_USE


def usable_preferred(concept: Concept, lang: str | None = None) -> Term | None:
    """`Concept.preferred` among the terms a CAT tool may offer (None if none)."""
    pool = [t for t in concept.terms if is_usable(t)]
    return Concept(kind=concept.kind, terms=tuple(pool)).preferred(lang)


def term_line(term: Term) -> str:
    """``<lang> <status> <type>: <text>``, the comment line that names a term."""
    return f"{term.lang} {term.status} {term.type}: {term.text}"


def read_term_line(line: str) -> Term | None:
    """The term a `term_line` names, or None if `line` is not one.

    Raises:
        ValueError: the line names an unknown term type.
    """
    m = TERM_LINE.match(line)
    if m is None:
        return None
    return Term(
        text=nfc(m["text"]),
        lang=m["lang"],
        status=TermStatus(m["status"]),
        type=TermType(m["type"]),
    )


def with_preferred(terms: list[Term], text: str, lang: str) -> list[Term]:
    """Make `text` the `lang` term that an export would pick, demoting another.

    How `load` reads a translator's edit of a ``msgstr`` or ``target`` cell:
    the edited text becomes the preferred term (added if new).
    """
    current = usable_preferred(Concept(kind=Kind.TERM, terms=tuple(terms)), lang)
    if current is not None and current.text == text:
        return terms
    out = []
    for t in terms:
        if t.lang == lang and t.text == text:
            t = replace(t, status=TermStatus.PREFERRED)
        elif t.lang == lang and t.is_preferred:
            t = replace(t, status=TermStatus.ADMITTED)
        out.append(t)
    if not any(t.lang == lang and t.text == text for t in out):
        out.append(Term(text, lang, TermStatus.PREFERRED, TermType.FULL_FORM))
    return out


def entry_lines(concept: Concept) -> list[str]:
    """Comment lines for a concept's subject field and definitions.

    ``subject: taxation``, ``definition en: …``: PO and CSV carry them as
    comments, which Poedit and Weblate show beside the entry.
    """
    lines = [f"subject: {concept.subject}"] if concept.subject else []
    return lines + [
        f"definition {lang}: {' '.join(text.split())}"
        for lang, text in concept.definitions
    ]


def read_entry_line(line: str) -> tuple[str, str] | None:
    """``("", subject)`` or ``(lang, definition)`` of an `entry_lines` line."""
    head, sep, rest = line.partition(": ")
    if not sep or not rest:
        return None
    if head == "subject":
        return "", nfc(rest)
    kind, _, lang = head.partition(" ")
    if kind == "definition" and lang and " " not in lang:
        return lang, nfc(rest)
    return None
