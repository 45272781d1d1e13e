"""PostgreSQL's errors that a user can cause (a lost connection, a read-only
session, a refused login), raised from a memory's methods as one StoreError
line naming the memory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import wraps
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from glossary.pg_guard import USER_ERRORS, store_error


class _Named(Protocol):
    path: str


S = TypeVar("S", bound=_Named)
P = ParamSpec("P")
R = TypeVar("R")


def reported(
    method: Callable[Concatenate[S, P], R],
) -> Callable[Concatenate[S, P], R]:
    """`method` raising StoreError for `USER_ERRORS` (one line naming the memory)."""

    @wraps(method)
    def run(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except USER_ERRORS as e:
            raise store_error(self.path, e) from e

    return run


def reported_rows(
    method: Callable[Concatenate[S, P], Iterator[R]],
) -> Callable[Concatenate[S, P], Iterator[R]]:
    """`reported` for a generator: its rows are read as it is iterated."""

    @wraps(method)
    def run(self: S, /, *args: P.args, **kwargs: P.kwargs) -> Iterator[R]:
        try:
            yield from method(self, *args, **kwargs)
        except USER_ERRORS as e:
            raise store_error(self.path, e) from e

    return run
