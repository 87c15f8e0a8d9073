"""The durable job store on its own: ordering, bounds, crash recovery, poison jobs, retention."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from summarizer.jobs import MAX_ATTEMPTS, JobStore, QueueFullError, default_jobs_path
from summarizer.serve.workers import JobQueue


def test_jobs_file_sits_beside_the_cache(tmp_path: Path) -> None:
    assert default_jobs_path(tmp_path / "cache.sqlite") == tmp_path / "cache.sqlite.jobs.sqlite"


def test_fifo_claims_and_the_bound(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "j.sqlite")
    a = store.submit({"text": "a"}, "sha-a", limit=2, workers=1)
    b = store.submit({"text": "b"}, "sha-b", limit=2, workers=1)
    with pytest.raises(QueueFullError) as full:
        store.submit({"text": "c"}, "sha-c", limit=2, workers=1)
    assert full.value.http_status == 429 and full.value.retry_after >= 1
    first = store.claim()
    assert first is not None and first.id == a.id and first.status == "running" and first.attempts == 1
    store.submit({"text": "c"}, "sha-c", limit=2, workers=1)  # a running job frees its queue slot
    store.finish(a.id, '{"x": 1}')
    second = store.claim()
    assert second is not None and second.id == b.id
    store.fail(b.id, "fake: HTTP 500", 502)
    done, failed = store.get(a.id), store.get(b.id)
    assert done is not None and done.status == "done" and done.result == '{"x": 1}' and done.finished_at
    assert failed is not None and (failed.status, failed.error, failed.error_status) == (
        "failed",
        "fake: HTTP 500",
        502,
    )
    assert store.get("nope") is None


def test_retry_after_follows_recent_job_durations(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "j.sqlite")
    job = store.submit({"text": "a"}, "sha", limit=10, workers=1)
    store.claim()
    store.db.execute("update jobs set started_at = ? where id = ?", [time.time() - 40, job.id])
    store.finish(job.id, "{}")
    for i in range(3):
        store.submit({"text": str(i)}, "sha", limit=3, workers=1)
    with pytest.raises(QueueFullError) as full:
        store.submit({"text": "x"}, "sha", limit=3, workers=1)
    assert 115 <= full.value.retry_after <= 125  # 3 waiting x about 40 s each, one worker


def test_a_killed_server_s_running_job_is_queued_again_then_failed_as_poison(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    job = JobStore(path).submit({"text": "a"}, "sha", limit=10, workers=1)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        store = JobStore(path)  # a new server process on the same file
        store.recover()
        claimed = store.claim()
        assert claimed is not None and claimed.id == job.id and claimed.attempts == attempt
        store.close()  # ... killed while running it
    store = JobStore(path)
    assert store.recover() == 0
    final = store.get(job.id)
    assert final is not None and final.status == "failed"
    assert final.error == f"the server stopped {MAX_ATTEMPTS} times while running this job; not retried"


def test_graceful_requeue_is_not_counted_as_a_crash(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "j.sqlite")
    job = store.submit({"text": "a"}, "sha", limit=10, workers=1)
    store.claim()
    store.requeue([job.id])
    again = store.get(job.id)
    assert again is not None and again.status == "queued" and again.attempts == 0 and again.started_at is None


def test_finished_jobs_are_pruned_after_a_week(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "j.sqlite")
    old = store.submit({"text": "old"}, "sha", limit=10, workers=1)
    waiting = store.submit({"text": "waiting"}, "sha", limit=10, workers=1)
    store.claim()
    store.finish(old.id, "{}")
    store.db.execute("update jobs set finished_at = ? where id = ?", [time.time() - 8 * 24 * 3600, old.id])
    assert store.prune() == 1
    assert store.get(old.id) is None and store.get(waiting.id) is not None


def test_the_api_key_is_redacted_and_a_short_key_only_where_it_stands_alone(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite")
    queue = JobQueue(store, [], limit=1, secrets=["sk-live-0123456789", "a1", ""])
    said = "401 from http://m/v1: bad key sk-live-0123456789 (a1); a1b and data-a1 are other words"
    assert queue.redact(said) == "401 from http://m/v1: bad key *** (***); a1b and data-a1 are other words"
