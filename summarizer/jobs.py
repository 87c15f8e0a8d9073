"""Durable jobs for ``summarize serve``: a SQLite queue that survives ``kill -9`` (its workers are
``summarizer.serve.workers``).

Every article the service accepts (``POST /v1/jobs`` and the synchronous ``POST /v1/summaries``
alike) is first written to the ``jobs`` table, then taken by a worker thread. A server killed while
jobs are queued or running finds them on start-up (``running`` goes back to ``queued``) and finishes
them, so nothing accepted is lost. The jobs live in their own file beside the cache
(``<cache>.jobs.sqlite``): the cache stays a pure journal of validated summaries, and ``cache clear``
never drops accepted work.

The queue is bounded: with ``limit`` jobs waiting, ``submit`` raises :class:`QueueFullError` and the
HTTP layer answers 429 with ``Retry-After`` estimated from the durations of recent jobs.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from .db import Migrations, immediate, open_db
from .errors import SummarizerError

__all__ = [
    "Job",
    "JobStatus",
    "JobStore",
    "QueueFullError",
    "default_jobs_path",
]


JobStatus = Literal["queued", "running", "done", "failed"]

#: A job found ``running`` on start-up this many times is failed instead of retried (a poison article
#: that kills the server must not kill it again on every restart).
MAX_ATTEMPTS = 3

#: Finished jobs (with their result) are deleted this long after they finished...
KEEP_SECONDS = 7 * 24 * 3600
#: ... or sooner, oldest first, when more finished jobs than this are kept ...
KEEP_JOBS = 10_000
#: ... or their results and article texts take more bytes than this (a web page's result carries its text too)
KEEP_BYTES = 64_000_000


class QueueFullError(SummarizerError):
    """The bounded queue is full (429) or the server is stopping (503); ``retry_after`` is the
    estimated wait in seconds, sent as ``Retry-After``."""

    exit_code = 3

    def __init__(self, message: str, retry_after: int, status: int = 429) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.http_status = status
        self.headers = {"Retry-After": str(retry_after)}


def default_jobs_path(cache_path: Path) -> Path:
    """The jobs file sits beside the cache file: ``cache.sqlite`` -> ``cache.sqlite.jobs.sqlite``."""
    return cache_path.with_name(cache_path.name + ".jobs.sqlite")


MIGRATIONS = Migrations()


@MIGRATIONS
def m001_jobs(conn: sqlite3.Connection) -> None:
    db = sqlite_utils.Database(conn)
    if "jobs" in db.table_names():  # made by a release before named migrations
        return
    db.table("jobs").create(
        {
            "id": str,
            "status": str,
            "request": str,
            "article_sha256": str,
            "result": str,
            "error": str,
            "error_status": int,
            "attempts": int,
            "created_at": float,
            "started_at": float,
            "finished_at": float,
        },
        pk="id",
        not_null={"status", "request", "article_sha256", "attempts", "created_at"},
    )
    db.table("jobs").create_index(["status", "created_at"])


@MIGRATIONS
def m002_texts(conn: sqlite3.Connection) -> None:
    """Article texts stored once per sha256 and only while a job that holds them is kept
    (150 jobs for one 195 KB article grew the file by 35 MB when each job held its own copy)."""
    conn.execute("CREATE TABLE texts (sha256 TEXT PRIMARY KEY, text TEXT NOT NULL, created_at FLOAT)")


@dataclass(frozen=True)
class Job:
    id: str
    status: JobStatus
    request: dict[str, Any]
    article_sha256: str
    result: str | None
    error: str | None
    error_status: int | None
    attempts: int
    created_at: float
    started_at: float | None
    finished_at: float | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Job:
        """A row of ``jobs`` (joined with its text, while it is kept, as ``_text``)."""
        row = dict(row)
        text = row.pop("_text", None)
        request = json.loads(row["request"])
        if text is not None:
            request["text"] = text
        return cls(**{**row, "request": request})


class JobStore:
    """The ``jobs`` table. One connection shared by the HTTP thread and the workers under a lock;
    every state change is one short transaction (``summarizer.db``: WAL, 60 s busy timeout)."""

    def __init__(self, path: Path, *, keep_jobs: int = KEEP_JOBS, keep_bytes: int = KEEP_BYTES) -> None:
        self.path = Path(path)
        self.keep_jobs = keep_jobs
        self.keep_bytes = keep_bytes
        self._lock = threading.RLock()
        self.db = sqlite_utils.Database(open_db(self.path, "jobs file", "pass --jobs PATH", MIGRATIONS, shared=True))

    def _transaction(self, fn: Callable[[], Any]) -> Any:
        with self._lock, immediate(self.db.conn):
            return fn()

    def count(self, status: JobStatus) -> int:
        with self._lock:
            return int(self.db.execute("select count(*) from jobs where status = ?", [status]).fetchone()[0])

    def submit(self, request: dict[str, Any], article_sha256: str, limit: int, workers: int) -> Job:
        """Insert a queued job, or raise :class:`QueueFullError` when ``limit`` jobs already wait."""

        def insert() -> Job:
            waiting = self.db.execute("select count(*) from jobs where status = 'queued'").fetchone()[0]
            if waiting >= limit:
                raise QueueFullError(
                    f"the queue is full ({waiting} articles waiting); retry later", self._retry_after(waiting, workers)
                )
            stored = {k: v for k, v in request.items() if k != "text"}
            if "text" in request:  # one copy per article, however many jobs ask for it
                self.db.execute(
                    "insert or ignore into texts (sha256, text, created_at) values (?, ?, ?)",
                    [article_sha256, request["text"], time.time()],
                )
            row = {
                "id": uuid.uuid4().hex,
                "status": "queued",
                "request": json.dumps(stored, ensure_ascii=False),
                "article_sha256": article_sha256,
                "result": None,
                "error": None,
                "error_status": None,
                "attempts": 0,
                "created_at": time.time(),
                "started_at": None,
                "finished_at": None,
            }
            self.db.table("jobs").insert(row)
            return Job.from_row({**row, "_text": request.get("text")})

        job: Job = self._transaction(insert)
        return job

    def _retry_after(self, waiting: int, workers: int) -> int:
        """Seconds until a slot is likely free: recent job durations times the jobs ahead."""
        recent = [
            r[0]
            for r in self.db.execute(
                "select finished_at - started_at from jobs where status in ('done', 'failed') "
                "and started_at is not null order by finished_at desc limit 20"
            ).fetchall()
        ]
        per_job = sum(recent) / len(recent) if recent else 30.0
        return max(1, min(3600, math.ceil(per_job * max(1, waiting) / max(1, workers))))

    def claim(self) -> Job | None:
        """Take the oldest queued job and mark it running (one transaction, so two workers never
        take the same job)."""

        def take() -> Job | None:
            row = self.db.execute(
                "select id from jobs where status = 'queued' order by created_at, rowid limit 1"
            ).fetchone()
            if row is None:
                return None
            self.db.execute(
                "update jobs set status = 'running', started_at = ?, attempts = attempts + 1 where id = ?",
                [time.time(), row[0]],
            )
            return self.get(row[0])

        job: Job | None = self._transaction(take)
        return job

    def finish(self, job_id: str, result: str) -> None:
        with self._lock, immediate(self.db.conn):
            self.db.execute(
                "update jobs set status = 'done', result = ?, error = null, error_status = null, finished_at = ? "
                "where id = ?",
                [result, time.time(), job_id],
            )
            self._cap()

    def fail(self, job_id: str, error: str, status: int) -> None:
        with self._lock, immediate(self.db.conn):
            self.db.execute(
                "update jobs set status = 'failed', error = ?, error_status = ?, finished_at = ? where id = ?",
                [error, status, time.time(), job_id],
            )
            self._cap()

    def _cap(self) -> int:
        """Finished jobs beyond ``keep_jobs``, or beyond ``keep_bytes`` of results and article texts
        (a text shared by several jobs counts for each), go, oldest first; then every text no kept
        job holds. A finished job keeps its text so that its report can be shown again (the page)."""
        cursor = self.db.execute(
            "delete from jobs where id in (select id from (select jobs.id as id, "
            "row_number() over (order by finished_at desc, jobs.rowid desc) n, "
            "sum(coalesce(length(result), 0) + coalesce(length(error), 0) + coalesce(length(texts.text), 0)) "
            "over (order by finished_at desc, jobs.rowid desc) total "
            "from jobs left join texts on texts.sha256 = jobs.article_sha256 "
            "where status in ('done', 'failed')) where n > ? or total > ?)",
            [self.keep_jobs, self.keep_bytes],
        )
        self.db.execute(
            "delete from texts where not exists (select 1 from jobs j where j.article_sha256 = texts.sha256)"
        )
        return int(cursor.rowcount)

    def room(self, limit: int, workers: int) -> None:
        """Raise what ``submit`` would for a full queue, before anything is spent on an article."""
        with self._lock:
            waiting = self.count("queued")
            if waiting >= limit:
                retry = self._retry_after(waiting, workers)
                raise QueueFullError(f"the queue is full ({waiting} articles waiting); retry later", retry)

    def requeue(self, job_ids: Iterable[str]) -> None:
        """Put jobs interrupted by a graceful stop back in the queue; the stop is not held against them."""
        with self._lock, self.db.conn:
            for job_id in job_ids:
                self.db.execute(
                    "update jobs set status = 'queued', started_at = null, attempts = max(0, attempts - 1) "
                    "where id = ? and status = 'running'",
                    [job_id],
                )

    def recover(self, max_attempts: int = MAX_ATTEMPTS) -> int:
        """On start-up: jobs a killed server left ``running`` are queued again (or failed when they
        were interrupted ``max_attempts`` times). Returns how many jobs are queued now."""

        def fix() -> int:
            self.db.execute(
                "update jobs set status = 'failed', error_status = 503, finished_at = ?, error = "
                "'the server stopped ' || attempts || ' times while running this job; not retried' "
                "where status = 'running' and attempts >= ?",
                [time.time(), max_attempts],
            )
            self.db.execute("update jobs set status = 'queued', started_at = null where status = 'running'")
            return int(self.db.execute("select count(*) from jobs where status = 'queued'").fetchone()[0])

        queued: int = self._transaction(fix)
        return queued

    def prune(self, older_than: float = KEEP_SECONDS) -> int:
        """Forget finished jobs after ``older_than`` seconds (and beyond the count and size caps),
        and every kept text no kept job holds."""
        with self._lock, immediate(self.db.conn):
            cursor = self.db.execute(
                "delete from jobs where status in ('done', 'failed') and finished_at < ?", [time.time() - older_than]
            )
            return int(cursor.rowcount) + self._cap()

    def recent(self, limit: int) -> list[dict[str, Any]]:
        """The newest ``limit`` jobs, newest first, for a list a person picks a job from: id,
        status, timestamps, error and the request's ``title``; not the text, not the result."""
        with self._lock:
            return list(
                self.db.query(
                    "select id, status, created_at, started_at, finished_at, error, "
                    "json_extract(request, '$.title') as title "
                    "from jobs order by created_at desc, rowid desc limit ?",
                    [limit],
                )
            )

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            rows = list(
                self.db.query(
                    "select jobs.*, texts.text as _text from jobs "
                    "left join texts on texts.sha256 = jobs.article_sha256 where jobs.id = ?",
                    [job_id],
                )
            )
        return Job.from_row(rows[0]) if rows else None

    def close(self) -> None:
        with self._lock:
            self.db.conn.close()
