"""Where a build's wall time goes: each process's CPU, run-queue wait and sleep.

    python -m bench.build_waits CORPUS DB

Builds CORPUS into a fresh term base DB (as `glossary build`) and prints,
from each process's `/proc/<pid>/schedstat` (Linux), its CPU, its time
runnable but waiting for a core (other jobs), and the rest of its wall
time, asleep (waiting on another process): for the parent during
extraction and in the one-core tail after it, and for each extraction
worker from its first chunk to its last. A worker that sleeps is waiting
for the parent to take its results; a parent that sleeps during extraction
is waiting for the workers.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import glossary.build as build_module
import glossary.pipeline as pipeline
from glossary.store import TermBase


def _schedstat() -> tuple[float, float]:
    """(CPU seconds, seconds waiting on a run queue) of this process."""
    cpu, waiting, _ = Path("/proc/self/schedstat").read_text().split()
    return int(cpu) / 1e9, int(waiting) / 1e9


def _line(label: str, wall: float, cpu: float, waiting: float) -> str:
    sleep = wall - cpu - waiting
    return (
        f"{label:<26} wall {wall:6.2f} s  CPU {cpu:6.2f}  run queue {waiting:6.2f}"
        f"  asleep {sleep:6.2f}"
    )


class _Marked(TermBase):
    """A term base that notes the time and schedstat where the tail starts
    (a build forgets pruned documents once extraction is over) and where it
    ends (it counts the concepts): calls within glossary.build, compiled,
    cannot be patched."""

    def __init__(self, path: str, marks: list[tuple[float, float, float]]) -> None:
        super().__init__(path)
        self._marks = marks

    def forget_documents(self, paths: Iterable[str]) -> None:
        self._marks.append((time.perf_counter(), *_schedstat()))
        super().forget_documents(paths)

    def counts(self) -> dict[str, int]:
        self._marks.append((time.perf_counter(), *_schedstat()))
        return super().counts()


def main(corpus: str, db: str) -> None:
    """Build `corpus` into `db` and print the waits of each process."""
    logs = Path(tempfile.mkdtemp(prefix="build-waits-"))
    started = time.perf_counter()
    first: dict[int, tuple[float, float, float]] = {}
    extract_chunk = pipeline._extract_chunk

    def timed_chunk(extractor: Any, docs: Any) -> Any:
        # runs in a worker: one line per worker, rewritten after each chunk
        pid = os.getpid()
        first.setdefault(pid, (time.perf_counter(), *_schedstat()))
        out = extract_chunk(extractor, docs)
        t0, cpu0, wait0 = first[pid]
        cpu, waiting = _schedstat()
        (logs / str(pid)).write_text(
            f"{time.perf_counter() - t0} {cpu - cpu0} {waiting - wait0}"
        )
        return out

    # pickled by name into the forked workers, which see this module state
    timed_chunk.__qualname__ = timed_chunk.__name__ = "_extract_chunk"
    timed_chunk.__module__ = pipeline.__name__
    pipeline._extract_chunk = timed_chunk
    marks = [(time.perf_counter(), *_schedstat())]
    Path(db).unlink(missing_ok=True)
    with _Marked(db, marks) as tb:
        build_module.build(tb, [corpus])
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    print(f"build: {time.perf_counter() - started:.2f} s wall")
    (t0, c0, w0), (t1, c1, w1), (t2, c2, w2) = marks[:3]
    print(_line("parent, extraction", t1 - t0, c1 - c0, w1 - w0))
    print(_line("parent, tail (store)", t2 - t1, c2 - c1, w2 - w1))
    for n, log in enumerate(sorted(logs.iterdir()), 1):
        wall, cpu, waiting = map(float, log.read_text().split())
        print(_line(f"worker {n}", wall, cpu, waiting))
        log.unlink()
    logs.rmdir()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m bench.build_waits CORPUS DB")
    main(sys.argv[1], sys.argv[2])
