"""Write glossary/data/vi_pos.tsv: each word's POS tag, from underthesea's model.

usage: .venv/bin/python tools/make_vi_pos.py

The tag of a word is the label its own feature weighs most in underthesea's
POS CRF (VLSP 2013, installed with it): the state weights of
``T[0].lower=word``; a third column N marks a word of another tag that the
model also weighs as a noun ("vốn": an adverb, or capital). A capitalised
common word ("Chính phủ", "Sở") takes its lower-case tag: the model's
cased weights lean to Np, which underthesea overrides from context.
Summing the neighbours' word features as well agreed with underthesea's
tags on 86.3 % of the news tokens against 86.1 % for the word alone
(news-dev, news-dev2, 20 parallel files): not worth four times the data.
Needs python-crfsuite (installed with underthesea).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]
import underthesea

_MODEL = "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/models.bin"
_OUT = Path(__file__).resolve().parent.parent / "glossary" / "data" / "vi_pos.tsv"


def main() -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(Path(underthesea.__file__).parent / _MODEL))
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for (attr, label), weight in tagger.info().state_features.items():
        if attr.startswith("T[0].lower="):
            word = attr.removeprefix("T[0].lower=")
            weights[word][label.removeprefix("B-")] = weight
    lines = []
    for word, by_label in sorted(weights.items()):
        tag = max(by_label, key=by_label.__getitem__)
        noun = tag != "N" and by_label.get("N", 0.0) > 0
        if "\t" not in word:
            lines.append(f"{word}\t{tag}\tN" if noun else f"{word}\t{tag}")
    source = (
        "# word<TAB>tag[<TAB>N if the model also weighs it as a noun],"
        " from underthesea's POS CRF (VLSP 2013, GPL-3.0) by tools/make_vi_pos.py"
    )
    _OUT.write_text("\n".join([source, *lines]) + "\n", encoding="utf-8")
    print(f"{len(lines)} words -> {_OUT}")


if __name__ == "__main__":
    main()
