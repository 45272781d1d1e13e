"""Each clustering pass alone, on a small input of its own.

A test builds the state the passes before it leave (`_document_until`,
`_corpus_until`), runs the one pass and checks what it did: the groups it
joined and the evidence rule it recorded. The sentences are made up for
these tests, not taken from the corpora.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from glossary.cluster import (
    CORPUS_PASSES,
    DOCUMENT_PASSES,
    STAGES,
    check_pass_names,
    cluster,
    cluster_document,
)
from glossary.cluster.base import DocumentState, Group, thaw
from glossary.cluster.corpus import (
    CorpusState,
    join_state_names,
    join_untyped,
    link_acronyms_corpus,
    link_org_short_forms_corpus,
    link_sino_vietnamese_persons,
    link_titled_short_names,
    link_two_syllable_corpus,
    merge_same_names,
)
from glossary.cluster.document import (
    group_full_names,
    link_acronyms,
    link_parenthesis_aliases,
    link_short_names,
)
from glossary.cluster.document_bodies import (
    link_acronym_definitions,
    link_generic_bodies,
    link_parenthesis_names,
)
from glossary.cluster.document_links import (
    attach_provinces,
    link_club_names,
    link_club_places,
    link_org_short_forms,
    link_two_word_persons,
)
from glossary.cluster.document_places import (
    link_capital_mentions,
    link_country_short_names,
)
from glossary.cluster.real_names import link_real_names
from glossary.docstrings import docstring
from glossary.model import Flag, Kind, Mention, TermType

# A name in a sentence: (text, kind, title); the sentence is the context.
Name = tuple[str, Kind | None, str]


def _mentions(doc: str, sentence: str, *names: Name, lang: str = "en") -> list[Mention]:
    """Mentions of `names` in `sentence`, each at its next occurrence."""
    out, at = [], 0
    for text, kind, title in names:
        start = sentence.index(text, at)
        at = start + len(text)
        out.append(Mention(text, doc, start, at, lang, kind, sentence, title))
    return out


def _document_until(
    run: Callable[[DocumentState], None], ms: list[Mention]
) -> DocumentState:
    """The state the document passes before `run` leave for `ms`."""
    state = DocumentState(ms[0].document, sorted(ms, key=lambda m: m.start))
    for earlier in DOCUMENT_PASSES[: DOCUMENT_PASSES.index(run)]:
        earlier(state)
    return state


def _after(run: Callable[[DocumentState], None], ms: list[Mention]) -> DocumentState:
    """The document's state after `run` and the passes before it, over `ms`."""
    state = _document_until(run, ms)
    run(state)
    return state


def _live(groups: list[Group]) -> list[Group]:
    return [g for g in groups if g.merged_into is None and g.members]


def _group_of(groups: list[Group], text: str) -> Group:
    """The live group holding a mention written `text`."""
    (g,) = [g for g in _live(groups) if any(m.text == text for m, _, _ in g.members)]
    return g


def _rule_of(g: Group, text: str) -> tuple[TermType, str]:
    """The term type and evidence rule of the member written `text`."""
    return next((t, ev.rule) for m, t, ev in g.members if m.text == text)


PERSON, PLACE, ORG = Kind.PERSON, Kind.PLACE, Kind.ORG


# -- the document stage ---------------------------------------------------


def test_group_full_names_groups_full_names_by_key() -> None:
    s = "Trịnh Văn Lộc visited Cần Thơ City; Trinh Van Loc met the Lotus Council."
    ms = _mentions(
        "d",
        s,
        ("Trịnh Văn Lộc", PERSON, ""),
        ("Cần Thơ City", PLACE, ""),
        ("Trinh Van Loc", PERSON, ""),
        ("Lotus Council", ORG, ""),
    )
    state = _after(group_full_names, ms)
    person = _group_of(state.order, "Trịnh Văn Lộc")
    assert [m.text for m, _, _ in person.members] == ["Trịnh Văn Lộc", "Trinh Van Loc"]
    assert {ev.rule for _, _, ev in person.members} == {"same-name"}
    place = _group_of(state.order, "Cần Thơ City")
    assert [(x[0], x[3].rule) for x in place.extra] == [
        ("Cần Thơ", "administrative-word")
    ]
    assert len(_live(state.order)) == 3
    assert state.shorts == []
    assert state.acronyms == []


