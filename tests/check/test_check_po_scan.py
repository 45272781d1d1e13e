"""The fast PO reader agrees with polib and rejects what msgfmt rejects."""

from __future__ import annotations

from collections.abc import Iterable

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.check.po_scan import (
    PoEntry,
    _scan_lines,
    quick_columns,
    scan,
    scan_columns,
)
from glossary.errors import InputError
from glossary.text import nfc

from .conftest import ROOT

_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    max_size=40,
)


def quick(text: str) -> list[PoEntry] | None:
    """The one-pass reader's entries, or None where it leaves the file to the
    line scanner."""
    columns = quick_columns(text.encode("utf-8"))
    return None if columns is None else columns.entries()


REAL = ROOT / "tests" / "data" / "check" / "real_features.po"


def polib_rows(po: Iterable[polib.POEntry]) -> list[tuple[object, ...]]:
    """What the reader gives of each entry, as polib has it (header left out)."""
    return [
        (
            e.msgctxt,
            e.msgid,
            e.msgid_plural,
            e.msgstr_plural.get(0, "") if e.msgid_plural else e.msgstr,
            e.fuzzy,
            bool(e.obsolete),
        )
        for e in po
    ]


def rows(entries: list[PoEntry]) -> list[tuple[object, ...]]:
    return [
        (e.msgctxt, e.msgid, e.msgid_plural or "", e.msgstr, e.fuzzy, e.obsolete)
        for e in entries
        if e.msgid or e.msgctxt is not None
    ]


def test_real_catalogue_entries_read_as_polib_reads_them() -> None:
    """Entries of the system's Vietnamese catalogues: msgctxt, plural forms
    (one with a second msgstr), escapes (tab, quote, backslash), wrapped
    strings, flags and a previous msgid, fuzzy and obsolete entries. With
    its obsolete entries the file goes to the line scanner, without them
    to the one-pass reader: both read what polib reads."""
    text = REAL.read_text("utf-8")
    assert rows(scan(text, "t.po")) == polib_rows(polib.pofile(text))
    current = text[: text.index("#~")].rstrip("\n") + "\n"
    assert quick(current) is not None
    assert rows(scan(current, "t.po")) == polib_rows(polib.pofile(current))
    assert [e.obsolete for e in scan(text, "t.po")].count(True) == 3
    assert [e.fuzzy for e in scan(current, "t.po")].count(True) == 4


_ENTRY = st.tuples(
    st.none() | _TEXT,  # msgctxt
    _TEXT.filter(bool),  # msgid
    st.none() | _TEXT.filter(bool),  # msgid_plural
    _TEXT,  # msgstr or msgstr[0]
    st.booleans(),  # fuzzy
    st.booleans(),  # obsolete
    st.sampled_from(["", "a note", "#: file.c:12"]),  # a comment
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ENTRY, max_size=6), st.sampled_from([0, 40, 78]))
def test_reads_generated_entries_as_polib_does(
    units: list[tuple[str | None, str, str | None, str, bool, bool, str]], wrap: int
) -> None:
    po = polib.POFile(wrapwidth=wrap)
    seen = set()
    for ctxt, msgid, plural, msgstr, fuzzy, obsolete, comment in units:
        if (ctxt, msgid) in seen:
            continue
        seen.add((ctxt, msgid))
        entry = polib.POEntry(msgctxt=ctxt, msgid=msgid, obsolete=obsolete)
        if plural is not None:
            entry.msgid_plural, entry.msgstr_plural = plural, {0: msgstr, 1: "x"}
        else:
            entry.msgstr = msgstr
        entry.flags = ["fuzzy"] if fuzzy else []
        entry.comment = comment
        po.append(entry)
    text = str(po)
    written = [e for e in po if not e.obsolete] + [e for e in po if e.obsolete]
    assert rows(scan(text, "t.po")) == polib_rows(written)  # obsolete ones last
    plain, normal = (scan_columns(text, "t.po", normalize=n) for n in (False, True))
    assert normal.msgctxts == [c if c is None else nfc(c) for c in plain.msgctxts]
    for field in ("msgids", "plurals", "msgstrs"):
        assert getattr(normal, field) == [nfc(v) for v in getattr(plain, field)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.none() | _TEXT, _TEXT.filter(bool), _TEXT), max_size=5))
def test_reads_what_polib_writes(units: list[tuple[str | None, str, str]]) -> None:
    po = polib.POFile(wrapwidth=78)
    seen = set()
    for ctxt, msgid, msgstr in units:
        if (ctxt, msgid) not in seen:
            seen.add((ctxt, msgid))
            po.append(polib.POEntry(msgctxt=ctxt, msgid=msgid, msgstr=msgstr))
    entries = [e for e in scan(str(po), "t.po") if e.msgid or e.msgctxt is not None]
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in entries] == [
        (e.msgctxt, e.msgid, e.msgstr) for e in po
    ]


