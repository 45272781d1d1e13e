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

    from glossary.extract.vietnamese import vietnamese_mentions
    from glossary.model import Document

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
    """Time `align` on both document pairs against its own tagging step.

    Baseline in the same run: tagging the Vietnamese paragraphs alone
    (`glossary.align_service._words`), which `align` does once; the ratio shows
    what extraction of units and the scoring add on top.
    """
    from glossary.align import segment_pairs
    from glossary.align_service import _words, align
    from glossary.model import Concept, Kind, Term, TermStatus
    from glossary.store import TermBase

    docs = []
    for n in NAMES:
        en = (ROOT / "seeds" / f"{n}.txt").read_text(encoding="utf-8")
        vi = (PARALLEL / f"{n}.vi.txt").read_text(encoding="utf-8")
        docs.append((n, en, f"{n}.vi.txt", vi))
    pairs = [p for _, en, vi_path, vi in docs for p in segment_pairs(vi_path, en, vi)]
    labels = (
        "Prime Minister",
        "Deputy Prime Minister",
        "digital transformation",
        "circular economy",
        "Phạm Minh Chính",
        "Anatoly Sivak",
        "Việt Nam",
    )
    with TermBase(":memory:") as tb:
        for en in labels:
            term = Term(en, "en", TermStatus.PREFERRED)
            tb.add_concept(Concept(kind=Kind.TERM, terms=(term,)))
        align(tb, docs, dry_run=True)  # warm: models loaded
        rows = []
        for label, fn in (
            (
                "baseline: tagging the paragraphs only",
                lambda: _words(pairs, "underthesea"),
            ),
            ("align (tagging, units, scoring)", lambda: align(tb, docs, dry_run=True)),
        ):
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            rows.append((label, time.perf_counter() - wall, time.process_time() - cpu))
    for label, wall, cpu in rows:
        print(f"{label:<40} {wall:6.2f} s wall {cpu:6.2f} s CPU")
    print(
        f"align / tagging: x{rows[1][1] / rows[0][1]:.2f} wall, "
        f"x{rows[1][2] / rows[0][2]:.2f} CPU ({len(labels)} concepts, 2 pairs)"
    )


if __name__ == "__main__":
    main()
