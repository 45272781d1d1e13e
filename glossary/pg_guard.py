"""PostgreSQL errors a user can cause, as one `StoreError` line naming the
database without its password.

Both stores over PostgreSQL, the term base (`glossary.store.postgresql`) and
tm's memory (`tm.pg_store`), report through here, as both SQLite stores do
through `glossary.sqlite_guard`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

from glossary.errors import StoreError

# What a user can cause or meet (the server went away or refused the login, a
# read-only session asked to write); anything else (a broken constraint the
# caller handles, a bug) passes through.
USER_ERRORS = (psycopg.OperationalError, psycopg.errors.ReadOnlySqlTransaction)


def shown_url(url: str) -> str:
    """`url` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    netloc = f"{parts.username}:***@{host}" if parts.username else host
    return urlunsplit(parts._replace(netloc=netloc))


def first_line(e: Exception) -> str:
    """The first line of a driver's message (psycopg adds detail lines)."""
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def store_error(url: str, e: Exception) -> StoreError:
    """The one-line `StoreError` for `e`, met on the database at `url`."""
    return StoreError(f"{shown_url(url)}: {first_line(e)}")


def connect(
    url: str, *, namespace: str, readonly: bool, name: str = ""
) -> psycopg.Connection[tuple[Any, ...]]:
    """An autocommit connection with the schema `namespace` first on its path.

    `name` is the session's application_name: who another writer waits for.

    Raises:
        StoreError: the server cannot be reached or refuses the login.
    """
    options = f"-c search_path={namespace},public"
    if readonly:
        options += " -c default_transaction_read_only=on"
    try:
        return psycopg.connect(
            url, autocommit=True, options=options, application_name=name or None
        )
    except psycopg.Error as e:
        raise StoreError(f"{shown_url(url)}: cannot connect ({first_line(e)})") from e
