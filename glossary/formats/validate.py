"""Checks every importer's concepts pass before they reach the term base.

Each format reports its own syntax errors with a line; what is wrong in any
format (an empty or NUL-bearing term, an id SQLite cannot hold, a lone
surrogate) is refused here, naming the concept. Invisible characters that
would split a name into two concepts (zero-width spaces, bidi controls) are
removed with one warning per file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import NoReturn

from glossary.errors import InputError, warn_input
from glossary.model import Concept, Term
from glossary.text import without_invisible

_MAX_INT = 2**63 - 1  # SQLite's INTEGER
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LANG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def _bad_text(text: str) -> str | None:
    """Why `text` cannot be stored, or None."""
    control = _CONTROL.search(text)
    if control:
        return f"control character U+{ord(control.group()):04X}"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "a lone surrogate (not valid Unicode)"
    return None


def _term(term: Term, refuse: _Refuser) -> Term:
    text = without_invisible(term.text).strip()
    if not text:
        refuse("empty term")
    for what, value in (("term", text), ("context", term.context), ("pos", term.pos)):
        why = _bad_text(value.replace("\n", " ").replace("\t", " "))
        if why:
            refuse(f"{why} in a {what}")
    if not _LANG.match(term.lang):
        refuse(f"bad language code {term.lang!r}")
    if not 0 <= term.count <= _MAX_INT:
        refuse(f"count {term.count} out of range")
    return term if text == term.text else replace(term, text=text)


class _Refuser:
    def __init__(self, path: str, n: int, concept: Concept) -> None:
        ident = f" (id {concept.id})" if concept.id is not None else ""
        self.prefix = f"concept #{n}{ident}: "
        self.path = path

    def __call__(self, message: str) -> NoReturn:
        raise InputError(self.prefix + message, self.path)


def checked(concepts: Iterable[Concept], path: str) -> list[Concept]:
    """`concepts` as they may be stored, invisible characters removed from terms.

    Raises:
        InputError: a concept has no terms, an empty term, a control
            character or lone surrogate, a bad language code, or an id or
            count out of range.
    """
    out: list[Concept] = []
    cleaned = 0
    for n, concept in enumerate(concepts, 1):
        refuse = _Refuser(path, n, concept)
        if concept.id is not None and not 0 <= concept.id <= _MAX_INT:
            refuse(f"id {concept.id} out of range")
        if not concept.terms:
            refuse("no terms")
        for value in (concept.note, concept.key):
            why = _bad_text(value.replace("\n", " ").replace("\t", " "))
            if why:
                refuse(f"{why} in a note or key")
        terms = tuple(_term(t, refuse) for t in concept.terms)
        if terms != concept.terms:
            cleaned += sum(
                a.text != b.text for a, b in zip(terms, concept.terms, strict=True)
            )
            concept = replace(concept, terms=terms)
        out.append(concept)
    if cleaned:
        warn_input(
            f"removed zero-width or bidi control characters from {cleaned} term(s)",
            path,
        )
    return out
