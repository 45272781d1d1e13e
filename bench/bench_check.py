"""check benchmark: `glossary check` on a 100k-unit PO against pofilter.

The PO is the machine's Vietnamese .mo catalogues
(/usr/share/locale/vi/LC_MESSAGES/*.mo) converted and concatenated, repeated
with a distinct msgctxt per copy until it holds 100,000 translated units. The
term base has one approved concept per short catalogue string (1-8 words:
English preferred, its most frequent Vietnamese translation preferred), at
least 10,000 of them. Baseline in the same run: translate-toolkit's
`pofilter` with its two overlapping checks (`printf`, `numbers`), against
`glossary check --only placeholders,numbers`: the checking alone, and the
command lines (parse, check, write); each the least CPU time of three runs,
with the load average the other engineers' work put on the machine.
`python -m bench check` prints the table of bench/results/check.md.
"""

from __future__ import annotations

import glob
import importlib
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import polib

from glossary.api import Glossary
from glossary.check import CHECKS, select
from glossary.check.readers import read_documents
from glossary.check_service import check_documents

MO_GLOB = "/usr/share/locale/vi/LC_MESSAGES/*.mo"
UNITS = 100_000
MIN_CONCEPTS = 10_000
_SHORT = re.compile(r"[A-Za-z][\w '\-./]*")


def _entries() -> list[tuple[str, str, str]]:
    """(domain, msgid, msgstr) of every translated singular entry."""
    out = []
    for path in sorted(glob.glob(MO_GLOB)):
        domain = Path(path).stem
        for e in polib.mofile(path):
            if e.msgid and e.msgstr and not e.msgid_plural:
                out.append((domain, e.msgid, e.msgstr))
    return out


def write_po(path: Path, entries: list[tuple[str, str, str]]) -> int:
    """The 100k-unit catalogue; each copy of an entry gets its own msgctxt."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": "vi", "Content-Type": "text/plain; charset=UTF-8"}
    seen: set[tuple[str, str]] = set()
    copy = 0
    while len(po) < UNITS:
        for domain, msgid, msgstr in entries:
            ctxt = f"{domain}#{copy}"
            if (ctxt, msgid) in seen:
                continue
            seen.add((ctxt, msgid))
            po.append(polib.POEntry(msgctxt=ctxt, msgid=msgid, msgstr=msgstr))
            if len(po) == UNITS:
                break
        copy += 1
    path.write_text(str(po), encoding="utf-8")
    return len(po)


def term_records(entries: list[tuple[str, str, str]]) -> list[dict[str, object]]:
    """One approved concept per short English string of the catalogues."""
    by_source: dict[str, Counter[str]] = {}
    for _, msgid, msgstr in entries:
        words = msgid.split()
        if 1 <= len(words) <= 8 and _SHORT.fullmatch(msgid) and len(msgid) > 2:
            by_source.setdefault(msgid.lower(), Counter())[msgstr.strip()] += 1
    records: list[dict[str, object]] = []
    for source, targets in by_source.items():
        (best, _), *rest = targets.most_common()
        terms = [
            {"text": source, "lang": "en", "status": "preferred"},
            {"text": best, "lang": "vi", "status": "preferred"},
        ] + [{"text": t, "lang": "vi"} for t, _ in rest[:2]]
        records.append({"kind": "term", "status": "approved", "terms": terms})
    return records


def _cpu(argv: list[str], times: int = 3) -> float:
    """The least CPU seconds (user + system) of `times` runs of a command line:
    the machine is shared, and load from others only adds."""
    best = float("inf")
    for _ in range(times):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(argv, check=False, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, spent)
    return best


def _best(run: Callable[[], object], times: int = 3) -> float:
    """The least CPU time of `times` runs (load from others only adds)."""
    best = float("inf")
    for _ in range(times):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def _pofilter_checks(po: Path) -> tuple[float, int]:
    """pofilter's printf and numbers over the parsed units: CPU s, units flagged."""
    from translate.filters import checks
    from translate.storage import factory

    units = [u for u in factory.getobject(str(po)).units if u.istranslated()]
    checker = checks.StandardChecker(limitfilters=["printf", "numbers"])
    flagged = [0]

    def run() -> None:
        flagged[0] = sum(1 for u in units if checker.run_filters(u))

    return _best(run), flagged[0]


def accuracy() -> None:
    """Precision and recall per check on the labelled set (tests/data/check)."""
    # imported by name: mypy knows the module as check.accuracy (tests/ is no package)
    accuracy = importlib.import_module("tests.check.accuracy")
    scores = accuracy.score()
    print(f"labelled set: {sum(s[0] for s in scores.values())} seeded findings")
    print(accuracy.table(scores))


def main() -> None:
    accuracy()
    entries = _entries()
    if not entries:
        print("no /usr/share/locale/vi .mo files: skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        po = Path(tmp) / "all.po"
        units = write_po(po, entries)
        glossary = Glossary.from_records(term_records(entries))
        print(
            f"{units:,} units, {len(entries):,} .mo entries, {len(glossary):,} concepts"
        )
        load = os.getloadavg()[0]
        theirs, flagged = _pofilter_checks(po)
        (doc,) = read_documents([str(po)])
        overlap = select(["placeholders", "numbers"])
        ours = _best(lambda: check_documents([doc], None, overlap))
        report = check_documents([doc], glossary)
        full = _best(lambda: check_documents([doc], glossary), 1)
        bin_dir = Path(sys.executable).parent
        cli_ours = _cpu(
            [
                str(bin_dir / "glossary"),
                "check",
                "--only",
                "placeholders,numbers",
                "--format",
                "json",
                str(po),
            ]
        )
        cli_theirs = _cpu(
            [
                str(bin_dir / "pofilter"),
                "-t",
                "printf",
                "-t",
                "numbers",
                "-i",
                str(po),
                "-o",
                str(Path(tmp) / "out.po"),
            ]
        )
        n = len(CHECKS)
        print(
            f"load average (1 min) {load:.1f} before, {os.getloadavg()[0]:.1f} after,"
            f" on {os.cpu_count()} CPUs"
        )
        print("| run (CPU seconds, least of 3) | checks | s | unit-checks/s |")
        print("|---|--:|--:|--:|")
        for name, k, secs in (
            (
                f"pofilter printf+numbers, checking only ({flagged} units flagged)",
                2,
                theirs,
            ),
            ("glossary check placeholders+numbers, checking only", 2, ours),
            (f"glossary check, all {n} checks, checking only", n, full),
            (
                "pofilter printf+numbers, command line (parse, check, write)",
                2,
                cli_theirs,
            ),
            ("glossary check placeholders+numbers, command line", 2, cli_ours),
        ):
            print(f"| {name} | {k} | {secs:.2f} | {k * units / secs:,.0f} |")
        print(
            f"checking: {theirs / ours:.1f}x pofilter; command line: "
            f"{cli_theirs / cli_ours:.1f}x"
        )
        counts = Counter(f.check for f in report.findings)
        print("findings:", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
