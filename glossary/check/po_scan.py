"""A fast, strict reader of PO/POT text for checking: entries with their lines.

polib builds a full object per entry, wraps lines and keeps comments, which
costs more than all the checks together on a 100,000-unit catalogue; a
check needs only each entry's line, context, strings and flags. Anything
this reader does not understand is an `InputError` with its line, as
msgfmt would report it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import partial
from itertools import accumulate, chain, repeat
from operator import add, attrgetter, truth
from typing import NamedTuple, cast

from glossary.errors import InputError
from glossary.text import nfc

__all__ = ["Columns", "PoEntry", "quick_columns", "scan", "scan_columns"]

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "'": "'",
    "?": "?",
}


@dataclass(slots=True)
class PoEntry:
    """What a check needs of one PO entry."""

    line: int  # the entry's first line (a comment, or msgctxt/msgid)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: str = ""  # msgstr, or msgstr[0] of a plural entry
    fuzzy: bool = False
    obsolete: bool = False


def _unescape(body: str, path: str, line: int) -> str:
    if "\\" not in body:
        return body

    def one(m: re.Match[str]) -> str:
        try:
            return _ESCAPES[m.group(1)]
        except KeyError:
            raise InputError(
                f"PO syntax error: unknown escape \\{m.group(1)}", path, line
            ) from None

    return _ESCAPE.sub(one, body)


def _string(text: str, path: str, line: int) -> str:
    """The value of one quoted PO string (`text` is the line from its quote).

    The common case (no backslash, no inner quote) costs two slices; the
    rest goes through the full pattern, which also rejects a bad string.
    """
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        body = text[1:-1]
        if '"' not in body and "\\" not in body:
            return body
    m = _STRING.match(text)
    if m is None:
        raise InputError("PO syntax error: unterminated string", path, line)
    return _unescape(m.group(1), path, line)


_KEYWORDS = frozenset(["msgctxt", "msgid", "msgid_plural", "msgstr"])


def _keyword(line: str, path: str, number: int) -> tuple[str, str, str]:
    """(keyword, plural index or "", the rest from its quote) of a keyword line."""
    keyword, _, rest = line.partition(" ")
    index = ""
    if keyword.startswith("msgstr[") and keyword.endswith("]"):
        keyword, index = "msgstr", keyword[7:-1]
    if keyword not in _KEYWORDS or not rest.lstrip().startswith('"'):
        raise InputError(f"PO syntax error: {line[:30]!r}", path, number)
    return keyword, index, rest.strip()


# One entry as msgcat and polib write it: comments, keyword lines each
# starting at column 0, strings of one line each with no stray spaces. A file
# made only of these (and blank lines) is read by one regex pass (`_quick`);
# anything else (obsolete entries, odd spacing, CRLF, errors) goes through the
# line scanner. Possessive quantifiers: a string never gives back what it
# matched, which spares the regex engine its backtracking marks. The pass
# reads UTF-8 bytes: no byte of a multi-byte character is a quote, a
# backslash, a newline or NUL, and the regex engine reads bytes faster.
_S = rb'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'
_ENTRY = re.compile(
    rb"(?P<comments>(?:#(?:[^~\n][^\n]*)?\n)*)"
    rb"(?:msgctxt (?P<ctxt>" + _S + rb"(?:\n" + _S + rb")*)\n)?"
    rb"msgid (?P<id>" + _S + rb"(?:\n" + _S + rb")*)\n"
    rb"(?:msgid_plural (?P<plural>" + _S + rb"(?:\n" + _S + rb")*)\n)?"
    rb"msgstr(?:\[0\])? (?P<str>" + _S + rb"(?:\n" + _S + rb")*)"
    rb"(?P<more>(?:\nmsgstr\[[1-9]\d*\] " + _S + rb"(?:\n" + _S + rb")*)+)?"
    rb"(?:\n|\Z)"
)
_FUZZY = re.compile(rb"^#,[^\n]*fuzzy", re.M)
_BYTE_ESCAPE = re.compile(rb"\\(.)")
_OTHER_ESCAPE = re.compile(rb"\\[^ntr\"\\abfv']")
_BYTE_ESCAPES = {k.encode(): v.encode() for k, v in _ESCAPES.items()}
_SEP = "\x00"  # between the strings of one column: no PO text holds it


class Columns(NamedTuple):
    """A catalogue's entries as columns, one list per field, in file order.

    What `scan` gives as `PoEntry` objects, without building 100,000 of
    them: the reader of `glossary check` takes whole columns at once.
    """

    lines: list[int]
    msgctxts: list[str | None]
    msgids: list[str]
    plurals: list[str]
    msgstrs: list[str]
    fuzzy: list[bool]
    obsolete: list[bool]

    def entries(self) -> list[PoEntry]:
        return list(map(PoEntry, *self))


def _joined(column: Sequence[bytes | None]) -> bytes | None:
    """Raw quoted strings (`"a"`, `"a"\n"b"`, or None for none) as one bytes,
    None for none at all (see `_values`)."""
    if not any(column):
        return None
    present = cast(Sequence[bytes], column)
    return b"\x00".join(present if all(column) else [c or b'""' for c in column])


def _values(data: bytes | None, n: int, normalize: bool) -> list[str] | None:
    """The values of the `n` raw quoted strings `_joined` into `data`.

    The whole column is one string while the continuations are joined, the
    escapes replaced, the UTF-8 decoded and (with `normalize`) NFC applied:
    a few C passes instead of four calls per entry. None: an unknown escape
    or bytes that are not UTF-8 (the line scanner then names its line).
    """
    if data is None:
        return [""] * n
    if b"\n" in data:  # a raw newline: only between the strings of one value
        data = data.replace(b'"\n"', b"")
    if b"\\" in data:
        unescaped = _unescape_bytes(data)
        if unescaped is None:
            return None
        data = unescaped
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if normalize:  # per string: the separator is a starter nothing composes with
        text = nfc(text)
    # each separator stands between a closing and an opening quote; the first
    # and last quotes come off their strings (not off a copy of the column)
    values = text.split(f'"{_SEP}"')
    values[0] = values[0][1:]
    values[-1] = values[-1][:-1]
    return values


def _unescape_bytes(data: bytes) -> bytes | None:
    """`data` with its escapes replaced; None if one is unknown.

    Nearly always one pass of `codecs.escape_decode`. Otherwise escaped
    backslashes first stand aside as \\x01 (a run of backslashes pairs off
    from its start, as `replace` finds them); every backslash left then
    starts an escape, and the usual ones are each one `replace` of the bytes
    (faster than a regex calling back per escape), the rare ones one.
    """
    if _python_escapes_only(data):
        return codecs.escape_decode(data)[0]
    if b"\x01" in data:
        try:
            return _BYTE_ESCAPE.sub(_escaped, data)
        except KeyError:
            return None
    data = data.replace(b"\\\\", b"\x01")
    for escape in (b'\\"', b"\\n", b"\\t"):
        data = data.replace(escape, _BYTE_ESCAPES[escape[1:]])
    if b"\\" in data:
        try:
            data = _BYTE_ESCAPE.sub(_escaped, data)
        except KeyError:
            return None
    return data.replace(b"\x01", b"\\")


def _python_escapes_only(data: bytes) -> bool:
    """Whether every escape is one Python's bytes literals read as C does: then
    `codecs.escape_decode` replaces them all in one C pass, twenty times
    faster than the replaces of `_unescape_bytes` (\\? is C's alone; an
    octal or hex escape is no PO escape).

    A match of `_OTHER_ESCAPE` is an escape if the backslashes before it
    pair off (it is rare: "\\\\C-x" in a shell's help text).
    """
    for m in _OTHER_ESCAPE.finditer(data):
        start = before = m.start()
        while before and data[before - 1] == 0x5C:  # a backslash
            before -= 1
        if (start - before) % 2 == 0:
            return False
    return True


def _escaped(m: re.Match[bytes]) -> bytes:
    return _BYTE_ESCAPES[m.group(1)]


def quick_columns(data: bytes, *, normalize: bool = False) -> Columns | None:
    """The entries of a UTF-8 file in the usual layout, or None if it is not.

    `split` matches every entry in one C loop and gives the text between
    them and their groups in one flat list: every seventh item from the
    first is a gap (blank lines, in a file of this layout), from the second
    an entry's comments, and so on (see `_ENTRY`). Every byte outside the
    groups is an ASCII keyword or newline, so decoding the groups checks
    the whole file's UTF-8.
    """
    if b"\x00" in data:
        return None
    parts = _ENTRY.split(data)
    gaps = parts[::7]
    if len(parts) == 1 or b"".join(gaps).strip(b"\n"):
        return None  # no entry, or text no entry matched: the line scanner reads it
    comments, ctxts, ids, plurals, strs, more = (parts[i::7] for i in range(1, 7))
    if not _utf8(comments, more):
        return None
    n = len(ids)
    fuzzy = [False] * n
    if b"fuzzy" in data and (b"\n#," in data or data.startswith(b"#,")):
        fuzzy = list(map(truth, map(_FUZZY.search, comments)))
    # a msgctxt is never "" in the file (its quotes are there): "" is none
    has_context = list(map(truth, ctxts)) if b"msgctxt" in data else None
    strings = (ctxts, ids, plurals, strs)
    joined = list(map(_joined, strings))
    # raw newlines: only between the strings of a value that takes several lines
    several = [c for c, j in zip(strings, joined, strict=True) if j and b"\n" in j]
    sizes = _sizes(comments, (ctxts, plurals), several + ([more] if any(more) else []))
    # an entry starts after the blank lines before it and the entry before
    steps = map(add, map(len, gaps), chain((0,), sizes))
    lines = list(accumulate(steps, initial=1))[1 : n + 1]
    # the entries' raw strings go before their values come (a smaller peak):
    # each column is decoded from its joined copy, which then goes too
    del parts, gaps, comments, ctxts, ids, plurals, strs, more, strings, several
    values = [_values(joined.pop(0), n, normalize) for _ in range(4)]
    if None in values:
        return None
    ctxt_values, id_values, plural_values, str_values = cast(list[list[str]], values)
    msgctxts: list[str | None] = [None] * n
    if has_context is not None:
        msgctxts = [
            v if c else None for v, c in zip(ctxt_values, has_context, strict=True)
        ]
    return Columns(
        lines, msgctxts, id_values, plural_values, str_values, fuzzy, [False] * n
    )


def _utf8(*columns: list[bytes | None]) -> bool:
    """Whether the strings of the columns are UTF-8."""
    try:
        b"".join(filter(None, chain(*columns))).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _sizes(
    comments: list[bytes],
    optional: Sequence[list[bytes | None]],
    several_lines: Iterable[Sequence[bytes | None]],
) -> list[int]:
    """Each entry's number of lines, from the newlines of its groups.

    Its comment lines, the msgid and msgstr lines, a msgctxt and a
    msgid_plural line when it has them (the `optional` columns), and the
    further lines of strings in the columns that have some (`several_lines`).
    """
    sizes: Iterator[int] = map(
        add, map(bytes.count, comments, repeat(b"\n")), repeat(2)
    )
    for column in optional:
        if any(column):
            sizes = map(add, sizes, map(truth, column))
    for strings in several_lines:
        if None in strings:
            more: Iterable[int] = (c.count(b"\n") if c else 0 for c in strings)
        else:
            more = map(bytes.count, cast(Sequence[bytes], strings), repeat(b"\n"))
        sizes = map(add, sizes, more)
    return list(sizes)


def scan_columns(text: str, path: str, *, normalize: bool = False) -> Columns:
    """`scan`, as columns: the usual layout in one regex pass, the rest by line.

    Args:
        normalize: apply NFC to every string (what `glossary check` reads).

    Raises:
        InputError: a line that is no comment, keyword or string, with its number.
    """
    try:
        quick = quick_columns(text.encode("utf-8"), normalize=normalize)
    except UnicodeEncodeError:  # a lone surrogate: the line scanner says where
        quick = None
    if quick is not None:
        return quick
    entries = _scan_lines(text, path)
    if not entries:
        return Columns([], [], [], [], [], [], [])
    row = attrgetter(*(f.name for f in fields(PoEntry)))
    cols = Columns(*map(list, zip(*map(row, entries), strict=True)))
    if not normalize:
        return cols
    nfc_all = partial(map, nfc)
    return cols._replace(
        msgctxts=[None if c is None else nfc(c) for c in cols.msgctxts],
        msgids=list(nfc_all(cols.msgids)),
        plurals=list(nfc_all(cols.plurals)),
        msgstrs=list(nfc_all(cols.msgstrs)),
    )


def scan(text: str, path: str) -> list[PoEntry]:
    """The entries of PO text (the header entry included), in file order.

    Raises:
        InputError: a line that is no comment, keyword or string, with its number.
    """
    return scan_columns(text, path).entries()


def _scan_lines(text: str, path: str) -> list[PoEntry]:
    """`scan`, one line at a time."""
    entries: list[PoEntry] = []
    entry: PoEntry | None = None
    field = ""  # the keyword the next continuation string belongs to
    fresh = True  # a blank line or a new comment block starts a new entry
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            fresh, field = True, ""
            continue
        first = line[0]
        obsolete = first == "#" and line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            first = line[:1]
        elif first == "#":
            if fresh or entry is None or field:
                entry = PoEntry(number)
                entries.append(entry)
                fresh, field = False, ""
            if line.startswith("#,") and "fuzzy" in line:
                entry.fuzzy = True
            continue
        if first == '"':
            if entry is None or not field:
                raise InputError(
                    "PO syntax error: string without a keyword", path, number
                )
            _append(entry, field, _string(line, path, number))
            continue
        keyword, index, rest = _keyword(line, path, number)
        starts_entry = keyword in ("msgctxt", "msgid") and (
            entry is None or fresh or (field and not field.startswith("msgctxt"))
        )
        if starts_entry and not (keyword == "msgid" and field == "msgctxt"):
            entry = PoEntry(number)
            entries.append(entry)
        assert entry is not None
        entry.obsolete = entry.obsolete or obsolete
        fresh = False
        if keyword == "msgstr":
            field = "msgstr" if index in ("", "0") else "skip"
        else:
            field = keyword
        _append(entry, field, _string(rest, path, number))
    return entries


def _append(entry: PoEntry, field: str, value: str) -> None:
    if field == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + value
    elif field == "msgid":
        entry.msgid += value
    elif field == "msgid_plural":
        entry.msgid_plural += value
    elif field == "msgstr":
        entry.msgstr += value
