"""Clustering rules: aliases, preferred forms, evidence, flags, never weak merges."""

from __future__ import annotations

import dataclasses
import functools
import pickle
from dataclasses import replace

import pytest
from conftest import SEEDS, SHARED, english_concepts, owner_of

from glossary.cluster import (
    CorpusStream,
    DocClusters,
    Spilled,
    acronym_of,
    cluster,
    cluster_corpus,
    cluster_document,
    norm_key,
    tally,
)
from glossary.cluster.base import DocGroup, Group, freeze, thaw
from glossary.cluster.document import document_stage
from glossary.extract.english import english_mentions
from glossary.extract.vietnamese import vietnamese_mentions
from glossary.model import (
    Candidate,
    Concept,
    Document,
    Flag,
    Kind,
    Mention,
    Occurrence,
    TermStatus,
)
from glossary.names import places as restore


def _forms(c: Concept) -> set[str]:
    return {t.text for t in c.terms}


@pytest.fixture(scope="module")
def seeds() -> list[Concept]:
    if not SEEDS.is_dir():
        pytest.skip("seeds missing")
    docs = [
        (p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))
    ]
    return english_concepts(docs)


def test_pm_chinh_all_forms_one_person(seeds: list[Concept]) -> None:
    c = owner_of(seeds, "Phạm Minh Chính")
    assert c.kind is Kind.PERSON
    assert {"Pham Minh Chinh", "PM Chính", "Chính", "PM Chinh", "Chinh"} <= _forms(c)
    assert c.label == "Phạm Minh Chính"
    assert "role: Prime Minister" in c.note
    assert c.key == "person:phamminhchinh"


def test_foreign_person_by_surname(seeds: list[Concept]) -> None:
    c = owner_of(seeds, "Anatoly Sivak")
    assert {"Sivak", "Deputy PM Sivak"} <= _forms(c)
    k = owner_of(seeds, "Kubrakov Ivan Vladimirovich")
    assert {"Kubrakov", "Minister Kubrakov"} <= _forms(k)


def test_places_one_concept_with_diacritized_preferred(seeds: list[Concept]) -> None:
    hn = owner_of(seeds, "Hà Nội")
    assert {"HÀ NỘI", "Hanoi"} <= _forms(hn)
    assert hn.label == "Hà Nội"
    vn = owner_of(seeds, "Việt Nam")
    assert "Vietnam" in _forms(vn)
    assert vn.label == "Việt Nam"


def test_org_variants_and_short_form(seeds: list[Concept]) -> None:
    c = owner_of(seeds, "Intergovernmental Committee")
    assert (
        "Intergovernmental Committee on Economic-Trade and Scientific-Technical "
        "Cooperation" in _forms(c)
    )
    assert c.kind is Kind.ORG


def test_acronym_linked_by_initials_across_documents(seeds: list[Concept]) -> None:
    c = owner_of(seeds, "Vietnam News Agency")
    assert "VNA" in _forms(c)
    vna = next(t for t in c.terms if t.text == "VNA")
    assert any(e.rule.startswith("acronym") for e in vna.evidence)


def test_gazetteer_restoration_flagged(seeds: list[Concept]) -> None:
    c = owner_of(seeds, "Hung Yen province")
    assert c.label == "Hưng Yên"
    assert Flag.RESTORED in c.flags


def test_title_concepts(seeds: list[Concept]) -> None:
    pm = next(c for c in seeds if c.key == "title:primeminister")
    assert pm.kind is Kind.TITLE
    assert pm.label == "Prime Minister"
    assert "PM" in _forms(pm)


def test_every_term_has_evidence(seeds: list[Concept]) -> None:
    for c in seeds:
        for t in c.terms:
            assert t.evidence, (c.key, t.text)
        # one preferred term per language, at most, and at least one overall
        langs = [t.lang for t in c.terms if t.status is TermStatus.PREFERRED]
        assert langs, c.key
        assert len(langs) == len(set(langs)), (c.key, langs)


