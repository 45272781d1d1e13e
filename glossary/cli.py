"""The `glossary` command: a thin argparse shell over the service functions.

Each group of subcommands lives in `glossary/commands/<name>.py` and exposes
`register(subparsers)`; this module only wires them and reports errors.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from importlib import metadata

from glossary.errors import GlossaryError

# Modules under glossary.commands, in the order their commands appear in --help.
COMMAND_MODULES = ("build", "edit", "exchange", "review", "normalize", "align")

Handler = Callable[[argparse.Namespace], int]


def default_db() -> str:
    """The term base used when --db is not given: $GLOSSARY_DB or ./glossary.db."""
    return os.environ.get("GLOSSARY_DB", "glossary.db")


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """Add the shared `--db FILE` option."""
    parser.add_argument(
        "--db",
        default=None,
        metavar="FILE",
        help="term base file (default: $GLOSSARY_DB or ./glossary.db)",
    )


def db_of(args: argparse.Namespace) -> str:
    return str(args.db) if getattr(args, "db", None) else default_db()


def reader_went_away() -> int:
    """Exit quietly when stdout's reader closed early (`... | head`).

    Points stdout at /dev/null so the interpreter's final flush does not fail
    again, and returns the shell's status for SIGPIPE.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


def version(prog: str) -> str:
    """``PROG X.Y.Z``: the installed distribution's version, for ``--version``."""
    try:
        return f"{prog} {metadata.version('glossary-vi')}"
    except metadata.PackageNotFoundError:  # run from a source tree, not installed
        return f"{prog} (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glossary",
        description="Build, review and export an English–Vietnamese term base.",
    )
    parser.add_argument("--version", action="version", version=version("glossary"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"glossary.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `glossary` console script."""
    args = build_parser().parse_args(argv)
    handler: Handler = args.func
    try:
        return handler(args)
    except BrokenPipeError:
        return reader_went_away()
    except GlossaryError as e:
        print(f"glossary: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "glossary: interrupted; the term base is unchanged by the unfinished step",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())
