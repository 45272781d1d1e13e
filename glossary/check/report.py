"""Findings as text lines, JSON or JUnit XML (for CI systems).

The JSON document (``"format": "glossary-check"``, ``"version": 1``) is::

    {"format": "glossary-check", "version": 1,
     "files": ["a.po", ...],                   # every file checked, in order
     "checks": ["term-missing", ...],           # the checks that ran
     "findings": [{"file", "line", "unit", "check", "side", "start", "end",
                   "text", "message", "suggestion", "fixable", "concept_id"}, ...],
     "summary": {"findings": N, "by_check": {"name-variant": n, ...}}}

`start`/`end` are character offsets into the unit's source or target text
(`side`), `unit` its msgctxt, TMX context, XLIFF id or pair paragraph
(``"¶3"``), `suggestion` null when there is no single replacement,
`concept_id` the term base's concept (null for checks without one). Keys are
never removed or renamed within a version.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from glossary.check.model import Finding

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["JSON_VERSION", "as_json", "as_junit", "as_text", "text_line"]

JSON_VERSION = 1


def text_line(f: Finding) -> str:
    """``FILE:LINE: check: message`` with the unit and the suggestion."""
    where = f" [{f.unit}]" if f.unit else ""
    fix = f" → {f.suggestion}" if f.suggestion and f.suggestion not in f.message else ""
    return f"{f.path}:{f.line}: {f.check}: {f.message}{fix}{where}"


def as_text(findings: Sequence[Finding]) -> str:
    return "".join(text_line(f) + "\n" for f in findings)


def _record(f: Finding) -> dict[str, object]:
    return {
        "file": f.path,
        "line": f.line,
        "unit": f.unit,
        "check": f.check,
        "side": f.side,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "message": f.message,
        "suggestion": f.suggestion,
        "fixable": f.fixable,
        "concept_id": f.concept_id,
    }


def as_json(
    findings: Sequence[Finding], files: Sequence[str], checks: Sequence[str]
) -> str:
    doc = {
        "format": "glossary-check",
        "version": JSON_VERSION,
        "files": list(files),
        "checks": list(checks),
        "findings": [_record(f) for f in findings],
        "summary": {
            "findings": len(findings),
            "by_check": dict(sorted(Counter(f.check for f in findings).items())),
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def as_junit(
    by_file: Sequence[tuple[str, Sequence[Finding]]], checks: Sequence[str]
) -> str:
    """One test suite per file; one failing test case per finding, and one
    passing case per check that found nothing in that file (Ant's JUnit schema)."""
    from datetime import datetime  # only for this format: text and JSON start faster

    from lxml import etree

    root = etree.Element("testsuites")
    stamp = datetime.now().replace(microsecond=0).isoformat()
    for number, (path, mine) in enumerate(by_file):
        suite = etree.SubElement(
            root,
            "testsuite",
            package="glossary-check",
            id=str(number),
            name=path,
            timestamp=stamp,
            hostname="localhost",
            tests=str(len(mine) + sum(1 for c in checks if not _any(mine, c))),
            failures=str(len(mine)),
            errors="0",
            time="0",
        )
        etree.SubElement(suite, "properties")
        for f in mine:
            case = _case(suite, f.check, f"{f.path}:{f.line}")
            failure = etree.SubElement(case, "failure", message=f.message, type=f.check)
            failure.text = text_line(f)
        for check in checks:
            if not _any(mine, check):
                _case(suite, check, path)
        etree.SubElement(suite, "system-out")
        etree.SubElement(suite, "system-err")
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    ).decode("utf-8")


def _any(findings: Sequence[Finding], check: str) -> bool:
    return any(f.check == check for f in findings)


def _case(suite: etree._Element, name: str, classname: str) -> etree._Element:
    from lxml import etree

    return etree.SubElement(suite, "testcase", name=name, classname=classname, time="0")
