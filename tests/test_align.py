"""English↔Vietnamese term pairs from paragraph-aligned text."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.align import (
    Outcome,
    Segment,
    Word,
    dice,
    en_spans,
    paragraph_spans,
    paragraph_words,
    paragraphs,
    segment_pairs,
    vi_ngrams,
)
from glossary.align_service import align, read_pairs
from glossary.cli import main
from glossary.errors import InputError
from glossary.model import Concept, Kind, Term, TermStatus, TermType
from glossary.store import TermBase
from glossary.text import fold

PARALLEL = SHARED / "corpus" / "parallel"
NAMES = ("000_ee629b6e4a47ac1f", "001_a7af507576baeb51")
PERSONS = ("Phạm Minh Chính", "Anatoly Sivak", "Nguyễn Hồng Diên", "Roman Golovchenko")
PLACES = ("Việt Nam", "Belarus", "Hà Nội")

# Figures achieved on the README pairs (docs/readme/bilingual.md), per setting:
# each document alone, and both together. (precision, recall) floors.
FLOORS = {"000": (0.85, 0.85), "001": (1.0, 1.0), "both": (1.0, 1.0)}


def _files() -> list[tuple[str, str, str, str]]:
    if not PARALLEL.exists():
        pytest.skip(f"{PARALLEL} missing")
    out = []
    for name in NAMES:
        en, vi = SEEDS / f"{name}.txt", PARALLEL / f"{name}.vi.txt"
        out.append(
            (str(en), en.read_text(encoding="utf-8"), str(vi), vi.read_text("utf-8"))
        )
    return out


def _one_term_base(path: Path, english: str) -> None:
    """A term base at `path` holding one English term concept."""
    with TermBase(str(path)) as tb:
        term = Term(english, "en", TermStatus.PREFERRED)
        tb.add_concept(Concept(kind=Kind.TERM, terms=(term,)))


def readme_pairs() -> dict[str, str]:
    """The term pairs listed in the corpus README (English → Vietnamese)."""
    text = (SHARED / "corpus" / "README.md").read_text(encoding="utf-8")
    block = text[text.index("Useful term pairs") :]
    block = re.sub(r"\s+", " ", block[block.index(":") + 1 :])
    pairs = {}
    for item in block.split(";"):
        en, vi = item.split("↔")
        pairs[en.strip()] = vi.strip().rstrip(".")
    return pairs


def _termbase(path: Path) -> TermBase:
    tb = TermBase(str(path))
    for en in readme_pairs():
        kind = Kind.TITLE if "Minister" in en else Kind.TERM
        tb.add_concept(
            Concept(kind=kind, terms=(Term(en, "en", TermStatus.PREFERRED),))
        )
    for name in PERSONS:
        tb.add_concept(
            Concept(kind=Kind.PERSON, terms=(Term(name, "en", TermStatus.PREFERRED),))
        )
    for name in PLACES:
        tb.add_concept(
            Concept(kind=Kind.PLACE, terms=(Term(name, "en", TermStatus.PREFERRED),))
        )
    return tb


@pytest.fixture(scope="module")
def aligned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Outcome]]:
    """Both parallel pairs aligned once into a term base file."""
    path = tmp_path_factory.mktemp("align") / "tb.db"
    with _termbase(path) as tb:
        outcomes = align(tb, _files())
    return path, outcomes


def _scores(outcomes: list[Outcome], english: list[str]) -> tuple[float, float]:
    """Precision and recall of the top proposals against the README pairs.

    Only the pairs whose English side occurs in the aligned English text count.
    """
    gold = readme_pairs()
    occurring = [en for en in gold if any(en_spans(en, text) for text in english)]
    top = {o.proposal.english: o.proposal.vietnamese for o in outcomes}
    proposed = [en for en in occurring if en in top]
    correct = [en for en in proposed if fold(top[en]) == fold(gold[en])]
    return len(correct) / len(proposed), len(correct) / len(occurring)


def test_readme_pairs_are_read() -> None:
    gold = readme_pairs()
    assert len(gold) == 14
    assert gold["Eurasian Economic Union"] == "Liên minh Kinh tế Á - Âu"


@pytest.mark.parametrize("setting", ["000", "001", "both"])
def test_top_proposal_precision_and_recall(
    setting: str, aligned: tuple[Path, list[Outcome]], tmp_path: Path
) -> None:
    files = _files()
    if setting == "both":
        outcomes = aligned[1]
    else:
        files = [files[{"000": 0, "001": 1}[setting]]]
        with _termbase(tmp_path / "one.db") as tb:
            outcomes = align(tb, files, dry_run=True)
    precision, recall = _scores(outcomes, [en for _, en, _, _ in files])
    top = {o.proposal.english: o.proposal.vietnamese for o in outcomes}
    floor_p, floor_r = FLOORS[setting]
    assert precision >= floor_p, top
    assert recall >= floor_r, top


def test_names_align_by_identity(aligned: tuple[Path, list[Outcome]]) -> None:
    rules = {o.proposal.english: o.proposal for o in aligned[1]}
    for name in PERSONS + PLACES:
        assert rules[name].vietnamese == name
        assert rules[name].rule == "align:name"


def test_proposals_stored_with_evidence(aligned: tuple[Path, list[Outcome]]) -> None:
    with TermBase(str(aligned[0])) as tb:
        (concept,) = tb.find("digital transformation")
        vi = concept.preferred("vi")
        assert vi is not None
        assert vi.text == "chuyển đổi số"
        assert vi.status is TermStatus.PREFERRED
        (ev,) = vi.evidence
        assert ev.rule == "align:dice"
        assert "score=" in ev.detail
        assert "000_ee629b6e4a47ac1f.vi.txt#3" in ev.detail
        assert ev.document.endswith("000_ee629b6e4a47ac1f.vi.txt")
        text = Path(ev.document).read_text(encoding="utf-8")
        assert text[ev.start : ev.end] == "chuyển đổi số"  # first occurrence


def test_manual_vietnamese_term_is_kept(tmp_path: Path) -> None:
    with TermBase(str(tmp_path / "m.db")) as tb:
        cid = tb.add_concept(
            Concept(
                kind=Kind.TERM,
                terms=(
                    Term("clean energy", "en", TermStatus.PREFERRED),
                    Term(
                        "năng lượng xanh",
                        "vi",
                        TermStatus.PREFERRED,
                        TermType.FULL_FORM,
                        manual=True,
                    ),
                ),
            )
        )
        (outcome,) = align(tb, _files()[:1])
        assert outcome.action == "admitted"
        terms = {t.text: t for t in tb.concept(cid).terms if t.lang == "vi"}
        assert terms["năng lượng xanh"].status is TermStatus.PREFERRED
        assert terms["năng lượng xanh"].manual
        assert terms["năng lượng sạch"].status is TermStatus.ADMITTED
        # Aligning again adds evidence, not a second term.
        (again,) = align(tb, _files()[:1])
        assert again.action == "known"
        assert len([t for t in tb.concept(cid).terms if t.lang == "vi"]) == 2


def test_cli_align_prints_and_stores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.db"
    _one_term_base(db, "circular economy")
    (_, _, vi, _) = _files()[1]
    en = str(SEEDS / f"{NAMES[1]}.txt")
    assert main(["align", en, vi, "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert "circular economy → kinh tế tuần hoàn" in out.out
    assert "1 new Vietnamese terms stored" in out.err
    assert main(["align", en, vi, "--db", str(db), "--dry-run", "--json"]) == 0
    assert '"vietnamese": "kinh tế tuần hoàn"' in capsys.readouterr().out


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    en = SEEDS / f"{NAMES[0]}.txt"
    assert main(["align", str(en), "--db", str(tmp_path / "e.db")]) == 2
    assert "pairs of files" in capsys.readouterr().err
    vi = PARALLEL / f"{NAMES[0]}.vi.txt"
    assert main(["align", str(en), str(vi), "--db", str(tmp_path / "none.db")]) == 2
    assert "no term base here" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
    TermBase(str(tmp_path / "e.db")).close()
    short = tmp_path / "short.vi.txt"
    short.write_text("Một đoạn.\n\nHai đoạn.\n", encoding="utf-8")
    assert main(["align", str(en), str(short), "--db", str(tmp_path / "e.db")]) == 2
    err = capsys.readouterr().err
    assert "short.vi.txt" in err
    assert "paragraphs" in err
    # Swapped files, or English on the Vietnamese side, are refused.
    assert main(["align", str(vi), str(en), "--db", str(tmp_path / "e.db")]) == 2
    assert f"{vi}: this is Vietnamese" in capsys.readouterr().err
    assert main(["align", str(en), str(en), "--db", str(tmp_path / "e.db")]) == 2
    assert "does not look Vietnamese" in capsys.readouterr().err


def test_language_check_reads_a_sample_of_long_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long files are judged on a few windows, as the build does, not whole."""
    import glossary.text.tokens

    seen: list[int] = []
    detect = glossary.text.tokens.detect_language

    def recording(text: str) -> str:
        seen.append(len(text))
        return detect(text)

    monkeypatch.setattr(glossary.text.tokens, "detect_language", recording)
    en_text, vi_text = _files()[0][1], _files()[0][3]
    en, vi = tmp_path / "long.txt", tmp_path / "long.vi.txt"
    en.write_text("\n\n".join([en_text] * 20), encoding="utf-8")
    vi.write_text("\n\n".join([vi_text] * 20), encoding="utf-8")
    assert len(read_pairs([str(en), str(vi)])) == 1
    assert len(seen) == 2
    assert max(seen) < 13_000 < len(vi_text) * 20
    with pytest.raises(InputError, match="does not look Vietnamese"):
        read_pairs([str(en), str(en)])


