"""Tables worked out from word lists and gazetteers, kept on disk between runs.

Before a build's extraction workers start, the first document loads the
tables of the Vietnamese rules: the segmenter's dictionary in one tone
style and its words' beginnings, the provinces, districts and wards of
underthesea's address data, the ISO and CLDR country names, the world's
places. Working them out costs ≈0.3 s of CPU on one core while the other
waits, and each worker works out again those the first document did not
need. Each is a pure function of files that change only with an install or
an upgrade, so the first process to work one out pickles it into a cache
directory, and later ones read it back (≈0.07 s for all of them).

A table's file is named by a digest of everything any table may be made of:
the size and modification time of every file of the glossary package and
of the data files it reads elsewhere (`UNDERTHESEA_FILES`, the iso-codes
JSON files, babel's package), and Python's version. A loader decorated with
`kept` must read nothing else. The directory is ``$GLOSSARY_CACHE``, else
``$XDG_CACHE_HOME/glossary``, else ``~/.cache/glossary``;
``GLOSSARY_CACHE=off``, or a directory that cannot be written, works every
table out each time, as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from functools import cache, wraps
from pathlib import Path
from typing import TypeVar, cast

__all__ = [
    "ADDRESS_DATA",
    "DICTIONARY",
    "ISO_DIR",
    "KEPT",
    "cache_directory",
    "digest",
    "kept",
    "read_or_make",
    "underthesea_file",
]

T = TypeVar("T")

ISO_DIR = Path("/usr/share/iso-codes/json")
# underthesea's data files that tables are made of (read without importing it)
_SEGMENTER = "pipeline/word_tokenize/models/ws_crf_vlsp2013_20230727"
DICTIONARY = (*_SEGMENTER.split("/"), "dictionary.bin")
ADDRESS_DATA = ("address", "data", "mapping.json")
UNDERTHESEA_FILES = (DICTIONARY, ADDRESS_DATA)
_PACKAGE = Path(__file__).resolve().parent.parent
# each kept table's loader, by name (the tests check each against its source)
KEPT: dict[str, Callable[[], object]] = {}
# the files of a table kept per name: other versions of the package in use
_VERSIONS_KEPT = 8
_ANY_KEY = "?" * 16  # a key in a file name (the digest's first 16 hex digits)


def underthesea_file(parts: tuple[str, ...]) -> Path | None:
    """Where the installed underthesea keeps a data file (None without it).

    Args:
        parts: one of `UNDERTHESEA_FILES` (the files in the tables' key).
    """
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return None
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def kept(name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """`functools.cache` for a loader without arguments whose result is also
    kept on disk, under `name` (see the module docstring).

    Args:
        name: the table's file name, unique among the kept tables.
    """

    def decorate(make: Callable[[], T]) -> Callable[[], T]:
        if name in KEPT:
            raise ValueError(f"two tables kept as {name!r}")
        KEPT[name] = make

        @cache
        @wraps(make)
        def load() -> T:
            return read_or_make(name, make)

        return load

    return decorate


def read_or_make(name: str, make: Callable[[], T]) -> T:
    """The table `name` as kept on disk, else `make()`'s (then kept)."""
    directory = cache_directory()
    if directory is None:
        return make()
    path = directory / f"{name}-{_key()}.pickle"
    try:
        with path.open("rb") as f:
            return cast(T, pickle.load(f))
    except (OSError, EOFError, pickle.UnpicklingError):
        pass  # not kept yet (or cut short): work it out
    value = make()
    _keep(path, value)
    return value


def cache_directory() -> Path | None:
    """Where tables are kept (None when ``GLOSSARY_CACHE=off``)."""
    where = os.environ.get("GLOSSARY_CACHE", "")
    if where == "off":
        return None
    if where:
        return Path(where)
    base = os.environ.get("XDG_CACHE_HOME", "")
    try:
        return (Path(base) if base else Path.home() / ".cache") / "glossary"
    except RuntimeError:  # no home directory
        return None


def _keep(path: Path, value: object) -> None:
    """Write `value` to `path` whole or not at all, and forget old versions."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=".tmp-", delete=False
        ) as f:
            try:
                pickle.dump(value, f, pickle.HIGHEST_PROTOCOL)
            except BaseException:  # a full disk: no half-written file left
                os.unlink(f.name)
                raise
        os.replace(f.name, path)
        table = path.name.rsplit("-", 1)[0]
        versions = sorted(
            path.parent.glob(f"{table}-{_ANY_KEY}.pickle"),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )
        for old in versions[_VERSIONS_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written: the table is worked out each time


@cache
def _key() -> str:
    return digest()


def digest() -> str:
    """A digest of what the kept tables are made of (see the module docstring)."""
    digest = hashlib.sha256(f"{sys.version}\t{pickle.HIGHEST_PROTOCOL}\n".encode())
    for path in _inputs():
        try:
            stat = os.stat(path)
        except OSError:
            digest.update(f"{path}\tabsent\n".encode())
            continue
        digest.update(f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def _inputs() -> Iterator[str]:
    """Every file the kept tables may be made of, in a fixed order."""
    files: list[str] = []
    for top, dirs, names in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        files += [os.path.join(top, name) for name in names]
    yield from sorted(files)
    for parts in UNDERTHESEA_FILES:
        path = underthesea_file(parts)
        if path is not None:
            yield str(path)
    if ISO_DIR.is_dir():
        yield from sorted(map(str, ISO_DIR.glob("*.json")))
    babel = importlib.util.find_spec("babel")
    if babel is not None and babel.origin:
        yield babel.origin  # its __init__, which names its version
