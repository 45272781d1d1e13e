"""Run benchmarks: `python -m bench` for all, `python -m bench tm api` for some."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def available() -> list[str]:
    """Names of the bench_<name>.py modules beside this file."""
    here = str(Path(__file__).parent)
    return sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules([here])
        if m.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        print(f"bench: unknown benchmark(s): {', '.join(unknown)}", file=sys.stderr)
        print(f"bench: available: {', '.join(available())}", file=sys.stderr)
        return 2
    for name in names:
        print(f"\n=== bench {name} ===", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"bench.bench_{name}")
        module.main()
        print(f"=== {name}: {time.perf_counter() - started:.1f} s ===", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
