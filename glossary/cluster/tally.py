"""What a corpus-stage group knows of its mentions: `Tally`.

Private helper of the clustering modules. A streamed build
(`glossary.cluster.CorpusStream`) keeps only the first mentions of each
written form of a merged group (`KEPT_POSITIONS`) and counts the rest here:
how many, of which term types, by which rules, in which documents. The
corpus passes and `glossary.cluster.candidate` ask a group these through
the functions below, which read the members themselves when no tally was
taken (a group of one document, or clustering in memory).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from glossary.model import TermType
from glossary.names.titles import canonical_title, is_honorific

if TYPE_CHECKING:
    from glossary.cluster.base import Group, Member

Form = tuple[str, str]  # a written form: (text, lang)
Position = tuple[str, int, int]  # (document, start, end) of a mention

# A merged group keeps, per written form, its mentions up to this many
# distinct positions: a candidate's term shows the first 20 distinct
# evidences, and an evidence is distinct where its position is.
KEPT_POSITIONS = 20

# A sentence names China: the person may be Chinese (`glossary.cluster.sino`).
CHINA_WORDS = ("Trung Quốc", "Trung Hoa")
_CHINA: tuple[str, str] = CHINA_WORDS


@dataclass(slots=True)
class FormTally:
    """What a group knows of one written form's mentions, kept or not.

    Attributes:
        count: how many mentions.
        types: how many of each term type, in first-seen order.
        rules: the rules of their evidence.
        seen: the positions of the kept mentions, while fewer than
            `KEPT_POSITIONS`; None once that many are kept (later mentions
            of the form are counted, not kept).
    """

    count: int = 0
    types: dict[TermType, int] = field(default_factory=dict)
    rules: set[str] = field(default_factory=set)
    seen: set[Position] | None = field(default_factory=set)


@dataclass(slots=True)
class Tally:
    """A group's mentions summed up (`tally`): the forms, in first-seen
    order, the documents, and the titles of mentions not kept."""

    forms: dict[Form, FormTally] = field(default_factory=dict)
    docs: set[str] = field(default_factory=set)
    dropped_roles: Counter[str] = field(default_factory=Counter)


def tally(g: Group) -> Tally:
    """`g.tally`, summed up from its members when not yet asked."""
    if g.tally is None:
        g.tally = Tally()
        members = g.members
        _count(g.tally, members)
        kept = _kept(g, g.tally, members)
        if kept is not members:
            members[:] = kept
    return g.tally


def _count(
    t: Tally,
    members: list[Member],
    rule: str | None = None,
    ttype: TermType | None = None,
) -> None:
    """Count `members` into `t` (not their positions: see `_kept`); as
    `merge_tally` moves them, each evidence by `rule` and each of type
    `ttype` when given."""
    forms, docs = t.forms, t.docs
    for m, mtype, ev in members:
        f = forms.get((m.text, m.lang))
        if f is None:
            f = forms[(m.text, m.lang)] = FormTally()
        f.count += 1
        kind = mtype if ttype is None else ttype
        f.types[kind] = f.types.get(kind, 0) + 1
        f.rules.add(ev.rule if rule is None else rule)
        docs.add(m.document)


def _kept(g: Group, t: Tally, members: list[Member]) -> list[Member]:
    """Note the positions of `members` (counted in `t`), the last of `g`'s;
    the ones `g` keeps: in a streamed build (`g.sources`), not those of a
    form that already has `KEPT_POSITIONS` positions kept (`members`
    itself when it keeps them all)."""
    trims = g.sources is not None
    kept: list[Member] = []
    forms = t.forms
    for item in members:
        m = item[0]
        f = forms[(m.text, m.lang)]
        if f.seen is not None:
            f.seen.add((m.document, m.start, m.end))
            if len(f.seen) >= KEPT_POSITIONS:
                f.seen = None
            kept.append(item)
        elif not trims or _names_china(m.context):
            kept.append(item)  # what `glossary.cluster.sino` asks of a sentence
        elif m.title and not is_honorific(m.title):
            t.dropped_roles[canonical_title(m.title)] += 1
    return kept if len(kept) < len(members) else members


def keep_members(g: Group, members: list[Member]) -> None:
    """Add `members` to `g`, counting them and, in a streamed build, keeping
    only what `tally` keeps."""
    t = tally(g)
    _count(t, members)
    g.members.extend(_kept(g, t, members))


def merge_tally(
    h: Group,
    g: Group,
    moved: Callable[[list[Member]], list[Member]],
    rule: str,
    ttype: TermType | None,
) -> None:
    """Add `g`'s members and what its tally counts of the members it let go
    to `h`.

    Args:
        h: the group that takes them.
        g: the group they come from.
        moved: `g`'s members as `h` takes them (relabelled), of those `h`
            keeps: most of a frequent name's are counted only, and are not
            relabelled for nothing.
        rule: the rule every moved evidence now has.
        ttype: the term type every moved member now has, or None if kept.
    """
    if g.tally is None and len(g.members) <= KEPT_POSITIONS:
        # `g` is a document's group as it came (most merges): no form of it
        # has more positions than a tally keeps, so counting its members
        # straight into `h`'s tally is what summing them up first would give
        ht = tally(h)
        _count(ht, g.members, rule, ttype)
        h.members.extend(moved(_kept(h, ht, g.members)))
        if h.sources is not None and g.sources is not None:
            h.sources.extend(g.sources)
        return
    gt, ht = tally(g), tally(h)
    for k, gf in gt.forms.items():
        hf = ht.forms.get(k)
        if hf is None:
            hf = ht.forms[k] = FormTally()
        hf.count += gf.count
        if ttype is None:
            for t, n in gf.types.items():
                hf.types[t] = hf.types.get(t, 0) + n
        else:
            hf.types[ttype] = hf.types.get(ttype, 0) + gf.count
        hf.rules.add(rule)
    ht.docs |= gt.docs
    ht.dropped_roles.update(gt.dropped_roles)
    h.members.extend(moved(_kept(h, ht, g.members)))
    if h.sources is not None and g.sources is not None:
        h.sources.extend(g.sources)


def _names_china(sentence: str) -> bool:
    """True if `sentence` holds one of `CHINA_WORDS` (two ``in`` tests:
    ``any`` over a generator cost more than the tests, once per mention)."""
    return _CHINA[0] in sentence or _CHINA[1] in sentence


def full_forms(g: Group) -> list[Form]:
    """The forms of `g` written as a full form at least once, each once."""
    if g.tally is None:
        return list(
            {(m.text, m.lang): None for m, t, _ in g.members if t is TermType.FULL_FORM}
        )
    full = TermType.FULL_FORM
    return [k for k, f in g.tally.forms.items() if full in f.types]


def forms(g: Group) -> list[Form]:
    """The forms of `g`'s members, each once, in order."""
    if g.tally is None:
        return list({(m.text, m.lang): None for m, _, _ in g.members})
    return list(g.tally.forms)


def form_texts(g: Group) -> list[str]:
    """The texts of the forms of `g`'s members, each once, in order."""
    if g.tally is None:
        return list({m.text: None for m, _, _ in g.members})
    return list({k[0]: None for k in g.tally.forms})


def group_docs(g: Group) -> set[str]:
    """The documents of `g`'s members."""
    if g.tally is None:
        return {m.document for m, _, _ in g.members}
    return g.tally.docs


def only_type(g: Group, ttype: TermType) -> bool:
    """True if every member of `g` is of type `ttype`."""
    if g.tally is None:
        return all(t is ttype for _, t, _ in g.members)
    return all(len(f.types) == 1 and ttype in f.types for f in g.tally.forms.values())