def test_vietnamese_names_have_a_preferred_vi_term(seeds: list[Concept]) -> None:
    for label in ("Phạm Minh Chính", "Hà Nội", "Nguyễn Hồng Diên"):
        c = owner_of(seeds, label)
        vi = c.preferred("vi")
        en = c.preferred("en")
        assert vi is not None
        assert (vi.lang, vi.is_preferred, vi.text) == ("vi", True, label)
        assert en is not None
        assert (en.is_preferred, en.text) == (True, label)
        assert c.label == label
    # not Vietnamese: no vi term is invented
    for label in ("Anatoly Sivak", "Belarus", "Eurasian Economic Union"):
        assert all(t.lang == "en" for t in owner_of(seeds, label).terms)
    # restored from the gazetteer: the vi form is the preferred one already
    hy = owner_of(seeds, "Hưng Yên")
    assert [t.text for t in hy.terms if t.lang == "vi" and t.is_preferred] == [
        "Hưng Yên"
    ]


def test_acronym_in_parentheses() -> None:
    cs = english_concepts(
        [("a.txt", "Vietnam has a deal with the Free Trade Agreement (FTA) group.")]
    )
    c = owner_of(cs, "FTA")
    assert "Free Trade Agreement" in _forms(c)


def test_ambiguous_given_name_links_to_neither() -> None:
    text = "Minister Trần Văn Sơn and Minister Bùi Thanh Sơn met. Later Sơn spoke."
    cs = english_concepts([("a.txt", text)])
    son = owner_of(cs, "Sơn")
    assert Flag.AMBIGUOUS in son.flags
    assert "Trần Văn Sơn" in son.note
    assert "Bùi Thanh Sơn" in son.note
    assert owner_of(cs, "Trần Văn Sơn") is not owner_of(cs, "Bùi Thanh Sơn")


def test_two_people_with_same_title_stay_apart() -> None:
    text = "Deputy PM Anatoly Sivak met Deputy PM Trần Hồng Hà in Hanoi."
    cs = english_concepts([("a.txt", text)])
    assert owner_of(cs, "Anatoly Sivak") is not owner_of(cs, "Trần Hồng Hà")


def test_same_acronym_two_orgs_in_two_documents() -> None:
    cs = english_concepts(
        [
            ("a.txt", "The Vietnam Football Federation (VFF) met. VFF said yes."),
            ("b.txt", "The Vietnam Fatherland Front (VFF) met. VFF said no."),
        ]
    )
    football = owner_of(cs, "Vietnam Football Federation")
    front = owner_of(cs, "Vietnam Fatherland Front")
    assert football is not front
    assert "VFF" in _forms(football)
    assert "VFF" in _forms(front)


def test_chinh_phu_is_not_the_person_chinh() -> None:
    text = "Thủ tướng Phạm Minh Chính chủ trì họp Chính phủ."
    start = text.index("Phạm")
    gov = text.index("Chính phủ")
    ms = [
        Mention(
            "Phạm Minh Chính",
            "v.txt",
            start,
            start + 15,
            "vi",
            Kind.PERSON,
            title="Thủ tướng",
        ),
        Mention("Chính phủ", "v.txt", gov, gov + 9, "vi", Kind.ORG),
    ]
    cs = [c.concept for c in cluster(ms)]
    assert owner_of(cs, "Chính phủ") is not owner_of(cs, "Phạm Minh Chính")
    assert owner_of(cs, "Chính phủ").kind is Kind.ORG


def test_short_name_not_linked_across_documents_without_title() -> None:
    cs = english_concepts(
        [
            ("a.txt", "President Nguyen Phu Trong came."),
            ("b.txt", "Yesterday, Trong left."),
        ]
    )
    assert owner_of(cs, "Trong") is not owner_of(cs, "Nguyen Phu Trong")


def test_terms_are_skipped_and_keys_stable() -> None:
    ms = english_mentions(
        Document("a.txt", "Prime Minister Phạm Minh Chính met PM Chính.")
    )
    ms.append(Mention("digital transformation", "a.txt", 0, 5, "en", Kind.TERM))
    first = cluster(ms)
    again = cluster(list(reversed(ms)))
    assert all(c.concept.kind is not Kind.TERM for c in first)
    assert sorted(c.concept.key for c in first) == sorted(c.concept.key for c in again)


