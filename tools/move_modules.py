"""Move glossary's flat modules into folders by role, rewriting every reference.

Checked: refuses to run on a dirty tree, moves with `git mv`, rewrites dotted
module names (imports, patch strings, contracts, docs) and file paths in one
pass over the original text, then imports every new module in a subprocess.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

MOVES = {
    "name_words": "lang.en",
    "text": "text",  # text.py -> text/__init__.py
    "tokens": "text.tokens",
    "sentences": "text.sentences",
    "segment": "text.segment",
    "syllable": "text.syllable",
    "annotate": "text.annotate",
    "restore": "names.places",
    "titles": "names.titles",
    "vi_admin": "names.vi_admin",
    "extract": "extract.english",
    "name_runs": "extract.name_runs",
    "name_kind": "extract.name_kind",
    "terms": "extract.terms",
    "vi_extract": "extract.vietnamese",
    "vi_orgs": "extract.vi_orgs",
    "vi_terms": "extract.vi_terms",
    "vi_tokens": "extract.vi_tokens",
    "mention_codec": "extract.mention_codec",
    "cluster": "cluster",  # cluster.py -> cluster/__init__.py
    "cluster_base": "cluster.base",
    "cluster_doc": "cluster.document",
    "cluster_doc_links": "cluster.document_links",
    "cluster_merge": "cluster.corpus",
    "candidate": "cluster.candidate",
    "candidate_preferred": "cluster.preferred",
    "store": "store",  # store.py -> store/__init__.py
    "store_bulk": "store.bulk",
    "store_schema": "store.schema",
    "extraction": "pipeline",
    "lexicon": "align.lexicon",
    "service": "review",
}
PACKAGE_DOCS = {
    "lang": "Word lists per language: plain data, importing nothing of the package.",
    "names": "Knowledge of names: gazetteers, titles, administrative units.",
    "extract": "Finders of names and terms in English and Vietnamese text.",
}
TEST_RENAMES = {
    "test_restore.py": "test_places.py",
    "test_name_words.py": "test_lang_en.py",
    "test_extract.py": "test_extract_english.py",
    "test_vi_extract.py": "test_extract_vietnamese.py",
    "test_extraction.py": "test_pipeline.py",
    "test_service.py": "test_review.py",
}


def new_path(new: str, old: str) -> str:
    parts = new.split(".")
    if new == old:  # a module that becomes its package
        return f"glossary/{new}/__init__.py"
    return "glossary/" + "/".join(parts) + ".py"


def main() -> int:
    if subprocess.run(
        ["git", "status", "--porcelain"], capture_output=True, text=True, check=True
    ).stdout.strip():
        sys.exit("dirty tree: commit or stash first")
    names = "|".join(sorted(MOVES, key=len, reverse=True))
    dotted = re.compile(rf"\bglossary\.({names})\b(?![\w.]*\.py)")
    slashed = re.compile(rf"\bglossary/({names})\.py\b")
    from_import = re.compile(rf"^(\s*)from glossary import ({names})\b( as \w+)?", re.M)

    def from_sub(m: re.Match[str]) -> str:
        # keeps the local name, so no identifier in the file changes
        indent, old, alias = m.group(1), m.group(2), m.group(3)
        new = MOVES[old]
        if new == old:
            return m.group(0)
        package, _, leaf = ("glossary." + new).rpartition(".")
        local = alias or (f" as {old}" if leaf != old else "")
        return f"{indent}from {package} import {leaf}{local}"

    def dot(m: re.Match[str]) -> str:
        return "glossary." + MOVES[m.group(1)]

    def slash(m: re.Match[str]) -> str:
        return new_path(MOVES[m.group(1)], m.group(1))

    files = subprocess.run(
        ["git", "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:
        path = Path(name)
        if path.suffix not in {".py", ".toml", ".md", ".cfg", ""} or not path.is_file():
            continue
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue
        new = from_import.sub(from_sub, slashed.sub(slash, dotted.sub(dot, text)))
        if new != text:
            path.write_text(new, "utf-8")
    for old, new in MOVES.items():
        target = Path(new_path(new, old))
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "mv", f"glossary/{old}.py", str(target)], check=True)
    for package, doc in PACKAGE_DOCS.items():
        init = Path(f"glossary/{package}/__init__.py")
        if not init.exists():
            init.write_text(f'"""{doc}"""\n', "utf-8")
            subprocess.run(["git", "add", str(init)], check=True)
    for old, new in TEST_RENAMES.items():
        subprocess.run(["git", "mv", f"tests/{old}", f"tests/{new}"], check=True)
    modules = [
        new_path(n, o)[:-3].replace("/", ".").removesuffix(".__init__")
        for o, n in MOVES.items()
    ]
    check = "import importlib\n" + "".join(
        f"importlib.import_module({m!r})\n" for m in modules
    )
    subprocess.run([sys.executable, "-c", check], check=True)
    print(f"moved {len(MOVES)} modules; all import")
    return 0


if __name__ == "__main__":
    sys.exit(main())
