"""Domain terms: C-value ranking and spelling variants, on the seeds."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from test_sentences import plain_term_sentence

from glossary.extract.terms import (
    _RUN,
    _WORD,
    _chunks,
    _has_variant_spelling,
    _is_content,
    term_candidates,
    term_mentions,
    variant_key,
    vi_term_candidates,
)
from glossary.model import Document, Kind, Mention, TermStatus
from glossary.text.sentences import Sentences


@pytest.fixture(scope="module")
def seed_mentions() -> list[Mention]:
    out: list[Mention] = []
    for path in sorted(SEEDS.glob("*.txt")):
        out += term_mentions(Document(str(path), path.read_text("utf-8"), "en"))
    return out


@pytest.fixture(scope="module")
def seed_terms(seed_mentions: list[Mention]) -> dict[str, list[str]]:
    """Preferred term -> every form, for the candidates of the seeds."""
    out = {}
    for cand in term_candidates(seed_mentions):
        preferred = cand.concept.preferred()
        assert preferred is not None
        out[preferred.text] = [t.text for t in cand.concept.terms]
    return out


@pytest.mark.parametrize(
    "term",
    [
        "digital transformation",
        "agricultural machinery",
        "circular economy",
        "artificial intelligence",
        "clean energy",
    ],
)
def test_seed_domain_terms_are_found(
    seed_terms: dict[str, list[str]], term: str
) -> None:
    assert term in seed_terms


def test_spelling_variants_are_one_term(seed_terms: dict[str, list[str]]) -> None:
    assert sorted(seed_terms["multifaceted cooperation"]) == [
        "multi-faceted cooperation",
        "multifaceted cooperation",
    ]
    defence = next(forms for forms in seed_terms.values() if "defence" in forms)
    assert sorted(defence) == ["defence", "defense"]


@pytest.mark.parametrize(
    "junk",
    ["various fields", "th session", "high level", "boosting bilateral cooperation"],
)
def test_no_junk(seed_terms: dict[str, list[str]], junk: str) -> None:
    assert all(junk not in forms for forms in seed_terms.values())


def test_no_names_or_sentence_starts(seed_terms: dict[str, list[str]]) -> None:
    forms = [f for fs in seed_terms.values() for f in fs]
    assert all(f == f.lower() for f in forms)


def test_mentions_are_exact_spans(seed_mentions: list[Mention]) -> None:
    texts = {str(p): p.read_text("utf-8") for p in SEEDS.glob("*.txt")}
    for m in seed_mentions:
        assert m.kind is Kind.TERM
        assert texts[m.document][m.start : m.end] == m.text
        assert m.text in m.context


def test_candidates_carry_evidence_and_occurrences(
    seed_mentions: list[Mention],
) -> None:
    cands = {c.concept.label: c for c in term_candidates(seed_mentions)}
    cand = cands["agricultural machinery"]
    (term,) = cand.concept.terms
    assert term.status is TermStatus.PREFERRED
    assert term.count == 3 == len(cand.occurrences[(term.text, "en")])
    assert term.evidence[0].rule == "c-value"
    assert cand.concept.key == "term:agricultural machinery"


def test_nested_phrase_ranks_below_its_container() -> None:
    text = (
        "They discussed agricultural machinery manufacturing. "
        "Agricultural output and agricultural machinery manufacturing grew. "
        "The agricultural machinery manufacturing sector expanded."
    )
    cands = term_candidates(term_mentions(Document("x", text, "en")))
    labels = [c.concept.label for c in cands]
    # Candidates come best C-value first; the nested phrase is discounted by
    # the longer phrases it occurs in, and verbs never join a term.
    assert labels.index("agricultural machinery manufacturing") < labels.index(
        "agricultural machinery"
    )
    assert not [x for x in labels if "discussed" in x or "grew" in x]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("multi-faceted", "multifaceted"),
        ("defence", "defense"),
        ("organisation", "organization"),
        ("favourable conditions", "favorable conditions"),
        ("city centre", "city center"),
    ],
)
def test_variant_key_joins_variants(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("defence", "fence"), ("economy", "economic"), ("rise", "rize")]
)
def test_variant_key_keeps_distinct_words_apart(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -'", max_size=40))
def test_variant_key_is_idempotent(s: str) -> None:
    assert variant_key(variant_key(s)) == variant_key(s)


def _vi(text: str, doc: str, start: int) -> Mention:
    return Mention(text, doc, start, start + len(text), "vi", Kind.TERM, "ctx")


def test_vietnamese_terms_join_tone_styles() -> None:
    mentions = [
        _vi("Ủy ban nhân dân", "vi_a.txt", 0),
        _vi("Uỷ ban nhân dân", "vi_b.txt", 10),
        _vi("ủy ban nhân dân", "vi_c.txt", 20),
        _vi("chuyển đổi số", "vi_a.txt", 40),
        _vi("trị giá khoảng", "vi_a.txt", 60),  # once only: not a term
    ]
    cands = {c.concept.key: c for c in vi_term_candidates(mentions)}
    assert set(cands) == {"term:vi:uỷ ban nhân dân"}
    concept = cands["term:vi:uỷ ban nhân dân"].concept
    assert {t.text for t in concept.terms} == {
        "Ủy ban nhân dân",
        "Uỷ ban nhân dân",
        "ủy ban nhân dân",
    }
    assert {t.lang for t in concept.terms} == {"vi"}
    assert sum(t.count for t in concept.terms) == 3


# --- the chunker and sentence lookup against their plain definitions ---------

_CHUNK_WORDS = st.sampled_from(
    [
        "-ing",
        "e-mail",
        "’tis",
        "economic",
        "cooperation",
        "defence",
        "defense",
        "organisation",
        "the",
        "said",
        "quickly",
        "Vietnam",
        "country's",
        "multi-faceted",
        "x",
        "café",
        "abc123",
        "well-known",
        "ab_c",
    ]
)
_CHUNK_GAPS = st.sampled_from([" ", "  ", ", ", ". ", "\n", "! ", " - ", "’", "."])


# The word pattern as first written, with its look-behind in front.
_PLAIN_WORD = re.compile(r"(?<![\w'’-])[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?")


def _plain_chunks(text: str) -> list[tuple[int, int]]:
    """The chunker's definition, one word at a time."""
    out: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        if len(run) >= 2 or (run and _has_variant_spelling(run[0].group())):
            out.append((run[0].start(), run[-1].end()))

    for match in _PLAIN_WORD.finditer(text):
        if run:
            gap = text[run[-1].end() : match.start()]
            if gap != " " or not _is_content(match.group()):
                flush()
                run = []
        if _is_content(match.group()):
            run.append(match)
    flush()
    return out


