"""Making a list's last items in a forked child: `made_apart`.

A build's one-core tail makes each candidate (Python) and then stores it
(placing its terms, SQL): with the last candidates made in a child, on the
other core, while the parent makes and stores the first ones, the parent
has only to store the child's.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable, Generator
from multiprocessing.connection import Connection
from typing import Any, TypeVar

__all__ = ["can_fork", "made_apart"]

X = TypeVar("X")
T = TypeVar("T")

# Items sent back per message: enough that pickling and the pipe cost little
# per item, few enough that the parent can take the first ones at once.
_BATCH = 64


def can_fork() -> bool:
    """True where `made_apart` can run: POSIX ``fork``, and not in a daemonic
    process (which may start none)."""
    return "fork" in mp.get_all_start_methods() and not mp.current_process().daemon


def made_apart(
    items: list[X], make: Callable[[X], T], share: float
) -> Generator[T, None, None]:
    """``make`` of each of `items`, in order: the last `share` of them in a
    forked child, which inherits them as they are and sends what it makes
    back pickled, the others here as they are taken (each let go then).

    An exception the child raises is raised here; closing the iterator
    early ends the child. Only where `can_fork`; what `make` returns must
    pickle, and `make` must not use what this process holds open (database
    connections, files).
    """
    # theirs stays referenced here until the child has ended: letting it go
    # sooner would write to pages the child shares (copied on write)
    theirs = items[len(items) - round(len(items) * share) :]
    del items[len(items) - len(theirs) :]
    # What stdout and stderr hold would be written twice.
    sys.stdout.flush()
    sys.stderr.flush()
    ctx = mp.get_context("fork")
    # The child writes what it makes to a file and tells the pipe where:
    # through the pipe itself it would wait whenever this process is busy.
    with tempfile.TemporaryFile(prefix="glossary-made-") as made:
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(
            target=_send_all, args=(theirs, make, made.fileno(), send), daemon=True
        )
        child.start()
        send.close()
        done = False
        try:
            items.reverse()
            while items:
                yield make(items.pop())
            while not done:
                try:
                    kind, payload = pickle.loads(receive.recv_bytes())
                except EOFError:
                    raise RuntimeError(
                        f"the process making items ended (exit code {child.exitcode})"
                    ) from None
                if kind == "items":
                    offset, size = payload
                    yield from pickle.loads(os.pread(made.fileno(), size, offset))
                elif kind == "error":
                    raise payload
                else:
                    done = True
        finally:
            receive.close()
            if not done:
                child.kill()
            child.join()
            del theirs


def _send_all(
    items: list[Any], make: Callable[[Any], Any], made: int, send: Connection
) -> None:
    # Ctrl-C is the parent's to handle; it ends this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    offset = 0

    def write(batch: list[Any]) -> None:
        nonlocal offset
        data = pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
        os.pwrite(made, data, offset)
        send.send_bytes(_dumps(("items", (offset, len(data)))))
        offset += len(data)

    batch: list[Any] = []
    try:
        for item in items:
            batch.append(make(item))
            if len(batch) == _BATCH:
                write(batch)
                batch = []
        write(batch)
        send.send_bytes(_dumps(("end", None)))
    except Exception as e:
        with contextlib.suppress(Exception):  # the items made before it
            write(batch)
        try:
            message = _dumps(("error", e))
        except Exception:  # one that does not pickle
            message = _dumps(("error", RuntimeError(repr(e))))
        send.send_bytes(message)
    send.close()


def _dumps(message: tuple[str, Any]) -> bytes:
    return pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
