"""Title rules in English and Vietnamese."""

from __future__ import annotations

from glossary.lang import en
from glossary.names.titles import (
    HONORIFICS,
    OPENS_TITLE,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    canonical_title,
    complement_end,
    is_plural_title,
    is_title_word,
    split_title,
    vi_title_prefix,
)


def test_split_title() -> None:
    assert split_title(["Prime", "Minister", "Phạm", "Minh", "Chính"]) == 2
    assert split_title(["Deputy", "PM", "Sivak"]) == 2
    assert split_title(["Consul", "General", "Xu", "Ming", "Liang"]) == 2
    assert split_title(["Mr.", "Kim"]) == 1
    assert split_title(["General", "Motors"]) == 0
    assert split_title(["Minister"]) == 0  # a name must be left


def test_opens_title_only_skips_what_split_title_leaves() -> None:
    # every first word of a title opens one; any other word splits nothing,
    # whatever follows it
    words = {*HONORIFICS, *TITLE_HEADS, *TITLE_MODIFIERS}
    words |= {w for pair in en.HONORIFIC_PAIRS for w in pair}
    words |= {w + "s" for w in TITLE_HEADS} | {w + "." for w in words}
    words |= {w.title() for w in words} | {w.upper() for w in words}
    words |= {"Hanoi", "General", "Motors", "Kim", "Vietnam", "Ltd.", "X"}
    follow = sorted(words)
    for w in sorted(words):
        if OPENS_TITLE[w]:
            continue
        assert all(split_title([w, x, "Kim"]) == 0 for x in follow), w
    assert all(OPENS_TITLE[w] for w in ("Deputy", "Mr.", "Ministers", "Tan"))
    assert not OPENS_TITLE["Hanoi"]


def test_canonical_title() -> None:
    assert canonical_title("PM") == "Prime Minister"
    assert canonical_title("Deputy PM") == "Deputy Prime Minister"
    assert canonical_title("Ambassador") == "Ambassador"


def test_title_words() -> None:
    assert is_title_word("Chairman")
    assert is_title_word("Ministers")
    assert not is_title_word("Hanoi")


def test_vietnamese_titles() -> None:
    assert vi_title_prefix("Phó Thủ tướng Trần Hồng Hà") == "Phó Thủ tướng"
    assert (
        vi_title_prefix("Thủ tướng Chính phủ Phạm Minh Chính") == "Thủ tướng Chính phủ"
    )
    assert vi_title_prefix("Bộ trưởng Bùi Thanh Sơn") == "Bộ trưởng"
    assert vi_title_prefix("Đại sứ Nguyễn Văn A") == "Đại sứ"
    assert vi_title_prefix("Chính phủ đã họp") == ""


def _ce(text: str) -> int:
    return complement_end(text.split(" "))


def test_title_with_portfolio_complement() -> None:
    assert _ce("Minister of Industry and Trade Nguyễn Hồng Diên") == 5
    assert _ce("Minister of Home Affairs Kubrakov") == 4
    assert _ce("Speaker of the House of Representatives") == 6
    assert _ce("Minister of Natural Resources and Environment X") == 6
    # not a portfolio head / no title at all
    assert _ce("CEO of Nexif Ratch Energy") == 0
    assert _ce("General Motors of Detroit") == 0


def test_plural_titles_are_singular() -> None:
    assert is_plural_title("Deputy Prime Ministers")
    assert not is_plural_title("Minister of Home Affairs")
    assert canonical_title("Deputy Prime Ministers") == "Deputy Prime Minister"
    assert canonical_title("Foreign Ministers") == "Foreign Minister"
