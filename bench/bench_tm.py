"""tm benchmark: the real .mo memory against translate-toolkit and rapidfuzz.

`python -m bench tm` runs the comparison on /usr/share/locale/vi/*.mo;
`python -m bench.bench_tm --scale 1000000` adds the synthetic scale-up;
`python -m bench.bench_tm --near 1000000 [--db PATH]` measures recall in a
memory of near-duplicates of the real strings (PATH kept, reused if present)
against brute-force rapidfuzz on the same queries.
"""

from __future__ import annotations

import glob
import itertools
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

from tm import service
from tm.store import MemoryStore

MO_GLOB = "/usr/share/locale/vi/LC_MESSAGES/*.mo"


def _perturb(rng: random.Random, s: str) -> str:
    words = s.split()
    kind = rng.choice(["drop", "case", "swap"])
    if kind == "drop" and len(words) > 2:
        del words[rng.randrange(len(words))]
        return " ".join(words)
    if kind == "case":
        return s.swapcase() if rng.random() < 0.5 else s.lower()
    i = rng.randrange(max(1, len(s) - 1))
    return s[:i] + s[i + 1 : i + 2] + s[i : i + 1] + s[i + 2 :]


def _stats(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times) * 1e3, times[int(len(times) * 0.95)] * 1e3


def real() -> None:
    files = sorted(glob.glob(MO_GLOB))
    if not files:
        print("no /usr/share/locale/vi .mo files: skipped")
        return
    store = MemoryStore()
    t = time.perf_counter()
    for f in files:
        service.import_units(store, f, service.read_file(Path(f)))
    print(
        f"imported {len(files)} .mo files, {store.count()} units in "
        f"{time.perf_counter() - t:.1f} s"
    )
    units = [u for u in store.units() if 2 <= len(u.source.split()) <= 12]
    rng = random.Random(7)
    picks = rng.sample(units, 200)
    queries = [(_perturb(rng, u.source), u.source) for u in picks]
    sources = [u.source for u in store.units()]
    t, c = time.perf_counter(), time.process_time()
    matcher = service.Matcher(store)
    matcher.lookup("warm up the vocabulary xqzt")
    import resource

    print(
        f"tm.Matcher index and speller built in {time.perf_counter() - t:.2f} s "
        f"(CPU {time.process_time() - c:.2f} s), once per Matcher; max RSS so far "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB"
    )
    from translate.search import match as ttk_match
    from translate.storage import pypo

    t, c = time.perf_counter(), time.process_time()
    ttk_store = pypo.pofile()
    for u in store.units():
        ttk_store.addsourceunit(u.source).target = u.target
    ttk = ttk_match.matcher(
        ttk_store, max_candidates=1, min_similarity=30, max_length=1000
    )
    print(
        f"translate-toolkit matcher built in {time.perf_counter() - t:.2f} s "
        f"(CPU {time.process_time() - c:.2f} s)"
    )

    def ours(q: str) -> list[str]:
        return [m.unit.source for m in matcher.lookup(q, minimum=0, limit=1)]

    def brute(q: str) -> list[str]:
        best = process.extractOne(q, sources)
        return [best[0]] if best else []

    def brute_ratio(q: str) -> list[str]:
        best = process.extractOne(q, sources, scorer=fuzz.ratio)
        return [best[0]] if best else []

    def toolkit(q: str) -> list[str]:
        return [str(u.source) for u in ttk.matches(q)][:1]

    methods: list[Method] = [
        ("tm.Matcher", ours),
        ("rapidfuzz extractOne (WRatio)", brute),
        ("rapidfuzz extractOne (ratio)", brute_ratio),
        ("translate-toolkit matcher", toolkit),
    ]
    for interleaved in (False, True):
        _compare(methods, queries, interleaved=interleaved)
    sql = service.Matcher(store, in_memory=False)
    found = [
        [m.unit.source for m in sql.lookup(q, minimum=0, limit=1)] for q, _ in queries
    ]
    differ = sum(ours(q) != top for (q, _), top in zip(queries, found, strict=True))
    recall = sum(top == [want] for (_, want), top in zip(queries, found, strict=True))
    print(
        f"SQLite path (Matcher(in_memory=False), as `tm lookup`): recall@1 "
        f"{recall}/200; its top match differs from the in-memory index's on "
        f"{differ}/200 queries"
    )


Method = tuple[str, Callable[[str], list[str]]]


