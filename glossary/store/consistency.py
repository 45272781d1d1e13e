"""`glossary db check`'s questions about meaning, asked of either engine.

The engine's own check (SQLite's integrity check, the server's) says whether
the pages are sound; these say whether the rows make a term base: every row
points at rows that exist, every concept has a preferred term, a concept's
version never went back (the review log records the versions each decision
left), every concept a review decision names is still there or a later
decision says it was deleted (by a merge, or an undo of what created it),
and the log's index of concepts (``review_log_concepts``) says what each
entry's payload does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from glossary.store.tables.review_log import named_concepts

Query = Callable[[str], Iterable[tuple[Any, ...]]]

# (table, column, table it points at): the foreign keys, and occurrences'
# sentences and (in SQLite) terms, which have none (see the SQLite schema's
# versions 2 and 6).
_REFERENCES = (
    ("terms", "concept_id", "concepts"),
    ("evidence", "term_id", "terms"),
    ("occurrences", "term_id", "terms"),
    ("occurrences", "context_id", "contexts"),
    ("redirects", "concept_id", "concepts"),
    ("review_log_concepts", "entry_id", "review_log"),
)
_SHOWN = 5  # ids listed in a problem's line


def logical_problems(query: Query) -> list[str]:
    """One line per problem found by `query` (runs SQL both engines speak)."""
    found = [*_dangling(query), *_without_preferred(query)]
    log = [
        (int(i), None if c is None else int(c), str(a), json.loads(p))
        for i, c, a, p in query(
            "SELECT id, concept_id, action, payload FROM review_log ORDER BY id"
        )
    ]
    versions = {int(i): int(v) for i, v in query("SELECT id, version FROM concepts")}
    found += _versions_gone_back(log, versions)
    found += _named_but_gone(log, versions.keys())
    found += _index_differs(log, query)
    return found


def _ids(ids: Iterable[int]) -> str:
    shown = sorted(ids)
    more = ", …" if len(shown) > _SHOWN else ""
    return ", ".join(str(i) for i in shown[:_SHOWN]) + more


def _dangling(query: Query) -> list[str]:
    out = []
    for table, column, parent in _REFERENCES:
        missing = [
            int(r[0])
            for r in query(
                f"SELECT x.{column} FROM {table} x WHERE NOT EXISTS "
                f"(SELECT 1 FROM {parent} p WHERE p.id = x.{column})"
            )
        ]
        if missing:
            out.append(
                f"{len(missing)} {table} rows point at missing {parent} "
                f"({column} {_ids(set(missing))})"
            )
    return out


def _without_preferred(query: Query) -> list[str]:
    rows = list(
        query(
            "SELECT c.id FROM concepts c WHERE NOT EXISTS (SELECT 1 FROM terms t "
            "WHERE t.concept_id = c.id AND t.status = 'preferred')"
        )
    )
    if not rows:
        return []
    ids = _ids(int(r[0]) for r in rows)
    return [f"{len(rows)} concepts have no preferred term (concept {ids})"]


LogRow = tuple[int, int | None, str, dict[str, Any]]


def _versions_gone_back(log: list[LogRow], now: dict[int, int]) -> list[str]:
    """Concepts whose version, as the log's decisions left it, went back."""
    last: dict[int, int] = {}
    back: set[int] = set()
    for _, _, _, payload in log:
        for cid, number in payload.get("versions", {}).items():
            cid = int(cid)
            if number <= last.get(cid, -1):
                back.add(cid)
            last[cid] = number
    back |= {c for c, n in last.items() if c in now and now[c] < n}
    if not back:
        return []
    return [
        f"{len(back)} concepts have gone back to an earlier version "
        f"(concept {_ids(back)})"
    ]


def _named_but_gone(log: list[LogRow], existing: Iterable[int]) -> list[str]:
    """Review log entries naming concepts that are gone with no entry after
    saying they were deleted."""
    alive = set(existing)
    said_gone: dict[int, int] = {}  # concept -> last entry saying it was deleted
    named: dict[int, int] = {}  # concept -> last entry naming it
    for entry, concept_id, action, payload in log:
        ids = [int(i) for i in payload.get("ids", ())]
        for cid in {concept_id, *ids, payload.get("target")} - {None}:
            named[int(cid)] = entry  # type: ignore[arg-type]
        gone = [int(i) for i in payload.get("deleted", ())]
        if action == "merge" and "deleted" not in payload and ids:
            gone.append(ids[0])  # logs from before "deleted": the source went
        for cid in gone:
            said_gone[cid] = entry
    unexplained = {
        cid: entry
        for cid, entry in named.items()
        if cid not in alive and said_gone.get(cid, -1) < entry
    }
    if not unexplained:
        return []
    return [
        f"{len(unexplained)} review log entries name concepts that are gone "
        f"with no entry saying they were deleted (entry {_ids(unexplained.values())})"
    ]


def _index_differs(log: list[LogRow], query: Query) -> list[str]:
    """Review log entries whose rows in ``review_log_concepts`` (what a build
    and undo read) differ from the concepts and versions their payload names."""
    indexed: dict[int, dict[int, int | None]] = {}
    for concept_id, entry, version in query(
        "SELECT concept_id, entry_id, version FROM review_log_concepts"
    ):
        indexed.setdefault(int(entry), {})[int(concept_id)] = (
            None if version is None else int(version)
        )
    wrong = {
        entry
        for entry, concept_id, _, payload in log
        if indexed.get(entry, {}) != named_concepts(concept_id, payload)
    }
    if not wrong:
        return []
    return [
        f"{len(wrong)} review log entries are indexed under other concepts or "
        f"versions than they name (entry {_ids(wrong)}): "
        "a build or undo would misread them"
    ]
