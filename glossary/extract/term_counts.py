"""English domain terms ranked from counts per chunk text: `TermCounts`.

`glossary.extract.terms.term_candidates` ranks the term mentions of the
whole corpus held at once (a tenth of a million per 10 MB of English, each
with its sentence). The ranking only needs, per distinct chunk text, how
often it occurs and where it first does: `TermCounts` keeps that, while a
streamed build spills every mention (text, document, offset, sentence).
`candidates` gives the candidates `term_candidates` gives, the same terms,
counts, contexts and evidence, without their occurrences, and for each
chunk text the spans of it that became a candidate's written form: the
occurrences are those spans of every spilled mention of that text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from glossary.extract.terms import (
    SOURCE,
    _accept,
    _cvalue,
    _link_nested,
    _phrases,
    _Stats,
    _words,
)
from glossary.model import (
    Candidate,
    Concept,
    Evidence,
    Kind,
    Mention,
    Term,
    TermStatus,
    TermType,
)

__all__ = ["Hit", "TermCounts"]

# A span of a chunk text that is a candidate's form: (chunk text, number of
# the candidate among `TermCounts.candidates`, form, start, end in the text).
Hit = tuple[str, int, str, int, int]


@dataclass(slots=True)
class _Text:
    """One distinct chunk text: how often, and its first mention."""

    count: int
    index: int  # of its first mention, in the order `add` was called
    document: str
    start: int
    context: str


@dataclass(slots=True)
class _Form:
    """One written form of a term: how often, and its first occurrence."""

    count: int = 0
    first: tuple[int, int, int, str, str] | None = None  # index, start, end, doc, ctx

    def add(self, t: _Text, start: int, end: int, n: int = 1) -> None:
        self.count += t.count * n
        at = (t.index, t.start + start, t.start + end, t.document, t.context)
        if self.first is None or at[:2] < self.first[:2]:
            self.first = at


class TermCounts:
    """The English term mentions of a corpus, counted per chunk text."""

    def __init__(self) -> None:
        self._texts: dict[str, _Text] = {}
        self._n = 0

    def add(self, m: Mention) -> bool:
        """Count `m` if it is an English term mention (`SOURCE`); say if so."""
        if m.source != SOURCE:
            return False
        t = self._texts.get(m.text)
        if t is None:
            self._texts[m.text] = _Text(1, self._n, m.document, m.start, m.context)
        else:
            t.count += 1
        self._n += 1
        return True

    def candidates(self) -> tuple[list[Candidate], Iterator[Hit]]:
        """The candidates of `term_candidates` over the mentions counted
        (their occurrences left out), and the spans that became their forms.
        """
        stats, seen = self._stats()
        out: list[Candidate] = []
        hits: list[tuple[int, dict[str, list[tuple[str, int, int]]]]] = []
        scored = sorted(
            ((_cvalue(k, stats), k) for k in stats), key=lambda p: (-p[0], p[1])
        )
        for cvalue, key in scored:
            if _accept(key, cvalue):
                out.append(self._candidate(key, cvalue, seen[key]))
                hits.append((len(out) - 1, seen[key]))
        for key, forms in sorted(self._single_word_variants().items()):
            total = float(sum(f.count for f in self._forms(forms).values()))
            out.append(self._candidate(key, total, forms))
            hits.append((len(out) - 1, forms))
        return out, (
            (text, n, form, s, e)
            for n, by_form in hits
            for form, spans in by_form.items()
            for text, s, e in spans
        )

    def _stats(
        self,
    ) -> tuple[dict[str, _Stats], dict[str, dict[str, list[tuple[str, int, int]]]]]:
        """`terms._collect` from the counts: each phrase's frequency and the
        longer phrases it is nested in; and where each form of it is."""
        stats: dict[str, _Stats] = {}
        seen: dict[str, dict[str, list[tuple[str, int, int]]]] = {}
        for text, t in self._texts.items():
            for key, phrase, s, e in _phrases(text):
                st = stats.get(key)
                if st is None:
                    st = stats[key] = _Stats(nested_in=set())
                    seen[key] = {}
                st.freq += t.count
                seen[key].setdefault(phrase, []).append((text, s, e))
        _link_nested(stats)
        return stats, seen

    def _single_word_variants(self) -> dict[str, dict[str, list[tuple[str, int, int]]]]:
        """`terms._single_word_variants`: the words the corpus writes two ways,
        by key, with where each spelling is."""
        words = {text: _words(text) for text in self._texts}
        spellings: dict[str, set[str]] = {}
        for found in words.values():
            for _, _, w, key in found:
                spellings.setdefault(key, set()).add(w)
        varied = {k for k, forms in spellings.items() if len(forms) >= 2}
        groups: dict[str, dict[str, list[tuple[str, int, int]]]] = {}
        for text, found in words.items():
            for s, e, w, key in found:
                if key in varied:
                    groups.setdefault(key, {}).setdefault(w, []).append((text, s, e))
        return groups

    def _forms(self, spans: dict[str, list[tuple[str, int, int]]]) -> dict[str, _Form]:
        out: dict[str, _Form] = {}
        for form, where in spans.items():
            f = out[form] = _Form()
            for text, s, e in where:
                f.add(self._texts[text], s, e)
        return out

    def _candidate(
        self, key: str, cvalue: float, spans: dict[str, list[tuple[str, int, int]]]
    ) -> Candidate:
        """`terms._candidate`, from counts and first occurrences."""
        forms = self._forms(spans)
        ranked = sorted(forms, key=lambda f: (-forms[f].count, f))
        terms = []
        for n, form in enumerate(ranked):
            f = forms[form]
            assert f.first is not None
            _, start, end, document, context = f.first
            rule = "c-value" if n == 0 else "spelling-variant"
            detail = f"c-value {cvalue:.2f}" if n == 0 else f"variant of {ranked[0]!r}"
            terms.append(
                Term(
                    text=form,
                    lang="en",
                    status=TermStatus.PREFERRED if n == 0 else TermStatus.ADMITTED,
                    type=TermType.FULL_FORM if n == 0 else TermType.VARIANT,
                    count=f.count,
                    pos="noun",
                    context=context,
                    evidence=(Evidence(rule, document, start, end, detail),),
                )
            )
        concept = Concept(
            kind=Kind.TERM,
            terms=tuple(terms),
            key=f"term:{key}",
            note=f"c-value {cvalue:.2f}",
        )
        return Candidate(concept=concept)
