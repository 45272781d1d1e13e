"""`glossary db check`: is the term base file sound?"""

from __future__ import annotations

import argparse
import sys

from glossary.cli import add_db_option, db_of
from glossary.store import problems


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `db` subcommand group (`db check`)."""
    parser = subparsers.add_parser(
        "db",
        help="check the term base file",
        description="Maintenance of the term base file.",
    )
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = sub.add_parser(
        "check",
        help="report damage, a foreign or newer file, dangling rows",
        description=(
            "Read the term base without changing it and report what is wrong: "
            "damaged pages (SQLite's integrity check), another program's file, "
            "a schema this program does not write, rows pointing at missing "
            "rows. Exit 0 when sound, 2 otherwise."
        ),
    )
    add_db_option(check)
    check.set_defaults(func=run_check)


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
