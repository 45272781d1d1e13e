"""Vietnamese equivalents for English terms from aligned segments.

Plain functions over plain data: the command reads the files and the term base,
tags the Vietnamese side, and calls `propose`. Scoring combines

- identity of `name_key` (names written alike on both sides: "Phạm Minh Chính"),
  and a close `name_key` for transliterated names ("Belarusian" ~ "Belarus");
- association over aligned segments: Dice between the set of segments holding
  the English term and the set holding a Vietnamese word n-gram;
- the relative position of the two inside their segments (parallel paragraphs
  keep enumerations and clauses roughly in order);
- a length prior (a Vietnamese rendering has about 1–2 syllables per English
  word), a bonus for n-grams the Vietnamese extractor found as a unit, and
  optionally a word lexicon learned from a translation memory.

One module per job: `model` (the data), `segments` (paragraph alignment),
`spans` (where terms and n-grams occur), `candidates` (Vietnamese candidates
and matches by name), `word_lexicon`, `score` (`propose`) and `memory`
(translation-memory units in and out). The names below are the public ones.
"""

from __future__ import annotations

from glossary.align.candidates import mention_kinds, mention_units
from glossary.align.memory import (
    TERM_ORIGIN,
    TM_UNITS_MAX,
    aligned_units,
    collapsed_pairs,
    tm_pairs,
)
from glossary.align.model import Outcome, Proposal, Segment, Word
from glossary.align.score import PREFERRED_MIN, STORE_MIN, propose
from glossary.align.segments import (
    paragraph_spans,
    paragraph_words,
    paragraphs,
    segment_pairs,
)
from glossary.align.spans import en_spans, vi_ngrams
from glossary.align.word_lexicon import dice, merge_lexicon, segment_lexicon

__all__ = [
    "PREFERRED_MIN",
    "STORE_MIN",
    "TERM_ORIGIN",
    "TM_UNITS_MAX",
    "Outcome",
    "Proposal",
    "Segment",
    "Word",
    "aligned_units",
    "collapsed_pairs",
    "dice",
    "en_spans",
    "mention_kinds",
    "mention_units",
    "merge_lexicon",
    "paragraph_spans",
    "paragraph_words",
    "paragraphs",
    "propose",
    "segment_lexicon",
    "segment_pairs",
    "tm_pairs",
    "vi_ngrams",
]
