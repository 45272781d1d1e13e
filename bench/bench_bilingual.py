"""Vietnamese extraction throughput (underthesea vs pyvi) and align time.

Baseline in the same run: underthesea's `pos_tag` alone on the same text, so
the ratio shows what the rules add on top of the tagger.
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARALLEL = ROOT.parent / "shared" / "corpus" / "parallel"
NAMES = ("000_ee629b6e4a47ac1f", "001_a7af507576baeb51")
REPEAT = 20


def _text() -> str:
    one = "\n\n".join(
        (PARALLEL / f"{n}.vi.txt").read_text(encoding="utf-8") for n in NAMES
    )
    return "\n\n".join([one] * REPEAT)


def _timed(label: str, size: int, fn: object) -> float:
    assert callable(fn)
    started = time.perf_counter()
    fn()
    seconds = time.perf_counter() - started
    print(f"{label:<40} {seconds:7.2f} s {size / 1024 / seconds:8.1f} KB/s")
    return seconds


def main() -> None:
    """Print throughput of vietnamese_mentions per backend and of `align`."""
    if not PARALLEL.exists():
        print(f"skipped: {PARALLEL} missing")
        return
    from underthesea import pos_tag

    from glossary.model import Document
    from glossary.vi_extract import vietnamese_mentions

    text = _text()
    size = len(text.encode())
    warm = Document("w", text[:300], "vi")
    vietnamese_mentions(warm)
    vietnamese_mentions(warm, backend="pyvi")
    print(f"text: {size / 1024:.0f} KB ({REPEAT} copies of the two parallel files)")
    base = _timed(
        "baseline: underthesea pos_tag only",
        size,
        lambda: [pos_tag(p) for p in text.split("\n") if p.strip()],
    )
    doc = Document("b", text, "vi")
    ours = _timed(
        "vietnamese_mentions (underthesea)", size, lambda: vietnamese_mentions(doc)
    )
    fast = _timed(
        "vietnamese_mentions (pyvi)",
        size,
        lambda: vietnamese_mentions(doc, backend="pyvi"),
    )
    print(f"rules overhead over the tagger: x{ours / base:.2f}")
    print(f"pyvi speed-up over underthesea: x{ours / fast:.2f}")
    _bench_align()


def _bench_align() -> None:
    from glossary.commands.align import align
    from glossary.model import Concept, Kind, Term, TermStatus
    from glossary.store import TermBase

    docs = []
    for n in NAMES:
        en = (ROOT / "seeds" / f"{n}.txt").read_text(encoding="utf-8")
        vi = (PARALLEL / f"{n}.vi.txt").read_text(encoding="utf-8")
        docs.append((n, en, f"{n}.vi.txt", vi))
    with TermBase(":memory:") as tb:
        for en in ("Prime Minister", "digital transformation", "circular economy"):
            term = Term(en, "en", TermStatus.PREFERRED)
            tb.add_concept(Concept(kind=Kind.TERM, terms=(term,)))
        started = time.perf_counter()
        outcomes = align(tb, docs, dry_run=True)
        seconds = time.perf_counter() - started
    print(
        f"align, 2 document pairs, 3 concepts: {seconds:.2f} s, "
        f"{len(outcomes)} proposals"
    )


if __name__ == "__main__":
    main()
