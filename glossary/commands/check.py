"""`glossary check`: terminology QA of translations and articles.

Parses the options, calls `glossary.check_service`, prints the findings as
text, JSON or JUnit XML, and sets the exit status: 0 clean, 1 findings,
2 a usage or input error (one line, nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.check import CHECKS, select
from glossary.check.report import as_json, as_junit, as_text, text_line
from glossary.check_service import check_files, fix_files, load_glossary
from glossary.shell import add_db_option, default_db


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `check` subcommand."""
    p = subparsers.add_parser(
        "check",
        help="check translations and articles against the term base",
        description=(
            "Check PO/POT, TMX, XLIFF 1.2/2.x files, paragraph-aligned text pairs "
            "(NAME.txt with NAME.vi.txt) and plain English or Vietnamese text "
            "against the term base: missing and forbidden terms, name variants, "
            "inconsistent names and translations, mixed tone-mark styles, "
            "provinces and districts superseded in 2025, placeholders and "
            "numbers. Exit status: 0 clean, 1 findings, 2 usage or input error."
        ),
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="files to check")
    add_db_option(p)
    p.add_argument(
        "--format",
        choices=("text", "json", "junit"),
        default="text",
        help="text (FILE:LINE: check: message), json or junit (default: text)",
    )
    p.add_argument(
        "--fix",
        metavar="OUT",
        help="write a corrected copy (a directory for several files) with the "
        "safe fixes: name variants, and tone style with --fix-tone-style",
    )
    p.add_argument(
        "--fix-tone-style",
        action="store_true",
        help="with --fix, also respell words in the file's minority tone style",
    )
    p.add_argument(
        "--together",
        action="store_true",
        help="compare across all FILES as one memory (name-inconsistent, "
        "tone-style, target-inconsistent)",
    )
    p.add_argument("--only", metavar="CHECK,…", help="run only these checks")
    p.add_argument("--exclude", metavar="CHECK,…", help="skip these checks")
    p.add_argument(
        "--list-checks", action="store_true", help="list the checks and exit"
    )
    p.set_defaults(func=run)


def _names(value: str | None) -> list[str]:
    return [n.strip() for n in (value or "").split(",") if n.strip()]


def _db(args: argparse.Namespace) -> str | None:
    """--db, else the default term base if it exists (checks without it skip)."""
    if args.db:
        return str(args.db)
    default = default_db()
    return default if Path(default).exists() else None


def run(args: argparse.Namespace) -> int:
    """Check the files, print the findings, optionally write fixed copies."""
    if args.list_checks:
        width = max(len(c.name) for c in CHECKS)
        for c in CHECKS:
            print(f"{c.name:<{width}}  {c.help}")
        return 0
    if not args.files:
        print("glossary check: error: give at least one FILE", file=sys.stderr)
        return 2
    checks = select(_names(args.only), _names(args.exclude))
    report = check_files(
        args.files, load_glossary(_db(args)), checks, together=args.together
    )
    if report.skipped:
        print(
            f"glossary check: no term base; skipped {', '.join(report.skipped)}",
            file=sys.stderr,
        )
    findings = report.findings
    files = [r.path for r in report.files]
    if args.format == "json":
        sys.stdout.write(as_json(findings, files, report.checks))
    elif args.format == "junit":
        by_file = [(r.path, r.findings) for r in report.files]
        sys.stdout.write(as_junit(by_file, report.checks))
    else:
        sys.stdout.write(as_text(findings))
    if args.fix:
        fixed = fix_files(report, args.fix, tone_style=args.fix_tone_style)
        for f in fixed:
            print(f"fixed {text_line(f)}", file=sys.stderr)
        print(f"{args.fix}: {len(fixed)} fixes applied", file=sys.stderr)
    return 1 if findings else 0
