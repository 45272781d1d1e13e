"""Whether the mypyc-compiled modules run, or the Python source beside them.

`tools/native.py` (run by `make run` and `make test`) compiles the hot
modules into extension modules beside their sources and writes a manifest,
``native-build.txt``: each compiled source's size, modification time and
SHA-256, and the extension files. Python imports an extension module before
the .py beside it, so an edited source would be shadowed by its old compiled
form. `guard`, run by ``import glossary``, compares the sources with the
manifest (by size and time, hashing only a file whose size or time moved, as
rsync's quick check does) and, when one differs or ``GLOSSARY_PURE=1`` is
set, puts a finder first on ``sys.meta_path`` that loads every module of the
package from its source: all of them, not the edited one only, because
compiled modules call each other natively inside their shared library.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
MANIFEST = PACKAGE / "native-build.txt"
PURE_VARIABLE = "GLOSSARY_PURE"
# The packages with compiled modules; `tm` imports `glossary` (this guard) first.
PACKAGES = ("glossary", "tm")


class Source(NamedTuple):
    """A compiled module's source as it was compiled (path relative to ROOT)."""

    path: str
    size: int
    mtime_ns: int
    sha256: str


class Manifest(NamedTuple):
    """What `tools/native.py` built, or why it built nothing (`skipped`)."""

    suffix: str = ""
    sources: tuple[Source, ...] = ()
    extensions: tuple[str, ...] = ()
    skipped: str = ""


def sha256(path: Path) -> str:
    import hashlib  # only when a source's size or time moved

    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_of(root: Path, path: str) -> Source:
    """A source file's size, time and digest as they are now."""
    full = root / path
    stat = full.stat()
    return Source(path, stat.st_size, stat.st_mtime_ns, sha256(full))


def dump(manifest: Manifest) -> str:
    """The manifest as lines of ``key value``."""
    lines = ["# written by tools/native.py, read by glossary/native.py"]
    if manifest.skipped:
        lines.append(f"skipped {manifest.skipped}")
    else:
        lines.append(f"suffix {manifest.suffix}")
        lines += [
            f"source {s.sha256} {s.size} {s.mtime_ns} {s.path}"
            for s in manifest.sources
        ]
        lines += [f"extension {name}" for name in manifest.extensions]
    return "\n".join(lines) + "\n"


def load(text: str) -> Manifest:
    """`dump`'s lines back; ValueError when they are not."""
    fields: dict[str, str] = {}
    sources: list[Source] = []
    extensions: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition(" ")
        if key == "source":
            digest, size, mtime_ns, path = value.split(" ", 3)
            sources.append(Source(path, int(size), int(mtime_ns), digest))
        elif key == "extension":
            extensions.append(value)
        elif key in ("suffix", "skipped"):
            fields[key] = value
        elif key != "#":
            raise ValueError(f"unknown line {line!r}")
    return Manifest(sources=tuple(sources), extensions=tuple(extensions), **fields)


def changed(root: Path, sources: Iterable[Source]) -> list[str]:
    """The sources whose bytes differ from the manifest's (or are gone)."""
    moved = []
    for source in sources:
        full = root / source.path
        try:
            stat = full.stat()
            if (stat.st_size, stat.st_mtime_ns) == (source.size, source.mtime_ns):
                continue
            if stat.st_size == source.size and sha256(full) == source.sha256:
                continue
        except OSError:
            pass
        moved.append(source.path)
    return moved


def unusable(manifest: Manifest, root: Path = ROOT) -> str | None:
    """Why the manifest's extension modules cannot load here (built for
    another Python, or missing), whatever their sources; None when they can."""
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    if manifest.suffix != suffix:
        return f"built for {manifest.suffix or 'nothing'}, not {suffix}"
    missing = [name for name in manifest.extensions if not (root / name).exists()]
    if missing or not manifest.extensions:
        return f"{missing[0] if missing else 'the extensions'} missing"
    return None


def stale(manifest: Manifest, root: Path = ROOT) -> str | None:
    """Why the compiled modules may not run, or None when they may."""
    why = unusable(manifest, root)
    if why:
        return why
    moved = changed(root, manifest.sources)
    if moved:
        more = f" and {len(moved) - 1} more" if len(moved) > 1 else ""
        return f"{moved[0]} changed{more}"
    return None


class LibraryFinder:
    """Finds the compiled modules' shared library, which mypyc puts above the
    package (each module's __file__ is derived from its place), where an
    editable install's finder does not look."""

    def __init__(self, root: Path, extensions: Iterable[str]) -> None:
        self.files = {
            name.partition(".")[0]: str(root / name)
            for name in extensions
            if "/" not in name
        }

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        file = self.files.get(fullname)
        if file is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, file)
        spec = importlib.machinery.ModuleSpec(fullname, loader, origin=file)
        spec.has_location = True
        return spec


class SourceFinder:
    """Finds a package's modules in their .py files, never an extension module."""

    def __init__(self, package: str, root: Path | None = None) -> None:
        self.prefix = f"{package}."
        # The package's folder is searched after `path`: a folder of the same
        # name on sys.path (pytest puts tests/, with tests/tm, there) makes
        # the package a namespace whose path misses it.
        self.root = root
        self.finders: dict[str, importlib.machinery.FileFinder] = {}

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if path is None or not fullname.startswith(self.prefix):
            return None
        entries = list(path)
        if self.root is not None:
            entries.append(str(self.root.joinpath(*fullname.split(".")[:-1])))
        for entry in entries:
            finder = self.finders.get(entry)
            if finder is None:
                finder = importlib.machinery.FileFinder(
                    entry,
                    (
                        importlib.machinery.SourceFileLoader,
                        importlib.machinery.SOURCE_SUFFIXES,
                    ),
                )
                self.finders[entry] = finder
            spec = finder.find_spec(fullname, target)
            if spec is not None and spec.loader is not None:
                return spec
        return None


def decide(manifest_path: Path = MANIFEST, root: Path = ROOT) -> tuple[str, Manifest]:
    """Why the compiled modules may not run ('' when they may), and the
    manifest; warns on stderr when they are out of date."""
    if os.environ.get(PURE_VARIABLE, "") not in ("", "0"):
        return f"{PURE_VARIABLE} is set", Manifest()
    try:
        manifest = load(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "not built", Manifest()
    except (OSError, ValueError) as error:
        manifest, why = Manifest(), f"unreadable manifest: {error}"
    else:
        if manifest.skipped:
            return manifest.skipped, manifest
        why = stale(manifest, root) or ""
    if why:
        print(
            f"glossary: native modules are out of date ({why}); "
            "running pure Python — run make",
            file=sys.stderr,
        )
        why = f"out of date: {why}"
    return why, manifest


STATE = "not checked"


def guard() -> None:
    """Run the compiled modules if they match their sources, else the sources.

    Called once, by ``import glossary``, before any of its modules loads.
    """
    global STATE
    why, manifest = decide()
    if why:
        STATE = f"native: no ({why})"
        for package in PACKAGES:
            sys.meta_path.insert(0, SourceFinder(package, ROOT))
    else:
        STATE = f"native: yes ({len(manifest.sources)} modules compiled by mypyc)"
        sys.meta_path.append(LibraryFinder(ROOT, manifest.extensions))


def describe() -> str:
    """One line for ``--version``: 'native: yes (...)' or 'native: no (...)'."""
    return STATE
