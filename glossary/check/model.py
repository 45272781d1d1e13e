"""Plain data of `glossary check`: documents, segments and findings."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import compress, count, repeat
from operator import itemgetter, ne, or_, truth
from typing import TYPE_CHECKING, NamedTuple, cast, overload

if TYPE_CHECKING:
    from glossary.api import Glossary, Span


class Field(NamedTuple):
    """One side of a segment: its text, language and where it sits in a file.

    `offset` is the text's character offset in a plain-text file, which is
    both what `--fix` edits and what makes a span's line exact; structured
    files (PO, TMX, XLIFF) leave it None and every span gets the unit's line.
    A NamedTuple, as `Segment`: a reader makes three of them per unit (a
    100,000-unit catalogue), three times faster than frozen dataclasses.
    """

    text: str
    lang: str
    path: str
    line: int
    offset: int | None = None

    def line_of(self, start: int) -> int:
        """The file line of the character at `start` in `text`."""
        if self.offset is None:
            return self.line
        return self.line + self.text.count("\n", 0, start)


class Segment(NamedTuple):
    """A translation unit (source and target) or a stretch of monolingual text.

    Monolingual text has no source: the text under check is the target.
    """

    position: int  # in its document (`index` is a tuple's method)
    unit: str  # msgctxt, tuid, XLIFF id or "" (shown with each finding)
    target: Field
    source: Field | None = None
    line: int = 0  # where the unit starts; a fix finds it again by this


# What a NamedTuple's own constructor calls, without its Python frame: the
# readers build every field and segment of a catalogue in C loops.
_new_field = cast(Callable[[tuple[object, ...]], Field], partial(tuple.__new__, Field))
_new_segment = cast(
    Callable[[tuple[object, ...]], Segment], partial(tuple.__new__, Segment)
)


def fields(
    texts: Iterable[str], lang: str, path: str, lines: Iterable[int]
) -> Iterator[Field]:
    """A `Field` of a structured file (no offset) for each text and its line."""
    return map(_new_field, zip(texts, repeat(lang), repeat(path), lines, repeat(None)))


def segments(
    units: Iterable[str],
    targets: Iterable[Field],
    sources: Iterable[Field],
    lines: Iterable[int],
) -> tuple[Segment, ...]:
    """Translation units numbered from 0, one for each unit, target, source, line."""
    return tuple(map(_new_segment, zip(count(), units, targets, sources, lines)))


class Rows(Sequence[Segment]):
    """The translation units of a catalogue, kept as the columns it was read in.

    A run of two checks keys the texts of all units (`Run.texts` takes the
    columns) and looks at a few hundred: those are built one by one when
    asked for, and all of them, in C loops, only when a check walks them all.
    """

    __slots__ = ("_all", "lang", "lines", "path", "sources", "targets", "units")

    def __init__(
        self,
        columns: tuple[list[str], list[str], list[str], list[int]],
        lang: str,
        path: str,
    ) -> None:
        self.units, self.targets, self.sources, self.lines = columns
        self.lang, self.path = lang, path
        self._all: tuple[Segment, ...] | None = None

    def __len__(self) -> int:
        return len(self.lines)

    @overload
    def __getitem__(self, index: int) -> Segment: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Segment]: ...

    def __getitem__(self, index: int | slice) -> Segment | Sequence[Segment]:
        if isinstance(index, slice) or self._all is not None:
            return self.all()[index]
        line = self.lines[index]
        return Segment(
            range(len(self))[index],
            self.units[index],
            Field(self.targets[index], self.lang, self.path, line),
            Field(self.sources[index], "en", self.path, line),
            line,
        )

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.all())

    def all(self) -> tuple[Segment, ...]:
        """Every unit as a `Segment`, built once."""
        if self._all is None:
            self._all = segments(
                self.units,
                fields(self.targets, self.lang, self.path, self.lines),
                fields(self.sources, "en", self.path, self.lines),
                self.lines,
            )
        return self._all


@dataclass(frozen=True, slots=True)
class Document:
    """One checked file: a catalogue, a memory, a text pair or an article."""

    path: str
    kind: str  # "po", "tmx", "xliff", "pair", "text"
    segments: Sequence[Segment]  # a tuple, or a catalogue's `Rows`
    source_path: str = ""  # the English side of a pair

    @property
    def bilingual(self) -> bool:
        if isinstance(self.segments, Rows):
            return bool(self.segments)
        return any(s.source is not None for s in self.segments)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: where it is, which check found it, and what to write instead.

    `start` and `end` are offsets in the text of the segment's `side`
    ("source" or "target"); `suggestion` is None when there is no single
    replacement, and `fixable` says whether `--fix` may apply it.
    """

    path: str
    line: int
    unit: str
    check: str
    side: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    fixable: bool = False
    segment: int = -1
    concept_id: int | None = None  # the term base's concept, for the TUI

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.start, self.check)


