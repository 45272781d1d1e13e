"""The `glossary align` use case: Vietnamese equivalents stored in the term base.

What the CLI, the TUI and other programs call; `glossary.align` holds the
scoring, as plain functions over plain data. `align` reads the English
concepts of a term base, segments and tags the paragraph-aligned documents,
calls `glossary.align.propose`, and stores each proposal as a candidate
Vietnamese term with its evidence; a Vietnamese-only concept holding the same
term is merged into the English one (`glossary.review.merge`). `align_files`
adds the file checks and the write-back of the aligned paragraphs and the
accepted term pairs into a translation memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.align import (
    PREFERRED_MIN,
    STORE_MIN,
    TERM_ORIGIN,
    Outcome,
    Proposal,
    Segment,
    Word,
    aligned_units,
    collapsed_pairs,
    en_spans,
    mention_kinds,
    mention_units,
    merge_lexicon,
    paragraph_words,
    propose,
    segment_lexicon,
    segment_pairs,
    tm_pairs,
)
from glossary.errors import InputError
from glossary.model import (
    Concept,
    ConceptStatus,
    Document,
    Evidence,
    Flag,
    Kind,
    Term,
    TermStatus,
    TermType,
)
from glossary.review import merge
from glossary.store import TermStore, open_store
from glossary.text import fold

if TYPE_CHECKING:
    from tm.model import ImportStats, Unit

__all__ = [
    "AlignReport",
    "align",
    "align_files",
    "merge_vietnamese_only",
    "read_pairs",
    "store_proposal",
    "write_tm",
]


@dataclass(frozen=True, slots=True)
class AlignReport:
    """What `align_files` did: one outcome per proposal, and the TM write."""

    outcomes: tuple[Outcome, ...]
    tm_written: ImportStats | None = None  # None: no translation memory written


def read_pairs(files: Sequence[str]) -> list[tuple[str, str, str, str]]:
    """Read EN_FILE VI_FILE pairs as (English path, text, Vietnamese path, text).

    Raises:
        InputError: an odd number of files, an unreadable file, or a pair
            given in the wrong order or with English on the Vietnamese side.
    """
    if len(files) % 2:
        raise InputError("needs pairs of files: EN_FILE VI_FILE", files[-1])
    out = []
    for en_path, vi_path in zip(files[::2], files[1::2], strict=True):
        en_text, vi_text = _read(en_path), _read(vi_path)
        _check_languages(en_path, en_text, vi_path, vi_text)
        out.append((en_path, en_text, vi_path, vi_text))
    return out


def align_files(
    path: str,
    docs: Sequence[tuple[str, str, str, str]],
    *,
    tm_path: str | None = None,
    tm_read_only: bool = False,
    mo_dir: str | None = None,
    backend: str = "underthesea",
    dry_run: bool = False,
) -> AlignReport:
    """Align `docs` against the term base at `path`; write back into the TM.

    With `tm_path` (and neither `tm_read_only` nor `dry_run`) the aligned
    paragraphs and the accepted term pairs are added to that memory, which is
    created if missing (`aligned_units`, `write_tm`).

    Args:
        path: the term base (it must exist).
        docs: from `read_pairs`.
        tm_path: a translation memory to read parallel data from and write to.
        tm_read_only: read `tm_path` (which must exist) but never write it.
        mo_dir: a directory of .mo catalogs to learn a word lexicon from.
        backend: Vietnamese tagger.
        dry_run: compute proposals, store and write nothing.

    Raises:
        StoreError: there is no term base at `path`.
        InputError: see `align`; or a read-only memory that does not exist.
    """
    tm_read = tm_path
    if tm_path and not Path(tm_path).exists():
        if tm_read_only:
            raise InputError("no such translation memory", tm_path)
        tm_read = None  # created by the write below
    with open_store(path, existing=True) as tb:
        outcomes = align(
            tb, docs, tm_path=tm_read, mo_dir=mo_dir, backend=backend, dry_run=dry_run
        )
        approved = _approved_vietnamese(tb)
    if not tm_path or tm_read_only or dry_run:
        return AlignReport(tuple(outcomes))
    written = write_tm(tm_path, aligned_units(docs, outcomes, approved))
    return AlignReport(tuple(outcomes), written)


def align(
    tb: TermStore,
    docs: Sequence[tuple[str, str, str, str]],
    *,
    tm_path: str | None = None,
    mo_dir: str | None = None,
    backend: str = "underthesea",
    dry_run: bool = False,
) -> list[Outcome]:
    """Align the documents against the term base's English concepts.

    Args:
        tb: the term base; English concepts come from it, proposals go to it.
        docs: (English path, English text, Vietnamese path, Vietnamese text).
        tm_path: a translation memory whose units add parallel segments and
            a word lexicon (read only; see `write_tm`).
        mo_dir: a directory of .mo catalogs to learn a word lexicon from.
        backend: Vietnamese tagger.
        dry_run: compute proposals without storing them.

    Returns:
        One outcome per proposal, the highest score first.

    Raises:
        InputError: a pair's paragraph counts differ, or the TM is missing.
    """
    terms = _english_terms(tb)
    parallel = _parallel(docs, backend)
    extra, tm_units = _tm_segments(parallel.pairs, tm_path, terms)
    pairs = parallel.pairs + extra
    words = parallel.words + _words(extra, backend)
    proposals = propose(
        {label: forms for label, (_, forms, _) in terms.items()},
        pairs,
        words,
        units=parallel.units,
        lexicon=_lexicon(pairs, words, terms, tm_units, mo_dir),
        kinds={label: kind for label, (_, _, kind) in terms.items()},
        unit_kinds=parallel.unit_kinds,
    )
    ranked = sorted(proposals.items(), key=lambda kv: -kv[1].score)
    return [_outcome(tb, terms[label][0], p, parallel, dry_run) for label, p in ranked]


def store_proposal(
    tb: TermStore,
    concept_id: int,
    proposal: Proposal,
    document: str,
    span: tuple[int, int] = (-1, -1),
) -> str:
    """Add `proposal` as a Vietnamese term of the concept; say what was done.

    `span` is where the evidence points in `document` (its first occurrence).

    A concept that already has the same Vietnamese term gets the new evidence
    only; manual and reviewed terms are never changed. The proposal becomes
    the preferred Vietnamese term only when the concept has none, the score is
    at least `PREFERRED_MIN` and a second source agrees (see there).
    """
    concept: Concept = tb.concept(concept_id)
    vi_terms = [t for t in concept.terms if t.lang == "vi"]
    evidence = Evidence(
        rule=proposal.rule,
        document=document,
        start=span[0],
        end=span[1],
        detail=f"score={proposal.score:.4f} segments={','.join(proposal.segments)}",
    )
    key = fold(proposal.vietnamese)
    known = next((t for t in vi_terms if fold(t.text) == key), None)
    if known is not None:
        tb.add_term(
            concept_id, Term(text=known.text, lang="vi", count=0, evidence=(evidence,))
        )
        return "known"
    agreed = proposal.rule != "align:dice" or proposal.is_unit
    preferred = not vi_terms and agreed and proposal.score >= PREFERRED_MIN
    status = TermStatus.PREFERRED if preferred else TermStatus.ADMITTED
    term = Term(
        text=proposal.vietnamese,
        lang="vi",
        status=status,
        type=TermType.FULL_FORM,
        count=len(proposal.segments),
        evidence=(evidence,),
    )
    tb.add_term(concept_id, term)
    if Flag.UNTRANSLATED in concept.flags:  # a proposal now: review, not translation
        tb.update_concept(concept_id, flags=concept.flags - {Flag.UNTRANSLATED})
    tb.log(
        "align",
        concept_id,
        term=proposal.vietnamese,
        score=proposal.score,
        rule=proposal.rule,
    )
    return str(status)


def merge_vietnamese_only(tb: TermStore, concept_id: int, vietnamese: str) -> list[int]:
    """Merge Vietnamese-only concepts holding `vietnamese` into the concept.

    A build of the Vietnamese text finds "Thủ tướng" as a concept of its own;
    once `align` pairs it with "Prime Minister" the two are one concept. The
    merge goes through `glossary.review.merge` (logged; the source's key
    becomes a redirect so a rebuild adds to the target). Review decisions are
    kept: nothing happens unless both concepts are still candidates and the
    Vietnamese-only one has no term a reviewer added or edited.

    Returns:
        The ids of the merged (now deleted) concepts.
    """
    if tb.concept(concept_id).status is not ConceptStatus.CANDIDATE:
        return []
    key = fold(vietnamese)
    merged = []
    for c in tb.find(vietnamese):
        if (
            c.id is None
            or c.id == concept_id
            or c.status is not ConceptStatus.CANDIDATE
            or any(t.manual or t.lang != "vi" for t in c.terms)
            or not any(fold(t.text) == key for t in c.terms)
        ):
            continue
        merge(tb, c.id, concept_id)
        merged.append(c.id)
    return merged


def write_tm(path: str, units: Sequence[Unit]) -> ImportStats:
    """Add `units` to the translation memory at `path` (created if missing).

    Goes through `tm.service.import_units`: one transaction, and units already
    in the memory are not added twice.
    """
    from tm import service
    from tm.engines import open_memory

    with open_memory(path) as store:
        return service.import_units(store, path, units)


@dataclass(frozen=True, slots=True)
class _Parallel:
    """The documents' aligned paragraphs and what the Vietnamese build found."""

    pairs: list[tuple[Segment, Segment]]
    words: list[list[Word]]  # the tagged words of each pair's Vietnamese side
    units: set[str]  # phrases the Vietnamese extractor found as one unit
    unit_kinds: dict[str, set[Kind]]
    vi_doc: dict[str, str]  # segment document id → Vietnamese path
    vi_texts: dict[str, str]  # Vietnamese path → text