def test_group_full_names_leaves_short_names_and_acronyms() -> None:
    s = "Ông Lộc of the LC said Tien Dung agreed."
    ms = _mentions(
        "d", s, ("Lộc", PERSON, "Ông"), ("LC", ORG, ""), ("Tien Dung", None, "")
    )
    state = _after(group_full_names, ms)
    assert state.order == []
    assert [m.text for m in state.shorts] == ["Lộc", "Tien Dung"]
    assert [m.text for m in state.acronyms] == ["LC"]


def test_link_parenthesis_aliases_links_a_nickname_to_the_name_after_it() -> None:
    s = "Midfielder Pelezinho (Tran Quang Vinh) scored twice."
    ms = _mentions("d", s, ("Pelezinho", None, ""), ("Tran Quang Vinh", PERSON, ""))
    state = _after(link_parenthesis_aliases, ms)
    person = _group_of(state.order, "Tran Quang Vinh")
    assert _rule_of(person, "Pelezinho") == (TermType.VARIANT, "parenthesis")
    assert state.shorts == []


def test_link_short_names_links_a_given_name_to_its_full_name() -> None:
    s = "Lâm Thị Thu chairs the board, and Thu said sales rose."
    ms = _mentions("d", s, ("Lâm Thị Thu", PERSON, ""), ("Thu", PERSON, ""))
    state = _after(link_short_names, ms)
    person = _group_of(state.order, "Lâm Thị Thu")
    assert _rule_of(person, "Thu") == (TermType.SHORT_FORM, "given-name")


def test_link_short_names_flags_a_name_that_fits_two_persons() -> None:
    s = "Hà Văn Tâm and Lý Minh Tâm arrived; Tâm spoke first."
    ms = _mentions(
        "d",
        s,
        ("Hà Văn Tâm", PERSON, ""),
        ("Lý Minh Tâm", PERSON, ""),
        ("Tâm", PERSON, ""),
    )
    state = _after(link_short_names, ms)
    g = _group_of(state.order, "Tâm")
    assert Flag.AMBIGUOUS in g.flags
    assert g.notes == ["ambiguous: Hà Văn Tâm | Lý Minh Tâm"]
    assert _rule_of(g, "Tâm") == (TermType.SHORT_FORM, "ambiguous")


def test_link_short_names_takes_the_one_of_two_who_holds_its_title() -> None:
    s = "Thủ tướng Kenji Sato và phu nhân Emi Sato tới Huế; Thủ tướng Sato phát biểu."
    ms = _mentions(
        "d",
        s,
        ("Kenji Sato", PERSON, "Thủ tướng"),
        ("Emi Sato", PERSON, ""),
        ("Sato", PERSON, "Thủ tướng"),
        lang="vi",
    )
    state = _after(link_short_names, ms)
    pm = _group_of(state.order, "Kenji Sato")
    assert _rule_of(pm, "Sato") == (TermType.SHORT_FORM, "surname")


def test_link_acronyms_links_an_acronym_to_the_name_before_it() -> None:
    s = "The Mekong Rowing Federation (MRF) met; MRF voted."
    ms = _mentions(
        "d",
        s,
        ("Mekong Rowing Federation", ORG, ""),
        ("MRF", ORG, ""),
        ("MRF", ORG, ""),
    )
    state = _after(link_acronyms, ms)
    org = _group_of(state.order, "Mekong Rowing Federation")
    assert [(t, ev.rule) for m, t, ev in org.members if m.text == "MRF"] == [
        (TermType.ACRONYM, "acronym-parenthesis"),
        (TermType.ACRONYM, "acronym-initials"),
    ]


def test_link_acronyms_takes_an_acronym_that_spells_the_name_before_it() -> None:
    s = "Hải Phòng Television (HPTV) aired it; Thành Công Bình Dương (TCBD) won."
    ms = _mentions(
        "d",
        s,
        ("Hải Phòng Television", ORG, ""),
        ("HPTV", ORG, ""),
        ("Thành Công Bình Dương", PERSON, ""),
        ("TCBD", ORG, ""),
    )
    state = _after(link_acronyms, ms)
    tv = _group_of(state.order, "Hải Phòng Television")
    assert _rule_of(tv, "HPTV") == (TermType.ACRONYM, "acronym-parenthesis")
    club = _group_of(state.order, "Thành Công Bình Dương")
    assert club.kind is ORG  # a name defined by an acronym is a body
    assert _rule_of(club, "TCBD") == (TermType.ACRONYM, "acronym-parenthesis")


