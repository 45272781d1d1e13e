"""Write glossary/data/vi_pos.tsv: each word's POS tag, read from underthesea's model.

usage: .venv/bin/python tools/make_vi_pos.py

The tag of a word is the label its own feature weighs most in underthesea's
POS CRF (VLSP 2013, installed with it): the state weights of
``T[0].lower=word``. A capitalised common word ("Chính phủ", "Sở") takes its
lower-case tag: the model's cased weights lean to Np, which underthesea
overrides from context. Summing the neighbours' word features as well
agreed with underthesea's tags on 86.3 % of the news tokens against 86.1 %
for the word alone (news-dev, news-dev2, 20 parallel files), not worth
four times the data. Needs python-crfsuite (installed with underthesea).
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
    lines = [
        f"{word}\t{max(by_label, key=by_label.__getitem__)}"
        for word, by_label in sorted(weights.items())
        if "\t" not in word
    ]
    source = (
        "# word<TAB>tag, from underthesea's POS CRF (VLSP 2013, GPL-3.0)"
        " by tools/make_vi_pos.py"
    )
    _OUT.write_text("\n".join([source, *lines]) + "\n", encoding="utf-8")
    print(f"{len(lines)} words -> {_OUT}")


if __name__ == "__main__":
    main()
