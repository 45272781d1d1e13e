"""Text-core benchmark: fold, tokenize, and English extraction speed.

Run with `.venv/bin/python -m bench text`. Every figure is measured in the same
run, on the bundled seeds (English) and the shared parallel corpus
(Vietnamese, both tone styles), so the ratios compare like with like.
`.venv/bin/python -m bench.bench_text extraction` runs only the extraction
table: `BASELINE` against the working tree on a generated 10 MB corpus;
`... extraction-parts` times its parts in one process, the two versions
taking turns slice by slice (less sensitive to the load of other jobs).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from glossary.text import fold, tokenize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PARALLEL = ROOT.parent / "shared" / "corpus" / "parallel"
NEWS = ROOT.parent / "shared" / "corpus" / "news-dev"


def _read(paths: list[Path]) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(paths))


def english_text() -> str:
    """The five English seed articles."""
    return _read(list(SEEDS.glob("*.txt")))


def vietnamese_text() -> str:
    """Vietnamese news text: the parallel corpus and news-dev, else a seed line."""
    paths = list(PARALLEL.glob("*.vi.txt")) + list(NEWS.glob("vi_*.txt"))
    if paths:
        return _read(paths)
    return "Thủ tướng Phạm Minh Chính tiếp Phó Thủ tướng Belarus tại Hà Nội. " * 200


def nfd_strip(s: str) -> str:
    """Baseline 1: the textbook fold (casefold, NFD, drop combining marks)."""
    d = unicodedata.normalize("NFD", s.casefold().replace("đ", "d"))
    return " ".join("".join(c for c in d if not unicodedata.combining(c)).split())


def unidecode_fold(s: str) -> str:
    """Baseline 2: unidecode, then the same case and space folding."""
    from unidecode import unidecode

    return " ".join(unidecode(s).casefold().split())


def _rates(
    funcs: dict[str, tuple[Callable[[str], object], list[str]]], seconds: float
) -> dict[str, float]:
    """Characters per second of each function, best of interleaved rounds.

    The functions take turns round after round, so a load spike on the
    shared machine hits them alike and the ratios stay fair.
    """
    best = dict.fromkeys(funcs, float("inf"))
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for label, (func, lines) in funcs.items():
            started = time.perf_counter()
            for line in lines:
                func(line)
            best[label] = min(best[label], time.perf_counter() - started)
    return {
        label: sum(len(x) for x in lines) / best[label]
        for label, (_, lines) in funcs.items()
    }


def bench_fold() -> list[tuple[str, str, float]]:
    """Fold throughput on English and Vietnamese lines, three implementations."""
    rows: list[tuple[str, str, float]] = []
    corpora = {
        "English seeds": english_text(),
        "Vietnamese news": vietnamese_text(),
    }
    for name, text in corpora.items():
        lines = [x for x in text.splitlines() if x.strip()]
        nfd_lines = [unicodedata.normalize("NFD", x) for x in lines]
        words = text.split()
        funcs: dict[str, tuple[Callable[[str], object], list[str]]] = {
            "fold": (fold, lines),
            "fold (NFD input)": (fold, nfd_lines),
            "NFD-and-strip": (nfd_strip, lines),
            "unidecode": (unidecode_fold, lines),
            "fold, word by word": (fold, words),
            "unidecode, word by word": (unidecode_fold, words),
            "NFD-and-strip, word by word": (nfd_strip, words),
        }
        for label, rate in _rates(funcs, 3.0).items():
            rows.append((name, label, rate))
    return rows


# The commit before fold took the slow path only for the runs that need it.
FOLD_BASELINE = "8b688da"


def _baseline_fold() -> Callable[[str], str]:
    """`fold` as it was at `FOLD_BASELINE`, loaded beside the current one."""
    import types

    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{FOLD_BASELINE}:glossary/text/__init__.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType("fold_baseline")
    exec(compile(source, "fold_baseline", "exec"), module.__dict__)
    func: Callable[[str], str] = module.fold
    return func


def bench_fold_whole(megabytes: float = 20) -> list[tuple[str, str, float]]:
    """Fold of one long text (plain, and with ə ı ≥ • in it) vs unidecode."""
    base = vietnamese_text() + "\n"
    plain = base * int(megabytes * 1e6 // len(base))
    middle = len(plain) // 2
    mixed = plain[:middle] + " ə ı ≥ • " + plain[middle:]
    old = _baseline_fold()
    rows = []
    for name, text in (("plain", plain), ("with ə ı ≥ •", mixed)):
        funcs: dict[str, tuple[Callable[[str], object], list[str]]] = {
            "fold": (fold, [text]),
            f"fold at {FOLD_BASELINE}": (old, [text]),
            "unidecode": (unidecode_fold, [text]),
        }
        for label, rate in _rates(funcs, 6.0).items():
            rows.append((name, label, rate))
    return rows


def print_fold_whole() -> None:
    """The whole-text fold table, with the load average."""
    print(f"load average {os.getloadavg()[0]:.2f}")
    rows = bench_fold_whole()
    print("| whole text (20 MB) | function | chars/s | × unidecode |")
    print("| --- | --- | ---: | ---: |")
    for name, label, rate in rows:
        uni = next(r for n, lab, r in rows if n == name and lab == "unidecode")
        print(f"| {name} | {label} | {rate:,.0f} | {rate / uni:.2f} |")
    print(f"load average {os.getloadavg()[0]:.2f}")


def bench_tokenize() -> list[tuple[str, str, float, float]]:
    """Tokenizer throughput (chars/s, tokens/s) per language and backend."""
    rows: list[tuple[str, str, float, float]] = []
    corpora = {"English": english_text(), "Vietnamese": vietnamese_text()[:20000]}
    for backend in ("none", "pyvi", "underthesea"):
        tokenize("Hà Nội và Thủ tướng", backend=backend)  # load the model first
        for name, text in corpora.items():
            elapsed = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                tokens = tokenize(text, backend=backend)
                elapsed = min(elapsed, time.perf_counter() - started)
            words = sum(1 for t in tokens if t.kind == "word")
            rows.append((name, backend, len(text) / elapsed, words / elapsed))
    return rows


# The commit before this round of extraction speed work (issue #4): the
# baseline that `bench_extraction` and `bench_extraction_parts` run beside
# the working tree. (The round before measured against 85d4169.)
BASELINE = "0397fd0"

# One child process per measurement: reads the corpus, then times
# `glossary.build.extract` (language detection, English names, terms) over
# every document, which is what each build worker does.
_CHILD = """
import json, sys, time, glossary
try:
    from glossary.pipeline import extract