def test_occurrences_keyed_by_form() -> None:
    ms = english_mentions(Document("a.txt", "PM Phạm Minh Chính met. Chính spoke."))
    cands: list[Candidate] = cluster(ms)
    person = next(c for c in cands if c.concept.kind is Kind.PERSON)
    occ = person.occurrences[("Chính", "en")]
    assert occ[0].document == "a.txt"
    assert occ[0].text == "Chính"


def test_norm_key_and_acronym() -> None:
    assert norm_key("Vinh Long Province", Kind.PLACE) == norm_key(
        "Vinh Long", Kind.PLACE
    )
    assert norm_key(
        "Economic, Trade, and Scientific-Technical Cooperation", Kind.ORG
    ) == norm_key("Economic-Trade and Scientific-Technical Cooperation", Kind.ORG)
    assert acronym_of("Vietnam News Agency") == "VNA"


def test_bare_short_name_joins_titled_short_name_in_document(
    seeds: list[Concept],
) -> None:
    # 003 says "PM Chinh" once and "Chinh said" three times, with no full name
    chinh = owner_of(seeds, "Phạm Minh Chính")
    spans = {
        (ev.document, ev.start)
        for t in chinh.terms
        if t.text == "Chinh"
        for ev in t.evidence
    }
    assert {(f"{p}", s) for p, s in spans} >= {
        ("003_e5431ae117869130.txt", 360),
        ("003_e5431ae117869130.txt", 1911),
    }
    # "Minister Kubrakov ... Kubrakov" and "Ambassador Ngu ... Ngu believed"
    for name in ("Kubrakov", "Ngu"):
        hits = [c for c in seeds if name in _forms(c)]
        assert len(hits) == 1, (name, [c.label for c in hits])
        assert hits[0].kind is Kind.PERSON
    assert not [c for c in seeds if c.label in ("Chinh", "Kubrakov")]


def test_bare_short_name_also_a_place_is_not_linked() -> None:
    text = (
        "Ambassador Hoa met the governor of Hoa province on Monday. "
        "Later, Hoa said the talks went well."
    )
    cs = english_concepts([("a.txt", text)])
    person = [c for c in cs if c.kind is Kind.PERSON and "Hoa" in _forms(c)]
    assert len(person) == 1
    assert (
        person[0].terms[0].count == 1
        or sum(t.count for t in person[0].terms if t.text == "Hoa") == 1
    )


def test_portfolio_and_plural_titles(seeds: list[Concept]) -> None:
    labels = {c.label: c for c in seeds}
    for title in (
        "Minister of Industry and Trade",
        "Minister of Home Affairs",
        "Minister of Public Security",
        "Speaker of the House of Representatives",
    ):
        assert labels[title].kind is Kind.TITLE
    for part in ("Home Affairs", "Public Security", "Industry", "Trade", "House"):
        assert part not in labels
    assert labels["Non-Aligned Movement"].kind is Kind.ORG
    # plurals are variants of the singular title
    dpm = owner_of(seeds, "Deputy Prime Ministers")
    assert dpm.label == "Deputy Prime Minister"
    assert "Deputy Prime Ministers" in _forms(dpm)
    assert owner_of(seeds, "Foreign Ministers").label == "Foreign Minister"
    # "Minister Kubrakov" in 003 is the Minister of Home Affairs of 002
    assert "Kubrakov" in _forms(owner_of(seeds, "Kubrakov Ivan Vladimirovich"))


def test_title_alias_occurrence_spans_title_and_name() -> None:
    path = SEEDS / "000_ee629b6e4a47ac1f.txt"
    if not path.is_file():
        pytest.skip("seeds missing")
    text = path.read_text(encoding="utf-8")
    cands = cluster(english_mentions(Document(path.name, text)))
    person = next(c for c in cands if c.concept.label == "Phạm Minh Chính")
    for (form, _lang), occs in person.occurrences.items():
        for o in occs:
            assert text[o.start : o.end] == form, (form, o.start, o.end)
    (alias,) = person.occurrences[("PM Chính", "en")]
    assert (alias.start, alias.end) == (288, 296)
    term = next(t for t in person.concept.terms if t.text == "PM Chính")
    assert (term.evidence[0].start, term.evidence[0].end) == (288, 296)


