"""The steps of `vietnamese_mentions`, each on the state the steps before it
leave, on a sentence made up for the test (terms: a real parallel text)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import SHARED

from glossary.docstrings import docstring
from glossary.extract.vietnamese import (
    VIETNAMESE_STEPS,
    VietnameseText,
    add_terms,
    claim_titles,
    emit_names,
    emit_spans,
    emit_titles,
    join_local_places,
    read_tagged,
    split_name_runs,
    tag,
    vietnamese_mentions,
)
from glossary.model import Document, Kind
from glossary.text import name_key, nfc

SENTENCE = "Phó Thủ tướng Lê Minh Khái làm việc với UBND tỉnh Quảng Nam tại Hội An."


def _until(step: Callable[[VietnameseText], None], text: str) -> VietnameseText:
    state = read_tagged(Document("d", text, "vi"), tag(text))
    for earlier in VIETNAMESE_STEPS[: VIETNAMESE_STEPS.index(step)]:
        earlier(state)
    return state


def _new(
    step: Callable[[VietnameseText], None], state: VietnameseText
) -> list[tuple[str, Kind | None, str]]:
    """The mentions `step` adds: text, kind, title."""
    n = len(state.out)
    step(state)
    return [(m.text, m.kind, m.title) for m in state.out[n:]]


def test_claim_titles_claims_the_title() -> None:
    state = _until(claim_titles, SENTENCE)
    claim_titles(state)
    assert [state.surface(i, k) for i, k in state.title_spans] == ["Phó Thủ tướng"]
    assert {0, 1} <= state.claimed


def test_emit_spans_emits_a_body_and_the_place_inside_it() -> None:
    state = _until(emit_spans, SENTENCE)
    assert _new(emit_spans, state) == [
        ("UBND tỉnh Quảng Nam", Kind.ORG, ""),
        ("Quảng Nam", Kind.PLACE, ""),
    ]


def test_split_name_runs_finds_the_names_and_their_kinds() -> None:
    state = _until(split_name_runs, SENTENCE)
    split_name_runs(state)
    assert [state.surface(i, j) for i, j in state.parts] == ["Lê Minh Khái", "Hội An"]
    assert state.kinds["hoian"] is Kind.PLACE  # after "tại"


@pytest.mark.parametrize("backend", ["underthesea", "rules"])
def test_split_name_runs_cuts_two_acronyms_apart(backend: str) -> None:
    # "SOM APEC": an international body's acronym names the body the first
    # belongs to; "UBKT TƯ" (tests/test_name_links.py) stays one name
    text = "Trưởng SOM APEC Trần Văn Lâm phát biểu."
    state = read_tagged(Document("d", text, "vi"), tag(text, backend=backend))
    for step in VIETNAMESE_STEPS[: VIETNAMESE_STEPS.index(split_name_runs) + 1]:
        step(state)
    names = [state.surface(i, j) for i, j in state.parts]
    assert "APEC" in names
    assert "Trần Văn Lâm" in names


def test_join_local_places_makes_a_place_of_a_commune_with_a_lower_case_tail() -> None:
    text = nfc("Tại huyện Mường Khương, xã Pha Long và Tả Ngài chồ có mưa.")
    state = _until(join_local_places, text)
    join_local_places(state)
    parts = [state.surface(i, j) for i, j in state.parts]
    assert "Tả Ngài chồ" in parts
    assert state.kinds[name_key("Tả Ngài chồ")] is Kind.PLACE


def test_emit_titles_gives_the_name_its_title() -> None:
    state = _until(emit_titles, SENTENCE)
    assert _new(emit_titles, state) == [("Phó Thủ tướng", Kind.TITLE, "")]
    assert list(state.titled.values()) == ["Phó Thủ tướng"]


def test_emit_names_emits_each_name_with_its_kind() -> None:
    state = _until(emit_names, SENTENCE)
    assert _new(emit_names, state) == [
        ("Lê Minh Khái", Kind.PERSON, "Phó Thủ tướng"),
        ("Hội An", Kind.PLACE, ""),
    ]


def test_add_terms_adds_terms_outside_the_names() -> None:
    path = SHARED / "corpus" / "parallel" / "000_ee629b6e4a47ac1f.vi.txt"
    if not path.exists():
        pytest.skip(f"{path} missing")
    text = nfc(path.read_text(encoding="utf-8"))
    state = _until(add_terms, text)
    names = {(m.start, m.end) for m in state.out}
    added = _new(add_terms, state)
    assert added
    assert {kind for _, kind, _ in added} == {Kind.TERM}
    assert not names & {(m.start, m.end) for m in state.out if m.kind is Kind.TERM}


def test_the_steps_make_vietnamese_mentions() -> None:
    found = vietnamese_mentions(Document("d", SENTENCE, "vi"))
    assert [(m.text, m.kind) for m in found] == [
        ("Phó Thủ tướng", Kind.TITLE),
        ("Lê Minh Khái", Kind.PERSON),
        ("UBND tỉnh Quảng Nam", Kind.ORG),
        ("Quảng Nam", Kind.PLACE),
        ("Hội An", Kind.PLACE),
    ]
    for step in VIETNAMESE_STEPS:
        assert docstring(step)
        assert f"test_{step.__name__}_" in "".join(globals())
