"""Crash safety, concurrent writers and secrets, with real processes, real HTTP and a real SQLite file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ..conftest import GOOD, SEED, pass_of
from ..fakeserver import FakeServer

KEY = "sk-test-RECOGNISABLE-5f3a9c"


def articles(tmp_path: Path, n: int) -> list[Path]:
    text = SEED.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        p = tmp_path / f"article{i}.txt"
        p.write_text(text + f"\n\nUpdate {i}: more to follow.", encoding="utf-8")
        paths.append(p)
    return paths


def slow_good(delay: float):
    def route(body: dict):
        time.sleep(delay)
        return ("ok", json.dumps(GOOD[pass_of(body)]))

    return route


def cli(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    exe = Path(sys.executable).parent / "summarize"
    return subprocess.Popen(
        [str(exe), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kw,
    )


def entries(cache: Path) -> int:
    try:
        with sqlite3.connect(cache) as conn:
            return conn.execute("select count(*) from results").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_mid_batch_loses_nothing_finished(tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    paths = [str(p) for p in articles(tmp_path, 4)]
    with FakeServer(router=slow_good(0.4)) as server:
        common = ["--model", "fake", "--base-url", server.base_url, "--cache", str(cache), "--format", "json"]
        proc = cli(*paths, *common)
        deadline = time.monotonic() + 60
        while entries(cache) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        finished = entries(cache)
        assert 2 <= finished < 4

        again = cli(*paths, *common)
        out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    docs = json.loads(out)
    cached = [d["meta"]["cached"] for d in docs]
    assert cached.count(True) == finished and cached[:finished] == [True] * finished
    assert entries(cache) == 4
    with sqlite3.connect(cache) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_two_processes_share_one_cache_file(tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    a, b = articles(tmp_path, 6)[:3], articles(tmp_path, 6)[3:]
    with FakeServer(router=slow_good(0.02)) as server:
        common = ["--model", "fake", "--base-url", server.base_url, "--cache", str(cache), "--format", "json"]
        procs = [cli(*map(str, a), *common), cli(*map(str, b), *common)]
        results = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err
        assert len(json.loads(out)) == 3
    assert entries(cache) == 6


def test_api_key_never_written_anywhere(tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    home = tmp_path / "home"
    home.mkdir()
    env = {"SUMMARIZER_API_KEY": KEY, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    outputs = []
    with FakeServer(router=slow_good(0)) as server:
        ok = cli(
            str(SEED),
            "--model",
            "fake",
            "--base-url",
            server.base_url,
            "--cache",
            str(cache),
            "--format",
            "json",
            env=env,
        )
        outputs.append(ok.communicate(timeout=60))
        assert ok.returncode == 0
        # the key reached the server (so the test would notice if it were used) ...
        assert server.requests
    with FakeServer(script=[("status", 401)]) as server:
        bad = cli(str(SEED), "--model", "fake", "--base-url", server.base_url, "--cache", str(cache) + "2", env=env)
        outputs.append(bad.communicate(timeout=60))
        assert bad.returncode == 3
    for out, err in outputs:
        assert KEY not in out and KEY not in err
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.startswith("c.sqlite") for p in written)
    for path in written:
        assert KEY.encode() not in path.read_bytes(), path
