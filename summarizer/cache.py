"""SQLite cache of finished summaries (the journal: a batch killed half-way keeps what finished).

One row per (article, prompt version, schema version, model identity, generation parameters).
Only validated summaries are stored. WAL mode and a busy timeout let several processes share
one file; schema changes are named migrations (``summarizer.db``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from .db import Migrations, immediate, open_db
from .models import Summary

__all__ = ["Cache", "cache_key"]


def cache_key(**parts: Any) -> str:
    """Content hash of everything that can change the answer."""
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


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


class Cache:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.db = open_db(self.path, "cache", "pass --cache PATH", MIGRATIONS, legacy=_LEGACY)

    def get(self, key: str) -> Summary | None:
        row = self.db.execute("select response from results where key = ?", [key]).fetchone()
        return None if row is None else Summary.model_validate_json(row[0])

    def put(self, key: str, summary: Summary, request: dict[str, Any]) -> None:
        m = summary.meta
        row = {
            "key": key,
            "article_sha256": m.article_sha256,
            "model": m.model,
            "prompt_version": m.prompt_version,
            "schema_version": m.schema_version,
            "request": json.dumps(request, sort_keys=True),
            "response": summary.model_dump_json(),
            "input_tokens": m.input_tokens,
            "output_tokens": m.output_tokens,
            "attempts": m.attempts,
            "seconds": m.seconds,
            "created_at": time.time(),
        }
        columns = ", ".join(row)
        self.db.execute(
            f"insert or replace into results ({columns}) values ({', '.join('?' * len(row))})", list(row.values())
        )

    def stats(self) -> dict[str, Any]:
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
        with immediate(self.db):
            n = int(self.db.execute("select count(*) from results").fetchone()[0])
            self.db.execute("delete from results")
        self.db.execute("VACUUM")
        return n

    def close(self) -> None:
        self.db.close()
