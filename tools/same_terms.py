"""List pairs of concepts of one kind holding the same term (issue 14).

usage: python tools/same_terms.py EXPORT.json [...]

A pair is two concepts of the same kind with a term of the same language
and the same NFC text, both terms full forms or preferred. A term base
should never hold one term in two such concepts.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from typing import Any


def same_term_pairs(data: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """(kind, lang, text, concept A, concept B) for each shared full term."""
    holders: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for c in data["concepts"]:
        name = next(
            (t["text"] for t in c["terms"] if t["status"] == "preferred"),
            c["terms"][0]["text"] if c["terms"] else "",
        )
        label = f"{c['id']}:{name}"
        seen = set()
        for t in c["terms"]:
            if t["type"] != "fullForm" and t["status"] != "preferred":
                continue
            k = (c["kind"], t["lang"], unicodedata.normalize("NFC", t["text"]))
            if k not in seen:
                seen.add(k)
                holders[k].append(label)
    out = []
    for (kind, lang, text), labels in sorted(holders.items()):
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                out.append((kind, lang, text, a, b))
    return out


def main(paths: list[str]) -> int:
    for path in paths:
        with open(path, encoding="utf-8") as f:
            pairs = same_term_pairs(json.load(f))
        print(f"{path}: {len(pairs)} pairs")
        for kind, lang, text, a, b in pairs:
            print(f"  {kind:6} {lang} {text!r}: {a} | {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
