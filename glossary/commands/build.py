"""`glossary build`, `list`, `show`, `stats` and `rules`: build a term base and
look at it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from glossary.build import BuildReport, Progress, build
from glossary.cluster import STAGES, check_pass_names
from glossary.docstrings import docstring
from glossary.errors import NotFoundError, escape_controls
from glossary.extract.vi_tagger import BACKENDS, DEFAULT_BACKEND
from glossary.formats.json import concept_record
from glossary.model import Concept, ConceptStatus, Kind, Occurrence
from glossary.names.world import load_gazetteer, use_gazetteer
from glossary.shell import add_db_option, db_of
from glossary.store import TermStore, open_store
from glossary.text import nfc

_CONTEXTS = 5  # occurrences shown by `glossary show`


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the build, list, show, stats and rules subcommands."""
    _add_build(sub)
    _add_list(sub)
    _add_show(sub)
    _add_stats(sub)
    _add_rules(sub)


def _add_build(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "build",
        help="extract names and terms from texts into the term base",
        description="Extract persons, places, organisations, titles and domain "
        "terms from .txt/.md files (directories are searched recursively; '-' "
        "reads stdin) and merge them into the term base. Unchanged files are "
        "not processed again; review decisions are kept.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or -")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--prune",
        action="store_true",
        help="forget documents built before that are not among these PATHs "
        "(deleted or moved sources), and the names only they held",
    )
    p.add_argument(
        "--gazetteer",
        metavar="FILE",
        type=Path,
        help="your own places and names: CSV of name,kind,vietnamese,english"
        " (see docs/knowledge.md)",
    )
    p.add_argument(
        "--backend",
        choices=BACKENDS,
        default=DEFAULT_BACKEND,
        help="Vietnamese word segmenter and tagger (default: rules, no tagger: "
        "the text's shape, word lists and each word's commonest tag; "
        "underthesea runs its CRF tagger, ≈5x the CPU; pyvi is faster than "
        "underthesea, its names differ a little); documents are extracted "
        "again when it changes",
    )
    p.add_argument(
        "--disable",
        type=_pass_names,
        default=frozenset(),
        metavar="PASS[,PASS]",
        help="do not run these clustering passes, for diagnosis (see `glossary "
        "rules`); the next build without them clusters again",
    )
    add_db_option(p)
    p.set_defaults(func=run_build)


def _add_list(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help="list concepts", description="List concepts.")
    p.add_argument("--kind", choices=[str(k) for k in Kind], help="only this kind")
    p.add_argument(
        "--status", choices=[str(s) for s in ConceptStatus], help="only this status"
    )
    p.add_argument("--json", action="store_true", help="JSON (the export schema)")
    add_db_option(p)
    p.set_defaults(func=run_list)


def _add_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "show",
        help="show one concept with aliases, evidence and contexts",
        description="Show every concept having a term that matches NAME, "
        "ignoring case and diacritics (or the concept with id NAME).",
    )
    p.add_argument("name", metavar="NAME", help="a term of the concept, or its id")
    p.add_argument("--json", action="store_true", help="JSON: concepts and contexts")
    add_db_option(p)
    p.set_defaults(func=run_show)


def _add_stats(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "stats", help="counts of concepts, terms and documents", description="Counts."
    )
    p.add_argument("--json", action="store_true", help="JSON object of the counts")
    add_db_option(p)
    p.set_defaults(func=run_stats)


def _add_rules(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "rules",
        help="list the clustering passes, stage by stage",
        description="List the passes of each clustering stage, in the order they "
        "run, with what each does (`glossary build --disable PASS` skips one).",
    )
    p.set_defaults(func=run_rules)


def _pass_names(text: str) -> frozenset[str]:
    """argparse type of --disable: comma-separated names of clustering passes."""
    try:
        return check_pass_names(n.strip() for n in text.split(",") if n.strip())
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


@contextmanager
def _progress(enabled: bool) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import TaskID

    with Bar(transient=True, console=Console(stderr=True)) as bar:
        tasks: dict[str, TaskID] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.update(tasks[phase], completed=done, total=total)

        yield update