def test_link_acronym_definitions_adds_the_description_before_an_acronym() -> None:
    s = "Đoàn dự họp Liên minh các hãng hàng không giá rẻ (LCCA) tại Busan."
    ms = _mentions("d", s, ("LCCA", ORG, ""))
    state = _after(link_acronym_definitions, ms)
    (g,) = _live(state.order)
    (extra,) = g.extra
    assert extra[0] == "Liên minh các hãng hàng không giá rẻ"
    assert extra[2] is TermType.VARIANT
    assert extra[3].rule == "acronym-definition"
    assert s[extra[4].start : extra[4].end] == extra[0]


def test_link_org_short_forms_joins_an_acronym_the_name_adds_heads_to() -> None:
    s = "The KLF Group grew; KLF hired, and KLF Hynix Group did not."
    ms = _mentions(
        "d", s, ("KLF Group", ORG, ""), ("KLF", ORG, ""), ("KLF Hynix Group", ORG, "")
    )
    state = _after(link_org_short_forms, ms)
    org = _group_of(state.order, "KLF Group")
    assert _rule_of(org, "KLF") == (TermType.SHORT_FORM, "org-short-form")
    assert len(_group_of(state.order, "KLF Hynix Group").members) == 1


def test_link_org_short_forms_joins_a_short_form_to_the_long_name() -> None:
    s = "Hoa Sen Logistics Group grew; Hoa Sen Logistics hired."
    ms = _mentions(
        "d", s, ("Hoa Sen Logistics Group", ORG, ""), ("Hoa Sen Logistics", ORG, "")
    )
    state = _document_until(link_org_short_forms, ms)
    assert len(_live(state.order)) == 2
    link_org_short_forms(state)
    org = _group_of(state.order, "Hoa Sen Logistics Group")
    assert _rule_of(org, "Hoa Sen Logistics") == (TermType.SHORT_FORM, "org-short-form")


def test_a_bare_name_a_place_adds_a_head_noun_to_joins_the_place() -> None:
    s = "Boats moor below Lang Vong Bridge; Lang Vong grew rich on trade."
    ms = _mentions("d", s, ("Lang Vong Bridge", PLACE, ""), ("Lang Vong", PERSON, ""))
    state = _after(link_org_short_forms, ms)
    place = _group_of(state.order, "Lang Vong Bridge")
    assert _rule_of(place, "Lang Vong") == (TermType.SHORT_FORM, "org-short-form")


def test_a_bare_name_of_two_places_becomes_a_place() -> None:
    s = "Khe Lim Falls feed Khe Lim Lake; Khe Lim draws hikers."
    ms = _mentions(
        "d",
        s,
        ("Khe Lim Falls", PLACE, ""),
        ("Khe Lim Lake", PLACE, ""),
        ("Khe Lim", PERSON, ""),
    )
    state = _after(link_org_short_forms, ms)
    assert _group_of(state.order, "Khe Lim").kind is PLACE


def test_link_org_short_forms_gives_a_bare_name_to_the_settlement() -> None:
    s = "Na Ri village sits below Na Ri waterfall; Na Ri draws hikers."
    ms = _mentions(
        "d",
        s,
        ("Na Ri village", PLACE, ""),
        ("Na Ri waterfall", PLACE, ""),
        ("Na Ri", PERSON, ""),
    )
    state = _after(link_org_short_forms, ms)
    village = _group_of(state.order, "Na Ri village")
    assert _rule_of(village, "Na Ri") == (TermType.SHORT_FORM, "org-short-form")


def test_a_titled_name_stays_a_person_beside_its_namesake_street() -> None:
    s = "Traffic jams Tran Hung Street; Mr. Tran Hung complained."
    ms = _mentions(
        "d", s, ("Tran Hung Street", PLACE, ""), ("Tran Hung", PERSON, "Mr.")
    )
    state = _after(link_org_short_forms, ms)
    assert _group_of(state.order, "Tran Hung").kind is PERSON


