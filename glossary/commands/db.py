"""`glossary db check` (is the term base sound?) and `glossary db copy`."""

from __future__ import annotations

import argparse
import sys

from glossary.shell import add_db_option, db_of
from glossary.store import problems
from glossary.store.copy import copy_term_base


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `db` subcommand group (`db check`, `db copy`)."""
    parser = subparsers.add_parser(
        "db",
        help="check a term base, copy it to another file or server",
        description="Maintenance of the term base.",
    )
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = sub.add_parser(
        "check",
        help="report damage, a foreign or newer file, inconsistent rows",
        description=(
            "Read the term base without changing it and report what is wrong: "
            "damaged pages (SQLite's integrity check), another program's file, "
            "a schema this program does not write, rows pointing at missing "
            "rows, a concept without a preferred term or whose version went "
            "back, a review decision naming a concept gone unlogged. Exit 0 "
            "when sound, 2 otherwise."
        ),
    )
    add_db_option(check)
    check.set_defaults(func=run_check)
    copy = sub.add_parser(
        "copy",
        help="copy a term base to a new file or PostgreSQL database",
        description=(
            "Copy the term base SRC into DST, which must hold none yet: every "
            "concept, term, occurrence, review decision and cached extraction, "
            "with the same ids, so the copy exports exactly what SRC does. "
            "Either may be a file or a postgresql:// URL: this is how a term "
            "base moves to a team's server and back."
        ),
    )
    copy.add_argument("source", metavar="SRC", help="the term base to copy")
    copy.add_argument("target", metavar="DST", help="where the copy goes (new)")
    copy.set_defaults(func=run_copy)


def run_check(args: argparse.Namespace) -> int:
    """Handle `glossary db check`: print each problem, or that the file is sound."""
    path = db_of(args)
    found = problems(path)
    for line in found:
        print(f"glossary: {line}", file=sys.stderr)
    if found:
        print(
            "glossary: restore a backup, or rebuild: `glossary export` what can "
            "still be read, then `glossary build` and `glossary import` it",
            file=sys.stderr,
        )
        return 2
    print(f"{path}: ok")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    """Handle `glossary db copy`: copy, then say how much."""
    counts = copy_term_base(args.source, args.target)
    print(
        f"copied {counts['concepts']} concepts, {counts['terms']} terms, "
        f"{counts['occurrences']} occurrences, {counts['review_log']} review "
        f"decisions"
    )
    return 0
