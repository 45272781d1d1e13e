"""The memory on PostgreSQL against SQLite in one run: import units/s and
lookup time without the in-memory index (as a one-off `tm lookup` runs).

    python -m bench.bench_tm_pg [N]     # N synthetic units, default 100,000

The server is $GLOSSARY_TEST_PG, else a throwaway cluster on a Unix socket
(tests/pg_cluster.py), stopped at the end.
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_tm import _perturb, _stats
from tm import service
from tm.engines import open_memory
from tm.model import Unit

_BATCH = 20_000


def _corpus(n: int) -> tuple[list[Unit], list[str]]:
    """`n` synthetic units (Zipf words, as `bench tm --scale`) and 200 queries."""
    rng = random.Random(1)
    vocab = [f"w{i:x}" for i in range(50000)] + ["file", "open", "the", "error"]
    cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocab))))

    def sentence() -> str:
        return " ".join(rng.choices(vocab, cum_weights=cum, k=rng.randint(3, 12)))

    units = [Unit(sentence(), sentence()) for _ in range(n)]
    return units, [_perturb(rng, u.source) for u in rng.sample(units, 200)]


def _run(target: str, units: list[Unit], queries: list[str]) -> list[list[str]]:
    store = open_memory(target)
    t0 = time.perf_counter()
    for start in range(0, len(units), _BATCH):
        service.import_units(store, "synthetic", units[start : start + _BATCH])
    spent = time.perf_counter() - t0
    matcher = service.Matcher(store, in_memory=False)
    matcher.lookup("warm up the vocabulary xqzt")
    found, times = [], []
    for q in queries:
        t0 = time.perf_counter()
        found.append([m.unit.source for m in matcher.lookup(q, minimum=0)])
        times.append(time.perf_counter() - t0)
    med, p95 = _stats(times)
    engine = "PostgreSQL" if target.startswith("postgresql") else "SQLite"
    print(
        f"| {engine} | {len(units) / spent:,.0f} | {med:.1f} | {p95:.1f} |",
        flush=True,
    )
    store.close()
    return found


def _server(run: Callable[[str], None]) -> None:
    sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
    import pg_cluster

    with pg_cluster.server() as url:
        if url is None:
            print(f"skipped: {pg_cluster.HOW_TO_RUN}")
            return
        with pg_cluster.fresh_database(url) as db:
            run(db)


def main() -> None:
    """Both engines on the same units and queries; the answers must agree."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 100_000
    units, queries = _corpus(n)
    print(f"{n:,} units, 200 queries; load average {os.getloadavg()[0]:.2f}")
    print("| engine | import units/s | lookup median ms | p95 ms |\n|---|---|---|---|")
    folder = Path(tempfile.mkdtemp())
    try:
        lite = _run(str(folder / "tm.db"), units, queries)

        def on_pg(url: str) -> None:
            same = sum(
                a == b for a, b in zip(lite, _run(url, units, queries), strict=True)
            )
            print(f"same answers on both engines: {same}/{len(queries)}")

        _server(on_pg)
    finally:
        shutil.rmtree(folder)
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