def test_company_name_after_vietnamese_category_words() -> None:
    from conftest import SHARED

    path = SHARED / "corpus" / "news-dev" / "vi_06.txt"
    if not path.is_file():
        pytest.skip("news-dev missing")

    ms = list(vietnamese_mentions(Document(path.name, path.read_text("utf-8"))))
    cs = [c.concept for c in cluster(ms)]
    c = owner_of(cs, "Hòa Phát")
    assert c.kind is Kind.ORG
    assert c.label == "Tập đoàn Hòa Phát"
    ev = next(t for t in c.terms if t.text == "Hòa Phát").evidence
    assert ev[0].rule == "org-short-form"


def test_no_alias_when_title_is_not_next_to_the_name() -> None:
    ctx = "The Chairman of the Office, Hai, spoke."
    far = Mention("Hai", "a.txt", 31, 34, "en", Kind.PERSON, ctx, "Chairman")
    ctx2 = "Then Chairman Hai left."
    near = Mention("Hai", "b.txt", 14, 17, "en", Kind.PERSON, ctx2, "Chairman")
    forms = {c.concept.key: _forms(c.concept) for c in cluster([far, near])}
    assert forms["person:hai@a.txt"] == {"Hai"}
    assert forms["person:hai@b.txt"] == {"Hai", "Chairman Hai"}


def test_player_of_place_named_club_is_the_club() -> None:
    from conftest import SHARED

    path = SHARED / "corpus" / "news-dev" / "en_01.txt"
    if not path.is_file():
        pytest.skip("news-dev missing")
    text = path.read_text("utf-8")
    cs = [c.concept for c in cluster(english_mentions(Document(path.name, text)))]
    club = owner_of(cs, "Hà Nội FC")
    assert club.kind is Kind.ORG
    # "defender Đỗ Duy Mạnh of Hà Nội": the club, with its evidence
    assert "Hà Nội" in _forms(club)
    ev = next(t for t in club.terms if t.text == "Hà Nội").evidence
    assert ev[0].rule == "club-of-player"
    # "Hà Nội Police FC" is another club, not the place and not Hà Nội FC
    assert owner_of(cs, "Hà Nội Police FC") is not club


def test_place_named_like_a_club_stays_a_place_without_a_player() -> None:
    text = "Fans of Hà Nội FC travelled from Hà Nội. Trần Văn An visited Hà Nội."
    cs = english_concepts([("a.txt", text)])
    place = owner_of(cs, "Hà Nội")
    assert place.kind is Kind.PLACE
    assert owner_of(cs, "Hà Nội FC") is not place


def test_district_and_ward_keep_their_vietnamese_category() -> None:
    text = (
        "Police in Hai Ba Trung district searched a house in Nguyen Du ward. "
        "Officials in Vinh Long Province agreed."
    )
    cs = english_concepts([("a.txt", text)])

    def vi_preferred(form: str) -> list[str]:
        c = owner_of(cs, form)
        return [t.text for t in c.terms if t.lang == "vi" and t.is_preferred]

    assert vi_preferred("Hai Ba Trung district") == ["quận Hai Bà Trưng"]
    assert vi_preferred("Nguyen Du ward") == ["phường Nguyễn Du"]
    # a province keeps its bare name
    assert "tỉnh Vĩnh Long" not in vi_preferred("Vinh Long Province")


@functools.cache
def _real_mentions() -> list[Mention]:
    """Mentions of seeds and news-dev, Vietnamese texts too."""
    paths = sorted(SEEDS.glob("*.txt"))
    paths += sorted((SHARED / "corpus" / "news-dev").glob("*.txt"))
    if not paths:
        pytest.skip("seeds and news-dev missing")
    ms: list[Mention] = []
    for p in paths:
        doc = Document(p.name, p.read_text(encoding="utf-8"))
        if not p.name.startswith("vi_"):
            ms.extend(english_mentions(doc))
        else:
            ms.extend(vietnamese_mentions(doc))
    return ms


def _canonical(cs: list[Candidate]) -> list[object]:
    # order matters everywhere, flags are a set
    return [
        (replace(c.concept, flags=frozenset()), sorted(c.concept.flags), c.occurrences)
        for c in cs
    ] + [[list(c.occurrences) for c in cs]]


