"""Raw Vietnamese POS tags of one paragraph, from underthesea, pyvi or the rules.

underthesea's `pos_tag` computes each word's CRF features in Python by
rebuilding the whole sentence's columns for every word and every template
(quadratic in the paragraph, two thirds of the cost of tagging Vietnamese
news). `_underthesea` computes the same feature strings once per word
and feeds them to the same model, so the tags are underthesea's own; if the
installed underthesea's POS model has another template, `pos_tag` itself is
used. Both libraries are imported lazily.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

__all__ = ["BACKENDS", "DEFAULT_BACKEND", "raw_tags"]

BACKENDS = ("underthesea", "pyvi", "rules")
# `glossary build`'s: no tagger, and as right as underthesea on text neither
# was tuned on (bench/results/build.md). `glossary align` keeps underthesea.
DEFAULT_BACKEND = "rules"

_PYVI_TAGS = {"F": "CH"}

# underthesea's POS template (pipeline/pos_tag/model_crf.py), as it ships.
_TEMPLATE = (
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[0].istitle", "T[-1].istitle", "T[1].istitle",
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]",
    "T[-3][1]", "T[-2][1]", "T[-1][1]", "T[-3,-2][1]", "T[-2,-1][1]",
)  # fmt: skip
_SYNTAX = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\[(\d+)\])?(?:\.(\w+))?")


def raw_tags(paragraph: str, backend: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of one paragraph, words as the tagger wrote them.

    Raises:
        ValueError: for an unknown backend.
    """
    if backend == "underthesea":
        return _underthesea()(paragraph)
    if backend == "pyvi":
        from pyvi import ViPosTagger, ViTokenizer

        words, tags = ViPosTagger.postagging(ViTokenizer.tokenize(paragraph))
        return [
            (str(w).replace("_", " "), _PYVI_TAGS.get(str(t), str(t)))
            for w, t in zip(words, tags, strict=True)
        ]
    if backend == "rules":
        from glossary.extract.vi_lexicon import lexicon_tag

        return [(t.text, t.tag) for t in lexicon_tag(paragraph)]
    raise ValueError(f"unknown backend {backend!r}; use {' or '.join(BACKENDS)}")


@cache
def _underthesea() -> Callable[[str], list[tuple[str, str]]]:
    from underthesea import pos_tag, word_tokenize
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    predictor = CRFPOSTagPredictor.Instance()
    if tuple(predictor.transformer.template) != _TEMPLATE:

        def slow(paragraph: str) -> list[tuple[str, str]]:
            return [(str(w), str(t)) for w, t in pos_tag(paragraph)]

        return slow
    model = predictor.model
    template = [_parse(t) for t in _TEMPLATE]

    def fast(paragraph: str) -> list[tuple[str, str]]:
        words = [str(w) for w in word_tokenize(paragraph)]
        if not words:
            return []
        tags = model.tag(_features(words, template))
        return list(zip(words, map(str, tags), strict=True))

    return fast


_Feature = tuple[str, int, int | None, int, str | None]


def _parse(syntax: str) -> _Feature:
    m = _SYNTAX.fullmatch(syntax)
    if m is None:  # pragma: no cover - _TEMPLATE is fixed
        raise ValueError(syntax)
    first, second, column, func = m.groups()
    return (
        syntax + "=",
        int(first),
        None if second is None else int(second),
        int(column or 0),
        func,
    )


def _istitle(word: str) -> str:
    """underthesea's `text_istitle`: every space-separated part starts with
    a title-case character (an empty part makes it False)."""
    return str(all(p and p[0].istitle() for p in word.split(" ")))


def _features(words: list[str], template: list[_Feature]) -> list[list[str]]:
    """underthesea's `word2features` for every word (its POS column is "X")."""
    n = len(words)
    columns = (words, ["X"] * n)
    lower = [w.lower() for w in words]
    title = [_istitle(w) for w in words]
    out: list[list[str]] = []
    for i in range(n):
        row: list[str] = []
        for prefix, first, second, column, func in template:
            a = i + first
            if a < 0:
                row.append(prefix + "BOS")
            elif a >= n or (second is not None and i + second >= n):
                row.append(prefix + "EOS")
            elif second is not None:
                row.append(prefix + " ".join(columns[column][a : i + second + 1]))
            elif func == "lower" and column == 0:
                row.append(prefix + lower[a])
            elif func == "istitle" and column == 0:
                row.append(prefix + title[a])
            elif func is None:
                row.append(prefix + columns[column][a])
            else:  # pragma: no cover - not in _TEMPLATE
                raise ValueError(func)
        out.append(row)
    return out
