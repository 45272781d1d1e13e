"""The memory on PostgreSQL against SQLite in one run: import units/s, lookup
time without the in-memory index (as a one-off `tm lookup` runs) and recall@1
on the same queries.

    python -m bench.bench_tm_pg [--size N]   # N synthetic units, default 100,000

Each engine imports the same units in one transaction (batches of 20,000,
made as they are imported, so that millions fit in memory), then answers
the same 200 queries: stored sources, each perturbed once (`bench tm`).
recall@1 = the perturbed source's unit is the top result. Beside wall time
the import reports CPU seconds: this process's, and for PostgreSQL the
server's (backend, parallel workers, autovacuum) when it runs here.

The server is $GLOSSARY_TEST_PG, else a throwaway cluster on a Unix socket
(tests/pg_cluster.py: `fsync=off`, default memory settings), stopped at
the end.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.bench_tm import _perturb, _stats
from tm import service
from tm.engines import Memory, open_memory
from tm.model import Unit

_BATCH = 20_000
_QUERIES = 200


class Corpus:
    """`size` synthetic units (Zipf words, as `bench tm --scale`) made batch by
    batch from fixed seeds, and `_QUERIES` of their sources, perturbed."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._vocab = [f"w{i:x}" for i in range(50000)] + [
            "file",
            "open",
            "the",
            "error",
        ]
        weights = (1 / (i + 1) for i in range(len(self._vocab)))
        self._cum = list(itertools.accumulate(weights))
        self._rng = random.Random(1)
        self._picked = set(self._rng.sample(range(size), min(_QUERIES, size)))
        self._sources: dict[int, str] = {}
        self.making = (0.0, 0.0)  # wall and CPU seconds the last pass spent making

    def batches(self) -> Iterator[tuple[str, list[Unit]]]:
        """(name, units) `_BATCH` at a time, the same on every call."""
        self.making = (0.0, 0.0)
        for number, start in enumerate(range(0, self.size, _BATCH)):
            t0, c0 = time.perf_counter(), time.process_time()
            rng = random.Random(f"tm_pg {number}")

            units = [Unit(self._line(rng), self._line(rng)) for _ in range(_BATCH)]
            units = units[: self.size - start]
            for p in self._picked & set(range(start, start + len(units))):
                self._sources[p] = units[p - start].source
            wall, cpu = self.making
            self.making = (
                wall + time.perf_counter() - t0,
                cpu + time.process_time() - c0,
            )
            yield f"batch {number}", units

    def _line(self, rng: random.Random) -> str:
        k = rng.randint(3, 12)
        return " ".join(rng.choices(self._vocab, cum_weights=self._cum, k=k))

    def queries(self) -> list[tuple[str, str]]:
        """(perturbed query, the source it was made from), after `batches`."""
        rng = random.Random(7)
        return [
            (_perturb(rng, self._sources[p]), self._sources[p])
            for p in sorted(self._picked)
        ]


def _cpu(pid: int) -> float:
    """User + system CPU seconds of process `pid` (and of its reaped children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _server_cpu(memory: Memory) -> Callable[[], float] | None:
    """A reader of the local server's CPU seconds, or None if it is elsewhere."""
    if not memory.path.startswith("postgresql"):
        return None
    try:
        conn = memory._conn  # type: ignore[attr-defined]
        row = conn.execute("SHOW data_directory").fetchone()
        postmaster = int(Path(row[0], "postmaster.pid").read_text().split()[0])
    except (AttributeError, OSError, ValueError, IndexError):
        return None

    def total() -> float:
        spent = _cpu(postmaster)
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
                if int(text.rsplit(")", 1)[1].split()[1]) == postmaster:
                    spent += _cpu(int(stat.parent.name))
            except (OSError, ValueError):
                continue
        return spent

    return total


