"""Benchmark the library API: annotate throughput and Glossary load time.

`annotate` with 100,000 generated terms over 10 MB of news text, against a
compiled regular-expression alternation of the same (folded) terms run in the
same process on the same folded text. Also the time to load a Glossary of
100,000 terms from records and from a term-base file.

Run: ``python -m bench api`` (``GLOSSARY_BENCH_MB`` / ``GLOSSARY_BENCH_TERMS``
shrink it).
"""

from __future__ import annotations

import os
import random
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from glossary.api import Glossary, Span
from glossary.model import Concept, Kind, Term, TermStatus
from glossary.store import TermBase
from glossary.text.annotate import fold_key, fold_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý"
MIDDLES = (
    "Văn Thị Minh Hồng Quốc Đức Thanh Ngọc Xuân Thu Hải Bảo Gia Kim Anh Tuấn Hữu "
    "Công Đình Trọng Quang Thế Mạnh Phương Diệu Khánh Tiến Việt Nhật Hoài"
)
GIVENS = (
    "Chính Hùng Dũng Lan Mai Hoa Tâm Tú Sơn Long Nam Bình Hòa Hạnh Hương Linh "
    "Trang Thảo Vy Yến Phúc Lộc Thọ Khoa Khôi Kiên Lâm Luân Minh Nhân Phong Quân "
    "Quý Sang Tài Thắng Thịnh Toàn Trí Trung Tuệ Vinh Vũ Hiếu Hiền Huy Duy Đạt"
)