def _parallel(docs: Sequence[tuple[str, str, str, str]], backend: str) -> _Parallel:
    """Segment pairs of every document, their words, and the Vietnamese units.

    Each Vietnamese text is tagged once, whole: the extractor finds the units
    in it, and its words are cut into the paragraphs' words.
    """
    from glossary.extract.vietnamese import tag, vietnamese_mentions

    out = _Parallel([], [], set(), {}, {}, {})
    for _en_path, en_text, vi_path, vi_text in docs:
        try:
            doc_pairs = segment_pairs(Path(vi_path).name, en_text, vi_text)
        except ValueError as e:
            raise InputError(str(e), vi_path) from e
        out.pairs.extend(doc_pairs)
        out.vi_doc.update({v.id.rsplit("#", 1)[0]: vi_path for _, v in doc_pairs})
        out.vi_texts[vi_path] = vi_text
        tokens = tag(vi_text, backend=backend)
        whole = [Word(t.start, t.end, t.tag) for t in tokens]
        out.words.extend(paragraph_words(vi_text, whole))
        mentions = vietnamese_mentions(
            Document(vi_path, vi_text, "vi"), backend=backend, tokens=tokens
        )
        out.units.update(mention_units(vi_text, mentions))
        for key, kinds in mention_kinds(mentions).items():
            out.unit_kinds.setdefault(key, set()).update(kinds)
    return out


