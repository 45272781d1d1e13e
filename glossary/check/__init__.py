"""Terminology QA of translations and articles: named checks over documents.

Each check is a function ``(Document, Run) -> Iterator[Finding]`` with a
docstring saying what it reports; `CHECKS` lists them in the order they run
and are shown, as pofilter's filters are listed by ``--listfilters``.
`select` picks some by name. Readers, fixes and reports live beside them;
`glossary.check_service` is the use case the CLI and the TUI call.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple, cast

from glossary.check.model import CheckFunction, Document, Finding, Run, Segment
from glossary.errors import InputError

__all__ = [
    "CHECKS",
    "Check",
    "Document",
    "Finding",
    "Run",
    "merged",
    "run_checks",
    "select",
]


class Check(NamedTuple):
    """A named check: what `--only`, `--exclude` and `--list-checks` show."""

    name: str
    help: str  # one line
    where: str  # "module:function" in glossary.check (see `function`)
    needs_glossary: bool = False
    fixable: bool = False  # its findings are safe fixes
    across: bool = False  # compares units with each other (see `merged`)

    @property
    def function(self) -> CheckFunction:
        """The check itself, its module imported on first use: a run of two
        checks does not load the name tables and the gazetteer of the others."""
        module, _, name = self.where.partition(":")
        found = getattr(importlib.import_module(f"glossary.check.{module}"), name)
        return cast(CheckFunction, found)


CHECKS: tuple[Check, ...] = (
    Check(
        "term-missing",
        "a source term of an approved concept whose target term the translation lacks",
        "terms:term_missing",
        needs_glossary=True,
    ),
    Check(
        "term-forbidden",
        "a forbidden or deprecated term in the source or the target",
        "terms:term_forbidden",
        needs_glossary=True,
    ),
    Check(
        "name-variant",
        "a name without its diacritics or in a non-preferred variant (fixable)",
        "names:name_variant",
        needs_glossary=True,
        fixable=True,
    ),
    Check(
        "name-inconsistent",
        "one person, place or organisation written two ways in one file",
        "names:name_inconsistent",
        across=True,
        needs_glossary=True,
    ),
    Check(
        "tone-style",
        "old (hòa) and new (hoà) tone-mark placement mixed in one file (fixable)",
        "tone:tone_style",
        across=True,
        fixable=True,
    ),
    Check(
        "old-unit",
        "a province merged away or a district abolished in 2025, with its successor",
        "old_unit:old_unit",
    ),
    Check(
        "target-inconsistent",
        "one source segment translated differently in one memory or catalogue",
        "consistency:target_inconsistent",
        across=True,
    ),
    Check(
        "placeholders",
        "a printf or {brace} placeholder dropped, added or reordered (pofilter printf)",
        "placeables:placeholders",
    ),
    Check(
        "numbers",
        "a number dropped, added or changed by a translation (pofilter numbers)",
        "placeables:numbers",
    ),
)


def select(only: Sequence[str] = (), exclude: Sequence[str] = ()) -> tuple[Check, ...]:
    """The checks named in `only` (all if empty), minus those in `exclude`.

    Raises:
        InputError: a name that is not a check.
    """
    known = {c.name for c in CHECKS}
    for name in (*only, *exclude):
        if name not in known:
            raise InputError(
                f"unknown check {name!r}; see --list-checks", "--only/--exclude"
            )
    return tuple(
        c for c in CHECKS if (not only or c.name in only) and c.name not in exclude
    )


def merged(documents: Sequence[Document]) -> tuple[Document, list[int]]:
    """All documents as one memory, and where each one's segments start in it.

    The checks that compare units with each other (`Check.across`) then
    compare across files: two tone-mark styles in two articles, one name
    written two ways in a folder of translations.
    """
    segments: list[Segment] = []
    starts = []
    for doc in documents:
        starts.append(len(segments))
        segments += [
            s._replace(position=len(segments) + s.position) for s in doc.segments
        ]
    kinds = {d.kind for d in documents}
    kind = kinds.pop() if len(kinds) == 1 else "mixed"
    return Document("<all files>", kind, tuple(segments)), starts


def run_checks(
    doc: Document, run: Run, checks: Iterable[Check] = CHECKS
) -> list[Finding]:
    """Every finding of `checks` on `doc`, in file order."""
    found = [f for check in checks for f in check.function(doc, run)]
    return sorted(found, key=Finding.sort_key)
