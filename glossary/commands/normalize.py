"""`glossary normalize`: write every known name the same, correct way."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from glossary.api import TARGETS, Glossary, Target
from glossary.errors import InputError
from glossary.shell import add_db_option, db_of
from glossary.text import nfc


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `normalize` subcommand."""
    p = subparsers.add_parser(
        "normalize",
        help="rewrite names and terms in a text in their preferred form",
        description=(
            "Read a text (a file, or stdin when FILE is - or missing) and write it "
            "with every glossary name and term in its preferred form. Ambiguous "
            "short references are left alone and reported on stderr."
        ),
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="input text")
    add_db_option(p)
    p.add_argument("--tbx", metavar="FILE", help="use a TBX file instead of --db")
    p.add_argument(
        "--target",
        choices=TARGETS,
        default="en-diacritics",
        help="vi: Vietnamese forms; en-diacritics (default): English forms, "
        "Vietnamese names with marks; en-ascii: the same without marks",
    )
    p.add_argument(
        "--expand-short",
        action="store_true",
        help="replace short forms and acronyms by the full preferred form too",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--diff", action="store_true", help="print a unified diff")
    out.add_argument("--json", action="store_true", help="print the changes as JSON")
    p.set_defaults(func=run)


def _read(path: str) -> str:
    data = sys.stdin.buffer.read() if path == "-" else _read_file(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path, line) from e


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise InputError(e.strerror or str(e), path) from e


def run(args: argparse.Namespace) -> int:
    """Normalize one text; print it, its diff or its changes."""
    g = Glossary.from_tbx(args.tbx) if args.tbx else Glossary.open(db_of(args))
    name = "<stdin>" if args.file == "-" else str(args.file)
    text = nfc(_read(args.file))
    target: Target = args.target
    new, changes = g.normalize_text(text, target, expand_short=args.expand_short)
    if args.json:
        records = [
            {
                "start": c.start,
                "end": c.end,
                "old": c.old,
                "new": c.new,
                "concept_id": c.concept_id,
                "ambiguous": c.ambiguous,
                "candidates": list(c.candidates),
            }
            for c in changes
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    if args.diff:
        for line in difflib.unified_diff(
            text.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=name,
            tofile=f"{name} (normalized)",
        ):
            sys.stdout.write(line if line.endswith("\n") else line + "\n")
    else:
        sys.stdout.write(new)
    for c in changes:
        if c.ambiguous:
            lineno = text.count("\n", 0, c.start) + 1
            ids = ", ".join(str(i) for i in c.candidates)
            print(
                f"{name}:{lineno}: ambiguous {c.old!r} left as is (concepts {ids})",
                file=sys.stderr,
            )
    return 0