def test_document_and_corpus_stages_compose_to_cluster() -> None:
    ms = _real_mentions()
    by_doc: dict[str, list[Mention]] = {}
    for m in ms:
        by_doc.setdefault(m.document, []).append(m)
    # the per-document stage runs in worker processes: through pickle
    docs = [
        pickle.loads(pickle.dumps(cluster_document(d, dm))) for d, dm in by_doc.items()
    ]
    assert all(isinstance(d, DocClusters) for d in docs)
    assert sum(len(d.groups) for d in docs) > 100
    assert any(d.titles for d in docs)
    assert _canonical(cluster_corpus(docs)) == _canonical(cluster(ms))
    # a stage's output is frozen: merging it twice gives the same result, and
    # the documents may come from a generator
    assert _canonical(cluster_corpus(d for d in docs)) == _canonical(cluster(ms))


def test_document_stage_ignores_other_documents() -> None:
    ms = _real_mentions()
    first = ms[0].document
    alone = [m for m in ms if m.document == first]
    assert cluster_document(first, alone) == cluster_document(
        first, [m for m in alone if m.kind is not Kind.TERM]
    )
    assert cluster_document(first, []) == DocClusters(first)


def test_document_clusters_survive_pickling_between_processes() -> None:
    ms = _real_mentions()
    by_doc: dict[str, list[Mention]] = {}
    for m in ms:
        by_doc.setdefault(m.document, []).append(m)
    docs = []
    for d, dm in by_doc.items():
        clusters = cluster_document(d, dm)
        back = pickle.loads(pickle.dumps(clusters))
        assert back == clusters
        docs.append(back)
    assert _canonical(cluster_corpus(docs)) == _canonical(cluster(ms))


def test_frozen_groups_have_every_field_of_a_group() -> None:
    # a field added to `Group` must be added to `DocGroup`, or it is lost
    # between the per-document and the corpus stage
    group = {f.name for f in dataclasses.fields(Group)}
    frozen = set(DocGroup._fields)
    # (a corpus-stage group's merge, tally, spilled sources and shelf are
    # its own)
    assert group - {"merged_into", "tally", "sources", "shelved"} == frozen


def test_frozen_groups_thaw_to_equal_groups() -> None:
    ms = _real_mentions()
    by_doc: dict[str, list[Mention]] = {}
    for m in ms:
        by_doc.setdefault(m.document, []).append(m)
    n = 0
    for d, dm in by_doc.items():
        groups, _ = document_stage(d, dm)
        for g in groups:
            assert thaw(freeze(g)) == g
            n += 1
    assert n > 300


EN_02 = (
    "Half a year ago Kim Sang-sik took charge of the Vietnamese team.\n\n"
    "Apart from a few such as Tien Linh, To Van Vu and Thai Son, most of the "
    "squad has been inconsistent. Up front, the in-form Van Quyet has retired "
    "from international football; Pham Tuan Hai has only just recovered."
)
VI_05 = (
    "HLV Kim Sang-sik chỉ triệu tập ba tiền đạo là Phạm Tuấn Hải, Nguyễn Tiến "
    "Linh và Phạm Gia Hưng."
)
VI_06 = (
    "Năm 2016, xét theo tài sản trên sàn chứng khoán Việt Nam, ông xếp thứ ba, "
    "chỉ sau Phạm Nhật Vượng và Trịnh Văn Quyết."
)


def _mixed(*docs: tuple[str, str]) -> list[Concept]:

    ms: list[Mention] = []
    for path, text in docs:
        doc = Document(path, text)
        ms.extend(
            vietnamese_mentions(doc) if path.startswith("vi") else english_mentions(doc)
        )
    return [c.concept for c in cluster(ms)]


def test_two_syllable_name_links_to_the_one_full_name_of_a_related_text() -> None:
    cs = _mixed(("en_02.txt", EN_02), ("vi_05.txt", VI_05), ("vi_06.txt", VI_06))
    linh = owner_of(cs, "Nguyễn Tiến Linh")
    assert "Tien Linh" in _forms(linh)  # both texts name Kim Sang-sik in full
    # the businessman of a page sharing no one with the football text is not
    # the footballer "Van Quyet"
    assert "Van Quyet" not in _forms(owner_of(cs, "Trịnh Văn Quyết"))