def test_link_capital_mentions_gives_a_bare_name_to_the_capital() -> None:
    s = "Ha Tinh City flooded. Ha Tinh's shops shut. Ha Tinh lost the province's rice."
    ms = _mentions(
        "d",
        s,
        ("Ha Tinh City", PLACE, ""),
        ("Ha Tinh", PLACE, ""),
        ("Ha Tinh", PLACE, ""),
    )
    ms = [m._replace(context=m.context.split(". ")[i]) for i, m in enumerate(ms)]
    state = _after(link_capital_mentions, ms)
    city = _group_of(state.order, "Ha Tinh City")
    assert [(m.start, ev.rule) for m, _, ev in city.members][1:] == [
        (22, "capital-of-document")
    ]
    province = next(g for g in _live(state.order) if g is not city)
    assert [m.start for m, _, _ in province.members] == [44]


def test_link_capital_mentions_leaves_the_province_written_with_its_unit() -> None:
    s = "Ha Tinh City and Ha Tinh Province; Ha Tinh's markets shut."
    ms = _mentions(
        "d",
        s,
        ("Ha Tinh City", PLACE, ""),
        ("Ha Tinh Province", PLACE, ""),
        ("Ha Tinh", PLACE, ""),
    )
    state = _after(link_capital_mentions, ms)
    city = _group_of(state.order, "Ha Tinh City")
    assert len(city.members) == 1


def test_link_generic_bodies_joins_the_body_of_the_place_named_before() -> None:
    s = (
        "Đoàn tỉnh Nghệ An do Bí thư Tỉnh ủy dẫn đầu; đoàn tỉnh Xiêng Khoảng do "
        "Bí thư Tỉnh ủy dẫn đầu. Tỉnh ủy Nghệ An và Tỉnh ủy Xiêng Khoảng ký."
    )
    ms = _mentions(
        "d",
        s,
        ("Nghệ An", PLACE, ""),
        ("Tỉnh ủy", ORG, ""),
        ("Xiêng Khoảng", PLACE, ""),
        ("Tỉnh ủy", ORG, ""),
        ("Tỉnh ủy Nghệ An", ORG, ""),
        ("Tỉnh ủy Xiêng Khoảng", ORG, ""),
        lang="vi",
    )
    ms = [m._replace(context=s.split(". ")[m.start > 90]) for m in ms]
    state = _after(link_generic_bodies, ms)
    first, second = s.index("Tỉnh ủy"), s.index("Tỉnh ủy", s.index("Xiêng"))
    for name, at in (("Tỉnh ủy Nghệ An", first), ("Tỉnh ủy Xiêng Khoảng", second)):
        g = _group_of(state.order, name)
        assert [(m.start, ev.rule) for m, _, ev in g.members][1:] == [
            (at, "generic-body")
        ]


def test_link_generic_bodies_joins_a_level_word_to_the_named_body() -> None:
    s = (
        "The Hue city People's Committee and the Phu Vang district People's "
        "Committee met in Hue and Phu Vang district; the municipal People's "
        "Committee paid. The Department "
        "of Health and the municipal Department of Health agreed."
    )
    ms = _mentions(
        "d",
        s,
        ("Hue city People's Committee", ORG, ""),
        ("Phu Vang district People's Committee", ORG, ""),
        ("Hue", PLACE, ""),
        ("Phu Vang district", PLACE, ""),
        ("municipal People's Committee", ORG, ""),
        ("Department of Health", ORG, ""),
        ("municipal Department of Health", ORG, ""),
    )
    state = _after(link_generic_bodies, ms)
    hue = _group_of(state.order, "Hue city People's Committee")
    assert _rule_of(hue, "municipal People's Committee")[1] == "generic-body"
    health = _group_of(state.order, "municipal Department of Health")
    assert _rule_of(health, "Department of Health")[1] == "generic-body"


def test_link_country_short_names_joins_the_one_country_it_ends() -> None:
    s = "Flights to South Korea rose; Korea welcomed them, and Sudan too."
    ms = _mentions(
        "d",
        s,
        ("South Korea", PLACE, ""),
        ("Korea", PLACE, ""),
        ("Sudan", PLACE, ""),
    )
    state = _after(link_country_short_names, ms)
    korea = _group_of(state.order, "South Korea")
    assert _rule_of(korea, "Korea") == (TermType.SHORT_FORM, "country-short-name")
    assert len(_live(state.order)) == 2