def _tm_segments(
    pairs: Sequence[tuple[Segment, Segment]],
    tm_path: str | None,
    terms: Mapping[str, tuple[int, list[str], Kind]],
) -> tuple[list[tuple[Segment, Segment]], list[Unit]]:
    """The memory's units holding a term, as pairs beyond `pairs`; and all units."""
    if not tm_path:
        return [], []
    if not Path(tm_path).exists():
        raise InputError("no such translation memory", tm_path)
    units = _tm_units(tm_path)
    forms = [f for _, fs, _ in terms.values() for f in fs]
    return tm_pairs(units, forms, collapsed_pairs(pairs)), units


def _outcome(
    tb: TermStore, concept_id: int, p: Proposal, parallel: _Parallel, dry_run: bool
) -> Outcome:
    """Store one proposal (unless too weak or a dry run); say what was done."""
    if p.score < STORE_MIN:
        return Outcome(concept_id, p, "skipped")
    if dry_run:
        return Outcome(concept_id, p, "proposed")
    document = parallel.vi_doc.get(p.segments[0].rsplit("#", 1)[0], p.segments[0])
    spans = en_spans(p.vietnamese, parallel.vi_texts.get(document, ""))
    action = store_proposal(
        tb, concept_id, p, document, spans[0] if spans else (-1, -1)
    )
    merged = merge_vietnamese_only(tb, concept_id, p.vietnamese)
    return Outcome(concept_id, p, action, tuple(merged))