def test_two_syllable_name_with_two_full_names_stays_apart() -> None:
    other = VI_05.replace("Phạm Gia Hưng", "Trần Tiến Linh")
    cs = _mixed(("en_02.txt", EN_02), ("vi_05.txt", other))
    assert "Tien Linh" not in _forms(owner_of(cs, "Nguyễn Tiến Linh"))
    assert "Tien Linh" not in _forms(owner_of(cs, "Trần Tiến Linh"))


@pytest.mark.skipif(not restore.country_codes(), reason="iso-codes missing")
def test_country_full_name_prefers_the_usual_english_name() -> None:
    text = (
        "Investors came from Thailand, the Republic of Korea, Sweden, Singapore "
        "and Israel."
    )
    c = owner_of(english_concepts([("en_12.txt", text)]), "Republic of Korea")
    assert c.label == "South Korea"


EN_08 = (
    "QUẢNG NAM — The 6th Quảng Nam Heritage Festival opens on June 9 at Tam "
    "Thanh Beach, giving tourists a chance to explore the region.\n\nThe "
    "closing is set for 8pm on June 14 at the Hoài River square in Hội An City."
    "\n\nOn June 10-13, the first Ngọc Linh ginseng festival will take place at "
    "the foot of Ngọc Linh mountain in Nam Trà My district."
)


def test_vietnamese_feature_named_in_english_gets_its_vietnamese_name() -> None:
    cs = english_concepts([("en_08.txt", EN_08)])
    for written, vi in (
        ("Tam Thanh Beach", "bãi biển Tam Thanh"),
        ("Hoài River", "sông Hoài"),
        ("Ngọc Linh mountain", "núi Ngọc Linh"),
    ):
        c = owner_of(cs, written)
        assert c.label == written  # the English preferred term stays
        pref = c.preferred("vi")
        assert pref is not None
        assert pref.text == vi


def test_feature_without_marks_in_unmarked_text_is_not_respelled() -> None:
    text = "Tourists walked along the Hoai River at dusk and then ate at the pier."
    c = owner_of(english_concepts([("en.txt", text)]), "Hoai River")
    assert c.preferred("vi") is None  # "Hoai" may be Hoài or Hoãi: no guess
    text2 = "The Perfume River runs through the former capital."
    assert (
        owner_of(english_concepts([("en.txt", text2)]), "Perfume River").preferred("vi")
        is None
    )


def test_preferred_vietnamese_name_takes_the_common_tone_placement() -> None:

    text = "Bộ khung còn đón Doãn Ngọc Tân (Đông Á Thanh Hoá) trở lại."
    ms = vietnamese_mentions(Document("vi_05.txt", text))
    cs = [c.concept for c in cluster(ms)]
    club = owner_of(cs, "Đông Á Thanh Hoá")
    assert club.label == "Đông Á Thanh Hóa"
    assert {t.text for t in club.terms} >= {"Đông Á Thanh Hoá", "Đông Á Thanh Hóa"}


def test_preferred_english_name_has_the_plain_apostrophe() -> None:
    text = (
        "He held talks with leaders of the Lao People’s Revolutionary Party and "
        "the Lao State in Vientiane."
    )
    c = owner_of(
        english_concepts([("en_09.txt", text)]), "Lao People’s Revolutionary Party"
    )
    assert c.label == "Lao People's Revolutionary Party"


def test_outlet_site_and_prefecture_names() -> None:
    text = (
        "LONG AN (VTV.vn) - Long An hosted an investment promotion conference. "
        "Delegates from Ibaraki Prefecture and Okayama City attended, and Ibaraki "
        "signed a memorandum."
    )
    cs = english_concepts([("en_05.txt", text)])
    assert owner_of(cs, "VTV.vn").label == "VTV"
    assert owner_of(cs, "Ibaraki Prefecture").label == "Ibaraki Prefecture"


