"""Write the labelled set of `glossary check` (tests/data/check/labelled/).

Real texts from the shared corpora (../shared/corpus: news-dev, news-dev2,
parallel; seeds/) with errors seeded into copies of them, one kind per
check, and the untouched units and articles as clean controls. The term
base (termbase.json) is the corpora's own: every person, place and
organisation of the news-dev gold files with its canonical spelling
preferred and its written forms admitted, and the term pairs of the
parallel corpus (corpus/README.md) approved, each with one forbidden
alternative. labels.json lists every finding a correct checker gives:
the seeded ones, and the real ones of the base texts, reviewed by hand
(`REVIEWED`). Run from the project root:

    .venv/bin/python tools/make_check_set.py
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.api import Glossary, strip_marks  # noqa: E402
from glossary.check import select  # noqa: E402
from glossary.check.model import Document, Segment  # noqa: E402
from glossary.check_service import check_documents, check_files  # noqa: E402
from glossary.text.syllable import to_new_style, to_old_style  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "tests" / "data" / "check" / "labelled"
PER_CHECK = 25

# The term pairs corpus/README.md names, and for each a wrong Vietnamese
# rendering a term base would forbid.
TERM_PAIRS = [
    ("Prime Minister", "Thủ tướng", "Thủ tướng chính phủ nước"),
    ("Deputy Prime Minister", "Phó Thủ tướng", "Phó Thủ tướng thứ nhất"),
    ("digital transformation", "chuyển đổi số", "chuyển đổi kỹ thuật số"),
    ("clean energy", "năng lượng sạch", "năng lượng xanh"),
    ("agricultural machinery", "máy nông nghiệp", "máy móc nông nghiệp"),
    ("circular economy", "kinh tế tuần hoàn", "kinh tế vòng tròn"),
    ("artificial intelligence", "trí tuệ nhân tạo", "trí thông minh nhân tạo"),
    ("cloud computing", "điện toán đám mây", "điện toán mây"),
    ("semiconductors", "bán dẫn", "chất bán dẫn điện"),
    ("Free Trade Agreement", "Hiệp định Thương mại tự do", "Hiệp ước Thương mại tự do"),
    ("Southeast Asia", "Đông Nam Á", "Á Đông Nam"),
]

# Findings of the untouched base texts, reviewed by hand: (file, line,
# check, text) that a correct checker reports. Filled from the first run.
REVIEWED: list[tuple[str, int, str, str]] = []


def _term_pairs() -> list[tuple[str, str, str]]:
    """The term pairs whose terms are no name of the gold (those would be
    ambiguous: "Southeast Asia" is a place there)."""
    names = {
        strip_marks(str(t["text"])).lower()
        for rec in _gold_records()
        for t in rec["terms"]  # type: ignore[attr-defined]
    }
    return [p for p in TERM_PAIRS if not {strip_marks(x).lower() for x in p} & names]


@cache
def _gold_records() -> list[dict[str, object]]:
    concepts: dict[tuple[str, str], set[str]] = {}
    for gold in sorted(CORPUS.glob("news-dev*/gold.tsv")):
        for row in gold.read_text(encoding="utf-8").splitlines()[1:]:
            _, kind, forms, canonical, _ = row.split("\t")
            if kind in ("person", "place", "org") and canonical.strip():
                key = (kind, canonical.strip())
                concepts.setdefault(key, set()).update(
                    f.strip() for f in forms.split("|") if f.strip()
                )
    records: list[dict[str, object]] = []
    for (kind, canonical), written in sorted(concepts.items()):
        terms = [{"text": canonical, "lang": "vi", "status": "preferred"}]
        terms += [{"text": f, "lang": "en"} for f in sorted(written - {canonical})]
        records.append({"kind": kind, "status": "approved", "terms": terms})
    return records


def termbase() -> list[dict[str, object]]:
    records = copy.deepcopy(_gold_records())
    for en, vi, wrong in _term_pairs():
        records.append(
            {
                "kind": "term",
                "status": "approved",
                "terms": [
                    {"text": en, "lang": "en", "status": "preferred"},
                    {"text": vi, "lang": "vi", "status": "preferred"},
                    {"text": wrong, "lang": "vi", "status": "forbidden"},
                ],
            }
        )
    return records


def _lang(text: str) -> str:
    return "en" if text.isascii() else "vi"


def _short(form: str, canonical: str) -> bool:
    words, full = (
        set(strip_marks(form).lower().split()),
        set(strip_marks(canonical).lower().split()),
    )
    return words < full or (form.isupper() and " " not in form)


def _clean_form(form: str) -> bool:
    """A written name, not a name with a unit word ("Cao Bang province")."""
    return all(not w[:1].islower() for w in form.split())


def _fix_records(records: list[dict[str, object]]) -> list[dict[str, object]]:
    for rec in records:
        terms = rec["terms"]
        assert isinstance(terms, list)
        canonical = terms[0]["text"]
        if rec["kind"] != "term":
            terms[0]["lang"] = _lang(canonical)
            kept = [terms[0]]
            for t in terms[1:]:
                if _clean_form(t["text"]):
                    if _short(t["text"], canonical):
                        t["type"] = "shortForm"
                    kept.append(t)
            rec["terms"] = kept
    return records


# --- base texts -------------------------------------------------------------


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text("utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def parallel_pairs() -> list[tuple[str, str]]:
    """The paragraph pairs of corpus/parallel with their English seeds."""
    pairs = []
    for vi in sorted((CORPUS / "parallel").glob("*.vi.txt")):
        en = ROOT / "seeds" / vi.name.replace(".vi.txt", ".txt")
        pairs += list(zip(_paragraphs(en), _paragraphs(vi), strict=True))
    return pairs


def articles(lang: str) -> list[tuple[str, str]]:
    """(name, text) of the news-dev articles in `lang`, and the parallel ones."""
    out = []
    for path in sorted(CORPUS.glob(f"news-dev*/{lang}_*.txt")):
        out.append((f"{path.parent.name}_{path.stem}", path.read_text("utf-8")))
    if lang == "vi":
        for path in sorted((CORPUS / "parallel").glob("*.vi.txt")):
            out.append((f"parallel_{path.name[:3]}", path.read_text("utf-8")))
    return out


# --- writing ------------------------------------------------------------------

Expected = list[tuple[str, int]]  # (check, line)


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(units: list[tuple[str, str, str]]) -> tuple[str, list[int]]:
    """PO text of (msgctxt, msgid, msgstr) units, and each unit's first line."""
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Language: vi\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        "",
    ]
    starts = []
    for ctxt, source, target in units:
        starts.append(len(lines) + 1)
        lines += [
            f"msgctxt {_po_string(ctxt)}",
            f"msgid {_po_string(source)}",
            f"msgstr {_po_string(target)}",
            "",
        ]
    return "\n".join(lines), starts


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_tmx(units: list[tuple[str, str]]) -> tuple[str, list[int]]:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        '<header creationtool="make_check_set" creationtoolversion="1" '
        'segtype="paragraph" datatype="plaintext" adminlang="en" srclang="en" '
        'o-tmf="none"/>',
        "<body>",
    ]
    starts = []
    for source, target in units:
        starts.append(len(lines) + 1)
        lines.append(
            f'<tu><tuv xml:lang="en"><seg>{_xml(source)}</seg></tuv>'
            f'<tuv xml:lang="vi"><seg>{_xml(target)}</seg></tuv></tu>'
        )
    lines += ["</body>", "</tmx>", ""]
    return "\n".join(lines), starts


