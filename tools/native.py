"""Compile the hot modules with mypyc, beside their sources, or say why not.

    python tools/native.py            # compile the listed modules if they changed
    python tools/native.py --or-pure  # a failed compile: one line, pure Python
    python tools/native.py --clean    # remove the extension modules, the manifest

The modules are listed in pyproject.toml's ``[tool.glossary.native]``. They
compile into one shared library (``glossary_native__mypyc*.so``, so that
they call each other natively) and a small extension module beside each
source; ``glossary/native-build.txt`` records each source as it was
compiled, which ``import glossary`` compares (see glossary/native.py) and
which this script compares to compile nothing when nothing changed.
Without a C compiler, Python's headers or mypy it says so in one line and
leaves pure Python.
The build's own files (C source, objects, mypy's cache, its log) go in
``build/native/``; mypyc runs with a config of its own, not pyproject.toml.
"""

from __future__ import annotations

import argparse
import glob
import importlib.machinery
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# `import glossary` (loaded or not: this script reads only the manifest's
# format) without its guard's warning about the very build this script makes.
_PURE = os.environ.get("GLOSSARY_PURE")
os.environ["GLOSSARY_PURE"] = "1"
from glossary.native import (  # noqa: E402
    MANIFEST,
    PACKAGES,
    Manifest,
    dump,
    load,
    source_of,
    unusable,
)

if _PURE is None:
    del os.environ["GLOSSARY_PURE"]
else:
    os.environ["GLOSSARY_PURE"] = _PURE

BUILD = ROOT / "build" / "native"
LOG = BUILD / "log"
# The shared library, glossary_native__mypyc*.so, sits above the package
# (mypyc derives each module's __file__ from its place); glossary/native.py
# finds it there.
GROUP = "glossary_native"
# mypy with defaults, not the project's strict config: mypyc needs the
# types, `make types` checks them.
MYPY_CONFIG = "[mypy]\nignore_missing_imports = True\ncache_dir = {cache}\n"


def listed_sources() -> list[str]:
    """The sources pyproject.toml's [tool.glossary.native] lists, sorted."""
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    native = table["tool"]["glossary"]["native"]
    excluded = {
        path for pattern in native.get("exclude", []) for path in _glob(pattern)
    }
    listed = {path for pattern in native["modules"] for path in _glob(pattern)}
    return sorted(listed - excluded)


def _glob(pattern: str) -> list[str]:
    return [
        Path(path).relative_to(ROOT).as_posix()
        for path in glob.glob(str(ROOT / pattern))
    ]


def why_not() -> str | None:
    """Why mypyc cannot compile here (no mypy, compiler or headers), or None."""
    if importlib.util.find_spec("mypyc") is None:
        return "no mypy (pip install 'glossary-vi[native]')"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()
    if not compiler or shutil.which(compiler[0]) is None:
        return "no C compiler"
    if not Path(sysconfig.get_paths()["include"], "Python.h").exists():
        return "no Python headers (Python.h)"
    return None


