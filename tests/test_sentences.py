"""The sentence around a name or a term (`glossary.text.sentences`).

Each context rule is checked against its plain form (a scan of the text
around the span, as first written) on generated texts, at every span of
small texts, and at every name and word of the seeds; the marks against
their regexes; and the contexts of a few seed names against the sentences
as written.
"""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.extract.name_runs import tokens
from glossary.text.sentences import Sentences

# The sentence around a name as first written: scanning the text near it.
_PLAIN_STOP = re.compile(r"[.!?](?:\s|$)|\n")


def plain_name_sentence(text: str, start: int, end: int) -> str:
    lo = max(0, start - 200)
    hi = min(len(text), end + 200)
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    s = cut + 1 if cut >= 0 else lo
    if cut < 0 < lo:
        s = max(text.find(" ", lo, start) + 1, lo)
    m = _PLAIN_STOP.search(text, end, hi)
    e = m.end() if m else hi
    if m is None and hi < len(text):
        e = max(text.rfind(" ", end, hi), end)
    return " ".join(text[s:e].split())


_SENTENCE_PIECES = (
    *("Talks", "went", "well", "x" * 90, "Hà", "Nội"),
    *(" ", "  ", ". ", ".", "!", "?\n", "\n", "\n\n", "! ", ".\t", "\u00a0"),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=60),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 30)), min_size=1, max_size=8),
)
def test_name_sentence_matches_its_plain_form(
    pieces: list[str], spans: list[tuple[float, int]]
) -> None:
    text = "".join(pieces)
    for at, width in spans:
        start = int(at * len(text))
        end = min(len(text), start + width)
        assert Sentences(text).of_name(start, end) == plain_name_sentence(
            text, start, end
        )


def test_name_sentence_matches_its_plain_form_on_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        sentences = Sentences(text)
        for start, end, _ in tokens(text):
            assert sentences.of_name(start, end) == plain_name_sentence(
                text, start, end
            )


@pytest.mark.parametrize(
    "text", ["Talks?\nGo. On!", "A.\n\nB. C.", "x. \ny", ".", "\n", "a!b? c.\t"]
)
def test_name_sentence_matches_its_plain_form_at_every_span(text: str) -> None:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert Sentences(text).of_name(start, end) == plain_name_sentence(
                text, start, end
            )


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80), st.integers(0, 80), st.integers(0, 80))
def test_squeezed_is_split_and_join(text: str, start: int, end: int) -> None:
    assert Sentences(text)._squeezed(start, end) == " ".join(text[start:end].split())


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=" \n\u00a0ab.", max_size=80),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_squeezed_is_split_and_join_in_texts_of_common_spacing(
    text: str, start: int, end: int
) -> None:
    # spaces and line breaks only, or with no-break spaces: the fast paths
    assert Sentences(text)._squeezed(start, end) == " ".join(text[start:end].split())


@pytest.mark.parametrize(
    "text", ["a b", " a  b ", "a\nb", "a\u00a0b", "a\u2009b", "a\x1cb", "a\u3000b"]
)
def test_squeezed_makes_any_whitespace_one_space(text: str) -> None:
    assert Sentences(text)._squeezed(0, len(text)) == " ".join(text.split())
    assert "a b" in Sentences(text)._squeezed(0, len(text))


# The sentence around a term as first written: scanning the text near it.
_PLAIN_TERM_STOP = re.compile(r"[.!?]\s")


