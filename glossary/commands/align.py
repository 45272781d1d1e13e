"""`glossary align`: Vietnamese equivalents for English concepts from parallel text.

Reads paragraph-aligned English/Vietnamese files (and optionally the units of a
translation memory), scores candidates with `glossary.align`, and stores each
proposal as a Vietnamese term of its concept with the evidence behind it. A
Vietnamese-only concept holding the proposed term (found by a build of the
Vietnamese text) is merged into the English concept. With a translation memory
the aligned paragraphs (and the accepted term pairs) are written back into it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.align import (
    Proposal,
    Segment,
    Word,
    en_spans,
    mention_kinds,
    mention_units,
    propose,
    segment_lexicon,
    segment_pairs,
)
from glossary.cli import add_db_option, db_of
from glossary.errors import InputError, StoreError
from glossary.lexicon import learn_lexicon, mo_units, stem
from glossary.model import (
    Concept,
    ConceptStatus,
    Document,
    Evidence,
    Kind,
    Term,
    TermStatus,
    TermType,
)
from glossary.reader import decode
from glossary.store import TermBase
from glossary.text import fold

if TYPE_CHECKING:
    from tm.model import ImportStats, Unit

# A proposal becomes the preferred Vietnamese term of a concept that has none
# yet when it scores at least this much and two independent sources agree: the
# name is identical on both sides, or the Vietnamese extractor found the same
# phrase as a unit (name, title, organisation or term). Anything else is
# admitted and left to the reviewer.
PREFERRED_MIN = 0.8
# Below this a proposal is not stored at all.
STORE_MIN = 0.3
# At most this many translation-memory units (those holding a term) are tagged.
TM_UNITS_MAX = 2000
# Origin of the term-pair units `align` writes into a TM; never read back as
# evidence.
TERM_ORIGIN = "glossary align: term pair"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one proposal."""

    concept_id: int
    proposal: Proposal
    action: str  # "preferred", "admitted", "known", "skipped", "proposed"
    merged: tuple[int, ...] = ()  # Vietnamese-only concepts merged into this one


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `align` subcommand."""
    p = subparsers.add_parser(
        "align",
        help="propose Vietnamese equivalents from paragraph-aligned EN/VI texts",
        description=(
            "Read English and Vietnamese versions of the same text (blank lines "
            "separate paragraphs; paragraph N translates paragraph N), and "
            "propose a Vietnamese term for each English concept of the term base. "
            "Proposals are stored as candidate Vietnamese terms with their score "
            "and aligned paragraphs as evidence; a Vietnamese-only concept "
            "holding the same term (from building the Vietnamese text) is merged "
            "into the English one unless reviewed. Review them in the TUI."
        ),
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="EN_FILE VI_FILE",
        help="one or more pairs: an English file, then its Vietnamese version",
    )
    add_db_option(p)
    p.add_argument(
        "--tm",
        metavar="TM_DB",
        help="use the units of this translation memory as parallel data, and "
        "write the aligned paragraphs and the accepted (preferred or approved) "
        "term pairs into it (created if missing)",
    )
    p.add_argument(
        "--tm-read-only",
        action="store_true",
        help="read the --tm memory but write nothing into it",
    )
    p.add_argument(
        "--mo",
        metavar="DIR",
        help="learn a word lexicon from the gettext .mo catalogs in DIR "
        "(e.g. /usr/share/locale/vi/LC_MESSAGES)",
    )
    p.add_argument(
        "--backend",
        choices=("underthesea", "pyvi"),
        default="underthesea",
        help="Vietnamese word segmenter and tagger (default: underthesea)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="show proposals, store nothing"
    )
    p.add_argument("--json", action="store_true", help="print proposals as JSON")
    p.set_defaults(func=run)


def _read(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(e.strerror or str(e), path) from e
    return decode(data, path)


def _pairs(files: Sequence[str]) -> list[tuple[str, str, str, str]]:
    if len(files) % 2:
        raise InputError("needs pairs of files: EN_FILE VI_FILE", files[-1])
    out = []
    for en_path, vi_path in zip(files[::2], files[1::2], strict=True):
        en_text, vi_text = _read(en_path), _read(vi_path)
        _check_languages(en_path, en_text, vi_path, vi_text)
        out.append((en_path, en_text, vi_path, vi_text))
    return out


def _check_languages(en_path: str, en_text: str, vi_path: str, vi_text: str) -> None:
    """Refuse a pair given in the wrong order, or a Vietnamese side in English.

    Aligning English against English yields confident nonsense, so a user who
    swaps the two files is told rather than shown it.
    """
    from glossary.tokens import detect_language

    en_lang, vi_lang = detect_language(en_text), detect_language(vi_text)
    if en_lang == "vi" and vi_lang == "en":
        raise InputError(
            f"this is Vietnamese and {Path(vi_path).name} is English: "
            "give the English file first (EN_FILE VI_FILE)",
            en_path,
        )
    if vi_lang == "en":
        raise InputError("does not look Vietnamese (VI_FILE)", vi_path)


def _english_terms(tb: TermBase) -> dict[str, tuple[int, list[str], Kind]]:
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


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _tm_units(path: str) -> list[Unit]:
    """The memory's units, without the term pairs written by `align` itself.

    Those term pairs would be their own evidence, both as parallel segments and
    for the word lexicon.
    """
    from tm.store import MemoryStore

    with MemoryStore(path) as store:
        return [u for u in store.units() if u.origin != TERM_ORIGIN]


def _tm_pairs(
    units: Iterable[Unit],
    forms: Sequence[str],
    known: Collection[tuple[str, str]] = (),
    limit: int = TM_UNITS_MAX,
) -> list[tuple[Segment, Segment]]:
    """Memory units holding one of `forms`, as extra aligned segments.

    Units equal to a pair of `known` (whitespace collapsed) are left out: they
    are the documents' own paragraphs, written by an earlier `align --tm`, and
    counting them twice would double their weight.
    """
    out: list[tuple[Segment, Segment]] = []
    for unit in units:
        if (_collapse(unit.source), _collapse(unit.target)) in known:
            continue
        if any(en_spans(f, unit.source) for f in forms):
            sid = f"tm:{unit.id}"
            out.append((Segment(sid, unit.source), Segment(sid, unit.target)))
            if len(out) >= limit:
                break
    return out


def aligned_units(
    docs: Sequence[tuple[str, str, str, str]],
    outcomes: Sequence[Outcome] = (),
    approved: Mapping[int, str] | None = None,
) -> list[Unit]:
    """Translation units for the aligned paragraphs and the accepted term pairs.

    A term pair is accepted when `align` made it the preferred Vietnamese term,
    or when it was already known, its concept has been approved by a reviewer
    and it is that concept's preferred Vietnamese term (`approved`: concept id
    → preferred Vietnamese term). Paragraph units carry the origin `EN_FILE#N`; term
    units `TERM_ORIGIN`.
    Whitespace inside a paragraph is collapsed to single spaces, as `tm import
    --parallel` does.
    """
    from tm.model import Unit

    units = []
    for en_path, en_text, vi_path, vi_text in docs:
        for en, vi in segment_pairs(Path(vi_path).name, en_text, vi_text):
            n = en.id.rsplit("#", 1)[1]
            origin = f"{en_path}#{n}"
            units.append(Unit(_collapse(en.text), _collapse(vi.text), origin=origin))
    for o in outcomes:
        accepted = (approved or {}).get(o.concept_id, "")
        if o.action == "preferred":
            accepted = o.proposal.vietnamese
        elif o.action != "known" or fold(accepted) != fold(o.proposal.vietnamese):
            continue
        units.append(Unit(o.proposal.english, accepted, origin=TERM_ORIGIN))
    return units


def write_tm(path: str, units: Sequence[Unit]) -> ImportStats:
    """Add `units` to the translation memory at `path` (created if missing).

    Goes through `tm.service.import_units`: one transaction, and units already
    in the memory are not added twice.
    """
    from tm import service
    from tm.store import MemoryStore

    with MemoryStore(path) as store:
        return service.import_units(store, path, units)


def _merge(lexicon: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    for key, words in more.items():
        known = lexicon.setdefault(key, [])
        known.extend(w for w in words if w not in known)


def _words(pairs: Sequence[tuple[Segment, Segment]], backend: str) -> list[list[Word]]:
    from glossary.vi_extract import tag

    return [
        [Word(t.start, t.end, t.tag) for t in tag(vi.text, backend=backend)]
        for _, vi in pairs
    ]


def store_proposal(
    tb: TermBase,
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
    if any(fold(t.text) == fold(proposal.vietnamese) for t in vi_terms):
        known = next(t for t in vi_terms if fold(t.text) == fold(proposal.vietnamese))
        tb.add_term(
            concept_id,
            Term(text=known.text, lang="vi", count=0, evidence=(evidence,)),
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
    tb.log(
        "align",
        concept_id,
        term=proposal.vietnamese,
        score=proposal.score,
        rule=proposal.rule,
    )
    return str(status)


def merge_vietnamese_only(tb: TermBase, concept_id: int, vietnamese: str) -> list[int]:
    """Merge Vietnamese-only concepts holding `vietnamese` into the concept.

    A build of the Vietnamese text finds "Thủ tướng" as a concept of its own;
    once `align` pairs it with "Prime Minister" the two are one concept. The
    merge goes through `glossary.service.merge` (logged; the source's key
    becomes a redirect so a rebuild adds to the target). Review decisions are
    kept: nothing happens unless both concepts are still candidates and the
    Vietnamese-only one has no term a reviewer added or edited.

    Returns:
        The ids of the merged (now deleted) concepts.
    """
    from glossary.service import merge

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


def _lexicon(
    pairs: Sequence[tuple[Segment, Segment]],
    words: Sequence[Sequence[Word]],
    labels: Iterable[str],
    tm_units: Sequence[Unit],
    mo_dir: str | None,
) -> dict[str, list[str]]:
    """Word lexicon from the segments themselves, the TM and the .mo catalogs."""
    lexicon = segment_lexicon(pairs, words)
    stems = {stem(w) for f in labels for w in f.split()}
    if tm_units:
        _merge(lexicon, learn_lexicon([(u.source, u.target) for u in tm_units], stems))
    if mo_dir:
        if not Path(mo_dir).is_dir():
            raise InputError("not a directory of .mo catalogs", mo_dir)
        _merge(lexicon, learn_lexicon(mo_units(mo_dir), stems))
    return lexicon


def align(
    tb: TermBase,
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

    Raises:
        InputError: a pair's paragraph counts differ, or the TM is missing.
    """
    from glossary.vi_extract import vietnamese_mentions

    terms = _english_terms(tb)
    pairs: list[tuple[Segment, Segment]] = []
    units: set[str] = set()
    unit_kinds: dict[str, set[Kind]] = {}
    vi_doc = {}
    vi_texts: dict[str, str] = {}
    for _en_path, en_text, vi_path, vi_text in docs:
        try:
            doc_pairs = segment_pairs(Path(vi_path).name, en_text, vi_text)
        except ValueError as e:
            raise InputError(str(e), vi_path) from e
        pairs.extend(doc_pairs)
        vi_doc.update({v.id.rsplit("#", 1)[0]: vi_path for _, v in doc_pairs})
        vi_texts[vi_path] = vi_text
        doc = Document(vi_path, vi_text, "vi")
        mentions = vietnamese_mentions(doc, backend=backend)
        units |= mention_units(vi_text, mentions)
        for key, ks in mention_kinds(mentions).items():
            unit_kinds.setdefault(key, set()).update(ks)
    tm_units: list[Unit] = []
    if tm_path:
        if not Path(tm_path).exists():
            raise InputError("no such translation memory", tm_path)
        tm_units = _tm_units(tm_path)
        forms = [f for _, fs, _ in terms.values() for f in fs]
        known = {(_collapse(e.text), _collapse(v.text)) for e, v in pairs}
        pairs.extend(_tm_pairs(tm_units, forms, known))
    words = _words(pairs, backend)
    proposals = propose(
        {label: forms for label, (_, forms, _) in terms.items()},
        pairs,
        words,
        units=units,
        lexicon=_lexicon(pairs, words, terms, tm_units, mo_dir),
        kinds={label: kind for label, (_, _, kind) in terms.items()},
        unit_kinds=unit_kinds,
    )
    outcomes = []
    for label, p in sorted(proposals.items(), key=lambda kv: -kv[1].score):
        cid = terms[label][0]
        if p.score < STORE_MIN:
            outcomes.append(Outcome(cid, p, "skipped"))
        elif dry_run:
            outcomes.append(Outcome(cid, p, "proposed"))
        else:
            document = vi_doc.get(p.segments[0].rsplit("#", 1)[0], p.segments[0])
            spans = en_spans(p.vietnamese, vi_texts.get(document, ""))
            span = spans[0] if spans else (-1, -1)
            action = store_proposal(tb, cid, p, document, span)
            merged = merge_vietnamese_only(tb, cid, p.vietnamese)
            outcomes.append(Outcome(cid, p, action, tuple(merged)))
    return outcomes


