"""Speed rewrites of Vietnamese extraction answer as what they replaced.

The underthesea backend computes the POS model's features itself
(`glossary.extract.vi_tagger`): they and the tags must be underthesea's own;
`vi_tokens` locates the tagger's words with `str.find` as the regex search
did; `vi_places` asks whether an offset is inside a span by bisection."""

from __future__ import annotations

import re

from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.extract.vi_places import _Covered
from glossary.extract.vi_syllables import Span
from glossary.extract.vi_tagger import _TEMPLATE, _features, _parse, raw_tags
from glossary.extract.vi_tokens import _find
from glossary.model import Kind
from glossary.text import fold_same_length

NEWS = SHARED / "corpus" / "news-dev"

words = st.lists(
    st.text(st.sampled_from("aAbĐđỦủ  .,-1"), max_size=8), min_size=1, max_size=9
)


def _underthesea_features(ws: list[str]) -> list[list[str]]:
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    transformer = CRFPOSTagPredictor.Instance().transformer
    features: list[list[str]] = transformer.transform([[(w, "X") for w in ws]])[0][0]
    return features


@given(words)
@settings(max_examples=200, deadline=None)
def test_features_are_underthesea_features(ws: list[str]) -> None:
    assert _features(ws, [_parse(t) for t in _TEMPLATE]) == _underthesea_features(ws)


def test_tags_of_real_paragraphs_are_pos_tag_tags() -> None:
    from underthesea import pos_tag

    paragraphs = [
        p
        for path in sorted(NEWS.glob("vi_*.txt"))[:3]
        for p in path.read_text("utf-8").splitlines()
        if p.strip()
    ]
    assert len(paragraphs) > 10
    for p in paragraphs:
        assert raw_tags(p, "underthesea") == [(w, t) for w, t in pos_tag(p)]


def _regex_find(key: str, part: str, pos: int, limit: int) -> int:
    edge_l = r"(?<!\w)" if part[0].isalnum() else ""
    edge_r = r"(?!\w)" if part[-1].isalnum() else ""
    pkey = fold_same_length(part)
    m = re.compile(edge_l + re.escape(pkey) + edge_r).search(key, pos, limit)
    return -1 if m is None else m.start()


chars = st.sampled_from("aAbà Ủu_-.1")


@given(st.text(chars, max_size=20), st.text(chars, min_size=1, max_size=4), st.data())
@settings(max_examples=300, deadline=None)
def test_find_is_the_regex_search(text: str, part: str, data: st.DataObject) -> None:
    key = fold_same_length(text)
    pos = data.draw(st.integers(0, len(key)))
    limit = data.draw(st.integers(pos, len(key)))
    found = _find(key, fold_same_length(part), part, pos, limit)
    assert found == _regex_find(key, part, pos, limit)


spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=6,
)


@given(spans, st.integers(0, 40))
@settings(max_examples=300, deadline=None)
def test_covered_is_inside_any_span(pairs: list[tuple[int, int]], at: int) -> None:
    taken = [Span(a, b, Kind.ORG, "test") for a, b in pairs]
    assert (at in _Covered(taken)) == any(a <= at < b for a, b in pairs)