def _compare(
    methods: list[Method], queries: list[tuple[str, str]], *, interleaved: bool
) -> None:
    """Time every method on `queries`; print the table and the speed-ups.

    Back to back (each method's 200 queries in a row, caches warm for it), or
    interleaved (each query through every method in turn: a burst of load
    hits all alike, and each lookup starts with caches the others evicted).
    """
    hits = [0] * len(methods)
    times: list[list[float]] = [[] for _ in methods]
    cpu: list[list[float]] = [[] for _ in methods]
    order = (
        [(k, qw) for qw in queries for k in range(len(methods))]
        if interleaved
        else [(k, qw) for k in range(len(methods)) for qw in queries]
    )
    for k, (q, want) in order:
        t, c = time.perf_counter(), time.process_time()
        got = methods[k][1](q)
        times[k].append(time.perf_counter() - t)
        cpu[k].append(time.process_time() - c)
        hits[k] += bool(got) and got[0] == want
    rows = []
    for k, (name, _) in enumerate(methods):
        med, p95 = _stats(times[k])
        cpu_med, cpu_p95 = _stats(cpu[k])
        rows.append((name, hits[k], med, p95, cpu_med, cpu_p95))
    print("interleaved (cold caches):" if interleaved else "back to back:")
    print("| method | recall@1 | median ms | p95 ms | CPU median ms | CPU p95 ms |")
    print("|---|---|---|---|---|---|")
    for name, found, med, p95, cpu_med, cpu_p95 in rows:
        print(
            f"| {name} | {found}/200 | {med:.2f} | {p95:.2f} | {cpu_med:.2f} "
            f"| {cpu_p95:.2f} |"
        )
    base_med = rows[0][2]
    print(
        f"speed-up (wall median) vs translate-toolkit: {rows[3][2] / base_med:.1f}x,"
        f" vs rapidfuzz WRatio: {rows[1][2] / base_med:.1f}x; (CPU median) vs "
        f"translate-toolkit: {rows[3][4] / rows[0][4]:.1f}x, vs rapidfuzz ratio: "
        f"{rows[2][4] / rows[0][4]:.1f}x"
    )


def scale(n: int) -> None:
    rng = random.Random(1)
    vocab = [f"w{i:x}" for i in range(50000)] + ["file", "open", "the", "error"]
    cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocab))))

    def sentence() -> str:
        return " ".join(rng.choices(vocab, cum_weights=cum, k=rng.randint(3, 12)))

    from tm.model import Unit

    path = Path(tempfile.mkdtemp()) / "scale.db"
    store = MemoryStore(path)
    spent = spent_cpu = 0.0
    batch = 100_000
    kept = []
    for start in range(0, n, batch):
        units = [Unit(sentence(), sentence()) for _ in range(batch)]
        kept.extend(rng.sample(units, 2))
        t0, c0 = time.perf_counter(), time.process_time()
        service.import_units(store, f"synthetic-{start}", units)
        spent += time.perf_counter() - t0
        spent_cpu += time.process_time() - c0
        print(f"  {start + batch:,} units, import {spent:.0f} s", flush=True)
    dt = spent
    import resource

    print(
        f"{store.count()} units imported in {dt:.0f} s = {n / dt:,.0f} units/s "
        f"(CPU {spent_cpu:.0f} s = {n / spent_cpu:,.0f} units/s); "
        f"db {path.stat().st_size / 1e6:.0f} MB; max RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB"
    )
    matcher = service.Matcher(store)
    queries = [_perturb(rng, u.source) for u in rng.choices(kept, k=200)]
    t0, c0 = time.perf_counter(), time.process_time()
    matcher.lookup(queries[0])
    matcher.lookup("load the speller xqzt")
    print(
        f"first lookups (vocabulary and speller load) {time.perf_counter() - t0:.1f} s"
        f" (CPU {time.process_time() - c0:.1f} s)"
    )
    times, cpu = [], []
    for q in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        matcher.lookup(q)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    med, p95 = _stats(times)
    cpu_med, cpu_p95 = _stats(cpu)
    print(
        f"lookup at {n:,}: median {med:.1f} ms, p95 {p95:.1f} ms "
        f"(CPU median {cpu_med:.1f} ms, p95 {cpu_p95:.1f} ms); max RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB"
    )
    store.close()
    shutil.rmtree(path.parent)


def _variant(rng: random.Random, words: list[str], pool: list[str]) -> str:
    # One word replaced by another real word, dropped, or inserted.
    words = list(words)
    i = rng.randrange(len(words))
    kind = rng.random()
    if kind < 0.6:
        words[i] = rng.choice(pool)
    elif kind < 0.8 and len(words) > 2:
        del words[i]
    else:
        words.insert(i, rng.choice(pool))
    return " ".join(words)


