"""Names on which two Vietnamese backends disagree, for judging by hand.

usage: .venv/bin/python -m bench.vi_compare OUT.tsv FILE... [--backends A,B]

Runs `vietnamese_mentions` with both backends (default underthesea and
rules) over each file as one Vietnamese document and writes one row per
disagreement on a name (person, place, organisation or untyped; not titles
or domain terms): ``kind`` (same span, different kinds), ``span``
(overlapping spans that differ: each side's spans listed), ``A-only`` or
``B-only`` (a name the other backend has no overlapping name for), the
file, each side's text and kinds, and the line around it. Prints how many
names each backend found and how many rows of each sort.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from glossary.extract.vietnamese import vietnamese_mentions
from glossary.model import Document, Kind

_NAMES = {Kind.PERSON, Kind.PLACE, Kind.ORG, Kind.OTHER, None}
Span = tuple[int, int]


def names(doc: Document, backend: str) -> dict[Span, str]:
    """The document's names under `backend`: kind (or "none") by span."""
    return {
        (m.start, m.end): str(m.kind or "none")
        for m in vietnamese_mentions(doc, backend=backend)
        if m.kind in _NAMES
    }


def disagreements(
    text: str, a: dict[Span, str], b: dict[Span, str], labels: tuple[str, str]
) -> list[tuple[str, str, str, str, str, Span]]:
    """Rows (sort, a's text, a's kinds, b's text, b's kinds, where)."""
    a_diff = {s: k for s, k in a.items() if b.get(s) != k}
    b_diff = {s: k for s, k in b.items() if a.get(s) != k}
    rows = []
    done: set[Span] = set()
    for s in sorted(a_diff.keys() | b_diff.keys()):
        if s in done:
            continue
        if s in a_diff and s in b_diff:
            rows.append(("kind", text[s[0] : s[1]], a[s], text[s[0] : s[1]], b[s], s))
            done.add(s)
            continue
        group = {s}
        for side in (a_diff, b_diff):
            group |= {t for t in side if t[0] < s[1] and s[0] < t[1]}
        done |= group
        sa = sorted(t for t in group if t in a_diff)
        sb = sorted(t for t in group if t in b_diff)
        only = labels[0] if sa else labels[1]
        sort = "span" if sa and sb else f"{only}-only"
        where = (min(t[0] for t in group), max(t[1] for t in group))
        rows.append(
            (
                sort,
                " | ".join(text[i:j] for i, j in sa),
                ",".join(a[t] for t in sa),
                " | ".join(text[i:j] for i, j in sb),
                ",".join(b[t] for t in sb),
                where,
            )
        )
    return rows


def _line(text: str, where: Span, margin: int = 60) -> str:
    start = max(text.rfind("\n", 0, where[0]) + 1, where[0] - margin)
    end = text.find("\n", where[1])
    end = min(len(text) if end < 0 else end, where[1] + margin)
    return text[start:end].replace("\t", " ")


def main(argv: list[str]) -> None:
    backends = ("underthesea", "rules")
    if "--backends" in argv:
        i = argv.index("--backends")
        first, second = argv[i + 1].split(",")
        backends = (first, second)
        argv = argv[:i] + argv[i + 2 :]
    out, files = Path(argv[0]), argv[1:]
    found: Counter[str] = Counter()
    sorts: Counter[str] = Counter()
    with out.open("w", encoding="utf-8") as f:
        for path in files:
            text = Path(path).read_text(encoding="utf-8")
            doc = Document(path=path, text=text, lang="vi")
            a, b = (names(doc, backend) for backend in backends)
            found[backends[0]] += len(a)
            found[backends[1]] += len(b)
            found["same"] += sum(1 for s, k in a.items() if b.get(s) == k)
            for sort, ta, ka, tb, kb, where in disagreements(text, a, b, backends):
                sorts[sort] += 1
                row = (sort, path, ta, ka, tb, kb, _line(text, where))
                # a name may span lines: one row each all the same
                f.write("\t".join(" ".join(x.split("\n")) for x in row) + "\n")
    print(dict(found), dict(sorts))


if __name__ == "__main__":
    main(sys.argv[1:])
