"""The library API: Glossary constructors, resolve, normalize, annotate, CLI."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import SAMPLE_CONCEPTS, SEEDS, fill_sample
from hypothesis import given
from hypothesis import strategies as st

from glossary import Glossary, fold, name_key
from glossary.api import Change, strip_marks
from glossary.cli import main
from glossary.errors import InputError, StoreError
from glossary.store import TermBase

SEED = (SEEDS / "000_ee629b6e4a47ac1f.txt").read_text(encoding="utf-8")
HANOI = {
    "kind": "place",
    "terms": [
        {"text": "Hà Nội", "lang": "vi", "status": "preferred"},
        {"text": "Hanoi", "lang": "en"},
    ],
}
GOVERNMENT = {
    "kind": "org",
    "terms": [
        {"text": "Chính phủ", "lang": "vi", "status": "preferred"},
        {"text": "Government", "lang": "en", "status": "preferred"},
    ],
}


@pytest.fixture
def g(sample_termbase: TermBase) -> Glossary:
    return Glossary(sample_termbase.concepts())


@pytest.mark.parametrize(
    "name", ["Pham Minh Chinh", "PM Chinh", "pham minh chinh", "PHẠM MINH CHÍNH"]
)
def test_normalize_name_person(g: Glossary, name: str) -> None:
    assert g.normalize_name(name) == "Phạm Minh Chính"


def test_normalize_name_place_and_unknown(g: Glossary) -> None:
    assert g.normalize_name("Hanoi") == "Hà Nội"
    assert g.normalize_name("Ha-Noi") == "Hà Nội"
    assert g.normalize_name("Hung Yen", "en-ascii") == "Hung Yen"
    assert g.normalize_name("Nguyễn Văn A") == "Nguyễn Văn A"
    assert g.normalize_name("Chinh") == "Chinh"  # ambiguous: left as it is


def test_resolve(g: Glossary) -> None:
    m = g.resolve("pm chinh")
    assert m is not None
    assert (m.preferred, m.alias, m.ambiguous) == ("Phạm Minh Chính", "PM Chính", False)
    assert m.concept.key == "person:phamminhchinh"
    amb = g.resolve("Chinh")
    assert amb is not None
    assert amb.ambiguous
    assert {c.key for c in amb.candidates} == {"person:phamminhchinh", "other:chinh"}
    assert g.resolve("Nobody Here") is None


def test_flagged_concept_alone_is_ambiguous() -> None:
    g = Glossary.from_records(
        [{"kind": "person", "flags": ["ambiguous"], "terms": [{"text": "Hùng"}]}]
    )
    m = g.resolve("Hung")
    assert m is not None
    assert m.ambiguous
    assert g.normalize_text("Hung said.") == (
        "Hung said.",
        [Change(0, 4, "Hung", "Hung", None, True, (1,))],
    )


def test_rejected_concepts_are_left_out(g: Glossary) -> None:
    assert g.resolve("circular economy") is None
    assert len(g) == len(SAMPLE_CONCEPTS) - 1


def test_normalize_text_targets(g: Glossary) -> None:
    text = "Pham Minh Chinh met Anatoly Sivak in Hanoi on digital transformation."
    assert g.normalize_text(text, "en-diacritics")[0] == (
        "Phạm Minh Chính met Anatoly Sivak in Hà Nội on digital transformation."
    )
    assert g.normalize_text(text, "vi")[0] == (
        "Phạm Minh Chính met Anatoly Sivak in Hà Nội on chuyển đổi số."
    )
    assert g.normalize_text(SEED[:240], "en-ascii")[0] == strip_marks(
        SEED[:240]
    ).replace("Viet Nam", "Việt Nam")


def test_normalize_text_keeps_case_possessive_punctuation(g: Glossary) -> None:
    new, changes = g.normalize_text("HANOI – pham minh chinh's visit (hanoi).")
    assert new == "HÀ NỘI – Phạm Minh Chính's visit (Hà Nội)."
    assert [(c.start, c.end, c.old, c.new) for c in changes] == [
        (0, 5, "HANOI", "HÀ NỘI"),
        (8, 23, "pham minh chinh", "Phạm Minh Chính"),
        (33, 38, "hanoi", "Hà Nội"),
    ]
    assert g.normalize_text("Digital transformation.", "vi")[0] == "Chuyển đổi số."


def test_short_forms_are_respelled_unless_expanded(g: Glossary) -> None:
    assert g.normalize_text("PM Chinh spoke.")[0] == "PM Chính spoke."
    assert g.normalize_text("Sivak and the FTA.")[0] == "Sivak and the FTA."
    expanded = g.normalize_text("Sivak and the FTA.", expand_short=True)[0]
    assert expanded == "Anatoly Sivak and the Free Trade Agreement."


def test_variant_made_of_some_full_words_is_not_expanded() -> None:
    committee = {
        "kind": "org",
        "terms": [
            {
                "text": "Việt Nam-Belarus Intergovernmental Committee",
                "status": "preferred",
                "type": "fullForm",
            },
            {"text": "Intergovernmental Committee"},
        ],
    }
    g = Glossary.from_records([committee, HANOI])
    text = "The Intergovernmental Committee met in Hanoi."
    assert g.normalize_text(text)[0] == "The Intergovernmental Committee met in Hà Nội."
    expanded = g.normalize_text(text, expand_short=True)[0]
    assert expanded.startswith("The Việt Nam-Belarus Intergovernmental Committee met")


def test_lowercase_common_word_is_not_capitalized() -> None:
    trade = {"kind": "org", "terms": [{"text": "Trade", "status": "preferred"}]}
    g = Glossary.from_records([trade, HANOI])
    text = "trade with hanoi; TRADE."
    assert g.normalize_text(text) == (
        "trade with Hà Nội; TRADE.",
        [Change(11, 16, "hanoi", "Hà Nội", 2)],
    )


def test_ambiguous_short_reference_is_reported_not_replaced(g: Glossary) -> None:
    text = "Chinh said Hanoi agreed."
    new, changes = g.normalize_text(text)
    assert new == "Chinh said Hà Nội agreed."
    assert changes[0].ambiguous
    assert changes[0].concept_id is None
    assert changes[0].old == changes[0].new == "Chinh"


def test_concepts_that_agree_are_not_ambiguous() -> None:
    dien = {
        "kind": "person",
        "terms": [
            {"text": "Nguyễn Hồng Diên", "lang": "vi", "status": "preferred"},
            {"text": "Diên", "lang": "en", "type": "shortForm"},
        ],
    }
    other = {
        "kind": "person",
        "terms": [
            {"text": "Trần Văn Diên", "lang": "vi", "status": "preferred"},
            {"text": "Dien", "lang": "en", "type": "shortForm"},
        ],
    }
    g = Glossary.from_records([dien, dien, other])
    assert g.normalize_name("Nguyen Hong Dien") == "Nguyễn Hồng Diên"
    new, changes = g.normalize_text("Minister Dien met Nguyen Hong Dien.")
    assert new == "Minister Diên met Nguyễn Hồng Diên."
    assert [c.concept_id for c in changes] == [1, 1]
    new, changes = g.normalize_text("Minister Dien.", expand_short=True)
    assert new == "Minister Dien."
    assert changes[0].ambiguous
    assert changes[0].candidates == (1, 2, 3)


def test_longer_term_wins_over_short_alias() -> None:
    person = {
        "kind": "person",
        "terms": [
            {"text": "Phạm Minh Chính", "lang": "vi", "status": "preferred"},
            {"text": "Chinh", "lang": "en", "type": "shortForm"},
        ],
    }
    g = Glossary.from_records([person, GOVERNMENT])
    text = "Chính phủ and Chinh. Chinh phu."
    spans = g.annotate(text)
    assert [(s.text, s.concept_ids) for s in spans] == [
        ("Chính phủ", (2,)),
        ("Chinh", (1,)),
        ("Chinh phu", (2,)),
    ]
    new, _ = g.normalize_text(text, "vi")
    assert new == "Chính phủ and Chính. Chính phủ."


def test_nfd_input_offsets_point_into_the_original(g: Glossary) -> None:
    nfd = unicodedata.normalize("NFD", SEED[:400])
    new, changes = g.normalize_text(nfd, "en-ascii")
    assert changes
    for c in changes:
        assert nfd[c.start : c.end] == c.old
    assert (
        unicodedata.normalize("NFC", new) == g.normalize_text(SEED[:400], "en-ascii")[0]
    )


def test_annotate_seed(g: Glossary) -> None:
    spans = g.annotate(SEED)
    texts = {s.text for s in spans}
    assert {"Phạm Minh Chính", "Anatoly Sivak", "HÀ NỘI", "PM Chính"} <= texts
    assert "Intergovernmental Committee" in texts
    for s in spans:
        assert SEED[s.start : s.end] == s.text


def test_open_reads_a_file_read_only(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    fill_sample(TermBase(path)).close()
    before = path.read_bytes()
    g = Glossary.open(path)
    assert g.normalize_name("Hanoi") == "Hà Nội"
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="no term base here"):
        Glossary.open(tmp_path / "missing.db")
    (tmp_path / "junk.db").write_text("not sqlite at all " * 100)
    with pytest.raises(StoreError):
        Glossary.open(tmp_path / "junk.db")


def test_from_tbx(tmp_path: Path, sample_termbase: TermBase) -> None:
    tbx = pytest.importorskip("glossary.formats.tbx")
    path = tmp_path / "sample.tbx"
    with path.open("wb") as f:
        tbx.dump(sample_termbase.concepts(), f)
    g = Glossary.from_tbx(path)
    assert g.normalize_name("pham minh chinh") == "Phạm Minh Chính"
    assert g.normalize_text("Hanoi")[0] == "Hà Nội"
    with pytest.raises(InputError):
        Glossary.from_tbx(tmp_path / "missing.tbx")


def test_from_records_numbers_and_validates() -> None:
    g = Glossary.from_records([HANOI, SAMPLE_CONCEPTS[1]])
    assert g.concept(1).label == "Hà Nội"
    assert g.normalize_text("Sivak in Hanoi")[0] == "Sivak in Hà Nội"
    with pytest.raises(InputError, match="record #1"):
        Glossary.from_records([{"kind": "planet", "terms": []}])


def test_shared_between_threads(g: Glossary) -> None:
    texts = [SEED[i : i + 500] for i in range(0, 4000, 250)]
    expected = [g.normalize_text(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(3):
            assert list(pool.map(g.normalize_text, texts)) == expected


def test_import_glossary_stays_light() -> None:
    code = (
        "import sys, glossary; from glossary import *;"
        "bad = [m for m in ('textual', 'underthesea') if m in sys.modules];"
        "print(','.join(bad) or 'ok')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "ok"


def test_top_level_exports() -> None:
    import glossary

    assert glossary.fold is fold
    assert glossary.name_key is name_key
    assert glossary.to_new_style("hòa") == "hoà"
    assert glossary.to_old_style("hoà") == "hòa"
    assert glossary.is_vietnamese_syllable("Chính")
    assert all(callable(getattr(glossary, name)) for name in glossary.__all__)


WORDS = st.sampled_from(["the", "minister", "said", "Belarus", "trade", "Việt", "Nam"])


@given(st.lists(st.tuples(WORDS, st.sampled_from([" ", ", ", ".\n"])), max_size=15))
def test_text_without_alias_is_unchanged(parts: list[tuple[str, str]]) -> None:
    g = Glossary.from_records([HANOI, GOVERNMENT])
    text = "".join(w + s for w, s in parts)
    assert g.normalize_text(text) == (text, [])


NAMES = st.sampled_from(["Hanoi", "HÀ NỘI", "Chính phủ", "chinh phu", "Hà Nội", "x"])


@given(st.lists(st.tuples(NAMES, st.sampled_from([" ", "'s ", ", "])), max_size=10))
def test_nfc_and_nfd_give_the_same_changes(parts: list[tuple[str, str]]) -> None:
    g = Glossary.from_records([HANOI, GOVERNMENT])
    text = "".join(w + s for w, s in parts)
    nfd = unicodedata.normalize("NFD", text)
    new_a, a = g.normalize_text(text, "vi")
    new_b, b = g.normalize_text(nfd, "vi")
    assert [(c.new, c.concept_id) for c in a] == [(c.new, c.concept_id) for c in b]
    assert [fold(c.old) for c in a] == [fold(c.old) for c in b]
    assert all(nfd[c.start : c.end] == c.old for c in b)
    assert unicodedata.normalize("NFC", new_b) == new_a


# -- the command ------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "sample.db"
    fill_sample(TermBase(path)).close()
    return str(path)


def test_cli_normalize_stdin(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Chinh met in Hanoi.\n"))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["normalize", "--db", db]) == 0
    out, err = capsys.readouterr()
    assert out == "Chinh met in Hà Nội.\n"
    assert err == "<stdin>:1: ambiguous 'Chinh' left as is (concepts 1, 10)\n"


def test_cli_normalize_diff_and_json(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "news.txt"
    src.write_text(SEED[:240], encoding="utf-8")
    assert (
        main(["normalize", str(src), "--db", db, "--target", "en-ascii", "--diff"]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith(f"--- {src}\n+++ {src} (normalized)\n")
    assert "+HA NOI – Việt Nam" in out
    assert "-HÀ NỘI – Việt Nam" in out
    assert main(["normalize", str(src), "--db", db, "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert changes == []  # the seed already writes every name correctly
    assert main(["normalize", str(src), "--db", db, "--json", "--target", "vi"]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert {(c["old"], c["new"]) for c in changes} == {("Prime Minister", "Thủ tướng")}


def test_cli_errors(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["normalize", str(tmp_path / "none.txt"), "--db", db]) == 2
    assert "none.txt" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff\n")
    assert main(["normalize", str(bad), "--db", db]) == 2
    assert capsys.readouterr().err == f"glossary: error: {bad}:2: not valid UTF-8\n"


NAME_CHARS = [*"aAzZ09 đĐăâêôơưÀÁẠẢÃàáạảãỳýỵỷỹ-.‐‑‒–—_&'’ß\tİ\u0301ǅΩ"]


@given(st.text(st.sampled_from(NAME_CHARS), max_size=16))
def test_name_key_shortcut_agrees_with_name_key(text: str) -> None:
    from glossary.api import _name_key
    from glossary.text.annotate import fold_key

    assert _name_key(text, fold_key(text)) == name_key(text)


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        g = Glossary.from_records([HANOI, GOVERNMENT])
        assert gc.isenabled() is enabled
        assert g.normalize_name("hanoi") == "Hà Nội"
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_concurrent_loads_leave_the_collector_as_it_was(enabled: bool) -> None:
    import gc
    import threading

    def load() -> None:
        for _ in range(30):
            Glossary.from_records([HANOI, GOVERNMENT])

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        threads = [threading.Thread(target=load) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_queries_never_touch_the_garbage_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    g = Glossary.from_records([HANOI, GOVERNMENT])

    def refuse() -> None:
        raise AssertionError("a query switched the host's collector off")

    monkeypatch.setattr(gc, "disable", refuse)
    monkeypatch.setattr(gc, "freeze", refuse)
    assert [s.text for s in g.annotate("HANOI và Hà Nội")] == ["HANOI", "Hà Nội"]
    assert g.normalize_text("Hanoi")[0] == "Hà Nội"


@given(st.text(st.sampled_from([*"aAzZ đĐẠạ1 .東ǅ\u0301"]), max_size=8))
def test_is_caps_shortcut_agrees_with_letter_scan(text: str) -> None:
    from glossary.api import _is_caps

    letters = [c for c in text if c.isalpha()]
    assert _is_caps(text) == (len(letters) > 1 and all(c.isupper() for c in letters))
