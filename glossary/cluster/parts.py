"""Which concept is named inside which: a longer name's parts (issue 14).

"Lục Ngạn District Party Committee" has the part "Lục Ngạn District": the
nested-names pass (`glossary.extract.nested`) makes the inner name a mention
of its own, so its occurrence lies inside the longer one's. The parts are
read off the stored occurrences, not kept beside them: a rebuild, a merge or
a reviewer's move of a term changes them with the occurrences themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["parts_of"]

# (document, start, end, concept id, term text, concept kind)
Row = tuple[str, int, int, int, str, str]
_PARTS = frozenset({"person", "place", "org"})  # what may be a part
_HOSTS = frozenset({"place", "org", "other", "term"})  # what may have parts


def parts_of(rows: Iterable[Row]) -> dict[int, tuple[int, ...]]:
    """Concept id → ids of the concepts whose occurrences lie inside its own.

    An occurrence is a part of another when its span lies inside the other's
    and its text is the other's text at that place (spans that are not real
    positions in one text make no parts).

    Args:
        rows: occurrences with their term's text, sorted by document, then
            start, then longest first.

    Returns:
        Each concept's parts in order of first occurrence; only concepts with
        parts are keys.

    Only names are parts, and only names of places, bodies and events have
    them (a title or a person's name has none).

    >>> police = ("d", 0, 13, 1, "Ha Noi Police", "org")
    >>> parts_of([police, ("d", 0, 6, 2, "Ha Noi", "place")])
    {1: (2,)}
    """
    found: dict[int, dict[int, None]] = {}
    open_: list[Row] = []  # occurrences that may still hold the next ones
    for row in rows:
        doc, start, end, cid, text, kind = row
        open_ = [o for o in open_ if o[0] == doc and o[2] > start]
        if kind not in _PARTS:
            open_.append(row)
            continue
        for _, s, e, outer, outer_text, outer_kind in open_:
            if (
                outer_kind in _HOSTS
                and s <= start
                and end <= e
                and (s, e) != (start, end)
                and outer != cid
                and outer_text[start - s : end - s] == text
            ):
                found.setdefault(outer, {})[cid] = None
        open_.append(row)
    return {k: tuple(v) for k, v in found.items()}