# --- seeding --------------------------------------------------------------------

Files = dict[str, tuple[str, list[str], Expected]]  # name -> (text, checks, expected)
BILINGUAL = ["term-missing", "term-forbidden", "placeholders", "numbers"]
COPIES = 5


def _word(text: str, phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE)


def _po_files(pairs: list[tuple[str, str]]) -> Files:
    """One catalogue per bilingual check: the pairs five times, 25 units seeded."""
    files: Files = {}
    slots = [(k, i) for k in range(COPIES) for i in range(len(pairs))]
    for check in BILINGUAL:
        seeders = SEEDERS[check]
        units, counts = [], []
        used = 0
        for n, (k, i) in enumerate(slots):
            source, target = pairs[i]
            seeded = seeders(source, target, n) if used < PER_CHECK else None
            if seeded is None:
                source, target = CONTROLS.get(check, _same)(source, target, n)
                counts.append(0)
            else:
                source, target, count = seeded
                counts.append(count)
                used += 1
            units.append((f"copy-{k}", source, target))
        text, starts = write_po(units)
        expected = [
            (check, line)
            for line, c in zip(starts, counts, strict=False)
            for _ in range(c)
        ]
        files[f"{check}.po"] = (text, [check], expected)
    return files


def _same(source: str, target: str, n: int) -> tuple[str, str]:
    return source, target


