"""Benchmark the exchange formats: dump and load of a large term base.

20,000 generated concepts (an English and a Vietnamese preferred term plus a
short form, each with a context sentence) through every format's `dump` and
`load`, against translate-toolkit parsing the same bytes in the same process
(TBX 2008, PO, CSV; translate-toolkit has no TBX v3 reader). Also the service
round trip: `export` from a term base and `import_file` into an empty one.

Run: ``python -m bench exchange`` (``GLOSSARY_BENCH_CONCEPTS`` shrinks it).
"""

from __future__ import annotations

import io
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from glossary import exchange
from glossary.formats import csv, json, po, tbx, tbx2008
from glossary.model import Concept, ConceptStatus, Kind, Term, TermStatus, TermType
from glossary.store import TermBase

SYLLABLES = [
    "Nguyễn",
    "Văn",
    "Minh",
    "Hồng",
    "Quốc",
    "Đức",
    "Thanh",
    "Ngọc",
    "Chính",
    "Hùng",
    "Lan",
    "Mai",
    "Hòa",
    "Việt",
]
WORDS = [
    "digital",
    "trade",
    "green",
    "energy",
    "committee",
    "policy",
    "reform",
    "agreement",
    "council",
]


def concepts(n: int) -> list[Concept]:
    rnd = random.Random(7)
    out = []
    for i in range(1, n + 1):
        vi = " ".join(rnd.choice(SYLLABLES) for _ in range(3))
        en = " ".join(rnd.choice(WORDS) for _ in range(2)).title() + f" {i}"
        ctx = f"The {en} met {vi} in Hà Nội on Monday."
        out.append(
            Concept(
                kind=Kind.TERM,
                id=i,
                key=f"term:{i}",
                status=ConceptStatus.APPROVED if i % 3 else ConceptStatus.CANDIDATE,
                terms=(
                    Term(
                        en,
                        "en",
                        TermStatus.PREFERRED,
                        TermType.FULL_FORM,
                        2,
                        context=ctx,
                    ),
                    Term(
                        en.split()[0], "en", TermStatus.ADMITTED, TermType.SHORT_FORM, 1
                    ),
                    Term(
                        vi,
                        "vi",
                        TermStatus.PREFERRED,
                        TermType.FULL_FORM,
                        1,
                        context=ctx,
                    ),
                ),
            )
        )
    return out


def _time(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    n = int(os.environ.get("GLOSSARY_BENCH_CONCEPTS", "20000"))
    data = concepts(n)
    print(f"{n} concepts, {3 * n} terms")
    print(
        f"{'format':8} {'MB':>6} {'dump s':>7} {'load s':>7} "
        f"{'ttk load s':>10} {'ratio':>6}"
    )
    formats: dict[str, tuple[Any, Any, str | None]] = {
        "tbx": (tbx.dump, tbx.load, None),
        "tbx2008": (tbx2008.dump, tbx2008.load, "translate.storage.tbx:tbxfile"),
        "po": (po.dump, po.load, "translate.storage.pypo:pofile"),
        "csv": (csv.dump, csv.load, "translate.storage.csvl10n:csvfile"),
        "json": (json.dump, json.load, None),
    }
    for name, (dump, load, baseline) in formats.items():
        out = io.BytesIO()
        t_dump = _time(lambda: dump(data, out))  # noqa: B023
        raw = out.getvalue()
        t_load = _time(lambda: load(io.BytesIO(raw), path=name))  # noqa: B023
        t_ttk = ratio = ""
        if baseline:
            import importlib

            module, cls = baseline.split(":")
            store = getattr(importlib.import_module(module), cls)
            tt = _time(lambda: store.parsestring(raw))  # noqa: B023
            t_ttk, ratio = f"{tt:.2f}", f"{tt / t_load:.1f}x"
        print(
            f"{name:8} {len(raw) / 1e6:6.1f} {t_dump:7.2f} {t_load:7.2f} "
            f"{t_ttk:>10} {ratio:>6}"
        )
    with tempfile.TemporaryDirectory() as tmp:
        with TermBase(Path(tmp) / "a.db") as a:
            with a.transaction():
                for c in data:
                    a.add_concept(c)
            t_export = _time(lambda: exchange.export(a, Path(tmp) / "g.tbx"))
        with TermBase(Path(tmp) / "b.db") as b:
            t_import = _time(lambda: exchange.import_file(b, Path(tmp) / "g.tbx"))
    print(
        f"service: export tbx {t_export:.2f} s, "
        f"import tbx into empty db {t_import:.2f} s"
    )


if __name__ == "__main__":
    main()
