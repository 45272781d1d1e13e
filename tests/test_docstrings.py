"""`glossary.docstrings`: docstrings of compiled functions, read from their source."""

from __future__ import annotations

from glossary.docstrings import docstring


def documented() -> None:
    """First line.

    More.
    """


def undocumented() -> None:
    pass


def test_a_docstring_is_the_functions_own() -> None:
    assert docstring(documented) == documented.__doc__


def test_a_dropped_docstring_is_read_from_the_source() -> None:
    # as mypyc leaves a compiled function: no __doc__
    written = documented.__doc__
    documented.__doc__ = None
    try:
        assert docstring(documented) == written
    finally:
        documented.__doc__ = written


def test_no_docstring_is_empty() -> None:
    assert docstring(undocumented) == ""
