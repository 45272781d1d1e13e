"""The `tm` command: import, lookup, search and export a translation memory."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.text import Text

from glossary.shell import VersionAction, guarded
from glossary.text import nfc
from tm import service
from tm.engines import Memory, open_memory
from tm.formats.parallel import load_pair
from tm.match import highlight_spans
from tm.model import Match, Unit


def _db(args: argparse.Namespace) -> Memory:
    return open_memory(args.db or os.environ.get("TM_DB") or "tm.db")


def _existing_db(args: argparse.Namespace) -> Memory:
    """The memory for reading commands, which must not create one."""
    return open_memory(args.db or os.environ.get("TM_DB") or "tm.db", readonly=True)


def _score(text: str) -> int:
    """argparse type: a match score from 0 to 100."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 100")
    return value


def _query(text: str) -> str:
    """argparse type: NFC text with something to find in it."""
    clean = nfc(text)
    if not clean.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return clean


def _read_all(args: argparse.Namespace) -> list[tuple[str, list[Unit]]]:
    """Parse every input before the memory is opened: a bad file changes nothing."""
    batches = []
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("reading", total=len(args.files) + bool(args.parallel))
        for name in args.files:
            units = service.read_file(
                Path(name),
                src_lang=args.src,
                tgt_lang=args.tgt,
                include_fuzzy=args.include_fuzzy,
            )
            batches.append((name, units))
            bar.advance(task)
        if args.parallel:
            en, vi = map(Path, args.parallel)
            units = load_pair(en, vi, src_lang=args.src, tgt_lang=args.tgt or "vi")
            batches.append((f"{en}+{vi}", units))
    return batches


def _import(args: argparse.Namespace) -> int:
    batches = _read_all(args)
    with _db(args) as store:
        stats = service.import_batches(store, batches)
        total, path = store.count(), store.path
    read = sum(s.read for s in stats)
    added = sum(s.added for s in stats)
    print(
        f"{len(stats)} file(s), {read} units read, {added} added, "
        f"{read - added} duplicates; {total} units in {path}"
    )
    return 0


def _glossary_terms(path: str, query: str) -> list[tuple[str, str]]:
    """(text in the query, preferred Vietnamese) for each glossary term found.

    Uses `glossary.api.Glossary.annotate` (whole words, longest first,
    ignoring case and diacritics); an ambiguous span lists every concept.
    """
    from glossary.api import Glossary

    glossary = Glossary.open(path)
    found: list[tuple[str, str]] = []
    for span in glossary.annotate(query):
        for concept_id in span.concept_ids:
            vi = glossary.concept(concept_id).preferred("vi")
            if vi is not None and (span.text, vi.text) not in found:
                found.append((span.text, vi.text))
    return found


def _match_json(m: Match) -> dict[str, object]:
    return {
        "score": m.score,
        "source": m.unit.source,
        "target": m.unit.target,
        "translation": m.translation,
        "origin": m.unit.origin,
        "id": m.unit.id,
    }


def _lookup(args: argparse.Namespace) -> int:
    store = _existing_db(args)
    query = args.text
    matcher = service.Matcher(store, in_memory=False)  # one lookup: no index to build
    matches = matcher.lookup(
        query, minimum=args.min, limit=args.limit, tgt_lang=args.tgt
    )
    terms = _glossary_terms(args.glossary, query) if args.glossary else []
    store.close()
    if args.json:
        out: dict[str, object] = {
            "query": query,
            "matches": list(map(_match_json, matches)),
        }
        if args.glossary:
            out["glossary"] = [{"en": e, "vi": v} for e, v in terms]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0 if matches else 1
    for m in matches:
        print(f"{m.score:3d}  {_one_line(m.unit.source)}")
        print(f"     → {_one_line(m.translation)}")
    if not matches:
        print(f"no match >= {args.min}")
    for en, vi in terms:
        print(f"term: {en} → {vi}")
    return 0 if matches else 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _search(args: argparse.Namespace) -> int:
    store = _existing_db(args)
    units = service.search(store, args.text, target=args.target, limit=args.limit)
    store.close()
    if args.json:
        records = [
            {"source": u.source, "target": u.target, "origin": u.origin, "id": u.id}
            for u in units
        ]
        doc = {"query": args.text, "units": records}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0 if units else 1
    if not units:
        side = "translation" if args.target else "source"
        print(f"no {side} contains {args.text!r}")
        return 1
    console = Console(highlight=False)
    for u in units:
        shown = Text(_one_line(u.target if args.target else u.source))
        for start, end in highlight_spans(shown.plain, args.text):
            shown.stylize("bold reverse", start, end)
        other = _one_line(u.source if args.target else u.target)
        if console.is_terminal:
            console.print(shown, Text(f"  ⇄  {other}", style="dim"))
        else:
            print(f"{shown.plain}\t{other}")
    return 0 if units else 1