def _import(memory: Memory, corpus: Corpus, engine: str) -> None:
    server = _server_cpu(memory)
    load = os.getloadavg()[0]
    t0, c0, s0 = time.perf_counter(), time.process_time(), server() if server else 0
    service.import_batches(memory, corpus.batches())
    # Without the time spent making the units (about 12 µs of CPU a unit).
    wall = time.perf_counter() - t0 - corpus.making[0]
    used = f"{time.process_time() - c0 - corpus.making[1]:.0f} s here"
    if server:
        used += f" + {server() - s0:.0f} s server"
    print(
        f"{engine} import: {corpus.size / wall:,.0f} units/s ({wall:.0f} s wall; "
        f"CPU {used}; making the units: {corpus.making[1]:.0f} s); "
        f"load {load:.1f} -> {os.getloadavg()[0]:.1f}",
        flush=True,
    )


class _RoundTrips:
    """Counts the statements psycopg sends (one round trip each) while on."""

    def __init__(self) -> None:
        self.count = 0
        try:
            import psycopg
        except ImportError:
            return
        for name in ("execute", "stream"):
            self._wrap(psycopg.Cursor, name)

    def _wrap(self, cls: type, name: str) -> None:
        original = getattr(cls, name)

        def counted(*args: object, **kwargs: object) -> object:
            self.count += 1
            return original(*args, **kwargs)

        setattr(cls, name, counted)


_TRIPS = _RoundTrips()


def _run(target: str, corpus: Corpus) -> list[list[str]]:
    engine = "PostgreSQL" if target.startswith("postgresql") else "SQLite"
    memory = open_memory(target)
    _import(memory, corpus, engine)
    queries = corpus.queries()
    matcher = service.Matcher(memory, in_memory=False)
    matcher.lookup("warm up the vocabulary xqzt")
    server = _server_cpu(memory)
    found, times, cpu = [], [], []
    load, s0 = os.getloadavg()[0], server() if server else 0
    trips = _TRIPS.count
    for query, _ in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        found.append([m.unit.source for m in matcher.lookup(query, minimum=0)])
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    med, p95 = _stats(times)
    spent = f"CPU here median {_stats(cpu)[0]:.1f} ms, p95 {_stats(cpu)[1]:.1f} ms"
    if server:
        spent += f", server mean {(server() - s0) / len(queries) * 1e3:.1f} ms"
        spent += f"; {(_TRIPS.count - trips) / len(queries):.1f} round trips a lookup"
    hits = sum(f[:1] == [source] for f, (_, source) in zip(found, queries, strict=True))
    print(
        f"{engine} lookup: median {med:.1f} ms, p95 {p95:.1f} ms ({spent}); "
        f"recall@1 {hits}/{len(queries)}; load {load:.1f} -> "
        f"{os.getloadavg()[0]:.1f}; {_size(memory) / 1e6:,.0f} MB",
        flush=True,
    )
    memory.close()
    return found


def _size(memory: Memory) -> int:
    """Bytes on disk: the SQLite file, or the whole PostgreSQL database."""
    if Path(memory.path).exists():
        return Path(memory.path).stat().st_size
    conn = memory._conn  # type: ignore[attr-defined]
    return int(
        conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    )


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
    parser = argparse.ArgumentParser(prog="bench.bench_tm_pg")
    parser.add_argument("--size", type=int, default=100_000, help="units")
    args, _ = parser.parse_known_args()  # `python -m bench tm_pg` passes its name
    corpus = Corpus(args.size)
    print(f"{args.size:,} units, {_QUERIES} queries", flush=True)
    folder = Path(tempfile.mkdtemp())
    try:
        lite = _run(str(folder / "tm.db"), corpus)
        (folder / "tm.db").unlink()  # room on the disk for the server's copy

        def on_pg(url: str) -> None:
            there = _run(url, corpus)
            same = sum(a == b for a, b in zip(lite, there, strict=True))
            print(f"same answers on both engines: {same}/{len(lite)}")

        _server(on_pg)
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