def test_link_parenthesis_names_joins_a_bodys_other_name() -> None:
    s = (
        "Công ty Sông Lam (nay là Lam Hồng) vay vốn của Ngân hàng Bắc Á "
        "(Nghệ An) và Đại học Đông Á (Mỹ)."
    )
    ms = _mentions(
        "d",
        s,
        ("Công ty Sông Lam", ORG, ""),
        ("Lam Hồng", None, ""),
        ("Ngân hàng Bắc Á", ORG, ""),
        ("Nghệ An", PLACE, ""),
        ("Đại học Đông Á", ORG, ""),
        ("Mỹ", PLACE, ""),
        lang="vi",
    )
    state = _after(link_parenthesis_names, ms)
    g = _group_of(state.order, "Công ty Sông Lam")
    assert _rule_of(g, "Lam Hồng") == (TermType.VARIANT, "parenthesis-name")
    assert len(_group_of(state.order, "Ngân hàng Bắc Á").members) == 1
    assert len(_group_of(state.order, "Đại học Đông Á").members) == 1


def test_link_two_word_persons_joins_an_initialled_name() -> None:
    s = "Daniel Kenneth Whitlock spoke; later Daniel K.Whitlock left."
    ms = _mentions(
        "d",
        s,
        ("Daniel Kenneth Whitlock", PERSON, ""),
        ("Daniel K.Whitlock", PERSON, ""),
    )
    state = _document_until(link_two_word_persons, ms)
    assert len(_live(state.order)) == 2
    link_two_word_persons(state)
    person = _group_of(state.order, "Daniel Kenneth Whitlock")
    assert _rule_of(person, "Daniel K.Whitlock") == (TermType.SHORT_FORM, "given-name")


def test_link_club_places_moves_a_players_place_to_the_club() -> None:
    s = "Winger Đào Văn Nam of Bình Dương scored for Bình Dương FC."
    ms = _mentions(
        "d",
        s,
        ("Đào Văn Nam", PERSON, ""),
        ("Bình Dương", PLACE, ""),
        ("Bình Dương FC", ORG, ""),
    )
    state = _after(link_club_places, ms)
    club = _group_of(state.order, "Bình Dương FC")
    assert _rule_of(club, "Bình Dương") == (TermType.SHORT_FORM, "club-of-player")


def test_link_club_names_joins_a_club_named_by_its_place() -> None:
    s = "Sông Lam Nghệ An won at home; Nghệ An now lead the table."
    ms = _mentions("d", s, ("Sông Lam Nghệ An", ORG, ""), ("Nghệ An", ORG, ""))
    state = _document_until(link_club_names, ms)
    assert len(_live(state.order)) == 2
    link_club_names(state)
    club = _group_of(state.order, "Sông Lam Nghệ An")
    assert _rule_of(club, "Nghệ An") == (TermType.SHORT_FORM, "club-place-name")


def test_attach_provinces_gives_a_body_its_province() -> None:
    s = "Sở Tài chính của tỉnh Bến Tre công bố ngân sách."
    ms = _mentions("d", s, ("Sở Tài chính", ORG, ""), lang="vi")
    state = _after(attach_provinces, ms)
    (body,) = _live(state.order)
    assert body.vi_name == "Sở Tài chính tỉnh Bến Tre"
    assert body.key != _document_until(attach_provinces, ms).order[0].key


# -- the corpus stage -----------------------------------------------------


def _corpus_until(
    run: Callable[[CorpusState], None], *docs: Sequence[Mention]
) -> CorpusState:
    """The state the corpus passes before `run` leave for documents `docs`."""
    groups = [
        thaw(g)
        for ms in docs
        for g in cluster_document(ms[0].document, list(ms)).groups
    ]
    state = CorpusState(groups)
    for earlier in CORPUS_PASSES[: CORPUS_PASSES.index(run)]:
        earlier(state)
    return state


def test_link_real_names_joins_a_legal_name_to_the_stage_name() -> None:
    ms = _mentions(
        "d",
        "Ít ai biết Sơn Tùng tên thật là Nguyễn Thanh Tùng.",
        ("Sơn Tùng", None, ""),
        ("Nguyễn Thanh Tùng", PERSON, ""),
        lang="vi",
    )
    state = _after(link_real_names, ms)
    g = _group_of(state.order, "Sơn Tùng")
    assert g.kind is PERSON
    assert _rule_of(g, "Nguyễn Thanh Tùng") == (TermType.VARIANT, "real-name")