def run(args: argparse.Namespace) -> int:
    """Align, store, and print one line per proposal and a summary."""
    docs = _pairs(args.files)
    path = db_of(args)
    if path != ":memory:" and not Path(path).exists():
        raise StoreError(f"{path}: no term base here (run `glossary build` first)")
    tm_read = args.tm
    if args.tm and not Path(args.tm).exists():
        if args.tm_read_only:
            raise InputError("no such translation memory", args.tm)
        tm_read = None  # created by the write below
    with TermBase(path) as tb:
        outcomes = align(
            tb,
            docs,
            tm_path=tm_read,
            mo_dir=args.mo,
            backend=args.backend,
            dry_run=args.dry_run,
        )
        approved = {
            c.id: vi.text
            for c in tb.concepts(status=ConceptStatus.APPROVED)
            if c.id is not None and (vi := c.preferred("vi")) is not None
        }
    if args.tm and not args.tm_read_only and not args.dry_run:
        stats = write_tm(args.tm, aligned_units(docs, outcomes, approved))
        print(
            f"{args.tm}: {stats.added} new translation units "
            f"({stats.duplicates} already there)",
            file=sys.stderr,
        )
    if args.json:
        json.dump(
            [
                {
                    "concept_id": o.concept_id,
                    "english": o.proposal.english,
                    "vietnamese": o.proposal.vietnamese,
                    "score": o.proposal.score,
                    "rule": o.proposal.rule,
                    "segments": list(o.proposal.segments),
                    "action": o.action,
                    "merged": list(o.merged),
                }
                for o in outcomes
            ],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    for o in outcomes:
        p = o.proposal
        print(
            f"{o.concept_id:>5}  {p.english} → {p.vietnamese}  "
            f"{p.score:.2f} {p.rule}  [{o.action}]"
            + (f"  merged {', '.join(map(str, o.merged))}" if o.merged else "")
        )
    stored = sum(o.action in ("preferred", "admitted") for o in outcomes)
    print(
        f"{len(outcomes)} proposals, {stored} new Vietnamese terms stored"
        + (" (dry run)" if args.dry_run else ""),
        file=sys.stderr,
    )
    return 0
