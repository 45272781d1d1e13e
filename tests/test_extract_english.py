"""English name extraction: titles, possessives, junk, kinds (seeds + small texts)."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.extract.english import english_mentions, is_vietnamese_name
from glossary.extract.name_runs import UPPER as _UPPER
from glossary.extract.name_runs import WordSpan, runs
from glossary.extract.name_runs import tokens as _tokens
from glossary.model import Document, Kind, Mention


def _m(text: str) -> list[Mention]:
    return english_mentions(Document("t.txt", text))


def _texts(text: str) -> list[str]:
    return [m.text for m in _m(text) if m.kind is not Kind.TITLE]


def test_title_split_off_and_emitted() -> None:
    ms = _m("Yesterday Prime Minister Phạm Minh Chính met Deputy PM Anatoly Sivak.")
    names = {m.text: m for m in ms if m.kind is not Kind.TITLE}
    assert names["Phạm Minh Chính"].title == "Prime Minister"
    assert names["Phạm Minh Chính"].kind is Kind.PERSON
    assert names["Anatoly Sivak"].title == "Deputy PM"
    titles = {m.text for m in ms if m.kind is Kind.TITLE}
    assert titles == {"Prime Minister", "Deputy PM"}


def test_offsets_point_at_the_name() -> None:
    text = "Talks with President Nguyen Phu Trong's guests."
    for m in _m(text):
        assert text[m.start : m.end] == m.text


def test_possessives_stripped() -> None:
    assert "Việt Nam" in _texts("He is Việt Nam's coach and Belarus’s friend.")
    assert "Belarus" in _texts("He is Việt Nam's coach and Belarus’s friend.")
    # ... but "People's Committee" keeps its apostrophe
    assert "People's Committee of Long An" in _texts(
        "A visit to the People's Committee of Long An on Monday."
    )


def test_sentence_initial_words_weekdays_months_are_not_names() -> None:
    text = (
        "Highlighting the ties, he spoke. Despite rain, they met. Notably, "
        "nothing changed. Meanwhile, on Wednesday 14 November the talks ended.\n"
        "Discussions went on. Hundreds came.\n"
        "Related News\n"
    )
    assert _texts(text) == []


def test_given_name_in_list_is_kept() -> None:
    names = _texts("Apart from Tien Linh, To Van Vu and Thai Son, few shone.")
    assert {"Tien Linh", "To Van Vu", "Thai Son"} <= set(names)


def test_dateline_is_a_place_not_joined_to_the_sentence() -> None:
    ms = _m("HÀ NỘI – Việt Nam always values its friendship with Belarus.")
    by_text = {m.text: m.kind for m in ms}
    assert by_text["HÀ NỘI"] is Kind.PLACE
    assert by_text["Việt Nam"] is Kind.PLACE


def test_org_with_connectors_and_commas() -> None:
    text = (
        "the Intergovernmental Committee on Economic, Trade, and "
        "Scientific-Technical Cooperation met the Ministry of Culture, "
        "Sports and Tourism."
    )
    names = {m.text: m.kind for m in _m(text)}
    assert (
        names[
            "Intergovernmental Committee on Economic, Trade, and "
            "Scientific-Technical Cooperation"
        ]
        is Kind.ORG
    )
    assert names["Ministry of Culture, Sports and Tourism"] is Kind.ORG


def test_title_of_org_person_split() -> None:
    ms = _m("with Chairman of the Presidential Office Le Khanh Hai and others")
    names = {m.text: m for m in ms}
    assert names["Presidential Office"].kind is Kind.ORG
    assert names["Le Khanh Hai"].kind is Kind.PERSON
    assert names["Le Khanh Hai"].title == "Chairman"


def test_patronymic_name_split_from_ministry() -> None:
    ms = _m("Belarus’s Minister of Home Affairs Kubrakov Ivan Vladimirovich came.")
    names = {m.text: m for m in ms}
    assert names["Kubrakov Ivan Vladimirovich"].kind is Kind.PERSON
    assert names["Belarus"].kind is Kind.PLACE


def test_admin_word_after_place() -> None:
    names = {
        m.text: m.kind for m in _m("They visited Hung Yen province and Vung Tau city.")
    }
    assert names["Hung Yen province"] is Kind.PLACE
    assert names["Vung Tau city"] is Kind.PLACE


def test_acronym_is_org() -> None:
    names = {m.text: m.kind for m in _m("the Vietnam Football Federation (VFF) said")}
    assert names["VFF"] is Kind.ORG
    assert names["Vietnam Football Federation"] is Kind.ORG


def test_vietnamese_name_shape() -> None:
    assert is_vietnamese_name(["Pham", "Minh", "Chinh"])
    assert is_vietnamese_name(["Phạm", "Minh", "Chính"])
    assert not is_vietnamese_name(["Anatoly", "Sivak"])
    assert not is_vietnamese_name(["Chinh"])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds missing")
def test_seeds_have_no_junk_and_find_the_people() -> None:
    found: set[str] = set()
    junk = {"Highlighting", "Despite", "Notably", "Meanwhile", "Related News"}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = Document(path.name, path.read_text(encoding="utf-8"))
        for m in english_mentions(doc):
            assert doc.text[m.start : m.end] == m.text
            assert not m.text.endswith(("'s", "’s"))
            assert m.text not in junk
            found.add(m.text)
    assert {"Phạm Minh Chính", "Anatoly Sivak", "Kubrakov Ivan Vladimirovich"} <= found
    assert {"Hà Nội", "HÀ NỘI", "Chính", "Sivak", "Kubrakov"} <= found


def test_title_of_portfolio_is_one_title_and_not_names() -> None:
    path = SEEDS / "002_31b43478074ef7e9.txt"
    if not path.is_file():
        pytest.skip("seeds missing")
    ms = english_mentions(Document(path.name, path.read_text(encoding="utf-8")))
    by_text = {m.text: m for m in ms}
    assert by_text["Minister of Home Affairs"].kind is Kind.TITLE
    assert by_text["Kubrakov Ivan Vladimirovich"].title == "Minister of Home Affairs"
    assert by_text["Speaker of the House of Representatives"].kind is Kind.TITLE
    assert by_text["Non-Aligned Movement"].kind is Kind.ORG
    for part in ("Home Affairs", "Speaker", "House", "Representatives"):
        assert part not in by_text
    # the country after "of" is not a portfolio
    assert by_text["Republic of Belarus"].kind is Kind.PLACE
    text = "Minister of Industry and Trade Nguyễn Hồng Diên met Minister of "
    text += "Public Security To Lam."
    ms = english_mentions(Document("a.txt", text))
    assert [(m.text, m.kind, m.title) for m in ms] == [
        ("Minister of Industry and Trade", Kind.TITLE, ""),
        ("Nguyễn Hồng Diên", Kind.PERSON, "Minister of Industry and Trade"),
        ("Minister of Public Security", Kind.TITLE, ""),
        ("To Lam", Kind.PERSON, "Minister of Public Security"),
    ]


def test_dateline_with_country_after_comma_is_a_place() -> None:
    text = "HANOI, Vietnam: A court in Vietnam on Thursday sentenced Truong My Lan."
    ms = english_mentions(Document("a.txt", text))
    assert (ms[0].text, ms[0].kind) == ("HANOI", Kind.PLACE)
    # an acronym in running text stays an organisation
    ms = english_mentions(Document("b.txt", "He met UNICEF, Vietnam said."))
    assert (ms[0].text, ms[0].kind) == ("UNICEF", Kind.ORG)


def test_title_complement_with_comma_list() -> None:
    text = "Minister of Culture, Sports and Tourism Nguyen Van Hung met "
    text += "Minister of Home Affairs, Vietnam and Laos officials."
    ms = english_mentions(Document("a.txt", text))
    got = [(m.text, m.kind) for m in ms]
    assert got[:2] == [
        ("Minister of Culture, Sports and Tourism", Kind.TITLE),
        ("Nguyen Van Hung", Kind.PERSON),
    ]
    assert ms[1].title == "Minister of Culture, Sports and Tourism"
    # a country after the comma ends the title
    assert ("Minister of Home Affairs", Kind.TITLE) in got
    assert ("Vietnam", Kind.PLACE) in got


def _kind_of(text: str, name: str) -> Kind | None:
    return next(m.kind for m in _m(text) if m.text == name)


def test_name_followed_by_its_country_is_a_place() -> None:
    text = "The final is at Bukit Jalil Stadium in Kuala Lumpur, Malaysia."
    assert _kind_of(text, "Kuala Lumpur") is Kind.PLACE
    # a country's possessive after a person does not make a place
    text = "The talks were led by Anatoly Sivak, Russia's envoy."
    assert _kind_of(text, "Anatoly Sivak") is Kind.PERSON


def test_acronym_word_and_fused_head_make_an_organisation() -> None:
    text = "The taxi firm Green SM and the developer Vingroup grew fast."
    assert _kind_of(text, "Green SM") is Kind.ORG
    assert _kind_of(text, "Vingroup") is Kind.ORG
    # a regnal number is not an acronym
    assert _kind_of("The visit of King Charles III ended.", "Charles III") in (
        Kind.PERSON,
        None,
    )


# Pieces that glue words together or keep them apart in every way `_WORD` cares.
_PIECES = (
    *("of", "on", "for", "and", "the", "off", "ofthe", "Theo", "o", "f"),
    *("A", "Bé", "Đ", "x", "1", "_", " ", "\n", "-", ".", "’", "'", "—"),
)
# The word pattern as first written, with its look-behinds in front.
_PLAIN_WORD = re.compile(
    rf"(?<![\w’'.])(?<!\w-)(?:[{_UPPER}][\w]*(?:[’'\-.][^\W_][\w]*)*"
    r"|(?:of|on|for|and|the)\b)"
)


def _plain_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _PLAIN_WORD.finditer(text)]


def _run_shapes(text: str, toks: list[WordSpan]) -> list[tuple[object, ...]]:
    return [(r.words, r.connector, r.comma, r.title_of) for r in runs(text, toks)]


def _check_tokens(text: str) -> list[WordSpan]:
    """`_tokens` is the plain pattern's capitalised words and the connectors
    runs need: every run is as over all the plain tokens."""
    toks = _tokens(text)
    plain = _plain_tokens(text)
    assert set(toks) <= set(plain)
    assert toks == sorted(toks)
    assert [t for t in toks if t[2][:1].isupper()] == [
        t for t in plain if t[2][:1].isupper()
    ]
    assert _run_shapes(text, toks) == _run_shapes(text, plain)
    return toks


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_PIECES),
        max_size=40,
    )
)
def test_tokens_match_the_plain_word_pattern(pieces: list[str]) -> None:
    _check_tokens("".join(pieces))


# Words and gaps that make and break runs in every way `runs` cares.
_RUN_WORDS = st.sampled_from(
    [
        *("of", "on", "for", "and", "the", "a"),
        *("Minister", "Ministry", "Deputy", "Prime", "Home", "Affairs", "Trade"),
        *("Culture", "Sports", "Tourism", "Committee", "People’s", "Republic"),
        *("Belarus", "Vietnamese", "Hà", "Nội", "Lê", "Văn", "Thành", "US", "Ms"),
    ]
)
_RUN_GAPS = st.sampled_from(
    [" ", " ", " ", ", ", "  ", " – ", " -", " - ", "\u00a0", " (", "-", ".", "("]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_RUN_WORDS, _RUN_GAPS), max_size=40))
def test_runs_over_tokens_are_runs_over_every_word(
    pairs: list[tuple[str, str]],
) -> None:
    _check_tokens("".join(w + g for w, g in pairs))


def test_tokens_match_the_plain_word_pattern_on_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        toks = _check_tokens(text)
        assert all(text[s:e] == w for s, e, w in toks)
        assert len(toks) > 40
    # connectors the runs need are kept; "of" after a lowercase word is not
    text = "Minister of Home Affairs, head of the office and Ministry of Trade"
    words = [w for _, _, w in _check_tokens(text)]
    assert words == ["Minister", "of", "Home", "Affairs", "Ministry", "of", "Trade"]


def test_mention_fields_are_in_the_order_the_extractors_build_them() -> None:
    # extract.py and terms.py build mentions with tuple.__new__, positionally
    from glossary.model import Mention

    assert Mention._fields == (
        "text",
        "document",
        "start",
        "end",
        "lang",
        "kind",
        "context",
        "title",
        "source",
        "score",
    )
