"""`glossary search`, `add`, `set-status` and `set`: find and edit without the TUI.

The same use cases as the review app: `concept_filter` for the search (the
TUI's filter box), `review.Review` for the edits (one transaction and one
review-log entry each, marked manual so a rebuild keeps them).
"""

from __future__ import annotations

import argparse
import json

from glossary import concept_filter
from glossary.errors import GlossaryError, NotFoundError
from glossary.model import Concept, ConceptStatus, Kind, Term, TermFlag, TermStatus
from glossary.review import Review
from glossary.shell import add_db_option, add_user_option, db_of
from glossary.store import ConceptSummary, TermStore, open_store
from glossary.text import fold, nfc

_STATUSES = [str(s) for s in (*ConceptStatus, *TermStatus)]


def nonempty(text: str) -> str:
    """argparse type: NFC text that is not blank (a usage error otherwise)."""
    clean = nfc(text).strip()
    if not clean:
        raise argparse.ArgumentTypeError("must not be empty")
    return clean


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the search, add and set-status subcommands."""
    _add_search(sub)
    _add_add(sub)
    _add_set_status(sub)
    _add_set(sub)


def _add_search(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        help="find concepts by any term, ignoring case and diacritics",
        description="List concepts having a term that contains QUERY, ignoring "
        "case and diacritics ('chinh' finds Phạm Minh Chính), as the review "
        "app's filter does; kind:, status: and flag: words narrow the search.",
    )
    p.add_argument(
        "query", nargs="+", type=nonempty, metavar="QUERY", help="words to find"
    )
    p.add_argument("--limit", type=int, default=50, help="most concepts shown")
    p.add_argument("--json", action="store_true", help="JSON (the export schema)")
    add_db_option(p)
    p.set_defaults(func=run_search)


def _add_add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "add",
        help="add a concept, or a term to a concept",
        description="Add a new concept whose term is TEXT (with --vi, its "
        "Vietnamese term too), or with --to ID add TEXT as a term of concept ID. "
        "The first term of a language becomes preferred.",
    )
    p.add_argument("text", type=nonempty, metavar="TEXT", help="the term")
    p.add_argument("--lang", default="en", help="language of TEXT (default en)")
    p.add_argument("--vi", type=nonempty, metavar="TEXT", help="Vietnamese term")
    p.add_argument(
        "--kind", choices=[str(k) for k in Kind], default="term", help="default term"
    )
    p.add_argument("--note", default="", help="a note on the new concept")
    p.add_argument("--to", type=int, metavar="ID", help="add to this concept")
    add_db_option(p)
    add_user_option(p)
    p.set_defaults(func=run_add)


def _add_set_status(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "set-status",
        help="approve, reject or reset a concept; set a term's status",
        description="Set the status of concept CONCEPT (an id, or a term naming "
        "exactly one concept): approved, rejected or candidate; or, with --term, "
        "the status of one of its terms: preferred, admitted, deprecated or "
        "forbidden.",
    )
    p.add_argument("concept", type=nonempty, metavar="CONCEPT", help="id or term")
    p.add_argument("status", choices=_STATUSES, metavar="STATUS", help="new status")
    p.add_argument("--term", type=nonempty, metavar="TEXT", help="a term's status")
    add_db_option(p)
    add_user_option(p)
    p.set_defaults(func=run_set_status)


def _add_set(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "set",
        help="set a concept's subject and definitions, a term's details",
        description="Set what CAT tools model beyond the kind: the subject field "
        "(domain) and definitions of concept CONCEPT (an id, or a term naming "
        "exactly one concept), or with --term the part of speech, note and "
        "flags of one of its terms. An empty value removes the field.",
    )
    p.add_argument("concept", type=nonempty, metavar="CONCEPT", help="id or term")
    p.add_argument("--subject", metavar="TEXT", help="subject field, e.g. taxation")
    p.add_argument(
        "--definition",
        nargs=2,
        action="append",
        metavar=("LANG", "TEXT"),
        help="a definition in LANG (repeatable)",
    )
    p.add_argument("--term", type=nonempty, metavar="TEXT", help="the term to set")
    p.add_argument("--pos", metavar="POS", help="part of speech: noun, verb, ...")
    p.add_argument("--note", metavar="TEXT", help="the term's note")
    p.add_argument(
        "--flags",
        metavar="LIST",
        help=f"comma-separated term flags ({', '.join(TermFlag)}); '' clears",
    )
    add_db_option(p)
    add_user_option(p)
    p.set_defaults(func=run_set)


def search(tb: TermStore, query: str, limit: int) -> list[ConceptSummary]:
    """Concepts matching `query` the way the TUI's filter box matches them."""
    rows = tb.summaries()
    hay = [concept_filter.haystack(r) for r in rows]
    return concept_filter.select(rows, hay, query)[:limit]


