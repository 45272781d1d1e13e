"""news-dev accuracy: build one term base from all texts, export JSON, run score.py.

Fails when the summary gets worse than the figures achieved when this test was
written (see docs/names.md). Skips when ../shared is missing.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from glossary.cluster import cluster
from glossary.formats import json as json_format
from glossary.model import Document, Mention
from glossary.pipeline import extract

NEWS = SHARED / "corpus" / "news-dev"

# achieved: found 0.99, together 28/31, canonical 253/317, invented 0, merged 0
# (English rules + the Vietnamese extractor, without the store); before the
# administrative-structure rules (vi_admin): together 24, canonical 213,
# merged 1; before English names for countries named in Vietnamese (CLDR):
# canonical 248. Small slack for the scorer's tie-breaks between equal
# concepts. With an acronym whose tail spells the name before it ("Al-Sultan
# Abdullah (YASA)"): together 29/31; with a Vietnamese description before an
# acronym ("Nhóm các nước công nghiệp ... (G7)"): 30/31.
FLOOR_FOUND = 0.99  # 1.00 with legal forms ("Pte., Ltd") and CLDR countries
FLOOR_TOGETHER = 30
FLOOR_CANONICAL = 250
MAX_INVENTED = 0
MAX_MERGED = 0

NEWS2 = SHARED / "corpus" / "news-dev2"
# news-dev2 (not developed on before this round; issue 14): first figures
# found 0.84, kind 0.67, together 34/82, with evidence 206/255, merged 3,
# inside 29, unlabelled 27; at the end of the round (full build, score.sh)
# found 0.92, kind 0.80, together 54/85, with evidence 227/255, merged 2,
# inside 16, unlabelled 7. This test clusters without the store (no nested
# names): found 0.91, kind 0.79, together 51, with evidence 223, inside 23,
# unlabelled 6; the floors are those less the scorer's tie-breaks. After
# the Vietnamese cue rules (cues of several syllables, football verbs,
# agencies) this test's kind is 0.86 (full build 0.86, was 0.84). With
# settlement unit words and generic bodies: together 61, merged 1, inside 15.
# After the Vietnamese kind classes (a body between title and person,
# spouses, lists, Sino-Vietnamese and Japanese name shapes, acronyms of
# initials) kind 0.91.
# With acronyms spelled, country short names and the places structures are
# named for: together 67, inside 7. After the English kind classes
# (gazetteer units, organisation cues, title holders, brands, possessives,
# occupations): found 0.96, kind 0.95, with evidence 240, unlabelled 4. With
# real names said of a described performer and bodies' other names in
# parentheses: together 71. With how far a Vietnamese body's name goes:
# found 0.98, kind 0.96, evidence 241, inside 6. With the English buildings
# 'X of Y', stage titles, unit dashes, phrases and quoted titles: unlabelled 2.
# Now inside 3, merged 0; merged may read 1 when the scorer's tie between the
# two Lao Cai concepts of en_11 flips ("Lao Cai's" is not yet a name there).
# After the Vietnamese brands, photo credits and titled bodies: found 0.99,
# kind 0.98, evidence 242 (this test). A place with its unit word after a
# title's "of" is no complement ("Secretary of X district's ..."): together 74.
# With Vietnamese body abbreviations compared in full (UB, UBKT, T.Ư) and a
# standing organ named without the body that owns it: together 77. With a
# company's own name after its category words and a unit's body in the
# possessive ("X district's Party Committee"): together 79/88 (the Hoang Sa
# People's Committee of en_06 is found now, split), inside 2. A company
# name opening with its acronym keeps its "and": together 80/88. A brand
# alone names the one group it opens: together 81/88. With bodies of unit
# bodies, event parties, numbered units before structures and passes' makers
# (this test): found 1.00, kind 0.99, together 79, evidence 243, inside 0,
# unlabelled 1. A body "of the central province of X" and the body it
# belongs to: together 83/88 (score.sh), 81 (this test). An island
# district is the district: together 84/88 (score.sh).
FLOORS2 = {"found": 0.99, "kind": 0.98, "together": 80, "evidence": 241}
CEILINGS2 = {"invented": 0, "merged": 1, "inside": 1, "unlabelled": 2}

_SUMMARY = re.compile(
    r"(\d+) clusters: found ([\d.]+), kind ([\d.]+), together (\d+)/(\d+), "
    r"canonical (\d+)/(\d+) \(with evidence (\d+)/(\d+)\), invented (\d+), "
    r"merged (\d+)(?:, inside (\d+), unlabelled (\d+))?"
)


def _mentions(doc: Document) -> list[Mention]:
    """The build's own extraction: language, names, nested names, terms."""
    return extract(doc)[1]


def _score(news: Path, tmp_path: Path) -> tuple[re.Match[str], str]:
    """score.py's summary for a term base clustered from every text of `news`."""
    ms: list[Mention] = []
    for path in sorted(news.glob("*.txt")):
        ms.extend(_mentions(Document(path.name, path.read_text(encoding="utf-8"))))
    out = tmp_path / "export.json"
    with out.open("wb") as f:
        json_format.dump([c.concept for c in cluster(ms)], f)
    run = subprocess.run(
        [sys.executable, str(news / "score.py"), str(out), str(news)],
        capture_output=True,
        text=True,
        check=True,
    )
    last = run.stdout.strip().splitlines()[-1]
    m = _SUMMARY.search(last)
    assert m, last
    return m, last


@pytest.mark.skipif(not (NEWS2 / "score.py").is_file(), reason="news-dev2 missing")
def test_newsdev2_score_does_not_regress(tmp_path: Path) -> None:
    m, last = _score(NEWS2, tmp_path)
    got = {
        "found": float(m.group(2)),
        "kind": float(m.group(3)),
        "together": int(m.group(4)),
        "evidence": int(m.group(8)),
        "invented": int(m.group(10)),
        "merged": int(m.group(11)),
        "inside": int(m.group(12)),
        "unlabelled": int(m.group(13)),
    }
    assert all(got[k] >= v for k, v in FLOORS2.items()), last
    assert all(got[k] <= v for k, v in CEILINGS2.items()), last


@pytest.mark.skipif(not (NEWS / "score.py").is_file(), reason="news-dev missing")
def test_newsdev_score_does_not_regress(tmp_path: Path) -> None:
    m, last = _score(NEWS, tmp_path)
    found, together = float(m.group(2)), int(m.group(4))
    canonical = int(m.group(6))
    invented, merged = int(m.group(10)), int(m.group(11))
    assert found >= FLOOR_FOUND, last
    assert together >= FLOOR_TOGETHER, last
    assert canonical >= FLOOR_CANONICAL, last
    assert invented <= MAX_INVENTED, last
    assert merged <= MAX_MERGED, last