def plain_term_sentence(text: str, start: int, end: int) -> str:
    """The sentence around a chunk, by scanning the text near it."""
    lo = max(0, start - 400)
    left = max(
        (m.end() for m in _PLAIN_TERM_STOP.finditer(text, lo, start)),
        default=-1,
    )
    left = max(left, text.rfind("\n", lo, start) + 1 if "\n" in text[lo:start] else -1)
    if left < 0:  # cut inside a long sentence: at the first word boundary
        left = text.find(" ", lo, start) + 1 if lo and " " in text[lo:start] else lo
    right_m = _PLAIN_TERM_STOP.search(text, end)
    right = right_m.start() + 1 if right_m else len(text)
    nl = text.find("\n", end)
    if nl != -1:
        right = min(right, nl)
    if right > end + 400:  # cut inside a long sentence: at the last word boundary
        right = max(text.rfind(" ", end, end + 400), end)
    return text[left:right].strip()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=60),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 30)), min_size=1, max_size=8),
)
def test_term_sentence_matches_its_plain_form(
    pieces: list[str], spans: list[tuple[float, int]]
) -> None:
    text = "".join(pieces)
    sentences = Sentences(text)
    for at, width in spans:
        start = int(at * len(text))
        end = min(len(text), start + width)
        assert sentences.of_term(start, end) == plain_term_sentence(text, start, end)


@pytest.mark.parametrize(
    "text", ["Talks?\nGo. On!", "A.\n\nB. C.", "x. \ny", ".", "\n", "a!b? c.\t"]
)
def test_term_sentence_matches_its_plain_form_at_every_span(text: str) -> None:
    sentences = Sentences(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert sentences.of_term(start, end) == plain_term_sentence(
                text, start, end
            )


_WORDS = re.compile(r"\w+")


def test_term_sentence_matches_its_plain_form_on_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        sentences = Sentences(text)
        for m in _WORDS.finditer(text):
            s, e = m.span()
            assert sentences.of_term(s, e) == plain_term_sentence(text, s, e)


# Every place a sentence may stop, as one pattern.
_PLAIN_STOP_AT = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s|$))")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=60))
def test_marks_are_their_patterns(pieces: list[str]) -> None:
    text = "".join(pieces)
    marks = Sentences(text)
    assert marks.stops == [m.start() for m in _PLAIN_STOP_AT.finditer(text)]
    assert marks.newlines == [m.start() for m in re.finditer("\n", text)]
    assert marks.periods == [m.start() for m in re.finditer(r"\. ", text)]
    assert marks.term_stops == [m.start() for m in _PLAIN_TERM_STOP.finditer(text)]


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return path.read_text("utf-8")


def test_contexts_of_seed_names_are_their_sentences() -> None:
    text = _seed("000_ee629b6e4a47ac1f.txt")
    sentences = Sentences(text)
    start = text.index("PM Chính")
    name = sentences.of_name(start, start + len("PM Chính"))
    term = sentences.of_term(start, start + len("PM Chính"))
    assert name == term
    assert name.startswith("To effectively harness their potential and strengths,")
    assert name.endswith("and cooperate at multilateral forums.")
    # the dateline's sentence, longer than 200 characters after the
    # dateline, is cut at a word
    first = sentences.of_name(0, len("HÀ NỘI"))
    assert first.startswith("HÀ NỘI – Việt Nam always values")
    assert first.endswith("Anatoly Sivak during their")
    assert sentences.of_term(0, len("HÀ NỘI")).endswith("in Hà Nội on Wednesday.")
    # a long sentence: a term sees 400 characters back, a name 200, from a word
    start = text.index("Intergovernmental Committee")
    end = start + len("Intergovernmental Committee")
    assert sentences.of_term(start, end).startswith("He also encouraged the two")
    name = sentences.of_name(start, end)
    assert name.endswith("the effectiveness of the Intergovernmental Committee.")
    assert not name.startswith("He also")
    assert text[text.index(name) - 1] == " "
    assert len(name) <= 200 + len("Intergovernmental Committee.")


def test_a_term_context_cut_inside_a_long_sentence_keeps_whole_words() -> None:
    words = "economic cooperation and trade between neighbours " * 30
    text = f"{words}flourished under the Intergovernmental Committee {words}."
    start = text.index("Intergovernmental")
    context = Sentences(text).of_term(start, start + len("Intergovernmental"))
    assert 600 < len(context) <= 817
    assert context.startswith(("economic ", "cooperation ", "and ", "trade "))
    assert context.split()[0] in words.split()
    assert context.split()[-1] in words.split()
    assert text[text.index(context) - 1] == " "
    assert text[text.index(context) + len(context)] == " "