def _seed_missing(source: str, target: str, n: int) -> tuple[str, str, int] | None:
    """The target without an approved term the source has."""
    for en, vi, _ in _term_pairs()[2:][n % 3 :] + _term_pairs()[2:][: n % 3]:
        found = len(_word(source, en).findall(source))
        if found and _word(target, vi).search(target):
            return source, _word(target, vi).sub("điều đó", target), found
    return None


_NOT_DEPUTY = "(?<!Phó )"


def _seed_forbidden(source: str, target: str, n: int) -> tuple[str, str, int] | None:
    """One approved term in the target replaced by its forbidden rendering."""
    for en, vi, wrong in _term_pairs()[n % 4 :] + _term_pairs()[: n % 4]:
        pattern = re.compile(_NOT_DEPUTY + rf"(?<![\w-]){re.escape(vi)}(?![\w-])")
        if _word(source, en).search(source) and pattern.search(target):
            return source, pattern.sub(wrong, target, count=1), 1
    return None


_PLACEHOLDER_SEEDS = [
    (" (%s)", "", 1),  # dropped
    (" %d", " %s", 2),  # changed type: one missing, one not in the source
    (" {count}", " {cout}", 2),  # misspelt field
    (" %s of %d", " %d của %s", 1),  # unnumbered, reordered
    (" %(name)s", " %(ten)s", 2),  # translated key
]


def _seed_placeholder(source: str, target: str, n: int) -> tuple[str, str, int] | None:
    if n % 3:
        return None  # every third unit: controls between the seeds
    add_src, add_tgt, count = _PLACEHOLDER_SEEDS[n % len(_PLACEHOLDER_SEEDS)]
    return source + add_src, target + add_tgt, count


def _control_placeholder(source: str, target: str, n: int) -> tuple[str, str]:
    extra = [(" (%s)", " (%s)"), (" %1$s of %2$d", " %2$d của %1$s"), ("", "")]
    add_src, add_tgt = extra[n % 3]
    return source + add_src, target + add_tgt


_NUMBER_SEEDS = [
    (" in 2024.", " năm 2042.", 2),  # digits swapped
    (" (25 units)", " (các đơn vị)", 1),  # dropped
    ("", " 7", 1),  # added
    (" 1,500 tonnes", " 15.000 tấn", 2),  # wrong magnitude
]


def _seed_number(source: str, target: str, n: int) -> tuple[str, str, int] | None:
    if n % 3:
        return None
    add_src, add_tgt, count = _NUMBER_SEEDS[n % len(_NUMBER_SEEDS)]
    return source + add_src, target + add_tgt, count


def _control_number(source: str, target: str, n: int) -> tuple[str, str]:
    extra = [(" in 2023.", " năm 2023."), (" 1,500.5 tonnes", " 1.500,5 tấn"), ("", "")]
    add_src, add_tgt = extra[n % 3]
    return source + add_src, target + add_tgt


SEEDERS: dict[str, Callable[[str, str, int], tuple[str, str, int] | None]] = {
    "term-missing": _seed_missing,
    "term-forbidden": _seed_forbidden,
    "placeholders": _seed_placeholder,
    "numbers": _seed_number,
}
CONTROLS: dict[str, Callable[[str, str, int], tuple[str, str]]] = {
    "placeholders": _control_placeholder,
    "numbers": _control_number,
}