def run_build(args: argparse.Namespace) -> int:
    """Handler of `glossary build`."""
    if args.gazetteer is not None:
        use_gazetteer(load_gazetteer(args.gazetteer), replace=True)
    with (
        open_store(db_of(args)) as tb,
        _progress(not args.quiet and sys.stderr.isatty()) as progress,
    ):
        report = build(
            tb,
            args.paths,
            progress=progress,
            disable=args.disable,
            prune=args.prune,
            backend=args.backend,
        )
    for error in report.skipped:
        print(f"glossary: skipped {error}", file=sys.stderr)
    for path in report.empty:
        print(f"glossary: warning: {path}: empty file skipped", file=sys.stderr)
    print(summary(report))
    return 0 if report.ok else 1


def summary(report: BuildReport) -> str:
    """The lines printed at the end of a build."""
    kinds = ", ".join(f"{k} {n}" for k, n in report.by_kind.items()) or "none"
    skipped = len(report.skipped) + len(report.empty)
    docs = f"{report.processed} processed, {report.unchanged} unchanged"
    if skipped:
        docs += f", {skipped} skipped"
    if report.copies:
        docs += f", {report.copies} already built under another name"
    if report.pruned:
        docs += f", {report.pruned} forgotten (--prune)"
    lines = [
        f"documents: {report.documents} ({docs})",
        f"concepts: {sum(report.by_kind.values())} ({kinds})",
        f"new {report.new}, updated {report.updated}, flagged {report.flagged}",
    ]
    return "\n".join(lines)


def _existing(args: argparse.Namespace) -> TermStore:
    """Open the term base for reading commands, which must not create one."""
    return open_store(db_of(args), readonly=True, existing=True)