except ImportError:  # the baseline, before extraction left build.py
    from glossary.build import extract
from glossary.reader import read_inputs
docs = read_inputs([sys.argv[1]]).documents
cpu, wall = time.process_time(), time.perf_counter()
n = sum(len(extract(d)[1]) for d in docs)
print(json.dumps({"cpu": time.process_time() - cpu,
    "wall": time.perf_counter() - wall, "mentions": n, "docs": len(docs),
    "bytes": sum(len(d.text.encode()) for d in docs), "from": glossary.__file__}))
"""


def _measure(code: Path, corpus: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(corpus)],
        env=env,
        cwd=code,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    row: dict[str, float] = json.loads(out)
    assert str(row.pop("from")).startswith(str(code)), "measured the wrong tree"
    return row


def _baseline_tree(tmp: Path) -> Path:
    """`BASELINE`'s `glossary` package unpacked under `tmp/base`; returns it."""
    base = tmp / "base"
    base.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", BASELINE, "glossary"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(base, filter="data")
    return base


def bench_extraction(
    megabytes: float = 10, rounds: int = 2
) -> list[tuple[str, dict[str, float]]]:
    """CPU and wall seconds of extraction: `BASELINE` against the working tree.

    Both run on the same generated corpus, taking turns round after round so
    that a load spike hits them alike; the best round of each counts.
    """
    from bench.bench_build import generate

    best: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base, corpus = _baseline_tree(Path(tmp)), Path(tmp) / "corpus"
        corpus.mkdir()
        generate(corpus, megabytes)
        for _ in range(rounds):
            for name, code in ((f"baseline {BASELINE}", base), ("now", ROOT)):
                row = _measure(code, corpus)
                if name not in best or row["cpu"] < best[name]["cpu"]:
                    best[name] = row
    return list(best.items())


