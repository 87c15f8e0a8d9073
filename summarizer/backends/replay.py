"""Model calls recorded and replayed, for evals after a code change (``summarize eval --replay``).

The summary cache is keyed by the code's hash, so any change to a scanner or a field re-runs
every article through the model: about 25 s each on 2 cores, 40 minutes for a dev set's half.
Most of those calls are byte-for-byte the calls of the previous run (the claims prompt is the
article's sentences; a figures change does not touch the quotes prompt). This backend answers a
call from a SQLite file when its request is identical (messages, schema, every parameter, the
model's identity) and sends anything else to the model, recording the answer. At temperature 0
the model gives the same answer to the same request, so a replayed run scores what a fresh one
would, minus the time: its seconds are not a speed measurement.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..db import Migrations, immediate, open_db
from .base import Backend

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

__all__ = ["ReplayBackend", "request_key"]

MIGRATIONS = Migrations()


@MIGRATIONS
def m001_calls(conn: sqlite3.Connection) -> None:
    conn.execute("create table calls (key text primary key, response text not null, created_at float not null)")


def request_key(identity: dict[str, Any], kwargs: dict[str, Any]) -> str:
    """The hash of everything that can change an answer; the client timeout cannot."""
    request = {k: v for k, v in kwargs.items() if k != "timeout"}
    blob = json.dumps({"model": identity, "request": request}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class ReplayBackend(Backend):
    """Wraps a real backend: identical requests are answered from ``path``, new ones recorded."""

    def __init__(self, inner: Backend, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = path
        self.replayed = 0
        self.recorded = 0
        self._db = open_db(path, "replay file", "pass --replay PATH", MIGRATIONS, shared=True)
        self._lock = threading.Lock()

    def identity(self) -> dict[str, Any]:
        return self.inner.identity()  # the same model: summaries cache under the same key

    def create(self, **kwargs: Any) -> ChatCompletion:
        from openai.types.chat import ChatCompletion

        key = request_key(self.inner.identity(), kwargs)
        with self._lock:
            row = self._db.execute("select response from calls where key = ?", (key,)).fetchone()
        if row is not None:
            self.replayed += 1
            return ChatCompletion.model_validate_json(row[0])
        response = self.inner.create(**kwargs)  # a failed call raises and records nothing
        with self._lock, immediate(self._db):
            self._db.execute(
                "insert or replace into calls values (?, ?, ?)", (key, response.model_dump_json(), time.time())
            )
        self.recorded += 1
        return response

    def close(self) -> None:
        self.inner.close()
        self._db.close()
