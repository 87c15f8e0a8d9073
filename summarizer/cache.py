"""SQLite cache of finished summaries (the journal: a batch killed half-way keeps what finished).

One row per (article, prompt version, schema version, model identity, generation parameters).
Only validated summaries are stored. WAL mode and a busy timeout let several processes share
one file; schema changes are named migrations (``summarizer.db``).
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

import sqlite_utils

from .db import Migrations, open_db
from .models import Summary

__all__ = ["Cache", "cache_key"]


def cache_key(**parts: Any) -> str:
    """Content hash of everything that can change the answer."""
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


MIGRATIONS = Migrations()


@MIGRATIONS
def m001_results(db: sqlite_utils.Database) -> None:
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


#: the numbered ``migrations`` of releases before named ones (2 made ``eval_runs``, now in evals.sqlite)
_LEGACY = {1: "m001_results"}


class Cache:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.db = open_db(self.path, "cache", "pass --cache PATH", MIGRATIONS, legacy=_LEGACY)

    def get(self, key: str) -> Summary | None:
        try:
            row = self.db.table("results").get(key)
        except sqlite_utils.db.NotFoundError:
            return None
        return Summary.model_validate_json(row["response"])

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
                    "request": json.dumps(request, sort_keys=True),
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