def print_extraction() -> None:
    """Print the extraction table as Markdown, with the load average."""
    rows = bench_extraction()
    base = rows[0][1]
    with open("/proc/loadavg", encoding="ascii") as f:
        load = " ".join(f.read().split()[:3])
    print(f"load average after the run: {load}")
    print("| code | CPU s | wall s | MB/s (CPU) | × baseline CPU | mentions |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, row in rows:
        print(
            f"| {name} | {row['cpu']:.2f} | {row['wall']:.2f} "
            f"| {row['bytes'] / 1e6 / row['cpu']:.2f} "
            f"| {base['cpu'] / row['cpu']:.2f} | {row['mentions']:,.0f} |"
        )


# Both versions in one process: the baseline's package is unpacked under
# another name, and each part is timed on 32 slices of the corpus, the two
# versions taking turns on each slice; each slice counts its best of 5.
_PARTS_CHILD = """
import gc, json, sys, time
from dataclasses import replace
sys.path.insert(0, sys.argv[2])
import glossary_base.extraction as EB, glossary_base.extract as XB
import glossary_base.terms as TB, glossary_base.model as MB
import glossary.pipeline as EN, glossary.extract.english as XN
import glossary.extract.terms as TN
from glossary.reader import read_inputs
new = list(read_inputs([sys.argv[1]]).documents)
old = [MB.Document(d.path, d.text) for d in new]
def en(docs): return [replace(d, lang="en") for d in docs]
def detect(E):  # the sample moved from extraction to tokens after the baseline
    sample = getattr(E, "language_sample", None) or E._language_sample
    return lambda d: E.detect_language(sample(d.text))
parts = {
    "extract": (EB.extract, EN.extract, old, new),
    "detect_language": (detect(EB), detect(EN), old, new),
    "english_mentions": (XB.english_mentions, XN.english_mentions, en(old), en(new)),
    "term_mentions": (TB.term_mentions, TN.term_mentions, en(old), en(new)),
}
gc.disable()
for d in old: EB.extract(d)
for d in new: EN.extract(d)
out = {}
for name, (f_old, f_new, x_old, x_new) in parts.items():
    total = [0.0, 0.0]
    n = len(x_old)
    for k in range(32):
        lo, hi = k * n // 32, (k + 1) * n // 32
        best = [1e9, 1e9]
        for _ in range(5):
            for i, (f, xs) in enumerate(((f_old, x_old), (f_new, x_new))):
                t = time.process_time()
                for d in xs[lo:hi]:
                    f(d)
                best[i] = min(best[i], time.process_time() - t)
        total = [total[0] + best[0], total[1] + best[1]]
    out[name] = total
print(json.dumps(out))
"""


def bench_extraction_parts(megabytes: float = 10) -> dict[str, list[float]]:
    """CPU seconds of extraction and its parts, `BASELINE` and now, per part.

    One child process imports both versions (the baseline's package renamed
    `glossary_base`), so they run under the same load, slice by slice.
    """
    from bench.bench_build import generate

    with tempfile.TemporaryDirectory() as tmp:
        base, corpus = _baseline_tree(Path(tmp)), Path(tmp) / "corpus"
        corpus.mkdir()
        renamed = base / "glossary_base"
        (base / "glossary").rename(renamed)
        for path in renamed.rglob("*.py"):
            code = path.read_text("utf-8")
            code = code.replace("from glossary.", "from glossary_base.")
            code = code.replace("from glossary import", "from glossary_base import")
            code = code.replace("import glossary.", "import glossary_base.")
            path.write_text(code, "utf-8")
        generate(corpus, megabytes)
        out = subprocess.run(
            [sys.executable, "-c", _PARTS_CHILD, str(corpus), str(base)],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    parts: dict[str, list[float]] = json.loads(out)
    return parts


def print_extraction_parts() -> None:
    """Print the per-part extraction table as Markdown, with the load average."""
    parts = bench_extraction_parts()
    with open("/proc/loadavg", encoding="ascii") as f:
        load = " ".join(f.read().split()[:3])
    print(f"load average after the run: {load}")
    print(f"| part | {BASELINE} CPU s | now CPU s | now / {BASELINE} |")
    print("| --- | ---: | ---: | ---: |")
    for name, (old, new) in parts.items():
        print(f"| `{name}` | {old:.2f} | {new:.2f} | {new / old:.2f} |")


def main() -> None:
    """Print the three tables as Markdown."""
    fold_rows = bench_fold()
    print("| text | function | chars/s | × unidecode | × NFD-and-strip |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, label, rate in fold_rows:
        base = {lab: r for n, lab, r in fold_rows if n == name}
        by_word = ", word by word" if "word" in label else ""
        uni, strip = base["unidecode" + by_word], base["NFD-and-strip" + by_word]
        print(
            f"| {name} | {label} | {rate:,.0f} | {rate / uni:.1f} "
            f"| {rate / strip:.1f} |"
        )
    print()
    print("| text | backend | chars/s | words/s |")
    print("| --- | --- | ---: | ---: |")
    for name, backend, chars, words in bench_tokenize():
        print(f"| {name} | {backend} | {chars:,.0f} | {words:,.0f} |")
    print()
    print_fold_whole()
    print()
    print_extraction()


if __name__ == "__main__":
    if sys.argv[1:] == ["extraction"]:
        print_extraction()
    elif sys.argv[1:] == ["fold-whole"]:
        print_fold_whole()
    elif sys.argv[1:] == ["extraction-parts"]:
        print_extraction_parts()
    else:
        main()
