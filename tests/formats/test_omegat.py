"""OmegaT's own glossary readers, run headless, see what we meant to write.

`tests/omegat/GlossaryDump.java` calls OmegaT's TBX and tab-separated readers
(the classes its glossary pane uses) and prints source, target and comment of
each entry. Skipped where OmegaT or a JDK is not installed.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLE_CONCEPTS
from test_csv import FORBIDDEN_PM

from glossary.formats import tbx2008, tsv

JAR = Path(os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar"))
HARNESS = Path(__file__).resolve().parent.parent / "omegat" / "GlossaryDump.java"

pytestmark = pytest.mark.skipif(
    not JAR.exists() or not shutil.which("javac"),
    reason=f"OmegaT is not installed ({JAR} missing; Debian: apt-get install "
    "omegat; or set OMEGAT_JAR) or there is no JDK",
)


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("omegat")
    subprocess.run(
        ["javac", "-d", str(out), "-cp", str(JAR), str(HARNESS)],
        check=True,
        capture_output=True,
    )
    return out


def omegat_entries(harness: Path, path: Path) -> list[tuple[str, str, str]]:
    """(source, target, comment) of each entry OmegaT reads from `path`."""
    result = subprocess.run(
        [
            "java",
            f"-Duser.home={harness}",
            "-cp",
            f"{harness}{os.pathsep}{JAR}",
            "GlossaryDump",
            str(path),
            "en",
            "vi",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    return [(r[0], r[1], r[2] if len(r) > 2 else "") for r in rows]


@pytest.mark.parametrize(
    ("dump", "name"), [(tbx2008.dump, "g.tbx"), (tsv.dump, "g.txt")]
)
def test_omegat_never_offers_a_forbidden_term(
    harness: Path, tmp_path: Path, dump: object, name: str
) -> None:
    out = io.BytesIO()
    others = [c for c in SAMPLE_CONCEPTS if c.label != "Prime Minister"]
    dump([*others, FORBIDDEN_PM], out)  # type: ignore[operator]
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    entries = omegat_entries(harness, path)
    pm = [e for e in entries if e[0] == "Prime Minister"]
    assert pm, entries
    assert {target for _, target, _ in pm} == {"Thủ tướng"}
    assert all("vi forbidden fullForm: Thủ Tướng Chính Phủ" in c for *_, c in pm)
    offered = {text for s, t, _ in entries for text in (s, t)}
    assert "Thủ Tướng Chính Phủ" not in offered
    assert "Premier" not in offered  # deprecated
    assert ("Hanoi", "Hà Nội") in {(s, t) for s, t, _ in entries}