def test_tm_units_add_parallel_segments(tmp_path: Path) -> None:
    from tm.model import Unit
    from tm.store import MemoryStore

    tm_path = tmp_path / "tm.db"
    with MemoryStore(tm_path) as store:
        store.add_units(
            [
                Unit("Renewable energy projects.", "Các dự án năng lượng tái tạo."),
                Unit("Invest in renewable energy.", "Đầu tư vào năng lượng tái tạo."),
                Unit("Clean water.", "Nước sạch."),
            ]
        )
    with TermBase(str(tmp_path / "t.db")) as tb:
        tb.add_concept(
            Concept(
                kind=Kind.TERM,
                terms=(Term("renewable energy", "en", TermStatus.PREFERRED),),
            )
        )
        outcomes = align(tb, _files()[:1], tm_path=str(tm_path), dry_run=True)
    (o,) = outcomes
    assert o.proposal.vietnamese == "năng lượng tái tạo"
    assert all(s.startswith("tm:") for s in o.proposal.segments)


def test_paragraph_pairs_and_mismatch() -> None:
    assert paragraphs("a\n\n\nb\n \nc\n") == ["a", "b", "c"]
    pairs = segment_pairs("d", "A.\n\nB.", "Ạ.\n\nBê.")
    assert [(e.id, e.text, v.text) for e, v in pairs] == [
        ("d#1", "A.", "Ạ."),
        ("d#2", "B.", "Bê."),
    ]
    with pytest.raises(ValueError, match="paragraphs"):
        segment_pairs("d", "A.\n\nB.", "Ạ.")


