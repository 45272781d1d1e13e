"""Measure issue 15's size and layout limits on glossary/ and tm/.

Reports, one ``PATH:LINE: rule: what`` line each:

- a module over 600 lines, a function over 60 lines (``def`` to its last line);
- a private name (leading underscore) imported from another package, whether
  the name itself (``from glossary.text import _x``) or a private module
  (``from glossary.formats._xml import parse``);
- a word list outside ``glossary/lang/`` and the gazetteer tables: a list,
  tuple, set or dict literal with 10 or more words (keys for a
  dict of constants), or a string literal of 10 or more words that is ``.split()``.

    python tools/check_structure.py          # exit 1 when anything is over

The tests run it, so the limits hold on main.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("glossary", "tm")
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
MIN_WORD_LIST = 10
# Word lists are data here: the per-language lists and the gazetteer tables.
WORD_LIST_HOMES = ("glossary/lang/", "glossary/data/", "glossary/names/")


def package_of(path: Path, root: Path) -> str:
    """The dotted package a module file belongs to."""
    return ".".join(path.relative_to(root).parent.parts)


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imported(tree: ast.AST, package: str) -> Iterator[tuple[int, str, str]]:
    """(line, module, name) for each imported name; name is "" for `import M`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ""
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, package)
            for alias in node.names:
                yield node.lineno, module, alias.name


def private_imports(tree: ast.AST, path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """Private names this module takes from another package."""
    here = package_of(path, root)
    for line, module, name in _imported(tree, here):
        if module.split(".")[0] not in PACKAGES:
            continue
        parts = module.split(".")
        private = [i for i, part in enumerate(parts) if _is_private(part)]
        if private:
            # A private module belongs to the package that holds it.
            owner = ".".join(parts[: private[0]])
            if owner != here:
                yield line, f"{module} (private module of {owner})"
        elif _is_private(name) and _package(module, root) != here:
            yield line, f"{name} from {module}"


def _package(module: str, root: Path) -> str:
    """The package of a dotted module name, or the name itself for a package."""
    path = root.joinpath(*module.split("."))
    return module if path.is_dir() else module.rpartition(".")[0]


def _is_word(node: ast.expr | None) -> bool:
    """A string that reads as a word: two letters or more, no identifier's `_`."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    text = node.value
    return sum(ch.isalpha() for ch in text) >= 2 and "_" not in text


def _words(nodes: list[ast.expr | None]) -> int:
    return sum(_is_word(n) for n in nodes)


def _exported(tree: ast.AST) -> set[int]:
    """Ids of the values assigned to `__all__`."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }


def word_lists(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Literal collections of 10 or more words, and split word strings.

    `__all__` is a list of names, and a dict built from computed values is a
    record, not a table: neither counts.
    """
    exported = _exported(tree)
    for node in ast.walk(tree):
        count = 0
        if id(node) in exported:
            continue
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            count = _words(list(node.elts))
        elif isinstance(node, ast.Dict) and all(
            isinstance(v, ast.Constant) for v in node.values
        ):
            count = _words(node.keys)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            words = node.func.value.value.split()
            count = _words([ast.Constant(w) for w in words])
        if count >= MIN_WORD_LIST and isinstance(node, ast.expr):
            yield node.lineno, f"{count} words"


def long_functions(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Functions and methods longer than the limit, with their length."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                yield node.lineno, f"{node.name} is {length} lines"


def problems(path: Path, root: Path = ROOT) -> Iterator[str]:
    """Every limit `path` breaks, as ``PATH:LINE: rule: detail`` lines."""
    rel = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=rel)
    lines = text.count("\n")
    if lines > MAX_MODULE_LINES:
        yield f"{rel}:1: module-size: {lines} lines"
    for line, what in long_functions(tree):
        yield f"{rel}:{line}: function-size: {what}"
    for line, what in private_imports(tree, path, root):
        yield f"{rel}:{line}: private-import: {what}"
    if not rel.startswith(WORD_LIST_HOMES):
        for line, what in word_lists(tree):
            yield f"{rel}:{line}: word-list: {what}"


def sources(root: Path = ROOT) -> list[Path]:
    """Every module of the packages, in path order."""
    return sorted(p for pkg in PACKAGES for p in (root / pkg).rglob("*.py"))


def report(root: Path = ROOT) -> list[str]:
    """Every limit broken under `root`, one line each."""
    return [line for path in sources(root) for line in problems(path, root)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to check")
    args = parser.parse_args(argv)
    found = report(args.root)
    for line in found:
        print(line)
    print(f"{len(found)} over the limits in {len(sources(args.root))} modules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
