"""SQLite cache of finished summaries (the journal: a batch killed half-way keeps what finished).

One row per (article, prompt version, schema version, model identity, generation parameters).
Only validated summaries are stored. WAL mode and a busy timeout let several processes share
one file; schema changes are numbered migrations recorded in ``migrations``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils

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


def _m1_results(db: sqlite_utils.Database) -> None:
    db.table("results").create(
        {
            "key": str,
            "article_sha256": str,
            "model": str,
            "prompt_version": str,
            "schema_version": str,
            "request": str,
            "response": str,
            "input_tokens": int,
            "output_tokens": int,
            "attempts": int,
            "seconds": float,
            "created_at": float,
        },
        pk="key",
    )
    db.table("results").create_index(["article_sha256"])


def _m2_eval_runs(db: sqlite_utils.Database) -> None:
    db.table("eval_runs").create(
        {
            "id": str,
            "created_at": float,
            "model": str,
            "prompt_version": str,
            "schema_version": str,
            "seeds": str,
            "metrics": str,
            "report": str,
        },
        pk="id",
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_m1_results, _m2_eval_runs]


class Cache:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"cannot open the cache at {self.path}: {exc}; pass --cache PATH") from None
        conn.execute("PRAGMA busy_timeout = 60000")
        self.db = sqlite_utils.Database(conn)
        try:
            self.db.enable_wal()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"{self.path} is not a usable cache ({exc}); remove it or pass --cache") from None

    def _migrate(self) -> None:
        with self.db.conn:
            self.db.execute("BEGIN IMMEDIATE")
            if "migrations" not in self.db.table_names():
                self.db.table("migrations").create({"version": int, "applied_at": float}, pk="version")
            done = {row["version"] for row in self.db.table("migrations").rows}
            for version, migration in enumerate(MIGRATIONS, 1):
                if version not in done:
                    migration(self.db)
                    self.db.table("migrations").insert({"version": version, "applied_at": time.time()})

    def get(self, key: str) -> Summary | None:
        """The stored summary, or ``None``: a row that no longer validates (written by an older
        release, or damaged) is a miss, so the fresh run that follows replaces it."""
        try:
            row = self.db.table("results").get(key)
        except sqlite_utils.db.NotFoundError:
            return None
        try:
            return Summary.model_validate_json(row["response"])
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            log.warning(
                "cache row %s in %s does not validate (%s); running again", key[:12], self.path, exc.__class__.__name__
            )
            return None

    def put(self, key: str, summary: Summary, request: dict[str, Any]) -> None:
        m = summary.meta
        with self.db.conn:
            self.db.table("results").upsert(
                {
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
                },
                pk="key",
            )

    def stats(self) -> dict[str, Any]:
        rows = next(
            iter(
                self.db.query(
                    "select count(*) n, count(distinct article_sha256) articles, coalesce(sum(seconds),0) secs, "
                    "coalesce(sum(input_tokens),0) tin, coalesce(sum(output_tokens),0) tout from results"
                )
            )
        )
        models = {r["model"]: r["n"] for r in self.db.query("select model, count(*) n from results group by model")}
        return {
            "path": str(self.path),
            "entries": rows["n"],
            "articles": rows["articles"],
            "model_seconds_saved_per_full_replay": round(rows["secs"], 1),
            "input_tokens": rows["tin"],
            "output_tokens": rows["tout"],
            "models": models,
            "bytes": self.path.stat().st_size if self.path.exists() else 0,
        }

    def clear(self) -> int:
        with self.db.conn:
            n = self.db.table("results").count
            self.db.execute("delete from results")
        self.db.vacuum()
        return n

    def close(self) -> None:
        self.db.conn.close()