def _words() -> list[str]:
    text = " ".join(
        p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    return sorted({w for w in re.findall(r"[a-z]{4,}", text)})


def make_concepts(n: int, seed: int = 7) -> list[Concept]:
    """`n` distinct terms: 70% Vietnamese names (with an ASCII variant), 30% English."""
    rng = random.Random(seed)
    sur, mid, giv = SURNAMES.split(), MIDDLES.split(), GIVENS.split()
    words = _words()
    seen: set[str] = set()
    concepts: list[Concept] = []
    while len(concepts) < n:
        if rng.random() < 0.7:
            parts = [rng.choice(sur), rng.choice(mid), rng.choice(giv)]
            if rng.random() < 0.5:
                parts.insert(2, rng.choice(mid))
            name = " ".join(parts)
            terms: tuple[Term, ...] = (
                Term(name, "vi", TermStatus.PREFERRED),
                Term(_ascii(name), "en"),
            )
            kind = Kind.PERSON
        else:
            name = " ".join(rng.sample(words, rng.choice((2, 3))))
            terms = (Term(name, "en", TermStatus.PREFERRED),)
            kind = Kind.TERM
        key = fold_key(name)
        if key in seen:
            continue
        seen.add(key)
        concepts.append(Concept(kind=kind, terms=terms, id=len(concepts) + 1))
    return concepts


def _ascii(s: str) -> str:
    from glossary.api import strip_marks

    return strip_marks(s)


def make_text(mb: float, concepts: list[Concept], seed: int = 11) -> str:
    """News paragraphs (seeds and news-dev) repeated to `mb` MB, names sprinkled."""
    rng = random.Random(seed)
    files = sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted((SHARED / "corpus" / "news-dev").glob("*.txt"))
    paragraphs = [p for f in files for p in f.read_text("utf-8").split("\n\n") if p]
    out: list[str] = []
    size, target = 0, int(mb * 1_000_000)
    while size < target:
        p = rng.choice(paragraphs)
        c = rng.choice(concepts)
        p = f"{p} {rng.choice(c.terms).text} said.\n\n"
        out.append(p)
        size += len(p.encode("utf-8"))
    return "".join(out)


def make_dense_text(mb: float, concepts: list[Concept], seed: int = 13) -> str:
    """Terms one after another with a joining word or mark: ~50,000 hits a MB."""
    rng = random.Random(seed)
    joins = [", ", " và ", " and ", " với ", ". ", " said ", "; "]
    out: list[str] = []
    size, target = 0, int(mb * 1_000_000)
    while size < target:
        piece = rng.choice(rng.choice(concepts).terms).text + rng.choice(joins)
        out.append(piece)
        size += len(piece.encode("utf-8"))
    return "".join(out)


def _one_by_one(g: Glossary) -> Callable[[str], list[Span]]:
    """annotate as it was: the matcher's tuples, then a `Span` for each."""

    def annotate(text: str) -> list[Span]:
        entries = g._entries
        return [
            Span(s, e, text[s:e], entries[i].concepts, entries[i].ambiguous)
            for s, e, i in g._automaton.matches(text)
        ]

    return annotate


def _dense(g: Glossary, concepts: list[Concept], mb: float, keys: list[str]) -> None:
    """annotate on dense text, against the matcher alone and pyahocorasick."""
    text = make_dense_text(mb, concepts)
    size = len(text.encode("utf-8")) / 1e6
    cpu, wall, spans = _best_of(3, g.annotate, text)
    assert isinstance(spans, list | Sequence)
    print(
        f"dense text {size:.1f} MB, {len(spans)} spans ({len(spans) / size:,.0f} a "
        f"MB): annotate cpu {cpu:.2f} s = {size / cpu:.1f} MB/s, wall "
        f"{wall:.2f} s = {size / wall:.1f} MB/s"
    )
    t_annotate = cpu
    cpu, _, _ = _best_of(3, _one_by_one(g), text)
    print(
        f"  baseline: a Span built per match, as annotate did before: "
        f"{size / cpu:.1f} MB/s (annotate is {cpu / t_annotate:.1f}x)"
    )
    cpu, _, _ = _best_of(3, g._automaton.matches, text)
    print(f"  baseline: the matcher alone (tuples): {size / cpu:.1f} MB/s")
    cpu, _, _ = _best_of(3, _pyahocorasick_find(keys), text)
    print(f"  baseline: pyahocorasick iter_long + fold, tuples: {size / cpu:.1f} MB/s")


def _timed(fn: object, *args: object) -> tuple[float, float, object]:
    """Run `fn`; return its CPU time (the machine may be shared), wall time, result."""
    start, wall = time.process_time(), time.perf_counter()
    result = fn(*args)  # type: ignore[operator]
    cpu, wall = time.process_time() - start, time.perf_counter() - wall
    return cpu, wall, result


def _best_of(runs: int, fn: object, *args: object) -> tuple[float, float, object]:
    """The run with the least CPU time of `runs` (others' load only adds time)."""
    results = [_timed(fn, *args) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def _paused_baseline(g: Glossary, text: str, size: float) -> None:
    """annotate / normalize_text with the collector on (as the library leaves
    it) and paused by the caller, alternating, best of 3 each.

    The library no longer pauses the collector during queries; this shows
    what a caller that pauses it itself would gain.
    """
    import gc

    def paused(fn: Callable[..., object], *args: object) -> object:
        was = gc.isenabled()
        gc.disable()
        try:
            return fn(*args)
        finally:
            if was:
                gc.enable()

    for name, fn, args in (
        ("annotate", g.annotate, (text,)),
        ("normalize_text(en-ascii)", g.normalize_text, (text, "en-ascii")),
    ):
        on, off = [], []
        for _ in range(3):
            on.append(_timed(fn, *args)[0])
            off.append(_timed(paused, fn, *args)[0])
        print(
            f"{name}, collector on (library default): cpu {min(on):.2f} s = "
            f"{size / min(on):.1f} MB/s; paused by the caller: cpu {min(off):.2f} s "
            f"= {size / min(off):.1f} MB/s (x{min(on) / min(off):.2f})"
        )


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def _pyahocorasick_find(keys: list[str]) -> object:
    """The previous engine's matching pass: pyahocorasick `iter_long`.

    It gets the new, faster `fold_text` and builds no spans, so it is a
    lower bound for what that engine could do now, not its old figure.
    """
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for i, key in enumerate(keys):
        automaton.add_word(" " + key, (i, len(key)))
    automaton.make_automaton()

    def find(text: str) -> list[tuple[int, int, int]]:
        padded = " " + fold_text(text)[0]
        n = len(padded)
        out = []
        for last, (entry, length) in automaton.iter_long(padded):
            after = last + 1
            if after < n and padded[after].isalnum():
                continue
            out.append((after - length - 1, after - 1, entry))
        return out

    return find


def main() -> None:
    n = int(os.environ.get("GLOSSARY_BENCH_TERMS", "100000"))
    mb = float(os.environ.get("GLOSSARY_BENCH_MB", "10"))
    print(f"load average at start: {_loadavg()}")
    concepts = make_concepts(n)
    text = make_text(mb, concepts)
    size = len(text.encode("utf-8")) / 1e6
    n_terms = sum(len(c.terms) for c in concepts)
    print(
        f"{n} concepts, {n_terms} terms ({n} distinct folded keys); text {size:.1f} MB"
    )

    cpu, wall, g = _best_of(3, Glossary, concepts)
    assert isinstance(g, Glossary)
    print(f"Glossary from {n} in-memory concepts: cpu {cpu:.2f} s, wall {wall:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        tb = TermBase(db)
        with tb.transaction():
            for c in concepts:
                tb.add_concept(c)
        tb.close()
        cpu, wall, _ = _best_of(3, Glossary.open, db)
    print(
        f"Glossary.open on a {n}-concept term base: cpu {cpu:.2f} s, wall {wall:.2f} s"
    )

    g.annotate("warm up: builds the fold tables once")
    cpu, wall, spans = _best_of(3, g.annotate, text)
    assert isinstance(spans, list | Sequence)
    t_annotate = cpu
    print(
        f"Glossary.annotate (best of 3): cpu {cpu:.2f} s = {size / cpu:.1f} MB/s, "
        f"wall {wall:.2f} s = {size / wall:.1f} MB/s, {len(spans)} spans"
    )
    nfd = unicodedata.normalize("NFD", text)
    cpu, wall, nfd_spans = _best_of(3, g.annotate, nfd)
    assert isinstance(nfd_spans, list | Sequence)
    assert [(s.concept_ids) for s in nfd_spans] == [s.concept_ids for s in spans]
    print(
        f"Glossary.annotate on the NFD text: cpu {cpu:.2f} s = {size / cpu:.1f} MB/s, "
        f"wall {wall:.2f} s"
    )
    cpu, wall, _ = _best_of(3, g.normalize_text, text, "en-ascii")
    print(
        f"Glossary.normalize_text(en-ascii): cpu {cpu:.2f} s = {size / cpu:.1f} MB/s, "
        f"wall {wall:.2f} s"
    )

    _paused_baseline(g, text, size)

    keys = sorted({fold_key(t.text) for c in concepts for t in c.terms}, key=len)[::-1]
    _dense(g, concepts, mb, keys)
    cpu, wall, folded = _best_of(3, fold_text, text)
    print(f"  of which folding the text (fold_text): cpu {cpu:.2f} s")
    old_find = _pyahocorasick_find(keys)
    cpu, wall, old_hits = _best_of(3, old_find, text)
    assert isinstance(old_hits, list)
    print(
        f"baseline: pyahocorasick iter_long (the previous engine) over the same "
        f"new fold, (start, end, entry) tuples only, no spans: "
        f"cpu {cpu:.2f} s = {size / cpu:.1f} MB/s, wall {wall:.2f} s, "
        f"{len(old_hits)} matches; annotate with spans is {cpu / t_annotate:.1f}x "
        f"its speed"
    )

    cpu, wall, pattern = _timed(
        re.compile, r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)"
    )
    assert isinstance(pattern, re.Pattern)
    folded_text = folded[0]  # type: ignore[index]
    sample = folded_text[:200_000]  # 200 kB: the regex is too slow for 10 MB
    t_regex, wall, found = _timed(lambda: sum(1 for _ in pattern.finditer(sample)))
    sample_mb = len(sample.encode("utf-8")) / 1e6
    print(
        f"baseline: regex alternation (re, {len(keys)} keys, longest first, "
        f"pre-folded text): compile cpu {cpu:.2f} s, scan {sample_mb:.1f} MB in "
        f"cpu {t_regex:.2f} s (wall {wall:.2f} s) = {sample_mb / t_regex:.4f} MB/s, "
        f"{found} matches"
    )
    print(
        f"annotate vs regex: {(size / t_annotate) / (sample_mb / t_regex):.0f}x faster"
    )
    print(f"load average at end: {_loadavg()}")


if __name__ == "__main__":
    main()
