"""The `glossary check` use case: check files against the term base, fix a copy.

What the CLI, the TUI and other programs call. `check_files` reads each
file (`glossary.check.readers`), runs the selected checks
(`glossary.check.CHECKS`) and returns the findings per file; `check_text`
does the same for a text already in memory (the TUI's "check a file");
`fix_files` writes corrected copies with the safe fixes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.check import CHECKS, Check, Document, Finding, Run, merged, run_checks
from glossary.check.model import Segment
from glossary.check.readers import paragraphs, read_documents
from glossary.errors import InputError
from glossary.gc_pause import paused_gc
from glossary.text import nfc
from glossary.text.tokens import detect_language, language_sample

if TYPE_CHECKING:  # imported where used: a run without a term base starts faster
    from glossary.api import Glossary

__all__ = [
    "CheckReport",
    "FileResult",
    "check_documents",
    "check_files",
    "check_text",
    "fix_files",
    "load_glossary",
]


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings in one checked file (a text pair counts as its Vietnamese file)."""

    document: Document
    findings: tuple[Finding, ...]

    @property
    def path(self) -> str:
        return self.document.path


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What one run found: per file, and which checks ran or were skipped."""

    files: tuple[FileResult, ...]
    checks: tuple[str, ...]
    skipped: tuple[str, ...] = ()  # term-base checks without a term base

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]


def load_glossary(path: str | None) -> Glossary | None:
    """The term base at `path` (a database, a .tbx or a .json file), or None.

    Raises:
        StoreError: the database is missing or not a term base.
        InputError: the TBX file cannot be read.
    """
    if path is None:
        return None
    from glossary.api import Glossary

    suffix = Path(path).suffix.lower()
    if suffix == ".tbx":
        return Glossary.from_tbx(path)
    if suffix == ".json":
        return _from_json(path)
    return Glossary.open(path)


def _from_json(path: str) -> Glossary:
    """A term base as `glossary export --format json` writes it (or a list of
    records as `Glossary.from_records` takes them)."""
    import json

    from glossary.api import Glossary

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"not a readable JSON term base: {e}", path) from e
    records = data.get("concepts", []) if isinstance(data, dict) else data
    return Glossary.from_records(records)


def check_documents(
    documents: Sequence[Document],
    glossary: Glossary | None,
    checks: Sequence[Check] = CHECKS,
    *,
    together: bool = False,
) -> CheckReport:
    """Run `checks` over documents already read.

    Checks that need a term base are skipped (and named in `skipped`)
    when `glossary` is None. With `together`, the checks that compare units
    (name-inconsistent, tone-style, target-inconsistent) treat all the
    documents as one memory.
    """
    with paused_gc():
        return _check_documents(documents, glossary, checks, together=together)


def _check_documents(
    documents: Sequence[Document],
    glossary: Glossary | None,
    checks: Sequence[Check],
    *,
    together: bool,
) -> CheckReport:
    usable = [c for c in checks if glossary is not None or not c.needs_glossary]
    run = Run(glossary)
    alone = [c for c in usable if not (together and c.across)]
    found = [run_checks(d, run, alone) for d in documents]
    if together and len(alone) < len(usable):
        whole, starts = merged(documents)
        for f in run_checks(whole, run, [c for c in usable if c.across]):
            i = bisect_right(starts, f.segment) - 1
            found[i].append(replace(f, segment=f.segment - starts[i]))
    results = tuple(
        FileResult(d, tuple(sorted(f, key=Finding.sort_key)))
        for d, f in zip(documents, found, strict=True)
    )
    return CheckReport(
        results,
        tuple(c.name for c in usable),
        tuple(c.name for c in checks if c not in usable),
    )


def check_files(
    paths: Sequence[str],
    glossary: Glossary | None,
    checks: Sequence[Check] = CHECKS,
    *,
    together: bool = False,
) -> CheckReport:
    """Read and check every file; all are read before any is checked.

    Raises:
        InputError: a file is missing, unreadable, of an unknown kind or
            malformed (nothing is checked then).
    """
    with paused_gc():  # the documents' segments are many small objects, no cycles
        documents = read_documents(paths)
        return check_documents(documents, glossary, checks, together=together)


def check_text(
    text: str,
    glossary: Glossary | None,
    *,
    lang: str | None = None,
    name: str = "<text>",
    checks: Sequence[Check] = CHECKS,
) -> list[Finding]:
    """Check one monolingual text (an article) held in memory.

    Args:
        text: the text; NFC is applied here.
        glossary: the term base, or None.
        lang: "en" or "vi"; detected when None.
        name: the path to show in findings.
        checks: which checks to run.
    """
    text = nfc(text)
    if lang is None:
        lang = "vi" if detect_language(language_sample(text)) == "vi" else "en"
    fields = paragraphs(text, lang, name)
    segments = tuple(Segment(i, "", f, None, f.line) for i, f in enumerate(fields))
    doc = Document(name, "text", segments)
    return check_documents([doc], glossary, checks).findings


def fix_files(
    report: CheckReport, out: str, *, tone_style: bool = False
) -> list[Finding]:
    """Write a corrected copy of each file that has safe fixes; return them.

    Name variants are always fixed; tone-style findings only with
    `tone_style`. With one file `out` is the copy's path; with several it
    is a directory (created if missing) that gets each copy under its name.

    Raises:
        InputError: `out` is an input file, or names a file for several inputs.
        ExportError: a copy cannot be written.
    """
    from glossary.check.fix import applicable, fix_document

    kinds = {"name-variant"} | ({"tone-style"} if tone_style else set())
    several = len(report.files) > 1
    if several:
        if Path(out).exists() and not Path(out).is_dir():
            raise InputError("with several files, --fix needs a directory", out)
        Path(out).mkdir(parents=True, exist_ok=True)
    targets = [
        str(Path(out) / Path(r.path).name) if several else out for r in report.files
    ]
    inputs = {Path(r.path).resolve() for r in report.files}
    for target in targets:
        if Path(target).resolve() in inputs:
            raise InputError("--fix never overwrites an input; give another path", out)
    done: list[Finding] = []
    for result, target in zip(report.files, targets, strict=True):
        fixes = applicable(f for f in result.findings if f.check in kinds)
        fix_document(result.document, fixes, target)
        done += fixes
    return done
