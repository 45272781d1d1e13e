"""Vietnamese syllables: phonotactic validation and tone-mark placement styles.

Private helper of `glossary.text` (import the public names from there).

A written syllable is onset + rime + tone. The onset and rime inventory
(`glossary.lang.vi`) is the standard one of Vietnamese orthography (medial
glide, nucleus, coda); every valid toneless syllable is enumerated once into
a set, so validation is a set lookup plus the tone rule (codas p/t/c/ch
take only sắc or nặng).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from glossary.lang import vi

__all__ = [
    "is_vietnamese_syllable",
    "split_tone",
    "to_new_style",
    "to_old_style",
]

# Tone marks as combining characters (NFD), and their names.
_TONES = {
    "\u0300": "huyen",
    "\u0301": "sac",
    "\u0303": "nga",
    "\u0309": "hoi",
    "\u0323": "nang",
}
_BASE_VOWELS = "aăâeêioôơuưy"
_LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư")

# Onsets written differently before front vowels (c/k, g/gh, ng/ngh).
_FRONT_ONLY = {"k", "gh", "ngh"}
_NOT_FRONT = {"c", "g", "ng", "q"}
_FRONT = set("eêiy")

_STOP_CODAS = ("p", "t", "c", "ch")


def _rimes() -> set[str]:
    rimes = set(vi.OPEN_RIMES)
    for nucleus, codas in vi.CLOSED_RIMES.items():
        rimes.update(nucleus + coda for coda in codas.split())
    return rimes


def _onset_fits(onset: str, rime: str) -> bool:
    first = rime[0]
    if onset in _FRONT_ONLY:
        return first in _FRONT
    if onset in _NOT_FRONT:
        return first not in "eêiy"
    return True


@cache
def _toneless_syllables() -> frozenset[str]:
    """Every valid toneless, lowercase syllable (about 6,000)."""
    rimes = _rimes()
    out: set[str] = set()
    for onset in vi.ONSETS:
        if onset == "qu":
            # qu spells /kw/: qua = /kwa/ (rime oa), quốc (uôc), quỳnh (uynh).
            out.update("qu" + r for r in rimes if r[0] in "aăâeêiyơ")
            out.update("qu" + r[1:] for r in rimes if r[0] in "ou" and len(r) > 1)
            # quoắt, quoàng: the glide written twice, as dictionaries list them
            out.update("qu" + r for r in rimes if r[:2] in ("oa", "oă", "oe"))
            continue
        if onset == "gi":
            out.update("gi" + rime for rime in rimes)
            out.update("gi" + r[1:] for r in rimes if r.startswith("i") and len(r) > 1)
            out.add("gi")
            continue
        for rime in rimes:
            if rime.startswith("yê") and onset:
                continue  # yê only begins a syllable: yên, but tiên
            if _onset_fits(onset, rime):
                out.add(onset + rime)
    return frozenset(s for s in out if "ii" not in s)


@cache
def _ascii_syllables() -> frozenset[str]:
    """The toneless syllables with every diacritic removed (đ→d)."""
    return frozenset(_strip_marks(s) for s in _toneless_syllables())


def _strip_marks(s: str) -> str:
    d = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if not unicodedata.combining(c))


@cache
def _char_table() -> dict[str, tuple[str, str]]:
    """Map each precomposed Vietnamese letter to (toneless letter, tone name)."""
    table: dict[str, tuple[str, str]] = {}
    for base in _BASE_VOWELS + _BASE_VOWELS.upper():
        table[base] = (base, "")
        for mark, name in _TONES.items():
            table[unicodedata.normalize("NFC", base + mark)] = (base, name)
    return table


@cache
def _compose_table() -> dict[tuple[str, str], str]:
    return {value: key for key, value in _char_table().items()}


def split_tone(syllable: str) -> tuple[str, str, int] | None:
    """Split an NFC syllable into (toneless text, tone name, index of toned vowel).

    Returns None when the syllable carries more than one tone mark or a letter
    outside the Vietnamese alphabet. The tone name is "" for ngang (no mark).
    """
    table = _char_table()
    letters: list[str] = []
    tone, where = "", -1
    for i, ch in enumerate(syllable):
        hit = table.get(ch)
        if hit is None:
            letters.append(ch)
            continue
        letters.append(hit[0])
        if hit[1]:
            if tone:
                return None
            tone, where = hit[1], i
    return "".join(letters), tone, where


def is_vietnamese_syllable(s: str, *, ascii_ok: bool = False) -> bool:
    """Whether `s` is one well-formed written Vietnamese syllable.

    Checks onset, medial glide, nucleus and coda against Vietnamese
    orthography, the c/k, g/gh, ng/ngh spelling rules, and the tone rule that
    syllables closed by p, t, c or ch take only sắc or nặng. Case is ignored;
    NFD input is accepted.

    Args:
        s: One syllable, without spaces.
        ascii_ok: Also accept text written without any diacritics when some
            diacritized spelling of it is a syllable ("Nguyen", "Chinh").

    Returns:
        True for a valid syllable.
    """
    if not s:
        return False
    s = unicodedata.normalize("NFC", s).lower()
    if ascii_ok and s.isascii():
        return s in _ascii_syllables()
    parts = split_tone(s)
    if parts is None:
        return False
    toneless, tone, _ = parts
    if toneless not in _toneless_syllables():
        return False
    return not (tone in ("huyen", "hoi", "nga") and toneless.endswith(_STOP_CODAS))


def _restyle(word: str, *, new: bool) -> str:
    """Move the tone mark of one oa/oe/uy open syllable (see `to_new_style`)."""
    parts = split_tone(word)
    if parts is None or not parts[1]:
        return word
    toneless, tone, where = parts
    low = toneless.lower()
    if len(low) < 2 or low[-2:] not in ("oa", "oe", "uy"):
        return word
    onset = low[:-2]
    if onset in ("q", "g") or onset not in vi.ONSETS:
        return word  # qu/gi onsets: quý, giữ keep their mark
    if not is_vietnamese_syllable(word):
        return word
    target = len(low) - 1 if new else len(low) - 2
    if target == where:
        return word
    compose = _compose_table()
    chars = list(toneless)
    chars[target] = compose[(chars[target], tone)]
    return "".join(chars)


# A mark moves only in a run of letters that ends in o or u and a, e or y
# (hoà/hòa, khoẻ/khỏe, thuỷ/thủy): NFC text without such a pair is the
# same in both styles, and most text is.
_MOVABLE = re.compile("[oòóỏõọuùúủũụ][aàáảãạeèéẻẽẹyỳýỷỹỵ]", re.IGNORECASE)


def _restyle_text(s: str, *, new: bool) -> str:
    return s if _MOVABLE.search(s) is None else _restyle_runs(s, new=new)


def _restyle_runs(s: str, *, new: bool) -> str:
    out: list[str] = []
    start = -1
    for i, ch in enumerate(s):
        # a mark NFC cannot compose (a second tone) belongs to its word
        if ch.isalpha() or (start >= 0 and unicodedata.combining(ch)):
            if start < 0:
                start = i
            continue
        if start >= 0:
            out.append(_restyle(s[start:i], new=new))
            start = -1
        out.append(ch)
    if start >= 0:
        out.append(_restyle(s[start:], new=new))
    return "".join(out)


def to_new_style(s: str) -> str:
    """Put tone marks in the "new" place: hòa→hoà, khỏe→khoẻ, thủy→thuỷ.

    Only open syllables ending in oa, oe or uy change; qu/gi onsets (quý,
    giữ), closed syllables (hoàng, thuyền) and non-Vietnamese words never do.
    Case is kept. The result is NFC; the function is idempotent.

    Args:
        s: Running text.

    Returns:
        The text with new-style tone placement.
    """
    s = unicodedata.normalize("NFC", s)
    return _restyle_text(s, new=True)


def to_old_style(s: str) -> str:
    """Put tone marks in the "old" place: hoà→hòa, khoẻ→khỏe, thuỷ→thủy, Uỷ→Ủy.

    The inverse of `to_new_style`, with the same scope and guarantees.

    Args:
        s: Running text.

    Returns:
        The text with old-style tone placement.
    """
    s = unicodedata.normalize("NFC", s)
    return _restyle_text(s, new=False)
