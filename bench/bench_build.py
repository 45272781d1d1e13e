"""Build throughput and peak memory on ≥10 MB of generated English news text.

The corpus is made from the English sentences of seeds/: each generated
article is 24 seed sentences drawn at random (seeded RNG), in which every
person name of the seeds is replaced by a random name (Vietnamese names from
common family, middle and given syllables, with or without diacritics, and
foreign first-name + surname pairs) and every number is perturbed. So the
text has the seeds' vocabulary and sentence shapes but thousands of distinct
people, which is what stresses clustering.

Each measurement runs in a fresh child process (`python -m bench.bench_build
--run ...`) so that `ru_maxrss` is the peak of that step alone.

    python -m bench build          # 10 MB (default)
    BENCH_BUILD_MB=2 python -m bench build

Then the same for Vietnamese (`BENCH_BUILD_VI_MB`, default 2; 0 skips it):
the Vietnamese texts of news-dev, news-dev2 and corpus/parallel, repeated
with every Vietnamese person name (a family name and one or two capitalised
syllables) replaced by a generated one, built with each `--backend`.
"""

from __future__ import annotations

import gc
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

from glossary.extract.vi_tagger import BACKENDS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = Path(os.environ.get("GLOSSARY_CORPUS", ROOT.parent / "shared" / "corpus"))


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FAMILY = _words("Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Phan Võ")
_MIDDLE = _words("Văn Thị Minh Đức Quốc Thanh Hồng Xuân Ngọc Hữu Công Thu")
_GIVEN = _words(
    "An Bình Chính Dũng Hà Hải Hùng Lan Long Nam Phúc Quang Sơn Tâm Thắng "
    "Tuấn Vinh Yến Hiếu Khánh Lộc Trung Nghĩa Phương Cường Thành"
)
_FIRST = _words("Anatoly Roman Ivan Olga Maria John Peter Elena Sergei Hans Yuki Kim")
_LAST = _words("Sivak Golovchenko Petrov Schmidt Tanaka Novak Kowalski Jensen Rossi")
# Person names of the seeds, longest first, replaced by generated names.
_SEED_PERSONS = re.compile(
    r"Phạm Minh Chính|Pham Minh Chinh|Anatoly Sivak|Roman Golovchenko|"
    r"Nguyễn Hồng Diên|Kubrakov Ivan Vladimirovich|Uladzimir Baravikou|To Lam"
)
_NUMBER = re.compile(r"\d+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _fold(s: str) -> str:
    from glossary.text import fold

    return " ".join(w.capitalize() for w in fold(s).split())


def _name(rng: random.Random) -> str:
    if rng.random() < 0.6:
        name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
        return name if rng.random() < 0.5 else _fold(name)
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _perturb(sentence: str, people: list[str], rng: random.Random) -> str:
    sentence = _SEED_PERSONS.sub(lambda _: rng.choice(people), sentence)
    return _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(0, 50)), sentence)


