"""CSV/TSV with a header row: `source,target` or language codes (`en,vi`)."""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Iterable
from typing import BinaryIO

from glossary.errors import InputError
from glossary.text import nfc
from glossary.text.spreadsheet import guard, unguard
from tm.model import Unit

_SOURCE = ("source", "src", "msgid")
_TARGET = ("target", "tgt", "translation", "msgstr")


def _columns(header: list[str], src: str, tgt: str, path: str) -> tuple[int, int]:
    names = [h.strip().lower() for h in header]
    for s_names, t_names in ((_SOURCE, _TARGET), ((src.lower(),), (tgt.lower(),))):
        s = next((i for i, n in enumerate(names) if n in s_names), None)
        t = next((i for i, n in enumerate(names) if n in t_names), None)
        if s is not None and t is not None:
            return s, t
    raise InputError(
        f"header needs source,target or {src},{tgt} columns, got {','.join(names)}",
        path,
        1,
    )


def load(
    src: BinaryIO, *, path: str = "<stream>", src_lang: str = "en", tgt_lang: str = "vi"
) -> list[Unit]:
    """Read a UTF-8 CSV (or TSV, detected from the header) with a header row.

    Raises:
        InputError: Bad encoding, no usable header, or a short row, with the line.
    """
    data = src.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError("not valid UTF-8", path, line) from e
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ","
    reader = _csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file, a header row is needed", path, 1) from None
    s, t = _columns(header, src_lang, tgt_lang, path)
    named = {h.strip().lower(): i for i, h in enumerate(header)}
    context = named.get("context")
    langs = (named.get("src_lang"), named.get("tgt_lang"))
    units: list[Unit] = []
    try:
        for row in reader:
            if not any(row):
                continue
            if len(row) <= max(s, t):
                raise InputError(
                    f"{len(row)} field(s), expected at least {max(s, t) + 1}",
                    path,
                    reader.line_num,
                )
            if row[s].strip() and row[t].strip():
                ctx, row_src, row_tgt = (
                    row[i] if i is not None and i < len(row) else ""
                    for i in (context, *langs)
                )
                # Spaces and line breaks around a segment are data (a
                # catalogue's "Name: " or "\n"), kept as PO and TMX keep them.
                units.append(
                    Unit(
                        nfc(unguard(row[s])),
                        nfc(unguard(row[t])),
                        row_src or src_lang,
                        row_tgt or tgt_lang,
                        f"{path}:{reader.line_num}",
                        nfc(unguard(ctx)),
                    )
                )
    except _csv.Error as e:
        raise InputError(f"CSV: {e}", path, reader.line_num) from e
    return units


def dump(
    units: Iterable[Unit], out: BinaryIO, *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write `units` as UTF-8 CSV with a header.

    Columns: ``source,target,context,origin,src_lang,tgt_lang``; the
    languages are each unit's own, so a ``vi_VN`` unit beside an equal ``vi``
    one survives export and import. Segments are guarded against
    spreadsheet formulas (`glossary.text.spreadsheet`), as `load` undoes.
    """
    buffer = io.StringIO(newline="")
    writer = _csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "target", "context", "origin", "src_lang", "tgt_lang"])
    for u in units:
        segments = (guard(u.source), guard(u.target), guard(u.context))
        writer.writerow([*segments, u.origin, u.src_lang, u.tgt_lang])
    out.write(buffer.getvalue().encode("utf-8"))