def _memory(pairs: list[tuple[str, str]]) -> Files:
    """A memory holding each pair, exact repeats, and other translations."""
    units = list(pairs) + [pairs[i] for i in range(0, len(pairs), 2)]
    kinds = [0] * len(units)
    for i, (source, target) in enumerate(pairs):
        first = target.split(". ")[0].rstrip(".") + "."
        units.append((source, first if first != target else target + " (bản cũ)"))
        kinds.append(1)
        if len(kinds) - len(pairs) * 2 < PER_CHECK - len(pairs) + 8 and i < 9:
            units.append((source, target + " (cập nhật)"))
            kinds.append(1)
    text, starts = write_tmx(units)
    expected = [
        ("target-inconsistent", line)
        for line, k in zip(starts, kinds, strict=False)
        if k
    ]
    return {"target-inconsistent.tmx": (text, ["target-inconsistent"], expected)}


# --- articles ---------------------------------------------------------------------

NAME_CHECKS = ["name-variant", "name-inconsistent"]


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _findings(glossary: Glossary, name: str, text: str, checks: list[str]) -> Expected:
    """What the checker reports in an untouched text (pre-annotation for review)."""
    from glossary.check.readers import paragraphs

    fields = paragraphs(text, _text_lang(text), name)
    segs = tuple(Segment(i, "", f, None, f.line) for i, f in enumerate(fields))
    report = check_documents([Document(name, "text", segs)], glossary, select(checks))
    return [(f.check, f.line) for f in report.findings]


def _text_lang(text: str) -> str:
    from glossary.text.tokens import detect_language, language_sample

    return "vi" if detect_language(language_sample(text)) == "vi" else "en"


def _name_spans(glossary: Glossary, text: str, lang: str) -> list[tuple[int, int, str]]:
    """Names of the term base written as it prefers (vi) or without marks (en);
    in English, only a name written so at least three times (one is seeded)."""
    spans = [s for s in glossary.annotate(text) if not s.ambiguous]
    seen = Counter((s.concept_ids[0], s.text) for s in spans)  # ids of concepts
    out = []
    for span in spans:
        concept = glossary.concept(span.concept_ids[0])
        best = concept.preferred("vi")
        if concept.kind.value == "term" or best is None or best.lang != "vi":
            continue
        if len(best.text.split()) < 2 or best.text.isascii():
            continue
        if lang == "vi" and span.text == best.text:
            out.append((span.start, span.end, strip_marks(best.text)))
        elif (
            lang == "en"
            and span.text == strip_marks(best.text)
            and seen[(span.concept_ids[0], span.text)] >= 3
        ):
            out.append((span.start, span.end, best.text))
    return out


