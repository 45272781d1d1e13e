"""The filter language of the concept table, as plain functions (no Textual).

A query is words and ``field:value`` pairs. Words match any alias, ignoring
case and diacritics ("chinh" finds Phạm Minh Chính, "ha noi" finds Hà Nội);
fields are ``kind:``, ``status:`` and ``flag:`` (prefixes work: ``k:pers``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossary.store import ConceptSummary
from glossary.text import fold

_FIELDS = ("kind", "status", "flag")


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed filter: folded words plus field constraints (all must match)."""

    words: tuple[str, ...] = ()
    kind: str = ""
    status: str = ""
    flag: str = ""


def parse(text: str) -> Query:
    """Parse a filter box value."""
    words: list[str] = []
    fields: dict[str, str] = {}
    for token in text.split():
        name, sep, value = token.partition(":")
        field = next((f for f in _FIELDS if name and f.startswith(name.lower())), "")
        if sep and field and value:
            fields[field] = fold(value)
        elif not sep or value:
            words.append(fold(token))
    return Query(words=(" ".join(words),) if words else (), **fields)


def matches(query: Query, row: ConceptSummary, haystack: str) -> bool:
    """Whether `row` (whose folded aliases are `haystack`) passes `query`."""
    if query.kind and not str(row.kind).startswith(query.kind):
        return False
    if query.status and not str(row.status).startswith(query.status):
        return False
    if query.flag and not any(str(f).startswith(query.flag) for f in row.flags):
        return False
    return all(w in haystack for w in query.words)


def haystack(row: ConceptSummary) -> str:
    """The folded text a row is searched in: its label and every alias key."""
    return f"{fold(row.label)}\n{row.keys}"


SORTS: dict[str, Callable[[ConceptSummary], object]] = {
    "label": lambda r: fold(r.label),
    "kind": lambda r: (str(r.kind), fold(r.label)),
    "status": lambda r: (str(r.status), fold(r.label)),
    "aliases": lambda r: (-r.terms, fold(r.label)),
    "occurrences": lambda r: (-r.occurrences, fold(r.label)),
    "id": lambda r: r.id,
}


def select(
    rows: Sequence[ConceptSummary],
    hay: Sequence[str],
    text: str,
) -> list[ConceptSummary]:
    """The rows passing the filter `text`, in their given order."""
    query = parse(text)
    if query == Query():
        return list(rows)
    return [r for r, h in zip(rows, hay, strict=True) if matches(query, r, h)]