def test_a_body_is_not_a_short_form_of_its_office() -> None:
    text = (
        "The Government asked ministries to speed up public investment. The "
        "Government Office will report on the results each month."
    )
    cs = english_concepts([("en.txt", text)])
    assert owner_of(cs, "Government") is not owner_of(cs, "Government Office")


@pytest.mark.skipif(not restore.country_codes(), reason="iso-codes missing")
def test_foreign_feature_gets_no_vietnamese_name() -> None:
    text = "Việt Nam beat the hosts 2-1 at Hong Kong Stadium in Hà Nội's friendly."
    c = owner_of(english_concepts([("en.txt", text)]), "Hong Kong Stadium")
    assert c.preferred("vi") is None


def _by_document(ms: list[Mention]) -> dict[str, list[Mention]]:
    by_doc: dict[str, list[Mention]] = {}
    for m in ms:
        by_doc.setdefault(m.document, []).append(m)
    return by_doc


class _Shelf:
    """A `Shelf` in memory, pickling as the spill does."""

    def __init__(self) -> None:
        self.items: list[bytes] = []
        self.taken = 0

    def shelve(self, item: object) -> int:
        self.items.append(pickle.dumps(item))
        return len(self.items) - 1

    def unshelve(self, key: int) -> object:
        self.taken += 1
        return pickle.loads(self.items[key])


def test_corpus_stream_takes_a_document_as_its_stage_leaves_it() -> None:
    # add_document skips freezing the groups to thaw them again: the same
    # occurrences to spill, and the same candidates
    frozen, direct = CorpusStream(), CorpusStream()
    for d, ms in _by_document(_real_mentions()).items():
        assert direct.add_document(d, ms) == frozen.add(cluster_document(d, ms))
    (n, want), (m, got) = frozen.candidates(), direct.candidates()
    assert n == m > 0
    assert list(got) == list(want)


@pytest.mark.parametrize(
    ("kept", "shelved", "hold"),
    [(2, False, 0), (20, False, 0), (20, True, 0), (20, True, 1)],
)
def test_corpus_stream_makes_the_candidates_of_cluster_corpus(
    kept: int, shelved: bool, hold: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the streamed corpus stage keeps `kept` positions of each form: the
    # same candidates (their first `kept` evidences), and the spilled
    # occurrences mapped through each candidate's sources are its occurrences;
    # with a shelf, local short names past the first `hold` wait there, and
    # come back the same
    monkeypatch.setattr(tally, "KEPT_POSITIONS", kept)
    docs = [cluster_document(d, ms) for d, ms in _by_document(_real_mentions()).items()]
    expected = cluster_corpus(docs)
    shelf = _Shelf()
    stream = CorpusStream(shelf=shelf if shelved else None, hold=hold)
    spilled: dict[int, list[Spilled]] = {}
    for d in docs:
        for row in stream.add(d):
            spilled.setdefault(row[0], []).append(row)
    total, got = stream.candidates()
    pairs = list(got)
    assert total == len(pairs) == len(expected)
    trimmed = 0
    for want, (cand, sources) in zip(expected, pairs, strict=True):
        assert cand.occurrences == {}
        cut = tuple(replace(t, evidence=t.evidence[:kept]) for t in want.concept.terms)
        assert replace(cand.concept, terms=cut) == replace(want.concept, terms=cut)
        trimmed += sum(
            len(t.evidence) < len(w.evidence)
            for t, w in zip(cand.concept.terms, want.concept.terms, strict=True)
        )
        occs: dict[tuple[str, str], list[Occurrence]] = {}
        for gid in sources:
            for _, text, lang, m in spilled[gid]:
                occ = Occurrence(m.document, m.start, m.end, m.context, m.text)
                occs.setdefault((text, lang), []).append(occ)
        assert {k: sorted(v) for k, v in occs.items()} == {
            k: sorted(v) for k, v in want.occurrences.items()
        }
    if kept == 2:
        assert trimmed  # forms with more than 2 positions were cut
    if shelved:
        assert shelf.taken == len(shelf.items) > 0
        if hold:  # the first `hold` were kept whole, the rest shelved
            every = _Shelf()
            whole = CorpusStream(shelf=every)
            for d in docs:
                whole.add(d)
            assert len(shelf.items) == len(every.items) - hold
