"""`glossary export` and `glossary import`: exchange files for CAT tools."""

from __future__ import annotations

import argparse
import sys

from glossary.exchange import FORMATS, ImportMode, apply, export, read_file
from glossary.model import Kind
from glossary.shell import add_db_option, db_of
from glossary.store import open_store


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `export` and `import` subcommands."""
    _add_export(subparsers)
    _add_import(subparsers)


def _add_export(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    p = subparsers.add_parser(
        "export",
        help="write the term base as TBX, TBX 2008, PO, POT, CSV, TSV or JSON",
        description=(
            "Write the term base for CAT tools and gettext workflows. The format "
            "comes from --format or the extension of -o (.tbx is TBX v3; use "
            "--format tbx2008 for OmegaT and other tools that read only TBX "
            "2008). TBX 2008, PO, CSV and TSV, meant for CAT tools, write "
            "forbidden and deprecated terms as comment lines, never as terms. "
            "Rejected concepts are left out. Files are written atomically."
        ),
    )
    p.add_argument("--format", choices=tuple(FORMATS), help="output format")
    p.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="output file, or - for stdout (default)",
    )
    p.add_argument(
        "--approved-only", action="store_true", help="only approved concepts"
    )
    p.add_argument(
        "--kind", choices=[str(k) for k in Kind], help="only concepts of this kind"
    )
    p.add_argument(
        "--include-rejected", action="store_true", help="also write rejected concepts"
    )
    add_db_option(p)
    p.set_defaults(func=run_export)


def _add_import(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    p = subparsers.add_parser(
        "import",
        help="read a TBX, PO, CSV, TSV or JSON file into the term base",
        description=(
            "Read an exchange file (TBX v3 or 2008, PO/POT, CSV, TSV, JSON) into the "
            "term base in one transaction. Concepts are matched by key (or by a "
            "unique name of the same kind). --merge (default) only adds terms and "
            "never changes a review decision; --replace lets the file win."
        ),
    )
    p.add_argument("file", metavar="FILE", help="file to import")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--merge",
        dest="mode",
        action="store_const",
        const=ImportMode.MERGE,
        help="add new terms, keep review decisions (default)",
    )
    mode.add_argument(
        "--replace",
        dest="mode",
        action="store_const",
        const=ImportMode.REPLACE,
        help="the file's statuses, notes and terms replace the stored ones",
    )
    p.add_argument(
        "--format", choices=tuple(FORMATS), help="force the format (default: guess)"
    )
    p.add_argument(
        "--lang",
        metavar="CODE",
        help="language of a PO file's translations when its header has none",
    )
    add_db_option(p)
    p.set_defaults(func=run_import, mode=ImportMode.MERGE)


def run_export(args: argparse.Namespace) -> int:
    """Handle `glossary export`."""
    with open_store(db_of(args), readonly=True, existing=True) as tb:
        n = export(
            tb,
            args.output,
            format=args.format,
            approved_only=args.approved_only,
            kind=Kind(args.kind) if args.kind else None,
            include_rejected=args.include_rejected,
        )
    if args.output != "-":
        print(f"wrote {n} concepts to {args.output}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Handle `glossary import`."""
    # Parse the whole file before opening the db: a bad file never creates or
    # touches the term base.
    fmt, concepts = read_file(args.file, args.format, lang=args.lang)
    with open_store(db_of(args)) as tb:
        report = apply(tb, concepts, path=args.file, format=fmt, mode=args.mode)
    print(
        f"imported {report.path} ({report.format}): {report.added} concepts added, "
        f"{report.merged} merged, {report.terms_added} terms added",
        file=sys.stderr,
    )
    return 0