def _copy(args: argparse.Namespace) -> int:
    with (
        open_memory(args.source, readonly=True) as src,
        open_memory(args.target) as dst,
    ):
        copied = service.copy_memory(src, dst)
    print(f"copied {copied} units")
    return 0


def _export(args: argparse.Namespace) -> int:
    store = _existing_db(args)
    out = None if args.output in (None, "-") else Path(args.output)
    report = service.export(store, args.format, out, src=args.src, tgt=args.tgt)
    store.close()
    if out is not None:
        print(f"{report.written} units written to {out}", file=sys.stderr)
    if report.left_out:
        print(
            f"tm: warning: {report.left_out} unit(s) left out: they hold control "
            "characters that XML 1.0 cannot represent (export PO or CSV to keep them)",
            file=sys.stderr,
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tm", description=__doc__)
    p.add_argument(
        "--db", help="memory: a file or a postgresql:// URL (default $TM_DB or tm.db)"
    )
    p.add_argument("--version", action=VersionAction)
    sub = p.add_subparsers(dest="command", required=True)

    imp = _add_import(sub)
    look = _add_lookup(sub)
    srch = _add_search(sub)
    exp = _add_export(sub)
    cp = sub.add_parser(
        "copy",
        help="copy a memory to a new file or PostgreSQL database",
        description=(
            "Copy every unit of the memory SRC, ids included, into DST, which "
            "must hold none yet. Either may be a file or a postgresql:// URL."
        ),
    )
    cp.add_argument("source", metavar="SRC", help="the memory to copy")
    cp.add_argument("target", metavar="DST", help="where the copy goes (new)")
    cp.set_defaults(func=_copy)
    for sp in (imp, look, srch, exp):
        sp.add_argument(
            "--db",
            default=argparse.SUPPRESS,
            help="memory: a file or a postgresql:// URL (default $TM_DB or tm.db)",
        )
    return p


def _add_import(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    imp = sub.add_parser("import", help="add TMX, PO/POT/MO, CSV/TSV or parallel text")
    imp.add_argument(
        "files", nargs="*", metavar="FILE", help=".tmx .po .pot .mo .csv .tsv files"
    )
    imp.add_argument(
        "--include-fuzzy",
        action="store_true",
        help="also import fuzzy and obsolete PO entries",
    )
    imp.add_argument(
        "--parallel",
        nargs=2,
        metavar=("EN_FILE", "VI_FILE"),
        help="two paragraph-aligned plain-text files",
    )
    imp.add_argument("--src", default="en", help="source language (default en)")
    imp.add_argument(
        "--tgt",
        help="target language (default: a PO file's Language header, else vi; "
        "a PO file without one needs --tgt)",
    )
    imp.set_defaults(func=_import)
    return imp


def _add_lookup(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    look = sub.add_parser("lookup", help="fuzzy matches for a text, best first")
    look.add_argument("text", type=_query, help="the text to translate")
    look.add_argument("--min", type=_score, default=75, help="lowest score (0-100)")
    look.add_argument("--limit", type=int, default=5, help="most matches shown")
    look.add_argument("--json", action="store_true", help="JSON output")
    look.add_argument(
        "--tgt", default="vi", help="only translations into this language (default vi)"
    )
    look.add_argument(
        "--glossary",
        metavar="FILE",
        help="glossary db: list its terms found in the text",
    )
    look.set_defaults(func=_lookup)
    return look


def _add_search(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    srch = sub.add_parser("search", help="concordance ignoring case and diacritics")
    srch.add_argument(
        "text", type=_query, help="words to find (any case, with or without marks)"
    )
    srch.add_argument("--target", action="store_true", help="search the translations")
    srch.add_argument("--limit", type=int, default=50, help="most units shown")
    srch.add_argument("--json", action="store_true", help="JSON output")
    srch.set_defaults(func=_search)
    return srch


def _add_export(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    exp = sub.add_parser("export", help="write the memory as TMX, PO or CSV")
    exp.add_argument(
        "--format", choices=["tmx", "po", "csv"], default="tmx", help="default tmx"
    )
    exp.add_argument("-o", "--output", help="file to write, - for stdout (default)")
    exp.add_argument("--src", default="en", help="source language (default en)")
    exp.add_argument("--tgt", default="vi", help="target language (default vi)")
    exp.set_defaults(func=_export)
    return exp


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `tm` command line; return the exit status (2 on a user error)."""
    args = build_parser().parse_args(argv)
    if args.command == "import" and not args.files and not args.parallel:
        print("tm: error: import needs FILE... or --parallel EN VI", file=sys.stderr)
        return 2
    return guarded(
        "tm", lambda: int(args.func(args)), interrupted="interrupted; nothing written"
    )


if __name__ == "__main__":
    sys.exit(main())
