"""A function's docstring, also when mypyc compiled its module.

mypyc keeps no docstrings: a compiled function's ``__doc__`` is None. The
commands that list named rules with their docstring's first line (`glossary
rules`) read it from the module's source instead, the .py file that sits
beside the compiled module.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

__all__ = ["docstring"]


def docstring(func: Callable[..., object]) -> str:
    """`func.__doc__`, or, when compiled code dropped it, the docstring of the
    module-level function of that name in its module's source ('' if none)."""
    if func.__doc__:
        return func.__doc__
    module = sys.modules.get(func.__module__)
    where = getattr(module, "__file__", None)
    if not where:
        return ""
    path = Path(where)
    return _docstrings(path.with_name(path.name.split(".", 1)[0] + ".py")).get(
        func.__name__, ""
    )


@cache
def _docstrings(source: Path) -> dict[str, str]:
    """The docstring of each module-level function of `source`, as written."""
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    return {
        node.name: doc
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (doc := ast.get_docstring(node, clean=False))
    }
