"""The SQLite layer: named migrations applied once per file, files from older releases adopted,
eval runs kept apart from the summary cache."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from summarizer import ConfigError
from summarizer.cache import Cache
from summarizer.db import Migrations, open_db
from summarizer.evals import EvalRuns, default_runs_path
from summarizer.jobs import JobStore


def names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("select name from _migrations order by applied_at, name")]


def test_each_migration_runs_once_in_order(tmp_path: Path) -> None:
    calls: list[str] = []
    steps = Migrations()

    @steps
    def m001_a(conn: sqlite3.Connection) -> None:
        calls.append("a")
        conn.execute("create table a (x integer)")

    @steps
    def m002_b(conn: sqlite3.Connection) -> None:
        calls.append("b")

    path = tmp_path / "x.sqlite"
    for _ in range(2):
        open_db(path, "test file", "pass another", steps).close()
    assert calls == ["a", "b"] and names(path) == ["m001_a", "m002_b"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_a_cache_from_a_numbered_release_is_adopted_not_migrated_again(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:  # what releases with numbered migrations left behind
        conn.execute("create table results (key text primary key, response text)")
        conn.execute("insert into results values ('k', '{}')")
        conn.execute("create table migrations (version integer primary key, applied_at float)")
        conn.executemany("insert into migrations values (?, ?)", [(1, time.time()), (2, time.time())])
    cache = Cache(path)
    cache.close()
    assert names(path) == ["m001_results"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("select key from results").fetchall() == [("k",)]


def test_jobs_file_is_migrated_too(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite")
    store.close()
    assert names(tmp_path / "jobs.sqlite") == ["m001_jobs", "m002_texts"]


def test_eval_runs_live_beside_the_cache_and_take_over_old_runs(tmp_path: Path) -> None:
    cache_path = tmp_path / "c.sqlite"
    with sqlite3.connect(cache_path) as conn:  # an older release kept runs in the cache
        conn.execute(
            "create table eval_runs (id text primary key, created_at float, model text, prompt_version text, "
            "schema_version text, seeds text, metrics text, report text)"
        )
        conn.execute("insert into eval_runs values ('old-run', 1.0, 'm', 'p', 's', '[]', '{}', '{}')")
    runs = EvalRuns(default_runs_path(cache_path), legacy_cache=cache_path)
    runs.save({"id": "new-run", "created_at": 2.0, "model": "m", "prompt_version": "p", "schema_version": "s",
               "seeds": [], "metrics": {}})  # fmt: skip
    assert [r["id"] for r in runs.history()] == ["old-run", "new-run"]
    assert runs.load("new") is not None and runs.load("nope") is None
    runs.close()
    assert default_runs_path(cache_path) == tmp_path / "evals.sqlite"
    with sqlite3.connect(cache_path) as conn:  # the cache itself is not written
        assert conn.execute("select count(*) from eval_runs").fetchone()[0] == 1


def test_a_file_that_is_not_sqlite_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "jobs.sqlite"
    bad.write_bytes(b"not a database" * 200)
    with pytest.raises(ConfigError, match=r"is not a usable jobs file .*; remove it or pass --jobs PATH"):
        JobStore(bad)