def test_link_real_names_takes_a_described_performer_as_the_last_named() -> None:
    first = "Khán giả biết Hồ Ngọc Hà qua nhiều sân khấu."
    second = "Tên khai sinh của nữ ca sĩ là Hồ Ngọc Hải."
    s = f"{first} {second}"
    ms = _mentions(
        "d", s, ("Hồ Ngọc Hà", PERSON, ""), ("Hồ Ngọc Hải", PERSON, ""), lang="vi"
    )
    ms = [ms[0]._replace(context=first), ms[1]._replace(context=second)]
    state = _after(link_real_names, ms)
    g = _group_of(state.order, "Hồ Ngọc Hà")
    assert _rule_of(g, "Hồ Ngọc Hải") == (TermType.VARIANT, "real-name")


def test_merge_same_names_merges_a_name_across_documents() -> None:
    a = _mentions("a", "Phan Thu Hà opened the fair.", ("Phan Thu Hà", PERSON, ""))
    b = _mentions("b", "Visitors thanked Phan Thu Hà.", ("Phan Thu Hà", PERSON, ""))
    state = _corpus_until(merge_same_names, a, b)
    merge_same_names(state)
    (g,) = _live(state.groups)
    assert [ev.rule for _, _, ev in g.members] == ["same-name", "same-name-corpus"]


def test_join_untyped_joins_an_untyped_form_to_its_typed_concept() -> None:
    a = _mentions(
        "a",
        "The Ben Nghe Port Authority fined them.",
        ("Ben Nghe Port Authority", ORG, ""),
    )
    b = _mentions(
        "b",
        "Ben Nghe Port Authority staff agreed.",
        ("Ben Nghe Port Authority", None, ""),
    )
    state = _corpus_until(join_untyped, a, b)
    assert len(_live(state.groups)) == 2
    join_untyped(state)
    (g,) = _live(state.groups)
    assert g.kind is ORG
    assert [ev.rule for _, _, ev in g.members][-1] == "same-name-typed"


def test_join_state_names_leaves_a_bare_national_body_apart() -> None:
    # "Politburo" in a Vietnamese story and "Bộ Chính trị" in one about China
    # are two countries' bodies: a bare national name says no country
    a = _mentions("a", "The Politburo met on Monday.", ("Politburo", ORG, ""))
    b = _mentions(
        "b",
        "Bộ Chính trị Trung Quốc họp hôm qua.",
        ("Bộ Chính trị", ORG, ""),
        lang="vi",
    )
    state = _corpus_until(join_state_names, a, b)
    join_state_names(state)
    assert len(_live(state.groups)) == 2


def test_join_state_names_joins_a_named_government_to_its_vietnamese_name() -> None:
    a = _mentions(
        "a", "The Japanese Government sent aid.", ("Japanese Government", ORG, "")
    )
    b = _mentions(
        "b",
        "Chính phủ Nhật Bản đã gửi hàng viện trợ.",
        ("Chính phủ Nhật Bản", ORG, ""),
        lang="vi",
    )
    state = _corpus_until(join_state_names, a, b)
    assert len(_live(state.groups)) == 2
    join_state_names(state)
    (g,) = _live(state.groups)
    assert _rule_of(g, "Chính phủ Nhật Bản") == (TermType.FULL_FORM, "same-state-name")


def test_join_state_names_joins_two_english_forms_of_a_named_body() -> None:
    a = _mentions(
        "a",
        "The Quang Nam People's Committee opened a road.",
        ("Quang Nam People's Committee", ORG, ""),
    )
    b = _mentions(
        "b",
        "A letter went to the People's Committee of Quang Nam Province.",
        ("People's Committee of Quang Nam Province", ORG, ""),
    )
    state = _corpus_until(join_state_names, a, b)
    join_state_names(state)
    (g,) = _live(state.groups)
    assert {ev.rule for _, _, ev in g.members} == {"same-name", "same-state-name"}


def test_join_state_names_leaves_generic_local_bodies_apart() -> None:
    a = _mentions(
        "a",
        "The provincial People's Committee met.",
        ("provincial People's Committee", ORG, ""),
    )
    b = _mentions(
        "b",
        "Ủy ban nhân dân tỉnh đã họp.",
        ("Ủy ban nhân dân tỉnh", ORG, ""),
        lang="vi",
    )
    state = _corpus_until(join_state_names, a, b)
    join_state_names(state)
    assert len(_live(state.groups)) == 2


