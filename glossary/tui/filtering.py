"""The filter language's old home: it moved to the core, `glossary.concept_filter`.

Kept only so that `bench/bench_tui.py` still imports it from here; delete it
once the bench imports `glossary.concept_filter`.
"""

from __future__ import annotations

from glossary.concept_filter import (
    SORTS,
    FilterIndex,
    Query,
    haystack,
    matches,
    parse,
    select,
)

__all__ = ["SORTS", "FilterIndex", "Query", "haystack", "matches", "parse", "select"]