@given(st.text(alphabet="ab \n\t\r\x0b\u2028\u3000.", max_size=60))
@settings(max_examples=300, deadline=None)
def test_paragraph_spans_locate_the_paragraphs(text: str) -> None:
    spans = paragraph_spans(text)
    stripped = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    assert [text[a:b] for a, b in spans] == stripped == paragraphs(text)
    assert all(a < b <= c for (a, b), (c, _) in itertools.pairwise(spans))


@pytest.mark.parametrize("backend", ["underthesea", "pyvi"])
def test_paragraph_words_equal_tagging_each_paragraph(backend: str) -> None:
    """Tagging a document once gives each paragraph's own tags (align's reuse)."""
    from glossary.extract.vietnamese import tag

    vi = _files()[1][3]
    # Indented and trailing-space lines too: paragraphs are stripped.
    for text in (vi, "  " + vi.replace("\n\n", " \n  \n\n   ") + " \n"):
        whole = [Word(t.start, t.end, t.tag) for t in tag(text, backend=backend)]
        per_paragraph = [
            [Word(t.start, t.end, t.tag) for t in tag(p, backend=backend)]
            for p in paragraphs(text)
        ]
        got = paragraph_words(text, whole)
        assert got == per_paragraph
        assert sum(map(len, got)) == len(whole) > 300


def test_dice() -> None:
    assert dice(2, 2, 2) == 1.0
    assert dice(3, 1, 1) == 0.5
    assert dice(0, 0, 0) == 0.0


def test_en_spans_ignore_case_marks_and_possessive() -> None:
    text = "Việt Nam's PRIME minister met the Prime-Minister of Belarus."
    assert [text[a:b] for a, b in en_spans("Prime Minister", text)] == [
        "PRIME minister",
        "Prime-Minister",
    ]
    assert [text[a:b] for a, b in en_spans("Viet Nam", text)] == ["Việt Nam's"]
    assert en_spans("", text) == []


def test_vi_ngrams_skip_function_word_edges() -> None:
    seg = Segment("s#1", "các ngành bán dẫn, và trí tuệ")
    words = [
        Word(0, 3, "L"),
        Word(4, 9, "N"),
        Word(10, 17, "N"),
        Word(17, 18, "CH"),
        Word(19, 21, "C"),
        Word(22, 29, "N"),
    ]
    grams = {g for g, _, _ in vi_ngrams(seg, words)}
    assert "ngành bán dẫn" in grams
    assert "bán dẫn" in grams
    assert "trí tuệ" in grams
    assert not [g for g in grams if g.startswith(("các", "và")) or "," in g]


