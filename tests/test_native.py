"""The mypyc-compiled modules and their guard (glossary/native.py, tools/native.py).

The guard's decisions are tested on small trees of their own; the real
build's, in a copy of the package (compiled only where `make` compiled this
tree, skipped otherwise), never by editing this tree.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, SHARED, load_tool

from glossary import native
from glossary.native import Manifest, SourceFinder, decide, dump, load, source_of

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


tool = load_tool("native")


def _built() -> Manifest:
    """This tree's native build, or a skip saying why there is none."""
    try:
        manifest = load(native.MANIFEST.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pytest.skip("no native modules built (run make)")
    if manifest.skipped:
        pytest.skip(f"no native modules built: {manifest.skipped}")
    if native.stale(manifest) is not None:
        pytest.fail(f"native modules out of date: {native.stale(manifest)}; run make")
    return manifest


def _tree(root: Path, files: dict[str, str]) -> Manifest:
    """Sources under `root` and a manifest of them as they are now."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / f"pkg/a{SUFFIX}").write_bytes(b"not really compiled")
    return Manifest(
        suffix=SUFFIX,
        sources=tuple(source_of(root, name) for name in sorted(files)),
        extensions=(f"pkg/a{SUFFIX}",),
    )


def test_the_manifest_reads_back_what_it_wrote(tmp_path: Path) -> None:
    manifest = _tree(tmp_path, {"pkg/a.py": "A = 1\n", "pkg/b c.py": "B = 2\n"})
    assert load(dump(manifest)) == manifest
    skipped = Manifest(skipped="no C compiler")
    assert load(dump(skipped)) == skipped
    with pytest.raises(ValueError, match="unknown line"):
        load("source-code x\n")


def test_a_changed_source_makes_the_build_stale(tmp_path: Path) -> None:
    manifest = _tree(tmp_path, {"pkg/a.py": "A = 1\n", "pkg/b.py": "B = 2\n"})
    assert native.stale(manifest, tmp_path) is None
    # A new time, the same bytes (a checkout, a copy): still fresh.
    os.utime(tmp_path / "pkg/a.py", ns=(1, 1))
    assert native.stale(manifest, tmp_path) is None
    # Other bytes of the same size, at a new time: hashed, changed.
    (tmp_path / "pkg/b.py").write_text("B = 3\n", encoding="utf-8")
    assert native.stale(manifest, tmp_path) == "pkg/b.py changed"
    (tmp_path / "pkg/a.py").unlink()
    assert native.stale(manifest, tmp_path) == "pkg/a.py changed and 1 more"


def test_a_missing_extension_or_another_python_makes_it_stale(tmp_path: Path) -> None:
    manifest = _tree(tmp_path, {"pkg/a.py": "A = 1\n"})
    other = manifest._replace(suffix=".cpython-399-x.so")
    assert native.stale(other, tmp_path) == f"built for .cpython-399-x.so, not {SUFFIX}"
    (tmp_path / f"pkg/a{SUFFIX}").unlink()
    assert native.stale(manifest, tmp_path) == f"pkg/a{SUFFIX} missing"


def test_decide_warns_once_and_names_the_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(native.PURE_VARIABLE, raising=False)
    manifest = _tree(tmp_path, {"pkg/a.py": "A = 1\n"})
    path = tmp_path / "native-build.txt"
    assert decide(path, tmp_path)[0] == "not built"
    path.write_text(dump(manifest), encoding="utf-8")
    assert decide(path, tmp_path)[0] == ""
    assert capsys.readouterr().err == ""
    (tmp_path / "pkg/a.py").write_text("A = 11\n", encoding="utf-8")
    assert decide(path, tmp_path)[0] == "out of date: pkg/a.py changed"
    assert capsys.readouterr().err == (
        "glossary: native modules are out of date (pkg/a.py changed); "
        "running pure Python — run make\n"
    )
    monkeypatch.setenv(native.PURE_VARIABLE, "1")
    assert decide(path, tmp_path)[0] == "GLOSSARY_PURE is set"
    assert capsys.readouterr().err == ""
    monkeypatch.setenv(native.PURE_VARIABLE, "0")
    assert decide(path, tmp_path)[0] == "out of date: pkg/a.py changed"
    path.write_text(dump(Manifest(skipped="no C compiler")), encoding="utf-8")
    assert decide(path, tmp_path)[0] == "no C compiler"


def test_the_source_finder_skips_an_extension_beside_a_source(tmp_path: Path) -> None:
    """An extension module is imported before the .py beside it; the finder
    (what a stale build or GLOSSARY_PURE puts first) loads the .py."""
    (tmp_path / "nativepkg" / "sub").mkdir(parents=True)
    (tmp_path / "nativepkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "nativepkg" / "sub" / "__init__.py").write_text("", encoding="utf-8")
    for folder in ("nativepkg", "nativepkg/sub"):
        (tmp_path / folder / "mod.py").write_text("WHERE = 'source'\n", "utf-8")
        (tmp_path / folder / f"mod{SUFFIX}").write_bytes(b"not an extension")
    code = "import nativepkg.mod, nativepkg.sub.mod as m; print(m.WHERE)"
    run = [sys.executable, "-c", code]
    plain = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True)
    assert plain.returncode != 0  # the bogus extension was tried first
    finder = "import sys; from glossary.native import SourceFinder; "
    finder += "sys.meta_path.insert(0, SourceFinder('nativepkg')); "
    run = [sys.executable, "-c", finder + code]
    guarded = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True)
    assert (guarded.returncode, guarded.stdout) == (0, "source\n"), guarded.stderr
    assert SourceFinder("nativepkg").find_spec("other.mod", [str(tmp_path)]) is None


def test_the_listed_modules_exist_and_leave_out_the_re_exporting_inits() -> None:
    listed = tool.listed_sources()
    assert "glossary/extract/english.py" in listed
    assert "glossary/pipeline.py" in listed
    assert {"tm/match.py", "tm/index.py"} <= set(listed)
    assert all((ROOT / name).is_file() for name in listed)
    inits = {name for name in listed if name.endswith("__init__.py")}
    assert inits == {"glossary/text/__init__.py", "glossary/cluster/__init__.py"}
    assert "glossary/text/annotate.py" not in listed


def test_without_a_c_compiler_the_tool_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    if importlib.util.find_spec("mypyc") is None:
        assert tool.why_not() == "no mypy (pip install 'glossary-vi[native]')"
        return
    assert tool.why_not() in (None, "no C compiler", "no Python headers (Python.h)")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert tool.why_not() == "no C compiler"


def _copy_package(to: Path) -> Path:
    """The packages' sources, compiled modules and manifest under `to`;
    glossary's copy."""
    for package in native.PACKAGES:
        shutil.copytree(
            ROOT / package, to / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    for library in ROOT.glob(f"{tool.GROUP}__mypyc*"):
        shutil.copy2(library, to / library.name)
    return to / "glossary"


def _where(
    tree: Path, env: dict[str, str] | None = None, first: str = "glossary.pipeline"
) -> tuple[str, str]:
    """(which listed modules loaded from .py and from extensions, stderr),
    after importing `first`, then the others."""
    code = (
        f"import sys, {first}, glossary.pipeline, glossary.build_feed, tm.index\n"
        "from glossary import native\n"
        "print(native.describe())\n"
        "hot = ('glossary.text.', 'glossary.extract.', 'glossary.pipeline',"
        " 'tm.index', 'tm.match')\n"
        "files = [m.__file__ for n, m in sys.modules.items() if n.startswith(hot)]\n"
        "kept = [f for f in files if not f.endswith('__init__.py')]\n"
        "print(sorted({f.rpartition('.')[2] for f in kept}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree), **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout, done.stderr


def test_a_copy_runs_compiled_until_a_source_changes(tmp_path: Path) -> None:
    manifest = _built()
    copy = _copy_package(tmp_path)
    env = {native.PURE_VARIABLE: ""}
    modules = len(manifest.sources)
    compiled = f"native: yes ({modules} modules compiled by mypyc)\n['so']\n"
    assert _where(tmp_path, env) == (compiled, "")
    # Touched, not changed (a checkout): still compiled.
    os.utime(copy / "text" / "tokens.py")
    assert _where(tmp_path, env) == (compiled, "")
    pure, _ = _where(tmp_path, {native.PURE_VARIABLE: "1"})
    assert pure == "native: no (GLOSSARY_PURE is set)\n['py']\n"
    with (copy / "extract" / "terms.py").open("a", encoding="utf-8") as source:
        source.write("# edited\n")
    out, err = _where(tmp_path, env)
    why = "glossary/extract/terms.py changed"
    assert out == f"native: no (out of date: {why})\n['py']\n"
    assert err == (
        f"glossary: native modules are out of date ({why}); "
        "running pure Python — run make\n"
    )


def test_an_edited_tm_module_runs_pure_when_imported_first(tmp_path: Path) -> None:
    """tm's compiled modules share the guard: importing one of them before
    anything of glossary still finds an edit."""
    _built()
    _copy_package(tmp_path)
    env = {native.PURE_VARIABLE: ""}
    assert _where(tmp_path, env, first="tm.match")[0].endswith("['so']\n")
    with (tmp_path / "tm" / "index.py").open("a", encoding="utf-8") as source:
        source.write("# edited\n")
    out, err = _where(tmp_path, env, first="tm.match")
    assert out == "native: no (out of date: tm/index.py changed)\n['py']\n"
    assert "(tm/index.py changed)" in err


def test_pure_python_finds_tm_behind_a_folder_of_its_name(tmp_path: Path) -> None:
    """pytest puts tests/ on sys.path, and tests/tm makes `tm` a namespace
    whose path misses the package: pure Python must still load its sources."""
    (tmp_path / "tm").mkdir()
    code = "import glossary, tm.match; print(tm.match.__file__)"
    env = {**os.environ, "PYTHONPATH": str(tmp_path), native.PURE_VARIABLE: "1"}
    run = [sys.executable, "-c", code]
    done = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.stdout == f"{ROOT / 'tm' / 'match.py'}\n", done.stderr


def test_the_suite_runs_the_compiled_modules() -> None:
    """After `make test` compiled them, pytest imports the compiled modules."""
    _built()
    if os.environ.get(native.PURE_VARIABLE, "") not in ("", "0"):
        pytest.skip(f"{native.PURE_VARIABLE} is set")
    import glossary.extract.english
    import tm.index

    assert native.describe().startswith("native: yes")
    assert glossary.extract.english.__file__.endswith(SUFFIX)
    assert tm.index.__file__.endswith(SUFFIX)


def _export(corpus: list[Path], db: Path, pure: bool) -> bytes:
    env = {**os.environ, native.PURE_VARIABLE: "1" if pure else ""}
    glossary = [sys.executable, "-m", "glossary.cli"]
    build = [*glossary, "build", *map(str, corpus), "--db", str(db)]
    export = [*glossary, "export", "--db", str(db), "--format", "json", "-o", "-"]
    for command in (build, export):
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["seeds", "news-dev"])
def test_compiled_and_pure_builds_export_the_same_bytes(
    corpus: str, tmp_path: Path
) -> None:
    _built()
    folder = SEEDS if corpus == "seeds" else SHARED / "corpus" / corpus
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    files = sorted(folder.glob("*.txt"))
    compiled = _export(files, tmp_path / "native.db", pure=False)
    pure = _export(files, tmp_path / "pure.db", pure=True)
    assert compiled.count(b'"id"') > 50
    assert compiled == pure
