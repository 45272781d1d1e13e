"""Cells that spreadsheets show but never run (OWASP "CSV injection").

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
written with a leading ``'``, which spreadsheets take as "text" and do not
show; a cell that starts with ``'`` gets one more, so that `unguard` can take
exactly one off and every cell round-trips. Used by the CSV writers and
readers of both the term base and the memory.
"""

from __future__ import annotations

_FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")


def guard(cell: str) -> str:
    """`cell` as a spreadsheet shows it but never runs it."""
    return "'" + cell if cell.startswith(_FORMULA) else cell


def unguard(cell: str) -> str:
    """Undo `guard`: drop a ``'`` that guards a formula character or a ``'``."""
    if cell[:1] == "'" and cell[1:2] and cell[1:2] in _FORMULA:
        return cell[1:]
    return cell