def _near_store(n: int, path: Path) -> tuple[MemoryStore, list[str]]:
    """A memory of the real .mo sources, each with variants up to `n` units."""
    from tm.model import Unit

    real_store = MemoryStore()
    for f in sorted(glob.glob(MO_GLOB)):
        service.import_units(real_store, f, service.read_file(Path(f)))
    real_units = list(real_store.units())
    sources = [u.source for u in real_units]
    if path.exists():
        return MemoryStore(path), sources
    rng = random.Random(3)
    pool = [w for s in sources for w in s.split()]
    per = max(0, n // len(real_units) - 1)
    everything = list(real_units)
    for u in real_units:
        words = u.source.split()
        if len(words) >= 2:
            everything.extend(
                Unit(_variant(rng, words, pool), u.target) for _ in range(per)
            )
    # Shuffled, so that the real strings are not the oldest (lowest) ids.
    rng.shuffle(everything)
    store = MemoryStore(path)
    t0 = time.perf_counter()
    for start in range(0, len(everything), 100_000):
        service.import_units(store, "near", everything[start : start + 100_000])
    print(
        f"near-duplicate memory: {store.count():,} units ({len(real_units):,} real,"
        f" {per} variants each) built in {time.perf_counter() - t0:.0f} s"
    )
    return store, sources


def _timed(
    lookup: Callable[[str], list[tuple[str, int]]], queries: list[tuple[str, str]]
) -> tuple[list[list[tuple[str, int]]], list[float], list[float]]:
    found, times, cpu = [], [], []
    for q, _ in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        found.append(lookup(q))
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return found, times, cpu


def near(n: int, path: Path) -> None:
    """Recall@1 and lookup time in a memory of near-duplicates.

    The in-memory index (a long-lived Matcher), the SQLite path (a one-off
    `tm lookup`) and brute-force rapidfuzz answer the same queries in the
    same run. With 32 variants of each string, a variant can equal the
    query (it dropped the same word) or score above the real string, so
    besides "the real string on top" (real@1) each method is judged by
    best@1: its top scores as high as the best unit known for the query
    (the best `score` among the real string, its variants, every method's
    top five and rapidfuzz's top 20).
    """
    import os
    import resource
    from collections import defaultdict

    from tm.match import score

    store, sources = _near_store(n, path)
    units = [s for s in sources if 2 <= len(s.split()) <= 12]
    rng = random.Random(7)
    queries = [(_perturb(rng, s), s) for s in rng.sample(units, 200)]
    print(f"load average {os.getloadavg()[0]:.2f}, {store.count():,} units")
    t0, c0 = time.perf_counter(), time.process_time()
    indexed = service.Matcher(store)
    indexed.lookup("warm up the vocabulary xqzt")
    print(
        f"in-memory index built in {time.perf_counter() - t0:.1f} s (CPU "
        f"{time.process_time() - c0:.1f} s); max RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB"
    )
    everything = list(store.units())
    family: dict[str, list[str]] = defaultdict(list)
    target_of: dict[str, str] = {}
    for u in everything:
        family[u.target].append(u.source)
        target_of.setdefault(u.source, u.target)
    texts = [u.source for u in everything]
    del everything

    def matcher(m: service.Matcher) -> Callable[[str], list[tuple[str, int]]]:
        def lookup(q: str) -> list[tuple[str, int]]:
            return [(x.unit.source, x.score) for x in m.lookup(q, minimum=0)]

        return lookup

    def brute(q: str) -> list[tuple[str, int]]:
        best = process.extract(q, texts, scorer=fuzz.ratio, limit=20)
        return [(str(b[0]), score(q, str(b[0]))) for b in best]

    one_off = service.Matcher(store, in_memory=False)
    one_off.lookup("warm up the vocabulary xqzt")
    methods = [
        ("tm.Matcher, in-memory index", matcher(indexed)),
        ("tm.Matcher(in_memory=False), SQLite", matcher(one_off)),
        ("rapidfuzz extract (ratio), brute force", brute),
    ]
    runs = [(name, *_timed(f, queries)) for name, f in methods]
    best = []
    for k, (q, want) in enumerate(queries):
        known = {want, *family[target_of[want]]}
        known.update(s for _, found, _, _ in runs for s, _ in found[k][:5])
        best.append(max(score(q, s) for s in known))
    ceiling = sum(score(q, w) == b for (q, w), b in zip(queries, best, strict=True))
    print(f"real string scores best (the most real@1 can be): {ceiling}/200")
    print("| method | real@1 | best@1 | real@5 | median / p95 ms | CPU ms |")
    print("|---|---|---|---|---|---|")
    wants = [w for _, w in queries]
    for name, found, times, cpu in runs:
        tops = [f[0] if f else ("", -1) for f in found]
        real = sum(t[0] == w for t, w in zip(tops, wants, strict=True))
        top = sum(t[1] >= b for t, b in zip(tops, best, strict=True))
        fives = [[s for s, _ in f[:5]] for f in found]
        five = sum(w in f for f, w in zip(fives, wants, strict=True))
        (med, p95), (cmed, cp95) = _stats(times), _stats(cpu)
        print(
            f"| {name} | {real}/200 | {top}/200 | {five}/200 | {med:.1f} / "
            f"{p95:.1f} | {cmed:.1f} / {cp95:.1f} |"
        )
    print(f"load average {os.getloadavg()[0]:.2f}")
    store.close()


def main() -> None:
    """Real-memory comparison; `--scale N` adds the synthetic scale-up."""
    if "--near" in sys.argv:
        n = int(sys.argv[sys.argv.index("--near") + 1])
        where = sys.argv[sys.argv.index("--db") + 1] if "--db" in sys.argv else None
        if where is None:
            where = str(Path(tempfile.mkdtemp()) / "near.db")
        near(n, Path(where))
        return
    real()
    if "--scale" in sys.argv:
        scale(int(sys.argv[sys.argv.index("--scale") + 1]))


if __name__ == "__main__":
    main()
