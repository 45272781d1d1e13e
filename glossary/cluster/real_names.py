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


def link_real_names(state: DocumentState) -> None:
    """Join each legal name the text gives to its performer's stage name."""
    owner: dict[str, Group] = {}
    for g in state.order:
        for m, _, _ in g.members:
            owner.setdefault(m.text, g)
    for m in state.mentions:
        if m.lang != "vi" or "tên" not in m.context:
            continue
        for pattern in _PATTERNS:
            for hit in pattern.finditer(m.context):
                stage, real = owner.get(hit["stage"]), owner.get(hit["real"])
                if stage is None or real is None or stage is real:
                    continue
                stage, real = stage.root(), real.root()
                if stage is real or real.merged_into is not None:
                    continue
                for rm, _, _ in real.members:
                    stage.add(
                        rm, TermType.VARIANT, evidence_at("real-name", rm, hit["stage"])
                    )
                stage.kind = Kind.PERSON
                real.merged_into = stage