def finding(
    check: str,
    segment: Segment,
    side: str,
    span: tuple[int, int],
    message: str,
    suggestion: str | None = None,
    *,
    fixable: bool = False,
    concept_id: int | None = None,
) -> Finding:
    """A finding on `span` of one side of `segment`, with its file and line."""
    fld = segment.target if side == "target" else segment.source
    assert fld is not None, "a finding on a side the segment does not have"
    return Finding(
        path=fld.path,
        line=fld.line_of(span[0]),
        unit=segment.unit,
        check=check,
        side=side,
        start=span[0],
        end=span[1],
        text=fld.text[span[0] : span[1]],
        message=message,
        suggestion=suggestion,
        fixable=fixable,
        segment=segment.position,
        concept_id=concept_id,
    )


# A segment's source and target fields and a field's text, read in C loops.
_TEXT, _TARGET, _SOURCE = itemgetter(0), itemgetter(2), itemgetter(3)

# Glossary spans of every text of a document, one list per segment.
SpanLists = list[list["Span"]]


@dataclass
class Run:
    """What the checks of one run share: the term base and cached annotations.

    Args:
        glossary: the term base, or None (term-base checks then find nothing).
    """

    glossary: Glossary | None = None
    _spans: dict[tuple[int, str], SpanLists] = field(default_factory=dict)
    _joined: dict[tuple[int, str], tuple[str, list[int]]] = field(default_factory=dict)
    _texts: dict[int, tuple[list[str], list[str]]] = field(default_factory=dict)
    _sieved: dict[tuple[int, tuple[str, ...]], list[int]] = field(default_factory=dict)

    def differing(
        self, doc: Document, key: re.Pattern[str], *sieves: re.Pattern[str]
    ) -> Iterator[Segment]:
        """Translated units whose source and target differ in `key.findall`.

        The cheap test that rules out nearly every unit of a large catalogue:
        each of `sieves` finds a character of every text whose key is not
        empty (a digit, say), and only the units they find on a side are
        keyed; keys are computed and compared in C loops (`map`, `compress`).
        """
        sources, targets = self.texts(doc)
        indexes = self.sieved(doc, sieves)
        differ = map(
            ne,
            map(key.findall, map(sources.__getitem__, indexes)),
            map(key.findall, map(targets.__getitem__, indexes)),
        )
        for i in compress(indexes, differ):
            seg = doc.segments[i]
            if seg.source is not None and seg.target.text.strip():
                yield seg

    def sieved(self, doc: Document, sieves: tuple[re.Pattern[str], ...]) -> list[int]:
        """The units with a match of every one of `sieves` on a side, once per
        run: checks that share their first sieve share its pass over all the
        texts, and a second sieve reads only the units the first one kept."""
        cache_key = (id(doc), tuple(s.pattern for s in sieves))
        if cache_key not in self._sieved:
            sources, targets = self.texts(doc)
            if not sieves:
                kept = list(range(len(sources)))
            else:
                before, search = self.sieved(doc, sieves[:-1]), sieves[-1].search
                held = map(
                    or_,
                    map(truth, map(search, map(sources.__getitem__, before))),
                    map(truth, map(search, map(targets.__getitem__, before))),
                )
                kept = list(compress(before, held))
            self._sieved[cache_key] = kept
        return self._sieved[cache_key]

    def texts(self, doc: Document) -> tuple[list[str], list[str]]:
        """Each segment's source text ("" without one) and target text, once per run."""
        if id(doc) not in self._texts and isinstance(doc.segments, Rows):
            self._texts[id(doc)] = (doc.segments.sources, doc.segments.targets)
        if id(doc) not in self._texts:
            segs = doc.segments
            sources = list(map(_SOURCE, segs))
            self._texts[id(doc)] = (
                [s.text if s else "" for s in sources]
                if None in sources
                else list(map(_TEXT, sources)),
                list(map(_TEXT, map(_TARGET, segs))),
            )
        return self._texts[id(doc)]

    def joined(self, doc: Document, side: str) -> tuple[str, list[int]]:
        """`joined` of the document's side, computed once per run."""
        key = (id(doc), side)
        if key not in self._joined:
            self._joined[key] = joined(doc, side)
        return self._joined[key]

    def spans(self, doc: Document, side: str) -> SpanLists:
        """Glossary terms in each segment's `side` (empty lists without a glossary).

        The whole document is annotated in one call (see `joined`).
        """
        key = (id(doc), side)
        if key not in self._spans:
            out: SpanLists = [[] for _ in doc.segments]
            if self.glossary is not None:
                text, starts = self.joined(doc, side)
                for span in self.glossary.annotate(text):
                    i = bisect_right(starts, span.start) - 1
                    base = starts[i]
                    out[i].append(
                        replace(span, start=span.start - base, end=span.end - base)
                    )
            self._spans[key] = out
        return self._spans[key]


_SEPARATOR = " \u241e "  # folds to three spaces: no key matches across it


def joined(doc: Document, side: str) -> tuple[str, list[int]]:
    """The texts of one side of all segments in one string, and where each starts.

    Matching one long text costs far less than one call per segment; the
    separator keeps every match inside one segment.
    """
    texts = [_side(s, side) for s in doc.segments]
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + len(_SEPARATOR)
    return _SEPARATOR.join(texts), starts


def _side(segment: Segment, side: str) -> str:
    fld = segment.target if side == "target" else segment.source
    return "" if fld is None else fld.text


CheckFunction = Callable[[Document, Run], Iterator[Finding]]