def _check_chunks_and_sentences(text: str) -> int:
    spans = _chunks(text)
    assert spans == _plain_chunks(text)
    sentences = Sentences(text)
    for s, e in spans:
        assert sentences.of_term(s, e) == plain_term_sentence(text, s, e)
    return len(spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_CHUNK_WORDS, _CHUNK_GAPS), max_size=300))
def test_chunks_and_sentences_match_their_definitions(
    pairs: list[tuple[str, str]],
) -> None:
    _check_chunks_and_sentences("".join(w + g for w, g in pairs))


def test_chunks_and_sentences_match_their_definitions_on_the_seeds() -> None:
    found = sum(
        _check_chunks_and_sentences(p.read_text("utf-8"))
        for p in sorted(SEEDS.glob("*.txt"))
    )
    assert found > 100


def test_sentence_of_a_long_sentence_is_cut_at_400_characters() -> None:
    text = "Talks ended. " + "economic cooperation and " * 40 + "trade grew.\nNext"
    assert _check_chunks_and_sentences(text) == 40
    s, e = _chunks(text)[-1]
    assert "Talks" not in Sentences(text).of_term(s, e)  # 400 characters back


@given(st.text(alphabet="aZé-’'._1 \n", max_size=60))
def test_word_pattern_matches_its_plain_form(text: str) -> None:
    assert [m.span() for m in _WORD.finditer(text)] == [
        m.span() for m in _PLAIN_WORD.finditer(text)
    ]


# What `_RUN` finds, as first written (a word with a spelling variant then
# opened with "V", not "cv"): two content words or more, or one with a
# spelling variant.
_PLAIN_RUN = re.compile(r"[cV]x*+(?: [cV]x*+)++|Vx*+")
# The words of a shape: content words have two letters or more.
_SHAPE_WORD = st.builds(
    lambda first, rest: first + "x" * (rest if first == "n" else rest + 1),
    st.sampled_from("ncV"),
    st.integers(0, 3),
)


@given(st.lists(st.tuples(_SHAPE_WORD, st.sampled_from([" ", "|", "  ", " |", "| "]))))
def test_run_pattern_matches_its_plain_form(words: list[tuple[str, str]]) -> None:
    plain = "".join(word + gap for word, gap in words)
    shape = plain.replace("Vx", "cv")  # as `_shape` writes them now
    assert [m.span() for m in _RUN.finditer(shape)] == [
        m.span() for m in _PLAIN_RUN.finditer(plain)
    ]