def run_list(args: argparse.Namespace) -> int:
    """Handler of `glossary list`."""
    kind = Kind(args.kind) if args.kind else None
    status = ConceptStatus(args.status) if args.status else None
    with _existing(args) as tb:
        if args.json:
            concepts = tb.concepts(kind=kind, status=status)
            doc = {"concepts": [concept_record(c) for c in concepts]}
            print(json.dumps(doc, ensure_ascii=False, indent=2))
            return 0
        for row in tb.summaries():
            if (kind and row.kind is not kind) or (status and row.status is not status):
                continue
            flags = ",".join(sorted(row.flags))
            print(
                f"{row.id}\t{row.kind}\t{row.status}\t{escape_controls(row.label)}\t"
                f"{escape_controls(row.target)}\t{row.terms}\t{row.occurrences}\t{flags}"
            )
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Handler of `glossary show`."""
    name = nfc(args.name).strip()
    with _existing(args) as tb:
        is_id = name.isascii() and name.isdigit()
        concepts = [tb.concept(int(name))] if is_id else tb.find(name)
        if not concepts:
            raise NotFoundError(f"no concept has a term matching {name!r}")
        parts = tb.concept_parts()
        concepts = [replace(c, parts=parts.get(c.id or 0, ())) for c in concepts]
        if args.json:
            records = [_show_record(tb, c) for c in concepts]
            print(json.dumps({"concepts": records}, ensure_ascii=False, indent=2))
            return 0
        blocks = [_describe(tb, c) for c in concepts]
    # Notes and terms come from imported files: never let them drive the terminal.
    print(escape_controls("\n\n".join(blocks), keep="\n\t"))
    return 0


def contexts(
    tb: TermStore, concept_id: int, limit: int = _CONTEXTS
) -> list[Occurrence]:
    """The first `limit` occurrences with distinct sentences.

    Two mentions in one sentence ("PM Chính ... Chính") share its context;
    it is shown once.
    """
    seen: dict[str, Occurrence] = {}
    for o in tb.occurrences(concept_id, limit=limit * 8):
        seen.setdefault(o.context, o)
    return list(seen.values())[:limit]


def _show_record(tb: TermStore, concept: Concept) -> dict[str, object]:
    assert concept.id is not None
    record = concept_record(concept)
    record["contexts"] = [
        {"document": o.document, "start": o.start, "text": o.text, "context": o.context}
        for o in contexts(tb, concept.id)
    ]
    return record


_WHY = 4  # evidence lines shown per term


def _describe(tb: TermStore, concept: Concept) -> str:
    assert concept.id is not None
    lines = [f"{concept.label}  [{concept.kind}, {concept.status}]  id {concept.id}"]
    if concept.note:
        lines.append(f"  note: {concept.note}")
    if concept.flags:
        lines.append(f"  flags: {', '.join(sorted(concept.flags))}")
    if concept.subject:
        lines.append(f"  subject: {concept.subject}")
    lines += [f"  definition ({lang}): {text}" for lang, text in concept.definitions]
    if concept.parts:  # names written inside this one's ("Lục Ngạn District")
        named = [f"{tb.concept(p).label} (id {p})" for p in concept.parts]
        lines.append(f"  parts: {', '.join(named)}")
    lines.append("  terms:")
    for t in concept.terms:
        manual = ", manual" if t.manual else ""
        lines.append(
            f"    {t.text}  ({t.lang}, {t.status}, {t.type}, ×{t.count}{manual})"
        )
        details = [f"pos {t.pos}"] if t.pos else []
        details += [f"flags {', '.join(sorted(t.flags))}"] if t.flags else []
        details += [f"note {line}" for line in t.note.splitlines()]
        lines += [f"      {d}" for d in details]
        # the first evidence of each rule, so a late rule (an alignment
        # score after many same-name links) is not hidden by repeats
        shown = list({ev.rule: ev for ev in reversed(t.evidence)}.values())[::-1]
        for ev in shown[:_WHY]:
            where = f" {ev.document}:{ev.start}-{ev.end}" if ev.document else ""
            detail = f" ({ev.detail})" if ev.detail else ""
            lines.append(f"      why: {ev.rule}{where}{detail}")
        if more := len(t.evidence) - len(shown[:_WHY]):
            lines.append(f"      (+{more} more)")
    occurrences = contexts(tb, concept.id)
    if occurrences:
        lines.append("  contexts:")
        for o in occurrences:
            lines.append(f"    {o.document}:{o.start}: {o.context}")
    return "\n".join(lines)


def run_stats(args: argparse.Namespace) -> int:
    """Handler of `glossary stats`."""
    with _existing(args) as tb:
        counts = tb.counts()
    if args.json:
        print(json.dumps(stats_record(counts), indent=2))
        return 0
    for name in ("documents", "concepts", "terms", "occurrences", "flagged"):
        print(f"{name}: {counts.get(name, 0)}")
    for prefix in ("kind", "status"):
        parts = [
            f"{k.split(':', 1)[1]} {v}"
            for k, v in sorted(counts.items())
            if k.startswith(prefix + ":")
        ]
        print(f"by {prefix}: {', '.join(parts) or 'none'}")
    print(needs_translation_line(counts))
    return 0


def stats_record(counts: dict[str, int]) -> dict[str, object]:
    """`stats --json`: the totals, then ``by_kind`` and ``by_status`` objects."""
    record: dict[str, object] = {
        name: counts.get(name, 0)
        for name in ("documents", "concepts", "terms", "occurrences", "flagged")
    }
    for prefix in ("kind", "status"):
        record[f"by_{prefix}"] = {
            k.split(":", 1)[1]: v
            for k, v in sorted(counts.items())
            if k.startswith(prefix + ":")
        }
    untranslated = {
        k.split(":", 1)[1]: v
        for k, v in counts.items()
        if k.startswith("untranslated:")
    }
    record["needs_translation"] = sum(untranslated.values())
    record["needs_translation_by_kind"] = dict(sorted(untranslated.items()))
    return record


def run_rules(args: argparse.Namespace) -> int:
    """Handler of `glossary rules`: each stage's passes and their first line,
    then the rules of the translation step that follows clustering."""
    from glossary.translate import RULES

    for stage, passes in {**STAGES, "translate": RULES}.items():
        print(f"{stage} stage:")
        width = max(len(run.__name__) for run in passes)
        for run in passes:
            summary = docstring(run).strip().splitlines()[0]
            print(f"  {run.__name__:<{width}}  {summary}")
    return 0


def needs_translation_line(counts: dict[str, int]) -> str:
    """``needs translation: 46 (person 3, title 1, …)``: concepts, not rejected,
    with no Vietnamese term."""
    parts = {
        k.split(":", 1)[1]: v
        for k, v in counts.items()
        if k.startswith("untranslated:")
    }
    detail = ", ".join(f"{k} {v}" for k, v in sorted(parts.items()))
    return f"needs translation: {sum(parts.values())}" + (
        f" ({detail})" if detail else ""
    )
