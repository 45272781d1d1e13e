"""A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary
folder, listening on a Unix socket only (no TCP), stopped at the end.

`server_url()` gives $GLOSSARY_TEST_PG when set (a server the tests may
create databases on), else starts a cluster when `initdb` and `pg_ctl` are
on PATH (or in the Debian package's folder), else None: the PostgreSQL
tests then skip, saying how to run them.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

HOW_TO_RUN = (
    "no PostgreSQL: install it (Debian: apt-get install postgresql) or set "
    "GLOSSARY_TEST_PG=postgresql://..., then `make test-pg`"
)
_DEBIAN_BIN = Path("/usr/lib/postgresql")


def _tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(_DEBIAN_BIN.glob(f"*/bin/{name}"))
    return str(versions[-1]) if versions else None


def _as_owner(owner: str | None, argv: list[str]) -> list[str]:
    """`argv` run as `owner`: PostgreSQL refuses to run as root."""
    return ["runuser", "-u", owner, "--", *argv] if owner else argv


def _owner() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    return None


def _run(argv: list[str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{' '.join(argv)}: {done.stdout}{done.stderr}")


class Cluster:
    """A cluster in a temporary folder, run by `pg_ctl` as `owner`."""

    def __init__(self, pg_ctl: str, home: Path, owner: str | None) -> None:
        self.pg_ctl, self.home, self.owner = pg_ctl, home, owner
        self.url = f"postgresql://glossary@/postgres?host={home}"

    def start(self) -> None:
        options = (
            f"-c listen_addresses='' -k {self.home} -c fsync=off "
            "-c full_page_writes=off"
        )
        data, log = str(self.home / "data"), str(self.home / "log")
        argv = [self.pg_ctl, "-D", data, "-l", log, "-w", "-o", options, "start"]
        _run(_as_owner(self.owner, argv))

    def crash(self) -> None:
        """Stop every server process at once, as a crash would (no
        checkpoint: the next start replays the write-ahead log)."""
        argv = [self.pg_ctl, "-D", str(self.home / "data"), "-m", "immediate", "stop"]
        subprocess.run(_as_owner(self.owner, argv), capture_output=True, check=False)


@contextmanager
def throwaway_cluster() -> Iterator[Cluster | None]:
    """A fresh cluster, running; None without PostgreSQL's programs."""
    initdb, pg_ctl = _tool("initdb"), _tool("pg_ctl")
    if initdb is None or pg_ctl is None:
        yield None
        return
    owner = _owner()
    if os.geteuid() == 0 and owner is None:
        yield None
        return
    # A short path: a Unix socket's path is limited to about 100 bytes.
    home = Path(tempfile.mkdtemp(prefix="glpg-"))
    if owner:
        entry = pwd.getpwnam(owner)
        os.chown(home, entry.pw_uid, entry.pw_gid)
    init = [initdb, "-D", str(home / "data"), "-U", "glossary", "--auth=trust"]
    _run(_as_owner(owner, [*init, "-E", "UTF8", "--locale=C", "--no-sync"]))
    cluster = Cluster(pg_ctl, home, owner)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.crash()
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def server() -> Iterator[str | None]:
    """$GLOSSARY_TEST_PG, else a throwaway cluster's URL, else None."""
    given = os.environ.get("GLOSSARY_TEST_PG")
    if given:
        yield given
        return
    with throwaway_cluster() as cluster:
        yield None if cluster is None else cluster.url


@contextmanager
def fresh_database(url: str) -> Iterator[str]:
    """A new empty database on the server of `url`, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield _url_of(url, name)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _url_of(url: str, name: str) -> str:
    """A postgresql:// URL for database `name` on the server of `url`."""
    info = psycopg.conninfo.conninfo_to_dict(url)
    host = str(info.get("host", ""))
    user = str(info.get("user", ""))
    port = str(info.get("port", ""))
    password = str(info.get("password", ""))
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "@")
    if host.startswith("/"):
        query = f"?host={host}" + (f"&port={port}" if port else "")
        return f"postgresql://{auth}/{name}{query}"
    return f"postgresql://{auth}{host}{':' + port if port else ''}/{name}"
