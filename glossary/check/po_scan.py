"""A fast, strict reader of PO/POT text for checking: entries with their lines.

polib builds a full object per entry, wraps lines and keeps comments, which
costs more than all the checks together on a 100,000-unit catalogue; a
check needs only each entry's line, context, strings and flags. Anything
this reader does not understand is an `InputError` with its line, as
msgfmt would report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from glossary.errors import InputError

__all__ = ["PoEntry", "scan"]

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
# made only of these is read by one regex pass (`_quick`); anything else
# (obsolete entries, odd spacing, CRLF, errors) goes through the line scanner.
_S = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
_ENTRY = re.compile(
    r"(?P<comments>(?:#(?:[^~\n][^\n]*)?\n)*)"
    rf"(?:msgctxt (?P<ctxt>{_S}(?:\n{_S})*)\n)?"
    rf"msgid (?P<id>{_S}(?:\n{_S})*)\n"
    rf"(?:msgid_plural (?P<plural>{_S}(?:\n{_S})*)\n)?"
    rf"(?:msgstr (?P<str>{_S}(?:\n{_S})*)|msgstr\[0\] (?P<str0>{_S}(?:\n{_S})*))"
    rf"(?:\nmsgstr\[[1-9]\d*\] {_S}(?:\n{_S})*)*"
    r"(?:\n|\Z)\n*"
)
_WHOLE_ENTRY = re.compile(f"({_ENTRY.pattern})")
_FUZZY = re.compile(r"^#,[^\n]*fuzzy", re.M)
_PIECE = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')


def _value(strings: str, path: str, line: int) -> str:
    if "\\" not in strings and "\n" not in strings:
        return strings[1:-1]  # one string without escapes: most of them
    return "".join(_unescape(b, path, line) for b in _PIECE.findall(strings))


def _quick(text: str, path: str) -> list[PoEntry] | None:
    """The entries of a file in the usual layout, or None if it is not.

    `findall` matches every entry in one C loop; the entries cover the text
    without a gap exactly when their lengths add up to it (a gap is text no
    entry pattern matched: the line scanner then reads the file).
    """
    pos = len(text) - len(text.lstrip("\n"))
    found = _WHOLE_ENTRY.findall(text, pos)
    if sum(len(f[0]) for f in found) != len(text) - pos:
        return None
    lines = accumulate((f[0].count("\n") for f in found), initial=1 + pos)
    # findall gives "" for a group that did not match; a string is never ""
    return [
        PoEntry(
            line,
            _value(ctxt, path, line) if ctxt else None,
            _value(msgid, path, line),
            _value(plural, path, line) if plural else "",
            _value(msgstr or str0, path, line),
            bool(comments) and _FUZZY.search(comments) is not None,
        )
        for (_, comments, ctxt, msgid, plural, msgstr, str0), line in zip(
            found, lines, strict=False
        )
    ]


def scan(text: str, path: str) -> list[PoEntry]:
    """The entries of PO text (the header entry included), in file order.

    Raises:
        InputError: a line that is no comment, keyword or string, with its number.
    """
    try:
        quick = _quick(text, path)
    except InputError:
        quick = None  # the line scanner reports it at its own line
    return quick if quick is not None else _scan_lines(text, path)


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