def test_link_titled_short_names_links_a_titled_surname_across_documents() -> None:
    a = _mentions(
        "a", "Governor Ông Văn Khải spoke.", ("Ông Văn Khải", PERSON, "Governor")
    )
    b = _mentions("b", "Governor Khải left early.", ("Khải", PERSON, "Governor"))
    state = _corpus_until(link_titled_short_names, a, b)
    link_titled_short_names(state)
    (g,) = _live(state.groups)
    assert _rule_of(g, "Khải") == (TermType.FULL_FORM, "short-name+title-corpus")


def test_link_sino_vietnamese_persons_joins_the_pinyin_name() -> None:
    a = _mentions(
        "a",
        "Ông Vương Nghị đến Hà Nội.",
        ("Vương Nghị", PERSON, ""),
        lang="vi",
    )
    b = _mentions("b", "Foreign Minister Wang Yi arrived.", ("Wang Yi", PERSON, ""))
    state = _corpus_until(link_sino_vietnamese_persons, a, b)
    assert len(_live(state.groups)) == 2
    link_sino_vietnamese_persons(state)
    g = _group_of(state.groups, "Vương Nghị")
    assert _rule_of(g, "Wang Yi")[1] == "sino-vietnamese"


def test_link_two_syllable_corpus_links_middle_and_given_name() -> None:
    a = _mentions(
        "a",
        "Đinh Công Toàn and Võ Minh Triết trained.",
        ("Đinh Công Toàn", PERSON, ""),
        ("Võ Minh Triết", PERSON, ""),
    )
    b = _mentions(
        "b",
        "Công Toàn passed to Võ Minh Triết.",
        ("Công Toàn", None, ""),
        ("Võ Minh Triết", PERSON, ""),
    )
    state = _corpus_until(link_two_syllable_corpus, a, b)
    link_two_syllable_corpus(state)
    g = _group_of(state.groups, "Đinh Công Toàn")
    assert _rule_of(g, "Công Toàn") == (TermType.SHORT_FORM, "given-name-corpus")


def test_link_acronyms_corpus_links_an_acronym_to_the_name_it_spells() -> None:
    a = _mentions("a", "The Delta Ferry Board met.", ("Delta Ferry Board", ORG, ""))
    b = _mentions("b", "DFB raised fares.", ("DFB", ORG, ""))
    state = _corpus_until(link_acronyms_corpus, a, b)
    assert len(_live(state.groups)) == 2
    link_acronyms_corpus(state)
    g = _group_of(state.groups, "Delta Ferry Board")
    assert _rule_of(g, "DFB") == (TermType.ACRONYM, "acronym-initials-corpus")


def test_link_org_short_forms_corpus_links_a_short_org_name() -> None:
    a = _mentions(
        "a",
        "The Coastal Rowing Committee of Vietnam met.",
        ("Coastal Rowing Committee of Vietnam", ORG, ""),
    )
    b = _mentions(
        "b",
        "The Coastal Rowing Committee agreed.",
        ("Coastal Rowing Committee", ORG, ""),
    )
    state = _corpus_until(link_org_short_forms_corpus, a, b)
    assert len(_live(state.groups)) == 2
    link_org_short_forms_corpus(state)
    g = _group_of(state.groups, "Coastal Rowing Committee of Vietnam")
    assert _rule_of(g, "Coastal Rowing Committee")[1] == "org-short-form-corpus"


# -- the stages as lists ----------------------------------------------------


def test_every_pass_is_public_documented_and_tested_here() -> None:
    here = globals()
    for passes in STAGES.values():
        for run in passes:
            assert not run.__name__.startswith("_")
            assert docstring(run).strip().splitlines()[0].endswith(".")
            assert any(name.startswith(f"test_{run.__name__}_") for name in here), (
                run.__name__
            )


def test_disable_switches_a_pass_off_by_name() -> None:
    s = "Lâm Thị Thu chairs the board, and Thu said sales rose."
    ms = _mentions("d", s, ("Lâm Thị Thu", PERSON, ""), ("Thu", PERSON, ""))
    (with_pass,) = cluster(ms)
    (without,) = cluster(ms, disable={"link_short_names"})
    assert "Thu" in {t.text for t in with_pass.concept.terms}
    assert "Thu" not in {t.text for t in without.concept.terms}


def test_unknown_pass_names_are_refused() -> None:
    assert check_pass_names(["join_untyped"]) == {"join_untyped"}
    with pytest.raises(ValueError, match="no pass named link_everything"):
        check_pass_names(["join_untyped", "link_everything"])
    with pytest.raises(ValueError, match="no pass named"):
        cluster_document("d", [], disable=("typo",))
