"""A performer's stage name and legal name: one person.

Private pass of the document stage (`glossary.cluster.document`). Vietnamese
entertainment news names a performer by the stage name and gives the legal
name once: "tên thật của Bảo Thy là Trần Thị Thúy Loan", "Lý Nhã Kỳ tên thật
là Trần Thị Thanh Nhàn", "Noo Phước Thịnh (tên thật Nguyễn Phước Thịnh)".
The legal name joins the stage name's person as a variant (evidence
"real-name"), so the stage name stays the preferred term.
"""

from __future__ import annotations

import re

from glossary.cluster.base import DocumentState, Group, evidence_at
from glossary.model import Kind, TermType

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_NAME = rf"(?<!\w)[{_UPPER}][\w-]*(?: [{_UPPER}][\w-]*){{0,4}}"
_REAL = r"tên (?:thật|khai sinh|trong giấy khai sinh)"
_PATTERNS = (
    re.compile(rf"{_REAL} của (?P<stage>{_NAME}) là (?P<real>{_NAME})"),
    re.compile(rf"(?P<stage>{_NAME}),? (?:có )?{_REAL} là (?P<real>{_NAME})"),
    re.compile(rf"(?P<stage>{_NAME}) \({_REAL}:? (?:là )?(?P<real>{_NAME})\)"),
)


# "Tên trong giấy khai sinh của nữ ca sĩ là Mai Hồng Ngọc", "tên gọi ở nhà
# của anh là Noo": the performer is described, not named; the one named last.
_DESCRIBED = re.compile(
    rf"(?i:{_REAL}|tên gọi ở nhà|biệt danh) của (?:[^\W\d{_UPPER}]+ ){{0,3}}?"
    rf"(?:anh|chị|cô|em|ông|bà|ca sĩ|nghệ sĩ|diễn viên)(?: này)? là (?P<real>{_NAME})"
)


def link_real_names(state: DocumentState) -> None:
    """Join each legal name the text gives to its performer's stage name.

    Said of a performer by name ("tên thật của Bảo Thy là ...") or described
    ("Tên trong giấy khai sinh của nữ ca sĩ là Mai Hồng Ngọc", "tên gọi ở nhà
    của anh là Noo"): then the performer is the person named last before.
    """
    owner: dict[str, Group] = {}
    for g in state.order:
        for m, _, _ in g.members:
            owner.setdefault(m.text, g)
    for m in state.mentions:
        if m.lang != "vi" or "tên" not in m.context.lower():
            continue
        for pattern in _PATTERNS:
            for hit in pattern.finditer(m.context):
                _join(owner.get(hit["stage"]), owner.get(hit["real"]), hit["stage"])
        for hit in _DESCRIBED.finditer(m.context):
            if m.text == hit["real"]:
                named = _named_before(state, m.start) or ""
                _join(owner.get(named), owner.get(m.text), named)


def _named_before(state: DocumentState, start: int) -> str | None:
    """The last name of two words or more that may be a person's before `start`."""
    last = None
    for x in state.mentions:
        if x.start >= start:
            break
        if x.kind in (Kind.PERSON, Kind.OTHER, None) and " " in x.text:
            last = x.text
    return last


def _join(stage: Group | None, real: Group | None, said: str) -> None:
    """Move the legal name's group `real` into the stage name's `stage`."""
    if stage is None or real is None:
        return
    stage, real = stage.root(), real.root()
    if stage is real or real.merged_into is not None:
        return
    for rm, _, _ in real.members:
        stage.add(rm, TermType.VARIANT, evidence_at("real-name", rm, said))
    stage.kind = Kind.PERSON
    real.merged_into = stage