def _name_files(glossary: Glossary, lang: str) -> Files:
    files: Files = {}
    pool = []
    for name, text in articles(lang):
        if _findings(glossary, name, text, NAME_CHECKS):
            continue  # real findings of its own: kept as a control only
        pool += [(name, text, span) for span in _name_spans(glossary, text, lang)]
    picked = pool[:: max(1, len(pool) // PER_CHECK)][:PER_CHECK]
    check = "name-variant" if lang == "vi" else "name-inconsistent"
    for n, (name, text, (start, end, new)) in enumerate(picked):
        seeded = text[:start] + new + text[end:]
        expected = [(check, _line(text, start))]
        if lang == "vi" and seeded.count(text[start:end]):
            expected.append(("name-inconsistent", _line(text, start)))
        files[f"{check}/{name}_{n}.txt"] = (seeded, NAME_CHECKS, expected)
    return files


def _tone_files(glossary: Glossary) -> Files:
    from glossary.check.tone import _STYLED

    files: Files = {}
    pool = []
    for name, text in articles("vi"):
        if _findings(glossary, name, text, ["tone-style"]):
            continue
        words = [
            m
            for m in _STYLED.finditer(text)
            if to_new_style(m.group()) != m.group()
            or to_old_style(m.group()) != m.group()
        ]
        if len(words) >= 3:
            pool += [(name, text, m) for m in words[1:4]]
    for n, (name, text, m) in enumerate(pool[:PER_CHECK]):
        word = m.group()
        flipped = (
            to_new_style(word) if to_new_style(word) != word else to_old_style(word)
        )
        seeded = text[: m.start()] + flipped + text[m.end() :]
        files[f"tone-style/{name}_{n}.txt"] = (
            seeded,
            ["tone-style"],
            [("tone-style", _line(text, m.start()))],
        )
    return files


def _old_unit_files(glossary: Glossary) -> Files:
    from glossary.names.admin_2025 import _table, superseded_provinces

    current = sorted(v["short"] for v in _table("province_names").values())
    old = sorted(superseded_provinces())
    files: Files = {}
    pool = []
    for lang in ("vi", "en"):
        for name, text in articles(lang):
            if _findings(glossary, name, text, ["old-unit"]):
                continue
            for province in current:
                written = province if lang == "vi" else strip_marks(province)
                for m in _word(text, written).finditer(text):
                    if m.group()[0].isupper():
                        pool.append((name, text, m, lang))
    for n, (name, text, m, lang) in enumerate(pool[:: max(1, len(pool) // PER_CHECK)]):
        if n == PER_CHECK:
            break
        new = old[n % len(old)] if lang == "vi" else strip_marks(old[n % len(old)])
        seeded = text[: m.start()] + new + text[m.end() :]
        files[f"old-unit/{name}_{n}.txt"] = (
            seeded,
            ["old-unit"],
            [("old-unit", _line(text, m.start()))],
        )
    return files


ALL = [
    "term-missing",
    "term-forbidden",
    "name-variant",
    "name-inconsistent",
    "tone-style",
    "old-unit",
    "target-inconsistent",
    "placeholders",
    "numbers",
]
# Findings of the untouched texts judged wrong on review: (file, line, check).
REVIEWED_FALSE = {
    ("controls/news-dev_vi_05.txt", 3, "old-unit"),  # "Văn Vĩ (Nam Định)": the club
}


def _controls(glossary: Glossary, pairs: list[tuple[str, str]]) -> Files:
    """The untouched texts, every check on: their findings, reviewed by hand."""
    files: Files = {}
    text, _ = write_po([("", s, t) for s, t in pairs])
    docs = [("controls/pairs.po", text)]
    docs += [
        (f"controls/{n}.txt", t) for lang in ("vi", "en") for n, t in articles(lang)
    ]
    for name, text in docs:
        OUT.joinpath(name).parent.mkdir(parents=True, exist_ok=True)
        OUT.joinpath(name).write_text(text, encoding="utf-8")
        report = check_files([str(OUT / name)], glossary)
        expected = [
            (f.check, f.line)
            for f in report.findings
            if (name, f.line, f.check) not in REVIEWED_FALSE
        ]
        files[name] = (text, ALL, expected)
    return files


def main() -> None:
    import shutil

    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    records = _fix_records(termbase())
    (OUT / "termbase.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    glossary = Glossary.from_records(records)
    pairs = parallel_pairs()
    files: Files = {}
    files.update(_po_files(pairs))
    files.update(_memory(pairs))
    files.update(_name_files(glossary, "vi"))
    files.update(_name_files(glossary, "en"))
    files.update(_tone_files(glossary))
    files.update(_old_unit_files(glossary))
    files.update(_controls(glossary, pairs))
    labels: dict[str, dict[str, list[str] | list[tuple[str, int]]]] = {}
    for name, (text, checks, expected) in sorted(files.items()):
        path = OUT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        labels[name] = {"checks": checks, "expected": sorted(expected)}
    (OUT / "labels.json").write_text(
        json.dumps({"version": 1, "files": labels}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    seeded = sum(len(f[2]) for k, f in files.items() if not k.startswith("controls"))
    print(f"{len(labels)} files, {seeded} seeded findings", file=sys.stderr)


if __name__ == "__main__":
    main()
