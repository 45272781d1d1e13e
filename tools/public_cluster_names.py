"""Make the names the clustering modules share public (issue 15).

Renames each private name of `glossary.cluster` that another module imports
to its public name, in glossary/cluster/, tests/ and bench/. Run it again
on a branch that still uses the old names: it is idempotent.

    python tools/public_cluster_names.py
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

RENAMES = {
    "_ADMIN_WORDS": "PLACE_ADMIN_WORDS",
    "_Group": "Group",
    "_PersonIndex": "PersonIndex",
    "_absorb_short_form": "absorb_short_form",
    "_ev": "evidence_at",
    "_folded_words": "folded_words",
    "_freeze": "freeze",
    "_is_acronym": "is_acronym",
    "_name_tails": "name_tails",
    "_name_words": "name_words",
    "_person_index": "person_index",
    "_refers_to": "refers_to",
    "_strip_admin": "strip_admin",
    "_thaw": "thaw",
    "_vietnamese_group": "is_vietnamese_group",
    "_word_keys": "word_keys",
    "_words": "split_words",
    "_candidate": "candidate_of",
    "_adjusted": "adjusted",
    "_full_form": "full_form",
    "_local_unit_preferred": "local_unit_preferred",
    "_vietnamese_preferred": "vietnamese_preferred",
}


def files(root: Path) -> list[Path]:
    """The clustering modules, and the tests and benchmarks that import them."""
    others = [*root.glob("tests/**/*.py"), *root.glob("bench/**/*.py")]
    return sorted([*root.glob("glossary/cluster/*.py"), *filter(_imports, others)])


def _imports(path: Path) -> set[str]:
    """The names of RENAMES that `path` imports from glossary.cluster."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("glossary.cluster")
        for alias in node.names
        if alias.name in RENAMES
    }


def _pattern(names: set[str]) -> re.Pattern[str]:
    # Not after a dot or a word character: attributes (`self._words`) stay.
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])({alternatives})(?!\w)")


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    for path in files(root):
        names = set(RENAMES) if path.parent.name == "cluster" else _imports(path)
        text = path.read_text(encoding="utf-8")
        new_text = _pattern(names).sub(lambda m: RENAMES[m.group(1)], text)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            print(path.relative_to(root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