def run_search(args: argparse.Namespace) -> int:
    """Handler of `glossary search`: exit 1 when nothing matches."""
    args.query = " ".join(args.query)
    with open_store(db_of(args), readonly=True, existing=True) as tb:
        rows = search(tb, args.query, args.limit)
        if args.json:
            from glossary.formats.json import concept_record

            records = [concept_record(tb.concept(r.id)) for r in rows]
            print(json.dumps({"concepts": records}, ensure_ascii=False, indent=2))
            return 0 if rows else 1
    for row in rows:
        print(f"{row.id}\t{row.kind}\t{row.status}\t{row.label}")
    if not rows:
        print(f"no concept matches {args.query!r}")
    return 0 if rows else 1


def run_add(args: argparse.Namespace) -> int:
    """Handler of `glossary add`."""
    with open_store(db_of(args), existing=True, user=args.user) as tb:
        review = Review(tb)
        if args.to is not None:
            if args.vi:
                raise GlossaryError("--vi names a new concept's term; not with --to")
            review.add_term(args.to, args.text, args.lang)
            concept_id = args.to
        else:
            terms = [(args.text, args.lang)] + ([(args.vi, "vi")] if args.vi else [])
            step = review.add_concept(args.kind, terms, note=args.note)
            concept_id = step.created[0]
        concept = tb.concept(concept_id)
    print(f"{concept.id}\t{concept.kind}\t{concept.status}\t{concept.label}")
    return 0


def concept_named(tb: TermStore, name: str) -> Concept:
    """The concept with id `name`, or the only one with a term matching it.

    Raises:
        NotFoundError: no such concept.
        GlossaryError: the name fits several concepts.
    """
    if name.isdigit():
        return tb.concept(int(name))
    found = tb.find(name)
    if not found:
        raise NotFoundError(f"no concept has a term matching {name!r}")
    if len(found) > 1:
        ids = ", ".join(str(c.id) for c in found)
        raise GlossaryError(f"{name!r} names several concepts ({ids}); give an id")
    return found[0]


def term_named(concept: Concept, text: str) -> Term:
    """The term of `concept` written `text` (else the only one equal when folded).

    Raises:
        NotFoundError: no such term, or several fold to `text`.
    """
    exact = [t for t in concept.terms if t.text == text]
    near = exact or [t for t in concept.terms if fold(t.text) == fold(text)]
    if len(near) != 1:
        what = "no term" if not near else f"{len(near)} terms"
        raise NotFoundError(f"{what} of concept {concept.id} written {text!r}")
    return near[0]


def run_set_status(args: argparse.Namespace) -> int:
    """Handler of `glossary set-status`."""
    with open_store(db_of(args), existing=True, user=args.user) as tb:
        concept = concept_named(tb, args.concept)
        assert concept.id is not None
        review = Review(tb)
        if args.status in set(TermStatus):
            if not args.term:
                raise GlossaryError(f"{args.status} is a term status: give --term TEXT")
            term = term_named(concept, args.term)
            assert term.id is not None
            review.set_term_status(term.id, args.status)
            print(f"{concept.id}\t{term.text}\t{args.status}")
            return 0
        if args.term:
            raise GlossaryError(f"{args.status} is a concept status: drop --term")
        action = {
            ConceptStatus.APPROVED: review.approve,
            ConceptStatus.REJECTED: review.reject,
            ConceptStatus.CANDIDATE: review.reset,
        }[ConceptStatus(args.status)]
        action(concept.id)
    print(f"{concept.id}\t{concept.label}\t{args.status}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    """Handler of `glossary set`."""
    term_fields = (args.pos, args.note, args.flags)
    if args.term is None and any(f is not None for f in term_fields):
        raise GlossaryError("--pos, --note and --flags set a term: give --term TEXT")
    with open_store(db_of(args), existing=True, user=args.user) as tb:
        concept = concept_named(tb, args.concept)
        assert concept.id is not None
        review = Review(tb)
        if args.subject is not None or args.definition:
            definitions = dict(args.definition) if args.definition else None
            review.set_entry(concept.id, subject=args.subject, definitions=definitions)
        if args.term is not None:
            term = term_named(concept, args.term)
            assert term.id is not None
            flags = None
            if args.flags is not None:
                flags = [f.strip() for f in args.flags.split(",") if f.strip()]
            review.set_term_details(term.id, pos=args.pos, note=args.note, flags=flags)
        concept = tb.concept(concept.id)
    print(_entry_summary(concept))
    return 0


def _entry_summary(concept: Concept) -> str:
    lines = [f"{concept.id}\t{concept.label}\tsubject: {concept.subject or '-'}"]
    lines += [f"  definition ({lang}): {text}" for lang, text in concept.definitions]
    for t in concept.terms:
        if t.pos or t.note or t.flags:
            flags = ",".join(sorted(t.flags))
            lines.append(f"  {t.text}: pos {t.pos or '-'}, flags {flags or '-'}")
    return "\n".join(lines)