def _english_terms(tb: TermStore) -> dict[str, tuple[int, list[str], Kind]]:
    """Label → (concept id, English forms, kind) for every concept not rejected."""
    terms: dict[str, tuple[int, list[str], Kind]] = {}
    for c in tb.concepts():
        if c.status is ConceptStatus.REJECTED or c.id is None:
            continue
        label = c.preferred("en")
        if label is None or label.text in terms:
            continue
        forms = [t.text for t in c.terms if t.lang == "en"]
        terms[label.text] = (c.id, forms, c.kind)
    return terms


def _approved_vietnamese(tb: TermStore) -> dict[int, str]:
    """Concept id → preferred Vietnamese term, for every approved concept, and
    for every concept whose preferred Vietnamese term the build translated
    from the state data, CLDR or a pattern (evidence ``vi-name:…``): when the
    alignment finds that term too, two sources agree and the pair is taken."""
    out: dict[int, str] = {}
    for c in tb.concepts(with_evidence=True):
        vi = c.preferred("vi")
        if c.id is None or vi is None or vi.lang != "vi":
            continue
        translated = any(e.rule.startswith("vi-name:") for e in vi.evidence)
        if c.status is ConceptStatus.APPROVED or translated:
            out[c.id] = vi.text
    return out


def _tm_units(path: str) -> list[Unit]:
    """The memory's units, without the term pairs written by `align` itself.

    Those term pairs would be their own evidence, both as parallel segments and
    for the word lexicon.
    """
    from tm.engines import open_memory

    with open_memory(path) as store:
        return [u for u in store.units() if u.origin != TERM_ORIGIN]


def _words(pairs: Sequence[tuple[Segment, Segment]], backend: str) -> list[list[Word]]:
    """The tagged Vietnamese words of each pair."""
    from glossary.extract.vietnamese import tag

    return [
        [Word(t.start, t.end, t.tag) for t in tag(vi.text, backend=backend)]
        for _, vi in pairs
    ]


def _lexicon(
    pairs: Sequence[tuple[Segment, Segment]],
    words: Sequence[Sequence[Word]],
    labels: Iterable[str],
    tm_units: Sequence[Unit],
    mo_dir: str | None,
) -> dict[str, list[str]]:
    """Word lexicon from the segments themselves, the TM and the .mo catalogs."""
    from glossary.align.lexicon import learn_lexicon, mo_units, stem

    lexicon = segment_lexicon(pairs, words)
    stems = {stem(w) for f in labels for w in f.split()}
    if tm_units:
        more = learn_lexicon([(u.source, u.target) for u in tm_units], stems)
        merge_lexicon(lexicon, more)
    if mo_dir:
        if not Path(mo_dir).is_dir():
            raise InputError("not a directory of .mo catalogs", mo_dir)
        merge_lexicon(lexicon, learn_lexicon(mo_units(mo_dir), stems))
    return lexicon


def _read(path: str) -> str:
    from glossary.reader import decode

    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(e.strerror or str(e), path) from e
    return decode(data, path)


def _check_languages(en_path: str, en_text: str, vi_path: str, vi_text: str) -> None:
    """Refuse a pair given in the wrong order, or a Vietnamese side in English.

    Aligning English against English yields confident nonsense, so a user who
    swaps the two files is told rather than shown it. As in the build, the
    language is decided on a few windows of a long file, not all of it.
    """
    from glossary.text.tokens import detect_language, language_sample

    en_lang = detect_language(language_sample(en_text))
    vi_lang = detect_language(language_sample(vi_text))
    if en_lang == "vi" and vi_lang == "en":
        raise InputError(
            f"this is Vietnamese and {Path(vi_path).name} is English: "
            "give the English file first (EN_FILE VI_FILE)",
            en_path,
        )
    if vi_lang == "en":
        raise InputError("does not look Vietnamese (VI_FILE)", vi_path)