def generate(out: Path, megabytes: float, seed: int = 7) -> int:
    """Write generated articles (~3 KB each) under `out`; return bytes written."""
    rng = random.Random(seed)
    sentences = [
        s.strip()
        for p in sorted(SEEDS.glob("*.txt"))
        for s in _SENTENCE.split(p.read_text("utf-8"))
        if len(s.split()) > 5
    ]
    target, written, n = int(megabytes * 1_000_000), 0, 0
    while written < target:
        people = [_name(rng) for _ in range(3)]
        body = " ".join(_perturb(rng.choice(sentences), people, rng) for _ in range(24))
        data = (body + "\n").encode("utf-8")
        (out / f"{n // 1000:03d}").mkdir(exist_ok=True)
        (out / f"{n // 1000:03d}" / f"art_{n:05d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    return written


# A Vietnamese person's name in the texts: a common family name, then one or
# two capitalised syllables.
_VI_PERSON = re.compile(
    r"\b(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Vũ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Phan|Võ)"
    r"(?: [A-ZĐ][^\W\d_]*){1,2}\b"
)


def vietnamese_sources() -> list[Path]:
    """The Vietnamese texts of the shared corpora."""
    return sorted(
        [
            *CORPUS.glob("news-dev/vi_*.txt"),
            *CORPUS.glob("news-dev2/vi_*.txt"),
            *CORPUS.glob("parallel/*.vi.txt"),
        ]
    )


def generate_vi(out: Path, megabytes: float, seed: int = 7) -> int:
    """Write the Vietnamese texts again and again under `out`, each copy
    with its own people (a name keeps its replacement within a copy);
    return bytes written."""
    rng = random.Random(seed)
    texts = [p.read_text("utf-8") for p in vietnamese_sources()]
    target, written, n = int(megabytes * 1_000_000), 0, 0
    while written < target:
        names: dict[str, str] = {}

        def person(m: re.Match[str], names: dict[str, str] = names) -> str:
            name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
            return names.setdefault(m.group(), name)

        data = _VI_PERSON.sub(person, texts[n % len(texts)]).encode("utf-8")
        (out / f"vi_{n:05d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    return written


def _run(corpus: str, db: str, step: str) -> None:
    """Child process: one measured step; prints a JSON line."""
    from glossary.build import build, extract
    from glossary.extract.terms import term_mentions
    from glossary.reader import read_inputs
    from glossary.store import TermBase

    started = time.perf_counter()
    result: dict[str, object] = {}
    if step.startswith("build"):  # "build" or "build:BACKEND"
        backend = step.partition(":")[2] or "underthesea"
        with TermBase(db) as tb:
            report = build(tb, [corpus], backend=backend)
        result = {
            "processed": report.processed,
            "mentions": report.mentions,
            "concepts": sum(report.by_kind.values()),
        }
    elif step == "phases":
        result = _phases(corpus, db)
    elif step in ("extract", "terms", "read"):
        docs = read_inputs([corpus]).documents
        read_done = time.perf_counter()
        count = 0
        for doc in docs:
            if step == "extract":
                count += len(extract(doc)[1])
            elif step == "terms":
                count += len(term_mentions(doc))
        result = {"mentions": count, "read_s": read_done - started}
    result["seconds"] = time.perf_counter() - started
    # CPU of this process and of its extraction workers (the build forks two).
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu_s"] = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    result["maxrss_mb"] = own.ru_maxrss / 1024
    result["workers_maxrss_mb"] = kids.ru_maxrss / 1024
    print(json.dumps(result))


def _phases(corpus: str, db: str) -> dict[str, object]:
    """Time each phase of a build on a fresh database (wall s, parent CPU s)."""
    import glossary.build as b
    from glossary.pipeline import part, propose
    from glossary.reader import read_inputs
    from glossary.store import TermBase

    docs = read_inputs([corpus]).documents
    out: dict[str, object] = {}
    # As in a build, whose phases run with the cyclic collector paused.
    gc.disable()
    with TermBase(db) as tb:
        started, cpu = time.perf_counter(), time.process_time()
        # Extraction fills the cache; the later phases are timed separately.
        with mock.patch.object(b, "_cluster", return_value=(0, 0, 0)):
            b.build_documents(tb, docs)
        out["extract_s"] = time.perf_counter() - started
        out["extract_cpu"] = time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        parts = [part(path, ms or []) for path, ms in tb.cached_documents()]
        out["load_s"] = time.perf_counter() - started
        out["load_cpu"] = time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        candidates = propose(parts)
        out["cluster_s"] = time.perf_counter() - started
        out["cluster_cpu"] = time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        with tb.transaction():
            b.apply_candidates(tb, candidates)
        out["store_s"] = time.perf_counter() - started
        out["store_cpu"] = time.process_time() - cpu
        out["mentions"] = sum(p.mentions for p in parts)
        out["concepts"] = tb.counts()["concepts"]
    return out


def _measure(corpus: Path, db: Path, step: str) -> dict[str, float]:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.bench_build",
            "--run",
            str(corpus),
            str(db),
            step,
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    parsed: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return parsed


def _cat(corpus: Path) -> dict[str, float]:
    """`cat` of every file to /dev/null: what reading the corpus costs."""
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    started, kids = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(["cat", *files], check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - kids.ru_utime - kids.ru_stime
    return {"seconds": time.perf_counter() - started, "cpu_s": cpu, "maxrss_mb": 0}


def _table(corpus: Path, mb: float, rows: list[tuple[str, str]]) -> None:
    """Time each step in a fresh process (a fresh term base for each build
    that is not a rerun) and print one line each, between two load lines."""
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    # MB/s of CPU too: on a shared machine it is the steadier figure.
    print(
        f"{'step':<40} {'s':>8} {'MB/s':>8} {'cpu s':>8} {'MB/cpu s':>8} {'peak MB':>8}"
    )
    for label, step in rows:
        db = corpus.parent / f"{step.partition(':')[2] or 'underthesea'}.db"
        if step.startswith("build") and "rerun" not in label:
            db.unlink(missing_ok=True)
        r = _cat(corpus) if step == "cat" else _measure(corpus, db, step)
        secs, cpu = float(r["seconds"]), float(r["cpu_s"])
        per_cpu = f"{mb / cpu:8.2f}" if cpu >= 0.01 else f"{'-':>8}"
        print(
            f"{label:<40} {secs:8.2f} {mb / secs:8.2f} {cpu:8.2f} {per_cpu}"
            f" {float(r['maxrss_mb']):8.0f}"
            + (f"  concepts {r['concepts']}" if "concepts" in r else "")
        )
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")


def _english(tmp: Path, megabytes: float) -> None:
    corpus = tmp / "corpus"
    corpus.mkdir()
    mb = generate(corpus, megabytes) / 1_000_000
    files = sum(1 for _ in corpus.rglob("*.txt"))
    print(f"corpus: {mb:.1f} MB in {files} files (generated from seeds/)")
    rows = [
        ("cat (baseline)", "cat"),
        ("read + decode only (baseline)", "read"),
        ("term_mentions only", "terms"),
        ("extract (names + terms)", "extract"),
    ]
    if os.environ.get("BENCH_BUILD_FULL", "1") == "1":
        rows += [
            ("glossary build (full)", "build"),
            ("glossary build (unchanged rerun)", "build"),
        ]
    _table(corpus, mb, rows)
    if os.environ.get("BENCH_BUILD_PHASES") == "1":
        r = _measure(corpus, tmp / "phases.db", "phases")
        print(
            "phases (wall s / parent CPU s): "
            + ", ".join(
                f"{k[:-2]} {float(v):.2f} / {float(r[k[:-2] + '_cpu']):.2f}"
                for k, v in r.items()
                if k.endswith("_s") and k[:-2] + "_cpu" in r
            )
            + f"; mentions {r['mentions']}, concepts {r['concepts']}"
        )


def _vietnamese(tmp: Path, megabytes: float) -> None:
    corpus = tmp / "vi"
    corpus.mkdir()
    mb = generate_vi(corpus, megabytes) / 1_000_000
    files = sum(1 for _ in corpus.rglob("*.txt"))
    print(
        f"\nVietnamese corpus: {mb:.1f} MB in {files} files (the Vietnamese texts"
        " of news-dev, news-dev2 and parallel, with new people)"
    )
    rows = [("cat (baseline)", "cat"), ("read + decode only (baseline)", "read")]
    for backend in BACKENDS:
        rows.append((f"glossary build --backend {backend}", f"build:{backend}"))
    _table(corpus, mb, rows)


def main() -> None:
    """Generate the corpora, then time each step in a fresh process."""
    megabytes = float(os.environ.get("BENCH_BUILD_MB", "10"))
    vi_megabytes = float(os.environ.get("BENCH_BUILD_VI_MB", "2"))
    with tempfile.TemporaryDirectory() as tmp:
        if megabytes:
            _english(Path(tmp), megabytes)
        if vi_megabytes and vietnamese_sources():
            _vietnamese(Path(tmp), vi_megabytes)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--run":
        _run(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        main()
