"""Every ```python block of the README runs, in order, in a temporary directory.

README.md is assembled from docs/readme/*.md; until it exists, the API
section docs/readme/api.md is run on its own.
"""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


API_DOC = ROOT / "docs" / "readme" / "api.md"


def _sources() -> list[Path]:
    """README.md, plus the API section while the README does not contain it yet."""
    readme = ROOT / "README.md"
    if not readme.is_file():
        return [API_DOC]
    text = readme.read_text(encoding="utf-8")
    missing = any(b not in text for b in BLOCK.findall(API_DOC.read_text("utf-8")))
    return [readme, API_DOC] if missing else [readme]


def test_api_section_has_examples() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    assert len(BLOCK.findall(text)) >= 3
    assert "Glossary.from_records" in text
    assert "glossary normalize" in text


@pytest.mark.slow
@pytest.mark.parametrize("source", _sources(), ids=lambda p: p.name)
def test_readme_python_blocks_run(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = BLOCK.findall(source.read_text(encoding="utf-8"))
    if not blocks:
        pytest.skip(f"{source.name} has no python blocks yet")
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(os.environ, "GLOSSARY_DB", str(tmp_path / "glossary.db"))
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for i, code in enumerate(blocks, 1):
        if code.lstrip().startswith(">>>"):
            _run_doctest(code, namespace, f"{source.name}:block{i}")
            continue
        try:
            exec(compile(code, f"{source.name}:block{i}", "exec"), namespace)
        except Exception as e:
            raise AssertionError(
                f"{source.name} python block {i} failed:\n{code}"
            ) from e


def _run_doctest(code: str, namespace: dict[str, object], name: str) -> None:
    """Run a `>>>` block as a doctest: its shown output must be what prints."""
    test = doctest.DocTestParser().get_doctest(code, namespace, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, clear_globs=False)
    assert result.failed == 0, f"{name}: {result.failed} doctest example(s) failed"
