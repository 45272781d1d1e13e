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

import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.api import strip_marks  # noqa: E402
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
    for (kind, canonical), forms in sorted(concepts.items()):
        terms = [{"text": canonical, "lang": "vi", "status": "preferred"}]
        terms += [{"text": f, "lang": "en"} for f in sorted(forms - {canonical})]
        records.append({"kind": kind, "status": "approved", "terms": terms})
    return records


def termbase() -> list[dict[str, object]]:
    records = _gold_records()
    for en, vi, wrong in TERM_PAIRS:
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
    words, full = set(strip_marks(form).lower().split()), set(
        strip_marks(canonical).lower().split()
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


def parallel_pairs() -> list[tuple[str, str]]:
    """The paragraph pairs of corpus/parallel with their English seeds."""
    pairs = []
    for vi in sorted((CORPUS / "parallel").glob("*.vi.txt")):
        en = ROOT / "seeds" / vi.name.replace(".vi.txt", ".txt")
        en_p = [" ".join(p.split()) for p in en.read_text("utf-8").split("\n\n") if p.strip()]
        vi_p = [" ".join(p.split()) for p in vi.read_text("utf-8").split("\n\n") if p.strip()]
        pairs += list(zip(en_p, vi_p, strict=True))
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
    lines = ['msgid ""', 'msgstr ""', '"Language: vi\\n"',
             '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    starts = []
    for ctxt, source, target in units:
        starts.append(len(lines) + 1)
        lines += [f"msgctxt {_po_string(ctxt)}", f"msgid {_po_string(source)}",
                  f"msgstr {_po_string(target)}", ""]
    return "\n".join(lines), starts


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_tmx(units: list[tuple[str, str]]) -> tuple[str, list[int]]:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">',
             '<header creationtool="make_check_set" creationtoolversion="1" '
             'segtype="paragraph" datatype="plaintext" adminlang="en" srclang="en" '
             'o-tmf="none"/>', "<body>"]
    starts = []
    for source, target in units:
        starts.append(len(lines) + 1)
        lines.append(f'<tu><tuv xml:lang="en"><seg>{_xml(source)}</seg></tuv>'
                     f'<tuv xml:lang="vi"><seg>{_xml(target)}</seg></tuv></tu>')
    lines += ["</body>", "</tmx>", ""]
    return "\n".join(lines), starts


def base_findings() -> None:
    """Print what the checker finds in the untouched base texts (for REVIEWED)."""
    from glossary.api import Glossary
    from glossary.check.model import Document, Field, Segment
    from glossary.check_service import check_documents

    glossary = Glossary.from_records(_fix_records(termbase()))
    segs = tuple(
        Segment(i, f"p{i}", Field(t, "vi", "pairs", i), Field(s, "en", "pairs", i), i)
        for i, (s, t) in enumerate(parallel_pairs())
    )
    docs = [Document("pairs", "po", segs)]
    for lang in ("vi", "en"):
        for name, text in articles(lang):
            lines = text.split("\n")
            segs = tuple(
                Segment(i, "", Field(line, lang, name, i + 1), None, i + 1)
                for i, line in enumerate(lines)
            )
            docs.append(Document(name, "text", segs))
    for f in check_documents(docs, glossary).findings:
        print(f"{f.path}\t{f.line}\t{f.check}\t{f.text}\t{f.message}")


if __name__ == "__main__" and sys.argv[1:] == ["--base"]:
    base_findings()
