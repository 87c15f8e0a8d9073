"""SQLite cache of finished summaries (the journal: a batch killed half-way keeps what finished).

One row per (article, prompt version, schema version, model identity, generation parameters).
Only validated summaries are stored. WAL mode and a busy timeout let several processes share
one file; schema changes are named migrations (``summarizer.db``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .db import Migrations, immediate, open_db, open_read_only, writable
from .errors import ConfigError
from .models import Summary

__all__ = ["Cache", "cache_key", "strip_credentials"]

log = logging.getLogger("summarizer.cache")


def cache_key(**parts: Any) -> str:
    """Content hash of everything that can change the answer."""
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


_USERINFO_RE = re.compile(r"(?<=://)[^/?#@\s]*@")


def strip_credentials(value: Any) -> Any:
    """``value`` with ``user:password@`` taken out of every URL in it (a ``--base-url`` with a key
    in it must not be written to the cache file in plain text)."""
    if isinstance(value, str):
        return _USERINFO_RE.sub("", value)
    if isinstance(value, dict):
        return {k: strip_credentials(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [strip_credentials(v) for v in value]
    return value


MIGRATIONS = Migrations()


@MIGRATIONS
def m001_results(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE results (key TEXT PRIMARY KEY, article_sha256 TEXT, model TEXT, prompt_version TEXT, "
        "schema_version TEXT, request TEXT, response TEXT, input_tokens INTEGER, output_tokens INTEGER, "
        "attempts INTEGER, seconds FLOAT, created_at FLOAT)"
    )
    conn.execute("CREATE INDEX idx_results_article_sha256 ON results (article_sha256)")


#: the numbered ``migrations`` of releases before named ones (2 made ``eval_runs``, now in evals.sqlite)
_LEGACY = {1: "m001_results"}


_HINT = "pass --cache PATH"


class Cache:
    """The summaries file. One in a folder this process cannot write is opened read-only: hits are
    served, new summaries are not stored (one warning says so). Every SQLite failure afterwards (a
    damaged page, a locked file) is one ``ConfigError`` line, never a traceback."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.read_only = not writable(self.path)
        if self.read_only:
            self.db = open_read_only(self.path, "cache", _HINT, MIGRATIONS, legacy=_LEGACY)
        else:
            self.db = open_db(self.path, "cache", _HINT, MIGRATIONS, legacy=_LEGACY)
        self._warned = False

    @contextmanager
    def _reading(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:
            damaged = "malformed" in str(exc) or "not a database" in str(exc)
            what = "it is damaged: move it away (its summaries are lost) or " if damaged else ""
            raise ConfigError(f"cannot {doing} the cache at {self.path} ({exc}); {what}{_HINT}") from None

    def get(self, key: str) -> Summary | None:
        """The stored summary, or ``None``: a row that no longer validates (written by an older
        release, or damaged) is a miss, so the fresh run that follows replaces it."""
        with self._reading("read"):
            row = self.db.execute("select response from results where key = ?", [key]).fetchone()
        if row is None:
            return None
        try:
            return Summary.model_validate_json(row[0])
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            log.warning(
                "cache row %s in %s does not validate (%s); running again", key[:12], self.path, type(exc).__name__
            )
            return None

    def put(self, key: str, summary: Summary, request: dict[str, Any]) -> None:
        if self.read_only:
            if not self._warned:
                self._warned = True
                # on stderr, not only in a log: the person at the command line must see it once
                print(
                    f"summarize: warning: the cache at {self.path} is read-only: summaries are not stored; "
                    f"{_HINT} to keep them",
                    file=sys.stderr,
                )
            return
        m = summary.meta
        row = {
            "key": key,
            "article_sha256": m.article_sha256,
            "model": m.model,
            "prompt_version": m.prompt_version,
            "schema_version": m.schema_version,
            "request": json.dumps(strip_credentials(request), sort_keys=True),
            "response": summary.model_dump_json(),
            "input_tokens": m.input_tokens,
            "output_tokens": m.output_tokens,
            "attempts": m.attempts,
            "seconds": m.seconds,
            "created_at": time.time(),
        }
        columns = ", ".join(row)
        with self._reading("write to"):
            self.db.execute(
                f"insert or replace into results ({columns}) values ({', '.join('?' * len(row))})", list(row.values())
            )

    def stats(self) -> dict[str, Any]:
        with self._reading("read"):
            return self._stats()

    def _stats(self) -> dict[str, Any]:
        n, articles, secs, tin, tout = self.db.execute(
            "select count(*), count(distinct article_sha256), coalesce(sum(seconds),0), "
            "coalesce(sum(input_tokens),0), coalesce(sum(output_tokens),0) from results"
        ).fetchone()
        models = dict(self.db.execute("select model, count(*) from results group by model").fetchall())
        return {
            "path": str(self.path),
            "entries": n,
            "articles": articles,
            "model_seconds_saved_per_full_replay": round(secs, 1),
            "input_tokens": tin,
            "output_tokens": tout,
            "models": models,
            "bytes": self.path.stat().st_size if self.path.exists() else 0,
        }

    def clear(self) -> int:
        if self.read_only:
            raise ConfigError(f"the cache at {self.path} is read-only: make it writable to clear it, or {_HINT}")
        with self._reading("clear"):
            with immediate(self.db):
                n = int(self.db.execute("select count(*) from results").fetchone()[0])
                self.db.execute("delete from results")
            self.db.execute("VACUUM")
        return n

    def close(self) -> None:
        self.db.close()