def read_manifest() -> Manifest:
    try:
        return load(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Manifest()


def write_manifest(manifest: Manifest) -> None:
    temporary = MANIFEST.with_suffix(".tmp")
    temporary.write_text(dump(manifest), encoding="utf-8")
    os.replace(temporary, MANIFEST)


def extension_files() -> list[Path]:
    """Every extension module in the packages, and the shared library beside them."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    inside = [path for package in PACKAGES for path in (ROOT / package).rglob("*")]
    return sorted(
        path
        for path in [*ROOT.glob(f"{GROUP}__mypyc*"), *inside]
        if any(path.name.endswith(suffix) for suffix in suffixes)
    )


def clean() -> None:
    MANIFEST.unlink(missing_ok=True)
    for path in extension_files():
        path.unlink()


def up_to_date(sources: list[str]) -> bool:
    """Whether the manifest's build is of these sources as they are; if so,
    it takes their times now (a checkout moves them, not their bytes)."""
    manifest = read_manifest()
    now = tuple(source_of(ROOT, path) for path in sources)
    digests = [(s.path, s.sha256) for s in manifest.sources]
    if digests != [(s.path, s.sha256) for s in now] or unusable(manifest, ROOT):
        return False
    if now != manifest.sources:
        write_manifest(manifest._replace(sources=now))
    return True


def compile_now(sources: list[str], jobs: int) -> None:
    """mypyc's front end, then the C compiler `jobs` files at a time, in place."""
    from mypyc.build import mypycify
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext
    from setuptools.dep_util import newer_group

    started = time.monotonic()
    config = BUILD / "mypy.ini"
    config.write_text(MYPY_CONFIG.format(cache=BUILD / "mypy-cache"), encoding="utf-8")
    os.chdir(ROOT)
    extensions = mypycify(
        ["--config-file", str(config), *sources],
        separate=[(sources, GROUP)],
        multi_file=True,  # one C file per module: compiled in parallel below
        target_dir=str(BUILD),
    )
    print(f"native: mypyc wrote C in {time.monotonic() - started:.1f} s", flush=True)

    class ParallelBuildExt(build_ext):  # type: ignore[misc]
        """Compiles an extension's C files `jobs` at a time."""

        def build_extensions(self) -> None:
            compiler = self.compiler
            compile_files = compiler.compile

            def compile_one(source: str, **kwargs: Any) -> list[str]:
                """A C file's object: compiled again only if it or a header moved."""
                [made] = compiler.object_filenames([source], kwargs["output_dir"])
                inputs = [source, *(kwargs.get("depends") or ())]
                if os.path.exists(made) and not newer_group(inputs, made):
                    return [made]
                objects: list[str] = compile_files([source], **kwargs)
                return objects

            def compile_parallel(sources: list[str], **kwargs: Any) -> list[str]:
                with ThreadPoolExecutor(jobs) as pool:
                    made = pool.map(lambda c: compile_one(c, **kwargs), sources)
                    return [name for objects in made for name in objects]

            self.compiler.compile = compile_parallel
            super().build_extensions()

    distribution = Distribution({"name": "glossary-native", "ext_modules": extensions})
    distribution.cmdclass["build_ext"] = ParallelBuildExt
    command = distribution.get_command_obj("build_ext")
    command.inplace = True
    command.build_temp = str(BUILD / "objects")
    command.build_lib = str(BUILD / "lib")
    command.parallel = jobs  # the shims, beside the shared library
    distribution.run_command("build_ext")
    print(f"native: built in {time.monotonic() - started:.1f} s", flush=True)


def build(sources: list[str], jobs: int) -> None:
    """Compile in a child process whose output goes to the log; raise if it fails."""
    compiled = tuple(source_of(ROOT, path) for path in sources)  # before: no race
    made_by = BUILD / "made-by"  # another mypy: its runtime headers, start afresh
    if not made_by.exists() or made_by.read_text(encoding="utf-8") != _mypy():
        shutil.rmtree(BUILD, ignore_errors=True)
        BUILD.mkdir(parents=True)
        made_by.write_text(_mypy(), encoding="utf-8")
    child = [sys.executable, __file__, "--compile-now", "--jobs", str(jobs)]
    with LOG.open("w", encoding="utf-8") as log:
        done = subprocess.run(child, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        tail = LOG.read_text(encoding="utf-8").splitlines()[-15:]
        raise RuntimeError("\n".join(tail))
    names = [path.relative_to(ROOT).as_posix() for path in extension_files()]
    write_manifest(
        Manifest(
            suffix=importlib.machinery.EXTENSION_SUFFIXES[0],
            sources=compiled,
            extensions=tuple(names),
        )
    )


def _mypy() -> str:
    from mypy.version import __version__

    return f"mypy {__version__}, {sys.version}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true", help="remove what was built")
    parser.add_argument(
        "--or-pure", action="store_true", help="a failed compile leaves pure Python"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--compile-now", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sources = listed_sources()
    if args.compile_now:
        compile_now(sources, args.jobs)
        return 0
    if args.clean:
        clean()
        return 0
    reason = why_not()
    if reason is not None:
        clean()
        write_manifest(Manifest(skipped=reason))
        print(f"glossary: {reason}: running pure Python")
        return 0
    if up_to_date(sources):
        print(f"glossary: native modules up to date ({len(sources)} modules)")
        return 0
    clean()  # no manifest during the build: a failed one leaves pure Python
    print(f"glossary: compiling {len(sources)} modules with mypyc (log: {LOG})")
    started = time.monotonic()
    try:
        build(sources, args.jobs)
    except RuntimeError as error:
        if not args.or_pure:
            print(f"{error}\nglossary: mypyc failed (log: {LOG})", file=sys.stderr)
            return 1
        clean()
        write_manifest(Manifest(skipped=f"mypyc failed, see {LOG}"))
        print(f"glossary: mypyc failed (log: {LOG}): running pure Python")
        return 0
    print(f"glossary: compiled in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
