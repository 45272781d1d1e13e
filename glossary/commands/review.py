"""`glossary review`: open the Textual review app on a term base."""

from __future__ import annotations

import argparse

from glossary.shell import add_db_option, add_user_option, db_of
from glossary.store import open_store


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `review` subcommand."""
    parser = subparsers.add_parser(
        "review",
        help="review, fix and export the term base in a terminal UI",
        description="Open an interactive review of the term base. Every decision "
        "is saved at once; press ? in the app for the keys.",
    )
    add_db_option(parser)
    add_user_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Open the app; return 0 when the user quits."""
    with open_store(db_of(args), existing=True, user=args.user) as tb:
        # Textual is imported here so the rest of the CLI starts without it.
        from glossary.tui.app import make_app

        make_app(tb).run()
    return 0
