"""`glossary align`: Vietnamese equivalents for English concepts from parallel text.

Reads paragraph-aligned English/Vietnamese files (and optionally the units of a
translation memory), scores candidates with `glossary.align`, and stores each
proposal as a Vietnamese term of its concept with the evidence behind it. A
Vietnamese-only concept holding the proposed term (found by a build of the
Vietnamese text) is merged into the English concept. With a translation memory
the aligned paragraphs (and the accepted term pairs) are written back into it.
The work is `glossary.align_service.align_files`; this module parses and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from glossary.align import Outcome
from glossary.align_service import align_files, read_pairs
from glossary.shell import add_db_option, db_of


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `align` subcommand."""
    p = subparsers.add_parser(
        "align",
        help="propose Vietnamese equivalents from paragraph-aligned EN/VI texts",
        description=(
            "Read English and Vietnamese versions of the same text (blank lines "
            "separate paragraphs; paragraph N translates paragraph N), and "
            "propose a Vietnamese term for each English concept of the term base. "
            "Proposals are stored as candidate Vietnamese terms with their score "
            "and aligned paragraphs as evidence; a Vietnamese-only concept "
            "holding the same term (from building the Vietnamese text) is merged "
            "into the English one unless reviewed. Review them in the TUI."
        ),
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="EN_FILE VI_FILE",
        help="one or more pairs: an English file, then its Vietnamese version",
    )
    add_db_option(p)
    p.add_argument(
        "--tm",
        metavar="TM_DB",
        help="use the units of this translation memory as parallel data, and "
        "write the aligned paragraphs and the accepted (preferred or approved) "
        "term pairs into it (created if missing)",
    )
    p.add_argument(
        "--tm-read-only",
        action="store_true",
        help="read the --tm memory but write nothing into it",
    )
    p.add_argument(
        "--mo",
        metavar="DIR",
        help="learn a word lexicon from the gettext .mo catalogs in DIR "
        "(e.g. /usr/share/locale/vi/LC_MESSAGES)",
    )
    p.add_argument(
        "--backend",
        choices=("underthesea", "pyvi"),
        default="underthesea",
        help="Vietnamese word segmenter and tagger (default: underthesea)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="show proposals, store nothing"
    )
    p.add_argument("--json", action="store_true", help="print proposals as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Align, store, and print one line per proposal and a summary."""
    report = align_files(
        db_of(args),
        read_pairs(args.files),
        tm_path=args.tm,
        tm_read_only=args.tm_read_only,
        mo_dir=args.mo,
        backend=args.backend,
        dry_run=args.dry_run,
    )
    if report.tm_written is not None:
        stats = report.tm_written
        print(
            f"{args.tm}: {stats.added} new translation units "
            f"({stats.duplicates} already there)",
            file=sys.stderr,
        )
    if args.json:
        _print_json(report.outcomes)
    else:
        _print_lines(report.outcomes, dry_run=args.dry_run)
    return 0


def _print_json(outcomes: Sequence[Outcome]) -> None:
    json.dump(
        [
            {
                "concept_id": o.concept_id,
                "english": o.proposal.english,
                "vietnamese": o.proposal.vietnamese,
                "score": o.proposal.score,
                "rule": o.proposal.rule,
                "segments": list(o.proposal.segments),
                "action": o.action,
                "merged": list(o.merged),
            }
            for o in outcomes
        ],
        sys.stdout,
        ensure_ascii=False,
        indent=2,
    )
    print()


def _print_lines(outcomes: Sequence[Outcome], *, dry_run: bool) -> None:
    for o in outcomes:
        p = o.proposal
        print(
            f"{o.concept_id:>5}  {p.english} → {p.vietnamese}  "
            f"{p.score:.2f} {p.rule}  [{o.action}]"
            + (f"  merged {', '.join(map(str, o.merged))}" if o.merged else "")
        )
    stored = sum(o.action in ("preferred", "admitted") for o in outcomes)
    print(
        f"{len(outcomes)} proposals, {stored} new Vietnamese terms stored"
        + (" (dry run)" if dry_run else ""),
        file=sys.stderr,
    )
