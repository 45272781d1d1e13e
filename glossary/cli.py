"""The `glossary` command: a thin argparse shell over the service functions.

Each group of subcommands lives in `glossary/commands/<name>.py` and exposes
`register(subparsers)`; this module only wires them (importing only the
chosen command's module) and reports errors.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Callable, Sequence

from glossary.errors import (
    GlossaryError,
    InputWarning,
    escape_controls,
    shown_path,
)

# Each subcommand, in the order of `glossary --help`: the module under
# glossary.commands that registers it, and its one line of help. Only the
# chosen command's module is imported, so that a command starts without the
# others' dependencies; tests/test_docs.py checks these lines against the
# modules' own.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "extract names and terms from texts into the term base"),
    "list": ("build", "list concepts"),
    "show": ("build", "show one concept with aliases, evidence and contexts"),
    "stats": ("build", "counts of concepts, terms and documents"),
    "rules": ("build", "list the clustering passes, stage by stage"),
    "search": ("edit", "find concepts by any term, ignoring case and diacritics"),
    "add": ("edit", "add a concept, or a term to a concept"),
    "set-status": ("edit", "approve, reject or reset a concept; set a term's status"),
    "set": ("edit", "set a concept's subject and definitions, a term's details"),
    "export": (
        "exchange",
        "write the term base as TBX, TBX 2008, PO, POT, CSV, TSV or JSON",
    ),
    "import": ("exchange", "read a TBX, PO, CSV, TSV or JSON file into the term base"),
    "review": ("review", "review, fix and export the term base in a terminal UI"),
    "normalize": (
        "normalize",
        "rewrite names and terms in a text in their preferred form",
    ),
    "align": (
        "align",
        "propose Vietnamese equivalents from paragraph-aligned EN/VI texts",
    ),
    "check": ("check", "check translations and articles against the term base"),
    "db": ("db", "check a term base, copy it to another file or server"),
}

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
        help=(
            "term base file, or a postgresql:// URL for a shared one "
            "(default: $GLOSSARY_DB or ./glossary.db)"
        ),
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
    from importlib import metadata  # slow to import: only when asked

    try:
        return f"{prog} {metadata.version('glossary-vi')}"
    except metadata.PackageNotFoundError:  # run from a source tree, not installed
        return f"{prog} (not installed)"


class VersionAction(argparse.Action):
    """``--version``: print `version` of the parser's prog and exit."""

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(version(parser.prog))
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of `glossary`, ready for `argv`.

    Args:
        argv: the arguments it is about to parse: only the module of the
            command they name is imported, the others stand in `--help` by
            their line of `COMMANDS`. None imports every command module (the
            whole parser, for the docs and the tests).
    """
    parser = argparse.ArgumentParser(
        prog="glossary",
        description="Build, review and export an English–Vietnamese term base.",
    )
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = _modules_named(argv)
    registered: set[str] = set()
    for name, (module, summary) in COMMANDS.items():
        if module not in wanted:
            sub.add_parser(name, help=summary, add_help=False)
        elif module not in registered:
            importlib.import_module(f"glossary.commands.{module}").register(sub)
            registered.add(module)
    return parser


def _modules_named(argv: Sequence[str] | None) -> set[str]:
    """The command modules `argv` needs: that of its first word (the top-level
    options take no value), or all of them when `argv` is None."""
    if argv is None:
        return {module for module, _ in COMMANDS.values()}
    first = next((a for a in argv if not a.startswith("-")), None)
    return {COMMANDS[first][0]} if first in COMMANDS else set()


def _stdout_failed() -> None:
    """Point stdout at /dev/null so the final flush cannot fail a second time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
    finally:
        os.close(devnull)


def _warning_line(prog: str) -> Callable[..., None]:
    def show(message: Warning | str, category: type[Warning], *_: object) -> None:
        if issubclass(category, InputWarning):
            print(f"{prog}: warning: {escape_controls(str(message))}", file=sys.stderr)
        else:
            print(f"{prog}: warning: {message}", file=sys.stderr)

    return show


def guarded(
    prog: str,
    call: Callable[[], int],
    *,
    interrupted: str = "interrupted; the term base is unchanged by the unfinished step",
) -> int:
    """Run a command: every failure a user can cause is one line and exit 2.

    A user error (a locked or damaged database is the store's `StoreError`),
    an unreadable file, a full disk or closed stdout each print
    ``PROG: error: ...`` on stderr; Ctrl-C prints `interrupted` and exits 130;
    a reader that went away (``| head``) exits quietly. Only a bug shows a traceback.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", InputWarning)
            warnings.showwarning = _warning_line(prog)
            status = call()
        if sys.stdout is not None:
            sys.stdout.flush()
        return status
    except BrokenPipeError:
        return reader_went_away()
    except GlossaryError as e:
        message = str(e)
    except OSError as e:
        where = f"{shown_path(str(e.filename))}: " if e.filename else ""
        message = f"{where}{e.strerror or e}"
        if e.filename is None:
            _stdout_failed()
    except KeyboardInterrupt:
        print(f"{prog}: {interrupted}", file=sys.stderr)
        return 130
    print(f"{prog}: error: {escape_controls(message)}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `glossary` console script."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    handler: Handler = args.func
    return guarded("glossary", lambda: handler(args))


if __name__ == "__main__":
    sys.exit(main())
