"""The one SQLite layer: how every file is opened (WAL, a busy timeout, autocommit) and migrated.

Plain ``sqlite3``: the cache is read on every run and ``sqlite_utils`` takes a tenth of a second
to import (jobs and eval runs wrap the connection in it where it helps). The cache, the jobs file
and the eval runs each live in their own file with their own ``Migrations``: named steps applied
once, in order, recorded in a ``_migrations`` table (the pattern of simonw/llm's
``migrations.py``), so a new column is a new function, never an edit.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ConfigError

__all__ = ["Migrations", "immediate", "open_db", "open_read_only", "writable"]

#: seconds a writer waits for another process's transaction before giving up
BUSY_SECONDS = 60


def open_db(
    path: Path,
    what: str,
    hint: str,
    migrations: Migrations | None = None,
    *,
    legacy: dict[int, str] | None = None,
    shared: bool = False,
) -> sqlite3.Connection:
    """Open (creating its folder) a SQLite file in WAL mode with a busy timeout, in autocommit mode
    so that transactions are explicit (``immediate``), and apply its ``migrations``. ``shared``
    lets other threads use the connection (the caller serialises them). Failures are one
    ``ConfigError`` line naming ``what`` (``"cache"``, ``"jobs file"``) and ending with ``hint``
    (``"pass --cache PATH"``)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=not shared)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(f"cannot open the {what} at {path}: {exc}; {hint}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = wal")
        if migrations is not None:
            migrations.apply(conn, legacy)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ConfigError(f"{path} is not a usable {what} ({exc}); remove it or {hint}") from None
    return conn


def writable(path: Path) -> bool:
    """Whether this process may write ``path`` and its folder (a read-only folder or mount, or a
    file it may only read, is opened read-only instead: see ``open_read_only``)."""
    folder = next((p for p in (path.parent, *path.parents) if p.exists()), Path("."))
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def open_read_only(
    path: Path, what: str, hint: str, migrations: Migrations | None = None, *, legacy: dict[int, str] | None = None
) -> sqlite3.Connection:
    """Open an existing SQLite file for reading only. A WAL file needs its ``-shm`` beside it; in a
    folder where that cannot be made, the file is read as immutable (nobody can be writing it)."""
    if not path.exists():
        raise ConfigError(f"cannot create the {what} at {path}: its folder is read-only; {hint}")
    last: Exception | None = None
    base = "file:" + urllib.parse.quote(str(path.resolve()))
    for uri in (f"{base}?mode=ro", f"{base}?immutable=1"):
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None)
            conn.execute("select count(*) from sqlite_master").fetchone()
            break
        except sqlite3.Error as exc:
            last = exc
    else:
        raise ConfigError(f"cannot read the {what} at {path} ({last}); {hint}") from None
    try:
        pending = migrations.pending(conn, legacy) if migrations is not None else []
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ConfigError(f"{path} is not a usable {what} ({exc}); {hint}") from None
    if pending:
        conn.close()
        raise ConfigError(
            f"the {what} at {path} is read-only and needs an upgrade ({', '.join(pending)}); make it writable or {hint}"
        )
    return conn


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction that takes the write lock at once (``BEGIN IMMEDIATE``): two processes
    never both read a state and then both write from it. Committed on exit, rolled back on error."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        yield


Migration = Callable[[sqlite3.Connection], None]


class Migrations:
    """Named schema steps of one file, registered with ``@migrations`` in the order they apply."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, Migration]] = []

    def __call__(self, fn: Migration) -> Migration:
        self.steps.append((fn.__name__, fn))
        return fn

    def pending(self, conn: sqlite3.Connection, legacy: dict[int, str] | None = None) -> list[str]:
        """The steps a file still needs, read without writing anything."""
        if _exists(conn, "_migrations"):
            done = {row[0] for row in conn.execute("select name from _migrations")}
        elif legacy and _exists(conn, "migrations"):
            done = {legacy[v] for (v,) in conn.execute("select version from migrations") if v in legacy}
        else:
            done = set()
        return [name for name, _ in self.steps if name not in done]

    def apply(self, conn: sqlite3.Connection, legacy: dict[int, str] | None = None) -> list[str]:
        """Apply the steps not yet recorded, in one immediate transaction; returns their names.

        ``legacy`` maps the version numbers of an older ``migrations`` table to step names, so a
        file made by an older release is not migrated twice."""
        applied: list[str] = []
        with immediate(conn):
            if not _exists(conn, "_migrations"):
                conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at FLOAT)")
                if legacy and _exists(conn, "migrations"):
                    for version, at in conn.execute("select version, applied_at from migrations").fetchall():
                        if version in legacy:
                            conn.execute("insert into _migrations values (?, ?)", [legacy[version], at])
            done = {row[0] for row in conn.execute("select name from _migrations")}
            for name, step in self.steps:
                if name not in done:
                    step(conn)
                    conn.execute("insert into _migrations values (?, ?)", [name, time.time()])
                    applied.append(name)
        return applied


def _exists(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("select 1 from sqlite_master where type = 'table' and name = ?", [table]).fetchone() is not None