def test_flags_plurals_obsolete_and_lines() -> None:
    text = (ROOT / "tests" / "data" / "check" / "name_variant.po").read_text("utf-8")
    entries = scan(text + '\n#~ msgid "old"\n#~ msgstr "cũ"\n', "t.po")
    assert [e.line for e in entries] == [1, 8, 13, 18, 23, 27, 30]
    assert [e.fuzzy for e in entries][4] is True
    assert entries[3].msgid_plural == "%d visits"
    assert entries[-1].obsolete


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('msgid "a"\nmsgstr "b\n', 2),
        ('msgid "a"\nmsgstr "b\\"\n', 2),
        ('msgid "a"\nmsgstr "b" x\n', 2),
        ('msgid "a"\nmsgtext "b"\n', 2),
        ('"orphan"\n', 1),
        ('msgid "a\\q"\nmsgstr ""\n', 1),
    ],
)
def test_bad_lines_are_input_errors_with_their_line(text: str, line: int) -> None:
    with pytest.raises(InputError) as err:
        scan(text, "t.po")
    assert err.value.line == line


_LINE = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00\n\r"),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(_LINE.map(lambda c: "#" + c), max_size=2),  # comments, flags
            st.none() | _TEXT,
            _TEXT,
            st.none() | _TEXT,  # a plural
            _TEXT,
            st.booleans(),  # fuzzy
        ),
        max_size=4,
    ),
    st.integers(20, 78),
    st.text(alphabet="\n", max_size=3),  # more blank lines, and before the first
)
def test_one_pass_reader_agrees_with_the_line_scanner(
    units: list[tuple[list[str], str | None, str, str | None, str, bool]],
    wrap: int,
    blank: str,
) -> None:
    po = polib.POFile(wrapwidth=wrap)
    for comments, ctxt, msgid, plural, msgstr, fuzzy in units:
        entry = polib.POEntry(msgctxt=ctxt, msgid=msgid, comment="\n".join(comments))
        if plural is not None:
            entry.msgid_plural, entry.msgstr_plural = plural, {0: msgstr, 1: "x"}
        else:
            entry.msgstr = msgstr
        entry.flags = ["fuzzy"] if fuzzy else []
        po.append(entry)
    text = blank + str(po).replace("\n\n", "\n\n" + blank)
    found = quick(text)
    if found is not None:
        assert found == _scan_lines(text, "t.po")


def test_one_pass_reader_reads_the_usual_layout() -> None:
    text = (ROOT / "tests" / "data" / "check" / "name_variant.po").read_text("utf-8")
    assert quick(text) == _scan_lines(text, "t.po")
    assert quick(text + '#~ msgid "old"\n') is None  # obsolete: line scanner


def test_text_between_entries_sends_the_file_to_the_line_scanner() -> None:
    good = 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n'
    assert [e.line for e in quick(good) or []] == [1, 4]
    spaced = (
        '\n\nmsgid "a"\nmsgstr[0] "b"\nmsgstr[1] ""\n"c"\n\n\n#\nmsgid "d"\nmsgstr "e"'
    )
    assert [e.line for e in quick(spaced) or []] == [3, 9]
    stray = 'msgid "a"\nmsgstr "b"\n\nstray\nmsgid "c"\nmsgstr "d"\n'
    assert quick(stray) is None
    with pytest.raises(InputError) as err:
        scan(stray, "t.po")
    assert err.value.line == 4


@pytest.mark.parametrize(
    "body",
    [r"bind \\C-x \"q\"\t\n\r", r"\a\b\f\v\'", r"\? and \\\\", "\x01\\\\\\n"],
)
def test_every_escape_reads_as_the_line_scanner_reads_it(body: str) -> None:
    text = f'msgid "{body}"\nmsgstr "{body}"\n'
    found = quick(text)
    assert found is not None
    assert found == _scan_lines(text, "t.po")


@given(st.text(alphabet="\\\"ntrabfv'?qC0x\x01", max_size=12))
def test_escapes_read_as_the_line_scanner_reads_them(body: str) -> None:
    text = f'msgid "{body}"\nmsgstr "a{body}"\n'
    found = quick(text)
    try:
        expected = _scan_lines(text, "t.po")
    except InputError:  # an unknown escape or a bare quote
        assert found is None
        return
    assert found is None or found == expected
