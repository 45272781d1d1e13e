"""What the command lines share: `guarded`, which makes every failure a
user can cause one line, `--version`, and the `glossary` commands' `--db`.

`glossary.cli` (with `glossary.commands`) and `tm.cli` are the shells; this
module imports nothing of the package but its errors, so that both can use
it from any height.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable

from glossary.errors import (
    BusyWarning,
    GlossaryError,
    InputWarning,
    escape_controls,
    shown_path,
)


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


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """Add the shared `--user NAME` option of commands that record decisions."""
    parser.add_argument(
        "--user",
        default=None,
        metavar="NAME",
        help="who takes these decisions, for the review log (default: login name)",
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
    """``--version``: print `version` of the parser's prog, whether the
    compiled modules run, and exit."""

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from glossary import native

        print(version(parser.prog))
        print(native.describe())
        parser.exit()


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
            warnings.simplefilter("always", BusyWarning)  # each wait is said
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