@pytest.mark.skipif(
    not Path("/usr/share/locale/vi/LC_MESSAGES").is_dir(), reason="no .mo catalogs"
)
def test_cli_mo_lexicon_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "mo.db"
    _one_term_base(db, "cloud computing")
    (_, _, vi, _) = _files()[1]
    en = str(SEEDS / f"{NAMES[1]}.txt")
    mo = tmp_path / "mo"  # a few real catalogs keep the test fast
    mo.mkdir()
    for name in ("adduser.mo", "Linux-PAM.mo", "at-spi2-core.mo"):
        src = Path("/usr/share/locale/vi/LC_MESSAGES") / name
        if src.exists():
            (mo / name).write_bytes(src.read_bytes())
    assert main(["align", en, vi, "--db", str(db), "--mo", str(mo), "--dry-run"]) == 0
    assert "cloud computing → điện toán đám mây" in capsys.readouterr().out
    assert main(["align", en, vi, "--db", str(db), "--mo", str(tmp_path / "no")]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_cli_tm_gets_aligned_paragraphs_and_term_pairs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from tm.cli import main as tm_main

    db, tm_db = tmp_path / "w.db", tmp_path / "new.tm.db"
    _one_term_base(db, "circular economy")
    en, _, vi, vi_text = _files()[1]
    args = ["align", en, vi, "--db", str(db), "--tm", str(tm_db)]
    assert main([*args, "--tm-read-only"]) == 2  # nothing to read yet
    assert "no such translation memory" in capsys.readouterr().err
    assert not tm_db.exists()
    assert main(args) == 0
    assert "11 new translation units" in capsys.readouterr().err  # 10 ¶ + 1 term
    query = paragraphs(Path(en).read_text(encoding="utf-8"))[4]
    assert tm_main(["--db", str(tm_db), "lookup", query, "--json"]) == 0
    (best, *_) = json.loads(capsys.readouterr().out)["matches"]
    assert best["score"] == 100
    assert best["target"] == " ".join(paragraphs(vi_text)[4].split())
    assert tm_main(["--db", str(tm_db), "lookup", "circular economy", "--json"]) == 0
    (best, *_) = json.loads(capsys.readouterr().out)["matches"]
    assert best["target"] == "kinh tế tuần hoàn"
    # Again: nothing new, and the memory's own copies are not counted twice.
    assert main(args) == 0
    out = capsys.readouterr()
    assert "0 new translation units" in out.err
    assert "circular economy → kinh tế tuần hoàn" in out.out
    assert main([*args[:-2], "--tm", str(tmp_path / "dry.db"), "--dry-run"]) == 0
    assert not (tmp_path / "dry.db").exists()


def test_vietnamese_only_concepts_merge_unless_reviewed(tmp_path: Path) -> None:
    from glossary.model import ConceptStatus

    with _termbase(tmp_path / "v.db") as tb:

        def vi_only(text: str, *, manual: bool = False) -> int:
            term = Term(
                text, "vi", TermStatus.PREFERRED, TermType.FULL_FORM, 3, manual=manual
            )
            return tb.add_concept(Concept(kind=Kind.TITLE, terms=(term,)))

        title = vi_only("Thủ tướng")
        rejected = vi_only("Phó Thủ tướng")
        tb.update_concept(rejected, status=ConceptStatus.REJECTED)
        edited = vi_only("Ủy ban liên Chính phủ", manual=True)
        outcomes = {o.proposal.english: o for o in align(tb, _files())}
        (pm,) = [c for c in tb.find("Prime Minister") if c.kind is Kind.TITLE]
        assert outcomes["Prime Minister"].merged == (title,)
        assert [c.id for c in tb.find("Thủ tướng")] == [pm.id]
        assert pm.status is ConceptStatus.CANDIDATE
        (vi,) = [t for t in pm.terms if t.lang == "vi"]
        assert vi.text == "Thủ tướng"
        assert vi.count >= 3  # the merged concept's occurrences are kept
        assert {e.rule for e in vi.evidence} == {"align:dice"}
        for kept in (rejected, edited):
            assert tb.concept(kept).id == kept
        assert outcomes["Deputy Prime Minister"].merged == ()
        assert outcomes["Intergovernmental Committee"].merged == ()


def test_title_next_to_the_same_name_on_both_sides() -> None:
    from glossary.align import Proposal, mention_kinds, mention_units, propose
    from glossary.extract.vietnamese import tag, vietnamese_mentions
    from glossary.model import Document

    (_, en, vi_path, vi) = _files()[0]
    en, vi = paragraphs(en)[0], paragraphs(vi)[0]  # one paragraph: Dice is 1 for all
    pairs = segment_pairs("p", en, vi)
    words = [[Word(t.start, t.end, t.tag) for t in tag(v.text)] for _, v in pairs]
    mentions = vietnamese_mentions(Document(vi_path, vi, "vi"))
    kinds = mention_kinds(mentions)
    assert kinds["thu tuong"] == {Kind.TITLE}
    assert kinds["pham minh chinh"] == {Kind.PERSON}
    title = {"Prime Minister": ["Prime Minister"]}
    name = {"Phạm Minh Chính": ["Phạm Minh Chính"]}
    units = mention_units(vi, mentions)
    labels = {"Prime Minister": Kind.TITLE, "Phạm Minh Chính": Kind.PERSON}

    def best(terms: dict[str, list[str]]) -> dict[str, Proposal]:
        return propose(terms, pairs, words, units=units, kinds=labels, unit_kinds=kinds)

    # Alone, "Phó Thủ tướng" (also a title, also in the paragraph) wins...
    assert best(title)["Prime Minister"].vietnamese != "Thủ tướng"
    # ...but with the name aligned, "Prime Minister Phạm Minh Chính" and
    # "Thủ tướng Phạm Minh Chính" share their right neighbour.
    both = best({**title, **name})
    assert both["Prime Minister"].vietnamese == "Thủ tướng"
    assert both["Phạm Minh Chính"].rule == "align:name"


def test_a_long_name_does_not_hide_the_short_one_inside(tmp_path: Path) -> None:
    long_name = (
        "Việt Nam-Belarus Intergovernmental Committee on Economic, Trade, "
        "and Scientific-Technical Cooperation"
    )
    with TermBase(str(tmp_path / "n.db")) as tb:
        for en in ("Intergovernmental Committee", long_name):
            term = Term(en, "en", TermStatus.PREFERRED)
            tb.add_concept(Concept(kind=Kind.ORG, terms=(term,)))
        outcomes = align(tb, _files()[1:], dry_run=True)
    best = {o.proposal.english: o.proposal.vietnamese for o in outcomes}
    # Too long to be aligned itself, so the committee's occurrence inside it
    # counts (and "Uỷ ban liên Chính phủ" stands in both paragraphs).
    assert best["Intergovernmental Committee"] == "Uỷ ban liên Chính phủ"


def test_tm_term_pairs_are_the_accepted_ones() -> None:
    from glossary.align import TERM_ORIGIN, Proposal, aligned_units

    def outcome(cid: int, en: str, vi: str, action: str) -> Outcome:
        return Outcome(cid, Proposal(en, vi, 0.5, "align:dice", ("d#1",)), action)

    outcomes = [
        outcome(1, "Prime Minister", "Thủ tướng", "known"),  # approved: written
        outcome(2, "Government", "Chính phủ", "known"),  # not approved
        outcome(3, "clean energy", "năng lượng sạch", "admitted"),
        outcome(4, "circular economy", "kinh tế tuần hoàn", "preferred"),
        outcome(5, "Minister", "Bộ trưởng", "known"),  # approved with another term
    ]
    approved = {1: "Thủ Tướng", 5: "Bộ trưởng Bộ Công Thương"}
    units = aligned_units(_files()[:1], outcomes, approved)
    terms = [(u.source, u.target) for u in units if u.origin == TERM_ORIGIN]
    assert terms == [
        ("Prime Minister", "Thủ Tướng"),  # the reviewer's spelling
        ("circular economy", "kinh tế tuần hoàn"),
    ]
    paragraphs_ = [u for u in units if u.origin != TERM_ORIGIN]
    assert len(paragraphs_) == 6
    assert paragraphs_[0].origin.endswith("000_ee629b6e4a47ac1f.txt#1")


def test_align_files_serves_a_library_without_the_cli(tmp_path: Path) -> None:
    from glossary.align_service import align_files, read_pairs
    from glossary.errors import InputError

    db, tm_db = tmp_path / "l.db", tmp_path / "l.tm.db"
    _one_term_base(db, "circular economy")
    en, _, vi, _ = _files()[1]
    with pytest.raises(InputError, match="this is Vietnamese"):
        read_pairs([vi, en])
    report = align_files(str(db), read_pairs([en, vi]), tm_path=str(tm_db))
    assert report.tm_written is not None
    assert (report.tm_written.read, report.tm_written.added) == (11, 11)
    (o,) = report.outcomes
    assert (o.proposal.vietnamese, o.action) == ("kinh tế tuần hoàn", "preferred")
